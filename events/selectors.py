from .models import EventPage


def upcoming_events(limit=3):
    return EventPage.objects.live().public().upcoming().order_by("start")[:limit]
