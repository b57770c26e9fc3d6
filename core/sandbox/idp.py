"""A Skolon-like SAML identity provider for the demo (graph-facts §15): an issuer, a single sign-on URL and a
self-signed signing certificate, published as a SAML 2.0 metadata document (an EntityDescriptor with an
IDPSSODescriptor), the way an IdP vendor hands it to a school.

The sandbox serves it at `/idp/metadata.xml` and `sandbox --idp-metadata-out FILE` writes it to a file. It
is made once per tenant (an RSA key takes a moment) and kept in `Directory.idp` as plain data. Nobody signs
in through it: Entra never reads an IdP's metadata either, the values are copied from it."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from core.sandbox.data import Directory
from core.sandbox.keys import self_signed

METADATA_PATH = "/idp/metadata.xml"
ISSUER = "https://idp.skolon.example/saml2/idp"
SSO_URL = "https://idp.skolon.example/saml2/idp/SSOService"
DISPLAY_NAME = "Skolon (sandbox)"
CERT_DAYS = 3 * 365
_MD = "urn:oasis:names:tc:SAML:2.0:metadata"
_DS = "http://www.w3.org/2000/09/xmldsig#"
_BINDINGS = ("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST")


def demo_idp(directory: Directory) -> dict[str, str]:
    """{"entityId", "ssoUrl", "displayName", "certificate" (base64 DER)}, made on first use."""
    if directory.idp is None:
        cert, _key = self_signed("idp.skolon.example", days=CERT_DAYS, rsa_key=True)
        directory.idp = {"entityId": ISSUER, "ssoUrl": SSO_URL, "displayName": DISPLAY_NAME, "certificate": cert}
    return directory.idp


def metadata_xml(idp: dict[str, str]) -> str:
    """The IdP's SAML 2.0 metadata (unsigned, like most vendors' downloadable files)."""
    cert = "\n".join(idp["certificate"][i:i + 64] for i in range(0, len(idp["certificate"]), 64))
    services = "".join(f'\n    <md:SingleSignOnService Binding="{b}" Location={quoteattr(idp["ssoUrl"])}/>'
                       for b in _BINDINGS)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<md:EntityDescriptor xmlns:md="{_MD}" xmlns:ds="{_DS}" entityID={quoteattr(idp["entityId"])}>\n'
            f'  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" '
            f'protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n'
            f'    <md:KeyDescriptor use="signing">\n'
            f'      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n{cert}\n'
            f'      </ds:X509Certificate></ds:X509Data></ds:KeyInfo>\n'
            f'    </md:KeyDescriptor>\n'
            f'    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>'
            f'{services}\n'
            f'  </md:IDPSSODescriptor>\n'
            f'  <md:Organization>\n'
            f'    <md:OrganizationName xml:lang="en">{escape(idp["displayName"])}</md:OrganizationName>\n'
            f'    <md:OrganizationDisplayName xml:lang="en">{escape(idp["displayName"])}</md:OrganizationDisplayName>\n'
            f'    <md:OrganizationURL xml:lang="en">https://skolon.example/</md:OrganizationURL>\n'
            f'  </md:Organization>\n'
            f'</md:EntityDescriptor>\n')
