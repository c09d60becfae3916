"""Shared fixtures. Tests run against the real database (SQLite or PostgreSQL by DATABASE_URL)."""

import os

import pytest
from django.db import connection

from tests import factories


def skip_or_fail(reason, required_by):
    """Skip on a laptop; fail in CI, where the environment variable says the thing must be there."""
    if os.environ.get(required_by) == "1":
        pytest.fail(f"{reason} ({required_by}=1 requires it)")
    pytest.skip(reason)


@pytest.fixture
def require_postgres(db):
    if connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL: set DATABASE_URL=postgres://…", "REQUIRE_POSTGRES")


@pytest.fixture
def site_tree(db):
    """The page tree every page hangs from: home and the four content index pages."""
    return factories.build_site_tree()


@pytest.fixture
def member(db):
    return factories.UserFactory(first_name="Mina", last_name="Park")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def admin_user(db):
    return factories.UserFactory(is_staff=True, is_superuser=True, email="admin@example.org")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
