"""The secretariat reaches each event's registration desk from the events listing in the admin, in one click."""

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone


def desk_links(html):
    return re.findall(r'href="(/admin/events/\d+/registrations/)"', html)


def test_the_events_listing_links_to_each_events_registration_desk(admin_client, make_event, events_index):
    soon = make_event(title="Smart water forum")
    past = make_event(title="Open data day", start=timezone.now() - dt.timedelta(days=40))
    later = make_event(title="Mobility webinar", start=timezone.now() + dt.timedelta(days=90))

    listing = admin_client.get(reverse("wagtailadmin_explore", args=[events_index.id]))

    assert listing.status_code == 200
    html = listing.content.decode()
    expected = {reverse("events_registrations", args=[event.id]) for event in (soon, past, later)}
    assert set(desk_links(html)) == expected
    assert 'aria-label="Registrations for “Smart water forum”"' in html


def test_pages_that_are_not_events_get_no_desk_link(admin_client, events_index):
    home_listing = admin_client.get(reverse("wagtailadmin_explore", args=[events_index.get_parent().id]))
    assert home_listing.status_code == 200
    assert desk_links(home_listing.content.decode()) == []
