from django import forms
from django.conf import settings
from django.db import models
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.forms import TimeZoneField
from core.widgets import LongSelect

from .models import Membership, Organisation, Region, User


class DirectorySort(models.TextChoices):
    NAME = "name", _("Name (A–Z)")
    NEWEST = "newest", _("Newest members first")
    REGION = "region", _("Region, then name")


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_("Any spelling: Seoul, 서울…"),
    )
    region = forms.ChoiceField(label=_("Region"), required=False, widget=LongSelect)
    country = forms.ChoiceField(label=_("Country"), required=False, widget=LongSelect)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=DirectorySort.choices, widget=LongSelect)

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions")), *Region.choices]
        self.fields["country"].choices = [("", _("All countries")), *countries]

    def filters(self):
        """The valid values only: an unknown sort or an over-long name is reported on the form, the rest applies."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "query": cleaned.get("q") or "",
            "region": cleaned.get("region") or "",
            "country": cleaned.get("country") or "",
            "sort": cleaned.get("sort") or DirectorySort.NAME,
        }


class OrganisationSelect(LongSelect):
    """The organisations as a plain <select> grouped by region (<optgroup>, regions in the order of their names),
    which works without JavaScript. Each option carries ``data-search``: its name, city, native name and other names
    in normalised form, which static/js/organisation-filter.js matches as the person types in a filter box."""

    def __init__(self, attrs=None):
        super().__init__(
            {
                "data-filter-label": _("Find your city in the list (any spelling: Seoul, 서울…)"),
                "data-filter-count": _("Cities and organisations that match: {count}"),
                "data-filter-none": _("None matches. Try another spelling, or clear the box to see the whole list."),
                **(attrs or {}),
            }
        )

    def option_pairs(self, value):
        pairs = list(self.choices)
        blank = [pair for pair in pairs if not getattr(pair[0], "instance", None)]
        by_region = {}
        for option_value, label in pairs:
            instance = getattr(option_value, "instance", None)
            if instance is not None:
                by_region.setdefault(instance.region, []).append((option_value, label))
        groups = [(str(label), by_region[code]) for code, label in Region.by_name() if code in by_region]
        return [*blank, *groups]

    def render_one(self, option_value, label, selected):
        html = super().render_one(option_value, label, selected)
        instance = getattr(option_value, "instance", None)
        if instance is None:
            return html
        return html.replace("<option ", f'<option data-search="{escape(instance.search_names)}" ', 1)


class OrganisationChoiceField(forms.ModelChoiceField):
    widget = OrganisationSelect

    def label_from_instance(self, obj):
        native = f" – {obj.native_name}" if obj.native_name else ""
        return f"{obj.name}{native} ({obj.city}, {obj.country.name})"


def active_organisations():
    return (
        Organisation.objects.active()
        .only("name", "city", "country", "region", "native_name", "search_names")
        .order_by("name")
    )


def organisation_from_link(form):
    """``?organisation=<slug>`` on the page (the "Join as staff of …" link of a city's profile) chooses that city,
    unless the form is already filled in."""
    from allauth.core import context

    request = context.request
    if form.is_bound or request is None:
        return None
    from .selectors import active_organisation_by_slug

    organisation = active_organisation_by_slug(request.GET.get("organisation", ""))
    return organisation.pk if organisation else None


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    organisation = OrganisationChoiceField(
        label=_("Your city or organisation"),
        queryset=active_organisations(),
        required=False,
        empty_label=_("— I am not staff of a member organisation —"),
        help_text=_("Your focal point approves the request; staff with a city email address join at once."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        preselected = organisation_from_link(self)
        if preselected is not None:
            self.initial["organisation"] = preselected

    def signup(self, request, user):
        from . import services  # services import this module's models; keep the form importable on its own

        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        if self.cleaned_data.get("organisation"):
            services.request_membership(user=user, organisation=self.cleaned_data["organisation"])


class JoinOrganisationForm(forms.Form):
    organisation = OrganisationChoiceField(label=_("Your city or organisation"), queryset=active_organisations())


class ProfileForm(forms.ModelForm):
    time_zone = TimeZoneField(label=_("Time zone"), required=False, blank_label=_("Use my browser's time zone"))

    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title", "department", "preferred_language", "time_zone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].choices = settings.LANGUAGES


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the person)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea({"rows": 2}),
    )


# Enough for a department at a time; a whole city's staff list goes in a few submissions, each answered at once.
INVITATIONS_PER_SUBMISSION = 50


class InviteForm(forms.Form):
    addresses = forms.CharField(
        label=_("Email addresses"),
        help_text=_("One per line, or separated by commas. Up to %(count)d addresses at a time.")
        % {"count": INVITATIONS_PER_SUBMISSION},
        widget=forms.Textarea({"rows": 5}),
        max_length=20_000,
    )
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.STAFF)

    def clean(self):
        """``valid`` and ``invalid``: the addresses to invite and the lines that are not addresses."""
        from .services import parse_addresses

        cleaned = super().clean()
        valid, invalid = parse_addresses(cleaned.get("addresses", ""))
        if len(valid) > INVITATIONS_PER_SUBMISSION:
            raise forms.ValidationError(
                _("That is %(given)d addresses: paste at most %(count)d at a time, then the next ones.")
                % {"given": len(valid), "count": INVITATIONS_PER_SUBMISSION}
            )
        return {**cleaned, "valid": valid, "invalid": invalid}


class PublicContactForm(forms.Form):
    public_contact_email = forms.EmailField(
        label=_("Public contact address"),
        required=False,
        help_text=_(
            "Shown on your city's public profile. Prefer a shared address (e.g. digital@city.example); publish a "
            "personal one only if its owner agrees. Leave empty to show none."
        ),
    )

    def clean_public_contact_email(self):
        return self.cleaned_data["public_contact_email"].lower()


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    confirm = forms.BooleanField(label=_("I understand that this cannot be undone."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
