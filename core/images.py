"""Reading cover images for listings without a query per card."""

from collections import defaultdict

from django.db.models import prefetch_related_objects


def with_covers(pages):
    """``pages`` as a list, each page's cover image and its renditions read in two queries per page type.

    A listing calls it on the pages it shows; ``templates/includes/responsive_image.html`` then finds the
    renditions it needs already loaded (Wagtail looks in the prefetched renditions first)."""
    pages = list(pages)
    by_model = defaultdict(list)
    for page in pages:
        # vars(), not getattr(): a listing that left the cover out (.only()) must not load it row by row.
        if vars(page).get("cover_image_id"):
            by_model[type(page)].append(page)
    for same_type in by_model.values():
        prefetch_related_objects(same_type, "cover_image__renditions")
    return pages
