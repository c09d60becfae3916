"""The open-data case CSV cannot attack whoever opens it in a spreadsheet (issue 16)."""

import pytest

from tests.factories import CasePageFactory
from tests.spreadsheets import PAYLOADS, PRINTABLE_PAYLOADS, assert_csv_neutralised, column, read_csv

pytestmark = pytest.mark.django_db


def test_the_case_csv_neutralises_titles_summaries_and_partners(client, site_tree):
    for number, payload in enumerate(PAYLOADS):
        CasePageFactory(
            parent=site_tree["cases"],
            slug=f"hostile-{number}",
            title=payload,
            summary=payload,
            city=payload,
            partners=f"{payload}\nCity lab",
            start_year=2020,
            budget_amount=-5 if number == 0 else 1200,
            budget_currency="KRW",
        )
    rows = read_csv(client.get("/cases/export/csv/"))
    amount = rows[0].index("budget_amount")
    assert_csv_neutralised([row[:amount] + row[amount + 1 :] for row in rows])
    assert set(column(rows, "summary")) == {"'" + payload for payload in PAYLOADS}
    assert set(column(rows, "partners")) >= {f"'{payload}; City lab" for payload in PRINTABLE_PAYLOADS}
    assert set(column(rows, "start_year")) == {"2020"}
    assert set(column(rows, "budget_amount")) == {"-5", "1200"}  # numbers stay numbers, a negative one too
