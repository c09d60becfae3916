"""Counting searches for the editors' "Search terms" report off the request (issue 19).

A search writes nothing: each app process adds it to a counter in memory, keyed by the query string as Wagtail
normalises it and the day. When the batch is due, the whole batch goes to the worker as ONE task
(``search.tasks.record_search_hits``), which adds it to Wagtail's Query / QueryDailyHits. So the report's figures
arrive in batches, at most about a minute late, and no search waits for a row to be written.
"""

import atexit
import logging
import threading
import time
import uuid
from collections import Counter

from django.utils import timezone
from wagtail.search.utils import normalise_query_string

logger = logging.getLogger(__name__)

# A batch goes to the worker when either bound is reached: the report reads daily totals, so a minute late changes
# nothing for editors, and a process sends at most one task a minute plus one per 100 searches (a few rows an
# hour, not one per search). A process that dies without exiting loses at most its current batch.
FLUSH_SECONDS = 60
FLUSH_SEARCHES = 100


class HitCounter:
    """Searches counted in memory, per (normalised query string, day); thread-safe (a process may serve requests
    from several threads)."""

    def __init__(self, *, max_seconds=FLUSH_SECONDS, max_searches=FLUSH_SEARCHES, clock=time.monotonic):
        self.max_seconds, self.max_searches, self.clock = max_seconds, max_searches, clock
        self._lock = threading.Lock()
        self._counts = Counter()
        self._searches = 0
        self._last_flush = clock()

    def count(self, query_string):
        """Count one search; if that makes the batch due, send it (one task for the whole batch)."""
        query_string = normalise_query_string(query_string)
        if not query_string:
            return
        # The day as Wagtail's Query.add_hit() takes it, on the day of the search (not of the flush).
        key = (query_string, timezone.now().date().isoformat())
        with self._lock:
            self._counts[key] += 1
            self._searches += 1
            due = self._searches >= self.max_searches or self.clock() - self._last_flush >= self.max_seconds
            batch = self._take() if due else None
        if batch:
            send(batch)

    def flush(self):
        """Send whatever is buffered now, due or not (at process exit; tests). Returns the batch id, or None."""
        with self._lock:
            batch = self._take()
        return send(batch) if batch else None

    def discard(self):
        """Forget the buffer and start the clock again (tests: each starts from nothing)."""
        with self._lock:
            self._take()

    @property
    def buffered(self):
        with self._lock:
            return self._searches

    def _take(self):
        """The batch as the task takes it (plain values): [[query string, ISO day, searches], …]. Lock held."""
        batch = [[query_string, day, number] for (query_string, day), number in sorted(self._counts.items())]
        self._counts.clear()
        self._searches = 0
        self._last_flush = self.clock()
        return batch


def send(batch):
    """Enqueue one task with the whole batch once the current transaction commits (at once outside one); returns
    the batch's id. If the queue does not answer, the error is logged and the batch is lost: the page still answers."""
    from core.tasks import enqueue_on_commit

    from .tasks import record_search_hits

    batch_id = uuid.uuid4().hex
    enqueue_on_commit(record_search_hits, batch_id=batch_id, hits=batch)
    return batch_id


counter = HitCounter()


def flush_at_exit():
    """Best effort: a process that stops normally (gunicorn recycling or stopping a worker) sends what it holds."""
    try:
        counter.flush()
    except Exception:
        logger.exception("search hits not sent at exit")


atexit.register(flush_at_exit)
