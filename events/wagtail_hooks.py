from django.utils import formats
from django.utils.translation import gettext as _
from wagtail import hooks

from core.sections import Card, Section

from . import demo, selectors


@hooks.register("register_home_section")
def upcoming_events_section(request):
    cards = [
        Card(
            title=event.title,
            url=event.get_url(request),
            summary=event.summary,
            meta=(
                formats.date_format(event.local_start, "DATE_FORMAT"),
                ", ".join(filter(None, [event.city, event.country.name])) or event.get_format_display(),
            ),
        )
        for event in selectors.upcoming_events()
    ]
    return Section(
        key="events",
        title=_("Upcoming events"),
        cards=cards,
        empty_text=_("No events are scheduled yet."),
        more_url="/events/",
        more_label=_("All events"),
        order=20,
    )


@hooks.register("register_demo_seeder", order=50)
def seed_events(progress):
    """Events: the index page and a few items"""
    demo.seed(progress)
