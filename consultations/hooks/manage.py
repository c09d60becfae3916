"""Hooks: the secretariat's way in from the admin, reviewers' section on /me/, and two-step sign-in for the
secretariat (it reads every city's applications)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

from core.i18n import in_reader_language
from core.sections import Card, Section

from .. import access
from ..models import Application, Assignment, ConsultationProgrammePage


def programme_page():
    """The live programme page in the reader's language (else the first live one), or None."""
    live = ConsultationProgrammePage.objects.live()
    return in_reader_language(live).first() or live.first()


class ProgrammeMenuItem(MenuItem):
    """Links to the public programme page, found when the menu is drawn (the menu item itself is built once)."""

    def is_shown(self, request):
        return access.is_secretariat(request.user)

    def render_component(self, request):
        page = programme_page()  # menu items are shared between requests: the URL is not kept on the item
        url = page.get_url(request) if page else "/"
        return LinkMenuItemComponent(
            self.name, self.label, url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


@hooks.register("register_admin_menu_item")
def programme_menu_item():
    return ProgrammeMenuItem(
        gettext_lazy("Consultation programme"), "/", name="consultation-programme", icon_name="list-ul", order=260
    )


MAX_CARDS = 20


@hooks.register("register_me_section")
def reviews_section(request):
    if not access.is_reviewer(request.user):
        return None
    assignments = list(
        Assignment.objects.open()
        .filter(reviewer=request.user, application__status=Application.Status.IN_REVIEW)
        .select_related("application__organisation", "application__call")
        .order_by("assigned_at")[:MAX_CARDS]
    )
    if not assignments:
        return None
    page = programme_page()
    if page is None:
        return None
    base = page.get_url(request)

    def url(route, *args):
        return base + page.reverse_subpage(route, args=args)

    return Section(
        key="consultation-reviews",
        title=_("Applications to review"),
        cards=[
            Card(
                title=assignment.application.title,
                url=url("review", assignment.pk),
                meta=(assignment.application.organisation.name, assignment.application.call.title),
                action_url=url("review", assignment.pk),
                action_label=_("Review"),
            )
            for assignment in assignments
        ],
        more_url=url("my_reviews"),
        more_label=_("All your review assignments"),
        order=35,
    )


@hooks.register("register_second_factor_groups")
def secretariat_needs_two_step_sign_in():
    # The consultation secretariat reads every city's applications, reviews and history.
    return [access.SECRETARIAT_GROUP]
