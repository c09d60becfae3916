"""Counting a catalogue's choices: how many pages each facet value would give. One query per facet."""

import hashlib
import json

from django.core.cache import cache
from django.db.models import Count, Max


def value_counts(pages, field):
    """{value: number of pages} for a field of the pages themselves."""
    rows = pages.values(field).annotate(total=Count("id")).order_by()
    return {str(row[field]): row["total"] for row in rows}


def topic_counts(model, pages):
    """{topic slug: number of pages} for a page model with ``topics`` (core.Topic)."""
    through = model.topics.through
    page_field = model._meta.model_name
    rows = (
        through.objects.filter(**{f"{page_field}__in": pages.values("id")})
        .values("topic__slug")
        .annotate(total=Count(page_field, distinct=True))
        .order_by()
    )
    return {row["topic__slug"]: row["total"] for row in rows}


def with_topic(model, pages, slugs):
    """Pages tagged with any of the topic ``slugs``."""
    through = model.topics.through
    page_field = f"{model._meta.model_name}_id"
    return pages.filter(id__in=through.objects.filter(topic__slug__in=slugs).values(page_field))


FACETS_CACHE_SECONDS = 24 * 3600


def listing_version(pages, index_page):
    """Changes whenever one of ``pages`` is published, changed or withdrawn: one aggregate query."""
    figures = pages.aggregate(count=Count("id"), published=Max("last_published_at"))
    published = figures["published"].timestamp() if figures["published"] else 0
    return f"{index_page.pk}-{figures['count']}-{published}"


def cached(namespace, key_parts, compute):
    """Facet figures are the same for every visitor until the listing changes (its version is among
    ``key_parts``): share them through the cache."""
    digest = hashlib.sha256(json.dumps(key_parts, sort_keys=True, default=str).encode()).hexdigest()
    key = f"{namespace}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, FACETS_CACHE_SECONDS)
    return value
