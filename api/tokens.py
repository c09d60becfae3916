"""Personal API tokens (Wagtail's APIToken: only a keyed hash is kept, the token is shown once). A token acts for its
person: with it the API shows what the person may see on the site, never more."""

from django.db import transaction
from django.utils import timezone
from wagtail.models import APIToken

from members.models import User

MAX_TOKENS = 10  # live tokens one person may hold: one per script or partner tool


class TooManyTokens(Exception):
    pass


def tokens_of(user):
    return APIToken.objects.filter(user=user, revoked_at__isnull=True).order_by("-created", "-id")


def create_token(*, user, name: str) -> tuple[APIToken, str]:
    """(the row, the token itself): the only moment the token is known."""
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()  # one count at a time per person
        if tokens_of(user).count() >= MAX_TOKENS:
            raise TooManyTokens
        return APIToken.create_token(user=user, name=name)


def revoke_token(*, user, token_id: int) -> bool:
    """Revoke one of the person's own live tokens; False for any other (someone else's, unknown, already revoked)."""
    return bool(tokens_of(user).filter(pk=token_id).update(revoked_at=timezone.now()))


def revoke_all(user):
    tokens_of(user).update(revoked_at=timezone.now())
