"""The membership emails: request received, approved, rejected, invitation."""

from django.urls import reverse
from wagtail.models import Site

from core.emails import absolute_url, send_templated_email
from core.models import SiteSettings

from .models import Membership


def secretariat_address():
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).contact_email if site else ""


def request_received(membership):
    focal_points = Membership.objects.filter(
        organisation=membership.organisation,
        status=Membership.Status.APPROVED,
        role=Membership.Role.FOCAL_POINT,
    ).select_related("user")
    recipients = [fp.user.email for fp in focal_points] or [secretariat_address()]
    send_templated_email(
        "members/email/request_received",
        to=recipients,
        context={
            "membership": membership,
            "dashboard_url": absolute_url(reverse("members:dashboard", args=[membership.organisation.slug])),
        },
    )


def _tell_the_person(membership, template_prefix):
    send_templated_email(
        template_prefix,
        to=[membership.user.email],
        context={"membership": membership, "me_url": absolute_url(reverse("members:me"))},
        language=membership.user.preferred_language,
    )


def membership_approved(membership):
    _tell_the_person(membership, "members/email/approved")


def membership_rejected(membership):
    _tell_the_person(membership, "members/email/rejected")


def invitation(invitation):
    send_templated_email(
        "members/email/invitation",
        to=[invitation.email],
        context={
            "invitation": invitation,
            "accept_url": absolute_url(reverse("members:invitation", args=[invitation.token])),
        },
    )
