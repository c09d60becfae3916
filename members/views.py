import functools
import json

from allauth.account.adapter import get_adapter
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core import charts, maps
from core.exports import csv_response
from core.page_cache import public_page
from core.pagination import paginate
from core.sections import collect_sections

from . import personal_data, reports, selectors, services
from .exceptions import MembershipError
from .forms import (
    DeleteAccountForm,
    DirectoryFilterForm,
    InviteForm,
    JoinOrganisationForm,
    ProfileForm,
    PublicContactForm,
    RejectForm,
    RoleForm,
)
from .models import Invitation, Membership, Organisation

# --- Public directory ----------------------------------------------------------------------------


@public_page
@require_safe
def directory(request):
    form = DirectoryFilterForm(request.GET or None, countries=selectors.countries_in_directory())
    filters = form.filters()
    organisations = selectors.directory(**filters)
    page = paginate(request, organisations, 24)
    selectors.with_country_names(page.object_list)
    return render(
        request,
        "members/directory.html",
        {
            "form": form,
            "organisations": page,
            "total": page.paginator.count,
            "organisation_count": sum(selectors.counts_by_kind().values()),
            "member_city_kind": Organisation.Kind.MEMBER_CITY,
            "name_query": filters["query"],
            # The map of the member cities (core.maps, from members' register_map_points): unfolded until filtered.
            "world_map": maps.world_map(request, "members", open_=not request.GET),
        },
    )


@public_page
@require_safe
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.active().select_related("cover_image"), slug=slug)
    if request.user.is_authenticated:
        join_url = f"{reverse('members:me')}?{urlencode({'organisation': organisation.slug})}#membership-heading"
    else:
        join_url = f"{reverse('account_signup')}?{urlencode({'organisation': organisation.slug})}"
    return render(
        request,
        "members/organisation_detail.html",
        {
            "organisation": organisation,
            "member_count": selectors.approved_member_count(organisation),
            "figures": selectors.profile_figures(organisation),
            "sections": collect_sections("register_organisation_profile_section", request, organisation),
            "domains": organisation.domains,
            "aliases": organisation.other_names,
            "has_focal_point": selectors.has_focal_point(organisation),
            "join_url": join_url,
            "meta_description": selectors.profile_summary(organisation),
            "can_manage": services.can_manage(request.user, organisation),
        },
    )


# --- My hub --------------------------------------------------------------------------------------


# Everything about one person or one city's people: never kept by a browser's or a proxy's cache.
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def me(request):
    user = request.user
    profile_form = ProfileForm(instance=user, prefix="profile")
    # The "Join as staff of …" link on a city's profile names the city: the join form starts with it chosen.
    preselected = selectors.active_organisation_by_slug(request.GET.get("organisation", ""))
    join_form = JoinOrganisationForm(prefix="join", initial={"organisation": preselected.pk if preselected else None})
    if request.method == "POST" and "profile-submit" in request.POST:
        profile_form = ProfileForm(request.POST, instance=user, prefix="profile")
        if profile_form.is_valid():
            profile_form.save()
            messages.success(request, _("Your profile is saved."))
            return redirect("members:me")
    elif request.method == "POST" and "join-submit" in request.POST:
        join_form = JoinOrganisationForm(request.POST, prefix="join")
        if join_form.is_valid():
            try:
                membership = services.request_membership(user=user, organisation=join_form.cleaned_data["organisation"])
            except MembershipError as error:
                messages.error(request, error.message)
            else:
                if membership.is_approved:
                    messages.success(request, _("You are now a member of %s.") % membership.organisation)
                else:
                    messages.success(request, _("Your request is sent. Your focal point will review it."))
                return redirect("members:me")
    return render(
        request,
        "members/me.html",
        {
            "membership": selectors.membership_of(user),
            "profile_form": profile_form,
            "join_form": join_form,
            "sections": collect_sections("register_me_section", request),
            "second_factor_on": selectors.has_second_factor(user),
        },
    )


@never_cache
@login_required
@require_safe
def download_my_data(request):
    data = personal_data.export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="wego-hub-my-data-{stamp}.json"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete_my_account(request):
    # The password check is a guess like a sign-in: limited per person, as allauth limits changing a password.
    if request.method == "POST" and not ratelimit.consume(request, action="delete_account", user=request.user):
        problem = _("You have tried too many times. Wait a minute, then try again.")
        context = {"form": DeleteAccountForm(user=request.user), "problem": problem}
        return render(request, "members/delete_account.html", context, status=429)
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        personal_data.delete_account(user=request.user)
        logout(request)
        messages.success(request, _("Your account and personal data have been deleted."))
        return redirect("/")
    return render(request, "members/delete_account.html", {"form": form})


# --- Invitations ---------------------------------------------------------------------------------


@never_cache  # shows the invited address
@require_http_methods(["GET", "POST"])
def invitation(request, token):
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
    problem = None
    try:
        services.check_invitation(invitation)
    except MembershipError as error:
        problem = error.message
    if request.method == "POST" and problem is None:
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?{urlencode({'next': request.path})}")
        try:
            membership = services.accept_invitation(token=token, user=request.user)
        except MembershipError as error:
            problem = error.message
        else:
            messages.success(request, _("Welcome to %s! Member pages are now open to you.") % membership.organisation)
            return redirect("members:me")
    signup_url = None
    if not request.user.is_authenticated and problem is None:
        # The link reached this address's inbox: signing up with it needs no second confirmation email.
        get_adapter(request).stash_verified_email(request, invitation.email)
        signup_url = f"{reverse('account_signup')}?{urlencode({'email': invitation.email, 'next': request.path})}"
    return render(
        request,
        "members/invitation.html",
        {
            "invitation": invitation,
            "problem": problem,
            "signup_url": signup_url,
            "login_url": f"{reverse('account_login')}?{urlencode({'next': request.path})}",
        },
        status=410 if problem else 200,
    )


# --- Focal-point dashboard -----------------------------------------------------------------------


def manager_required(view):
    """Only the organisation's focal point or the secretariat; anyone else gets a 404 (nothing to see)."""

    @functools.wraps(view)
    @login_required
    def wrapper(request, slug, *args, **kwargs):
        organisation = get_object_or_404(Organisation, slug=slug)
        if not services.can_manage(request.user, organisation):
            raise Http404
        return view(request, organisation, *args, **kwargs)

    return wrapper


@never_cache
@manager_required
@require_safe
def dashboard(request, organisation):
    return render(
        request,
        "members/dashboard.html",
        {
            "organisation": organisation,
            "pending": selectors.pending_requests(organisation),
            "awaiting_confirmation": selectors.requests_awaiting_confirmation(organisation),
            "staff": selectors.staff(organisation),
            "invitations": selectors.recent_invitations(organisation),
            "invite_form": InviteForm(),
            "contact_form": PublicContactForm(initial={"public_contact_email": organisation.public_contact_email}),
            "reject_form": RejectForm(),
            "role_choices": Membership.Role.choices,
            "reports": reports.organisation_reports(organisation),
            "charts": charts.report_charts(charts.ORGANISATION, organisation=organisation),
        },
    )


def _run(request, action, success_message):
    try:
        action()
    except MembershipError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success_message)
    return redirect("members:dashboard", request.resolver_match.kwargs["slug"])


def _on_membership(request, organisation, pk, service, success_message, **arguments):
    membership = get_object_or_404(
        Membership.objects.select_related("user", "organisation"), pk=pk, organisation=organisation
    )
    return _run(
        request,
        lambda: service(membership=membership, by=request.user, **arguments),
        success_message % {"person": membership.user},
    )


def _on_invitation(request, organisation, pk, service, success_message):
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    return _run(
        request,
        lambda: service(invitation=invitation, by=request.user),
        success_message % {"email": invitation.email},
    )


@manager_required
@require_POST
def approve_request(request, organisation, pk):
    return _on_membership(request, organisation, pk, services.approve_membership, _("%(person)s is now a member."))


@manager_required
@require_POST
def reject_request(request, organisation, pk):
    form = RejectForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    message = _("The request from %(person)s is rejected.")
    return _on_membership(request, organisation, pk, services.reject_membership, message, reason=reason)


@manager_required
@require_POST
def change_role(request, organisation, pk):
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a role from the list."))
        return redirect("members:dashboard", organisation.slug)
    message = _("The role of %(person)s is updated.")
    return _on_membership(request, organisation, pk, services.change_role, message, role=form.cleaned_data["role"])


@manager_required
@require_POST
def remove_member(request, organisation, pk):
    message = _("%(person)s no longer has member access.")
    return _on_membership(request, organisation, pk, services.remove_member, message)


@manager_required
@require_POST
def set_public_contact(request, organisation):
    form = PublicContactForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid email address, or leave the box empty to show none."))
        return redirect("members:dashboard", organisation.slug)
    email = form.cleaned_data["public_contact_email"]
    message = _("Your city's profile now shows %s.") % email if email else _("Your city's profile shows no address.")
    return _run(
        request,
        lambda: services.set_public_contact(organisation=organisation, email=email, by=request.user),
        message,
    )


@manager_required
@require_POST
def resend_invitation(request, organisation, pk):
    message = _("The invitation to %(email)s is sent again.")
    return _on_invitation(request, organisation, pk, services.resend_invitation, message)


@manager_required
@require_POST
def revoke_invitation(request, organisation, pk):
    message = _("The invitation to %(email)s is withdrawn.")
    return _on_invitation(request, organisation, pk, services.revoke_invitation, message)


@manager_required
@require_POST
def send_invitations(request, organisation):
    form = InviteForm(request.POST)
    if not form.is_valid():
        errors = form.non_field_errors() or [_("Paste at least one email address.")]
        messages.error(request, " ".join(errors))
        return redirect("members:dashboard", organisation.slug)
    if not ratelimit.consume(request, action="invite", user=request.user):
        messages.error(request, _("You have sent many invitations in the last hour. Please try again later."))
        return redirect("members:dashboard", organisation.slug)
    valid, invalid = form.cleaned_data["valid"], form.cleaned_data["invalid"]
    if invalid:
        messages.warning(
            request, _("These lines are not email addresses and were skipped: %s") % ", ".join(invalid[:20])
        )
    if not valid:
        return redirect("members:dashboard", organisation.slug)
    return _run(
        request,
        lambda: services.invite(
            organisation=organisation, addresses=valid, by=request.user, role=form.cleaned_data["role"]
        ),
        _("Invitations sent to %(count)d addresses.") % {"count": len(valid)},
    )


@never_cache
@manager_required
@require_safe
def report_csv(request, organisation):
    header, rows = reports.staff_report(organisation)
    return csv_response(header, rows, f"{slugify(organisation.name)}-report-{timezone.now():%Y%m%d}")


@never_cache
@manager_required
@require_safe
def report_table_csv(request, organisation, key):
    """One content app's own table for the city (for example enrolled, completed and certificates per course)."""
    report = reports.organisation_report(organisation, key)
    if report is None or not report.table_header:
        raise Http404
    filename = f"{slugify(organisation.name)}-{slugify(key)}-{timezone.now():%Y%m%d}"
    return csv_response(report.table_header, report.table_rows, filename)
