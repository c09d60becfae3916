"""Uploaded files, wherever they are stored: on MEDIA_ROOT (one machine) or on S3-compatible object storage (many
app servers; docs/decisions/0005-files-on-object-storage.md).

Nothing in the bucket is public. Images (renditions and originals, always public content) are streamed through
/media/ with a day's public cache, so a proxy or CDN in front keeps them and pages keep one address per image.
Every other file leaves through ``private_download`` after its view checked who may have it: from object storage as
a redirect to a signed address that lives ``MEDIA_SIGNED_URL_SECONDS``, so no app-server worker is held for the
length of a download on a slow link; from the disk, streamed as before.
"""

import logging
import mimetypes

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils.cache import get_conditional_response
from django.utils.encoding import filepath_to_uri
from django.utils.http import content_disposition_header, http_date
from django.utils.translation import gettext as _
from storages.backends.s3 import S3Storage

logger = logging.getLogger(__name__)


class ObjectStorage(S3Storage):
    """django-storages' S3 backend with the hub's defaults: private objects, never overwritten, signed addresses
    that live a minute, and downloads spooled to disk beyond 2 MB rather than held in memory."""

    def get_default_settings(self):
        return {
            **super().get_default_settings(),
            "default_acl": None,  # the bucket's own: private (docs/operations.md, "Object storage")
            "file_overwrite": False,  # two uploads of "guide.pdf" are two files, as on the disk
            "querystring_auth": True,
            "querystring_expire": settings.MEDIA_SIGNED_URL_SECONDS,
            "signature_version": "s3v4",
            "max_memory_size": 2 * 1024 * 1024,
        }

    def url(self, name, parameters=None, expire=None, http_method=None):
        """An image's address is on this site, the same for everyone and for good (core.views.public_media streams
        it); any other object's is signed, for the moment."""
        if parameters is None and name.startswith(settings.PUBLIC_MEDIA_PREFIXES):
            return settings.MEDIA_URL + filepath_to_uri(name)
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)

    def signed_download_url(self, name, filename, content_type):
        """A short-lived address that downloads the object as ``filename``, never shown inline or kept by a cache."""
        return self.url(
            name,
            parameters={
                "ResponseContentDisposition": content_disposition_header(True, filename),
                "ResponseContentType": content_type,
                "ResponseCacheControl": "private, no-store",
            },
        )


def private_download(field_file, filename):
    """A stored file, as an attachment named ``filename``, for someone the caller has checked; never kept by a
    shared cache. A file missing from storage is a 404 that says so (and is logged), not the storage's error."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    storage = field_file.storage
    if isinstance(storage, ObjectStorage):  # default_storage is lazy, and answers isinstance as its storage
        # One HEAD request, so that a missing file is our clear 404 rather than the bucket's XML error page.
        if not storage.exists(field_file.name):
            raise missing(field_file)
        response = HttpResponseRedirect(storage.signed_download_url(field_file.name, filename, content_type))
    else:
        try:
            handle = field_file.open("rb")
        except FileNotFoundError:
            raise missing(field_file) from None
        response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def missing(field_file):
    logger.error("File missing from storage: %s", field_file.name)
    return Http404(_("This file is missing from the server. The secretariat has been told."))


def public_media_response(request, path):
    """An image from object storage (core.views.public_media checked the path), or None when there is none.
    Conditional GET from the object's ETag and date, as the disk's static serve does from the file's."""
    try:
        handle = default_storage.open(path, "rb")
    except FileNotFoundError:
        return None
    etag = handle.obj.e_tag
    last_modified = handle.obj.last_modified.timestamp()
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        handle.close()
        return not_modified
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Content-Length"] = handle.obj.content_length
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    return response
