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
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext_lazy as _

# Whole sentences per language, not "Not yet available in %(language)s": a language's name takes a case or an
# article in most of ours ("на русском", "باللغة العربية"), which only a whole sentence gets right.
NOT_YET_AVAILABLE = {
    "en": _("Not yet available in English."),
    "fr": _("Not yet available in French."),
    "es": _("Not yet available in Spanish."),
    "ko": _("Not yet available in Korean."),
    "ru": _("Not yet available in Russian."),
    "ar": _("Not yet available in Arabic."),
}
SHOWN_IN_ORIGINAL = {
    "en": _("This page is shown in English, the language it was written in."),
    "fr": _("This page is shown in French, the language it was written in."),
    "es": _("This page is shown in Spanish, the language it was written in."),
    "ko": _("This page is shown in Korean, the language it was written in."),
    "ru": _("This page is shown in Russian, the language it was written in."),
    "ar": _("This page is shown in Arabic, the language it was written in."),
}


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


def in_default_language(queryset):
    """``queryset`` narrowed to the default language (English): the originals, where seeding and imports look
    things up by slug or name (a translation may keep the English slug)."""
    return queryset.filter(locale__language_code=settings.LANGUAGE_CODE)


def original(page):
    """The page this one was translated from (or is an alias of), or ``page`` itself when it is the original.

    One query (the same for every page, so that a view's query count does not depend on the reader's language)."""
    if page is None:
        return None
    first = type(page).objects.filter(translation_key=page.translation_key).order_by("pk").first()
    return first if first is not None and first.pk != page.pk else page


def in_reader_language_each(pages):
    """Each of ``pages`` as the reader reads it: its translation (or alias) in the reader's language where there is a
    live one, else the page itself. One query (and one per page type for the specific pages), whatever the number."""
    from wagtail.models import Page

    pages = list(pages)
    if not pages:
        return pages
    keys = {page.translation_key for page in pages}
    found = Page.objects.live().filter(translation_key__in=keys, locale__language_code=active_language()).specific()
    by_key = {page.translation_key: page for page in found}
    return [by_key.get(page.translation_key, page) for page in pages]


def translations_of(page):
    """``{language code: page}`` for every locale ``page`` is published in (translations and aliases), itself
    included: one query."""
    pages = type(page).objects.filter(translation_key=page.translation_key).live().select_related("locale")
    return {each.locale.language_code: each for each in pages}


def content_language(page):
    """The language a page's words are in when it is not the reader's: the original's (English) for an alias that
    stands in for an untranslated page; "" for a page written in its own locale's language."""
    # vars(), not getattr(): a listing that left the field out (.only()) must not load it row by row.
    if vars(page).get("alias_of_id") is None:
        return ""
    return settings.LANGUAGE_CODE if active_language() != settings.LANGUAGE_CODE else ""


def untranslated_from(page):
    """The language code of the page ``page`` stands in for, when it is an alias of a page in another language
    (untranslated); "" otherwise. One query, for an alias only."""
    if page is None or getattr(page, "alias_of_id", None) is None:
        return ""
    from wagtail.models import Page

    source = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", "locale__language_code").first()
    return source[1] if source and source[0] != page.locale_id else ""


def language_path(path, language=None):
    """An English (unprefixed) path of ours in ``language`` (default: the reader's): "/courses/" → "/fr/courses/"."""
    language = language or active_language()
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"


def path_in_language(path, language):
    """The same page in ``language``: "/fr/courses/x/?page=2" → "/ar/courses/x/?page=2".

    Page slugs are the same in every language (they are synchronised, not translated) and every locale's tree holds
    every page, so the path only changes its prefix; Django's own pages are reversed in ``language``."""
    # translate_url resolves in the active language: the one the path itself is in.
    with translation.override(translation.get_language_from_path(path) or settings.LANGUAGE_CODE):
        return translate_url(path, language)


def front_door_language(request):
    """The language a visitor at ``/`` (the unprefixed English home page) is sent to: their language cookie's, else
    their browser's, else English. Every other address keeps the language its prefix says."""
    return translation.get_language_from_request(request)


def language_of_path(path):
    """The language an address is shown in: its prefix's, or the default one for an unprefixed address (our
    i18n_patterns don't prefix the default language)."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def set_language_cookie(response, language):
    """Remember a visitor's language the way Django's set_language view does (LANGUAGE_COOKIE_* settings)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
