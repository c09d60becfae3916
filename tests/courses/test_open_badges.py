"""Open Badges 3.0 credentials: signed at issue (JWT, EdDSA), verified, tampered with, rotated, revoked, baked into
a PNG, downloaded by their holder only, and the issuer's public documents."""

import base64
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jwt
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image

from courses import badges, credentials, services
from courses.badges import Outcome
from courses.models import Certificate
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
KEY_A = "a:" + base64.urlsafe_b64encode(bytes(range(32))).rstrip(b"=").decode()
KEY_B = "b:" + base64.urlsafe_b64encode(bytes(range(32, 64))).rstrip(b"=").decode()


@pytest.fixture
def certificate(site_tree):
    person = UserFactory(first_name="Mina", last_name="Park", email="mina@example.org")
    course, lessons = make_course(site_tree["courses"], title="Open data basics", effort_hours=6)
    services.enroll(user=person, course=course)
    for lesson in lessons:
        services.mark_lesson_complete(user=person, course=course, lesson=lesson)
    return Certificate.objects.select_related("enrollment__user", "enrollment__course").get()


def payload_of(jws):
    return json.loads(badges.b64url_decode(jws.split(".")[1]))


def with_payload(jws, payload):
    """The same header and signature around another payload: what a forger can do without the key."""
    header, _payload, signature = jws.split(".")
    encoded = badges.b64url_encode(json.dumps(payload).encode())
    return f"{header}.{encoded}.{signature}"


def decoded_status_list(client):
    response = client.get("/credentials/status/revocation/")
    encoded = response.json()["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")
    return gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))


def bit(bitstring, index):
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def test_issuing_signs_an_open_badge_credential_that_verifies(certificate):
    jws = certificate.credential
    assert jws.count(".") == 2
    header = jwt.get_unverified_header(jws)
    assert header == {"alg": "EdDSA", "kid": f"{badges.issuer_id()}#{badges.current_key().key_id}", "typ": "JWT"}
    claims = payload_of(jws)
    assert claims["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["id"] == claims["jti"] == f"https://hub.example.org/certificates/{certificate.code}/"
    assert claims["iss"] == claims["issuer"]["id"] == "https://hub.example.org/credentials/issuer/"
    assert claims["issuer"]["type"] == ["Profile"]
    subject = claims["credentialSubject"]
    assert subject["name"] == "Mina Park" and "mina@example.org" not in json.dumps(claims)
    assert subject["achievement"]["name"] == "Open data basics"
    assert subject["achievement"]["id"].endswith(f"/credentials/achievements/{certificate.enrollment.course_id}/")
    assert claims["credentialStatus"] == {
        "id": f"https://hub.example.org/credentials/status/revocation/#{certificate.id}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(certificate.id),
        "statusListCredential": "https://hub.example.org/credentials/status/revocation/",
    }
    assert "6 hours" in claims["description"]

    result = credentials.verify_credential(jws)
    assert result.outcome == Outcome.VALID and result.certificate == certificate
    assert result.key_id == badges.current_key().key_id
    # Signed once: asking again returns the same credential.
    assert credentials.ensure_credential(certificate=certificate) == jws


def test_an_older_certificate_gets_its_credential_the_first_time_it_is_asked_for(certificate):
    Certificate.objects.update(credential="")
    older = Certificate.objects.get()
    first = credentials.ensure_credential(certificate=Certificate.objects.get())
    assert first and Certificate.objects.get().credential == first
    assert credentials.ensure_credential(certificate=older) == first
    assert credentials.verify_credential(first).is_valid


@pytest.mark.parametrize(
    "change",
    [
        lambda claims: claims["credentialSubject"].update(name="Someone Else"),
        lambda claims: claims.update(validFrom="2020-01-01T00:00:00Z"),
        lambda claims: claims.update(nbf=claims["nbf"] - 86_400 * 365, validFrom="2020-01-01T00:00:00Z"),
    ],
    ids=["name", "date", "date-and-nbf"],
)
def test_a_tampered_credential_fails_verification(certificate, change):
    claims = payload_of(certificate.credential)
    change(claims)
    forged = with_payload(certificate.credential, claims)
    result = credentials.verify_credential(forged)
    assert result.outcome == Outcome.BAD_SIGNATURE and not result.is_valid
    assert "changed after it was signed" in str(result.reason)


def test_a_credential_signed_with_a_key_we_do_not_publish_fails(certificate, settings):
    claims = payload_of(certificate.credential)
    stranger = badges.parse_signing_keys(KEY_B)[0]
    forged = jwt.encode(claims, stranger.private_key, algorithm="EdDSA", headers={"kid": stranger.kid})
    assert credentials.verify_credential(forged).outcome == Outcome.UNKNOWN_KEY

    # The same forgery under the name of a key we do publish: the signature does not match that key.
    ours = jwt.encode(claims, stranger.private_key, algorithm="EdDSA", headers={"kid": badges.current_key().kid})
    assert credentials.verify_credential(ours).outcome == Outcome.BAD_SIGNATURE


def test_rotation_old_credentials_verify_with_the_old_key_and_new_ones_are_signed_with_the_new(
    certificate, settings, site_tree
):
    settings.OPEN_BADGES_SIGNING_KEYS = KEY_A
    Certificate.objects.update(credential="")
    signed_with_a = credentials.ensure_credential(certificate=Certificate.objects.get())
    assert jwt.get_unverified_header(signed_with_a)["kid"].endswith("#a")

    settings.OPEN_BADGES_SIGNING_KEYS = f"{KEY_B},{KEY_A}"
    assert credentials.verify_credential(signed_with_a).is_valid
    person = UserFactory(first_name="Jo", last_name="Lee")
    course, lessons = make_course(site_tree["courses"], title="Smart mobility")
    services.enroll(user=person, course=course)
    for lesson in lessons:
        services.mark_lesson_complete(user=person, course=course, lesson=lesson)
    newer = Certificate.objects.get(enrollment__user=person).credential
    assert jwt.get_unverified_header(newer)["kid"].endswith("#b")
    assert credentials.verify_credential(newer).is_valid

    # Both keys are published, each under the kid a credential names.
    profile = Client().get("/credentials/issuer/").json()
    assert [method["id"] for method in profile["verificationMethod"]] == [
        "https://hub.example.org/credentials/issuer/#b",
        "https://hub.example.org/credentials/issuer/#a",
    ]
    jwk_a = profile["verificationMethod"][1]["publicKeyJwk"]
    assert jwt.decode(signed_with_a, jwt.PyJWK(jwk_a).key, algorithms=["EdDSA"], options={"verify_iss": False})

    # A key withdrawn from the configuration: what it signed no longer verifies.
    settings.OPEN_BADGES_SIGNING_KEYS = KEY_B
    assert credentials.verify_credential(signed_with_a).outcome == Outcome.UNKNOWN_KEY


def test_revoking_sets_the_status_list_bit_and_verification_says_revoked(certificate, client):
    assert not bit(decoded_status_list(client), certificate.id)
    services.revoke_certificate(certificate=certificate, reason="Issued in error")
    bitstring = decoded_status_list(client)
    assert len(bitstring) * 8 >= 131_072
    assert bit(bitstring, certificate.id) and sum(bin(byte).count("1") for byte in bitstring) == 1
    result = credentials.verify_credential(certificate.credential)
    assert result.outcome == Outcome.REVOKED and result.signature_ok and not result.is_valid
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert "This certificate has been revoked" in page and "Signature verified" in page

    services.reinstate_certificate(certificate=certificate)
    assert not bit(decoded_status_list(client), certificate.id)
    assert credentials.verify_credential(certificate.credential).is_valid


def test_the_status_list_is_a_signed_credential_too(certificate, client):
    services.revoke_certificate(certificate=certificate, reason="Issued in error")
    response = client.get("/credentials/status/revocation/", HTTP_ACCEPT="application/vc+jwt")
    assert response["Content-Type"] == "application/vc+jwt"
    claims = jwt.decode(
        response.content.decode(), badges.current_key().public_key, algorithms=["EdDSA"], options={"verify_iss": 0}
    )
    assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert badges.bit_is_set(badges.decode_status_list(claims["credentialSubject"]["encodedList"]), certificate.id)


def test_the_verification_page_checks_the_signature_itself(certificate, client):
    response = client.get(certificate.get_absolute_url())
    page = response.content.decode()
    assert "Signature verified: signed by WeGo" in page
    assert f"with key {badges.current_key().key_id}" in page
    # A stored credential that was altered: the page says the signature fails, whatever the database says.
    claims = payload_of(certificate.credential)
    claims["credentialSubject"]["name"] = "Someone Else"
    Certificate.objects.update(credential=with_payload(certificate.credential, claims))
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert "The signature could not be verified" in page and "Signature verified" not in page


def png_text(data):
    image = Image.open(io.BytesIO(data))
    image.load()
    return image.text


def test_the_badge_png_has_the_credential_baked_in_and_it_verifies(certificate, client):
    client.force_login(certificate.enrollment.user)
    response = client.get(reverse("certificates:badge", args=[certificate.code]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment")
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (600, 600)
    assert png_text(response.content)["openbadgecredential"] == certificate.credential
    assert credentials.verify_credential(response.content).is_valid

    posted = client.post(
        reverse("certificates:verify_credential"),
        {"file": _upload("badge.png", response.content)},
    )
    assert posted.status_code == 200
    assert "This credential is valid" in posted.content.decode()


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_the_json_download_is_for_the_holder_only(certificate, client, django_user_model):
    url = reverse("certificates:credential", args=[certificate.code])
    assert client.get(url).status_code == 302  # signed out: sign in first
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    assert client.get(reverse("certificates:badge", args=[certificate.code])).status_code == 403
    client.force_login(certificate.enrollment.user)
    response = client.get(url)
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["type"] == "EnvelopedVerifiableCredential"
    assert document["id"] == f"data:application/vc+jwt,{certificate.credential}"
    assert response["Content-Disposition"].startswith("attachment")
    assert credentials.verify_credential(response.content).is_valid
    assert client.get(reverse("certificates:credential", args=["ZZZZZZZZZZZZ"])).status_code == 404


def test_public_documents_are_json_ld_with_the_right_types_and_no_cookie(certificate, client):
    course_id = certificate.enrollment.course_id
    for path, kind in [
        ("/credentials/issuer/", "Profile"),
        (f"/credentials/achievements/{course_id}/", "Achievement"),
        ("/credentials/status/revocation/", "BitstringStatusListCredential"),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Content-Type"] == "application/ld+json"
        assert kind in response.json()["type"]
        assert not response.cookies and "Set-Cookie" not in response
        assert response["Cache-Control"].startswith("public, max-age=")
        assert "X-Page-Cache" not in response
    assert int(client.get("/credentials/status/revocation/")["Cache-Control"].split("=")[1]) <= 60
    achievement = client.get(f"/credentials/achievements/{course_id}/").json()
    assert achievement["id"] == f"https://hub.example.org/credentials/achievements/{course_id}/"
    assert achievement["criteria"]["narrative"] and achievement["name"] == "Open data basics"
    keys = client.get("/credentials/issuer/jwks.json").json()["keys"]
    assert [key["kty"] for key in keys] == ["OKP"] and keys[0]["crv"] == "Ed25519" and "d" not in keys[0]
    assert client.get("/credentials/achievements/999999/").status_code == 404


def test_the_status_list_reads_a_fixed_number_of_queries(certificate, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        credentials.status_list_credential()


@pytest.mark.parametrize(
    "given",
    [
        b"\x00\x01garbage",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
        "not.a.jwt",
        '{"id": 1, "type": "EnvelopedVerifiableCredential"}',
        "[" * 5000,
        "eyJhbGciOiJFZERTQSJ9.e30.AAAA",
    ],
)
def test_garbage_is_unreadable_or_unverified_never_an_error(given):
    result = credentials.verify_credential(given)
    assert not result.is_valid and result.reason


def test_the_upload_page_handles_garbage_a_huge_file_and_a_foreign_jwt(client, certificate):
    url = reverse("certificates:verify_credential")
    page = client.get(url)
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.content.decode()

    garbage = client.post(url, {"file": _upload("credential.json", os.urandom(2000))})
    assert garbage.status_code == 200
    assert "not a credential we can read" in garbage.content.decode()

    huge = client.post(url, {"file": _upload("huge.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (1024 * 1024 + 10))})
    assert huge.status_code == 400 and "larger than 1 MB" in huge.content.decode()

    wrong_type = client.post(url, {"file": _upload("credential.exe", b"{}")})
    assert wrong_type.status_code == 400

    nothing = client.post(url, {})
    assert nothing.status_code == 400 and "Choose a file or paste a credential" in nothing.content.decode()

    foreign_key = badges.parse_signing_keys(KEY_B)[0].private_key
    foreign = jwt.encode(
        {"iss": "https://badges.example.com/issuer", "jti": "urn:x", "nbf": 0},
        foreign_key,
        algorithm="EdDSA",
        headers={"kid": "https://badges.example.com/issuer#1"},
    )
    response = client.post(url, {"text": foreign})
    assert response.status_code == 200 and "was not issued by WeGo Hub" in response.content.decode()

    pasted = client.post(url, {"text": certificate.credential})
    assert "This credential is valid" in pasted.content.decode()

    csrf_client = Client(enforce_csrf_checks=True)
    assert csrf_client.post(url, {"text": certificate.credential}).status_code == 403


def test_signing_keys_come_from_the_setting_and_bad_ones_are_refused(settings):
    settings.OPEN_BADGES_SIGNING_KEYS = f" {KEY_B} , {KEY_A} "
    assert [key.key_id for key in badges.signing_keys()] == ["b", "a"]
    for bad in ("nocolon", "a:short", "a:" + "A" * 43 + ",a:" + "B" * 43, "bad id:" + "A" * 43):
        with pytest.raises(ImproperlyConfigured):
            badges.parse_signing_keys(bad)
    settings.OPEN_BADGES_SIGNING_KEYS = ""
    assert badges.current_key().key_id.startswith("derived-")  # dev and tests: derived from SECRET_KEY


def test_generate_badge_key_prints_a_usable_line(settings):
    out = io.StringIO()
    call_command("generate_badge_key", "k2027", stdout=out)
    line = out.getvalue().strip()
    (key,) = badges.parse_signing_keys(line)
    assert key.key_id == "k2027"
    assert line != badges.new_key_line("k2027")  # random each time


def test_production_refuses_to_start_without_badge_keys():
    env = {
        **{name: value for name, value in os.environ.items() if name != "OPEN_BADGES_SIGNING_KEYS"},
        "DJANGO_SETTINGS_MODULE": "wego_hub.settings.production",
        "SECRET_KEY": "a-production-like-secret-key-with-plenty-of-entropy-9f8e7d6c5b4a",
        "ALLOWED_HOSTS": "hub.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "The environment variable OPEN_BADGES_SIGNING_KEYS is required in production" in result.stderr


def test_me_links_the_badge_the_json_and_linkedin(certificate, client):
    client.force_login(certificate.enrollment.user)
    page = client.get("/me/").content.decode()
    assert reverse("certificates:badge", args=[certificate.code]) in page
    assert reverse("certificates:credential", args=[certificate.code]) in page
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&amp;name=Open+data+basics" in page
    assert f"certId={certificate.code}" in page
    assert "certUrl=https%3A%2F%2Fhub.example.org%2Fcertificates%2F" in page


def test_the_badge_draws_a_right_to_left_title_in_reading_order():
    import datetime
    from types import SimpleNamespace

    from django.utils import translation

    from courses.certificates import _badge_font, _fitted_lines, _render_badge
    from courses.certificates import visual as display_order

    title = "البيانات المفتوحة للمدن الذكية والمستدامة في العالم"
    badge = SimpleNamespace(issued_on=datetime.date(2026, 12, 2), display_code="7KQ4-M2XH-9TRB")
    with translation.override("ar"):
        assert Image.open(io.BytesIO(_render_badge(badge, title))).size == (600, 600)
    from PIL import ImageDraw

    pen = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    _font, lines = _fitted_lines(pen, title, badges_font_path(), 80, 800, 3)
    assert len(lines) > 1 and lines[0] == display_order(" ".join(title.split()[: len(lines[0].split())]))
    assert _badge_font(badges_font_path(), 20).size == 20


def badges_font_path():
    from courses.certificates import FONTS

    return FONTS / "DejaVuSans-Bold.ttf"
