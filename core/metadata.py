"""What a page says about itself to search engines and link previews: ``<meta name="description">``.

A Wagtail page's description is its "search description" (Promote tab) when the editor wrote one, else its summary,
introduction or hero text; a view that is not a page says its own through ``{% block meta_description %}`` in
base.html; anything else gets the site's description. base.html passes whatever the block renders through the
``meta_text`` filter, so a block may hold markup, entities or line breaks and the attribute is still one clean,
escaped line. Always plain text, whitespace collapsed, at most
``MAX_LENGTH`` characters, cut at a word.
"""

import html

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

MAX_LENGTH = 200
# Checked in this order on the page; every page type has at least one of them (or the site default applies).
FIELDS = ("search_description", "summary", "intro", "hero_text")

SITE_DESCRIPTION = _(
    "WeGo Hub: e-government courses with certificates, toolkits to re-use, a library of city cases and the "
    "conference calendar of the association of smart, sustainable cities."
)


def plain(text, max_length=MAX_LENGTH):
    """One line of plain text, no longer than ``max_length``; a longer text is cut at a word and ends with "…".

    Tags are dropped and entities decoded (the caller escapes the result once, where it writes it)."""
    text = " ".join(html.unescape(strip_tags(str(text or ""))).split())
    if len(text) <= max_length:
        return text
    cut = text[: max_length - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + "…"


def page_description(page):
    if isinstance(page, Page):
        for field in FIELDS:
            text = plain(getattr(page, field, ""))
            if text:
                return text
    return str(SITE_DESCRIPTION)
