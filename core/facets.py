"""Counting a catalogue's choices: how many pages each facet value would give. One query per facet."""

from django.db.models import Count


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
