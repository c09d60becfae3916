from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import parse_id, plain_query
from core.widgets import LongSelect
from members.models import Region

from .models.profiles import SPOKEN_LANGUAGES, spoken_language_choices


class ProfileForm(forms.Form):
    """What a member shows other members. Off until they tick the box."""

    published = forms.BooleanField(
        label=_("Show my profile to other members"),
        required=False,
        help_text=_(
            "Only signed-in staff of member cities whose membership is approved can see it, in “Find a peer”. It is "
            "never shown to the public or to search engines. Untick the box to hide it again at any time."
        ),
    )
    job_title = forms.CharField(label=_("Job title"), max_length=120, required=False)
    department = forms.CharField(label=_("Department"), max_length=120, required=False)
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics of expertise"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages I speak"), required=False, widget=forms.CheckboxSelectMultiple
    )
    bio = forms.CharField(
        label=_("Short bio"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you work on and what you could share with other cities (up to 1,000 characters)."),
    )

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        from core.models import Topic

        self.fields["topics"].queryset = Topic.objects.filter(pk__in=[topic.pk for topic in topics]).order_by("name")
        self.fields["languages"].choices = spoken_language_choices()


class PeerFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name, job or field"),
        required=False,
        max_length=1000,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False, widget=LongSelect)
    region = forms.ChoiceField(label=_("Region"), required=False, widget=LongSelect)
    city = forms.ChoiceField(label=_("Member city"), required=False, widget=LongSelect)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=LongSelect)

    def __init__(self, *args, topics, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = {topic.slug: topic for topic in topics}
        self.fields["topic"].choices = [("", _("All topics")), *((topic.slug, topic.name) for topic in topics)]
        self.fields["region"].choices = [("", _("All regions")), *Region.by_name()]
        self.fields["city"].choices = [("", _("All member cities")), *((str(pk), name) for pk, name in cities)]
        self.fields["language"].choices = [("", _("All languages")), *spoken_language_choices()]

    def clean_q(self):
        return plain_query(self.cleaned_data["q"])

    def filters(self):
        """The valid values only: an unknown choice is reported on the form and ignored, the rest applies."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        language = cleaned.get("language") or ""
        return {
            "query": cleaned.get("q") or "",
            "topic": self.topics.get(cleaned.get("topic") or ""),
            "region": cleaned.get("region") or "",
            "organisation_id": parse_id(cleaned.get("city") or ""),
            "language": language if language in SPOKEN_LANGUAGES else "",
        }


class RecipientForm(forms.Form):
    """Who a new message is for, from the query string or the form: a profile, or the case or toolkit whose contact
    is written to, by id (never an address)."""

    profile = forms.CharField(required=False, widget=forms.HiddenInput)
    page = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        profile, page = (cleaned.get(name) or "" for name in ("profile", "page"))
        if bool(profile) == bool(page):
            raise forms.ValidationError(_("Choose one person or one case to write to."))
        cleaned["profile_id"] = parse_id(profile) if profile else None
        cleaned["page_id"] = parse_id(page) if page else None
        if cleaned["profile_id"] is None and cleaned["page_id"] is None:
            raise forms.ValidationError(_("This person or case contact cannot be written to through WeGo Hub."))
        return cleaned


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))

    def clean_subject(self):
        return " ".join(self.cleaned_data["subject"].split())


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your answer"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this conversation? (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    block = forms.BooleanField(label=_("Also block this person"), required=False, initial=True)
