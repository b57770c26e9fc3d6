"""The wizard's words for a readiness row (gui/dialogs/federate.py): the check's name, its reason and its fix,
translatable (lupdate collects the T() entries; contexts "ReadinessCheck", "Readiness", "ReadinessFix").
The codes and their arguments are core's (core/federation/readiness.py); the English follows core's
message_table.FEDERATE_* except where the command line names an option the wizard does not have."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP as T
from PySide6.QtCore import QCoreApplication

CHECKS = {
    'domain': T('ReadinessCheck', 'Domain'),
    'federation': T('ReadinessCheck', 'Federation'),
    'metadata': T('ReadinessCheck', 'IdP metadata'),
    'immutable_ids': T('ReadinessCheck', 'ImmutableIds'),
    'synced_users': T('ReadinessCheck', 'Synced users'),
    'admin': T('ReadinessCheck', 'Admin sign-in'),
}
TEXT = {
    'fed_domain_ok': T('Readiness', '{domain} is a verified root domain, not the initial and not the default domain.'),
    'fed_domains_unreadable': T('Readiness', "The app may not read the tenant's domains."),
    'fed_domain_not_found': T('Readiness', '{domain} is not a domain of this tenant (its domains: {known}).'),
    'fed_domain_initial': T('Readiness', "{domain} is the tenant's initial .onmicrosoft.com domain, which cannot be federated."),
    'fed_domain_unverified': T('Readiness', '{domain} is not verified.'),
    'fed_domain_not_root': T('Readiness', '{domain} is a subdomain of {parent}; only root domains can be federated.'),
    'fed_domain_default': T('Readiness', "{domain} is the tenant's default domain, which cannot be federated."),
    'fed_state_managed': T('Readiness', '{domain} is not federated yet.'),
    'fed_state_same_idp': T('Readiness', '{domain} is already federated with this IdP ({issuer}).'),
    'fed_state_other_idp': T('Readiness', '{domain} is federated with another IdP ({issuer}).'),
    'fed_state_same_idp_differs': T('Readiness', '{domain} is federated with this IdP, but its {fields} differ from the metadata.'),
    'fed_state_unmanageable': T('Readiness', '{domain} is federated, but Graph has no federation configuration for it (a configuration created without a signing certificate leaves it so).'),
    'fed_state_unreadable': T('Readiness', "The app may not read the domain's federation ({error})."),
    'fed_state_unknown': T('Readiness', 'The federation of {domain} is not known (the domain was not found).'),
    'fed_state_cannot_compare': T('Readiness', '{domain} is federated with {issuer}; without readable metadata it cannot be compared with this IdP.'),
    'fed_metadata_ok': T('Readiness', 'Issuer {issuer}, sign-in URL {sso_url}; signing certificate valid {valid_from} to {expires} ({days} days left).'),
    'fed_metadata_expires_soon': T('Readiness', 'Issuer {issuer}, sign-in URL {sso_url}; the signing certificate expires on {expires}, in {days} days.'),
    'fed_metadata_not_read': T('Readiness', "The IdP's metadata was not read."),
    'metadata_not_found': T('Readiness', 'The metadata file does not exist: {detail}.'),
    'metadata_unreadable': T('Readiness', 'The metadata cannot be read: {detail}.'),
    'metadata_too_large': T('Readiness', 'The metadata is larger than 5 MB: {detail}.'),
    'metadata_url_not_https': T('Readiness', 'The metadata address is not https: {detail}.'),
    'metadata_download_failed': T('Readiness', 'The metadata could not be downloaded: {detail}.'),
    'metadata_tls_failed': T('Readiness', "The metadata server's certificate is not trusted: {detail}."),
    'metadata_not_xml': T('Readiness', 'The metadata is not XML: {detail}.'),
    'metadata_unsafe_xml': T('Readiness', 'The metadata has a DTD or entity declarations, which are refused: {detail}.'),
    'metadata_not_saml': T('Readiness', 'The metadata is not SAML 2.0 metadata (an EntityDescriptor): {detail}.'),
    'metadata_no_idp': T('Readiness', 'The metadata describes no identity provider (no IDPSSODescriptor): {detail}.'),
    'metadata_many_idps': T('Readiness', 'The metadata describes several identity providers: {detail}.'),
    'metadata_no_entity_id': T('Readiness', 'The metadata has no entityID (the issuer): {detail}.'),
    'metadata_no_sso': T('Readiness', 'The metadata has no single sign-on URL with the HTTP-Redirect or HTTP-POST binding: {detail}.'),
    'metadata_sso_not_https': T('Readiness', "The IdP's sign-in URL is not https: {detail}."),
    'metadata_no_certificate': T('Readiness', 'The metadata has no signing certificate: {detail}.'),
    'metadata_bad_certificate': T('Readiness', 'A signing certificate in the metadata is not a valid X.509 certificate: {detail}.'),
    'metadata_certificate_expired': T('Readiness', "The IdP's signing certificate expired on {detail}."),
    'metadata_certificate_not_yet_valid': T('Readiness', "The IdP's signing certificate is valid only from {detail}."),
    'fed_users_ok': T('Readiness', 'All {members} enabled members in {domain} have an ImmutableId.'),
    'fed_users_none': T('Readiness', '{domain} has no enabled members.'),
    'fed_users_missing_ids': T('Readiness', '{missing} of {members} enabled members in {domain} have no ImmutableId ({examples}).'),
    'fed_users_ids_too_long': T('Readiness', '{count} members have an ImmutableId longer than the 64 characters a SAML NameID can carry ({examples}).'),
    'fed_users_unreadable': T('Readiness', 'The app may not list users.'),
    'fed_synced_none': T('Readiness', 'No synced users in {domain}, and nobody is on a temporary UPN.'),
    'fed_synced_users': T('Readiness', '{count} users in {domain} are synced from Active Directory ({examples}).'),
    'fed_swap_unfinished': T('Readiness', '{count} users are still on a temporary UPN from an unfinished UPN swap ({examples}).'),
    'fed_swap_suspected': T('Readiness', '{count} users are on a temporary UPN of a UPN swap whose own UPN cannot be told ({examples}).'),
    'fed_admin_outside': T('Readiness', '{admin} is not in {domain}, so the sign-in will not be locked out.'),
    'fed_admin_in_domain': T('Readiness', '{admin} is in {domain}: after federating, this account could sign in only through the IdP.'),
    'fed_admin_not_given': T('Readiness', 'The admin signs in after you confirm; the account is checked then.'),
    'fed_admin_not_given_admins_in_domain': T('Readiness', 'The admin signs in after you confirm; {count} admins are in {domain} ({examples}).'),
}
FIX = {
    'fed_domains_unreadable': T('ReadinessFix', 'Grant the app Domain.Read.All (API permissions > Grant admin consent).'),
    'fed_domain_not_found': T('ReadinessFix', 'Check the domain, or add and verify it in Microsoft 365 admin center > Settings > Domains.'),
    'fed_domain_initial': T('ReadinessFix', "Federate the school's own domain instead."),
    'fed_domain_unverified': T('ReadinessFix', 'Verify the domain (its DNS TXT record) in Microsoft 365 admin center > Settings > Domains.'),
    'fed_domain_not_root': T('ReadinessFix', 'Federate {parent} instead, or make {domain} a root domain (Graph: POST /domains/{domain}/promote).'),
    'fed_domain_default': T('ReadinessFix', 'Make another domain (e.g. the .onmicrosoft.com one) the default in Microsoft 365 admin center > Settings > Domains, then check again.'),
    'fed_state_other_idp': T('ReadinessFix', "Take {domain} back to managed first, or use that IdP's metadata."),
    'fed_state_same_idp_differs': T('ReadinessFix', 'Federating again updates the configuration from this metadata.'),
    'fed_state_unmanageable': T('ReadinessFix', 'Graph cannot change it: ask Microsoft support to set {domain} back to managed, then check again.'),
    'fed_state_unreadable': T('ReadinessFix', 'Grant the app Domain.Read.All (or Domain-InternalFederation.Read.All).'),
    'fed_state_unknown': T('ReadinessFix', 'Fix the domain first.'),
    'fed_state_cannot_compare': T('ReadinessFix', 'Fix the metadata first.'),
    'fed_metadata_expires_soon': T('ReadinessFix', 'Ask the IdP for its next signing certificate, or federate after it has rolled over.'),
    'metadata_not_found': T('ReadinessFix', "Check the path, or give the metadata's https address."),
    'metadata_unreadable': T('ReadinessFix', "Check the file's permissions, or give the metadata's https address."),
    'metadata_too_large': T('ReadinessFix', "Give the metadata of this one IdP, not a federation's aggregate."),
    'metadata_url_not_https': T('ReadinessFix', 'Give the https address of the metadata.'),
    'metadata_download_failed': T('ReadinessFix', 'Check the address and the network, or download the file and give its path.'),
    'metadata_tls_failed': T('ReadinessFix', "Check the address; on a network with a TLS-inspecting proxy, its CA must be in the computer's certificate store."),
    'metadata_not_xml': T('ReadinessFix', "Give the IdP's SAML metadata file (XML), not a web page or a certificate."),
    'metadata_unsafe_xml': T('ReadinessFix', 'Download the metadata again from the IdP; genuine metadata has no DTD.'),
    'metadata_not_saml': T('ReadinessFix', "Give the IdP's SAML 2.0 metadata."),
    'metadata_no_idp': T('ReadinessFix', "This may be a service provider's metadata; give the IdP's."),
    'metadata_many_idps': T('ReadinessFix', 'Give the metadata of the one IdP to federate with.'),
    'metadata_no_entity_id': T('ReadinessFix', 'Ask the IdP for complete metadata.'),
    'metadata_no_sso': T('ReadinessFix', 'Ask the IdP for metadata with a SAML 2.0 sign-in endpoint.'),
    'metadata_sso_not_https': T('ReadinessFix', 'Ask the IdP for an https sign-in URL.'),
    'metadata_no_certificate': T('ReadinessFix', 'Ask the IdP for metadata that includes its signing certificate.'),
    'metadata_bad_certificate': T('ReadinessFix', 'Download the metadata again from the IdP.'),
    'metadata_certificate_expired': T('ReadinessFix', 'Ask the IdP for current metadata with a valid signing certificate.'),
    'metadata_certificate_not_yet_valid': T('ReadinessFix', "Federate once the certificate is valid, or check this computer's clock."),
    'fed_users_none': T('ReadinessFix', 'Check the domain: federating a domain nobody uses changes nothing.'),
    'fed_users_missing_ids': T('ReadinessFix', 'Run the wizard again for these users first (the Source page), then check again.'),
    'fed_users_ids_too_long': T('ReadinessFix', 'Use a shorter source value or transform for these users (undo and apply again).'),
    'fed_users_unreadable': T('ReadinessFix', 'Grant the app User.ReadWrite.All (API permissions > Grant admin consent).'),
    'fed_synced_users': T('ReadinessFix', "Synced users' ImmutableIds belong to Entra Connect: federate a domain without synced users, or federate through Entra Connect."),
    'fed_swap_unfinished': T('ReadinessFix', 'Run apply (or undo) again: it finishes the swap and moves them back first.'),
    'fed_swap_suspected': T('ReadinessFix', 'Check these users; if a UPN swap left them there, run again with the UPN swap, or move them back by hand.'),
    'fed_admin_in_domain': T('ReadinessFix', 'Sign in as an admin whose account is in another domain (e.g. the .onmicrosoft.com one).'),
    'fed_admin_not_given': T('ReadinessFix', 'Sign in with an account outside the domain (e.g. the .onmicrosoft.com one).'),
    'fed_admin_not_given_admins_in_domain': T('ReadinessFix', 'Sign in with an account outside {domain}, and keep at least one Global Administrator outside it.'),
}


def _fill(template: str, args: dict) -> str:
    if "examples_shown" in args:  # core's English "… and N more", said in the wizard's language
        more = int(args.get("examples_more") or 0)
        args["examples"] = args["examples_shown"] + (QCoreApplication.translate(
            "Readiness", " and {n} more").format(n=more) if more else "")
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return template


def check_name(check: str) -> str:
    text = CHECKS.get(str(check))
    return QCoreApplication.translate("ReadinessCheck", text) if text else str(check)


def reason(row) -> str:  # row: core.federation.readiness.Row
    text = TEXT.get(row.code)
    return _fill(QCoreApplication.translate("Readiness", text), dict(row.args)) if text else row.code


def fix(row) -> str:
    text = FIX.get(row.code)
    return _fill(QCoreApplication.translate("ReadinessFix", text), dict(row.args)) if text else ""
