from .downloads import CLICK_WINDOW_SECONDS, Download
from .pages import LICENCE_ADAPTATION, Licence, ToolkitIndexPage, ToolkitPage, ToolkitRelatedPage
from .releases import FILE_LANGUAGES, FORMAT_LABELS, ReleaseFile, ToolkitRelease

__all__ = [
    "CLICK_WINDOW_SECONDS",
    "FILE_LANGUAGES",
    "FORMAT_LABELS",
    "LICENCE_ADAPTATION",
    "Download",
    "Licence",
    "ReleaseFile",
    "ToolkitIndexPage",
    "ToolkitPage",
    "ToolkitRelatedPage",
    "ToolkitRelease",
]
