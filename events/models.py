import functools
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.models.pages import ContentPage, IndexPage


@functools.cache
def available_time_zones():
    return frozenset(zoneinfo.available_timezones())


class EventIndexPage(IndexPage):
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event calendar")

    def listing_queryset(self, request):
        return EventPage.objects.child_of(self).live().public().upcoming().order_by("start")


class EventQuerySet(PageQuerySet):
    def upcoming(self):
        return self.filter(end__gte=timezone.now())


class EventPage(ContentPage):
    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"), db_index=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        help_text=_("The IANA zone of the venue, e.g. Asia/Seoul."),
    )
    format = models.CharField(_("format"), max_length=16, choices=Format.choices, default=Format.IN_PERSON)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)

    objects = PageManager.from_queryset(EventQuerySet)()

    content_panels = [
        *ContentPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
                FieldPanel("format"),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
            ],
            heading=_("When and where"),
        ),
    ]
    search_fields = [*ContentPage.search_fields, index.SearchField("city"), index.FilterField("start")]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        errors = {}
        if self.time_zone not in available_time_zones():
            errors["time_zone"] = _("Use an IANA time zone name such as Europe/Paris.")
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("An event cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    def facts(self):
        start, end = self.local_start, self.local_end
        when = f"{formats.date_format(start, 'DATETIME_FORMAT')} – {formats.date_format(end, 'DATETIME_FORMAT')}"
        return [
            (_("When"), f"{when} ({self.time_zone})"),
            (_("Format"), self.get_format_display()),
            (_("Where"), ", ".join(filter(None, [self.venue, self.city, self.country.name]))),
        ]

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.zone)
