"""Bring the interface catalogues up to date with the code: Django's makemessages, with the hub's options.

New and changed strings appear untranslated in every language's django.po; tests/test_catalogues.py fails until
each is translated (docs/translation.md). Needs GNU gettext (xgettext, msgmerge)."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

# Not ours, or not UI: the virtualenv, front-end packages, collected static files, data, the tests and the bench.
IGNORED = [".venv", "node_modules", "staticfiles", "var", "tests", "bench"]


def languages_to_translate():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class Command(BaseCommand):
    help = "Update locale/*/LC_MESSAGES/django.po from the code's strings (makemessages with the hub's options)."

    def handle(self, *args, **options):
        call_command(
            "makemessages",
            locale=languages_to_translate(),
            ignore_patterns=IGNORED,
            add_location="file",
            verbosity=options["verbosity"],
        )
