"""Open Badges 3.0 credentials of certificates: signing once (services) and verifying what someone was given.

A certificate's credential is signed when the certificate is issued (``services.issue_certificate``) and kept in
``Certificate.credential``; a certificate issued before credentials existed gets its credential the first time it
is asked for (``ensure_credential``, idempotent). ``verify_credential`` checks a credential's signature against the
keys we publish, then our record of the certificate and the revocation status list.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import badges
from .badges import Outcome
from .models import Certificate
from .models.certificates import normalise_code
from .selectors import revoked_certificate_ids


def _issuer_name():
    from .services import ISSUER

    return ISSUER


def credential_of(certificate):
    """The unsigned credential of ``certificate`` (select ``enrollment__user`` / ``path_completion__user``)."""
    if certificate.enrollment_id:
        page_id, kind = certificate.enrollment.course_id, "course"
    else:
        page_id, kind = certificate.path_completion.path_id, "path"
    return badges.build_credential(certificate, page_id=page_id, kind=kind, email=certificate.holder.email)


def attach_credential(certificate):
    """Sign ``certificate``'s credential and keep it, inside the caller's transaction (the certificate is new)."""
    certificate.credential = badges.sign(credential_of(certificate))
    certificate.save(update_fields=["credential"])
    return certificate.credential


def ensure_credential(*, certificate: Certificate) -> str:
    """The certificate's signed credential, signed now (with the current key) if it has none yet. Idempotent, also
    under two simultaneous first requests: the row is locked, and a credential once kept is never re-signed."""
    if certificate.credential:
        return certificate.credential
    with transaction.atomic():
        locked = (
            Certificate.objects.select_for_update(of=("self",))  # the certificate alone: its owners are outer joins
            .select_related("enrollment__user", "path_completion__user")
            .get(pk=certificate.pk)
        )
        if not locked.credential:
            attach_credential(locked)
    certificate.credential = locked.credential
    return certificate.credential


# --- Public documents (reads) -----------------------------------------------------------------------


def issuer_profile():
    return badges.issuer_profile(_issuer_name())


def achievement_document(page, kind):
    return badges.achievement_document(page_id=page.pk, name=page.title, kind=kind, issuer_name=_issuer_name())


def status_list_credential(now=None):
    """The revocation BitstringStatusListCredential as it is now: two queries."""
    revoked, highest = revoked_certificate_ids()
    return badges.status_list_credential(
        revoked_ids=revoked, highest_id=highest, issuer_name=_issuer_name(), now=now or timezone.now()
    )


def status_list_jwt(now=None):
    return badges.sign(status_list_credential(now))


# --- Verification -----------------------------------------------------------------------------------

REASONS = {
    Outcome.VALID: _("The signature is valid, the credential matches our record and it has not been revoked."),
    Outcome.UNREADABLE: _(
        "This is not a credential we can read. Give the JSON file, the badge image (PNG) or the text of a "
        "credential issued by WeGo Hub."
    ),
    Outcome.FOREIGN: _(
        "This credential was not issued by WeGo Hub: its signature names another issuer's key, so we cannot "
        "vouch for it."
    ),
    Outcome.UNKNOWN_KEY: _(
        "It claims to be signed with a WeGo Hub key that we do not publish. It was not signed by us, or with a key "
        "that was withdrawn."
    ),
    Outcome.BAD_SIGNATURE: _(
        "The signature does not match the content: the credential was changed after it was signed (for example "
        "the name or the date)."
    ),
    Outcome.MALFORMED: _("It is signed with our key, but it is not a complete Open Badges credential."),
    Outcome.NOT_OURS: _("It is signed with our key, but it does not match any certificate in our records."),
    Outcome.REVOKED: _("The signature is valid, but the certificate has been revoked."),
}


@dataclass
class Verification:
    outcome: str
    certificate: Certificate | None = None
    claims: dict = field(default_factory=dict)
    key_id: str = ""

    @property
    def is_valid(self):
        return self.outcome == Outcome.VALID

    @property
    def signature_ok(self):
        """The signature is ours and intact (whatever our records then say)."""
        return self.outcome in {Outcome.VALID, Outcome.REVOKED, Outcome.NOT_OURS}

    @property
    def is_revoked(self):
        return self.outcome == Outcome.REVOKED

    @property
    def reason(self):
        return REASONS[self.outcome]

    @property
    def signed_on(self):
        """The day the credential says it is valid from (the certificate's date, in the learner's zone), or None."""
        try:
            return badges.parse_iso(self.claims["validFrom"]).date()
        except (KeyError, TypeError, ValueError):
            return None

    @property
    def holder_name(self):
        subject = self.claims.get("credentialSubject")
        return subject.get("name", "") if isinstance(subject, dict) else ""

    @property
    def achievement_name(self):
        return self.claims.get("name", "") if isinstance(self.claims.get("name"), str) else ""


def _matches_record(claims, certificate):
    subject = claims["credentialSubject"]
    status = claims.get("credentialStatus") or {}
    return (
        claims.get("name") == certificate.course_title
        and subject.get("name", "") == certificate.name
        and claims.get("validFrom") == badges.valid_from(certificate)
        and isinstance(status, dict)
        and status.get("statusListIndex") == str(certificate.id)
        and status.get("statusListCredential") == badges.status_list_id()
    )


def _revoked_on_status_list(index):
    """Whether the revocation status list, decoded as a verifier decodes it, has ``index`` set."""
    encoded = status_list_credential()["credentialSubject"]["encodedList"]
    return badges.bit_is_set(badges.decode_status_list(encoded), index)


def verify_credential(given) -> Verification:
    """Verify a credential someone was given: a compact JWS, its JSON (EnvelopedVerifiableCredential), or a PNG
    badge with it baked in (bytes or text). Never raises on bad input: the outcome says what is wrong."""
    try:
        jws = badges.extract_jws(given)
    except badges.Unreadable:
        return Verification(Outcome.UNREADABLE)
    checked = badges.check_signature(jws)
    if checked.outcome != Outcome.VALID:
        return Verification(checked.outcome, claims=checked.claims, key_id=checked.key_id)
    claims = checked.claims
    code = normalise_code(badges.code_from_certificate_id(claims["jti"]))
    certificate = Certificate.objects.filter(code=code).first() if code else None
    if certificate is None or not _matches_record(claims, certificate):
        return Verification(Outcome.NOT_OURS, claims=claims, key_id=checked.key_id)
    outcome = Outcome.REVOKED if _revoked_on_status_list(certificate.id) else Outcome.VALID
    return Verification(outcome, certificate=certificate, claims=claims, key_id=checked.key_id)


def verify_certificate(*, certificate: Certificate) -> Verification:
    """The public page's check of a certificate's own credential (signed now if it had none)."""
    return verify_credential(ensure_credential(certificate=certificate))
