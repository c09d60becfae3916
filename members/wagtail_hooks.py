from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views, demo
from .models import Invitation, Membership, Organisation


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
