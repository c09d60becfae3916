from django.core.management.base import BaseCommand

from community import digest


class Command(BaseCommand):
    help = (
        "Write the digests that are due (weekly, or daily for those who chose it) of new cases, toolkit releases, "
        "courses and events in what each person follows. Run it hourly or daily (cron, a systemd timer): each person "
        "gets one digest per period, recorded with the email in one transaction, so a second run sends nothing twice."
    )

    def handle(self, *args, **options):
        sent = digest.send_digests()
        self.stdout.write(f"Wrote {sent} digest(s).")
