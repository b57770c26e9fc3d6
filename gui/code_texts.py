"""Translatable text and hint for every code core/ reports about connections, sign-in and checks.

Kept apart from gui/texts.py (the functions) because it is long. Context "Code" for text, "Hint" for
the fix. A test asserts that every code in core.messages has an entry here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP as T

TEXT: dict[str, str] = {
    "tenant_empty": T("Code", "The tenant is missing."),
    "tenant_multi_tenant_alias": T("Code", "'common', 'organizations' and 'consumers' are not a tenant."),
    "tenant_is_url": T("Code", "This looks like a web address, not a tenant ID or domain."),
    "tenant_is_email": T("Code", "This looks like an e-mail address."),
    "tenant_looks_like_secret": T("Code", "This looks like a client secret."),
    "tenant_invalid": T("Code", "This is neither a tenant ID (GUID) nor a domain name."),
    "client_id_empty": T("Code", "The application (client) ID is missing."),
    "client_id_is_url": T("Code", "This looks like a web address."),
    "client_id_looks_like_secret": T("Code", "This looks like a client secret."),
    "client_id_invalid": T("Code", "The application (client) ID is not a GUID."),
    "client_id_same_as_tenant": T("Code", "This is the same as the tenant ID."),
    "cloud_unknown": T("Code", "Unknown cloud."),
    "url_not_https": T("Code", "The address must start with https://."),
    "url_invalid": T("Code", "The address is not a valid https URL."),
    "ca_bundle_missing": T("Code", "The CA bundle file does not exist."),
    "profile_not_found": T("Code", "The profile file does not exist."),
    "profile_unreadable": T("Code", "The profile file cannot be read."),
    "profile_not_json": T("Code", "The profile file is not a JSON object."),
    "profile_missing_field": T("Code", "The profile file lacks a required field."),
    "profile_bad_date": T("Code", "The profile's expiry date is not a date."),
    "input_invalid": T("Code", "The connection details are not valid."),
    "secret_empty": T("Code", "The client secret is missing."),
    "secret_looks_like_id": T("Code", "This looks like the secret's ID (a GUID), not its Value."),
    "keyring_no_backend": T("Code", "This computer has no usable keychain, so the secret is kept only "
                                    "until you close the program."),
    "keyring_error": T("Code", "The keychain failed, so the secret is kept only until you close the program."),
    "no_secret": T("Code", "No client secret was found."),
    "tenant_not_found": T("Code", "Microsoft does not know this tenant."),
    "app_not_found": T("Code", "The application was not found in this tenant."),
    "secret_invalid": T("Code", "The client secret was refused."),
    "secret_expired": T("Code", "The client secret has expired."),
    "secret_missing": T("Code", "No client secret was sent."),
    "app_disabled": T("Code", "The application is disabled."),
    "tls_too_old": T("Code", "This computer's TLS version is too old for Microsoft's login service."),
    "resource_not_found": T("Code", "Microsoft Graph was not found for this tenant."),
    "blocked_by_policy": T("Code", "A Conditional Access policy blocked the sign-in."),
    "tls_verify_failed": T("Code", "The server's certificate is not trusted."),
    "network_error": T("Code", "No answer from the server."),
    "login_unavailable": T("Code", "Microsoft's login service answered with an error."),
    "auth_unknown": T("Code", "Sign-in failed."),
    "tenant_found": T("Code", "Tenant found."),
    "credentials_ok": T("Code", "Credentials accepted."),
    "consent_ok": T("Code", "Admin consent granted."),
    "consent_missing": T("Code", "Admin consent for User.ReadWrite.All is missing."),
    "graph_read_ok": T("Code", "Microsoft Graph can read the users."),
    "graph_forbidden": T("Code", "Microsoft Graph refused to list the users."),
    "graph_error": T("Code", "Microsoft Graph answered with an error."),
    "ambiguous_outcome": T("Code", "The connection dropped before Microsoft answered."),
    "foreign_url": T("Code", "Microsoft Graph pointed to another host; nothing was sent there."),
    "domains_managed": T("Code", "No domain is federated."),
    "domains_federated": T("Code", "Some domains are federated."),
    "domains_unknown": T("Code", "Not known (the app may not read domains)."),
    "secret_expiry_ok": T("Code", "The secret is valid for more than 30 days."),
    "secret_expiry_soon": T("Code", "The secret expires within 30 days."),
    "secret_expiry_past": T("Code", "The secret's expiry date has passed."),
    "secret_expiry_unknown": T("Code", "Not known."),
    "skipped_earlier_failed": T("Code", "Skipped: an earlier step failed."),
    "cancelled": T("Code", "Cancelled."),
    "throttled_too_long": T("Code", "Microsoft refused every write for a long time, so the run stopped."),
}

HINT: dict[str, str] = {
    "tenant_empty": T("Hint", "Enter the Directory (tenant) ID from the app registration's Overview page, or "
                              "the tenant's domain (e.g. school.onmicrosoft.com)."),
    "tenant_multi_tenant_alias": T("Hint", "Enter your own Directory (tenant) ID or domain."),
    "tenant_is_url": T("Hint", "Copy only the Directory (tenant) ID (a GUID), not the whole address."),
    "tenant_is_email": T("Hint", "Enter the part after @ (the domain), or the Directory (tenant) ID."),
    "tenant_looks_like_secret": T("Hint", "Paste the secret into the secret field, and the Directory (tenant) "
                                          "ID here."),
    "tenant_invalid": T("Hint", "Use the Directory (tenant) ID (a GUID like 1b2c3d4e-…) or a domain name."),
    "client_id_empty": T("Hint", "Enter the Application (client) ID from the app registration's Overview page."),
    "client_id_is_url": T("Hint", "Copy only the Application (client) ID (a GUID), not the whole address."),
    "client_id_looks_like_secret": T("Hint", "Paste the secret into the secret field, and the Application "
                                             "(client) ID here."),
    "client_id_invalid": T("Hint", "The Application (client) ID is a GUID like "
                                   "1b2c3d4e-0000-1111-2222-333344445555."),
    "client_id_same_as_tenant": T("Hint", "Copy the Application (client) ID, not the Directory (tenant) ID, "
                                          "from the Overview page."),
    "url_not_https": T("Hint", "Use an https:// address."),
    "url_invalid": T("Hint", "Use an address like https://login.example.test (no query or fragment)."),
    "ca_bundle_missing": T("Hint", "Check the path to the CA bundle (a PEM file)."),
    "secret_looks_like_id": T("Hint", "Copy the Value column under Certificates & secrets, not the Secret ID."),
    "keyring_no_backend": T("Hint", "You can go on; you will be asked for the secret again next time."),
    "keyring_error": T("Hint", "Unlock the keychain and try again, or go on for this session."),
    "tenant_not_found": T("Hint", "Check the Directory (tenant) ID. Is the tenant in another cloud (US Gov, "
                                  "China)? Choose it under Advanced."),
    "app_not_found": T("Hint", "Check the Application (client) ID. Was the app registered in another tenant?"),
    "secret_invalid": T("Hint", "You probably pasted the secret's ID, not its Value: copy the Value column "
                                "from Certificates & secrets (it is shown only right after the secret is "
                                "created; otherwise create a new secret)."),
    "secret_expired": T("Hint", "Create a new client secret under Certificates & secrets and enter it on the "
                                "Connection page."),
    "secret_missing": T("Hint", "Enter the client secret's Value on the Connection page."),
    "app_disabled": T("Hint", "Enable the application (Enterprise applications → Properties → Enabled for "
                              "users to sign in)."),
    "tls_too_old": T("Hint", "Update the operating system; Microsoft requires TLS 1.2 or newer."),
    "resource_not_found": T("Hint", "Check the cloud under Advanced: the tenant may be in US Gov or China."),
    "blocked_by_policy": T("Hint", "Ask the admin to exclude this application from the Conditional Access "
                                   "policy."),
    "tls_verify_failed": T("Hint", "A proxy may be inspecting TLS: install its CA certificate, or give the "
                                   "right CA bundle under Advanced."),
    "network_error": T("Hint", "Check the internet connection and proxy settings, then press Retry."),
    "login_unavailable": T("Hint", "Microsoft's service had a problem; try again in a few minutes."),
    "auth_unknown": T("Hint", "See Microsoft's error text; search for its AADSTS number."),
    "consent_missing": T("Hint", "In the Azure portal: App registrations → your app → API permissions → Add a "
                                 "permission → Microsoft Graph → Application permissions → User.ReadWrite.All, "
                                 "then click “Grant admin consent for &lt;your organisation&gt;”. Then press "
                                 "Retry."),
    "graph_forbidden": T("Hint", "Grant admin consent for User.ReadWrite.All (application permission), then "
                                 "press Retry."),
    "graph_error": T("Hint", "Try again later if it persists."),
    "ambiguous_outcome": T("Hint", "The current value is read again before any retry."),
    "domains_federated": T("Hint", "Users in federated domains cannot get a new ImmutableId directly. Set "
                                   "ImmutableIds first, then federate the domain."),
    "domains_unknown": T("Hint", "Optional: grant Domain.Read.All so that federated domains can be "
                                 "recognised."),
    "throttled_too_long": T("Hint", "Nothing was lost: the users not written are marked as not attempted. "
                                    "Run again later."),
    "secret_expiry_soon": T("Hint", "Create a new client secret before this one expires."),
    "secret_expiry_past": T("Hint", "Create a new client secret under Certificates & secrets, or correct the "
                                    "date on the Connection page."),
    "secret_expiry_unknown": T("Hint", "Optional: enter the secret's expiry date on the Connection page to be "
                                       "warned in time."),
}
