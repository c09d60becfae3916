"""The languages of a page: the header's switcher, the <head>'s alternates and the "not yet translated" notice."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from core.i18n import (
    NOT_YET_AVAILABLE,
    SHOWN_IN_ORIGINAL,
    active_language,
    content_language,
    language_path,
    path_in_language,
    translations_of,
    untranslated_from,
)
from core.public_url import absolute_url

register = template.Library()


@register.filter
def content_lang(page):
    """' lang="en" dir="ltr"' on the words of a page that stands in, untranslated, for its English original (an
    alias made by the synchronised trees); nothing otherwise. Screen readers then read those words with an English
    voice in the middle of a French interface, and in Arabic they run left to right. No query."""
    return lang_attributes(content_language(page))


@register.filter
def lang_attributes(code):
    """' lang="…" dir="…"' for words in the language ``code``; nothing for "" (the page's own language)."""
    if not code:
        return ""
    return format_html(' lang="{}" dir="{}"', code, "rtl" if get_language_info(code)["bidi"] else "ltr")


@register.simple_tag
def reading_default_language():
    """True when the reader reads the default language (English), whose words the site settings hold."""
    return active_language() == settings.LANGUAGE_CODE


@register.simple_tag
def lang_path(path):
    """One of our fixed English paths ("/courses/") in the reader's language ("/fr/courses/")."""
    return language_path(path)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Each language by its own name, linking to this page in it (through the view that remembers the choice)."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = active_language()
    languages = [
        {
            "code": code,
            "name": capfirst(get_language_info(code)["name_local"]),
            "next": path,
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {"languages": languages, "current": next(each["name"] for each in languages if each["current"])}


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context):
    """<link rel="alternate" hreflang> for each language this page is really written in (a page's own translations;
    every language for the hub's own pages), and rel="canonical" to the original where a page only stands in for it.
    """
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return {}
    if page is None or not hasattr(page, "translation_key"):
        path = request.get_full_path()
        alternates = [(code, absolute_url(path_in_language(path, code))) for code, _name in settings.LANGUAGES]
        return {"alternates": alternates, "default": absolute_url(path_in_language(path, settings.LANGUAGE_CODE))}
    pages = translations_of(page)
    # Each address from the site root paths read once for the request (a page's own .url reads them per page).
    urls = {code: each.get_url(request) for code, each in pages.items()}
    written = {code: each for code, each in pages.items() if each.alias_of_id is None}
    alternates = [(code, absolute_url(urls[code])) for code in written if urls[code]]
    original = written.get(settings.LANGUAGE_CODE)
    return {
        "alternates": alternates if len(alternates) > 1 else [],
        "default": original and absolute_url(urls[settings.LANGUAGE_CODE]),
        "canonical": absolute_url(urls[settings.LANGUAGE_CODE])
        if page.alias_of_id and settings.LANGUAGE_CODE in pages
        else None,
    }


@register.inclusion_tag("includes/untranslated_notice.html", takes_context=True)
def untranslated_notice(context):
    """ "Not yet available in French": on a page that stands in for one not translated yet."""
    source_language = untranslated_from(context.get("page"))
    if not source_language:
        return {}
    return {
        "not_yet": NOT_YET_AVAILABLE.get(active_language()),
        "shown_in": SHOWN_IN_ORIGINAL.get(source_language),
        "source_language": source_language,
    }
