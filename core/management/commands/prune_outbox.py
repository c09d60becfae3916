from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from core.models import OutgoingEmail

# The outbox holds addresses and message bodies: kept only as long as they help someone (docs/personal-data.md).
KEEP_SENT = timedelta(days=30)
KEEP_NOT_DELIVERED = timedelta(days=90)


class Command(BaseCommand):
    help = "Delete sent emails from the outbox after 30 days and not-delivered ones after 90. Run daily."

    def handle(self, *args, **options):
        now = timezone.now()
        sent, _ = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT, sent_at__lt=now - KEEP_SENT).delete()
        failed, _ = OutgoingEmail.objects.filter(
            status=OutgoingEmail.Status.FAILED, created_at__lt=now - KEEP_NOT_DELIVERED
        ).delete()
        self.stdout.write(f"Deleted {sent} sent and {failed} not-delivered email(s) from the outbox.")
