"""Who reaches the city's pages and files: the city's focal point and the editors it chose; for files also the
assigned reviewers, the secretariat and the project's consultants. Everyone else gets a 404 (a visitor is sent to
sign in), whatever id they try."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consultations import services
from consultations.models import Application, Attachment, Milestone
from consultations.views.common import programme_url
from tests.consultations.conftest import complete

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def attached(draft, focal_point):
    return services.add_attachment(
        application=draft, user=focal_point, title="Budget", file=SimpleUploadedFile("budget.pdf", PDF)
    )


@pytest.fixture
def lisbon_application(open_call, lisbon_focal_point):
    application = services.start_application(call=open_call, user=lisbon_focal_point, title="Tram data")
    services.add_attachment(
        application=application,
        user=lisbon_focal_point,
        title="Tram plan",
        file=SimpleUploadedFile("trams.pdf", PDF),
    )
    return application


def application_url(programme, application):
    return programme_url(programme, "application", application.pk)


def file_url(programme, application_id, attachment_id):
    return programme_url(programme, "attachment", application_id, attachment_id)


def status_for(client, user, url, method="get", **data):
    if user is None:
        client.logout()
    else:
        client.force_login(user)
    return getattr(client, method)(url, data).status_code


def test_the_application_page_is_the_citys_only(
    client,
    programme,
    draft,
    focal_point,
    colleague,
    other_staff,
    lisbon_focal_point,
    reviewer,
    seoul_reviewer,
    secretary,
    consultant,
):
    services.add_editor(application=draft, by=focal_point, email=colleague.email)
    url = application_url(programme, draft)
    assert status_for(client, focal_point, url) == 200
    assert status_for(client, colleague, url) == 200  # an editor
    # Another city's focal point, Seoul staff who are not editors (a reviewer among them), a reviewer, the
    # secretariat (it has its own page) and a consultant: as if there were no such application.
    for person in (lisbon_focal_point, other_staff, seoul_reviewer, reviewer, secretary, consultant):
        assert status_for(client, person, url) == 404, person
        assert status_for(client, person, url, "post", title="Taken over") == 404, person
        assert status_for(client, person, url + "submit/", "post") == 404, person
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
    draft.refresh_from_db()
    assert draft.title == "Flood sensors for underpasses" and draft.status == Application.Status.DRAFT


def test_an_assigned_reviewer_still_has_no_access_to_the_citys_page(client, programme, in_review, secretary, reviewer):
    services.assign_reviewer(application=in_review, by=secretary, reviewer=reviewer)
    assert status_for(client, reviewer, application_url(programme, in_review)) == 404


def test_an_unknown_or_huge_application_id_is_a_404(client, programme, focal_point):
    client.force_login(focal_point)
    assert client.get(programme_url(programme, "application", 999999)).status_code == 404
    assert client.get(f"{programme.url}applications/{2**70}/").status_code == 404


def test_the_citys_list_shows_only_what_the_person_sees_as_their_citys(
    client, programme, draft, lisbon_application, focal_point, colleague, lisbon_focal_point
):
    url = programme_url(programme, "my_applications")
    client.force_login(focal_point)
    page = client.get(url).content.decode()
    assert "Flood sensors" in page and "Tram data" not in page
    client.force_login(lisbon_focal_point)
    page = client.get(url).content.decode()
    assert "Tram data" in page and "Flood sensors" not in page
    client.force_login(colleague)  # not an editor of Seoul's application
    response = client.get(url)
    assert response.status_code == 200 and "Flood sensors" not in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    client.logout()
    assert client.get(url).status_code == 302


def test_a_file_is_served_to_the_city_the_assigned_reviewers_and_the_secretariat_only(
    client,
    programme,
    draft,
    attached,
    focal_point,
    colleague,
    other_staff,
    lisbon_focal_point,
    reviewer,
    second_reviewer,
    secretary,
):
    url = file_url(programme, draft.pk, attached.pk)
    services.add_editor(application=draft, by=focal_point, email=colleague.email)
    complete(draft, focal_point)
    services.submit_application(application=draft, user=focal_point)
    services.screen(application=draft, by=secretary, eligible=True)
    services.assign_reviewer(application=draft, by=secretary, reviewer=reviewer)
    for person in (focal_point, colleague, reviewer, secretary):
        assert status_for(client, person, url) == 200, person
    for person in (other_staff, lisbon_focal_point, second_reviewer):
        assert status_for(client, person, url) == 404, person
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_reviewer_who_declared_a_conflict_no_longer_gets_the_file(client, programme, in_review, secretary, reviewer):
    attachment = Attachment.objects.create(
        application=in_review, title="Budget", file=SimpleUploadedFile("budget.pdf", PDF), size=len(PDF)
    )
    assignment = services.assign_reviewer(application=in_review, by=secretary, reviewer=reviewer)
    url = file_url(programme, in_review.pk, attachment.pk)
    assert status_for(client, reviewer, url) == 200
    services.declare_conflict(assignment=assignment, user=reviewer, note="I advised this city last year.")
    assert status_for(client, reviewer, url) == 404


def test_the_projects_consultants_get_the_applications_files(
    client, programme, in_review, secretary, consultant, focal_point
):
    attachment = Attachment.objects.create(
        application=in_review, title="Budget", file=SimpleUploadedFile("budget.pdf", PDF), size=len(PDF)
    )
    url = file_url(programme, in_review.pk, attachment.pk)
    assert status_for(client, consultant, url) == 404
    services.determine(application=in_review, by=secretary, outcome=Application.Status.AWARDED, message="Yes.")
    today = timezone.localdate()
    due = {kind: today + dt.timedelta(days=30 * (n + 1)) for n, kind in enumerate(Milestone.ORDER)}
    services.start_project(application=in_review, by=secretary, consultants=[consultant], due_dates=due)
    assert status_for(client, consultant, url) == 200
    client.force_login(focal_point)
    page = client.get(programme_url(programme, "my_applications")).content.decode()
    assert programme_url(programme, "project", in_review.project.pk) in page


def test_file_ids_cannot_be_guessed_across_applications(
    client, programme, draft, attached, lisbon_application, focal_point, lisbon_focal_point
):
    lisbon_file = lisbon_application.attachments.get()
    client.force_login(focal_point)
    # Lisbon's file under Seoul's application (which Seoul may see), and under Lisbon's (which it may not).
    assert client.get(file_url(programme, draft.pk, lisbon_file.pk)).status_code == 404
    assert client.get(file_url(programme, lisbon_application.pk, lisbon_file.pk)).status_code == 404
    assert client.get(file_url(programme, draft.pk, 999999)).status_code == 404
    client.force_login(lisbon_focal_point)
    assert client.get(file_url(programme, lisbon_application.pk, attached.pk)).status_code == 404
    assert client.get(file_url(programme, lisbon_application.pk, lisbon_file.pk)).status_code == 200


def test_another_city_cannot_act_on_an_application(
    client, programme, draft, attached, focal_point, lisbon_focal_point, other_staff
):
    complete(draft, focal_point)
    for person in (lisbon_focal_point, other_staff):
        client.force_login(person)
        for action, data in [
            ("submit", {}),
            ("withdraw", {"confirmed": "on"}),
            ("add-editor", {"email": other_staff.email}),
            ("remove-file", {"id": attached.pk}),
            ("upload", {"file": SimpleUploadedFile("x.pdf", PDF)}),
        ]:
            url = programme_url(programme, "application_action", draft.pk, action)
            assert client.post(url, data).status_code == 404, (person, action)
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT and draft.editors.count() == 0
    assert list(draft.attachments.all()) == [attached]


def test_the_public_pages_set_no_cookie_for_a_visitor(client, programme, open_call, closed_call):
    for url in (programme.url, open_call.url, closed_call.url):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, url
        assert "csrfmiddlewaretoken" not in response.content.decode()
