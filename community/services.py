"""Writes of the peers feature: a member's profile, conversations, replies, blocks and reports.

Every caller (views, tests) goes through these functions. Each runs in a transaction, checks who may do what, and
asks for the recipient's email (``messaging_tasks.send_message_notice``) once the message is committed.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from core.tasks import enqueue_on_commit
from members.models import User
from members.services import qualifies_as_member

from . import contact_pages, messaging_tasks
from .messaging_errors import (
    Blocked,
    MembersOnly,
    NoSuchRecipient,
    NotInConversation,
    NotYourself,
    TooManyConversations,
    TooManyMessages,
)
from .models import Block, Conversation, ConversationReport, Message, PeerProfile

# New conversations a member may start: at most 5 in any hour and 20 in any day. Messages inside conversations are
# limited more loosely. Counted from the rows themselves, so every worker and process sees the same figure.
NEW_CONVERSATION_LIMITS = ((timedelta(hours=1), 5), (timedelta(days=1), 20))
MESSAGE_LIMITS = ((timedelta(hours=1), 60),)


# --- Profiles ------------------------------------------------------------------------------------


def profile_of(user):
    """The person's profile, unsaved and unpublished when they have none yet."""
    return PeerProfile.objects.filter(user=user).first() or PeerProfile(user=user)


def save_profile(
    *,
    user: User,
    published: bool,
    job_title: str,
    department: str,
    topics,
    languages: list[str],
    bio: str,
) -> PeerProfile:
    """Save what the person shows other members. Job title and department are the account's (also on /me/)."""
    with transaction.atomic():
        profile = PeerProfile.objects.select_for_update().filter(user=user).first() or PeerProfile(user=user)
        profile.is_published = published
        profile.language_codes = list(dict.fromkeys(languages))
        profile.bio = bio.strip()
        profile.updated_at = timezone.now()
        profile.save()
        profile.topics.set(topics)
        user.job_title, user.department = job_title.strip(), department.strip()
        user.save(update_fields=["job_title", "department"])
    return profile


# --- Who a member may write to -------------------------------------------------------------------


def writable_profile(profile_id):
    """A published profile a member may write to, by id, or NoSuchRecipient (unknown, unpublished, not a member)."""
    profile = PeerProfile.objects.visible().select_related("user").filter(pk=profile_id).first()
    if profile is None:
        raise NoSuchRecipient
    return profile


def writable_page(page_id):
    """A live, public case or toolkit with a contact, by id, or NoSuchRecipient."""
    page = contact_pages.writable_page(page_id)
    if page is None:
        raise NoSuchRecipient
    return page


def contact_account(page):
    """The active account that holds the page's contact address as a verified address, or None."""
    address = (
        EmailAddress.objects.filter(email__iexact=page.contact_email, verified=True, user__is_active=True)
        .select_related("user")
        .first()
    )
    return address.user if address else None


def _check_limits(queryset, limits, error):
    now = timezone.now()
    for window, most in limits:
        if queryset.filter(created_at__gte=now - window).count() >= most:
            raise error


def _is_blocked(*, sender, recipient):
    return recipient is not None and Block.objects.filter(blocker=recipient, blocked=sender).exists()


# --- Conversations -------------------------------------------------------------------------------


def start_conversation(
    *, sender: User, subject: str, body: str, profile_id: int | None = None, page_id: int | None = None
) -> Conversation:
    """A member writes to a published profile's owner or to the contact of a case or a toolkit (chosen by the page,
    never by an address). The recipient sees the sender's name and city, never an address; neither does the sender."""
    if not qualifies_as_member(sender):
        raise MembersOnly
    page = None
    contact_name = contact_email = ""
    if profile_id is not None:
        recipient = writable_profile(profile_id).user
    elif page_id is not None:
        page = writable_page(page_id)
        recipient = contact_account(page)
        if recipient is None:
            contact_name, contact_email = page.contact_name, page.contact_email.strip().lower()
    else:
        raise NoSuchRecipient
    if recipient is not None and recipient.pk == sender.pk:
        raise NotYourself
    if _is_blocked(sender=sender, recipient=recipient):
        raise Blocked
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=sender.pk).first()  # one count at a time per sender
        _check_limits(Conversation.objects.filter(starter=sender), NEW_CONVERSATION_LIMITS, TooManyConversations)
        now = timezone.now()
        conversation = Conversation.objects.create(
            starter=sender,
            recipient=recipient,
            page=page,
            contact_name=contact_name,
            contact_email=contact_email,
            subject=subject.strip(),
            created_at=now,
            last_message_at=now,
            starter_read_at=now,
        )
        message = Message.objects.create(conversation=conversation, sender=sender, body=body.strip(), created_at=now)
        enqueue_on_commit(messaging_tasks.send_message_notice, message_id=message.pk)
    return conversation


def conversation_for(user, conversation_id):
    """One of the person's conversations, or NotInConversation (another's, or none: the same answer)."""
    conversation = (
        Conversation.objects.of(user).select_related("starter", "recipient", "page").filter(pk=conversation_id).first()
    )
    if conversation is None:
        raise NotInConversation
    return conversation


def reply(*, conversation: Conversation, sender: User, body: str) -> Message:
    """An answer in a conversation by one of its two people."""
    if not conversation.takes_part(sender):
        raise NotInConversation
    other = conversation.recipient if sender.pk == conversation.starter_id else conversation.starter
    if _is_blocked(sender=sender, recipient=other):
        raise Blocked
    return _add_message(conversation=conversation, sender=sender, body=body)


def reply_as_contact(*, conversation: Conversation, body: str) -> Message:
    """The answer of a contact without an account, through the secret link of their email."""
    if conversation.recipient_id is not None or not conversation.contact_email:
        raise NotInConversation
    return _add_message(conversation=conversation, sender=None, body=body)


def _add_message(*, conversation, sender, body):
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if sender is not None:
            _check_limits(Message.objects.filter(sender=sender), MESSAGE_LIMITS, TooManyMessages)
        else:
            from_contact = Message.objects.filter(conversation=conversation, sender=None)
            _check_limits(from_contact, MESSAGE_LIMITS, TooManyMessages)
        now = timezone.now()
        message = Message.objects.create(conversation=conversation, sender=sender, body=body.strip(), created_at=now)
        conversation.last_message_at = now
        fields = ["last_message_at"]
        if sender is not None:
            read_field = "starter_read_at" if sender.pk == conversation.starter_id else "recipient_read_at"
            setattr(conversation, read_field, now)
            fields.append(read_field)
        conversation.save(update_fields=fields)
        enqueue_on_commit(messaging_tasks.send_message_notice, message_id=message.pk)
    return message


def mark_read(*, conversation: Conversation, user: User):
    field = "starter_read_at" if user.pk == conversation.starter_id else "recipient_read_at"
    if conversation.is_unread_for(user):
        Conversation.objects.filter(pk=conversation.pk).update(**{field: timezone.now()})


# --- Blocking and reporting ----------------------------------------------------------------------


def block_sender(*, conversation: Conversation, by: User) -> Block:
    """The recipient of a conversation blocks the member who started it: nothing more from them."""
    if conversation.recipient_id != by.pk:
        raise NotInConversation
    block, _created = Block.objects.get_or_create(blocker=by, blocked_id=conversation.starter_id)
    return block


def unblock(*, blocker: User, blocked_id: int):
    Block.objects.filter(blocker=blocker, blocked_id=blocked_id).delete()


def report_conversation(*, conversation: Conversation, by: User, reason: str, block: bool) -> ConversationReport:
    """The recipient reports a conversation to the secretariat (Messages → Reported conversations in the admin),
    and may block its sender at the same time."""
    if conversation.recipient_id != by.pk:
        raise NotInConversation
    with transaction.atomic():
        report = ConversationReport.objects.create(conversation=conversation, reporter=by, reason=reason.strip())
        if block:
            block_sender(conversation=conversation, by=by)
    return report
