"""Races on PostgreSQL: two people (or one double click) acting on the same call or application at once."""

import pytest

from consultations import exceptions, services
from consultations.models import Application, ApplicationEvent
from tests.concurrency.threads import run_at_once
from tests.consultations.conftest import complete
from tests.factories import OrganisationFactory, make_member

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_simultaneous_starts_give_the_city_one_application(require_postgres, open_call, focal_point):
    errors = run_at_once(lambda: services.start_application(call=open_call, user=focal_point, title="Flood sensors"))
    assert Application.objects.filter(call=open_call).count() == 1
    assert len(errors) == 7 and all(isinstance(error, exceptions.ApplicationLimitReached) for error in errors)


def test_simultaneous_submits_submit_once(require_postgres, draft, focal_point):
    complete(draft, focal_point)
    errors = run_at_once(lambda: services.submit_application(application=draft, user=focal_point))
    assert len(errors) == 7 and all(isinstance(error, exceptions.WrongStep) for error in errors)
    assert draft.history.filter(verb=ApplicationEvent.Verb.SUBMITTED).count() == 1


def test_the_last_award_goes_to_one_application_when_the_secretariat_decides_at_once(
    require_postgres, open_call, secretary
):
    open_call.awards = 1
    open_call.save()
    applications = []
    for number in range(4):
        city = OrganisationFactory()
        lead = make_member(city, role="focal_point")
        application = services.start_application(call=open_call, user=lead, title=f"Plan {number}")
        complete(application, lead)
        services.submit_application(application=application, user=lead)
        applications.append(services.screen(application=application, by=secretary, eligible=True))
    pending = iter(applications)
    errors = run_at_once(
        lambda: services.determine(
            application=next(pending), by=secretary, outcome=Application.Status.AWARDED, message="Selected."
        ),
        count=4,
    )
    assert Application.objects.filter(status=Application.Status.AWARDED).count() == 1
    assert len(errors) == 3 and all(isinstance(error, exceptions.AwardsExhausted) for error in errors)
