import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from tests.factories import CasePageFactory, TopicFactory


@pytest.fixture
def outbox():
    mail.outbox.clear()
    return mail.outbox


@pytest.fixture
def open_data(db):
    return TopicFactory(name="Open data", slug="open-data")


@pytest.fixture
def mobility(db):
    return TopicFactory(name="Mobility", slug="mobility")


def published(page, *, when=None, topics=()):
    """Publish ``page`` (with ``topics``) as an editor does; ``when``: the first publication's moment."""
    if topics:
        page.topics.set(topics)
    page.save_revision().publish()
    page.refresh_from_db()
    if when is not None:
        type(page).objects.filter(pk=page.pk).update(first_published_at=when)
        page.refresh_from_db()
    return page


@pytest.fixture
def publish_case(site_tree):
    def make(title, *, topics=(), when=None, **fields):
        return published(CasePageFactory(parent=site_tree["cases"], title=title, **fields), topics=topics, when=when)

    return make


def days_ago(days):
    return timezone.now() - dt.timedelta(days=days)
