"""Registration under a crowd: 50 signed-in people register and cancel, over and over, for the same
event (the worst case: every request takes that event's row lock), through gunicorn."""

import statistics
import threading
import time

import requests

from bench.measure import percentile

USERS = 50
ROUNDS = 10
CSRF_SECRET = "b" * 32


def crowd_sessions(cookie_name, count=USERS):
    from django.conf import settings
    from django.test import Client

    from members.models import User

    sessions = []
    for user in User.objects.filter(email__endswith="@bench.example").order_by("id")[:count]:
        client = Client()
        client.force_login(user)
        session = requests.Session()
        session.cookies.set(cookie_name, client.cookies[cookie_name].value)
        session.cookies.set(settings.CSRF_COOKIE_NAME, CSRF_SECRET)
        session.headers.update({"X-CSRFToken": CSRF_SECRET, "Connection": "close"})
        sessions.append(session)
    return sessions


def seat_limited_event():
    from django.utils import timezone

    from events.models import EventPage

    return (
        EventPage.objects.live()
        .filter(start__gt=timezone.now(), format=EventPage.Format.IN_PERSON)
        .order_by("-start")
        .first()
    )


def crowd_load(name, path, sessions, posts, expected=302):
    """Every session sends its ``posts`` [(url, data)] one after another, all sessions at once, through gunicorn;
    returns the bench row (median and p95 per request, requests per second over the whole crowd)."""
    timings, failures = [], []
    lock = threading.Lock()
    barrier = threading.Barrier(len(sessions))

    def person(session):
        barrier.wait()
        for url, data in posts:
            started = time.perf_counter()
            response = session.post(url, data=data, allow_redirects=False, timeout=60)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                timings.append(elapsed)
                if response.status_code != expected:
                    failures.append(response.status_code)

    started = time.perf_counter()
    threads = [threading.Thread(target=person, args=(session,)) for session in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {
        "name": name,
        "path": path,
        "status": expected if not failures else failures[0],
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "max_ms": round(max(timings), 2),
        "queries": 0,
        "rps": round(len(timings) / wall, 1),
        "non_2xx": len(failures),
        "requests": len(timings),
    }


def run(base, cookie_name):
    from events.models import EventPage, Registration

    event = seat_limited_event()
    EventPage.objects.filter(pk=event.pk).update(in_person_capacity=USERS // 2)  # half wait, so promotions happen
    sessions = crowd_sessions(cookie_name)
    register_url, cancel_url = f"{base}{event.url}register/", f"{base}{event.url}cancel/"
    from events.views import CONFIRM_CANCEL

    # A cancellation needs its explicit confirmation (events.views.cancel): without it the POST shows the question.
    posts = [(register_url, {"mode": "in_person", "consent": "on"}), (cancel_url, {"confirm": CONFIRM_CANCEL})] * ROUNDS
    result = crowd_load(f"registration ({len(sessions)} users)", event.url + "register/ + cancel/", sessions, posts)
    confirmed = Registration.objects.confirmed().filter(event=event).count()
    result["confirmed_after"] = confirmed
    print(
        f"  {result['name']:28} {result['rps']:9.1f} req/s, p95 {result['p95_ms']} ms, "
        f"{result['non_2xx']} failures, {confirmed} confirmed at the end (capacity {USERS // 2})",
        flush=True,
    )
    return result
