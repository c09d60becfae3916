"""The programme's pages: /consultations/ lists the calls; a call says who may apply, until when, how it is scored."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail_localize.fields import SynchronizedField

from core.admin_forms import ZonedTimesPageForm
from core.models.pages import ContentPage, IndexPage
from core.models.questions import FormQuestion
from core.timezones import available_time_zones, validate_time_zone
from members.models import Region


class RegionsField(models.CharField):
    """Some of the association's regions, kept as comma-separated codes; none means every region."""

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list):
            return value
        return [code for code in (value or "").split(",") if code]

    def get_prep_value(self, value):
        return ",".join(value) if isinstance(value, list) else (value or "")

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        from django import forms

        return forms.MultipleChoiceField(
            choices=Region.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        unknown = set(value or ()) - set(Region.values)
        if unknown:
            raise ValidationError(_("Unknown region: %(codes)s"), params={"codes": ", ".join(sorted(unknown))})


class ConsultationProgrammePage(RoutablePageMixin, IndexPage):
    """/consultations/: the calls, and the programme's working pages for cities, reviewers and the secretariat."""

    subpage_types = ["consultations.CallPage"]

    class Meta:
        verbose_name = _("consultation programme")

    def listing_queryset(self, request):
        return CallPage.objects.child_of(self).live().public().order_by("-closes_at")

    def get_context(self, request, *args, **kwargs):
        from consultations import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.programme_context(request, self))
        return context

    def route_view(self, name, request, *args, **kwargs):
        from consultations import views

        return getattr(views, name)(request, self, *args, **kwargs)

    @path("applications/")
    def my_applications(self, request):
        return self.route_view("my_applications", request)

    @path("applications/<int:application_id>/")
    def application(self, request, application_id):
        return self.route_view("application", request, application_id)

    @path("applications/<int:application_id>/<slug:action>/")
    def application_action(self, request, application_id, action):
        return self.route_view("application_action", request, application_id, action)

    @path("applications/<int:application_id>/files/<int:attachment_id>/")
    def attachment(self, request, application_id, attachment_id):
        return self.route_view("attachment", request, application_id, attachment_id)

    @path("reviews/")
    def my_reviews(self, request):
        return self.route_view("my_reviews", request)

    @path("reviews/<int:assignment_id>/")
    def review(self, request, assignment_id):
        return self.route_view("review", request, assignment_id)

    @path("manage/<int:call_id>/")
    def manage_call(self, request, call_id):
        return self.route_view("manage_call", request, call_id)

    @path("manage/<int:call_id>/ranking/<slug:format>/")
    def export_ranking(self, request, call_id, format):
        return self.route_view("export_ranking", request, call_id, format)

    @path("manage/applications/<int:application_id>/")
    def manage_application(self, request, application_id):
        return self.route_view("manage_application", request, application_id)

    @path("manage/applications/<int:application_id>/<slug:action>/")
    def manage_application_action(self, request, application_id, action):
        return self.route_view("manage_application_action", request, application_id, action)

    @path("projects/<int:project_id>/")
    def project(self, request, project_id):
        return self.route_view("project", request, project_id)

    @path("projects/<int:project_id>/<slug:action>/")
    def project_action(self, request, project_id, action):
        return self.route_view("project_action", request, project_id, action)

    @path("projects/<int:project_id>/deliverables/<int:milestone_id>/")
    def deliverable(self, request, project_id, milestone_id):
        return self.route_view("deliverable", request, project_id, milestone_id)


class CallPageForm(ZonedTimesPageForm):
    local_time_fields = ("opens_at", "closes_at")

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("A call must close after it opens."))
        return cleaned


class CallPage(RoutablePageMixin, ContentPage):
    """A call for applications: member cities apply, reviewers score the applications against its criteria."""

    # Values, not words: every translation keeps the original's zone and regions.
    override_translatable_fields = [
        *ContentPage.override_translatable_fields,
        SynchronizedField("time_zone"),
        SynchronizedField("regions"),
    ]

    class Kind(models.TextChoices):
        FEASIBILITY_STUDY = "feasibility_study", _("Feasibility study")
        PILOT_PROJECT = "pilot_project", _("Pilot project")
        TECHNICAL_ADVICE = "technical_advice", _("Technical advice")

    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.FEASIBILITY_STUDY)
    programme_year = models.PositiveSmallIntegerField(
        _("programme year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"), db_index=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Asia/Seoul",
        validators=[validate_time_zone],
        help_text=_("The opening and closing times are read in this zone."),
    )
    regions = RegionsField(
        _("open to cities in"),
        max_length=300,
        blank=True,
        help_text=_("Leave all unticked to open the call to active member cities of every region."),
    )
    awards = models.PositiveSmallIntegerField(_("number of awards"), default=3, validators=[MinValueValidator(1)])
    applications_per_city = models.PositiveSmallIntegerField(
        _("applications per city"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("document")))], blank=True, verbose_name=_("documents")
    )

    base_form_class = CallPageForm
    content_panels = [
        *ContentPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("programme_year")]),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("time_zone")]),
                FieldPanel("regions"),
                FieldRowPanel([FieldPanel("awards"), FieldPanel("applications_per_city")]),
            ],
            heading=_("The call"),
        ),
        InlinePanel("criteria", heading=_("Scoring criteria"), label=_("criterion"), min_num=1),
        InlinePanel("questions", heading=_("Extra application questions"), label=_("question")),
        FieldPanel("documents"),
    ]
    parent_page_types = ["consultations.ConsultationProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("call for applications")

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone if self.time_zone in available_time_zones() else "UTC")

    @property
    def local_opens_at(self):
        return timezone.localtime(self.opens_at, self.zone)

    @property
    def local_closes_at(self):
        return timezone.localtime(self.closes_at, self.zone)

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_closed(self, now=None):
        return (now or timezone.now()) >= self.closes_at

    def region_labels(self):
        labels = dict(Region.choices)
        return [labels[code] for code in self.regions if code in labels]

    def facts(self):
        return [
            (_("Kind"), self.get_kind_display()),
            (_("Open to"), ", ".join(map(str, self.region_labels())) or _("Member cities of every region")),
            (_("Awards"), self.awards),
        ]

    def get_context(self, request, *args, **kwargs):
        from consultations import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.call_page_context(request, self))
        return context

    @path("apply/")
    def apply(self, request):
        from consultations import views

        return views.apply(request, self)


class Criterion(Orderable):
    """What reviewers score, from 1 (weak) to 5 (excellent); the weight says how much it counts."""

    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=160)
    description = models.TextField(_("what reviewers look for"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("weight")]), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("scoring criterion")

    def __str__(self):
        return self.name


class CallQuestion(FormQuestion, Orderable):
    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="questions")

    class Meta(Orderable.Meta):
        verbose_name = _("application question")
