"""What the search app keeps: which batches of search hits were already added to the editors' report."""

from django.db import models
from django.utils import timezone


class RecordedHitBatch(models.Model):
    """A batch of searches (search.hits) already added to Wagtail's QueryDailyHits: a task run again adds nothing.

    Kept as long as the daily counts they added (WAGTAILSEARCH_HITS_MAX_AGE); search.services prunes older ones."""

    batch_id = models.CharField(max_length=32, unique=True)
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return self.batch_id
