"""Sections that content apps contribute to pages owned by core and members.

A content app registers a Wagtail hook (``register_home_section`` here, ``register_me_section``
in members) whose function takes the request and returns a ``Section`` or ``None``. The page
renders what the hooks return, so adding a capability never means editing core or members.
"""

from dataclasses import dataclass, field

from wagtail import hooks

from core.i18n import content_language
from core.images import with_covers


@dataclass(frozen=True)
class Card:
    title: str
    url: str
    summary: str = ""
    meta: tuple[str, ...] = ()
    progress: int | None = None  # percent, shown as a progress bar
    progress_label: str = ""
    action_url: str = ""
    action_label: str = ""
    links: tuple[tuple[str, str], ...] = ()  # further (url, label) links under the action, plain links
    image: object = None  # a cover image (the image model), shown as the card's thumbnail
    lang: str = ""  # the language of title and summary when it is not the page's (an untranslated page's)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    cards: list[Card] = field(default_factory=list)
    empty_text: str = ""
    more_url: str = ""
    more_label: str = ""
    # A button that POSTs (with the CSRF token) to form_url, for an action that changes something, and what it does.
    form_url: str = ""
    form_label: str = ""
    form_note: str = ""
    order: int = 100


def collect_sections(hook_name, request, *args):
    sections = [section for fn in hooks.get_hooks(hook_name) if (section := fn(request, *args)) is not None]
    return sorted(sections, key=lambda section: (section.order, section.key))


def home_sections(request):
    return collect_sections("register_home_section", request)


def page_cards(request, pages, meta):
    """Cards for content pages: title, URL (root paths read once per request), summary, ``meta(page)``, cover."""
    return [
        Card(
            title=page.title,
            url=page.get_url(request),
            summary=getattr(page, "summary", ""),
            meta=meta(page),
            image=getattr(page, "cover_image", None),
            lang=content_language(page),
        )
        for page in with_covers(pages)
    ]
