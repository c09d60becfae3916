"""The one public address of the site: every absolute link we send or print starts with ``settings.PUBLIC_URL``.

Emails (ours, allauth's and Wagtail's workflow notifications), certificates and their QR codes, calendar files and
exports all build their links here, never from the host a request happened to arrive on. The default Wagtail
``Site`` is kept in step with it (hostname, port and name) after every ``migrate``, because Wagtail builds
``page.full_url`` — used in its moderation emails — from that record.
"""

import contextlib
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import DatabaseError


def public_url():
    return settings.PUBLIC_URL.rstrip("/")


def absolute_url(path):
    """``/courses/`` → ``https://hub.example.org/courses/``."""
    return public_url() + path


def rebase(url):
    """Any link to this site, on whichever host it was built, moved onto the public address."""
    parts = urlsplit(url)
    public = urlsplit(public_url())
    return urlunsplit((public.scheme, public.netloc, public.path + parts.path, parts.query, parts.fragment))


def public_host():
    """``hub.example.org`` (with ``:port`` when the address names one)."""
    return urlsplit(public_url()).netloc


def sync_default_site():
    """Point the default Wagtail Site at the public address and give it the site's name. Returns it, or None."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    address = urlsplit(public_url())
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    if (site.hostname, site.port, site.site_name) != (hostname, port, settings.WAGTAIL_SITE_NAME):
        site.hostname, site.port, site.site_name = hostname, port, settings.WAGTAIL_SITE_NAME
        # update(), not save(): save() also empties Wagtail's cached site paths, and on the very first migrate the
        # cache table does not exist yet (nothing is cached then either).
        Site.objects.filter(pk=site.pk).update(hostname=hostname, port=port, site_name=settings.WAGTAIL_SITE_NAME)
        with contextlib.suppress(DatabaseError):
            Site.clear_site_root_paths_cache()
    return site
