"""The toolkit editor: each release's version label is unique within the toolkit."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class ToolkitPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        seen = set()
        for form in self.formsets["releases"].forms:
            form.is_valid()  # cleans the form; a version clash is worth reporting alongside its other errors
            fields = getattr(form, "cleaned_data", {})
            version = fields.get("version", "").strip().casefold()
            if not version or fields.get("DELETE"):
                continue
            if version in seen:
                form.add_error("version", _("Another release of this toolkit has this version already."))
            seen.add(version)
        return cleaned
