from .media import CustomDocument, CustomImage, CustomRendition
from .outbox import OutgoingEmail
from .pages import ContactPage, HomePage, StandardPage
from .settings import SiteSettings
from .taxonomy import Topic

__all__ = [
    "ContactPage",
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "OutgoingEmail",
    "SiteSettings",
    "StandardPage",
    "Topic",
]
