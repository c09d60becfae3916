"""What a search leaves behind: a hit for the editors' "Search terms" report (Reports → Search terms,
wagtail.contrib.search_promotions), counted in memory in the request and written in batches by a worker."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from .hits import counter
from .models import RecordedHitBatch


def count_search(*, query: str) -> None:
    """Count the search for the report: in this process's memory, no database write (search.hits sends the batch)."""
    counter.count(query)


def record_search_hits(*, batch_id: str, hits: list[list]) -> bool:
    """Add a batch of searches to Wagtail's Query and QueryDailyHits, once: a batch id already recorded adds nothing
    (a task run twice). Concurrent batches are safe: rows are created under their unique constraints and the counts
    added with F(). Returns whether the batch was added."""
    with transaction.atomic():
        _batch, created = RecordedHitBatch.objects.get_or_create(batch_id=batch_id)
        if not created:
            return False
        for query_string, day, number in hits:
            query = Query.get(query_string)
            daily, _ = QueryDailyHits.objects.get_or_create(query=query, date=datetime.date.fromisoformat(day))
            QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + number)
        # Batch ids are needed as long as a rerun could come, at most as long as the daily counts they added.
        kept_since = timezone.now() - datetime.timedelta(days=settings.WAGTAILSEARCH_HITS_MAX_AGE)
        RecordedHitBatch.objects.filter(recorded_at__lt=kept_since).delete()
    return True
