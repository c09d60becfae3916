"""Our emails: the plain text is plain (nothing HTML-escaped); the HTML part is escaped."""

import pytest
from django.core import mail

from members import emails
from members.models import Membership
from tests.background import run_ready_tasks
from tests.factories import OrganisationFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def test_a_name_with_an_apostrophe_reads_right_in_the_text_and_is_escaped_in_the_html():
    city = OrganisationFactory(name="Città d'Acqua")
    make_member(city, role="focal_point", email="focal@acqua.example")
    person = UserFactory(first_name="Seán", last_name="O'Brien <b>")
    emails.request_received(Membership.objects.create(user=person, organisation=city))
    run_ready_tasks()
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert message.subject == "Seán O'Brien <b> asks to join Città d'Acqua"
    assert "Seán O'Brien <b>" in message.body
    assert "&#x27;" not in message.body and "&lt;" not in message.body
    assert "O&#x27;Brien &lt;b&gt;" in html


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_an_email_reads_in_the_direction_of_its_language(language, direction):
    """Arabic mail programs lay a message out right to left only when the HTML says so."""
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override(language):
        html = render_to_string("members/email/_layout.html", {"site_name": "WeGo Hub"})
    assert f'<html lang="{language}" dir="{direction}">' in html
