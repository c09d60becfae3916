"""Download my data, delete my account.

Other apps add what they hold about a person through two hooks:
``register_personal_data`` (fn(user) -> (key, JSON-serialisable value)) and
``register_account_deletion`` (fn(user) -> None, removes or anonymises their rows).

Deleting an account anonymises the user row instead of removing it, so that rows other apps keep
for aggregate figures (enrolments, downloads, registrations) still count, and certificates, which
carry the learner's name as issued, stay verifiable. See docs/personal-data.md.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from core.models import OutgoingEmail

from . import services
from .models import Invitation, Membership, User


def _iso(value):
    return value.isoformat() if value else None


def export_personal_data(user):
    membership = Membership.objects.select_related("organisation").filter(user=user).first()
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "job_title": user.job_title,
            "department": user.department,
            "preferred_language": user.preferred_language,
            "time_zone": user.time_zone,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        "membership": membership
        and {
            "organisation": membership.organisation.name,
            "role": membership.role,
            "status": membership.status,
            "joined_through": membership.via,
            "requested_at": _iso(membership.requested_at),
            "focal_point_told_at": _iso(membership.approvers_told_at),
            "decided_at": _iso(membership.decided_at),
            "rejection_reason": membership.rejection_reason,
        },
        # What kinds of second step and when they were added and last used; never a secret or a code.
        "two_step_sign_in": [
            {"type": a.type, "added": _iso(a.created_at), "last_used": _iso(a.last_used_at)}
            for a in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
        "invitations_received": [
            {"organisation": i.organisation.name, "sent": _iso(i.created_at), "accepted": _iso(i.accepted_at)}
            for i in Invitation.objects.filter(email__iexact=user.email).select_related("organisation")
        ],
    }
    for fn in hooks.get_hooks("register_personal_data"):
        key, value = fn(user)
        data[key] = value
    return data


def delete_account(*, user: User):
    """Remove the person's personal data; keep an anonymous row so figures and certificates hold."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        for fn in hooks.get_hooks("register_account_deletion"):
            fn(user)
        Invitation.objects.filter(email__iexact=user.email).update(email=f"deleted-{user.pk}@deleted.invalid")
        addresses = [user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)]
        OutgoingEmail.objects.filter(recipients__in=addresses).delete()  # sent or waiting: nothing more goes to them
        EmailAddress.objects.filter(user=user).delete()
        # The app's secret, passkeys and recovery codes: the user row stays, so they would otherwise stay with it.
        Authenticator.objects.filter(user=user).delete()
        # The row stays (as removed) so that what other apps count per organisation stays right.
        Membership.objects.filter(user=user).update(
            status=Membership.Status.REMOVED, role=Membership.Role.STAFF, rejection_reason=""
        )
        user.email = f"deleted-{user.pk}@deleted.invalid"
        user.first_name = user.last_name = user.job_title = user.department = user.time_zone = ""
        user.is_active = False
        user.is_staff = user.is_superuser = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
        services.sync_member_access(user)
    # The unusable password changes the session hash, so every other session of this person ends too.
    return user
