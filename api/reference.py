"""The API's reference for people, read from its own OpenAPI schema (so it cannot drift): each operation with its
parameters and answers, in the order of the schema."""

import functools

from .v1 import api

PREFIX = "/api/v1/"


@functools.cache
def schema():
    return api.get_openapi_schema(path_prefix=PREFIX)


def _type_text(spec):
    """A parameter's schema in a few words: "one of: a, b", "list of one of: …", "integer (1–100)", "text (≤ 100)"."""
    options = [part for part in spec.get("anyOf", [spec]) if part.get("type") != "null"]
    spec = options[0] if options else spec
    if spec.get("type") == "array":
        return "list of " + _type_text(spec.get("items", {}))
    if "enum" in spec:
        return "one of: " + ", ".join(str(value) for value in spec["enum"])
    if spec.get("type") == "integer":
        low, high = spec.get("minimum"), spec.get("maximum")
        if low is not None and high is not None and high < 10**9:
            return f"integer ({low}–{high})"
        return f"integer, at least {low}" if low is not None else "integer"
    if "maxLength" in spec:
        return f"text (at most {spec['maxLength']} characters)"
    return {"string": "text", "boolean": "true or false", "number": "number"}.get(spec.get("type"), "text")


def _parameter(parameter):
    spec = parameter.get("schema", {})
    return {
        "name": parameter["name"],
        "location": parameter["in"],
        "required": parameter.get("required", False),
        "type": _type_text(spec),
        "default": "" if spec.get("default") in (None, "", []) else str(spec["default"]),
        "description": parameter.get("description") or spec.get("description", ""),
    }


def operations():
    """[{method, path, summary, description, parameters, responses}] for every operation of the schema."""
    found = []
    for path, methods in schema()["paths"].items():
        for method, operation in methods.items():
            found.append(
                {
                    "id": operation["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [_parameter(parameter) for parameter in operation.get("parameters", [])],
                    "responses": sorted(str(status) for status in operation.get("responses", {})),
                }
            )
    return found
