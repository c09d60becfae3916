"""The seat-locking helper shared by everything with limited places (event seats, cohort seats).

Every writer that counts places takes the owner's row lock inside its transaction first, so two
requests for the last place are served one after the other. On SQLite, ``transaction_mode:
IMMEDIATE`` already serialises writers and ``select_for_update`` is a no-op.
"""

from django.conf import settings
from django.db import transaction


def lock_for_seats(model, pk):
    """Re-read ``model`` row ``pk`` under a row lock; call inside ``transaction.atomic()``."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_for_seats() must run inside transaction.atomic()")
    # SEAT_LOCKING is a test-only switch: the control run turns it off to prove the race test sees races.
    if not getattr(settings, "SEAT_LOCKING", True):
        return model.objects.get(pk=pk)
    return model.objects.select_for_update(of=("self",)).get(pk=pk)
