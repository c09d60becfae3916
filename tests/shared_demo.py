"""The seeded demo, shared by the tests that read it (the ``demo_site`` fixture in tests/conftest.py).

Seeding the whole demo takes most of a minute and some twenty tests read it. A pytest-xdist worker seeds it once, in
a transaction left open while those tests run (each test runs in savepoints of its own, rolled back after it), and
rolls it back as soon as its next test does not use it. tests/conftest.py runs the tests that use it first, so each
worker seeds it once, and it sets ``demo_site`` up before any other fixture of the test, so the seed's transaction is
always the outer one.
"""

import io
import shutil
import tempfile

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings


class SharedDemo:
    def __init__(self, django_db_blocker):
        self.blocker = django_db_blocker
        self.transaction = None
        self.media_root = None
        self.output = ""  # what seed_demo printed: the progress lines a newcomer sees

    def seed(self):
        if self.transaction is not None:
            return
        # A folder of its own each time: files left by an earlier seed would make the storage rename the new ones.
        self.media_root = tempfile.mkdtemp(prefix="wego-demo-media-")
        out = io.StringIO()
        with self.blocker.unblock():
            self.transaction = transaction.atomic()
            self.transaction.__enter__()
            try:
                with override_settings(MEDIA_ROOT=self.media_root):
                    call_command("seed_demo", stdout=out)
            except BaseException:
                self.roll_back()
                raise
        self.output = out.getvalue()

    def roll_back(self):
        if self.transaction is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.transaction.__exit__(None, None, None)
        self.transaction = None
        shutil.rmtree(self.media_root, ignore_errors=True)
