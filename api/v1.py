"""Version 1 of the open-data API (/api/v1/): read-only, JSON, described by its OpenAPI 3.1 schema at /api/v1/schema/.

Built with django-ninja: the responses are pydantic schemas (no hand-written serialisation), and the schema is
generated from the same code that answers. Why ninja rather than Wagtail's API: docs/decisions/0004-open-data-api.md.
"""

from ninja import NinjaAPI

from . import cases, courses, events, organisations, toolkits
from .auth import AUTH, LIMITS


class OpenDataAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """Every operation may be called without a token: an empty requirement says so (OpenAPI 3.1, 4.8.30)."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                if operation.get("security") and {} not in operation["security"]:
                    operation["security"].append({})
        return schema


api = OpenDataAPI(
    title="WeGo Hub open data API",
    version="1",
    description=(
        "The case library, toolkits, events, courses and the member directory of WeGo Hub as data. Read-only; "
        "public content needs no key. Every list takes the same filters as its page on the site, and is paginated "
        "(page, page_size)."
    ),
    urls_namespace="api-v1",
    openapi_url="/schema/",
    docs_url=None,
    auth=AUTH,  # a personal token, or nobody (api.auth)
    throttle=LIMITS,  # the site renders its own reference (no third-party script)
)
api.add_router("/cases/", cases.router)
api.add_router("/organisations/", organisations.router)
api.add_router("/toolkits/", toolkits.router)
api.add_router("/events/", events.router)
api.add_router("/courses/", courses.router)
