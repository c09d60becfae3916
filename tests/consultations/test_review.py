"""Reviewers' pages: only their own assignments, the application and a score form, a conflict of interest that hides
the application, and the other reviewers' scores only once their own review is in."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from consultations import services
from consultations.models import Application, Assignment, Attachment, Score
from tests.consultations.conftest import complete
from tests.factories import OrganisationFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db

CHALLENGE = "Flooded underpasses close school routes every monsoon."


def route(programme, name, *args):
    return programme.url + programme.reverse_subpage(name, args=args)


def score_data(application, values, *, comment="", comments=None):
    criteria = list(application.call.criteria.all())
    data = {"action": "review", "comment": comment}
    for position, (criterion, value) in enumerate(zip(criteria, values, strict=True)):
        data[f"score_{criterion.pk}"] = str(value)
        data[f"comment_{criterion.pk}"] = (comments or {}).get(position, "")
    return data


def submit_scores(assignment, user, values, comment=""):
    criteria = list(assignment.application.call.criteria.all())
    scores = {criterion.pk: (value, "") for criterion, value in zip(criteria, values, strict=True)}
    return services.submit_review(assignment=assignment, user=user, scores=scores, comment=comment)


@pytest.fixture
def third_reviewer(groups):
    _secretariat, reviewers = groups
    user = UserFactory(email="third@partner.example", first_name="Ines", last_name="Moreau")
    user.groups.add(reviewers)
    return user


@pytest.fixture
def assignment(in_review, secretary, reviewer):
    return services.assign_reviewer(application=in_review, by=secretary, reviewer=reviewer)


@pytest.fixture
def second_assignment(in_review, secretary, second_reviewer):
    return services.assign_reviewer(application=in_review, by=secretary, reviewer=second_reviewer)


@pytest.fixture
def conflicted(in_review, secretary, third_reviewer):
    assignment = services.assign_reviewer(application=in_review, by=secretary, reviewer=third_reviewer)
    return services.declare_conflict(assignment=assignment, user=third_reviewer, note="I advised Seoul on this.")


@pytest.fixture
def attachment(in_review):
    from django.core.files.base import ContentFile

    return Attachment.objects.create(
        application=in_review, title="Site survey", file=ContentFile(b"%PDF-1.4 survey", name="survey.pdf"), size=15
    )


# --- Access ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        ("secretary", 200),  # the secretariat may also review
        ("reviewer", 200),
        ("second_reviewer", 200),  # a reviewer with nothing assigned sees an empty list
        ("third_reviewer", 200),
        ("focal_point", 404),
        ("lisbon_focal_point", 404),
        (None, 302),
    ],
)
def test_my_reviews_is_for_reviewers_only(request, client, programme, assignment, conflicted, person, expected):
    if person:
        client.force_login(request.getfixturevalue(person))
    response = client.get(route(programme, "my_reviews"))
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("account_login"))
    if expected == 200:
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        ("secretary", 404),  # not their assignment: the secretariat reads applications on its own pages
        ("reviewer", 200),
        ("second_reviewer", 404),  # a reviewer not assigned to it
        ("third_reviewer", 404),  # assigned to it, but this is another reviewer's assignment
        ("focal_point", 404),
        ("lisbon_focal_point", 404),
        (None, 302),
    ],
)
def test_a_review_page_is_only_its_reviewers(request, client, programme, assignment, conflicted, person, expected):
    if person:
        client.force_login(request.getfixturevalue(person))
    response = client.get(route(programme, "review", assignment.pk))
    assert response.status_code == expected
    if expected == 200:
        assert CHALLENGE in response.content.decode()
        assert response["Cache-Control"] == "private, no-store"
    else:
        assert CHALLENGE not in response.content.decode()


def test_a_posted_review_of_someone_elses_assignment_is_a_404_and_writes_nothing(
    client, programme, assignment, second_reviewer
):
    client.force_login(second_reviewer)
    response = client.post(route(programme, "review", assignment.pk), score_data(assignment.application, [5, 5, 5]))
    assert response.status_code == 404
    assert not Score.objects.exists()


def test_a_reviewer_removed_from_the_group_no_longer_sees_their_assignment(client, programme, assignment, reviewer):
    reviewer.groups.clear()
    client.force_login(reviewer)
    assert client.get(route(programme, "review", assignment.pk)).status_code == 404
    assert client.get(route(programme, "my_reviews")).status_code == 404


# --- The list ------------------------------------------------------------------------------------------------


def test_my_reviews_lists_call_city_title_status_and_link(client, programme, assignment, reviewer):
    client.force_login(reviewer)
    page = client.get(route(programme, "my_reviews")).content.decode()
    assert "Flood sensors for underpasses" in page
    assert "Seoul Metropolitan Government" in page
    assert assignment.application.call.title in page
    assert "To review" in page
    assert route(programme, "review", assignment.pk) in page


def make_assignments(programme, call, secretary, reviewer, count, start):
    for number in range(start, start + count):
        city = OrganisationFactory(name=f"City {number}", city=f"City {number}")
        focal = make_member(city, role="focal_point", email=f"focal{number}@city.example")
        application = services.start_application(call=call, user=focal, title=f"Application {number}")
        complete(application, focal)
        services.submit_application(application=application, user=focal)
        services.screen(application=application, by=secretary, eligible=True)
        services.assign_reviewer(application=application, by=secretary, reviewer=reviewer)


def test_my_reviews_costs_the_same_queries_for_2_or_10_assignments(
    client, programme, open_call, secretary, reviewer, django_assert_num_queries
):
    make_assignments(programme, open_call, secretary, reviewer, 2, 1)
    client.force_login(reviewer)
    url = route(programme, "my_reviews")
    client.get(url)  # warm the site's root paths and the session
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    make_assignments(programme, open_call, secretary, reviewer, 8, 3)
    with django_assert_num_queries(len(few)):
        page = client.get(url).content.decode()
    assert page.count(programme.url + "reviews/") == 10


# --- Reviewing ---------------------------------------------------------------------------------------------------


def test_the_review_page_shows_the_application_its_files_and_a_score_form(
    client, programme, assignment, attachment, reviewer
):
    client.force_login(reviewer)
    page = client.get(route(programme, "review", assignment.pk)).content.decode()
    assert CHALLENGE in page
    assert "Site survey" in page
    assert route(programme, "attachment", assignment.application.pk, attachment.pk) in page
    for label in ("1 – weak", "5 – excellent", "Relevance", "(weight 3)", "Submit review"):
        assert label in page
    assert "Declare a conflict of interest" in page
    assert page.count('type="radio"') == 15  # five choices for each of the call's three criteria


def test_a_reviewer_submits_scores_once(client, programme, assignment, reviewer):
    client.force_login(reviewer)
    url = route(programme, "review", assignment.pk)
    data = score_data(assignment.application, [5, 3, 1], comment="Strong case.", comments={0: "Clear need."})
    response = client.post(url, data)
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.SUBMITTED
    assert assignment.comment == "Strong case."
    assert sorted(Score.objects.values_list("score", flat=True)) == [1, 3, 5]
    assert Score.objects.get(score=5).comment == "Clear need."
    again = client.post(url, score_data(assignment.application, [1, 1, 1]))
    assert again.status_code == 409
    assert "cannot be changed" in again.content.decode()
    assert sorted(Score.objects.values_list("score", flat=True)) == [1, 3, 5]


def test_a_missing_score_shows_the_form_again_with_an_error(client, programme, assignment, reviewer):
    client.force_login(reviewer)
    data = score_data(assignment.application, [5, 3, 1])
    del data[next(key for key in data if key.startswith("score_"))]
    response = client.post(route(programme, "review", assignment.pk), data)
    assert response.status_code == 400
    assert "Choose a score from 1 to 5." in response.content.decode()
    assert not Score.objects.exists()


def test_a_score_out_of_range_is_refused(client, programme, assignment, reviewer):
    client.force_login(reviewer)
    response = client.post(route(programme, "review", assignment.pk), score_data(assignment.application, [6, 3, 1]))
    assert response.status_code == 400
    assert not Score.objects.exists()


def test_other_reviewers_scores_are_hidden_until_the_reviewer_has_submitted(
    client, programme, assignment, second_assignment, reviewer, second_reviewer
):
    submit_scores(second_assignment, second_reviewer, [2, 2, 2], comment="Omar's doubts about the budget.")
    client.force_login(reviewer)
    url = route(programme, "review", assignment.pk)
    before = client.get(url).content.decode()
    assert "Omar's doubts about the budget." not in before
    assert "Omar Haddad" not in before
    assert "The other reviews" not in before

    client.post(url, score_data(assignment.application, [5, 4, 3], comment="Lena's view."))
    after = client.get(url).content.decode()
    assert "The other reviews" in after
    assert "Omar Haddad" in after
    assert "Omar&#x27;s doubts about the budget." in after
    assert "Lena&#x27;s view." in after  # their own review too
    assert "Submit review" not in after


def test_a_reviewer_who_submitted_does_not_see_a_review_still_in_progress(
    client, programme, assignment, second_assignment, reviewer
):
    client.force_login(reviewer)
    url = route(programme, "review", assignment.pk)
    client.post(url, score_data(assignment.application, [5, 4, 3]))
    page = client.get(url).content.decode()
    assert "No other reviewer has submitted a review yet." in page
    assert "Omar Haddad" not in page


def test_declaring_a_conflict_needs_a_note_and_then_hides_the_application(
    client, programme, assignment, attachment, reviewer
):
    client.force_login(reviewer)
    url = route(programme, "review", assignment.pk)
    empty = client.post(url, {"action": "conflict", "note": "  "})
    assert empty.status_code == 400
    assert Assignment.objects.get(pk=assignment.pk).status == Assignment.Status.ASSIGNED

    response = client.post(url, {"action": "conflict", "note": "I worked for Seoul's IT department."})
    assert response.status_code == 302
    assert Assignment.objects.get(pk=assignment.pk).status == Assignment.Status.CONFLICT
    page = client.get(url).content.decode()
    assert "You declared a conflict of interest" in page
    assert CHALLENGE not in page
    assert "Site survey" not in page
    assert "Submit review" not in page
    scored = client.post(url, score_data(assignment.application, [5, 5, 5]))
    assert scored.status_code == 409
    assert not Score.objects.exists()


def test_the_assigned_reviewer_downloads_the_attachments_and_a_conflicted_one_cannot(
    client, programme, assignment, conflicted, attachment, reviewer, third_reviewer, second_reviewer
):
    url = route(programme, "attachment", attachment.application_id, attachment.pk)
    client.force_login(reviewer)
    assert client.get(url).status_code == 200
    client.force_login(third_reviewer)  # declared a conflict of interest
    assert client.get(url).status_code == 404
    client.force_login(second_reviewer)  # not assigned
    assert client.get(url).status_code == 404


def test_an_unknown_action_is_refused(client, programme, assignment, reviewer):
    client.force_login(reviewer)
    response = client.post(route(programme, "review", assignment.pk), {"action": "approve"})
    assert response.status_code == 400
    assert Assignment.objects.get(pk=assignment.pk).status == Assignment.Status.ASSIGNED


def test_once_decided_the_review_form_is_closed(client, programme, assignment, secretary, reviewer):
    services.determine(application=assignment.application, by=secretary, outcome="declined", message="Not now.")
    client.force_login(reviewer)
    page = client.get(route(programme, "review", assignment.pk)).content.decode()
    assert "Submit review" not in page
    assert "not in review any more" in page
    assert Application.objects.get().status == Application.Status.DECLINED


# --- /me/ ----------------------------------------------------------------------------------------------------------


def test_me_shows_open_assignments_to_the_reviewer_only(client, programme, assignment, reviewer, second_reviewer):
    client.force_login(reviewer)
    page = client.get(reverse("members:me")).content.decode()
    assert "Applications to review" in page
    assert route(programme, "review", assignment.pk) in page
    client.force_login(second_reviewer)
    assert "Applications to review" not in client.get(reverse("members:me")).content.decode()


def test_me_drops_the_section_once_the_review_is_submitted(client, programme, assignment, reviewer):
    submit_scores(assignment, reviewer, [3, 3, 3])
    client.force_login(reviewer)
    assert "Applications to review" not in client.get(reverse("members:me")).content.decode()
