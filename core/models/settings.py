from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def page_link(name, help_text):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=name,
        help_text=help_text,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("contact email"), blank=True, default="secretariat@wego-hub.example")
    footer_text = models.CharField(
        _("footer text"),
        max_length=255,
        blank=True,
        default="WeGo Hub: learning, tools and exchange for smart, sustainable cities.",
    )
    # The pages every public body's site must have. Chosen here, not found by slug, so the secretariat can move or
    # rename them; an empty choice or an unpublished page only hides its link (core.legal).
    about_page = page_link(_("about page"), _("Linked from the footer of every page."))
    contact_page = page_link(_("contact page"), _("Linked from the footer of every page."))
    privacy_page = page_link(
        _("privacy notice"),
        _("Linked from the footer and next to every form that asks for personal data."),
    )
    terms_page = page_link(_("terms of use"), _("Linked from the footer of every page."))

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [
                FieldPanel("about_page"),
                FieldPanel("contact_page"),
                FieldPanel("privacy_page"),
                FieldPanel("terms_page"),
            ],
            heading=_("Pages linked from every page"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
