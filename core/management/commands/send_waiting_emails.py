from django.core.management.base import BaseCommand

from core import mail


class Command(BaseCommand):
    help = (
        "Hand waiting emails to the task workers again: those whose delivery job was lost and those a dead worker had "
        "claimed. Safe to run every few minutes from cron. --now: the relay is back, send everything waiting at "
        "once. --failed: also try the emails marked not delivered again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="every waiting email, without waiting for its backoff")
        parser.add_argument("--failed", action="store_true", help="also the emails that were not delivered")

    def handle(self, *args, now, failed, **options):
        count = mail.hand_over_waiting(now=now, include_failed=failed)
        self.stdout.write(f"Handed {count} email(s) to the workers.")
