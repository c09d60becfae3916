"""A member's profile for other members (never the public): opt-in, off by default."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

# Languages a person may say they speak: the hub's six and the languages most spoken across the member cities
# (those Django names in every language: django.conf.locale.LANG_INFO).
SPOKEN_LANGUAGES = (
    "en", "fr", "es", "ar", "ru", "ko", "zh-hans", "ja", "pt", "de", "it", "nl", "pl", "tr", "fa", "hi", "bn", "ur",
    "id", "ms", "vi", "th", "mn", "kk", "uz", "ky", "az", "ka", "hy", "uk", "sw", "he", "el", "ro",
)  # fmt: skip


def spoken_language_choices():
    """(code, name in the reader's language), by name."""
    choices = [(code, str(get_language_info(code)["name_translated"])) for code in SPOKEN_LANGUAGES]
    return sorted(choices, key=lambda choice: choice[1].casefold())


def language_name(code):
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


class PeerProfileQuerySet(models.QuerySet):
    def visible(self):
        """Published profiles of active people whose membership of an active organisation is approved and who hold a
        verified address: the rule members.services.qualifies_as_member applies to one person, as one filter."""
        from allauth.account.models import EmailAddress

        from members.models import Membership, Organisation

        verified = EmailAddress.objects.filter(user=models.OuterRef("user"), verified=True)
        return self.filter(
            is_published=True,
            user__is_active=True,
            user__membership__status=Membership.Status.APPROVED,
            user__membership__organisation__status=Organisation.Status.ACTIVE,
        ).filter(models.Exists(verified))


class PeerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="peer_profile"
    )
    is_published = models.BooleanField(_("shown to other members"), default=False)
    topics = models.ManyToManyField("core.Topic", verbose_name=_("topics of expertise"), blank=True, related_name="+")
    # The codes, each between commas (",en,fr,"): one LIKE filters by a language on every database.
    languages = models.CharField(_("languages spoken"), max_length=400, blank=True, default="")
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    objects = PeerProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        indexes = [models.Index(fields=["is_published", "updated_at"])]

    def __str__(self):
        return str(self.user)

    @property
    def language_codes(self):
        return [code for code in self.languages.split(",") if code]

    @language_codes.setter
    def language_codes(self, codes):
        self.languages = f",{','.join(codes)}," if codes else ""

    @property
    def language_names(self):
        return [language_name(code) for code in self.language_codes]
