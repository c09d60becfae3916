"""Receivers; connected in MembersConfig.ready(), the only place signals are connected."""

from . import services


def on_email_confirmed(sender, request, email_address, **kwargs):
    services.address_verified(email_address.user)


def on_user_signed_up(sender, request, user, **kwargs):
    # An address verified at sign-up (through an invitation link) may already qualify or need the focal point.
    services.address_verified(user)


def on_organisation_saved(sender, instance, created, raw=False, **kwargs):
    if not raw and not created:
        services.sync_organisation_access(instance)


def on_password_changed(sender, request, user, **kwargs):
    # Also after a reset or a first password: whoever knew the old one may have copied the secret links.
    services.new_private_links(user)
