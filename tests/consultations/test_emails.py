"""Who hears what in the programme: one email per person per step, in their language, with an absolute link to the
page they need, written by the worker once the step is committed (consultations/emails.py).

The steps go through the services, as the views call them; ``tasks_done`` commits and runs what a worker would.
"""

import datetime as dt
import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import formats, timezone, translation
from django_tasks_db.models import DBTaskResult

from consultations import emails, services
from consultations.models import Application, Assignment, Editor, Milestone
from tests.consultations.conftest import complete

pytestmark = pytest.mark.django_db

SITE = "https://hub.example.org"


@pytest.fixture(autouse=True)
def media_root(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


@pytest.fixture
def focal_point(focal_point):
    """Seoul's focal point reads the hub in French."""
    focal_point.preferred_language = "fr"
    focal_point.save()
    return focal_point


@pytest.fixture
def editor(draft, focal_point, colleague):
    """Jiho, whom the focal point made an editor of the draft (before it was submitted, if a test asks for that)."""
    Editor.objects.create(application=draft, user=colleague, added_by=focal_point)
    return colleague


def inbox(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def html_of(message):
    return message.alternatives[0][0]


def links(message):
    return re.findall(r"https://hub\.example\.org/\S+", message.body)


def said(language, message, **values):
    with translation.override(language):
        return translation.gettext(message) % values


def run_again(run_tasks, task_name):
    """The broker hands the same task out again (a worker died after writing): nothing is written twice."""
    handed_out = DBTaskResult.objects.filter(task_path=f"consultations.tasks.{task_name}")
    assert handed_out.exists()
    handed_out.update(status="READY")
    run_tasks()


def views_are_built():
    try:
        import consultations.views  # noqa: F401
    except ImportError:  # the city's, reviewers' and secretariat's views come from their own branches
        return False
    return True


def opens_for(user, link, status=200):
    """The link, followed by the recipient signed in, opens the page (when the programme's views are built)."""
    assert link.startswith(SITE + "/")
    if not views_are_built():
        return
    client = Client()
    client.force_login(user)
    response = client.get(link.removeprefix(SITE))
    assert response.status_code == status, link


def application_link(application, language=""):
    prefix = f"/{language}" if language else ""
    return f"{SITE}{prefix}/consultations/applications/{application.pk}/"


# --- The city's application ---------------------------------------------------------------------------------


def test_a_colleague_made_an_editor_hears_once_with_the_link_to_the_application(
    draft, focal_point, colleague, other_staff, tasks_done, run_tasks
):
    with tasks_done():
        services.add_editor(application=draft, by=focal_point, email=colleague.email)
    run_again(run_tasks, "tell_editor_added")
    [message] = inbox(colleague)
    assert message.subject == 'You are an editor of the application "Flood sensors for underpasses"'
    assert "Mina Park made you an editor" in message.body and '"Open call"' in message.body
    assert links(message) == [application_link(draft)]
    assert f'href="{application_link(draft)}"' in html_of(message)
    assert inbox(focal_point) == inbox(other_staff) == []
    opens_for(colleague, links(message)[0])


def test_an_editor_removed_before_the_worker_runs_hears_nothing(draft, focal_point, colleague, tasks_done):
    with tasks_done():
        editor = services.add_editor(application=draft, by=focal_point, email=colleague.email)
        services.remove_editor(application=draft, by=focal_point, editor_id=editor.pk)
    assert mail.outbox == []


def test_the_receipt_goes_to_the_focal_point_in_french_and_to_each_editor_once(
    draft, focal_point, editor, other_staff, lisbon_focal_point, tasks_done, run_tasks
):
    complete(draft, focal_point)
    mail.outbox.clear()
    with tasks_done():
        application = services.submit_application(application=draft, user=focal_point)
    run_again(run_tasks, "tell_application_submitted")
    assert sorted(message.to[0] for message in mail.outbox) == sorted([focal_point.email, editor.email])
    assert inbox(other_staff) == inbox(lisbon_focal_point) == []

    [french] = inbox(focal_point)
    reference = application.reference
    assert french.subject == said(
        "fr", 'Received: the application "%(title)s" (%(reference)s)', title=application.title, reference=reference
    )
    assert french.body.startswith("Bonjour Mina Park,")  # the catalogue's French for "Hello %(name)s,"
    assert '<html lang="fr" dir="ltr">' in html_of(french)
    assert links(french) == [application_link(application, "fr")]
    # The time it was received, in the call's zone and labelled with it, as the French read a date.
    with translation.override("fr"):
        seoul_time = timezone.localtime(application.submitted_at, dt.timezone(dt.timedelta(hours=9)))
        when = formats.date_format(seoul_time, "DATETIME_FORMAT")
    assert f"{when} (Asia/Seoul)" in french.body

    [english] = inbox(editor)
    assert english.subject == f'Received: the application "Flood sensors for underpasses" ({reference})'
    assert f"Its reference is {reference}." in english.body
    assert links(english) == [application_link(application)]
    opens_for(editor, links(english)[0])
    opens_for(focal_point, links(french)[0])


def test_a_removed_editor_is_not_told_of_the_submission(draft, focal_point, editor, tasks_done):
    services.remove_editor(application=draft, by=focal_point, editor_id=draft.editors.get().pk)
    complete(draft, focal_point)
    mail.outbox.clear()
    with tasks_done():
        services.submit_application(application=draft, user=focal_point)
    assert [message.to for message in mail.outbox] == [[focal_point.email]]


def test_a_request_for_information_gives_the_city_the_message_and_the_way_back_in(
    submitted, secretary, focal_point, editor, tasks_done, run_tasks
):
    with tasks_done():
        services.request_information(application=submitted, by=secretary, message="Add the budget table.\nBy phase.")
    run_again(run_tasks, "tell_information_requested")
    [message] = inbox(editor)
    assert message.subject == 'The secretariat asks for more information on "Flood sensors for underpasses"'
    assert "Add the budget table.\nBy phase." in message.body
    assert "Add the budget table.<br>By phase." in html_of(message)
    assert "as soon as you can" in message.body
    assert len(inbox(focal_point)) == 1 and links(inbox(focal_point)[0]) == [application_link(submitted, "fr")]
    opens_for(editor, links(message)[0])


def test_an_application_screened_out_tells_the_city_why(submitted, secretary, focal_point, tasks_done, run_tasks):
    with tasks_done():
        services.screen(application=submitted, by=secretary, eligible=False, reason="Lisbon's region only.")
    run_again(run_tasks, "tell_screened_out")
    [message] = inbox(focal_point)
    assert "Lisbon's region only." in message.body and "Lisbon&#x27;s region only." in html_of(message)
    assert links(message) == [application_link(submitted, "fr")]
    opens_for(focal_point, links(message)[0])


def test_found_eligible_the_city_hears_nothing_yet(submitted, secretary, tasks_done):
    with tasks_done():
        services.screen(application=submitted, by=secretary, eligible=True)
    assert mail.outbox == []


# --- Reviews and the decision -------------------------------------------------------------------------------


def test_a_reviewer_is_asked_once_with_the_link_to_their_review(
    in_review, secretary, reviewer, focal_point, tasks_done, run_tasks
):
    with tasks_done():
        assignment = services.assign_reviewer(application=in_review, by=secretary, reviewer=reviewer)
    run_again(run_tasks, "tell_reviewer_assigned")
    [message] = inbox(reviewer)
    assert message.subject == 'Please review the application "Flood sensors for underpasses" from Seoul'
    assert "within two weeks" in message.body
    assert links(message) == [f"{SITE}/consultations/reviews/{assignment.pk}/"]
    assert inbox(focal_point) == [] and inbox(secretary) == []
    opens_for(reviewer, links(message)[0])


def test_a_reviewer_who_stepped_back_before_the_worker_ran_is_not_asked(in_review, secretary, reviewer, tasks_done):
    with tasks_done():
        assignment = services.assign_reviewer(application=in_review, by=secretary, reviewer=reviewer)
        services.declare_conflict(assignment=assignment, user=reviewer, note="I advised Seoul on this.")
    assert inbox(reviewer) == []


@pytest.mark.parametrize(
    ("outcome", "words"),
    [
        (Application.Status.AWARDED, "was selected. The secretariat will contact you"),
        (Application.Status.WAITING_LIST, "is on the waiting list"),
        (Application.Status.DECLINED, "was not selected this time"),
    ],
)
def test_the_decision_tells_the_city_in_plain_words_with_the_secretariats_message_verbatim(
    in_review, secretary, focal_point, editor, reviewer, tasks_done, run_tasks, outcome, words
):
    message_to_city = "Congratulations & thank you.\n\nThe panel liked the <sensor> plan."
    with tasks_done():
        services.determine(application=in_review, by=secretary, outcome=outcome, message=message_to_city)
    run_again(run_tasks, "tell_determination")
    [message] = inbox(editor)
    assert message.subject == 'Decision on the application "Flood sensors for underpasses"'
    assert words in message.body
    assert message_to_city in message.body
    assert "Congratulations &amp; thank you.<br><br>The panel liked the &lt;sensor&gt; plan." in html_of(message)
    assert links(message) == [application_link(in_review)]
    assert len(inbox(focal_point)) == 1 and inbox(reviewer) == []
    opens_for(editor, links(message)[0])


def test_a_decision_changed_before_the_worker_ran_is_told_once_as_it_stands(
    in_review, secretary, focal_point, tasks_done
):
    with tasks_done():
        services.determine(application=in_review, by=secretary, outcome="waiting_list", message="Wait, please.")
        services.determine(application=in_review, by=secretary, outcome="awarded", message="Selected after all.")
    [message] = inbox(focal_point)
    assert "Selected after all." in message.body and "Wait, please." not in message.body


def test_a_decision_on_an_application_withdrawn_meanwhile_sends_nothing(
    in_review, secretary, focal_point, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.determine(application=in_review, by=secretary, outcome="awarded", message="Selected.")
    Application.objects.filter(pk=in_review.pk).update(status=Application.Status.WITHDRAWN)
    run_tasks()
    assert mail.outbox == []


# --- Projects -----------------------------------------------------------------------------------------------


@pytest.fixture
def awarded(in_review, secretary):
    return services.determine(application=in_review, by=secretary, outcome="awarded", message="Selected.")


def start(application, secretary, consultant):
    today = timezone.localdate()
    due = {kind: today + dt.timedelta(days=30 * (n + 1)) for n, kind in enumerate(Milestone.ORDER)}
    return services.start_project(application=application, by=secretary, consultants=[consultant], due_dates=due)


def test_a_project_start_tells_the_consultants_and_the_city_with_the_milestones(
    awarded, secretary, consultant, focal_point, editor, tasks_done, run_tasks
):
    mail.outbox.clear()
    with tasks_done():
        project = start(awarded, secretary, consultant)
    run_again(run_tasks, "tell_project_started")
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([consultant.email, focal_point.email, editor.email])
    [message] = inbox(consultant)
    assert message.subject == 'The project "Flood sensors for underpasses" has started'
    assert "Consultants: Daniela Ortiz" in message.body
    inception = project.milestones.get(kind=Milestone.Kind.INCEPTION).due_on
    assert f"Inception, due {formats.date_format(inception, 'DATE_FORMAT')}" in message.body
    assert links(message) == [f"{SITE}/consultations/projects/{project.pk}/"]
    assert links(inbox(focal_point)[0]) == [f"{SITE}/fr/consultations/projects/{project.pk}/"]
    opens_for(consultant, links(message)[0])
    opens_for(editor, links(inbox(editor)[0])[0])


def test_a_completed_project_tells_the_city_and_the_secretariat_that_a_draft_case_waits(
    site_tree, awarded, secretary, consultant, focal_point, tasks_done, run_tasks
):
    from cases import review

    review.ensure_review_workflow(site_tree["cases"])
    project = start(awarded, secretary, consultant)
    for milestone in project.milestones.all():
        report = SimpleUploadedFile("final.pdf", b"%PDF-1.4 report") if milestone.kind == "final_report" else None
        services.complete_milestone(milestone=milestone, user=consultant, deliverable=report)
    mail.outbox.clear()
    with tasks_done():
        services.complete_project(project=project, by=consultant)
    run_again(run_tasks, "tell_project_completed")
    subject = 'The project "%(title)s" is complete'
    [to_secretariat] = [m for m in inbox(secretary) if m.subject == subject % {"title": awarded.title}]
    assert "waits for the sign-off of the focal point of Seoul" in to_secretariat.body
    assert links(to_secretariat) == [f"{SITE}/consultations/projects/{project.pk}/"]
    french = said("fr", subject, title=awarded.title)
    assert len([m for m in inbox(focal_point) if m.subject == french]) == 1
    assert not [m for m in inbox(consultant) if "is complete" in m.subject]
    opens_for(secretary, links(to_secretariat)[0])


# --- Reminders ----------------------------------------------------------------------------------------------


def closes_in(call, delta):
    call.closes_at = timezone.now() + delta
    call.save()


def remind():
    call_command("send_consultation_reminders", stdout=io.StringIO())


def test_cities_with_a_draft_hear_a_week_and_a_day_before_the_deadline_once_each(
    draft, open_call, focal_point, editor, other_staff, lisbon_focal_point, run_tasks
):
    lisbon_draft = services.start_application(call=open_call, user=lisbon_focal_point, title="Lisbon's plan")
    complete(lisbon_draft, lisbon_focal_point)
    services.submit_application(application=lisbon_draft, user=lisbon_focal_point)  # submitted: no reminder
    run_tasks()
    mail.outbox.clear()

    remind()  # closes in 20 days: nothing yet
    run_tasks()
    assert mail.outbox == []

    closes_in(open_call, dt.timedelta(days=6, hours=23))
    remind()
    remind()  # the daily job runs twice (a retry, two schedulers): each reminder goes once
    run_tasks()
    assert sorted(message.to[0] for message in mail.outbox) == sorted([focal_point.email, editor.email])
    [week] = inbox(editor)
    assert week.subject == 'The call "Open call" closes within 7 days'
    assert links(week) == [application_link(draft)]
    assert "(Asia/Seoul)" in week.body
    with translation.override("fr"):
        french = translation.ngettext(
            'The call "%(call)s" closes within a day', 'The call "%(call)s" closes within %(days)s days', 7
        ) % {"call": "Open call", "days": 7}
    assert inbox(focal_point)[0].subject == french != week.subject
    assert Application.objects.get(pk=draft.pk).reminded_for == "7"
    opens_for(editor, links(week)[0])

    closes_in(open_call, dt.timedelta(hours=20))
    remind()
    remind()
    run_tasks()
    assert [message.subject for message in inbox(editor)][1:] == ['The call "Open call" closes within a day']
    assert len(inbox(focal_point)) == 2
    assert Application.objects.get(pk=draft.pk).reminded_for == "7,1"
    assert inbox(other_staff) == inbox(lisbon_focal_point) == []

    closes_in(open_call, -dt.timedelta(hours=1))  # closed: nothing more, ever
    Application.objects.filter(pk=draft.pk).update(reminded_for="")
    remind()
    run_tasks()
    assert len(mail.outbox) == 4


def test_a_draft_started_a_day_before_the_deadline_hears_once_of_the_nearer_one(
    draft, open_call, focal_point, run_tasks
):
    closes_in(open_call, dt.timedelta(hours=10))
    assert emails.deadline_reminders() == 1
    assert emails.deadline_reminders() == 0
    run_tasks()
    [message] = inbox(focal_point)
    assert message.subject == said("fr", 'The call "%(call)s" closes within a day', call="Open call")
    assert Application.objects.get(pk=draft.pk).reminded_for == "7,1"


def test_reviewers_hear_once_a_week_while_their_review_is_open(
    in_review, secretary, reviewer, second_reviewer, run_tasks, capsys
):
    late = services.assign_reviewer(application=in_review, by=secretary, reviewer=reviewer)
    done = services.assign_reviewer(application=in_review, by=secretary, reviewer=second_reviewer)
    scores = {criterion.pk: (4, "") for criterion in in_review.call.criteria.all()}
    services.submit_review(assignment=done, user=second_reviewer, scores=scores)
    run_tasks()
    mail.outbox.clear()

    remind()  # assigned today: nothing yet
    run_tasks()
    assert mail.outbox == []

    eight_days_ago = timezone.now() - dt.timedelta(days=8)
    Assignment.objects.update(assigned_at=eight_days_ago)
    call_command("send_consultation_reminders")
    remind()
    run_tasks()
    assert "0 deadline reminder(s) to cities and 1 reminder(s) to reviewers" in capsys.readouterr().out
    [message] = inbox(reviewer)
    assert message.subject == 'Reminder: your review of "Flood sensors for underpasses"'
    assert links(message) == [f"{SITE}/consultations/reviews/{late.pk}/"]
    assert inbox(second_reviewer) == []
    opens_for(reviewer, links(message)[0])

    Assignment.objects.filter(pk=late.pk).update(reminded_at=timezone.now() - dt.timedelta(days=6))
    remind()
    run_tasks()
    assert len(inbox(reviewer)) == 1  # reminded 6 days ago: not yet
    Assignment.objects.filter(pk=late.pk).update(reminded_at=eight_days_ago)
    remind()
    remind()
    run_tasks()
    assert len(inbox(reviewer)) == 2  # a week later: once more

    Assignment.objects.filter(pk=late.pk).update(reminded_at=eight_days_ago)
    services.declare_conflict(assignment=late, user=reviewer, note="I know the team.")
    remind()
    run_tasks()
    assert len(inbox(reviewer)) == 2  # stepped back: no more
