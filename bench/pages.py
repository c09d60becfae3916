"""The pages `make bench` measures. Later issues add theirs here, one line each.

``path`` is a URL or a function of the seeded data (``bench.seed.Seeded``) returning one;
``as_user`` names a seeded person to sign in as ("member", "focal_point", "secretariat") or None for a visitor.
"""

from typing import NamedTuple


class BenchPage(NamedTuple):
    name: str
    path: object
    as_user: str | None = None
    # Measured under load interleaved with the static file (static, page, static, page), its ratio against the
    # static file of the same moment: the signed-out pages kept in the page cache (issue 19: ≥ 0.5×).
    interleaved: bool = False


def static_css(seeded):
    from django.contrib.staticfiles.storage import staticfiles_storage

    return staticfiles_storage.url("css/site.css")


def organisation_profile(seeded):
    return f"/members/{seeded.focal_city_slug}/"


def focal_point_dashboard(seeded):
    return f"/members/{seeded.focal_city_slug}/dashboard/"


def course_page(seeded):
    return seeded.course_url


def lesson_page(seeded):
    return seeded.lesson_url


def event_page(seeded):
    return seeded.event_url


def calendar_month(seeded):
    return seeded.calendar_path


def case_page(seeded):
    return seeded.case_url


def toolkit_page(seeded):
    return seeded.toolkit_url


def toolkit_download(seeded):
    return seeded.download_url


def certificate_page(seeded):
    return seeded.certificate_url


def certificate_pdf(seeded):
    """The PDF drawn for each download (reportlab), as its holder downloads it after passing."""
    from courses.models import Certificate

    certificate = Certificate.objects.filter(enrollment__user__email=seeded.member_email).order_by("id").first()
    return certificate.pdf_url if certificate else ""


def ranked_table(seeded):
    return seeded.ranking_url


def ranked_table_xlsx(seeded):
    return seeded.ranking_url + "ranking/xlsx/"


def gradebook(seeded):
    return seeded.gradebook_url


def bank_quiz_lesson(seeded):
    return seeded.bank_lesson_url


def peers_by_topic_and_language(seeded):
    return f"/community/peers/?topic={seeded.peer_topic}&language=fr"


PAGES = [
    BenchPage("static file", static_css),
    BenchPage("home", "/", interleaved=True),
    BenchPage("healthz", "/healthz"),
    BenchPage("login", "/accounts/login/"),
    BenchPage("courses", "/courses/"),
    BenchPage("courses, filtered", "/courses/?level=intermediate&language=en&q=practice"),
    BenchPage("course page (enrolled)", course_page, as_user="member"),
    BenchPage("lesson page (enrolled)", lesson_page, as_user="member"),
    BenchPage("members directory", "/members/"),
    BenchPage("members directory, region", "/members/?region=europe"),
    BenchPage("members directory, name search", "/members/?q=%EC%84%9C%EC%9A%B8&sort=name"),
    BenchPage("organisation profile", organisation_profile),
    BenchPage("my hub", "/me/", as_user="member"),
    BenchPage("focal-point dashboard", focal_point_dashboard, as_user="focal_point"),
    BenchPage("events", "/events/"),
    BenchPage("events, filtered", "/events/?kind=webinar&format=online"),
    BenchPage("events calendar month", calendar_month),
    BenchPage("event page (registered)", event_page, as_user="member"),
    BenchPage("events feed.ics", "/events/feed.ics"),
    BenchPage("cases", "/cases/", interleaved=True),
    BenchPage("cases, three facets", "/cases/?kind=pilot_project&region=europe&region=africa&topic=open-data"),
    BenchPage("cases, query", "/cases/?q=parking+pilot&sort=relevance"),
    BenchPage("case page", case_page, interleaved=True),
    # What signed-in people get: never from the page cache (issue 19: ≥ 2× the requests per second of before).
    BenchPage("cases, signed in", "/cases/", as_user="member"),
    BenchPage("courses, signed in", "/courses/", as_user="member"),
    BenchPage("toolkits", "/toolkits/"),
    BenchPage("toolkits, filtered", "/toolkits/?language=fr&audience=public&q=policy&sort=updated"),
    BenchPage("toolkit page", toolkit_page),
    BenchPage("toolkit download, 1 MB", toolkit_download),
    BenchPage("certificate verification", certificate_page),
    BenchPage("certificate PDF", certificate_pdf, as_user="member"),
    BenchPage("privacy notice", "/privacy/"),
    BenchPage("past events", "/events/past/"),
    BenchPage("sitemap.xml", "/sitemap.xml"),
    # The same listings in French (issue 18): the French tree holds every page, aliases of the English ones.
    BenchPage("home, French", "/fr/"),
    BenchPage("courses, French", "/fr/courses/"),
    BenchPage("cases, French", "/fr/cases/"),
    BenchPage(
        "cases, three facets, French", "/fr/cases/?kind=pilot_project&region=europe&region=africa&topic=open-data"
    ),
    BenchPage("events, French", "/fr/events/"),
    BenchPage("toolkits, French", "/fr/toolkits/"),
    # The search mix (issue 9: p95 ≤ 300 ms on SQLite, ≤ 150 ms on PostgreSQL, none over 1 s, at scale "large").
    # In the seed, "parking" is in a quarter of the cases, "pilot" in every case and "city" in every course,
    # lesson, case and event: the most frequent word.
    BenchPage("search, selective word", "/search/?q=parking"),
    BenchPage("search, two words", "/search/?q=smart+parking"),
    BenchPage("search, common word", "/search/?q=pilot"),
    BenchPage("search, most frequent word", "/search/?q=city"),
    BenchPage("search, one letter", "/search/?q=a"),
    BenchPage("search, type and topic", "/search/?q=city&type=case&topic=open-data"),
    BenchPage("search, page 40", "/search/?q=city&page=40"),
    BenchPage("search, no match", "/search/?q=zeppelin"),
    BenchPage("search suggestions", "/search/suggest/?q=par"),
    # The consultation programme (issue 20): the secretariat's ranked table, 101 applications × 5 reviews.
    BenchPage("consultations, ranked table", ranked_table, as_user="secretariat"),
    BenchPage("consultations, ranked table XLSX", ranked_table_xlsx, as_user="secretariat"),
    # Assessment (issue 21): a course's gradebook in the admin, 50 of its 2,000 learners a page, 3 quizzes; a quiz
    # lesson whose quiz draws 20 questions from a bank of 500.
    BenchPage("gradebook (2,000 learners)", gradebook, as_user="secretariat"),
    BenchPage("quiz from a bank of 500", bank_quiz_lesson, as_user="member"),
    # Knowledge sharing (issue 22): Find a peer among every approved member's profile; the secretariat's charts. The
    # maps are on "cases" and "members directory" (cached for visitors), the city's charts on "focal-point dashboard".
    BenchPage("find a peer", "/community/peers/", as_user="member"),
    BenchPage("find a peer, topic and language", peers_by_topic_and_language, as_user="member"),
    BenchPage("find a peer, text", "/community/peers/?q=open+data", as_user="member"),
    BenchPage("secretariat charts", "/admin/reports/charts/", as_user="secretariat"),
    # Signed in, so no page cache: the members' map is drawn from the database on every request.
    BenchPage("members directory and map, signed in", "/members/", as_user="member"),
    # The open-data API (issue 23): never page-cached; each list counts its facets as the library does.
    BenchPage("API cases", "/api/v1/cases/"),
    BenchPage("API cases, filtered", "/api/v1/cases/?kind=pilot_project&region=europe&region=africa&topic=open-data"),
    BenchPage("API cases, 100 a page, page 5", "/api/v1/cases/?page=5&page_size=100"),
    BenchPage("API organisations", "/api/v1/organisations/?page_size=100"),
]
STATIC_PAGE = "static file"
