"""Writes: counting a download, and keeping members-only files in the restricted collection."""

import hashlib
import hmac

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Collection

from core.clients import client_ip
from core.i18n import original
from members.selectors import membership_of
from members.services import members_only_collection

from .models import Download, ReleaseFile, ToolkitPage

PUBLIC_COLLECTION = "Toolkits"


def visitor_key(request, now):
    """A keyed hash that tells one person's repeated clicks apart from another's; no address is stored."""
    if request.user.is_authenticated:
        subject = f"user:{request.user.pk}"
    else:  # signed out: address and browser, salted with the day so that keys cannot be followed across days
        subject = f"anon:{client_ip(request) or ''}:{request.META.get('HTTP_USER_AGENT', '')[:200]}"
        subject += f":{now.date().isoformat()}"
    return hmac.new(settings.SECRET_KEY.encode(), subject.encode(), hashlib.sha256).hexdigest()


def record_download(*, file: ReleaseFile, request) -> None:
    """Count one download of ``file``. A repeat by the same person within the click window counts once, even
    when both requests arrive together: the unique constraint decides, and the loser is ignored.

    The download counts for the original toolkit, whichever translation (or alias) of it the file was taken from
    (a translation carries copies of its original's releases and files): the figures are per toolkit, not per
    wording of its page."""
    now = timezone.now()
    user = request.user if request.user.is_authenticated else None
    membership = membership_of(user) if user is not None else None
    approved = membership is not None and membership.status == membership.Status.APPROVED
    download = Download.of(
        file,
        user_id=user.pk if user else None,
        organisation_id=membership.organisation_id if approved else None,
        visitor=visitor_key(request, now),
        when=now,
    )
    download.toolkit_id = original(file.release.toolkit).pk
    Download.objects.bulk_create([download], ignore_conflicts=True)


def public_toolkits_collection():
    collection = Collection.objects.filter(name=PUBLIC_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=PUBLIC_COLLECTION)
    return collection


@transaction.atomic
def secure_files(*, toolkit: ToolkitPage) -> int:
    """After publishing: a members-only toolkit's documents move into the restricted "Members only" collection,
    so that Wagtail's own document address refuses non-members too. A public toolkit's documents leave it,
    unless a live members-only toolkit also uses them. Returns how many documents moved."""
    documents = {
        file.document for file in ReleaseFile.objects.filter(release__toolkit=toolkit).select_related("document")
    }
    restricted = members_only_collection()
    moved = 0
    if toolkit.members_only:
        for document in documents:
            if document.collection_id != restricted.id:
                document.collection = restricted
                document.save(update_fields=["collection"])
                moved += 1
        return moved
    still_restricted = set(
        ReleaseFile.objects.filter(
            release__toolkit__live=True, release__toolkit__audience=ToolkitPage.Audience.MEMBERS
        ).values_list("document_id", flat=True)
    )
    public = public_toolkits_collection()
    for document in documents:
        if document.collection_id == restricted.id and document.id not in still_restricted:
            document.collection = public
            document.save(update_fields=["collection"])
            moved += 1
    return moved
