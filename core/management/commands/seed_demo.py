from django.core.management.base import BaseCommand

from core.seeding import run_seeders


class Command(BaseCommand):
    help = "Load the demo content (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        run_seeders(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
