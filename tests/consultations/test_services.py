"""The workflow's services from a draft to a case: each step's rules, and what it leaves in the history."""

import datetime as dt

import pytest
from django.utils import timezone

from consultations import exceptions, selectors, services
from consultations.models import Application, ApplicationEvent, Assignment
from tests.consultations.conftest import complete

pytestmark = pytest.mark.django_db


def test_a_focal_point_starts_one_application_per_city_and_a_second_start_is_refused(open_call, focal_point):
    services.start_application(call=open_call, user=focal_point, title="Flood sensors")
    with pytest.raises(exceptions.ApplicationLimitReached):
        services.start_application(call=open_call, user=focal_point, title="Again")
    assert Application.objects.count() == 1


def test_a_withdrawn_application_frees_the_citys_place(draft, open_call, focal_point):
    services.withdraw_application(application=draft, user=focal_point)
    again = services.start_application(call=open_call, user=focal_point, title="A better plan")
    assert again.slot == 1


def test_staff_who_are_not_focal_points_cannot_start_and_other_regions_are_not_eligible(
    open_call, colleague, lisbon_focal_point
):
    with pytest.raises(exceptions.NotFocalPoint):
        services.start_application(call=open_call, user=colleague, title="Mine")
    open_call.regions = ["asia_pacific"]
    open_call.save()
    with pytest.raises(exceptions.CityNotEligible):
        services.start_application(call=open_call, user=lisbon_focal_point, title="Lisbon")


def test_a_submission_needs_the_required_parts_and_closes_the_draft(draft, focal_point):
    with pytest.raises(exceptions.IncompleteApplication) as refused:
        services.submit_application(application=draft, user=focal_point)
    assert "the challenge" in str(refused.value)
    complete(draft, focal_point)
    services.submit_application(application=draft, user=focal_point)
    with pytest.raises(exceptions.NotEditable):
        complete(draft, focal_point)


def test_the_deadline_closes_drafts_but_an_information_request_reopens_a_submission(
    draft, focal_point, open_call, secretary
):
    complete(draft, focal_point)
    after = open_call.closes_at + dt.timedelta(seconds=1)
    with pytest.raises(exceptions.DeadlinePassed):
        services.submit_application(application=draft, user=focal_point, now=after)
    services.submit_application(application=draft, user=focal_point, now=open_call.closes_at - dt.timedelta(seconds=1))
    open_call.closes_at = timezone.now() - dt.timedelta(hours=1)
    open_call.save()
    services.request_information(application=draft, by=secretary, message="Add the budget table.")
    complete(draft, focal_point)  # editable again after the deadline
    assert services.submit_application(application=draft, user=focal_point).status == Application.Status.SUBMITTED


def test_reviewers_never_review_their_own_city_and_score_every_criterion(
    in_review, secretary, reviewer, seoul_reviewer
):
    with pytest.raises(exceptions.OwnCity):
        services.assign_reviewer(application=in_review, by=secretary, reviewer=seoul_reviewer)
    assignment = services.assign_reviewer(application=in_review, by=secretary, reviewer=reviewer)
    criteria = list(in_review.call.criteria.all())
    with pytest.raises(exceptions.IncompleteReview):
        services.submit_review(assignment=assignment, user=reviewer, scores={criteria[0].pk: (5, "")})
    scores = {criterion.pk: (score, "") for criterion, score in zip(criteria, [5, 3, 1], strict=True)}
    services.submit_review(assignment=assignment, user=reviewer, scores=scores, comment="Strong case.")
    with pytest.raises(exceptions.ReviewClosed):
        services.submit_review(assignment=assignment, user=reviewer, scores=scores)
    assert Assignment.objects.get().status == Assignment.Status.SUBMITTED


def test_the_ranking_weights_the_criteria_and_the_awards_are_limited(
    in_review, secretary, reviewer, second_reviewer, open_call
):
    criteria = list(in_review.call.criteria.all())  # weights 3, 2, 1
    for person, marks in [(reviewer, [5, 3, 1]), (second_reviewer, [3, 3, 3])]:
        assignment = services.assign_reviewer(application=in_review, by=secretary, reviewer=person)
        scores = {criterion.pk: (mark, "") for criterion, mark in zip(criteria, marks, strict=True)}
        services.submit_review(assignment=assignment, user=person, scores=scores)
    [row] = selectors.ranking(open_call)
    first = (5 * 3 + 3 * 2 + 1 * 1) / 6
    assert row.reviews == 2 and row.rank == 1
    assert row.mean == pytest.approx((first + 3) / 2)
    assert row.spread == pytest.approx(first - 3)
    open_call.awards = 1
    open_call.save()
    services.determine(application=in_review, by=secretary, outcome=Application.Status.AWARDED, message="Well done.")
    verbs = list(in_review.history.values_list("verb", flat=True))
    assert verbs[0] == ApplicationEvent.Verb.STARTED and verbs[-1] == ApplicationEvent.Verb.DETERMINED


@pytest.mark.parametrize(("offset", "accepted"), [(dt.timedelta(microseconds=-1), True), (dt.timedelta(0), False)])
def test_the_deadline_is_kept_to_the_second(open_call, draft, focal_point, offset, accepted):
    complete(draft, focal_point)
    when = open_call.closes_at + offset
    if accepted:
        assert services.submit_application(application=draft, user=focal_point, now=when).submitted_at == when
    else:
        with pytest.raises(exceptions.DeadlinePassed):
            services.submit_application(application=draft, user=focal_point, now=when)
