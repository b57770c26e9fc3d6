"""The IdP's SAML metadata (graph-facts §15): issuer, SSO URL, signing certificates with their dates, from a
file or an https URL, and a clear error for everything else — safely (no DTD, no entities)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from federation_school import ISSUER, SSO, certificate_b64, metadata, metadata_file

from core.federation.metadata import (
    POST,
    REDIRECT,
    MetadataError,
    load_metadata,
    parse_metadata,
)
from core.graph.http import VerifyingSession

MD = 'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"'


def _error(data: str | bytes, **kwargs) -> MetadataError:
    with pytest.raises(MetadataError) as caught:
        parse_metadata(data.encode() if isinstance(data, str) else data, "test.xml", **kwargs)
    return caught.value


def test_a_vendors_metadata_gives_issuer_sso_url_and_certificate_with_dates(tmp_path):
    cert = certificate_b64(days=400)
    parsed = load_metadata(metadata_file(tmp_path, metadata(cert)))
    assert (parsed.entity_id, parsed.sso_url) == (ISSUER, SSO)
    assert parsed.sso_urls == {REDIRECT: SSO, POST: SSO}
    signing = parsed.signing_certificate()
    assert signing.base64 == cert and signing.subject == "CN=idp.skolon.example"
    assert 397 <= signing.days_left() <= 399 and len(signing.thumbprint) == 40
    assert parsed.date_problem() is None and parsed.next_certificate() is None


def test_the_sandbox_serves_metadata_at_an_https_address(sandbox):
    parsed = load_metadata(sandbox.idp_metadata_url, session=VerifyingSession(sandbox.ca_bundle))
    assert parsed.entity_id == sandbox.idp["entityId"] and parsed.signing_certificate().base64 == sandbox.idp["certificate"]


def test_a_post_only_idp_and_a_rollover_pick_the_right_values():
    old, new = certificate_b64(days=60, start_days_ago=50), certificate_b64(days=700)
    text = metadata(old).replace(f'Binding="{REDIRECT}" Location="{SSO}"', f'Binding="{REDIRECT}" Location=""')
    text = text.replace("</md:KeyDescriptor>", "</md:KeyDescriptor>\n<md:KeyDescriptor><ds:KeyInfo><ds:X509Data>"
                        f"<ds:X509Certificate>{new}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
                        "</md:KeyDescriptor>", 1)
    parsed = parse_metadata(text.encode())
    assert parsed.sso_url == SSO and list(parsed.sso_urls) == [POST]
    assert parsed.signing_certificate().base64 == new  # the one that lives longest (no `use` = signing)
    assert parsed.next_certificate().base64 == old


def test_an_encryption_only_key_is_not_a_signing_certificate():
    text = metadata().replace('use="signing"', 'use="encryption"')
    assert _error(text).code == "metadata_no_certificate"


@pytest.mark.parametrize(("text", "code"), [
    ("<html><body>Sign in</body></html>", "metadata_not_saml"),
    ("this is not xml", "metadata_not_xml"),
    ("<md:EntityDescriptor " + MD + ' entityID="x"><md:SPSSODescriptor/></md:EntityDescriptor>', "metadata_no_idp"),
    ("<md:EntityDescriptor " + MD + "><md:IDPSSODescriptor/></md:EntityDescriptor>", "metadata_no_entity_id"),
    ("<md:EntityDescriptor " + MD + ' entityID="x"><md:IDPSSODescriptor/></md:EntityDescriptor>', "metadata_no_sso"),
])
def test_documents_that_are_not_an_idps_metadata_say_so(text, code):
    assert _error(text).code == code


def test_several_idps_in_one_document_are_refused_by_name():
    one = metadata().split("?>", 1)[1]
    text = f"<md:EntitiesDescriptor {MD}>{one}{one.replace(ISSUER, 'https://other.example/idp')}</md:EntitiesDescriptor>"
    error = _error(text)
    assert error.code == "metadata_many_idps" and "https://other.example/idp" in error.detail
    single = f"<md:EntitiesDescriptor {MD}>{one}</md:EntitiesDescriptor>"
    assert parse_metadata(single.encode()).entity_id == ISSUER


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
    '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    "<!DOCTYPE md:EntityDescriptor>"])
def test_a_dtd_or_entity_is_refused_before_parsing(doctype):
    text = metadata().replace("?>\n", "?>\n" + doctype + "\n", 1).replace(ISSUER, "&lol2;" if "lol2" in doctype else ISSUER)
    assert _error(text).code == "metadata_unsafe_xml"


def test_a_plain_sso_url_and_bad_certificate_are_refused():
    assert _error(metadata(sso="http://idp.skolon.example/sso")).code == "metadata_sso_not_https"
    assert _error(metadata(cert="bm90IGEgY2VydA==")).code == "metadata_bad_certificate"


def test_an_expired_certificate_is_an_error_unless_the_dates_are_asked_for():
    expired = metadata(certificate_b64(days=10, start_days_ago=40))
    error = _error(expired)
    assert error.code == "metadata_certificate_expired" and error.detail  # the date it expired
    parsed = parse_metadata(expired.encode(), require_valid=False)
    assert parsed.signing_certificate() is None and parsed.date_problem().code == "metadata_certificate_expired"
    future = datetime.now(UTC) + timedelta(days=1000)
    assert parse_metadata(metadata().encode()).date_problem(future).code == "metadata_certificate_expired"


def test_files_and_addresses_that_cannot_be_read(tmp_path, sandbox):
    with pytest.raises(MetadataError) as caught:
        load_metadata(str(tmp_path / "missing.xml"))
    assert caught.value.code == "metadata_not_found"
    with pytest.raises(MetadataError) as caught:
        load_metadata("http://idp.skolon.example/metadata.xml")
    assert caught.value.code == "metadata_url_not_https"
    with pytest.raises(MetadataError) as caught:
        load_metadata(f"{sandbox.url}/idp/nothing-here.xml", session=VerifyingSession(sandbox.ca_bundle))
    assert caught.value.code == "metadata_download_failed" and "404" in caught.value.detail
    with pytest.raises(MetadataError) as caught:  # the sandbox's CA is not in the OS store: verification stays on and fails
        load_metadata(sandbox.idp_metadata_url, session=VerifyingSession(True))
    assert caught.value.code == "metadata_tls_failed"


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.xml"
    with path.open("wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    with pytest.raises(MetadataError) as caught:
        load_metadata(str(path))
    assert caught.value.code == "metadata_too_large"
