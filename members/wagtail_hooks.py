import datetime as dt

from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem, MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core import charts
from core.access import Link, RestrictionHelp

from . import admin_views, demo, selectors, services
from .models import Invitation, Membership, Organisation, Region


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "city", "country", "region", "kind", "status", "year_joined"]
    list_filter = ["region", "kind", "status"]
    # No field list: the model's own search index answers (SQLite's full-text table cannot search one column).
    list_export = ["name", "slug", "city", "country", "region", "kind", "status", "year_joined", "website"]
    export_filename = "organisations"
    ordering = ["name"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Membership requests")
    list_display = ["user", "organisation", "role", "status", "via", "requested_at", "decided_at"]
    list_filter = ["status", "role", "via", "organisation__region", "organisation__kind"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation__name"]
    list_export = ["user", "organisation", "role", "status", "via", "requested_at", "decided_at"]
    export_filename = "memberships"
    ordering = ["-requested_at"]


class InvitationViewSet(SnippetViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Invitations")
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["organisation__region"]
    search_fields = ["email", "organisation__name"]
    ordering = ["-created_at"]


class MembersGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, MembershipViewSet, InvitationViewSet)
    menu_icon = "group"
    menu_label = _("Member cities")
    menu_name = "member-cities"
    menu_order = 200


register_snippet(MembersGroup)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/membership/", admin_views.membership_report, name="members_membership_report")]


@hooks.register("register_reports_menu_item")
def register_membership_report_menu_item():
    return AdminOnlyMenuItem(
        _("Membership by region"), reverse("members_membership_report"), icon_name="group", order=700
    )


@hooks.register("register_demo_seeder", order=10)
def seed_organisations(progress):
    """Member organisations (101 real cities, marked as demo data)"""
    demo.seed_organisations(progress)


@hooks.register("register_demo_seeder", order=11)
def seed_people(progress):
    """People: the secretariat admin, a consultant, focal points, staff, requests and invitations"""
    demo.seed_people(progress)


@hooks.register("register_demo_seeder", order=12)
def seed_members_corner(progress):
    """Members-only content: the members' corner page and the members-only document collection"""
    demo.seed_members_corner(progress)


@hooks.register("register_restriction_help")
def explain_members_only(request, target, groups):
    """A signed-in person opened a page or document restricted to the Members group: say what members-only
    means, where their own membership stands, and how to ask to join their city."""
    if not any(group.name == services.MEMBERS_GROUP for group in groups):
        return None
    step, membership = selectors.joining_step(request.user)
    organisation = membership.organisation.name if membership else ""
    my_membership = reverse("members:me") + "#membership-heading"
    paragraphs = [
        gettext(
            "This is members-only content: it is for staff of member organisations, the cities of the association, "
            "once their city has approved them. Signing in alone does not open it."
        )
    ]
    if step == "pending":
        paragraphs.append(
            gettext("Your request to join %(organisation)s is waiting for approval by its focal point.")
            % {"organisation": organisation}
        )
        links = [Link(my_membership, gettext("Where your request stands"))]
    elif step == "suspended":
        paragraphs.append(
            gettext("The membership of %(organisation)s is suspended: members-only content is closed for its staff.")
            % {"organisation": organisation}
        )
        links = [Link(my_membership, gettext("My organisation"))]
    elif step == "verify_email":
        paragraphs.append(gettext("Confirm your email address first: members-only content opens once it is verified."))
        links = [Link(reverse("account_email"), gettext("Manage your email addresses"))]
    else:
        paragraphs.append(
            gettext(
                "Your account is not linked to an approved member city yet. Ask to join your city from My hub: its "
                "focal point approves its staff. Your focal point can also invite you."
            )
        )
        links = [Link(my_membership, gettext("Ask to join your city"))]
    links.append(Link(reverse("members:directory"), gettext("The member directory: is your city a member?")))
    return RestrictionHelp(key="members", paragraphs=tuple(paragraphs), links=tuple(links), order=10)


# --- Charts: members per region (secretariat's reports), and the page of the secretariat's charts -------------------

ACTIVE_DAYS = 90


def members_per_region(_organisation):
    """Approved members of active organisations per region, and how many of them signed in during the last 90 days:
    one query."""
    since = timezone.now() - dt.timedelta(days=ACTIVE_DAYS)
    rows = (
        Membership.objects.filter(status=Membership.Status.APPROVED, organisation__status=Organisation.Status.ACTIVE)
        .values("organisation__region")
        .annotate(members=Count("id"), active=Count("id", filter=Q(user__last_login__gte=since)))
        .order_by()
    )
    by_region = {row["organisation__region"]: row for row in rows}
    regions = Region.by_name()
    return charts.ChartData(
        labels=tuple(label for _code, label in regions),
        series=(
            charts.Series(gettext("Members"), tuple(by_region.get(code, {}).get("members", 0) for code, _l in regions)),
            charts.Series(
                gettext("Signed in during the last %(days)s days") % {"days": ACTIVE_DAYS},
                tuple(by_region.get(code, {}).get("active", 0) for code, _l in regions),
            ),
        ),
    )


@hooks.register("register_report_chart")
def membership_charts():
    return [
        charts.ChartSpec(
            key="members-per-region",
            title=_("Active members per region"),
            description=_("Approved staff of active member organisations, and those who signed in lately."),
            scope=charts.SECRETARIAT,
            numbers=members_per_region,
            kind="bar",
            category_label=_("Region"),
            permission="members.view_membership",
            order=10,
        )
    ]


class ChartsMenuItem(MenuItem):
    """Shown to whoever may see at least one of the secretariat's charts (the view checks again)."""

    def is_shown(self, request):
        return bool(charts.specs(charts.SECRETARIAT, request.user))


@hooks.register("register_admin_urls")
def register_charts_report_url():
    return [path("reports/charts/", admin_views.charts_report, name="members_charts_report")]


@hooks.register("register_reports_menu_item")
def register_charts_report_menu_item():
    return ChartsMenuItem(_("Charts"), reverse("members_charts_report"), icon_name="doc-full-inverse", order=690)


@hooks.register("register_map_points")
def member_cities_map(request, map_name, page):
    """The member directory's map (core.maps): the active organisations' cities, linked to their profiles."""
    if map_name != "members":
        return None
    from . import maps

    return maps.member_layer(request)
