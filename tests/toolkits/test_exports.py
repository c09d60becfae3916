"""The secretariat's download report cannot attack the person who opens it (issue 16)."""

import pytest

from tests.factories import OrganisationFactory, make_member
from tests.spreadsheets import PAYLOADS, assert_csv_neutralised, column, read_csv
from tests.toolkits.conftest import file_of
from toolkits.models import Download

pytestmark = pytest.mark.django_db


def test_the_download_report_neutralises_city_names_and_keeps_counts_numbers(admin_client, make_toolkit):
    toolkit = make_toolkit(title="Open data toolkit")
    file = file_of(toolkit)
    for number, payload in enumerate(PAYLOADS):
        city = OrganisationFactory(name=payload, slug=f"hostile-{number}")
        person = make_member(city)
        Download.objects.create(
            toolkit=toolkit,
            file=file,
            version="1.0",
            language="en",
            user=person,
            organisation=city,
            visitor=f"v{person.id}",
            click_window=number,
        )
    rows = read_csv(admin_client.get("/admin/reports/toolkit-downloads/", {"export": "csv"}))
    assert_csv_neutralised(rows)
    assert set(column(rows, "Member city")) == {"'" + payload for payload in PAYLOADS}
    assert set(column(rows, "Downloads")) == {"1"}
