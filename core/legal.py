"""The pages a public body's site must link from every page: about, contact, privacy notice, terms of use.

They are ordinary Wagtail pages, chosen in the site settings (``SiteSettings.about_page`` …), so the secretariat can
rename or move them. ``links_for(request)`` finds the live ones in one query and remembers them on the request, so
the footer and the privacy line next to a form share it. A page that is not chosen, unpublished or deleted loses
its link; nothing else changes.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from .i18n import active_language
from .models import SiteSettings

# (setting field, key, link label), in footer order.
LEGAL_PAGES = [
    ("about_page", "about", _("About")),
    ("contact_page", "contact", _("Contact")),
    ("privacy_page", "privacy", _("Privacy notice")),
    ("terms_page", "terms", _("Terms of use")),
]


@dataclass(frozen=True)
class Link:
    key: str
    label: str
    url: str


def links_for(request):
    """{key: Link} for each chosen, live page; {} without a request or a Wagtail Site to read the settings of."""
    if request is None or Site.find_for_request(request) is None:  # the Site is cached on the request
        return {}
    cached = getattr(request, "_legal_links", None)
    if cached is not None:
        return cached
    settings = SiteSettings.for_request(request)
    wanted = {getattr(settings, f"{field}_id"): (key, label) for field, key, label in LEGAL_PAGES}
    wanted.pop(None, None)
    links = {}
    if wanted:
        # The chosen pages and their translations (or aliases) in the reader's language, in one query.
        keys = Page.objects.filter(pk__in=wanted).values("translation_key")
        found = Page.objects.live().filter(translation_key__in=keys).select_related("locale")
        chosen = {page.pk: page for page in found if page.pk in wanted}
        in_language = {page.translation_key: page for page in found if page.locale.language_code == active_language()}
        for field, key, label in LEGAL_PAGES:
            page = chosen.get(getattr(settings, f"{field}_id"))
            page = page and in_language.get(page.translation_key, page)
            url = page and page.get_url(request)
            if url:
                links[key] = Link(key, str(label), url)
    request._legal_links = links
    return links
