from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from core.models.pages import ContentPage, IndexPage


class ToolkitIndexPage(IndexPage):
    subpage_types = ["toolkits.ToolkitPage"]

    class Meta:
        verbose_name = _("toolkit catalogue")

    def listing_queryset(self, request):
        return ToolkitPage.objects.child_of(self).live().public().order_by("title")


class ToolkitPage(ContentPage):
    class Kind(models.TextChoices):
        TOOLKIT = "toolkit", _("Toolkit")
        GUIDE = "guide", _("Guide")
        TEMPLATE = "template", _("Template")
        PLAYBOOK = "playbook", _("Playbook")
        TRAINING_PACK = "training_pack", _("Training-of-trainers pack")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.TOOLKIT)

    content_panels = [*ContentPage.content_panels, FieldPanel("kind")]
    parent_page_types = ["toolkits.ToolkitIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("toolkit")

    def facts(self):
        return [(_("Kind"), self.get_kind_display())]
