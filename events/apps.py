from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from .models import EventPage

        page_published.connect(on_event_published, sender=EventPage, dispatch_uid="events_event_published")


def on_event_published(sender, instance, **kwargs):
    from . import services

    services.publish_changes(event=instance)
