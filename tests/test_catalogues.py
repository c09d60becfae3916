"""Every string of ours is translated in every language, and stays so: a new string cannot land untranslated.

The check runs makemessages (the hub's own options, core/management/commands/update_catalogues.py) into a copy of
the catalogues, so a string added to the code without its translations fails here, not in front of a reader."""

import os
import re
import shutil
import subprocess
import sys

import polib
import pytest
from django.conf import settings

from core.management.commands.update_catalogues import IGNORED, languages_to_translate
from tests.conftest import skip_or_fail

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{\w*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
PLURAL_FORMS = {"fr": 2, "es": 2, "ko": 1, "ru": 3, "ar": 6}


@pytest.fixture(scope="module")
def current_catalogues(tmp_path_factory):
    """The catalogues as makemessages leaves them for today's code: {language: polib.POFile}.

    makemessages writes into the project's locale/, so it runs in a copy of the project (code and catalogues)."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        skip_or_fail("needs GNU gettext (apt-get install gettext)", "REQUIRE_GETTEXT")
    copy = tmp_path_factory.mktemp("project") / "hub"
    not_code = shutil.ignore_patterns(*IGNORED, ".git", "__pycache__", "*.mo", "media", "*.sqlite3")
    shutil.copytree(settings.BASE_DIR, copy, ignore=not_code)
    subprocess.run(
        [sys.executable, "manage.py", "update_catalogues", "--verbosity", "0"],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "wego_hub.settings.test"},
        check=True,
    )
    return {
        code: polib.pofile(str(copy / "locale" / code / "LC_MESSAGES" / "django.po"))
        for code in languages_to_translate()
    }


def test_every_language_has_its_catalogue():
    for code in languages_to_translate():
        assert (settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po").exists(), code


def test_every_string_is_translated_in_every_language(current_catalogues):
    missing = {
        code: [entry.msgid for entry in catalogue.untranslated_entries()][:10]
        for code, catalogue in current_catalogues.items()
    }
    fuzzy = {
        code: [entry.msgid for entry in catalogue.fuzzy_entries()][:10]
        for code, catalogue in current_catalogues.items()
    }
    assert not any(missing.values()), f"untranslated (first 10 per language): {missing}"
    assert not any(fuzzy.values()), f"fuzzy (first 10 per language): {fuzzy}"


@pytest.mark.parametrize("code", languages_to_translate())
def test_translations_keep_placeholders_and_tags(code):
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"))
    wrong = []
    for entry in catalogue.translated_entries():
        pairs = (
            [(entry.msgid, entry.msgstr)]
            if not entry.msgid_plural
            else [(entry.msgid_plural if index else entry.msgid, text) for index, text in entry.msgstr_plural.items()]
        )
        for source, translated in pairs:
            # A plural's singular may drop its number ("One more person …"): then only the names must be known.
            expected = sorted(PLACEHOLDER.findall(source))
            found = sorted(PLACEHOLDER.findall(translated))
            if found != expected and not (
                entry.msgid_plural and set(found) <= set(PLACEHOLDER.findall(entry.msgid_plural))
            ):
                wrong.append((entry.msgid, translated))
            if sorted(TAG.findall(source)) != sorted(TAG.findall(translated)):
                wrong.append((entry.msgid, translated))
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("code", languages_to_translate())
def test_plural_forms_fit_the_language(code):
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"))
    assert f"nplurals={PLURAL_FORMS[code]};" in catalogue.metadata["Plural-Forms"].replace(" ", "")
    assert catalogue.metadata.get("Language") == code
    for entry in catalogue:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == PLURAL_FORMS[code], entry.msgid


@pytest.mark.parametrize("code", languages_to_translate())
def test_msgfmt_accepts_the_catalogue(code):
    if shutil.which("msgfmt") is None:
        skip_or_fail("needs GNU gettext (apt-get install gettext)", "REQUIRE_GETTEXT")
    path = settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stderr, result.stderr
