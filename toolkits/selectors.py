"""Reads for the catalogue, a toolkit's page and the reports. Each is a fixed number of queries."""

import enum
from dataclasses import dataclass

from django.conf import global_settings, settings
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Max, Prefetch, Q
from django.utils.translation import gettext as _

from core.facets import by_slug, cached, listing_version, topic_counts, value_counts, with_topic
from core.i18n import in_reader_language, in_reader_language_each, path_in_language
from core.models import Topic
from core.pagination import paginate
from members.services import MEMBERS_GROUP

from .forms import ToolkitCatalogueForm
from .models import Download, ReleaseFile, ToolkitPage, ToolkitRelease

CATALOGUE_PAGE_SIZE = 12
LANGUAGE_NAMES = dict(global_settings.LANGUAGES)


def language_name(code):
    name = LANGUAGE_NAMES.get(code)
    return _(name) if name else code


def catalogue_toolkits(index_page):
    return ToolkitPage.objects.child_of(index_page).live().public()


def recent_toolkits(limit=3):
    """The newest toolkits, each once: in the reader's language (its translation, or the alias standing in)."""
    return in_reader_language(ToolkitPage.objects.live().public()).order_by("-last_published_at")[:limit]


# --- Access -----------------------------------------------------------------------------------------


class Access(enum.Enum):
    ALLOWED = "allowed"
    SIGN_IN = "sign_in"  # members only, and nobody is signed in
    MEMBERS_ONLY = "members_only"  # signed in, but not staff of a member city


def may_download_members_files(user):
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=MEMBERS_GROUP).exists())


def refusal_for(user):
    return Access.MEMBERS_ONLY if user.is_authenticated else Access.SIGN_IN


def toolkit_access(request, toolkit):
    """May this visitor download the toolkit's files? (The page itself is public.)"""
    if not toolkit.members_only or may_download_members_files(request.user):
        return Access.ALLOWED
    return refusal_for(request.user)


def file_access(request, toolkit, document):
    """The toolkit's rule and the document's collection must both agree: a file in a restricted collection
    stays restricted even if someone links it from a public toolkit."""
    access = toolkit_access(request, toolkit)
    if access is not Access.ALLOWED:
        return access
    for restriction in document.collection.get_view_restrictions():
        if not restriction.accept_request(request):
            return refusal_for(request.user)
    return Access.ALLOWED


# --- Releases and files -----------------------------------------------------------------------------


def files_in_order():
    return ReleaseFile.objects.select_related("document", "document__collection").order_by("sort_order", "id")


def releases_of(toolkit):
    """Newest first, each with its files: two queries."""
    return list(
        toolkit.releases.order_by("-released_on", "-id").prefetch_related(Prefetch("files", queryset=files_in_order()))
    )


def downloadable_file(toolkit, file_id):
    """A file of one of the live toolkit's releases, or None (a removed file, or another toolkit's)."""
    return files_in_order().select_related("release").filter(release__toolkit=toolkit, id=file_id).first()


def latest_file(toolkit, language):
    """The first file in ``language`` of the newest release that has one."""
    return (
        files_in_order()
        .select_related("release")
        .filter(release__toolkit=toolkit, language=language)
        .order_by("-release__released_on", "-release_id", "sort_order", "id")
        .first()
    )


@dataclass
class LatestLink:
    language: str
    language_name: str
    version: str
    file: ReleaseFile
    url: str = ""


def latest_links(releases):
    """One stable "latest" link per language, from the newest release that has the language."""
    links = {}
    for release in releases:
        for file in release.files.all():
            if file.language not in links:
                links[file.language] = LatestLink(file.language, language_name(file.language), release.version, file)
    return sorted(links.values(), key=lambda link: link.language_name)


def of_toolkit(toolkit):
    """The downloads of ``toolkit``, whichever translation of it (or alias) this is: they are counted for the
    original (toolkits.services.record_download), which shares its translation key."""
    return Download.objects.filter(toolkit__translation_key=toolkit.translation_key)


def file_key(version, document_id, language):
    """A file as its toolkit's translations share it: a translation's releases and files are copies of the
    original's (other ids), with the same version, document and language."""
    return (version, document_id, language)


def toolkit_page_context(request, toolkit):
    releases = releases_of(toolkit)
    page_url = toolkit.get_url(request)
    counts = {
        file_key(version, document_id, language): total
        for version, document_id, language, total in of_toolkit(toolkit)
        .values_list("version", "file__document_id", "language")
        .annotate(total=Count("id"))
        .order_by()
    }
    for release in releases:
        for file in release.files.all():
            file.download_count = counts.get(file_key(release.version, file.document_id, file.language), 0)
            file.language_name = language_name(file.language)
            file.download_url = page_url + toolkit.reverse_subpage("download", args=[file.id])
    links = latest_links(releases)
    site_languages = {code for code, _name in settings.LANGUAGES}
    for link in links:
        # A file in one of the site's languages is reached from the toolkit's page in that language.
        in_its_language = path_in_language(page_url, link.language) if link.language in site_languages else page_url
        link.url = in_its_language + toolkit.reverse_subpage("latest", args=[link.language])
    related = in_reader_language_each(
        link.page for link in toolkit.related_pages.select_related("page", "page__content_type").filter(page__live=True)
    )
    return {
        "access": toolkit_access(request, toolkit).value,
        "latest_release": releases[0] if releases else None,
        "older_releases": releases[1:],
        "latest_links": links,
        "download_count": sum(counts.values()),
        "related_pages": [(page, page.specific_class._meta.verbose_name) for page in related],
        "contact_links": toolkit.contact_links(request),
    }


# --- The catalogue ----------------------------------------------------------------------------------


def filter_toolkits(toolkits, filters, skip=None):
    if filters.get("q") and skip != "q":
        for word in filters["q"].split()[:8]:
            toolkits = toolkits.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    if filters.get("topic") and skip != "topic":
        toolkits = with_topic(ToolkitPage, toolkits, [filters["topic"]])
    if filters.get("language") and skip != "language":
        toolkits = toolkits.filter(
            id__in=ReleaseFile.objects.filter(language=filters["language"]).values("release__toolkit_id")
        )
    for name in ("kind", "audience"):
        if filters.get(name) and skip != name:
            toolkits = toolkits.filter(**{name: filters[name]})
    return toolkits


def sorted_toolkits(toolkits, sort):
    """By title, or the most recently released first ("updated"); the id last, so pages never overlap."""
    if sort == "updated":
        return toolkits.annotate(updated=Max("releases__released_on")).order_by(
            F("updated").desc(nulls_last=True), "title", "id"
        )
    return toolkits.order_by("title", "id")


def facet_counts(base, filters):
    """For each facet, {value: count} under the other filters (so choosing one never hides the rest)."""
    counts = {name: value_counts(filter_toolkits(base, filters, skip=name), name) for name in ("kind", "audience")}
    counts["topic"] = topic_counts(ToolkitPage, filter_toolkits(base, filters, skip="topic"))
    rows = (
        ReleaseFile.objects.filter(release__toolkit__in=filter_toolkits(base, filters, skip="language").values("id"))
        .values("language")
        .annotate(total=Count("release__toolkit", distinct=True))
        .order_by()
    )
    counts["language"] = {row["language"]: row["total"] for row in rows}
    return counts


def languages_in_catalogue(index_page, version):
    """[(code, name)] of the languages the catalogue's files come in."""

    def languages():
        toolkits = catalogue_toolkits(index_page).values("id")
        return list(
            ReleaseFile.objects.filter(release__toolkit__in=toolkits)
            .order_by()
            .values_list("language", flat=True)
            .distinct()
        )

    codes = cached("toolkits", ["languages", version], languages)
    return sorted(((code, language_name(code)) for code in codes), key=lambda pair: pair[1])


@dataclass(frozen=True)
class CardFacts:
    version: str = ""
    released_on: object = None
    languages: tuple = ()
    downloads: int = 0


def card_facts(toolkits):
    """{toolkit id: CardFacts} for one page of the catalogue: three queries whatever the page holds."""
    keys = {toolkit.id: toolkit.translation_key for toolkit in toolkits}
    toolkit_ids = list(keys)
    latest = {}
    for release in ToolkitRelease.objects.filter(toolkit_id__in=toolkit_ids).order_by("-released_on", "-id"):
        latest.setdefault(release.toolkit_id, release)
    languages = {}
    rows = ReleaseFile.objects.filter(release__in=[r.id for r in latest.values()]).values_list(
        "release__toolkit_id", "language"
    )
    for toolkit_id, language in rows.distinct():
        languages.setdefault(toolkit_id, set()).add(language_name(language))
    # Counted for the original toolkits: matched to the ones listed (translations, aliases) by translation key.
    by_key = dict(
        Download.objects.filter(toolkit__translation_key__in=keys.values())
        .values_list("toolkit__translation_key")
        .annotate(n=Count("id"))
        .order_by()
    )
    downloads = {toolkit_id: by_key.get(key, 0) for toolkit_id, key in keys.items()}
    return {
        toolkit_id: CardFacts(
            version=latest[toolkit_id].version if toolkit_id in latest else "",
            released_on=latest[toolkit_id].released_on if toolkit_id in latest else None,
            languages=tuple(sorted(languages.get(toolkit_id, ()))),
            downloads=downloads.get(toolkit_id, 0),
        )
        for toolkit_id in toolkit_ids
    }


def catalogue_context(request, index_page):
    base = catalogue_toolkits(index_page)
    # Releases are published with their toolkit, so the pages' version covers their files too.
    version = listing_version(base, index_page)
    topics = list(Topic.objects.for_reader().order_by("name"))
    form = ToolkitCatalogueForm(
        request.GET or None,
        topics=topics,
        languages=languages_in_catalogue(index_page, version),
    )
    filters = form.filters()
    toolkits = sorted_toolkits(filter_toolkits(base, filters), filters["sort"])
    page = paginate(request, toolkits, CATALOGUE_PAGE_SIZE)
    facts = card_facts(list(page))
    for toolkit in page:
        toolkit.card_facts = facts[toolkit.id]
    counting = {name: value for name, value in filters.items() if name != "sort"}
    counts = dict(cached("toolkits", ["facets-by-topic-key", version, counting], lambda: facet_counts(base, filters)))
    counts["topic"] = by_slug(counts["topic"], topics)  # counted by translation key: the same in every language
    form.attach_counts(counts)
    return {"form": form, "items": page, "active_filters": {k: v for k, v in filters.items() if v and k != "sort"}}


# --- Reports ----------------------------------------------------------------------------------------


def organisation_downloads(organisation):
    """{user id: [downloads, toolkits]} for the focal point's staff report, and the city's totals."""
    rows = (
        Download.objects.filter(organisation=organisation, user__isnull=False)
        .values("user_id")
        .annotate(downloads=Count("id"), toolkits=Count("toolkit", distinct=True))
        .order_by()
    )
    by_user = {row["user_id"]: [row["downloads"], row["toolkits"]] for row in rows}
    totals = Download.objects.filter(organisation=organisation).aggregate(
        downloads=Count("id"), toolkits=Count("toolkit", distinct=True)
    )
    return by_user, totals


def downloads_by_city(*, since=None, until=None, toolkit=None):
    """The secretariat's report: one row per member city with downloads, then signed-in people without a
    city, then visitors who were not signed in. One query."""
    downloads = Download.objects.all()
    if since:
        downloads = downloads.filter(created_at__date__gte=since)
    if until:
        downloads = downloads.filter(created_at__date__lte=until)
    if toolkit:  # downloads are the original's: any translation of the toolkit names it
        downloads = downloads.filter(toolkit__translation_key=toolkit.translation_key)
    rows = (
        downloads.values(
            "organisation_id",
            "organisation__name",
            "organisation__country",
            "organisation__region",
            signed_in=ExpressionWrapper(Q(user__isnull=False), output_field=BooleanField()),
        )
        .annotate(
            downloads=Count("id"),
            people=Count("user", distinct=True),
            toolkits=Count("toolkit", distinct=True),
            last=Max("created_at"),
        )
        .order_by()
    )
    # Member cities first, most downloads first; then people without a city, then signed-out visitors.
    return sorted(
        rows,
        key=lambda row: (
            row["organisation_id"] is None,
            not row["signed_in"],
            -row["downloads"],
            row["organisation__name"] or "",
        ),
    )


def my_downloads(user, limit=6):
    """The toolkits this person downloaded most recently, each with the version they have and the newest one."""
    seen = {}
    for download in (
        Download.objects.filter(user=user, toolkit__live=True).select_related("toolkit").order_by("-created_at")[:200]
    ):
        seen.setdefault(download.toolkit_id, download)
        if len(seen) == limit:
            break
    newest = {}
    for release in ToolkitRelease.objects.filter(toolkit_id__in=list(seen)).order_by("-released_on", "-id"):
        newest.setdefault(release.toolkit_id, release.version)
    # Downloads are kept against the original toolkits; each is shown in the reader's language when translated.
    keys = {download.toolkit.translation_key for download in seen.values()}
    shown = (
        {
            page.translation_key: page
            for page in in_reader_language(ToolkitPage.objects.live().filter(translation_key__in=keys))
        }
        if keys
        else {}
    )
    for download in seen.values():
        download.shown_toolkit = shown.get(download.toolkit.translation_key, download.toolkit)
    return [(download, newest.get(toolkit_id, "")) for toolkit_id, download in seen.items()]
