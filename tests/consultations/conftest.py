"""The programme's cast: a programme page with an open call and a closed one; Seoul (a focal point, a colleague,
a staff member who is not an editor), Lisbon (another city of another region), the secretariat, reviewers (one of
them from Seoul) and a consultant."""

import datetime as dt

import pytest
from django.utils import timezone

from consultations import access, services
from consultations.models import CallPage, ConsultationProgrammePage, Criterion
from core.demo import ensure_child
from members.models import Region
from tests.factories import OrganisationFactory, UserFactory, make_member


@pytest.fixture
def groups(db):
    return access.ensure_groups()


@pytest.fixture
def programme(site_tree):
    return ensure_child(site_tree["home"], ConsultationProgrammePage, "consultations", title="Consultation programme")[
        0
    ]


def make_call(programme, *, slug, opens_at, closes_at, **fields):
    call = CallPage(
        slug=slug,
        title=fields.pop("title", slug.replace("-", " ").capitalize()),
        summary=fields.pop("summary", "Member cities apply for a feasibility study."),
        programme_year=fields.pop("programme_year", 2026),
        opens_at=opens_at,
        closes_at=closes_at,
        time_zone=fields.pop("time_zone", "Asia/Seoul"),
        **fields,
    )
    programme.add_child(instance=call)
    for position, (name, weight) in enumerate([("Relevance", 3), ("Feasibility", 2), ("Impact", 1)]):
        Criterion.objects.create(call=call, sort_order=position, name=name, weight=weight)
    call.save_revision().publish()
    return CallPage.objects.get(pk=call.pk)


@pytest.fixture
def open_call(programme):
    now = timezone.now()
    return make_call(
        programme, slug="open-call", opens_at=now - dt.timedelta(days=10), closes_at=now + dt.timedelta(days=20)
    )


@pytest.fixture
def closed_call(programme):
    now = timezone.now()
    return make_call(
        programme, slug="closed-call", opens_at=now - dt.timedelta(days=60), closes_at=now - dt.timedelta(days=5)
    )


@pytest.fixture
def seoul(db):
    return OrganisationFactory(name="Seoul Metropolitan Government", city="Seoul", region=Region.ASIA_PACIFIC)


@pytest.fixture
def lisbon(db):
    return OrganisationFactory(name="Lisbon City Council", city="Lisbon", country="PT", region=Region.EUROPE)


@pytest.fixture
def focal_point(seoul):
    return make_member(seoul, role="focal_point", email="mina@seoul.example", first_name="Mina", last_name="Park")


@pytest.fixture
def colleague(seoul):
    return make_member(seoul, email="jiho@seoul.example", first_name="Jiho", last_name="Kim")


@pytest.fixture
def other_staff(seoul):
    return make_member(seoul, email="sora@seoul.example", first_name="Sora", last_name="Lee")


@pytest.fixture
def lisbon_focal_point(lisbon):
    return make_member(lisbon, role="focal_point", email="ana@lisbon.example", first_name="Ana", last_name="Costa")


@pytest.fixture
def secretary(groups):
    secretariat, _reviewers = groups
    user = UserFactory(email="secretary@wego.example", first_name="Hana", last_name="Cho")
    user.groups.add(secretariat)
    return user


@pytest.fixture
def reviewer(groups):
    _secretariat, reviewers = groups
    user = UserFactory(email="expert@partner.example", first_name="Lena", last_name="Vogel")
    user.groups.add(reviewers)
    return user


@pytest.fixture
def second_reviewer(groups):
    _secretariat, reviewers = groups
    user = UserFactory(email="second@partner.example", first_name="Omar", last_name="Haddad")
    user.groups.add(reviewers)
    return user


@pytest.fixture
def seoul_reviewer(groups, seoul):
    """A reviewer who is also staff of Seoul: never assigned to Seoul's applications."""
    _secretariat, reviewers = groups
    user = make_member(seoul, email="reviewer@seoul.example", first_name="Dae", last_name="Han")
    user.groups.add(reviewers)
    return user


@pytest.fixture
def consultant(db):
    return UserFactory(email="daniela@consult.example", first_name="Daniela", last_name="Ortiz")


def complete(application, user):
    """Fill in what a submission requires."""
    return services.save_application(
        application=application,
        user=user,
        data={
            "title": application.title,
            "challenge": "Flooded underpasses close school routes every monsoon.",
            "objectives": "Study sensors and alerts for 40 underpasses.",
            "expected_outcomes": "A costed plan the city council can fund.",
        },
        answers=application.answers,
    )


@pytest.fixture
def draft(open_call, focal_point):
    return services.start_application(call=open_call, user=focal_point, title="Flood sensors for underpasses")


@pytest.fixture
def submitted(draft, focal_point):
    complete(draft, focal_point)
    return services.submit_application(application=draft, user=focal_point)


@pytest.fixture
def in_review(submitted, secretary):
    return services.screen(application=submitted, by=secretary, eligible=True)
