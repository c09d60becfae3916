"""The toolkit editor: each release's version label is unique within the toolkit."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class ToolkitPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        seen = set()
        for form in self.formsets["releases"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            version = form.cleaned_data.get("version", "").strip().casefold()
            if version in seen:
                form.add_error("version", _("Another release of this toolkit has this version already."))
            seen.add(version)
        return cleaned
