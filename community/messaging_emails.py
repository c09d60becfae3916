"""The message notice: the text, who wrote it, and a link to answer on the hub. No address of the sender in it, and
the email comes from the hub's own address."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.emails import absolute_url, send_templated_email
from members.models import Membership


def _city_of(user):
    membership = Membership.objects.select_related("organisation").filter(user=user).first()
    return membership.organisation.name if membership else ""


def message_notice(message):
    conversation = message.conversation
    from_starter = message.sender_id is not None and message.sender_id == conversation.starter_id
    if from_starter and conversation.recipient_id is None:
        # To a contact without an account: their secret link, in the language of the case or toolkit.
        to, language = conversation.contact_email, _page_language(conversation)
        path = reverse("community:contact_reply", kwargs={"token": conversation.reply_token})
    else:
        person = conversation.recipient if from_starter else conversation.starter
        if not person.is_active:  # a deleted account: nobody to tell
            return
        to, language = person.email, person.preferred_language
        path = reverse("community:conversation", kwargs={"conversation_id": conversation.pk})
    with translation.override(language or settings.LANGUAGE_CODE):
        if message.sender_id is None:
            sender_name = conversation.contact_label
            city = ""
        else:
            sender_name, city = str(message.sender), _city_of(message.sender)
        send_templated_email(
            "community/email/message_notice",
            to=[to],
            language=language,
            context={
                "subject": _("New message from %(name)s: %(subject)s")
                % {"name": sender_name, "subject": conversation.subject},
                "sender_name": sender_name,
                "city": city,
                "conversation_subject": conversation.subject,
                "about": conversation.about,
                "body": message.body,
                "reply_url": absolute_url(path),
                "to_contact": from_starter and conversation.recipient_id is None,
            },
        )


def _page_language(conversation):
    page = conversation.page
    if page is None:
        return settings.LANGUAGE_CODE
    return page.locale.language_code
