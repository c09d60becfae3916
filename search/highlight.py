"""Marking the words a visitor searched for in a title or a snippet, for engines that do not do it themselves."""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

SNIPPET_LENGTH = 220


def _pattern(terms):
    words = sorted({term for term in terms if term}, key=len, reverse=True)[:10]
    if not words:
        return None
    # A word's start must be a term's start: "park" marks "parking", not "skatepark".
    return re.compile(r"\b(" + "|".join(re.escape(word) for word in words) + r")", re.IGNORECASE)


def _marked(text, pattern):
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts += [escape(text[last : match.start()]), "<mark>", escape(match.group(0)), "</mark>"]
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped or one of our <mark> tags


def highlight(text, terms):
    """``text`` escaped, with each search term marked."""
    pattern = _pattern(terms)
    return _marked(text, pattern) if pattern else escape(text)


def snippet(text, terms, length=SNIPPET_LENGTH):
    """Up to ``length`` characters of ``text`` around the first match, escaped and marked."""
    text = " ".join(text.split())
    pattern = _pattern(terms)
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.start() > length // 3:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
    excerpt = text[start : start + length]
    if start + length < len(text):
        excerpt = excerpt[: excerpt.rfind(" ")] if " " in excerpt else excerpt
    prefix, suffix = ("… " if start else ""), (" …" if start + len(excerpt) < len(text) else "")
    return format_html("{}{}{}", prefix, highlight(excerpt, terms), suffix)
