"""Plain-text and HTML emails from templates, in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page

from .i18n import path_in_language
from .public_url import absolute_url, public_url  # noqa: F401 (absolute_url: where the apps' emails import it from)


def in_language(context, language):
    """``context`` with every link to our pages moved into ``language`` ("…/events/x/" → "…/fr/events/x/") and every
    page given as its translation in ``language`` where there is one (call it with ``language`` active): the
    recipient reads the title and lands on the page in the language the email is written in."""
    base = public_url()

    def moved(value):
        if isinstance(value, str) and value.startswith(base + "/"):
            return base + path_in_language(value[len(base) :], language)
        if isinstance(value, Page):
            return value.localized
        return value

    return {key: moved(value) for key, value in context.items()}


def send_templated_email(template_prefix, *, to, context, language=None, attachments=()):
    """Render ``<prefix>_subject.txt``, ``<prefix>_body.txt`` and ``<prefix>_body.html`` and send them.

    ``attachments`` are (filename, content, mimetype) triples, e.g. an .ics invitation.
    """
    recipients = [address for address in to if address]
    if not recipients:
        return
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **in_language(context, language)}
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context, using="text").split())
        text = render_to_string(f"{template_prefix}_body.txt", context, using="text")
        html = render_to_string(f"{template_prefix}_body.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, recipients)
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()
