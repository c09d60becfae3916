"""Print a new Open Badges signing key, an entry for OPEN_BADGES_SIGNING_KEYS (docs/operations.md, "Badge keys")."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from courses.badges import KEY_ID, new_key_line


class Command(BaseCommand):
    help = "Print a new Ed25519 key for OPEN_BADGES_SIGNING_KEYS: put it first to sign with it, keep the old ones."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "key_id",
            nargs="?",
            default=f"k{datetime.date.today():%Y%m%d}",
            help="the key's id, published in the issuer profile (letters, digits, . _ -); default k<today>",
        )

    def handle(self, *args, key_id, **options):
        if not KEY_ID.fullmatch(key_id):
            raise CommandError("A key id is 1 to 64 letters, digits, dots, underscores or hyphens.")
        self.stdout.write(new_key_line(key_id))
