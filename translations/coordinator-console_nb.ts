<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>ActivityReportExport</name>
    <message>
        <source>Activity report</source>
        <translation>Aktivitetsrapport</translation>
    </message>
    <message>
        <source>Period: %1 to %2</source>
        <translation>Periode: %1 til %2</translation>
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation>Organisasjon: %1</translation>
    </message>
    <message>
        <source>Coordinator: %1</source>
        <translation>Koordinator: %1</translation>
    </message>
    <message>
        <source>Active days count from the day a peer mentor started.</source>
        <translation>Aktive dager telles fra dagen likepersonen begynte.</translation>
    </message>
    <message>
        <source>A pause runs from the day it began up to the day it ended.</source>
        <translation>En pause varer fra dagen den begynte, til dagen den ble avsluttet.</translation>
    </message>
    <message>
        <source>Made %1 by %2</source>
        <translation>Laget %1 av %2</translation>
    </message>
    <message>
        <source>activity-report-%1-%2</source>
        <translation>aktivitetsrapport-%1-%2</translation>
    </message>
    <message>
        <source>Exporting the activity report…</source>
        <translation>Eksporterer aktivitetsrapporten…</translation>
    </message>
</context>
<context>
    <name>ActivityText</name>
    <message>
        <source>Created organisation</source>
        <translation>Opprettet organisasjon</translation>
    </message>
    <message>
        <source>Created coordinator</source>
        <translation>Opprettet koordinator</translation>
    </message>
    <message>
        <source>Changed coordinator</source>
        <translation>Endret koordinator</translation>
    </message>
    <message>
        <source>Deactivated coordinator</source>
        <translation>Deaktiverte koordinator</translation>
    </message>
    <message>
        <source>Reactivated coordinator</source>
        <translation>Reaktiverte koordinator</translation>
    </message>
    <message>
        <source>Created peer mentor</source>
        <translation>Opprettet likeperson</translation>
    </message>
    <message>
        <source>Imported peer mentor</source>
        <translation>Importerte likeperson</translation>
    </message>
    <message>
        <source>Changed peer mentor</source>
        <translation>Endret likeperson</translation>
    </message>
    <message>
        <source>Moved peer mentor</source>
        <translation>Flyttet likeperson</translation>
    </message>
    <message>
        <source>Deactivated peer mentor</source>
        <translation>Deaktiverte likeperson</translation>
    </message>
    <message>
        <source>Reactivated peer mentor</source>
        <translation>Reaktiverte likeperson</translation>
    </message>
    <message>
        <source>Created user</source>
        <translation>Opprettet bruker</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Satte passord</translation>
    </message>
    <message>
        <source>Changed role</source>
        <translation>Endret rolle</translation>
    </message>
    <message>
        <source>Disabled user</source>
        <translation>Deaktiverte bruker</translation>
    </message>
    <message>
        <source>Enabled user</source>
        <translation>Aktiverte bruker</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Logget inn</translation>
    </message>
    <message>
        <source>Failed to sign in</source>
        <translation>Mislykket innlogging</translation>
    </message>
    <message>
        <source>Created pairing code</source>
        <translation>Opprettet paringskode</translation>
    </message>
    <message>
        <source>Paired device</source>
        <translation>Paret enhet</translation>
    </message>
    <message>
        <source>Revoked device token</source>
        <translation>Trakk tilbake enhetstoken</translation>
    </message>
    <message>
        <source>Created notification record</source>
        <translation>Registrerte varsel</translation>
    </message>
    <message>
        <source>Changed notification record</source>
        <translation>Endret varsel</translation>
    </message>
    <message>
        <source>Deleted notification record</source>
        <translation>Slettet varsel</translation>
    </message>
    <message>
        <source>Created template</source>
        <translation>Opprettet mal</translation>
    </message>
    <message>
        <source>Changed template</source>
        <translation>Endret mal</translation>
    </message>
    <message>
        <source>Restored template version</source>
        <translation>Gjenopprettet malversjon</translation>
    </message>
    <message>
        <source>Reset template</source>
        <translation>Tilbakestilte mal</translation>
    </message>
    <message>
        <source>Deleted template</source>
        <translation>Slettet mal</translation>
    </message>
    <message>
        <source>Backed up the database</source>
        <translation>Sikkerhetskopierte databasen</translation>
    </message>
    <message>
        <source>Exported the organisation</source>
        <translation>Eksporterte organisasjonen</translation>
    </message>
    <message>
        <source>Restored a backup</source>
        <translation>Gjenopprettet en sikkerhetskopi</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Peer mentor</source>
        <translation>Likeperson</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruker</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Paringskode</translation>
    </message>
    <message>
        <source>Device token</source>
        <translation>Enhetstoken</translation>
    </message>
    <message>
        <source>Notification record</source>
        <translation>Varsel</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Mal</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>the kind of thing and its id: Peer mentor pm_a1</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>In the console</source>
        <translation>I konsollen</translation>
    </message>
    <message>
        <source>Through the API</source>
        <translation>Via API-et</translation>
    </message>
    <message>
        <source>Their own</source>
        <translation>Sitt eget</translation>
    </message>
    <message>
        <source>%1, peer mentor %2</source>
        <translation>%1, likeperson %2</translation>
    </message>
    <message>
        <source>All activity</source>
        <translation>All aktivitet</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Innlogginger</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>Mislykkede innlogginger</translation>
    </message>
    <message>
        <source>Notification records</source>
        <translation>Varsler</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Maler</translation>
    </message>
    <message>
        <source>Peer mentors</source>
        <translation>Likepersoner</translation>
    </message>
    <message>
        <source>Coordinators</source>
        <translation>Koordinatorer</translation>
    </message>
    <message>
        <source>Users, passwords and sign-ins</source>
        <translation>Brukere, passord og innlogginger</translation>
    </message>
    <message>
        <source>Device pairing</source>
        <translation>Paring av enheter</translation>
    </message>
    <message>
        <source>Device tokens</source>
        <translation>Enhetstokener</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisasjoner</translation>
    </message>
    <message>
        <source>Backups, exports and restores</source>
        <translation>Sikkerhetskopier, eksporter og gjenopprettinger</translation>
    </message>
    <message>
        <source>Exported peer mentor&apos;s personal data</source>
        <translation>Eksporterte likepersonens personopplysninger</translation>
    </message>
    <message>
        <source>Erased peer mentor&apos;s personal data</source>
        <translation>Slettet likepersonens personopplysninger</translation>
    </message>
    <message>
        <source>Changed retention rules</source>
        <translation>Endret regler for lagringstid</translation>
    </message>
    <message>
        <source>Deleted old records by retention rule</source>
        <translation>Slettet gamle varsler etter regel for lagringstid</translation>
    </message>
    <message>
        <source>Personal data exports</source>
        <translation>Eksporter av personopplysninger</translation>
    </message>
    <message>
        <source>Personal data erasures</source>
        <translation>Slettinger av personopplysninger</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>Pause started</source>
        <translation>Pause startet</translation>
    </message>
    <message>
        <source>Pause ended</source>
        <translation>Pause avsluttet</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>In app</source>
        <translation>I appen</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>På pause</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Org admin</source>
        <translation>Organisasjonsadministrator</translation>
    </message>
    <message>
        <source>Global admin</source>
        <translation>Global administrator</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>&amp;Push</translation>
    </message>
    <message>
        <source>&amp;In app</source>
        <translation>&amp;I appen</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-post</translation>
    </message>
    <message>
        <source>S&amp;MS</source>
        <translation>S&amp;MS</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>Please check what was entered.</source>
        <translation>Kontroller det du har fylt inn.</translation>
    </message>
    <message>
        <source>The user name or password is wrong, or the sign-in has expired.</source>
        <translation>Brukernavnet eller passordet er feil, eller innloggingen har utløpt.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Rollen din gir ikke tilgang til dette.</translation>
    </message>
    <message>
        <source>It no longer exists, or you may not see it.</source>
        <translation>Det finnes ikke lenger, eller du har ikke tilgang til det.</translation>
    </message>
    <message>
        <source>It already exists, or someone else changed it at the same time.</source>
        <translation>Det finnes allerede, eller noen andre endret det samtidig.</translation>
    </message>
    <message>
        <source>Someone else changed it in the meantime. Reload and try again.</source>
        <translation>Noen andre har endret det i mellomtiden. Last inn på nytt og prøv igjen.</translation>
    </message>
    <message>
        <source>The values do not fit together.</source>
        <translation>Verdiene passer ikke sammen.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a little and try again.</source>
        <translation>For mange forsøk. Vent litt og prøv igjen.</translation>
    </message>
    <message>
        <source>The database could not be used. Nothing was changed.</source>
        <translation>Databasen kunne ikke brukes. Ingenting ble endret.</translation>
    </message>
    <message>
        <source>Something went wrong inside the program.</source>
        <translation>Det oppstod en intern feil i programmet.</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Prøv igjen om %n sekund.</numerusform>
            <numerusform>Prøv igjen om %n sekunder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryExport</name>
    <message>
        <source>Event</source>
        <translation>Hendelse</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>Gjelder fra</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanaler</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Registrert av</translation>
    </message>
    <message>
        <source>Notification history of %1</source>
        <translation>Varselhistorikk for %1</translation>
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation>Organisasjon: %1</translation>
    </message>
    <message>
        <source>Coordinator: %1</source>
        <translation>Koordinator: %1</translation>
    </message>
    <message>
        <source>Status: paused since %1</source>
        <translation>Status: på pause siden %1</translation>
    </message>
    <message>
        <source>Status: active</source>
        <translation>Status: aktiv</translation>
    </message>
    <message>
        <source>Made on %1 by %2.</source>
        <translation>Laget %1 av %2.</translation>
    </message>
</context>
<context>
    <name>LongTask</name>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Avbryter…</translation>
    </message>
</context>
<context>
    <name>NewPassword</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De to passordene er ikke like.</translation>
    </message>
</context>
<context>
    <name>PersonalDataReport</name>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Personal data of %1</source>
        <translation>Personopplysninger om %1</translation>
    </message>
    <message>
        <source>Everything the Coordinator Console of %1 stores about this peer mentor.</source>
        <translation>Alt som Coordinator Console hos %1 lagrer om denne likepersonen.</translation>
    </message>
    <message>
        <source>Made on %1 by %2.</source>
        <translation>Laget %1 av %2.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Navn: %1</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation>Organisasjon: %1</translation>
    </message>
    <message>
        <source>Coordinator: %1</source>
        <translation>Koordinator: %1</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>E-post: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <source>Status: paused since %1</source>
        <translation>Status: på pause siden %1</translation>
    </message>
    <message>
        <source>Status: active</source>
        <translation>Status: aktiv</translation>
    </message>
    <message>
        <source>Added on %1.</source>
        <translation>Lagt til %1.</translation>
    </message>
    <message>
        <source>Left on %1.</source>
        <translation>Sluttet %1.</translation>
    </message>
    <message>
        <source>Personal data erased on %1: name, email, phone and the texts below are gone.</source>
        <translation>Personopplysningene ble slettet %1: navn, e-post, telefon og tekstene nedenfor er fjernet.</translation>
    </message>
    <message numerus="yes">
        <source>Notification records (%n)</source>
        <translation>
            <numerusform>Varsler (%n)</numerusform>
            <numerusform>Varsler (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ingen.</translation>
    </message>
    <message numerus="yes">
        <source>Messages built that name her (%n)</source>
        <translation>
            <numerusform>Meldinger som nevner henne (%n)</numerusform>
            <numerusform>Meldinger som nevner henne (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>The texts of the notifications built from the templates, as they were sent.</source>
        <translation>Tekstene i varslene som ble laget fra malene, slik de ble sendt.</translation>
    </message>
    <message>
        <source>Built at</source>
        <translation>Laget</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message numerus="yes">
        <source>Audit log about her and her records (%n)</source>
        <translation>
            <numerusform>Aktivitetslogg om henne og varslene hennes (%n)</numerusform>
            <numerusform>Aktivitetslogg om henne og varslene hennes (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Who read or changed her data in the console or through the API, and when.</source>
        <translation>Hvem som leste eller endret opplysningene hennes i konsollen eller via API-et, og når.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Gjelder</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Coordinator Console</source>
        <translation>Coordinator Console</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <source>Sent at</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Peer mentor</source>
        <translation>Likeperson</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Hendelse</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>Gjelder fra</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanaler</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>Kunne ikke skrive %1: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Avbrutt.</translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation>PDF-filen kunne ikke startes</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Side %1</translation>
    </message>
    <message>
        <source>a page could not be added</source>
        <translation>en side kunne ikke legges til</translation>
    </message>
</context>
<context>
    <name>StatisticsCharts</name>
    <message>
        <source>Paused peer mentors per day</source>
        <translation>Likepersoner på pause per dag</translation>
    </message>
    <message>
        <source>Paused peer mentors per week</source>
        <translation>Likepersoner på pause per uke</translation>
    </message>
    <message>
        <source>Paused peer mentors per month</source>
        <translation>Likepersoner på pause per måned</translation>
    </message>
    <message>
        <source>Pauses started and ended per month</source>
        <translation>Pauser startet og avsluttet per måned</translation>
    </message>
    <message>
        <source>Paused peer mentors</source>
        <translation>Likepersoner på pause</translation>
    </message>
    <message>
        <source>No peer mentor was paused from %1 to %2.</source>
        <translation>Ingen likeperson var på pause fra %1 til %2.</translation>
    </message>
    <message>
        <source>Paused peer mentors per day from %1 to %2: highest %3 on %4.</source>
        <translation>Likepersoner på pause per dag fra %1 til %2: flest %3 den %4.</translation>
    </message>
    <message>
        <source>Paused peer mentors per week from %1 to %2: highest %3 in the week of %4.</source>
        <translation>Likepersoner på pause per uke fra %1 til %2: flest %3 i uken som begynte %4.</translation>
    </message>
    <message>
        <source>Paused peer mentors per month from %1 to %2: highest %3 in %4.</source>
        <translation>Likepersoner på pause per måned fra %1 til %2: flest %3 i %4.</translation>
    </message>
    <message>
        <source>No pause started or ended from %1 to %2.</source>
        <translation>Ingen pauser ble startet eller avsluttet fra %1 til %2.</translation>
    </message>
    <message>
        <source>Pause events per month from %1 to %2.</source>
        <translation>Pausehendelser per måned fra %1 til %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n pause(s) started.</source>
        <translation>
            <numerusform>%n pause startet.</numerusform>
            <numerusform>%n pauser startet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pause(s) ended.</source>
        <translation>
            <numerusform>%n pause avsluttet.</numerusform>
            <numerusform>%n pauser avsluttet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The busiest month was %1.</source>
        <translation>Den travleste måneden var %1.</translation>
    </message>
</context>
<context>
    <name>cc::ActivityModel</name>
    <message>
        <source>In this computer&apos;s time zone; the newest first.</source>
        <translation>I denne datamaskinens tidssone, nyeste først.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>On what</source>
        <translation>Gjelder</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
</context>
<context>
    <name>cc::ActivityPage</name>
    <message>
        <source>When</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>On what</source>
        <translation>Gjelder</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Who did what and when, the newest first; more entries are read as you scroll.</source>
        <translation>Hvem som gjorde hva og når, nyeste først. Flere oppføringer leses inn mens du blar.</translation>
    </message>
    <message>
        <source>Columns of the activity</source>
        <translation>Kolonner i aktivitetslisten</translation>
    </message>
    <message>
        <source>Number of entries</source>
        <translation>Antall oppføringer</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>Eksporter som &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Oppd&amp;ater</translation>
    </message>
    <message>
        <source>Save every entry the filters match as a CSV file (%1).</source>
        <translation>Lagre alle oppføringer som samsvarer med filtrene, som en CSV-fil (%1).</translation>
    </message>
    <message>
        <source>Read the activity again (%1).</source>
        <translation>Les inn aktiviteten på nytt (%1).</translation>
    </message>
    <message>
        <source>The activity could not be read: %1</source>
        <translation>Kunne ikke lese aktiviteten: %1</translation>
    </message>
    <message>
        <source>Person filter</source>
        <translation>Filter for person</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>The username of whoever did it; empty for everyone.</source>
        <translation>Brukernavnet til den som gjorde det. Tomt for alle.</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>Kind of activity filter</source>
        <translation>Filter for aktivitetstype</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source>Organisation filter</source>
        <translation>Filter for organisasjon</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisasjon:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>F&amp;ra:</translation>
    </message>
    <message>
        <source>Only activity from a date</source>
        <translation>Bare aktivitet fra og med en dato</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fra dato</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>Only activity up to a date</source>
        <translation>Bare aktivitet til og med en dato</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Til dato</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>&amp;Nullstill filtre</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Nullstill filtre</translation>
    </message>
    <message>
        <source>Show all activity again: everyone, every kind, any date.</source>
        <translation>Vis all aktivitet igjen: alle personer, alle typer, uansett dato.</translation>
    </message>
    <message>
        <source>All organisations</source>
        <translation>Alle organisasjoner</translation>
    </message>
    <message>
        <source>The activity could not be read.</source>
        <translation>Kunne ikke lese aktiviteten.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entry(s)</source>
        <translation>
            <numerusform>%Ln oppføring</numerusform>
            <numerusform>%Ln oppføringer</numerusform>
        </translation>
    </message>
    <message>
        <source>No activity matches the filters. Change or clear them to see more.</source>
        <translation>Ingen aktivitet samsvarer med filtrene. Endre eller nullstill dem for å se mer.</translation>
    </message>
    <message>
        <source>Nothing has been recorded yet.</source>
        <translation>Ingenting er registrert ennå.</translation>
    </message>
    <message>
        <source>activity-%1.csv</source>
        <translation>aktivitet-%1.csv</translation>
    </message>
    <message>
        <source>Export the activity as CSV</source>
        <translation>Eksporter aktiviteten som CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the activity…</source>
        <translation>Eksporterer aktiviteten…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln entry(s) to %1.</source>
        <translation>
            <numerusform>Eksporterte %Ln oppføring til %1.</numerusform>
            <numerusform>Eksporterte %Ln oppføringer til %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Eksporten ble avbrutt. Ingen fil ble skrevet.</translation>
    </message>
    <message>
        <source>The activity could not be exported</source>
        <translation>Aktiviteten kunne ikke eksporteres</translation>
    </message>
</context>
<context>
    <name>cc::ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Endre passord</translation>
    </message>
    <message>
        <source>Your password was set by someone else (a new account or a reset). Choose a new one that only you know before you go on.</source>
        <translation>Passordet ditt ble angitt av noen andre (en ny konto eller en tilbakestilling). Velg et nytt passord som bare du kjenner, før du fortsetter.</translation>
    </message>
    <message>
        <source>Choose a new password for %1. Phones signed in as you will have to sign in again.</source>
        <translation>Velg et nytt passord for %1. Telefoner som er logget inn som deg, må logge inn på nytt.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Nåværende passord</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nytt passord</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Gjenta det nye passordet</translation>
    </message>
    <message>
        <source>Password message</source>
        <translation>Passordmelding</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Nå&amp;værende passord:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nytt passord:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Gjenta:</translation>
    </message>
    <message>
        <source>C&amp;hange password</source>
        <translation>&amp;Endre passord</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Skriv inn det nåværende passordet ditt.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Det nåværende passordet er feil.</translation>
    </message>
</context>
<context>
    <name>cc::ConsoleSession</name>
    <message>
        <source>Coordinator Console</source>
        <translation>Coordinator Console</translation>
    </message>
    <message>
        <source>Demo users</source>
        <translation>Demobrukere</translation>
    </message>
    <message>
        <source>You are signed in as the demo organisation&apos;s admin. These are the demo users&apos; passwords; they are shown only now.</source>
        <translation>Du er logget inn som administrator for demoorganisasjonen. Dette er passordene til demobrukerne. De vises bare nå.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sikkerhetskopien er gjenopprettet</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were restored. Sign in with an account from the backup.</source>
        <translation>
            <numerusform>%n rad ble gjenopprettet. Logg inn med en konto fra sikkerhetskopien.</numerusform>
            <numerusform>%n rader ble gjenopprettet. Logg inn med en konto fra sikkerhetskopien.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::CoordinatorDialog</name>
    <message>
        <source>The id cannot be changed.</source>
        <translation>ID-en kan ikke endres.</translation>
    </message>
    <message>
        <source>Edit coordinator</source>
        <translation>Rediger koordinator</translation>
    </message>
    <message>
        <source>Add coordinator</source>
        <translation>Legg til koordinator</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>e.g. kari.k</source>
        <translation>f.eks. kari.k</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>navn@example.org</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisasjon:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <source>The id is 1 to 64 letters, digits, “_”, “.” or “-”; it cannot be changed later. The email may be left empty.</source>
        <translation>ID-en består av 1 til 64 bokstaver, sifre, «_», «.» eller «-» og kan ikke endres senere. E-postadressen kan stå tom.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>&amp;Add coordinator</source>
        <translation>&amp;Legg til koordinator</translation>
    </message>
</context>
<context>
    <name>cc::CoordinatorsModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive since %1</source>
        <translation>Inaktiv siden %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Active peer mentors</source>
        <translation>Aktive likepersoner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
</context>
<context>
    <name>cc::CoordinatorsPage</name>
    <message>
        <source>Search coordinators</source>
        <translation>Søk etter koordinatorer</translation>
    </message>
    <message>
        <source>Matches the name, email or id. Ctrl+F comes back here.</source>
        <translation>Søket treffer navn, e-post og ID. Ctrl+F fører deg tilbake hit.</translation>
    </message>
    <message>
        <source>Name, email or id</source>
        <translation>Navn, e-post eller ID</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Søk:</translation>
    </message>
    <message>
        <source>Show coordinators by status</source>
        <translation>Vis koordinatorer etter status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktive</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktive</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Vis:</translation>
    </message>
    <message>
        <source>Coordinators</source>
        <translation>Koordinatorer</translation>
    </message>
    <message>
        <source>Columns of the coordinators</source>
        <translation>Kolonner i koordinatorlisten</translation>
    </message>
    <message>
        <source>&amp;Add coordinator…</source>
        <translation>&amp;Legg til koordinator…</translation>
    </message>
    <message>
        <source>Add coordinator</source>
        <translation>Legg til koordinator</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>R&amp;ediger…</translation>
    </message>
    <message>
        <source>Edit the selected coordinator</source>
        <translation>Rediger den valgte koordinatoren</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktiver</translation>
    </message>
    <message>
        <source>Deactivate the selected coordinator</source>
        <translation>Deaktiver den valgte koordinatoren</translation>
    </message>
    <message>
        <source>Only an organisation admin adds and changes coordinators.</source>
        <translation>Bare en organisasjonsadministrator kan legge til og endre koordinatorer.</translation>
    </message>
    <message>
        <source>The coordinators could not be read: %1</source>
        <translation>Kunne ikke lese koordinatorene: %1</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>&amp;Reaktiver</translation>
    </message>
    <message>
        <source>Reactivate the selected coordinator</source>
        <translation>Reaktiver den valgte koordinatoren</translation>
    </message>
    <message numerus="yes">
        <source>%n coordinator(s)</source>
        <translation>
            <numerusform>%n koordinator</numerusform>
            <numerusform>%n koordinatorer</numerusform>
        </translation>
    </message>
    <message>
        <source>The coordinators could not be read.</source>
        <translation>Kunne ikke lese koordinatorene.</translation>
    </message>
    <message>
        <source>No coordinator matches “%1”. Change or clear the search, or show all coordinators, to see more.</source>
        <translation>Ingen koordinator samsvarer med «%1». Endre eller tøm søket, eller vis alle koordinatorer, for å se flere.</translation>
    </message>
    <message>
        <source>No coordinator matches “%1”. Change or clear the search to see more.</source>
        <translation>Ingen koordinator samsvarer med «%1». Endre eller tøm søket for å se flere.</translation>
    </message>
    <message>
        <source>No coordinator has been deactivated.</source>
        <translation>Ingen koordinatorer er deaktivert.</translation>
    </message>
    <message>
        <source>There are no coordinators yet. Add one with “Add coordinator…”.</source>
        <translation>Det er ingen koordinatorer ennå. Legg til en med «Legg til koordinator…».</translation>
    </message>
    <message>
        <source>There are no coordinators yet. An organisation admin adds them.</source>
        <translation>Det er ingen koordinatorer ennå. En organisasjonsadministrator legger dem til.</translation>
    </message>
    <message>
        <source>The coordinator %1 was added.</source>
        <translation>Koordinatoren %1 ble lagt til.</translation>
    </message>
    <message>
        <source>The coordinator %1 was saved.</source>
        <translation>Koordinatoren %1 ble lagret.</translation>
    </message>
    <message>
        <source>The coordinator could not be reactivated</source>
        <translation>Koordinatoren kunne ikke reaktiveres</translation>
    </message>
    <message>
        <source>The coordinator could not be deactivated</source>
        <translation>Koordinatoren kunne ikke deaktiveres</translation>
    </message>
    <message>
        <source>%1 is active again.</source>
        <translation>%1 er aktiv igjen.</translation>
    </message>
    <message>
        <source>%1 was deactivated (listed under Show: Inactive).</source>
        <translation>%1 ble deaktivert (vises under Vis: Inaktive).</translation>
    </message>
</context>
<context>
    <name>cc::DatabaseDialog</name>
    <message>
        <source>Where the data lives</source>
        <translation>Hvor dataene ligger</translation>
    </message>
    <message>
        <source>Choose where Coordinator Console keeps its data. Several desks and servers of an organisation share one PostgreSQL server.</source>
        <translation>Velg hvor Coordinator Console lagrer dataene sine. Flere arbeidsplasser og servere i en organisasjon deler én PostgreSQL-server.</translation>
    </message>
    <message>
        <source>&amp;This computer (%1)</source>
        <translation>&amp;Denne datamaskinen (%1)</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Denne datamaskinen</translation>
    </message>
    <message>
        <source>A &amp;shared PostgreSQL server</source>
        <translation>En delt Postgre&amp;SQL-server</translation>
    </message>
    <message>
        <source>A shared PostgreSQL server</source>
        <translation>En delt PostgreSQL-server</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>db.example.org</source>
        <translation>db.example.org</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruker</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Kryptering</translation>
    </message>
    <message>
        <source>Required, server certificate verified</source>
        <translation>Påkrevd, serverens sertifikat kontrollert</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Påkrevd</translation>
    </message>
    <message>
        <source>When the server offers it</source>
        <translation>Når serveren tilbyr det</translation>
    </message>
    <message>
        <source>Off (only on this machine or a trusted network)</source>
        <translation>Av (bare på denne maskinen eller et nettverk du stoler på)</translation>
    </message>
    <message>
        <source>&amp;Remember the password in ~/.pgpass</source>
        <translation>&amp;Husk passordet i ~/.pgpass</translation>
    </message>
    <message>
        <source>Remember the password in ~/.pgpass</source>
        <translation>Husk passordet i ~/.pgpass</translation>
    </message>
    <message>
        <source>Test the &amp;connection</source>
        <translation>&amp;Test tilkoblingen</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Test tilkoblingen</translation>
    </message>
    <message>
        <source>Result of the connection test</source>
        <translation>Resultatet av tilkoblingstesten</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Data&amp;base:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Br&amp;uker:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;ord:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Kryptering:</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address.</source>
        <translation>Skriv inn serverens navn eller adresse.</translation>
    </message>
    <message>
        <source>Enter the database&apos;s name.</source>
        <translation>Skriv inn databasens navn.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Skriv inn brukernavnet.</translation>
    </message>
    <message>
        <source>No connection: %1</source>
        <translation>Ingen tilkobling: %1</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1. The database holds Coordinator Console&apos;s data.</source>
        <translation>Koblet til PostgreSQL %1. Databasen inneholder Coordinator Consoles data.</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1. The database is empty: it is set up when the console starts.</source>
        <translation>Koblet til PostgreSQL %1. Databasen er tom: den settes opp når konsollen starter.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Kobler til …</translation>
    </message>
</context>
<context>
    <name>cc::EraseMentorDialog</name>
    <message>
        <source>Erase personal data</source>
        <translation>Slett personopplysninger</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This erases the personal data of %1 for good. It cannot be undone.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Her name, email and phone, the reasons and notes of her notification records and the texts of the messages built for her are overwritten, and so is her name wherever else it was written. She is deactivated and shown as “Erased peer mentor” from now on.&lt;/p&gt;&lt;p&gt;Her records stay, without these details, so that the statistics and the activity report still count her days. Backups made before keep her data. Export her personal data first if she asked for a copy.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Dette sletter personopplysningene til %1 for godt. Det kan ikke angres.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Navnet, e-postadressen og telefonnummeret hennes, årsakene og notatene i varslene hennes og tekstene i meldingene som ble laget for henne, blir overskrevet, og det samme blir navnet hennes alle andre steder der det står. Hun blir deaktivert og vises heretter som «Erased peer mentor».&lt;/p&gt;&lt;p&gt;Varslene hennes blir liggende, uten disse opplysningene, slik at statistikken og aktivitetsrapporten fortsatt teller dagene hennes. Sikkerhetskopier som er tatt tidligere, beholder opplysningene hennes. Eksporter personopplysningene hennes først hvis hun har bedt om en kopi.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Her name, to confirm</source>
        <translation>Navnet hennes, for å bekrefte</translation>
    </message>
    <message>
        <source>Type “%1” exactly as shown to enable the Erase button.</source>
        <translation>Skriv «%1» nøyaktig slik det vises, for å aktivere knappen «Slett for godt».</translation>
    </message>
    <message>
        <source>To confirm, type her &amp;name “%1”:</source>
        <translation>Bekreft ved å skrive inn &amp;navnet hennes, «%1»:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Erase for good</source>
        <translation>&amp;Slett for godt</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>Slett for godt</translation>
    </message>
    <message>
        <source>Enabled once her name is typed above.</source>
        <translation>Blir aktiv når navnet hennes er skrevet inn ovenfor.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Erasing the personal data of %1…</source>
        <translation>Sletter personopplysningene til %1…</translation>
    </message>
    <message>
        <source>Nothing was erased.</source>
        <translation>Ingenting ble slettet.</translation>
    </message>
</context>
<context>
    <name>cc::ImportDialog</name>
    <message>
        <source>Import peer mentors</source>
        <translation>Importer likepersoner</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fil: %1</translation>
    </message>
    <message>
        <source>Encoding of the file</source>
        <translation>Filens tegnkoding</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Windows-1252 (Excel on Windows)</source>
        <translation>Windows-1252 (Excel på Windows)</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Tegnkoding:</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>Problemer i filen</translation>
    </message>
    <message>
        <source>The first line names the columns: id, org_id, coordinator_id, name, email, phone (separated by “,” or “;”). A peer mentor whose id exists is updated; a column the file lacks is left as it is.</source>
        <translation>Den første linjen angir kolonnene: id, org_id, coordinator_id, name, email, phone (skilt med «,» eller «;»). En likeperson med en ID som allerede finnes, blir oppdatert. En kolonne som mangler i filen, blir stående uendret.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>The file cannot be read as a list of peer mentors.</source>
        <translation>Filen kan ikke leses som en liste over likepersoner.</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 unchanged, %4 with problems.</source>
        <translation>%1 nye, %2 endret, %3 uendret, %4 med problemer.</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>Det er ingenting å importere.</translation>
    </message>
    <message>
        <source>Nothing is written until you import.</source>
        <translation>Ingenting blir lagret før du importerer.</translation>
    </message>
    <message>
        <source>Correct the file and open it again: nothing is imported while a line has a problem.</source>
        <translation>Rett filen og åpne den på nytt: ingenting blir importert så lenge en linje har et problem.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Ingenting ble importert.</translation>
    </message>
</context>
<context>
    <name>cc::MainWindow</name>
    <message>
        <source>Coordinator Console</source>
        <translation>Coordinator Console</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sider</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Shortcut: %1</source>
        <translation>Hurtigtast: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Import peer mentors from CSV…</source>
        <translation>I&amp;mporter likepersoner fra CSV…</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>&amp;Sikkerhetskopier databasen…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Innstillinger…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Logg ut</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gå til</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>&amp;About Coordinator Console</source>
        <translation>&amp;Om Coordinator Console</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Logget inn som %1 (%2)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>No API server in this window</source>
        <translation>Ingen API-server i dette vinduet</translation>
    </message>
    <message>
        <source>API server stopped: %1</source>
        <translation>API-serveren er stoppet: %1</translation>
    </message>
    <message>
        <source>API server stopped</source>
        <translation>API-serveren er stoppet</translation>
    </message>
    <message numerus="yes">
        <source>Serving on %1 · %n device(s)</source>
        <translation>
            <numerusform>Kjører på %1 · %n enhet</numerusform>
            <numerusform>Kjører på %1 · %n enheter</numerusform>
        </translation>
    </message>
    <message>
        <source>Import peer mentors</source>
        <translation>Importer likepersoner</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-filer (*.csv);;Alle filer (*)</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>Kunne ikke lese %1: %2</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Sikkerhetskopier databasen</translation>
    </message>
    <message>
        <source>SQLite databases (*.db)</source>
        <translation>SQLite-databaser (*.db)</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Sikkerhetskopierer databasen…</translation>
    </message>
    <message>
        <source>The backup failed.</source>
        <translation>Sikkerhetskopieringen mislyktes.</translation>
    </message>
    <message>
        <source>The backup was cancelled; no file was left behind.</source>
        <translation>Sikkerhetskopieringen ble avbrutt. Ingen fil ble liggende igjen.</translation>
    </message>
    <message numerus="yes">
        <source>Backed up %n row(s) to %1.</source>
        <translation>
            <numerusform>Sikkerhetskopierte %n rad til %1.</numerusform>
            <numerusform>Sikkerhetskopierte %n rader til %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>About Coordinator Console</source>
        <translation>Om Coordinator Console</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Coordinator Console&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Follows peer mentors&apos; pauses and the notifications sent about them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Coordinator Console&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Følger likepersonenes pauser og varslene som sendes om dem.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Export the organisation…</source>
        <translation>&amp;Eksporter organisasjonen…</translation>
    </message>
    <message>
        <source>Export the organisation</source>
        <translation>Eksporter organisasjonen</translation>
    </message>
    <message>
        <source>Exporting the organisation…</source>
        <translation>Eksporterer organisasjonen…</translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>Eksporten mislyktes.</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was left behind.</source>
        <translation>Eksporten ble avbrutt. Ingen fil ble liggende igjen.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Eksporterte %n rad til %1.</numerusform>
            <numerusform>Eksporterte %n rader til %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Serving on %1, unencrypted · %n device(s)</source>
        <translation>
            <numerusform>Kjører på %1, ukryptert · %n enhet</numerusform>
            <numerusform>Kjører på %1, ukryptert · %n enheter</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a page; Ctrl+1, Ctrl+2 and so on go to a page directly.</source>
        <translation>Velg en side. Ctrl+1, Ctrl+2 og så videre går direkte til en side.</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Endre &amp;passord…</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 changed.</source>
        <translation>Importert: %1 nye, %2 endret.</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Passordet ditt ble endret.</translation>
    </message>
</context>
<context>
    <name>cc::MentorDialog</name>
    <message>
        <source>Edit peer mentor</source>
        <translation>Rediger likeperson</translation>
    </message>
    <message>
        <source>Add peer mentor</source>
        <translation>Legg til likeperson</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>e.g. pm_551e8400</source>
        <translation>f.eks. pm_551e8400</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fullt navn</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>valgfritt</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>optional, e.g. +47 900 12 345</source>
        <translation>valgfritt, f.eks. +47 900 12 345</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisasjon:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Coordinator:</source>
        <translation>&amp;Koordinator:</translation>
    </message>
    <message>
        <source>An id is 1 to 64 letters, digits, “_”, “.” or “-”, and never changes.</source>
        <translation>En ID består av 1 til 64 bokstaver, sifre, «_», «.» eller «-» og endres aldri.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>&amp;Add peer mentor</source>
        <translation>&amp;Legg til likeperson</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inaktiv)</translation>
    </message>
    <message>
        <source>The id cannot be changed.</source>
        <translation>ID-en kan ikke endres.</translation>
    </message>
</context>
<context>
    <name>cc::MentorProfileView</name>
    <message>
        <source>Not given</source>
        <translation>Ikke oppgitt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notification his&amp;tory:</source>
        <translation>Varselhis&amp;torikk:</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Paused since</source>
        <translation>På pause siden</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Coordinator:</source>
        <translation>Koordinator:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-post:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Paused since:</source>
        <translation>På pause siden:</translation>
    </message>
    <message>
        <source>Notification history</source>
        <translation>Varselhistorikk</translation>
    </message>
    <message>
        <source>Newest first: event, effective date, reason, channels and when it was sent.</source>
        <translation>Nyeste først: hendelse, gjelder fra, årsak, kanaler og når varselet ble sendt.</translation>
    </message>
    <message>
        <source>Columns of the notification history</source>
        <translation>Kolonner i varselhistorikken</translation>
    </message>
    <message>
        <source>Not paused</source>
        <translation>Ikke på pause</translation>
    </message>
    <message>
        <source>No notifications are recorded for this peer mentor yet.</source>
        <translation>Ingen varsler er registrert for denne likepersonen ennå.</translation>
    </message>
    <message numerus="yes">
        <source>%n notification(s), newest first.</source>
        <translation>
            <numerusform>%n varsel, nyeste først.</numerusform>
            <numerusform>%n varsler, nyeste først.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::MoveMentorsDialog</name>
    <message>
        <source>Move to coordinator</source>
        <translation>Flytt til koordinator</translation>
    </message>
    <message numerus="yes">
        <source>Give %n peer mentor(s) to another coordinator. Their history stays as it is.</source>
        <translation>
            <numerusform>Overfør %n likeperson til en annen koordinator. Historikken forblir uendret.</numerusform>
            <numerusform>Overfør %n likepersoner til en annen koordinator. Historikken deres forblir uendret.</numerusform>
        </translation>
    </message>
    <message>
        <source>New coordinator</source>
        <translation>Ny koordinator</translation>
    </message>
    <message>
        <source>&amp;Coordinator:</source>
        <translation>&amp;Koordinator:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Flytt</translation>
    </message>
</context>
<context>
    <name>cc::NewTemplateDialog</name>
    <message>
        <source>New template</source>
        <translation>Ny mal</translation>
    </message>
    <message>
        <source>A custom template starts with the texts of the template of the same kind, in English and Norwegian, and can then be edited.</source>
        <translation>En egendefinert mal starter med tekstene fra malen av samme type, på engelsk og norsk, og kan deretter redigeres.</translation>
    </message>
    <message>
        <source>Template id</source>
        <translation>Mal-ID</translation>
    </message>
    <message>
        <source>e.g. coordinator-pause-short</source>
        <translation>f.eks. koordinator-pause-kort</translation>
    </message>
    <message>
        <source>Kind of notification</source>
        <translation>Varseltype</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivelse:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Opprett</translation>
    </message>
    <message>
        <source>Create the template</source>
        <translation>Opprett malen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>A template with the id “%1” exists already. Choose another id.</source>
        <translation>Det finnes allerede en mal med ID-en «%1». Velg en annen ID.</translation>
    </message>
    <message>
        <source>The Norwegian text could not be copied</source>
        <translation>Den norske teksten kunne ikke kopieres</translation>
    </message>
    <message>
        <source>An id is 1 to %1 characters of a–z, 0–9 and “-”.</source>
        <translation>En ID består av 1 til %1 tegn: a–z, 0–9 og «-».</translation>
    </message>
</context>
<context>
    <name>cc::PairingPanel</name>
    <message>
        <source>Pair a phone</source>
        <translation>Paring av telefon</translation>
    </message>
    <message>
        <source>User to pair a phone for</source>
        <translation>Brukeren som telefonen skal pares for</translation>
    </message>
    <message>
        <source>Server address the phone uses</source>
        <translation>Serveradressen telefonen skal bruke</translation>
    </message>
    <message>
        <source>&amp;Create pairing code</source>
        <translation>&amp;Opprett paringskode</translation>
    </message>
    <message>
        <source>Create pairing code</source>
        <translation>Opprett paringskode</translation>
    </message>
    <message numerus="yes">
        <source>A one-time code for the chosen user, valid for %n minute(s).</source>
        <translation>
            <numerusform>En engangskode for den valgte brukeren, gyldig i %n minutt.</numerusform>
            <numerusform>En engangskode for den valgte brukeren, gyldig i %n minutter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pairing QR code</source>
        <translation>QR-kode for paring</translation>
    </message>
    <message>
        <source>The QR code appears here.</source>
        <translation>QR-koden vises her.</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Paringskode</translation>
    </message>
    <message>
        <source>Pairing state</source>
        <translation>Paringsstatus</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Bruker:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The server stopped or changed, so the code shown no longer fits. Create a new pairing code.</source>
        <translation>Serveren har stoppet eller er endret, så koden som vises, gjelder ikke lenger. Opprett en ny paringskode.</translation>
    </message>
    <message>
        <source>There is no embedded server here to pair a phone with.</source>
        <translation>Det finnes ingen innebygd server her som en telefon kan pares med.</translation>
    </message>
    <message>
        <source>Start the server to pair a phone.</source>
        <translation>Start serveren for å pare en telefon.</translation>
    </message>
    <message numerus="yes">
        <source>Choose whose phone it is and create a code. The phone scans the QR code, or you type the address and the code on it. A code is valid for %n minute(s) and only once.</source>
        <translation>
            <numerusform>Velg hvem telefonen tilhører, og opprett en kode. Telefonen skanner QR-koden, eller du skriver inn adressen og koden på telefonen. En kode gjelder i %n minutt og kan bare brukes én gang.</numerusform>
            <numerusform>Velg hvem telefonen tilhører, og opprett en kode. Telefonen skanner QR-koden, eller du skriver inn adressen og koden på telefonen. En kode gjelder i %n minutter og kan bare brukes én gang.</numerusform>
        </translation>
    </message>
    <message>
        <source>A QR code that pairs a phone with this server as %1. It holds the address %2, the certificate fingerprint and the one-time code shown below it.</source>
        <translation>En QR-kode som parer en telefon med denne serveren som %1. Den inneholder adressen %2, sertifikatets fingeravtrykk og engangskoden som vises under den.</translation>
    </message>
    <message>
        <source>A QR code that pairs a phone with this server as %1. It holds the address %2 and the one-time code shown below it.</source>
        <translation>En QR-kode som parer en telefon med denne serveren som %1. Den inneholder adressen %2 og engangskoden som vises under den.</translation>
    </message>
    <message>
        <source>The one-time code for %1, in groups of four characters.</source>
        <translation>Engangskoden for %1, i grupper på fire tegn.</translation>
    </message>
    <message>
        <source>No pairing code is shown.</source>
        <translation>Ingen paringskode vises.</translation>
    </message>
    <message>
        <source>The pairing code has expired. Create a new one.</source>
        <translation>Paringskoden har utløpt. Opprett en ny.</translation>
    </message>
    <message>
        <source>The code is valid for %1 more (minutes:seconds), once.</source>
        <translation>Koden gjelder i %1 til (minutter:sekunder), og bare én gang.</translation>
    </message>
</context>
<context>
    <name>cc::PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Tilbakestill passord</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nytt passord</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Gjenta det nye passordet</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nytt passord:</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>&amp;Gjenta passord:</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>Minst %n tegn.</numerusform>
            <numerusform>Minst %n tegn.</numerusform>
        </translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation>&amp;Angi passord</translation>
    </message>
    <message>
        <source>A new password for %1 (%2). They are signed out of every device; when they next sign in with this password, they choose one of their own.</source>
        <translation>Nytt passord for %1 (%2). Brukeren blir logget ut på alle enheter og velger et eget passord ved neste innlogging med dette.</translation>
    </message>
</context>
<context>
    <name>cc::PauseNotifier</name>
    <message>
        <source>%1 has activated a pause</source>
        <translation>%1 har startet en pause</translation>
    </message>
    <message>
        <source>%1 has ended a pause</source>
        <translation>%1 har avsluttet en pause</translation>
    </message>
    <message>
        <source>Coordinator Console</source>
        <translation>Coordinator Console</translation>
    </message>
</context>
<context>
    <name>cc::PeerMentorsModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Paused since</source>
        <translation>På pause siden</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
</context>
<context>
    <name>cc::PeerMentorsPage</name>
    <message>
        <source>Peer mentors</source>
        <translation>Likepersoner</translation>
    </message>
    <message>
        <source>Search peer mentors</source>
        <translation>Søk etter likepersoner</translation>
    </message>
    <message>
        <source>Matches the name, email or id. Ctrl+F comes back here.</source>
        <translation>Søket treffer navn, e-post og ID. Ctrl+F fører deg tilbake hit.</translation>
    </message>
    <message>
        <source>Name, email or id</source>
        <translation>Navn, e-post eller ID</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Søk:</translation>
    </message>
    <message>
        <source>Choose a peer mentor to see the profile and the notification history.</source>
        <translation>Velg en likeperson for å se profilen og varselhistorikken.</translation>
    </message>
    <message>
        <source>Columns of the peer mentor list</source>
        <translation>Kolonner i likepersonlisten</translation>
    </message>
    <message>
        <source>Sort the peer mentors by</source>
        <translation>Sorter likepersonene etter</translation>
    </message>
    <message>
        <source>S&amp;ort by:</source>
        <translation>S&amp;orter etter:</translation>
    </message>
    <message>
        <source>%1 Shortcut: %2.</source>
        <translation>%1 Hurtigtast: %2.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Record a &amp;pause…</source>
        <translation>Registrer &amp;pause…</translation>
    </message>
    <message>
        <source>Record a pause on the peer mentor&apos;s behalf and build the messages.</source>
        <translation>Registrer en pause på vegne av likepersonen, og lag meldingene.</translation>
    </message>
    <message>
        <source>Record a &amp;resume…</source>
        <translation>Registrer gj&amp;enopptakelse…</translation>
    </message>
    <message>
        <source>Record that the peer mentor is active again and build the messages.</source>
        <translation>Registrer at likepersonen er aktiv igjen, og lag meldingene.</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>Eksporter som &amp;CSV…</translation>
    </message>
    <message>
        <source>Save the notification history as a CSV file.</source>
        <translation>Lagre varselhistorikken som en CSV-fil.</translation>
    </message>
    <message>
        <source>Export as P&amp;DF…</source>
        <translation>Eksporter som P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the notification history as a printable PDF.</source>
        <translation>Lagre varselhistorikken som en utskriftsvennlig PDF.</translation>
    </message>
    <message numerus="yes">
        <source>%n peer mentor(s)</source>
        <translation>
            <numerusform>%n likeperson</numerusform>
            <numerusform>%n likepersoner</numerusform>
        </translation>
    </message>
    <message>
        <source>The peer mentors could not be read.</source>
        <translation>Kunne ikke lese likepersonene.</translation>
    </message>
    <message>
        <source>No peer mentor matches “%1”. Change or clear the search to see more.</source>
        <translation>Ingen likeperson samsvarer med «%1». Endre eller tøm søket for å se flere.</translation>
    </message>
    <message>
        <source>There are no peer mentors to show yet. When an organisation admin adds them, they appear here with their status and notification history.</source>
        <translation>Det er ingen likepersoner å vise ennå. Når en organisasjonsadministrator legger dem til, vises de her med status og varselhistorikk.</translation>
    </message>
    <message>
        <source>A pause of %1 from %2 was recorded.</source>
        <translation>En pause for %1 fra %2 ble registrert.</translation>
    </message>
    <message>
        <source>The resume of %1 from %2 was recorded.</source>
        <translation>Gjenopptakelsen for %1 fra %2 ble registrert.</translation>
    </message>
    <message>
        <source>Export the history as PDF</source>
        <translation>Eksporter historikken som PDF</translation>
    </message>
    <message>
        <source>Export the history as CSV</source>
        <translation>Eksporter historikken som CSV</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumenter (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the history of %1…</source>
        <translation>Eksporterer historikken for %1…</translation>
    </message>
    <message>
        <source>The history of %1 was saved to %2.</source>
        <translation>Historikken for %1 ble lagret i %2.</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Eksporten ble avbrutt. Ingen fil ble skrevet.</translation>
    </message>
    <message>
        <source>The history could not be exported</source>
        <translation>Historikken kunne ikke eksporteres</translation>
    </message>
    <message>
        <source>Show peer mentors</source>
        <translation>Vis likepersoner</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktive</translation>
    </message>
    <message>
        <source>Inactive (left)</source>
        <translation>Inaktive (sluttet)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Vis:</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Legg til…</translation>
    </message>
    <message>
        <source>Add a peer mentor.</source>
        <translation>Legg til en likeperson.</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Rediger…</translation>
    </message>
    <message>
        <source>Change the name, email, phone or coordinator of the peer mentor.</source>
        <translation>Endre navnet, e-postadressen, telefonnummeret eller koordinatoren til likepersonen.</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>&amp;Flytt…</translation>
    </message>
    <message>
        <source>Give the selected peer mentors to another coordinator.</source>
        <translation>Overfør de valgte likepersonene til en annen koordinator.</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>Deak&amp;tiver</translation>
    </message>
    <message>
        <source>Mark a peer mentor who leaves: her history is kept, she gets no new records.</source>
        <translation>Marker en likeperson som slutter: historikken hennes beholdes, men hun får ingen nye varsler.</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>Reak&amp;tiver</translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation>%1 ble lagt til.</translation>
    </message>
    <message>
        <source>The details of %1 were saved.</source>
        <translation>Opplysningene om %1 ble lagret.</translation>
    </message>
    <message numerus="yes">
        <source>%n peer mentor(s) moved to another coordinator.</source>
        <translation>
            <numerusform>%n likeperson ble overført til en annen koordinator.</numerusform>
            <numerusform>%n likepersoner ble overført til en annen koordinator.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deactivate peer mentor</source>
        <translation>Deaktiver likeperson</translation>
    </message>
    <message>
        <source>Deactivate %1? Her history is kept and still counts in the statistics, but she gets no new records and is hidden from the list until she is reactivated.</source>
        <translation>Vil du deaktivere %1? Historikken hennes beholdes og teller fortsatt med i statistikken, men hun får ingen nye varsler og skjules i listen til hun blir reaktivert.</translation>
    </message>
    <message>
        <source>The peer mentor could not be changed</source>
        <translation>Likepersonen kunne ikke endres</translation>
    </message>
    <message>
        <source>%1 was deactivated.</source>
        <translation>%1 ble deaktivert.</translation>
    </message>
    <message>
        <source>%1 is active again.</source>
        <translation>%1 er aktiv igjen.</translation>
    </message>
    <message>
        <source>No peer mentor has left the organisation.</source>
        <translation>Ingen likepersoner har sluttet i organisasjonen.</translation>
    </message>
    <message>
        <source>Perso&amp;nal data</source>
        <translation>Perso&amp;nopplysninger</translation>
    </message>
    <message>
        <source>Export everything stored about the peer mentor, or erase her personal data.</source>
        <translation>Eksporter alt som er lagret om likepersonen, eller slett personopplysningene hennes.</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Personopplysninger</translation>
    </message>
    <message>
        <source>E&amp;xport personal data…</source>
        <translation>&amp;Eksporter personopplysninger…</translation>
    </message>
    <message>
        <source>Save everything stored about the peer mentor as a PDF to read and a JSON file, for her.</source>
        <translation>Lagre alt som er registrert om likepersonen, som en lesbar PDF og en JSON-fil, til henne.</translation>
    </message>
    <message>
        <source>E&amp;rase personal data…</source>
        <translation>&amp;Slett personopplysninger…</translation>
    </message>
    <message>
        <source>Erase her name, contact details and texts for good; her records still count in the statistics.</source>
        <translation>Slett navnet, kontaktopplysningene og tekstene hennes for godt. Varslene hennes teller fortsatt med i statistikken.</translation>
    </message>
    <message>
        <source>Re&amp;tention rules…</source>
        <translation>&amp;Regler for lagringstid…</translation>
    </message>
    <message>
        <source>How long the organisation keeps personal data: erase those who left long ago, delete old records.</source>
        <translation>Hvor lenge organisasjonen lagrer personopplysninger: slett opplysningene om dem som sluttet for lenge siden, og slett gamle varsler.</translation>
    </message>
    <message>
        <source>Export personal data as PDF and JSON</source>
        <translation>Eksporter personopplysninger som PDF og JSON</translation>
    </message>
    <message>
        <source>Exporting the personal data of %1…</source>
        <translation>Eksporterer personopplysningene til %1…</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Eksporten ble avbrutt.</translation>
    </message>
    <message>
        <source>The personal data could not be exported</source>
        <translation>Personopplysningene kunne ikke eksporteres</translation>
    </message>
    <message>
        <source>The personal data of %1 were saved to %2.</source>
        <translation>Personopplysningene til %1 ble lagret i %2.</translation>
    </message>
    <message>
        <source>The personal data of %1 were erased; she is listed as “%2” among those who left.</source>
        <translation>Personopplysningene til %1 ble slettet. Hun står nå som «%2» blant dem som har sluttet.</translation>
    </message>
    <message>
        <source>The database file still holds old copies until it is rewritten: %1</source>
        <translation>Databasefilen inneholder fortsatt gamle kopier til den blir skrevet på nytt: %1</translation>
    </message>
    <message>
        <source>The retention rules are off.</source>
        <translation>Reglene for lagringstid er slått av.</translation>
    </message>
    <message>
        <source>The retention rules were saved; they apply every hour.</source>
        <translation>Reglene for lagringstid ble lagret. De brukes hver time.</translation>
    </message>
</context>
<context>
    <name>cc::PeriodSelector</name>
    <message>
        <source>Chosen dates</source>
        <translation>Valgte datoer</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>I fjor</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>I år</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Siste 12 måneder</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>Første dag i perioden</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Siste dag i perioden</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>F&amp;ra:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisasjon:</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>&amp;Coordinator:</source>
        <translation>&amp;Koordinator:</translation>
    </message>
    <message>
        <source>Whole organisation</source>
        <translation>Hele organisasjonen</translation>
    </message>
    <message>
        <source>The first day of the period is after the last day. Choose a first day on or before the last day.</source>
        <translation>Første dag i perioden er etter siste dag. Velg en første dag som ikke er senere enn siste dag.</translation>
    </message>
</context>
<context>
    <name>cc::RecordEditDialog</name>
    <message>
        <source>Edit the notification record</source>
        <translation>Rediger varselet</translation>
    </message>
    <message>
        <source>The record</source>
        <translation>Varselet</translation>
    </message>
    <message>
        <source>Channels the notification went out on</source>
        <translation>Kanaler varselet ble sendt på</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>Notes for coordinators (optional)</source>
        <translation>Notater for koordinatorer (valgfritt)</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notater:</translation>
    </message>
    <message>
        <source>Why it was not saved</source>
        <translation>Hvorfor det ikke ble lagret</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>&amp;Load the current version</source>
        <translation>&amp;Hent gjeldende versjon</translation>
    </message>
    <message>
        <source>Load the current version</source>
        <translation>Hent gjeldende versjon</translation>
    </message>
    <message>
        <source>Show the record as it is now stored; what you changed here is replaced.</source>
        <translation>Vis varselet slik det er lagret nå. Endringene du har gjort her, blir erstattet.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Peer mentor: %1</source>
        <translation>Likeperson: %1</translation>
    </message>
    <message>
        <source>Event: %1, effective %2</source>
        <translation>Hendelse: %1, gjelder fra %2</translation>
    </message>
    <message>
        <source>Coordinator: %1</source>
        <translation>Koordinator: %1</translation>
    </message>
    <message>
        <source>Sent at: %1</source>
        <translation>Sendt: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Årsak: %1</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 av %2 tegn</translation>
    </message>
    <message>
        <source>Choose at least one channel the notification went out on.</source>
        <translation>Velg minst én kanal varselet ble sendt på.</translation>
    </message>
    <message numerus="yes">
        <source>The notes are too long: at most %n character(s).</source>
        <translation>
            <numerusform>Notatene er for lange: maks %n tegn.</numerusform>
            <numerusform>Notatene er for lange: maks %n tegn.</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone else changed this record after you opened it, so your change was not saved.</source>
        <translation>Noen andre endret dette varselet etter at du åpnet det, så endringen din ble ikke lagret.</translation>
    </message>
    <message>
        <source>The record could not be saved.</source>
        <translation>Varselet kunne ikke lagres.</translation>
    </message>
    <message>
        <source>The record could not be read again.</source>
        <translation>Varselet kunne ikke leses inn på nytt.</translation>
    </message>
</context>
<context>
    <name>cc::RecordEventDialog</name>
    <message>
        <source>Record a pause for %1</source>
        <translation>Registrer pause for %1</translation>
    </message>
    <message>
        <source>Record a resume for %1</source>
        <translation>Registrer gjenopptakelse for %1</translation>
    </message>
    <message>
        <source>Record a pause of %1 on their behalf. The messages to the coordinator and to %1 are built from your organisation&apos;s templates, and the notification is added to the history.</source>
        <translation>Registrer en pause for %1 på vedkommendes vegne. Meldingene til koordinatoren og til %1 lages fra organisasjonens maler, og varselet legges til i historikken.</translation>
    </message>
    <message>
        <source>Record that %1 is active again, on their behalf. The messages to the coordinator and to %1 are built from your organisation&apos;s templates, and the notification is added to the history.</source>
        <translation>Registrer at %1 er aktiv igjen, på vedkommendes vegne. Meldingene til koordinatoren og til %1 lages fra organisasjonens maler, og varselet legges til i historikken.</translation>
    </message>
    <message>
        <source>%1 is paused since %2.</source>
        <translation>%1 har vært på pause siden %2.</translation>
    </message>
    <message>
        <source>%1 is active.</source>
        <translation>%1 er aktiv.</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>Gjelder fra</translation>
    </message>
    <message>
        <source>Effective &amp;date:</source>
        <translation>Gjelder &amp;fra:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message numerus="yes">
        <source>Optional; at most %n character(s).</source>
        <translation>
            <numerusform>Valgfritt, maks %n tegn.</numerusform>
            <numerusform>Valgfritt, maks %n tegn.</numerusform>
        </translation>
    </message>
    <message>
        <source>Optional, for example personal leave</source>
        <translation>Valgfritt, for eksempel permisjon</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>Års&amp;ak:</translation>
    </message>
    <message>
        <source>Channels notified</source>
        <translation>Varslet via</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>Optional, seen only in the console</source>
        <translation>Valgfritt, vises bare i konsollen</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notater:</translation>
    </message>
    <message>
        <source>Message to the coordinator</source>
        <translation>Melding til koordinatoren</translation>
    </message>
    <message>
        <source>Message to %1</source>
        <translation>Melding til %1</translation>
    </message>
    <message>
        <source>Why it was not recorded</source>
        <translation>Hvorfor det ikke ble registrert</translation>
    </message>
    <message>
        <source>&amp;Record pause</source>
        <translation>&amp;Registrer pause</translation>
    </message>
    <message>
        <source>&amp;Record resume</source>
        <translation>&amp;Registrer gjenopptakelse</translation>
    </message>
    <message>
        <source>Record pause</source>
        <translation>Registrer pause</translation>
    </message>
    <message>
        <source>Record resume</source>
        <translation>Registrer gjenopptakelse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 av %2 tegn</translation>
    </message>
    <message>
        <source>%1: title</source>
        <translation>%1: tittel</translation>
    </message>
    <message>
        <source>%1: text</source>
        <translation>%1: tekst</translation>
    </message>
    <message>
        <source>The messages are in the organisation&apos;s language (%1).</source>
        <translation>Meldingene er på organisasjonens språk (%1).</translation>
    </message>
    <message>
        <source>Choose at least one channel the notification went out on.</source>
        <translation>Velg minst én kanal varselet ble sendt på.</translation>
    </message>
    <message numerus="yes">
        <source>The notes are too long: at most %n character(s).</source>
        <translation>
            <numerusform>Notatene er for lange: maks %n tegn.</numerusform>
            <numerusform>Notatene er for lange: maks %n tegn.</numerusform>
        </translation>
    </message>
    <message>
        <source>The message to the coordinator could not be built.</source>
        <translation>Meldingen til koordinatoren kunne ikke lages.</translation>
    </message>
    <message>
        <source>The message to the peer mentor could not be built.</source>
        <translation>Meldingen til likepersonen kunne ikke lages.</translation>
    </message>
    <message>
        <source>The notification could not be recorded.</source>
        <translation>Varselet kunne ikke registreres.</translation>
    </message>
</context>
<context>
    <name>cc::RecordFilterBar</name>
    <message>
        <source>Peer mentor filter</source>
        <translation>Filter for likeperson</translation>
    </message>
    <message>
        <source>Event type filter</source>
        <translation>Filter for hendelsestype</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle hendelser</translation>
    </message>
    <message>
        <source>Coordinator filter</source>
        <translation>Filter for koordinator</translation>
    </message>
    <message>
        <source>&amp;Peer mentor:</source>
        <translation>&amp;Likeperson:</translation>
    </message>
    <message>
        <source>E&amp;vent:</source>
        <translation>Hen&amp;delse:</translation>
    </message>
    <message>
        <source>C&amp;oordinator:</source>
        <translation>K&amp;oordinator:</translation>
    </message>
    <message>
        <source>Sent &amp;from:</source>
        <translation>Sendt f&amp;ra:</translation>
    </message>
    <message>
        <source>Only records sent from a date</source>
        <translation>Bare varsler sendt fra og med en dato</translation>
    </message>
    <message>
        <source>Sent from date</source>
        <translation>Sendt fra dato</translation>
    </message>
    <message>
        <source>Sent &amp;to:</source>
        <translation>Sendt &amp;til:</translation>
    </message>
    <message>
        <source>Only records sent up to a date</source>
        <translation>Bare varsler sendt til og med en dato</translation>
    </message>
    <message>
        <source>Sent to date</source>
        <translation>Sendt til dato</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>&amp;Nullstill filtre</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Nullstill filtre</translation>
    </message>
    <message>
        <source>Show every record again: all peer mentors, events and coordinators, any date.</source>
        <translation>Vis alle varsler igjen: alle likepersoner, hendelser og koordinatorer, uansett dato.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>All peer mentors</source>
        <translation>Alle likepersoner</translation>
    </message>
    <message>
        <source>All coordinators</source>
        <translation>Alle koordinatorer</translation>
    </message>
</context>
<context>
    <name>cc::RecordsModel</name>
    <message>
        <source>Click to show the newest or the oldest records first.</source>
        <translation>Klikk for å vise de nyeste eller de eldste varslene først.</translation>
    </message>
    <message>
        <source>The records are in the order they were sent; this column does not sort them.</source>
        <translation>Varslene står i den rekkefølgen de ble sendt. Denne kolonnen sorterer dem ikke.</translation>
    </message>
</context>
<context>
    <name>cc::RecordsPage</name>
    <message>
        <source>Notification records</source>
        <translation>Varsler</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Peer mentor</source>
        <translation>Likeperson</translation>
    </message>
    <message>
        <source>Peer mentor id</source>
        <translation>Likeperson-ID</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Hendelse</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>Gjelder fra</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanaler</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Registrert av</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>Varsel-ID</translation>
    </message>
    <message>
        <source>Why no records are shown</source>
        <translation>Hvorfor ingen varsler vises</translation>
    </message>
    <message>
        <source>Number of records</source>
        <translation>Antall varsler</translation>
    </message>
    <message>
        <source>Order of the records</source>
        <translation>Rekkefølgen på varslene</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Nyeste først</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Eldste først</translation>
    </message>
    <message>
        <source>O&amp;rder:</source>
        <translation>Re&amp;kkefølge:</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>R&amp;ediger…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Slett…</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>Eksporter som &amp;CSV…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Oppd&amp;ater</translation>
    </message>
    <message>
        <source>Save every record the filters match as a CSV file (%1).</source>
        <translation>Lagre alle varsler som samsvarer med filtrene, som en CSV-fil (%1).</translation>
    </message>
    <message>
        <source>Read the records again (%1).</source>
        <translation>Les inn varslene på nytt (%1).</translation>
    </message>
    <message>
        <source>Every record the filters match; more are read as you scroll. Enter or F2 edits the selected record.</source>
        <translation>Alle varsler som samsvarer med filtrene. Flere leses inn mens du blar. Enter eller F2 redigerer det valgte varselet.</translation>
    </message>
    <message>
        <source>The records could not be read.</source>
        <translation>Kunne ikke lese varslene.</translation>
    </message>
    <message>
        <source>The number of records could not be counted.</source>
        <translation>Kunne ikke telle varslene.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln varsel</numerusform>
            <numerusform>%Ln varsler</numerusform>
        </translation>
    </message>
    <message>
        <source>Only organisation admins and global admins may edit notification records.</source>
        <translation>Bare organisasjonsadministratorer og globale administratorer kan redigere varsler.</translation>
    </message>
    <message>
        <source>Select a record to edit its channels and notes.</source>
        <translation>Velg et varsel for å redigere kanalene og notatene.</translation>
    </message>
    <message>
        <source>Edit the channels and notes of the selected record (%1).</source>
        <translation>Rediger kanalene og notatene for det valgte varselet (%1).</translation>
    </message>
    <message>
        <source>Only global admins may delete notification records.</source>
        <translation>Bare globale administratorer kan slette varsler.</translation>
    </message>
    <message>
        <source>Select a record to delete it.</source>
        <translation>Velg et varsel for å slette det.</translation>
    </message>
    <message>
        <source>Delete the selected record after a confirmation (%1).</source>
        <translation>Slett det valgte varselet etter en bekreftelse (%1).</translation>
    </message>
    <message>
        <source>The record was saved.</source>
        <translation>Varselet ble lagret.</translation>
    </message>
    <message>
        <source>Delete the record?</source>
        <translation>Vil du slette varselet?</translation>
    </message>
    <message>
        <source>Delete the record that %1 was notified of: %2, sent %3?</source>
        <translation>Vil du slette varselet for %1: %2, sendt %3?</translation>
    </message>
    <message>
        <source>A deleted record cannot be brought back.</source>
        <translation>Et slettet varsel kan ikke gjenopprettes.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Slett</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The record could not be deleted</source>
        <translation>Varselet kunne ikke slettes</translation>
    </message>
    <message>
        <source>The record was deleted.</source>
        <translation>Varselet ble slettet.</translation>
    </message>
    <message>
        <source>notification-records-%1.csv</source>
        <translation>varsler-%1.csv</translation>
    </message>
    <message>
        <source>Export the notification records as CSV</source>
        <translation>Eksporter varslene som CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the notification records…</source>
        <translation>Eksporterer varslene…</translation>
    </message>
    <message>
        <source>The records were saved to %1.</source>
        <translation>Varslene ble lagret i %1.</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Eksporten ble avbrutt. Ingen fil ble skrevet.</translation>
    </message>
    <message>
        <source>The records could not be exported</source>
        <translation>Varslene kunne ikke eksporteres</translation>
    </message>
</context>
<context>
    <name>cc::RetentionDialog</name>
    <message>
        <source>Retention rules</source>
        <translation>Regler for lagringstid</translation>
    </message>
    <message>
        <source>How long the organisation keeps personal data. A rule that is switched on is applied every hour while the API server runs; what it erases or deletes cannot be brought back.</source>
        <translation>Hvor lenge organisasjonen lagrer personopplysninger. En regel som er slått på, brukes hver time mens API-serveren kjører. Det den sletter, kan ikke gjenopprettes.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisasjon:</translation>
    </message>
    <message>
        <source>&amp;Erase the personal data of peer mentors who left more than</source>
        <translation>&amp;Slett personopplysningene til likepersoner som sluttet for mer enn</translation>
    </message>
    <message>
        <source>Erase the personal data of peer mentors who left long ago</source>
        <translation>Slett personopplysningene til likepersoner som sluttet for lenge siden</translation>
    </message>
    <message>
        <source>Months since they left</source>
        <translation>Måneder siden de sluttet</translation>
    </message>
    <message>
        <source> months ago</source>
        <translation> måneder siden</translation>
    </message>
    <message>
        <source>&amp;Delete notification records and built messages older than</source>
        <translation>Slett &amp;varsler og meldinger som er eldre enn</translation>
    </message>
    <message>
        <source>Delete old notification records and built messages</source>
        <translation>Slett gamle varsler og meldinger</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>År</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>A pause that is still going on keeps its record; statistics of the years deleted no longer count them.</source>
        <translation>En pause som fortsatt pågår, beholder varselet sitt. Statistikken for årene som slettes, teller dem ikke lenger.</translation>
    </message>
    <message>
        <source>What the rules would do now</source>
        <translation>Hva reglene ville gjort nå</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>No rule is switched on: nothing is erased or deleted.</source>
        <translation>Ingen regel er slått på: ingenting blir slettet.</translation>
    </message>
    <message>
        <source>What the rules would do could not be counted: %1</source>
        <translation>Kunne ikke telle opp hva reglene ville gjort: %1</translation>
    </message>
    <message numerus="yes">
        <source>erase the personal data of %Ln peer mentor(s)</source>
        <translation>
            <numerusform>slette personopplysningene til %Ln likeperson</numerusform>
            <numerusform>slette personopplysningene til %Ln likepersoner</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete %Ln record(s)</source>
        <translation>
            <numerusform>slette %Ln varsel</numerusform>
            <numerusform>slette %Ln varsler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln built message(s)</source>
        <translation>
            <numerusform>%Ln melding</numerusform>
            <numerusform>%Ln meldinger</numerusform>
        </translation>
    </message>
    <message>
        <source>Switched on now, these rules would %1.</source>
        <translation>Hvis disse reglene ble slått på nå, ville de %1.</translation>
    </message>
</context>
<context>
    <name>cc::RoleDialog</name>
    <message>
        <source>Change role</source>
        <translation>Endre rolle</translation>
    </message>
    <message>
        <source>Change the role of %1 (%2).</source>
        <translation>Endre rollen til %1 (%2).</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>A coordinator follows their own peer mentors; an org admin manages the organisation. This user is not linked to a coordinator, so cannot become one.</source>
        <translation>En koordinator følger opp sine egne likepersoner. En organisasjonsadministrator administrerer organisasjonen. Denne brukeren er ikke knyttet til en koordinator og kan derfor ikke få rollen koordinator.</translation>
    </message>
    <message>
        <source>A coordinator follows their own peer mentors; an org admin manages the organisation.</source>
        <translation>En koordinator følger opp sine egne likepersoner. En organisasjonsadministrator administrerer organisasjonen.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Change role</source>
        <translation>&amp;Endre rolle</translation>
    </message>
</context>
<context>
    <name>cc::ServerPage</name>
    <message>
        <source>Server &amp; devices</source>
        <translation>Server og enheter</translation>
    </message>
    <message>
        <source>There is no embedded API server in this window: it cannot be started here and no phone can be paired with it. The paired devices and tokens can still be revoked.</source>
        <translation>Det finnes ingen innebygd API-server i dette vinduet. Den kan ikke startes her, og ingen telefon kan pares med den. Parede enheter og tokener kan likevel trekkes tilbake.</translation>
    </message>
    <message>
        <source>API server</source>
        <translation>API-server</translation>
    </message>
    <message>
        <source>Server state</source>
        <translation>Serverstatus</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Hvilken som helst ledig port</translation>
    </message>
    <message>
        <source>Use &amp;TLS (HTTPS)</source>
        <translation>Bruk &amp;TLS (HTTPS)</translation>
    </message>
    <message>
        <source>Use TLS (HTTPS)</source>
        <translation>Bruk TLS (HTTPS)</translation>
    </message>
    <message>
        <source>Certificate file (PEM)</source>
        <translation>Sertifikatfil (PEM)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bla gjennom…</translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation>Velg sertifikatfilen</translation>
    </message>
    <message>
        <source>Private key file (PEM)</source>
        <translation>Fil med privat nøkkel (PEM)</translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation>Velg filen med den private nøkkelen</translation>
    </message>
    <message>
        <source>Server addresses</source>
        <translation>Serveradresser</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256)</source>
        <translation>Sertifikatets fingeravtrykk (SHA-256)</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Certi&amp;ficate file:</source>
        <translation>Sertifi&amp;katfil:</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Nøkkelfil:</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>Adresser:</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256):</source>
        <translation>Fingeravtrykk (SHA-256):</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-sertifikater (*.pem *.crt *.cer);;Alle filer (*)</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>PEM-nøkler (*.pem *.key);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Request &amp;log</source>
        <translation>Forespørsels&amp;logg</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Forespørselslogg</translation>
    </message>
    <message numerus="yes">
        <source>The last %n request(s) the server answered, newest at the end.</source>
        <translation>
            <numerusform>Den siste %n forespørselen serveren har besvart, nyeste sist.</numerusform>
            <numerusform>De siste %n forespørslene serveren har besvart, nyeste sist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Requests to the server appear here as they are answered.</source>
        <translation>Forespørsler til serveren vises her etter hvert som de besvares.</translation>
    </message>
    <message>
        <source>The API server was stopped.</source>
        <translation>API-serveren ble stoppet.</translation>
    </message>
    <message>
        <source>The API server did not start: %1</source>
        <translation>API-serveren startet ikke: %1</translation>
    </message>
    <message>
        <source>The API server is running on %1.</source>
        <translation>API-serveren kjører på %1.</translation>
    </message>
    <message>
        <source>No embedded API server.</source>
        <translation>Ingen innebygd API-server.</translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation>&amp;Start serveren</translation>
    </message>
    <message>
        <source>Start server</source>
        <translation>Start serveren</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ingen.</translation>
    </message>
    <message>
        <source>Running on port %1 with TLS (HTTPS).</source>
        <translation>Kjører på port %1 med TLS (HTTPS).</translation>
    </message>
    <message>
        <source>None: the server runs without TLS.</source>
        <translation>Ingen: serveren kjører uten TLS.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stoppet.</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Stoppet: %1</translation>
    </message>
    <message>
        <source>None while the server is stopped.</source>
        <translation>Ingen mens serveren er stoppet.</translation>
    </message>
    <message>
        <source>&amp;Stop server</source>
        <translation>&amp;Stopp serveren</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>Stopp serveren</translation>
    </message>
    <message>
        <source>Empty: this computer&apos;s own certificate</source>
        <translation>Tomt: denne datamaskinens eget sertifikat</translation>
    </message>
    <message>
        <source>Empty: the key of this computer&apos;s own certificate</source>
        <translation>Tomt: nøkkelen til denne datamaskinens eget sertifikat</translation>
    </message>
    <message>
        <source>Choose both a certificate file and a key file, or leave both empty to use this computer&apos;s own certificate.</source>
        <translation>Velg både en sertifikatfil og en nøkkelfil, eller la begge stå tomme for å bruke denne datamaskinens eget sertifikat.</translation>
    </message>
    <message>
        <source>Running on port %1 without TLS (plain HTTP): the traffic is unencrypted.</source>
        <translation>Kjører på port %1 uten TLS (vanlig HTTP): trafikken er ukryptert.</translation>
    </message>
</context>
<context>
    <name>cc::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>The system&apos;s language (%1)</source>
        <translation>Systemets språk (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Show a &amp;tray message when a pause arrives through the API</source>
        <translation>Vis en &amp;melding i systemstatusfeltet når en pause kommer inn via API-et</translation>
    </message>
    <message>
        <source>Start the API &amp;server when the console starts</source>
        <translation>Start API-&amp;serveren når konsollen starter</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;pråk:</translation>
    </message>
</context>
<context>
    <name>cc::SetupDialog</name>
    <message>
        <source>Welcome to Coordinator Console</source>
        <translation>Velkommen til Coordinator Console</translation>
    </message>
    <message>
        <source>&amp;Create my organisation</source>
        <translation>&amp;Opprett organisasjonen min</translation>
    </message>
    <message>
        <source>Open &amp;demo data (a made-up organisation with a year of pauses)</source>
        <translation>Åpne &amp;demodata (en oppdiktet organisasjon med pauser for et helt år)</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Organisasjonsnavn</translation>
    </message>
    <message>
        <source>e.g. Norges Handikapforbund Oslo</source>
        <translation>f.eks. Norges Handikapforbund Oslo</translation>
    </message>
    <message>
        <source>Language of the notifications</source>
        <translation>Språk for varslene</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Navnet ditt</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Gjenta passordet</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>O&amp;rganisasjon:</translation>
    </message>
    <message>
        <source>&amp;Notification language:</source>
        <translation>Språk for &amp;varsler:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>&amp;Navnet ditt:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brukernavn:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passord:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Gjenta passord:</translation>
    </message>
    <message>
        <source>The demo organisation has 2 coordinators, 25 peer mentors and a year of notifications. You are signed in as its org admin; the passwords of the demo users are shown once.</source>
        <translation>Demoorganisasjonen har 2 koordinatorer, 25 likepersoner og varsler for et helt år. Du blir logget inn som organisasjonsadministrator. Passordene til demobrukerne vises én gang.</translation>
    </message>
    <message>
        <source>Setup message</source>
        <translation>Melding fra oppsettet</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>Fill in the organisation, your name and a user name.</source>
        <translation>Fyll inn organisasjonen, navnet ditt og et brukernavn.</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>The demo data was made, but its org admin was not found.</source>
        <translation>Demodataene ble laget, men organisasjonsadministratoren ble ikke funnet.</translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s).</source>
        <translation>
            <numerusform>Minst %n tegn.</numerusform>
            <numerusform>Minst %n tegn.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Welcome.&lt;/b&gt; This database has no users yet.&lt;/p&gt;&lt;p&gt;Create your organisation and its first administrator, try the console with a demo organisation, or restore a backup.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Velkommen.&lt;/b&gt; Denne databasen har ingen brukere ennå.&lt;/p&gt;&lt;p&gt;Opprett organisasjonen din og den første administratoren, prøv konsollen med en demoorganisasjon, eller gjenopprett en sikkerhetskopi.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Res&amp;tore a backup</source>
        <translation>Gj&amp;enopprett en sikkerhetskopi</translation>
    </message>
    <message>
        <source>Choose a backup made with “Back up the database” or &lt;code&gt;coordinator-console admin backup&lt;/code&gt;. Everything in it comes back into this database, which is still empty; then sign in with an account from the backup.</source>
        <translation>Velg en sikkerhetskopi laget med «Sikkerhetskopier databasen» eller &lt;code&gt;coordinator-console admin backup&lt;/code&gt;. Alt i den hentes tilbake til denne databasen, som fortsatt er tom. Logg deretter inn med en konto fra sikkerhetskopien.</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Sikkerhetskopifil</translation>
    </message>
    <message>
        <source>e.g. /home/kari/coordinator-console-backup.db</source>
        <translation>f.eks. /home/kari/coordinator-console-backup.db</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bla gjennom…</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>Velg sikkerhetskopifilen</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Gjenopprett en sikkerhetskopi</translation>
    </message>
    <message>
        <source>SQLite databases (*.db);;All files (*)</source>
        <translation>SQLite-databaser (*.db);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Backup &amp;file:</source>
        <translation>Sikkerhetskopi&amp;fil:</translation>
    </message>
    <message>
        <source>Choose the backup file to restore.</source>
        <translation>Velg sikkerhetskopifilen som skal gjenopprettes.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Gjenoppretter sikkerhetskopien…</translation>
    </message>
    <message>
        <source>The restore was cancelled; the database is still empty.</source>
        <translation>Gjenopprettingen ble avbrutt. Databasen er fortsatt tom.</translation>
    </message>
</context>
<context>
    <name>cc::SignInDialog</name>
    <message>
        <source>Sign in — Coordinator Console</source>
        <translation>Logg inn – Coordinator Console</translation>
    </message>
    <message>
        <source>Sign in with your user name and password.</source>
        <translation>Logg inn med brukernavn og passord.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Innloggingsmelding</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brukernavn:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passord:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Logg inn</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Skriv inn brukernavn og passord.</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Prøv igjen om %n sekund.</numerusform>
            <numerusform>Prøv igjen om %n sekunder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a new password to sign in.</source>
        <translation>Velg et nytt passord for å logge inn.</translation>
    </message>
</context>
<context>
    <name>cc::StatisticsPage</name>
    <message>
        <source>Statistics</source>
        <translation>Statistikk</translation>
    </message>
    <message>
        <source>Paused peer mentors over time</source>
        <translation>Likepersoner på pause over tid</translation>
    </message>
    <message>
        <source>Pauses started and ended per month</source>
        <translation>Pauser startet og avsluttet per måned</translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation>Aktivitetsrapport</translation>
    </message>
    <message>
        <source>Columns of the activity report</source>
        <translation>Kolonner i aktivitetsrapporten</translation>
    </message>
    <message>
        <source>Export report as &amp;CSV…</source>
        <translation>Eksporter rapporten som &amp;CSV…</translation>
    </message>
    <message>
        <source>Export report as P&amp;DF…</source>
        <translation>Eksporter rapporten som P&amp;DF…</translation>
    </message>
    <message>
        <source>The first day of the period is after the last day. Choose a first day on or before the last day.</source>
        <translation>Første dag i perioden er etter siste dag. Velg en første dag som ikke er senere enn siste dag.</translation>
    </message>
    <message>
        <source>There is no organisation yet.</source>
        <translation>Det finnes ingen organisasjon ennå.</translation>
    </message>
    <message>
        <source>Computing the statistics…</source>
        <translation>Beregner statistikken…</translation>
    </message>
    <message>
        <source>Computing the statistics was cancelled. Press F5 to compute them again.</source>
        <translation>Beregningen av statistikken ble avbrutt. Trykk F5 for å beregne den på nytt.</translation>
    </message>
    <message>
        <source>The statistics could not be computed.</source>
        <translation>Statistikken kunne ikke beregnes.</translation>
    </message>
    <message numerus="yes">
        <source>Activity report from %1 to %2: %n peer mentor(s)</source>
        <translation>
            <numerusform>Aktivitetsrapport fra %1 til %2: %n likeperson</numerusform>
            <numerusform>Aktivitetsrapport fra %1 til %2: %n likepersoner</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the activity report as CSV</source>
        <translation>Eksporter aktivitetsrapporten som CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Export the activity report as PDF</source>
        <translation>Eksporter aktivitetsrapporten som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Eksporten ble avbrutt.</translation>
    </message>
    <message>
        <source>The activity report could not be saved</source>
        <translation>Aktivitetsrapporten kunne ikke lagres</translation>
    </message>
    <message>
        <source>The activity report was saved as %1.</source>
        <translation>Aktivitetsrapporten ble lagret som %1.</translation>
    </message>
</context>
<context>
    <name>cc::StatisticsReportModel</name>
    <message>
        <source>Peer mentor</source>
        <translation>Likeperson</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Active days</source>
        <translation>Aktive dager</translation>
    </message>
    <message>
        <source>Paused days</source>
        <translation>Pausedager</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>Pauser</translation>
    </message>
</context>
<context>
    <name>cc::TemplateEditor</name>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivelse:</translation>
    </message>
    <message>
        <source>Language of the texts</source>
        <translation>Tekstenes språk</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>&amp;English</source>
        <translation>&amp;Engelsk</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>Norsk</translation>
    </message>
    <message>
        <source>&amp;Norsk bokmål</source>
        <translation>&amp;Norsk bokmål</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemer</translation>
    </message>
    <message>
        <source>%1 title</source>
        <translation>%1 tittel</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Tittel:</translation>
    </message>
    <message>
        <source>%1 body</source>
        <translation>%1 tekst</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>Te&amp;kst:</translation>
    </message>
    <message>
        <source>Insert:</source>
        <translation>Sett inn:</translation>
    </message>
    <message>
        <source>Peer mentor name</source>
        <translation>Likepersonens navn</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>Coordinator name</source>
        <translation>Koordinatorens navn</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Organisasjonens navn</translation>
    </message>
    <message>
        <source>Insert %1</source>
        <translation>Sett inn %1</translation>
    </message>
    <message>
        <source>Inserts %1 at the cursor.</source>
        <translation>Setter inn %1 ved markøren.</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>Engelsk tittel</translation>
    </message>
    <message>
        <source>English body</source>
        <translation>Engelsk tekst</translation>
    </message>
    <message>
        <source>Norwegian title</source>
        <translation>Norsk tittel</translation>
    </message>
    <message>
        <source>Norwegian body</source>
        <translation>Norsk tekst</translation>
    </message>
    <message>
        <source>%1 is empty; write a text.</source>
        <translation>%1 er tom. Skriv en tekst.</translation>
    </message>
    <message>
        <source>%1, line %2, column %3: %4</source>
        <translation>%1, linje %2, kolonne %3: %4</translation>
    </message>
    <message>
        <source>No problems: the template is ready to save.</source>
        <translation>Ingen problemer: malen er klar til å lagres.</translation>
    </message>
    <message numerus="yes">
        <source>%n &amp;problem(s) to fix before saving (press Enter on one to go there):</source>
        <translation>
            <numerusform>%n &amp;problem må rettes før lagring (trykk Enter på det for å gå dit):</numerusform>
            <numerusform>%n &amp;problemer må rettes før lagring (trykk Enter på et av dem for å gå dit):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::TemplateList</name>
    <message>
        <source>Te&amp;mplates:</source>
        <translation>&amp;Maler:</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Maler</translation>
    </message>
    <message>
        <source>Custom template</source>
        <translation>Egendefinert mal</translation>
    </message>
    <message>
        <source>Built-in, changed for your organisation</source>
        <translation>Innebygd, endret for organisasjonen din</translation>
    </message>
    <message>
        <source>Built-in, changed for all organisations</source>
        <translation>Innebygd, endret for alle organisasjoner</translation>
    </message>
    <message>
        <source>Built-in default</source>
        <translation>Innebygd standard</translation>
    </message>
</context>
<context>
    <name>cc::TemplatePreview</name>
    <message>
        <source>Preview with</source>
        <translation>Forhåndsvis med</translation>
    </message>
    <message>
        <source>Preview &amp;with:</source>
        <translation>Forhånds&amp;vis med:</translation>
    </message>
    <message>
        <source>English preview:</source>
        <translation>Engelsk forhåndsvisning:</translation>
    </message>
    <message>
        <source>Norwegian preview:</source>
        <translation>Norsk forhåndsvisning:</translation>
    </message>
    <message>
        <source>English preview</source>
        <translation>Engelsk forhåndsvisning</translation>
    </message>
    <message>
        <source>Norwegian preview</source>
        <translation>Norsk forhåndsvisning</translation>
    </message>
    <message>
        <source>Sample values (%1)</source>
        <translation>Eksempelverdier (%1)</translation>
    </message>
    <message>
        <source>No preview until the problems in the English text are fixed.</source>
        <translation>Ingen forhåndsvisning før problemene i den engelske teksten er rettet.</translation>
    </message>
    <message>
        <source>No preview until the problems in the Norwegian text are fixed.</source>
        <translation>Ingen forhåndsvisning før problemene i den norske teksten er rettet.</translation>
    </message>
</context>
<context>
    <name>cc::TemplateVersionsDialog</name>
    <message>
        <source>Versions of “%1”</source>
        <translation>Versjoner av «%1»</translation>
    </message>
    <message>
        <source>&amp;Versions, newest first:</source>
        <translation>&amp;Versjoner, nyeste først:</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versjoner</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Endring</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Endret av</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>&amp;Texts of the chosen version:</source>
        <translation>&amp;Tekster i valgt versjon:</translation>
    </message>
    <message>
        <source>Texts of the chosen version</source>
        <translation>Tekster i valgt versjon</translation>
    </message>
    <message>
        <source>&amp;Restore this version…</source>
        <translation>&amp;Gjenopprett denne versjonen…</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Gjenopprett denne versjonen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Only org admins can restore a version.</source>
        <translation>Bare organisasjonsadministratorer kan gjenopprette en versjon.</translation>
    </message>
    <message>
        <source>Original text</source>
        <translation>Opprinnelig tekst</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Opprettet</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Endret</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>Tilbakestilt til standard</translation>
    </message>
    <message>
        <source>Restored an earlier version</source>
        <translation>Gjenopprettet en tidligere versjon</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <source>This template has not been changed yet: it is the built-in default.</source>
        <translation>Denne malen er ikke endret ennå og er den innebygde standardmalen.</translation>
    </message>
    <message>
        <source>English
Title: %1
Body: %2

Norsk bokmål
Title: %3
Body: %4</source>
        <translation>Engelsk
Tittel: %1
Tekst: %2

Norsk bokmål
Tittel: %3
Tekst: %4</translation>
    </message>
    <message>
        <source>The texts of version %1 become the template&apos;s texts. What it says now stays in the history.</source>
        <translation>Tekstene i versjon %1 blir malens tekster. Den nåværende teksten blir værende i historikken.</translation>
    </message>
    <message>
        <source>The texts of version %1 become the template&apos;s texts. What it says now stays in the history. Your unsaved changes in the editor are discarded.</source>
        <translation>Tekstene i versjon %1 blir malens tekster. Den nåværende teksten blir værende i historikken. Endringer du ikke har lagret i redigeringsfeltet, forkastes.</translation>
    </message>
    <message>
        <source>Restore version %1?</source>
        <translation>Vil du gjenopprette versjon %1?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Gjenopprett</translation>
    </message>
    <message>
        <source>The version could not be restored</source>
        <translation>Versjonen kunne ikke gjenopprettes</translation>
    </message>
</context>
<context>
    <name>cc::TemplatesPage</name>
    <message>
        <source>Templates</source>
        <translation>Maler</translation>
    </message>
    <message>
        <source>You can read the templates, but only org admins can change them. Your role is coordinator, so the editors are read-only.</source>
        <translation>Du kan lese malene, men bare organisasjonsadministratorer kan endre dem. Rollen din er koordinator, så redigeringsfeltene er skrivebeskyttet.</translation>
    </message>
    <message>
        <source>You change the global defaults: every organisation that has not changed a template itself gets your text.</source>
        <translation>Du endrer de globale standardtekstene: alle organisasjoner som ikke selv har endret en mal, får teksten din.</translation>
    </message>
    <message>
        <source>Your changes apply to your organisation only. Reset to default brings the built-in text back.</source>
        <translation>Endringene dine gjelder bare for organisasjonen din. «Tilbakestill til standard» henter tilbake den innebygde teksten.</translation>
    </message>
    <message>
        <source>Someone else saved this template while you were editing it. Saving would fail: copy what you need, then revert to see their text.</source>
        <translation>Noen andre lagret denne malen mens du redigerte den, så lagring vil mislykkes. Kopier det du trenger, og angre deretter endringene for å se den andres tekst.</translation>
    </message>
    <message>
        <source>New templ&amp;ate…</source>
        <translation>N&amp;y mal…</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Ny mal</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Slett…</translation>
    </message>
    <message>
        <source>Delete the template</source>
        <translation>Slett malen</translation>
    </message>
    <message>
        <source>&amp;Versions…</source>
        <translation>Versjone&amp;r…</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versjoner</translation>
    </message>
    <message>
        <source>Reset to defa&amp;ult…</source>
        <translation>Tilbakestill til standar&amp;d…</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>Tilbakestill til standard</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Angre endringer</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Angre endringer</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Saves the template (%1).</source>
        <translation>Lagrer malen (%1).</translation>
    </message>
    <message>
        <source>Discards the changes that are not saved.</source>
        <translation>Forkaster endringene som ikke er lagret.</translation>
    </message>
    <message>
        <source>Brings the built-in text back; the current one stays in the version history.</source>
        <translation>Henter tilbake den innebygde teksten. Den nåværende teksten blir værende i versjonshistorikken.</translation>
    </message>
    <message>
        <source>“%1” was changed elsewhere; the editor shows the new text.</source>
        <translation>«%1» ble endret et annet sted. Redigeringsfeltet viser den nye teksten.</translation>
    </message>
    <message>
        <source>%1. Version %2, saved by %3 on %4.</source>
        <translation>%1. Versjon %2, lagret %4 av %3.</translation>
    </message>
    <message>
        <source>The template was not saved</source>
        <translation>Malen ble ikke lagret</translation>
    </message>
    <message>
        <source>Fix the problems listed under the editor first: a template that does not compile cannot be saved.</source>
        <translation>Rett først problemene som er listet opp under redigeringsfeltet. En mal som ikke kan kompileres, kan ikke lagres.</translation>
    </message>
    <message>
        <source>The template could not be saved</source>
        <translation>Malen kunne ikke lagres</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>Lagret «%1».</translation>
    </message>
    <message>
        <source>Save the changes?</source>
        <translation>Vil du lagre endringene?</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved.</source>
        <translation>«%1» har endringer som ikke er lagret.</translation>
    </message>
    <message>
        <source>Save them, discard them, or cancel to go on editing.</source>
        <translation>Lagre dem, forkast dem, eller avbryt for å fortsette redigeringen.</translation>
    </message>
    <message>
        <source>Reset to default?</source>
        <translation>Vil du tilbakestille til standard?</translation>
    </message>
    <message>
        <source>Reset “%1” to its default text?</source>
        <translation>Vil du tilbakestille «%1» til standardteksten?</translation>
    </message>
    <message>
        <source>The default text comes back in English and Norwegian; the current one stays in the version history. Your unsaved changes are discarded.</source>
        <translation>Standardteksten hentes tilbake på engelsk og norsk. Den nåværende teksten blir værende i versjonshistorikken. Endringer du ikke har lagret, forkastes.</translation>
    </message>
    <message>
        <source>The default text comes back in English and Norwegian; the current one stays in the version history.</source>
        <translation>Standardteksten hentes tilbake på engelsk og norsk. Den nåværende teksten blir værende i versjonshistorikken.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Tilbakestill</translation>
    </message>
    <message>
        <source>The template could not be reset</source>
        <translation>Malen kunne ikke tilbakestilles</translation>
    </message>
    <message>
        <source>“%1” is back to its default text.</source>
        <translation>«%1» har fått tilbake standardteksten.</translation>
    </message>
    <message>
        <source>Restored an earlier version of “%1”.</source>
        <translation>Gjenopprettet en tidligere versjon av «%1».</translation>
    </message>
    <message>
        <source>Created the template “%1”.</source>
        <translation>Opprettet malen «%1».</translation>
    </message>
    <message>
        <source>Delete the template?</source>
        <translation>Vil du slette malen?</translation>
    </message>
    <message>
        <source>Delete the custom template “%1”?</source>
        <translation>Vil du slette den egendefinerte malen «%1»?</translation>
    </message>
    <message>
        <source>Payloads can no longer be built with it. Its version history is kept.</source>
        <translation>Det kan ikke lenger lages meldinger med den. Versjonshistorikken beholdes.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>The template could not be deleted</source>
        <translation>Malen kunne ikke slettes</translation>
    </message>
    <message>
        <source>Deleted the template “%1”.</source>
        <translation>Slettet malen «%1».</translation>
    </message>
</context>
<context>
    <name>cc::TokensPanel</name>
    <message>
        <source>Paired &amp;devices and tokens</source>
        <translation>Parede &amp;enheter og tokener</translation>
    </message>
    <message>
        <source>Paired devices and tokens</source>
        <translation>Parede enheter og tokener</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruker</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Opprettet</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Sist brukt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Utløper</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Columns of the tokens</source>
        <translation>Kolonner i tokenlisten</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>T&amp;rekk tilbake…</translation>
    </message>
    <message>
        <source>Revoke the selected token</source>
        <translation>Trekk tilbake det valgte tokenet</translation>
    </message>
    <message>
        <source>Signs the device out at once; it must be paired again.</source>
        <translation>Logger ut enheten med én gang. Den må pares på nytt.</translation>
    </message>
    <message>
        <source>The tokens could not be read: %1</source>
        <translation>Kunne ikke lese tokenene: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Revoked %1</source>
        <translation>Trukket tilbake %1</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gyldig</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Utløpt</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(uten navn)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Aldri</translation>
    </message>
    <message>
        <source>Revoke token</source>
        <translation>Trekk tilbake token</translation>
    </message>
    <message>
        <source>Revoke “%1” of %2? The device is signed out at once and must be paired again.</source>
        <translation>Vil du trekke tilbake «%1» for %2? Enheten logges ut med én gang og må pares på nytt.</translation>
    </message>
    <message>
        <source>The token could not be revoked</source>
        <translation>Tokenet kunne ikke trekkes tilbake</translation>
    </message>
    <message>
        <source>“%1” of %2 was revoked.</source>
        <translation>«%1» for %2 ble trukket tilbake.</translation>
    </message>
</context>
<context>
    <name>cc::UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Legg til bruker</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>e.g. kari.nordmann</source>
        <translation>f.eks. kari.nordmann</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Visningsnavn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Gjenta passordet</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brukernavn:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Visningsnavn:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisasjon:</translation>
    </message>
    <message>
        <source>&amp;Coordinator:</source>
        <translation>&amp;Koordinator:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passord:</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>&amp;Gjenta passord:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Legg til bruker</translation>
    </message>
    <message numerus="yes">
        <source>A user name is 2 to 64 lowercase letters, digits, “.”, “_” or “-”. The password has at least %n characters; the user chooses a new one at the first sign-in.</source>
        <translation>
            <numerusform>Et brukernavn består av 2 til 64 små bokstaver, sifre, «.», «_» eller «-». Passordet må ha minst %n tegn. Brukeren velger et nytt passord ved første innlogging.</numerusform>
            <numerusform>Et brukernavn består av 2 til 64 små bokstaver, sifre, «.», «_» eller «-». Passordet må ha minst %n tegn. Brukeren velger et nytt passord ved første innlogging.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::UsersPage</name>
    <message>
        <source>Users</source>
        <translation>Brukere</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Søk etter brukere</translation>
    </message>
    <message>
        <source>User name or display name</source>
        <translation>Brukernavn eller visningsnavn</translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation>&amp;Søk:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Visningsnavn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktivert</translation>
    </message>
    <message>
        <source>Columns of the users</source>
        <translation>Kolonner i brukerlisten</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Legg til bruker…</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Legg til bruker</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Endre &amp;rolle…</translation>
    </message>
    <message>
        <source>Change the role of the selected user</source>
        <translation>Endre rollen til den valgte brukeren</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Tilbakestill &amp;passord…</translation>
    </message>
    <message>
        <source>Reset the password of the selected user</source>
        <translation>Tilbakestill passordet til den valgte brukeren</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>&amp;Deaktiver…</translation>
    </message>
    <message>
        <source>Disable the selected user</source>
        <translation>Deaktiver den valgte brukeren</translation>
    </message>
    <message>
        <source>The users could not be read: %1</source>
        <translation>Kunne ikke lese brukerne: %1</translation>
    </message>
    <message>
        <source>(all organisations)</source>
        <translation>(alle organisasjoner)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nei</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktiver</translation>
    </message>
    <message>
        <source>Enable the selected user</source>
        <translation>Aktiver den valgte brukeren</translation>
    </message>
    <message>
        <source>The user %1 was added.</source>
        <translation>Brukeren %1 ble lagt til.</translation>
    </message>
    <message>
        <source>The role of %1 is now: %2.</source>
        <translation>Rollen til %1 er nå: %2.</translation>
    </message>
    <message>
        <source>The password of %1 was reset; their devices were signed out.</source>
        <translation>Passordet til %1 ble tilbakestilt, og brukeren ble logget ut på alle enheter.</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>Deaktiver bruker</translation>
    </message>
    <message>
        <source>Disable %1 (%2)? They can no longer sign in, and every device of theirs is signed out.</source>
        <translation>Vil du deaktivere %1 (%2)? Brukeren kan ikke lenger logge inn og blir logget ut på alle enheter.</translation>
    </message>
    <message>
        <source>The user could not be disabled</source>
        <translation>Brukeren kunne ikke deaktiveres</translation>
    </message>
    <message>
        <source>The user could not be enabled</source>
        <translation>Brukeren kunne ikke aktiveres</translation>
    </message>
    <message>
        <source>%1 was disabled.</source>
        <translation>%1 ble deaktivert.</translation>
    </message>
    <message>
        <source>%1 was enabled.</source>
        <translation>%1 ble aktivert.</translation>
    </message>
</context>
</TS>
