"""What the sandbox claims about Microsoft's service, in one place.

Every constant names the graph-facts.md section (docs/graph-facts.md) it models. The behaviours that
are NOT confirmed by Microsoft's documentation or public threads are all in `UNCONFIRMED` at the end:
change them there and the whole sandbox follows.
"""

from __future__ import annotations

# --- Login (graph-facts §5, §6) -----------------------------------------------------------------
GRAPH_AUDIENCE = "https://graph.microsoft.com"  # §5: tokens for Graph; scope "<aud>/.default"
GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"  # Microsoft Graph's well-known app id
DEFAULT_TOKEN_LIFETIME_S = 3599  # Entra's usual app-only token lifetime (expires_in)

# AADSTS code -> (HTTP status, OAuth `error`, description template). §6 lists the codes.
AADSTS: dict[int, tuple[int, str, str]] = {
    90002: (400, "invalid_request",
            "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are "
            "signing into the correct cloud. Check with your subscription administrator, this may "
            "happen if there are no active subscriptions for the tenant."),
    900023: (400, "invalid_request",
             "Specified tenant identifier '{tenant}' is neither a valid DNS name, nor a valid "
             "external domain."),
    700016: (400, "unauthorized_client",
             "Application with identifier '{client_id}' was not found in the directory '{tenant_name}'. "
             "This can happen if the application has not been installed by the administrator of the "
             "tenant or consented to by any user in the tenant. You may have sent your authentication "
             "request to the wrong tenant."),
    7000215: (401, "invalid_client",
              "Invalid client secret provided. Ensure the secret being sent in the request is the "
              "client secret value, not the client secret ID, for a secret added to app '{client_id}'."),
    7000222: (401, "invalid_client",
              "The provided client secret keys for app '{client_id}' are expired. Visit the Azure "
              "portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider "
              "using certificate credentials for added security: https://aka.ms/certCreds."),
    7000218: (401, "invalid_client",
              "The request body must contain the following parameter: 'client_assertion' or "
              "'client_secret'."),
    900144: (400, "invalid_request",
             "The request body must contain the following parameter: '{parameter}'."),
    70003: (400, "unsupported_grant_type",
            "The app requested an unsupported grant type '{grant_type}'."),
    # Wrong scope: a client-credentials scope that does not end in /.default (public threads quote
    # this exact text, e.g. MicrosoftDocs/azure-docs#99862).
    1002012: (400, "invalid_scope",
              "The provided value for scope {scope} is not valid. Client credential flows must have a "
              "scope value with /.default suffixed to the resource identifier (application ID URI)."),
    # A /.default scope for a resource the tenant does not know.
    500011: (400, "invalid_resource",
             "The resource principal named {resource} was not found in the tenant named "
             "{tenant_name}. This can happen if the application has not been installed by the "
             "administrator of the tenant or consented to by any user in the tenant. You might have "
             "sent your authentication request to the wrong tenant."),
    # Authorization-code grant (§10): a code used twice, expired, or for another client/redirect.
    70008: (400, "invalid_grant",
            "The provided authorization code or refresh token has expired due to inactivity. Send a new "
            "interactive authorization request for this user and resource."),
    53003: (400, "invalid_grant", "Access has been blocked by Conditional Access policies. The access policy "
                                  "does not allow token issuance."),
    # Device-code grant (§10): still waiting for the user, and an unknown or used code.
    70016: (400, "authorization_pending", "OAuth 2.0 device flow error. Authorization is pending. Continue "
                                          "polling."),
    70019: (400, "expired_token", "Verification code expired."),
    501481: (400, "invalid_grant", "The Code_Verifier does not match the code_challenge supplied in the "
                                   "authorization request."),
    # Certificate client assertions (graph-facts §16). Codes and texts as Microsoft's Azure SDK
    # troubleshooting guides and public threads quote them; the HTTP statuses are a guess (UNCONFIRMED
    # "assertion_status"), the check order too ("assertion_check_order").
    50027: (400, "invalid_request", "JWT token is invalid or malformed."),
    700021: (401, "invalid_client",
             "Client assertion application identifier doesn't match 'client_id' parameter. Review the "
             "documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials ."),
    700023: (401, "invalid_client",
             "Client assertion audience claim does not match Realm issuer. Review the documentation at "
             "https://learn.microsoft.com/entra/identity-platform/certificate-credentials ."),
    700024: (401, "invalid_client",
             "Client assertion is not within its valid time range. Current time: {now}, assertion valid from "
             "{nbf}, expiry time of assertion {exp}. Review the documentation at "
             "https://learn.microsoft.com/entra/identity-platform/certificate-credentials ."),
    700027: (401, "invalid_client",
             "Client assertion contains an invalid signature. [Reason - {reason}, Thumbprint of key used by "
             "client: '{thumbprint}'{found}, Please visit the Azure Portal, Graph Explorer or directly use MS "
             "Graph to see configured keys for app Id '{client_id}'.]"),
}

# --- Graph permissions (§1 writes, §2 reads, §8 optional reads) ---------------------------------
READ_USERS_ROLES = frozenset({"User.Read.All", "User.ReadWrite.All", "Directory.Read.All",
                              "Directory.ReadWrite.All"})
WRITE_USERS_ROLES = frozenset({"User.ReadWrite.All", "Directory.ReadWrite.All"})  # §1
READ_DOMAINS_ROLES = frozenset({"Domain.Read.All", "Domain.ReadWrite.All", "Directory.Read.All",
                                "Directory.ReadWrite.All"})  # §8
READ_ORG_ROLES = frozenset({"Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All",
                            "Directory.ReadWrite.All"})  # §8
READ_APPS_ROLES = frozenset({"Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All",
                             "Directory.ReadWrite.All"})  # §8
# §12: role assignments need RoleManagement.Read.Directory (or a wider RoleManagement/Directory role);
# expanding a role-assignable group's members is a group read (GroupMember.Read.All and wider).
READ_ROLES_ROLES = frozenset({"RoleManagement.Read.Directory", "RoleManagement.Read.All",
                              "RoleManagement.ReadWrite.Directory", "Directory.Read.All",
                              "Directory.ReadWrite.All"})
READ_GROUP_MEMBERS_ROLES = frozenset({"GroupMember.Read.All", "GroupMember.ReadWrite.All", "Group.Read.All",
                                      "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"})
# §12: built-in Entra roles by display name -> role template id (the roleDefinitionId of an assignment).
ROLE_TEMPLATES = {
    "Global Administrator": "62e90394-69f5-4237-9190-012177145e10",
    "Privileged Authentication Administrator": "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
    "Privileged Role Administrator": "e8611ab8-c189-46e8-94e1-60213ab1f814",
    "User Administrator": "fe930be7-5e62-47db-91af-98c3a49a38b1",
    "Authentication Administrator": "c4e39bd9-1100-46d3-8c65-fb160da0071f",
    "Helpdesk Administrator": "729827e3-9c14-49f7-bb1b-9608f156bbb8",
    "Intune Administrator": "3a2c62db-5318-420d-8d74-23affee5d9d5",
    "Global Reader": "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
}
INSUFFICIENT_PRIVILEGES = "Insufficient privileges to complete the operation."  # §1 sensitive property

# --- Listing (§2) --------------------------------------------------------------------------------
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 999
# Properties returned without $select (Graph's documented default set for users).
DEFAULT_USER_PROPERTIES = ("businessPhones", "displayName", "givenName", "jobTitle", "mail",
                           "mobilePhone", "officeLocation", "preferredLanguage", "surname",
                           "userPrincipalName", "id")
# Properties the sandbox can $select (a subset of Graph's user resource).
SELECTABLE_USER_PROPERTIES = frozenset(DEFAULT_USER_PROPERTIES + (
    "employeeId", "userType", "accountEnabled", "onPremisesImmutableId", "onPremisesSyncEnabled",
    "creationType", "createdDateTime", "externalUserState"))
# $filter clauses `prop eq 'value'` the sandbox evaluates; anything else is refused like Graph does.
FILTERABLE_USER_PROPERTIES = frozenset({"id", "userPrincipalName", "mail", "employeeId",
                                        "onPremisesImmutableId", "userType", "displayName"})

# --- Batching (§3) -------------------------------------------------------------------------------
MAX_BATCH_REQUESTS = 20

# --- Throttling (§4) -----------------------------------------------------------------------------
WRITE_LIMIT = 3000            # writes per app+tenant ...
WRITE_WINDOW_S = 150.0        # ... per 2 min 30 s
TENANT_WRITE_LIMIT = 18000    # writes per tenant, all apps ...
TENANT_WRITE_WINDOW_S = 300.0  # ... per 5 min
RU_WINDOW_S = 10.0
RU_LIMIT_BY_SIZE = {"S": 3500, "M": 5000, "L": 8000}  # per app+tenant per 10 s


def size_for_user_count(n: int) -> str:
    """§4: S < 50 users, M 50-500, L > 500."""
    return "S" if n < 50 else ("M" if n <= 500 else "L")


RU_COST_LIST_USERS = 2        # GET users; $select takes 1 off
RU_COST_SELECT_DISCOUNT = 1
RU_COST_GET_USER = 1          # (the same logic: a single object costs less than a list)
RU_COST_PATCH_USER = 1        # and counts as 1 write
RU_COST_OTHER_READ = 1
THROTTLE_WARN_FRACTION = 0.8  # x-ms-throttle-limit-percentage only above 80 % of a limit

# --- User update rules (§1) ----------------------------------------------------------------------
IMMUTABLE_ID_PROPERTY = "onPremisesImmutableId"
IMMUTABLE_ID_FORBIDDEN_CHARS = "$_"  # the Graph resource docs forbid these two
SYNCED_USER_MESSAGE = ("Unable to update the specified properties for on-premises mastered Directory "
                       "Sync objects or objects currently undergoing migration.")
UPN_PROPERTY = "userPrincipalName"  # §11: the UPN swap changes it; a sensitive attribute too
ODATA_ANNOTATION_PREFIX = "@odata."  # §11: annotations in a body (the SDK's "@odata.type") are ignored
OBJECT_CONFLICT_DETAIL = {"code": "ObjectConflict",
                          "message": "Another object with the same value for property "
                                     "onPremisesImmutableId already exists.",
                          "target": "onPremisesImmutableId"}

# --- Unconfirmed behaviour: ONE table (change here) ----------------------------------------------
# Each entry: what we do, and why it is a guess. graph-facts.md marks these as not fully confirmed.
UNCONFIRMED: dict[str, object] = {
    # §1: top-level code of the duplicate-value error ("most likely Request_BadRequest").
    "object_conflict_code": "Request_BadRequest",
    "object_conflict_message": "Another object with the same value for property onPremisesImmutableId "
                               "already exists.",
    # §1/§11: a federated-domain user getting a new ImmutableId; Graph's text is not documented. We answer
    # 400 with MSOnline's text.
    "federated_status": 400,
    "federated_code": "Request_BadRequest",
    "federated_message": "You must provide a required property: Parameter name: FederatedUser.SourceAnchor",
    # §11: the exact federated rule is a guess built from Microsoft's swap recipe: a PATCH that sets a new
    # value is judged by the UPN the user has BEFORE it, unless the same PATCH also changes the UPN; then
    # it is judged by the NEW UPN... except that §11 step 2 (UPN moved back INTO the federated domain with
    # the value) is documented to work. So: refused only when the UPN is federated before the PATCH and
    # the PATCH leaves it in a federated domain. A UPN move out (step 1 with a value) and step 2 pass.
    # (graph_users._federated; rule order: patch_rule_order.)
    # §11: clearing (null) for a user in a federated domain is undocumented, "most likely refused".
    "federated_blocks_clearing": True,
    "federated_clear_message": "Unable to clear property 'onPremisesImmutableId' of a user in a federated "
                               "domain.",
    # §11: `""` (what Update-MgUser sends): we answer 204 and the value stays (msgraph-sdk-powershell
    # reports the value stays; whether Graph answers 204 or 400 is unconfirmed). Any other number: `""` is
    # refused as an invalid value (400, invalid_value_message).
    "empty_string_status": 204,
    # §11: a UPN taken by another object; Graph's ObjectConflict shape, texts as for the ImmutableId.
    "upn_conflict_message": "Another object with the same value for property userPrincipalName already exists.",
    # §11: whether `mail` (and proxyAddresses) follow a UPN change is unconfirmed. False: mail stays as it
    # was (the tool snapshots UPN and mail before and after each swap, so either way the report shows it).
    # True: a user whose mail equals the UPN gets the new UPN as mail too.
    "upn_change_moves_mail": False,
    # §11: a UPN in a domain the tenant has not verified (text as public threads quote it).
    "upn_domain_code": "Request_BadRequest",
    "upn_domain_message": "The domain portion of the userPrincipalName property is invalid. You must use "
                          "one of the verified domain names in your organization.",
    # §1/§11: every assigned directory role makes the user's sensitive attributes (ImmutableId, UPN) need
    # a higher-privileged caller (graph_roles.finish). Real Entra distinguishes roles; we are conservative.
    # §12: whether reading a role-assignable group's members needs a group read (GroupMember.Read.All or
    # wider; Microsoft's list-members docs) even for an app holding RoleManagement.Read.Directory. True:
    # RoleManagement.Read.Directory alone gets 403 there (the stricter guess; the client copes with both).
    "role_group_members_need_group_read": True,
    # §12: page size of roleAssignments and group members when no $top is given.
    "role_page_size": 100,
    # §1: a `$`/`_` value; the message is Graph's generic text for invalid property values.
    "invalid_value_code": "Request_BadRequest",
    "invalid_value_message": "Invalid value specified for property 'onPremisesImmutableId' of resource 'User'.",
    # §1: the docs name only `$` and `_` as refused by Graph; Entra Connect's length rule is not
    # known to be enforced by Graph, so no length limit (None) — set an int to enforce one.
    "max_length": None,
    # §1: uniqueness compared case-sensitively (SAML NameID matching is case-sensitive).
    "unique_case_sensitive": True,
    # §1: the sandbox models only onPremisesImmutableId and userPrincipalName (§11); any other property
    # in a PATCH is refused (annotations like "@odata.type" are ignored, as Graph does).
    "other_property_code": "Request_BadRequest",
    "other_property_message": "The sandbox tenant models only the properties 'onPremisesImmutableId' and "
                              "'userPrincipalName'; "
                              "property '{name}' cannot be updated here.",
    # §1: order of the PATCH checks (first failing rule answers).
    "patch_rule_order": ("synced", "privileged", "upn_domain", "upn_conflict", "invalid_value",
                         "federated", "duplicate"),
    # §3: a throttled (429) write was NOT applied. True makes the sandbox apply it anyway, as the
    # facts warn may happen ("retries must be idempotent").
    "throttled_write_applied": False,
    # §3: error for more than 20 requests in one batch.
    "batch_too_large_code": "BadRequest",
    "batch_too_large_message": "Number of requests exceeds the maximum batch size of 20.",
    # §3: an inner request with a body but no Content-Type header fails the whole batch with 400.
    "batch_missing_content_type_message": "Write request id : {id} does not contain Content-Type header or body.",
    # §2: texts of the listing refusals (codes as seen in public threads; texts partly guessed).
    "filter_unsupported_code": "Request_UnsupportedQuery",
    "filter_unsupported_message": "Unsupported or invalid query filter clause specified for property "
                                  "'{prop}' of resource 'User'.",
    "skip_unsupported_message": "'$skip' is not supported by the service.",
    "bad_top_message": "Invalid page size specified: '{top}'. Must be between 1 and 999 inclusive.",
    "bad_skiptoken_message": "Invalid paging token specified.",
    # §4: throttle scope strings; only the write one is quoted in the facts.
    "write_scope": "Tenant_Application/ReadWrite/{app}/{tenant}",
    "tenant_write_scope": "Tenant/ReadWrite/{tenant}",
    "ru_scope": "Tenant_Application/ResourceUnit/{app}/{tenant}",
    # §6: login check order after the tenant: grant type, client, secret, then scope.
    "scope_checked_after_secret": True,
    # §5: discovery for an unknown tenant answers 400 with error "invalid_tenant" (token endpoint:
    # "invalid_request").
    "discovery_unknown_tenant_error": "invalid_tenant",
    # §5/§2: texts of Graph's 401 answers.
    "token_missing_message": "Access token is empty.",
    "token_invalid_message": "IDX14100: JWT is not well formed, there are no dots (.).",
    "token_signature_message": "Access token validation failure. Invalid signature.",
    "token_expired_message": "Lifetime validation failed, the token is expired.",
    "token_audience_message": "Access token validation failure. Invalid audience.",
    # §10: POST /applications by a user without an admin role. Real tenants let every user register
    # apps unless "Users can register applications" is off; the sandbox models it off (issue 9 asks
    # for a 403 here), with Graph's usual 403 text.
    "users_can_register_apps": False,
    # §10: Graph answers to steps 3/5 while the new app has not replicated yet (texts from public
    # threads about Azure CLI's retry loop; the status is 400 in some reports, 404 in others).
    "sp_app_not_replicated_message": "The appId '{app_id}' of the service principal does not "
                                     "reference a valid application object.",
    # §10: the sign-in page's answer when the admin cancels (form_post of error + description).
    "consent_declined_description": "AADSTS65004: User declined to consent to access the app.",
    # §10: the sign-in client id Graph PowerShell uses is accepted by every tenant; the sandbox also
    # accepts its own registered apps as public clients.
    # §15 federationConfiguration: which rule answers first, and the refusals' status, code and text
    # (Microsoft and the IdP vendors state the rules, not Graph's error bodies).
    "federation_rule_order": ("initial", "unverified", "not_root", "default", "already_federated", "body",
                              "certificate", "issuer_in_use"),
    "federation_refusals": {
        "initial": (400, "Request_BadRequest", "The initial domain '{domain}' cannot be federated."),
        "unverified": (400, "Request_BadRequest", "Domain '{domain}' is not verified. Only verified domains "
                                                  "can be federated."),
        "not_root": (400, "Request_BadRequest", "Domain '{domain}' is a subdomain. Only root domains can be "
                                                "federated; promote it to a root domain first."),
        "default": (400, "Request_BadRequest", "The default domain '{domain}' cannot be federated. Set "
                                               "another domain as the default first."),
        "already_federated": (409, "Request_MultipleObjectsWithSameKeyValue",
                              "Domain '{domain}' already has a federation configuration."),
        "issuer_in_use": (400, "Request_BadRequest", "The issuerUri '{issuer}' is already used by domain "
                                                     "'{other}'."),
        "bad_value": (400, "Request_BadRequest", "Invalid value specified for property '{prop}' of resource "
                                                 "'InternalDomainFederation'."),
        "required": (400, "Request_BadRequest", "Property '{prop}' is required."),
        "bad_certificate": (400, "Request_BadRequest", "Invalid value specified for property '{prop}': the "
                                                       "value is not a Base64 encoded X.509 certificate."),
    },
    # §15 trap (microsoft-graph-docs-contrib#1389): a POST without signingCertificate errors (an internal
    # server error in the thread) yet leaves the domain federated, with no configuration Graph can read,
    # change or delete. "trap" models that; "refuse" answers 400 `required` and changes nothing.
    "federation_without_certificate": "trap",
    "federation_trap_error": (500, "InternalServerError", "An internal server error occurred."),
    # §15: "several domains cannot share one issuerUri in Microsoft's cmdlets" — Graph is assumed to
    # refuse it too.
    "issuer_shared_refused": True,
    # §15: who may READ a configuration with a delegated token: a federation role or a Global Reader.
    "federation_read_roles": ("Global Reader",),
    # §15 home realm: AuthURL of a federated domain. Public answers for WS-Fed show the passive sign-in URL
    # with `?username=…&wa=wsignin1.0&wtrealm=…&wctx=` appended; assumed the same for SAML (clients compare
    # without the query). `federation_protocol` per protocol is a guess for SAML.
    "userrealm_authurl_query": True,
    "userrealm_federation_protocol": {"wsFed": "WSTrust", "saml": "SAML20"},
    # §16: the policy refusals' texts (the codes are documented; the wording around the limit is not).
    "secrets_blocked_message": "Credential type not allowed as per assigned policy.",
    "lifetime_capped_message": "Credential lifetime exceeds the max value allowed as per assigned policy "
                               "'{policy}'. MaxLifetime: {max_iso} ({max_days} days).",
    "policy_name": "Default app management policy",
    # §16 client assertions: the order of the checks (the first failing one answers), the clock skew
    # allowed either side, the audiences accepted ({base}: the login host, {tenant}: the tenant id or one
    # of its domains), and the HTTP status of 700021/700023/700024/700027 (401 as for a bad secret).
    "assertion_check_order": ("format", "issuer", "audience", "time", "key", "signature", "key_expired"),
    "assertion_clock_skew_s": 300,
    "assertion_audiences": ("{base}/{tenant}/oauth2/v2.0/token", "{base}/{tenant}/oauth2/token"),
    # jti replay: not known to be checked by Entra; the sandbox does not track jti.
    # §16: a key credential's customKeyIdentifier is the base64 of its SHA-1 thumbprint (what the portal
    # and PowerShell set); the sandbox answers so.
    # §4 states Retry-After for 429 only. Whether a 503 carries one is not documented; the sandbox's injected
    # 503s send one (config.fault_retry_after_s) when this is True. The engine must not depend on it: an
    # unknown-fate write is resent in the next free quota slot, whatever the header says (issue 17).
    "retry_after_on_503": True,
    # Whether a read right after a write was answered can come from a replica that has not seen the write
    # is not documented for users' onPremisesImmutableId. The sandbox serves every read from the written
    # state (0 s; a test may set more: a single-user read then shows the value from before the write); the
    # read-back's TRIP_MARGIN_S (core/run/readback.py) is the only slack it has for it.
    "replica_lag_after_write_s": 0.0,
}

# --- Creating the app registration (graph-facts §10) ------------------------------------------
SIGN_IN_CLIENT_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"  # Microsoft Graph Command Line Tools
# Graph's application permissions (Role) by value, with their real ids. User.Read.All is listed on
# purpose: many scripts use its id for User.ReadWrite.All.
GRAPH_APP_ROLES = {
    "User.ReadWrite.All": "741f803b-c850-494e-b5df-cde7c675a1ca",
    "User.Read.All": "df021288-bdef-4463-88db-98f22de89214",
    "Domain.Read.All": "dbb9058a-0e50-45d7-ae91-66909b5d4664",
    "Application.Read.All": "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30",
    "RoleManagement.Read.Directory": "483bed4a-2ad3-4361-a73b-c83ccdbdc53c",
    "Directory.Read.All": "7ab1d382-f21e-4acd-a863-ba3e13f7da61",
}
GLOBAL_ADMIN = "Global Administrator"
# Directory roles that may create apps, and that may grant an application permission of Graph.
APP_CREATOR_ROLES = frozenset({GLOBAL_ADMIN, "Application Administrator", "Cloud Application Administrator"})
CONSENT_GRANTER_ROLES = frozenset({GLOBAL_ADMIN, "Privileged Role Administrator"})
ROLE_TEMPLATE_IDS = {GLOBAL_ADMIN: "62e90394-69f5-4237-9190-012177145e10",
                     "Application Administrator": "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
                     "Cloud Application Administrator": "158c047a-c907-4556-b7ef-446551a6b5f7",
                     "Privileged Role Administrator": "e8611ab8-c189-46e8-94e1-60213ab1f814",
                     # §15: the roles that may federate a domain (and a reader)
                     "Domain Name Administrator": "8329153b-31d0-4727-b945-745eb3bc5f31",
                     "External Identity Provider Administrator": "be2f45a1-457d-42af-a067-6ec1fa63bc45",
                     "Hybrid Identity Administrator": "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
                     "Security Administrator": "194ae4cb-b126-40b2-bd5b-6091b380977d",
                     "Global Reader": "f2ef992c-3afb-46b9-b7cf-a126ee74c451"}
APP_WRITE_SCOPES = frozenset({"Application.ReadWrite.All", "Directory.ReadWrite.All"})
APP_READ_SCOPES = APP_WRITE_SCOPES | {"Application.Read.All", "Directory.Read.All"}
ASSIGN_SCOPES = frozenset({"AppRoleAssignment.ReadWrite.All"})
AUTH_CODE_LIFETIME_S = 600  # Entra's codes live 10 minutes

# --- Federating a domain (graph-facts §15) ---------------------------------------------------------
# Permission: Domain-InternalFederation.ReadWrite.All (least privileged since October 2025, delegated or
# application) or Domain.ReadWrite.All. Reads: the same, or a domain read.
FEDERATION_WRITE_PERMISSIONS = frozenset({"Domain-InternalFederation.ReadWrite.All", "Domain.ReadWrite.All"})
FEDERATION_READ_PERMISSIONS = FEDERATION_WRITE_PERMISSIONS | {
    "Domain-InternalFederation.Read.All", "Domain.Read.All", "Directory.Read.All", "Directory.ReadWrite.All"}
# Delegated: the signed-in user must also hold one of these roles (Skolon's guide asks for a Global
# Administrator).
FEDERATION_ADMIN_ROLES = frozenset({"Domain Name Administrator", "External Identity Provider Administrator",
                                    "Hybrid Identity Administrator", "Security Administrator", GLOBAL_ADMIN})
# internalDomainFederation: the properties a POST or PATCH may set, and their enumerations.
FEDERATION_PROPERTIES = ("displayName", "issuerUri", "metadataExchangeUri", "signingCertificate",
                         "nextSigningCertificate", "passiveSignInUri", "activeSignInUri", "signOutUri",
                         "preferredAuthenticationProtocol", "promptLoginBehavior",
                         "isSignedAuthenticationRequestRequired", "federatedIdpMfaBehavior")
FEDERATION_ENUMS = {
    "preferredAuthenticationProtocol": ("wsFed", "saml"),
    "promptLoginBehavior": ("translateToFreshPasswordAuthentication", "nativeSupport", "disabled"),
    "federatedIdpMfaBehavior": ("acceptIfMfaDoneByFederatedIdp", "enforceMfaByFederatedIdp",
                                "rejectMfaByFederatedIdp"),
}
# A managed domain answers its federationConfiguration read with 404 (a usable "is it federated?" test).
FEDERATION_NOT_FOUND_MESSAGE = ("Resource 'federationConfiguration' does not exist or one of its queried "
                                "reference-property objects are not present.")
# The public home-realm endpoint on the login host (§15): "Managed" until the change has replicated.
USERREALM_PATH_PREFIX = "/common/userrealm/"
FEDERATION_DEMO_DELAY_S = 5.0  # the sandbox's default replication delay (Microsoft: up to 2 hours)

# --- App credentials under tenant policy (graph-facts §16) ---------------------------------------
SECRETS_BLOCKED_CODE = "CredentialTypeNotAllowedAsPerAppPolicy"
LIFETIME_CAPPED_CODE = "CredentialInvalidLifetimeAsPerAppPolicy"
CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ASSERTION_ALGORITHMS = ("RS256", "PS256")  # MSAL: RS256 with x5t (SHA-1), PS256 with x5t#S256
ADD_KEY_PROOF_AUDIENCE = "00000002-0000-0000-c000-000000000000"  # Graph docs: addKey's proof-of-possession
ADD_KEY_PROOF_MAX_S = 600  # "exp should be nbf + 10 mins"
KEY_TYPES = {"AsymmetricX509Cert": "Verify"}  # the key type we model and the usage it must have

