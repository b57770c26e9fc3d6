"""The app's credential where the tenant's policy decides (graph-facts §16): a client secret of the longest
lifetime allowed, or a certificate — self-signed (core/setup/certificates.py), its public part on the app,
its private key handed back to be kept in the keyring, never written anywhere else.

A first certificate goes on by PATCH (addKey needs a proof signed with a key the app already has); a
renewal adds the next one with addKey, proven with the current key, and removes the old one with
removeKey, proven with the new key once it signs in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from core.setup.appreg_graph import AppGraph, GraphCallError, NewSecret, retry_unreplicated
from core.setup.certificates import custom_key_identifier, make_certificate, proof_of_possession

# Shorter lifetimes to try when the tenant's policy caps credentials and its refusal does not name the
# cap (days); the first accepted is used.
FALLBACK_DAYS = (730, 365, 180, 90, 30)
# A certificate is valid from an hour before it is made (other machines' clocks); the policy counts that
# hour, so the certificate's end is pulled in by as much to stay inside a cap.
_SKEW = timedelta(hours=1)

T = TypeVar("T")


def longest_allowed(attempt: Callable[[int], T], days: int) -> T:
    """`attempt(days)`, and while the policy refuses the lifetime, again with the cap its refusal names
    (or the next shorter of FALLBACK_DAYS). Other refusals, and a cap below every fallback, are raised."""
    lifetime = days
    while True:
        try:
            return attempt(lifetime)
        except GraphCallError as exc:
            if not exc.policy_refused or exc.credential_type_blocked:
                raise
            cap = exc.policy_max_days
            shorter = cap if cap is not None and cap < lifetime else \
                next((d for d in FALLBACK_DAYS if d < lifetime), None)
            if shorter is None:
                raise
            lifetime = shorter


def add_certificate(graph: AppGraph, app: dict, common_name: str, days: int,
                    sleep: Callable[[float], None], *, current: tuple[str, str] | None = None,
                    keep_key_ids: list[str] | None = None) -> NewSecret:
    """A new certificate on `app` (Graph's application: `id`, `appId`), the longest lifetime allowed up to `days`. `current`: (key PEM,
    thumbprint) of a valid key the app has — then addKey proven with it; else PATCH keeping
    `keep_key_ids`. The returned credential's value is the private key (PEM)."""
    object_id = app["id"]

    def attempt(lifetime: int) -> NewSecret:
        cert = make_certificate(common_name, days=lifetime - _SKEW / timedelta(days=1))
        if current is not None:
            proof = proof_of_possession(current[0], current[1], object_id)
            key_id = retry_unreplicated(lambda: graph.add_key(object_id, cert.der_base64, proof), sleep)
        else:
            retry_unreplicated(lambda: graph.add_first_key(object_id, cert.der_base64, keep_key_ids or []), sleep)
            key_id = next(iter(key_ids_of(graph.find_app(app["appId"]), cert.thumbprint)), "")  # PATCH says 204
        return NewSecret(key_id, cert.key_pem, cert.not_after, thumbprint=cert.thumbprint)

    return longest_allowed(attempt, days)


def key_ids_of(app: dict, thumbprint: str | None = None) -> list[str]:
    """The app's certificate key ids (only the one of `thumbprint` when given)."""
    wanted = custom_key_identifier(thumbprint) if thumbprint else None
    return [str(k["keyId"]) for k in app.get("keyCredentials") or []
            if wanted is None or k.get("customKeyIdentifier") == wanted]


def still_valid(app: dict, key_id: str) -> bool:
    now = datetime.now(UTC)
    for key in app.get("keyCredentials") or []:
        if key.get("keyId") == key_id:
            end = datetime.fromisoformat(str(key.get("endDateTime")).replace("Z", "+00:00"))
            return end > now
    return False


def remove_certificates(graph: AppGraph, object_id: str, key_ids: list[str], new: NewSecret) -> int:
    """removeKey for each old key, proven with the new certificate's key (it signs in by now)."""
    for key_id in key_ids:
        graph.remove_key(object_id, key_id, proof_of_possession(new.value, new.thumbprint or "", object_id))
    return len(key_ids)
