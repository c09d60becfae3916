"""Compile locale/*/LC_MESSAGES/*.po into .mo files without GNU gettext (a laptop without msgfmt).

`make messages` runs Django's compilemessages where msgfmt is installed (CI, the Docker image) and this otherwise:
the same .mo files, from polib (wagtail-localize's own dependency)."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the interface catalogues (locale/*/LC_MESSAGES/*.po) into .mo files, with polib."

    def handle(self, *args, **options):
        compiled = 0
        for folder in settings.LOCALE_PATHS:
            for catalogue in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
                polib.pofile(str(catalogue)).save_as_mofile(str(catalogue.with_suffix(".mo")))
                compiled += 1
        self.stdout.write(f"{compiled} catalogues compiled")
