"""What can go wrong when a member writes through the hub; views show these messages as they are."""

from django.utils.translation import gettext_lazy as _

from core.exceptions import UserFacingError


class MessagingError(UserFacingError):
    pass


class MembersOnly(MessagingError):
    message = _("Only staff of member cities whose membership is approved can send messages through WeGo Hub.")
    status = 403


class NoSuchRecipient(MessagingError):
    message = _("This person or case contact cannot be written to through WeGo Hub.")
    status = 404


class NotYourself(MessagingError):
    message = _("This is your own profile: you cannot write to yourself.")


class Blocked(MessagingError):
    message = _("This person does not accept messages from you.")
    status = 403


class TooManyConversations(MessagingError):
    message = _(
        "You have started many conversations recently. To keep WeGo Hub free of unwanted messages, please wait a "
        "while (an hour at most) before you write to someone new."
    )
    status = 429


class TooManyMessages(MessagingError):
    message = _("You have sent many messages in the last hour. Please wait a while before you send more.")
    status = 429


class NotInConversation(MessagingError):
    message = _("This conversation is not yours.")
    status = 404
