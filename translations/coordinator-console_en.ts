<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ErrorMessages</name>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Try again in %n second.</numerusform>
            <numerusform>Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonalDataReport</name>
    <message numerus="yes">
        <source>Notification records (%n)</source>
        <translation>
            <numerusform>Notification records (%n)</numerusform>
            <numerusform>Notification records (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Messages built that name her (%n)</source>
        <translation>
            <numerusform>Messages built that name her (%n)</numerusform>
            <numerusform>Messages built that name her (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Audit log about her and her records (%n)</source>
        <translation>
            <numerusform>Audit log about her and her records (%n)</numerusform>
            <numerusform>Audit log about her and her records (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatisticsCharts</name>
    <message numerus="yes">
        <source>%n pause(s) started.</source>
        <translation>
            <numerusform>%n pause started.</numerusform>
            <numerusform>%n pauses started.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pause(s) ended.</source>
        <translation>
            <numerusform>%n pause ended.</numerusform>
            <numerusform>%n pauses ended.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::ActivityPage</name>
    <message numerus="yes">
        <source>%Ln entry(s)</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln entry(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln entry to %1.</numerusform>
            <numerusform>Exported %Ln entries to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::ConsoleSession</name>
    <message numerus="yes">
        <source>%n row(s) were restored. Sign in with an account from the backup.</source>
        <translation>
            <numerusform>%n row was restored. Sign in with an account from the backup.</numerusform>
            <numerusform>%n rows were restored. Sign in with an account from the backup.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::CoordinatorsPage</name>
    <message numerus="yes">
        <source>%n coordinator(s)</source>
        <translation>
            <numerusform>%n coordinator</numerusform>
            <numerusform>%n coordinators</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::MainWindow</name>
    <message numerus="yes">
        <source>Serving on %1 · %n device(s)</source>
        <translation>
            <numerusform>Serving on %1 · %n device</numerusform>
            <numerusform>Serving on %1 · %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backed up %n row(s) to %1.</source>
        <translation>
            <numerusform>Backed up %n row to %1.</numerusform>
            <numerusform>Backed up %n rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Serving on %1, unencrypted · %n device(s)</source>
        <translation>
            <numerusform>Serving on %1, unencrypted · %n device</numerusform>
            <numerusform>Serving on %1, unencrypted · %n devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::MentorProfileView</name>
    <message numerus="yes">
        <source>%n notification(s), newest first.</source>
        <translation>
            <numerusform>%n notification, newest first.</numerusform>
            <numerusform>%n notifications, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::MoveMentorsDialog</name>
    <message numerus="yes">
        <source>Give %n peer mentor(s) to another coordinator. Their history stays as it is.</source>
        <translation>
            <numerusform>Give %n peer mentor to another coordinator. Their history stays as it is.</numerusform>
            <numerusform>Give %n peer mentors to another coordinator. Their history stays as it is.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::PairingPanel</name>
    <message numerus="yes">
        <source>A one-time code for the chosen user, valid for %n minute(s).</source>
        <translation>
            <numerusform>A one-time code for the chosen user, valid for %n minute.</numerusform>
            <numerusform>A one-time code for the chosen user, valid for %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Choose whose phone it is and create a code. The phone scans the QR code, or you type the address and the code on it. A code is valid for %n minute(s) and only once.</source>
        <translation>
            <numerusform>Choose whose phone it is and create a code. The phone scans the QR code, or you type the address and the code on it. A code is valid for %n minute and only once.</numerusform>
            <numerusform>Choose whose phone it is and create a code. The phone scans the QR code, or you type the address and the code on it. A code is valid for %n minutes and only once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::PasswordDialog</name>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>At least %n character.</numerusform>
            <numerusform>At least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::PeerMentorsPage</name>
    <message numerus="yes">
        <source>%n peer mentor(s)</source>
        <translation>
            <numerusform>%n peer mentor</numerusform>
            <numerusform>%n peer mentors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n peer mentor(s) moved to another coordinator.</source>
        <translation>
            <numerusform>%n peer mentor moved to another coordinator.</numerusform>
            <numerusform>%n peer mentors moved to another coordinator.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::RecordEditDialog</name>
    <message numerus="yes">
        <source>The notes are too long: at most %n character(s).</source>
        <translation>
            <numerusform>The notes are too long: at most %n character.</numerusform>
            <numerusform>The notes are too long: at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::RecordEventDialog</name>
    <message numerus="yes">
        <source>Optional; at most %n character(s).</source>
        <translation>
            <numerusform>Optional; at most %n character.</numerusform>
            <numerusform>Optional; at most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The notes are too long: at most %n character(s).</source>
        <translation>
            <numerusform>The notes are too long: at most %n character.</numerusform>
            <numerusform>The notes are too long: at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::RecordsPage</name>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::RetentionDialog</name>
    <message numerus="yes">
        <source>erase the personal data of %Ln peer mentor(s)</source>
        <translation>
            <numerusform>erase the personal data of %Ln peer mentor</numerusform>
            <numerusform>erase the personal data of %Ln peer mentors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete %Ln record(s)</source>
        <translation>
            <numerusform>delete %Ln record</numerusform>
            <numerusform>delete %Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln built message(s)</source>
        <translation>
            <numerusform>%Ln built message</numerusform>
            <numerusform>%Ln built messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::ServerPage</name>
    <message numerus="yes">
        <source>The last %n request(s) the server answered, newest at the end.</source>
        <translation>
            <numerusform>The last %n request the server answered, newest at the end.</numerusform>
            <numerusform>The last %n requests the server answered, newest at the end.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::SetupDialog</name>
    <message numerus="yes">
        <source>At least %n character(s).</source>
        <translation>
            <numerusform>At least %n character.</numerusform>
            <numerusform>At least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::SignInDialog</name>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Try again in %n second.</numerusform>
            <numerusform>Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::StatisticsPage</name>
    <message numerus="yes">
        <source>Activity report from %1 to %2: %n peer mentor(s)</source>
        <translation>
            <numerusform>Activity report from %1 to %2: %n peer mentor</numerusform>
            <numerusform>Activity report from %1 to %2: %n peer mentors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::TemplateEditor</name>
    <message numerus="yes">
        <source>%n &amp;problem(s) to fix before saving (press Enter on one to go there):</source>
        <translation>
            <numerusform>%n &amp;problem to fix before saving (press Enter on one to go there):</numerusform>
            <numerusform>%n &amp;problems to fix before saving (press Enter on one to go there):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::UserDialog</name>
    <message numerus="yes">
        <source>A user name is 2 to 64 lowercase letters, digits, “.”, “_” or “-”. The password has at least %n characters; the user chooses a new one at the first sign-in.</source>
        <translation>
            <numerusform>A user name is 2 to 64 lowercase letters, digits, “.”, “_” or “-”. The password has at least %n character; the user chooses a new one at the first sign-in.</numerusform>
            <numerusform>A user name is 2 to 64 lowercase letters, digits, “.”, “_” or “-”. The password has at least %n characters; the user chooses a new one at the first sign-in.</numerusform>
        </translation>
    </message>
</context>
</TS>
