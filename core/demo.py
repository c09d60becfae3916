"""Demo content owned by core: the home page, the topic taxonomy and the pages every page links to (about, contact,
privacy notice, terms of use), chosen in the site settings."""

from django.conf import settings
from django.utils.text import slugify
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from . import demo_legal
from .i18n import in_default_language
from .models import ContactPage, HomePage, SiteSettings, StandardPage, Topic
from .public_url import sync_default_site

TOPICS = [
    ("E-government", "Digital public services, online one-stop shops and back-office reform."),
    ("Open data", "Publishing and re-using public data."),
    ("Smart mobility", "Transport data, traffic management and mobility services."),
    ("Digital inclusion", "Skills, access and services that reach every resident."),
    ("Citizen participation", "Online consultation, participatory budgeting and civic tech."),
    ("Urban resilience", "Disaster risk, climate adaptation and continuity of services."),
    ("Cybersecurity", "Protecting city systems and residents' data."),
    ("Data governance", "Policies, privacy and the institutions that steward city data."),
]


def ensure_wagtail_roots():
    """The default locale, the root page and the root collection that Wagtail's migrations create.

    A flushed database (``manage.py flush``, transactional tests) has lost them.
    """
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def ensure_home_page():
    """The site's root page, replacing the placeholder page Wagtail installs. Returns (page, created)."""
    home = HomePage.objects.first()
    if home is not None:
        return home, False
    root = ensure_wagtail_roots()
    home = root.add_child(
        instance=HomePage(
            title="WeGo Hub",
            slug="wego-home",
            hero_title="Learn, share and meet: the hub of smart, sustainable cities",
            hero_text=(
                "E-government training for city staff, toolkits to re-use, cases from pilot projects and "
                "feasibility studies, and the association's conference calendar. This site runs with "
                "demo content."
            ),
        )
    )
    placeholder_ids = list(
        Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").values_list(
            "id", flat=True
        )
    )
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home})
    sync_default_site()
    Page.objects.filter(id__in=placeholder_ids).delete()
    return home, True


def seed(progress):
    home, created = ensure_home_page()
    progress.record(created)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    english = Locale.get_default()
    for name, description in progress.iterate(TOPICS, "topics"):
        _, created = Topic.objects.get_or_create(
            slug=slugify(name), locale=english, defaults={"name": name, "description": description}
        )
        progress.record(created)
    if not StandardPage.objects.filter(slug="about").exists():
        home.add_child(
            instance=StandardPage(
                title="About WeGo Hub",
                slug="about",
                intro=(
                    "WeGo Hub is where the staff of the association's member cities learn, share and meet: "
                    "e-government courses with certificates, toolkits, a library of pilot projects and "
                    "feasibility studies, and the conference calendar."
                ),
            )
        )
        progress.record(True)
    else:
        progress.record(False)
    seed_public_pages(home, site_settings, progress)


def seed_public_pages(home, site_settings, progress):
    """The contact page, the privacy notice and the terms of use, and the site settings' links to the four pages.

    A link the secretariat already chose is left alone; an empty one points at the demo page."""
    pages = {"about_page": StandardPage.objects.child_of(home).filter(slug="about").first()}
    pages["contact_page"], created = ensure_child(
        home,
        ContactPage,
        "contact",
        title="Contact",
        intro=demo_legal.CONTACT_INTRO,
        address=demo_legal.CONTACT_ADDRESS,
        office_hours=demo_legal.CONTACT_HOURS,
        body=demo_legal.CONTACT_BODY,
    )
    progress.record(created)
    pages["privacy_page"], created = ensure_child(
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        intro=demo_legal.PRIVACY_INTRO,
        body=demo_legal.PRIVACY_BODY,
    )
    progress.record(created)
    pages["terms_page"], created = ensure_child(
        home, StandardPage, "terms", title="Terms of use", intro=demo_legal.TERMS_INTRO, body=demo_legal.TERMS_BODY
    )
    progress.record(created)
    unset = {
        field: page
        for field, page in pages.items()
        if page is not None and getattr(site_settings, f"{field}_id") is None
    }
    if unset:
        for field, page in unset.items():
            setattr(site_settings, field, page)
        site_settings.save(update_fields=list(unset))


def ensure_child(parent, model, slug, **fields):
    """The live child page of ``parent`` with this slug, created and published when missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    topics = fields.pop("topics", [])
    page = parent.add_child(instance=model(slug=slug, **fields))
    if topics:
        page.topics.set(in_default_language(Topic.objects.filter(slug__in=topics)))
        page.save_revision().publish()
    return page, True


def ensure_index(model, slug, title, intro, progress):
    home, _ = ensure_home_page()
    index_page, created = ensure_child(home, model, slug, title=title, intro=intro)
    progress.record(created)
    return index_page
