"""Languages: which translation of a page a reader sees, and which page the things people do belong to.

A translated page is another page with the same ``translation_key`` (wagtail-localize). A language without a
translation yet holds an *alias* of the English page (its tree is kept in step, ``wagtail_localize.locales``), so
every page has an address in every language and a listing in French lists the French pages and the English ones
not translated yet, in one query, by the reader's locale.

What belongs to the thing rather than to its wording (enrolments, progress, quiz attempts, certificates,
registrations, seats, downloads) is keyed on the **original**: the first page of its ``translation_key``, the one
every translation was made from (the lowest id: a translation or an alias is always created after its source).
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_supported_language_variant


def active_language():
    """The content language of this request (or task): one of settings.LANGUAGES' codes."""
    try:
        return get_supported_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def in_reader_language(queryset):
    """``queryset`` (pages, or translatable snippets) narrowed to the reader's language: its translations and the
    aliases standing in for pages not translated yet. A join, not another query."""
    return queryset.filter(locale__language_code=active_language())


def original(page):
    """The page this one was translated from (or is an alias of), or ``page`` itself when it is the original.

    One query (the same for every page, so that a view's query count does not depend on the reader's language)."""
    if page is None:
        return None
    first = type(page).objects.filter(translation_key=page.translation_key).order_by("pk").first()
    return first if first is not None and first.pk != page.pk else page


def translations_of(page):
    """``{language code: page}`` for every locale ``page`` is published in (translations and aliases), itself
    included: one query."""
    pages = type(page).objects.filter(translation_key=page.translation_key).live().select_related("locale")
    return {each.locale.language_code: each for each in pages}


def is_untranslated(page):
    """True when ``page`` stands in another language's place: an alias of a page in another language."""
    if page is None or page.alias_of_id is None:
        return False
    return page.alias_of.locale_id != page.locale_id
