"""Reads for the programme's pages: each costs a fixed number of queries, whatever the number of rows it shows."""

import statistics
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from core.i18n import in_reader_language, original
from members.models import Membership

from . import access
from .models import Application, Assignment, CallPage, Milestone, Project, Score


def programme_context(request, programme):
    now_open, upcoming, closed = [], [], []
    calls = in_reader_language(CallPage.objects.child_of(programme).live().public()).order_by("closes_at")
    for call in calls:
        if call.is_open():
            now_open.append(call)
        elif call.has_closed():
            closed.append(call)
        else:
            upcoming.append(call)
    return {"open_calls": now_open, "upcoming_calls": upcoming, "closed_calls": closed[::-1]}


def call_page_context(request, call):
    user = request.user
    context = {"criteria": list(call.criteria.all())}
    if not user.is_authenticated:
        return context
    membership = access.city_membership(user)
    source = original(call)  # the applications are kept on the original, whichever translation is read
    if membership is not None:
        context["membership"] = membership
        context["city_applications"] = city_applications_to(source, user)
    from .services import eligibility_error

    context["apply_error"] = eligibility_error(source, membership)
    if membership is not None and not membership.is_focal_point:
        context["focal_point_names"] = focal_point_names(membership.organisation_id)
    context["is_secretariat"] = access.is_secretariat(user)
    return context


def focal_point_names(organisation_id):
    """Who a city's staff ask to start an application: the names of its approved focal points, one query."""
    focal_points = Membership.objects.filter(
        organisation_id=organisation_id,
        role=Membership.Role.FOCAL_POINT,
        status=Membership.Status.APPROVED,
        user__is_active=True,
    ).select_related("user")
    return sorted(membership.user.display_name for membership in focal_points)


def city_applications_to(call, user):
    """The applications to ``call`` (the original) that the person sees as their city's, withdrawn ones aside,
    newest first."""
    return list(
        Application.objects.filter(call=call)
        .filter(access.visible_to_city(user))
        .exclude(status=Application.Status.WITHDRAWN)
        .distinct()
        .order_by("-created_at")
    )


def city_applications(user):
    """The applications a person sees as their city's, newest first, with their call: two queries."""
    return list(
        Application.objects.filter(access.visible_to_city(user))
        .distinct()
        .select_related("call", "organisation", "project")
        .order_by("-created_at")
    )


def reviewer_assignments(user):
    return list(
        Assignment.objects.filter(reviewer=user)
        .exclude(application__status__in=[Application.Status.WITHDRAWN])
        .select_related("application__call", "application__organisation")
        .order_by("status", "-assigned_at")
    )


@dataclass
class RankedRow:
    application: Application
    reviews: int = 0
    assigned: int = 0
    mean: float | None = None  # the weighted mean of the submitted reviews' weighted scores, 1–5
    spread: float | None = None  # the highest reviewer's weighted score minus the lowest's
    reviewer_scores: list = field(default_factory=list)
    rank: int | None = None


def weighted(scores_and_weights):
    total_weight = sum(weight for _score, weight in scores_and_weights)
    return sum(score * weight for score, weight in scores_and_weights) / total_weight if total_weight else None


def ranking(call):
    """Every application past screening (and those still to screen), ranked by weighted mean score: three queries,
    whatever the number of applications and reviews."""
    applications = list(
        Application.objects.filter(call=call)
        .exclude(status__in=[Application.Status.DRAFT, Application.Status.WITHDRAWN])
        .select_related("organisation")
        .annotate(
            assigned_count=Count("assignments", filter=~Q(assignments__status=Assignment.Status.CONFLICT)),
        )
    )
    by_review = {}
    for assignment_id, application_id, score, weight in Score.objects.filter(
        assignment__application__call=call, assignment__status=Assignment.Status.SUBMITTED
    ).values_list("assignment_id", "assignment__application_id", "score", "criterion__weight"):
        by_review.setdefault((application_id, assignment_id), []).append((score, weight))
    per_application = {}
    for (application_id, _assignment_id), pairs in by_review.items():
        per_application.setdefault(application_id, []).append(weighted(pairs))
    rows = []
    for application in applications:
        reviewer_scores = sorted(per_application.get(application.pk, []))
        rows.append(
            RankedRow(
                application=application,
                reviews=len(reviewer_scores),
                assigned=application.assigned_count,
                mean=statistics.fmean(reviewer_scores) if reviewer_scores else None,
                spread=(reviewer_scores[-1] - reviewer_scores[0]) if reviewer_scores else None,
                reviewer_scores=reviewer_scores,
            )
        )
    rows.sort(key=lambda row: (row.mean is None, -(row.mean or 0), row.application.organisation.name))
    rank = 0
    for row in rows:
        if row.mean is not None:
            rank += 1
            row.rank = rank
    return rows


def application_history(application):
    return list(application.history.select_related("actor"))


def project_milestones(project):
    return list(project.milestones.select_related("completed_by"))


def projects_of(user):
    """Projects the person works on as a consultant."""
    return list(
        Project.objects.filter(consultants=user)
        .select_related("application__call", "application__organisation")
        .prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by("position")))
        .order_by("-started_at")
    )
