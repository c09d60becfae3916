"""Reviewers: the applications assigned to them, and one review (the application, the scores, a conflict of interest).

Only members of the reviewers group reach these pages, and only for their own assignments; anything else is a 404.
A reviewer sees the other reviewers' scores once they have submitted their own, and no longer sees an application's
text once they have declared a conflict of interest.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.exceptions import UserFacingError

from .. import access, selectors, services
from ..forms.review import ConflictForm, ScoreForm
from ..models import Application, Assignment, Score
from .common import assignment_or_404, programme_url, refused, render, sign_in_first

TEXT_FIELDS = ("challenge", "objectives", "expected_outcomes", "partners")


def reviewer_or_404(request):
    if not access.is_reviewer(request.user):
        raise Http404(_("There is no such page."))


# --- What the reviewer and the secretariat read of an application -----------------------------------------------


def application_text(request, programme, application):
    """The application as the city wrote it: its text, its answers in the call's order, its files with their
    download links. Two queries (the call's questions, the attachments)."""
    sections = [
        (Application._meta.get_field(name).verbose_name, getattr(application, name))
        for name in TEXT_FIELDS
        if getattr(application, name).strip()
    ]
    given = dict(application.answers or {})
    answers = []
    for question in application.call.questions.all():
        if question.label in given:
            answers.append((question.label, given.pop(question.label)))
    answers += list(given.items())  # answers to questions the call no longer asks
    attachments = [
        (attachment, programme_url(programme, "attachment", application.pk, attachment.pk))
        for attachment in application.attachments.all()
    ]
    return {"sections": sections, "answers": answers, "attachments": attachments}


@dataclass
class ReviewSummary:
    assignment: Assignment
    reviewer_name: str
    weighted: float | None = None
    scores: list = field(default_factory=list)  # [(criterion, score, comment)] in the call's order


def reviews_of(application, *, submitted_only=False):
    """The application's reviews with their scores: two queries, whatever the number of reviews and criteria."""
    assignments = application.assignments.select_related("reviewer").order_by("assigned_at", "pk")
    if submitted_only:
        assignments = assignments.filter(status=Assignment.Status.SUBMITTED)
    summaries = {
        assignment.pk: ReviewSummary(
            assignment=assignment,
            reviewer_name=assignment.reviewer.display_name if assignment.reviewer else _("A former reviewer"),
        )
        for assignment in assignments
    }
    submitted = [pk for pk, summary in summaries.items() if summary.assignment.status == Assignment.Status.SUBMITTED]
    if submitted:
        scores = Score.objects.filter(assignment_id__in=submitted).select_related("criterion")
        for score in scores.order_by("criterion__sort_order", "criterion_id"):
            summaries[score.assignment_id].scores.append((score.criterion, score.score, score.comment))
    for summary in summaries.values():
        if summary.scores:
            summary.weighted = selectors.weighted(
                [(score, criterion.weight) for criterion, score, _c in summary.scores]
            )
    return list(summaries.values())


# --- Views ------------------------------------------------------------------------------------------------------


def my_reviews(request, programme):
    if response := sign_in_first(request):
        return response
    reviewer_or_404(request)
    rows = [
        (assignment, programme_url(programme, "review", assignment.pk))
        for assignment in selectors.reviewer_assignments(request.user)
    ]
    return render(request, programme, "consultations/review/my_reviews.html", {"rows": rows})


def handle_post(request, assignment, criteria):
    """Run the posted action; returns (success message or None, the bound form). Raises UserFacingError."""
    action = request.POST.get("action")
    if action == "conflict":
        form = ConflictForm(request.POST)
        if not form.is_valid():
            return None, form
        services.declare_conflict(assignment=assignment, user=request.user, note=form.cleaned_data["note"])
        return _("Your conflict of interest is recorded. The secretariat will ask someone else."), form
    if action == "review":
        form = ScoreForm(request.POST, criteria=criteria)
        if not form.is_valid():
            return None, form
        services.submit_review(
            assignment=assignment, user=request.user, scores=form.scores(), comment=form.cleaned_data["comment"]
        )
        return _("Your review is submitted. Thank you."), form
    raise UserFacingError(_("That request was not understood."))


def review(request, programme, assignment_id):
    if response := sign_in_first(request):
        return response
    reviewer_or_404(request)
    assignment = assignment_or_404(request, assignment_id)
    application = assignment.application
    here = programme_url(programme, "review", assignment.pk)
    criteria = list(application.call.criteria.all())
    score_form = conflict_form = None
    status = 200
    if request.method == "POST":
        try:
            done, form = handle_post(request, assignment, criteria)
        except UserFacingError as error:
            return refused(request, error, here, _("Back to the review"))
        if done:
            messages.success(request, done)
            return redirect(here)
        if isinstance(form, ConflictForm):
            conflict_form = form
        else:
            score_form = form
        status = 400
    elif request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])

    context = {
        "assignment": assignment,
        "application": application,
        "criteria": criteria,
        "my_reviews_url": programme_url(programme, "my_reviews"),
        "here": here,
        "conflict": assignment.status == Assignment.Status.CONFLICT,
        "submitted": assignment.status == Assignment.Status.SUBMITTED,
    }
    if not context["conflict"]:
        context.update(application_text(request, programme, application))
    if assignment.status == Assignment.Status.ASSIGNED:
        context["open_for_review"] = application.status == Application.Status.IN_REVIEW
        context["score_form"] = score_form or ScoreForm(criteria=criteria)
        context["conflict_form"] = conflict_form or ConflictForm()
    elif context["submitted"]:
        # Only now: the reviewer's own scores and the other submitted reviews, with their reviewers' names.
        reviews = reviews_of(application, submitted_only=True)
        context["my_review"] = next(summary for summary in reviews if summary.assignment.pk == assignment.pk)
        context["other_reviews"] = [summary for summary in reviews if summary.assignment.pk != assignment.pk]
    return render(request, programme, "consultations/review/review.html", context, status=status)
