"""The demo-content command's plumbing: each app registers a seeder through a Wagtail hook.

    @hooks.register("register_demo_seeder", order=30)
    def seed_courses(progress): ...

``seed_demo`` runs them in order. A seeder must be idempotent: it looks things up by slug or
email and only creates what is missing, so running the command twice changes nothing.
"""

import sys
import time

from django.db import transaction
from django.test.utils import override_settings
from wagtail import hooks

HOOK_NAME = "register_demo_seeder"


class Progress:
    """Tells the person at the terminal what is happening, with a bar for long loops."""

    def __init__(self, stream=None, total_steps=0):
        self.stream = stream or sys.stdout
        self.total_steps = total_steps
        self.step = 0
        self.created = 0
        self.existing = 0

    def start(self, label):
        self.step += 1
        self.created = self.existing = 0
        self.started = time.monotonic()
        self.label = label
        self.stream.write(f"[{self.step}/{self.total_steps}] {label}\n")

    def record(self, created):
        if created:
            self.created += 1
        else:
            self.existing += 1

    def iterate(self, items, label):
        items = list(items)
        total = len(items)
        width = 30
        interactive = getattr(self.stream, "isatty", lambda: False)()
        for number, item in enumerate(items, start=1):
            yield item
            if interactive or number == total:
                filled = width * number // max(total, 1)
                end = "\n" if number == total else "\r"
                self.stream.write(f"      {label} [{'#' * filled}{'.' * (width - filled)}] {number}/{total}{end}")
                self.stream.flush()

    def finish(self):
        elapsed = time.monotonic() - self.started
        self.stream.write(f"      {self.created} created, {self.existing} already there ({elapsed:.1f} s)\n")


def run_seeders(stream=None):
    seeders = hooks.get_hooks(HOOK_NAME)
    progress = Progress(stream, total_steps=len(seeders))
    # Demo people have made-up addresses: the workflows the seed runs must not email them.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        _run(seeders, progress)
    return progress


def _run(seeders, progress):
    for seeder in seeders:
        progress.start(seeder.__doc__.strip().splitlines()[0] if seeder.__doc__ else seeder.__name__)
        with transaction.atomic():
            seeder(progress)
        progress.finish()
