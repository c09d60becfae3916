"""Pages in other languages for the tests: locales, translations and the aliases that stand in for the pages not
translated yet, made the way the editors' tools make them (Wagtail's copy_for_translation)."""

from wagtail.models import Locale


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def translate(page, code, **changes):
    """A published translation of ``page`` into ``code`` (its parents translated too when they are not yet),
    with ``changes`` (title, intro, …) applied. An alias already standing in that language becomes the
    translation, as wagtail-localize converts it."""
    standing = page.specific.get_translation_or_none(locale(code))
    if standing is not None and standing.alias_of_id is not None:
        translation = standing.specific
        translation.alias_of = None
    else:
        translation = page.specific.copy_for_translation(locale(code), copy_parents=True)
    for field, value in changes.items():
        setattr(translation, field, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def alias(page, code):
    """The alias of ``page`` in ``code``: what the synchronised tree shows until someone translates it."""
    return page.specific.copy_for_translation(locale(code), copy_parents=True, alias=True).specific
