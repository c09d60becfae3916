"""Many threads doing the same thing at the same moment, each on its own database connection."""

import threading

from django.db import connection

WORKERS = 8


def run_at_once(target, count=WORKERS):
    """Run ``target`` in ``count`` threads released together; returns the exceptions they raised."""
    barrier = threading.Barrier(count)
    errors = []

    def worker():
        try:
            barrier.wait(timeout=10)
            target()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors
