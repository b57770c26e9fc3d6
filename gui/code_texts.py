"""Code -> translatable English, every table the GUI reads: the texts are made into sentences in
gui/texts.py (the only GUI module that reads these; this one imports nothing of ours).

Each entry is marked with QT_TRANSLATE_NOOP (imported as T; build/translations.py tells lupdate) so lupdate
collects it; gui/texts.py looks it up through QCoreApplication.translate at display time, so a language
switch takes effect without a restart. The context says which table: "Code" / "Hint" (connection, sign-in
and check codes: what happened / what to do), "Status" / "StatusHint", "Detail" (a row's reason code),
"Column", "Check", "Cloud", "Match", "Attribute", "Transform", "CsvError". tests/gui/test_gui_texts.py
asserts that every code core/ can report has an entry here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP as T

# Connection, sign-in and check codes (core.graph.connection, core.graph.auth, core.tenant.checks, core.setup.secrets).
TEXT: dict[str, str] = {
    "tenant_empty": T("Code", "The tenant is missing."),
    "tenant_multi_tenant_alias": T("Code", "'common', 'organizations' and 'consumers' are not a tenant."),
    "tenant_is_url": T("Code", "This looks like a web address, not a tenant ID or domain."),
    "tenant_is_email": T("Code", "This looks like an e-mail address."),
    "tenant_looks_like_secret": T("Code", "This looks like a client secret."),
    "tenant_invalid": T("Code", "This is neither a tenant ID (GUID) nor a domain name."),
    "connection_name_empty": T("Code", "The connection's name is empty."),
    "connection_name_control": T("Code", "The name holds a line break or another invisible character: type it "
                                         "on one line."),
    "connection_name_character": T("Code", "The name cannot hold / \\ : * ? \" < > | or a %…% pair: they cannot be part "
                                           "of a file or task name."),
    "connection_name_edge": T("Code", "The name cannot start or end with a space or a dot, or start with a dash."),
    "connection_name_reserved": T("Code", "Windows reserves this name for a device (CON, NUL, COM1 …): choose "
                                          "another."),
    "connection_name_too_long": T("Code", "The name is too long: use at most 64 characters."),
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
    "profile_empty": T("Code", "The profile file is empty."),
    "profile_not_json": T("Code", "The profile file is not valid JSON."),
    "profile_cut_short": T("Code", "The profile file is not valid JSON: it ends too early, so it may be cut short."),
    "profile_not_object": T("Code", "The profile file does not hold one JSON object."),
    "profile_missing_field": T("Code", "The profile file lacks a required field."),
    "profile_not_text": T("Code", "A value in the profile file is not text."),
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
    # the step's title says "Admins known before writing": the verdict says what follows, not the same again
    "admin_roles_known": T("Code", "Yes: the preview marks them, and leaves them out."),
    "admin_roles_groups_unread": T("Code", "Yes, except members of groups the app cannot read."),
    "admin_roles_unknown": T("Code", "Not known (optional permission not granted)."),
    "secret_expiry_ok": T("Code", "The secret is valid for more than 30 days."),
    "secret_expiry_soon": T("Code", "The secret expires within 30 days."),
    "secret_expiry_past": T("Code", "The secret's expiry date has passed."),
    "secret_expiry_unknown": T("Code", "Not known."),
    "skipped_earlier_failed": T("Code", "Skipped: an earlier step failed."),
    "cancelled": T("Code", "Cancelled."),
    "throttled_too_long": T("Code", "Microsoft refused every write for a long time, so the run stopped."),
}

# Connection, sign-in and check codes: what happened ("Code") and what to do about it ("Hint").
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
                                   "ImmutableIds first, then federate the domain; or choose the UPN swap on the "
                                   "Confirm page."),
    "admin_roles_unknown": T("Hint", "Optional: grant RoleManagement.Read.Directory so that admins are shown "
                                     "in the preview instead of failing when written."),
    "admin_roles_groups_unread": T("Hint", "Optional: grant GroupMember.Read.All so that members of "
                                           "role-assignable groups are known too."),
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


# Plan and apply statuses (contracts.md "Reports").
# Counts that are no row's status: an undo's users left because they need the UPN swap
# (core.planning.statuses.counts_as_read); said in results summaries, never in the status column.
COUNT_ONLY_STATUS = {
    "needs_upn_swap": T("Status", "Left: needs the UPN swap"),
}

STATUS = {
    "will_set": T("Status", "Will be set"),
    "already_set": T("Status", "Already has one"),
    "no_source_value": T("Status", "No value in the source"),
    "duplicate_value": T("Status", "Duplicate value"),
    "value_in_use": T("Status", "Value already in use"),
    "invalid_value": T("Status", "Invalid value"),
    "synced_from_ad": T("Status", "Synced from AD"),
    "admin_role": T("Status", "Admin role"),
    "federated_domain": T("Status", "Federated domain"),
    "guest": T("Status", "Guest"),
    "disabled": T("Status", "Disabled"),
    "out_of_scope": T("Status", "Out of scope"),
    "set": T("Status", "Set"),
    "failed": T("Status", "Failed"),
    "skipped_already_set": T("Status", "Skipped: set meanwhile"),
    "dry_run": T("Status", "Dry run (not written)"),
    "not_attempted": T("Status", "Not attempted"),
    "conflict": T("Status", "Changed by someone else"),
    "will_clear": T("Status", "Will be cleared"),
    "cleared": T("Status", "Cleared"),
    "skipped_changed": T("Status", "Skipped: changed since"),
}

# What each status means for the admin, and what to do about it.
STATUS_HINT = {
    "will_set": T("StatusHint", "This user gets the new ImmutableId when you run."),
    "already_set": T("StatusHint", "The user already has an ImmutableId; it is never changed."),
    "no_source_value": T(
        "StatusHint", "The source has no value for this user. Check the export file or the key column."),
    "duplicate_value": T(
        "StatusHint", "Two or more users would get the same value. Fix the source so every value is unique."),
    "value_in_use": T(
        "StatusHint", "Another user in the tenant already has this value. Find that user and fix the source."),
    "invalid_value": T(
        "StatusHint", "The value cannot be an ImmutableId (see the detail). Choose another column or transform."),
    "synced_from_ad": T(
        "StatusHint", "Synced from on-premises AD: Entra Connect owns its ImmutableId."),
    "admin_role": T(
        "StatusHint", "The user holds an admin role, so this app may not set it. A Privileged "
                      "Authentication Administrator can set it by hand."),
    "federated_domain": T(
        "StatusHint", "The domain is already federated, so a direct write is refused. If the detail says so, "
                      "the UPN swap (chosen on the Confirm page) can set it."),
    "guest": T("StatusHint", "Guests are left out unless you include them."),
    "disabled": T("StatusHint", "Disabled accounts are left out unless you include them."),
    "out_of_scope": T("StatusHint", "The user's domain is not among the chosen domains."),
    "set": T("StatusHint", "Written."),
    "failed": T("StatusHint", "Microsoft refused the write; see the detail. Retry the failed "
                              "ones after fixing the cause."),
    "skipped_already_set": T(
        "StatusHint", "Someone set an ImmutableId after the preview; it was left alone."),
    "dry_run": T("StatusHint", "Dry run: this would have been written."),
    "not_attempted": T(
        "StatusHint", "The run was cancelled or stopped before this user; run again to continue."),
    "conflict": T("StatusHint", "Written, then another run or person set a different value before this run read "
                                "it back. Check which value is right."),
    "will_clear": T("StatusHint", "The user still holds the value the run wrote: the undo clears it."),
    "cleared": T("StatusHint", "Undone: the value this run wrote was cleared."),
    "skipped_changed": T("StatusHint", "The value changed after the run wrote it, so the undo left it alone."),
}

# A row's reason code (PlanRow.reason, core/message_table.REASON_DETAIL) -> text; placeholders are the
# row's reason_args. The GUI never reads the English `detail` to find out what happened.
REASON = {
    # Graph refused the write (the admin hint's code; Graph's own code is shown after it)
    "privileged_user": T(
        "Detail", "Not allowed: the user probably holds an admin role. Set it by hand as a Privileged "
                  "Authentication Administrator."),
    "object_conflict": T("Detail", "Another user already has this value."),
    "graph_error": T("Detail", "Microsoft rejected the value."),
    "user_deleted": T("Detail", "The user no longer exists."),
    "synced_user": T("Detail", "Synced from on-premises AD: set the source anchor there."),
    "federated_user": T("Detail", "The user's domain is federated."),
    "network": T("Detail", "The connection failed repeatedly; run again to finish."),
    "throttled": T("Detail", "Microsoft kept throttling this write; run again later."),
    # validation, transform and source codes ({extra}: a character, line numbers)
    "empty": T("Detail", "The value is empty."),
    "forbidden_character": T("Detail", "The value contains a character that is not allowed."),
    "whitespace": T("Detail", "The value contains a space."),
    "control_character": T("Detail", "The value contains a control character."),
    "too_long": T("Detail", "The value is too long (under 60, special characters count 3)."),
    "too_long_for_saml_nameid": T("Detail", "The value is longer than 64 characters."),
    "not_a_guid": T("Detail", "The value is not a GUID, so guid-base64 cannot use it."),
    "no_csv_row": T("Detail", "No row in the file for this user."),
    "empty_value_in_csv": T("Detail", "The file's row for this user has an empty value (line)."),
    "conflicting_csv_rows": T("Detail", "The file has several rows with different values for "
                                        "this user (lines)."),
    "attribute_empty": T("Detail", "The chosen attribute is empty for this user."),
    "user_has_no_match_key": T("Detail", "The user has no value to match the file's key "
                                         "column with."),
    # the plan's reasons
    "on_premises_sync_enabled": T("Detail", "Synced from on-premises AD."),
    "admin_role": T("Detail", "Holds {roles}: a Privileged Authentication Administrator must set it, by "
                              "hand."),
    "guest_excluded": T("Detail", "Tick “Include guests” to include."),
    "disabled_excluded": T("Detail", "Tick “Include disabled accounts” to include."),
    "value_in_use": T("Detail", "Already held by {value}."),  # {value}: the holder
    "domain_not_chosen": T("Detail", "Domain {value}."),  # {value}: the domain
    "domain_federated": T("Detail", "Domain {value} is federated."),
    "federated_swap_ready": T("Detail", "Domain {value} is federated: tick the UPN swap on the Confirm page to "
                                               "set it."),
    "swap_alias_shared": T("Detail", "Domain federated; the UPN swap cannot be used: its temporary UPN {alias} "
                                     "would also be {others}'s."),
    "swap_parked": T("Detail", "On the temporary UPN {temp} left by an interrupted UPN swap (its own UPN: "
                               "{original}). Tick the UPN swap (on the Confirm page, or in the undo) to move it "
                               "back."),
    "swap_parked_restored": T("Detail", "Moved back from the temporary UPN {temp} to its own; the value was left "
                                        "as it was."),
    "swap_parked_dry_run": T("Detail", "Would be moved back from its temporary UPN to its own (dry run)."),
    "swap_alias_taken": T("Detail", "Domain federated; the UPN swap cannot be used: {alias} is another "
                                    "user's UPN."),
    "duplicate_value": T("Detail", "Same value as {others}."),
    # the run's reasons
    "resumed": T("Detail", "Written by the interrupted run (resumed)."),
    "confirmed_by_reread": T("Detail", "Confirmed by reading the user again."),
    "set_after_preview": T("Detail", "Got an ImmutableId after the preview; left alone."),
    "cancelled": T("Detail", "Cancelled before this user."),
    "stopped": T("Detail", "The run stopped before this user."),
    "stopped_sign_in_failed": T("Detail", "The run stopped: sign-in failed ({code})."),
    "stopped_read_failed": T("Detail", "The run stopped: the current values could not be read."),
    "stopped_graph_error": T("Detail", "The run stopped: Microsoft Graph answered with an error."),
    "stopped_internal_error": T("Detail", "The run stopped because of an internal error (see the "
                                          "log)."),
    "stopped_throttled_too_long": T(
        "Detail", "The run stopped: Microsoft refused every write for {minutes} minutes. Run again later."),
    "reread_failed": T("Detail", "The current value could not be read again; run again to "
                                 "finish."),
    "outcome_unknown": T("Detail", "It is not known whether the write arrived; run again to "
                                   "finish."),
    "overwritten_after_write": T("Detail", "Someone else set {found} after this run wrote {wrote}."),
    "changed_since_run": T("Detail", "Now holds {found}, not the value the run wrote; left alone."),
    "cleared_meanwhile": T("Detail", "Already empty: someone cleared it after the run; left alone."),
    "user_deleted_undo": T("Detail", "The user no longer exists."),
    "outcome_unknown_undo": T("Detail", "The clear could not be confirmed; run the undo again to finish."),
    "needs_upn_swap": T("Detail", "The domain is federated, so Microsoft refuses to clear the value. Undo again "
                                  "with the UPN swap to clear it."),
    # the UPN swap's outcomes (issue 10 §1, graph-facts §11; codes from core/run/swap.py)
    "set_with_swap": T("Detail", "Set with the UPN swap."),
    "swap_step1_refused": T("Detail", "Microsoft refused to move the UPN for the swap, so nothing was changed: "
                                      "{message} ({code})"),
    "swap_restored": T("Detail", "The UPN swap's second step failed; the UPN was put back."),
    "swap_stranded": T("Detail", "The UPN could not be put back: it is still {upn}. Change it back by hand."),
    "swap_upn_changed": T("Detail", "The UPN changed since the preview; preview again."),
    "swap_domain_unknown": T("Detail", "The tenant's .onmicrosoft.com domain could not be read."),
    "swap_unfinished": T("Detail", "Stopped between the two steps of the UPN swap: the UPN is still {temp}. Run "
                                   "again; this user is finished first."),
    "swap_dry_run": T("Detail", "Would be set with the UPN swap."),
    "cleared_with_swap": T("Detail", "Cleared with the UPN swap."),
    "cleared_by_earlier_undo": T("Detail", "Already cleared by an earlier undo of this run."),
    "will_clear_with_swap": T("Detail", "Will be cleared with the UPN swap (its domain is federated)."),
}

# The plan table's columns, in order.
COLUMNS = (
    T("Column", "Display name"),
    T("Column", "User principal name"),
    T("Column", "Current ImmutableId"),
    T("Column", "New ImmutableId"),
    T("Column", "Status"),
    T("Column", "Detail"),
)

# The check page's steps (core.tenant.checks.CheckStep).
CHECK_STEPS = {
    "tenant": T("Check", "Tenant"),
    "credentials": T("Check", "Sign-in as the app"),
    "consent": T("Check", "Admin consent"),
    "graph_read": T("Check", "Reading users"),
    "domains": T("Check", "Domains"),
    "secret_expiry": T("Check", "Secret expiry"),
    "admin_roles": T("Check", "Admins known before writing"),
}


# Choices on the Source/Connection pages
CLOUDS = {
    "global": T("Cloud", "Global (most tenants)"),
    "usgov": T("Cloud", "US Government (GCC High)"),
    "usgov-dod": T("Cloud", "US Government DoD"),
    "china": T("Cloud", "China (21Vianet)"),
}
MATCH_TEXT = {
    "upn": T("Match", "User principal name"),
    "mail": T("Match", "E-mail address"),
    "employeeId": T("Match", "Employee ID"),
    "id": T("Match", "Entra object ID"),
}
ATTRIBUTE_TEXT = {
    "objectId": T("Attribute", "Object ID (as Entra Connect does, with guid-base64)"),
    "employeeId": T("Attribute", "Employee ID"),
    "mail": T("Attribute", "E-mail address"),
    "userPrincipalName": T("Attribute", "User principal name"),
}
TRANSFORM_TEXT = {
    "none": T("Transform", "None: use the value as it is"),
    "lower": T("Transform", "Lower case"),
    "guid-base64": T("Transform", "GUID → base64 (Entra Connect's form)"),
    "utf8-base64": T("Transform", "Text → base64"),
}


# CSV file problems (core.source.csvfile.CsvError codes): the title of the error panel.
CSV_CODES = {
    "file_not_found": T("CsvError", "The file does not exist."),
    "unreadable_file": T("CsvError", "The file cannot be read."),
    "empty_file": T("CsvError", "The file is empty."),
    "excel_file": T("CsvError", "This is an Excel workbook. Save it as CSV (File → Save as → CSV UTF-8) and "
                                "choose that file."),
    "binary_file": T("CsvError", "This is not a text file."),
    "undecodable": T("CsvError", "The file's text encoding is not recognised. Save it as CSV UTF-8."),
    "no_header": T("CsvError", "The file has no header row with column names."),
    "empty_column_name": T("CsvError", "A column has no name in the header row."),
    "no_rows": T("CsvError", "The file has a header but no rows. Export the list again with one row per person."),
    "duplicate_column_name": T("CsvError", "Two columns have this name. Rename one of them in the file."),
    "too_many_fields": T("CsvError", "A row has more fields than the header."),
    "too_few_fields": T("CsvError", "A row has fewer fields than the header."),
    "malformed_csv": T("CsvError", "The file is not valid CSV (check the quotes)."),
    "missing_column": T("CsvError", "The column does not exist."),
    "same_column": T("CsvError", "The key column and the value column must differ."),
    "file_changed": T("CsvError", "The file changed after it was read. Choose it again."),
}

# Plan warnings (core.planning.preflight.plan_warnings): the same codes the command line prints in English.
PLAN_WARNINGS = {
    "domain_matches_no_user": T(
        "PlanWarning", "No user of this tenant is in the chosen domain {domain} (its domains: {existing}). "
                       "Check the spelling, or whether this is the right tenant."),
    "no_value_is_a_guid": T(
        "PlanWarning", "None of the {count} source values is a GUID (for example “{example}”), so the "
                       "GUID → base64 transform cannot convert them. Choose another transform or column."),
    "unmatched_rows": T(
        "PlanWarning", "Rows of the export that matched no user: {count}. Check which attribute the key "
                       "column holds. They are listed in unmatched_rows.csv in the run's folder and beside an "
                       "exported report."),
    "duplicate_keys": T(
        "PlanWarning", "Keys on more than one row of the export: {count} (for example {keys}). Those users get "
                       "no value."),
    "federation_unknown": T(
        "PlanWarning", "The tool cannot tell whether any domain is already federated (the app may not read "
                       "domains); users in a federated domain will fail."),
    "admin_groups_unread": T(
        "PlanWarning", "The members of these admin role groups are not known (the app may not read group "
                       "members): {groups}. Their writes will fail."),
    "federated_domains": T(
        "PlanWarning", "These domains are federated: {domains}. Their users cannot get a new ImmutableId and "
                       "are left out."),
    "federated_domains_swap_offered": T(
        "PlanWarning", "These domains are federated: {domains}. Their users are left out unless you choose the "
                       "UPN swap ({count} could be set)."),
    "federated_domains_swap_on": T(
        "PlanWarning", "These domains are federated: {domains}. {count} of their users are set with the UPN "
                       "swap; the others are left out."),
    "value_in_use": T("PlanWarning", "Users whose value another user already has: {count}. They are skipped."),
    "duplicate_value": T("PlanWarning", "Users that share a value with someone else: {count}. They are skipped."),
    "invalid_value": T("PlanWarning", "Users whose value cannot be an ImmutableId: {count}. They are skipped."),
    "admin_role": T(
        "PlanWarning", "Users that hold an admin role: {count}. They are left out; a Privileged Authentication "
                       "Administrator can set theirs by hand."),
    "admins_unknown": T(
        "PlanWarning", "Users that hold an admin role cannot be changed by the app, and the app may not read "
                       "who they are: Microsoft refuses them, and they are reported as failed, with what to do."),
    "nothing_to_write": T("PlanWarning", "Nothing to write: no user will get an ImmutableId."),
    "parked_users": T(
        "PlanWarning", "{count} users are on a temporary UPN left by an interrupted UPN swap ({names}). They are "
                       "not written unless you choose the UPN swap, which first moves them back."),
    "parked_users_swap_on": T(
        "PlanWarning", "{count} users are on a temporary UPN left by an interrupted UPN swap ({names}): this run "
                       "moves them back first."),
    "parked_unknown": T(
        "PlanWarning", "{count} users are on a temporary UPN whose own UPN cannot be worked out ({names}). "
                       "Change each back by hand in the Entra admin center."),
    "unfinished_run": T(
        "PlanWarning", "An unfinished run of this tenant ({when}, {done} of {total} done) is continued in its "
                       "folder."),
    "unfinished_run_not_this_tenant": T(
        "PlanWarning", "An unfinished run ({when}) names this tenant, but the tenant holds none of what it wrote: "
                       "it is not continued, and this run starts anew."),
    "unfinished_undo": T(
        "PlanWarning", "An undo of this tenant did not finish ({when}). Finish it with “Undo an earlier run…”."),
    "unfinished_undo_continued": T(
        "PlanWarning", "This undo continues the one that did not finish ({when}, {done} users done then)."),
    "undo_needs_swap": T(
        "PlanWarning", "{count} users are in a federated domain ({names}): clearing their value needs the UPN "
                       "swap. Without it they are left as they are."),
    "undo_nothing_to_clear": T("PlanWarning", "Nothing to clear: no user still holds a value the run wrote."),
}

# core.run.outputs.OutputPathError codes (saving a report or a reminder).
OUTPUT_PATHS = {
    "is_stdout": T("OutputPath", "“-” is not a file name: choose a file."),
    "is_folder": T("OutputPath", "That is a folder: give a file name."),
    "is_special": T("OutputPath", "That is a device or another special file, not a regular file: choose another "
                                  "name."),
    "is_source": T("OutputPath", "That is the export file you chose as the source: choose another name (the "
                                 "export is never replaced)."),
    "is_run_file": T("OutputPath", "That is one of a run folder's own files, which undo and resume need: choose a "
                                   "place outside the run folder."),
    "no_folder": T("OutputPath", "That folder does not exist: choose another place."),
    "exists": T("OutputPath", "The file already exists: choose another name."),
    "not_writable": T("OutputPath", "The file cannot be written there (no permission): choose another place."),
}

# Why an unattended (scheduled) run did not finish well (core.setup.unattended.RunStatus.problem) — the codes
# that are not sign-in codes (those are in TEXT/HINT above): the guard rail, a run with failures, a source.
UNATTENDED_PROBLEMS = {
    "too_many_writes": T("Unattended", "it would have written more users than its limit, so it wrote nothing "
                                       "— look at the plan in its run folder and run it yourself"),
    "too_large_share": T("Unattended", "it would have written a larger share of the users than its limit, so it "
                                       "wrote nothing — look at the plan in its run folder and run it yourself"),
    "some_failed": T("Unattended", "some users could not be written — see the report in its run folder"),
    "cancelled": T("Unattended", "it was stopped before it finished — the next run continues it"),
    "no_saved_source": T("Unattended", "no source is saved with the connection — open it here and choose one"),
    "unknown_connection": T("Unattended", "the saved connection is gone — remove the schedule"),
    "no_secret": T("Unattended", "no client secret for it is in this computer's keychain — open the connection "
                                 "here and tick “Remember the secret”"),
    "graph_read_failed": T("Unattended", "Microsoft Graph refused to list the users — run the checks here"),
    "run_busy": T("Unattended", "another run of the same tenant was still writing — the next run continues"),
    "unknown": T("Unattended", "an unexpected error — see the log"),
}

# Creating and renewing the app registration (core.graph.signin, core.setup.appreg; issue 9): what happened / what to do.
APPREG_TEXT = {
    "signin_tenant_not_found": T("AppReg", "Microsoft's sign-in service does not know this tenant in this cloud."),
    "signin_cancelled": T("AppReg", "The sign-in was cancelled, or consent was declined, in the browser."),
    "signin_timeout": T("AppReg", "The sign-in was not finished in the browser in time (was the window closed?)."),
    "signin_failed": T("AppReg", "The sign-in failed."),
    "signin_device_code_blocked": T("AppReg", "The tenant refused the device-code sign-in."),
    "appreg_role_unknown": T("AppReg", "Microsoft Graph does not offer a permission this tool needs."),
    "appreg_not_admin": T("AppReg", "The account that signed in may not create app registrations."),
    "appreg_consent_forbidden": T("AppReg", "The account that signed in may not grant admin consent."),
    "appreg_renew_not_allowed": T("AppReg", "The account that signed in may not add a secret to this app."),
    "appreg_secrets_blocked": T("AppReg", "The tenant's app management policy does not allow client secrets."),
    "appreg_graph_failed": T("AppReg", "Microsoft Graph refused a step of creating the app registration."),
    "appreg_replication_timeout": T("AppReg", "The new app registration did not start working in time."),
    "appreg_renew_not_proven": T("AppReg", "The new secret did not start working in time, so it was not kept; the "
                                           "old secret is still in use."),
    "signin_stopped": T("AppReg", "The sign-in was cancelled."),
    "appreg_stopped": T("AppReg", "Cancelled before the app registration was finished."),
    "appreg_stopped_kept": T("AppReg", "Cancelled while waiting for Microsoft to make the new app ready."),
    "appreg_keyring_failed_certificate": T("AppReg", "This computer's keychain could not keep the certificate's "
                                                     "private key, so nothing can sign in as the app."),
}
APPREG_HINT = {
    "signin_tenant_not_found": T("AppReg", "Check the tenant and, under Advanced, the cloud."),
    "signin_cancelled": T("AppReg", "Try again and choose Accept, signed in as an admin."),
    "signin_timeout": T("AppReg", "Try again and finish the sign-in in the browser window that opens."),
    "signin_failed": T("AppReg", "Try again; if it fails again, check the account at entra.microsoft.com."),
    "appreg_not_admin": T("AppReg", "Sign in as a Global Administrator, or as someone with both Privileged "
                                    "Role Administrator and Application Administrator."),
    "appreg_consent_forbidden": T("AppReg", "Sign in as a Global Administrator, or as someone with both "
                                            "Privileged Role Administrator and Application Administrator."),
    "appreg_renew_not_allowed": T("AppReg", "Sign in as a Global Administrator or an Application Administrator."),
    "appreg_secrets_blocked": T("AppReg", "Ask the tenant's admins to exempt this app from the policy, or "
                                          "delete it."),
    "appreg_graph_failed": T("AppReg", "Try again in a few minutes."),
    "appreg_renew_not_proven": T("AppReg", "Renew again later, and delete the unused new secret."),
    "appreg_replication_timeout": T("AppReg", "Microsoft can take several minutes. The secret is kept: run the "
                                              "check again in a few minutes."),
    "signin_stopped": T("AppReg", "Sign in again when you are ready."),
    "appreg_keyring_failed_certificate": T("AppReg", "Unlock or repair the keychain, delete the app (below) and "
                                                     "make it again."),
    "appreg_stopped": T("AppReg", "Delete what was created (below), or create the app again."),
    "appreg_stopped_kept": T("AppReg", "The app exists, its secret is kept and the connection is saved. It usually "
                                       "works within minutes: run the check later, or delete the app (below)."),
}
APPREG_STEPS = {
    "appreg_signin": T("AppReg", "Sign in as an admin in the browser window that opened…"),
    "appreg_roles": T("AppReg", "Looking up Microsoft Graph's permissions…"),
    "appreg_app": T("AppReg", "Creating the app registration “{name}”…"),
    "appreg_sp": T("AppReg", "Creating its service principal…"),
    "appreg_secret": T("AppReg", "Adding a client secret ({days} days)…"),
    "appreg_secrets_blocked_certificate": T("AppReg", "This tenant's app management policy does not allow client "
                                                      "secrets: making a certificate instead…"),
    "appreg_certificate": T("AppReg", "Adding a self-signed certificate ({days} days)…"),
    "appreg_consent": T("AppReg", "Granting admin consent for {role}…"),
    "appreg_find": T("AppReg", "Finding the app…"),
    "appreg_same_name": T("AppReg", "Note: this tenant already has {count} app registration(s) named “{name}” "
                                    "(client ID {client_ids}). A new one is made beside it. To give an existing "
                                    "one a new secret instead, cancel and use “Renew the secret”."),
    "appreg_waiting": T("AppReg", "Waiting for Microsoft to make the app ready (attempt {attempt}, {elapsed} s "
                                  "of at most {timeout} s)…"),
}
APPREG_CREATED = {
    "application": T("AppReg", "the application (client ID {ident})"),
    "service_principal": T("AppReg", "its service principal"),
    "client_secret": T("AppReg", "a client secret (ID {ident})"),
    "certificate": T("AppReg", "a certificate (ID {ident})"),
    "consent": T("AppReg", "admin consent for {ident}"),
}

# Undo an earlier run (issue 10 §2): who started a run (its journal's `face`) and where it stands.
RUN_FACES = {
    "cli": T("RunFace", "Command line"),
    "wizard": T("RunFace", "Wizard"),
    "unattended": T("RunFace", "Unattended"),
}
RUN_STATES = {
    "complete": T("RunState", "Finished"),
    "stopped": T("RunState", "Cancelled or stopped"),
    "unfinished": T("RunState", "Did not finish"),
    "undone": T("RunState", "Already undone"),
    "partly_undone": T("RunState", "Partly undone"),
    "undo_unfinished": T("RunState", "Undo not finished"),
}
# What an undo would do, counted by a dry run before confirming (gui/jobs/undo.py).
UNDO_COUNTS = {
    "will_clear": T("UndoCount", "Will be cleared"),
    "needs_swap": T("UndoCount", "In a federated domain: cleared only with the UPN swap (left as they are)"),
    "changed": T("UndoCount", "Changed since the run (left alone)"),
    "already_cleared": T("UndoCount", "Already cleared by an earlier undo of this run"),
    "gone": T("UndoCount", "Cannot be cleared (see the report)"),
}
# Why a run cannot be undone (core.run.undo.UndoError codes).
UNDO_ERRORS = {
    "undo_no_journal": T("UndoError", "The folder has no journal.jsonl: it is not a run folder."),
    "undo_not_an_apply": T("UndoError", "This run is not an apply run (an undo cannot be undone)."),
    "undo_dry_run": T("UndoError", "This was a dry run: it wrote nothing, so there is nothing to undo."),
    "undo_no_folder": T("UndoError", "There is no such folder."),
    "undo_journal_unreadable": T("UndoError", "Its journal.jsonl cannot be read."),
    "undo_journal_empty": T("UndoError", "Its journal.jsonl is empty: it is not a run's journal."),
    "undo_other_tenant": T("UndoError", "This run was made in another tenant or by another app: sign in to "
                                        "that tenant with that app to undo it."),
}

# Certificate connections (graph-facts §16): the app made where secrets are blocked signs in with a
# certificate; these are the codes the Connection and Check pages can show for it (core/message_table.py).
TEXT.update({
    "certificate_invalid": T("Code", "Entra refused the certificate: the app has no such certificate, it has "
                                     "expired, or the private key does not belong to it."),
    "certificate_clock": T("Code", "Entra refused the sign-in because this computer's clock is wrong."),
    "certificate_key_missing": T("Code", "No private key for the connection's certificate is in this computer's "
                                         "keychain."),
    "no_certificate_key": T("Code", "No private key for the connection's certificate is stored in this computer's "
                                    "keychain."),
    "certificate_expiry_ok": T("Code", "The certificate is valid for more than 30 days."),
    "certificate_expiry_soon": T("Code", "The certificate expires within 30 days."),
    "certificate_expiry_past": T("Code", "The certificate's expiry date has passed."),
})
HINT.update({
    "certificate_invalid": T("Hint", "Compare the connection's thumbprint with the app's certificates in the Entra "
                                     "admin center; if it is missing or expired there, renew it."),
    "certificate_clock": T("Hint", "Set the computer's clock right (automatic time), then try again."),
    "certificate_key_missing": T("Hint", "The key stays on the computer where the certificate was made: use that "
                                         "computer, or renew the certificate from here (Renew)."),
    "no_certificate_key": T("Hint", "The key stays on the computer where the certificate was made: use that "
                                    "computer, or renew the certificate from here (Renew)."),
})
