from .calendar import CalendarFeed, EventCalendarState
from .pages import AgendaSession, EventIndexPage, EventPage, EventSpeaker, RegistrationQuestion
from .registrations import Registration

__all__ = [
    "AgendaSession",
    "CalendarFeed",
    "EventCalendarState",
    "EventIndexPage",
    "EventPage",
    "EventSpeaker",
    "Registration",
    "RegistrationQuestion",
]
