from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import exports, page_cache, signals

        exports.protect_wagtail_exports()
        page_cache.connect_signals()
        post_migrate.connect(signals.sync_default_site, sender=self, dispatch_uid="core_sync_default_site")
