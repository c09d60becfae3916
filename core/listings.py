"""A catalogue's filters and cards, rendered once per version of the listing and reused by every reader.

A listing page (the case library, the course catalogue) shows the same filter panel and the same cards to everyone
who asks for the same thing: nothing in them is about the reader (no enrolment, no progress, no time zone, no
form token). So the HTML is kept in the shared cache under a key made of

- the listing's version (``core.facets.listing_version``: how many pages it lists and when one was last published,
  so publishing, changing or withdrawing a page, or making it private, gives a new key),
- the index page's address (card links are under it),
- the reader's language,
- the listing's own query parameters as the reader sent them (the form shows them back); any other parameter is
  left out of the key and out of the HTML (pagination and export links are built from the listing's own ones),
- a fingerprint of the code and templates that render it (a deploy never serves the previous release's markup).

What a page's publication does not date (a topic renamed or translated, a cover image replaced or deleted) bumps
a *generation* kept in the cache (``forget_rendered_listings``, connected in ``CoreConfig.ready``); a rendered
listing is reused only under the generation it was made in. The generation and the listing are read together, in
one cache round trip. A change made around the models' signals (a bulk ``update()``, raw SQL) shows when the
listing next changes, or after ``RENDERED_SECONDS`` at the latest.
"""

import hashlib
import json
import os
import uuid
from functools import cache as once

from django.conf import settings
from django.core.cache import cache
from django.http import QueryDict
from django.utils.safestring import mark_safe

from core.i18n import active_language

RENDERED_SECONDS = 24 * 3600
# What every catalogue card reads of its page (its title, summary and address, and whether it stands in for an
# untranslated page, core.i18n.content_language); each catalogue adds its own facts. Only these: sorting thousands
# of full page rows, with their stream fields, is the slow part.
PAGE_CARD_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "alias_of_id",
    "live",
    "summary",
)
GENERATION_KEY = "listings:generation"
# What renders a listing: templates, the interface's catalogues and our Python code.
FINGERPRINTED = (".html", ".mo", ".py")
NOT_FINGERPRINTED = {
    "tests",
    "bench",
    "docs",
    "static",
    "staticfiles",
    "var",
    "node_modules",
    "migrations",
    "__pycache__",
}


@once
def code_fingerprint():
    """A digest of the files that render listings, computed once per process: the same release gives the same
    digest on every server, and another release another digest."""
    digest = hashlib.sha256()
    base = str(settings.BASE_DIR)
    for folder, subfolders, files in os.walk(base):
        subfolders[:] = sorted(
            name for name in subfolders if not name.startswith(".") and name not in NOT_FINGERPRINTED
        )
        for name in sorted(files):
            if name.endswith(FINGERPRINTED):
                path = os.path.join(folder, name)
                digest.update(os.path.relpath(path, base).encode())
                with open(path, "rb") as file:
                    digest.update(file.read())
    return digest.hexdigest()[:16]


def listing_query(request, names):
    """The request's values for the listing's own parameters ``names``, in a fixed order: what the rendered listing
    may depend on. Links inside it carry these and nothing else (``query_with`` reads them as ``listing_query``)."""
    query = QueryDict(mutable=True)
    for name in sorted(names):
        values = request.GET.getlist(name)
        if values:
            query.setlist(name, values)
    query._mutable = False
    return query


def rendered_listing(request, *, namespace, version, index_page, names, render):
    """The listing's HTML from the cache, or ``render(query)`` (``query``: ``listing_query``) kept for the next
    reader. ``render`` must depend on nothing but the listing's data, the language and ``query``."""
    query = listing_query(request, names)
    parts = [namespace, version, index_page.url_path, active_language(), code_fingerprint(), sorted(query.lists())]
    digest = hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()
    key = f"listing:{namespace}:{digest}"
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    kept = found.get(key)
    if generation is not None and kept is not None and kept[0] == generation:
        return mark_safe(kept[1])  # noqa: S308 (our own rendered template, stored by the branch below)
    if generation is None:
        # Never 0 or a counter: a generation lost from the cache must not come back and revive old listings.
        generation = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, generation, None):
            generation = cache.get(GENERATION_KEY, generation)
    html = render(query)
    cache.set(key, (generation, html), RENDERED_SECONDS)
    return html


def forget_rendered_listings(**kwargs):
    """Receiver: something every listing may show changed without a page being published (a topic, an image)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def link_cards(pages, index_page, request):
    """Give each of ``pages`` (children of ``index_page``) its address as ``card_url``: the index page's address and
    the page's slug, which is what Wagtail's ``{% pageurl %}`` would work out card by card from the site root paths
    (a child's ``url_path`` is its parent's and its slug)."""
    base = index_page.get_url(request)
    for page in pages:
        page.card_url = f"{base}{page.slug}/" if base else None
    return pages
