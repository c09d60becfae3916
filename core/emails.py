"""Plain-text and HTML emails from templates, in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from .public_url import absolute_url  # noqa: F401 (where the apps' emails have always imported it from)


def send_templated_email(template_prefix, *, to, context, language=None, attachments=()):
    """Render ``<prefix>_subject.txt``, ``<prefix>_body.txt`` and ``<prefix>_body.html`` and send them.

    ``attachments`` are (filename, content, mimetype) triples, e.g. an .ics invitation.
    """
    recipients = [address for address in to if address]
    if not recipients:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context, using="text").split())
        text = render_to_string(f"{template_prefix}_body.txt", context, using="text")
        html = render_to_string(f"{template_prefix}_body.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, recipients)
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()
