from django.core.management.base import BaseCommand

from events import services


class Command(BaseCommand):
    help = (
        "Email confirmed attendees of events that start within a day. Safe to run every few minutes "
        "(for example from cron): each reminder is claimed in the database before it is sent, so it goes out once."
    )

    def handle(self, *args, **options):
        sent = services.send_due_reminders()
        self.stdout.write(f"Sent {sent} event reminder(s).")
