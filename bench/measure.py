"""In-process timings with Django's test client: server time per request and SQL queries."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def signed_in_client(email):
    from members.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    if email:
        client.force_login(User.objects.get(email=email))
    return client


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed_get(client, path):
    started = time.perf_counter()
    response = client.get(path)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return response, (time.perf_counter() - started) * 1000


def time_page(client, path, requests):
    # The first request warms caches and templates: kept out of the median and p95, but in the maximum,
    # since a real visitor can be the first.
    response, first_ms = timed_get(client, path)
    times, queries = [], []
    for _ in range(requests):
        with CaptureQueriesContext(connection) as captured:
            response, elapsed_ms = timed_get(client, path)
        times.append(elapsed_ms)
        queries.append(len(captured))
    return {
        "status": response.status_code,
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
        "max_ms": round(max(*times, first_ms), 2),
        "first_ms": round(first_ms, 2),
        "queries": max(queries),
    }
