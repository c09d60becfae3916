from django.core.management.base import BaseCommand
from django.db import transaction

from consultations import emails


class Command(BaseCommand):
    help = (
        "Remind cities with a draft that a call closes within 7 days and within 1 day, and reviewers whose review is "
        "a week late (once a week). Run it daily (for example from cron): each reminder is recorded on its row under "
        "the row's lock before it is written to the outbox, so a second run sends nothing twice."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            cities = emails.deadline_reminders()
        with transaction.atomic():
            reviewers = emails.reviewer_reminders()
        self.stdout.write(f"Sent {cities} deadline reminder(s) to cities and {reviewers} reminder(s) to reviewers.")
