<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
    <context>
        <name>About</name>
        <message>
            <location filename="../../gui/dialogs/about.py" line="+12" />
            <source>&lt;h3&gt;Immutable ID Sync {version}&lt;/h3&gt;&lt;p&gt;Fills in missing ImmutableIds in a Microsoft Entra tenant before a domain is federated. It never changes a user that already has one.&lt;/p&gt;&lt;p&gt;Log files: &lt;code&gt;{logs}&lt;/code&gt;&lt;br&gt;Run folders and reports: &lt;code&gt;{runs}&lt;/code&gt;&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Immutable ID Sync {version}&lt;/h3&gt;&lt;p&gt;Fyller i saknade ImmutableId i en klientorganisation i Microsoft Entra innan en domän federeras. Verktyget ändrar aldrig en användare som redan har ett.&lt;/p&gt;&lt;p&gt;Loggfiler: &lt;code&gt;{logs}&lt;/code&gt;&lt;br&gt;Körningarnas mappar och rapporter: &lt;code&gt;{runs}&lt;/code&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+10" />
            <source>About Immutable ID Sync</source>
            <translation>Om Immutable ID Sync</translation>
        </message>
    </context>
    <context>
        <name>AppReg</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+497" />
            <source>Microsoft's sign-in service does not know this tenant in this cloud.</source>
            <translation>Microsofts inloggningstjänst känner inte till den här klientorganisationen i det här molnet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The sign-in was cancelled, or consent was declined, in the browser.</source>
            <translation>Inloggningen avbröts, eller så nekades medgivandet, i webbläsaren.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The sign-in was not finished in the browser in time (was the window closed?).</source>
            <translation>Inloggningen slutfördes inte i webbläsaren i tid (stängdes fönstret?).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The sign-in failed.</source>
            <translation>Inloggningen misslyckades.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The tenant refused the device-code sign-in.</source>
            <translation>Klientorganisationen nekade inloggning med enhetskod.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph does not offer a permission this tool needs.</source>
            <translation>Microsoft Graph erbjuder inte en behörighet som verktyget behöver.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The account that signed in may not create app registrations.</source>
            <translation>Kontot som loggade in får inte skapa appregistreringar.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The account that signed in may not grant admin consent.</source>
            <translation>Kontot som loggade in får inte ge administratörsmedgivande.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The account that signed in may not add a secret to this app.</source>
            <translation>Kontot som loggade in får inte lägga till en hemlighet i den här appen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The tenant's app management policy does not allow client secrets.</source>
            <translation>Klientorganisationens princip för apphantering tillåter inte klienthemligheter.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph refused a step of creating the app registration.</source>
            <translation>Microsoft Graph nekade ett steg när appregistreringen skapades.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The new app registration did not start working in time.</source>
            <translation>Den nya appregistreringen började inte fungera i tid.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The new secret did not start working in time, so it was not kept; the old secret is still in use.</source>
            <translation>Den nya hemligheten började inte fungera i tid, så den sparades inte; den gamla hemligheten används fortfarande.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This computer's keychain could not keep the certificate's private key, so nothing can sign in as the app.</source>
            <translation>Datorns nyckelring kunde inte spara certifikatets privata nyckel, så ingenting kan logga in som appen.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Check the tenant and, under Advanced, the cloud.</source>
            <translation>Kontrollera klientorganisationen och, under Avancerat, molnet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Try again and choose Accept, signed in as an admin.</source>
            <translation>Försök igen och välj Godkänn, inloggad som administratör.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Try again and finish the sign-in in the browser window that opens.</source>
            <translation>Försök igen och slutför inloggningen i webbläsarfönstret som öppnas.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Try again; if it fails again, check the account at entra.microsoft.com.</source>
            <translation>Försök igen; om det misslyckas igen, kontrollera kontot på entra.microsoft.com.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+2" />
            <source>Sign in as a Global Administrator, or as someone with both Privileged Role Administrator and Application Administrator.</source>
            <translation>Logga in som global administratör, eller som någon som är både administratör för privilegierade roller och programadministratör.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sign in as a Global Administrator or an Application Administrator.</source>
            <translation>Logga in som global administratör eller programadministratör.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the tenant's admins to exempt this app from the policy, or delete it.</source>
            <translation>Be klientorganisationens administratörer att undanta appen från principen, eller ta bort appen.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Try again in a few minutes.</source>
            <translation>Försök igen om några minuter.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Renew again later, and delete the unused new secret.</source>
            <translation>Förnya igen senare och ta bort den nya, oanvända hemligheten.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft can take several minutes. The secret is kept: run the check again in a few minutes.</source>
            <translation>Det kan ta Microsoft flera minuter. Hemligheten är sparad: kör kontrollen igen om några minuter.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unlock or repair the keychain, delete the app (below) and make it again.</source>
            <translation>Lås upp eller reparera nyckelringen, ta bort appen (nedan) och skapa den igen.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sign in as an admin in the browser window that opened…</source>
            <translation>Logga in som administratör i webbläsarfönstret som öppnades…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Looking up Microsoft Graph's permissions…</source>
            <translation>Slår upp Microsoft Graphs behörigheter…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Creating the app registration “{name}”…</source>
            <translation>Skapar appregistreringen ”{name}”…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Creating its service principal…</source>
            <translation>Skapar dess tjänsthuvudnamn…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Adding a client secret ({days} days)…</source>
            <translation>Lägger till en klienthemlighet ({days} dagar)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This tenant's app management policy does not allow client secrets: making a certificate instead…</source>
            <translation>Klientorganisationens princip för apphantering tillåter inte klienthemligheter: skapar ett certifikat i stället…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Adding a self-signed certificate ({days} days)…</source>
            <translation>Lägger till ett självsignerat certifikat ({days} dagar)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Granting admin consent for {role}…</source>
            <translation>Ger administratörsmedgivande för {role}…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Finding the app…</source>
            <translation>Letar upp appen…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Waiting for Microsoft to make the app ready (attempt {attempt}, {elapsed} s of at most {timeout} s)…</source>
            <translation>Väntar tills appen fungerar hos Microsoft (försök {attempt}, {elapsed} s av högst {timeout} s)…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the application (client ID {ident})</source>
            <translation>programmet (program-ID {ident})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>its service principal</source>
            <translation>dess tjänsthuvudnamn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a client secret (ID {ident})</source>
            <translation>en klienthemlighet (ID {ident})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a certificate (ID {ident})</source>
            <translation>ett certifikat (ID {ident})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>admin consent for {ident}</source>
            <translation>administratörsmedgivande för {ident}</translation>
        </message>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+2" />
            <source>Certificate expires: {v}</source>
            <translation>Certifikatet går ut: {v}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client Id: {v}</source>
            <translation>Client Id: {v}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client secret: {v}</source>
            <translation>Klienthemlighet: {v}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created in the tenant: {items}.</source>
            <translation>Skapat i klientorganisationen: {items}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credential: a certificate (thumbprint {v}); its private key stays in this computer's keychain</source>
            <translation>Autentiseringsuppgift: ett certifikat (tumavtryck {v}); dess privata nyckel stannar i den här datorns nyckelring</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note: Skolon Data Hub may accept only a client secret. The tenant's policy blocks secrets, so ask Skolon whether Data Hub can use a certificate, or ask the tenant's admins to exempt this app from the policy.</source>
            <translation>Obs! Skolon Data Hub kanske bara tar emot en klienthemlighet. Klientorganisationens princip blockerar hemligheter, så fråga Skolon om Data Hub kan använda ett certifikat, eller be klientorganisationens administratörer att undanta appen från principen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing was created in the tenant.</source>
            <translation>Inget skapades i klientorganisationen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Secret expires: {v}</source>
            <translation>Hemligheten går ut: {v}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant Id: {v}</source>
            <translation>Tenant Id: {v}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To delete it: Entra admin center &gt; App registrations &gt; All applications &gt; “{name}” &gt; Delete, or run: az ad app delete --id {client_id}</source>
            <translation>Så tar du bort den: Administrationscentret för Entra &gt; Appregistreringar &gt; Alla program &gt; ”{name}” &gt; Ta bort, eller kör: az ad app delete --id {client_id}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To delete it: the app's Certificates &amp; secrets page, the secret with ID {key_id}, or run: az ad app credential delete --id {client_id} --key-id {key_id}</source>
            <translation>Så tar du bort den: appens sida Certifikat och hemligheter, hemligheten med ID {key_id}, eller kör: az ad app credential delete --id {client_id} --key-id {key_id}</translation>
        </message>
        <message>
            <location filename="../../gui/code_texts.py" line="-51" />
            <source>The sign-in was cancelled.</source>
            <translation>Inloggningen avbröts.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled before the app registration was finished.</source>
            <translation>Avbröts innan appregistreringen var klar.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled while waiting for Microsoft to make the new app ready.</source>
            <translation>Avbröts medan Microsoft gjorde den nya appen klar att använda.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Sign in again when you are ready.</source>
            <translation>Logga in igen när det passar dig.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete what was created (below), or create the app again.</source>
            <translation>Ta bort det som skapades (se nedan), eller skapa appen igen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The app exists, its secret is kept and the connection is saved. It usually works within minutes: run the check later, or delete the app (below).</source>
            <translation>Appen finns, dess hemlighet är sparad och anslutningen är sparad. Den brukar fungera inom några minuter: kör kontrollen senare, eller ta bort appen (se nedan).</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Note: this tenant already has {count} app registration(s) named “{name}” (client ID {client_ids}). A new one is made beside it. To give an existing one a new secret instead, cancel and use “Renew the secret”.</source>
            <translation>Obs! Klientorganisationen har redan {count} appregistrering(ar) med namnet ”{name}” (program-ID {client_ids}). En ny skapas vid sidan av. Vill du i stället ge en befintlig app en ny hemlighet: avbryt och använd ”Förnya hemligheten”.</translation>
        </message>
    </context>
    <context>
        <name>AppRegDialog</name>
        <message>
            <location filename="../../gui/dialogs/appreg.py" line="+61" />
            <source>Renew the client secret</source>
            <translation>Förnya klienthemligheten</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Create the app registration</source>
            <translation>Skapa appregistreringen</translation>
        </message>
        <message>
            <location line="+13" />
            <source>You sign in once, as an admin of the school's tenant (Global Administrator, or Privileged Role Administrator and Application Administrator). The tool then creates the app registration, its secret and the admin consent, and keeps the secret in this computer's keychain.</source>
            <translation>Du loggar in en gång, som administratör för skolans klientorganisation (global administratör, eller administratör för privilegierade roller och programadministratör). Verktyget skapar sedan appregistreringen, dess hemlighet och administratörsmedgivandet, och sparar hemligheten i datorns nyckelring.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>You sign in once, as an admin. The tool adds a new secret to the app, checks that it works and keeps it in this computer's keychain.</source>
            <translation>Du loggar in en gång, som administratör. Verktyget lägger till en ny hemlighet i appen, kontrollerar att den fungerar och sparar den i datorns nyckelring.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>App name</source>
            <translation>Appens namn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Also {role} (recommended)</source>
            <translation>Även {role} (rekommenderas)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>App &amp;name:</source>
            <translation>Appens &amp;namn:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Permissions:</source>
            <translation>Behörigheter:</translation>
        </message>
        <message>
            <location line="+9" />
            <source> years</source>
            <translation> år</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Secret &amp;valid for:</source>
            <translation>Hemligheten &amp;gäller i:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Then delete the old secret</source>
            <translation>Ta sedan bort den gamla hemligheten</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sign-in client ID</source>
            <translation>Program-ID för inloggning</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The public client that signs you in. Leave it, or use your own client ID (a public client with http://localhost as redirect URI).</source>
            <translation>Den offentliga klient som loggar in dig. Låt den vara, eller ange ett eget program-ID (en offentlig klient med http://localhost som omdirigerings-URI).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sign-in &amp;client ID:</source>
            <translation>&amp;Program-ID för inloggning:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Sign in with Microsoft</source>
            <translation>&amp;Logga in med Microsoft</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Close</source>
            <translation>Stäng</translation>
        </message>
        <message>
            <location line="+19" />
            <source>&amp;Copy for Skolon Data Hub</source>
            <translation>&amp;Kopiera för Skolon Data Hub</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save a calendar &amp;reminder…</source>
            <translation>Spara en &amp;kalenderpåminnelse…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>C&amp;ontinue to the check</source>
            <translation>&amp;Fortsätt till kontrollen</translation>
        </message>
        <message>
            <location line="+22" />
            <source>No keychain</source>
            <translation>Ingen nyckelring</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This computer has no keychain to keep the new secret in. Go on, and the secret can be copied once, on the last step, and never again? Or cancel: nothing is created.</source>
            <translation>Datorn har ingen nyckelring att spara den nya hemligheten i. Vill du fortsätta, så kan hemligheten kopieras en gång, i sista steget, och aldrig igen? Eller avbryt: ingenting skapas.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>the sign-in page</source>
            <translation>inloggningssidan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>If no browser window opened, open {link}.</source>
            <translation>Om inget webbläsarfönster öppnades, öppna {link}.</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Client ID: {v}</source>
            <translation>Program-ID (klient): {v}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tenant ID: {v}</source>
            <translation>Katalog-ID (klientorganisation): {v}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This tenant's policy does not allow client secrets, so the app signs in with a certificate made on this computer.</source>
            <translation>Klientorganisationens princip tillåter inte klienthemligheter, så appen loggar in med ett certifikat som skapats på den här datorn.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The certificate expires on: {v}</source>
            <translation>Certifikatet går ut: {v}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The tenant's policy does not allow longer certificates.</source>
            <translation>Klientorganisationens princip tillåter inte längre certifikat.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Skolon Data Hub may accept only a client secret: ask Skolon whether it can use a certificate.</source>
            <translation>Skolon Data Hub kanske bara tar emot en klienthemlighet: fråga Skolon om den kan använda ett certifikat.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The secret expires on: {v}</source>
            <translation>Hemligheten går ut: {v}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The tenant's policy does not allow longer secrets.</source>
            <translation>Klientorganisationens princip tillåter inte längre hemligheter.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The certificate's private key is kept in this computer's keychain.</source>
            <translation>Certifikatets privata nyckel sparas i datorns nyckelring.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The secret is kept in this computer's keychain.</source>
            <translation>Hemligheten sparas i datorns nyckelring.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Warning: this computer has no keychain. Copy the secret now (Copy for Skolon Data Hub): it cannot be shown again after this window closes.</source>
            <translation>Varning: datorn har ingen nyckelring. Kopiera hemligheten nu (Kopiera för Skolon Data Hub): den kan inte visas igen när fönstret har stängts.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Copied: paste it into Skolon Data Hub, then copy something else.</source>
            <translation>Kopierat: klistra in det i Skolon Data Hub och kopiera sedan något annat.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save a calendar reminder</source>
            <translation>Spara en kalenderpåminnelse</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calendar (*.ics)</source>
            <translation>Kalender (*.ics)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Reminder saved: {path}</source>
            <translation>Påminnelsen sparades: {path}</translation>
        </message>
        <message>
            <location line="-185" />
            <source>Copy the &amp;link</source>
            <translation>Kopiera &amp;länken</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Cancel</source>
            <translation>&amp;Avbryt</translation>
        </message>
        <message>
            <location line="+95" />
            <source>No web browser could be opened on this computer.</source>
            <translation>Det gick inte att öppna någon webbläsare på den här datorn.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy the link below and open it in a web browser on this same computer, then sign in as an admin. The answer comes back to this program through http://localhost, so a browser on another device cannot finish the sign-in.</source>
            <translation>Kopiera länken nedan och öppna den i en webbläsare på samma dator, och logga sedan in som administratör. Svaret kommer tillbaka till programmet via http://localhost, så en webbläsare på en annan enhet kan inte slutföra inloggningen.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Link copied</source>
            <translation>Länken är kopierad</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Cancelling…</source>
            <translation>Avbryter…</translation>
        </message>
    </context>
    <context>
        <name>Attribute</name>
        <message>
            <location filename="../../gui/code_texts.py" line="-188" />
            <source>Object ID (as Entra Connect does, with guid-base64)</source>
            <translation>Objekt-ID (som Entra Connect, med guid-base64)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Employee ID</source>
            <translation>Anställnings-ID</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail address</source>
            <translation>E-postadress</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User principal name</source>
            <translation>Huvudnamn (UPN)</translation>
        </message>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+1" />
            <source>Object ID</source>
            <translation>Objekt-ID</translation>
        </message>
    </context>
    <context>
        <name>BusyIndicator</name>
        <message>
            <location filename="../../gui/widgets/busy.py" line="+16" />
            <source>Progress</source>
            <translation>Förlopp</translation>
        </message>
    </context>
    <context>
        <name>Check</name>
        <message>
            <location filename="../../gui/code_texts.py" line="-27" />
            <source>Tenant</source>
            <translation>Klientorganisation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign-in as the app</source>
            <translation>Inloggning som appen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admin consent</source>
            <translation>Administratörsmedgivande</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reading users</source>
            <translation>Läsa användare</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Domains</source>
            <translation>Domäner</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Secret expiry</source>
            <translation>Hemlighetens giltighetstid</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admins known before writing</source>
            <translation>Administratörer kända innan värden sätts</translation>
        </message>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+1" />
            <source>Microsoft Graph can read the users ({n} users).</source>
            <translation>Microsoft Graph kan läsa användarna ({n} användare).</translation>
        </message>
    </context>
    <context>
        <name>CheckPage</name>
        <message>
            <location filename="../../gui/pages/check.py" line="+21" />
            <source>Check the connection</source>
            <translation>Kontrollera anslutningen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signs in as the app and proves it may read and write users. Nothing is written.</source>
            <translation>Loggar in som appen och visar att den får läsa och ändra användare. Ingenting ändras.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;Retry the checks</source>
            <translation>&amp;Kontrollera igen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retry the checks</source>
            <translation>Kontrollera igen</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Undo an ear&amp;lier run…</source>
            <translation>Ångra en &amp;tidigare körning…</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Waiting…</source>
            <translation>Väntar…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Checking the connection with Microsoft…</source>
            <translation>Kontrollerar anslutningen till Microsoft…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Checking…</source>
            <translation>Kontrollerar…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The connection is not ready yet.</source>
            <translation>Anslutningen är inte klar än.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fix what the list above says, then press Retry. Back takes you to the connection details.</source>
            <translation>Åtgärda det som listan ovan säger och tryck sedan på Kontrollera igen. Med Tillbaka kommer du till anslutningsuppgifterna.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Looking for an unfinished run…</source>
            <translation>Letar efter en oavslutad körning…</translation>
        </message>
    </context>
    <context>
        <name>Cloud</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+6" />
            <source>Global (most tenants)</source>
            <translation>Global (de flesta klientorganisationer)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>US Government (GCC High)</source>
            <translation>USA:s myndigheter (GCC High)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>US Government DoD</source>
            <translation>USA:s myndigheter, DoD</translation>
        </message>
        <message>
            <location line="+1" />
            <source>China (21Vianet)</source>
            <translation>Kina (21Vianet)</translation>
        </message>
    </context>
    <context>
        <name>Code</name>
        <message>
            <location line="-336" />
            <source>The tenant is missing.</source>
            <translation>Klientorganisationen saknas.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>'common', 'organizations' and 'consumers' are not a tenant.</source>
            <translation>'common', 'organizations' och 'consumers' är inte en klientorganisation.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This looks like a web address, not a tenant ID or domain.</source>
            <translation>Det här ser ut som en webbadress, inte ett katalog-ID eller en domän.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This looks like an e-mail address.</source>
            <translation>Det här ser ut som en e-postadress.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+13" />
            <source>This looks like a client secret.</source>
            <translation>Det här ser ut som en klienthemlighet.</translation>
        </message>
        <message>
            <location line="-12" />
            <source>This is neither a tenant ID (GUID) nor a domain name.</source>
            <translation>Det här är varken ett katalog-ID (GUID) eller ett domännamn.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The connection's name is empty.</source>
            <translation>Anslutningens namn är tomt.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The name holds a line break or another invisible character: type it on one line.</source>
            <translation>Namnet innehåller en radbrytning eller ett annat osynligt tecken: skriv det på en rad.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The name cannot hold / \ : * ? " &lt; &gt; | or a %…% pair: they cannot be part of a file or task name.</source>
            <translation>Namnet får inte innehålla / \ : * ? " &lt; &gt; | eller ett par %…%: de kan inte ingå i ett fil- eller aktivitetsnamn.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The name cannot start or end with a space or a dot, or start with a dash.</source>
            <translation>Namnet får inte börja eller sluta med mellanslag eller punkt, och inte börja med bindestreck.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Windows reserves this name for a device (CON, NUL, COM1 …): choose another.</source>
            <translation>Windows reserverar namnet för en enhet (CON, NUL, COM1 …): välj ett annat.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The name is too long: use at most 64 characters.</source>
            <translation>Namnet är för långt: använd högst 64 tecken.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The application (client) ID is missing.</source>
            <translation>Program-ID (klient) saknas.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This looks like a web address.</source>
            <translation>Det här ser ut som en webbadress.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The application (client) ID is not a GUID.</source>
            <translation>Program-ID (klient) är inte ett GUID.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This is the same as the tenant ID.</source>
            <translation>Det här är samma som katalog-ID:t.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown cloud.</source>
            <translation>Okänt moln.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The address must start with https://.</source>
            <translation>Adressen måste börja med https://.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The address is not a valid https URL.</source>
            <translation>Adressen är inte en giltig https-adress.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The CA bundle file does not exist.</source>
            <translation>CA-filen finns inte.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file does not exist.</source>
            <translation>Profilfilen finns inte.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file cannot be read.</source>
            <translation>Profilfilen går inte att läsa.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file is empty.</source>
            <translation>Profilfilen är tom.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file is not valid JSON.</source>
            <translation>Profilfilen är inte giltig JSON.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file is not valid JSON: it ends too early, so it may be cut short.</source>
            <translation>Profilfilen är inte giltig JSON: den tar slut för tidigt, så den kan vara avkortad.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file does not hold one JSON object.</source>
            <translation>Profilfilen innehåller inte ett JSON-objekt.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile file lacks a required field.</source>
            <translation>Ett obligatoriskt fält saknas i profilfilen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A value in the profile file is not text.</source>
            <translation>Ett värde i profilfilen är inte text.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The profile's expiry date is not a date.</source>
            <translation>Profilens utgångsdatum är inte ett datum.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The connection details are not valid.</source>
            <translation>Anslutningsuppgifterna är inte giltiga.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The client secret is missing.</source>
            <translation>Klienthemligheten saknas.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This looks like the secret's ID (a GUID), not its Value.</source>
            <translation>Det här ser ut som hemlighetens ID (ett GUID), inte dess värde.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This computer has no usable keychain, so the secret is kept only until you close the program.</source>
            <translation>Datorn har ingen nyckelring som går att använda, så hemligheten sparas bara tills du stänger programmet.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The keychain failed, so the secret is kept only until you close the program.</source>
            <translation>Nyckelringen fungerade inte, så hemligheten sparas bara tills du stänger programmet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No client secret was found.</source>
            <translation>Ingen klienthemlighet hittades.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft does not know this tenant.</source>
            <translation>Microsoft känner inte till den här klientorganisationen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The application was not found in this tenant.</source>
            <translation>Programmet hittades inte i den här klientorganisationen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The client secret was refused.</source>
            <translation>Klienthemligheten godtogs inte.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The client secret has expired.</source>
            <translation>Klienthemligheten har gått ut.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No client secret was sent.</source>
            <translation>Ingen klienthemlighet skickades.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The application is disabled.</source>
            <translation>Programmet är inaktiverat.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This computer's TLS version is too old for Microsoft's login service.</source>
            <translation>Datorns TLS-version är för gammal för Microsofts inloggningstjänst.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph was not found for this tenant.</source>
            <translation>Microsoft Graph hittades inte för den här klientorganisationen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A Conditional Access policy blocked the sign-in.</source>
            <translation>En princip för villkorsstyrd åtkomst stoppade inloggningen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The server's certificate is not trusted.</source>
            <translation>Serverns certifikat är inte betrott.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No answer from the server.</source>
            <translation>Servern svarar inte.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft's login service answered with an error.</source>
            <translation>Microsofts inloggningstjänst svarade med ett fel.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign-in failed.</source>
            <translation>Inloggningen misslyckades.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant found.</source>
            <translation>Klientorganisationen hittades.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credentials accepted.</source>
            <translation>Inloggningsuppgifterna godtogs.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admin consent granted.</source>
            <translation>Administratörsmedgivande har beviljats.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admin consent for User.ReadWrite.All is missing.</source>
            <translation>Administratörsmedgivande för User.ReadWrite.All saknas.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph can read the users.</source>
            <translation>Microsoft Graph kan läsa användarna.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph refused to list the users.</source>
            <translation>Microsoft Graph vägrade lista användarna.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph answered with an error.</source>
            <translation>Microsoft Graph svarade med ett fel.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The connection dropped before Microsoft answered.</source>
            <translation>Anslutningen bröts innan Microsoft svarade.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph pointed to another host; nothing was sent there.</source>
            <translation>Microsoft Graph hänvisade till en annan server; inget skickades dit.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No domain is federated.</source>
            <translation>Ingen domän är federerad.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Some domains are federated.</source>
            <translation>Några domäner är federerade.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not known (the app may not read domains).</source>
            <translation>Okänt (appen får inte läsa domäner).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Yes: the preview marks them, and leaves them out.</source>
            <translation>Ja: förhandsgranskningen markerar dem och lämnar dem utanför.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Yes, except members of groups the app cannot read.</source>
            <translation>Ja, utom medlemmar i grupper som appen inte kan läsa.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not known (optional permission not granted).</source>
            <translation>Okänt (den valfria behörigheten är inte beviljad).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The secret is valid for more than 30 days.</source>
            <translation>Hemligheten gäller i mer än 30 dagar till.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The secret expires within 30 days.</source>
            <translation>Hemligheten går ut inom 30 dagar.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The secret's expiry date has passed.</source>
            <translation>Hemlighetens utgångsdatum har passerats.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not known.</source>
            <translation>Okänd.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Skipped: an earlier step failed.</source>
            <translation>Hoppades över: ett tidigare steg misslyckades.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled.</source>
            <translation>Avbruten.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft refused every write for a long time, so the run stopped.</source>
            <translation>Microsoft avvisade alla skrivförsök under lång tid, så körningen stoppades.</translation>
        </message>
        <message>
            <location line="+509" />
            <source>Entra refused the certificate: the app has no such certificate, it has expired, or the private key does not belong to it.</source>
            <translation>Entra avvisade certifikatet: appen har inget sådant certifikat, det har gått ut, eller så hör den privata nyckeln inte till det.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Entra refused the sign-in because this computer's clock is wrong.</source>
            <translation>Entra avvisade inloggningen eftersom datorns klocka går fel.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No private key for the connection's certificate is in this computer's keychain.</source>
            <translation>Det finns ingen privat nyckel för anslutningens certifikat i datorns nyckelring.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No private key for the connection's certificate is stored in this computer's keychain.</source>
            <translation>Ingen privat nyckel för anslutningens certifikat är sparad i datorns nyckelring.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The certificate is valid for more than 30 days.</source>
            <translation>Certifikatet är giltigt i mer än 30 dagar.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The certificate expires within 30 days.</source>
            <translation>Certifikatet går ut inom 30 dagar.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The certificate's expiry date has passed.</source>
            <translation>Certifikatets utgångsdatum har passerats.</translation>
        </message>
    </context>
    <context>
        <name>Column</name>
        <message>
            <location line="-282" />
            <source>Display name</source>
            <translation>Visningsnamn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User principal name</source>
            <translation>Huvudnamn (UPN)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current ImmutableId</source>
            <translation>Nuvarande ImmutableId</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New ImmutableId</source>
            <translation>Nytt ImmutableId</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Detail</source>
            <translation>Detalj</translation>
        </message>
    </context>
    <context>
        <name>ConfirmPage</name>
        <message>
            <location filename="../../gui/pages/confirm.py" line="+19" />
            <source>Confirm</source>
            <translation>Bekräfta</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read this, then confirm. This is the last step before writing.</source>
            <translation>Läs igenom och bekräfta. Det här är sista steget innan något ändras.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What will happen</source>
            <translation>Det här kommer att hända</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Warnings</source>
            <translation>Varningar</translation>
        </message>
        <message>
            <location line="+4" />
            <source>What will be written</source>
            <translation>Vad som ändras</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Dry run: go through every user but write nothing</source>
            <translation>&amp;Provkörning: gå igenom alla användare men ändra ingenting</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Confirmation</source>
            <translation>Bekräftelse</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Start the &amp;dry run</source>
            <translation>Starta &amp;provkörningen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Start writing</source>
            <translation>&amp;Skriv ImmutableId</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Reading the failed users again from the tenant…</source>
            <translation>Läser de misslyckade användarna på nytt från klientorganisationen…</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs/undo.py" line="+164" />
            <location filename="../../gui/pages/confirm.py" line="+22" />
            <source>To confirm, type the tenant ID &lt;b&gt;{token}&lt;/b&gt; or the tenant's domain, e.g. &lt;b&gt;{domain}&lt;/b&gt;</source>
            <translation>Bekräfta genom att skriva katalog-ID:t &lt;b&gt;{token}&lt;/b&gt; eller klientorganisationens domän, t.ex. &lt;b&gt;{domain}&lt;/b&gt;</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../gui/pages/confirm.py" line="+3" />
            <source>To confirm, type the tenant exactly as below: &lt;b&gt;{token}&lt;/b&gt;</source>
            <translation>Bekräfta genom att skriva klientorganisationen exakt som nedan: &lt;b&gt;{token}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../gui/pages/confirm.py" line="+43" />
            <source>The unfinished run used the UPN swap. Users it had begun are finished either way; tick the UPN swap below to set the rest of them too.</source>
            <translation>Den oavslutade körningen använde UPN-bytet. Användare som den hade påbörjat slutförs i vilket fall som helst; kryssa i UPN-bytet nedan för att även ange värden för resten.</translation>
        </message>
    </context>
    <context>
        <name>ConnectionPage</name>
        <message>
            <location filename="../../gui/pages/connection.py" line="+49" />
            <source>Connection</source>
            <translation>Anslutning</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The school's tenant and the app registration the tool signs in as.</source>
            <translation>Skolans klientorganisation och den appregistrering som verktyget loggar in som.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Saved connection</source>
            <translation>Sparad anslutning</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Forget this connection</source>
            <translation>&amp;Glöm den här anslutningen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Saved connection:</source>
            <translation>&amp;Sparad anslutning:</translation>
        </message>
        <message>
            <location line="+20" />
            <source>e.g. Example School</source>
            <translation>t.ex. Exempelskolan</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Connection name</source>
            <translation>Anslutningens namn</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Name (o&amp;ptional):</source>
            <translation>Namn (valfri&amp;tt):</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Directory (tenant) ID, or the school's domain</source>
            <translation>Katalog-ID (klientorganisation) eller skolans domän</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Tenant:</source>
            <translation>&amp;Klientorganisation:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tenant</source>
            <translation>Klientorganisation</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Application (client) ID</source>
            <translation>Program-ID (klient)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Client ID:</source>
            <translation>&amp;Program-ID:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Client ID</source>
            <translation>Program-ID (klient)</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+158" />
            <source>The client secret's Value (not its Secret ID)</source>
            <translation>Klienthemlighetens värde (inte hemlighetens ID)</translation>
        </message>
        <message>
            <location line="-157" />
            <source>Client s&amp;ecret:</source>
            <translation>Klient&amp;hemlighet:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client secret</source>
            <translation>Klienthemlighet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>S&amp;how the secret</source>
            <translation>&amp;Visa hemligheten</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Remember the secret in this computer's keychain</source>
            <translation>Kom ihåg hemligheten i datorns n&amp;yckelring</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The secret e&amp;xpires on:</source>
            <translation>Hemligheten går &amp;ut:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Secret expiry date</source>
            <translation>Hemlighetens utgångsdatum</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Optional:</source>
            <translation>Valfritt:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Ad&amp;vanced</source>
            <translation>&amp;Avancerat</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Cloud</source>
            <translation>Moln</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;loud:</source>
            <translation>&amp;Moln:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Login URL:</source>
            <translation>Inloggningsadress:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Login URL</source>
            <translation>Inloggningsadress</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Graph URL:</source>
            <translation>Graph-adress:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Graph URL</source>
            <translation>Graph-adress</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CA bundle:</source>
            <translation>CA-fil:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>CA bundle file</source>
            <translation>CA-fil</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only for a test tenant; leave empty</source>
            <translation>Bara för en testorganisation; lämna tomt</translation>
        </message>
        <message>
            <location line="+40" />
            <source>New connection</source>
            <translation>Ny anslutning</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Reading the secret from the keychain…</source>
            <translation>Läser hemligheten från nyckelringen…</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Signs in with a certificate (thumbprint {v}); its private key is in the keychain</source>
            <translation>Loggar in med ett certifikat (tumavtryck {v}); dess privata nyckel finns i nyckelringen</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+129" />
            <source>Removing the secret from the keychain…</source>
            <translation>Tar bort hemligheten från nyckelringen…</translation>
        </message>
        <message>
            <location line="-47" />
            <source>A connection called “{name}” is already saved (tenant {tenant}, app {app}). Replace it?</source>
            <translation>Det finns redan en sparad anslutning som heter ”{name}” (klientorganisation {tenant}, program-ID {app}). Vill du ersätta den?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>It is scheduled: the scheduled sync will use what you save now.</source>
            <translation>Den är schemalagd: den schemalagda synkroniseringen använder det du sparar nu.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Replace the saved connection?</source>
            <translation>Ersätta den sparade anslutningen?</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Saving the secret in the keychain… (it may be asking for your permission)</source>
            <translation>Sparar hemligheten i nyckelringen… (den kanske ber om ditt tillstånd)</translation>
        </message>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+1" />
            <source>Calendar (*.ics)</source>
            <translation>Kalender (*.ics)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create it for &amp;me…</source>
            <translation>Skapa den åt m&amp;ig…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the tenant, then sign in once as an admin: the tool creates the app registration</source>
            <translation>Ange klientorganisationen och logga sedan in en gång som administratör: verktyget skapar appregistreringen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expiry remin&amp;der…</source>
            <translation>Påminnels&amp;e om utgång…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rene&amp;w the secret…</source>
            <translation>&amp;Förnya hemligheten…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save a calendar reminder</source>
            <translation>Spara en kalenderpåminnelse</translation>
        </message>
    </context>
    <context>
        <name>CsvError</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+44" />
            <source>The file does not exist.</source>
            <translation>Filen finns inte.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file cannot be read.</source>
            <translation>Filen går inte att läsa.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file is empty.</source>
            <translation>Filen är tom.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This is an Excel workbook. Save it as CSV (File → Save as → CSV UTF-8) and choose that file.</source>
            <translation>Det här är en Excel-arbetsbok. Spara den som CSV (Arkiv → Spara som → CSV UTF-8) och välj den filen.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This is not a text file.</source>
            <translation>Det här är inte en textfil.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file's text encoding is not recognised. Save it as CSV UTF-8.</source>
            <translation>Filens teckenkodning känns inte igen. Spara den som CSV UTF-8.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file has no header row with column names.</source>
            <translation>Filen har ingen rubrikrad med kolumnnamn.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A column has no name in the header row.</source>
            <translation>En kolumn saknar namn i rubrikraden.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file has a header but no rows. Export the list again with one row per person.</source>
            <translation>Filen har en rubrikrad men inga rader. Exportera listan igen med en rad per person.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Two columns have this name. Rename one of them in the file.</source>
            <translation>Två kolumner har det här namnet. Byt namn på en av dem i filen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A row has more fields than the header.</source>
            <translation>En rad har fler fält än rubrikraden.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A row has fewer fields than the header.</source>
            <translation>En rad har färre fält än rubrikraden.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file is not valid CSV (check the quotes).</source>
            <translation>Filen är inte giltig CSV (kontrollera citattecknen).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The column does not exist.</source>
            <translation>Kolumnen finns inte.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The key column and the value column must differ.</source>
            <translation>Nyckelkolumnen och värdekolumnen måste vara olika.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file changed after it was read. Choose it again.</source>
            <translation>Filen har ändrats sedan den lästes in. Välj den igen.</translation>
        </message>
    </context>
    <context>
        <name>Detail</name>
        <message>
            <location line="-154" />
            <source>Not allowed: the user probably holds an admin role. Set it by hand as a Privileged Authentication Administrator.</source>
            <translation>Inte tillåtet: användaren har troligen en administratörsroll. Ange värdet manuellt som Privilegierad autentiseringsadministratör.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Another user already has this value.</source>
            <translation>En annan användare har redan det här värdet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft rejected the value.</source>
            <translation>Microsoft avvisade värdet.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+62" />
            <source>The user no longer exists.</source>
            <translation>Användaren finns inte längre.</translation>
        </message>
        <message>
            <location line="-56" />
            <source>The value is empty.</source>
            <translation>Värdet är tomt.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value contains a character that is not allowed.</source>
            <translation>Värdet innehåller ett tecken som inte är tillåtet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value contains a space.</source>
            <translation>Värdet innehåller ett blanksteg.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value contains a control character.</source>
            <translation>Värdet innehåller ett styrtecken.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value is too long (under 60, special characters count 3).</source>
            <translation>Värdet är för långt (under 60; specialtecken räknas som 3).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value is longer than 64 characters.</source>
            <translation>Värdet är längre än 64 tecken.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value is not a GUID, so guid-base64 cannot use it.</source>
            <translation>Värdet är inte ett GUID, så guid-base64 kan inte använda det.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No row in the file for this user.</source>
            <translation>Filen har ingen rad för den här användaren.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file's row for this user has an empty value (line).</source>
            <translation>Filens rad för den här användaren har ett tomt värde (rad).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file has several rows with different values for this user (lines).</source>
            <translation>Filen har flera rader med olika värden för den här användaren (rader).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The chosen attribute is empty for this user.</source>
            <translation>Det valda attributet är tomt för den här användaren.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The user has no value to match the file's key column with.</source>
            <translation>Användaren saknar ett värde att matcha mot filens nyckelkolumn.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Synced from on-premises AD.</source>
            <translation>Synkroniserad från lokalt AD.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Holds {roles}: a Privileged Authentication Administrator must set it, by hand.</source>
            <translation>Har rollen {roles}: en Privilegierad autentiseringsadministratör måste ange värdet för hand.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Domain federated; the UPN swap cannot be used: {alias} is another user's UPN.</source>
            <translation>Domänen är federerad, och UPN-bytet kan inte användas: {alias} är en annan användares UPN.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Same value as {others}.</source>
            <translation>Samma värde som {others}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Written by the interrupted run (resumed).</source>
            <translation>Angavs av den avbrutna körningen (återupptagen).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Confirmed by reading the user again.</source>
            <translation>Bekräftat genom att läsa användaren igen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Got an ImmutableId after the preview; left alone.</source>
            <translation>Fick ett ImmutableId efter förhandsgranskningen; lämnades orörd.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled before this user.</source>
            <translation>Avbröts före den här användaren.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The run stopped before this user.</source>
            <translation>Körningen stoppades före den här användaren.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The run stopped: sign-in failed ({code}).</source>
            <translation>Körningen stoppades: inloggningen misslyckades ({code}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The run stopped: the current values could not be read.</source>
            <translation>Körningen stoppades: de nuvarande värdena kunde inte läsas.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The run stopped: Microsoft Graph answered with an error.</source>
            <translation>Körningen stoppades: Microsoft Graph svarade med ett fel.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The run stopped because of an internal error (see the log).</source>
            <translation>Körningen stoppades på grund av ett internt fel (se loggen).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The run stopped: Microsoft refused every write for {minutes} minutes. Run again later.</source>
            <translation>Körningen stoppades: Microsoft avvisade alla skrivförsök i {minutes} minuter. Kör igen senare.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The current value could not be read again; run again to finish.</source>
            <translation>Det nuvarande värdet kunde inte läsas igen; kör igen för att slutföra.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>It is not known whether the write arrived; run again to finish.</source>
            <translation>Det går inte att veta om ändringen kom fram; kör igen för att slutföra.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Now holds {found}, not the value the run wrote; left alone.</source>
            <translation>Har nu {found}, inte värdet som körningen angav; lämnades orört.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already empty: someone cleared it after the run; left alone.</source>
            <translation>Redan tomt: någon rensade det efter körningen; lämnades orört.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The clear could not be confirmed; run the undo again to finish.</source>
            <translation>Rensningen kunde inte bekräftas; kör ångra igen för att slutföra.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The domain is federated, so Microsoft refuses to clear the value. Undo again with the UPN swap to clear it.</source>
            <translation>Domänen är federerad, så Microsoft vägrar rensa värdet. Ångra igen med UPN-bytet för att rensa det.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Stopped between the two steps of the UPN swap: the UPN is still {temp}. Run again; this user is finished first.</source>
            <translation>Stoppades mellan UPN-bytets två steg: UPN är fortfarande {temp}. Kör igen; den här användaren slutförs först.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Would be set with the UPN swap.</source>
            <translation>Skulle anges med UPN-bytet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared with the UPN swap.</source>
            <translation>Rensat med UPN-bytet.</translation>
        </message>
        <message>
            <location line="-10" />
            <source>Set with the UPN swap.</source>
            <translation>Angivet med UPN-bytet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft refused to move the UPN for the swap, so nothing was changed: {message} ({code})</source>
            <translation>Microsoft nekade att flytta UPN:en för bytet, så ingenting ändrades: {message} ({code})</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The UPN swap's second step failed; the UPN was put back.</source>
            <translation>UPN-bytets andra steg misslyckades; UPN:en återställdes.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The UPN could not be put back: it is still {upn}. Change it back by hand.</source>
            <translation>UPN:en kunde inte återställas: den är fortfarande {upn}. Ändra tillbaka den för hand.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The UPN changed since the preview; preview again.</source>
            <translation>UPN:en har ändrats sedan förhandsgranskningen; förhandsgranska igen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The tenant's .onmicrosoft.com domain could not be read.</source>
            <translation>Klientorganisationens .onmicrosoft.com-domän kunde inte läsas.</translation>
        </message>
        <message>
            <location line="-72" />
            <source>Synced from on-premises AD: set the source anchor there.</source>
            <translation>Synkroniserad från lokalt AD: ange källankaret där.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The user's domain is federated.</source>
            <translation>Användarens domän är federerad.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Microsoft kept throttling this write; run again later.</source>
            <translation>Microsoft begränsade den här ändringen gång på gång; kör igen senare.</translation>
        </message>
        <message>
            <location line="-1" />
            <source>The connection failed repeatedly; run again to finish.</source>
            <translation>Anslutningen misslyckades upprepade gånger; kör igen för att slutföra.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Tick “Include guests” to include.</source>
            <translation>Markera ”Ta med gäster” för att ta med.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tick “Include disabled accounts” to include.</source>
            <translation>Markera ”Ta med inaktiverade konton” för att ta med.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already held by {value}.</source>
            <translation>Används redan av {value}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Domain {value}.</source>
            <translation>Domänen {value}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Domain {value} is federated.</source>
            <translation>Domänen {value} är federerad.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Domain {value} is federated: tick the UPN swap on the Confirm page to set it.</source>
            <translation>Domänen {value} är federerad: kryssa i UPN-bytet på sidan Bekräfta för att ange värdet.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>On the temporary UPN {temp} left by an interrupted UPN swap (its own UPN: {original}). Tick the UPN swap (on the Confirm page, or in the undo) to move it back.</source>
            <translation>Har kvar det tillfälliga UPN:et {temp} efter ett avbrutet UPN-byte (dess eget UPN: {original}). Kryssa i UPN-bytet (på sidan Bekräfta eller i ångringen) för att flytta tillbaka den.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Someone else set {found} after this run wrote {wrote}.</source>
            <translation>Någon annan satte {found} efter att den här körningen hade angett {wrote}.</translation>
        </message>
        <message>
            <location line="-28" />
            <source>Domain federated; the UPN swap cannot be used: its temporary UPN {alias} would also be {others}'s.</source>
            <translation>Domänen är federerad, och UPN-bytet kan inte användas: dess tillfälliga UPN {alias} skulle också bli {others}s.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Moved back from the temporary UPN {temp} to its own; the value was left as it was.</source>
            <translation>Flyttades tillbaka från det tillfälliga UPN:et {temp} till sitt eget; värdet lämnades som det var.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Would be moved back from its temporary UPN to its own (dry run).</source>
            <translation>Skulle flyttas tillbaka från sitt tillfälliga UPN till sitt eget (provkörning).</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Already cleared by an earlier undo of this run.</source>
            <translation>Redan rensat av en tidigare ångring av den här körningen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Will be cleared with the UPN swap (its domain is federated).</source>
            <translation>Rensas med UPN-bytet (domänen är federerad).</translation>
        </message>
    </context>
    <context>
        <name>Domain</name>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+1" />
            <source>{domain} — {n} users</source>
            <translation>{domain} – {n} användare</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} — {n} users (federated)</source>
            <translation>{domain} – {n} användare (federerad)</translation>
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
            <translation>Federera domänen med Skolon</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Last step: pupils and staff in the domain then sign in with Skolon. The tool checks first, asks you to type the domain, signs you in once as an admin, and checks after that Microsoft's sign-in page sends the domain's users to Skolon.</source>
            <translation>Sista steget: sedan loggar elever och personal i domänen in med Skolon. Verktyget kontrollerar först, ber dig skriva domänen, loggar in dig en gång som administratör och kontrollerar efteråt att Microsofts inloggningssida skickar domänens användare till Skolon.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>a file, or its https address</source>
            <translation>en fil, eller dess https-adress</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Accept MFA done at Skolon</source>
            <translation>Godta MFA som gjorts hos Skolon</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Always ask for MFA in Microsoft</source>
            <translation>Kräv alltid MFA hos Microsoft</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ignore MFA done at Skolon</source>
            <translation>Bortse från MFA som gjorts hos Skolon</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Domain:</source>
            <translation>&amp;Domän:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Browse…</source>
            <translation>&amp;Bläddra…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Skolon's me&amp;tadata:</source>
            <translation>Skolons me&amp;tadata:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;MFA:</source>
            <translation>&amp;MFA:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Check readiness</source>
            <translation>&amp;Kontrollera förutsättningarna</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Check</source>
            <translation>Kontroll</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Result</source>
            <translation>Resultat</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What to do</source>
            <translation>Vad du gör</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Type the domain to confirm</source>
            <translation>Skriv domänen för att bekräfta</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+99" />
            <source>Sign in and &amp;federate</source>
            <translation>Logga in och &amp;federera</translation>
        </message>
        <message>
            <location line="-65" />
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Skolon's metadata</source>
            <translation>Skolons metadata</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SAML metadata (*.xml);;All files (*)</source>
            <translation>SAML-metadata (*.xml);;Alla filer (*)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Give the domain (e.g. school.example) and Skolon's metadata.</source>
            <translation>Ange domänen (t.ex. skola.example) och Skolons metadata.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Checking…</source>
            <translation>Kontrollerar…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Ready: {domain} can be federated with Skolon.</source>
            <translation>Allt stämmer: {domain} kan federeras med Skolon.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not ready: do what the table says, then check again. Nothing was changed.</source>
            <translation>Det finns hinder: gör det som tabellen säger och kontrollera sedan igen. Ingenting ändrades.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Warning</source>
            <translation>Varning</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Not ready</source>
            <translation>Hinder</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Could not tell</source>
            <translation>Gick inte att avgöra</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Skipped</source>
            <translation>Hoppades över</translation>
        </message>
        <message>
            <location line="+14" />
            <source>After this, every user in {domain} signs in with Skolon only. Type the domain ({domain}) to go ahead:</source>
            <translation>Efter detta loggar alla användare i {domain} bara in med Skolon. Skriv domänen ({domain}) för att fortsätta:</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Sign in as an admin in the browser that opened (an account outside {domain}).</source>
            <translation>Logga in som administratör i webbläsaren som öppnades (med ett konto utanför {domain}).</translation>
        </message>
        <message>
            <location line="+17" />
            <source>If no browser window opened, open {link}.</source>
            <translation>Om inget webbläsarfönster öppnades, öppna {link}.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Federated in Entra. Waiting for Microsoft's sign-in page to send {domain} to Skolon (it says: {seen}). This can take up to two hours.</source>
            <translation>Federerad i Entra. Väntar på att Microsofts inloggningssida ska skicka {domain} till Skolon (den säger: {seen}). Det kan ta upp till två timmar.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Waiting for the admin sign-in in the browser…</source>
            <translation>Väntar på administratörens inloggning i webbläsaren…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reading the domain's federation…</source>
            <translation>Läser domänens federering…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waiting for Microsoft's sign-in page…</source>
            <translation>Väntar på Microsofts inloggningssida…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Checking again…</source>
            <translation>Kontrollerar igen…</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Done: {domain} is federated with Skolon, and Microsoft's sign-in page sends its users to Skolon. Test with one pupil's account first.</source>
            <translation>Klart: {domain} är federerad med Skolon, och Microsofts inloggningssida skickar dess användare till Skolon. Testa först med en elevs konto.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{domain} is federated in Entra, but Microsoft's sign-in page has not followed yet. Microsoft allows up to two hours: open this step again later to check; nothing is changed twice.</source>
            <translation>{domain} är federerad i Entra, men Microsofts inloggningssida har inte hunnit med än. Det kan ta upp till två timmar: öppna det här steget igen senare för att kontrollera; ingenting ändras två gånger.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stopped while waiting. The change in Entra stays; open this step again to check.</source>
            <translation>Stoppades under väntan. Ändringen i Entra ligger kvar; öppna det här steget igen för att kontrollera.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not done: {domain} was not federated as sent. See the report in the run folder.</source>
            <translation>Inte klart: {domain} federerades inte som det skickades. Se rapporten i körningens mapp.</translation>
        </message>
        <message>
            <location line="-13" />
            <location line="+17" />
            <source>Run folder: {path}</source>
            <translation>Körningens mapp: {path}</translation>
        </message>
        <message>
            <location line="-192" />
            <source>Make it managed &amp;again…</source>
            <translation>Gör den hanterad &amp;igen…</translation>
        </message>
        <message>
            <location line="+107" />
            <source>Sign in and make mana&amp;ged</source>
            <translation>Logga in och &amp;gör den hanterad</translation>
        </message>
        <message>
            <location line="+69" />
            <location line="+17" />
            <location line="+37" />
            <source>Close</source>
            <translation>Stäng</translation>
        </message>
        <message>
            <location line="-28" />
            <source>✓ Entra: {domain} is federated with {issuer}.</source>
            <translation>✓ Entra: {domain} är federerad med {issuer}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✓ Read back: every field is as sent (issuer, sign-in URL, signing certificate, SAML).</source>
            <translation>✓ Tillbakaläst: varje fält är som det skickades (utfärdare, inloggnings-URL, signeringscertifikat, SAML).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✗ Read back: differs in {fields}.</source>
            <translation>✗ Tillbakaläst: skiljer sig i {fields}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>✓ Microsoft's sign-in page sends {domain}'s users to {url}.</source>
            <translation>✓ Microsofts inloggningssida skickar användarna i {domain} till {url}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>… Microsoft's sign-in page still says Managed.</source>
            <translation>… Microsofts inloggningssida säger fortfarande Managed.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{upn} may not federate domains: sign in as a Domain Name Administrator or Global Administrator. Nothing was changed.</source>
            <translation>{upn} får inte federera domäner: logga in som domännamnsadministratör eller global administratör. Ingenting ändrades.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This account</source>
            <translation>Det här kontot</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not ready any more (checked again after the sign-in). Nothing was changed.</source>
            <translation>Förutsättningarna stämmer inte längre (kontrollerades igen efter inloggningen). Ingenting ändrades.</translation>
        </message>
    </context>
    <context>
        <name>FederateUndo</name>
        <message>
            <location filename="../../gui/dialogs/federate_undo.py" line="+15" />
            <source>{domain} is already federated with Skolon. To go back, make it managed again: its users then sign in with a Microsoft password.</source>
            <translation>{domain} är redan federerad med Skolon. För att gå tillbaka gör du den hanterad igen: användarna loggar då in med ett Microsoft-lösenord.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>After this, {domain} is managed again and its users sign in with a password kept by Microsoft, not with Skolon. Users created while the domain was federated have no password, and older passwords may be out of date: set or reset them, or turn on self-service password reset, before they need to sign in. Microsoft's sign-in page can take up to two hours to follow. Type the domain ({domain}) to go ahead:</source>
            <translation>Efter detta är {domain} hanterad igen och användarna loggar in med ett lösenord som Microsoft håller, inte med Skolon. Användare som skapades medan domänen var federerad har inget lösenord, och äldre lösenord kan vara inaktuella: sätt eller återställ dem, eller slå på lösenordsåterställning via självbetjäning, innan de behöver logga in. Det kan ta upp till två timmar innan Microsofts inloggningssida följer efter. Skriv domänen ({domain}) för att fortsätta:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Managed in Entra. Waiting for Microsoft's sign-in page to ask {domain}'s users for their Microsoft password again (it says: {seen}). This can take up to two hours.</source>
            <translation>Hanterad i Entra. Väntar på att Microsofts inloggningssida ska be användarna i {domain} om deras Microsoft-lösenord igen (den säger: {seen}). Det kan ta upp till två timmar.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Done: {domain} is managed again, and Microsoft's sign-in page asks its users for their Microsoft password. Make sure each user has one (or self-service password reset) before they sign in.</source>
            <translation>Klart: {domain} är hanterad igen, och Microsofts inloggningssida ber användarna om deras Microsoft-lösenord. Se till att varje användare har ett (eller lösenordsåterställning via självbetjäning) innan de loggar in.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{domain} is managed in Entra, but Microsoft's sign-in page still sends its users to Skolon. Microsoft allows up to two hours: open this step again later to check; nothing is changed twice.</source>
            <translation>{domain} är hanterad i Entra, men Microsofts inloggningssida skickar fortfarande användarna till Skolon. Microsoft tillåter upp till två timmar: öppna det här steget igen senare för att kontrollera; ingenting ändras två gånger.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Stopped while waiting. The change in Entra stays; open this step again to check.</source>
            <translation>Stoppades under väntan. Ändringen i Entra ligger kvar; öppna det här steget igen för att kontrollera.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not done: {domain} is still federated. See the report in the run folder.</source>
            <translation>Inte klart: {domain} är fortfarande federerad. Se rapporten i körningens mapp.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>✓ Entra: the federation of {domain} was removed.</source>
            <translation>✓ Entra: federeringen av {domain} togs bort.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✓ Entra: {domain} was already managed.</source>
            <translation>✓ Entra: {domain} var redan hanterad.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✓ Read back: {domain} has no federation any more.</source>
            <translation>✓ Tillbakaläst: {domain} har ingen federering längre.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✗ Read back: {domain} is still federated.</source>
            <translation>✗ Tillbakaläst: {domain} är fortfarande federerad.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✓ Microsoft's sign-in page asks {domain}'s users for their password.</source>
            <translation>✓ Microsofts inloggningssida ber användarna i {domain} om deras lösenord.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>… Microsoft's sign-in page still says Federated.</source>
            <translation>… Microsofts inloggningssida säger fortfarande Federated.</translation>
        </message>
    </context>
    <context>
        <name>Hint</name>
        <message>
            <location filename="../../gui/code_texts.py" line="-226" />
            <source>Enter the Directory (tenant) ID from the app registration's Overview page, or the tenant's domain (e.g. school.onmicrosoft.com).</source>
            <translation>Ange Katalog-ID (klientorganisation) från appregistreringens sida Översikt, eller klientorganisationens domän (t.ex. skolan.onmicrosoft.com).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enter your own Directory (tenant) ID or domain.</source>
            <translation>Ange ert eget katalog-ID (klientorganisation) eller er domän.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy only the Directory (tenant) ID (a GUID), not the whole address.</source>
            <translation>Kopiera bara katalog-ID:t för klientorganisationen (ett GUID), inte hela adressen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the part after @ (the domain), or the Directory (tenant) ID.</source>
            <translation>Ange delen efter @ (domänen) eller Katalog-ID (klientorganisation).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paste the secret into the secret field, and the Directory (tenant) ID here.</source>
            <translation>Klistra in hemligheten i fältet för hemligheten och Katalog-ID (klientorganisation) här.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Use the Directory (tenant) ID (a GUID like 1b2c3d4e-…) or a domain name.</source>
            <translation>Använd katalog-ID:t för klientorganisationen (ett GUID som 1b2c3d4e-…) eller ett domännamn.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the Application (client) ID from the app registration's Overview page.</source>
            <translation>Ange Program-ID (klient) från appregistreringens sida Översikt.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy only the Application (client) ID (a GUID), not the whole address.</source>
            <translation>Kopiera bara program-ID:t (ett GUID), inte hela adressen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paste the secret into the secret field, and the Application (client) ID here.</source>
            <translation>Klistra in hemligheten i fältet för hemligheten och Program-ID (klient) här.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The Application (client) ID is a GUID like 1b2c3d4e-0000-1111-2222-333344445555.</source>
            <translation>Program-ID (klient) är ett GUID som 1b2c3d4e-0000-1111-2222-333344445555.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy the Application (client) ID, not the Directory (tenant) ID, from the Overview page.</source>
            <translation>Kopiera Program-ID (klient), inte Katalog-ID (klientorganisation), från sidan Översikt.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Use an https:// address.</source>
            <translation>Använd en https://-adress.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use an address like https://login.example.test (no query or fragment).</source>
            <translation>Använd en adress som https://login.example.test (utan frågesträng eller fragment).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the path to the CA bundle (a PEM file).</source>
            <translation>Kontrollera sökvägen till CA-filen (en PEM-fil).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy the Value column under Certificates &amp; secrets, not the Secret ID.</source>
            <translation>Kopiera kolumnen Värde under Certifikat och hemligheter, inte Hemlighets-ID.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You can go on; you will be asked for the secret again next time.</source>
            <translation>Du kan fortsätta; du får ange hemligheten igen nästa gång.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unlock the keychain and try again, or go on for this session.</source>
            <translation>Lås upp nyckelringen och försök igen, eller fortsätt bara för den här sessionen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the Directory (tenant) ID. Is the tenant in another cloud (US Gov, China)? Choose it under Advanced.</source>
            <translation>Kontrollera Katalog-ID (klientorganisation). Finns klientorganisationen i ett annat moln (US Gov, Kina)? Välj det under Avancerat.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Check the Application (client) ID. Was the app registered in another tenant?</source>
            <translation>Kontrollera Program-ID (klient). Registrerades appen i en annan klientorganisation?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You probably pasted the secret's ID, not its Value: copy the Value column from Certificates &amp; secrets (it is shown only right after the secret is created; otherwise create a new secret).</source>
            <translation>Du har troligen klistrat in hemlighetens ID, inte dess värde: kopiera kolumnen Värde under Certifikat och hemligheter (den visas bara direkt efter att hemligheten skapats; skapa annars en ny hemlighet).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Create a new client secret under Certificates &amp; secrets and enter it on the Connection page.</source>
            <translation>Skapa en ny klienthemlighet under Certifikat och hemligheter och ange den på sidan Anslutning.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enter the client secret's Value on the Connection page.</source>
            <translation>Ange klienthemlighetens värde på sidan Anslutning.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enable the application (Enterprise applications → Properties → Enabled for users to sign in).</source>
            <translation>Aktivera programmet (Företagsprogram → Egenskaper → Aktiverat för användarinloggning).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Update the operating system; Microsoft requires TLS 1.2 or newer.</source>
            <translation>Uppdatera operativsystemet; Microsoft kräver TLS 1.2 eller senare.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the cloud under Advanced: the tenant may be in US Gov or China.</source>
            <translation>Kontrollera molnet under Avancerat: klientorganisationen kan finnas i US Gov eller Kina.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the admin to exclude this application from the Conditional Access policy.</source>
            <translation>Be administratören att undanta det här programmet från principen för villkorsstyrd åtkomst.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A proxy may be inspecting TLS: install its CA certificate, or give the right CA bundle under Advanced.</source>
            <translation>En proxy kan granska TLS-trafiken: installera dess CA-certifikat, eller ange rätt CA-fil under Avancerat.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Check the internet connection and proxy settings, then press Retry.</source>
            <translation>Kontrollera internetanslutningen och proxyinställningarna och tryck sedan på Kontrollera igen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft's service had a problem; try again in a few minutes.</source>
            <translation>Microsofts tjänst hade ett problem; försök igen om några minuter.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>See Microsoft's error text; search for its AADSTS number.</source>
            <translation>Läs Microsofts feltext; sök på dess AADSTS-nummer.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In the Azure portal: App registrations → your app → API permissions → Add a permission → Microsoft Graph → Application permissions → User.ReadWrite.All, then click “Grant admin consent for &amp;lt;your organisation&amp;gt;”. Then press Retry.</source>
            <translation>I Azure-portalen: Appregistreringar → din app → API-behörigheter → Lägg till en behörighet → Microsoft Graph → Programbehörigheter → User.ReadWrite.All, och klicka sedan på ”Bevilja administratörsmedgivande för &amp;lt;din organisation&amp;gt;”. Tryck därefter på Kontrollera igen.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Grant admin consent for User.ReadWrite.All (application permission), then press Retry.</source>
            <translation>Bevilja administratörsmedgivande för User.ReadWrite.All (programbehörighet) och tryck sedan på Kontrollera igen.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Try again later if it persists.</source>
            <translation>Försök igen senare om felet kvarstår.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The current value is read again before any retry.</source>
            <translation>Det aktuella värdet läses in på nytt före varje nytt försök.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users in federated domains cannot get a new ImmutableId directly. Set ImmutableIds first, then federate the domain; or choose the UPN swap on the Confirm page.</source>
            <translation>Användare i federerade domäner kan inte få ett nytt ImmutableId direkt. Ange ImmutableId först och federera sedan domänen; eller välj UPN-bytet på sidan Bekräfta.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Optional: grant RoleManagement.Read.Directory so that admins are shown in the preview instead of failing when written.</source>
            <translation>Valfritt: bevilja RoleManagement.Read.Directory så att administratörer visas i förhandsgranskningen i stället för att misslyckas när värdet sätts.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Optional: grant GroupMember.Read.All so that members of role-assignable groups are known too.</source>
            <translation>Valfritt: bevilja GroupMember.Read.All så att även medlemmar i grupper som kan tilldelas roller blir kända.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Optional: grant Domain.Read.All so that federated domains can be recognised.</source>
            <translation>Valfritt: bevilja Domain.Read.All så att federerade domäner kan kännas igen.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nothing was lost: the users not written are marked as not attempted. Run again later.</source>
            <translation>Inget gick förlorat: användare som inte fick sitt värde är markerade som ej försökta. Kör igen senare.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Create a new client secret before this one expires.</source>
            <translation>Skapa en ny klienthemlighet innan den här går ut.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create a new client secret under Certificates &amp; secrets, or correct the date on the Connection page.</source>
            <translation>Skapa en ny klienthemlighet under Certifikat och hemligheter, eller rätta datumet på sidan Anslutning.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Optional: enter the secret's expiry date on the Connection page to be warned in time.</source>
            <translation>Valfritt: ange hemlighetens utgångsdatum på sidan Anslutning för att bli varnad i tid.</translation>
        </message>
        <message>
            <location line="+452" />
            <source>Compare the connection's thumbprint with the app's certificates in the Entra admin center; if it is missing or expired there, renew it.</source>
            <translation>Jämför anslutningens tumavtryck med appens certifikat i Entra administrationscenter; om det saknas eller har gått ut där, förnya det.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Set the computer's clock right (automatic time), then try again.</source>
            <translation>Ställ datorns klocka rätt (automatisk tid) och försök igen.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+2" />
            <source>The key stays on the computer where the certificate was made: use that computer, or renew the certificate from here (Renew).</source>
            <translation>Nyckeln finns bara på datorn där certifikatet skapades: använd den datorn, eller förnya certifikatet härifrån (Förnya).</translation>
        </message>
    </context>
    <context>
        <name>KeepInSync</name>
        <message>
            <location filename="../../gui/widgets/keep_in_sync.py" line="+57" />
            <source>&amp;Keep new users in sync automatically</source>
            <translation>&amp;Håll nya användare synkroniserade automatiskt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Time of the scheduled sync</source>
            <translation>Tid för den schemalagda synkroniseringen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>every day</source>
            <translation>varje dag</translation>
        </message>
        <message>
            <location line="+1" />
            <source>every Monday</source>
            <translation>varje måndag</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How often</source>
            <translation>Hur ofta</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save the schedule</source>
            <translation>S&amp;para schemat</translation>
        </message>
        <message>
            <location line="+3" />
            <source>at</source>
            <translation>kl.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Also set new users in federated domains with the UPN swap</source>
            <translation>Ange även nya användare i federerade domäner med UPN-bytet</translation>
        </message>
        <message>
            <location line="+38" />
            <source>This connection has no saved source, so a scheduled sync would not know what to write: run it once from the Source page with this connection, then schedule it.</source>
            <translation>Anslutningen har ingen sparad källa, så en schemalagd synkronisering vet inte vad den ska skriva: kör den en gång via sidan Källa med den här anslutningen och schemalägg den sedan.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This connection's name cannot be used in a scheduled task: save the connection again under a new name on the Connection page.</source>
            <translation>Anslutningens namn kan inte användas i en schemalagd aktivitet: spara anslutningen igen under ett nytt namn på sidan Anslutning.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Only a saved connection can be scheduled.</source>
            <translation>Bara en sparad anslutning kan schemaläggas.</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Install cron (Debian or Ubuntu: sudo apt-get install cron) and start it, or schedule on a computer with systemd, macOS or Windows.</source>
            <translation>Installera cron (Debian eller Ubuntu: sudo apt-get install cron) och starta den, eller schemalägg på en dator med systemd, macOS eller Windows.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Check that PATH holds /usr/bin, where systemctl usually is.</source>
            <translation>Kontrollera att PATH innehåller /usr/bin, där systemctl brukar finnas.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>launchctl is part of macOS: check that PATH holds /bin.</source>
            <translation>launchctl ingår i macOS: kontrollera att PATH innehåller /bin.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>schtasks.exe is part of Windows: check that PATH holds C:\Windows\System32.</source>
            <translation>schtasks.exe ingår i Windows: kontrollera att PATH innehåller C:\Windows\System32.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Install it, or check PATH.</source>
            <translation>Installera den, eller kontrollera PATH.</translation>
        </message>
        <message>
            <location line="-56" />
            <source>In the demo a schedule is saved with the demo's connection only: nothing is set up in this computer's scheduler.</source>
            <translation>I demon sparas schemat bara med demons anslutning: ingenting läggs in i datorns schemaläggare.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Setting up the scheduled sync…</source>
            <translation>Ställer in den schemalagda synkroniseringen…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The scheduled sync is removed.</source>
            <translation>Den schemalagda synkroniseringen är borttagen.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Demo: nothing was set up in this computer's scheduler.</source>
            <translation>Demo: ingenting lades in i datorns schemaläggare.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The secret is not in this computer's keychain, so the scheduled run cannot sign in: tick “Remember the secret” on the Connection page.</source>
            <translation>Hemligheten finns inte i datorns nyckelring, så den schemalagda körningen kan inte logga in: kryssa i ”Kom ihåg hemligheten” på sidan Anslutning.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The scheduled sync could not be set up: this computer has no {tool}, the scheduler it needs. {fix}</source>
            <translation>Den schemalagda synkroniseringen kunde inte ställas in: datorn saknar {tool}, schemaläggaren som behövs. {fix}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The scheduled sync could not be set up: {error}</source>
            <translation>Den schemalagda synkroniseringen kunde inte ställas in: {error}</translation>
        </message>
    </context>
    <context>
        <name>LanguageBox</name>
        <message>
            <location filename="../../gui/i18n.py" line="+143" />
            <location filename="../../gui/pages/welcome.py" line="+61" />
            <source>Language</source>
            <translation>Språk</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../gui/pages/welcome.py" line="+3" />
            <source>The language changes when you start the program again.</source>
            <translation>Språket ändras när du startar programmet igen.</translation>
        </message>
    </context>
    <context>
        <name>Match</name>
        <message>
            <location filename="../../gui/code_texts.py" line="-262" />
            <source>User principal name</source>
            <translation>Huvudnamn (UPN)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail address</source>
            <translation>E-postadress</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Employee ID</source>
            <translation>Anställnings-ID</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Entra object ID</source>
            <translation>Objekt-ID i Entra</translation>
        </message>
    </context>
    <context>
        <name>OutputPath</name>
        <message>
            <location line="+105" />
            <source>That is a folder: give a file name.</source>
            <translation>Det är en mapp: ange ett filnamn.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>That is the export file you chose as the source: choose another name (the export is never replaced).</source>
            <translation>Det är exportfilen du valde som källa: välj ett annat namn (exportfilen ersätts aldrig).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The file already exists: choose another name.</source>
            <translation>Filen finns redan: välj ett annat namn.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file cannot be written there (no permission): choose another place.</source>
            <translation>Filen kan inte sparas där (behörighet saknas): välj en annan plats.</translation>
        </message>
        <message>
            <location line="-10" />
            <source>“-” is not a file name: choose a file.</source>
            <translation>”-” är inget filnamn: välj en fil.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>That is a device or another special file, not a regular file: choose another name.</source>
            <translation>Det är en enhet eller en annan specialfil, inte en vanlig fil: välj ett annat namn.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>That is one of a run folder's own files, which undo and resume need: choose a place outside the run folder.</source>
            <translation>Det är en av filerna i körningens mapp, som behövs för att ångra och återuppta: välj en plats utanför körningens mapp.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>That folder does not exist: choose another place.</source>
            <translation>Mappen finns inte: välj en annan plats.</translation>
        </message>
    </context>
    <context>
        <name>PathLine</name>
        <message>
            <location filename="../../gui/widgets/path_line.py" line="+19" />
            <source>Cop&amp;y</source>
            <translation>&amp;Kopiera</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy the path</source>
            <translation>Kopiera sökvägen</translation>
        </message>
    </context>
    <context>
        <name>PlanTableView</name>
        <message>
            <location filename="../../gui/widgets/plan_table_view.py" line="+50" />
            <source>Show status</source>
            <translation>Visa status</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Search name, UPN or value</source>
            <translation>Sök namn, UPN eller värde</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search</source>
            <translation>Sök</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Users</source>
            <translation>Användare</translation>
        </message>
        <message>
            <location line="+25" />
            <source>The chosen user</source>
            <translation>Den valda användaren</translation>
        </message>
        <message>
            <location line="+3" />
            <source>S&amp;how:</source>
            <translation>&amp;Visa:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Sea&amp;rch:</source>
            <translation>&amp;Sök:</translation>
        </message>
        <message>
            <location line="+60" />
            <source>All ({n})</source>
            <translation>Alla ({n})</translation>
        </message>
        <message>
            <location line="+30" />
            <source>{shown} of {total} shown</source>
            <translation>{shown} av {total} visas</translation>
        </message>
    </context>
    <context>
        <name>PlanWarning</name>
        <message>
            <location filename="../../gui/code_texts.py" line="-73" />
            <source>No user of this tenant is in the chosen domain {domain} (its domains: {existing}). Check the spelling, or whether this is the right tenant.</source>
            <translation>Ingen användare i den här klientorganisationen finns i den valda domänen {domain} (dess domäner: {existing}). Kontrollera stavningen, eller om det är rätt klientorganisation.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>None of the {count} source values is a GUID (for example “{example}”), so the GUID → base64 transform cannot convert them. Choose another transform or column.</source>
            <translation>Inget av de {count} källvärdena är ett GUID (till exempel ”{example}”), så omvandlingen GUID → base64 kan inte omvandla dem. Välj en annan omvandling eller kolumn.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Rows of the export that matched no user: {count}. Check which attribute the key column holds. They are listed in unmatched_rows.csv in the run's folder and beside an exported report.</source>
            <translation>Rader i exportfilen som inte matchade någon användare: {count}. Kontrollera vilket attribut nyckelkolumnen innehåller. De listas i unmatched_rows.csv i körningens mapp och bredvid en exporterad rapport.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Keys on more than one row of the export: {count} (for example {keys}). Those users get no value.</source>
            <translation>Nycklar på mer än en rad i exportfilen: {count} (till exempel {keys}). De användarna får inget värde.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The tool cannot tell whether any domain is already federated (the app may not read domains); users in a federated domain will fail.</source>
            <translation>Verktyget kan inte se om någon domän redan är federerad (appen får inte läsa domäner); att sätta värden för användare i en federerad domän kommer att misslyckas.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The members of these admin role groups are not known (the app may not read group members): {groups}. Their writes will fail.</source>
            <translation>Medlemmarna i de här administratörsrollgrupperna är okända (appen får kanske inte läsa gruppmedlemmar): {groups}. Att sätta deras värden kommer att misslyckas.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>These domains are federated: {domains}. Their users cannot get a new ImmutableId and are left out.</source>
            <translation>De här domänerna är federerade: {domains}. Deras användare kan inte få ett nytt ImmutableId och tas inte med.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>These domains are federated: {domains}. Their users are left out unless you choose the UPN swap ({count} could be set).</source>
            <translation>De här domänerna är federerade: {domains}. Deras användare tas inte med om du inte väljer UPN-bytet ({count} kan få sitt värde).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>These domains are federated: {domains}. {count} of their users are set with the UPN swap; the others are left out.</source>
            <translation>De här domänerna är federerade: {domains}. {count} av deras användare får sitt värde med UPN-bytet; de övriga tas inte med.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Users whose value another user already has: {count}. They are skipped.</source>
            <translation>Användare vars värde en annan användare redan har: {count}. De hoppas över.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users that share a value with someone else: {count}. They are skipped.</source>
            <translation>Användare som delar värde med någon annan: {count}. De hoppas över.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users whose value cannot be an ImmutableId: {count}. They are skipped.</source>
            <translation>Användare vars värde inte kan vara ett ImmutableId: {count}. De hoppas över.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users that hold an admin role: {count}. They are left out; a Privileged Authentication Administrator can set theirs by hand.</source>
            <translation>Användare med en administratörsroll: {count}. De tas inte med; en administratör för privilegierad autentisering kan ange deras värde för hand.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Users that hold an admin role cannot be changed by the app, and the app may not read who they are: Microsoft refuses them, and they are reported as failed, with what to do.</source>
            <translation>Användare med en administratörsroll kan inte ändras av appen, och appen får inte läsa vilka de är: Microsoft nekar dem, och de redovisas som misslyckade, med vad du kan göra.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nothing to write: no user will get an ImmutableId.</source>
            <translation>Inget att skriva: ingen användare får ett ImmutableId.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{count} users are on a temporary UPN left by an interrupted UPN swap ({names}). They are not written unless you choose the UPN swap, which first moves them back.</source>
            <translation>{count} användare har kvar ett tillfälligt UPN efter ett avbrutet UPN-byte ({names}). Deras värde sätts inte om du inte väljer UPN-bytet, som först flyttar tillbaka dem.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{count} users are on a temporary UPN left by an interrupted UPN swap ({names}): this run moves them back first.</source>
            <translation>{count} användare har kvar ett tillfälligt UPN efter ett avbrutet UPN-byte ({names}): den här körningen flyttar först tillbaka dem.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{count} users are on a temporary UPN whose own UPN cannot be worked out ({names}). Change each back by hand in the Entra admin center.</source>
            <translation>{count} användare har ett tillfälligt UPN vars ursprungliga UPN inte går att räkna ut ({names}). Ändra tillbaka var och en för hand i administrationscentret för Entra.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>An unfinished run of this tenant ({when}, {done} of {total} done) is continued in its folder.</source>
            <translation>En oavslutad körning i den här klientorganisationen ({when}, {done} av {total} klara) fortsätter i sin mapp.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>An unfinished run ({when}) names this tenant, but the tenant holds none of what it wrote: it is not continued, and this run starts anew.</source>
            <translation>En oavslutad körning ({when}) anger den här klientorganisationen, men klientorganisationen har inget av det den skrev: den fortsätts inte, och den här körningen börjar om från början.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>An undo of this tenant did not finish ({when}). Finish it with “Undo an earlier run…”.</source>
            <translation>En ångring i den här klientorganisationen slutfördes inte ({when}). Slutför den med ”Ångra en tidigare körning…”.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This undo continues the one that did not finish ({when}, {done} users done then).</source>
            <translation>Den här ångringen fortsätter den som inte slutfördes ({when}, {done} användare klara då).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{count} users are in a federated domain ({names}): clearing their value needs the UPN swap. Without it they are left as they are.</source>
            <translation>{count} användare finns i en federerad domän ({names}): deras värde kan bara rensas med UPN-bytet. Utan det lämnas de som de är.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nothing to clear: no user still holds a value the run wrote.</source>
            <translation>Inget att rensa: ingen användare har kvar ett värde som körningen skrev.</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <location filename="../../gui/pages/preview.py" line="+19" />
            <source>Preview</source>
            <translation>Förhandsgranskning</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What would happen to every user. Nothing has been written yet.</source>
            <translation>Vad som skulle hända med varje användare. Ingenting har ändrats än.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Summary</source>
            <translation>Sammanfattning</translation>
        </message>
        <message>
            <location line="+3" />
            <source>UPN swap</source>
            <translation>UPN-byte</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Warnings</source>
            <translation>Varningar</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Preview of every user</source>
            <translation>Förhandsgranskning av alla användare</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Export preview report…</source>
            <translation>&amp;Exportera förhandsrapport…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Re&amp;load</source>
            <translation>&amp;Läs in igen</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Reading the tenant's users…</source>
            <translation>Läser klientorganisationens användare…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Reading the tenant's users… {n} so far</source>
            <translation>Läser klientorganisationens användare… {n} hittills</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Working out what to do for each user… {done} of {total}</source>
            <translation>Räknar ut vad som ska göras för varje användare… {done} av {total}</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Export the preview report</source>
            <translation>Exportera förhandsrapporten</translation>
        </message>
    </context>
    <context>
        <name>Readiness</name>
        <message>
            <location filename="../../gui/federate_texts.py" line="+20" />
            <source>{domain} is a verified root domain, not the initial and not the default domain.</source>
            <translation>{domain} är en verifierad rotdomän, varken den ursprungliga domänen eller standarddomänen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The app may not read the tenant's domains.</source>
            <translation>Appen får inte läsa klientorganisationens domäner.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is not a domain of this tenant (its domains: {known}).</source>
            <translation>{domain} är ingen domän i den här klientorganisationen (dess domäner: {known}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is the tenant's initial .onmicrosoft.com domain, which cannot be federated.</source>
            <translation>{domain} är klientorganisationens ursprungliga .onmicrosoft.com-domän, som inte kan federeras.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is not verified.</source>
            <translation>{domain} är inte verifierad.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is a subdomain of {parent}; only root domains can be federated.</source>
            <translation>{domain} är en underdomän till {parent}; bara rotdomäner kan federeras.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is the tenant's default domain, which cannot be federated.</source>
            <translation>{domain} är klientorganisationens standarddomän, som inte kan federeras.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is not federated yet.</source>
            <translation>{domain} är inte federerad än.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is already federated with this IdP ({issuer}).</source>
            <translation>{domain} är redan federerad med den här IdP:n ({issuer}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is federated with another IdP ({issuer}).</source>
            <translation>{domain} är federerad med en annan IdP ({issuer}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is federated with this IdP, but its {fields} differ from the metadata.</source>
            <translation>{domain} är federerad med den här IdP:n, men dess {fields} skiljer sig från metadatan.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is federated, but Graph has no federation configuration for it (a configuration created without a signing certificate leaves it so).</source>
            <translation>{domain} är federerad, men Graph har ingen federeringskonfiguration för den (det blir så när en konfiguration skapas utan signeringscertifikat).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The app may not read the domain's federation ({error}).</source>
            <translation>Appen får inte läsa domänens federering ({error}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The federation of {domain} is not known (the domain was not found).</source>
            <translation>Det går inte att veta hur {domain} är federerad (domänen hittades inte).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} is federated with {issuer}; without readable metadata it cannot be compared with this IdP.</source>
            <translation>{domain} är federerad med {issuer}; utan läsbar metadata går det inte att jämföra med den här IdP:n.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issuer {issuer}, sign-in URL {sso_url}; signing certificate valid {valid_from} to {expires} ({days} days left).</source>
            <translation>Utfärdare {issuer}, inloggningsadress {sso_url}; signeringscertifikatet gäller {valid_from} till {expires} ({days} dagar kvar).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issuer {issuer}, sign-in URL {sso_url}; the signing certificate expires on {expires}, in {days} days.</source>
            <translation>Utfärdare {issuer}, inloggningsadress {sso_url}; signeringscertifikatet går ut {expires}, om {days} dagar.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The IdP's metadata was not read.</source>
            <translation>IdP:ns metadata lästes inte.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata file does not exist: {detail}.</source>
            <translation>Metadatafilen finns inte: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata cannot be read: {detail}.</source>
            <translation>Metadatan går inte att läsa: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata is larger than 5 MB: {detail}.</source>
            <translation>Metadatan är större än 5 MB: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata address is not https: {detail}.</source>
            <translation>Metadatans adress är inte https: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata could not be downloaded: {detail}.</source>
            <translation>Metadatan kunde inte hämtas: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata server's certificate is not trusted: {detail}.</source>
            <translation>Metadataserverns certifikat är inte betrott: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata is not XML: {detail}.</source>
            <translation>Metadatan är inte XML: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata has a DTD or entity declarations, which are refused: {detail}.</source>
            <translation>Metadatan har en DTD eller entitetsdeklarationer, som inte godtas: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata is not SAML 2.0 metadata (an EntityDescriptor): {detail}.</source>
            <translation>Metadatan är inte SAML 2.0-metadata (en EntityDescriptor): {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata describes no identity provider (no IDPSSODescriptor): {detail}.</source>
            <translation>Metadatan beskriver ingen identitetsprovider (ingen IDPSSODescriptor): {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata describes several identity providers: {detail}.</source>
            <translation>Metadatan beskriver flera identitetsprovidrar: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata has no entityID (the issuer): {detail}.</source>
            <translation>Metadatan saknar entityID (utfärdaren): {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata has no single sign-on URL with the HTTP-Redirect or HTTP-POST binding: {detail}.</source>
            <translation>Metadatan saknar en inloggningsadress för enkel inloggning med HTTP-Redirect eller HTTP-POST: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The IdP's sign-in URL is not https: {detail}.</source>
            <translation>IdP:ns inloggningsadress är inte https: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The metadata has no signing certificate: {detail}.</source>
            <translation>Metadatan saknar signeringscertifikat: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A signing certificate in the metadata is not a valid X.509 certificate: {detail}.</source>
            <translation>Ett signeringscertifikat i metadatan är inte ett giltigt X.509-certifikat: {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The IdP's signing certificate expired on {detail}.</source>
            <translation>IdP:ns signeringscertifikat gick ut {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The IdP's signing certificate is valid only from {detail}.</source>
            <translation>IdP:ns signeringscertifikat gäller först från {detail}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All {members} enabled members in {domain} have an ImmutableId.</source>
            <translation>Alla {members} aktiverade medlemmar i {domain} har ett ImmutableId.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{domain} has no enabled members.</source>
            <translation>{domain} har inga aktiverade medlemmar.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{missing} of {members} enabled members in {domain} have no ImmutableId ({examples}).</source>
            <translation>{missing} av {members} aktiverade medlemmar i {domain} saknar ImmutableId ({examples}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{count} members have an ImmutableId longer than the 64 characters a SAML NameID can carry ({examples}).</source>
            <translation>{count} medlemmar har ett ImmutableId som är längre än de 64 tecken ett SAML-NameID rymmer ({examples}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The app may not list users.</source>
            <translation>Appen får inte lista användare.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No synced users in {domain}, and nobody is on a temporary UPN.</source>
            <translation>Inga synkroniserade användare i {domain}, och ingen har ett tillfälligt UPN.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{count} users in {domain} are synced from Active Directory ({examples}).</source>
            <translation>{count} användare i {domain} synkroniseras från Active Directory ({examples}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{count} users are still on a temporary UPN from an unfinished UPN swap ({examples}).</source>
            <translation>{count} användare har fortfarande ett tillfälligt UPN från ett UPN-byte som inte blev klart ({examples}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{count} users are on a temporary UPN of a UPN swap whose own UPN cannot be told ({examples}).</source>
            <translation>{count} användare har ett tillfälligt UPN från ett UPN-byte, och deras ursprungliga UPN går inte att räkna ut ({examples}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{admin} is not in {domain}, so the sign-in will not be locked out.</source>
            <translation>{admin} finns inte i {domain}, så inloggningen låses inte ute.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{admin} is in {domain}: after federating, this account could sign in only through the IdP.</source>
            <translation>{admin} finns i {domain}: efter federeringen skulle kontot bara kunna logga in via IdP:n.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The admin signs in after you confirm; the account is checked then.</source>
            <translation>Administratören loggar in när du har bekräftat; kontot kontrolleras då.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The admin signs in after you confirm; {count} admins are in {domain} ({examples}).</source>
            <translation>Administratören loggar in när du har bekräftat; {count} administratörer finns i {domain} ({examples}).</translation>
        </message>
        <message>
            <location line="+50" />
            <source> and {n} more</source>
            <translation> och {n} till</translation>
        </message>
    </context>
    <context>
        <name>ReadinessCheck</name>
        <message>
            <location line="-106" />
            <source>Domain</source>
            <translation>Domän</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Federation</source>
            <translation>Federering</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IdP metadata</source>
            <translation>IdP:ns metadata</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ImmutableIds</source>
            <translation>ImmutableId</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Synced users</source>
            <translation>Synkroniserade användare</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admin sign-in</source>
            <translation>Administratörens inloggning</translation>
        </message>
    </context>
    <context>
        <name>ReadinessFix</name>
        <message>
            <location line="+54" />
            <source>Grant the app Domain.Read.All (API permissions &gt; Grant admin consent).</source>
            <translation>Ge appen Domain.Read.All (API-behörigheter &gt; Bevilja administratörsmedgivande).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the domain, or add and verify it in Microsoft 365 admin center &gt; Settings &gt; Domains.</source>
            <translation>Kontrollera domänen, eller lägg till och verifiera den i administrationscentret för Microsoft 365 &gt; Inställningar &gt; Domäner.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Federate the school's own domain instead.</source>
            <translation>Federera skolans egen domän i stället.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Verify the domain (its DNS TXT record) in Microsoft 365 admin center &gt; Settings &gt; Domains.</source>
            <translation>Verifiera domänen (dess TXT-post i DNS) i administrationscentret för Microsoft 365 &gt; Inställningar &gt; Domäner.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Federate {parent} instead, or make {domain} a root domain (Graph: POST /domains/{domain}/promote).</source>
            <translation>Federera {parent} i stället, eller gör {domain} till en rotdomän (Graph: POST /domains/{domain}/promote).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Make another domain (e.g. the .onmicrosoft.com one) the default in Microsoft 365 admin center &gt; Settings &gt; Domains, then check again.</source>
            <translation>Gör en annan domän (t.ex. .onmicrosoft.com-domänen) till standarddomän i administrationscentret för Microsoft 365 &gt; Inställningar &gt; Domäner och kontrollera sedan igen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Take {domain} back to managed first, or use that IdP's metadata.</source>
            <translation>Gör {domain} hanterad igen först, eller använd den IdP:ns metadata.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Federating again updates the configuration from this metadata.</source>
            <translation>Federeras domänen igen uppdateras konfigurationen från den här metadatan.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Graph cannot change it: ask Microsoft support to set {domain} back to managed, then check again.</source>
            <translation>Graph kan inte ändra den: be Microsofts support göra {domain} hanterad igen och kontrollera sedan igen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Grant the app Domain.Read.All (or Domain-InternalFederation.Read.All).</source>
            <translation>Ge appen Domain.Read.All (eller Domain-InternalFederation.Read.All).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fix the domain first.</source>
            <translation>Rätta domänen först.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fix the metadata first.</source>
            <translation>Rätta metadatan först.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the IdP for its next signing certificate, or federate after it has rolled over.</source>
            <translation>Be IdP:n om nästa signeringscertifikat, eller federera när certifikatet har bytts ut.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the path, or give the metadata's https address.</source>
            <translation>Kontrollera sökvägen, eller ange metadatans https-adress.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the file's permissions, or give the metadata's https address.</source>
            <translation>Kontrollera filens behörigheter, eller ange metadatans https-adress.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Give the metadata of this one IdP, not a federation's aggregate.</source>
            <translation>Ange metadatan för just den här IdP:n, inte en samlad federationsmetadata.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Give the https address of the metadata.</source>
            <translation>Ange metadatans https-adress.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the address and the network, or download the file and give its path.</source>
            <translation>Kontrollera adressen och nätverket, eller ladda ned filen och ange dess sökväg.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the address; on a network with a TLS-inspecting proxy, its CA must be in the computer's certificate store.</source>
            <translation>Kontrollera adressen; på ett nätverk med en proxy som granskar TLS måste dess CA finnas i datorns certifikatarkiv.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Give the IdP's SAML metadata file (XML), not a web page or a certificate.</source>
            <translation>Ange IdP:ns SAML-metadatafil (XML), inte en webbsida eller ett certifikat.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Download the metadata again from the IdP; genuine metadata has no DTD.</source>
            <translation>Ladda ned metadatan från IdP:n igen; äkta metadata har ingen DTD.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Give the IdP's SAML 2.0 metadata.</source>
            <translation>Ange IdP:ns SAML 2.0-metadata.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This may be a service provider's metadata; give the IdP's.</source>
            <translation>Det här kan vara en tjänsteleverantörs metadata; ange IdP:ns.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Give the metadata of the one IdP to federate with.</source>
            <translation>Ange metadatan för den IdP som domänen ska federeras med.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the IdP for complete metadata.</source>
            <translation>Be IdP:n om fullständig metadata.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the IdP for metadata with a SAML 2.0 sign-in endpoint.</source>
            <translation>Be IdP:n om metadata med en inloggningsadress för SAML 2.0.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the IdP for an https sign-in URL.</source>
            <translation>Be IdP:n om en inloggningsadress med https.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the IdP for metadata that includes its signing certificate.</source>
            <translation>Be IdP:n om metadata som innehåller dess signeringscertifikat.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Download the metadata again from the IdP.</source>
            <translation>Ladda ned metadatan från IdP:n igen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the IdP for current metadata with a valid signing certificate.</source>
            <translation>Be IdP:n om aktuell metadata med ett giltigt signeringscertifikat.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Federate once the certificate is valid, or check this computer's clock.</source>
            <translation>Federera när certifikatet har börjat gälla, eller kontrollera datorns klocka.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the domain: federating a domain nobody uses changes nothing.</source>
            <translation>Kontrollera domänen: att federera en domän som ingen använder ändrar ingenting.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run the wizard again for these users first (the Source page), then check again.</source>
            <translation>Kör guiden igen för de här användarna först (sidan Källa) och kontrollera sedan igen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use a shorter source value or transform for these users (undo and apply again).</source>
            <translation>Använd ett kortare källvärde eller en annan omvandling för de här användarna (ångra och kör igen).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Grant the app User.ReadWrite.All (API permissions &gt; Grant admin consent).</source>
            <translation>Ge appen User.ReadWrite.All (API-behörigheter &gt; Bevilja administratörsmedgivande).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Synced users' ImmutableIds belong to Entra Connect: federate a domain without synced users, or federate through Entra Connect.</source>
            <translation>Synkroniserade användares ImmutableId sköts av Entra Connect: federera en domän utan synkroniserade användare, eller federera via Entra Connect.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run apply (or undo) again: it finishes the swap and moves them back first.</source>
            <translation>Kör igen (eller ångra igen): körningen gör först klart bytet och flyttar tillbaka dem.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check these users; if a UPN swap left them there, run again with the UPN swap, or move them back by hand.</source>
            <translation>Kontrollera de här användarna; om ett UPN-byte lämnade dem där, kör igen med UPN-bytet eller flytta tillbaka dem för hand.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign in as an admin whose account is in another domain (e.g. the .onmicrosoft.com one).</source>
            <translation>Logga in som en administratör vars konto finns i en annan domän (t.ex. .onmicrosoft.com-domänen).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign in with an account outside the domain (e.g. the .onmicrosoft.com one).</source>
            <translation>Logga in med ett konto utanför domänen (t.ex. i .onmicrosoft.com-domänen).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign in with an account outside {domain}, and keep at least one Global Administrator outside it.</source>
            <translation>Logga in med ett konto utanför {domain}, och behåll minst en global administratör utanför den.</translation>
        </message>
    </context>
    <context>
        <name>ResultsPage</name>
        <message>
            <location filename="../../gui/pages/results.py" line="+38" />
            <source>Results</source>
            <translation>Resultat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What was done. The report is saved in the run's folder.</source>
            <translation>Vad som gjordes. Rapporten sparas i körningens mapp.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Counts per status</source>
            <translation>Antal per status</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Every user, those that need attention first</source>
            <translation>Alla användare, de som behöver åtgärdas först</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Needs attention</source>
            <translation>Behöver åtgärdas</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Export report…</source>
            <translation>&amp;Exportera rapport…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Open the run's folder</source>
            <translation>&amp;Öppna körningens mapp</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Re&amp;try the failed ones</source>
            <translation>&amp;Försök igen med de misslyckade</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+91" />
            <source>&amp;Undo this run…</source>
            <translation>Å&amp;ngra den här körningen…</translation>
        </message>
        <message>
            <location line="-89" />
            <source>Undo an ear&amp;lier run…</source>
            <translation>Ångra en &amp;tidigare körning…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Run folder:</source>
            <translation>Körningens mapp:</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Report: {path}</source>
            <translation>Rapport: {path}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{n} export rows matched no user: {path}</source>
            <translation>{n} rader i exportfilen matchade ingen användare: {path}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{n} users are not back on their own UPN yet (UPN swap). Run again: they are finished first.</source>
            <translation>{n} användare har ännu inte fått tillbaka sitt eget UPN (UPN-bytet). Kör igen: de slutförs först.</translation>
        </message>
        <message>
            <location line="+28" />
            <source>No file manager opened the folder. Its path is shown above: Copy puts it on the clipboard.</source>
            <translation>Ingen filhanterare öppnade mappen. Sökvägen visas ovan: Kopiera lägger den i urklipp.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Finish the undo…</source>
            <translation>Sl&amp;utför ångringen…</translation>
        </message>
        <message>
            <location line="+19" />
            <source>This run was partly undone: users in a federated domain still have their value. Finish the undo with the UPN swap.</source>
            <translation>Körningen är delvis ångrad: användare i en federerad domän har kvar sitt värde. Slutför ångringen med UPN-bytet.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This run was undone.</source>
            <translation>Körningen har ångrats.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The undo of this run did not finish: undo it again to continue.</source>
            <translation>Ångringen av körningen blev inte klar: ångra den igen för att fortsätta.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The undo's report: {path}</source>
            <translation>Ångringens rapport: {path}</translation>
        </message>
        <message>
            <location line="-111" />
            <source>Fe&amp;derate the domain with Skolon…</source>
            <translation>Fe&amp;derera domänen med Skolon…</translation>
        </message>
    </context>
    <context>
        <name>ResumeOffer</name>
        <message>
            <location filename="../../gui/widgets/resume_offer.py" line="+52" />
            <source>An unfinished run from {when} names this tenant, but nothing it wrote is in the tenant: the tenant was made again, reset or restored since. It is not offered; a new run starts afresh. (Its folder: {folder})</source>
            <translation>En oavslutad körning från {when} gäller den här klientorganisationen, men inget av det som den skrev finns kvar i klientorganisationen: klientorganisationen har skapats på nytt, återställts eller lästs in från en kopia sedan dess. Körningen erbjuds därför inte; en ny körning börjar från början. (Dess mapp: {folder})</translation>
        </message>
        <message>
            <location line="+6" />
            <source>An unfinished run from {when} was found, but it could not be compared with the tenant: {error}. Press Retry the checks to try again.</source>
            <translation>En oavslutad körning från {when} hittades, men den kunde inte jämföras med klientorganisationen: {error}. Tryck på Kontrollera igen för att försöka på nytt.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>An unfinished run from {when} — {done} of {total} done.</source>
            <translation>En oavslutad körning från {when} — {done} av {total} klara.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>An unfinished run from {when} — {done} done.</source>
            <translation>En oavslutad körning från {when} — {done} klara.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&lt;b&gt;It will be continued&lt;/b&gt; with the same source: go on with Next. Users it already wrote are not written again.</source>
            <translation>&lt;b&gt;Den kommer att fortsättas&lt;/b&gt; med samma källa: gå vidare med Nästa. Användare som redan har fått sitt värde får det inte en gång till.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Start a &amp;new run instead</source>
            <translation>Starta en &amp;ny körning i stället</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Do you want to continue it, so that its report covers every user?</source>
            <translation>Vill du fortsätta den, så att dess rapport omfattar alla användare?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>C&amp;ontinue the run</source>
            <translation>&amp;Fortsätt körningen</translation>
        </message>
    </context>
    <context>
        <name>RunFace</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+108" />
            <source>Command line</source>
            <translation>Kommandoraden</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wizard</source>
            <translation>Guiden</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unattended</source>
            <translation>Schemalagd</translation>
        </message>
    </context>
    <context>
        <name>RunPage</name>
        <message>
            <location filename="../../gui/pages/run.py" line="+27" />
            <source>Run</source>
            <translation>Körning</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Writes the new ImmutableIds. You can cancel; requests already sent finish.</source>
            <translation>Skriver de nya ImmutableId. Du kan avbryta; begäranden som redan skickats slutförs.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Cancel the run</source>
            <translation>&amp;Avbryt körningen</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Progress of the run</source>
            <translation>Körningens förlopp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%v of %m</source>
            <translation>%v av %m</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Failures so far:</source>
            <translation>Misslyckade hittills:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Failures so far</source>
            <translation>Misslyckade hittills</translation>
        </message>
        <message>
            <location line="+20" />
            <source>This continues the unfinished run in {folder}; users it already wrote are reported as set and not written again.</source>
            <translation>Detta fortsätter den oavslutade körningen i {folder}; användare som redan har fått sitt värde rapporteras som angivna och får det inte en gång till.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Starting: each user is read once more just before it is written…</source>
            <translation>Startar: varje användare läses en gång till precis innan värdet sätts…</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Writing… Next and Back wait until the run ends.</source>
            <translation>Skriver ImmutableId… Nästa och Tillbaka väntar tills körningen är klar.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Cancel the run?</source>
            <translation>Avbryta körningen?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop writing? Requests already sent will finish; users not reached yet are reported as not attempted, and you can run again later.</source>
            <translation>Vill du avbryta? Begäranden som redan skickats slutförs; användare som inte har nåtts än rapporteras som ej försökta, och du kan köra igen senare.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Cancelling: waiting for the requests already sent…</source>
            <translation>Avbryter: väntar på begäranden som redan skickats…</translation>
        </message>
    </context>
    <context>
        <name>RunState</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+3" />
            <source>Finished</source>
            <translation>Klar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled or stopped</source>
            <translation>Avbruten eller stoppad</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Did not finish</source>
            <translation>Blev inte klar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already undone</source>
            <translation>Redan ångrad</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Partly undone</source>
            <translation>Delvis ångrad</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Undo not finished</source>
            <translation>Ångringen blev inte klar</translation>
        </message>
    </context>
    <context>
        <name>SourcePage</name>
        <message>
            <location filename="../../gui/pages/source.py" line="+82" />
            <source>Source of the ImmutableIds</source>
            <translation>Källa för ImmutableId</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Where each user's new ImmutableId comes from, and which users to include.</source>
            <translation>Varifrån varje användares nya ImmutableId kommer och vilka användare som ska tas med.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Sample of computed values</source>
            <translation>Exempel på beräknade värden</translation>
        </message>
        <message>
            <location line="+3" />
            <source>What would be written (a sample)</source>
            <translation>Värden som skulle sättas (ett urval)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>From the identity provider's &amp;export file (CSV)</source>
            <translation>Från identitetsleverantörens &amp;exportfil (CSV)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Use the de&amp;mo school's export</source>
            <translation>Använd de&amp;moskolans exportfil</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Export file</source>
            <translation>Exportfil</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export file path</source>
            <translation>Sökväg till exportfilen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A CSV file with one row per person</source>
            <translation>En CSV-fil med en rad per person</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;File:</source>
            <translation>&amp;Fil:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>First rows of the file</source>
            <translation>Filens första rader</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Key column</source>
            <translation>Nyckelkolumn</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Match type</source>
            <translation>Matchning</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Value column</source>
            <translation>Värdekolumn</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Key column, matches:</source>
            <translation>N&amp;yckelkolumn, matchar:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Value column:</source>
            <translation>&amp;Värdekolumn:</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Rule and scope</source>
            <translation>Regel och omfattning</translation>
        </message>
        <message>
            <location line="-55" />
            <source>Entra attribute</source>
            <translation>Attribut i Entra</translation>
        </message>
        <message>
            <location line="-8" />
            <source>From an a&amp;ttribute the users already have in Entra</source>
            <translation>Från ett &amp;attribut som användarna redan har i Entra</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Bro&amp;wse…</source>
            <translation>Bl&amp;äddra…</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Transform</source>
            <translation>Omvandling</translation>
        </message>
        <message>
            <location line="+3" />
            <source>T&amp;ransform:</source>
            <translation>Omvandlin&amp;g:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Domains to include</source>
            <translation>Domäner att ta med</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Domains:</source>
            <translation>&amp;Domäner:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Include &amp;guests</source>
            <translation>Ta med gä&amp;ster</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Include d&amp;isabled accounts</source>
            <translation>Ta med &amp;inaktiverade konton</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Reading the tenant's users to count them per domain…</source>
            <translation>Läser klientorganisationens användare för att räkna dem per domän…</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Reading the tenant's users… {n} so far</source>
            <translation>Läser klientorganisationens användare… {n} hittills</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Choose the export file</source>
            <translation>Välj exportfilen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV files (*.csv *.txt);;All files (*)</source>
            <translation>CSV-filer (*.csv *.txt);;Alla filer (*)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Reading the export file…</source>
            <translation>Läser exportfilen…</translation>
        </message>
        <message>
            <location line="+86" />
            <source>Tick at least one domain.</source>
            <translation>Markera minst en domän.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose the export file.</source>
            <translation>Välj exportfilen.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The key column and the value column must differ.</source>
            <translation>Nyckelkolumnen och värdekolumnen måste vara olika.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>User</source>
            <translation>Användare</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Source value</source>
            <translation>Källvärde</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New ImmutableId</source>
            <translation>Nytt ImmutableId</translation>
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
            <translation>Kvar: behöver UPN-bytet</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Will be set</source>
            <translation>Kommer att anges</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already has one</source>
            <translation>Har redan ett</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No value in the source</source>
            <translation>Inget värde i källan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Duplicate value</source>
            <translation>Dubblettvärde</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value already in use</source>
            <translation>Värdet används redan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invalid value</source>
            <translation>Ogiltigt värde</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Synced from AD</source>
            <translation>Synkroniserad från AD</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admin role</source>
            <translation>Administratörsroll</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Federated domain</source>
            <translation>Federerad domän</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Guest</source>
            <translation>Gäst</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disabled</source>
            <translation>Inaktiverad</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Out of scope</source>
            <translation>Utanför urvalet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set</source>
            <translation>Angivet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>Misslyckades</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Skipped: set meanwhile</source>
            <translation>Fick ett värde under tiden</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dry run (not written)</source>
            <translation>Provkörning (inget ändrat)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not attempted</source>
            <translation>Ej försökt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Changed by someone else</source>
            <translation>Ändrad av någon annan</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cleared</source>
            <translation>Rensat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Skipped: changed since</source>
            <translation>Ändrat sedan körningen</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Will be cleared</source>
            <translation>Rensas</translation>
        </message>
    </context>
    <context>
        <name>StatusHint</name>
        <message>
            <location line="+7" />
            <source>This user gets the new ImmutableId when you run.</source>
            <translation>Användaren får det nya ImmutableId när du kör.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The user already has an ImmutableId; it is never changed.</source>
            <translation>Användaren har redan ett ImmutableId; det ändras aldrig.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The source has no value for this user. Check the export file or the key column.</source>
            <translation>Källan har inget värde för den här användaren. Kontrollera exportfilen eller nyckelkolumnen.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Two or more users would get the same value. Fix the source so every value is unique.</source>
            <translation>Två eller fler användare skulle få samma värde. Rätta källan så att varje värde är unikt.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Another user in the tenant already has this value. Find that user and fix the source.</source>
            <translation>En annan användare i klientorganisationen har redan det här värdet. Leta upp den användaren och rätta källan.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The value cannot be an ImmutableId (see the detail). Choose another column or transform.</source>
            <translation>Värdet kan inte vara ett ImmutableId (se detaljen). Välj en annan kolumn eller omvandling.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Synced from on-premises AD: Entra Connect owns its ImmutableId.</source>
            <translation>Synkroniserad från lokalt AD: Entra Connect styr dess ImmutableId.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The user holds an admin role, so this app may not set it. A Privileged Authentication Administrator can set it by hand.</source>
            <translation>Användaren har en administratörsroll, så den här appen får inte ange värdet. En Privilegierad autentiseringsadministratör kan ange det för hand.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The domain is already federated, so a direct write is refused. If the detail says so, the UPN swap (chosen on the Confirm page) can set it.</source>
            <translation>Domänen är redan federerad, så Microsoft nekar att värdet sätts direkt. Om detaljen säger det kan UPN-bytet (som väljs på sidan Bekräfta) ange värdet.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Guests are left out unless you include them.</source>
            <translation>Gäster tas inte med om du inte väljer det.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disabled accounts are left out unless you include them.</source>
            <translation>Inaktiverade konton tas inte med om du inte väljer det.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The user's domain is not among the chosen domains.</source>
            <translation>Användarens domän finns inte bland de valda domänerna.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Written.</source>
            <translation>Värdet är angivet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft refused the write; see the detail. Retry the failed ones after fixing the cause.</source>
            <translation>Microsoft nekade att sätta värdet; se detaljen. Försök igen med de misslyckade när orsaken är åtgärdad.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Someone set an ImmutableId after the preview; it was left alone.</source>
            <translation>Någon angav ett ImmutableId efter förhandsgranskningen; det lämnades orört.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dry run: this would have been written.</source>
            <translation>Provkörning: värdet skulle ha angetts.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The run was cancelled or stopped before this user; run again to continue.</source>
            <translation>Körningen avbröts eller stoppades före den här användaren; kör igen för att fortsätta.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Written, then another run or person set a different value before this run read it back. Check which value is right.</source>
            <translation>Värdet angavs, men en annan körning eller person satte ett annat värde innan den här körningen läste tillbaka det. Kontrollera vilket värde som är rätt.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Undone: the value this run wrote was cleared.</source>
            <translation>Ångrat: värdet som körningen skrev rensades.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The value changed after the run wrote it, so the undo left it alone.</source>
            <translation>Värdet ändrades efter att körningen skrev det, så ångringen lämnade det orört.</translation>
        </message>
        <message>
            <location line="-2" />
            <source>The user still holds the value the run wrote: the undo clears it.</source>
            <translation>Användaren har kvar värdet som körningen skrev: ångringen rensar det.</translation>
        </message>
    </context>
    <context>
        <name>Summary</name>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+1" />
            <source>&lt;b&gt;{n}&lt;/b&gt; users will be written, &lt;b&gt;{swapped}&lt;/b&gt; of them with the UPN swap.</source>
            <translation>&lt;b&gt;{n}&lt;/b&gt; användare får ett ImmutableId, &lt;b&gt;{swapped}&lt;/b&gt; av dem med UPN-bytet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&lt;b&gt;{n}&lt;/b&gt; users will be written.</source>
            <translation>&lt;b&gt;{n}&lt;/b&gt; användare får ett ImmutableId.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A file could not be read or written.</source>
            <translation>En fil gick inte att läsa eller skriva.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Also set the {n} users in federated domains with the &amp;UPN swap</source>
            <translation>Ange också de {n} användarna i federerade domäner med &amp;UPN-bytet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Another window or program is writing this run.</source>
            <translation>Ett annat fönster eller program kör redan den här körningen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled.</source>
            <translation>Avbruten.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dry run: nothing was written.</source>
            <translation>Provkörning: ingenting ändrades.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dry run: users to go through: {n}. Nothing is written.</source>
            <translation>Provkörning: {n} användare gås igenom. Ingenting ändras.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Each swap uses two writes of Microsoft's write quota.</source>
            <translation>Varje byte förbrukar två skrivningar ur Microsofts skrivkvot.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Each user's UPN is moved to the tenant's .onmicrosoft.com domain and back again: two writes, a few seconds apart.</source>
            <translation>Varje användares UPN flyttas till klientorganisationens .onmicrosoft.com-domän och tillbaka igen: två ändringar med några sekunders mellanrum.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Entra-joined PCs may show “Other user” at sign-in.</source>
            <translation>Entra-anslutna datorer kan visa ”Annan användare” vid inloggningen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Finished.</source>
            <translation>Klar.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In tenant &lt;b&gt;{tenant}&lt;/b&gt;, &lt;b&gt;{n}&lt;/b&gt; users will get an ImmutableId taken from {source}, transformed with “{transform}”.</source>
            <translation>I klientorganisationen &lt;b&gt;{tenant}&lt;/b&gt; får &lt;b&gt;{n}&lt;/b&gt; användare ett ImmutableId som hämtas från {source} och omvandlas med ”{transform}”.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Intune app protection (MAM) links may break.</source>
            <translation>Kopplingar för Intunes appskydd (MAM) kan brytas.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Line {line}</source>
            <translation>Rad {line}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mail and proxy addresses are not expected to change; the report records each user's UPN and mail before and after.</source>
            <translation>E-post- och proxyadresser förväntas inte ändras; rapporten visar varje användares UPN och e-post före och efter.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meanwhile the user cannot sign in through the identity provider (IdP).</source>
            <translation>Under tiden kan användaren inte logga in via identitetsleverantören (IdP).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Authenticator may show the account as a new account.</source>
            <translation>Microsoft Authenticator kan visa kontot som ett nytt konto.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft Graph answered with an error ({status} {code}).</source>
            <translation>Microsoft Graph svarade med ett fel ({status} {code}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Microsoft's write quota ({quota}) makes it take at least {eta}.</source>
            <translation>Microsofts skrivkvot ({quota}) gör att det tar minst {eta}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not available: the check could not find the tenant's .onmicrosoft.com domain, and the swap moves each UPN there. Check again; if this stays, make sure the app may read the domains (Domain.Read.All).</source>
            <translation>Inte tillgängligt: kontrollen hittade inte klientorganisationens .onmicrosoft.com-domän, och bytet flyttar varje UPN dit. Kontrollera igen; om det kvarstår, se till att appen får läsa domänerna (Domain.Read.All).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Of them with the UPN swap (two writes each): {n}.</source>
            <translation>Av dem med UPN-bytet (två skrivningar var): {n}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paused by Microsoft's throttling for {s} s; the run continues by itself.</source>
            <translation>Pausad i {s} s av Microsofts begränsning; körningen fortsätter av sig själv.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Something went wrong.</source>
            <translation>Något gick fel.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>That is within Microsoft's write quota ({quota}): it goes as fast as Microsoft answers.</source>
            <translation>Det ryms inom Microsofts skrivkvot ({quota}): det går så fort som Microsoft svarar.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The details are in the log file (Help → About shows where). Try again; if it persists, send the log to support.</source>
            <translation>Detaljerna finns i loggfilen (Om visar var). Försök igen; om felet kvarstår, skicka loggen till supporten.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file cannot be used.</source>
            <translation>Filen kan inte användas.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The report cannot be saved there.</source>
            <translation>Rapporten kan inte sparas där.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The source settings are not usable.</source>
            <translation>Inställningarna för källan går inte att använda.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The user's OneDrive address (URL) may change.</source>
            <translation>Användarens OneDrive-adress (URL) kan ändras.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This run cannot be undone.</source>
            <translation>Den här körningen kan inte ångras.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users in federated domains that can be set with the UPN swap: &lt;b&gt;{n}&lt;/b&gt;. Whether to do that is chosen on the Confirm page.</source>
            <translation>Användare i federerade domäner som kan anges med UPN-bytet: &lt;b&gt;{n}&lt;/b&gt;. Om det ska göras väljer du på sidan Bekräfta.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users that already have an ImmutableId are never changed.</source>
            <translation>Användare som redan har ett ImmutableId ändras aldrig.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users that hold an admin role cannot be swapped: Microsoft refuses to change their UPN.</source>
            <translation>UPN-bytet kan inte användas för användare med en administratörsroll: Microsoft nekar att ändra deras UPN.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users to write: &lt;b&gt;{n}&lt;/b&gt;.</source>
            <translation>Användare som får ett ImmutableId: &lt;b&gt;{n}&lt;/b&gt;.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Writes: {writes} (two for each user with the UPN swap).</source>
            <translation>Antal skrivningar: {writes} (två för varje användare med UPN-bytet).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Writes: {writes}.</source>
            <translation>Antal skrivningar: {writes}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>about {eta} left</source>
            <translation>cirka {eta} kvar</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{done} of {total} done, {failed} failed</source>
            <translation>{done} av {total} klara, {failed} misslyckade</translation>
        </message>
        <message>
            <location line="-9" />
            <source>Wait for it to finish (or close it), then start again: the run continues where it stopped.</source>
            <translation>Vänta tills det är klart (eller stäng det) och starta sedan igen: körningen fortsätter där den stannade.</translation>
        </message>
        <message>
            <location line="-27" />
            <source>Each user's UPN is moved to a temporary name in {domain} (e.g. {example}) and back again: two writes, a few seconds apart.</source>
            <translation>Varje användares UPN flyttas till ett tillfälligt namn i {domain} (t.ex. {example}) och tillbaka igen: två ändringar med några sekunders mellanrum.</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Will get an ImmutableId: &lt;b&gt;{will}&lt;/b&gt; · already have one (left alone): {already} · cannot get one yet (see their status): {problems} · left out (synced, guests, disabled, other domains): {left}</source>
            <translation>Får ett ImmutableId: &lt;b&gt;{will}&lt;/b&gt; · har redan ett (lämnas orörda): {already} · kan inte få ett än (se status): {problems} · tas inte med (synkroniserade, gäster, inaktiverade, andra domäner): {left}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>column {column}</source>
            <translation>kolumn {column}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>each user's {attribute}</source>
            <translation>varje användares {attribute}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the values in {file} (column “{value}”, matched by {match} in column “{key}”)</source>
            <translation>värdena i {file} (kolumnen ”{value}”, matchade på {match} i kolumnen ”{key}”)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown</source>
            <translation>okänt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{h} h {m} min</source>
            <translation>{h} tim {m} min</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{limit} writes per {window}</source>
            <translation>{limit} skrivningar per {window}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{m} min {s} s</source>
            <translation>{m} min {s} s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{rate} users a second</source>
            <translation>{rate} användare per sekund</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{s} s</source>
            <translation>{s} s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{what}: {file}</source>
            <translation>{what}: {file}</translation>
        </message>
    </context>
    <context>
        <name>SwapChoice</name>
        <message>
            <location filename="../../gui/widgets/swap_choice.py" line="+29" />
            <source>What the UPN swap does</source>
            <translation>Vad UPN-bytet gör</translation>
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
            <translation>&amp;Om</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Finish</source>
            <translation>Sl&amp;utför</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Stop the run?</source>
            <translation>Stoppa körningen?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Writing is in progress. Stop after the requests already sent have finished? Users not reached yet are reported as not attempted.</source>
            <translation>ImmutableId skrivs just nu. Vill du stoppa när begäranden som redan skickats är klara? Användare som inte har nåtts än rapporteras som ej försökta.</translation>
        </message>
    </context>
    <context>
        <name>Transform</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+138" />
            <source>None: use the value as it is</source>
            <translation>Ingen: använd värdet som det är</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lower case</source>
            <translation>Gemener</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GUID → base64 (Entra Connect's form)</source>
            <translation>GUID → base64 (Entra Connects format)</translation>
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
            <translation>den skulle ha ändrat fler användare än sin gräns och ändrade därför ingenting — titta på planen i körningens mapp och kör den själv</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it would have written a larger share of the users than its limit, so it wrote nothing — look at the plan in its run folder and run it yourself</source>
            <translation>den skulle ha ändrat en större andel av användarna än sin gräns och ändrade därför ingenting — titta på planen i körningens mapp och kör den själv</translation>
        </message>
        <message>
            <location line="+2" />
            <source>some users could not be written — see the report in its run folder</source>
            <translation>några användare kunde inte få sitt värde — se rapporten i körningens mapp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>it was stopped before it finished — the next run continues it</source>
            <translation>den stoppades innan den var klar — nästa körning fortsätter den</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no source is saved with the connection — open it here and choose one</source>
            <translation>ingen källa är sparad med anslutningen — öppna den här och välj en</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the saved connection is gone — remove the schedule</source>
            <translation>den sparade anslutningen finns inte längre — ta bort schemat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no client secret for it is in this computer's keychain — open the connection here and tick “Remember the secret”</source>
            <translation>ingen klienthemlighet för den finns i datorns nyckelring — öppna anslutningen här och kryssa i ”Kom ihåg hemligheten”</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Microsoft Graph refused to list the users — run the checks here</source>
            <translation>Microsoft Graph vägrade lista användarna — kör kontrollerna här</translation>
        </message>
        <message>
            <location line="+1" />
            <source>another run of the same tenant was still writing — the next run continues</source>
            <translation>en annan körning för samma klientorganisation pågick fortfarande — nästa körning fortsätter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>an unexpected error — see the log</source>
            <translation>ett oväntat fel — se loggen</translation>
        </message>
        <message>
            <location filename="../../build/work/tr_helper_strings.py" line="+1" />
            <source>Scheduled every Monday at {at}; next run {when}.</source>
            <translation>Schemalagd varje måndag kl. {at}; nästa körning {when}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scheduled every day at {at}; next run {when}.</source>
            <translation>Schemalagd varje dag kl. {at}; nästa körning {when}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The nightly sync for {name} failed on {date}: {problem}</source>
            <translation>Den nattliga synkroniseringen för {name} misslyckades den {date}: {problem}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The unattended sync for {name} failed on {date}: {problem}</source>
            <translation>Den schemalagda synkroniseringen för {name} misslyckades den {date}: {problem}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The weekly sync for {name} failed on {date}: {problem}</source>
            <translation>Den veckovisa synkroniseringen för {name} misslyckades den {date}: {problem}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>done</source>
            <translation>klar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>failed</source>
            <translation>misslyckades</translation>
        </message>
        <message>
            <location line="+1" />
            <source>last run: {when}, {outcome}</source>
            <translation>senaste körning: {when}, {outcome}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>next run: {when}</source>
            <translation>nästa körning: {when}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no unattended run yet</source>
            <translation>ingen schemalagd körning ännu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not scheduled</source>
            <translation>inte schemalagd</translation>
        </message>
    </context>
    <context>
        <name>UndoCount</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+89" />
            <source>Will be cleared</source>
            <translation>Rensas</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Changed since the run (left alone)</source>
            <translation>Ändrade sedan körningen (lämnas orörda)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cannot be cleared (see the report)</source>
            <translation>Kan inte rensas (se rapporten)</translation>
        </message>
        <message>
            <location line="-3" />
            <source>In a federated domain: cleared only with the UPN swap (left as they are)</source>
            <translation>I en federerad domän: rensas bara med UPN-bytet (lämnas som de är)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Already cleared by an earlier undo of this run</source>
            <translation>Redan rensade av en tidigare ångring av den här körningen</translation>
        </message>
    </context>
    <context>
        <name>UndoDialog</name>
        <message>
            <location filename="../../gui/dialogs/undo.py" line="-104" />
            <source>Undo a run</source>
            <translation>Ångra en körning</translation>
        </message>
        <message>
            <location line="+16" />
            <source>What the undo will do</source>
            <translation>Vad ångringen kommer att göra</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use the UPN &amp;swap for users in federated domains</source>
            <translation>Använd &amp;UPN-bytet för användare i federerade domäner</translation>
        </message>
        <message>
            <location line="+3" />
            <source>It changes those users' UPN briefly (to the tenant's .onmicrosoft.com domain and back), which Microsoft requires to clear their value: two writes each (the UPN away, then the UPN back with the value cleared). The other users take one write each.</source>
            <translation>Det ändrar dessa användares UPN en kort stund (till klientorganisationens .onmicrosoft.com-domän och tillbaka), vilket Microsoft kräver för att rensa deras värde: två skrivningar per användare (UPN flyttas bort och sedan tillbaka med värdet rensat). Övriga användares värde rensas med en enda ändring.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Confirmation</source>
            <translation>Bekräftelse</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+82" />
            <source>&amp;Undo the run</source>
            <translation>&amp;Ångra körningen</translation>
        </message>
        <message>
            <location line="-80" />
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Progress</source>
            <translation>Förlopp</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Counts per status</source>
            <translation>Antal per status</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Stop</source>
            <translation>&amp;Stoppa</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Export report…</source>
            <translation>&amp;Exportera rapport…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Open the run's folder</source>
            <translation>&amp;Öppna körningens mapp</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Finish the undo…</source>
            <translation>Sl&amp;utför ångringen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear the values left, with the UPN swap</source>
            <translation>Rensa de värden som är kvar, med UPN-bytet</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>Stäng</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Run of &lt;b&gt;{when}&lt;/b&gt; (started from: {face}) · ImmutableIds it set: &lt;b&gt;{n}&lt;/b&gt;&lt;br&gt;Folder: {folder}</source>
            <translation>Körningen från &lt;b&gt;{when}&lt;/b&gt; (startad från: {face}) · ImmutableId som den satte: &lt;b&gt;{n}&lt;/b&gt;&lt;br&gt;Mapp: {folder}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reading those users in the tenant (nothing is written yet)…</source>
            <translation>Läser dessa användare i klientorganisationen (ingenting ändras än)…</translation>
        </message>
        <message>
            <location line="+34" />
            <source>&amp;Finish the undo</source>
            <translation>Sl&amp;utför ångringen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>An earlier undo of this run did not finish; this one continues it ({folder}).</source>
            <translation>En tidigare ångring av den här körningen blev inte klar; den här fortsätter den ({folder}).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This run was already undone.</source>
            <translation>Den här körningen har redan ångrats.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>An earlier undo of this run left users in a federated domain: finish it with the UPN swap.</source>
            <translation>En tidigare ångring av körningen lämnade kvar användare i en federerad domän: slutför den med UPN-bytet.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nothing to clear: every value the run set has changed or is gone.</source>
            <translation>Inget att rensa: varje värde som körningen satte har ändrats eller finns inte längre.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Users whose value changed since the run, and users that had a value before it, are never touched.</source>
            <translation>Användare vars värde har ändrats sedan körningen, och användare som hade ett värde före den, rörs aldrig.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Clearing the values the run set…</source>
            <translation>Rensar värdena som körningen satte…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Users done: {done} of {total}</source>
            <translation>Klara användare: {done} av {total}</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Undo cancelled.</source>
            <translation>Ångringen avbröts.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Undo partly done: {n} users in a federated domain still have the value. Finish the undo with the UPN swap to clear theirs.</source>
            <translation>Ångringen är delvis klar: {n} användare i en federerad domän har kvar värdet. Slutför ångringen med UPN-bytet för att rensa deras.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Undo finished.</source>
            <translation>Ångringen är klar.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Report: {path}</source>
            <translation>Rapport: {path}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Undo this run again to finish: it continues this undo.</source>
            <translation>Ångra körningen igen för att slutföra: då fortsätter den här ångringen.</translation>
        </message>
        <message>
            <location line="-3" />
            <source>{n} users are not back on their own UPN yet (UPN swap). Undo this run again: they are finished first.</source>
            <translation>{n} användare har ännu inte fått tillbaka sitt eget UPN (UPN-bytet). Ångra körningen igen: de slutförs först.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Stopping after the requests already sent…</source>
            <translation>Stoppar när begäranden som redan skickats är klara…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Export the report</source>
            <translation>Exportera rapporten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-filer (*.csv)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Saved to {path}</source>
            <translation>Sparad i {path}</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Stop the undo?</source>
            <translation>Stoppa ångringen?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clearing is in progress. Stop after the requests already sent have finished? Undo the run again later to finish.</source>
            <translation>Värden rensas just nu. Vill du stoppa när begäranden som redan skickats är klara? Ångra körningen igen senare för att slutföra.</translation>
        </message>
    </context>
    <context>
        <name>UndoError</name>
        <message>
            <location filename="../../gui/code_texts.py" line="+5" />
            <source>The folder has no journal.jsonl: it is not a run folder.</source>
            <translation>Mappen har ingen journal.jsonl: det är ingen körningsmapp.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This run is not an apply run (an undo cannot be undone).</source>
            <translation>Det här är ingen körning som satte värden (en ångring kan inte ångras).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This was a dry run: it wrote nothing, so there is nothing to undo.</source>
            <translation>Det här var en provkörning: den skrev ingenting, så det finns inget att ångra.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>There is no such folder.</source>
            <translation>Mappen finns inte.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Its journal.jsonl cannot be read.</source>
            <translation>Dess journal.jsonl går inte att läsa.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Its journal.jsonl is empty: it is not a run's journal.</source>
            <translation>Dess journal.jsonl är tom: det är inte en körnings journal.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This run was made in another tenant or by another app: sign in to that tenant with that app to undo it.</source>
            <translation>Den här körningen gjordes i en annan klientorganisation eller av en annan app: logga in i den klientorganisationen med den appen för att ångra den.</translation>
        </message>
    </context>
    <context>
        <name>UndoRunsDialog</name>
        <message>
            <location filename="../../gui/dialogs/undo_runs.py" line="+41" />
            <source>Undo an earlier run</source>
            <translation>Ångra en tidigare körning</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Earlier runs that set ImmutableIds in this tenant with this app, newest first. An undo clears only the values a run set that are still unchanged.</source>
            <translation>Tidigare körningar som satte ImmutableId i den här klientorganisationen med den här appen, nyaste först. En ångring rensar bara de värden som körningen satte och som fortfarande är oförändrade.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>When</source>
            <translation>När</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Set</source>
            <translation>Satta</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Started from</source>
            <translation>Startad från</translation>
        </message>
        <message>
            <location line="+0" />
            <source>State</source>
            <translation>Läge</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Folder</source>
            <translation>Mapp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Earlier runs</source>
            <translation>Tidigare körningar</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Undo the chosen run…</source>
            <translation>&amp;Ångra den valda körningen…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation>Stäng</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Reading the run folders…</source>
            <translation>Läser körningsmapparna…</translation>
        </message>
        <message>
            <location line="+25" />
            <source>No earlier run of this tenant and app set a value.</source>
            <translation>Ingen tidigare körning i den här klientorganisationen med den här appen satte något värde.</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <location filename="../../gui/pages/welcome.py" line="-45" />
            <source>Welcome</source>
            <translation>Välkommen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fill in missing ImmutableIds in a Microsoft Entra tenant, safely.</source>
            <translation>Fyll i saknade ImmutableId i en klientorganisation i Microsoft Entra – på ett säkert sätt.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&lt;p&gt;Before pupils and staff can sign in through an outside identity provider (such as Skolon), every user in the school's Entra tenant needs an &lt;b&gt;ImmutableId&lt;/b&gt;. This tool fills in the missing ones from the identity provider's export file or from an attribute the users already have.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;It &lt;b&gt;never changes a user that already has an ImmutableId&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;It &lt;b&gt;writes nothing before you confirm&lt;/b&gt;: you see every user's outcome first, and a dry run is always available.&lt;/li&gt;&lt;li&gt;Every run leaves a report you can keep.&lt;/li&gt;&lt;/ul&gt;</source>
            <translation>&lt;p&gt;Innan elever och personal kan logga in via en extern identitetsleverantör (till exempel Skolon) behöver varje användare i skolans klientorganisation i Entra ett &lt;b&gt;ImmutableId&lt;/b&gt;. Det här verktyget fyller i de som saknas, från identitetsleverantörens exportfil eller från ett attribut som användarna redan har.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Det &lt;b&gt;ändrar aldrig en användare som redan har ett ImmutableId&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Det &lt;b&gt;ändrar ingenting innan du bekräftar&lt;/b&gt;: du ser först vad som händer med varje användare, och en provkörning finns alltid.&lt;/li&gt;&lt;li&gt;Varje körning lämnar en rapport som du kan spara.&lt;/li&gt;&lt;/ul&gt;</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&lt;p&gt;&lt;b&gt;The app registration the tool signs in as.&lt;/b&gt; The quickest way: on the next page, enter the tenant and press &lt;b&gt;Create it for me…&lt;/b&gt;, then sign in once as an admin of the school's tenant. The tool creates the app registration with its permission, grants admin consent, makes the client secret and fills in the connection: nothing to copy by hand.&lt;/p&gt;&lt;p&gt;Or prepare it yourself in the Azure portal (Microsoft Entra ID → App registrations → New registration):&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;API permissions&lt;/b&gt; → Add a permission → Microsoft Graph → Application permissions → &lt;b&gt;User.ReadWrite.All&lt;/b&gt;, then click &lt;b&gt;Grant admin consent for &amp;lt;your organisation&amp;gt;&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Certificates &amp;amp; secrets&lt;/b&gt; → New client secret; copy its &lt;b&gt;Value&lt;/b&gt; (not the Secret ID) at once, and note the expiry date.&lt;/li&gt;&lt;li&gt;From the app's &lt;b&gt;Overview&lt;/b&gt;, copy the &lt;b&gt;Application (client) ID&lt;/b&gt; and the &lt;b&gt;Directory (tenant) ID&lt;/b&gt;.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Microsoft's guide: &lt;a href="{url}"&gt;Register an application&lt;/a&gt;. Set ImmutableIds &lt;b&gt;before&lt;/b&gt; you federate the domain.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Appregistreringen som verktyget loggar in som.&lt;/b&gt; Snabbast: ange klientorganisationen på nästa sida och tryck på &lt;b&gt;Skapa den åt mig…&lt;/b&gt;, och logga sedan in en gång som administratör för skolans klientorganisation. Verktyget skapar appregistreringen med dess behörighet, beviljar administratörsmedgivande, skapar klienthemligheten och fyller i anslutningen: inget behöver kopieras för hand.&lt;/p&gt;&lt;p&gt;Eller förbered den själv i Azure-portalen (Microsoft Entra ID → Appregistreringar → Ny registrering):&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;API-behörigheter&lt;/b&gt; → Lägg till en behörighet → Microsoft Graph → Programbehörigheter → &lt;b&gt;User.ReadWrite.All&lt;/b&gt;, och klicka sedan på &lt;b&gt;Bevilja administratörsmedgivande för &amp;lt;din organisation&amp;gt;&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Certifikat och hemligheter&lt;/b&gt; → Ny klienthemlighet; kopiera genast dess &lt;b&gt;Värde&lt;/b&gt; (inte Hemlighets-ID) och anteckna utgångsdatumet.&lt;/li&gt;&lt;li&gt;Kopiera &lt;b&gt;Program-ID (klient)&lt;/b&gt; och &lt;b&gt;Katalog-ID (klientorganisation)&lt;/b&gt; från appens &lt;b&gt;Översikt&lt;/b&gt;.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Microsofts guide: &lt;a href="{url}"&gt;Registrera ett program&lt;/a&gt;. Sätt ImmutableId &lt;b&gt;innan&lt;/b&gt; du federerar domänen.&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+45" />
            <source>&lt;b&gt;This is the demo.&lt;/b&gt; A made-up school runs on this computer and answers as Microsoft does; nothing here reaches a real tenant. What you do to it is kept until you reset it, so a run you stop — or a program you close mid-run — can be continued the next time.</source>
            <translation>&lt;b&gt;Det här är demon.&lt;/b&gt; En påhittad skola körs på den här datorn och svarar som Microsoft gör; ingenting här når en riktig klientorganisation. Det du gör med den finns kvar tills du återställer den, så en körning som du stoppar – eller ett program som du stänger mitt i en körning – kan fortsättas nästa gång.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Reset the demo…</source>
            <translation>&amp;Återställ demon…</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Reset the demo?</source>
            <translation>Återställa demon?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The demo school goes back to how it started: every value and UPN the demo's runs changed is as before, and the demo's runs, reports, saved connection and schedule are deleted. Do you want to reset it?</source>
            <translation>Demoskolan blir som när den skapades: alla värden och UPN som demons körningar ändrade blir som förut, och demons körningar, rapporter, sparade anslutning och schema tas bort. Vill du återställa den?</translation>
        </message>
        <message>
            <location line="-48" />
            <source>Problems with scheduled syncs</source>
            <translation>Problem med schemalagda synkroniseringar</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Saved connections</source>
            <translation>Sparade anslutningar</translation>
        </message>
    </context>
    <context>
        <name>WizardPage</name>
        <message>
            <location filename="../../gui/pages/base.py" line="+167" />
            <source>Export the report</source>
            <translation>Exportera rapporten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-filer (*.csv)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Saving the report…</source>
            <translation>Sparar rapporten…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Saved to {path}</source>
            <translation>Sparad i {path}</translation>
        </message>
    </context>
</TS>
