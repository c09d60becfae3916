from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from api.v1 import api as api_v1
from core import views as core_views
from core.sitemaps import PagesInEveryLanguage
from courses import views as courses_views

handler500 = "core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    # Wagtail's sitemap: live pages without view restrictions, in every language (core.sitemaps), at the default
    # Site's address (= PUBLIC_URL).
    # Kept 15 minutes (it lists every page: ~330 ms for 1,000 pages); a crawler tolerates that delay after a publish.
    path("sitemap.xml", cache_page(15 * 60)(sitemap), {"sitemaps": {"pages": PagesInEveryLanguage}}, name="sitemap"),
    # Wagtail's own login form would bypass allauth's rate limits: send it to allauth.
    path(
        "admin/login/",
        RedirectView.as_view(url=settings.WAGTAILADMIN_LOGIN_URL, query_string=True),
        name="wagtailadmin_login_redirect",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's own serve view, wrapped so that members-only documents are never cached (core.views).
    re_path(r"^documents/(\d+)/(.*)$", core_views.serve_document, name="wagtaildocs_serve"),  # Wagtail's pattern
    path("documents/", include(wagtaildocs_urls)),
    re_path(r"^media/(?P<path>.+)$", core_views.public_media, name="public_media"),
    # The language switcher's links: remember the choice, then go to the page in that language.
    path("language/<str:code>/", core_views.switch_language, name="switch_language"),
    # Open Badges: the issuer profile, its keys, achievements and the revocation list (JSON-LD, no language).
    path("credentials/", include("courses.credential_urls")),
    # The open-data API: data, not pages, so no language prefix (a list takes ?language=).
    path("api/v1/", api_v1.urls),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Everything a reader reads carries its language: English unprefixed, the others under /fr/, /es/, /ko/, /ru/, /ar/.
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    # The learner's transcript, beside /me/ (members.urls) but the courses' own (courses.views).
    path("me/transcript/", courses_views.transcript, name="transcript"),
    path("me/transcript.pdf", courses_views.transcript_pdf, name="transcript_pdf"),
    path("", include("members.urls")),
    path("search/", include("search.urls")),
    path("learning/", include("courses.urls")),
    path("certificates/", include("courses.certificate_urls")),
    path("community/", include("community.urls")),
    path("", include("api.urls")),  # My hub → API tokens
    path("", include("events.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
