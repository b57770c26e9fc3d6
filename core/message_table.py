"""Code -> English text: every table the command line and the reports read. No functions here: the
sentences are made in core/messages.py, which re-exports these names.

TEXT[code] says what happened and HINTS[code] what the admin can do about it (connection, sign-in, checks,
secret store, CLI input). The write side's tables follow: statuses, reason codes, CSV and source errors,
Graph write hints, and the report's `detail` templates. The GUI keeps its own translated tables for the
same codes (gui/code_texts.py); tests/gui/test_gui_texts.py checks that none is missing there.
"""

from __future__ import annotations

TEXT: dict[str, str] = {
    # --- input problems (core.graph.connection.InputProblem codes) ---
    "tenant_empty": "The tenant is missing.",
    "tenant_multi_tenant_alias": "'common', 'organizations' and 'consumers' are not a tenant.",
    "tenant_is_url": "The tenant looks like a web address, not a tenant ID or domain.",
    "tenant_is_email": "The tenant looks like an e-mail address.",
    "tenant_looks_like_secret": "The tenant field seems to hold a client secret.",
    "tenant_invalid": "The tenant is neither a GUID nor a domain name.",
    "connection_name_empty": "The connection's name is empty.",
    "connection_name_control": "The name holds a line break or another invisible character: type it on one line.",
    "connection_name_character": "The name cannot hold / \\ : * ? \" < > | or a %…% pair: they cannot be part of a file "
                                 "or task name.",
    "connection_name_edge": "The name cannot start or end with a space or a dot, or start with a dash.",
    "connection_name_reserved": "Windows reserves this name for a device (CON, NUL, COM1 …): choose another.",
    "connection_name_too_long": "The name is too long: use at most 64 characters.",
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
    "profile_empty": "The profile file is empty.",
    "profile_not_json": "The profile file is not valid JSON.",
    "profile_cut_short": "The profile file is not valid JSON: it ends before the JSON does, so it may be cut short.",
    "profile_not_object": "The profile file holds JSON, but not one object with the connection's keys.",
    "profile_missing_field": "The profile file lacks a required key.",
    "profile_not_text": "The value of this key must be text in quotes.",
    "profile_bad_date": "The profile's secret_expires is not a date.",
    "input_invalid": "The connection details are not valid.",
    # --- secret store ---
    "keyring_no_backend": "This computer has no usable keyring; the secret is kept for this session only.",
    "keyring_error": "The keyring failed; the secret is kept for this session only.",
    "no_secret": "No client secret was found.",
    # --- auth (core.graph.auth.AuthCode) ---
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
    # --- checks (core.tenant.checks) ---
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
    "admin_roles_known": "Admins are known before writing (RoleManagement.Read.Directory).",
    "admin_roles_groups_unread": "Admins are known, except members of role groups the app cannot read.",
    "admin_roles_unknown": "Admins are not known before writing (RoleManagement.Read.Directory is not granted).",
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
    "profile_unreadable": "Check that it is a file (not a folder) that you may read.",
    "profile_empty": 'Write the profile again: one JSON object such as {"tenant_id": "...", "client_id": "..."}.',
    "profile_not_json": "Fix the JSON near the line and column shown (a missing comma, quote or brace is the "
                        "usual cause).",
    "profile_cut_short": "Copy or save the whole profile again (the sandbox prints it as one line; "
                         "`immutableid-sync sandbox --profile-out FILE` writes it to a file).",
    "profile_not_object": 'A profile is one JSON object, e.g. {"tenant_id": "...", "client_id": "..."}.',
    "profile_missing_field": "A profile needs tenant_id and client_id.",
    "profile_not_text": 'Write it as a JSON string, e.g. "ca_bundle": "/path/to/ca.pem".',
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
    "admin_roles_unknown": "Optional: grant RoleManagement.Read.Directory so admins are shown in the preview "
                           "instead of failing with 403 when written.",
    "admin_roles_groups_unread": "Optional: grant GroupMember.Read.All so members of role-assignable groups "
                                 "are known too.",
    "domains_unknown": "Optional: grant Domain.Read.All so the federation status can be checked; "
                       "domains are otherwise taken from users' UPNs.",
    "throttled_too_long": "The users not written are not_attempted; run apply again later to finish them.",
    "secret_expiry_soon": "Create a new client secret before this one expires.",
    "secret_expiry_past": "Create a new client secret under Certificates & secrets, or correct the date.",
    "secret_expiry_unknown": "Optional: enter the secret's expiry date (Certificates & secrets > Expires) "
                             "to be warned in time.",
}

# Codes only the command line reports (the wizard cannot produce them, so gui/code_texts.py has none).
CLI_TEXT: dict[str, str] = {
    "undo_no_folder": "there is no such folder: give a run folder (it holds journal.jsonl)",
    "undo_no_journal": "this folder has no journal.jsonl: it is not a run folder",
    "undo_journal_unreadable": "its journal.jsonl cannot be read (it is not a file, or not a journal)",
    "undo_journal_empty": "its journal.jsonl is empty or has no header: it is not a run's journal",
    "undo_not_an_apply": "this run is not an apply run (an undo cannot be undone)",
    "undo_dry_run": "this was a dry run: it wrote nothing, so there is nothing to undo",
    "undo_other_tenant": "this run was made in another tenant or by another app ({theirs}); sign in to that "
                         "tenant with that app to undo it",
    "undo_no_last_run": "no apply run of this tenant and app has anything left to undo (runs that set "
                        "nothing, and runs already undone, are passed over; give --run for another)",
    "profile_name_unknown": "No saved connection has this name, and no file has it either.",
    "profile_none_saved": "No connection has been saved yet, and no file has this name.",
    "secret_stdin_empty": "Standard input was empty, so no client secret was read.",
    "secret_stdin_blank": "The first line of standard input was blank, so no client secret was read.",
    "secret_set_stdin_empty": "Standard input was empty, so no secret was stored.",
    "secret_set_stdin_blank": "The first line of standard input was blank, so no secret was stored.",
    "secret_not_typed": "No secret was typed, so none was stored.",
    "secret_not_stored_no_keyring": "The secret was not stored: this computer has no usable keyring.",
    "secret_not_stored_keyring_error": "The secret was not stored: the keyring failed.",
    "secret_delete_no_keyring": "This computer has no usable keyring, so no secret is stored in one.",
    "secret_delete_keyring_error": "The keyring failed, so the secret may still be stored.",
    # batch: why a school did not run or did not finish (core.setup.school_runs.SchoolRun.reason)
    "not_started": "Not started (cancelled first); nothing was written.",
    "run_busy": "Another apply is writing this tenant's run; wait for it to finish.",
    "some_failed": "Some users failed; see the report.",
    "internal_error": "Stopped by an internal error (see the log).",
    "graph_error": "Graph refused to list users.",
    "tenant_repeated": "Another school of this batch signs in to the same tenant (named otherwise); "
                       "give each tenant one row.",
}

_EVERY_RUN = "or give the secret for each run with IMMUTABLEID_SYNC_CLIENT_SECRET or --secret-stdin."
CLI_HINTS: dict[str, str] = {
    "profile_name_unknown": "Give one of the saved names (in quotes if it has spaces), or the path of a "
                            "profile file.",
    "profile_none_saved": "Save a connection on the wizard's Connection page (immutableid-sync gui) and give "
                          "its name, or give the path of a profile file (e.g. ./school.json).",
    "secret_stdin_empty": "Pipe the client secret's Value in as the first line, e.g. printf '%s\\n' "
                          "\"$SECRET\" | immutableid-sync check --profile FILE --secret-stdin; or store it "
                          "once with `immutableid-sync secret set`.",
    "secret_set_stdin_empty": "Pipe the client secret's Value in as the first line, e.g. printf '%s\\n' "
                              "\"$SECRET\" | immutableid-sync secret set --profile FILE; or run the command "
                              "in a terminal, without a pipe, to type it (hidden).",
    "secret_not_typed": "Paste the Value column from Certificates & secrets at the prompt.",
    "secret_not_stored_no_keyring": "Install or unlock a keyring (e.g. GNOME Keyring / KWallet) and run "
                                    "`secret set` again, " + _EVERY_RUN,
    "secret_not_stored_keyring_error": "Unlock the keyring and run `secret set` again, " + _EVERY_RUN,
    "secret_delete_keyring_error": "Unlock the keyring and run `secret delete` again.",
}
CLI_HINTS["secret_stdin_blank"] = CLI_HINTS["secret_stdin_empty"]
CLI_HINTS["secret_set_stdin_blank"] = CLI_HINTS["secret_set_stdin_empty"]


# --- the UPN swap's effects (graph-facts §11), said before the admin confirms it ---------------------------
SWAP_EFFECTS = (
    "each user's UPN moves to a temporary alias.idswap-…@<tenant>.onmicrosoft.com and back within seconds; "
    "meanwhile the user "
    "cannot sign in through the identity provider",
    "OneDrive's URL may change (old links redirect for a while)",
    "Microsoft Authenticator may show the account as a new one",
    "Intune app protection (MAM) may need the user to sign in to the apps again",
    "Entra-joined PCs may show \"Other user\" at sign-in",
    "mail and proxy addresses are not expected to change: the report shows UPN and mail before and after",
    "admins cannot be swapped by this app (403): they are reported",
)


# --- the write side: statuses, reasons, CSV and source errors, Graph write hints ------------------------
STATUS_TEXT = {
    "will_set": "will get the new ImmutableId",
    "already_set": "already has an ImmutableId (never changed)",
    "no_source_value": "no value in the source",
    "duplicate_value": "same value as another user in the plan (none of them is written)",
    "value_in_use": "another user in the tenant already has this value",
    "invalid_value": "the value cannot be an ImmutableId",
    "synced_from_ad": "synced from on-premises AD (Entra Connect owns the ImmutableId)",
    "admin_role": "holds an admin role: only a Privileged Authentication Administrator can set it, by hand",
    "federated_domain": "UPN is in a federated domain (set ImmutableIds before federating)",
    "guest": "guest account (use --include-guests to include)",
    "disabled": "disabled account (use --include-disabled to include)",
    "out_of_scope": "UPN not in the chosen --domain list",
    "set": "ImmutableId written",
    "failed": "write failed",
    "skipped_already_set": "got an ImmutableId after the preview: left alone",
    "dry_run": "would be written (dry run)",
    "not_attempted": "not attempted (the run was cancelled or stopped first)",
    "conflict": "written, then changed by another writer (check which value is right)",
    # undo (contracts.md "Undo a run"); failed, dry_run and not_attempted are shared with apply
    "will_clear": "will be cleared (the value the run wrote is still there)",
    "cleared": "ImmutableId cleared (undone)",
    "skipped_changed": "the value changed after the run wrote it: left alone",
}

REASON_TEXT = {
    "empty": "the value is empty",
    "forbidden_character": "contains a character Entra does not allow",
    "whitespace": "contains a space or other whitespace",
    "control_character": "contains a control character",
    "too_long": "too long (fewer than 60 characters; each character other than a-z, A-Z, 0-9 counts 3)",
    "too_long_for_saml_nameid": "longer than 64 characters (a SAML NameID must equal it)",
    "not_a_guid": "not a GUID (transform guid-base64 needs one)",
    "no_csv_row": "no row in the CSV for this user",
    "empty_value_in_csv": "the CSV row has an empty value",
    "conflicting_csv_rows": "the CSV has several rows with different values for this user",
    "attribute_empty": "the chosen attribute is empty for this user",
    "user_has_no_match_key": "the user has no value for the --match attribute",
    "overwritten_after_write": "another writer changed the value after this run wrote it",
}

CSV_ERROR_TEXT = {
    "file_not_found": "the file does not exist",
    "unreadable_file": "the file cannot be read",
    "empty_file": "the file is empty: export the list again (a header row naming the columns, then one "
                  "row per person)",
    "excel_file": "this looks like an Excel file; save it as CSV (File > Save As > CSV UTF-8) and try again",
    "binary_file": "this is not a text file; export the list as CSV",
    "undecodable": "the text encoding cannot be read; save the file as CSV UTF-8",
    "no_header": "the file has no header row (the first line must name the columns)",
    "no_rows": "the file has a header but no rows: export the list again with one row per person "
               "below the column names",
    "empty_column_name": "a column in the header row has no name",
    "duplicate_column_name": "more than one column in the header row has this name, so which one to read is "
                             "a guess: rename one of them in the file",
    "too_many_fields": "this row has more fields than the header row (a stray delimiter or quote?)",
    "too_few_fields": "this row has fewer fields than the header row",
    "malformed_csv": "the CSV is malformed here (check quotes)",
    "missing_column": "no such column in the header row",
    "same_column": "the key column and the value column are the same column: the value must come from "
                   "another column than the key",
    "file_changed": "the file changed after it was read: choose it again",
}

SOURCE_ERROR_TEXT = {
    "bad_source": "--source must be csv:PATH or attribute:NAME",
    "unknown_attribute": "unknown attribute for --source attribute:NAME",
    "csv_options_missing": "a CSV source also needs these options",
    "bad_match": "--match must be upn, mail, employeeId or id",
    "bad_transform": "--transform must be none, lower, guid-base64 or utf8-base64",
    "bad_delimiter": "--delimiter must be , or ;",
}

# Graph write errors (detail of `failed`): reason code -> what the admin can do about it.
WRITE_HINTS = {
    "privileged_user": ("this user holds an admin role: the app needs a higher role "
                        "(e.g. Privileged Authentication Administrator), or set it by hand"),
    "object_conflict": "another object already has this value: fix the source so values are unique",
    "synced_user": "the user is synced from on-premises AD: set the source anchor there, not in Entra",
    "federated_user": ("the user's domain is federated: set ImmutableIds before federating, or move the UPN "
                       "to a managed domain, set it, and move it back"),
    "user_deleted": "the user was deleted after the preview",
    "network": "the connection failed repeatedly; run apply again to finish",
    "needs_upn_swap": ("the user's domain is federated, so Entra refuses to clear the value: it needs the UPN "
                       "swap (move the UPN to a managed domain, clear it, move it back) — run undo with "
                       "--federated-upn-swap"),
}

# A row's `reason` code -> its English `detail` for the report (contracts.md "Reports"): str.format with
# the row's reason_args. These strings ARE the report contract; change them only with a reason.
# Codes not listed here (source/validation codes, possibly "code:extra") keep their code as the detail.
REASON_DETAIL = {
    # plan
    "on_premises_sync_enabled": "on_premises_sync_enabled",
    "admin_role": "holds {roles}: a Privileged Authentication Administrator must set it, by hand",
    "guest_excluded": "use --include-guests to include",
    "disabled_excluded": "use --include-disabled to include",
    "domain_not_chosen": "domain {domain}",
    "domain_federated": "domain {domain} is federated",
    "federated_swap_ready": "domain {domain} is federated: can be set with the UPN swap (--federated-upn-swap)",
    "swap_alias_taken": "domain federated, and the UPN swap cannot be used: {alias} is another user's UPN",
    "swap_alias_shared": ("domain federated, and the UPN swap cannot be used: its temporary UPN {alias} would "
                          "also be {others}'s"),
    "swap_parked": ("on the temporary UPN {temp} left by an interrupted UPN swap (its own UPN: {original}); "
                    "never written by a plain run — run apply with --federated-upn-swap to bring it back"),
    "swap_parked_restored": "moved back from the temporary UPN {temp} to its own UPN; the value was left as it was",
    "swap_parked_dry_run": "would be moved back from its temporary UPN to its own (dry run)",
    "value_in_use": "held by {holder}",
    # apply
    "resumed": "written by the interrupted run (resumed)",
    "confirmed_by_reread": "confirmed by re-reading",
    "set_after_preview": "got an ImmutableId after the preview",
    "cancelled": "cancelled",
    "stopped": "stopped",
    "stopped_sign_in_failed": "stopped: sign-in failed ({code})",
    "stopped_read_failed": "stopped: could not re-read current values ({error})",
    "stopped_graph_error": "stopped: {error}",
    "stopped_internal_error": "stopped by an internal error (see the log)",
    "stopped_throttled_too_long": ("stopped: Entra throttled every write for {minutes} minutes; "
                                   "run apply again later to finish"),
    "reread_failed": "could not re-read the current value ({error}) — run apply again to finish",
    "outcome_unknown": "{error}; could not confirm the outcome ({why}) — run apply again to finish",
    "network": "{error} ({attempts} attempts) — " + WRITE_HINTS["network"],
    "overwritten_after_write": "another writer set {found} after this run wrote {wrote}",
    # the UPN swap (core/run/swap.py)
    "set_with_swap": "set with the UPN swap (UPN moved to the .onmicrosoft.com domain and back)",
    "swap_dry_run": "would be set with the UPN swap (dry run)",
    "swap_step1_refused": "UPN swap step 1 refused ({code}: {message}); nothing was changed",
    "swap_restored": ("UPN swap step 2 refused ({code}: {message}); the UPN was put back, the value not "
                      "set"),
    "swap_stranded": ("the UPN could not be put back: it is still {upn} (was {original}) — change it back by "
                      "hand in the Entra admin center, then run again"),
    "swap_upn_changed": "the UPN changed meanwhile (now {found}, expected {original}): left alone",
    "swap_unfinished": ("the run stopped between the two steps of the UPN swap (UPN {temp}, to be {upn}): "
                        "run again to finish it — it is finished first"),
    "swap_domain_unknown": ("the tenant's .onmicrosoft.com domain could not be read (grant Domain.Read.All), "
                            "so the UPN swap was not started; nothing was changed"),
    # undo
    # said once, and with no command-line flag: the report is the wizard's too (the CLI's hint names the flag)
    "needs_upn_swap": ("the domain is federated, so Entra refuses to clear the value: undo again with the UPN swap "
                       "(the UPN moves to the .onmicrosoft.com domain and back)"),
    "cleared_with_swap": "cleared with the UPN swap (UPN moved to the .onmicrosoft.com domain and back)",
    "changed_since_run": "now holds {found}, not the value the run wrote: left alone",
    "cleared_by_earlier_undo": "already cleared by an earlier undo of this run ({run})",
    "will_clear_with_swap": "will be cleared with the UPN swap (its domain is federated)",
    "cleared_meanwhile": "already empty: cleared by someone else after the run; left alone",
    "user_deleted_undo": "the user no longer exists",
    "outcome_unknown_undo": "could not confirm the clear after several tries — run undo again to finish",
}
# Graph refused the write: Graph's own code and message, then our hint (the reason is the hint's code).
GRAPH_FAILURE_DETAIL = "{code}: {message}"

# text_for() looks a code up in these, in this order (the first table that has it wins); hint_for() in these.
# Plan warnings (core.planning.preflight.plan_warnings), shown by `preview`, `apply` and the wizard alike.
WARNING_TEXT = {
    "domain_matches_no_user": "--domain {domain} matches no user in this tenant (its domains: {existing}). "
                              "Check the spelling, or whether this is the right tenant.",
    "no_value_is_a_guid": "None of the {count:,} source values is a GUID (e.g. {example!r}), so guid-base64 "
                          "cannot convert them: choose another --transform or the right column.",
    "unmatched_rows": "Export rows that matched no user: {count:,} (listed in unmatched_rows.csv); "
                      "check --match and --key-column.",
    "duplicate_keys": "Keys on more than one row of the export: {count:,} (e.g. {keys}); those users "
                      "get no value.",
    "federation_unknown": "Whether any domain is federated is unknown (Domain.Read.All not granted): "
                          "users in a federated domain will fail when written.",
    "admin_groups_unread": "Members of these admin role groups are not known (GroupMember.Read.All not "
                           "granted): {groups}; they will fail when written.",
    "federated_domains": "These domains are federated: {domains}. Their users are left out.",
    "federated_domains_swap_offered": "These domains are federated: {domains}. Their users are left out unless "
                                      "you choose the UPN swap (--federated-upn-swap): {count:,} could be set.",
    "federated_domains_swap_on": "These domains are federated: {domains}. {count:,} of their users are set with "
                                 "the UPN swap; the others are left out.",
    "value_in_use": "Users whose value another user already has: {count:,}. They are skipped.",
    "duplicate_value": "Users that share a value with someone else: {count:,}. They are skipped.",
    "invalid_value": "Users whose value cannot be an ImmutableId: {count:,}. They are skipped.",
    "admin_role": "Users that hold an admin role: {count:,}. They are left out; a Privileged Authentication "
                  "Administrator can set theirs by hand.",
    "admins_unknown": "Users that hold an admin role cannot be changed by the app, and which users do is not "
                      "known (RoleManagement.Read.Directory not granted): Microsoft refuses them, and they are "
                      "reported as failed, with what to do.",
    "nothing_to_write": "Nothing to write: no user will get an ImmutableId.",
    "parked_users": "{count:,} users are on a temporary UPN left by an interrupted UPN swap ({names}). A plain run "
                    "never writes them: run apply with --federated-upn-swap to bring them back.",
    "parked_users_swap_on": "{count:,} users are on a temporary UPN left by an interrupted UPN swap ({names}): "
                            "this run brings them back first.",
    "parked_unknown": "{count:,} users are on a temporary UPN whose own UPN cannot be worked out ({names}): "
                      "change each back by hand in the Entra admin center.",
    "unfinished_run": "An unfinished run of this tenant and app ({when}, {done:,} of {total} done) is continued "
                      "in its folder: {path}",
    "undo_needs_swap": "{count:,} users are in a federated domain ({names}): clearing their value needs the UPN "
                       "swap (--federated-upn-swap); without it they are left as they are.",
    "undo_nothing_to_clear": "Nothing to clear: no user still holds a value this run wrote.",
    "unfinished_run_not_this_tenant": "An unfinished run ({when}, {path}) names this tenant, but the tenant holds "
                                      "none of what it wrote (a tenant made again, or another one): it is not "
                                      "continued; this run starts anew.",
    "unfinished_undo_continued": "This undo continues the one that did not finish ({when}, {done:,} users done "
                                 "then): {path}",
    "unfinished_undo": "An undo of this tenant and app did not finish ({when}, {path}): run undo --last to finish "
                       "it (it is continued), or undo --run with that run.",
}

# core.run.outputs.OutputPathError codes, for --out / --report / --reminder.
OUTPUT_PATH_TEXT = {
    "is_stdout": "is standard output, which is not supported: give a file name (reports are files)",
    "is_folder": "is a folder; give a file name",
    "is_special": "is a device, a FIFO or another special file, never written; give a regular file's name",
    "is_source": "is the source export itself; choose another file name (the export is never replaced)",
    "is_run_file": "is one of a run folder's own files (journal, report, summary or unmatched rows), which undo "
                   "and resume need; it is never replaced: choose a file outside the run folder",
    "no_folder": "is in a folder that does not exist ({detail}); create it first, or choose another folder",
    "exists": "already exists; pass --force to replace it, or choose another name",
    "not_writable": "cannot be written here (no permission)",
}

# Problems in the schools file of `batch` (core.setup.schools.SchoolProblem codes); the caller adds the line and
# column, and the problem's detail after a dash.
SCHOOLS_FILE_TEXT = {
    "file_unreadable": "the schools file cannot be read",
    "duplicated_columns": "the header row has these columns more than once (keep one of each)",
    "missing_columns": "the header row lacks these columns (name,connection,source,match,key_column,"
                       "value_column,transform,domains)",
    "unknown_columns": "the header row has columns batch does not know (a typo?)",
    "no_schools": "the schools file has a header but no school",
    "name_missing": "every school needs a name",
    "name_repeated": "another row has this name",
    "connection_missing": "give a saved connection's name or a profile file",
    "connection_unknown": "no saved connection has this name, and no file has it either",
    "connection_name_bad": "this saved connection's name is no longer accepted",
    "profile_bad": "the profile file cannot be used",
    "connection_invalid": "the connection details need fixing",
    "tenant_repeated": "another row writes the same tenant (one row per tenant: they share a write quota)",
    "source_missing": "give csv:PATH or attribute:NAME",
    "bad_source": "the source must be csv:PATH or attribute:NAME",
    "unknown_attribute": "unknown attribute",
    "csv_column_missing": "a csv: source needs match, key_column and value_column",
    "match_bad": "match must be upn, mail, employeeId or id",
    "bad_match": "match must be upn, mail, employeeId or id",
    "export_bad": "the export cannot be used",
    "transform_bad": "transform must be none, lower, guid-base64 or utf8-base64 (or empty)",
    "domain_bad": "domains are names like school.example, separated by ;",
}

# How one school of a batch ended or stands (core.setup.school_runs.SchoolState), for the live lines and
# batch-summary.csv.
SCHOOL_STATE_TEXT = {
    "waiting": "waiting",
    "planning": "signing in and listing users",
    "planned": "planned",
    "writing": "writing",
    "done": "done",
    "failed": "failed",
    "cancelled": "cancelled",
}

# --- creating and renewing the app registration (issue 9): `app create|renew` -------------------------
# Command-line only for now: the wizard does not create apps yet, so gui/code_texts.py has no Swedish.
ROLES_NEEDED = ("Sign in as a Global Administrator, or as someone with both Privileged Role Administrator "
                "and Application Administrator (or Cloud Application Administrator).")
_DELETE = ("To delete it: Entra admin center > Identity > Applications > App registrations > All "
           "applications > '{name}' > Delete (this also removes its secret and consent), or run "
           "`az ad app delete --id {client_id}`.")

APPREG_TEXT: dict[str, str] = {
    "signin_tenant_not_found": "Microsoft's sign-in service does not know this tenant in this cloud.",
    "signin_cancelled": "The sign-in was cancelled, or consent was declined, in the browser.",
    "signin_timeout": "The sign-in was not finished in the browser in time (was the window closed?).",
    "signin_failed": "The sign-in failed.",
    "signin_device_code_blocked": "The tenant refused the device-code sign-in.",
    "signin_stopped": "The sign-in was stopped before it finished. Nothing was created in the tenant.",
    "signin_no_browser": "No web browser could be opened on this computer. Open the address above in a browser "
                         "on this same computer (the answer comes back to it through http://localhost).",
    "appreg_stopped": "Stopped before the app registration was finished.",
    "appreg_stopped_kept": "Stopped while waiting for Microsoft to make the new app ready. The app exists, its "
                           "secret is stored and the connection is saved.",
    "appreg_name_saved": "--save-as: a connection named \"{name}\" is already saved, and `app create` never "
                         "replaces one. To give its app a new secret: immutableid-sync app renew --profile "
                         "\"{name}\". To make another app, choose another name with --save-as.",
    "appreg_role_unknown": "Microsoft Graph does not offer a permission this tool needs.",
    "appreg_not_admin": "The account that signed in may not create app registrations (403 from Graph).",
    "appreg_consent_forbidden": "The account that signed in may not grant admin consent (403 from Graph).",
    "appreg_renew_not_allowed": "The account that signed in may not add a secret to this app (403 from Graph).",
    "appreg_secrets_blocked": "The tenant's app management policy does not allow client secrets.",
    "appreg_graph_failed": "Microsoft Graph refused a step of creating the app registration.",
    "appreg_replication_timeout": "The new app registration did not start working in time.",
    "appreg_renew_not_proven": "The new secret did not start working in time, so it was not stored; the old "
                               "secret is still stored and in use.",
    "appreg_keyring_missing": "This computer has no usable keyring to keep the new secret in. Nothing was "
                              "created.",
    "appreg_keyring_failed": "The keyring failed, so the new secret was not stored.",
    "appreg_bad_years": "--secret-years must be a whole number from 1 to 10.",
    "appreg_nothing_created": "Nothing was created in the tenant.",
    "appreg_created_list": "Created in the tenant: {items}.",
    "appreg_delete_how": _DELETE,
    "appreg_delete_secret_how": "To delete it: Entra admin center > App registrations > the app > Certificates & "
                                "secrets > delete the secret with ID {key_id}, or run `az ad app credential "
                                "delete --id {client_id} --key-id {key_id}`.",
    "appreg_secret_capped": "The tenant's policy caps secret lifetimes: the secret lasts until {expires} "
                            "instead of the {years} years asked for.",
    "appreg_certificate_capped": "The tenant's policy caps certificate lifetimes: the certificate lasts until "
                                 "{expires} instead of the {years} years asked for.",
    "appreg_certificate_instead": "The tenant's app management policy does not allow client secrets, so the app "
                                  "signs in with a self-signed certificate instead; its private key is in this "
                                  "computer's keyring only.",
    "appreg_certificate_data_hub": "Note: Skolon Data Hub may accept only a client secret. This connection works "
                                   "for immutableid-sync on this computer; for Data Hub, ask Skolon whether it "
                                   "takes a certificate, or ask the tenant's admins to exempt the app from the "
                                   "policy and add a secret.",
    "appreg_delete_cert_how": "To delete it: Entra admin center > App registrations > the app > Certificates & "
                              "secrets > Certificates > delete the one with ID {key_id}, or run `az ad app "
                              "credential delete --id {client_id} --key-id {key_id} --cert`.",
    "appreg_keyring_failed_certificate": "The keyring failed, so the new certificate's private key could not be "
                                         "kept; without it nothing can sign in as the app, and a private key is "
                                         "never printed.",
}

APPREG_HINTS: dict[str, str] = {
    "signin_tenant_not_found": "Check the tenant ID or domain, and --cloud: a US Government or China tenant "
                               "is not found in the global cloud, and the other way round.",
    "signin_cancelled": "Run the command again and choose Accept on the consent page, signed in as an admin.",
    "signin_timeout": "Run the command again and finish the sign-in in the browser window that opens (or "
                      "open the printed address yourself).",
    "signin_failed": "Run the command again; if it fails again, sign in at https://entra.microsoft.com to see "
                     "whether the account works.",
    "signin_device_code_blocked": "Leave out --device-code to sign in with the browser instead.",
    "signin_stopped": "Run the command again when you are ready to sign in.",
    "appreg_stopped": "What was created so far is listed below, with how to delete it; or run `app create` again.",
    "appreg_stopped_kept": "It usually works within minutes: run `immutableid-sync check --profile NAME` later. "
                           "To delete the app instead, see below.",
    "appreg_role_unknown": "Check that Microsoft Graph's service principal exists in the tenant.",
    "appreg_not_admin": ROLES_NEEDED,
    "appreg_consent_forbidden": ROLES_NEEDED + " Then grant admin consent for the app in the Entra admin "
                                               "center (API permissions > Grant admin consent), or delete it "
                                               "and run the command again.",
    "appreg_renew_not_allowed": ROLES_NEEDED,
    "appreg_secrets_blocked": "Ask the tenant's admins to exempt this app from the app management policy, "
                              "add a secret to it in the Entra admin center, and store it with "
                              "`immutableid-sync secret set`; or delete the app.",
    "appreg_graph_failed": "Run the command again in a few minutes.",
    "appreg_renew_not_proven": "Run `app renew` again later, and delete the unused new secret (below).",
    "appreg_replication_timeout": "Microsoft can take several minutes. The secret is stored: run "
                                  "`immutableid-sync check --profile NAME` in a few minutes.",
    "appreg_keyring_missing": "Install or unlock a keyring (GNOME Keyring, KWallet, Windows Credential "
                              "Manager, macOS Keychain) and run the command again, or add --show-secret-once "
                              "to have the secret printed once, to copy it to a safe place yourself.",
    "appreg_keyring_failed": "The secret was printed below once: copy it now; it cannot be shown again.",
    "appreg_keyring_failed_certificate": "Fix or unlock the keyring, delete the app (below) and run the command "
                                         "again.",
}
CLI_TEXT.update(APPREG_TEXT)
CLI_HINTS.update(APPREG_HINTS)

# --- certificate credentials (graph-facts §16). The wizard's words (and Swedish) for the ones it shows are in
# gui/code_texts.py (TEXT/HINT, "certificate" block).
_CERT_PAGE = "Entra admin center > App registrations > the app > Certificates & secrets > Certificates"
CERTIFICATE_TEXT: dict[str, str] = {
    "certificate_invalid": "Entra refused the certificate: the app has no such certificate, it has expired, "
                           "or the private key does not belong to it.",
    "certificate_clock": "Entra refused the sign-in because this computer's clock is wrong.",
    "certificate_assertion": "Entra refused the certificate sign-in as malformed.",
    "certificate_key_missing": "No private key was given for the connection's certificate.",
    "certificate_key_invalid": "The stored private key is not an RSA private key.",
    "no_certificate_key": "No private key for the connection's certificate is stored in this computer's keyring.",
    "certificate_thumbprint_invalid": "The certificate thumbprint must be 40 hexadecimal digits (SHA-1).",
    "certificate_expiry_ok": "The certificate is valid for more than 30 days.",
    "certificate_expiry_soon": "The certificate expires within 30 days.",
    "certificate_expiry_past": "The certificate's expiry date has passed.",
    "certificate_expiry_unknown": "The certificate's expiry date is unknown.",
}
CERTIFICATE_HINTS: dict[str, str] = {
    "certificate_invalid": f"Compare the thumbprint in the connection with {_CERT_PAGE}; if the certificate is "
                           "missing or expired there, add a new one.",
    "certificate_clock": "Set the computer's clock right (automatic time), then try again.",
    "certificate_assertion": "Check the tenant and the application (client) ID of the connection.",
    "certificate_key_missing": "Store the certificate's private key in the keyring on this computer.",
    "certificate_key_invalid": "Store the certificate's private key again; Entra accepts RSA keys only.",
    "no_certificate_key": "The key stays on the computer where the certificate was made. Use that computer, or "
                          f"add a new certificate to the app ({_CERT_PAGE}) from here.",
    "certificate_thumbprint_invalid": f"Copy the thumbprint from {_CERT_PAGE}.",
    "certificate_expiry_soon": "Add a new certificate to the app before this one expires.",
    "certificate_expiry_past": f"Add a new certificate ({_CERT_PAGE}).",
}
CLI_TEXT.update(CERTIFICATE_TEXT)
CLI_HINTS.update(CERTIFICATE_HINTS)

# --- `federate check` (issue 18 §1, graph-facts §15): each readiness row's reason and fix, made with the
# row's args by messages.readiness_reason / readiness_fix. Command line only for now (the wizard's
# federation step comes with the federation run).
_ADMIN_CENTER_DOMAINS = "Microsoft 365 admin center > Settings > Domains"
FEDERATE_CHECKS = {"domain": "Domain", "federation": "Federation", "metadata": "IdP metadata",
                   "immutable_ids": "ImmutableIds", "synced_users": "Synced users", "admin": "Admin sign-in"}
FEDERATE_TEXT: dict[str, str] = {
    "fed_domain_ok": "{domain} is a verified root domain, not the initial and not the default domain.",
    "fed_domains_unreadable": "The app may not read the tenant's domains.",
    "fed_domain_not_found": "{domain} is not a domain of this tenant (its domains: {known}).",
    "fed_domain_initial": "{domain} is the tenant's initial .onmicrosoft.com domain, which cannot be federated.",
    "fed_domain_unverified": "{domain} is not verified.",
    "fed_domain_not_root": "{domain} is a subdomain of {parent}; only root domains can be federated.",
    "fed_domain_default": "{domain} is the tenant's default domain, which cannot be federated.",
    "fed_state_managed": "{domain} is not federated yet.",
    "fed_state_same_idp": "{domain} is already federated with this IdP ({issuer}).",
    "fed_state_other_idp": "{domain} is federated with another IdP ({issuer}).",
    "fed_state_same_idp_differs": "{domain} is federated with this IdP, but its {fields} differ from the metadata.",
    "fed_state_unmanageable": "{domain} is federated, but Graph has no federation configuration for it (a "
                              "configuration created without a signing certificate leaves it so).",
    "fed_state_unreadable": "The app may not read the domain's federation ({error}).",
    "fed_state_unknown": "The federation of {domain} is not known (the domain was not found).",
    "fed_state_cannot_compare": "{domain} is federated with {issuer}; without readable metadata it cannot be "
                                "compared with this IdP.",
    "fed_metadata_ok": "Issuer {issuer}, sign-in URL {sso_url}; signing certificate valid {valid_from} to "
                       "{expires} ({days} days left).",
    "fed_metadata_expires_soon": "Issuer {issuer}, sign-in URL {sso_url}; the signing certificate expires on "
                                 "{expires}, in {days} days.",
    "fed_metadata_not_read": "The IdP's metadata was not read.",
    "metadata_not_found": "The metadata file does not exist: {detail}.",
    "metadata_unreadable": "The metadata cannot be read: {detail}.",
    "metadata_too_large": "The metadata is larger than 5 MB: {detail}.",
    "metadata_url_not_https": "The metadata address is not https: {detail}.",
    "metadata_download_failed": "The metadata could not be downloaded: {detail}.",
    "metadata_tls_failed": "The metadata server's certificate is not trusted: {detail}.",
    "metadata_not_xml": "The metadata is not XML: {detail}.",
    "metadata_unsafe_xml": "The metadata has a DTD or entity declarations, which are refused: {detail}.",
    "metadata_not_saml": "The metadata is not SAML 2.0 metadata (an EntityDescriptor): {detail}.",
    "metadata_no_idp": "The metadata describes no identity provider (no IDPSSODescriptor): {detail}.",
    "metadata_many_idps": "The metadata describes several identity providers: {detail}.",
    "metadata_no_entity_id": "The metadata has no entityID (the issuer): {detail}.",
    "metadata_no_sso": "The metadata has no single sign-on URL with the HTTP-Redirect or HTTP-POST binding: {detail}.",
    "metadata_sso_not_https": "The IdP's sign-in URL is not https: {detail}.",
    "metadata_no_certificate": "The metadata has no signing certificate: {detail}.",
    "metadata_bad_certificate": "A signing certificate in the metadata is not a valid X.509 certificate: {detail}.",
    "metadata_certificate_expired": "The IdP's signing certificate expired on {detail}.",
    "metadata_certificate_not_yet_valid": "The IdP's signing certificate is valid only from {detail}.",
    "fed_users_ok": "All {members} enabled members in {domain} have an ImmutableId.",
    "fed_users_none": "{domain} has no enabled members.",
    "fed_users_missing_ids": "{missing} of {members} enabled members in {domain} have no ImmutableId ({examples}).",
    "fed_users_ids_too_long": "{count} members have an ImmutableId longer than the 64 characters a SAML NameID "
                              "can carry ({examples}).",
    "fed_users_unreadable": "The app may not list users.",
    "fed_synced_none": "No synced users in {domain}, and nobody is on a temporary UPN.",
    "fed_synced_users": "{count} users in {domain} are synced from Active Directory ({examples}).",
    "fed_swap_unfinished": "{count} users are still on a temporary UPN from an unfinished UPN swap ({examples}).",
    "fed_swap_suspected": "{count} users are on a temporary UPN of a UPN swap whose own UPN cannot be "
                          "told ({examples}).",
    "fed_admin_outside": "{admin} is not in {domain}, so the sign-in will not be locked out.",
    "fed_admin_in_domain": "{admin} is in {domain}: after federating, this account could sign in only through "
                           "the IdP.",
    "fed_admin_not_given": "The admin who will sign in was not given (--admin), so this is not checked yet.",
    "fed_admin_not_given_admins_in_domain": "The admin who will sign in was not given (--admin); {count} admins "
                                            "are in {domain} ({examples}).",
}
FEDERATE_FIX: dict[str, str] = {
    "fed_domains_unreadable": "Grant the app Domain.Read.All (API permissions > Grant admin consent).",
    "fed_domain_not_found": "Check --domain, or add and verify the domain in " + _ADMIN_CENTER_DOMAINS + ".",
    "fed_domain_initial": "Federate the school's own domain instead.",
    "fed_domain_unverified": "Verify the domain (its DNS TXT record) in " + _ADMIN_CENTER_DOMAINS + ".",
    "fed_domain_not_root": "Federate {parent} instead, or make {domain} a root domain (Graph: POST "
                           "/domains/{domain}/promote).",
    "fed_domain_default": "Make another domain (e.g. the .onmicrosoft.com one) the default in "
                          + _ADMIN_CENTER_DOMAINS + ", then check again.",
    "fed_state_other_idp": "Take {domain} back to managed first (federate undo), or use that IdP's metadata.",
    "fed_state_same_idp_differs": "Federating again updates the configuration from this metadata.",
    "fed_state_unmanageable": "Graph cannot change it: ask Microsoft support to set {domain} back to managed, "
                              "then check again.",
    "fed_state_unreadable": "Grant the app Domain.Read.All (or Domain-InternalFederation.Read.All).",
    "fed_state_unknown": "Fix the domain first.",
    "fed_state_cannot_compare": "Fix the metadata first.",
    "fed_metadata_expires_soon": "Ask the IdP for its next signing certificate, or federate after it has rolled "
                                 "over.",
    "metadata_not_found": "Check the path, or give the metadata's https address.",
    "metadata_unreadable": "Check the file's permissions, or give the metadata's https address.",
    "metadata_too_large": "Give the metadata of this one IdP, not a federation's aggregate.",
    "metadata_url_not_https": "Give the https address of the metadata.",
    "metadata_download_failed": "Check the address and the network, or download the file and give its path.",
    "metadata_tls_failed": "Check the address; on a network with a TLS-inspecting proxy, its CA must be in the "
                           "computer's certificate store.",
    "metadata_not_xml": "Give the IdP's SAML metadata file (XML), not a web page or a certificate.",
    "metadata_unsafe_xml": "Download the metadata again from the IdP; genuine metadata has no DTD.",
    "metadata_not_saml": "Give the IdP's SAML 2.0 metadata.",
    "metadata_no_idp": "This may be a service provider's metadata; give the IdP's.",
    "metadata_many_idps": "Give the metadata of the one IdP to federate with.",
    "metadata_no_entity_id": "Ask the IdP for complete metadata.",
    "metadata_no_sso": "Ask the IdP for metadata with a SAML 2.0 sign-in endpoint.",
    "metadata_sso_not_https": "Ask the IdP for an https sign-in URL.",
    "metadata_no_certificate": "Ask the IdP for metadata that includes its signing certificate.",
    "metadata_bad_certificate": "Download the metadata again from the IdP.",
    "metadata_certificate_expired": "Ask the IdP for current metadata with a valid signing certificate.",
    "metadata_certificate_not_yet_valid": "Federate once the certificate is valid, or check this computer's clock.",
    "fed_users_none": "Check --domain: federating a domain nobody uses changes nothing.",
    "fed_users_missing_ids": "Run apply first (immutableid-sync apply ... --domain {domain}), then check again.",
    "fed_users_ids_too_long": "Use a shorter source value or transform for these users (undo and apply again).",
    "fed_users_unreadable": "Grant the app User.ReadWrite.All (API permissions > Grant admin consent).",
    "fed_synced_users": "Synced users' ImmutableIds belong to Entra Connect: federate a domain without synced "
                        "users, or federate through Entra Connect.",
    "fed_swap_unfinished": "Run apply (or undo) again: it finishes the swap and moves them back first.",
    "fed_swap_suspected": "Check these users; if a UPN swap left them there, run apply with "
                          "--federated-upn-swap again, or move them back by hand.",
    "fed_admin_in_domain": "Sign in as an admin whose account is in another domain (e.g. the .onmicrosoft.com "
                           "one).",
    "fed_admin_not_given": "Give --admin with the account that will sign in to federate.",
    "fed_admin_not_given_admins_in_domain": "Give --admin, and keep at least one Global Administrator outside "
                                            "{domain}.",
}

TEXT_TABLES = (TEXT, CLI_TEXT, STATUS_TEXT, REASON_TEXT, CSV_ERROR_TEXT, SOURCE_ERROR_TEXT)
HINT_TABLES = (HINTS, CLI_HINTS, WRITE_HINTS)
