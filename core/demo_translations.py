"""Demo content in six languages: the locales, each kept in step with English (aliases for what is not translated
yet), then the translations the demo ships as PO files (core/demo_data/translations/<language>/<page>.po), imported
the way an outside translator's file is imported in the admin (wagtail-localize)."""

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree


def synchronise_locales():
    """A locale per language of settings.LANGUAGES, each kept in step with English: every page exists in every
    language, as an alias of the English page where there is no translation yet.

    A new synchronisation fills its tree as it is saved (wagtail-localize's signal); an existing one is brought up
    to date here, for the pages seeded since."""
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    index = None
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        locale, _created = Locale.objects.get_or_create(language_code=code)
        _sync, created = LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": english})
        if not created:
            index = index or PageIndex.from_database().sort_by_tree_position()
            synchronize_tree(english, locale, page_index=index)


def seed(progress):
    synchronise_locales()
