from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock


class MaterialLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    url = blocks.URLBlock(label=_("address"))

    class Meta:
        icon = "link"
        label = _("link")


class MaterialDocumentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200, required=False)
    document = DocumentChooserBlock(label=_("document"))

    class Meta:
        icon = "doc-full"
        label = _("slides or document")


class MaterialsBlock(blocks.StreamBlock):
    """What an event leaves behind: slides, documents, recordings."""

    document = MaterialDocumentBlock()
    recording = EmbedBlock(label=_("recording"), help_text=_("A video address, e.g. on YouTube or Vimeo."))
    link = MaterialLinkBlock()
