"""Receivers; connected in CoreConfig.ready(), the only place signals are connected."""

from . import public_url


def sync_default_site(sender, using="default", **kwargs):
    # After every migrate (make run, a deploy): the default Site follows PUBLIC_URL.
    public_url.sync_default_site()
