"""The editors' "Search terms" report, counted off the request: one task per batch of searches (search.hits)."""

from django_tasks import task

from . import services


@task()
def record_search_hits(*, batch_id: str, hits: list[list]):
    """Add a batch ([[normalised query string, ISO day, searches], …]) to the report; a second run adds nothing."""
    return services.record_search_hits(batch_id=batch_id, hits=hits)
