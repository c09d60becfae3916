"""Random register/cancel sequences against a reference model of first-come seating.

After every step the database must agree with the model: confirmed ≤ capacity per mode, the
waiting list in arrival order, promotion of the earliest waiting person, nobody promoted twice.
"""

import itertools

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from events import services
from events.models import EventPage, Registration

MODES = [Registration.Mode.IN_PERSON, Registration.Mode.ONLINE]
PEOPLE = 6
STEP = st.one_of(
    st.tuples(st.just("register"), st.integers(0, PEOPLE - 1), st.sampled_from(MODES)),
    st.tuples(st.just("cancel"), st.integers(0, PEOPLE - 1), st.none()),
)


class SeatingModel:
    def __init__(self, capacity):
        self.capacity = capacity
        self.active = {}  # person -> [mode, status, arrival]
        self.arrivals = itertools.count()
        self.promoted = []

    def confirmed(self, mode):
        return sum(1 for m, status, _ in self.active.values() if m == mode and status == "confirmed")

    def register(self, person, mode):
        if person in self.active:
            return
        status = "confirmed" if self.confirmed(mode) < self.capacity[mode] else "waitlisted"
        self.active[person] = [mode, status, next(self.arrivals)]

    def cancel(self, person):
        if self.active.pop(person, None) is None:
            return
        for mode in MODES:
            waiting = sorted(
                (arrival, p) for p, (m, s, arrival) in self.active.items() if m == mode and s == "waitlisted"
            )
            for _, p in waiting[: max(self.capacity[mode] - self.confirmed(mode), 0)]:
                self.active[p][1] = "confirmed"
                self.promoted.append(p)


@pytest.fixture
def crowd(people, db):
    from tests.factories import UserFactory

    return people + [UserFactory() for _ in range(PEOPLE - len(people))]


@pytest.mark.django_db
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(STEP, min_size=4, max_size=30),
    in_person=st.integers(0, 2),
    online=st.integers(1, 2),
)
@example(  # the classic: the seat's holder leaves while two people wait
    steps=[("register", 0, MODES[0]), ("register", 1, MODES[0]), ("register", 2, MODES[0]), ("cancel", 0, None)],
    in_person=1,
    online=1,
)
def test_random_sequences_keep_capacity_order_and_single_promotion(make_event, crowd, steps, in_person, online):
    event = make_event(format=EventPage.Format.HYBRID, in_person_capacity=in_person, online_capacity=online)
    model = SeatingModel({Registration.Mode.IN_PERSON: in_person, Registration.Mode.ONLINE: online})
    for action, person, mode in steps:
        if action == "register":
            services.register(event=event, user=crowd[person], mode=mode, consent=True)
            model.register(person, mode)
        else:
            services.cancel(event=event, user=crowd[person])
            model.cancel(person)

        rows = Registration.objects.active().filter(event=event).select_related("user")
        actual = {crowd.index(row.user): (row.mode, row.status) for row in rows}
        expected = {person: (mode, status) for person, (mode, status, _) in model.active.items()}
        assert actual == expected
        for mode_ in MODES:
            assert Registration.objects.confirmed().filter(event=event, mode=mode_).count() <= model.capacity[mode_]
    promoted = list(Registration.objects.filter(event=event, promoted_at__isnull=False).values_list("id", flat=True))
    assert len(promoted) == len(set(promoted)) == len(model.promoted)
