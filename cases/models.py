from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from core.models.pages import ContentPage, IndexPage


class CaseIndexPage(IndexPage):
    subpage_types = ["cases.CasePage"]

    class Meta:
        verbose_name = _("case library")

    def listing_queryset(self, request):
        return CasePage.objects.child_of(self).live().public().order_by("-start_year", "title")


class CasePage(ContentPage):
    class Kind(models.TextChoices):
        PILOT_PROJECT = "pilot_project", _("Pilot project")
        FEASIBILITY_STUDY = "feasibility_study", _("Feasibility study")
        RESEARCH_PROJECT = "research_project", _("Research project")
        SCALED_DEPLOYMENT = "scaled_deployment", _("Scaled deployment")

    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.PILOT_PROJECT)
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    start_year = models.PositiveSmallIntegerField(_("start year"), db_index=True)

    content_panels = [
        *ContentPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("city"), FieldPanel("country"), FieldPanel("start_year")],
            heading=_("Case facts"),
        ),
    ]
    search_fields = [*ContentPage.search_fields, index.SearchField("city"), index.FilterField("kind")]
    parent_page_types = ["cases.CaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case")

    def facts(self):
        return [
            (_("Kind"), self.get_kind_display()),
            (_("Where"), f"{self.city}, {self.country.name}"),
            (_("Since"), self.start_year),
        ]
