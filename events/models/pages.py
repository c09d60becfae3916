import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models.pages import ContentPage, IndexPage
from core.models.questions import FormQuestion
from core.timezones import available_time_zones, validate_time_zone
from events.admin_forms import EventPageForm
from events.blocks import MaterialsBlock
from members.models import Region


class EventIndexPage(RoutablePageMixin, IndexPage):
    """/events/: upcoming events, the month calendar, the archive and the public feed."""

    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event calendar")

    def listing_queryset(self, request):
        return EventPage.objects.child_of(self).live().public().upcoming().order_by("start")

    @path("")
    def upcoming(self, request):
        from events import views

        return views.event_list(request, self, archive=False)

    @path("past/")
    def past(self, request):
        from events import views

        return views.event_list(request, self, archive=True)

    @path("calendar/")
    def calendar_now(self, request):
        from events import views

        return views.calendar_now(request, self)

    @re_path(r"^calendar/(?P<year>\d{4})/(?P<month>\d{1,2})/$")
    def calendar_month(self, request, year, month):
        from events import views

        return views.calendar_month(request, self, int(year), int(month))

    # .ics files are served by events.urls (Wagtail's page URLs have no dots), next to the pages.
    @property
    def feed_url(self):
        return f"{self.url}feed.ics"

    def personal_feed_url(self, request, token):
        return f"{self.get_url(request)}my/{token}.ics"

    @path("calendar-link/")
    def new_calendar_link(self, request):
        from events import views

        return views.new_calendar_link(request, self)

    @path("approvals/")
    def approvals(self, request):
        from events import views

        return views.approvals(request, self)


class EventQuerySet(PageQuerySet):
    def upcoming(self):
        return self.filter(end__gte=timezone.now())

    def past(self):
        return self.filter(end__lt=timezone.now())

    def overlapping(self, start, end):
        return self.filter(start__lt=end, end__gte=start)


class EventPage(RoutablePageMixin, ContentPage):
    # An IANA name ("Asia/Seoul") is a value, not words: every translation keeps the original's.
    override_translatable_fields = [*ContentPage.override_translatable_fields, SynchronizedField("time_zone")]

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        WORKSHOP = "workshop", _("Workshop")
        WEBINAR = "webinar", _("Webinar")
        TRAINING = "training", _("Training session")
        GENERAL_ASSEMBLY = "general_assembly", _("General assembly")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.CONFERENCE)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED)
    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"), db_index=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("The IANA zone of the venue, e.g. Asia/Seoul. Times above are read in this zone."),
    )
    format = models.CharField(_("format"), max_length=16, choices=Format.choices, default=Format.IN_PERSON)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    region = models.CharField(_("region"), max_length=24, choices=Region.choices, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    host_organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("host city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
        help_text=_("The member city or organisation that hosts the event; it is listed on the city's profile."),
    )
    online_join_url = models.URLField(
        _("online join link"),
        blank=True,
        help_text=_("Shown only to confirmed attendees, on the event page and in their emails; never in public."),
    )

    accepts_registrations = models.BooleanField(_("takes registrations"), default=True)
    in_person_capacity = models.PositiveIntegerField(
        _("in-person seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    online_capacity = models.PositiveIntegerField(
        _("online seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Leave empty to close when the event starts.")
    )
    city_seat_limit = models.PositiveSmallIntegerField(
        _("seats per member city"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("At most this many confirmed people from one member city; leave empty for no limit."),
    )
    requires_focal_point_approval = models.BooleanField(
        _("focal points approve their city's registrations"),
        default=False,
        help_text=_("Staff of member cities wait for their focal point's approval before taking a seat."),
    )
    materials = StreamField(MaterialsBlock(), blank=True, verbose_name=_("materials (slides, recordings)"))

    objects = PageManager.from_queryset(EventQuerySet)()
    base_form_class = EventPageForm

    content_panels = [
        *ContentPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("format"), FieldPanel("status")]),
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country"), FieldPanel("region")]),
                FieldPanel("organiser"),
                FieldPanel("host_organisation"),
                FieldPanel("online_join_url"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accepts_registrations"),
                FieldRowPanel([FieldPanel("in_person_capacity"), FieldPanel("online_capacity")]),
                FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
                FieldPanel("city_seat_limit"),
                FieldPanel("requires_focal_point_approval"),
            ],
            heading=_("Registration"),
        ),
        InlinePanel("questions", heading=_("Extra registration questions"), label=_("question")),
        InlinePanel("speakers", heading=_("Speakers"), label=_("speaker")),
        InlinePanel("sessions", heading=_("Agenda"), label=_("session")),
        FieldPanel("materials"),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("city"),
        index.SearchField("venue"),
        index.SearchField("organiser"),
        index.FilterField("start"),
        index.FilterField("kind"),
        index.FilterField("format"),
        index.FilterField("region"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        indexes = [models.Index(fields=["kind", "format", "region"])]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("An event cannot end before it starts.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if errors:
            raise ValidationError(errors)

    # --- Facts about one event -------------------------------------------------------------------

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone if self.time_zone in available_time_zones() else "UTC")

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.zone)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def has_online_part(self):
        return self.format in (self.Format.ONLINE, self.Format.HYBRID)

    def offered_modes(self):
        """The registration modes this event offers, as Registration.Mode values."""
        from .registrations import Registration

        modes = []
        if self.format in (self.Format.IN_PERSON, self.Format.HYBRID):
            modes.append(Registration.Mode.IN_PERSON)
        if self.has_online_part:
            modes.append(Registration.Mode.ONLINE)
        return modes

    def capacity_for(self, mode):
        """Seats for a mode: None means no limit."""
        from .registrations import Registration

        return self.in_person_capacity if mode == Registration.Mode.IN_PERSON else self.online_capacity

    @property
    def ics_url(self):
        return f"{self.url}event.ics"

    @property
    def closes_at(self):
        return self.registration_closes_at or self.start

    def registration_state(self, now=None):
        """'open', or why not: 'off', 'cancelled', 'not_yet_open', 'closed'."""
        now = now or timezone.now()
        if not self.accepts_registrations:
            return "off"
        if self.is_cancelled:
            return "cancelled"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet_open"
        if now >= self.closes_at:
            return "closed"
        return "open"

    def location_text(self):
        from core.countries import country_name

        parts = [self.venue, self.address, self.city, country_name(self.country) if self.country else ""]
        return ", ".join(part for part in parts if part)

    def schedule_fingerprint(self):
        """What attendees' calendars hold: when it changes, SEQUENCE rises and they are told."""
        return "|".join(
            [
                self.start.isoformat(),
                self.end.isoformat(),
                self.time_zone,
                self.location_text(),
                self.format,
                self.status,
            ]
        )

    def get_context(self, request, *args, **kwargs):
        from events import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.event_page_context(request, self))
        return context

    # --- Routes: thin wrappers around events.views ------------------------------------------------

    @path("register/")
    def register(self, request):
        from events import views

        return views.register(request, self)

    @path("cancel/")
    def cancel(self, request):
        from events import views

        return views.cancel(request, self)


class RegistrationQuestion(FormQuestion, Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="questions")

    class Meta(Orderable.Meta):
        verbose_name = _("registration question")


class EventSpeaker(Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("title"), max_length=160, blank=True)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("title"), FieldPanel("organisation")])]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")

    def __str__(self):
        return self.name


class AgendaSession(Orderable):
    """One slot of the agenda, in the event's local time (so it never shifts with the editor's zone)."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    day = models.DateField(_("day"))
    starts_at = models.TimeField(_("starts (local time)"))
    ends_at = models.TimeField(_("ends (local time)"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    speakers = models.CharField(_("speakers"), max_length=300, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("speakers"), FieldPanel("room")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("agenda session")

    def __str__(self):
        return self.title

    def clean(self):
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})
