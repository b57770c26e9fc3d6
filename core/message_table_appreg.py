"""English texts for creating and renewing the app registration (issue 9): what happened, and what the
admin can do. Kept beside core/message_table.py (which is full); merged into its CLI tables there. The
wizard does not show these yet, so gui/code_texts.py has no Swedish for them."""

from __future__ import annotations

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
    "appreg_role_unknown": "Microsoft Graph does not offer a permission this tool needs.",
    "appreg_not_admin": "The account that signed in may not create app registrations (403 from Graph).",
    "appreg_consent_forbidden": "The account that signed in may not grant admin consent (403 from Graph).",
    "appreg_renew_not_allowed": "The account that signed in may not add a secret to this app (403 from Graph).",
    "appreg_secrets_blocked": "The tenant's app management policy does not allow client secrets.",
    "appreg_graph_failed": "Microsoft Graph refused a step of creating the app registration.",
    "appreg_replication_timeout": "The new app registration did not start working in time.",
    "appreg_keyring_missing": "This computer has no usable keyring to keep the new secret in. Nothing was "
                              "created.",
    "appreg_keyring_failed": "The keyring failed, so the new secret was not stored.",
    "appreg_bad_years": "--secret-years must be a whole number from 1 to 10.",
    "appreg_nothing_created": "Nothing was created in the tenant.",
    "appreg_created_list": "Created in the tenant: {items}.",
    "appreg_delete_how": _DELETE,
    "appreg_secret_capped": "The tenant's policy caps secret lifetimes: the secret lasts until {expires} "
                            "instead of the {years} years asked for.",
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
    "appreg_replication_timeout": "Microsoft can take several minutes. The secret is stored: run "
                                  "`immutableid-sync check --profile NAME` in a few minutes.",
    "appreg_keyring_missing": "Install or unlock a keyring (GNOME Keyring, KWallet, Windows Credential "
                              "Manager, macOS Keychain) and run the command again, or add --show-secret-once "
                              "to have the secret printed once, to copy it to a safe place yourself.",
    "appreg_keyring_failed": "The secret was printed below once: copy it now; it cannot be shown again.",
}
