"""The pages whose contact a member may write to through the hub: a case and a toolkit.

Each names a contact (``core.models.pages.PageContact``): an office or a person, with an address the hub writes to and
never shows. The words around a conversation name the kind of page, because "the case's contact" and "the toolkit's
contact" are different phrases in every language.
"""

from django.utils.translation import gettext as _
from wagtail.models import Page

from cases.models import CasePage
from toolkits.models import ToolkitPage

CONTACT_PAGE_TYPES = (CasePage, ToolkitPage)


def writable_page(page_id):
    """The live, public case or toolkit with a contact address, by id; None for anything else (two queries)."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None or not issubclass(page.specific_class or Page, CONTACT_PAGE_TYPES):
        return None
    page = page.specific
    return page if page.contact_email else None


def _is_toolkit(page):
    return issubclass(page.specific_class or Page, ToolkitPage)


def default_contact_name(page):
    """How a contact without a name is called: "The toolkit's contact", or "The case's contact"."""
    if page is not None and _is_toolkit(page):
        return _("The toolkit's contact")
    return _("The case's contact")


def about(page):
    """ "About the toolkit “…”" or "About the case “…”", for a conversation's heading and its emails; "" without one."""
    if page is None:
        return ""
    if _is_toolkit(page):
        return _("About the toolkit “%(toolkit)s”") % {"toolkit": page.title}
    return _("About the case “%(case)s”") % {"case": page.title}


def contact_for(page):
    """The line under "Write a message" that says whose contact is written to."""
    if _is_toolkit(page):
        return _("The contact for the toolkit “%(toolkit)s”.") % {"toolkit": page.title}
    return _("The contact for the case “%(case)s”.") % {"case": page.title}
