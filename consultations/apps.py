from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_groups(sender, **kwargs):
    from .access import ensure_groups

    ensure_groups()


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultation programme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(ensure_groups, sender=self, dispatch_uid="consultations_groups")
