from django.utils import formats
from django.utils.translation import gettext as _
from wagtail import hooks

from core.countries import country_name
from core.sections import Section, page_cards

from . import demo, selectors


def event_facts(event):
    where = ", ".join(filter(None, [event.city, country_name(event.country) if event.country else ""]))
    return (formats.date_format(event.local_start, "DATE_FORMAT"), where or event.get_format_display())


@hooks.register("register_home_section")
def upcoming_events_section(request):
    return Section(
        key="events",
        title=_("Upcoming events"),
        cards=page_cards(request, selectors.upcoming_events(), meta=event_facts),
        empty_text=_("No events are scheduled yet."),
        more_url="/events/",
        more_label=_("All events"),
        order=20,
    )


@hooks.register("register_demo_seeder", order=50)
def seed_events(progress):
    """Events: the index page and a few items"""
    demo.seed(progress)
