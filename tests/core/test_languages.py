"""Six languages: addresses that carry the language, the front door, the switcher, the reader's and the member's
choice, alternates for search engines, the notice on a page not translated yet, and emails in the member's
language."""

import re

import pytest
from defusedxml import ElementTree
from django.core import mail
from django.urls import reverse
from wagtail.models import Site

from core.models import SiteSettings
from members.models import User
from tests.background import run_ready_tasks
from tests.factories import PASSWORD, CoursePageFactory, UserFactory
from tests.translations import alias, locale, translate

LANGUAGES = ["en", "fr", "es", "ko", "ru", "ar"]


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def in_languages(site_tree, codes):
    """The site's pages in ``codes`` besides English, as the synchronised trees hold them: translations of the home
    page and the course catalogue, aliases of the rest."""
    for code in codes:
        locale(code)
        translate(site_tree["home"], code, title=f"Home {code}")
        translate(site_tree["courses"], code, title={"fr": "Cours", "ar": "الدورات"}.get(code, f"Courses {code}"))
        for key in ("toolkits", "cases", "events", "about"):
            alias(site_tree[key], code)
    return site_tree


@pytest.fixture
def six_languages(site_tree):
    return in_languages(site_tree, LANGUAGES[1:])


@pytest.fixture
def languages(site_tree):
    """French, Spanish, Russian and Arabic: enough for most checks, faster than all six."""
    return in_languages(site_tree, ["fr", "es", "ru", "ar"])


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_has_its_address_lang_and_direction(client, six_languages, code):
    prefix = "" if code == "en" else f"/{code}"
    for path in ("/", "/courses/", "/cases/", "/members/", "/accounts/login/", "/search/?q=data"):
        response = client.get(prefix + path)
        assert response.status_code == 200, prefix + path
        expected_dir = "rtl" if code == "ar" else "ltr"
        assert html_tag(response) == f'<html lang="{code}" dir="{expected_dir}">', prefix + path


def test_the_interface_speaks_the_address_language(client, languages):
    french = client.get("/fr/courses/").content.decode()
    assert "Rechercher" in french or "Recherche" in french
    assert ">Cours<" in french
    arabic = client.get("/ar/courses/").content.decode()
    assert "الدورات" in arabic


def test_the_front_door_follows_the_cookie_then_the_browser_then_english(client, languages):
    assert client.get("/").status_code == 200  # no cookie, no preference: English
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5")
    assert response.status_code == 302 and response["Location"] == "/es/"
    assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]
    client.cookies["django_language"] = "ar"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es").headers["Location"] == "/ar/"  # the cookie first
    client.cookies["django_language"] = "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es").status_code == 200  # an English cookie keeps English
    # Only the front door negotiates: every other address keeps the language its prefix says.
    client.cookies["django_language"] = "fr"
    assert client.get("/courses/").status_code == 200


def test_the_switcher_keeps_the_page_and_remembers_the_choice(client, six_languages):
    page = client.get("/fr/courses/?q=data").content.decode()
    links = dict(re.findall(r'<a href="(/language/(\w+)/\?next=[^"]+)"', page)[i][::-1] for i in range(6))
    assert set(links) == set(LANGUAGES)
    response = client.get(links["ar"].replace("&amp;", "&"))
    assert response.status_code == 302
    assert response["Location"] == "/ar/courses/?q=data"
    assert response.cookies["django_language"].value == "ar"
    assert response.cookies["django_language"]["max-age"] == 365 * 24 * 60 * 60
    back = client.get(links["en"].replace("&amp;", "&"))
    assert back["Location"] == "/courses/?q=data"


def test_the_switcher_works_without_script_on_every_page(client, languages):
    """A <details> disclosure with links: no form, no token, no script; the current language is marked."""
    page = client.get("/es/cases/").content.decode()
    switcher = re.search(r'<details class="language-switcher">.*?</details>', page, re.S).group(0)
    assert "<form" not in switcher and "<script" not in switcher
    assert re.search(r'hreflang="es"[^>]*aria-current="true">Español<', switcher)
    assert 'lang="ar"' in switcher and "العربيّة" in switcher


def test_a_members_choice_goes_in_their_profile(client, languages):
    member = UserFactory(preferred_language="en")
    client.force_login(member)
    client.get(reverse("switch_language", args=["ko"]) + "?next=/ko/courses/")
    member.refresh_from_db()
    assert member.preferred_language == "ko"


@pytest.mark.parametrize(
    ("code", "next_path"),
    [("xx", "/courses/"), ("fr", "//evil.example/"), ("fr", "https://evil.example/"), ("fr", "\\\\evil.example")],
)
def test_the_switcher_refuses_unknown_languages_and_other_sites(client, languages, code, next_path):
    response = client.get(f"/language/{code}/", {"next": next_path})
    if code == "xx":
        assert response.status_code == 404
    else:
        assert response.status_code == 302 and response["Location"] == "/fr/"


def test_signing_in_applies_the_members_language(client, languages):
    member = UserFactory(email="amina@casablanca.city.example", preferred_language="fr")
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/fr/me/"
    assert response.cookies["django_language"].value == "fr"
    assert client.get("/").headers["Location"] == "/fr/"


def test_a_newcomer_keeps_the_language_they_joined_in(client, languages):
    password = "seoul-digital-city-2026"
    client.post(
        "/es/accounts/signup/",
        {
            "email": "nuevo@bogota.city.example",
            "password1": password,
            "password2": password,
            "first_name": "Ana",
            "last_name": "Ruiz",
        },
    )
    assert User.objects.get(email="nuevo@bogota.city.example").preferred_language == "es"
    run_ready_tasks()
    (message,) = mail.outbox
    assert "Confirm" not in message.subject and "WeGo Hub" in message.subject


def test_a_password_reset_email_is_in_the_members_language(client, languages):
    UserFactory(email="oleg@almaty.city.example", preferred_language="ru")
    client.post(reverse("account_reset_password"), {"email": "oleg@almaty.city.example"})  # asked from English
    run_ready_tasks()
    (message,) = mail.outbox
    assert re.search("[а-яА-Я]", message.subject), message.subject
    assert re.search("[а-яА-Я]{4,}", message.body)


def test_alternates_name_each_translation_and_an_alias_points_to_its_original(client, languages):
    translated = client.get("/fr/courses/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', translated))
    assert alternates["en"].endswith("/courses/") and alternates["fr"].endswith("/fr/courses/")
    assert alternates["ar"].endswith("/ar/courses/") and alternates["x-default"] == alternates["en"]
    assert 'rel="canonical"' not in translated
    aliased = client.get("/fr/cases/").content.decode()
    assert re.search(r'<link rel="canonical" href="[^"]+/cases/">', aliased)
    assert 'hreflang="fr"' not in aliased.split("</head>")[0]


def test_a_page_not_translated_yet_says_so_and_shows_the_original(client, languages):
    languages["cases"].intro = "Cities' projects, told by the people who ran them."
    languages["cases"].save_revision().publish()
    response = client.get("/ar/cases/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "notice-untranslated" in page and "Not yet available" not in page  # the notice is in Arabic
    assert "Case library" in page  # the original's words, under an Arabic interface
    assert "notice-untranslated" not in client.get("/ar/courses/").content.decode()
    assert "notice-untranslated" not in client.get("/cases/").content.decode()


def test_the_sitemap_lists_the_pages_written_in_each_language(client, languages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {loc.text for loc in ElementTree.fromstring(response.content).findall(".//s:loc", namespace)}
    paths = {re.sub(r"^https?://[^/]+", "", url) for url in urls}
    for code in ["fr", "es", "ru", "ar"]:
        assert f"/{code}/courses/" in paths
        assert f"/{code}/cases/" not in paths  # an alias: its original is listed
    assert "/cases/" in paths and "/courses/" in paths


def test_robots_keep_crawlers_out_of_private_addresses_in_every_language(client, languages):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /fr/accounts/" in robots and "Disallow: /ar/me/" in robots and "Disallow: /language/" in robots


def test_the_legal_links_lead_to_the_readers_translation(client, languages):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.about_page = languages["about"]
    settings.save()
    french_about = translate(languages["about"], "fr", title="À propos")
    page = client.get("/fr/courses/").content.decode()
    assert f'href="{french_about.url}"' in page and french_about.url.startswith("/fr/")


def test_fixed_links_follow_the_readers_language(client, languages):
    page = client.get("/es/cases/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', page, re.S)
    header_and_footer = (nav.group(0) if nav else "") + page.split('<footer class="site-footer">')[1]
    assert 'href="/es/courses/"' in header_and_footer and 'href="/courses/"' not in header_and_footer
    assert 'class="brand" href="/es/"' in page


def test_a_course_page_keeps_its_language_in_every_locale(client, languages):
    course = CoursePageFactory(parent=languages["courses"], title="Open data for cities", slug="open-data")
    translate(course, "fr", title="Les données ouvertes pour les villes")
    assert client.get("/fr/courses/open-data/").status_code == 200
    assert "Les données ouvertes" in client.get("/fr/courses/open-data/").content.decode()
    assert client.get("/es/courses/open-data/").status_code == 404  # neither translated nor aliased in Spanish


def test_djangos_and_allauths_own_words_are_translated_on_our_pages_too(client, languages):
    """Django's validation messages and allauth's come from their own catalogues, in the page's language."""
    form = {"email": "not-an-email", "password1": "abc", "password2": "abd", "first_name": "A", "last_name": "B"}
    page = client.post("/fr/accounts/signup/", form).content.decode()
    assert "Saisissez une adresse de courriel valide." in page  # Django's EmailField
    assert "Ce mot de passe est trop court." in page  # Django's password validators
    assert "Enter a valid email address." not in page and "too short" not in page
    page = client.post("/es/accounts/login/", {"login": "nadie@city.example", "password": "wrong-password"})
    assert "no son correctas" in page.content.decode()  # allauth's
