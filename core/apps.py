from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.images import get_image_model

        from . import exports, listings, page_cache, signals
        from .models import Topic

        exports.protect_wagtail_exports()
        page_cache.connect_signals()
        post_migrate.connect(signals.sync_default_site, sender=self, dispatch_uid="core_sync_default_site")
        # Listings are rendered once per version of their pages (core.listings); a topic's name and a cover image
        # are shown there without their pages being published again.
        for model in (Topic, get_image_model()):
            for signal in (post_save, post_delete):
                signal.connect(
                    listings.forget_rendered_listings,
                    sender=model,
                    dispatch_uid=f"core_listings_{model._meta.label_lower}_{signal is post_save}",
                )
