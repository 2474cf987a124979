// A peer mentor's personal-data rights (issue 11, part 2): the export of everything stored about
// her (GDPR Art. 15) and the erasure of her personal data (Art. 17), on SQLite and PostgreSQL.
// The erasure is checked where it matters: no text column of any table holds an erased string
// afterwards, and on SQLite not one byte of the database file (or its write-ahead log) does.
#include "core/AuditLog.h"
#include "core/DirectoryService.h"
#include "core/IdempotencyStore.h"
#include "core/NotificationRecordService.h"
#include "core/PayloadService.h"
#include "core/PersonalDataService.h"
#include "core/StatisticsService.h"
#include "core/TemplateService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test;

namespace {

const QString kPhone = QStringLiteral("+47 912 34 567");
const QString kEmail = QStringLiteral("ase@a.example");
const QString kNotes = QStringLiteral("Rang Åse at home, she is recovering well.");
const QString kOtherNotes =
    QStringLiteral("Covering for Åse Ødegård while she is away; ring +47 912 34 567.");
const QString kAnswerKey = QStringLiteral("retry-1");

QString firstField(const Error &error)
{
    return error.fields.isEmpty() ? QString() : error.fields.first().field;
}

QStringList actionsOf(const QList<AuditEntry> &entries)
{
    QStringList actions;
    for (const AuditEntry &e : entries)
        actions << e.action;
    return actions;
}

} // namespace

class TestPersonalData : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void exportHoldsEverythingAboutHer();
    void exportAsJson();
    void exportIsAuditedWithoutPersonalData();
    void exportRefusals_data();
    void exportRefusals();

    void wrongConfirmationChangesNothing_data();
    void wrongConfirmationChangesNothing();
    void eraseRefusals_data();
    void eraseRefusals();
    void eraseKeepsIdsTypesAndDates();
    void eraseReplacesHerStringsEverywhere();
    void eraseLeavesNoByteInTheFile();
    void statisticsAreTheSameAfterErasure();
    void erasedMentorStaysErased();
    void eraseTellsTheConsoles();
    void namesakesTextsAreKept();
    void othersStoredAnswersAreKept();

private:
    PersonalDataService personal()
    {
        return PersonalDataService(m_db->db(), m_clock, *m_directory, *m_records);
    }
    // The strings erasing Åse must remove: her name, contact, her records' texts and her payloads'.
    QStringList herStrings();
    // "table.column" of every text column of every table that holds `text` (from the catalogue, so
    // a table added later is searched too).
    QStringList columnsHolding(const QString &text);
    QByteArray fileBytes();
    Result<BuiltPayload> build(const Caller &caller, const QString &mentorId, const QString &name,
                               const QString &reason);

    std::unique_ptr<TestDatabase> m_db;
    ManualClock m_clock{testNow()};
    World m_world;
    std::unique_ptr<DirectoryService> m_directory;
    std::unique_ptr<NotificationRecordService> m_records;
    std::unique_ptr<TemplateService> m_templates;
    std::unique_ptr<PayloadService> m_payloads;
    QString m_notedRecord;   // her record with notes
    QString m_otherRecord;   // Per Hansen's, whose notes name her
    QString m_payloadById;   // built for her id
    QString m_payloadByName; // built for her name alone
    QString m_otherPayload;  // Per Hansen's
    QString m_deletedRecord; // hers, deleted
    QString m_payloadBody;   // the body of m_payloadById
};

void TestPersonalData::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_directory = std::make_unique<DirectoryService>(m_db->db(), m_clock);
    m_records = std::make_unique<NotificationRecordService>(m_db->db(), m_clock);
    m_templates = std::make_unique<TemplateService>(m_db->db(), m_clock);
    m_payloads = std::make_unique<PayloadService>(m_db->db(), m_clock, *m_templates);
    m_world.mentorA1.phone = kPhone;
    QCOMPARE(m_world.mentorA1.email, kEmail);
}

Result<BuiltPayload> TestPersonalData::build(const Caller &caller, const QString &mentorId,
                                             const QString &name, const QString &reason)
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorId = mentorId;
    request.peerMentorName = name;
    request.date = utc(2026, 3, 10);
    request.reason = reason;
    request.locale = QStringLiteral("en");
    return m_payloads->build(caller, request);
}

// Åse Ødegård (pm_a1, org A): three records (reasons "Illness" and "Exam period", one with notes),
// a fourth deleted, two payloads (for her id, for her name alone), a stored API answer naming her,
// an old audit entry whose detail has her email; Per Hansen (pm_a2) has a record whose notes name
// her and a payload of his own; Bjørn Berg (org B) a record.
void TestPersonalData::init()
{
    m_db->reset();
    m_clock.set(testNow());
    auto created = m_world.create(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    created = m_world.createUsers(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    created = m_world.createHistory(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());

    auto history = m_records->history(m_world.orgAdminA, World::kMentorA1);
    QVERIFY(history);
    QCOMPARE(history->events.size(), 3);
    m_notedRecord = history->events.first().id;
    RecordUpdate notes;
    notes.notes = std::optional<QString>(kNotes);
    QVERIFY(m_records->update(m_world.orgAdminA, m_notedRecord, notes));

    NewRecord extra;
    extra.peerMentorId = World::kMentorA1;
    extra.coordinatorId = World::kCoordA1;
    extra.eventType = EventType::PauseActivated;
    extra.effectiveDate = utc(2026, 3, 12);
    extra.reason = QStringLiteral("Entered by mistake");
    extra.channels = {QStringLiteral("push")};
    auto mistake = m_records->record(m_world.coordinatorA, extra);
    QVERIFY2(mistake, why(mistake).constData());
    m_deletedRecord = mistake->id;
    QVERIFY(m_records->remove(m_world.globalAdmin, m_deletedRecord));

    NewRecord per;
    per.peerMentorId = World::kMentorA2;
    per.coordinatorId = World::kCoordA2;
    per.eventType = EventType::PauseActivated;
    per.effectiveDate = utc(2026, 3, 15);
    per.notes = kOtherNotes;
    per.channels = {QStringLiteral("email")};
    auto perRecord = m_records->record(m_world.orgAdminA, per);
    QVERIFY2(perRecord, why(perRecord).constData());
    m_otherRecord = perRecord->id;

    auto byId = build(m_world.coordinatorA, World::kMentorA1, {}, QStringLiteral("Exam period"));
    QVERIFY2(byId, why(byId).constData());
    m_payloadById = byId->id;
    m_payloadBody = byId->body;
    QVERIFY2(m_payloadBody.contains(QStringLiteral("Åse Ødegård")), qPrintable(m_payloadBody));
    auto byName = build(m_world.orgAdminA, {}, QStringLiteral("Åse Ødegård"), QStringLiteral("Exam period"));
    QVERIFY2(byName, why(byName).constData());
    m_payloadByName = byName->id;
    auto other = build(m_world.orgAdminA, World::kMentorA2, {}, QStringLiteral("Holiday"));
    QVERIFY2(other, why(other).constData());
    m_otherPayload = other->id;

    // The API stored its answer to the build for a retry with the same Idempotency-Key.
    IdempotencyStore answers(m_db->db(), m_clock);
    QVERIFY(answers.claim(m_world.coordinatorA.userId, kAnswerKey, QStringLiteral("POST /payloads")));
    const QJsonObject answer{
        {QStringLiteral("id"), byId->id},
        {QStringLiteral("title"), byId->title},
        {QStringLiteral("body"), byId->body},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("peer_mentor_name"), byId->peerMentorName}}}};
    QVERIFY(answers.complete(m_world.coordinatorA.userId, kAnswerKey, 201,
                             QJsonDocument(answer).toJson(QJsonDocument::Compact), {}));

    // An entry written before details were kept free of personal data.
    AuditLog audit(m_db->db(), m_clock);
    QVERIFY(audit.write(m_world.orgAdminA, World::kOrgA, QStringLiteral("peer_mentor.update"),
                        QStringLiteral("peer_mentor"), World::kMentorA1,
                        QStringLiteral("email (was %1)").arg(kEmail)));
}

QStringList TestPersonalData::herStrings()
{
    return {QStringLiteral("Åse Ødegård"), kEmail, kPhone,        QStringLiteral("Illness"),
            QStringLiteral("Exam period"), kNotes, m_payloadBody, QStringLiteral("recovering well")};
}

QStringList TestPersonalData::columnsHolding(const QString &text)
{
    QStringList found;
    auto conn = m_db->db().connection();
    if (!conn)
        return {QStringLiteral("(no connection)")};
    QList<std::pair<QString, QString>> columns;
    QSqlQuery catalogue(*conn);
    if (m_db->isPostgres()) {
        catalogue.exec(QStringLiteral(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() "
            "AND data_type IN ('text', 'character varying', 'character') ORDER BY table_name, column_name"));
    } else {
        catalogue.exec(
            QStringLiteral("SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
                           "WHERE m.type = 'table' AND upper(p.type) LIKE '%TEXT%' "
                           "ORDER BY m.name, p.name"));
    }
    while (catalogue.next())
        columns << std::pair{catalogue.value(0).toString(), catalogue.value(1).toString()};
    if (columns.size() < 20)
        return {QStringLiteral("(the catalogue lists only %1 text columns)").arg(columns.size())};
    for (const auto &[table, column] : columns) {
        QSqlQuery q(*conn);
        q.prepare(
            QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 IS NOT NULL AND %3(%2, ?) > 0")
                .arg(table, column, m_db->isPostgres() ? QStringLiteral("strpos") : QStringLiteral("instr")));
        q.addBindValue(text);
        if (!q.exec() || !q.next())
            found << QStringLiteral("%1.%2 (could not be read)").arg(table, column);
        else if (q.value(0).toInt() > 0)
            found << QStringLiteral("%1.%2").arg(table, column);
    }
    return found;
}

QByteArray TestPersonalData::fileBytes()
{
    // Closing a file of the database in this process would drop SQLite's (POSIX) locks on it while
    // its connection is open: the connection is closed first, and opens again when next used.
    m_db->db().closeThreadConnection();
    const QString path = m_db->db().url().path;
    QByteArray bytes;
    for (const QString &name :
         QStringList{path, path + QStringLiteral("-wal"), path + QStringLiteral("-journal")}) {
        QFile file(name);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

void TestPersonalData::exportHoldsEverythingAboutHer()
{
    for (const Caller &caller : {m_world.orgAdminA, m_world.globalAdmin}) {
        auto exported = personal().exportMentor(caller, World::kMentorA1);
        QVERIFY2(exported, why(exported).constData());
        const PersonalDataExport &e = *exported;
        QCOMPARE(e.madeBy, caller.username);
        QCOMPARE(e.madeAt, testNow());
        QCOMPARE(e.mentor.id, World::kMentorA1);
        QCOMPARE(e.mentor.name, QStringLiteral("Åse Ødegård"));
        QCOMPARE(e.mentor.email, kEmail);
        QCOMPARE(e.mentor.phone, kPhone);
        QCOMPARE(e.organisation.name, QStringLiteral("Organisation A"));
        QCOMPARE(e.coordinatorName, QStringLiteral("Kari Koordinator"));
        QCOMPARE(e.status, PauseStatus::Paused);
        QCOMPARE(e.pauseStartDate, utc(2026, 3, 10));

        // Every record, oldest first; not Per Hansen's.
        QCOMPARE(e.records.size(), 3);
        QCOMPARE(e.records.at(0).reason, std::optional<QString>(QStringLiteral("Illness")));
        QCOMPARE(e.records.at(1).eventType, EventType::PauseDeactivated);
        QCOMPARE(e.records.at(2).id, m_notedRecord);
        QCOMPARE(e.records.at(2).notes, std::optional<QString>(kNotes));

        // The payloads for her id and for her name alone, not Per Hansen's.
        QStringList payloads;
        for (const BuiltPayload &p : e.payloads)
            payloads << p.id;
        payloads.sort();
        QStringList expected{m_payloadById, m_payloadByName};
        expected.sort();
        QCOMPARE(payloads, expected);

        // Entries about her and her records, also the deleted one; this export's own last.
        QStringList entities;
        for (const AuditEntry &a : e.audit) {
            QVERIFY2(a.entityId == World::kMentorA1 || a.entity == QLatin1String("notification_record"),
                     qPrintable(a.entityId));
            QVERIFY(a.entityId != m_otherRecord);
            entities << a.entityId;
        }
        QVERIFY(entities.contains(m_deletedRecord));
        QVERIFY(entities.contains(m_notedRecord));
        const QStringList actions = actionsOf(e.audit);
        QCOMPARE(actions.count(QStringLiteral("peer_mentor.create")), 1);
        QCOMPARE(actions.count(QStringLiteral("record.create")), 4);
        QCOMPARE(actions.count(QStringLiteral("record.update")), 1);
        QCOMPARE(actions.count(QStringLiteral("record.delete")), 1);
        QCOMPARE(actions.count(QStringLiteral("peer_mentor.export")), caller.isGlobalAdmin() ? 2 : 1);
        // Oldest first.
        for (qsizetype i = 1; i < e.audit.size(); ++i)
            QVERIFY(e.audit.at(i - 1).at <= e.audit.at(i).at);
    }
}

void TestPersonalData::exportAsJson()
{
    auto exported = personal().exportMentor(m_world.orgAdminA, World::kMentorA1);
    QVERIFY2(exported, why(exported).constData());
    // Through text and back, as a file holds it.
    const QJsonObject json = QJsonDocument::fromJson(QJsonDocument(exported->toJson()).toJson()).object();
    QCOMPARE(json.value(QLatin1String("format")).toString(),
             QStringLiteral("coordinator-console-personal-data"));
    QCOMPARE(json.value(QLatin1String("format_version")).toInt(), 1);
    QCOMPARE(json.value(QLatin1String("made_by")).toString(), QStringLiteral("admin.a"));
    QCOMPARE(json.value(QLatin1String("made_at")).toString(), QStringLiteral("2026-03-19T14:30:05.000Z"));
    const QJsonObject mentor = json.value(QLatin1String("peer_mentor")).toObject();
    QCOMPARE(mentor.value(QLatin1String("peer_mentor_id")).toString(), World::kMentorA1);
    QCOMPARE(mentor.value(QLatin1String("full_name")).toString(), QStringLiteral("Åse Ødegård"));
    QCOMPARE(mentor.value(QLatin1String("email")).toString(), kEmail);
    QCOMPARE(mentor.value(QLatin1String("phone")).toString(), kPhone);
    QCOMPARE(mentor.value(QLatin1String("organisation_name")).toString(), QStringLiteral("Organisation A"));
    QCOMPARE(mentor.value(QLatin1String("coordinator_name")).toString(), QStringLiteral("Kari Koordinator"));
    QCOMPARE(mentor.value(QLatin1String("current_status")).toString(), QStringLiteral("paused"));
    QVERIFY(mentor.value(QLatin1String("erased_at")).isNull());
    const QJsonArray records = json.value(QLatin1String("notification_records")).toArray();
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).toObject().value(QLatin1String("reason")).toString(), QStringLiteral("Illness"));
    QCOMPARE(records.at(0).toObject().value(QLatin1String("event_type")).toString(),
             QStringLiteral("pause_activated"));
    QCOMPARE(records.at(2).toObject().value(QLatin1String("notes")).toString(), kNotes);
    const QJsonArray payloads = json.value(QLatin1String("built_payloads")).toArray();
    QCOMPARE(payloads.size(), 2);
    for (const QJsonValue &p : payloads) {
        const QJsonObject payload = p.toObject();
        QCOMPARE(payload.value(QLatin1String("body")).toString(), m_payloadBody); // the same texts
        QCOMPARE(payload.value(QLatin1String("peer_mentor_id")).isNull(),
                 payload.value(QLatin1String("id")).toString() == m_payloadByName);
    }
    const QJsonArray audit = json.value(QLatin1String("audit_entries")).toArray();
    QCOMPARE(audit.size(), exported->audit.size());
    bool listsItself = false;
    for (const QJsonValue &entry : audit) {
        const QJsonObject e = entry.toObject();
        if (e.value(QLatin1String("action")).toString() == QLatin1String("peer_mentor.export")) {
            listsItself = true;
            QCOMPARE(e.value(QLatin1String("username")).toString(), QStringLiteral("admin.a"));
            QCOMPARE(e.value(QLatin1String("entity_id")).toString(), World::kMentorA1);
        }
    }
    QVERIFY(listsItself);
}

void TestPersonalData::exportIsAuditedWithoutPersonalData()
{
    QVERIFY(personal().exportMentor(m_world.orgAdminA, World::kMentorA1));
    AuditLog audit(m_db->db(), m_clock);
    AuditQuery query;
    query.kind = QStringLiteral("peer_mentor.export");
    auto entries = audit.list(m_world.orgAdminA, query, PageRequest{1, 10});
    QVERIFY(entries);
    QCOMPARE(entries->total, 1);
    const AuditEntry &e = entries->items.first();
    QCOMPARE(e.entityId, World::kMentorA1);
    QCOMPARE(e.orgId, World::kOrgA);
    QCOMPARE(e.username, QStringLiteral("admin.a"));
    QCOMPARE(e.detail, QStringLiteral("3 records, 2 payloads"));
}

void TestPersonalData::exportRefusals_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("mentor");
    QTest::addColumn<QString>("code");
    // Coordinators do not export: she asks her organisation, whose admin does it (and it holds the
    // audit log, which coordinators do not read).
    QTest::newRow("her coordinator") << "coordA" << World::kMentorA1 << "forbidden";
    QTest::newRow("org admin of another organisation") << "adminB" << World::kMentorA1 << "not-found";
    QTest::newRow("no such mentor") << "global"
                                    << "pm_nobody"
                                    << "not-found";
}

void TestPersonalData::exportRefusals()
{
    QFETCH(QString, who);
    QFETCH(QString, mentor);
    QFETCH(QString, code);
    const qint64 entries = countRows(m_db->db(), QStringLiteral("audit_log"));
    const auto exported = personal().exportMentor(m_world.who(who), mentor);
    QCOMPARE(codeOf(exported), code);
    if (code == QLatin1String("forbidden"))
        QCOMPARE(exported.error().message, QString::fromUtf8(permission(Action::ExportPersonalData).refusal));
    QCOMPARE(countRows(m_db->db(), QStringLiteral("audit_log")), entries);
}

void TestPersonalData::wrongConfirmationChangesNothing_data()
{
    QTest::addColumn<QString>("confirmation");
    QTest::newRow("empty") << QString();
    QTest::newRow("another name") << QStringLiteral("Per Hansen");
    QTest::newRow("her id") << World::kMentorA1.toUpper();
    QTest::newRow("part of it") << QStringLiteral("Åse");
    QTest::newRow("other case") << QStringLiteral("åse ødegård");
}

void TestPersonalData::wrongConfirmationChangesNothing()
{
    QFETCH(QString, confirmation);
    const qint64 entries = countRows(m_db->db(), QStringLiteral("audit_log"));
    const auto erased = personal().eraseMentor(m_world.orgAdminA, World::kMentorA1, confirmation);
    QVERIFY(!erased);
    QCOMPARE(erased.error().code, ErrorCode::Invalid);
    QCOMPARE(firstField(erased.error()), QStringLiteral("confirmation"));
    auto m = m_directory->peerMentor(m_world.orgAdminA, World::kMentorA1);
    QVERIFY(m);
    QCOMPARE(m->name, QStringLiteral("Åse Ødegård"));
    QCOMPARE(m->phone, kPhone);
    QVERIFY(m->active());
    QVERIFY(!m->erased());
    QCOMPARE(m_records->get(m_world.orgAdminA, m_notedRecord)->notes, std::optional<QString>(kNotes));
    QCOMPARE(m_payloads->payload(m_world.orgAdminA, m_payloadById)->body, m_payloadBody);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("audit_log")), entries);
    QVERIFY(columnsHolding(QStringLiteral("Åse Ødegård")).contains(QStringLiteral("peer_mentors.name")));

    // Spaces around it, and a name typed in another Unicode form, do confirm.
    QVERIFY(PersonalDataService::confirms(*m, QStringLiteral("  Åse Ødegård ")));
    QVERIFY(PersonalDataService::confirms(
        *m, QStringLiteral("Åse Ødegård").normalized(QString::NormalizationForm_D)));
}

void TestPersonalData::eraseRefusals_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("code");
    QTest::newRow("her coordinator") << "coordA"
                                     << "forbidden";
    QTest::newRow("a coordinator of another organisation") << "coordB"
                                                           << "forbidden";
    QTest::newRow("org admin of another organisation") << "adminB"
                                                       << "not-found";
}

void TestPersonalData::eraseRefusals()
{
    QFETCH(QString, who);
    QFETCH(QString, code);
    const auto erased =
        personal().eraseMentor(m_world.who(who), World::kMentorA1, QStringLiteral("Åse Ødegård"));
    QCOMPARE(codeOf(erased), code);
    if (code == QLatin1String("forbidden"))
        QCOMPARE(erased.error().message, QString::fromUtf8(permission(Action::ErasePersonalData).refusal));
    QCOMPARE(m_directory->peerMentor(Caller::system(), World::kMentorA1)->name,
             QStringLiteral("Åse Ødegård"));
}

void TestPersonalData::eraseKeepsIdsTypesAndDates()
{
    const auto before = m_records->history(m_world.orgAdminA, World::kMentorA1);
    QVERIFY(before);
    const auto counts = countRows(m_db->db(), QStringLiteral("notification_records"));
    auto erased = personal().eraseMentor(m_world.orgAdminA, World::kMentorA1, QStringLiteral("Åse Ødegård"));
    QVERIFY2(erased, why(erased).constData());
    QCOMPARE(erased->peerMentorId, World::kMentorA1);
    QVERIFY(erased->anonymousName.startsWith(PersonalDataService::anonymousNamePrefix() + QLatin1Char(' ')));
    QCOMPARE(erased->anonymousName.size(), PersonalDataService::anonymousNamePrefix().size() + 7);
    QCOMPARE(erased->records, 3);
    QCOMPARE(erased->payloads, 2);
    QVERIFY2(erased->otherTexts >= 3,
             qPrintable(QString::number(erased->otherTexts))); // audit, Per's notes, answer
    QVERIFY2(erased->compacted, qPrintable(erased->compactionError));

    auto m = m_directory->peerMentor(m_world.orgAdminA, World::kMentorA1);
    QVERIFY(m);
    QCOMPARE(m->name, erased->anonymousName);
    QVERIFY(m->email.isEmpty());
    QVERIFY(m->phone.isEmpty());
    QCOMPARE(m->orgId, World::kOrgA);
    QCOMPARE(m->coordinatorId, World::kCoordA1);
    QCOMPARE(m->createdAt, testNow());
    QCOMPARE(m->deactivatedAt, testNow());
    QCOMPARE(m->erasedAt, testNow());

    const auto after = m_records->history(m_world.orgAdminA, World::kMentorA1);
    QVERIFY(after);
    QCOMPARE(after->events.size(), before->events.size());
    for (qsizetype i = 0; i < after->events.size(); ++i) {
        const NotificationRecord &a = after->events.at(i);
        const NotificationRecord &b = before->events.at(i);
        QCOMPARE(a.id, b.id);
        QCOMPARE(a.eventType, b.eventType);
        QCOMPARE(a.effectiveDate, b.effectiveDate);
        QCOMPARE(a.sentAt, b.sentAt);
        QCOMPARE(a.coordinatorId, b.coordinatorId);
        QCOMPARE(a.channels, b.channels);
        QCOMPARE(a.reason, std::optional<QString>());
        QCOMPARE(a.notes, std::optional<QString>());
        QVERIFY(a.dispatchIds.isEmpty());
        QCOMPARE(a.peerMentorName, erased->anonymousName);
    }
    QCOMPARE(countRows(m_db->db(), QStringLiteral("notification_records")), counts);

    // Her payloads keep what they were (type, event, date) but say nothing; Per's is as it was.
    for (const QString &id : {m_payloadById, m_payloadByName}) {
        auto p = m_payloads->payload(m_world.orgAdminA, id);
        QVERIFY(p);
        QVERIFY(p->title.isEmpty());
        QVERIFY(p->body.isEmpty());
        QCOMPARE(p->peerMentorName, erased->anonymousName);
        QCOMPARE(p->payloadType, QStringLiteral("coordinator_pause"));
        QCOMPARE(p->effectiveDate, utc(2026, 3, 10));
    }
    auto per = m_payloads->payload(m_world.orgAdminA, m_otherPayload);
    QVERIFY(per);
    QCOMPARE(per->peerMentorName, QStringLiteral("Per Hansen"));
    QVERIFY(per->body.startsWith(QStringLiteral("Per Hansen has activated a pause")));
    QCOMPARE(
        m_records->get(m_world.orgAdminA, m_otherRecord)->notes,
        std::optional<QString>(
            QStringLiteral("Covering for %1 while she is away; ring [erased].").arg(erased->anonymousName)));

    // The audit log only grew: its entries are all there, with the erasure's last.
    AuditLog audit(m_db->db(), m_clock);
    AuditQuery about;
    about.entityId = World::kMentorA1;
    auto entries = audit.list(m_world.orgAdminA, about, PageRequest{1, 100});
    QVERIFY(entries);
    QHash<QString, QString> detailOf;
    for (const AuditEntry &e : std::as_const(entries->items))
        detailOf.insert(e.action, e.detail);
    QCOMPARE(entries->total, 3); // created, the old update, erased
    QCOMPARE(detailOf.value(QStringLiteral("peer_mentor.erase")),
             QStringLiteral("3 records, 2 payloads, %1 other texts").arg(erased->otherTexts));
    QCOMPARE(detailOf.value(QStringLiteral("peer_mentor.update")), QStringLiteral("email (was [erased])"));
    QVERIFY(detailOf.contains(QStringLiteral("peer_mentor.create")));

    // The stored answer is still an answer, without her.
    IdempotencyStore answers(m_db->db(), m_clock);
    auto replay = answers.claim(m_world.coordinatorA.userId, kAnswerKey, QStringLiteral("POST /payloads"));
    QVERIFY(replay);
    QCOMPARE(replay->outcome, IdempotencyStore::Outcome::Replay);
    const QJsonObject answer = QJsonDocument::fromJson(replay->stored.body).object();
    QCOMPARE(answer.value(QLatin1String("id")).toString(), m_payloadById);
    QCOMPARE(answer.value(QLatin1String("body")).toString(), QString());
    QCOMPARE(
        answer.value(QLatin1String("data")).toObject().value(QLatin1String("peer_mentor_name")).toString(),
        erased->anonymousName);
}

void TestPersonalData::eraseReplacesHerStringsEverywhere()
{
    const QStringList strings = herStrings();
    for (const QString &s : strings)
        QVERIFY2(!columnsHolding(s).isEmpty(), qPrintable(s)); // they are there to be erased
    auto erased =
        personal().eraseMentor(m_world.globalAdmin, World::kMentorA1, QStringLiteral("Åse Ødegård"));
    QVERIFY2(erased, why(erased).constData());
    for (const QString &s : strings) {
        const QStringList left = columnsHolding(s);
        QVERIFY2(left.isEmpty(), qPrintable(s + QStringLiteral(": ") + left.join(QStringLiteral(", "))));
    }
    // Bjørn Berg of organisation B is untouched.
    QVERIFY(!columnsHolding(QStringLiteral("Travel")).isEmpty());
    QVERIFY(!columnsHolding(QStringLiteral("Bjørn Berg")).isEmpty());
}

void TestPersonalData::eraseLeavesNoByteInTheFile()
{
    if (m_db->isPostgres())
        QSKIP("The bytes of a file: SQLite only (on PostgreSQL, eraseReplacesHerStringsEverywhere).");
    const auto secureDelete = [this] {
        QSqlQuery setting(*m_db->db().connection());
        return setting.exec(QStringLiteral("PRAGMA secure_delete")) && setting.next()
            ? setting.value(0).toInt()
            : -1;
    };
    const int setting = secureDelete();
    QVERIFY(setting >= 0);
    const QByteArray before = fileBytes();
    for (const QString &s : herStrings())
        QVERIFY2(before.contains(s.toUtf8()), qPrintable(s)); // the search finds them while they are there
    auto erased = personal().eraseMentor(m_world.orgAdminA, World::kMentorA1, QStringLiteral("Åse Ødegård"));
    QVERIFY2(erased, why(erased).constData());
    QVERIFY2(erased->compacted, qPrintable(erased->compactionError));
    // The connection's setting comes back: later changes are written as usual.
    QCOMPARE(secureDelete(), setting);
    // As the service left them: the log emptied, and no byte of hers in the file.
    QCOMPARE(QFile(m_db->db().url().path + QStringLiteral("-wal")).size(), 0);
    const QByteArray after = fileBytes();
    QVERIFY(!after.isEmpty());
    for (const QString &s : herStrings())
        QVERIFY2(!after.contains(s.toUtf8()), qPrintable(s));
    // Nor the reason of her record deleted before, which lay in free space: the file was rewritten.
    QVERIFY(!after.contains(QByteArrayLiteral("Entered by mistake")));
    QVERIFY(after.contains(QStringLiteral("Bjørn Berg").toUtf8()));
}

void TestPersonalData::statisticsAreTheSameAfterErasure()
{
    StatisticsService statistics(m_db->db());
    const StatisticsRequest year{QDate(2026, 1, 1), QDate(2026, 3, 19), {}, {}};
    const auto summary = [&](const Caller &caller) {
        QStringList lines;
        auto s = statistics.activity(caller, year);
        if (!s)
            return QStringList{QString::fromUtf8(why(s))};
        for (const PausedBucket &b : s->paused)
            lines << QStringLiteral("%1 %2").arg(b.first.toString(Qt::ISODate)).arg(b.paused);
        for (const MonthEvents &e : s->events)
            lines << QStringLiteral("%1 +%2 -%3")
                         .arg(e.month.toString(Qt::ISODate))
                         .arg(e.activated)
                         .arg(e.deactivated);
        QStringList mentors;
        for (const MentorActivity &m : s->mentors)
            mentors << QStringLiteral("%1 %2 %3/%4/%5")
                           .arg(m.peerMentorId, m.coordinatorId)
                           .arg(m.activeDays)
                           .arg(m.pausedDays)
                           .arg(m.pauses);
        mentors.sort();
        return lines + mentors;
    };
    const QStringList before = summary(m_world.orgAdminA);
    const QStringList beforeCoordinator = summary(m_world.coordinatorA);
    QVERIFY(before.join(QLatin1Char('\n')).contains(QStringLiteral("pm_a1 coord_a1")));
    RecordFilter hers;
    hers.peerMentorId = World::kMentorA1;
    const auto countBefore = m_records->count(m_world.orgAdminA, hers);
    QVERIFY(countBefore);
    const auto readCounts = [&] {
        QStringList rows;
        Query q(m_db->db(),
                QStringLiteral("SELECT org_id, coordinator_id, event_type, total FROM record_counts "
                               "ORDER BY org_id, coordinator_id, event_type"));
        if (q.exec())
            while (q.next())
                rows << QStringLiteral("%1 %2 %3 %4")
                            .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                 q.value(3).toString());
        return rows;
    };
    const QStringList countsBefore = readCounts();
    QVERIFY(!countsBefore.isEmpty());

    QVERIFY(personal().eraseMentor(m_world.orgAdminA, World::kMentorA1, QStringLiteral("Åse Ødegård")));

    QCOMPARE(summary(m_world.orgAdminA), before);
    QCOMPARE(summary(m_world.coordinatorA), beforeCoordinator);
    QCOMPARE(*m_records->count(m_world.orgAdminA, hers), *countBefore);
    QCOMPARE(*countBefore, 3);
    QCOMPARE(readCounts(), countsBefore);
}

void TestPersonalData::erasedMentorStaysErased()
{
    auto erased = personal().eraseMentor(m_world.orgAdminA, World::kMentorA1, QStringLiteral("Åse Ødegård"));
    QVERIFY(erased);
    // Again, with the name she has now: a conflict, not a second erasure.
    const auto again = personal().eraseMentor(m_world.orgAdminA, World::kMentorA1, erased->anonymousName);
    QCOMPARE(codeOf(again), QStringLiteral("conflict"));

    auto m = m_directory->peerMentor(m_world.orgAdminA, World::kMentorA1);
    QVERIFY(m);
    PeerMentor changed = *m;
    changed.name = QStringLiteral("Åse Ødegård");
    QCOMPARE(codeOf(m_directory->updatePeerMentor(m_world.orgAdminA, changed)), QStringLiteral("conflict"));
    changed = *m;
    changed.phone = kPhone;
    QCOMPARE(codeOf(m_directory->updatePeerMentor(m_world.orgAdminA, changed)), QStringLiteral("conflict"));
    QCOMPARE(codeOf(m_directory->setPeerMentorActive(m_world.orgAdminA, World::kMentorA1, true)),
             QStringLiteral("conflict"));
    // Another coordinator is no personal data.
    changed = *m;
    changed.coordinatorId = World::kCoordA2;
    QVERIFY(m_directory->updatePeerMentor(m_world.orgAdminA, changed));

    // Her export now holds only what is left.
    auto exported = personal().exportMentor(m_world.orgAdminA, World::kMentorA1);
    QVERIFY2(exported, why(exported).constData());
    QCOMPARE(exported->mentor.name, erased->anonymousName);
    QCOMPARE(exported->mentor.erasedAt, testNow());
    QCOMPARE(exported->records.size(), 3);
    QCOMPARE(exported->payloads.size(), 2);
    const QByteArray json = QJsonDocument(exported->toJson()).toJson();
    for (const QString &s : herStrings())
        QVERIFY2(!json.contains(s.toUtf8()), qPrintable(s));
}

void TestPersonalData::eraseTellsTheConsoles()
{
    QSignalSpy directory(m_directory.get(), &DirectoryService::directoryChanged);
    QSignalSpy records(m_records.get(), &NotificationRecordService::recordChanged);
    QVERIFY(personal().eraseMentor(m_world.orgAdminA, World::kMentorA1, QStringLiteral("Åse Ødegård")));
    QCOMPARE(directory.size(), 1);
    QCOMPARE(records.size(), 3);
    const auto changed = records.first().first().value<NotificationRecord>();
    QCOMPARE(changed.peerMentorId, World::kMentorA1);
    QVERIFY(changed.peerMentorName.startsWith(PersonalDataService::anonymousNamePrefix()));
    QVERIFY(!changed.reason);

    // A refused erasure tells nobody.
    directory.clear();
    QVERIFY(!personal().eraseMentor(m_world.orgAdminB, World::kMentorB1, QStringLiteral("wrong")));
    QCOMPARE(directory.size(), 0);
}

void TestPersonalData::namesakesTextsAreKept()
{
    // Per Hansen's notes name Åse; a second Åse Ødegård joins organisation A: a note about "Åse
    // Ødegård" may be about her, so only the erased mentor's email and phone go from it.
    PeerMentor namesake;
    namesake.id = QStringLiteral("pm_a3");
    namesake.orgId = World::kOrgA;
    namesake.coordinatorId = World::kCoordA2;
    namesake.name = QStringLiteral("Åse Ødegård");
    QVERIFY(m_directory->addPeerMentor(Caller::system(), namesake));
    auto erased = personal().eraseMentor(m_world.orgAdminA, World::kMentorA1, QStringLiteral("Åse Ødegård"));
    QVERIFY2(erased, why(erased).constData());
    QCOMPARE(
        m_records->get(m_world.orgAdminA, m_otherRecord)->notes,
        std::optional<QString>(QStringLiteral("Covering for Åse Ødegård while she is away; ring [erased].")));
    QCOMPARE(m_directory->peerMentor(m_world.orgAdminA, QStringLiteral("pm_a3"))->name,
             QStringLiteral("Åse Ødegård"));
}

void TestPersonalData::othersStoredAnswersAreKept()
{
    // An answer about another mentor (whose id starts like hers) with a reason that one of hers had
    // too: not about her.
    const QByteArray perAnswer =
        QJsonDocument(
            QJsonObject{{QStringLiteral("id"), m_otherPayload},
                        {QStringLiteral("peer_mentor_id"), QStringLiteral("pm_a12")},
                        {QStringLiteral("body"), QStringLiteral("Per Hansen is away. Reason: Exam period.")}})
            .toJson(QJsonDocument::Compact);
    IdempotencyStore answers(m_db->db(), m_clock);
    QVERIFY(
        answers.claim(m_world.orgAdminA.userId, QStringLiteral("per-1"), QStringLiteral("POST /payloads")));
    QVERIFY(answers.complete(m_world.orgAdminA.userId, QStringLiteral("per-1"), 201, perAnswer, {}));
    QVERIFY(personal().eraseMentor(m_world.orgAdminA, World::kMentorA1, QStringLiteral("Åse Ødegård")));
    auto replay =
        answers.claim(m_world.orgAdminA.userId, QStringLiteral("per-1"), QStringLiteral("POST /payloads"));
    QVERIFY(replay);
    QCOMPARE(replay->stored.body, perAnswer);
}

CC_DATABASE_TEST_MAIN(TestPersonalData)
#include "tst_personaldata.moc"
