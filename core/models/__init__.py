from .media import CustomDocument, CustomImage, CustomRendition
from .pages import HomePage, StandardPage
from .settings import SiteSettings
from .taxonomy import Topic

__all__ = [
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "SiteSettings",
    "StandardPage",
    "Topic",
]
