<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>About</name>
        <message>
            <location filename="../../gui/dialogs/about.py" line="+12" />
            <source>&lt;h3&gt;Immutable ID Sync {version}&lt;/h3&gt;&lt;p&gt;Fills in missing ImmutableIds in a Microsoft Entra tenant before a domain is federated. It never changes a user that already has one.&lt;/p&gt;&lt;p&gt;Log files: &lt;code&gt;{logs}&lt;/code&gt;&lt;br&gt;Run folders and reports: &lt;code&gt;{runs}&lt;/code&gt;&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Immutable ID Sync {version}&lt;/h3&gt;&lt;p&gt;Fills in missing ImmutableIds in a Microsoft Entra tenant before a domain is federated. It never changes a user that already has one.&lt;/p&gt;&lt;p&gt;Log files: &lt;code&gt;{logs}&lt;/code&gt;&lt;br&gt;Run folders and reports: &lt;code&gt;{runs}&lt;/code&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+10" />
            <source>About Immutable ID Sync</source>
            <translation>About Immutable ID Sync</translation>
        </message>
    </context>
    <context>
        <name>AppReg</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+497" />
            <source>Microsoft's sign-in service does not know this tenant in this cloud.</source>
            <translation>Microsoft's sign-in service does not know this tenant in this cloud.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The sign-in was cancelled, or consent was declined, in the browser.</source>
            <translation>The sign-in was cancelled, or consent was declined, in the browser.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The sign-in was not finished in the browser in time (was the window closed?).</source>
            <translation>The sign-in was not finished in the browser in time (was the window closed?).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The sign-in failed.</source>
            <translation>The sign-in failed.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The tenant refused the device-code sign-in.</source>
            <translation>The tenant refused the device-code sign-in.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph does not offer a permission this tool needs.</source>
            <translation>Microsoft Graph does not offer a permission this tool needs.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The account that signed in may not create app registrations.</source>
            <translation>The account that signed in may not create app registrations.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The account that signed in may not grant admin consent.</source>
            <translation>The account that signed in may not grant admin consent.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The account that signed in may not add a secret to this app.</source>
            <translation>The account that signed in may not add a secret to this app.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The tenant's app management policy does not allow client secrets.</source>
            <translation>The tenant's app management policy does not allow client secrets.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph refused a step of creating the app registration.</source>
            <translation>Microsoft Graph refused a step of creating the app registration.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The new app registration did not start working in time.</source>
            <translation>The new app registration did not start working in time.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The new secret did not start working in time, so it was not kept; the old secret is still in use.</source>
            <translation>The new secret did not start working in time, so it was not kept; the old secret is still in use.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This computer's keychain could not keep the certificate's private key, so nothing can sign in as the app.</source>
            <translation>This computer's keychain could not keep the certificate's private key, so nothing can sign in as the app.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Check the tenant and, under Advanced, the cloud.</source>
            <translation>Check the tenant and, under Advanced, the cloud.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Try again and choose Accept, signed in as an admin.</source>
            <translation>Try again and choose Accept, signed in as an admin.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Try again and finish the sign-in in the browser window that opens.</source>
            <translation>Try again and finish the sign-in in the browser window that opens.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Try again; if it fails again, check the account at entra.microsoft.com.</source>
            <translation>Try again; if it fails again, check the account at entra.microsoft.com.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+2" />
            <source>Sign in as a Global Administrator, or as someone with both Privileged Role Administrator and Application Administrator.</source>
            <translation>Sign in as a Global Administrator, or as someone with both Privileged Role Administrator and Application Administrator.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sign in as a Global Administrator or an Application Administrator.</source>
            <translation>Sign in as a Global Administrator or an Application Administrator.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the tenant's admins to exempt this app from the policy, or delete it.</source>
            <translation>Ask the tenant's admins to exempt this app from the policy, or delete it.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Try again in a few minutes.</source>
            <translation>Try again in a few minutes.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Renew again later, and delete the unused new secret.</source>
            <translation>Renew again later, and delete the unused new secret.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft can take several minutes. The secret is kept: run the check again in a few minutes.</source>
            <translation>Microsoft can take several minutes. The secret is kept: run the check again in a few minutes.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unlock or repair the keychain, delete the app (below) and make it again.</source>
            <translation>Unlock or repair the keychain, delete the app (below) and make it again.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sign in as an admin in the browser window that opened…</source>
            <translation>Sign in as an admin in the browser window that opened…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Looking up Microsoft Graph's permissions…</source>
            <translation>Looking up Microsoft Graph's permissions…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Creating the app registration “{name}”…</source>
            <translation>Creating the app registration “{name}”…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Creating its service principal…</source>
            <translation>Creating its service principal…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Adding a client secret ({days} days)…</source>
            <translation>Adding a client secret ({days} days)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This tenant's app management policy does not allow client secrets: making a certificate instead…</source>
            <translation>This tenant's app management policy does not allow client secrets: making a certificate instead…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Adding a self-signed certificate ({days} days)…</source>
            <translation>Adding a self-signed certificate ({days} days)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Granting admin consent for {role}…</source>
            <translation>Granting admin consent for {role}…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Finding the app…</source>
            <translation>Finding the app…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Waiting for Microsoft to make the app ready (attempt {attempt}, {elapsed} s of at most {timeout} s)…</source>
            <translation>Waiting for Microsoft to make the app ready (attempt {attempt}, {elapsed} s of at most {timeout} s)…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the application (client ID {ident})</source>
            <translation>the application (client ID {ident})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>its service principal</source>
            <translation>its service principal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a client secret (ID {ident})</source>
            <translation>a client secret (ID {ident})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a certificate (ID {ident})</source>
            <translation>a certificate (ID {ident})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>admin consent for {ident}</source>
            <translation>admin consent for {ident}</translation>
        </message>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+2" />
            <source>Certificate expires: {v}</source>
            <translation>Certificate expires: {v}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client Id: {v}</source>
            <translation>Client Id: {v}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client secret: {v}</source>
            <translation>Client secret: {v}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created in the tenant: {items}.</source>
            <translation>Created in the tenant: {items}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credential: a certificate (thumbprint {v}); its private key stays in this computer's keychain</source>
            <translation>Credential: a certificate (thumbprint {v}); its private key stays in this computer's keychain</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note: Skolon Data Hub may accept only a client secret. The tenant's policy blocks secrets, so ask Skolon whether Data Hub can use a certificate, or ask the tenant's admins to exempt this app from the policy.</source>
            <translation>Note: Skolon Data Hub may accept only a client secret. The tenant's policy blocks secrets, so ask Skolon whether Data Hub can use a certificate, or ask the tenant's admins to exempt this app from the policy.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing was created in the tenant.</source>
            <translation>Nothing was created in the tenant.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Secret expires: {v}</source>
            <translation>Secret expires: {v}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant Id: {v}</source>
            <translation>Tenant Id: {v}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To delete it: Entra admin center &gt; App registrations &gt; All applications &gt; “{name}” &gt; Delete, or run: az ad app delete --id {client_id}</source>
            <translation>To delete it: Entra admin center &gt; App registrations &gt; All applications &gt; “{name}” &gt; Delete, or run: az ad app delete --id {client_id}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To delete it: the app's Certificates &amp; secrets page, the secret with ID {key_id}, or run: az ad app credential delete --id {client_id} --key-id {key_id}</source>
            <translation>To delete it: the app's Certificates &amp; secrets page, the secret with ID {key_id}, or run: az ad app credential delete --id {client_id} --key-id {key_id}</translation>
        </message>
        <message>
            <location filename="../../gui/code_texts.py" line="-51" />
            <source>The sign-in was cancelled.</source>
            <translation>The sign-in was cancelled.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled before the app registration was finished.</source>
            <translation>Cancelled before the app registration was finished.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled while waiting for Microsoft to make the new app ready.</source>
            <translation>Cancelled while waiting for Microsoft to make the new app ready.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Sign in again when you are ready.</source>
            <translation>Sign in again when you are ready.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete what was created (below), or create the app again.</source>
            <translation>Delete what was created (below), or create the app again.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The app exists, its secret is kept and the connection is saved. It usually works within minutes: run the check later, or delete the app (below).</source>
            <translation>The app exists, its secret is kept and the connection is saved. It usually works within minutes: run the check later, or delete the app (below).</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Note: this tenant already has {count} app registration(s) named “{name}” (client ID {client_ids}). A new one is made beside it. To give an existing one a new secret instead, cancel and use “Renew the secret”.</source>
            <translation>Note: this tenant already has {count} app registration(s) named “{name}” (client ID {client_ids}). A new one is made beside it. To give an existing one a new secret instead, cancel and use “Renew the secret”.</translation>
        </message>
    </context>
    <context>
        <name>AppRegDialog</name>
        <message>
            <location filename="../../gui/dialogs/appreg.py" line="+61" />
            <source>Renew the client secret</source>
            <translation>Renew the client secret</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Create the app registration</source>
            <translation>Create the app registration</translation>
        </message>
        <message>
            <location line="+13" />
            <source>You sign in once, as an admin of the school's tenant (Global Administrator, or Privileged Role Administrator and Application Administrator). The tool then creates the app registration, its secret and the admin consent, and keeps the secret in this computer's keychain.</source>
            <translation>You sign in once, as an admin of the school's tenant (Global Administrator, or Privileged Role Administrator and Application Administrator). The tool then creates the app registration, its secret and the admin consent, and keeps the secret in this computer's keychain.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>You sign in once, as an admin. The tool adds a new secret to the app, checks that it works and keeps it in this computer's keychain.</source>
            <translation>You sign in once, as an admin. The tool adds a new secret to the app, checks that it works and keeps it in this computer's keychain.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>App name</source>
            <translation>App name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Also {role} (recommended)</source>
            <translation>Also {role} (recommended)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>App &amp;name:</source>
            <translation>App &amp;name:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Permissions:</source>
            <translation>Permissions:</translation>
        </message>
        <message>
            <location line="+9" />
            <source> years</source>
            <translation> years</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Secret &amp;valid for:</source>
            <translation>Secret &amp;valid for:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Then delete the old secret</source>
            <translation>Then delete the old secret</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sign-in client ID</source>
            <translation>Sign-in client ID</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The public client that signs you in. Leave it, or use your own client ID (a public client with http://localhost as redirect URI).</source>
            <translation>The public client that signs you in. Leave it, or use your own client ID (a public client with http://localhost as redirect URI).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sign-in &amp;client ID:</source>
            <translation>Sign-in &amp;client ID:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Sign in with Microsoft</source>
            <translation>&amp;Sign in with Microsoft</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+19" />
            <source>&amp;Copy for Skolon Data Hub</source>
            <translation>&amp;Copy for Skolon Data Hub</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save a calendar &amp;reminder…</source>
            <translation>Save a calendar &amp;reminder…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>C&amp;ontinue to the check</source>
            <translation>C&amp;ontinue to the check</translation>
        </message>
        <message>
            <location line="+22" />
            <source>No keychain</source>
            <translation>No keychain</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This computer has no keychain to keep the new secret in. Go on, and the secret can be copied once, on the last step, and never again? Or cancel: nothing is created.</source>
            <translation>This computer has no keychain to keep the new secret in. Go on, and the secret can be copied once, on the last step, and never again? Or cancel: nothing is created.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>the sign-in page</source>
            <translation>the sign-in page</translation>
        </message>
        <message>
            <location line="+1" />
            <source>If no browser window opened, open {link}.</source>
            <translation>If no browser window opened, open {link}.</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Client ID: {v}</source>
            <translation>Client ID: {v}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tenant ID: {v}</source>
            <translation>Tenant ID: {v}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This tenant's policy does not allow client secrets, so the app signs in with a certificate made on this computer.</source>
            <translation>This tenant's policy does not allow client secrets, so the app signs in with a certificate made on this computer.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The certificate expires on: {v}</source>
            <translation>The certificate expires on: {v}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The tenant's policy does not allow longer certificates.</source>
            <translation>The tenant's policy does not allow longer certificates.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Skolon Data Hub may accept only a client secret: ask Skolon whether it can use a certificate.</source>
            <translation>Skolon Data Hub may accept only a client secret: ask Skolon whether it can use a certificate.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The secret expires on: {v}</source>
            <translation>The secret expires on: {v}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The tenant's policy does not allow longer secrets.</source>
            <translation>The tenant's policy does not allow longer secrets.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The certificate's private key is kept in this computer's keychain.</source>
            <translation>The certificate's private key is kept in this computer's keychain.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The secret is kept in this computer's keychain.</source>
            <translation>The secret is kept in this computer's keychain.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Warning: this computer has no keychain. Copy the secret now (Copy for Skolon Data Hub): it cannot be shown again after this window closes.</source>
            <translation>Warning: this computer has no keychain. Copy the secret now (Copy for Skolon Data Hub): it cannot be shown again after this window closes.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Copied: paste it into Skolon Data Hub, then copy something else.</source>
            <translation>Copied: paste it into Skolon Data Hub, then copy something else.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save a calendar reminder</source>
            <translation>Save a calendar reminder</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calendar (*.ics)</source>
            <translation>Calendar (*.ics)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Reminder saved: {path}</source>
            <translation>Reminder saved: {path}</translation>
        </message>
        <message>
            <location line="-185" />
            <source>Copy the &amp;link</source>
            <translation>Copy the &amp;link</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <location line="+95" />
            <source>No web browser could be opened on this computer.</source>
            <translation>No web browser could be opened on this computer.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy the link below and open it in a web browser on this same computer, then sign in as an admin. The answer comes back to this program through http://localhost, so a browser on another device cannot finish the sign-in.</source>
            <translation>Copy the link below and open it in a web browser on this same computer, then sign in as an admin. The answer comes back to this program through http://localhost, so a browser on another device cannot finish the sign-in.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Link copied</source>
            <translation>Link copied</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
    </context>
    <context>
        <name>Attribute</name>
        <message>
            <location filename="../../gui/code_texts.py" line="-188" />
            <source>Object ID (as Entra Connect does, with guid-base64)</source>
            <translation>Object ID (as Entra Connect does, with guid-base64)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Employee ID</source>
            <translation>Employee ID</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail address</source>
            <translation>E-mail address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User principal name</source>
            <translation>User principal name</translation>
        </message>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+1" />
            <source>Object ID</source>
            <translation>Object ID</translation>
        </message>
    </context>
    <context>
        <name>BusyIndicator</name>
        <message>
            <location filename="../../gui/widgets/busy.py" line="+16" />
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
    </context>
    <context>
        <name>Check</name>
        <message>
            <location filename="../../gui/code_texts.py" line="-27" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign-in as the app</source>
            <translation>Sign-in as the app</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admin consent</source>
            <translation>Admin consent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reading users</source>
            <translation>Reading users</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Domains</source>
            <translation>Domains</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Secret expiry</source>
            <translation>Secret expiry</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admins known before writing</source>
            <translation>Admins known before writing</translation>
        </message>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+1" />
            <source>Microsoft Graph can read the users ({n} users).</source>
            <translation>Microsoft Graph can read the users ({n} users).</translation>
        </message>
    </context>
    <context>
        <name>CheckPage</name>
        <message>
            <location filename="../../gui/pages/check.py" line="+21" />
            <source>Check the connection</source>
            <translation>Check the connection</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signs in as the app and proves it may read and write users. Nothing is written.</source>
            <translation>Signs in as the app and proves it may read and write users. Nothing is written.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;Retry the checks</source>
            <translation>&amp;Retry the checks</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retry the checks</source>
            <translation>Retry the checks</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Undo an ear&amp;lier run…</source>
            <translation>Undo an ear&amp;lier run…</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Waiting…</source>
            <translation>Waiting…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Checking the connection with Microsoft…</source>
            <translation>Checking the connection with Microsoft…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The connection is not ready yet.</source>
            <translation>The connection is not ready yet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fix what the list above says, then press Retry. Back takes you to the connection details.</source>
            <translation>Fix what the list above says, then press Retry. Back takes you to the connection details.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Looking for an unfinished run…</source>
            <translation>Looking for an unfinished run…</translation>
        </message>
    </context>
    <context>
        <name>Cloud</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+6" />
            <source>Global (most tenants)</source>
            <translation>Global (most tenants)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>US Government (GCC High)</source>
            <translation>US Government (GCC High)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>US Government DoD</source>
            <translation>US Government DoD</translation>
        </message>
        <message>
            <location line="+1" />
            <source>China (21Vianet)</source>
            <translation>China (21Vianet)</translation>
        </message>
    </context>
    <context>
        <name>Code</name>
        <message>
            <location line="-336" />
            <source>The tenant is missing.</source>
            <translation>The tenant is missing.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>'common', 'organizations' and 'consumers' are not a tenant.</source>
            <translation>'common', 'organizations' and 'consumers' are not a tenant.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This looks like a web address, not a tenant ID or domain.</source>
            <translation>This looks like a web address, not a tenant ID or domain.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This looks like an e-mail address.</source>
            <translation>This looks like an e-mail address.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+13" />
            <source>This looks like a client secret.</source>
            <translation>This looks like a client secret.</translation>
        </message>
        <message>
            <location line="-12" />
            <source>This is neither a tenant ID (GUID) nor a domain name.</source>
            <translation>This is neither a tenant ID (GUID) nor a domain name.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The connection's name is empty.</source>
            <translation>The connection's name is empty.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The name holds a line break or another invisible character: type it on one line.</source>
            <translation>The name holds a line break or another invisible character: type it on one line.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The name cannot hold / \ : * ? " &lt; &gt; | or a %…% pair: they cannot be part of a file or task name.</source>
            <translation>The name cannot hold / \ : * ? " &lt; &gt; | or a %…% pair: they cannot be part of a file or task name.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The name cannot start or end with a space or a dot, or start with a dash.</source>
            <translation>The name cannot start or end with a space or a dot, or start with a dash.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Windows reserves this name for a device (CON, NUL, COM1 …): choose another.</source>
            <translation>Windows reserves this name for a device (CON, NUL, COM1 …): choose another.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The name is too long: use at most 64 characters.</source>
            <translation>The name is too long: use at most 64 characters.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The application (client) ID is missing.</source>
            <translation>The application (client) ID is missing.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This looks like a web address.</source>
            <translation>This looks like a web address.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The application (client) ID is not a GUID.</source>
            <translation>The application (client) ID is not a GUID.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This is the same as the tenant ID.</source>
            <translation>This is the same as the tenant ID.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown cloud.</source>
            <translation>Unknown cloud.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The address must start with https://.</source>
            <translation>The address must start with https://.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The address is not a valid https URL.</source>
            <translation>The address is not a valid https URL.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The CA bundle file does not exist.</source>
            <translation>The CA bundle file does not exist.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file does not exist.</source>
            <translation>The profile file does not exist.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file cannot be read.</source>
            <translation>The profile file cannot be read.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file is empty.</source>
            <translation>The profile file is empty.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file is not valid JSON.</source>
            <translation>The profile file is not valid JSON.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file is not valid JSON: it ends too early, so it may be cut short.</source>
            <translation>The profile file is not valid JSON: it ends too early, so it may be cut short.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file does not hold one JSON object.</source>
            <translation>The profile file does not hold one JSON object.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file lacks a required field.</source>
            <translation>The profile file lacks a required field.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A value in the profile file is not text.</source>
            <translation>A value in the profile file is not text.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile's expiry date is not a date.</source>
            <translation>The profile's expiry date is not a date.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The connection details are not valid.</source>
            <translation>The connection details are not valid.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The client secret is missing.</source>
            <translation>The client secret is missing.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This looks like the secret's ID (a GUID), not its Value.</source>
            <translation>This looks like the secret's ID (a GUID), not its Value.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This computer has no usable keychain, so the secret is kept only until you close the program.</source>
            <translation>This computer has no usable keychain, so the secret is kept only until you close the program.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The keychain failed, so the secret is kept only until you close the program.</source>
            <translation>The keychain failed, so the secret is kept only until you close the program.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No client secret was found.</source>
            <translation>No client secret was found.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft does not know this tenant.</source>
            <translation>Microsoft does not know this tenant.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The application was not found in this tenant.</source>
            <translation>The application was not found in this tenant.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The client secret was refused.</source>
            <translation>The client secret was refused.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The client secret has expired.</source>
            <translation>The client secret has expired.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No client secret was sent.</source>
            <translation>No client secret was sent.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The application is disabled.</source>
            <translation>The application is disabled.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This computer's TLS version is too old for Microsoft's login service.</source>
            <translation>This computer's TLS version is too old for Microsoft's login service.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph was not found for this tenant.</source>
            <translation>Microsoft Graph was not found for this tenant.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A Conditional Access policy blocked the sign-in.</source>
            <translation>A Conditional Access policy blocked the sign-in.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The server's certificate is not trusted.</source>
            <translation>The server's certificate is not trusted.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No answer from the server.</source>
            <translation>No answer from the server.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft's login service answered with an error.</source>
            <translation>Microsoft's login service answered with an error.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign-in failed.</source>
            <translation>Sign-in failed.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant found.</source>
            <translation>Tenant found.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credentials accepted.</source>
            <translation>Credentials accepted.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admin consent granted.</source>
            <translation>Admin consent granted.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admin consent for User.ReadWrite.All is missing.</source>
            <translation>Admin consent for User.ReadWrite.All is missing.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph can read the users.</source>
            <translation>Microsoft Graph can read the users.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph refused to list the users.</source>
            <translation>Microsoft Graph refused to list the users.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph answered with an error.</source>
            <translation>Microsoft Graph answered with an error.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The connection dropped before Microsoft answered.</source>
            <translation>The connection dropped before Microsoft answered.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph pointed to another host; nothing was sent there.</source>
            <translation>Microsoft Graph pointed to another host; nothing was sent there.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No domain is federated.</source>
            <translation>No domain is federated.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Some domains are federated.</source>
            <translation>Some domains are federated.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not known (the app may not read domains).</source>
            <translation>Not known (the app may not read domains).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not known (optional permission not granted).</source>
            <translation>Not known (optional permission not granted).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The secret is valid for more than 30 days.</source>
            <translation>The secret is valid for more than 30 days.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The secret expires within 30 days.</source>
            <translation>The secret expires within 30 days.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The secret's expiry date has passed.</source>
            <translation>The secret's expiry date has passed.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not known.</source>
            <translation>Not known.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Skipped: an earlier step failed.</source>
            <translation>Skipped: an earlier step failed.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled.</source>
            <translation>Cancelled.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft refused every write for a long time, so the run stopped.</source>
            <translation>Microsoft refused every write for a long time, so the run stopped.</translation>
        </message>
        <message>
            <location line="+509" />
            <source>Entra refused the certificate: the app has no such certificate, it has expired, or the private key does not belong to it.</source>
            <translation>Entra refused the certificate: the app has no such certificate, it has expired, or the private key does not belong to it.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Entra refused the sign-in because this computer's clock is wrong.</source>
            <translation>Entra refused the sign-in because this computer's clock is wrong.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No private key for the connection's certificate is in this computer's keychain.</source>
            <translation>No private key for the connection's certificate is in this computer's keychain.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No private key for the connection's certificate is stored in this computer's keychain.</source>
            <translation>No private key for the connection's certificate is stored in this computer's keychain.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The certificate is valid for more than 30 days.</source>
            <translation>The certificate is valid for more than 30 days.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The certificate expires within 30 days.</source>
            <translation>The certificate expires within 30 days.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The certificate's expiry date has passed.</source>
            <translation>The certificate's expiry date has passed.</translation>
        </message>
        <message>
            <location line="-527" />
            <source>Yes: the preview marks them, and leaves them out.</source>
            <translation>Yes: the preview marks them, and leaves them out.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Yes, except members of groups the app cannot read.</source>
            <translation>Yes, except members of groups the app cannot read.</translation>
        </message>
    </context>
    <context>
        <name>Column</name>
        <message>
            <location line="+244" />
            <source>Display name</source>
            <translation>Display name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User principal name</source>
            <translation>User principal name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current ImmutableId</source>
            <translation>Current ImmutableId</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New ImmutableId</source>
            <translation>New ImmutableId</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Detail</source>
            <translation>Detail</translation>
        </message>
    </context>
    <context>
        <name>ConfirmPage</name>
        <message>
            <location filename="../../gui/pages/confirm.py" line="+19" />
            <source>Confirm</source>
            <translation>Confirm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read this, then confirm. This is the last step before writing.</source>
            <translation>Read this, then confirm. This is the last step before writing.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What will happen</source>
            <translation>What will happen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Warnings</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <location line="+4" />
            <source>What will be written</source>
            <translation>What will be written</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Dry run: go through every user but write nothing</source>
            <translation>&amp;Dry run: go through every user but write nothing</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Confirmation</source>
            <translation>Confirmation</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Reading the failed users again from the tenant…</source>
            <translation>Reading the failed users again from the tenant…</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs/undo.py" line="+164" />
            <location filename="../../gui/pages/confirm.py" line="+22" />
            <source>To confirm, type the tenant ID &lt;b&gt;{token}&lt;/b&gt; or the tenant's domain, e.g. &lt;b&gt;{domain}&lt;/b&gt;</source>
            <translation>To confirm, type the tenant ID &lt;b&gt;{token}&lt;/b&gt; or the tenant's domain, e.g. &lt;b&gt;{domain}&lt;/b&gt;</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../gui/pages/confirm.py" line="+3" />
            <source>To confirm, type the tenant exactly as below: &lt;b&gt;{token}&lt;/b&gt;</source>
            <translation>To confirm, type the tenant exactly as below: &lt;b&gt;{token}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../gui/pages/confirm.py" line="+43" />
            <source>The unfinished run used the UPN swap. Users it had begun are finished either way; tick the UPN swap below to set the rest of them too.</source>
            <translation>The unfinished run used the UPN swap. Users it had begun are finished either way; tick the UPN swap below to set the rest of them too.</translation>
        </message>
        <message>
            <location line="-86" />
            <source>Start the &amp;dry run</source>
            <translation>Start the &amp;dry run</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Start writing</source>
            <translation>&amp;Start writing</translation>
        </message>
    </context>
    <context>
        <name>ConnectionPage</name>
        <message>
            <location filename="../../gui/pages/connection.py" line="+49" />
            <source>Connection</source>
            <translation>Connection</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The school's tenant and the app registration the tool signs in as.</source>
            <translation>The school's tenant and the app registration the tool signs in as.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Saved connection</source>
            <translation>Saved connection</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Forget this connection</source>
            <translation>&amp;Forget this connection</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Saved connection:</source>
            <translation>&amp;Saved connection:</translation>
        </message>
        <message>
            <location line="+20" />
            <source>e.g. Example School</source>
            <translation>e.g. Example School</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Connection name</source>
            <translation>Connection name</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Name (o&amp;ptional):</source>
            <translation>Name (o&amp;ptional):</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Directory (tenant) ID, or the school's domain</source>
            <translation>Directory (tenant) ID, or the school's domain</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Tenant:</source>
            <translation>&amp;Tenant:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Application (client) ID</source>
            <translation>Application (client) ID</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Client ID:</source>
            <translation>&amp;Client ID:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Client ID</source>
            <translation>Client ID</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+158" />
            <source>The client secret's Value (not its Secret ID)</source>
            <translation>The client secret's Value (not its Secret ID)</translation>
        </message>
        <message>
            <location line="-157" />
            <source>Client s&amp;ecret:</source>
            <translation>Client s&amp;ecret:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client secret</source>
            <translation>Client secret</translation>
        </message>
        <message>
            <location line="+2" />
            <source>S&amp;how the secret</source>
            <translation>S&amp;how the secret</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Remember the secret in this computer's keychain</source>
            <translation>&amp;Remember the secret in this computer's keychain</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The secret e&amp;xpires on:</source>
            <translation>The secret e&amp;xpires on:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Secret expiry date</source>
            <translation>Secret expiry date</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Optional:</source>
            <translation>Optional:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Ad&amp;vanced</source>
            <translation>Ad&amp;vanced</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Cloud</source>
            <translation>Cloud</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;loud:</source>
            <translation>C&amp;loud:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Login URL:</source>
            <translation>Login URL:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Login URL</source>
            <translation>Login URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Graph URL:</source>
            <translation>Graph URL:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Graph URL</source>
            <translation>Graph URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CA bundle:</source>
            <translation>CA bundle:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>CA bundle file</source>
            <translation>CA bundle file</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only for a test tenant; leave empty</source>
            <translation>Only for a test tenant; leave empty</translation>
        </message>
        <message>
            <location line="+40" />
            <source>New connection</source>
            <translation>New connection</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Reading the secret from the keychain…</source>
            <translation>Reading the secret from the keychain…</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Signs in with a certificate (thumbprint {v}); its private key is in the keychain</source>
            <translation>Signs in with a certificate (thumbprint {v}); its private key is in the keychain</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+129" />
            <source>Removing the secret from the keychain…</source>
            <translation>Removing the secret from the keychain…</translation>
        </message>
        <message>
            <location line="-47" />
            <source>A connection called “{name}” is already saved (tenant {tenant}, app {app}). Replace it?</source>
            <translation>A connection called “{name}” is already saved (tenant {tenant}, app {app}). Replace it?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>It is scheduled: the scheduled sync will use what you save now.</source>
            <translation>It is scheduled: the scheduled sync will use what you save now.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Replace the saved connection?</source>
            <translation>Replace the saved connection?</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Saving the secret in the keychain… (it may be asking for your permission)</source>
            <translation>Saving the secret in the keychain… (it may be asking for your permission)</translation>
        </message>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+1" />
            <source>Calendar (*.ics)</source>
            <translation>Calendar (*.ics)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create it for &amp;me…</source>
            <translation>Create it for &amp;me…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the tenant, then sign in once as an admin: the tool creates the app registration</source>
            <translation>Enter the tenant, then sign in once as an admin: the tool creates the app registration</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expiry remin&amp;der…</source>
            <translation>Expiry remin&amp;der…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rene&amp;w the secret…</source>
            <translation>Rene&amp;w the secret…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save a calendar reminder</source>
            <translation>Save a calendar reminder</translation>
        </message>
    </context>
    <context>
        <name>CsvError</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+44" />
            <source>The file does not exist.</source>
            <translation>The file does not exist.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file cannot be read.</source>
            <translation>The file cannot be read.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file is empty.</source>
            <translation>The file is empty.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This is an Excel workbook. Save it as CSV (File → Save as → CSV UTF-8) and choose that file.</source>
            <translation>This is an Excel workbook. Save it as CSV (File → Save as → CSV UTF-8) and choose that file.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This is not a text file.</source>
            <translation>This is not a text file.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file's text encoding is not recognised. Save it as CSV UTF-8.</source>
            <translation>The file's text encoding is not recognised. Save it as CSV UTF-8.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file has no header row with column names.</source>
            <translation>The file has no header row with column names.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A column has no name in the header row.</source>
            <translation>A column has no name in the header row.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file has a header but no rows. Export the list again with one row per person.</source>
            <translation>The file has a header but no rows. Export the list again with one row per person.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Two columns have this name. Rename one of them in the file.</source>
            <translation>Two columns have this name. Rename one of them in the file.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A row has more fields than the header.</source>
            <translation>A row has more fields than the header.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A row has fewer fields than the header.</source>
            <translation>A row has fewer fields than the header.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file is not valid CSV (check the quotes).</source>
            <translation>The file is not valid CSV (check the quotes).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The column does not exist.</source>
            <translation>The column does not exist.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The key column and the value column must differ.</source>
            <translation>The key column and the value column must differ.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file changed after it was read. Choose it again.</source>
            <translation>The file changed after it was read. Choose it again.</translation>
        </message>
    </context>
    <context>
        <name>Detail</name>
        <message>
            <location line="-154" />
            <source>Not allowed: the user probably holds an admin role. Set it by hand as a Privileged Authentication Administrator.</source>
            <translation>Not allowed: the user probably holds an admin role. Set it by hand as a Privileged Authentication Administrator.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Another user already has this value.</source>
            <translation>Another user already has this value.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft rejected the value.</source>
            <translation>Microsoft rejected the value.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+62" />
            <source>The user no longer exists.</source>
            <translation>The user no longer exists.</translation>
        </message>
        <message>
            <location line="-56" />
            <source>The value is empty.</source>
            <translation>The value is empty.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value contains a character that is not allowed.</source>
            <translation>The value contains a character that is not allowed.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value contains a space.</source>
            <translation>The value contains a space.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value contains a control character.</source>
            <translation>The value contains a control character.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value is too long (under 60, special characters count 3).</source>
            <translation>The value is too long (under 60, special characters count 3).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value is longer than 64 characters.</source>
            <translation>The value is longer than 64 characters.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value is not a GUID, so guid-base64 cannot use it.</source>
            <translation>The value is not a GUID, so guid-base64 cannot use it.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No row in the file for this user.</source>
            <translation>No row in the file for this user.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file's row for this user has an empty value (line).</source>
            <translation>The file's row for this user has an empty value (line).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file has several rows with different values for this user (lines).</source>
            <translation>The file has several rows with different values for this user (lines).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The chosen attribute is empty for this user.</source>
            <translation>The chosen attribute is empty for this user.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The user has no value to match the file's key column with.</source>
            <translation>The user has no value to match the file's key column with.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Synced from on-premises AD.</source>
            <translation>Synced from on-premises AD.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Holds {roles}: a Privileged Authentication Administrator must set it, by hand.</source>
            <translation>Holds {roles}: a Privileged Authentication Administrator must set it, by hand.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Domain federated; the UPN swap cannot be used: its temporary UPN {alias} would also be {others}'s.</source>
            <translation>Domain federated; the UPN swap cannot be used: its temporary UPN {alias} would also be {others}'s.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Moved back from the temporary UPN {temp} to its own; the value was left as it was.</source>
            <translation>Moved back from the temporary UPN {temp} to its own; the value was left as it was.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Would be moved back from its temporary UPN to its own (dry run).</source>
            <translation>Would be moved back from its temporary UPN to its own (dry run).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Domain federated; the UPN swap cannot be used: {alias} is another user's UPN.</source>
            <translation>Domain federated; the UPN swap cannot be used: {alias} is another user's UPN.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Same value as {others}.</source>
            <translation>Same value as {others}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Written by the interrupted run (resumed).</source>
            <translation>Written by the interrupted run (resumed).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Confirmed by reading the user again.</source>
            <translation>Confirmed by reading the user again.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Got an ImmutableId after the preview; left alone.</source>
            <translation>Got an ImmutableId after the preview; left alone.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled before this user.</source>
            <translation>Cancelled before this user.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The run stopped before this user.</source>
            <translation>The run stopped before this user.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The run stopped: sign-in failed ({code}).</source>
            <translation>The run stopped: sign-in failed ({code}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The run stopped: the current values could not be read.</source>
            <translation>The run stopped: the current values could not be read.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The run stopped: Microsoft Graph answered with an error.</source>
            <translation>The run stopped: Microsoft Graph answered with an error.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The run stopped because of an internal error (see the log).</source>
            <translation>The run stopped because of an internal error (see the log).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The run stopped: Microsoft refused every write for {minutes} minutes. Run again later.</source>
            <translation>The run stopped: Microsoft refused every write for {minutes} minutes. Run again later.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The current value could not be read again; run again to finish.</source>
            <translation>The current value could not be read again; run again to finish.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>It is not known whether the write arrived; run again to finish.</source>
            <translation>It is not known whether the write arrived; run again to finish.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Now holds {found}, not the value the run wrote; left alone.</source>
            <translation>Now holds {found}, not the value the run wrote; left alone.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already empty: someone cleared it after the run; left alone.</source>
            <translation>Already empty: someone cleared it after the run; left alone.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The clear could not be confirmed; run the undo again to finish.</source>
            <translation>The clear could not be confirmed; run the undo again to finish.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The domain is federated, so Microsoft refuses to clear the value. Undo again with the UPN swap to clear it.</source>
            <translation>The domain is federated, so Microsoft refuses to clear the value. Undo again with the UPN swap to clear it.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Stopped between the two steps of the UPN swap: the UPN is still {temp}. Run again; this user is finished first.</source>
            <translation>Stopped between the two steps of the UPN swap: the UPN is still {temp}. Run again; this user is finished first.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Would be set with the UPN swap.</source>
            <translation>Would be set with the UPN swap.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared with the UPN swap.</source>
            <translation>Cleared with the UPN swap.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already cleared by an earlier undo of this run.</source>
            <translation>Already cleared by an earlier undo of this run.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Will be cleared with the UPN swap (its domain is federated).</source>
            <translation>Will be cleared with the UPN swap (its domain is federated).</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Set with the UPN swap.</source>
            <translation>Set with the UPN swap.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft refused to move the UPN for the swap, so nothing was changed: {message} ({code})</source>
            <translation>Microsoft refused to move the UPN for the swap, so nothing was changed: {message} ({code})</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The UPN swap's second step failed; the UPN was put back.</source>
            <translation>The UPN swap's second step failed; the UPN was put back.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The UPN could not be put back: it is still {upn}. Change it back by hand.</source>
            <translation>The UPN could not be put back: it is still {upn}. Change it back by hand.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The UPN changed since the preview; preview again.</source>
            <translation>The UPN changed since the preview; preview again.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The tenant's .onmicrosoft.com domain could not be read.</source>
            <translation>The tenant's .onmicrosoft.com domain could not be read.</translation>
        </message>
        <message>
            <location line="-72" />
            <source>Synced from on-premises AD: set the source anchor there.</source>
            <translation>Synced from on-premises AD: set the source anchor there.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The user's domain is federated.</source>
            <translation>The user's domain is federated.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Microsoft kept throttling this write; run again later.</source>
            <translation>Microsoft kept throttling this write; run again later.</translation>
        </message>
        <message>
            <location line="-1" />
            <source>The connection failed repeatedly; run again to finish.</source>
            <translation>The connection failed repeatedly; run again to finish.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Tick “Include guests” to include.</source>
            <translation>Tick “Include guests” to include.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tick “Include disabled accounts” to include.</source>
            <translation>Tick “Include disabled accounts” to include.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already held by {value}.</source>
            <translation>Already held by {value}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Domain {value}.</source>
            <translation>Domain {value}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Domain {value} is federated.</source>
            <translation>Domain {value} is federated.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Domain {value} is federated: tick the UPN swap on the Confirm page to set it.</source>
            <translation>Domain {value} is federated: tick the UPN swap on the Confirm page to set it.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>On the temporary UPN {temp} left by an interrupted UPN swap (its own UPN: {original}). Tick the UPN swap (on the Confirm page, or in the undo) to move it back.</source>
            <translation>On the temporary UPN {temp} left by an interrupted UPN swap (its own UPN: {original}). Tick the UPN swap (on the Confirm page, or in the undo) to move it back.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Someone else set {found} after this run wrote {wrote}.</source>
            <translation>Someone else set {found} after this run wrote {wrote}.</translation>
        </message>
    </context>
    <context>
        <name>Domain</name>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+1" />
            <source>{domain} — {n} users</source>
            <translation>{domain} — {n} users</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} — {n} users (federated)</source>
            <translation>{domain} — {n} users (federated)</translation>
        </message>
    </context>
    <context>
        <name>ErrorPanel</name>
        <message>
            <location filename="../../gui/widgets/error_panel.py" line="+37" />
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
    </context>
    <context>
        <name>FederateDialog</name>
        <message>
            <location filename="../../gui/dialogs/federate.py" line="+65" />
            <source>Federate the domain with Skolon</source>
            <translation>Federate the domain with Skolon</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Last step: pupils and staff in the domain then sign in with Skolon. The tool checks first, asks you to type the domain, signs you in once as an admin, and checks after that Microsoft's sign-in page sends the domain's users to Skolon.</source>
            <translation>Last step: pupils and staff in the domain then sign in with Skolon. The tool checks first, asks you to type the domain, signs you in once as an admin, and checks after that Microsoft's sign-in page sends the domain's users to Skolon.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>a file, or its https address</source>
            <translation>a file, or its https address</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Accept MFA done at Skolon</source>
            <translation>Accept MFA done at Skolon</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Always ask for MFA in Microsoft</source>
            <translation>Always ask for MFA in Microsoft</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ignore MFA done at Skolon</source>
            <translation>Ignore MFA done at Skolon</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Domain:</source>
            <translation>&amp;Domain:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Browse…</source>
            <translation>&amp;Browse…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Skolon's me&amp;tadata:</source>
            <translation>Skolon's me&amp;tadata:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;MFA:</source>
            <translation>&amp;MFA:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Check readiness</source>
            <translation>&amp;Check readiness</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What to do</source>
            <translation>What to do</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Type the domain to confirm</source>
            <translation>Type the domain to confirm</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+99" />
            <source>Sign in and &amp;federate</source>
            <translation>Sign in and &amp;federate</translation>
        </message>
        <message>
            <location line="-65" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Skolon's metadata</source>
            <translation>Skolon's metadata</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SAML metadata (*.xml);;All files (*)</source>
            <translation>SAML metadata (*.xml);;All files (*)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Give the domain (e.g. school.example) and Skolon's metadata.</source>
            <translation>Give the domain (e.g. school.example) and Skolon's metadata.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Ready: {domain} can be federated with Skolon.</source>
            <translation>Ready: {domain} can be federated with Skolon.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not ready: do what the table says, then check again. Nothing was changed.</source>
            <translation>Not ready: do what the table says, then check again. Nothing was changed.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Warning</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Not ready</source>
            <translation>Not ready</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Could not tell</source>
            <translation>Could not tell</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Skipped</source>
            <translation>Skipped</translation>
        </message>
        <message>
            <location line="+14" />
            <source>After this, every user in {domain} signs in with Skolon only. Type the domain ({domain}) to go ahead:</source>
            <translation>After this, every user in {domain} signs in with Skolon only. Type the domain ({domain}) to go ahead:</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Sign in as an admin in the browser that opened (an account outside {domain}).</source>
            <translation>Sign in as an admin in the browser that opened (an account outside {domain}).</translation>
        </message>
        <message>
            <location line="+17" />
            <source>If no browser window opened, open {link}.</source>
            <translation>If no browser window opened, open {link}.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Federated in Entra. Waiting for Microsoft's sign-in page to send {domain} to Skolon (it says: {seen}). This can take up to two hours.</source>
            <translation>Federated in Entra. Waiting for Microsoft's sign-in page to send {domain} to Skolon (it says: {seen}). This can take up to two hours.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Waiting for the admin sign-in in the browser…</source>
            <translation>Waiting for the admin sign-in in the browser…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reading the domain's federation…</source>
            <translation>Reading the domain's federation…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waiting for Microsoft's sign-in page…</source>
            <translation>Waiting for Microsoft's sign-in page…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Checking again…</source>
            <translation>Checking again…</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Done: {domain} is federated with Skolon, and Microsoft's sign-in page sends its users to Skolon. Test with one pupil's account first.</source>
            <translation>Done: {domain} is federated with Skolon, and Microsoft's sign-in page sends its users to Skolon. Test with one pupil's account first.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{domain} is federated in Entra, but Microsoft's sign-in page has not followed yet. Microsoft allows up to two hours: open this step again later to check; nothing is changed twice.</source>
            <translation>{domain} is federated in Entra, but Microsoft's sign-in page has not followed yet. Microsoft allows up to two hours: open this step again later to check; nothing is changed twice.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stopped while waiting. The change in Entra stays; open this step again to check.</source>
            <translation>Stopped while waiting. The change in Entra stays; open this step again to check.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not done: {domain} was not federated as sent. See the report in the run folder.</source>
            <translation>Not done: {domain} was not federated as sent. See the report in the run folder.</translation>
        </message>
        <message>
            <location line="-13" />
            <location line="+17" />
            <source>Run folder: {path}</source>
            <translation>Run folder: {path}</translation>
        </message>
        <message>
            <location line="-192" />
            <source>Make it managed &amp;again…</source>
            <translation>Make it managed &amp;again…</translation>
        </message>
        <message>
            <location line="+107" />
            <source>Sign in and make mana&amp;ged</source>
            <translation>Sign in and make mana&amp;ged</translation>
        </message>
        <message>
            <location line="+69" />
            <location line="+17" />
            <location line="+37" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="-28" />
            <source>✓ Entra: {domain} is federated with {issuer}.</source>
            <translation>✓ Entra: {domain} is federated with {issuer}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✓ Read back: every field is as sent (issuer, sign-in URL, signing certificate, SAML).</source>
            <translation>✓ Read back: every field is as sent (issuer, sign-in URL, signing certificate, SAML).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✗ Read back: differs in {fields}.</source>
            <translation>✗ Read back: differs in {fields}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>✓ Microsoft's sign-in page sends {domain}'s users to {url}.</source>
            <translation>✓ Microsoft's sign-in page sends {domain}'s users to {url}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>… Microsoft's sign-in page still says Managed.</source>
            <translation>… Microsoft's sign-in page still says Managed.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{upn} may not federate domains: sign in as a Domain Name Administrator or Global Administrator. Nothing was changed.</source>
            <translation>{upn} may not federate domains: sign in as a Domain Name Administrator or Global Administrator. Nothing was changed.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This account</source>
            <translation>This account</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not ready any more (checked again after the sign-in). Nothing was changed.</source>
            <translation>Not ready any more (checked again after the sign-in). Nothing was changed.</translation>
        </message>
    </context>
    <context>
        <name>FederateUndo</name>
        <message>
            <location filename="../../gui/dialogs/federate_undo.py" line="+15" />
            <source>{domain} is already federated with Skolon. To go back, make it managed again: its users then sign in with a Microsoft password.</source>
            <translation>{domain} is already federated with Skolon. To go back, make it managed again: its users then sign in with a Microsoft password.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>After this, {domain} is managed again and its users sign in with a password kept by Microsoft, not with Skolon. Users created while the domain was federated have no password, and older passwords may be out of date: set or reset them, or turn on self-service password reset, before they need to sign in. Microsoft's sign-in page can take up to two hours to follow. Type the domain ({domain}) to go ahead:</source>
            <translation>After this, {domain} is managed again and its users sign in with a password kept by Microsoft, not with Skolon. Users created while the domain was federated have no password, and older passwords may be out of date: set or reset them, or turn on self-service password reset, before they need to sign in. Microsoft's sign-in page can take up to two hours to follow. Type the domain ({domain}) to go ahead:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Managed in Entra. Waiting for Microsoft's sign-in page to ask {domain}'s users for their Microsoft password again (it says: {seen}). This can take up to two hours.</source>
            <translation>Managed in Entra. Waiting for Microsoft's sign-in page to ask {domain}'s users for their Microsoft password again (it says: {seen}). This can take up to two hours.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Done: {domain} is managed again, and Microsoft's sign-in page asks its users for their Microsoft password. Make sure each user has one (or self-service password reset) before they sign in.</source>
            <translation>Done: {domain} is managed again, and Microsoft's sign-in page asks its users for their Microsoft password. Make sure each user has one (or self-service password reset) before they sign in.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{domain} is managed in Entra, but Microsoft's sign-in page still sends its users to Skolon. Microsoft allows up to two hours: open this step again later to check; nothing is changed twice.</source>
            <translation>{domain} is managed in Entra, but Microsoft's sign-in page still sends its users to Skolon. Microsoft allows up to two hours: open this step again later to check; nothing is changed twice.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Stopped while waiting. The change in Entra stays; open this step again to check.</source>
            <translation>Stopped while waiting. The change in Entra stays; open this step again to check.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not done: {domain} is still federated. See the report in the run folder.</source>
            <translation>Not done: {domain} is still federated. See the report in the run folder.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>✓ Entra: the federation of {domain} was removed.</source>
            <translation>✓ Entra: the federation of {domain} was removed.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✓ Entra: {domain} was already managed.</source>
            <translation>✓ Entra: {domain} was already managed.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✓ Read back: {domain} has no federation any more.</source>
            <translation>✓ Read back: {domain} has no federation any more.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✗ Read back: {domain} is still federated.</source>
            <translation>✗ Read back: {domain} is still federated.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✓ Microsoft's sign-in page asks {domain}'s users for their password.</source>
            <translation>✓ Microsoft's sign-in page asks {domain}'s users for their password.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>… Microsoft's sign-in page still says Federated.</source>
            <translation>… Microsoft's sign-in page still says Federated.</translation>
        </message>
    </context>
    <context>
        <name>Hint</name>
        <message>
            <location filename="../../gui/code_texts.py" line="-206" />
            <source>Enter the Directory (tenant) ID from the app registration's Overview page, or the tenant's domain (e.g. school.onmicrosoft.com).</source>
            <translation>Enter the Directory (tenant) ID from the app registration's Overview page, or the tenant's domain (e.g. school.onmicrosoft.com).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enter your own Directory (tenant) ID or domain.</source>
            <translation>Enter your own Directory (tenant) ID or domain.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy only the Directory (tenant) ID (a GUID), not the whole address.</source>
            <translation>Copy only the Directory (tenant) ID (a GUID), not the whole address.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the part after @ (the domain), or the Directory (tenant) ID.</source>
            <translation>Enter the part after @ (the domain), or the Directory (tenant) ID.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paste the secret into the secret field, and the Directory (tenant) ID here.</source>
            <translation>Paste the secret into the secret field, and the Directory (tenant) ID here.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Use the Directory (tenant) ID (a GUID like 1b2c3d4e-…) or a domain name.</source>
            <translation>Use the Directory (tenant) ID (a GUID like 1b2c3d4e-…) or a domain name.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the Application (client) ID from the app registration's Overview page.</source>
            <translation>Enter the Application (client) ID from the app registration's Overview page.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy only the Application (client) ID (a GUID), not the whole address.</source>
            <translation>Copy only the Application (client) ID (a GUID), not the whole address.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paste the secret into the secret field, and the Application (client) ID here.</source>
            <translation>Paste the secret into the secret field, and the Application (client) ID here.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The Application (client) ID is a GUID like 1b2c3d4e-0000-1111-2222-333344445555.</source>
            <translation>The Application (client) ID is a GUID like 1b2c3d4e-0000-1111-2222-333344445555.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy the Application (client) ID, not the Directory (tenant) ID, from the Overview page.</source>
            <translation>Copy the Application (client) ID, not the Directory (tenant) ID, from the Overview page.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Use an https:// address.</source>
            <translation>Use an https:// address.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use an address like https://login.example.test (no query or fragment).</source>
            <translation>Use an address like https://login.example.test (no query or fragment).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the path to the CA bundle (a PEM file).</source>
            <translation>Check the path to the CA bundle (a PEM file).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy the Value column under Certificates &amp; secrets, not the Secret ID.</source>
            <translation>Copy the Value column under Certificates &amp; secrets, not the Secret ID.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You can go on; you will be asked for the secret again next time.</source>
            <translation>You can go on; you will be asked for the secret again next time.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unlock the keychain and try again, or go on for this session.</source>
            <translation>Unlock the keychain and try again, or go on for this session.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the Directory (tenant) ID. Is the tenant in another cloud (US Gov, China)? Choose it under Advanced.</source>
            <translation>Check the Directory (tenant) ID. Is the tenant in another cloud (US Gov, China)? Choose it under Advanced.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Check the Application (client) ID. Was the app registered in another tenant?</source>
            <translation>Check the Application (client) ID. Was the app registered in another tenant?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You probably pasted the secret's ID, not its Value: copy the Value column from Certificates &amp; secrets (it is shown only right after the secret is created; otherwise create a new secret).</source>
            <translation>You probably pasted the secret's ID, not its Value: copy the Value column from Certificates &amp; secrets (it is shown only right after the secret is created; otherwise create a new secret).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Create a new client secret under Certificates &amp; secrets and enter it on the Connection page.</source>
            <translation>Create a new client secret under Certificates &amp; secrets and enter it on the Connection page.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enter the client secret's Value on the Connection page.</source>
            <translation>Enter the client secret's Value on the Connection page.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enable the application (Enterprise applications → Properties → Enabled for users to sign in).</source>
            <translation>Enable the application (Enterprise applications → Properties → Enabled for users to sign in).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Update the operating system; Microsoft requires TLS 1.2 or newer.</source>
            <translation>Update the operating system; Microsoft requires TLS 1.2 or newer.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the cloud under Advanced: the tenant may be in US Gov or China.</source>
            <translation>Check the cloud under Advanced: the tenant may be in US Gov or China.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the admin to exclude this application from the Conditional Access policy.</source>
            <translation>Ask the admin to exclude this application from the Conditional Access policy.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A proxy may be inspecting TLS: install its CA certificate, or give the right CA bundle under Advanced.</source>
            <translation>A proxy may be inspecting TLS: install its CA certificate, or give the right CA bundle under Advanced.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Check the internet connection and proxy settings, then press Retry.</source>
            <translation>Check the internet connection and proxy settings, then press Retry.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft's service had a problem; try again in a few minutes.</source>
            <translation>Microsoft's service had a problem; try again in a few minutes.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>See Microsoft's error text; search for its AADSTS number.</source>
            <translation>See Microsoft's error text; search for its AADSTS number.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In the Azure portal: App registrations → your app → API permissions → Add a permission → Microsoft Graph → Application permissions → User.ReadWrite.All, then click “Grant admin consent for &amp;lt;your organisation&amp;gt;”. Then press Retry.</source>
            <translation>In the Azure portal: App registrations → your app → API permissions → Add a permission → Microsoft Graph → Application permissions → User.ReadWrite.All, then click “Grant admin consent for &amp;lt;your organisation&amp;gt;”. Then press Retry.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Grant admin consent for User.ReadWrite.All (application permission), then press Retry.</source>
            <translation>Grant admin consent for User.ReadWrite.All (application permission), then press Retry.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Try again later if it persists.</source>
            <translation>Try again later if it persists.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The current value is read again before any retry.</source>
            <translation>The current value is read again before any retry.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users in federated domains cannot get a new ImmutableId directly. Set ImmutableIds first, then federate the domain; or choose the UPN swap on the Confirm page.</source>
            <translation>Users in federated domains cannot get a new ImmutableId directly. Set ImmutableIds first, then federate the domain; or choose the UPN swap on the Confirm page.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Optional: grant RoleManagement.Read.Directory so that admins are shown in the preview instead of failing when written.</source>
            <translation>Optional: grant RoleManagement.Read.Directory so that admins are shown in the preview instead of failing when written.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Optional: grant GroupMember.Read.All so that members of role-assignable groups are known too.</source>
            <translation>Optional: grant GroupMember.Read.All so that members of role-assignable groups are known too.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Optional: grant Domain.Read.All so that federated domains can be recognised.</source>
            <translation>Optional: grant Domain.Read.All so that federated domains can be recognised.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nothing was lost: the users not written are marked as not attempted. Run again later.</source>
            <translation>Nothing was lost: the users not written are marked as not attempted. Run again later.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Create a new client secret before this one expires.</source>
            <translation>Create a new client secret before this one expires.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create a new client secret under Certificates &amp; secrets, or correct the date on the Connection page.</source>
            <translation>Create a new client secret under Certificates &amp; secrets, or correct the date on the Connection page.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Optional: enter the secret's expiry date on the Connection page to be warned in time.</source>
            <translation>Optional: enter the secret's expiry date on the Connection page to be warned in time.</translation>
        </message>
        <message>
            <location line="+452" />
            <source>Compare the connection's thumbprint with the app's certificates in the Entra admin center; if it is missing or expired there, renew it.</source>
            <translation>Compare the connection's thumbprint with the app's certificates in the Entra admin center; if it is missing or expired there, renew it.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Set the computer's clock right (automatic time), then try again.</source>
            <translation>Set the computer's clock right (automatic time), then try again.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+2" />
            <source>The key stays on the computer where the certificate was made: use that computer, or renew the certificate from here (Renew).</source>
            <translation>The key stays on the computer where the certificate was made: use that computer, or renew the certificate from here (Renew).</translation>
        </message>
    </context>
    <context>
        <name>KeepInSync</name>
        <message>
            <location filename="../../gui/widgets/keep_in_sync.py" line="+57" />
            <source>&amp;Keep new users in sync automatically</source>
            <translation>&amp;Keep new users in sync automatically</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Time of the scheduled sync</source>
            <translation>Time of the scheduled sync</translation>
        </message>
        <message>
            <location line="+2" />
            <source>every day</source>
            <translation>every day</translation>
        </message>
        <message>
            <location line="+1" />
            <source>every Monday</source>
            <translation>every Monday</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How often</source>
            <translation>How often</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save the schedule</source>
            <translation>&amp;Save the schedule</translation>
        </message>
        <message>
            <location line="+3" />
            <source>at</source>
            <translation>at</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Also set new users in federated domains with the UPN swap</source>
            <translation>Also set new users in federated domains with the UPN swap</translation>
        </message>
        <message>
            <location line="+38" />
            <source>This connection has no saved source, so a scheduled sync would not know what to write: run it once from the Source page with this connection, then schedule it.</source>
            <translation>This connection has no saved source, so a scheduled sync would not know what to write: run it once from the Source page with this connection, then schedule it.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This connection's name cannot be used in a scheduled task: save the connection again under a new name on the Connection page.</source>
            <translation>This connection's name cannot be used in a scheduled task: save the connection again under a new name on the Connection page.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Setting up the scheduled sync…</source>
            <translation>Setting up the scheduled sync…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The scheduled sync is removed.</source>
            <translation>The scheduled sync is removed.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The secret is not in this computer's keychain, so the scheduled run cannot sign in: tick “Remember the secret” on the Connection page.</source>
            <translation>The secret is not in this computer's keychain, so the scheduled run cannot sign in: tick “Remember the secret” on the Connection page.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The scheduled sync could not be set up: this computer has no {tool}, the scheduler it needs. {fix}</source>
            <translation>The scheduled sync could not be set up: this computer has no {tool}, the scheduler it needs. {fix}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The scheduled sync could not be set up: {error}</source>
            <translation>The scheduled sync could not be set up: {error}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Install cron (Debian or Ubuntu: sudo apt-get install cron) and start it, or schedule on a computer with systemd, macOS or Windows.</source>
            <translation>Install cron (Debian or Ubuntu: sudo apt-get install cron) and start it, or schedule on a computer with systemd, macOS or Windows.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Check that PATH holds /usr/bin, where systemctl usually is.</source>
            <translation>Check that PATH holds /usr/bin, where systemctl usually is.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>launchctl is part of macOS: check that PATH holds /bin.</source>
            <translation>launchctl is part of macOS: check that PATH holds /bin.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>schtasks.exe is part of Windows: check that PATH holds C:\Windows\System32.</source>
            <translation>schtasks.exe is part of Windows: check that PATH holds C:\Windows\System32.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Install it, or check PATH.</source>
            <translation>Install it, or check PATH.</translation>
        </message>
        <message>
            <location line="-44" />
            <source>Only a saved connection can be scheduled.</source>
            <translation>Only a saved connection can be scheduled.</translation>
        </message>
        <message>
            <location line="-12" />
            <source>In the demo a schedule is saved with the demo's connection only: nothing is set up in this computer's scheduler.</source>
            <translation>In the demo a schedule is saved with the demo's connection only: nothing is set up in this computer's scheduler.</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Demo: nothing was set up in this computer's scheduler.</source>
            <translation>Demo: nothing was set up in this computer's scheduler.</translation>
        </message>
    </context>
    <context>
        <name>LanguageBox</name>
        <message>
            <location filename="../../gui/i18n.py" line="+143" />
            <location filename="../../gui/pages/welcome.py" line="+61" />
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../gui/pages/welcome.py" line="+3" />
            <source>The language changes when you start the program again.</source>
            <translation>The language changes when you start the program again.</translation>
        </message>
    </context>
    <context>
        <name>Match</name>
        <message>
            <location filename="../../gui/code_texts.py" line="-262" />
            <source>User principal name</source>
            <translation>User principal name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail address</source>
            <translation>E-mail address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Employee ID</source>
            <translation>Employee ID</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Entra object ID</source>
            <translation>Entra object ID</translation>
        </message>
    </context>
    <context>
        <name>OutputPath</name>
        <message>
            <location line="+105" />
            <source>That is a folder: give a file name.</source>
            <translation>That is a folder: give a file name.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>That is the export file you chose as the source: choose another name (the export is never replaced).</source>
            <translation>That is the export file you chose as the source: choose another name (the export is never replaced).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The file already exists: choose another name.</source>
            <translation>The file already exists: choose another name.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file cannot be written there (no permission): choose another place.</source>
            <translation>The file cannot be written there (no permission): choose another place.</translation>
        </message>
        <message>
            <location line="-10" />
            <source>“-” is not a file name: choose a file.</source>
            <translation>“-” is not a file name: choose a file.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>That is a device or another special file, not a regular file: choose another name.</source>
            <translation>That is a device or another special file, not a regular file: choose another name.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>That is one of a run folder's own files, which undo and resume need: choose a place outside the run folder.</source>
            <translation>That is one of a run folder's own files, which undo and resume need: choose a place outside the run folder.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>That folder does not exist: choose another place.</source>
            <translation>That folder does not exist: choose another place.</translation>
        </message>
    </context>
    <context>
        <name>PathLine</name>
        <message>
            <location filename="../../gui/widgets/path_line.py" line="+19" />
            <source>Cop&amp;y</source>
            <translation>Cop&amp;y</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy the path</source>
            <translation>Copy the path</translation>
        </message>
    </context>
    <context>
        <name>PlanTableView</name>
        <message>
            <location filename="../../gui/widgets/plan_table_view.py" line="+50" />
            <source>Show status</source>
            <translation>Show status</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Search name, UPN or value</source>
            <translation>Search name, UPN or value</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Users</source>
            <translation>Users</translation>
        </message>
        <message>
            <location line="+28" />
            <source>S&amp;how:</source>
            <translation>S&amp;how:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Sea&amp;rch:</source>
            <translation>Sea&amp;rch:</translation>
        </message>
        <message>
            <location line="+60" />
            <source>All ({n})</source>
            <translation>All ({n})</translation>
        </message>
        <message>
            <location line="+30" />
            <source>{shown} of {total} shown</source>
            <translation>{shown} of {total} shown</translation>
        </message>
        <message>
            <location line="-97" />
            <source>The chosen user</source>
            <translation>The chosen user</translation>
        </message>
    </context>
    <context>
        <name>PlanWarning</name>
        <message>
            <location filename="../../gui/code_texts.py" line="-73" />
            <source>No user of this tenant is in the chosen domain {domain} (its domains: {existing}). Check the spelling, or whether this is the right tenant.</source>
            <translation>No user of this tenant is in the chosen domain {domain} (its domains: {existing}). Check the spelling, or whether this is the right tenant.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>None of the {count} source values is a GUID (for example “{example}”), so the GUID → base64 transform cannot convert them. Choose another transform or column.</source>
            <translation>None of the {count} source values is a GUID (for example “{example}”), so the GUID → base64 transform cannot convert them. Choose another transform or column.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Rows of the export that matched no user: {count}. Check which attribute the key column holds. They are listed in unmatched_rows.csv in the run's folder and beside an exported report.</source>
            <translation>Rows of the export that matched no user: {count}. Check which attribute the key column holds. They are listed in unmatched_rows.csv in the run's folder and beside an exported report.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Keys on more than one row of the export: {count} (for example {keys}). Those users get no value.</source>
            <translation>Keys on more than one row of the export: {count} (for example {keys}). Those users get no value.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The tool cannot tell whether any domain is already federated (the app may not read domains); users in a federated domain will fail.</source>
            <translation>The tool cannot tell whether any domain is already federated (the app may not read domains); users in a federated domain will fail.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The members of these admin role groups are not known (the app may not read group members): {groups}. Their writes will fail.</source>
            <translation>The members of these admin role groups are not known (the app may not read group members): {groups}. Their writes will fail.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>These domains are federated: {domains}. Their users cannot get a new ImmutableId and are left out.</source>
            <translation>These domains are federated: {domains}. Their users cannot get a new ImmutableId and are left out.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>These domains are federated: {domains}. Their users are left out unless you choose the UPN swap ({count} could be set).</source>
            <translation>These domains are federated: {domains}. Their users are left out unless you choose the UPN swap ({count} could be set).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>These domains are federated: {domains}. {count} of their users are set with the UPN swap; the others are left out.</source>
            <translation>These domains are federated: {domains}. {count} of their users are set with the UPN swap; the others are left out.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Users whose value another user already has: {count}. They are skipped.</source>
            <translation>Users whose value another user already has: {count}. They are skipped.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users that share a value with someone else: {count}. They are skipped.</source>
            <translation>Users that share a value with someone else: {count}. They are skipped.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users whose value cannot be an ImmutableId: {count}. They are skipped.</source>
            <translation>Users whose value cannot be an ImmutableId: {count}. They are skipped.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users that hold an admin role: {count}. They are left out; a Privileged Authentication Administrator can set theirs by hand.</source>
            <translation>Users that hold an admin role: {count}. They are left out; a Privileged Authentication Administrator can set theirs by hand.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Users that hold an admin role cannot be changed by the app, and the app may not read who they are: Microsoft refuses them, and they are reported as failed, with what to do.</source>
            <translation>Users that hold an admin role cannot be changed by the app, and the app may not read who they are: Microsoft refuses them, and they are reported as failed, with what to do.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nothing to write: no user will get an ImmutableId.</source>
            <translation>Nothing to write: no user will get an ImmutableId.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{count} users are on a temporary UPN left by an interrupted UPN swap ({names}). They are not written unless you choose the UPN swap, which first moves them back.</source>
            <translation>{count} users are on a temporary UPN left by an interrupted UPN swap ({names}). They are not written unless you choose the UPN swap, which first moves them back.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{count} users are on a temporary UPN left by an interrupted UPN swap ({names}): this run moves them back first.</source>
            <translation>{count} users are on a temporary UPN left by an interrupted UPN swap ({names}): this run moves them back first.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{count} users are on a temporary UPN whose own UPN cannot be worked out ({names}). Change each back by hand in the Entra admin center.</source>
            <translation>{count} users are on a temporary UPN whose own UPN cannot be worked out ({names}). Change each back by hand in the Entra admin center.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>An unfinished run of this tenant ({when}, {done} of {total} done) is continued in its folder.</source>
            <translation>An unfinished run of this tenant ({when}, {done} of {total} done) is continued in its folder.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>An unfinished run ({when}) names this tenant, but the tenant holds none of what it wrote: it is not continued, and this run starts anew.</source>
            <translation>An unfinished run ({when}) names this tenant, but the tenant holds none of what it wrote: it is not continued, and this run starts anew.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>An undo of this tenant did not finish ({when}). Finish it with “Undo an earlier run…”.</source>
            <translation>An undo of this tenant did not finish ({when}). Finish it with “Undo an earlier run…”.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This undo continues the one that did not finish ({when}, {done} users done then).</source>
            <translation>This undo continues the one that did not finish ({when}, {done} users done then).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{count} users are in a federated domain ({names}): clearing their value needs the UPN swap. Without it they are left as they are.</source>
            <translation>{count} users are in a federated domain ({names}): clearing their value needs the UPN swap. Without it they are left as they are.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nothing to clear: no user still holds a value the run wrote.</source>
            <translation>Nothing to clear: no user still holds a value the run wrote.</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <location filename="../../gui/pages/preview.py" line="+19" />
            <source>Preview</source>
            <translation>Preview</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What would happen to every user. Nothing has been written yet.</source>
            <translation>What would happen to every user. Nothing has been written yet.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Summary</source>
            <translation>Summary</translation>
        </message>
        <message>
            <location line="+3" />
            <source>UPN swap</source>
            <translation>UPN swap</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Warnings</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Preview of every user</source>
            <translation>Preview of every user</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Export preview report…</source>
            <translation>&amp;Export preview report…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Re&amp;load</source>
            <translation>Re&amp;load</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Reading the tenant's users…</source>
            <translation>Reading the tenant's users…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Reading the tenant's users… {n} so far</source>
            <translation>Reading the tenant's users… {n} so far</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Working out what to do for each user… {done} of {total}</source>
            <translation>Working out what to do for each user… {done} of {total}</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Export the preview report</source>
            <translation>Export the preview report</translation>
        </message>
    </context>
    <context>
        <name>Readiness</name>
        <message>
            <location filename="../../gui/federate_texts.py" line="+20" />
            <source>{domain} is a verified root domain, not the initial and not the default domain.</source>
            <translation>{domain} is a verified root domain, not the initial and not the default domain.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The app may not read the tenant's domains.</source>
            <translation>The app may not read the tenant's domains.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is not a domain of this tenant (its domains: {known}).</source>
            <translation>{domain} is not a domain of this tenant (its domains: {known}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is the tenant's initial .onmicrosoft.com domain, which cannot be federated.</source>
            <translation>{domain} is the tenant's initial .onmicrosoft.com domain, which cannot be federated.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is not verified.</source>
            <translation>{domain} is not verified.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is a subdomain of {parent}; only root domains can be federated.</source>
            <translation>{domain} is a subdomain of {parent}; only root domains can be federated.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is the tenant's default domain, which cannot be federated.</source>
            <translation>{domain} is the tenant's default domain, which cannot be federated.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is not federated yet.</source>
            <translation>{domain} is not federated yet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is already federated with this IdP ({issuer}).</source>
            <translation>{domain} is already federated with this IdP ({issuer}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is federated with another IdP ({issuer}).</source>
            <translation>{domain} is federated with another IdP ({issuer}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is federated with this IdP, but its {fields} differ from the metadata.</source>
            <translation>{domain} is federated with this IdP, but its {fields} differ from the metadata.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is federated, but Graph has no federation configuration for it (a configuration created without a signing certificate leaves it so).</source>
            <translation>{domain} is federated, but Graph has no federation configuration for it (a configuration created without a signing certificate leaves it so).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The app may not read the domain's federation ({error}).</source>
            <translation>The app may not read the domain's federation ({error}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The federation of {domain} is not known (the domain was not found).</source>
            <translation>The federation of {domain} is not known (the domain was not found).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is federated with {issuer}; without readable metadata it cannot be compared with this IdP.</source>
            <translation>{domain} is federated with {issuer}; without readable metadata it cannot be compared with this IdP.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issuer {issuer}, sign-in URL {sso_url}; signing certificate valid {valid_from} to {expires} ({days} days left).</source>
            <translation>Issuer {issuer}, sign-in URL {sso_url}; signing certificate valid {valid_from} to {expires} ({days} days left).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issuer {issuer}, sign-in URL {sso_url}; the signing certificate expires on {expires}, in {days} days.</source>
            <translation>Issuer {issuer}, sign-in URL {sso_url}; the signing certificate expires on {expires}, in {days} days.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The IdP's metadata was not read.</source>
            <translation>The IdP's metadata was not read.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata file does not exist: {detail}.</source>
            <translation>The metadata file does not exist: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata cannot be read: {detail}.</source>
            <translation>The metadata cannot be read: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata is larger than 5 MB: {detail}.</source>
            <translation>The metadata is larger than 5 MB: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata address is not https: {detail}.</source>
            <translation>The metadata address is not https: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata could not be downloaded: {detail}.</source>
            <translation>The metadata could not be downloaded: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata server's certificate is not trusted: {detail}.</source>
            <translation>The metadata server's certificate is not trusted: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata is not XML: {detail}.</source>
            <translation>The metadata is not XML: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata has a DTD or entity declarations, which are refused: {detail}.</source>
            <translation>The metadata has a DTD or entity declarations, which are refused: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata is not SAML 2.0 metadata (an EntityDescriptor): {detail}.</source>
            <translation>The metadata is not SAML 2.0 metadata (an EntityDescriptor): {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata describes no identity provider (no IDPSSODescriptor): {detail}.</source>
            <translation>The metadata describes no identity provider (no IDPSSODescriptor): {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata describes several identity providers: {detail}.</source>
            <translation>The metadata describes several identity providers: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata has no entityID (the issuer): {detail}.</source>
            <translation>The metadata has no entityID (the issuer): {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata has no single sign-on URL with the HTTP-Redirect or HTTP-POST binding: {detail}.</source>
            <translation>The metadata has no single sign-on URL with the HTTP-Redirect or HTTP-POST binding: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The IdP's sign-in URL is not https: {detail}.</source>
            <translation>The IdP's sign-in URL is not https: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata has no signing certificate: {detail}.</source>
            <translation>The metadata has no signing certificate: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A signing certificate in the metadata is not a valid X.509 certificate: {detail}.</source>
            <translation>A signing certificate in the metadata is not a valid X.509 certificate: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The IdP's signing certificate expired on {detail}.</source>
            <translation>The IdP's signing certificate expired on {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The IdP's signing certificate is valid only from {detail}.</source>
            <translation>The IdP's signing certificate is valid only from {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All {members} enabled members in {domain} have an ImmutableId.</source>
            <translation>All {members} enabled members in {domain} have an ImmutableId.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} has no enabled members.</source>
            <translation>{domain} has no enabled members.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{missing} of {members} enabled members in {domain} have no ImmutableId ({examples}).</source>
            <translation>{missing} of {members} enabled members in {domain} have no ImmutableId ({examples}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{count} members have an ImmutableId longer than the 64 characters a SAML NameID can carry ({examples}).</source>
            <translation>{count} members have an ImmutableId longer than the 64 characters a SAML NameID can carry ({examples}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The app may not list users.</source>
            <translation>The app may not list users.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No synced users in {domain}, and nobody is on a temporary UPN.</source>
            <translation>No synced users in {domain}, and nobody is on a temporary UPN.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{count} users in {domain} are synced from Active Directory ({examples}).</source>
            <translation>{count} users in {domain} are synced from Active Directory ({examples}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{count} users are still on a temporary UPN from an unfinished UPN swap ({examples}).</source>
            <translation>{count} users are still on a temporary UPN from an unfinished UPN swap ({examples}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{count} users are on a temporary UPN of a UPN swap whose own UPN cannot be told ({examples}).</source>
            <translation>{count} users are on a temporary UPN of a UPN swap whose own UPN cannot be told ({examples}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{admin} is not in {domain}, so the sign-in will not be locked out.</source>
            <translation>{admin} is not in {domain}, so the sign-in will not be locked out.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{admin} is in {domain}: after federating, this account could sign in only through the IdP.</source>
            <translation>{admin} is in {domain}: after federating, this account could sign in only through the IdP.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The admin signs in after you confirm; the account is checked then.</source>
            <translation>The admin signs in after you confirm; the account is checked then.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The admin signs in after you confirm; {count} admins are in {domain} ({examples}).</source>
            <translation>The admin signs in after you confirm; {count} admins are in {domain} ({examples}).</translation>
        </message>
        <message>
            <location line="+50" />
            <source> and {n} more</source>
            <translation> and {n} more</translation>
        </message>
    </context>
    <context>
        <name>ReadinessCheck</name>
        <message>
            <location line="-106" />
            <source>Domain</source>
            <translation>Domain</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Federation</source>
            <translation>Federation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IdP metadata</source>
            <translation>IdP metadata</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ImmutableIds</source>
            <translation>ImmutableIds</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Synced users</source>
            <translation>Synced users</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admin sign-in</source>
            <translation>Admin sign-in</translation>
        </message>
    </context>
    <context>
        <name>ReadinessFix</name>
        <message>
            <location line="+54" />
            <source>Grant the app Domain.Read.All (API permissions &gt; Grant admin consent).</source>
            <translation>Grant the app Domain.Read.All (API permissions &gt; Grant admin consent).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the domain, or add and verify it in Microsoft 365 admin center &gt; Settings &gt; Domains.</source>
            <translation>Check the domain, or add and verify it in Microsoft 365 admin center &gt; Settings &gt; Domains.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Federate the school's own domain instead.</source>
            <translation>Federate the school's own domain instead.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Verify the domain (its DNS TXT record) in Microsoft 365 admin center &gt; Settings &gt; Domains.</source>
            <translation>Verify the domain (its DNS TXT record) in Microsoft 365 admin center &gt; Settings &gt; Domains.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Federate {parent} instead, or make {domain} a root domain (Graph: POST /domains/{domain}/promote).</source>
            <translation>Federate {parent} instead, or make {domain} a root domain (Graph: POST /domains/{domain}/promote).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Make another domain (e.g. the .onmicrosoft.com one) the default in Microsoft 365 admin center &gt; Settings &gt; Domains, then check again.</source>
            <translation>Make another domain (e.g. the .onmicrosoft.com one) the default in Microsoft 365 admin center &gt; Settings &gt; Domains, then check again.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Take {domain} back to managed first, or use that IdP's metadata.</source>
            <translation>Take {domain} back to managed first, or use that IdP's metadata.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Federating again updates the configuration from this metadata.</source>
            <translation>Federating again updates the configuration from this metadata.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Graph cannot change it: ask Microsoft support to set {domain} back to managed, then check again.</source>
            <translation>Graph cannot change it: ask Microsoft support to set {domain} back to managed, then check again.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Grant the app Domain.Read.All (or Domain-InternalFederation.Read.All).</source>
            <translation>Grant the app Domain.Read.All (or Domain-InternalFederation.Read.All).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fix the domain first.</source>
            <translation>Fix the domain first.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fix the metadata first.</source>
            <translation>Fix the metadata first.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the IdP for its next signing certificate, or federate after it has rolled over.</source>
            <translation>Ask the IdP for its next signing certificate, or federate after it has rolled over.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the path, or give the metadata's https address.</source>
            <translation>Check the path, or give the metadata's https address.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the file's permissions, or give the metadata's https address.</source>
            <translation>Check the file's permissions, or give the metadata's https address.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Give the metadata of this one IdP, not a federation's aggregate.</source>
            <translation>Give the metadata of this one IdP, not a federation's aggregate.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Give the https address of the metadata.</source>
            <translation>Give the https address of the metadata.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the address and the network, or download the file and give its path.</source>
            <translation>Check the address and the network, or download the file and give its path.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the address; on a network with a TLS-inspecting proxy, its CA must be in the computer's certificate store.</source>
            <translation>Check the address; on a network with a TLS-inspecting proxy, its CA must be in the computer's certificate store.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Give the IdP's SAML metadata file (XML), not a web page or a certificate.</source>
            <translation>Give the IdP's SAML metadata file (XML), not a web page or a certificate.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Download the metadata again from the IdP; genuine metadata has no DTD.</source>
            <translation>Download the metadata again from the IdP; genuine metadata has no DTD.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Give the IdP's SAML 2.0 metadata.</source>
            <translation>Give the IdP's SAML 2.0 metadata.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This may be a service provider's metadata; give the IdP's.</source>
            <translation>This may be a service provider's metadata; give the IdP's.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Give the metadata of the one IdP to federate with.</source>
            <translation>Give the metadata of the one IdP to federate with.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the IdP for complete metadata.</source>
            <translation>Ask the IdP for complete metadata.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the IdP for metadata with a SAML 2.0 sign-in endpoint.</source>
            <translation>Ask the IdP for metadata with a SAML 2.0 sign-in endpoint.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the IdP for an https sign-in URL.</source>
            <translation>Ask the IdP for an https sign-in URL.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the IdP for metadata that includes its signing certificate.</source>
            <translation>Ask the IdP for metadata that includes its signing certificate.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Download the metadata again from the IdP.</source>
            <translation>Download the metadata again from the IdP.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the IdP for current metadata with a valid signing certificate.</source>
            <translation>Ask the IdP for current metadata with a valid signing certificate.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Federate once the certificate is valid, or check this computer's clock.</source>
            <translation>Federate once the certificate is valid, or check this computer's clock.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the domain: federating a domain nobody uses changes nothing.</source>
            <translation>Check the domain: federating a domain nobody uses changes nothing.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run the wizard again for these users first (the Source page), then check again.</source>
            <translation>Run the wizard again for these users first (the Source page), then check again.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use a shorter source value or transform for these users (undo and apply again).</source>
            <translation>Use a shorter source value or transform for these users (undo and apply again).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Grant the app User.ReadWrite.All (API permissions &gt; Grant admin consent).</source>
            <translation>Grant the app User.ReadWrite.All (API permissions &gt; Grant admin consent).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Synced users' ImmutableIds belong to Entra Connect: federate a domain without synced users, or federate through Entra Connect.</source>
            <translation>Synced users' ImmutableIds belong to Entra Connect: federate a domain without synced users, or federate through Entra Connect.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run apply (or undo) again: it finishes the swap and moves them back first.</source>
            <translation>Run apply (or undo) again: it finishes the swap and moves them back first.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check these users; if a UPN swap left them there, run again with the UPN swap, or move them back by hand.</source>
            <translation>Check these users; if a UPN swap left them there, run again with the UPN swap, or move them back by hand.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign in as an admin whose account is in another domain (e.g. the .onmicrosoft.com one).</source>
            <translation>Sign in as an admin whose account is in another domain (e.g. the .onmicrosoft.com one).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign in with an account outside the domain (e.g. the .onmicrosoft.com one).</source>
            <translation>Sign in with an account outside the domain (e.g. the .onmicrosoft.com one).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign in with an account outside {domain}, and keep at least one Global Administrator outside it.</source>
            <translation>Sign in with an account outside {domain}, and keep at least one Global Administrator outside it.</translation>
        </message>
    </context>
    <context>
        <name>ResultsPage</name>
        <message>
            <location filename="../../gui/pages/results.py" line="+38" />
            <source>Results</source>
            <translation>Results</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What was done. The report is saved in the run's folder.</source>
            <translation>What was done. The report is saved in the run's folder.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Counts per status</source>
            <translation>Counts per status</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Export report…</source>
            <translation>&amp;Export report…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Open the run's folder</source>
            <translation>&amp;Open the run's folder</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Re&amp;try the failed ones</source>
            <translation>Re&amp;try the failed ones</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+91" />
            <source>&amp;Undo this run…</source>
            <translation>&amp;Undo this run…</translation>
        </message>
        <message>
            <location line="-89" />
            <source>Undo an ear&amp;lier run…</source>
            <translation>Undo an ear&amp;lier run…</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Report: {path}</source>
            <translation>Report: {path}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{n} export rows matched no user: {path}</source>
            <translation>{n} export rows matched no user: {path}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{n} users are not back on their own UPN yet (UPN swap). Run again: they are finished first.</source>
            <translation>{n} users are not back on their own UPN yet (UPN swap). Run again: they are finished first.</translation>
        </message>
        <message>
            <location line="+42" />
            <source>&amp;Finish the undo…</source>
            <translation>&amp;Finish the undo…</translation>
        </message>
        <message>
            <location line="+19" />
            <source>This run was partly undone: users in a federated domain still have their value. Finish the undo with the UPN swap.</source>
            <translation>This run was partly undone: users in a federated domain still have their value. Finish the undo with the UPN swap.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This run was undone.</source>
            <translation>This run was undone.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The undo of this run did not finish: undo it again to continue.</source>
            <translation>The undo of this run did not finish: undo it again to continue.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The undo's report: {path}</source>
            <translation>The undo's report: {path}</translation>
        </message>
        <message>
            <location line="-136" />
            <source>Every user, those that need attention first</source>
            <translation>Every user, those that need attention first</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Needs attention</source>
            <translation>Needs attention</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Run folder:</source>
            <translation>Run folder:</translation>
        </message>
        <message>
            <location line="+61" />
            <source>No file manager opened the folder. Its path is shown above: Copy puts it on the clipboard.</source>
            <translation>No file manager opened the folder. Its path is shown above: Copy puts it on the clipboard.</translation>
        </message>
        <message>
            <location line="-69" />
            <source>Fe&amp;derate the domain with Skolon…</source>
            <translation>Fe&amp;derate the domain with Skolon…</translation>
        </message>
    </context>
    <context>
        <name>ResumeOffer</name>
        <message>
            <location filename="../../gui/widgets/resume_offer.py" line="+75" />
            <source>An unfinished run from {when} — {done} of {total} done.</source>
            <translation>An unfinished run from {when} — {done} of {total} done.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>An unfinished run from {when} — {done} done.</source>
            <translation>An unfinished run from {when} — {done} done.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&lt;b&gt;It will be continued&lt;/b&gt; with the same source: go on with Next. Users it already wrote are not written again.</source>
            <translation>&lt;b&gt;It will be continued&lt;/b&gt; with the same source: go on with Next. Users it already wrote are not written again.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Start a &amp;new run instead</source>
            <translation>Start a &amp;new run instead</translation>
        </message>
        <message>
            <location line="+4" />
            <source>C&amp;ontinue the run</source>
            <translation>C&amp;ontinue the run</translation>
        </message>
        <message>
            <location line="-35" />
            <source>An unfinished run from {when} names this tenant, but nothing it wrote is in the tenant: the tenant was made again, reset or restored since. It is not offered; a new run starts afresh. (Its folder: {folder})</source>
            <translation>An unfinished run from {when} names this tenant, but nothing it wrote is in the tenant: the tenant was made again, reset or restored since. It is not offered; a new run starts afresh. (Its folder: {folder})</translation>
        </message>
        <message>
            <location line="+6" />
            <source>An unfinished run from {when} was found, but it could not be compared with the tenant: {error}. Press Retry the checks to try again.</source>
            <translation>An unfinished run from {when} was found, but it could not be compared with the tenant: {error}. Press Retry the checks to try again.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Do you want to continue it, so that its report covers every user?</source>
            <translation>Do you want to continue it, so that its report covers every user?</translation>
        </message>
    </context>
    <context>
        <name>RunFace</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+108" />
            <source>Command line</source>
            <translation>Command line</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wizard</source>
            <translation>Wizard</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unattended</source>
            <translation>Unattended</translation>
        </message>
    </context>
    <context>
        <name>RunPage</name>
        <message>
            <location filename="../../gui/pages/run.py" line="+27" />
            <source>Run</source>
            <translation>Run</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Writes the new ImmutableIds. You can cancel; requests already sent finish.</source>
            <translation>Writes the new ImmutableIds. You can cancel; requests already sent finish.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Cancel the run</source>
            <translation>&amp;Cancel the run</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Progress of the run</source>
            <translation>Progress of the run</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%v of %m</source>
            <translation>%v of %m</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Failures so far:</source>
            <translation>Failures so far:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Failures so far</source>
            <translation>Failures so far</translation>
        </message>
        <message>
            <location line="+20" />
            <source>This continues the unfinished run in {folder}; users it already wrote are reported as set and not written again.</source>
            <translation>This continues the unfinished run in {folder}; users it already wrote are reported as set and not written again.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Writing… Next and Back wait until the run ends.</source>
            <translation>Writing… Next and Back wait until the run ends.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Cancel the run?</source>
            <translation>Cancel the run?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop writing? Requests already sent will finish; users not reached yet are reported as not attempted, and you can run again later.</source>
            <translation>Stop writing? Requests already sent will finish; users not reached yet are reported as not attempted, and you can run again later.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Cancelling: waiting for the requests already sent…</source>
            <translation>Cancelling: waiting for the requests already sent…</translation>
        </message>
        <message>
            <location line="-33" />
            <source>Starting: each user is read once more just before it is written…</source>
            <translation>Starting: each user is read once more just before it is written…</translation>
        </message>
    </context>
    <context>
        <name>RunState</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+3" />
            <source>Finished</source>
            <translation>Finished</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled or stopped</source>
            <translation>Cancelled or stopped</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Did not finish</source>
            <translation>Did not finish</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already undone</source>
            <translation>Already undone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Partly undone</source>
            <translation>Partly undone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Undo not finished</source>
            <translation>Undo not finished</translation>
        </message>
    </context>
    <context>
        <name>SourcePage</name>
        <message>
            <location filename="../../gui/pages/source.py" line="+82" />
            <source>Source of the ImmutableIds</source>
            <translation>Source of the ImmutableIds</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Where each user's new ImmutableId comes from, and which users to include.</source>
            <translation>Where each user's new ImmutableId comes from, and which users to include.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Sample of computed values</source>
            <translation>Sample of computed values</translation>
        </message>
        <message>
            <location line="+3" />
            <source>What would be written (a sample)</source>
            <translation>What would be written (a sample)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>From the identity provider's &amp;export file (CSV)</source>
            <translation>From the identity provider's &amp;export file (CSV)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Use the de&amp;mo school's export</source>
            <translation>Use the de&amp;mo school's export</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Export file</source>
            <translation>Export file</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export file path</source>
            <translation>Export file path</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A CSV file with one row per person</source>
            <translation>A CSV file with one row per person</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;File:</source>
            <translation>&amp;File:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>First rows of the file</source>
            <translation>First rows of the file</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Key column</source>
            <translation>Key column</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Match type</source>
            <translation>Match type</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Value column</source>
            <translation>Value column</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Key column, matches:</source>
            <translation>&amp;Key column, matches:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Value column:</source>
            <translation>&amp;Value column:</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Rule and scope</source>
            <translation>Rule and scope</translation>
        </message>
        <message>
            <location line="-55" />
            <source>Entra attribute</source>
            <translation>Entra attribute</translation>
        </message>
        <message>
            <location line="-8" />
            <source>From an a&amp;ttribute the users already have in Entra</source>
            <translation>From an a&amp;ttribute the users already have in Entra</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Bro&amp;wse…</source>
            <translation>Bro&amp;wse…</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Transform</source>
            <translation>Transform</translation>
        </message>
        <message>
            <location line="+3" />
            <source>T&amp;ransform:</source>
            <translation>T&amp;ransform:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Domains to include</source>
            <translation>Domains to include</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Domains:</source>
            <translation>&amp;Domains:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Include &amp;guests</source>
            <translation>Include &amp;guests</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Include d&amp;isabled accounts</source>
            <translation>Include d&amp;isabled accounts</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Reading the tenant's users to count them per domain…</source>
            <translation>Reading the tenant's users to count them per domain…</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Reading the tenant's users… {n} so far</source>
            <translation>Reading the tenant's users… {n} so far</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Choose the export file</source>
            <translation>Choose the export file</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV files (*.csv *.txt);;All files (*)</source>
            <translation>CSV files (*.csv *.txt);;All files (*)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Reading the export file…</source>
            <translation>Reading the export file…</translation>
        </message>
        <message>
            <location line="+86" />
            <source>Tick at least one domain.</source>
            <translation>Tick at least one domain.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose the export file.</source>
            <translation>Choose the export file.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The key column and the value column must differ.</source>
            <translation>The key column and the value column must differ.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Source value</source>
            <translation>Source value</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New ImmutableId</source>
            <translation>New ImmutableId</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <location filename="../../gui/code_texts.py" line="-406" />
            <source>Left: needs the UPN swap</source>
            <translation>Left: needs the UPN swap</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Will be set</source>
            <translation>Will be set</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already has one</source>
            <translation>Already has one</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No value in the source</source>
            <translation>No value in the source</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Duplicate value</source>
            <translation>Duplicate value</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value already in use</source>
            <translation>Value already in use</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invalid value</source>
            <translation>Invalid value</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Synced from AD</source>
            <translation>Synced from AD</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admin role</source>
            <translation>Admin role</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Federated domain</source>
            <translation>Federated domain</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Guest</source>
            <translation>Guest</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disabled</source>
            <translation>Disabled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Out of scope</source>
            <translation>Out of scope</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set</source>
            <translation>Set</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Skipped: set meanwhile</source>
            <translation>Skipped: set meanwhile</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dry run (not written)</source>
            <translation>Dry run (not written)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not attempted</source>
            <translation>Not attempted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Changed by someone else</source>
            <translation>Changed by someone else</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Will be cleared</source>
            <translation>Will be cleared</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared</source>
            <translation>Cleared</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Skipped: changed since</source>
            <translation>Skipped: changed since</translation>
        </message>
    </context>
    <context>
        <name>StatusHint</name>
        <message>
            <location line="+5" />
            <source>This user gets the new ImmutableId when you run.</source>
            <translation>This user gets the new ImmutableId when you run.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The user already has an ImmutableId; it is never changed.</source>
            <translation>The user already has an ImmutableId; it is never changed.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The source has no value for this user. Check the export file or the key column.</source>
            <translation>The source has no value for this user. Check the export file or the key column.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Two or more users would get the same value. Fix the source so every value is unique.</source>
            <translation>Two or more users would get the same value. Fix the source so every value is unique.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Another user in the tenant already has this value. Find that user and fix the source.</source>
            <translation>Another user in the tenant already has this value. Find that user and fix the source.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The value cannot be an ImmutableId (see the detail). Choose another column or transform.</source>
            <translation>The value cannot be an ImmutableId (see the detail). Choose another column or transform.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Synced from on-premises AD: Entra Connect owns its ImmutableId.</source>
            <translation>Synced from on-premises AD: Entra Connect owns its ImmutableId.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The user holds an admin role, so this app may not set it. A Privileged Authentication Administrator can set it by hand.</source>
            <translation>The user holds an admin role, so this app may not set it. A Privileged Authentication Administrator can set it by hand.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The domain is already federated, so a direct write is refused. If the detail says so, the UPN swap (chosen on the Confirm page) can set it.</source>
            <translation>The domain is already federated, so a direct write is refused. If the detail says so, the UPN swap (chosen on the Confirm page) can set it.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Guests are left out unless you include them.</source>
            <translation>Guests are left out unless you include them.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disabled accounts are left out unless you include them.</source>
            <translation>Disabled accounts are left out unless you include them.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The user's domain is not among the chosen domains.</source>
            <translation>The user's domain is not among the chosen domains.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Written.</source>
            <translation>Written.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft refused the write; see the detail. Retry the failed ones after fixing the cause.</source>
            <translation>Microsoft refused the write; see the detail. Retry the failed ones after fixing the cause.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Someone set an ImmutableId after the preview; it was left alone.</source>
            <translation>Someone set an ImmutableId after the preview; it was left alone.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dry run: this would have been written.</source>
            <translation>Dry run: this would have been written.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The run was cancelled or stopped before this user; run again to continue.</source>
            <translation>The run was cancelled or stopped before this user; run again to continue.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Written, then another run or person set a different value before this run read it back. Check which value is right.</source>
            <translation>Written, then another run or person set a different value before this run read it back. Check which value is right.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The user still holds the value the run wrote: the undo clears it.</source>
            <translation>The user still holds the value the run wrote: the undo clears it.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Undone: the value this run wrote was cleared.</source>
            <translation>Undone: the value this run wrote was cleared.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value changed after the run wrote it, so the undo left it alone.</source>
            <translation>The value changed after the run wrote it, so the undo left it alone.</translation>
        </message>
    </context>
    <context>
        <name>Summary</name>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+1" />
            <source>&lt;b&gt;{n}&lt;/b&gt; users will be written, &lt;b&gt;{swapped}&lt;/b&gt; of them with the UPN swap.</source>
            <translation>&lt;b&gt;{n}&lt;/b&gt; users will be written, &lt;b&gt;{swapped}&lt;/b&gt; of them with the UPN swap.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&lt;b&gt;{n}&lt;/b&gt; users will be written.</source>
            <translation>&lt;b&gt;{n}&lt;/b&gt; users will be written.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A file could not be read or written.</source>
            <translation>A file could not be read or written.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Also set the {n} users in federated domains with the &amp;UPN swap</source>
            <translation>Also set the {n} users in federated domains with the &amp;UPN swap</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Another window or program is writing this run.</source>
            <translation>Another window or program is writing this run.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled.</source>
            <translation>Cancelled.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dry run: nothing was written.</source>
            <translation>Dry run: nothing was written.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dry run: users to go through: {n}. Nothing is written.</source>
            <translation>Dry run: users to go through: {n}. Nothing is written.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Each swap uses two writes of Microsoft's write quota.</source>
            <translation>Each swap uses two writes of Microsoft's write quota.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Each user's UPN is moved to the tenant's .onmicrosoft.com domain and back again: two writes, a few seconds apart.</source>
            <translation>Each user's UPN is moved to the tenant's .onmicrosoft.com domain and back again: two writes, a few seconds apart.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Entra-joined PCs may show “Other user” at sign-in.</source>
            <translation>Entra-joined PCs may show “Other user” at sign-in.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Finished.</source>
            <translation>Finished.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In tenant &lt;b&gt;{tenant}&lt;/b&gt;, &lt;b&gt;{n}&lt;/b&gt; users will get an ImmutableId taken from {source}, transformed with “{transform}”.</source>
            <translation>In tenant &lt;b&gt;{tenant}&lt;/b&gt;, &lt;b&gt;{n}&lt;/b&gt; users will get an ImmutableId taken from {source}, transformed with “{transform}”.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Intune app protection (MAM) links may break.</source>
            <translation>Intune app protection (MAM) links may break.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Line {line}</source>
            <translation>Line {line}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mail and proxy addresses are not expected to change; the report records each user's UPN and mail before and after.</source>
            <translation>Mail and proxy addresses are not expected to change; the report records each user's UPN and mail before and after.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meanwhile the user cannot sign in through the identity provider (IdP).</source>
            <translation>Meanwhile the user cannot sign in through the identity provider (IdP).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Authenticator may show the account as a new account.</source>
            <translation>Microsoft Authenticator may show the account as a new account.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph answered with an error ({status} {code}).</source>
            <translation>Microsoft Graph answered with an error ({status} {code}).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not available: the check could not find the tenant's .onmicrosoft.com domain, and the swap moves each UPN there. Check again; if this stays, make sure the app may read the domains (Domain.Read.All).</source>
            <translation>Not available: the check could not find the tenant's .onmicrosoft.com domain, and the swap moves each UPN there. Check again; if this stays, make sure the app may read the domains (Domain.Read.All).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Of them with the UPN swap (two writes each): {n}.</source>
            <translation>Of them with the UPN swap (two writes each): {n}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paused by Microsoft's throttling for {s} s; the run continues by itself.</source>
            <translation>Paused by Microsoft's throttling for {s} s; the run continues by itself.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Something went wrong.</source>
            <translation>Something went wrong.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The details are in the log file (Help → About shows where). Try again; if it persists, send the log to support.</source>
            <translation>The details are in the log file (Help → About shows where). Try again; if it persists, send the log to support.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file cannot be used.</source>
            <translation>The file cannot be used.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The report cannot be saved there.</source>
            <translation>The report cannot be saved there.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The source settings are not usable.</source>
            <translation>The source settings are not usable.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The user's OneDrive address (URL) may change.</source>
            <translation>The user's OneDrive address (URL) may change.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This run cannot be undone.</source>
            <translation>This run cannot be undone.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users in federated domains that can be set with the UPN swap: &lt;b&gt;{n}&lt;/b&gt;. Whether to do that is chosen on the Confirm page.</source>
            <translation>Users in federated domains that can be set with the UPN swap: &lt;b&gt;{n}&lt;/b&gt;. Whether to do that is chosen on the Confirm page.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users that already have an ImmutableId are never changed.</source>
            <translation>Users that already have an ImmutableId are never changed.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users that hold an admin role cannot be swapped: Microsoft refuses to change their UPN.</source>
            <translation>Users that hold an admin role cannot be swapped: Microsoft refuses to change their UPN.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Wait for it to finish (or close it), then start again: the run continues where it stopped.</source>
            <translation>Wait for it to finish (or close it), then start again: the run continues where it stopped.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Will get an ImmutableId: &lt;b&gt;{will}&lt;/b&gt; · already have one (left alone): {already} · cannot get one yet (see their status): {problems} · left out (synced, guests, disabled, other domains): {left}</source>
            <translation>Will get an ImmutableId: &lt;b&gt;{will}&lt;/b&gt; · already have one (left alone): {already} · cannot get one yet (see their status): {problems} · left out (synced, guests, disabled, other domains): {left}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>column {column}</source>
            <translation>column {column}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>each user's {attribute}</source>
            <translation>each user's {attribute}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the values in {file} (column “{value}”, matched by {match} in column “{key}”)</source>
            <translation>the values in {file} (column “{value}”, matched by {match} in column “{key}”)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown</source>
            <translation>unknown</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{h} h {m} min</source>
            <translation>{h} h {m} min</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{m} min {s} s</source>
            <translation>{m} min {s} s</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{s} s</source>
            <translation>{s} s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{what}: {file}</source>
            <translation>{what}: {file}</translation>
        </message>
        <message>
            <location line="-31" />
            <source>Microsoft's write quota ({quota}) makes it take at least {eta}.</source>
            <translation>Microsoft's write quota ({quota}) makes it take at least {eta}.</translation>
        </message>
        <message>
            <location line="-11" />
            <source>Each user's UPN is moved to a temporary name in {domain} (e.g. {example}) and back again: two writes, a few seconds apart.</source>
            <translation>Each user's UPN is moved to a temporary name in {domain} (e.g. {example}) and back again: two writes, a few seconds apart.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>That is within Microsoft's write quota ({quota}): it goes as fast as Microsoft answers.</source>
            <translation>That is within Microsoft's write quota ({quota}): it goes as fast as Microsoft answers.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Users to write: &lt;b&gt;{n}&lt;/b&gt;.</source>
            <translation>Users to write: &lt;b&gt;{n}&lt;/b&gt;.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Writes: {writes} (two for each user with the UPN swap).</source>
            <translation>Writes: {writes} (two for each user with the UPN swap).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Writes: {writes}.</source>
            <translation>Writes: {writes}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>about {eta} left</source>
            <translation>about {eta} left</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{done} of {total} done, {failed} failed</source>
            <translation>{done} of {total} done, {failed} failed</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{limit} writes per {window}</source>
            <translation>{limit} writes per {window}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{rate} users a second</source>
            <translation>{rate} users a second</translation>
        </message>
    </context>
    <context>
        <name>SwapChoice</name>
        <message>
            <location filename="../../gui/widgets/swap_choice.py" line="+29" />
            <source>What the UPN swap does</source>
            <translation>What the UPN swap does</translation>
        </message>
    </context>
    <context>
        <name>SyncWizard</name>
        <message>
            <location filename="../../gui/wizard.py" line="+49" />
            <source>Immutable ID Sync</source>
            <translation>Immutable ID Sync</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;About</source>
            <translation>&amp;About</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Finish</source>
            <translation>&amp;Finish</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Stop the run?</source>
            <translation>Stop the run?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Writing is in progress. Stop after the requests already sent have finished? Users not reached yet are reported as not attempted.</source>
            <translation>Writing is in progress. Stop after the requests already sent have finished? Users not reached yet are reported as not attempted.</translation>
        </message>
    </context>
    <context>
        <name>Transform</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+136" />
            <source>None: use the value as it is</source>
            <translation>None: use the value as it is</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lower case</source>
            <translation>Lower case</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GUID → base64 (Entra Connect's form)</source>
            <translation>GUID → base64 (Entra Connect's form)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text → base64</source>
            <translation>Text → base64</translation>
        </message>
    </context>
    <context>
        <name>Unattended</name>
        <message>
            <location line="+108" />
            <source>it would have written more users than its limit, so it wrote nothing — look at the plan in its run folder and run it yourself</source>
            <translation>it would have written more users than its limit, so it wrote nothing — look at the plan in its run folder and run it yourself</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it would have written a larger share of the users than its limit, so it wrote nothing — look at the plan in its run folder and run it yourself</source>
            <translation>it would have written a larger share of the users than its limit, so it wrote nothing — look at the plan in its run folder and run it yourself</translation>
        </message>
        <message>
            <location line="+2" />
            <source>some users could not be written — see the report in its run folder</source>
            <translation>some users could not be written — see the report in its run folder</translation>
        </message>
        <message>
            <location line="+1" />
            <source>it was stopped before it finished — the next run continues it</source>
            <translation>it was stopped before it finished — the next run continues it</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no source is saved with the connection — open it here and choose one</source>
            <translation>no source is saved with the connection — open it here and choose one</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the saved connection is gone — remove the schedule</source>
            <translation>the saved connection is gone — remove the schedule</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no client secret for it is in this computer's keychain — open the connection here and tick “Remember the secret”</source>
            <translation>no client secret for it is in this computer's keychain — open the connection here and tick “Remember the secret”</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Microsoft Graph refused to list the users — run the checks here</source>
            <translation>Microsoft Graph refused to list the users — run the checks here</translation>
        </message>
        <message>
            <location line="+1" />
            <source>another run of the same tenant was still writing — the next run continues</source>
            <translation>another run of the same tenant was still writing — the next run continues</translation>
        </message>
        <message>
            <location line="+1" />
            <source>an unexpected error — see the log</source>
            <translation>an unexpected error — see the log</translation>
        </message>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+3" />
            <source>Scheduled every Monday at {at}; next run {when}.</source>
            <translation>Scheduled every Monday at {at}; next run {when}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scheduled every day at {at}; next run {when}.</source>
            <translation>Scheduled every day at {at}; next run {when}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The nightly sync for {name} failed on {date}: {problem}</source>
            <translation>The nightly sync for {name} failed on {date}: {problem}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The unattended sync for {name} failed on {date}: {problem}</source>
            <translation>The unattended sync for {name} failed on {date}: {problem}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The weekly sync for {name} failed on {date}: {problem}</source>
            <translation>The weekly sync for {name} failed on {date}: {problem}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>done</source>
            <translation>done</translation>
        </message>
        <message>
            <location line="+1" />
            <source>failed</source>
            <translation>failed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>last run: {when}, {outcome}</source>
            <translation>last run: {when}, {outcome}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>next run: {when}</source>
            <translation>next run: {when}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no unattended run yet</source>
            <translation>no unattended run yet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not scheduled</source>
            <translation>not scheduled</translation>
        </message>
    </context>
    <context>
        <name>UndoCount</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+89" />
            <source>Will be cleared</source>
            <translation>Will be cleared</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In a federated domain: cleared only with the UPN swap (left as they are)</source>
            <translation>In a federated domain: cleared only with the UPN swap (left as they are)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Changed since the run (left alone)</source>
            <translation>Changed since the run (left alone)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already cleared by an earlier undo of this run</source>
            <translation>Already cleared by an earlier undo of this run</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cannot be cleared (see the report)</source>
            <translation>Cannot be cleared (see the report)</translation>
        </message>
    </context>
    <context>
        <name>UndoDialog</name>
        <message>
            <location filename="../../gui/dialogs/undo.py" line="-104" />
            <source>Undo a run</source>
            <translation>Undo a run</translation>
        </message>
        <message>
            <location line="+16" />
            <source>What the undo will do</source>
            <translation>What the undo will do</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use the UPN &amp;swap for users in federated domains</source>
            <translation>Use the UPN &amp;swap for users in federated domains</translation>
        </message>
        <message>
            <location line="+3" />
            <source>It changes those users' UPN briefly (to the tenant's .onmicrosoft.com domain and back), which Microsoft requires to clear their value: two writes each (the UPN away, then the UPN back with the value cleared). The other users take one write each.</source>
            <translation>It changes those users' UPN briefly (to the tenant's .onmicrosoft.com domain and back), which Microsoft requires to clear their value: two writes each (the UPN away, then the UPN back with the value cleared). The other users take one write each.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Confirmation</source>
            <translation>Confirmation</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+82" />
            <source>&amp;Undo the run</source>
            <translation>&amp;Undo the run</translation>
        </message>
        <message>
            <location line="-80" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Counts per status</source>
            <translation>Counts per status</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Stop</source>
            <translation>&amp;Stop</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Export report…</source>
            <translation>&amp;Export report…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Open the run's folder</source>
            <translation>&amp;Open the run's folder</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Finish the undo…</source>
            <translation>&amp;Finish the undo…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear the values left, with the UPN swap</source>
            <translation>Clear the values left, with the UPN swap</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Run of &lt;b&gt;{when}&lt;/b&gt; (started from: {face}) · ImmutableIds it set: &lt;b&gt;{n}&lt;/b&gt;&lt;br&gt;Folder: {folder}</source>
            <translation>Run of &lt;b&gt;{when}&lt;/b&gt; (started from: {face}) · ImmutableIds it set: &lt;b&gt;{n}&lt;/b&gt;&lt;br&gt;Folder: {folder}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reading those users in the tenant (nothing is written yet)…</source>
            <translation>Reading those users in the tenant (nothing is written yet)…</translation>
        </message>
        <message>
            <location line="+34" />
            <source>&amp;Finish the undo</source>
            <translation>&amp;Finish the undo</translation>
        </message>
        <message>
            <location line="+4" />
            <source>An earlier undo of this run did not finish; this one continues it ({folder}).</source>
            <translation>An earlier undo of this run did not finish; this one continues it ({folder}).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This run was already undone.</source>
            <translation>This run was already undone.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>An earlier undo of this run left users in a federated domain: finish it with the UPN swap.</source>
            <translation>An earlier undo of this run left users in a federated domain: finish it with the UPN swap.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nothing to clear: every value the run set has changed or is gone.</source>
            <translation>Nothing to clear: every value the run set has changed or is gone.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Users whose value changed since the run, and users that had a value before it, are never touched.</source>
            <translation>Users whose value changed since the run, and users that had a value before it, are never touched.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Clearing the values the run set…</source>
            <translation>Clearing the values the run set…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Users done: {done} of {total}</source>
            <translation>Users done: {done} of {total}</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Undo cancelled.</source>
            <translation>Undo cancelled.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Undo partly done: {n} users in a federated domain still have the value. Finish the undo with the UPN swap to clear theirs.</source>
            <translation>Undo partly done: {n} users in a federated domain still have the value. Finish the undo with the UPN swap to clear theirs.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Undo finished.</source>
            <translation>Undo finished.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Report: {path}</source>
            <translation>Report: {path}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Undo this run again to finish: it continues this undo.</source>
            <translation>Undo this run again to finish: it continues this undo.</translation>
        </message>
        <message>
            <location line="-3" />
            <source>{n} users are not back on their own UPN yet (UPN swap). Undo this run again: they are finished first.</source>
            <translation>{n} users are not back on their own UPN yet (UPN swap). Undo this run again: they are finished first.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Stopping after the requests already sent…</source>
            <translation>Stopping after the requests already sent…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Export the report</source>
            <translation>Export the report</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Saved to {path}</source>
            <translation>Saved to {path}</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Stop the undo?</source>
            <translation>Stop the undo?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clearing is in progress. Stop after the requests already sent have finished? Undo the run again later to finish.</source>
            <translation>Clearing is in progress. Stop after the requests already sent have finished? Undo the run again later to finish.</translation>
        </message>
    </context>
    <context>
        <name>UndoError</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+4" />
            <source>The folder has no journal.jsonl: it is not a run folder.</source>
            <translation>The folder has no journal.jsonl: it is not a run folder.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This run is not an apply run (an undo cannot be undone).</source>
            <translation>This run is not an apply run (an undo cannot be undone).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This was a dry run: it wrote nothing, so there is nothing to undo.</source>
            <translation>This was a dry run: it wrote nothing, so there is nothing to undo.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>There is no such folder.</source>
            <translation>There is no such folder.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Its journal.jsonl cannot be read.</source>
            <translation>Its journal.jsonl cannot be read.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Its journal.jsonl is empty: it is not a run's journal.</source>
            <translation>Its journal.jsonl is empty: it is not a run's journal.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This run was made in another tenant or by another app: sign in to that tenant with that app to undo it.</source>
            <translation>This run was made in another tenant or by another app: sign in to that tenant with that app to undo it.</translation>
        </message>
    </context>
    <context>
        <name>UndoRunsDialog</name>
        <message>
            <location filename="../../gui/dialogs/undo_runs.py" line="+41" />
            <source>Undo an earlier run</source>
            <translation>Undo an earlier run</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Earlier runs that set ImmutableIds in this tenant with this app, newest first. An undo clears only the values a run set that are still unchanged.</source>
            <translation>Earlier runs that set ImmutableIds in this tenant with this app, newest first. An undo clears only the values a run set that are still unchanged.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Set</source>
            <translation>Set</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Started from</source>
            <translation>Started from</translation>
        </message>
        <message>
            <location line="+0" />
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Earlier runs</source>
            <translation>Earlier runs</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Undo the chosen run…</source>
            <translation>&amp;Undo the chosen run…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Reading the run folders…</source>
            <translation>Reading the run folders…</translation>
        </message>
        <message>
            <location line="+25" />
            <source>No earlier run of this tenant and app set a value.</source>
            <translation>No earlier run of this tenant and app set a value.</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <location filename="../../gui/pages/welcome.py" line="-45" />
            <source>Welcome</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fill in missing ImmutableIds in a Microsoft Entra tenant, safely.</source>
            <translation>Fill in missing ImmutableIds in a Microsoft Entra tenant, safely.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&lt;p&gt;Before pupils and staff can sign in through an outside identity provider (such as Skolon), every user in the school's Entra tenant needs an &lt;b&gt;ImmutableId&lt;/b&gt;. This tool fills in the missing ones from the identity provider's export file or from an attribute the users already have.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;It &lt;b&gt;never changes a user that already has an ImmutableId&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;It &lt;b&gt;writes nothing before you confirm&lt;/b&gt;: you see every user's outcome first, and a dry run is always available.&lt;/li&gt;&lt;li&gt;Every run leaves a report you can keep.&lt;/li&gt;&lt;/ul&gt;</source>
            <translation>&lt;p&gt;Before pupils and staff can sign in through an outside identity provider (such as Skolon), every user in the school's Entra tenant needs an &lt;b&gt;ImmutableId&lt;/b&gt;. This tool fills in the missing ones from the identity provider's export file or from an attribute the users already have.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;It &lt;b&gt;never changes a user that already has an ImmutableId&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;It &lt;b&gt;writes nothing before you confirm&lt;/b&gt;: you see every user's outcome first, and a dry run is always available.&lt;/li&gt;&lt;li&gt;Every run leaves a report you can keep.&lt;/li&gt;&lt;/ul&gt;</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Problems with scheduled syncs</source>
            <translation>Problems with scheduled syncs</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Saved connections</source>
            <translation>Saved connections</translation>
        </message>
        <message>
            <location line="-19" />
            <source>&lt;p&gt;&lt;b&gt;The app registration the tool signs in as.&lt;/b&gt; The quickest way: on the next page, enter the tenant and press &lt;b&gt;Create it for me…&lt;/b&gt;, then sign in once as an admin of the school's tenant. The tool creates the app registration with its permission, grants admin consent, makes the client secret and fills in the connection: nothing to copy by hand.&lt;/p&gt;&lt;p&gt;Or prepare it yourself in the Azure portal (Microsoft Entra ID → App registrations → New registration):&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;API permissions&lt;/b&gt; → Add a permission → Microsoft Graph → Application permissions → &lt;b&gt;User.ReadWrite.All&lt;/b&gt;, then click &lt;b&gt;Grant admin consent for &amp;lt;your organisation&amp;gt;&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Certificates &amp;amp; secrets&lt;/b&gt; → New client secret; copy its &lt;b&gt;Value&lt;/b&gt; (not the Secret ID) at once, and note the expiry date.&lt;/li&gt;&lt;li&gt;From the app's &lt;b&gt;Overview&lt;/b&gt;, copy the &lt;b&gt;Application (client) ID&lt;/b&gt; and the &lt;b&gt;Directory (tenant) ID&lt;/b&gt;.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Microsoft's guide: &lt;a href="{url}"&gt;Register an application&lt;/a&gt;. Set ImmutableIds &lt;b&gt;before&lt;/b&gt; you federate the domain.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;The app registration the tool signs in as.&lt;/b&gt; The quickest way: on the next page, enter the tenant and press &lt;b&gt;Create it for me…&lt;/b&gt;, then sign in once as an admin of the school's tenant. The tool creates the app registration with its permission, grants admin consent, makes the client secret and fills in the connection: nothing to copy by hand.&lt;/p&gt;&lt;p&gt;Or prepare it yourself in the Azure portal (Microsoft Entra ID → App registrations → New registration):&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;API permissions&lt;/b&gt; → Add a permission → Microsoft Graph → Application permissions → &lt;b&gt;User.ReadWrite.All&lt;/b&gt;, then click &lt;b&gt;Grant admin consent for &amp;lt;your organisation&amp;gt;&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Certificates &amp;amp; secrets&lt;/b&gt; → New client secret; copy its &lt;b&gt;Value&lt;/b&gt; (not the Secret ID) at once, and note the expiry date.&lt;/li&gt;&lt;li&gt;From the app's &lt;b&gt;Overview&lt;/b&gt;, copy the &lt;b&gt;Application (client) ID&lt;/b&gt; and the &lt;b&gt;Directory (tenant) ID&lt;/b&gt;.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Microsoft's guide: &lt;a href="{url}"&gt;Register an application&lt;/a&gt;. Set ImmutableIds &lt;b&gt;before&lt;/b&gt; you federate the domain.&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+45" />
            <source>&lt;b&gt;This is the demo.&lt;/b&gt; A made-up school runs on this computer and answers as Microsoft does; nothing here reaches a real tenant. What you do to it is kept until you reset it, so a run you stop — or a program you close mid-run — can be continued the next time.</source>
            <translation>&lt;b&gt;This is the demo.&lt;/b&gt; A made-up school runs on this computer and answers as Microsoft does; nothing here reaches a real tenant. What you do to it is kept until you reset it, so a run you stop — or a program you close mid-run — can be continued the next time.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Reset the demo…</source>
            <translation>&amp;Reset the demo…</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Reset the demo?</source>
            <translation>Reset the demo?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The demo school goes back to how it started: every value and UPN the demo's runs changed is as before, and the demo's runs, reports, saved connection and schedule are deleted. Do you want to reset it?</source>
            <translation>The demo school goes back to how it started: every value and UPN the demo's runs changed is as before, and the demo's runs, reports, saved connection and schedule are deleted. Do you want to reset it?</translation>
        </message>
    </context>
    <context>
        <name>WizardPage</name>
        <message>
            <location filename="../../gui/pages/base.py" line="+167" />
            <source>Export the report</source>
            <translation>Export the report</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Saving the report…</source>
            <translation>Saving the report…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Saved to {path}</source>
            <translation>Saved to {path}</translation>
        </message>
    </context>
</TS>
