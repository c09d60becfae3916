"""Which pages a visitor may find: live pages, without the subtrees whose privacy this request does not pass."""

from wagtail.models import Page, PageViewRestriction


def visible_pages(request):
    """Members find members-only courses too; everyone else only public pages. One query per restriction (there
    are a handful: members-only courses and the members' corner), never one per result."""
    pages = Page.objects.live()
    for restriction in PageViewRestriction.objects.select_related("page"):
        if not restriction.accept_request(request):
            pages = pages.exclude(path__startswith=restriction.page.path)
    return pages
