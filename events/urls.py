"""Calendar files next to the pages they belong to: /events/feed.ics, <event url>event.ics and the
personal feed /events/my/<token>.ics. Wagtail's own page URLs allow no dots, so these come first."""

from django.urls import re_path

from . import views

PAGE_PATH = r"(?P<page_path>(?:[\w\-]+/)+)"

urlpatterns = [
    re_path(rf"^{PAGE_PATH}(?P<name>feed|event)\.ics$", views.calendar_file, name="calendar_file"),
    re_path(rf"^{PAGE_PATH}my/(?P<token>[A-Za-z0-9_-]{{20,64}})\.ics$", views.personal_feed, name="personal_feed"),
]
