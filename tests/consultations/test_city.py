"""The city's side of the programme in the browser's terms: the programme and call pages, starting, writing,
attaching, inviting, submitting and withdrawing an application, and the city's lists."""

import datetime as dt
import html

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone
from wagtail.documents import get_document_model

from consultations import services
from consultations.forms.city import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS
from consultations.models import Application, ApplicationEvent, Attachment, CallQuestion, Editor, Milestone
from consultations.views.common import programme_url
from tests.consultations.conftest import complete

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def page_url(programme, application):
    return programme_url(programme, "application", application.pk)


def action_url(programme, application, action):
    return programme_url(programme, "application_action", application.pk, action)


def text(response):
    return html.unescape(response.content.decode())


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


# --- The programme and call pages ------------------------------------------------------------------------


def test_the_programme_page_lists_the_calls_with_their_closing_time_in_the_calls_zone(
    client, programme, open_call, closed_call
):
    response = client.get(programme.url)
    assert response.status_code == 200
    page = text(response)
    assert "Open call" in page and "Closed call" in page
    local = formats.date_format(timezone.localtime(open_call.closes_at, open_call.zone), "DATETIME_FORMAT")
    assert "Closes (Asia/Seoul time)" in page and local in page
    assert page.index("Open call") < page.index("Closed calls") < page.index("Closed call</a>")
    assert programme_url(programme, "my_applications") not in page  # nothing personal for a visitor
    assert not response.cookies


def test_the_programme_page_links_each_person_to_their_own_pages(
    client, programme, open_call, focal_point, reviewer, secretary
):
    client.force_login(focal_point)
    page = text(client.get(programme.url))
    assert programme_url(programme, "my_applications") in page
    assert programme_url(programme, "my_reviews") not in page
    assert programme_url(programme, "manage_call", open_call.pk) not in page
    client.force_login(reviewer)
    assert programme_url(programme, "my_reviews") in text(client.get(programme.url))
    client.force_login(secretary)
    assert programme_url(programme, "manage_call", open_call.pk) in text(client.get(programme.url))


def test_a_visitor_reads_the_call_and_is_asked_to_sign_in_to_apply_without_a_cookie(client, open_call):
    CallQuestion.objects.create(call=open_call, label="How many underpasses flood?", required=True)
    guide = get_document_model().objects.create(
        title="Applicants' guide", file=ContentFile(b"%PDF-1.4 guide", name="guide.pdf")
    )
    open_call.documents = [("document", guide)]
    open_call.save_revision().publish()
    response = client.get(open_call.url)
    assert response.status_code == 200
    page = text(response)
    assert "Sign in to apply" in page and "csrfmiddlewaretoken" not in page
    assert "Relevance" in page and "<td>3</td>" in page  # a criterion and its weight
    assert "How many underpasses flood?" in page and "(required)" in page
    assert f'href="{guide.url}">Applicants\' guide</a>' in page
    assert "local time, Asia/Seoul" in page and 'data-local-time data-start="' in page
    assert not response.cookies and "Set-Cookie" not in response.headers


def test_the_focal_point_gets_the_start_form_and_a_colleague_is_told_whom_to_ask(
    client, open_call, focal_point, colleague
):
    client.force_login(focal_point)
    page = text(client.get(open_call.url))
    assert open_call.url + "apply/" in page and "Start the application" in page
    client.force_login(colleague)
    page = text(client.get(open_call.url))
    assert "Start the application" not in page
    assert "Ask your focal point, Mina Park, to start the application and add you as an editor." in page


def test_a_city_of_another_region_reads_why_and_a_closed_call_says_when_it_closed(
    client, open_call, closed_call, lisbon_focal_point
):
    open_call.regions = ["asia_pacific"]
    open_call.save_revision().publish()
    client.force_login(lisbon_focal_point)
    page = text(client.get(open_call.url))
    assert "This call is not open to your city." in page and "Start the application" not in page
    page = text(client.get(closed_call.url))
    assert "This call closed on" in page and "Start the application" not in page


def test_the_call_page_lists_the_citys_applications_with_their_status(client, open_call, draft, focal_point):
    client.force_login(focal_point)
    page = text(client.get(open_call.url))
    assert page_url(open_call.get_parent().specific, draft) in page and "Draft" in page
    assert "as many times as it allows" in page


# --- Starting an application -----------------------------------------------------------------------------------


def test_the_focal_point_starts_an_application_and_goes_on_to_write_it(client, programme, open_call, focal_point):
    client.force_login(focal_point)
    assert client.get(open_call.url + "apply/").status_code == 200
    response = client.post(open_call.url + "apply/", {"title": "Flood sensors"})
    application = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == page_url(programme, application)
    assert application.title == "Flood sensors" and application.created_by == focal_point


def test_a_double_post_of_apply_makes_one_application(client, programme, open_call, focal_point):
    client.force_login(focal_point)
    first = client.post(open_call.url + "apply/", {"title": "Flood sensors"})
    second = client.post(open_call.url + "apply/", {"title": "Flood sensors"})
    application = Application.objects.get()
    assert first["Location"] == second["Location"] == page_url(programme, application)


def test_apply_is_refused_to_staff_who_are_not_focal_points_and_after_the_deadline(
    client, open_call, closed_call, focal_point, colleague
):
    client.force_login(colleague)
    response = client.post(open_call.url + "apply/", {"title": "Mine"})
    assert response.status_code == 403 and "Only your city's focal point" in text(response)
    client.force_login(focal_point)
    response = client.post(closed_call.url + "apply/", {"title": "Late"})
    assert response.status_code == 409 and "The call closed" in text(response)
    assert client.get(closed_call.url + "apply/").status_code == 409
    assert not Application.objects.exists()


def test_a_visitor_is_sent_to_sign_in_before_applying(client, open_call):
    response = client.get(open_call.url + "apply/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# --- Writing the application --------------------------------------------------------------------------------


def test_the_city_writes_its_application_and_answers_the_calls_questions(
    client, programme, open_call, draft, focal_point
):
    question = CallQuestion.objects.create(call=open_call, label="Budget (USD)", required=True)
    client.force_login(focal_point)
    page = text(client.get(page_url(programme, draft)))
    assert "Budget (USD)" in page and "left" in page and "Asia/Seoul" in page
    response = client.post(
        page_url(programme, draft),
        {
            "title": "Flood sensors for 40 underpasses",
            "challenge": "Underpasses flood.",
            "objectives": "Warn drivers.",
            "expected_outcomes": "A plan.",
            "partners": "KAIST\nSeoul Institute",
            "contact_name": "Mina Park",
            "contact_email": "mina@seoul.example",
            f"q_{question.pk}": "250000",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Flood sensors for 40 underpasses" and draft.partners == "KAIST\nSeoul Institute"
    assert draft.answers == {"Budget (USD)": "250000"}
    assert "Saved." in messages_of(client.get(page_url(programme, draft)))


def test_a_form_with_a_too_long_title_is_shown_again_with_its_error_and_nothing_is_saved(
    client, programme, draft, focal_point
):
    client.force_login(focal_point)
    response = client.post(page_url(programme, draft), {"title": "x" * 201, "challenge": "Changed"})
    assert response.status_code == 400
    assert "Nothing was saved" in text(response) and "at most 200 characters" in text(response)
    draft.refresh_from_db()
    assert draft.title == "Flood sensors for underpasses" and draft.challenge == ""
    assert not draft.history.filter(verb=ApplicationEvent.Verb.EDITED).exists()


def test_a_submitted_application_is_read_only_for_the_city(client, programme, submitted, focal_point):
    client.force_login(focal_point)
    response = client.get(page_url(programme, submitted))
    page = text(response)
    assert response.status_code == 200 and "Submitted. The secretariat checks" in page
    assert 'name="challenge"' not in page and "Flooded underpasses close school routes" in page
    assert action_url(programme, submitted, "upload") not in page
    response = client.post(page_url(programme, submitted), {"title": "Changed"})
    assert response.status_code == 409
    submitted.refresh_from_db()
    assert submitted.title == "Flood sensors for underpasses"


def test_a_request_for_information_reopens_the_form_and_is_shown_first(
    client, programme, submitted, secretary, focal_point
):
    services.request_information(application=submitted, by=secretary, message="Add the budget table.")
    client.force_login(focal_point)
    page = text(client.get(page_url(programme, submitted)))
    assert "The secretariat asks for more information" in page and "Add the budget table." in page
    assert 'name="challenge"' in page and "Submit it again" in page


def test_the_city_reads_the_screening_note_and_the_decision_but_not_the_history(
    client, programme, submitted, in_review, secretary, focal_point
):
    services.determine(application=in_review, by=secretary, outcome=Application.Status.AWARDED, message="Well done.")
    client.force_login(focal_point)
    page = text(client.get(page_url(programme, in_review)))
    assert "Awarded" in page and "Well done." in page and "Decided" in page
    assert "Hana Cho" not in page and "found the application eligible" not in page


def test_the_city_reads_why_its_application_is_not_eligible(client, programme, submitted, secretary, focal_point):
    services.screen(application=submitted, by=secretary, eligible=False, reason="The city is not a member yet.")
    client.force_login(focal_point)
    page = text(client.get(page_url(programme, submitted)))
    assert "Why the application is not eligible" in page and "The city is not a member yet." in page


# --- Editors -------------------------------------------------------------------------------------------


def test_the_focal_point_invites_a_colleague_who_then_edits_and_is_removed(
    client, programme, draft, focal_point, colleague
):
    client.force_login(colleague)
    assert client.get(page_url(programme, draft)).status_code == 404
    client.force_login(focal_point)
    response = client.post(action_url(programme, draft, "add-editor"), {"email": "JIHO@seoul.example"})
    assert response.status_code == 302
    editor = Editor.objects.get(application=draft)
    assert editor.user == colleague
    client.force_login(colleague)
    page = text(client.get(page_url(programme, draft)))
    assert "Your focal point, Mina Park, submits the application." in page
    assert action_url(programme, draft, "submit") not in page
    assert client.post(page_url(programme, draft), {"title": "Jiho's title"}).status_code == 302
    client.force_login(focal_point)
    client.post(action_url(programme, draft, "remove-editor"), {"id": editor.pk})
    assert not Editor.objects.exists()
    client.force_login(colleague)
    assert client.get(page_url(programme, draft)).status_code == 404


def test_inviting_someone_who_is_not_the_citys_staff_is_refused(
    client, programme, draft, focal_point, lisbon_focal_point
):
    client.force_login(focal_point)
    response = client.post(action_url(programme, draft, "add-editor"), {"email": "ana@lisbon.example"})
    assert response.status_code == 400 and "Only approved staff of your city" in text(response)
    response = client.post(action_url(programme, draft, "add-editor"), {"email": "not an address"})
    assert response.status_code == 400 and "Enter a valid email address" in text(response)
    assert not Editor.objects.exists()


def test_a_colleague_cannot_invite_or_submit(client, programme, draft, focal_point, colleague, other_staff):
    services.add_editor(application=draft, by=focal_point, email=colleague.email)
    complete(draft, focal_point)
    client.force_login(colleague)
    assert client.post(action_url(programme, draft, "add-editor"), {"email": other_staff.email}).status_code == 403
    assert client.post(action_url(programme, draft, "submit")).status_code == 403
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT and draft.editors.count() == 1


# --- Files ---------------------------------------------------------------------------------------------------


def upload(client, programme, application, name, content, title=""):
    return client.post(
        action_url(programme, application, "upload"), {"title": title, "file": SimpleUploadedFile(name, content)}
    )


def test_the_city_attaches_a_file_downloads_it_and_removes_it(client, programme, draft, focal_point):
    client.force_login(focal_point)
    assert upload(client, programme, draft, "budget.pdf", PDF, title="Budget").status_code == 302
    assert upload(client, programme, draft, "site.png", PNG).status_code == 302
    budget, photo = Attachment.objects.order_by("pk")
    assert budget.title == "Budget" and photo.title == "site.png" and budget.size == len(PDF)
    download_url = programme_url(programme, "attachment", draft.pk, budget.pk)
    assert download_url in text(client.get(page_url(programme, draft)))
    response = client.get(download_url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "no-store" in response["Cache-Control"] and "budget.pdf" in response["Content-Disposition"]
    assert client.post(action_url(programme, draft, "remove-file"), {"id": budget.pk}).status_code == 302
    assert list(Attachment.objects.all()) == [photo]


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("tool.exe", b"MZ\x90\x00", "Attach a file of one of these kinds"),
        ("budget.pdf", b"MZ\x90\x00 a program renamed", "This file's content is not a PDF file"),
        ("photo.png", b"<svg></svg>", "This file's content is not a PNG file"),
        ("plan.docx", b"%PDF-1.4", "This file's content is not a DOCX file"),
    ],
)
def test_a_file_of_the_wrong_kind_is_refused_with_its_reason_and_nothing_is_stored(
    client, programme, draft, focal_point, name, content, error
):
    client.force_login(focal_point)
    response = upload(client, programme, draft, name, content)
    assert response.status_code == 400 and error in text(response)
    assert not Attachment.objects.exists()


def test_a_file_over_20_mb_is_refused(client, programme, draft, focal_point):
    client.force_login(focal_point)
    response = upload(client, programme, draft, "big.pdf", PDF + b"0" * (MAX_ATTACHMENT_BYTES + 1 - len(PDF)))
    assert response.status_code == 400 and "attach files of at most 20.0" in text(response)
    assert not Attachment.objects.exists()


def test_an_application_holds_at_most_ten_files(client, programme, draft, focal_point):
    client.force_login(focal_point)
    for number in range(MAX_ATTACHMENTS):
        assert upload(client, programme, draft, f"part-{number}.pdf", PDF).status_code == 302
    response = upload(client, programme, draft, "one-more.pdf", PDF)
    assert response.status_code == 400 and "at most 10 files" in text(response)
    assert Attachment.objects.count() == MAX_ATTACHMENTS


def test_files_close_with_the_draft_at_the_deadline(client, programme, open_call, draft, focal_point):
    client.force_login(focal_point)
    upload(client, programme, draft, "budget.pdf", PDF)
    open_call.closes_at = timezone.now() - dt.timedelta(minutes=1)
    open_call.save()
    assert upload(client, programme, draft, "late.pdf", PDF).status_code == 409
    attachment = Attachment.objects.get()
    assert client.post(action_url(programme, draft, "remove-file"), {"id": attachment.pk}).status_code == 409
    assert Attachment.objects.count() == 1


# --- Submitting and withdrawing --------------------------------------------------------------------------------


def test_the_focal_point_sees_what_is_missing_and_submits_once_complete(client, programme, draft, focal_point):
    client.force_login(focal_point)
    page = text(client.get(page_url(programme, draft)))
    assert "Fill in before you submit:" in page and "the challenge" in page
    response = client.post(action_url(programme, draft, "submit"), follow=True)
    assert response.redirect_chain == [(page_url(programme, draft), 302)]  # back to the form, nothing lost
    assert "Fill in before you submit: the challenge" in text(response)
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT
    complete(draft, focal_point)
    assert "Fill in before you submit:" not in text(client.get(page_url(programme, draft)))
    assert client.post(action_url(programme, draft, "submit")).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Application.Status.SUBMITTED


def test_a_submit_after_the_deadline_is_refused_with_a_clear_message(client, programme, open_call, draft, focal_point):
    complete(draft, focal_point)
    open_call.closes_at = timezone.now() - dt.timedelta(minutes=1)  # the call closed a minute ago
    open_call.save()
    client.force_login(focal_point)
    page = text(client.get(page_url(programme, draft)))
    assert "The call closed before this draft was submitted" in page and 'name="challenge"' not in page
    response = client.post(action_url(programme, draft, "submit"))
    assert response.status_code == 409
    assert "The call closed: applications can no longer be submitted or changed." in text(response)
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT and draft.submitted_at is None


def test_a_second_submit_is_refused_with_a_clear_message_and_changes_nothing(client, programme, draft, focal_point):
    complete(draft, focal_point)
    client.force_login(focal_point)
    assert client.post(action_url(programme, draft, "submit")).status_code == 302
    draft.refresh_from_db()
    submitted_at = draft.submitted_at
    response = client.post(action_url(programme, draft, "submit"))
    assert response.status_code == 409
    assert "This application was already submitted: nothing was changed." in text(response)
    draft.refresh_from_db()
    assert draft.status == Application.Status.SUBMITTED and draft.submitted_at == submitted_at
    assert draft.history.filter(verb=ApplicationEvent.Verb.SUBMITTED).count() == 1


def test_withdrawing_asks_first_and_works_without_javascript(client, programme, open_call, draft, focal_point):
    client.force_login(focal_point)
    response = client.post(action_url(programme, draft, "withdraw"))
    assert response.status_code == 200 and "Withdraw the application?" in text(response)
    assert 'name="confirmed" value="on"' in text(response)
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT
    assert client.post(action_url(programme, draft, "withdraw"), {"confirmed": "on"}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Application.Status.WITHDRAWN
    # The city's place is free again: the call page offers the start form.
    assert "Start the application" in text(client.get(open_call.url))


def test_actions_are_post_only_and_unknown_ones_do_not_exist(client, programme, draft, focal_point):
    client.force_login(focal_point)
    assert client.get(action_url(programme, draft, "submit")).status_code == 405
    assert client.post(action_url(programme, draft, "publish")).status_code == 404
    assert client.get(action_url(programme, draft, "publish")).status_code == 404


# --- The city's lists: its page, /me/ and the focal point's dashboard -----------------------------------------------


def applications_for(call, user, count):
    call.applications_per_city = 10
    call.save()
    existing = Application.objects.filter(call=call).count()
    for number in range(existing, count):
        application = services.start_application(call=call, user=user, title=f"Project {number}")
        if number % 2:
            complete(application, user)
            services.submit_application(application=application, user=user)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), text(response)


def test_the_citys_list_costs_the_same_queries_for_2_and_10_applications(client, programme, open_call, focal_point):
    client.force_login(focal_point)
    url = programme_url(programme, "my_applications")
    client.get(url)  # warm the per-process caches (site root paths, locales)
    applications_for(open_call, focal_point, 2)
    two, page = queries_for(client, url)
    assert page.count("<tr>") == 3 and "Project 1" in page
    applications_for(open_call, focal_point, 10)
    ten, page = queries_for(client, url)
    assert page.count("<tr>") == 11 and "Project 9" in page
    assert two == ten


def test_the_me_section_costs_the_same_queries_for_2_and_10_applications(client, programme, open_call, focal_point):
    client.force_login(focal_point)
    client.get("/me/")
    applications_for(open_call, focal_point, 2)
    two, page = queries_for(client, "/me/")
    assert page.count("/consultations/applications/") == 2
    applications_for(open_call, focal_point, 10)
    ten, page = queries_for(client, "/me/")
    assert page.count("/consultations/applications/") == 10
    assert two == ten


def test_the_me_section_shows_the_citys_applications_only_to_those_who_see_them(
    client, programme, draft, focal_point, other_staff, lisbon_focal_point
):
    client.force_login(focal_point)
    page = text(client.get("/me/"))
    assert "Your city's applications" in page and page_url(programme, draft) in page
    for person in (other_staff, lisbon_focal_point):
        client.force_login(person)
        page = text(client.get("/me/"))
        assert "Your city's applications" not in page and "Flood sensors" not in page


def test_the_focal_points_dashboard_has_a_table_of_the_citys_applications(
    client, programme, submitted, seoul, focal_point, lisbon_focal_point
):
    client.force_login(focal_point)
    response = client.get(f"/members/{seoul.slug}/dashboard/")
    page = text(response)
    assert "Your city's applications to the consultation programme" in page
    assert '<th scope="row">Open call</th><td>Flood sensors for underpasses</td><td>Submitted</td>' in page
    client.force_login(lisbon_focal_point)
    response = client.get(f"/members/{lisbon_focal_point.membership.organisation.slug}/dashboard/")
    assert "Flood sensors" not in text(response) and "consultation programme" not in text(response)


def test_an_awarded_city_reaches_its_project_from_the_application(client, programme, in_review, secretary, focal_point):
    services.determine(application=in_review, by=secretary, outcome=Application.Status.AWARDED, message="Selected.")
    client.force_login(focal_point)
    assert "Open the project" not in text(client.get(page_url(programme, in_review)))  # not started yet
    project = services.start_project(
        application=in_review,
        by=secretary,
        consultants=[],
        due_dates={kind: dt.date(2027, 1, 1 + number) for number, kind in enumerate(Milestone.ORDER)},
    )
    page = client.get(page_url(programme, in_review)).content.decode()
    assert f'href="{programme.url}{programme.reverse_subpage("project", args=[project.pk])}"' in page
