"""Messages between members through the hub: nobody's address is shown to anyone.

A conversation is started by a member (``starter``) with one recipient: the owner of a published profile, or the
contact of a case or a toolkit, chosen by that page. A contact who has an account is that account (``recipient``); one
who has none is written to by email (``contact_email``, never shown) and answers through a secret link
(``reply_token``).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, Panel

from community import contact_pages


def new_reply_token():
    return secrets.token_urlsafe(32)


class ConversationQuerySet(models.QuerySet):
    def of(self, user):
        """The conversations ``user`` takes part in."""
        return self.filter(Q(starter=user) | Q(recipient=user))


class Conversation(models.Model):
    starter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.CASCADE, related_name="+"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The case or toolkit whose contact was written to (community.contact_pages).
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("about"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A contact without an account: where the hub writes to them. Never shown on a page.
    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    reply_token = models.CharField(max_length=64, unique=True, default=new_reply_token, editable=False)
    subject = models.CharField(_("subject"), max_length=150)
    created_at = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    last_message_at = models.DateTimeField(_("last message"), default=timezone.now)
    starter_read_at = models.DateTimeField(null=True, blank=True)
    recipient_read_at = models.DateTimeField(null=True, blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        indexes = [models.Index(fields=["starter", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(recipient__isnull=False) | ~Q(contact_email=""), name="conversation_has_a_recipient"
            )
        ]

    def __str__(self):
        return self.subject or str(_("(no subject)"))

    def other_party_name(self, user):
        if user.pk == self.starter_id:
            return str(self.recipient) if self.recipient_id else self.contact_label
        return str(self.starter)

    @property
    def contact_label(self):
        """How the contact without an account is named: their name, or "The case's contact" (or the toolkit's)."""
        return self.contact_name or contact_pages.default_contact_name(self.page)

    @property
    def about(self):
        """ "About the case “…”" (or the toolkit), or "" for a conversation between two members."""
        return contact_pages.about(self.page)

    def takes_part(self, user):
        return user.pk in (self.starter_id, self.recipient_id)

    def is_unread_for(self, user):
        read = self.starter_read_at if user.pk == self.starter_id else self.recipient_read_at
        return read is None or read < self.last_message_at


class Message(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    # None: written by the contact without an account, through the reply link.
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    notified_at = models.DateTimeField(null=True, blank=True)  # the recipient's email is written (once)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.conversation}: {self.created_at:%Y-%m-%d %H:%M}"


class Block(models.Model):
    """``blocker`` receives nothing more from ``blocked``: no new conversation, no message in an existing one."""

    blocker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("block")
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="one_block_per_pair")]

    def __str__(self):
        return f"{self.blocker} → {self.blocked}"


class ThreadPanel(Panel):
    """The reported conversation's messages, for the secretariat to read in the admin."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "community/admin/thread_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            report = self.instance
            context["thread"] = list(report.conversation.messages.select_related("sender")) if report.pk else []
            context["conversation"] = report.conversation if report.pk else None
            return context


class ConversationReport(models.Model):
    """A recipient tells the secretariat a conversation is unwanted or abusive (the admin lists them)."""

    conversation = models.ForeignKey(
        Conversation, verbose_name=_("conversation"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    handled = models.BooleanField(_("handled"), default=False)
    secretariat_note = models.TextField(_("secretariat's note"), blank=True)

    panels = [
        FieldPanel("reporter", read_only=True),
        FieldPanel("reason", read_only=True),
        ThreadPanel(heading=_("The conversation")),
        FieldPanel("handled"),
        FieldPanel("secretariat_note"),
    ]

    class Meta:
        verbose_name = _("reported conversation")
        verbose_name_plural = _("reported conversations")
        ordering = ["handled", "-created_at"]

    def __str__(self):
        return f"{self.conversation} ({self.created_at:%Y-%m-%d})"

    @property
    def sender(self):
        return self.conversation.starter
