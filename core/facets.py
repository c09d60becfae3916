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
    """{topic translation key (str): number of pages} for a page model with ``topics`` (core.Topic).

    A topic and its translations count as one: a page tagged "Open data" and one tagged "Données ouvertes" are two
    pages of the same topic, whatever language the reader reads. Keyed on the translation key, the figures are the
    same in every language (and can be cached once); ``by_slug`` names them for the reader's form."""
    through = model.topics.through
    page_field = model._meta.model_name
    rows = (
        through.objects.filter(**{f"{page_field}__in": pages.values("id")})
        .values("topic__translation_key")
        .annotate(total=Count(page_field, distinct=True))
        .order_by()
    )
    return {str(row["topic__translation_key"]): row["total"] for row in rows}


def by_slug(counts, topics):
    """``topic_counts`` as {slug: number of pages} for the ``topics`` the reader chooses from (no query)."""
    return {topic.slug: counts[str(topic.translation_key)] for topic in topics if str(topic.translation_key) in counts}


def with_topic(model, pages, slugs):
    """Pages tagged with any of the topics the reader chose by ``slugs`` (in the reader's language, or originals not
    translated yet), or with any translation of them: one query, by translation key."""
    from core.models import Topic

    through = model.topics.through
    page_field = f"{model._meta.model_name}_id"
    keys = Topic.objects.for_reader().filter(slug__in=slugs).values("translation_key")
    return pages.filter(id__in=through.objects.filter(topic__translation_key__in=keys).values(page_field))


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
