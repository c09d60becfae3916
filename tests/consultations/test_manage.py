"""The secretariat's pages: a call's applications and ranked table, its export, one application with its history,
and each step's action. Nobody else learns that any of it exists."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.review import CONSULTANTS
from consultations import services
from consultations.models import Application, ApplicationEvent, Assignment, Milestone, Project
from tests.consultations.conftest import complete
from tests.factories import OrganisationFactory, UserFactory, make_member
from tests.spreadsheets import PRINTABLE_PAYLOADS, assert_csv_neutralised, assert_xlsx_neutralised, read_csv, read_xlsx

pytestmark = pytest.mark.django_db

CHALLENGE = "Flooded underpasses close school routes every monsoon."


def route(programme, name, *args):
    return programme.url + programme.reverse_subpage(name, args=args)


def submit_scores(assignment, user, values, comment=""):
    criteria = list(assignment.application.call.criteria.all())
    scores = {criterion.pk: (value, "") for criterion, value in zip(criteria, values, strict=True)}
    return services.submit_review(assignment=assignment, user=user, scores=scores, comment=comment)


def apply(call, city_name, *, title=None, region="europe"):
    city = OrganisationFactory(name=city_name, city=city_name, region=region)
    focal = make_member(city, role="focal_point")
    application = services.start_application(call=call, user=focal, title=title or f"{city_name}'s plan")
    complete(application, focal)
    return services.submit_application(application=application, user=focal)


def reviewed(application, secretary, reviewers_and_scores):
    services.screen(application=application, by=secretary, eligible=True)
    for reviewer, values in reviewers_and_scores:
        assignment = services.assign_reviewer(application=application, by=secretary, reviewer=reviewer)
        if values:
            submit_scores(assignment, reviewer, values)
    return Application.objects.get(pk=application.pk)


@pytest.fixture
def second_secretary(groups):
    secretariat, _reviewers = groups
    user = UserFactory(email="second.secretary@wego.example", first_name="Jun", last_name="Seo")
    user.groups.add(secretariat)
    return user


@pytest.fixture
def third_reviewer(groups):
    _secretariat, reviewers = groups
    user = UserFactory(email="third@partner.example", first_name="Ines", last_name="Moreau")
    user.groups.add(reviewers)
    return user


@pytest.fixture
def scene(in_review, secretary, reviewer, second_reviewer, third_reviewer):
    """Seoul's application in review: one review submitted, one to do, one conflict of interest declared."""
    first = services.assign_reviewer(application=in_review, by=secretary, reviewer=reviewer)
    submit_scores(first, reviewer, [4, 4, 2], comment="Lena's overall view.")
    services.assign_reviewer(application=in_review, by=secretary, reviewer=second_reviewer)
    third = services.assign_reviewer(application=in_review, by=secretary, reviewer=third_reviewer)
    services.declare_conflict(assignment=third, user=third_reviewer, note="I advised Seoul on this.")
    return Application.objects.get(pk=in_review.pk)


@pytest.fixture
def consultants_group(db):
    group, _created = Group.objects.get_or_create(name=CONSULTANTS)
    return group


# --- Access: every view, every kind of person --------------------------------------------------------------------

PEOPLE = [
    ("secretary", "allowed"),
    ("reviewer", 404),  # assigned to the application, with a review submitted
    ("second_reviewer", 404),  # assigned, review still to do
    ("third_reviewer", 404),  # assigned, conflict of interest declared
    ("seoul_reviewer", 404),  # a reviewer not assigned (and from the city)
    ("focal_point", 404),  # the application's own city
    ("lisbon_focal_point", 404),  # another city
    (None, 302),  # a visitor signs in first
]


def login(client, request, person):
    if person:
        client.force_login(request.getfixturevalue(person))


@pytest.mark.parametrize(("person", "expected"), PEOPLE)
def test_manage_call_is_the_secretariats_only(request, client, programme, scene, person, expected):
    login(client, request, person)
    response = client.get(route(programme, "manage_call", scene.call_id))
    assert response.status_code == (200 if expected == "allowed" else expected)
    if expected == 302:
        assert response["Location"].startswith(reverse("account_login"))
    if expected == "allowed":
        assert response["Cache-Control"] == "private, no-store"
        assert scene.title in response.content.decode()


@pytest.mark.parametrize(("person", "expected"), PEOPLE)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_ranking_export_is_the_secretariats_only(request, client, programme, scene, person, expected, fmt):
    login(client, request, person)
    response = client.get(route(programme, "export_ranking", scene.call_id, fmt))
    assert response.status_code == (200 if expected == "allowed" else expected)


@pytest.mark.parametrize(("person", "expected"), PEOPLE)
def test_manage_application_is_the_secretariats_only(request, client, programme, scene, person, expected):
    login(client, request, person)
    response = client.get(route(programme, "manage_application", scene.pk))
    assert response.status_code == (200 if expected == "allowed" else expected)
    body = response.content.decode()
    if expected == "allowed":
        assert CHALLENGE in body
        assert response["Cache-Control"] == "private, no-store"
    else:
        assert CHALLENGE not in body


@pytest.mark.parametrize(("person", "expected"), PEOPLE)
def test_manage_actions_are_the_secretariats_only(request, client, programme, scene, person, expected):
    login(client, request, person)
    data = {"determine-outcome": "waiting_list", "determine-message": "You are next in line."}
    response = client.post(route(programme, "manage_application_action", scene.pk, "determine"), data)
    assert response.status_code == (302 if expected == "allowed" else expected)
    status = Application.objects.get(pk=scene.pk).status
    assert status == (Application.Status.WAITING_LIST if expected == "allowed" else Application.Status.IN_REVIEW)
    if person is None:
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["reviewer", "focal_point", "lisbon_focal_point"])
def test_a_missing_row_and_a_forbidden_one_look_the_same(request, client, programme, scene, person):
    """No hint that a call or an application exists: the same 404 for a real id and for an id of nothing."""
    login(client, request, person)
    for name, real, missing in [
        ("manage_call", scene.call_id, 999999),
        ("manage_application", scene.pk, 999999),
    ]:
        assert client.get(route(programme, name, real)).status_code == 404
        assert client.get(route(programme, name, missing)).status_code == 404


def test_the_secretariat_gets_a_404_for_an_unknown_call_application_action_or_format(
    client, programme, scene, secretary
):
    client.force_login(secretary)
    assert client.get(route(programme, "manage_call", 999999)).status_code == 404
    assert client.get(route(programme, "manage_application", 999999)).status_code == 404
    assert client.get(route(programme, "export_ranking", scene.call_id, "json")).status_code == 404
    assert client.post(route(programme, "manage_application_action", scene.pk, "publish")).status_code == 404
    assert client.post(route(programme, "manage_application_action", 999999, "determine")).status_code == 404


def test_actions_are_post_only(client, programme, scene, secretary):
    client.force_login(secretary)
    for action in ("screen", "request-information", "assign", "determine", "start-project"):
        response = client.get(route(programme, "manage_application_action", scene.pk, action))
        assert response.status_code == 405


# --- A call ------------------------------------------------------------------------------------------------------


def test_manage_call_lists_the_queues_the_ranked_table_counts_and_downloads(
    client, programme, open_call, secretary, reviewer, second_reviewer, draft
):
    strong = reviewed(apply(open_call, "Lisbon", region="europe"), secretary, [(reviewer, [5, 5, 5])])
    weak = reviewed(apply(open_call, "Quito", region="latin_america_caribbean"), secretary, [(reviewer, [2, 2, 2])])
    mixed = reviewed(
        apply(open_call, "Accra", region="africa"), secretary, [(reviewer, [5, 5, 5]), (second_reviewer, [3, 3, 3])]
    )
    waiting = apply(open_call, "Tunis", region="middle_east_north_africa")
    asked = apply(open_call, "Almaty", region="eurasia")
    services.request_information(application=asked, by=secretary, message="Add the budget.")
    services.determine(application=strong, by=secretary, outcome="awarded", message="Congratulations.")
    client.force_login(secretary)
    page = client.get(route(programme, "manage_call", open_call.pk)).content.decode()

    screening = page.split('id="screen-heading"')[1].split('id="information-heading"')[0]
    assert "Tunis" in screening and "Almaty" not in screening
    assert route(programme, "manage_application", waiting.pk) in screening
    information = page.split('id="information-heading"')[1].split('id="ranking-heading"')[0]
    assert "Almaty" in information and "Tunis" not in information
    table = page.split('id="ranking-heading"')[1]
    assert table.index("Lisbon") < table.index("Accra") < table.index("Quito")
    assert "4.0" in table  # Accra: weighted mean of 5 and 3
    assert "2.0" in table  # Accra's spread
    assert "2 / 2" in table  # Accra: two reviews submitted of two assigned
    assert "Latin America and the Caribbean" in table and "Africa" in table
    assert route(programme, "manage_application", mixed.pk) in table
    assert route(programme, "manage_application", weak.pk) in table
    assert "1 of 3" in page  # awards given
    assert "Ranked table (XLSX)" in page and "Ranked table (CSV)" in page
    assert route(programme, "export_ranking", open_call.pk, "xlsx") in page
    assert route(programme, "export_ranking", open_call.pk, "csv") in page
    counts = page.split('class="facts"')[1].split("</dl>")[0]
    assert "Draft" in counts and "Awarded" in counts and "In review" in counts


def many_reviewed(call, secretary, reviewers, count, start):
    for number in range(start, start + count):
        reviewed(
            apply(call, f"City {number}"), secretary, [(reviewer, [1 + number % 5, 3, 4]) for reviewer in reviewers]
        )


def test_manage_call_costs_the_same_queries_for_2_or_10_applications_with_2_reviews(
    client, programme, open_call, secretary, reviewer, second_reviewer, django_assert_num_queries
):
    many_reviewed(open_call, secretary, [reviewer, second_reviewer], 2, 1)
    client.force_login(secretary)
    url = route(programme, "manage_call", open_call.pk)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    many_reviewed(open_call, secretary, [reviewer, second_reviewer], 8, 3)
    with django_assert_num_queries(len(few)):
        page = client.get(url).content.decode()
    assert page.count("2 / 2") == 10


# --- The export ------------------------------------------------------------------------------------------------


def test_the_export_has_the_ranked_rows_in_order_with_each_reviewers_score(
    client, programme, open_call, secretary, reviewer, second_reviewer
):
    reviewed(apply(open_call, "Quito"), secretary, [(reviewer, [2, 2, 2])])
    reviewed(apply(open_call, "Lisbon"), secretary, [(reviewer, [5, 5, 5]), (second_reviewer, [4, 4, 4])])
    reviewed(apply(open_call, "Accra"), secretary, [(reviewer, [3, 3, 3])])
    apply(open_call, "Tunis")  # submitted, not screened: listed, without a rank
    client.force_login(secretary)

    rows = read_csv(client.get(route(programme, "export_ranking", open_call.pk, "csv")))
    header = rows[0]
    assert header[:10] == [
        "Rank",
        "City",
        "Region",
        "Project title",
        "Reference",
        "Status",
        "Weighted mean",
        "Spread",
        "Reviews submitted",
        "Reviewers assigned",
    ]
    assert header[10:] == ["Reviewer 1", "Reviewer 1 score", "Reviewer 2", "Reviewer 2 score"]
    assert [row[:2] for row in rows[1:]] == [["1", "Lisbon"], ["2", "Accra"], ["3", "Quito"], ["", "Tunis"]]
    lisbon = rows[1]
    assert lisbon[6:10] == ["4.5", "1.0", "2", "2"]
    assert lisbon[10:] == ["Lena Vogel", "5.0", "Omar Haddad", "4.0"]
    assert rows[2][10:] == ["Lena Vogel", "3.0", "", ""]

    cells = read_xlsx(client.get(route(programme, "export_ranking", open_call.pk, "xlsx")))
    assert [cell.value for cell in cells[0]] == header
    assert [(row[0].value, row[1].value) for row in cells[1:]] == [
        (1, "Lisbon"),
        (2, "Accra"),
        (3, "Quito"),
        (None, "Tunis"),
    ]
    assert cells[1][6].value == 4.5  # numbers stay numbers
    assert cells[1][11].value == 5.0


def test_formula_looking_titles_are_neutralised_in_both_exports(client, programme, open_call, secretary):
    for number, payload in enumerate(PRINTABLE_PAYLOADS):  # titles are stripped when saved
        apply(open_call, f"City {number}", title=payload)
    client.force_login(secretary)
    csv_rows = read_csv(client.get(route(programme, "export_ranking", open_call.pk, "csv")))
    assert_csv_neutralised(csv_rows, PRINTABLE_PAYLOADS)
    xlsx_rows = read_xlsx(client.get(route(programme, "export_ranking", open_call.pk, "xlsx")))
    assert_xlsx_neutralised(xlsx_rows, PRINTABLE_PAYLOADS)


# --- An application ------------------------------------------------------------------------------------------


def test_the_application_page_shows_everything_reviews_and_history(client, programme, scene, secretary):
    client.force_login(secretary)
    page = client.get(route(programme, "manage_application", scene.pk)).content.decode()
    assert CHALLENGE in page
    assert "mina@seoul.example" in page  # the contact person
    assert "Lena Vogel" in page and "Lena&#x27;s overall view." in page
    assert "Omar Haddad" in page and "To review" in page
    assert "Ines Moreau" in page and "I advised Seoul on this." in page
    history = page.split('id="history-heading"')[1]
    for what in ("started the application", "submitted the application", "found the application eligible"):
        assert what in history
    assert history.count("assigned a reviewer") == 3
    assert "Hana Cho" in history  # who
    assert "declared a conflict of interest" in history


def test_screening_needs_a_reason_to_find_an_application_not_eligible(client, programme, submitted, secretary):
    client.force_login(secretary)
    url = route(programme, "manage_application_action", submitted.pk, "screen")
    response = client.post(url, {"screen-decision": "ineligible", "screen-reason": ""})
    assert response.status_code == 400
    assert "Say why the application is not eligible" in response.content.decode()
    assert Application.objects.get().status == Application.Status.SUBMITTED
    response = client.post(url, {"screen-decision": "ineligible", "screen-reason": "Not a member city any more."})
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.status == Application.Status.INELIGIBLE
    assert application.screening_reason == "Not a member city any more."


def test_screening_eligible_sends_the_application_to_review(client, programme, submitted, secretary):
    client.force_login(secretary)
    url = route(programme, "manage_application_action", submitted.pk, "screen")
    assert client.post(url, {"screen-decision": "eligible"}).status_code == 302
    assert Application.objects.get().status == Application.Status.IN_REVIEW
    again = client.post(url, {"screen-decision": "eligible"})
    assert again.status_code == 409


def test_asking_for_information_reopens_the_application(client, programme, submitted, secretary):
    client.force_login(secretary)
    url = route(programme, "manage_application_action", submitted.pk, "request-information")
    assert client.post(url, {"request-information-message": ""}).status_code == 400
    assert client.post(url, {"request-information-message": "Add the budget table."}).status_code == 302
    application = Application.objects.get()
    assert application.status == Application.Status.INFORMATION_REQUESTED
    page = client.get(route(programme, "manage_application", submitted.pk)).content.decode()
    assert "Add the budget table." in page


def test_the_own_city_reviewer_is_not_offered_and_is_refused_if_posted(
    client, programme, in_review, secretary, reviewer, seoul_reviewer
):
    client.force_login(secretary)
    page = client.get(route(programme, "manage_application", in_review.pk)).content.decode()
    assign_form = page.split('id="assign-heading"')[1].split("</form>")[0]
    assert f'value="{reviewer.pk}"' in assign_form
    assert f'value="{seoul_reviewer.pk}"' not in assign_form
    assert "Dae Han" not in assign_form

    url = route(programme, "manage_application_action", in_review.pk, "assign")
    response = client.post(url, {"assign-reviewer": seoul_reviewer.pk})
    assert response.status_code == 409
    assert "never reviews an application from their own city" in response.content.decode()
    assert not Assignment.objects.exists()

    assert client.post(url, {"assign-reviewer": reviewer.pk}).status_code == 302
    assert list(Assignment.objects.values_list("reviewer", flat=True)) == [reviewer.pk]
    page = client.get(route(programme, "manage_application", in_review.pk)).content.decode()
    assign_form = page.split('id="assign-heading"')[1].split("</form>")[0]
    assert f'value="{reviewer.pk}"' not in assign_form  # already assigned: no longer offered
    assert client.post(url, {"assign-reviewer": reviewer.pk}).status_code == 409
    assert Assignment.objects.count() == 1


def test_someone_outside_the_reviewers_group_cannot_be_assigned(client, programme, in_review, secretary, consultant):
    client.force_login(secretary)
    url = route(programme, "manage_application_action", in_review.pk, "assign")
    assert client.post(url, {"assign-reviewer": consultant.pk}).status_code == 400
    assert not Assignment.objects.exists()


def test_two_secretaries_deciding_the_last_award_give_one_award(
    client, programme, open_call, secretary, second_secretary, reviewer
):
    open_call.awards = 1
    open_call.save()
    first = reviewed(apply(open_call, "Lisbon"), secretary, [(reviewer, [5, 5, 5])])
    second = reviewed(apply(open_call, "Quito"), secretary, [(reviewer, [4, 4, 4])])
    data = {"determine-outcome": "awarded", "determine-message": "Congratulations."}

    client.force_login(secretary)
    assert client.post(route(programme, "manage_application_action", first.pk, "determine"), data).status_code == 302
    client.force_login(second_secretary)
    response = client.post(route(programme, "manage_application_action", second.pk, "determine"), data)
    assert response.status_code == 409
    assert "All the call&#x27;s awards are given." in response.content.decode()
    assert Application.objects.filter(status=Application.Status.AWARDED).count() == 1
    assert Application.objects.get(pk=second.pk).status == Application.Status.IN_REVIEW


def test_a_decision_needs_a_message_for_the_city(client, programme, in_review, secretary):
    client.force_login(secretary)
    url = route(programme, "manage_application_action", in_review.pk, "determine")
    response = client.post(url, {"determine-outcome": "declined", "determine-message": " "})
    assert response.status_code == 400
    assert Application.objects.get().status == Application.Status.IN_REVIEW


def test_starting_the_project_of_an_awarded_application(
    client, programme, in_review, secretary, consultant, consultants_group
):
    consultant.groups.add(consultants_group)
    outsider = UserFactory(email="not.a.consultant@example.org")
    services.determine(application=in_review, by=secretary, outcome="awarded", message="Congratulations.")
    client.force_login(secretary)
    page = client.get(route(programme, "manage_application", in_review.pk)).content.decode()
    start_form = page.split('id="start-heading"')[1].split("</form>")[0]
    assert "Daniela Ortiz" in start_form and "not.a.consultant@example.org" not in start_form
    for kind in Milestone.Kind:
        assert f'name="start-project-due_{kind.value}"' in start_form

    today = dt.date.today()
    data = {"start-project-consultants": [consultant.pk]}
    for offset, kind in enumerate(Milestone.ORDER):
        data[f"start-project-due_{kind.value}"] = (today + dt.timedelta(days=30 * (offset + 1))).isoformat()
    url = route(programme, "manage_application_action", in_review.pk, "start-project")
    assert client.post(url, {**data, "start-project-consultants": [outsider.pk]}).status_code == 400
    backwards = {**data, "start-project-due_inception": (today + dt.timedelta(days=365)).isoformat()}
    assert client.post(url, backwards).status_code == 400
    assert not Project.objects.exists()

    assert client.post(url, data).status_code == 302
    project = Project.objects.get()
    assert list(project.consultants.all()) == [consultant]
    assert [m.due_on for m in project.milestones.all()] == [today + dt.timedelta(days=30 * n) for n in range(1, 5)]
    page = client.get(route(programme, "manage_application", in_review.pk)).content.decode()
    assert route(programme, "project", project.pk) in page
    assert 'id="start-heading"' not in page and 'id="determine-heading"' not in page
    assert client.post(url, data).status_code == 409
    assert Project.objects.count() == 1


def test_the_forms_follow_the_step(client, programme, submitted, secretary):
    client.force_login(secretary)
    url = route(programme, "manage_application", submitted.pk)
    page = client.get(url).content.decode()
    assert 'id="screen-heading"' in page and 'id="information-heading"' in page
    assert 'id="assign-heading"' not in page and 'id="determine-heading"' not in page
    response = client.post(
        route(programme, "manage_application_action", submitted.pk, "determine"), {"determine-outcome": "awarded"}
    )
    assert response.status_code == 409  # not at that step: refused, not a form to fill in
    services.screen(application=submitted, by=secretary, eligible=True)
    page = client.get(url).content.decode()
    assert 'id="assign-heading"' in page and 'id="determine-heading"' in page
    assert 'id="screen-heading"' not in page


def test_every_step_is_in_the_history_with_who_did_it(client, programme, submitted, secretary, reviewer):
    client.force_login(secretary)
    action = "manage_application_action"
    client.post(route(programme, action, submitted.pk, "screen"), {"screen-decision": "eligible"})
    client.post(route(programme, action, submitted.pk, "assign"), {"assign-reviewer": reviewer.pk})
    verbs = list(ApplicationEvent.objects.filter(actor=secretary).values_list("verb", flat=True))
    assert verbs == [ApplicationEvent.Verb.SCREENED_ELIGIBLE, ApplicationEvent.Verb.REVIEWER_ASSIGNED]


# --- Hooks ----------------------------------------------------------------------------------------------------


def test_the_admin_menu_links_the_secretariat_to_the_programme(rf, programme, secretary, reviewer):
    from consultations.hooks.manage import programme_menu_item

    item = programme_menu_item()
    request = rf.get("/admin/")
    request.user = secretary
    assert item.is_shown(request)
    assert item.render_component(request).url == programme.url
    request.user = reviewer
    assert not item.is_shown(request)


def test_the_secretariat_must_sign_in_with_a_second_factor(secretary, reviewer):
    from members.selectors import must_use_second_factor, second_factor_groups

    assert "Consultation secretariat" in second_factor_groups()
    assert must_use_second_factor(secretary)
    assert not must_use_second_factor(reviewer)
