import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model

REPO = Path(__file__).resolve().parents[2]
Document = get_document_model()


@pytest.mark.django_db
def test_public_pages_send_the_strict_security_headers(client, site_tree):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


DIRECTIVES = {
    "default-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "media-src", "object-src",
    "frame-src", "frame-ancestors", "base-uri", "form-action", "worker-src", "manifest-src", "child-src",
}  # fmt: skip
KEYWORDS = {"'self'", "'none'", "'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "'unsafe-hashes'"}
SOURCE_EXPRESSION = re.compile(
    r"""'(nonce|sha256|sha384|sha512)-[A-Za-z0-9+/_-]+={0,2}'"""  # a nonce or hash source
    r"|[a-z][a-z0-9+.-]*:"  # a scheme source (data:, blob:, https:)
    r"|(https?://)?(\*\.)?[a-z0-9.-]+(:\d+|:\*)?(/\S*)?"  # a host source
)


def parse_policy(header):
    """CSP Level 3 (section 2.2): directives separated by ';', a name then its sources; every source must be valid."""
    policy, invalid = {}, []
    for directive in filter(None, (part.strip() for part in header.split(";"))):
        name, *sources = directive.split()
        if name not in DIRECTIVES or name in policy:
            invalid.append(name)
        for source in sources:
            if source not in KEYWORDS and not SOURCE_EXPRESSION.fullmatch(source):
                invalid.append(f"{name} {source}")
        policy[name] = sources
    return policy, invalid


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/courses/", "/no-such-page/", "/accounts/login/", "/admin/"])
def test_every_policy_parses_into_valid_sources_only(admin_client, site_tree, path):
    policy, invalid = parse_policy(admin_client.get(path)["Content-Security-Policy"])
    assert invalid == []
    assert policy["script-src"] and policy["default-src"] == ["'self'"]


@pytest.mark.django_db
def test_the_public_policy_allows_scripts_from_the_site_alone(client, site_tree):
    # No inline script anywhere on the public site, so no nonce: a page carries no per-response secret.
    policy, invalid = parse_policy(client.get("/")["Content-Security-Policy"])
    assert invalid == []
    assert policy["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_the_admin_gets_a_relaxed_policy_and_may_frame_itself(admin_client, site_tree):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in response["Content-Security-Policy"]
    assert "'nonce-" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_wagtail_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_posting_credentials_to_the_wagtail_login_signs_nobody_in(client, admin_user):
    from tests.factories import PASSWORD

    response = client.post("/admin/login/", {"username": admin_user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def run_manage(*args, env_overrides, drop=()):
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "wego_hub.settings.production",
    "SECRET_KEY": "a-production-like-secret-key-with-plenty-of-entropy-9f8e7d6c5b4a",
    "ALLOWED_HOSTS": "hub.example.org",
    "OPEN_BADGES_SIGNING_KEYS": "deploy-check:" + "A" * 43,
}


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_a_required_setting(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = run_manage("check", env_overrides=env, drop=(missing,))
    assert result.returncode != 0
    assert f"The environment variable {missing} is required in production" in result.stderr


def test_production_cookies_are_host_prefixed_and_secure():
    probe = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_SSL_REDIRECT)"
    )
    env = {**os.environ, **PRODUCTION}
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["__Host-sessionid", "__Host-csrftoken", "True", "True", "True", "True"]


@pytest.mark.django_db
def test_shared_password_privacy_is_not_offered(admin_client, site_tree):
    home = site_tree["home"]
    response = admin_client.get(reverse("wagtailadmin_pages:set_privacy", args=[home.id]))
    assert response.status_code == 200
    assert 'value="password"' not in response.content.decode()


@pytest.fixture
def media_root(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


def upload_document(admin_client, name, content):
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


@pytest.mark.django_db
def test_a_disallowed_document_type_gets_a_form_error(admin_client, media_root):
    response = upload_document(admin_client, "payload.exe", b"MZ")
    assert response.status_code == 200
    assert "is not allowed" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_an_oversized_document_gets_a_form_error(admin_client, media_root):
    with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024):
        response = upload_document(admin_client, "big.pdf", b"%PDF-1.4\n" + b"0" * 4096)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_documents_download_as_attachments_and_never_from_media(client, admin_client, media_root):
    response = upload_document(admin_client, "guide.pdf", b"%PDF-1.4 a small guide")
    assert response.status_code == 302
    document = Document.objects.get()
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    assert b"".join(served.streaming_content) == b"%PDF-1.4 a small guide"
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get("/media/images/../" + document.file.name).status_code == 404
