"""Projects: who sees a project and its deliverables, how milestones are recorded, and how a completed project
becomes a draft case that goes through the city's sign-off and the secretariat's review to the library."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import TaskState, WorkflowState

from cases import review
from cases import selectors as case_selectors
from cases.models import CasePage
from consultations import exceptions, services
from consultations.models import Application, Milestone, Project
from consultations.views.common import programme_url
from tests.consultations.conftest import complete
from tests.factories import OrganisationFactory, TopicFactory, UserFactory
from tests.translations import alias, translate

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% a small report\n"
DOCX = b"PK\x03\x04 a zipped office document"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def library(site_tree):
    review.ensure_review_workflow(site_tree["cases"])
    return site_tree["cases"]


@pytest.fixture
def due_dates():
    today = timezone.localdate()
    return {kind: today + dt.timedelta(days=30 * (n + 1)) for n, kind in enumerate(Milestone.ORDER)}


def award(application, secretary, consultants, due_dates, *, reviewer=None):
    """From a submitted application to a project under way (with a reviewer assigned on the way, if given)."""
    services.screen(application=application, by=secretary, eligible=True)
    if reviewer is not None:
        services.assign_reviewer(application=application, by=secretary, reviewer=reviewer)
    services.determine(
        application=application, by=secretary, outcome=Application.Status.AWARDED, message="Congratulations."
    )
    return services.start_project(application=application, by=secretary, consultants=consultants, due_dates=due_dates)


@pytest.fixture
def project(library, open_call, focal_point, colleague, secretary, reviewer, consultant, due_dates):
    """Seoul's awarded feasibility study, with Jiho (a colleague) as an editor and a reviewer who scored it."""
    topic = TopicFactory(name="Flood resilience")
    open_call.topics.set([topic])
    open_call.save()
    application = services.start_application(call=open_call, user=focal_point, title="Flood sensors for underpasses")
    services.add_editor(application=application, by=focal_point, email=colleague.email)
    complete(application, focal_point)
    services.save_application(
        application=application,
        user=focal_point,
        data={"partners": "Korea Water Resources Corporation\nSeoul Institute"},
        answers={},
    )
    services.submit_application(application=application, user=focal_point)
    return award(application, secretary, [consultant], due_dates, reviewer=reviewer)


@pytest.fixture
def lisbon_project(open_call, lisbon_focal_point, secretary, due_dates):
    """Another city's project, run by another consultant, with a deliverable on its inception milestone."""
    application = services.start_application(call=open_call, user=lisbon_focal_point, title="Tram stop displays")
    complete(application, lisbon_focal_point)
    services.submit_application(application=application, user=lisbon_focal_point)
    other = UserFactory(email="paulo@consult.example", first_name="Paulo", last_name="Reis")
    lisbon = award(application, secretary, [other], due_dates)
    inception = lisbon.milestones.get(kind=Milestone.Kind.INCEPTION)
    services.complete_milestone(milestone=inception, user=other, deliverable=SimpleUploadedFile("plan.pdf", PDF))
    return lisbon


def url(programme, route, *args):
    return programme_url(programme, route, *args)


def milestone(project, kind):
    return project.milestones.get(kind=kind)


def mark_done(client, programme, project, kind, **fields):
    data = {"milestone": milestone(project, kind).pk, **fields}
    return client.post(url(programme, "project_action", project.pk, "milestone"), data)


# --- Who sees what -------------------------------------------------------------------------------------------


@pytest.fixture
def cast(consultant, secretary, focal_point, colleague, other_staff, lisbon_focal_point, reviewer):
    return {
        "consultant": consultant,
        "secretariat": secretary,
        "city focal point": focal_point,
        "editor": colleague,
        "city staff who is not an editor": other_staff,
        "other city": lisbon_focal_point,
        "reviewer of the application": reviewer,
    }


def test_the_project_page_is_for_its_consultants_the_secretariat_and_the_city_only(client, programme, project, cast):
    services.complete_milestone(
        milestone=milestone(project, Milestone.Kind.INCEPTION),
        user=cast["consultant"],
        deliverable=SimpleUploadedFile("inception.pdf", PDF),
    )
    inception = milestone(project, Milestone.Kind.INCEPTION)
    page_url = url(programme, "project", project.pk)
    file_url = url(programme, "deliverable", project.pk, inception.pk)
    action_url = url(programme, "project_action", project.pk, "milestone")
    site_visit = milestone(project, Milestone.Kind.SITE_VISIT)
    expected = {
        "consultant": (200, True),
        "secretariat": (200, True),
        "city focal point": (200, False),
        "editor": (200, False),
        "city staff who is not an editor": (404, False),
        "other city": (404, False),
        "reviewer of the application": (404, False),
    }
    for role, (status, works) in expected.items():
        client.force_login(cast[role])
        page = client.get(page_url)
        assert page.status_code == status, role
        download = client.get(file_url)
        assert download.status_code == status, role
        if status == 200:
            html = page.content.decode()
            assert "Flood sensors for underpasses" in html and "Seoul Metropolitan Government" in html
            assert "Daniela Ortiz" in html and file_url in html and "inception.pdf" in html, role
            assert ("Mark done" in html) is works, role
            assert page["Cache-Control"] == "private, no-store"
            assert b"".join(download.streaming_content) == PDF
            assert download["Cache-Control"] == "private, no-store"
        # Only the consultants and the secretariat record progress; the city reads.
        if not works:
            response = client.post(action_url, {"milestone": site_visit.pk, "note": "Done."})
            assert response.status_code == (403 if status == 200 else 404), role
    assert not milestone(project, Milestone.Kind.SITE_VISIT).is_done

    client.logout()
    for address in (page_url, file_url):
        response = client.get(address)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_project_actions_are_post_only_and_unknown_actions_do_not_exist(client, programme, project, consultant):
    client.force_login(consultant)
    assert client.get(url(programme, "project_action", project.pk, "milestone")).status_code == 405
    assert client.get(url(programme, "project_action", project.pk, "complete")).status_code == 405
    assert client.post(url(programme, "project_action", project.pk, "publish")).status_code == 404
    assert client.post(url(programme, "project", project.pk)).status_code == 405
    for odd in ("²", "x", "9" * 30, ""):  # an id is ASCII digits within the bigint range
        assert (
            client.post(url(programme, "project_action", project.pk, "milestone"), {"milestone": odd}).status_code
            == 400
        )


def test_a_deliverable_of_another_project_or_a_milestone_without_a_file_is_a_404(
    client, programme, project, lisbon_project, secretary
):
    client.force_login(secretary)  # who may see both projects
    lisbon_inception = milestone(lisbon_project, Milestone.Kind.INCEPTION)
    assert client.get(url(programme, "deliverable", lisbon_project.pk, lisbon_inception.pk)).status_code == 200
    assert client.get(url(programme, "deliverable", project.pk, lisbon_inception.pk)).status_code == 404
    without_file = milestone(project, Milestone.Kind.INCEPTION)
    assert client.get(url(programme, "deliverable", project.pk, without_file.pk)).status_code == 404
    # Marking another project's milestone through this project is a 404 too, and changes nothing.
    lisbon_visit = milestone(lisbon_project, Milestone.Kind.SITE_VISIT)
    response = client.post(url(programme, "project_action", project.pk, "milestone"), {"milestone": lisbon_visit.pk})
    assert response.status_code == 404
    assert not milestone(lisbon_project, Milestone.Kind.SITE_VISIT).is_done


# --- Milestones ----------------------------------------------------------------------------------------------


def test_a_milestone_is_marked_done_with_a_note_and_an_optional_deliverable(client, programme, project, consultant):
    client.force_login(consultant)
    response = mark_done(client, programme, project, Milestone.Kind.INCEPTION, note="Kick-off with the city.")
    assert response.status_code == 302
    response = mark_done(
        client,
        programme,
        project,
        Milestone.Kind.SITE_VISIT,
        note="Visited 12 underpasses.",
        deliverable=SimpleUploadedFile("visit.docx", DOCX),
    )
    assert response.status_code == 302
    inception, visit = milestone(project, Milestone.Kind.INCEPTION), milestone(project, Milestone.Kind.SITE_VISIT)
    assert inception.is_done and inception.completed_by == consultant and not inception.deliverable
    assert visit.note == "Visited 12 underpasses." and visit.deliverable_filename == "visit.docx"
    page = client.get(url(programme, "project", project.pk)).content.decode()
    assert "Kick-off with the city." in page and "Daniela Ortiz," in page
    assert page.count("Mark done:") == 2  # the two milestones still open
    # A second click on a done milestone changes nothing.
    again = mark_done(client, programme, project, Milestone.Kind.INCEPTION, note="Another note.")
    assert again.status_code == 302 and milestone(project, Milestone.Kind.INCEPTION).note == "Kick-off with the city."


def test_the_final_report_needs_a_file(client, programme, project, consultant):
    client.force_login(consultant)
    response = mark_done(client, programme, project, Milestone.Kind.FINAL_REPORT, note="Here it is.")
    assert response.status_code == 400
    assert "Upload the final report to complete this milestone." in response.content.decode()
    assert not milestone(project, Milestone.Kind.FINAL_REPORT).is_done
    with pytest.raises(exceptions.DeliverableRequired):
        services.complete_milestone(milestone=milestone(project, Milestone.Kind.FINAL_REPORT), user=consultant)
    response = mark_done(
        client, programme, project, Milestone.Kind.FINAL_REPORT, deliverable=SimpleUploadedFile("final.pdf", PDF)
    )
    assert response.status_code == 302 and milestone(project, Milestone.Kind.FINAL_REPORT).is_done


@pytest.mark.parametrize(
    ("upload", "error"),
    [
        (SimpleUploadedFile("final.exe", b"MZ\x90\x00"), "Upload a PDF, DOCX, ODT, PPTX or XLSX file."),
        (SimpleUploadedFile("final.txt", b"plain words"), "Upload a PDF, DOCX, ODT, PPTX or XLSX file."),
        (SimpleUploadedFile("final.pdf", b"MZ\x90\x00 a program"), "This file&#x27;s content is not a PDF file"),
        (SimpleUploadedFile("final.docx", PDF), "This file&#x27;s content is not a DOCX file"),
    ],
)
def test_a_file_of_the_wrong_type_is_refused_with_a_form_error_and_nothing_is_saved(
    client, programme, project, consultant, settings, upload, error
):
    client.force_login(consultant)
    response = mark_done(client, programme, project, Milestone.Kind.FINAL_REPORT, note="Final.", deliverable=upload)
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html and 'class="errorlist' in html
    final = milestone(project, Milestone.Kind.FINAL_REPORT)
    assert not final.is_done and not final.deliverable and final.note == ""
    assert not any(settings.MEDIA_ROOT.rglob("final.*"))


def test_a_deliverable_larger_than_50_mb_is_refused(client, programme, project, consultant, monkeypatch):
    from consultations.forms import projects as project_forms

    monkeypatch.setattr(project_forms, "DELIVERABLE_MAX_BYTES", 10)  # the limit, not 50 MB of test data
    client.force_login(consultant)
    upload = SimpleUploadedFile("visit.pdf", PDF)
    response = mark_done(client, programme, project, Milestone.Kind.SITE_VISIT, deliverable=upload)
    assert response.status_code == 400 and "larger than 50 MB" in response.content.decode()
    assert not milestone(project, Milestone.Kind.SITE_VISIT).is_done


# --- From the project to the published case ---------------------------------------------------------------


def finish_milestones(client, programme, project):
    for kind in Milestone.ORDER[:-1]:
        assert mark_done(client, programme, project, kind, note=f"{kind} done.").status_code == 302
    final = SimpleUploadedFile("final-report.pdf", PDF)
    assert mark_done(client, programme, project, Milestone.Kind.FINAL_REPORT, deliverable=final).status_code == 302


def current_task_state(case):
    return WorkflowState.objects.for_instance(case).get(status=WorkflowState.STATUS_IN_PROGRESS).current_task_state


def test_a_completed_project_becomes_a_draft_case_that_the_city_signs_off_and_the_secretariat_publishes(
    client, programme, open_call, project, library, consultant, focal_point, secretary, seoul
):
    consultant.groups.add(Group.objects.get(name=review.CONSULTANTS))  # consultants write cases in the admin
    client.force_login(consultant)
    page_url = url(programme, "project", project.pk)
    assert "Complete the project and create the draft case" not in client.get(page_url).content.decode()
    # Completing before every milestone is done is refused, and creates nothing.
    refused = client.post(url(programme, "project_action", project.pk, "complete"))
    assert refused.status_code == 409 and not CasePage.objects.exists()

    finish_milestones(client, programme, project)
    assert "Complete the project and create the draft case" in client.get(page_url).content.decode()
    complete_url = url(programme, "project_action", project.pk, "complete")
    assert client.post(complete_url).status_code == 302
    assert client.post(complete_url).status_code == 302  # a double click: still one case
    assert CasePage.objects.count() == 1

    case = CasePage.objects.get()
    project.refresh_from_db()
    assert project.status == Project.Status.COMPLETED and project.case_id == case.pk
    assert not case.live and case.get_parent().pk == library.pk
    assert case.organisation == seoul and case.kind == CasePage.Kind.FEASIBILITY_STUDY
    draft = case.get_latest_revision_as_object()  # the draft's topics live in its revision until it is published
    assert [topic.name for topic in draft.topics.all()] == ["Flood resilience"]
    assert case.partners == "Korea Water Resources Corporation\nSeoul Institute"
    [report] = case.reports
    assert report.value.title == "Flood sensors for underpasses: final report"
    with report.value.file.open("rb") as stored:
        assert stored.read() == PDF
    task_state = current_task_state(case)
    assert task_state.task.name == "City sign-off"

    # The consultant sees where the case is and edits it in the admin; the city sees it and is sent to sign off.
    page = client.get(page_url).content.decode()
    assert "Waiting for the city&#x27;s sign-off." in page
    assert reverse("wagtailadmin_pages:edit", args=[case.pk]) in page
    assert "Complete the project" not in page and "Mark done" not in page
    client.force_login(focal_point)
    page = client.get(page_url).content.decode()
    assert "Waiting for the city&#x27;s sign-off." in page and "/cases/sign-off/" in page
    assert reverse("wagtailadmin_pages:edit", args=[case.pk]) not in page

    review.decide_sign_off(task_state_id=task_state.pk, user=focal_point, approve=True)
    task_state = current_task_state(case)
    assert task_state.task.name == "Secretariat review"
    approver = secretary
    approver.groups.add(Group.objects.get(name=review.SECRETARIAT))
    task_state.task.specific.on_action(task_state.specific, approver, "approve")

    case = CasePage.objects.get(pk=case.pk)
    assert case.live and [topic.name for topic in case.topics.all()] == ["Flood resilience"]
    assert TaskState.objects.filter(workflow_state__object_id=str(case.pk), status="approved").count() == 2
    client.logout()
    public = client.get(case.url).content.decode()
    assert "From the 2026 consultation programme: Open call" in public
    assert f'href="{open_call.url}"' in public
    assert "Reviewed by the secretariat" in public and "Endorsed by Seoul" in public
    client.force_login(consultant)
    assert "Published in the case library." in client.get(page_url).content.decode()


def test_a_translated_case_page_says_where_it_came_from_and_links_to_the_call_in_its_language(
    client, programme, open_call, project, consultant
):
    for kind in Milestone.ORDER:
        services.complete_milestone(
            milestone=milestone(project, kind), user=consultant, deliverable=SimpleUploadedFile("r.pdf", PDF)
        )
    case = services.complete_project(project=project, by=consultant)
    case.save_revision().publish()
    french_case = translate(case, "fr", title="Capteurs d'inondation")

    def origins(page):
        return case_selectors.case_origins(page)

    from django.utils import translation

    with translation.override("fr"):
        [(text, link)] = origins(french_case)
        assert "Open call" in text and link == open_call.url  # no French call yet: the original
        french_call = alias(open_call, "fr")
        [(text, link)] = origins(french_case)
        assert link == french_call.url and link != open_call.url
    french_page = client.get(french_case.url).content.decode()
    assert f'<p class="case-origin"><a href="{french_call.url}">' in french_page
    with translation.override("en"):
        assert origins(case) == [("From the 2026 consultation programme: Open call", open_call.url)]
    # A case that no project became says nothing of the programme.
    other = CasePage(
        title="Smart crosswalks", summary="Crosswalks that warn drivers.", start_year=2022, city="Lima", country="PE"
    )
    case.get_parent().add_child(instance=other)
    assert origins(other) == []


def test_the_origin_costs_one_query(programme, project, consultant, library):
    for kind in Milestone.ORDER:
        services.complete_milestone(
            milestone=milestone(project, kind), user=consultant, deliverable=SimpleUploadedFile("r.pdf", PDF)
        )
    case = services.complete_project(project=project, by=consultant)
    from consultations.hooks.projects import consultation_programme_origin

    call_url = project.application.call.url
    with CaptureQueriesContext(connection) as queries:
        assert consultation_programme_origin(case)[1] == call_url
    # One query for the project's call; the site's root paths (for the call's address) come from the shared cache,
    # which in the tests is a database table.
    tables = [query["sql"] for query in queries.captured_queries if "wego_cache" not in query["sql"]]
    assert len(tables) == 1


def test_the_service_completes_a_project_once(project, consultant):
    for kind in Milestone.ORDER:
        services.complete_milestone(
            milestone=milestone(project, kind), user=consultant, deliverable=SimpleUploadedFile("r.pdf", PDF)
        )
    services.complete_project(project=project, by=consultant)
    with pytest.raises(exceptions.WrongStep):
        services.complete_project(project=Project.objects.get(pk=project.pk), by=consultant)
    assert CasePage.objects.count() == 1


# --- /me/ and query counts -------------------------------------------------------------------------------------


def make_projects(call, consultant, count, due_dates):
    """``count`` awarded applications of as many cities, each a project of the consultant (rows, not the workflow:
    the call gives three awards)."""
    for _n in range(count):
        application = Application.objects.create(
            call=call,
            organisation=OrganisationFactory(),
            slot=1,
            title="Smart parking",
            status=Application.Status.AWARDED,
        )
        project = Project.objects.create(application=application)
        project.consultants.add(consultant)
        Milestone.objects.bulk_create(
            Milestone(project=project, kind=kind, position=position, due_on=due_dates[kind])
            for position, kind in enumerate(Milestone.ORDER)
        )


def test_a_consultant_finds_their_projects_on_my_hub(client, programme, project, consultant, focal_point, due_dates):
    services.complete_milestone(milestone=milestone(project, Milestone.Kind.INCEPTION), user=consultant)
    client.force_login(consultant)
    page = client.get("/me/").content.decode()
    assert "Your consultation projects" in page
    assert "Flood sensors for underpasses" in page and "Seoul Metropolitan Government" in page
    assert url(programme, "project", project.pk) in page
    site_visit_due = milestone(project, Milestone.Kind.SITE_VISIT).due_on
    assert f"Next: Site visit, due {date_format(site_visit_due, 'DATE_FORMAT')}" in page
    client.force_login(focal_point)  # not a consultant: no section
    assert "Your consultation projects" not in client.get("/me/").content.decode()


def test_my_hub_costs_the_same_queries_for_2_and_10_projects(client, programme, closed_call, consultant, due_dates):
    client.force_login(consultant)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/me/")
        assert response.status_code == 200
        return len(queries), response.content.decode().count("Smart parking")

    make_projects(closed_call, consultant, 2, due_dates)
    client.get("/me/")  # warm what any first request reads
    two, shown = count()
    assert shown == 2
    make_projects(closed_call, consultant, 8, due_dates)
    ten, shown = count()
    assert shown == 10 and ten == two


def test_the_project_page_costs_the_same_queries_for_1_and_6_consultants(client, programme, project, secretary):
    client.force_login(secretary)
    page_url = url(programme, "project", project.pk)
    client.get(page_url)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page_url).status_code == 200
        return len(queries)

    one = count()
    project.consultants.add(*(UserFactory() for _ in range(5)))
    assert count() == one
