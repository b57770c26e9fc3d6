"""English text for every code the engine produces (the CLI prints these; the GUI has its own table).

Layout: TEXT[code] = what happened, HINTS[code] = what the admin can do about it. The write side keeps
its codes in core/messages_write.py (dicts named *_TEXT and *HINTS), merged in below so neither file
conflicts.
"""

from __future__ import annotations

TEXT: dict[str, str] = {
    # --- input problems (core.connection.InputProblem codes) ---
    "tenant_empty": "The tenant is missing.",
    "tenant_multi_tenant_alias": "'common', 'organizations' and 'consumers' are not a tenant.",
    "tenant_is_url": "The tenant looks like a web address, not a tenant ID or domain.",
    "tenant_is_email": "The tenant looks like an e-mail address.",
    "tenant_looks_like_secret": "The tenant field seems to hold a client secret.",
    "tenant_invalid": "The tenant is neither a GUID nor a domain name.",
    "client_id_empty": "The application (client) ID is missing.",
    "client_id_is_url": "The application (client) ID looks like a web address.",
    "client_id_looks_like_secret": "The application (client) ID field seems to hold a client secret.",
    "client_id_invalid": "The application (client) ID is not a GUID.",
    "client_id_same_as_tenant": "The application (client) ID is the same as the tenant ID.",
    "cloud_unknown": "Unknown cloud.",
    "url_not_https": "The address must start with https://.",
    "url_invalid": "The address is not a valid https URL.",
    "ca_bundle_missing": "The CA bundle file does not exist.",
    "profile_not_found": "The profile file does not exist.",
    "profile_unreadable": "The profile file cannot be read.",
    "profile_not_json": "The profile file is not a JSON object.",
    "profile_missing_field": "The profile file lacks a required field.",
    "profile_bad_date": "The profile's secret_expires is not a date.",
    "input_invalid": "The connection details are not valid.",
    # --- secret store ---
    "keyring_no_backend": "This computer has no usable keyring; the secret is kept for this session only.",
    "keyring_error": "The keyring failed; the secret is kept for this session only.",
    "no_secret": "No client secret was found.",
    # --- auth (core.auth.AuthCode) ---
    "tenant_not_found": "Entra does not know this tenant.",
    "app_not_found": "The application was not found in this tenant.",
    "secret_invalid": "The client secret was refused.",
    "secret_expired": "The client secret has expired.",
    "secret_missing": "No client secret was sent.",
    "app_disabled": "The application is disabled.",
    "tls_too_old": "This computer's TLS version is too old for Microsoft's login service.",
    "resource_not_found": "Microsoft Graph was not found for this tenant.",
    "blocked_by_policy": "A Conditional Access policy blocked the sign-in.",
    "tls_verify_failed": "The server's certificate is not trusted.",
    "network_error": "No answer from the server.",
    "login_unavailable": "Microsoft's login service answered with an error.",
    "auth_unknown": "Sign-in failed.",
    # --- checks (core.checks) ---
    "tenant_found": "Tenant found.",
    "credentials_ok": "Credentials accepted.",
    "consent_ok": "Admin consent granted.",
    "consent_missing": "Admin consent for User.ReadWrite.All is missing.",
    "graph_read_ok": "Microsoft Graph can read users.",
    "graph_forbidden": "Microsoft Graph refused to list users (403).",
    "graph_error": "Microsoft Graph answered with an error.",
    "ambiguous_outcome": "The connection dropped before Graph answered.",
    "foreign_url": "Graph pointed to another host; the request was not sent.",
    "domains_managed": "Domains read; none is federated.",
    "domains_federated": "Some domains are federated.",
    "domains_unknown": "Domain federation status unknown (Domain.Read.All is not granted).",
    "secret_expiry_ok": "The client secret is valid for more than 30 days.",
    "secret_expiry_soon": "The client secret expires within 30 days.",
    "secret_expiry_past": "The client secret's expiry date has passed.",
    "secret_expiry_unknown": "The client secret's expiry date is unknown.",
    "skipped_earlier_failed": "Skipped because an earlier step failed.",
    "cancelled": "Cancelled.",
    "throttled_too_long": "Entra accepted no write for 10 minutes (throttling); the run stopped.",
}

HINTS: dict[str, str] = {
    "tenant_empty": "Enter the Directory (tenant) ID from the app registration's Overview page, "
                    "or the tenant's domain (e.g. school.onmicrosoft.com).",
    "tenant_multi_tenant_alias": "Enter your own Directory (tenant) ID or domain: app-only sign-in needs one tenant.",
    "tenant_is_url": "Copy only the Directory (tenant) ID (a GUID), not the whole address.",
    "tenant_is_email": "Enter the part after @ (the domain), or the Directory (tenant) ID.",
    "tenant_looks_like_secret": "Paste the secret into the secret field, and the Directory (tenant) ID here.",
    "tenant_invalid": "Use the Directory (tenant) ID (a GUID like 1b2c3d4e-...) or a domain name.",
    "client_id_empty": "Enter the Application (client) ID from the app registration's Overview page.",
    "client_id_is_url": "Copy only the Application (client) ID (a GUID), not the whole address.",
    "client_id_looks_like_secret": "Paste the secret into the secret field, and the Application (client) ID here.",
    "client_id_invalid": "The Application (client) ID is a GUID like 1b2c3d4e-0000-1111-2222-333344445555.",
    "client_id_same_as_tenant": "Copy the Application (client) ID, not the Directory (tenant) ID, "
                                "from the Overview page.",
    "cloud_unknown": "Choose one of: global, usgov, usgov-dod, china.",
    "url_not_https": "Use an https:// address; plain http is never used for sign-in.",
    "url_invalid": "Use an address like https://login.example.test (no query or fragment).",
    "ca_bundle_missing": "Check the path to the CA bundle (PEM file).",
    "profile_not_found": "Check the path given to --profile.",
    "profile_missing_field": "A profile needs tenant_id and client_id.",
    "profile_bad_date": "Write the date as YYYY-MM-DD.",
    "keyring_no_backend": "Install or unlock a keyring (e.g. GNOME Keyring / KWallet), or set "
                          "IMMUTABLEID_SYNC_CLIENT_SECRET for each run.",
    "keyring_error": "Unlock the keyring and try again, or set IMMUTABLEID_SYNC_CLIENT_SECRET for this run.",
    "no_secret": "Store it with `immutableid-sync secret set --tenant ... --client-id ...`, set the "
                 "environment variable IMMUTABLEID_SYNC_CLIENT_SECRET, or pipe it in with --secret-stdin.",
    "tenant_not_found": "Check the Directory (tenant) ID. Is the tenant in another cloud (US Gov, China)?",
    "app_not_found": "Check the Application (client) ID. Was the app registered in another tenant?",
    "secret_invalid": "You probably pasted the secret's ID, not its Value: copy the Value column from "
                      "Certificates & secrets (it is shown only right after the secret is created).",
    "secret_expired": "Create a new client secret under Certificates & secrets and save it here.",
    "secret_missing": "Enter the client secret's Value.",
    "app_disabled": "Enable the application (Enterprise applications > Properties > Enabled for users to sign in).",
    "tls_too_old": "Update the operating system; Microsoft requires TLS 1.2 or newer.",
    "resource_not_found": "Check the cloud setting: the tenant may be in US Gov or China.",
    "blocked_by_policy": "Ask the admin to exclude this application from the Conditional Access policy.",
    "tls_verify_failed": "A proxy may be inspecting TLS: install its CA certificate, or give the right CA bundle.",
    "network_error": "Check the internet connection and proxy settings, then try again.",
    "login_unavailable": "Microsoft's service had a problem; try again in a few minutes.",
    "auth_unknown": "See the Entra error text below; search for its AADSTS number.",
    "consent_missing": "In Entra: App registrations > your app > API permissions: add Microsoft Graph "
                       "application permission User.ReadWrite.All, then click "
                       "\"Grant admin consent for <your organisation>\".",
    "graph_forbidden": "Grant admin consent for User.ReadWrite.All (application permission), then check again.",
    "graph_error": "See Graph's error below; try again later if it persists.",
    "ambiguous_outcome": "The request may have been applied; the current value is re-read before retrying.",
    "domains_federated": "Users in federated domains cannot get a new ImmutableId directly. Set ImmutableIds "
                         "first, then federate the domain.",
    "domains_unknown": "Optional: grant Domain.Read.All so the federation status can be checked; "
                       "domains are otherwise taken from users' UPNs.",
    "throttled_too_long": "The users not written are not_attempted; run apply again later to finish them.",
    "secret_expiry_soon": "Create a new client secret before this one expires.",
    "secret_expiry_past": "Create a new client secret under Certificates & secrets, or correct the date.",
    "secret_expiry_unknown": "Optional: enter the secret's expiry date (Certificates & secrets > Expires) "
                             "to be warned in time.",
}

try:  # the write side's codes (statuses, reasons, apply hints) live in their own file
    from core import messages_write as _write
except ModuleNotFoundError as exc:
    if exc.name != "core.messages_write":
        raise
    _write = None
if _write is not None:
    # Every *_TEXT dict there adds texts, every *HINTS dict adds hints; our own codes win on a clash.
    for _name, _table in vars(_write).items():
        if isinstance(_table, dict) and _name.endswith("_TEXT"):
            TEXT.update({k: v for k, v in _table.items() if k not in TEXT})
        elif isinstance(_table, dict) and _name.endswith("HINTS"):
            HINTS.update({k: v for k, v in _table.items() if k not in HINTS})


def text_for(code: str) -> str:
    return TEXT.get(str(code), str(code).replace("_", " ").capitalize())


def hint_for(code: str) -> str | None:
    return HINTS.get(str(code))


def describe(code: str) -> str:
    """Text and hint in one line, for the command line."""
    hint = hint_for(code)
    return f"{text_for(code)} {hint}" if hint else text_for(code)


def detail_for(reason: str | None, args: dict | None = None) -> str:
    """A row's English `detail` (the report's column) from its reason code (see core/messages_write)."""
    from core.messages_write import detail_for as write_detail

    return write_detail(reason, args)
