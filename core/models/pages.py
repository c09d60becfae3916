from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.access import RestrictionsReadOnceWhileServing
from core.blocks import BaseStreamBlock
from core.pagination import paginate
from core.sections import home_sections


class SameAddressInEveryLanguage:
    """A page's slug is the English one in every language: a page's address in French is its English address with
    /fr/ in front (core.i18n.path_in_language), so the switcher, emails and links translate by their prefix."""

    override_translatable_fields = [SynchronizedField("slug")]


class HomePage(SameAddressInEveryLanguage, Page):
    hero_title = models.CharField(_("hero title"), max_length=160, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home_sections(request)
        return context


class StandardPage(SameAddressInEveryLanguage, Page):
    """About, contact, terms: a title, an introduction and a body."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


class ContactPage(SameAddressInEveryLanguage, Page):
    """How to reach the secretariat: its postal address, its email (from the site settings) and who answers what."""

    intro = models.TextField(_("introduction"), blank=True)
    address = models.TextField(_("postal address"), blank=True, help_text=_("One line per line of the address."))
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    office_hours = models.CharField(_("office hours"), max_length=160, blank=True)
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("What to write to whom. The contact email comes from the site settings."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("office_hours"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["core.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")


class IndexPage(RestrictionsReadOnceWhileServing, SameAddressInEveryLanguage, Page):
    """The single listing page of a content app (/courses/, /toolkits/, /cases/, /events/).

    Subclasses say which live, public pages they list in ``listing_queryset``; the template
    receives a prepared page of items and never walks relations itself.
    """

    intro = models.TextField(_("introduction"), blank=True)
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    items_per_page = 12
    max_count = 1
    parent_page_types = ["core.HomePage"]

    class Meta:
        abstract = True

    def listing_queryset(self, request):
        return self.get_children().live().public().specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = paginate(request, self.listing_queryset(request), self.items_per_page)
        return context


class PageContact(models.Model):
    """The office or person to ask about a page (a case, a toolkit). Once an app offers a way to write through the
    hub (the ``register_page_contact`` hook), the address is never shown."""

    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)

    class Meta:
        abstract = True

    @staticmethod
    def contact_panel():
        return FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact"))

    def contact_links(self, request):
        """Ways to reach the contact offered by the apps on top (community: write through the hub), as (text, url)
        pairs: each registers ``register_page_contact``, fn(request, page) → None or (text, url), the same for every
        reader (the page is cached for visitors). The page shows the address only when there is none."""
        return [link for fn in hooks.get_hooks("register_page_contact") if (link := fn(request, self)) is not None]


class ContentPage(SameAddressInEveryLanguage, Page):
    """What every detail page of a content app has: a summary, topics and a cover image."""

    summary = models.TextField(_("summary"), max_length=500, help_text=_("One or two sentences for listings."))
    topics = ParentalManyToManyField("core.Topic", blank=True, related_name="+", verbose_name=_("topics"))
    cover_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        # One keyword field shared by every content type (defined here, so Elasticsearch names it
        # core_contentpage__topic_slugs_filter for all of them): the knowledge search's topic facet.
        index.FilterField("topic_slugs"),
    ]

    class Meta:
        abstract = True

    def topic_slugs(self):
        return [topic.slug for topic in self.topics.all()]

    def facts(self):
        """(label, value) pairs shown under the title; subclasses add what matters for them."""
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["facts"] = [(label, value) for label, value in self.facts() if value]
        context["topics"] = self.topics_for_reader()
        return context

    def topics_for_reader(self):
        """This page's topics in the reader's language (or their originals, not translated yet): one query, whichever
        language the page was tagged in."""
        from .taxonomy import Topic

        tagged = [topic.translation_key for topic in self.topics.all()]  # also a preview's unsaved topics
        return list(Topic.objects.for_reader().filter(translation_key__in=tagged).order_by("name"))
