from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("contact email"), blank=True, default="secretariat@wego-hub.example")
    footer_text = models.CharField(
        _("footer text"),
        max_length=255,
        blank=True,
        default="WeGo Hub: learning, tools and exchange for smart, sustainable cities.",
    )

    class Meta:
        verbose_name = _("site settings")
