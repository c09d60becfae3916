"""Signed-out public pages served from a shared cache, and the headers that let a CDN keep them too.

What is kept: the HTML a signed-out visitor gets from a view that says it is public (a Wagtail page without view
restrictions, or a view wrapped in ``public_page``) when the response is a plain 200 that sets no cookie. What it is
kept under: the scheme, host, language, path with query string and whether the client takes gzip. What a visitor
with a session or a pending message gets: never a kept page (they may see something personal).

Invalidation is correct first: one site-wide version, changed whenever content that can show on a public page
changes (a page, a snippet, a setting, an image, an organisation, a view restriction…; see ``CONTENT_MODELS``).
A kept page stores the version it was rendered under and is only served while that is still the version, so a
publish shows at once on the app server that made it and within ``VERSION_READ_SECONDS`` (one) on the others.
Values that move by the minute without an editor (seats left, an event moving from upcoming to past, "registration
opens on") are right within ``PAGE_CACHE_SECONDS``, the time a page is kept; registration itself reads the database,
never a kept page.
"""

import collections
import functools
import hashlib
import logging
import threading
import time
import uuid

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from core.i18n import front_door_language, language_of_path

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
# In every key: a release that changes what an entry holds starts afresh instead of misreading the last one's.
ENTRY_FORMAT = 2
VERSION_KEY = f"version-{ENTRY_FORMAT}"
HIT_HEADER = "X-Page-Cache"
# Personal for whoever sent the request: never kept by a shared cache, and re-checked by the browser.
PRIVATE = {"private": True, "no_cache": True}


def page_cache():
    return caches[CACHE_ALIAS]


def seconds():
    return settings.PAGE_CACHE_SECONDS


# --- What a view says ------------------------------------------------------------------------------


def mark_public(request):
    """This request's answer is the same for every signed-out visitor and may be kept (see ``store``)."""
    request.public_page = True


def public_page(view):
    """A Django view whose signed-out answer is a public page (the members directory, a city's profile)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        mark_public(request)
        return view(request, *args, **kwargs)

    return wrapped


# --- Which requests and responses ------------------------------------------------------------------


def may_be_served_kept(request):
    """A signed-out GET with nothing personal in it: no session (a signed-in person, or one halfway through signing
    in or up) and no message waiting to be shown; at the front door, a visitor who stays on the English home page
    (core.middleware.LanguageMiddleware sends the others to theirs)."""
    if request.method != "GET" or not seconds():
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    return request.path_info != "/" or front_door_language(request) == settings.LANGUAGE_CODE


def may_be_kept(request, response):
    return (
        getattr(request, "public_page", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def key_for(request):
    accepts_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
    language = language_of_path(request.path_info)
    parts = [request.scheme, request.get_host(), language, "gzip" if accepts_gzip else "identity"]
    digest = hashlib.sha256("\n".join([*parts, request.get_full_path()]).encode()).hexdigest()
    return f"page-{ENTRY_FORMAT}:{digest}"


# --- Serving and keeping ---------------------------------------------------------------------------


class RecentPages:
    """The pages this process served last, with the version each was kept under: a hit then reads only the version
    from the shared cache (a few bytes), not the page. Bounded: the least recently served go first."""

    def __init__(self, size):
        self.size = size
        self.entries = collections.OrderedDict()
        self.lock = threading.Lock()

    def get(self, key, version):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None or entry[0] != version or entry[1] + seconds() < time.time():
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


recent_pages = RecentPages(size=200)


class Lookup:
    """The current version and the kept page for a request: one read of the shared cache when this process served
    the page lately, two otherwise."""

    def __init__(self, request):
        self.key = key_for(request)
        self.entry = self.version = None
        self.usable = True
        try:
            self.version = current_version()
            if self.version is not None:
                self.entry = recent_pages.get(self.key, self.version) or self._shared_entry()
        except Exception:
            # The cache is down (Redis restarting): the page is rendered as if nothing were kept.
            logger.warning("page cache unavailable: serving without it", exc_info=True)
            self.usable = False

    def _shared_entry(self):
        entry = page_cache().get(self.key)
        if entry and entry[0] == self.version:
            recent_pages.put(self.key, entry)
            return entry
        return None

    def response(self):
        _version, _kept_at, status, headers, content = self.entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[HIT_HEADER] = "hit"
        return response

    def store(self, response):
        """Keep the page under the version read before it was rendered: if content changed meanwhile, the version
        moved on and this copy is never served."""
        public_headers(response)
        if not self.usable:
            return
        headers = [(name, value) for name, value in response.items() if name != HIT_HEADER]
        try:
            version = self.version or new_version()
            entry = (version, time.time(), response.status_code, headers, response.content)
            page_cache().set(self.key, entry, seconds())
        except Exception:
            logger.warning("page cache unavailable: page not kept", exc_info=True)
            return
        recent_pages.put(self.key, entry)
        _state.kept_since_change = True


def public_headers(response):
    """For the CDN or proxy in front: kept for ``PAGE_CACHE_SECONDS`` by shared caches (purged on publish by
    wagtail.contrib.frontend_cache), re-checked by browsers (so signing in shows at once), one copy per cookie
    (a shared cache must not hand a signed-in person's page to anyone)."""
    patch_cache_control(response, public=True, max_age=0, s_maxage=seconds())
    patch_vary_headers(response, ("Cookie",))


def private_headers(response):
    if "Cache-Control" not in response:
        patch_cache_control(response, **PRIVATE)


# --- Invalidation ----------------------------------------------------------------------------------

# Models whose rows can show on a public page. Pages (every subclass) are recognised by class; these by label.
# A registration, an enrolment, a sign-in or a download changes none of them: a crowd signing up does not empty
# the cache (the seats left they change are right within PAGE_CACHE_SECONDS).
CONTENT_MODELS = frozenset(
    {
        "wagtailcore.locale",
        "wagtailcore.site",
        "wagtailcore.pageviewrestriction",
        "wagtailcore.collectionviewrestriction",
        "core.customimage",
        "core.customdocument",
        "core.sitesettings",
        "core.topic",
        "courses.instructor",
        "courses.cohortrun",
        "courses.quiz",
        "courses.question",
        "courses.choice",
        "members.organisation",
        "members.membership",
        "taggit.tag",
    }
)


class _State(threading.local):
    kept_since_change = False  # this process kept a page since content last changed
    # The connection's list of commit callbacks a new version is queued in. Django replaces the list when a
    # transaction commits or (partly) rolls back, so a new list means the callback may not be pending any more.
    queued_in = None


_state = _State()


# How long a process trusts the version it last read: a hit then reads nothing at all from the shared cache. A
# change made in this process shows here at once (new_version sets it); one made on another app server shows here
# within this bound.
VERSION_READ_SECONDS = 1.0


class _VersionSeen:
    value = None
    read_at = float("-inf")


_version_seen = _VersionSeen()


def current_version():
    if time.monotonic() - _version_seen.read_at < VERSION_READ_SECONDS:
        return _version_seen.value
    value = page_cache().get(VERSION_KEY)
    _version_seen.value, _version_seen.read_at = value, time.monotonic()
    return value


def forget_what_this_process_holds():
    """The version read and the pages kept in this process (tests: each test's database starts afresh)."""
    _version_seen.value, _version_seen.read_at = None, float("-inf")
    with recent_pages.lock:
        recent_pages.entries.clear()
    _state.kept_since_change = False


def new_version():
    version = uuid.uuid4().hex
    page_cache().set(VERSION_KEY, version, None)
    _version_seen.value, _version_seen.read_at = version, time.monotonic()
    return version


def bump_version():
    """A new version after a change; if the cache is down the change still goes through (what it kept expires
    within PAGE_CACHE_SECONDS)."""
    try:
        new_version()
    except Exception:
        logger.error("page cache unavailable: pages kept before this change may be served", exc_info=True)


def shows_on_public_pages(model):
    from wagtail.models import Page

    if model.__module__ == "__fake__":  # a migration's historical model: no page has been served from it yet
        return False
    return issubclass(model, Page) or model._meta.label_lower in CONTENT_MODELS


def content_changed(sender, instance=None, raw=False, **kwargs):
    """A receiver for saves, deletes and many-to-many changes of content that shows on public pages."""
    if not raw and shows_on_public_pages(type(instance) if instance is not None else sender):
        invalidate()


def page_tree_changed(sender, **kwargs):
    """Wagtail's page_published, page_unpublished and post_page_move: a page's row may change through a
    queryset update (aliases, moves), which sends no post_save."""
    invalidate()


def invalidate():
    """A new version once the transaction commits, so a page another server renders from the data before the
    commit is not kept under the new version; and at once if this process kept a page since, so this process sees
    its own change inside the transaction. Once per transaction and per kept page: seeding thousands of pages
    writes the version a handful of times, not thousands."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        bump_version()
        _state.kept_since_change = False
        return
    if _state.kept_since_change:
        _state.kept_since_change = False
        bump_version()
    if _state.queued_in is not connection.run_on_commit:
        transaction.on_commit(bump_version)
        _state.queued_in = connection.run_on_commit


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"page_cache_{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_tree_changed, dispatch_uid=f"page_cache_{id(signal)}")
