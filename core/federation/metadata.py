"""The IdP's SAML 2.0 metadata (graph-facts §15): issuer (entityID), single sign-on URL and signing
certificate(s), with their validity dates — read from a file or an https URL. Entra never reads the
metadata itself: these values are what the federation copies.

Safety: the document is refused if it has a DTD (no entity expansion, no external entities: XXE and
"billion laughs" cannot happen), is over `MAX_BYTES`, or comes over anything but https; downloads go through
core.graph.http.VerifyingSession (certificates are always verified). The stdlib parser is enough once DTDs
are refused, so no dependency is added for it."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET  # noqa: S405 (only after _refuse_dtd has vetted the document)
import xml.parsers.expat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from core.graph.connection import Connection
from core.graph.http import VerifyingSession

MAX_BYTES = 5 * 1024 * 1024
EXPIRY_WARNING_DAYS = 30
MD = "urn:oasis:names:tc:SAML:2.0:metadata"
DS = "http://www.w3.org/2000/09/xmldsig#"
REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
_BINDINGS = (REDIRECT, POST)  # preference order for the passive sign-in URL


class MetadataError(ValueError):
    """Metadata that cannot be used; `code` is a key in core.messages, `detail` the specifics (no secret)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class SigningCertificate:
    base64: str          # DER, as internalDomainFederation.signingCertificate wants it
    subject: str
    not_before: datetime
    not_after: datetime
    thumbprint: str      # SHA-1, upper-case hex (what admins compare in the admin center)

    def days_left(self, now: datetime | None = None) -> int:
        return (self.not_after - (now or datetime.now(UTC))).days

    def valid(self, now: datetime | None = None) -> bool:
        now = now or datetime.now(UTC)
        return self.not_before <= now < self.not_after


@dataclass(frozen=True)
class IdpMetadata:
    entity_id: str
    sso_url: str                 # HTTP-Redirect, else HTTP-POST
    sso_urls: dict[str, str]     # binding -> location
    certificates: tuple[SigningCertificate, ...]
    source: str

    def signing_certificate(self, now: datetime | None = None) -> SigningCertificate | None:
        """The certificate to federate with: the valid one that lives longest (a rollover's new one)."""
        valid = [c for c in self.certificates if c.valid(now)]
        return max(valid, key=lambda c: c.not_after) if valid else None

    def date_problem(self, now: datetime | None = None) -> MetadataError | None:
        """None while a signing certificate is valid; else why not (expired, or not valid yet)."""
        if self.signing_certificate(now) is not None:
            return None
        now = now or datetime.now(UTC)
        latest = max(self.certificates, key=lambda c: c.not_after)
        if latest.not_after <= now:
            return MetadataError("metadata_certificate_expired", latest.not_after.date().isoformat())
        return MetadataError("metadata_certificate_not_yet_valid", latest.not_before.date().isoformat())

    def next_certificate(self, now: datetime | None = None) -> SigningCertificate | None:
        """Another valid certificate, for nextSigningCertificate (an IdP in the middle of a rollover)."""
        chosen = self.signing_certificate(now)
        others = [c for c in self.certificates if c.valid(now) and c != chosen]
        return min(others, key=lambda c: c.not_after) if others else None


def load_metadata(location: str, *, session: requests.Session | None = None, verify: str | bool = True,
                  now: datetime | None = None, require_valid: bool = True) -> IdpMetadata:
    """Read and parse the metadata at an https URL or in a file. Raises MetadataError, also when no signing
    certificate is valid at `now` unless `require_valid` is False (the readiness table shows the dates)."""
    location = location.strip()
    if "://" in location:
        data = _download(location, session or VerifyingSession(verify))
    else:
        data = _read_file(Path(location))
    return parse_metadata(data, location, now=now, require_valid=require_valid)


def _read_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise MetadataError("metadata_too_large", str(path))
        return path.read_bytes()
    except FileNotFoundError:
        raise MetadataError("metadata_not_found", str(path)) from None
    except IsADirectoryError:
        raise MetadataError("metadata_unreadable", str(path)) from None
    except OSError as exc:
        raise MetadataError("metadata_unreadable", f"{path}: {exc.strerror or type(exc).__name__}") from None


def _download(url: str, session: requests.Session) -> bytes:
    if urlsplit(url).scheme.lower() != "https":
        raise MetadataError("metadata_url_not_https", url)
    try:
        with session.get(url, stream=True, allow_redirects=True) as answer:
            if answer.url and urlsplit(answer.url).scheme.lower() != "https":
                raise MetadataError("metadata_url_not_https", answer.url)
            if answer.status_code != 200:
                raise MetadataError("metadata_download_failed", f"HTTP {answer.status_code} from {url}")
            data = b""
            for chunk in answer.iter_content(65536):
                data += chunk
                if len(data) > MAX_BYTES:
                    raise MetadataError("metadata_too_large", url)
            return data
    except requests.exceptions.SSLError:
        raise MetadataError("metadata_tls_failed", url) from None
    except requests.RequestException as exc:
        raise MetadataError("metadata_download_failed", f"{type(exc).__name__} for {url}") from None


def parse_metadata(data: bytes, source: str = "", now: datetime | None = None,
                   require_valid: bool = True) -> IdpMetadata:
    """Parse a SAML 2.0 EntityDescriptor (or an EntitiesDescriptor holding exactly one IdP)."""
    if len(data) > MAX_BYTES:
        raise MetadataError("metadata_too_large", source)
    _refuse_dtd(data, source)
    try:
        root = ET.fromstring(data)  # noqa: S314 (vetted: no DTD, no entities)
    except ET.ParseError as exc:
        raise MetadataError("metadata_not_xml", f"{source}: {exc}") from None
    entity = _entity(root, source)
    entity_id = (entity.get("entityID") or "").strip()
    if not entity_id:
        raise MetadataError("metadata_no_entity_id", source)
    idp = entity.find(f"{{{MD}}}IDPSSODescriptor")
    urls = {s.get("Binding", ""): (s.get("Location") or "").strip()
            for s in idp.findall(f"{{{MD}}}SingleSignOnService")} if idp is not None else {}
    sso = next((urls[b] for b in _BINDINGS if urls.get(b)), "")
    if not sso:
        raise MetadataError("metadata_no_sso", source)
    if urlsplit(sso).scheme.lower() != "https":
        raise MetadataError("metadata_sso_not_https", sso)
    certificates = _certificates(idp, source)
    result = IdpMetadata(entity_id, sso, {b: u for b, u in urls.items() if b in _BINDINGS and u}, certificates,
                         source)
    problem = result.date_problem(now) if require_valid else None
    if problem is not None:
        raise problem
    return result


def _refuse_dtd(data: bytes, source: str) -> None:
    """A first pass with expat that stops at any DOCTYPE or entity declaration."""
    parser = xml.parsers.expat.ParserCreate()

    def refuse(*_args: object) -> None:
        raise MetadataError("metadata_unsafe_xml", source)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise MetadataError("metadata_not_xml", f"{source}: {xml.parsers.expat.errors.messages[exc.code]} "
                                                f"(line {exc.lineno})") from None


def _entity(root: ET.Element, source: str) -> ET.Element:
    if root.tag == f"{{{MD}}}EntityDescriptor":
        if root.find(f"{{{MD}}}IDPSSODescriptor") is None:
            raise MetadataError("metadata_no_idp", source)
        return root
    if root.tag != f"{{{MD}}}EntitiesDescriptor":
        raise MetadataError("metadata_not_saml", f"{source}: <{root.tag.rpartition('}')[2]}>")
    idps = [e for e in root.iter(f"{{{MD}}}EntityDescriptor") if e.find(f"{{{MD}}}IDPSSODescriptor") is not None]
    if not idps:
        raise MetadataError("metadata_no_idp", source)
    if len(idps) > 1:
        raise MetadataError("metadata_many_idps", ", ".join(e.get("entityID", "?") for e in idps[:5]))
    return idps[0]


def _certificates(idp: ET.Element, source: str) -> tuple[SigningCertificate, ...]:
    """KeyDescriptor use="signing", or with no `use` (then it signs too)."""
    found: list[SigningCertificate] = []
    for descriptor in idp.findall(f"{{{MD}}}KeyDescriptor"):
        if descriptor.get("use", "signing") != "signing":
            continue
        for element in descriptor.iter(f"{{{DS}}}X509Certificate"):
            found.append(_certificate("".join((element.text or "").split()), source))
    if not found:
        raise MetadataError("metadata_no_certificate", source)
    return tuple(dict.fromkeys(found))  # the same certificate listed twice counts once


def _certificate(text: str, source: str) -> SigningCertificate:
    try:
        cert = x509.load_der_x509_certificate(base64.b64decode(text, validate=True))
    except ValueError:
        raise MetadataError("metadata_bad_certificate", source) from None
    return SigningCertificate(text, cert.subject.rfc4514_string(), cert.not_valid_before_utc, cert.not_valid_after_utc,
                              cert.fingerprint(hashes.SHA1()).hex().upper())  # noqa: S303 (a display thumbprint)


def metadata_trust(conn: Connection, location: str) -> str | bool:
    """What verifies metadata at an https address: the connection's own CA bundle only for the connection's
    own host (the sandbox's demo IdP); the computer's certificate store for any other address."""
    host = urlsplit(location).hostname if "://" in location else None
    own = {urlsplit(conn.login_base).hostname, urlsplit(conn.graph_root).hostname}
    return conn.verify if host and host in own else True
