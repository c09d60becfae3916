import re
import unicodedata

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from core.maps import plausibly_in


class EmailUserManager(UserManager):
    """Users log in with their email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("email address"), unique=True)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    department = models.CharField(_("department"), max_length=120, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, blank=True, help_text=_("An IANA name such as Asia/Seoul.")
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def display_name(self):
        return self.get_full_name() or self.email.split("@")[0]


class Region(models.TextChoices):
    """The association's world regions; every country belongs to exactly one."""

    AFRICA = "africa", _("Africa")
    ASIA_PACIFIC = "asia_pacific", _("Asia and the Pacific")
    EUROPE = "europe", _("Europe")
    EURASIA = "eurasia", _("Eurasia")
    LATIN_AMERICA_CARIBBEAN = "latin_america_caribbean", _("Latin America and the Caribbean")
    MIDDLE_EAST_NORTH_AFRICA = "middle_east_north_africa", _("Middle East and North Africa")
    NORTH_AMERICA = "north_america", _("North America")

    @classmethod
    def by_name(cls):
        """(code, label) in the order of the labels in the current language, not of the codes."""
        return sorted(cls.choices, key=lambda choice: str(choice[1]).casefold())


def normalise_name(text):
    """A form of a name to compare spellings: accents dropped, case folded (also beyond ASCII: SQLite's LIKE only folds
    ASCII), runs of spaces made one. Hangul and other scripts keep their letters: only combining marks go."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    kept = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(unicodedata.normalize("NFC", kept).casefold().split())


def split_aliases(text):
    """Aliases are one per line; a comma also separates (a pasted list works)."""
    return [part.strip() for part in re.split(r"[\n,]", text or "") if part.strip()]


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Organisation.Status.ACTIVE)

    def member_cities(self):
        return self.filter(kind=Organisation.Kind.MEMBER_CITY)

    def matching(self, query):
        """Organisations whose name, city, native name or an alias contains ``query``, however it is spelt in case
        and accents ("Seoul", "SEOUL", "서울"): a substring of the normalised ``search_names`` column."""
        normalised = normalise_name(query)
        return self.filter(search_names__contains=normalised) if normalised else self


class Organisation(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        MEMBER_CITY = "member_city", _("Member city")
        ASSOCIATE_MEMBER = "associate_member", _("Associate member")
        PARTNER = "partner", _("Partner")
        SECRETARIAT = "secretariat", _("Secretariat")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        FORMER = "former", _("Former member")

    name = models.CharField(_("name"), max_length=160, unique=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=32, choices=Region.choices, db_index=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.MEMBER_CITY)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE, db_index=True)
    year_joined = models.PositiveSmallIntegerField(_("year joined"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    native_name = models.CharField(
        _("native name"), max_length=160, blank=True, help_text=_("The name in the city's own language, e.g. 서울.")
    )
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Other names people search for, one per line (or separated by commas), e.g. Seoul City."),
    )
    cover_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide picture of the city for its profile page."),
    )
    public_contact_email = models.EmailField(
        _("public contact address"),
        blank=True,
        help_text=_(
            "Shown on the public profile. Use a shared role address (e.g. digital@city.example); a personal address "
            "only if its owner, the focal point, asked for it to be published."
        ),
    )
    description = models.TextField(_("short description"), blank=True)
    email_domains = models.TextField(
        _("email domains"),
        blank=True,
        help_text=_("One per line, e.g. seoul.go.kr. Staff with a verified address there join automatically."),
    )
    # Where the city is, for the maps (core.maps): decimal degrees, north and east positive.
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, north positive, e.g. 37.56650 for Seoul. Places the city on the maps."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees, east positive, e.g. 126.97800 for Seoul."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False, help_text=_("Created by seed_demo."))
    # Name, city, native name and aliases in normalise_name's form, kept by save(): the directory's search reads it.
    search_names = models.TextField(editable=False, blank=True, default="")

    objects = OrganisationQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("status")],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("city"),
                FieldPanel("country"),
                FieldPanel("region"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("On the map")),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel([FieldPanel("native_name"), FieldPanel("aliases")], heading=_("Other names")),
        FieldPanel("year_joined"),
        FieldPanel("website"),
        FieldPanel("public_contact_email"),
        FieldPanel("logo"),
        FieldPanel("cover_image"),
        FieldPanel("description"),
        FieldPanel("email_domains"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("city"),
        index.SearchField("native_name"),
        index.SearchField("aliases"),
        index.AutocompleteField("name"),
        index.FilterField("region"),
        index.FilterField("status"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["status", "name"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_names = self.build_search_names()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"name", "city", "native_name", "aliases"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_names"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:organisation", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: _("Give both the latitude and the longitude, or neither.")})
        if self.has_coordinates and self.country and not self.coordinates_in_country():
            raise ValidationError(
                {
                    "latitude": _(
                        "These coordinates are not in the country chosen. Check that the latitude comes first and the "
                        "signs: south and west are negative."
                    )
                }
            )

    def coordinates_in_country(self):
        try:
            return plausibly_in(str(self.country), float(self.longitude), float(self.latitude))
        except (TypeError, ValueError):  # out of range: the fields' own validators say so
            return True

    def build_search_names(self):
        names = [self.name, self.city, self.native_name, *self.alias_list]
        return "\n".join(dict.fromkeys(normalise_name(name) for name in names if name))

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def alias_list(self):
        return split_aliases(self.aliases)

    @property
    def other_names(self):
        """The aliases a reader does not already see as the name, the city or the native name."""
        shown = {normalise_name(name) for name in (self.name, self.city, self.native_name)}
        return [alias for alias in self.alias_list if normalise_name(alias) not in shown]

    @property
    def domains(self):
        return [line.strip().lower() for line in self.email_domains.splitlines() if line.strip()]


class Membership(models.Model):
    """A person's place in one organisation: requested, then approved (or not) by someone who may."""

    class Role(models.TextChoices):
        STAFF = "staff", _("Staff")
        FOCAL_POINT = "focal_point", _("Focal point")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        REMOVED = "removed", _("Removed")

    class Via(models.TextChoices):
        REQUEST = "request", _("Request")
        EMAIL_DOMAIN = "email_domain", _("Verified email domain")
        INVITATION = "invitation", _("Invitation")
        SECRETARIAT = "secretariat", _("Added by the secretariat")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="membership",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.STAFF)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    via = models.CharField(_("joined through"), max_length=16, choices=Via.choices, default=Via.REQUEST)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rejection_reason = models.TextField(_("reason"), blank=True)
    # When the focal point (or the secretariat) was told of this request: once, after the person confirmed an address.
    approvers_told_at = models.DateTimeField(_("focal point told"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_status_display()})"

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def is_focal_point(self):
        return self.is_approved and self.role == self.Role.FOCAL_POINT


class InvitationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """A focal point's invitation: works once, only for this address, until it expires."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=16, choices=Membership.Role.choices, default=Membership.Role.STAFF)
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            # One open invitation per address and organisation; a used or revoked one may be re-sent.
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_address",
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self):
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def state(self):
        if self.accepted_at:
            return _("Accepted")
        if self.revoked_at:
            return _("Revoked")
        if self.expires_at <= timezone.now():
            return _("Expired")
        return _("Open")
