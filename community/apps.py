from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """Knowledge sharing between cities: member profiles (opt-in), finding a peer, relayed messages, following topics
    and cities, and the digest. On top of the content apps: it reads them through hooks, nothing imports it."""

    name = "community"
    verbose_name = _("Community")
    default_auto_field = "django.db.models.BigAutoField"
