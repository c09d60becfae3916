"""The seeded site crawled in each of the other five languages, as a visitor clicking around from that language's
home page: every page answers, says its language and direction, and shows no interface string of ours in English.

"In English" is judged against our own catalogue: a piece of text (or a label a screen reader reads) that is
exactly one of our msgids whose translation differs. Words inside an element marked with another language (the
switcher's "English") are the other language's by right.
"""

from html.parser import HTMLParser

import polib
from django.conf import settings

from tests.crawling import walk

PAGES_PER_LANGUAGE = 120
READ_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def english_interface_strings(code):
    """Our msgids that read differently in ``code``: seeing one on a ``code`` page means a string escaped."""
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"))
    return {
        entry.msgid
        for entry in catalogue.translated_entries()
        if not entry.msgid_plural and entry.msgstr != entry.msgid and "%" not in entry.msgid and len(entry.msgid) > 3
    }


class LanguageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.html_lang = self.html_dir = None
        self.texts = []  # (text, language of the element it is in)
        self.stack = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang, self.html_dir = attrs.get("lang"), attrs.get("dir")
        language = attrs.get("lang") or (self.stack[-1][1] if self.stack else self.html_lang)
        for name in READ_ATTRIBUTES:
            if attrs.get(name):
                self.texts.append((attrs[name].strip(), language))
        if tag not in VOID:
            self.stack.append((tag, language))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] in ("script", "style"):
            return
        if data.strip():
            self.texts.append((" ".join(data.split()), self.stack[-1][1] if self.stack else self.html_lang))


def test_every_page_answers_in_every_language(client, demo_site):
    problems, crawled = [], {}
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        escaped = english_interface_strings(code)
        direction = "rtl" if code == "ar" else "ltr"
        crawled[code] = 0
        for url, referrer, response in walk(client, starts=(f"/{code}/",), max_pages=PAGES_PER_LANGUAGE):
            if not url.startswith(f"/{code}/"):
                continue  # a link out of the language (the switcher's targets are redirects, not followed)
            crawled[code] += 1
            where = f"{url} (from {referrer})"
            if response.status_code not in (200, 302):
                problems.append(f"{where}: HTTP {response.status_code}")
                continue
            if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
                continue
            parser = LanguageParser()
            parser.feed(response.content.decode())
            if (parser.html_lang, parser.html_dir) != (code, direction):
                problems.append(f"{where}: <html lang={parser.html_lang} dir={parser.html_dir}>")
            english = sorted({text for text, language in parser.texts if language == code and text in escaped})
            if english:
                problems.append(f"{where}: in English: {english[:5]}")
    assert all(count >= 60 for count in crawled.values()), crawled
    assert problems == [], "\n".join(problems[:400])
