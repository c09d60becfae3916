"""Log output for machines: one JSON object per line (production's stdout), read by the log collector.

Settings name the formatter by path, so this module must not import models.
"""

import json
import logging
from datetime import UTC, datetime

# Every attribute a LogRecord has before `extra=` adds ours; anything else on a record is a field of its line.
STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}
# Only plain values become fields: Django passes the request object, whose text would carry the query string.
FIELD_TYPES = (str, int, float, bool, list, dict, type(None))


class JsonFormatter(logging.Formatter):
    """time, level, logger and message, then the fields a caller passed in ``extra``, then the traceback."""

    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in STANDARD_ATTRIBUTES and not key.startswith("_") and isinstance(value, FIELD_TYPES):
                line[key] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        # default=str: a list or dict holding something that is not JSON still gives a line, never an error.
        return json.dumps(line, ensure_ascii=False, default=str)
