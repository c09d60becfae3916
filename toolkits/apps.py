from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitsConfig(AppConfig):
    name = "toolkits"
    verbose_name = _("Toolkits")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from .models import ToolkitPage

        page_published.connect(on_toolkit_published, sender=ToolkitPage, dispatch_uid="toolkits_toolkit_published")


def on_toolkit_published(sender, instance, **kwargs):
    from . import services

    services.secure_files(toolkit=instance)
