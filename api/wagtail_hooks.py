from django.urls import reverse
from django.utils.translation import gettext, ngettext
from wagtail import hooks
from wagtail.models import APIToken

from core.sections import Card, Section

from . import tokens


@hooks.register("register_me_section")
def api_tokens_section(request):
    """On /me/: the person's API tokens, one query."""
    count = tokens.tokens_of(request.user).count()
    summary = (
        ngettext("You have %(count)s token.", "You have %(count)s tokens.", count) % {"count": count}
        if count
        else gettext("Use the hub's data in your own tools. Members get the members-only files too, with a token.")
    )
    return Section(
        key="api-tokens",
        title=gettext("Open data API"),
        cards=[
            Card(
                title=gettext("API tokens"),
                url=reverse("api_tokens"),
                summary=summary,
                action_url=reverse("api_tokens"),
                action_label=gettext("Manage my API tokens"),
            )
        ],
        order=95,
    )


@hooks.register("register_private_link_reset")
def revoke_api_tokens(user):
    """After a password change or reset: whoever had the account may have made tokens."""
    tokens.revoke_all(user)


@hooks.register("register_personal_data")
def my_api_tokens(user):
    rows = APIToken.objects.filter(user=user).order_by("created")
    return (
        "api_tokens",
        [
            {
                "name": token.name,
                "starts_with": token.prefix,
                "created_at": token.created.isoformat(),
                "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
                "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
            }
            for token in rows
        ],
    )


@hooks.register("register_account_deletion")
def forget_my_api_tokens(user):
    APIToken.objects.filter(user=user).delete()
