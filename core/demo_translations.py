"""Demo content in six languages: the locales, each kept in step with English (aliases for what is not translated
yet), then the translations the demo ships as PO files (core/demo_data/translations/<language>/<page>.po), imported
the way an outside translator's file is imported in the admin (wagtail-localize)."""

from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.synctree import PageIndex, synchronize_tree

from .demo_data import topic_translations
from .i18n import in_default_language
from .models import Topic


def synchronise_locales(codes=None):
    """A locale per language of ``codes`` (default: settings.LANGUAGES), each kept in step with English: every page
    exists in every language, as an alias of the English page where there is no translation yet.

    A new synchronisation fills its tree as it is saved (wagtail-localize's signal); an existing one is brought up
    to date here, for the pages seeded since."""
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    index = None
    for code in codes or [code for code, _name in settings.LANGUAGES]:
        if code == settings.LANGUAGE_CODE:
            continue
        locale, _created = Locale.objects.get_or_create(language_code=code)
        _sync, created = LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": english})
        if not created:
            index = index or PageIndex.from_database().sort_by_tree_position()
            synchronize_tree(english, locale, page_index=index)


TRANSLATIONS = Path(__file__).resolve().parent / "demo_data" / "translations"


QUIZ_PREFIX = "quiz--"


def translation_files():
    """[(language, English page path, PO file)] for the pages, parents before their children: a page's file is named
    after its path below the home page ("courses--open-data-for-cities.po"; the home page's is "home.po"). A
    course's quiz has its own file, "quiz--<course slug>.po" (courses.demo_translations)."""
    files = []
    for path in sorted(TRANSLATIONS.glob("*/*.po")):
        if path.stem.startswith(QUIZ_PREFIX):
            continue
        page_path = "" if path.stem == "home" else path.stem.replace("--", "/") + "/"
        files.append((path.parent.name, page_path, path))
    return sorted(files, key=lambda each: (each[0], each[1].count("/"), each[1]))


def stored_translations(path):
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def import_translation(instance, locale, wanted):
    """Translate ``instance`` (a page or a snippet) into ``locale`` from ``wanted`` ({English text: translation})
    the way the admin's PO upload does, then publish the translation. Returns False when there is nothing to use.

    Matched on the English text only: StreamField block ids (a PO file's msgctxt) change with every seed, the words
    do not. A segment without a translation keeps the English words (slugs, for one, stay English)."""
    if not wanted:
        return False
    existing = instance.get_translation_or_none(locale)
    if existing is not None and getattr(existing, "alias_of_id", None) is None:
        return False  # translated already (an alias is what a translation replaces)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    current = translation.export_po()
    for entry in current:
        entry.msgstr = wanted.get(entry.msgid, "")
    translation.import_po(current, tool_name="WeGo Hub demo")
    translation.save_target(publish=True)
    return True


def import_translations(progress):
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = Page.objects.get(locale=english, depth=2)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for language, page_path, path in progress.iterate(translation_files(), "translations"):
        page = Page.objects.filter(locale=english, url_path=home.url_path + page_path).first()
        if page is None or language not in locales:
            continue
        progress.record(import_translation(page.specific, locales[language], stored_translations(path)))


def import_topic_translations(progress):
    """The topics' names and descriptions (core/demo_data/topic_translations.py), for the facets."""
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
    for topic in progress.iterate(in_default_language(Topic.objects.all()), "topics"):
        for locale in locales:
            wanted = {
                english: translations[locale.language_code]
                for english, translations in topic_translations.TOPICS.items()
                if english in (topic.name, topic.description) and locale.language_code in translations
            }
            progress.record(import_translation(topic, locale, wanted))


def seed_locales(progress):
    synchronise_locales()
    import_topic_translations(progress)


def seed_pages(progress):
    import_translations(progress)
