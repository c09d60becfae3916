"""Schemathesis against the live API: for every operation of the schema served at /api/v1/schema/, it generates
requests from the schema (hypothesis) and sends them to a running server. No answer may be a 5xx, and every answer
must match what the schema says it returns (status codes, content type, body), as schemathesis's default checks
read it. The counts are printed, and the test fails if an operation was left out."""

from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.factories import (
    CasePageFactory,
    CoursePageFactory,
    EventPageFactory,
    OrganisationFactory,
    ToolkitPageFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def live_api(live_server, site_tree):
    organisation = OrganisationFactory(name="City of Kigali", city="Kigali", country="RW")
    case = CasePageFactory(parent=site_tree["cases"], title="Smart Kigali", organisation=organisation)
    toolkit = ToolkitPageFactory(parent=site_tree["toolkits"], title="Open data kit")
    event = EventPageFactory(parent=site_tree["events"], title="Smart city expo", host_organisation=organisation)
    course = CoursePageFactory(parent=site_tree["courses"], title="Open data basics")
    # Each item operation is also called for an item that exists (generated ids rarely do).
    existing = {
        "GET /api/v1/cases/{case_id}/": {"case_id": case.pk},
        "GET /api/v1/toolkits/{toolkit_id}/": {"toolkit_id": toolkit.pk},
        "GET /api/v1/events/{event_id}/": {"event_id": event.pk},
        "GET /api/v1/courses/{course_id}/": {"course_id": course.pk},
        "GET /api/v1/organisations/{slug}/": {"slug": organisation.slug},
    }
    return schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/"), live_server.url, existing


def exercise(operation, base_url, statuses, path_parameters=None):
    """Up to EXAMPLES_PER_OPERATION generated requests to one operation, each checked against the schema."""

    @settings(
        max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(case=operation.as_strategy(path_parameters=path_parameters))
    def run(case):
        response = case.call_and_validate(base_url=base_url)
        statuses[(operation.label, response.status_code)] += 1

    run()


def test_every_operation_answers_what_its_schema_says(live_api, record_property):
    schema, base_url, existing = live_api
    operations = [result.ok() for result in schema.get_all_operations()]
    statuses = Counter()

    for operation in operations:
        exercise(operation, base_url, statuses)
        if operation.label in existing:
            exercise(operation, base_url, statuses, path_parameters=existing[operation.label])

    # Shown in the run's "counts" section (tests/conftest.py), also from pytest-xdist's workers.
    record_property("counts", f"schemathesis: {len(operations)} operations, {sum(statuses.values())} requests")
    for (label, status), count in sorted(statuses.items()):
        record_property("counts", f"  schemathesis {label}: {status} × {count}")
    assert len(operations) >= 11
    assert {label for label, _status in statuses} == {operation.label for operation in operations}
    assert not any(status >= 500 for _label, status in statuses)
    assert all((label, 200) in statuses for label in existing)  # each item operation answered with data too
