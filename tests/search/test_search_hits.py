"""Counting searches for the editors' "Search terms" report off the request (issue 19): a search writes nothing;
each process counts in memory and hands the worker one task per batch, which adds the batch once however often it
runs. The worker is django-tasks-db's own (tests/background.py); nothing of ours is mocked (the clock of a counter
is a plain function the test moves)."""

import logging
import re
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Site

from search import hits
from search.models import RecordedHitBatch
from search.tasks import record_search_hits
from tests.background import run_ready_tasks
from tests.core.smtp_sink import free_port
from tests.factories import ToolkitPageFactory

pytestmark = pytest.mark.django_db

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def hit_tasks():
    return DBTaskResult.objects.filter(task_path="search.tasks.record_search_hits")


def report():
    """{query string: hits} as Reports → Search terms adds them up."""
    return {query.query_string: query.hits for query in Query.objects.filter(daily_hits__isnull=False).distinct()}


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_a_search_writes_nothing_in_the_request(client, site_tree):
    strategy = ToolkitPageFactory(parent=site_tree["toolkits"], title="E-government strategy toolkit")
    SearchPromotion.objects.create(query=Query.get("strategy"), page=strategy, description="Start here.", sort_order=0)
    # What any first request fills in the shared cache (the database's, here): not the search's to write.
    client.get("/search/")
    Site.get_site_root_paths()
    pages = {}
    for words in ("Strategy", "zeppelin"):  # picked by the editors; never searched before
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", {"q": words})
        assert response.status_code == 200
        writes = [query["sql"] for query in queries.captured_queries if WRITE.match(query["sql"])]
        assert writes == [], f"a search for {words!r} wrote in the request"
        pages[words] = response.content.decode()
    assert "Start here." in pages["Strategy"] and "Start here." not in pages["zeppelin"]
    assert list(Query.objects.values_list("query_string", flat=True)) == ["strategy"]  # no Query made for a search
    assert not QueryDailyHits.objects.exists()
    assert hits.counter.buffered == 2


def test_the_promotions_still_show_and_a_new_query_has_none(client, site_tree):
    strategy = ToolkitPageFactory(parent=site_tree["toolkits"], title="E-government strategy toolkit")
    query = Query.get("open strategy")
    SearchPromotion.objects.create(query=query, page=strategy, description="Start here.", sort_order=0)
    SearchPromotion.objects.create(
        query=query, external_link_url="https://www.we-gov.org/", external_link_text="WeGo", sort_order=1
    )
    response = client.get("/search/", {"q": "  Open   STRATEGY "})  # normalised as Wagtail does: "open strategy"
    assert [pick.title for pick in response.context["promotions"]] == ["E-government strategy toolkit", "WeGo"]
    assert "Start here." in response.content.decode()
    assert client.get("/search/", {"q": "open"}).context["promotions"] == []
    assert Query.objects.count() == 1


def test_a_batch_is_one_task_that_adds_its_searches_to_the_report(
    client, admin_client, site_tree, django_capture_on_commit_callbacks
):
    for words in ("open data", " Open  Data ", "parking"):
        client.get("/search/", {"q": words})
    assert report() == {} and not hit_tasks().exists()
    with django_capture_on_commit_callbacks(execute=True):
        hits.counter.flush()
    assert hit_tasks().count() == 1
    run_ready_tasks()
    assert report() == {"open data": 2, "parking": 1}
    assert QueryDailyHits.objects.get(query__query_string="open data").date == timezone.now().date()
    page = admin_client.get(reverse("wagtailsearchpromotions:search_terms"))
    assert page.status_code == 200 and "open data" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert hits.counter.flush() is None  # nothing buffered: no task
    assert hit_tasks().count() == 1


def test_a_batch_goes_when_it_is_due_by_searches_or_by_time(django_capture_on_commit_callbacks):
    clock = Clock()
    counter = hits.HitCounter(max_seconds=60, max_searches=3, clock=clock)

    def count(words):
        with django_capture_on_commit_callbacks(execute=True):
            counter.count(words)
        return hit_tasks().count()

    assert [count("pilot"), count("pilot"), count("city")] == [0, 0, 1]  # the third search
    assert counter.buffered == 0
    assert count("city") == 1
    clock.now += 59
    assert count("city") == 1
    clock.now += 1  # a minute since the last batch
    assert count("pilot") == 2
    run_ready_tasks()
    assert report() == {"pilot": 3, "city": 3}  # batches for the same day add up


def test_the_request_whose_search_makes_the_batch_due_enqueues_one_task(
    client, site_tree, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(hits.counter, "max_searches", 3)
    with django_capture_on_commit_callbacks(execute=True):
        for words in ("pilot", "city", "pilot"):
            assert client.get("/search/", {"q": words}).status_code == 200
    assert hit_tasks().count() == 1
    run_ready_tasks()
    assert report() == {"pilot": 2, "city": 1}


def test_a_batch_run_twice_is_added_once(django_capture_on_commit_callbacks):
    for _ in range(3):
        hits.counter.count("smart parking")
    with django_capture_on_commit_callbacks(execute=True):
        batch_id = hits.counter.flush()
    run_ready_tasks()
    job = hit_tasks().get()
    assert job.args_kwargs["kwargs"]["batch_id"] == batch_id
    # The same job again, as a queue delivers a job whose worker died before saying it was done.
    with django_capture_on_commit_callbacks(execute=True):
        record_search_hits.enqueue(**job.args_kwargs["kwargs"])
    assert run_ready_tasks() == 1 and hit_tasks().count() == 2
    assert report() == {"smart parking": 3}
    assert RecordedHitBatch.objects.filter(batch_id=batch_id).count() == 1


def test_counting_from_many_threads_loses_no_search(django_capture_on_commit_callbacks):
    counter = hits.HitCounter(max_searches=10**9, max_seconds=10**9)

    def search_often():
        for _ in range(500):
            counter.count("Open data")

    threads = [threading.Thread(target=search_often) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert counter.buffered == 4000
    with django_capture_on_commit_callbacks(execute=True):
        counter.flush()
    assert hit_tasks().get().args_kwargs["kwargs"]["hits"] == [["open data", timezone.now().date().isoformat(), 4000]]


def test_batch_ids_are_kept_as_long_as_the_daily_counts(settings, django_capture_on_commit_callbacks):
    old = RecordedHitBatch.objects.create(
        batch_id="0" * 32, recorded_at=timezone.now() - timedelta(days=settings.WAGTAILSEARCH_HITS_MAX_AGE + 1)
    )
    recent = RecordedHitBatch.objects.create(batch_id="1" * 32, recorded_at=timezone.now() - timedelta(days=1))
    hits.counter.count("pilot")
    with django_capture_on_commit_callbacks(execute=True):
        hits.counter.flush()
    run_ready_tasks()
    assert not RecordedHitBatch.objects.filter(pk=old.pk).exists()
    assert RecordedHitBatch.objects.filter(pk=recent.pk).exists()


def test_a_search_still_answers_when_the_task_queue_does_not(
    client, site_tree, settings, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:{free_port()}/0", "DEFAULT_TIMEOUT": 60}}
    settings.TASKS = {"default": {"BACKEND": "core.task_backends.OnCommitRQBackend", "QUEUES": ["default"]}}
    monkeypatch.setattr(hits.counter, "max_searches", 1)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = client.get("/search/", {"q": "pilot"})
    assert response.status_code == 200
    assert re.search(r"Error calling .*record_search_hits.* in on_commit\(\)", caplog.text), caplog.text
