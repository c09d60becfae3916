from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock

from core.blocks import BaseStreamBlock


class RelatedPageBlock(blocks.StructBlock):
    """A link to a toolkit or a case: the page is chosen by the editor (data, not an import)."""

    page = blocks.PageChooserBlock(label=_("page"), page_type=["toolkits.ToolkitPage", "cases.CasePage"])
    note = blocks.CharBlock(label=_("why it matters"), required=False, max_length=200)

    class Meta:
        icon = "link"
        template = "blocks/related_page_block.html"


class LessonStreamBlock(BaseStreamBlock):
    video = EmbedBlock(label=_("video"), help_text=_("A YouTube or Vimeo address."))
    related = RelatedPageBlock(label=_("toolkit or case"))
