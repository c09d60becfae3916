"""Messages through the hub: only members send, only to a published profile or the contact of a case or a toolkit,
chosen by the page; no address shown; an email through the outbox; rate limits; reports and blocks; data export and
deletion."""

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community import services
from community.messaging_errors import Blocked, MembersOnly, NoSuchRecipient, TooManyConversations
from community.models import Block, Conversation, ConversationReport, Message, PeerProfile
from members.personal_data import delete_account, export_personal_data
from tests.factories import CasePageFactory, OrganisationFactory, ToolkitPageFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def published_profile(user):
    return PeerProfile.objects.create(user=user, is_published=True)


@pytest.fixture
def people():
    sender = make_member(OrganisationFactory(name="City of Sender"), first_name="Sam", email="sam@sender.example")
    recipient = make_member(OrganisationFactory(name="City of Rita"), first_name="Rita", email="rita@rita.example")
    return sender, recipient, published_profile(recipient)


def write(client, profile, subject="Open data portal", body="How did you start?"):
    return client.post("/community/messages/new/", {"profile": str(profile.pk), "subject": subject, "body": body})


def test_a_member_writes_to_a_profile_the_recipient_gets_an_email_and_answers(client, people, tasks_done):
    sender, recipient, profile = people
    client.force_login(sender)
    mail.outbox.clear()
    with tasks_done():
        response = write(client, profile)
    conversation = Conversation.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/community/messages/{conversation.pk}/"
    assert (conversation.starter, conversation.recipient) == (sender, recipient)
    [email] = mail.outbox
    assert email.to == [recipient.email]
    assert "How did you start?" in email.body and "City of Sender" in email.body
    assert f"/community/messages/{conversation.pk}/" in email.body
    assert sender.email not in email.body and sender.email not in email.alternatives[0][0]
    assert email.reply_to == [] and sender.email not in str(email.from_email)

    client.force_login(recipient)
    page = client.get("/community/messages/").content.decode()
    assert "Open data portal" in page and "new" in page
    page = client.get(f"/community/messages/{conversation.pk}/").content.decode()
    assert "How did you start?" in page and sender.email not in page
    mail.outbox.clear()
    with tasks_done():
        client.post(f"/community/messages/{conversation.pk}/", {"body": "With a small team."})
    [answer] = mail.outbox
    assert answer.to == [sender.email] and "With a small team." in answer.body and recipient.email not in answer.body

    client.force_login(sender)
    page = client.get(f"/community/messages/{conversation.pk}/").content.decode()
    assert "With a small team." in page and recipient.email not in page


def test_the_notice_is_written_once_when_the_task_runs_twice(people, run_tasks, django_capture_on_commit_callbacks):
    from community.messaging_tasks import send_message_notice

    sender, _recipient, profile = people
    with django_capture_on_commit_callbacks(execute=True):
        conversation = services.start_conversation(sender=sender, profile_id=profile.pk, subject="Hi", body="Hello")
    message = Message.objects.get(conversation=conversation)
    with django_capture_on_commit_callbacks(execute=True):
        send_message_notice.enqueue(message_id=message.pk)  # a second job for the same message
    mail.outbox.clear()
    run_tasks()
    assert len(mail.outbox) == 1


def test_the_notice_is_in_the_recipients_language(people, tasks_done, client):
    sender, recipient, profile = people
    recipient.preferred_language = "fr"
    recipient.save()
    client.force_login(sender)
    mail.outbox.clear()
    with tasks_done():
        write(client, profile)
    [email] = mail.outbox
    assert "/fr/community/messages/" in email.body


def test_a_non_member_cannot_send(client, people):
    _sender, _recipient, profile = people
    outsider = UserFactory()
    client.force_login(outsider)
    assert write(client, profile).status_code == 403
    with pytest.raises(MembersOnly):
        services.start_conversation(sender=outsider, profile_id=profile.pk, subject="Hi", body="Hi")
    assert not Conversation.objects.exists()


def test_a_visitor_is_sent_to_sign_in(client, people):
    _sender, _recipient, profile = people
    response = write(client, profile)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Conversation.objects.exists()


@pytest.mark.parametrize("forged", ["999999", "²", "0", "9" * 40, "rita@rita.example", ""])
def test_a_forged_profile_id_is_refused(client, people, forged):
    sender, _recipient, _profile = people
    client.force_login(sender)
    response = client.post("/community/messages/new/", {"profile": forged, "subject": "x", "body": "x"})
    assert response.status_code in (400, 404)
    assert not Conversation.objects.exists()


def test_an_unpublished_profile_or_a_free_address_cannot_be_written_to(client, people):
    sender, _recipient, profile = people
    profile.is_published = False
    profile.save()
    client.force_login(sender)
    assert write(client, profile).status_code == 404
    response = client.post(
        "/community/messages/new/",
        {"email": "anyone@example.org", "to": "anyone@example.org", "subject": "x", "body": "x"},
    )
    assert response.status_code == 400
    with pytest.raises(NoSuchRecipient):
        services.start_conversation(sender=sender, profile_id=profile.pk, subject="x", body="x")
    assert not Conversation.objects.exists()


def test_only_the_two_people_read_a_conversation(client, people):
    sender, _recipient, profile = people
    conversation = services.start_conversation(sender=sender, profile_id=profile.pk, subject="Hi", body="Secret")
    client.force_login(make_member(OrganisationFactory()))
    assert client.get(f"/community/messages/{conversation.pk}/").status_code == 404
    assert client.post(f"/community/messages/{conversation.pk}/", {"body": "me too"}).status_code == 404
    assert client.post(f"/community/messages/{conversation.pk}/report/", {"reason": "x"}).status_code == 404
    assert client.get("/community/messages/²/").status_code == 404
    assert Message.objects.count() == 1


def test_new_conversations_are_rate_limited_per_sender(client, people):
    sender, _recipient, _profile = people
    profiles = [published_profile(make_member(OrganisationFactory())) for _ in range(6)]
    client.force_login(sender)
    for peer in profiles[:5]:
        assert write(client, peer).status_code == 302
    response = write(client, profiles[5])
    assert response.status_code == 429
    assert "wait a while" in response.content.decode()
    assert Conversation.objects.count() == 5
    # An hour later the hourly limit is free again, but the daily one counts on.
    Conversation.objects.update(created_at=timezone.now() - dt.timedelta(hours=2))
    assert write(client, profiles[5]).status_code == 302
    Conversation.objects.update(created_at=timezone.now() - dt.timedelta(hours=2))
    more = [published_profile(make_member(OrganisationFactory())) for _ in range(14)]
    for index, peer in enumerate(more):
        if index % 4 == 0:
            Conversation.objects.update(created_at=timezone.now() - dt.timedelta(hours=2))
        services.start_conversation(sender=sender, profile_id=peer.pk, subject="x", body="x")
    assert Conversation.objects.count() == 20
    Conversation.objects.update(created_at=timezone.now() - dt.timedelta(hours=2))
    with pytest.raises(TooManyConversations):
        services.start_conversation(sender=sender, profile_id=profiles[0].pk, subject="x", body="x")


def test_the_recipient_reports_and_blocks_the_sender(client, people):
    sender, recipient, profile = people
    conversation = services.start_conversation(sender=sender, profile_id=profile.pk, subject="Buy now", body="Spam")
    client.force_login(recipient)
    page = client.get(f"/community/messages/{conversation.pk}/").content.decode()
    assert "Report this conversation" in page
    response = client.post(f"/community/messages/{conversation.pk}/report/", {"reason": "Advertising", "block": "on"})
    assert response.status_code == 302
    report = ConversationReport.objects.get()
    assert (report.reporter, report.sender, report.reason) == (recipient, sender, "Advertising")
    assert Block.objects.filter(blocker=recipient, blocked=sender).exists()
    with pytest.raises(Blocked):
        services.start_conversation(sender=sender, profile_id=profile.pk, subject="Again", body="Spam")
    client.force_login(sender)
    response = client.post(f"/community/messages/{conversation.pk}/", {"body": "More spam"})
    assert response.status_code == 403
    assert Message.objects.count() == 1
    # The sender cannot report or block (only the recipient may).
    client.post(f"/community/messages/{conversation.pk}/report/", {"reason": "x"})
    assert ConversationReport.objects.count() == 1


def test_the_secretariat_lists_reports_in_the_admin(admin_client, people):
    sender, recipient, profile = people
    conversation = services.start_conversation(sender=sender, profile_id=profile.pk, subject="Buy now", body="Spam")
    report = services.report_conversation(conversation=conversation, by=recipient, reason="Advert", block=False)
    listing = admin_client.get("/admin/snippets/community/conversationreport/")
    assert listing.status_code == 200 and "Advert" in listing.content.decode()
    edit = admin_client.get(f"/admin/snippets/community/conversationreport/edit/{report.pk}/")
    assert edit.status_code == 200 and "Spam" in edit.content.decode()


# --- A case's contact ----------------------------------------------------------------------------


@pytest.fixture
def case(site_tree):
    return CasePageFactory(
        parent=site_tree["cases"], title="Smart bins", contact_name="Ola Contact", contact_email="Ola@City.example"
    )


def test_the_case_page_offers_to_write_through_the_hub_and_no_longer_shows_the_address(client, case):
    page = client.get(case.url).content.decode()
    assert f"/community/messages/new/?page={case.pk}" in page
    assert "Ola Contact" in page
    assert "ola@city.example" not in page.lower()  # neither shown nor in a mailto: link


def test_a_case_contact_with_an_account_gets_an_on_site_conversation(client, people, case, tasks_done):
    sender, _recipient, _profile = people
    contact = UserFactory(email="ola@city.example")
    client.force_login(sender)
    assert client.get(f"/community/messages/new/?page={case.pk}").status_code == 200
    mail.outbox.clear()
    with tasks_done():
        client.post("/community/messages/new/", {"page": str(case.pk), "subject": "Bins", "body": "Sensors?"})
    conversation = Conversation.objects.get()
    assert conversation.recipient == contact and conversation.page_id == case.pk and conversation.contact_email == ""
    [email] = mail.outbox
    assert email.to == ["ola@city.example"] and f"/community/messages/{conversation.pk}/" in email.body


def test_a_case_contact_without_an_account_answers_through_a_secret_link(client, people, case, tasks_done):
    sender, _recipient, _profile = people
    client.force_login(sender)
    mail.outbox.clear()
    with tasks_done():
        client.post("/community/messages/new/", {"page": str(case.pk), "subject": "Bins", "body": "Sensors?"})
    conversation = Conversation.objects.get()
    assert conversation.recipient is None and conversation.contact_email == "ola@city.example"
    [email] = mail.outbox
    assert email.to == ["ola@city.example"] and sender.email not in email.body
    link = f"/community/reply/{conversation.reply_token}/"
    assert link in email.body
    page = client.get(f"/community/messages/{conversation.pk}/").content.decode()
    assert "ola@city.example" not in page.lower()

    client.logout()
    assert "Sensors?" in client.get(link).content.decode()
    assert client.get("/community/reply/not-the-token/").status_code == 404
    mail.outbox.clear()
    with tasks_done():
        assert client.post(link, {"body": "Yes, 400 of them."}).status_code == 302
    [answer] = mail.outbox
    assert answer.to == [sender.email] and "Yes, 400 of them." in answer.body and "ola@city.example" not in answer.body


@pytest.mark.parametrize("forged", ["999999", "²", "abc"])
def test_a_forged_case_id_is_refused(client, people, case, forged):
    sender, _recipient, _profile = people
    client.force_login(sender)
    response = client.post("/community/messages/new/", {"page": forged, "subject": "x", "body": "x"})
    assert response.status_code in (400, 404)
    assert not Conversation.objects.exists()


def test_a_case_without_a_contact_or_not_live_is_refused(client, people, case, site_tree):
    sender, _recipient, _profile = people
    no_contact = CasePageFactory(parent=site_tree["cases"], contact_email="")
    case.unpublish()
    client.force_login(sender)
    for page in (no_contact, case):
        response = client.post("/community/messages/new/", {"page": str(page.pk), "subject": "x", "body": "x"})
        assert response.status_code == 404
    assert not Conversation.objects.exists()


def test_a_page_that_is_neither_a_case_nor_a_toolkit_is_refused(client, people, site_tree):
    sender, _recipient, _profile = people
    client.force_login(sender)
    for page in (site_tree["home"], site_tree["courses"]):
        response = client.post("/community/messages/new/", {"page": str(page.pk), "subject": "x", "body": "x"})
        assert response.status_code == 404
    assert not Conversation.objects.exists()


# --- A toolkit's contact -------------------------------------------------------------------------


@pytest.fixture
def toolkit(site_tree):
    return ToolkitPageFactory(
        parent=site_tree["toolkits"],
        title="Open data policy kit",
        contact_name="Open Data working group",
        contact_email="OpenData@Hamburg.example",
    )


def test_the_toolkit_page_offers_to_write_to_its_contact_without_showing_the_address(client, toolkit):
    page = client.get(toolkit.url).content.decode()
    assert "Questions about this toolkit?" in page and "Open Data working group" in page
    assert f"/community/messages/new/?page={toolkit.pk}" in page
    assert "opendata@hamburg.example" not in page.lower()


def test_a_toolkit_without_a_contact_shows_no_contact_section(client, site_tree):
    toolkit = ToolkitPageFactory(parent=site_tree["toolkits"], contact_email="")
    page = client.get(toolkit.url).content.decode()
    assert "Questions about this toolkit?" not in page and "/community/messages/new/" not in page


def test_a_toolkit_contact_without_an_account_gets_an_email_about_the_toolkit_and_answers(
    client, people, toolkit, tasks_done
):
    sender, _recipient, _profile = people
    client.force_login(sender)
    form = client.get(f"/community/messages/new/?page={toolkit.pk}").content.decode()
    assert "Write to Open Data working group" in form and "The contact for the toolkit “Open data policy kit”." in form
    assert 'value="Open data policy kit"' in form  # the subject starts as the toolkit's title
    mail.outbox.clear()
    with tasks_done():
        client.post("/community/messages/new/", {"page": str(toolkit.pk), "subject": "Licence", "body": "CC BY?"})
    conversation = Conversation.objects.get()
    assert conversation.page_id == toolkit.pk and conversation.recipient is None
    assert conversation.contact_email == "opendata@hamburg.example"
    [email] = mail.outbox
    assert email.to == ["opendata@hamburg.example"] and sender.email not in email.body
    assert "About the toolkit “Open data policy kit”" in email.body
    assert "About the toolkit “Open data policy kit”" in email.alternatives[0][0]
    page = client.get(f"/community/messages/{conversation.pk}/").content.decode()
    assert "About the toolkit “Open data policy kit”" in page and "opendata@hamburg.example" not in page.lower()

    client.logout()
    link = f"/community/reply/{conversation.reply_token}/"
    reply_page = client.get(link).content.decode()
    assert "CC BY?" in reply_page and "About the toolkit “Open data policy kit”" in reply_page
    mail.outbox.clear()
    with tasks_done():
        assert client.post(link, {"body": "Yes, CC BY 4.0."}).status_code == 302
    [answer] = mail.outbox
    assert answer.to == [sender.email] and "Yes, CC BY 4.0." in answer.body
    assert "Open Data working group" in answer.body and "opendata@hamburg.example" not in answer.body


def test_a_toolkit_contact_with_an_account_answers_on_the_site(client, people, toolkit, tasks_done):
    sender, _recipient, _profile = people
    contact = UserFactory(email="opendata@hamburg.example")
    client.force_login(sender)
    with tasks_done():
        client.post("/community/messages/new/", {"page": str(toolkit.pk), "subject": "Licence", "body": "CC BY?"})
    conversation = Conversation.objects.get()
    assert conversation.recipient == contact and conversation.contact_email == ""
    client.force_login(contact)
    page = client.get(f"/community/messages/{conversation.pk}/").content.decode()
    assert "CC BY?" in page and "About the toolkit “Open data policy kit”" in page


def test_a_toolkit_contact_is_named_in_other_languages(people, toolkit):
    from django.utils import translation

    sender, _recipient, _profile = people
    conversation = services.start_conversation(sender=sender, page_id=toolkit.pk, subject="Licence", body="CC BY?")
    with translation.override("en"):
        english = conversation.about
    with translation.override("fr"):
        french = conversation.about
    assert english == "About the toolkit “Open data policy kit”" and french != english
    assert "Open data policy kit" in french


# --- Listing, data export, deletion --------------------------------------------------------------


def test_the_inbox_query_count_does_not_grow_with_conversations(client, people, django_assert_num_queries):
    sender, _recipient, _profile = people

    def add(count):
        for _ in range(count):
            peer = published_profile(make_member(OrganisationFactory()))
            conversation = Conversation.objects.create(starter=peer.user, recipient=sender, subject="Hello")
            Message.objects.create(conversation=conversation, sender=peer.user, body="Hi")

    add(3)
    client.force_login(sender)
    client.get("/community/messages/")
    with CaptureQueriesContext(connection) as few:
        client.get("/community/messages/")
    add(15)
    with django_assert_num_queries(len(few)):
        response = client.get("/community/messages/")
    assert len(response.context["rows"]) == 18


def test_messages_are_in_my_data_and_erased_with_the_account(people):
    sender, recipient, profile = people
    conversation = services.start_conversation(sender=sender, profile_id=profile.pk, subject="Hi", body="Hello Rita")
    services.reply(conversation=conversation, sender=recipient, body="Hello Sam")
    data = export_personal_data(sender)["peers"]
    [exported] = data["conversations"]
    assert exported["with"] == str(recipient) and exported["started_by_me"]
    assert [(m["from_me"], m["text"]) for m in exported["messages"]] == [(True, "Hello Rita"), (False, "Hello Sam")]
    delete_account(user=sender)
    assert list(Message.objects.order_by("pk").values_list("body", flat=True)) == ["", "Hello Sam"]
    assert Conversation.objects.get().subject == ""
    assert "(no subject)" in str(Conversation.objects.get())
    assert EmailAddress.objects.filter(user=sender).count() == 0


def test_messages_in_a_conversation_are_limited_more_loosely(client, people):
    sender, recipient, profile = people
    conversation = services.start_conversation(sender=sender, profile_id=profile.pk, subject="Hi", body="Hello")
    Message.objects.bulk_create(Message(conversation=conversation, sender=sender, body="more") for _ in range(59))
    client.force_login(sender)
    response = client.post(f"/community/messages/{conversation.pk}/", {"body": "one too many"})
    assert response.status_code == 429 and "sent many messages" in response.content.decode()
    assert Message.objects.count() == 60
    # The other person is not limited by the sender's messages.
    client.force_login(recipient)
    assert client.post(f"/community/messages/{conversation.pk}/", {"body": "Slow down"}).status_code == 302


def test_my_hub_counts_unread_conversations(client, people):
    sender, recipient, profile = people
    services.start_conversation(sender=sender, profile_id=profile.pk, subject="Hi", body="Hello")
    client.force_login(recipient)
    assert "Messages (1 new)" in client.get("/me/").content.decode()
    client.get(f"/community/messages/{Conversation.objects.get().pk}/")
    assert "Messages (1 new)" not in client.get("/me/").content.decode()
