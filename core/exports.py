"""Spreadsheet downloads. CSV is UTF-8 with a byte-order mark, so spreadsheet programs read Hangul, Arabic and
Cyrillic names right."""

import csv
import io

from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers


def csv_response(header, rows, filename):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    add_never_cache_headers(response)  # reports about people: never in a shared cache, whichever view sends them
    return response
