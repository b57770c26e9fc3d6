from __future__ import annotations

import logging

from core import logsetup, paths


def test_log_file_rotates_and_redacts_tokens_and_registered_secrets():
    path = logsetup.setup_logging(logging.DEBUG)
    try:
        assert path.parent == paths.log_dir()
        handler = logsetup._handler
        assert handler.maxBytes == 1_000_000 and handler.backupCount == 5
        secret = "Sec8~registered-secret-value-1234567890"  # noqa: S105
        logsetup.register_secret(secret)
        jwt = "eyJhbGciOiJSUzI1NiJ9.eyJyb2xlcyI6WyJVc2VyLlJlYWRXcml0ZS5BbGwiXX0.c2lnbmF0dXJl"
        log = logging.getLogger("core.test")
        log.info("header Authorization: Bearer %s", "opaque-token-123")
        log.info("token %s and secret %s", jwt, secret)
        log.info("body client_secret=%s&grant_type=client_credentials", "another-1")
        try:
            raise RuntimeError(f"failed with {secret}")
        except RuntimeError:
            log.exception("boom")
        logging.getLogger("msal").debug("msal debug %s", "should-not-appear")
    finally:
        logsetup.close_logging()
    text = path.read_text(encoding="utf-8")
    for leaked in (secret, jwt, "opaque-token-123", "another-1", "should-not-appear"):
        assert leaked not in text
    assert text.count("[redacted]") >= 5 and "boom" in text and "grant_type=client_credentials" in text


def test_redact_leaves_ordinary_text_alone():
    assert logsetup.redact("GET /v1.0/users -> 200 in 3 ms") == "GET /v1.0/users -> 200 in 3 ms"
