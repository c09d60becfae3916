from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel, Panel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Orderable, Page, Task, TaskState
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.models.pages import ContentPage, IndexPage, PageContact
from members.models import Organisation, Region

YEARS = [MinValueValidator(1990), MaxValueValidator(2100)]


class CaseIndexPage(RoutablePageMixin, IndexPage):
    """/cases/: the faceted library and its open-data exports."""

    subpage_types = ["cases.CasePage"]

    class Meta:
        verbose_name = _("case library")

    def listing_queryset(self, request):
        return CasePage.objects.child_of(self).live().public().order_by("-start_year", "title")

    @path("")
    def library(self, request):
        from cases import views

        return views.library(request, self)

    @path("sign-off/")
    def sign_off(self, request):
        from cases import views

        return views.sign_off(request, self)

    @path("export/csv/")
    def export_csv(self, request):
        from cases import views

        return views.export(request, self, "csv")

    @path("export/json/")
    def export_json(self, request):
        from cases import views

        return views.export(request, self, "json")


class CompletenessPanel(Panel):
    """Tells editors which recommended parts of a case are still missing (it saves either way)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cases/admin/completeness_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["missing"] = self.instance.missing_recommended_fields()
            return context


class CaseTechnology(TaggedItemBase):
    content_object = ParentalKey("cases.CasePage", on_delete=models.CASCADE, related_name="tagged_technologies")


class CasePage(ContentPage, PageContact):
    class Kind(models.TextChoices):
        PILOT_PROJECT = "pilot_project", _("Pilot project")
        FEASIBILITY_STUDY = "feasibility_study", _("Feasibility study")
        RESEARCH_PROJECT = "research_project", _("Research project")
        SCALED_DEPLOYMENT = "scaled_deployment", _("Scaled deployment")

    class Stage(models.TextChoices):
        IDEA = "idea", _("Idea")
        FEASIBILITY = "feasibility", _("Feasibility")
        PILOT = "pilot", _("Pilot")
        SCALED = "scaled", _("Scaled")
        REPLICATED = "replicated", _("Replicated")

    class BudgetBand(models.TextChoices):
        UNDER_100K = "under_100k", _("Under USD 100,000")
        FROM_100K = "100k_1m", _("USD 100,000 – 1 million")
        FROM_1M = "1m_10m", _("USD 1 – 10 million")
        OVER_10M = "over_10m", _("Over USD 10 million")
        UNDISCLOSED = "undisclosed", _("Not disclosed")

    class Funding(models.TextChoices):
        CITY_BUDGET = "city_budget", _("City budget")
        NATIONAL_GRANT = "national_grant", _("National grant")
        PPP = "ppp", _("Public-private partnership")
        DONOR = "donor", _("Donor")
        LOAN = "loan", _("Loan")

    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.PILOT_PROJECT)
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, default=Stage.PILOT)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("member city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
        help_text=_("For a member organisation; its city, country and region are used."),
    )
    city = models.CharField(_("city"), max_length=120, blank=True, help_text=_("For a city that is not a member."))
    country = CountryField(_("country"), blank=True)
    region = models.CharField(_("region"), max_length=32, choices=Region.choices, blank=True, db_index=True)
    technologies = ClusterTaggableManager(
        through=CaseTechnology, blank=True, verbose_name=_("technologies"), help_text=_("For example IoT, GIS, AI.")
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), db_index=True, validators=YEARS)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True, validators=YEARS)
    budget_band = models.CharField(
        _("budget (USD)"), max_length=16, choices=BudgetBand.choices, default=BudgetBand.UNDISCLOSED
    )
    budget_amount = models.DecimalField(_("budget amount"), max_digits=14, decimal_places=0, null=True, blank=True)
    budget_currency = models.CharField(_("currency"), max_length=3, blank=True, help_text=_("ISO code, e.g. KRW."))
    funding_model = models.CharField(_("funding"), max_length=16, choices=Funding.choices, blank=True)
    partners = models.TextField(_("partners"), blank=True, help_text=_("One per line."))
    consultants = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="authored_cases", verbose_name=_("consultants (authors)")
    )
    challenge = RichTextField(_("challenge"), blank=True, features=RICH_TEXT_FEATURES)
    approach = RichTextField(_("approach"), blank=True, features=RICH_TEXT_FEATURES)
    results = RichTextField(_("results"), blank=True, features=RICH_TEXT_FEATURES)
    lessons = RichTextField(_("lessons learned"), blank=True, features=RICH_TEXT_FEATURES)
    reports = StreamField([("report", DocumentChooserBlock(label=_("report")))], blank=True, verbose_name=_("reports"))
    images = StreamField([("image", ImageBlock(label=_("image")))], blank=True, verbose_name=_("images"))

    content_panels = [
        CompletenessPanel(heading=_("Completeness")),
        *ContentPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("stage")]),
                FieldPanel("organisation"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("technologies"),
            ],
            heading=_("Case facts"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("budget_band"),
                FieldRowPanel([FieldPanel("budget_amount"), FieldPanel("budget_currency")]),
                FieldPanel("funding_model"),
                FieldPanel("partners"),
                FieldPanel("consultants"),
            ],
            heading=_("Budget and people"),
        ),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        InlinePanel("indicators", heading=_("Outcome indicators"), label=_("indicator")),
        InlinePanel("relations_out", heading=_("Related cases"), label=_("relation")),
        InlinePanel("links", heading=_("Related toolkits and courses"), label=_("link")),
        FieldPanel("reports"),
        FieldPanel("images"),
        PageContact.contact_panel(),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("city"),
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.FilterField("kind"),
        index.FilterField("stage"),
        index.FilterField("region"),
        index.FilterField("start_year"),
    ]
    parent_page_types = ["cases.CaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case")
        indexes = [models.Index(fields=["kind", "stage", "region", "budget_band"])]

    def clean(self):
        super().clean()
        errors = {}
        if not self.organisation_id and not (self.city and self.country):
            errors["city"] = _("Choose the member city, or give the city and country of a non-member.")
        if self.end_year and self.start_year and self.end_year < self.start_year:
            errors["end_year"] = _("A case cannot end before it starts.")
        if self.budget_amount is not None and not self.budget_currency:
            errors["budget_currency"] = _("Give the currency of the amount.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Facets filter on city, country and region: take them from the member organisation when set.
        if self.organisation_id:
            organisation = self.organisation
            self.city, self.country, self.region = organisation.city, organisation.country, organisation.region
        return super().save(*args, **kwargs)

    RECOMMENDED = {
        "challenge": _("the challenge"),
        "approach": _("the approach"),
        "results": _("the results"),
        "lessons": _("lessons learned"),
        "topics": _("topics"),
        "technologies": _("technologies"),
        "indicators": _("outcome indicators"),
        "reports": _("a report"),
        "funding_model": _("the funding model"),
        "contact_email": _("a contact"),
        "cover_image": _("a cover image"),
    }

    def missing_recommended_fields(self):
        """Labels of the recommended parts this case lacks, in the order editors meet them."""
        missing = []
        for name, label in self.RECOMMENDED.items():
            value = getattr(self, name)
            if hasattr(value, "all"):  # topics, technologies, indicators (in memory on a draft)
                value = list(value.all())
            if not value or (isinstance(value, str) and not value.strip()):
                missing.append(label)
        if self.budget_band == self.BudgetBand.UNDISCLOSED:
            missing.append(_("the budget"))
        return missing

    @property
    def place(self):
        from core.countries import country_name

        return ", ".join(part for part in [self.city, country_name(self.country) if self.country else ""] if part)

    @property
    def years(self):
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year)

    def facts(self):
        return [
            (_("Kind"), self.get_kind_display()),
            (_("Stage"), self.get_stage_display()),
            (_("Where"), self.place),
            (_("Years"), self.years),
            (_("Budget"), self.get_budget_band_display()),
            (_("Funding"), self.get_funding_model_display()),
        ]

    def get_context(self, request, *args, **kwargs):
        from cases import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.case_page_context(request, self))
        return context


class CaseIndicator(Orderable):
    case = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="indicators")
    indicator = models.CharField(_("indicator"), max_length=200)
    baseline = models.CharField(_("baseline"), max_length=60, blank=True)
    result = models.CharField(_("result"), max_length=60)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    measured_on = models.DateField(_("measured on"), null=True, blank=True)

    panels = [
        FieldPanel("indicator"),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("result"), FieldPanel("unit"), FieldPanel("measured_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("outcome indicator")

    def __str__(self):
        return self.indicator


class CaseRelation(Orderable):
    """A typed link between two cases, shown on both: “feasibility study for” here is “has feasibility study” there."""

    class Kind(models.TextChoices):
        FEASIBILITY_FOR = "feasibility_for", _("Feasibility study for")
        PILOT_OF = "pilot_of", _("Pilot of")
        REPLICATES = "replicates", _("Replicates")
        PART_OF = "part_of", _("Part of")

    INVERSE_LABELS = {
        Kind.FEASIBILITY_FOR: _("Feasibility study"),
        Kind.PILOT_OF: _("Piloted in"),
        Kind.REPLICATES: _("Replicated by"),
        Kind.PART_OF: _("Includes"),
    }

    case = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="relations_out")
    kind = models.CharField(_("relation"), max_length=24, choices=Kind.choices)
    other = models.ForeignKey(CasePage, on_delete=models.CASCADE, related_name="relations_in", verbose_name=_("case"))

    panels = [FieldPanel("kind"), PageChooserPanel("other", "cases.CasePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related case")

    def __str__(self):
        return f"{self.get_kind_display()} {self.other}"

    def clean(self):
        if self.other_id and self.case_id and self.other_id == self.case_id:
            raise ValidationError({"other": _("A case cannot be related to itself.")})

    @property
    def inverse_label(self):
        return self.INVERSE_LABELS[self.kind]


class CaseLink(Orderable):
    """A toolkit or course that goes with the case (a page link: cases do not import those apps)."""

    case = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="links")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("toolkit or course"))

    panels = [PageChooserPanel("page", ["toolkits.ToolkitPage", "courses.CoursePage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("related toolkit or course")

    def __str__(self):
        return str(self.page)


class CitySignOffTask(Task):
    """The case's member city signs it off: the city's approved focal point approves or asks for changes.

    Cases of non-members, or of a city without a focal point, pass this step at once (and carry no endorsement).
    Focal points are not admin users: they decide on /cases/sign-off/ (cases.views.sign_off).
    """

    NO_CITY_COMMENT = _("No member city to sign off.")

    class Meta:
        verbose_name = _("City sign-off")

    @staticmethod
    def focal_point_ids(case):
        from members.models import Membership

        if not getattr(case, "organisation_id", None):
            return set()
        return set(
            Membership.objects.filter(
                organisation_id=case.organisation_id,
                status=Membership.Status.APPROVED,
                role=Membership.Role.FOCAL_POINT,
            ).values_list("user_id", flat=True)
        )

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        if not self.focal_point_ids(workflow_state.content_object.specific):
            task_state.approve(user=None, update=False, comment=self.NO_CITY_COMMENT)
        return task_state

    def user_may_decide(self, obj, user):
        return user.is_authenticated and (user.is_superuser or user.pk in self.focal_point_ids(obj.specific))

    def get_actions(self, obj, user):
        if self.user_may_decide(obj, user):
            return [("reject", _("Request changes"), True), ("approve", _("Sign off"), False)]
        return []

    def locked_for_user(self, obj, user):
        return False  # the author may still improve the case while the city reads it

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return TaskState.objects.none()  # decided on the public site, not in the admin

    @classmethod
    def get_description(cls):
        return _("The focal point of the case's member city signs it off.")
