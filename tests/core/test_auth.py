"""Auth: AADSTS → codes (unit), and real MSAL against the sandbox's login endpoint."""

from __future__ import annotations

import base64
import json

import pytest
import requests

from core.graph.auth import (
    AADSTS_CODES,
    AuthCode,
    AuthError,
    decode_claims,
    error_from_exception,
    error_from_result,
)
from core.messages import HINTS, TEXT


def _jwt(payload: dict) -> str:
    def part(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
    return f"{part({'alg': 'RS256'})}.{part(payload)}.c2ln"


def test_decode_claims_reads_the_payload_without_a_signature_check():
    claims = decode_claims(_jwt({"roles": ["User.ReadWrite.All"], "tid": "t", "azp": "a", "exp": 5}))
    assert claims == {"roles": ["User.ReadWrite.All"], "tid": "t", "azp": "a", "exp": 5}
    assert decode_claims("not-a-jwt") == {} and decode_claims("a.!!!.c") == {}


@pytest.mark.parametrize(("number", "code"), [
    (90002, AuthCode.TENANT_NOT_FOUND), (900023, AuthCode.TENANT_NOT_FOUND),
    (700016, AuthCode.APP_NOT_FOUND), (7000215, AuthCode.SECRET_INVALID),
    (7000222, AuthCode.SECRET_EXPIRED), (7000218, AuthCode.SECRET_MISSING),
    (7000112, AuthCode.APP_DISABLED), (1002016, AuthCode.TLS_TOO_OLD),
])
def test_every_aadsts_case_in_graph_facts_maps_to_a_code_with_a_hint(number, code):
    error = error_from_result({"error": "invalid_client", "error_codes": [number],
                               "error_description": f"AADSTS{number}: words. Trace ID: x"})
    assert (error.code, error.aadsts) == (code, number)
    assert code.value in TEXT and code.value in HINTS
    assert str(error) == f"{code.value} (AADSTS{number})"


def test_codes_found_in_the_description_and_unknown_codes():
    assert error_from_result({"error_description": "AADSTS7000215: Invalid client secret"}).code \
        == AuthCode.SECRET_INVALID
    unknown = error_from_result({"error": "x", "error_codes": [50999]})
    assert (unknown.code, unknown.aadsts) == (AuthCode.UNKNOWN, 50999)
    assert set(AADSTS_CODES.values()) <= set(AuthCode)


def test_the_secret_hint_names_id_versus_value():
    assert "ID" in HINTS["secret_invalid"] and "Value" in HINTS["secret_invalid"]
    assert "Grant admin consent" in HINTS["consent_missing"]


def test_network_exceptions_map_to_codes():
    assert error_from_exception(requests.exceptions.SSLError("x")).code == AuthCode.TLS_VERIFY_FAILED
    assert error_from_exception(requests.exceptions.ConnectionError("x")).code == AuthCode.NETWORK
    assert error_from_exception(ValueError("OIDC ... AADSTS90002: Tenant")).code == AuthCode.TENANT_NOT_FOUND


def test_auth_error_description_is_redacted():
    from core import logsetup

    logsetup.register_secret("Abc~the-secret-value-xyz")
    error = AuthError(AuthCode.UNKNOWN, None, "echo Abc~the-secret-value-xyz back")
    assert "the-secret-value" not in error.description and "the-secret-value" not in str(error)


def test_a_busy_login_service_is_login_unavailable():
    from msal.exceptions import MsalServiceError

    assert error_from_result({"error": {"code": "TooManyRequests"}}).code == AuthCode.LOGIN_UNAVAILABLE
    assert error_from_result({"error": "temporarily_unavailable"}).code == AuthCode.LOGIN_UNAVAILABLE
    assert error_from_exception(MsalServiceError("HTTP Error: 503", error=None, error_description=None)).code \
        == AuthCode.LOGIN_UNAVAILABLE
