from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (or removed when given None).

    A listing rendered once for many readers (core.listings) passes its own parameters as ``listing_query``: its links
    then carry those, never another parameter of the first reader's address."""
    query = context.get("listing_query")
    params = (context["request"].GET if query is None else query).copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()
