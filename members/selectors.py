from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Value, When
from django.utils.text import Truncator
from django.utils.translation import gettext
from wagtail import hooks

from core.countries import country_names

from .models import Membership, Organisation, Region


def region_order():
    """Regions in the order of their names in the current language (not of their codes)."""
    codes = [code for code, _label in Region.by_name()]
    return Case(*[When(region=code, then=Value(position)) for position, code in enumerate(codes)], default=Value(99))


def directory(*, query="", region="", country="", sort="name"):
    """Active organisations for the public directory: found by any spelling of their name (``matching``), narrowed
    by region and country, sorted by name, newest members first or region. One query however many there are."""
    organisations = Organisation.objects.active().only(
        "name", "slug", "city", "country", "region", "kind", "year_joined", "native_name"
    )
    if query:
        organisations = organisations.matching(query)
    if region:
        organisations = organisations.filter(region=region)
    if country:
        organisations = organisations.filter(country=country)
    if sort == "newest":
        return organisations.order_by(F("year_joined").desc(nulls_last=True), "name")
    if sort == "region":
        return organisations.order_by(region_order(), "name")
    return organisations.order_by("name")


def countries_in_directory():
    """(code, name) of every country with an active organisation, for the filter."""
    codes = Organisation.objects.active().values_list("country", flat=True).distinct()
    names = country_names()
    return sorted(((code, names.get(code, code)) for code in set(codes)), key=lambda pair: pair[1])


def with_country_names(organisations):
    """Give each organisation a ``country_name`` for the template, without a slow lookup per row."""
    names = country_names()
    for organisation in organisations:
        organisation.country_name = names.get(organisation.country.code, organisation.country.code)
    return organisations


def counts_by_kind():
    return dict(
        Organisation.objects.active().values_list("kind").annotate(total=Count("id")).values_list("kind", "total")
    )


# --- A city's public profile ------------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileFigure:
    """One aggregate number on a city's profile (never a person): "Staff enrolled in a course: 12"."""

    label: str
    value: int
    order: int = 100


def profile_figures(organisation):
    """What the content apps count for the city, through ``register_organisation_profile_figures`` (a function of
    the organisation returning ProfileFigures); members knows nothing of courses."""
    figures = [figure for fn in hooks.get_hooks("register_organisation_profile_figures") for figure in fn(organisation)]
    return sorted(figures, key=lambda figure: figure.order)


def profile_summary(organisation):
    """One line for search engines and link previews: who the city is (issue 17: for the meta description)."""
    facts = gettext("%(name)s: %(city)s, %(country)s, %(region)s.") % {
        "name": organisation.name,
        "city": organisation.city,
        "country": organisation.country.name,
        "region": organisation.get_region_display(),
    }
    return Truncator(f"{facts} {organisation.description}".strip()).chars(160)


def has_focal_point(organisation):
    return organisation.memberships.filter(status=Membership.Status.APPROVED, role=Membership.Role.FOCAL_POINT).exists()


def active_organisation_by_slug(slug):
    """The active organisation with this slug, or None (a stale or mistyped link preselects nothing)."""
    if not slug or len(slug) > 160:
        return None
    return Organisation.objects.active().filter(slug=slug).first()


def membership_of(user):
    return Membership.objects.select_related("organisation").filter(user=user).first()


def joining_step(user):
    """Where a signed-in person who is not (yet) a member stands, and their membership (or None): "ask" (no city
    yet, or refused or removed: ask again from My hub), "pending" (waiting for the focal point), "suspended" (their
    city's membership is) or "verify_email" (approved by an active city: only a verified address is missing)."""
    membership = membership_of(user)
    if membership is None or membership.status not in (Membership.Status.PENDING, Membership.Status.APPROVED):
        return "ask", membership
    if membership.status == Membership.Status.PENDING:
        return "pending", membership
    if membership.organisation.status != Organisation.Status.ACTIVE:
        return "suspended", membership
    return "verify_email", membership


def organisations_led_by(user):
    """Ids of the organisations this person is an approved focal point of."""
    return list(
        Membership.objects.filter(
            user=user, status=Membership.Status.APPROVED, role=Membership.Role.FOCAL_POINT
        ).values_list("organisation_id", flat=True)
    )


def approved_member_count(organisation):
    return organisation.memberships.filter(status=Membership.Status.APPROVED).count()


def _has_verified_email():
    return Exists(EmailAddress.objects.filter(user=OuterRef("user"), verified=True))


def pending_requests(organisation):
    """The approval queue: waiting requests of people who have confirmed an address (the others cannot be decided)."""
    return (
        organisation.memberships.filter(_has_verified_email(), status=Membership.Status.PENDING)
        .select_related("user")
        .order_by("requested_at")
    )


def requests_awaiting_confirmation(organisation):
    """How many waiting requests are from people who have not confirmed their address yet (shown as a number only)."""
    return organisation.memberships.filter(~_has_verified_email(), status=Membership.Status.PENDING).count()


def staff(organisation):
    return (
        organisation.memberships.filter(status=Membership.Status.APPROVED)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def recent_invitations(organisation, limit=50):
    return organisation.invitations.order_by("-created_at")[:limit]


def membership_figures_by_region_and_kind():
    """One row per (region, kind): organisations by status and people by membership status."""
    organisations = (
        Organisation.objects.values("region", "kind")
        .annotate(
            active=Count("id", filter=Q(status=Organisation.Status.ACTIVE)),
            suspended=Count("id", filter=Q(status=Organisation.Status.SUSPENDED)),
        )
        .order_by()
    )
    people = (
        Membership.objects.values("organisation__region", "organisation__kind")
        .annotate(
            members=Count("id", filter=Q(status=Membership.Status.APPROVED)),
            # As in a focal point's queue: a request counts once its person has confirmed an address.
            pending=Count("id", filter=Q(_has_verified_email(), status=Membership.Status.PENDING)),
        )
        .order_by()
    )
    by_key = {(p["organisation__region"], p["organisation__kind"]): p for p in people}
    regions, kinds = dict(Region.choices), dict(Organisation.Kind.choices)
    rows = []
    for org in organisations:
        counts = by_key.get((org["region"], org["kind"]), {})
        rows.append(
            {
                "region_label": regions.get(org["region"], org["region"]),
                "kind_label": kinds.get(org["kind"], org["kind"]),
                "active": org["active"],
                "suspended": org["suspended"],
                "members": counts.get("members", 0),
                "pending": counts.get("pending", 0),
            }
        )
    return sorted(rows, key=lambda row: (str(row["region_label"]), str(row["kind_label"])))


# --- Two-step sign-in ------------------------------------------------------------------------------

# Recovery codes alone are not a second factor: they only exist beside an app or a passkey.
SECOND_FACTOR_TYPES = ("totp", "webauthn")


def has_second_factor(user):
    return user.is_authenticated and Authenticator.objects.filter(user=user, type__in=SECOND_FACTOR_TYPES).exists()


def second_factor_groups():
    """Names of the groups whose members must use two-step sign-in for the admin.

    The apps that own those groups say so through the ``register_second_factor_groups`` hook (the secretariat's
    reviewers belong to ``cases``), so members needs no import from above it."""
    return {name for fn in hooks.get_hooks("register_second_factor_groups") for name in fn()}


def must_use_second_factor(user):
    """A superuser or a member of a group that holds other people's data (the secretariat's editors)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=second_factor_groups()).exists()
