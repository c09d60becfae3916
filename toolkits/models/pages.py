from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.models.pages import ContentPage, IndexPage, PageContact
from toolkits.admin_forms import ToolkitPageForm


class ToolkitIndexPage(IndexPage):
    """/toolkits/: the catalogue, filtered by topic, kind, language and audience."""

    subpage_types = ["toolkits.ToolkitPage"]

    class Meta:
        verbose_name = _("toolkit catalogue")

    def listing_queryset(self, request):
        return ToolkitPage.objects.child_of(self).live().public().order_by("title")

    def get_context(self, request, *args, **kwargs):
        from core.listings import link_cards
        from toolkits import selectors

        context = Page.get_context(self, request, *args, **kwargs)
        context.update(selectors.catalogue_context(request, self))
        # Not rendered once for everyone like the courses' and cases' (a card's download count moves with every
        # download), but its cards' addresses come from the catalogue's, not from the site root paths card by card.
        link_cards(context["items"], self, request)
        return context


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("CC BY 4.0")
    CC_BY_SA = "cc-by-sa-4.0", _("CC BY-SA 4.0")
    CC_BY_NC = "cc-by-nc-4.0", _("CC BY-NC 4.0")
    CC_BY_NC_SA = "cc-by-nc-sa-4.0", _("CC BY-NC-SA 4.0")
    CC_BY_ND = "cc-by-nd-4.0", _("CC BY-ND 4.0")
    CC0 = "cc0-1.0", _("CC0 1.0 (public domain)")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


# "Can I adapt this?" in plain words, one line per licence.
LICENCE_ADAPTATION = {
    Licence.CC_BY: _("Yes. Adapt and share it, also commercially, as long as you credit the authors."),
    Licence.CC_BY_SA: _("Yes, crediting the authors and sharing your adaptation under the same licence."),
    Licence.CC_BY_NC: _("Yes, for non-commercial use, crediting the authors."),
    Licence.CC_BY_NC_SA: _(
        "Yes, for non-commercial use, crediting the authors and sharing your adaptation under the same licence."
    ),
    Licence.CC_BY_ND: _("No. You may share it unchanged, crediting the authors, but not adapt it."),
    Licence.CC0: _("Yes. No conditions: the authors have given up their rights."),
    Licence.ALL_RIGHTS_RESERVED: _("Not without permission: ask the authors before you adapt or share it."),
}
LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    Licence.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class ToolkitPage(RoutablePageMixin, ContentPage, PageContact):
    """A toolkit with its releases; every file is downloaded through ``download/<id>/`` (toolkits.views)."""

    class Kind(models.TextChoices):
        TOOLKIT = "toolkit", _("Toolkit")
        GUIDE = "guide", _("Guide")
        TEMPLATE = "template", _("Template")
        PLAYBOOK = "playbook", _("Playbook")
        TRAINING_PACK = "training_pack", _("Training-of-trainers pack")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        MEMBERS = "members", _("Members only")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.TOOLKIT)
    audience = models.CharField(
        _("who may download"),
        max_length=8,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        help_text=_(
            "Anyone can read this page. With “Members only”, only staff of member cities can download the files; "
            "on publishing, the files move to the “Members only” collection so their own address refuses others too."
        ),
    )
    licence = models.CharField(_("licence"), max_length=24, choices=Licence.choices, default=Licence.CC_BY)
    authors = models.CharField(_("authors"), max_length=255, blank=True)
    authoring_organisations = ParentalManyToManyField(
        "members.Organisation",
        verbose_name=_("authoring cities"),
        blank=True,
        related_name="authored_toolkits",
        help_text=_("The member cities or organisations that wrote the toolkit; it is listed on their profiles."),
    )

    content_panels = [
        *ContentPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audience"),
                FieldPanel("licence"),
                FieldPanel("authors"),
                FieldPanel("authoring_organisations"),
            ],
            heading=_("Kind, access and licence"),
        ),
        InlinePanel("releases", heading=_("Releases"), label=_("Release"), min_num=0),
        InlinePanel("related_pages", heading=_("Related cases and courses"), label=_("Related page")),
        PageContact.contact_panel(),
    ]
    search_fields = [*ContentPage.search_fields, index.FilterField("kind"), index.FilterField("audience")]
    base_form_class = ToolkitPageForm
    parent_page_types = ["toolkits.ToolkitIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("toolkit")

    @property
    def members_only(self):
        return self.audience == self.Audience.MEMBERS

    @property
    def adaptation(self):
        return LICENCE_ADAPTATION.get(self.licence, "")

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def facts(self):
        return [
            (_("Kind"), self.get_kind_display()),
            (_("Who may download"), self.get_audience_display()),
            (_("Licence"), self.get_licence_display()),
            (_("Authors"), self.authors),
        ]

    def get_context(self, request, *args, **kwargs):
        from toolkits import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.toolkit_page_context(request, self))
        return context

    # --- Routes: thin wrappers around toolkits.views ------------------------------------------------

    @path("download/<int:file_id>/")
    def download(self, request, file_id):
        from toolkits import views

        return views.download(request, self, file_id=file_id)

    @re_path(r"^latest/(?P<language>[a-z]{2,3}(?:-[a-z]{2,4})?)/$")
    def latest(self, request, language):
        from toolkits import views

        return views.download_latest(request, self, language=language)


class ToolkitRelatedPage(Orderable):
    """A case or course that goes with the toolkit (a page link: toolkits do not import those apps)."""

    toolkit = ParentalKey(ToolkitPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("case or course"))

    panels = [PageChooserPanel("page", ["cases.CasePage", "courses.CoursePage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("related case or course")

    def __str__(self):
        return str(self.page)
