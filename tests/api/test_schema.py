"""The API's OpenAPI 3.1 schema is valid (openapi-spec-validator), describes every operation, and what the API
answers matches it (each response checked against the schema's own JSON Schema, Draft 2020-12)."""

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from tests.factories import (
    CasePageFactory,
    CoursePageFactory,
    EventPageFactory,
    OrganisationFactory,
    ToolkitPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    return response.json()


def test_the_schema_is_valid_openapi_3_1(schema, record_property):
    assert schema["openapi"].startswith("3.1")
    validate(schema)  # raises with the first problem it finds
    operations = [operation for path in schema["paths"].values() for operation in path.values()]
    assert len(operations) >= 10
    assert all(operation.get("operationId") and operation.get("summary") for operation in operations)
    record_property(
        "counts",
        f"openapi-spec-validator: OpenAPI {schema['openapi']} valid, {len(schema['paths'])} paths, "
        f"{len(operations)} operations, {len(schema['components']['schemas'])} component schemas",
    )


def response_validator(schema, path, status="200"):
    """A validator for the JSON Schema the OpenAPI document gives for GET ``path``'s response: the document itself,
    with a ``$ref`` to that response, so its "#/components/…" references resolve in it."""
    pointer = "/".join(
        part.replace("~", "~0").replace("/", "~1")
        for part in ("paths", path, "get", "responses", status, "content", "application/json", "schema")
    )
    return Draft202012Validator({**schema, "$ref": f"#/{pointer}"})


def test_what_the_api_answers_matches_its_schema(client, schema, site_tree, record_property):
    organisation = OrganisationFactory(name="City of Kigali", city="Kigali", country="RW")
    case = CasePageFactory(parent=site_tree["cases"], title="Smart Kigali", organisation=organisation)
    toolkit = ToolkitPageFactory(parent=site_tree["toolkits"], title="Open data kit")
    event = EventPageFactory(parent=site_tree["events"], title="Smart city expo", host_organisation=organisation)
    course = CoursePageFactory(parent=site_tree["courses"], title="Open data basics")
    checks = [
        ("/api/v1/cases/", "/api/v1/cases/"),
        (f"/api/v1/cases/{case.pk}/", "/api/v1/cases/{case_id}/"),
        ("/api/v1/organisations/", "/api/v1/organisations/"),
        ("/api/v1/toolkits/", "/api/v1/toolkits/"),
        (f"/api/v1/toolkits/{toolkit.pk}/", "/api/v1/toolkits/{toolkit_id}/"),
        ("/api/v1/events/", "/api/v1/events/"),
        (f"/api/v1/events/{event.pk}/", "/api/v1/events/{event_id}/"),
        ("/api/v1/courses/", "/api/v1/courses/"),
        (f"/api/v1/courses/{course.pk}/", "/api/v1/courses/{course_id}/"),
        ("/api/v1/organisations/city-of-kigali/", "/api/v1/organisations/{slug}/"),
    ]
    for address, path in checks:
        response = client.get(address)
        assert response.status_code == 200, address
        errors = list(response_validator(schema, path).iter_errors(response.json()))
        assert errors == [], (address, [error.message for error in errors])
    record_property("counts", f"response schemas (Draft 2020-12): {len(checks)} answers checked, 0 errors")
    # The check can fail: a body that breaks the schema is caught.
    assert list(response_validator(schema, "/api/v1/cases/").iter_errors({"count": "many", "results": [{}]}))


def test_no_two_response_schemas_share_a_name():
    """The OpenAPI components are named after the classes: two of one name would silently describe one of them
    with the other's fields (it happened: the cases' facets were described with the courses')."""
    import inspect

    from ninja import Schema

    from api import cases, courses, events, organisations, pagination, toolkits

    names = [
        name
        for module in (cases, courses, events, organisations, pagination, toolkits)
        for name, value in vars(module).items()
        if inspect.isclass(value) and issubclass(value, Schema) and value.__module__ == module.__name__
    ]
    assert len(names) == len(set(names)), sorted(names)
