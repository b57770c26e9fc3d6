"""What `app create|renew` prints: progress lines (stderr), the result (stdout), and failures that name
what was created and how to delete it. The secret is printed only by `show_secret_once`."""

from __future__ import annotations

import sys

from core.message_table import APPREG_TEXT
from core.messages import describe
from core.setup.appreg import AppRegError, NewApp, Progress

_STEPS = {
    "appreg_roles": "Looking up Microsoft Graph's permissions ...",
    "appreg_app": "Creating the app registration \"{name}\" ...",
    "appreg_sp": "Creating its service principal ...",
    "appreg_secret": "Adding a client secret ({days} days) ...",
    "appreg_secrets_blocked_certificate": "The tenant's app management policy does not allow client secrets: "
                                          "making a certificate instead (its private key stays in this "
                                          "computer's keyring) ...",
    "appreg_certificate": "Adding a self-signed certificate ({days} days) ...",
    "appreg_consent": "Granting admin consent for {role} ...",
    "appreg_find": "Finding the app {client_id} ...",
    "appreg_same_name": "WARNING: this tenant already has {count} app registration(s) named \"{name}\" (client id "
                        "{client_ids}). A new one is created beside it; to give an existing one a new secret "
                        "instead, stop now (Ctrl-C) and use `immutableid-sync app renew`.",
    "appreg_waiting": "Waiting for Microsoft to make the app ready (attempt {attempt}, {elapsed} s of at most "
                      "{timeout} s) ...",
}
_KINDS = {"application": "the application (client id {ident})", "service_principal": "its service principal",
          "client_secret": "a client secret (key id {ident})", "certificate": "a certificate (key id {ident})",
          "consent": "admin consent for {ident}"}


def progress_printer() -> Progress:
    def show(code: str, values: dict) -> None:
        print(_STEPS.get(code, code).format(**values), file=sys.stderr, flush=True)

    return show


def failure_text(exc: AppRegError) -> str:
    """What went wrong, what to do, what exists now and how to delete it."""
    lines = [describe(exc.code)]
    if exc.detail:
        lines.append(f"  (Microsoft said: {exc.detail})")
    if not exc.created:
        lines.append(APPREG_TEXT["appreg_nothing_created"])
        return "\n".join(lines)
    items = "; ".join(_KINDS[c.kind].format(ident=c.ident) for c in exc.created)
    lines.append(APPREG_TEXT["appreg_created_list"].format(items=items))
    if any(c.kind == "application" for c in exc.created):
        lines.append(APPREG_TEXT["appreg_delete_how"].format(name=exc.name, client_id=exc.client_id))
    else:  # a renewal: only a secret or certificate was added to an existing app
        for created in exc.created:
            if created.kind in ("client_secret", "certificate"):
                how = "appreg_delete_secret_how" if created.kind == "client_secret" else "appreg_delete_cert_how"
                lines.append(APPREG_TEXT[how].format(client_id=exc.client_id, key_id=created.ident))
    return "\n".join(lines)


def print_result(new: NewApp, name: str, secret_shown: bool, reminder: str | None) -> None:
    conn = new.connection
    print(f"App registration ready: {name}")
    print(f"Client ID: {conn.client_id}")
    print(f"Tenant ID: {conn.tenant}")
    expires = new.secret.expires.date().isoformat()
    if new.secret.is_certificate:
        print(f"Certificate thumbprint: {conn.cert_thumbprint}")
        print(f"Certificate expires: {expires}")
    else:
        print(f"Secret expires: {expires}")
    if new.secrets_blocked:
        print(APPREG_TEXT["appreg_certificate_instead"])
    if new.capped:
        capped = "appreg_certificate_capped" if new.secret.is_certificate else "appreg_secret_capped"
        print(APPREG_TEXT[capped].format(expires=expires, years=new.asked_days // 365))
    if new.secret.is_certificate:
        print(APPREG_TEXT["appreg_certificate_data_hub"])
    if not secret_shown:
        kept = "certificate's private key" if new.secret.is_certificate else "secret"
        print(f"The {kept} is stored in the keyring; the connection is saved as \"{conn.name}\" "
              f"(immutableid-sync check --profile \"{conn.name}\").")
    if reminder:
        print(f"Calendar reminder (30 days before expiry): {reminder}")


def show_secret_once(new: NewApp, reason: str | None) -> None:
    """No keyring (the admin chose this with --show-secret-once) or a failing one: the only copy."""
    print("WARNING: no keyring kept the secret. It is shown this once and never again: copy it now into "
          "Skolon Data Hub or a password manager, then clear this terminal.", file=sys.stderr)
    print(f"Client secret: {new.secret.value}", flush=True)
