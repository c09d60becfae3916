"""Open Badges 3.0 credentials: build, sign, bake into a PNG, read back and verify (docs/decisions/0002).

Every certificate is also an ``OpenBadgeCredential`` (a W3C Verifiable Credential, Data Model 2.0), secured as a
JWT (Open Badges 3.0 §8.2, "JSON Web Token Proof Format"): a compact JWS, alg ``EdDSA`` with an Ed25519 key, signed
and checked by PyJWT on top of ``cryptography``. Nothing is fetched at run time: the ``@context`` URLs are
identifiers, the keys are ours (``OPEN_BADGES_SIGNING_KEYS``), and revocation is our own Bitstring Status List.

This module holds no writes: ``courses.credentials`` signs a certificate's credential once and keeps it.
"""

import base64
import binascii
import datetime
import gzip
import hashlib
import io
import json
import re
import zlib
import zoneinfo
from dataclasses import dataclass, field
from functools import lru_cache

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation
from jwt.algorithms import OKPAlgorithm

from core.public_url import absolute_url, public_url

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
ALGORITHM = "EdDSA"
JWT_MEDIA_TYPE = "application/vc+jwt"
ENVELOPE_PREFIX = f"data:{JWT_MEDIA_TYPE},"
PNG_KEYWORD = "openbadgecredential"  # Open Badges 3.0 §5.3.1, baking a PNG: an iTXt chunk with this keyword
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Bitstring Status List §3.1: at least 16 KB (131,072 entries), so that one list hides who is revoked in a crowd.
STATUS_LIST_BITS = 131_072
STATUS_LIST_MAX_BYTES = 4 * 1024 * 1024  # what a decoder accepts, gzip bombs included
KEY_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
SEED_BYTES = 32
JWT_LEEWAY_SECONDS = 300


# --- Keys -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SigningKey:
    key_id: str
    private_key: Ed25519PrivateKey

    @property
    def public_key(self):
        return self.private_key.public_key()

    @property
    def kid(self):
        """The JOSE ``kid``: the issuer profile's address and the key's id, ``https://…/credentials/issuer/#k1``;
        the profile lists the key under that id."""
        return f"{issuer_id()}#{self.key_id}"

    def public_jwk(self):
        jwk = OKPAlgorithm.to_jwk(self.public_key, as_dict=True)
        return {**jwk, "kid": self.kid, "alg": ALGORITHM, "use": "sig"}


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url_encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def parse_signing_keys(value):
    """``"k2:<seed>,k1:<seed>"`` → [SigningKey, …], the first signs. Each seed is 32 bytes in base64url.
    A malformed entry raises ImproperlyConfigured naming the entry's position, never its secret."""
    keys = []
    for position, entry in enumerate((part.strip() for part in value.split(",") if part.strip()), start=1):
        key_id, _colon, seed = entry.partition(":")
        try:
            raw = b64url_decode(seed.strip()) if seed.strip() else b""
        except (binascii.Error, ValueError):
            raw = b""
        if not KEY_ID.fullmatch(key_id.strip()) or len(raw) != SEED_BYTES:
            raise ImproperlyConfigured(
                f"OPEN_BADGES_SIGNING_KEYS: entry {position} is not 'key-id:base64url-32-byte-seed' "
                "(generate one with `manage.py generate_badge_key`)."
            )
        keys.append(SigningKey(key_id.strip(), Ed25519PrivateKey.from_private_bytes(raw)))
    if len({key.key_id for key in keys}) != len(keys):
        raise ImproperlyConfigured("OPEN_BADGES_SIGNING_KEYS: two keys have the same id.")
    return keys


@lru_cache(maxsize=8)
def _keys(configured, secret_key):
    if configured.strip():
        return tuple(parse_signing_keys(configured))
    # Development and tests only (production requires OPEN_BADGES_SIGNING_KEYS, see settings/production.py): one
    # key derived deterministically from SECRET_KEY, so credentials signed on a laptop keep verifying across
    # restarts. Its id names the key's fingerprint: another SECRET_KEY is another key, reported as unknown.
    seed = hashlib.sha256(b"wego-hub open badges signing key\x00" + secret_key.encode()).digest()
    private_key = Ed25519PrivateKey.from_private_bytes(seed)
    fingerprint = hashlib.sha256(OKPAlgorithm.to_jwk(private_key.public_key()).encode()).hexdigest()[:8]
    return (SigningKey(f"derived-{fingerprint}", private_key),)


def signing_keys():
    """Every configured key, the signing one first."""
    return _keys(getattr(settings, "OPEN_BADGES_SIGNING_KEYS", "") or "", settings.SECRET_KEY)


def current_key():
    return signing_keys()[0]


def new_key_line(key_id):
    """A line for OPEN_BADGES_SIGNING_KEYS with a fresh random seed."""
    from cryptography.hazmat.primitives import serialization

    raw = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return f"{key_id}:{b64url_encode(raw)}"


# --- Addresses --------------------------------------------------------------------------------------


def _path(name, *args):
    # The credentials' addresses are identifiers: the same whatever language the request that built them was in.
    with translation.override(settings.LANGUAGE_CODE):
        return absolute_url(reverse(name, args=args))


def issuer_id():
    return _path("credentials:issuer")


def status_list_id():
    return _path("credentials:status_list")


def achievement_id(page_id):
    return _path("credentials:achievement", page_id)


def certificate_id(code):
    return _path("certificates:verify", code)


def code_from_certificate_id(url):
    prefix, suffix = certificate_id("CODE").split("CODE")
    if isinstance(url, str) and url.startswith(prefix) and url.endswith(suffix):
        return url[len(prefix) : len(url) - len(suffix)]
    return ""


# --- Documents --------------------------------------------------------------------------------------

ISSUER_DESCRIPTION = "WeGo Hub, the learning and knowledge platform of WeGo, issues course certificates."
# The credential's words are a record, signed once: they are in the site's language (English), not the reader's.
CRITERIA = {
    "course": "Complete every required lesson of the course and pass its quizzes.",
    "path": "Complete every course of the learning path.",
}
ACHIEVEMENT_DESCRIPTION = {
    "course": "Certificate of completion of the course “{name}” on WeGo Hub.",
    "path": "Certificate of completion of the learning path “{name}” on WeGo Hub.",
}


def issuer_reference(name):
    """The issuer as it appears inside a credential (OB 3.0 Profile, §B.1.x): id, type, name and home page."""
    return {"id": issuer_id(), "type": ["Profile"], "name": name, "url": public_url() + "/"}


def issuer_profile(name):
    """The public issuer profile: the Profile with every configured public key, each a JsonWebKey whose id is the
    ``kid`` a credential's header names (old keys stay listed after a rotation, so old credentials still verify)."""
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        **issuer_reference(name),
        "description": ISSUER_DESCRIPTION,
        "verificationMethod": [
            {"id": key.kid, "type": "JsonWebKey", "controller": issuer_id(), "publicKeyJwk": key.public_jwk()}
            for key in signing_keys()
        ],
    }


def jwks():
    return {"keys": [key.public_jwk() for key in signing_keys()]}


def achievement(*, page_id, name, kind):
    """An Achievement (OB 3.0 §B.1.1) for a course or a learning path (``kind``), with the page's name."""
    return {
        "id": achievement_id(page_id),
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": name,
        "description": ACHIEVEMENT_DESCRIPTION[kind].format(name=name),
        "criteria": {"narrative": CRITERIA[kind]},
    }


def achievement_document(*, page_id, name, kind, issuer_name):
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        **achievement(page_id=page_id, name=name, kind=kind),
        "creator": issuer_reference(issuer_name),
    }


def valid_from(certificate):
    """The first moment of the completion date in the learner's zone (never later than the completion), written
    with that zone's offset, so that its date is the certificate's date: "2024-12-02T00:00:00+09:00"."""
    zone = zoneinfo.ZoneInfo(certificate.time_zone) if certificate.time_zone else datetime.UTC
    start = datetime.datetime.combine(certificate.issued_on, datetime.time(), tzinfo=zone)
    return start.isoformat(timespec="seconds").replace("+00:00", "Z")


def iso(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def subject_identifier(email, code):
    """The holder as a salted hash of their email address (OB 3.0 IdentityObject): a holder can prove the credential
    is theirs, nobody reads the address off it."""
    salt = hashlib.sha256(f"{code}:{settings.SECRET_KEY}".encode()).hexdigest()[:16]
    digest = hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityType": "emailAddress",
        "hashed": True,
        "identityHash": f"sha256${digest}",
        "salt": salt,
    }


def build_credential(certificate, *, page_id, kind, email):
    """The OpenBadgeCredential of ``certificate`` as a dict (VC Data Model 2.0 + OB 3.0 §B.1)."""
    subject = {"type": ["AchievementSubject"]}
    if certificate.name:  # a name withheld by the holder is left out, never replaced by something else
        subject["name"] = certificate.name
    if email:
        subject["identifier"] = [subject_identifier(email, certificate.code)]
    subject["achievement"] = achievement(page_id=page_id, name=certificate.course_title, kind=kind)
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": certificate_id(certificate.code),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_reference(certificate.issuer),
        "validFrom": valid_from(certificate),
        "name": certificate.course_title,
        # OB 3.0 has no hours: they are in the credential's description, as on the PDF.
        "description": f"{certificate.course_title}: {certificate.hours} hours, completed on "
        f"{certificate.issued_on.isoformat()}.",
        "credentialSubject": subject,
        "credentialStatus": {
            "id": f"{status_list_id()}#{certificate.id}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(certificate.id),
            "statusListCredential": status_list_id(),
        },
    }


# --- JWT --------------------------------------------------------------------------------------------


def jwt_claims(credential):
    """OB 3.0 §8.2.4: the credential's own properties, plus ``iss`` (issuer id), ``jti`` (credential id), ``nbf``
    (validFrom), ``exp`` (validUntil, when there is one) and ``sub`` (the subject's id, when there is one)."""
    claims = dict(credential)
    claims["iss"] = credential["issuer"]["id"]
    claims["jti"] = credential["id"]
    claims["nbf"] = int(parse_iso(credential["validFrom"]).timestamp())
    if credential.get("validUntil"):
        claims["exp"] = int(parse_iso(credential["validUntil"]).timestamp())
    subject_id = (credential.get("credentialSubject") or {}).get("id")
    if subject_id:
        claims["sub"] = subject_id
    return claims


def parse_iso(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def sign(credential, key=None):
    """The compact JWS of ``credential`` (header alg EdDSA, kid = issuer#key-id, typ JWT)."""
    key = key or current_key()
    headers = {"kid": key.kid, "typ": "JWT"}
    return jwt.encode(jwt_claims(credential), key.private_key, algorithm=ALGORITHM, headers=headers)


def envelope(jws):
    """The credential as a VC 2.0 EnvelopedVerifiableCredential, the JSON a holder downloads."""
    return {"@context": [VC_CONTEXT], "id": ENVELOPE_PREFIX + jws, "type": "EnvelopedVerifiableCredential"}


# --- Bitstring Status List --------------------------------------------------------------------------


def encode_status_list(set_indices, highest_index=0):
    """Bitstring Status List §3.2: bit i (counted from the most significant bit of the first byte) set for each
    index, GZIP, then multibase base64url without padding (prefix ``u``). The length is a multiple of 131,072
    bits, large enough for ``highest_index``."""
    highest = max([highest_index, *set_indices], default=0)
    bits = -(-(highest + 1) // STATUS_LIST_BITS) * STATUS_LIST_BITS
    bitstring = bytearray(bits // 8)
    for index in set_indices:
        bitstring[index // 8] |= 0x80 >> (index % 8)
    return "u" + b64url_encode(gzip.compress(bytes(bitstring), mtime=0))


def decode_status_list(encoded):
    """The bitstring of an ``encodedList``; ValueError if it is not one (or would unpack beyond a few MB)."""
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise ValueError("not multibase base64url")
    try:
        compressed = b64url_decode(encoded[1:])
        inflater = zlib.decompressobj(wbits=31)  # gzip
        bitstring = inflater.decompress(compressed, STATUS_LIST_MAX_BYTES + 1)
    except (binascii.Error, zlib.error) as error:
        raise ValueError("not a gzip bitstring") from error
    if len(bitstring) > STATUS_LIST_MAX_BYTES or len(bitstring) * 8 < STATUS_LIST_BITS:
        raise ValueError("wrong length")
    return bitstring


def bit_is_set(bitstring, index):
    if not 0 <= index < len(bitstring) * 8:
        raise IndexError(index)
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def status_list_credential(*, revoked_ids, highest_id, issuer_name, now):
    """The BitstringStatusListCredential (Bitstring Status List §2.2) of revocations, as a dict."""
    list_id = status_list_id()
    return {
        "@context": [VC_CONTEXT],
        "id": list_id,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_reference(issuer_name),
        "validFrom": iso(now),
        "credentialSubject": {
            "id": f"{list_id}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_status_list(revoked_ids, highest_id),
            "ttl": 60_000,  # milliseconds: a revocation shows within a minute
        },
    }


# --- Baking -----------------------------------------------------------------------------------------


def png_chunks(data):
    """(type, body) of each chunk of a PNG; ValueError if it is not one. Only reads the bytes it is given."""
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG")
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if len(body) != length:
            raise ValueError("truncated PNG")
        yield kind, body
        if kind == b"IEND":
            return
        position += 12 + length


def credential_from_png(data):
    """The text of the PNG's ``openbadgecredential`` iTXt chunk (OB 3.0 §5.3.1), or ''."""
    for kind, body in png_chunks(data):
        if kind != b"iTXt":
            continue
        keyword, _null, rest = body.partition(b"\x00")
        if keyword != PNG_KEYWORD.encode() or len(rest) < 2:
            continue
        compressed, _method, rest = rest[0], rest[1], rest[2:]
        _language, _null, rest = rest.partition(b"\x00")
        _translated, _null, text = rest.partition(b"\x00")
        if compressed:
            inflater = zlib.decompressobj()
            text = inflater.decompress(text, STATUS_LIST_MAX_BYTES)
        return text.decode("utf-8")
    return ""


def bake_png(image_bytes, jws):
    """``image_bytes`` (a PNG) with the credential in an iTXt chunk, written by Pillow."""
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_itxt(PNG_KEYWORD, jws, lang="", tkey="", zip=False)
    out = io.BytesIO()
    Image.open(io.BytesIO(image_bytes)).save(out, format="PNG", pnginfo=info, optimize=True)
    return out.getvalue()


# --- Reading what someone was given -----------------------------------------------------------------


class Unreadable(ValueError):
    pass


def extract_jws(given):
    """The compact JWS in ``given``: PNG bytes (baked), an EnvelopedVerifiableCredential's JSON, or the JWS itself.
    Raises Unreadable; a credential secured another way (an embedded ``proof``) is Unreadable too."""
    if isinstance(given, bytes):
        if given.startswith(PNG_SIGNATURE):
            try:
                text = credential_from_png(given)
            except (ValueError, zlib.error, UnicodeDecodeError) as error:
                raise Unreadable("png") from error
            if not text:
                raise Unreadable("png-without-credential")
            return extract_jws(text)
        try:
            given = given.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise Unreadable("binary") from error
    text = given.strip()
    if text.startswith("{"):
        try:
            document = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise Unreadable("json") from error
        identifier = document.get("id") if isinstance(document, dict) else None
        if isinstance(identifier, str) and identifier.startswith(ENVELOPE_PREFIX):
            text = identifier[len(ENVELOPE_PREFIX) :].strip()
        else:
            raise Unreadable("json-not-enveloped")
    if text.startswith(ENVELOPE_PREFIX):
        text = text[len(ENVELOPE_PREFIX) :]
    if not re.fullmatch(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+", text):
        raise Unreadable("not-a-jws")
    return text


# --- Verification -----------------------------------------------------------------------------------


@dataclass
class Checked:
    """What a signature check found, before our records are consulted (courses.credentials adds them)."""

    outcome: str  # one of the Outcome values
    claims: dict = field(default_factory=dict)
    key_id: str = ""


class Outcome:
    VALID = "valid"
    UNREADABLE = "unreadable"
    FOREIGN = "foreign"  # not issued by us: another issuer, or not one of our key ids' issuer
    UNKNOWN_KEY = "unknown-key"
    BAD_SIGNATURE = "bad-signature"
    MALFORMED = "malformed"  # signed by us, but not the credential it should be
    NOT_OURS = "no-record"  # signed by us, but no certificate of ours (or a different one) matches
    REVOKED = "revoked"


def check_signature(jws):
    """Verify ``jws`` against our published keys and check that its JWT claims agree with the credential."""
    try:
        header = jwt.get_unverified_header(jws)
    except jwt.PyJWTError:
        return Checked(Outcome.UNREADABLE)
    kid = header.get("kid")
    prefix = issuer_id() + "#"
    if not isinstance(kid, str) or not kid.startswith(prefix):
        return Checked(Outcome.FOREIGN)
    key_id = kid[len(prefix) :]
    key = next((key for key in signing_keys() if key.key_id == key_id), None)
    if key is None:
        return Checked(Outcome.UNKNOWN_KEY, key_id=key_id)
    if header.get("alg") != ALGORITHM:
        return Checked(Outcome.BAD_SIGNATURE, key_id=key_id)
    try:
        claims = jwt.decode(
            jws,
            key.public_key,
            algorithms=[ALGORITHM],
            issuer=issuer_id(),
            leeway=JWT_LEEWAY_SECONDS,
            options={"require": ["iss", "jti", "nbf"], "verify_aud": False},
        )
    except jwt.InvalidSignatureError:
        return Checked(Outcome.BAD_SIGNATURE, key_id=key_id)
    except jwt.PyJWTError:
        return Checked(Outcome.MALFORMED, key_id=key_id)
    if not claims_agree(claims):
        return Checked(Outcome.MALFORMED, claims, key_id)
    return Checked(Outcome.VALID, claims, key_id)


def claims_agree(claims):
    """OB 3.0 §8.2.6 (verifying a JWT): the registered claims say what the credential says."""
    try:
        return (
            claims.get("@context", [])[:2] == [VC_CONTEXT, OB_CONTEXT]
            and "OpenBadgeCredential" in claims["type"]
            and claims["issuer"]["id"] == claims["iss"]
            and claims["id"] == claims["jti"]
            and int(parse_iso(claims["validFrom"]).timestamp()) == claims["nbf"]
            and isinstance(claims["credentialSubject"], dict)
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return False
