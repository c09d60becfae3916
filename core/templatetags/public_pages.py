from django import template
from django.utils.html import escape

from core import legal, metadata

register = template.Library()


@register.simple_tag(takes_context=True)
def page_description(context):
    """The description of the page being shown (core.metadata), or the site's."""
    return metadata.page_description(context.get("page"))


@register.filter
def meta_text(value):
    """What a ``meta_description`` block rendered, as one plain line for the attribute; the site's when empty."""
    return escape(metadata.plain(value) or metadata.SITE_DESCRIPTION)


@register.simple_tag(takes_context=True)
def legal_links(context):
    """{key: Link} for the about, contact, privacy and terms pages that exist (core.legal); one query a request."""
    return legal.links_for(context.get("request"))


@register.inclusion_tag("core/privacy_note.html", takes_context=True)
def privacy_note(context):
    """The line next to a form that asks for personal data: where to read what we do with it."""
    return {"privacy": legal.links_for(context.get("request")).get("privacy")}
