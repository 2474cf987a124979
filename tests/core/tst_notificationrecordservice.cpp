#include "core/AuditLog.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/World.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <memory>

using namespace cc;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

const QString &kOrgA = test::World::kOrgA;
const QString &kOrgB = test::World::kOrgB;
const QString &kCoordA1 = test::World::kCoordA1;
const QString &kCoordA2 = test::World::kCoordA2;
const QString &kCoordB1 = test::World::kCoordB1;
const QString &kMentorA1 = test::World::kMentorA1;
const QString &kMentorA2 = test::World::kMentorA2;
const QString &kMentorB1 = test::World::kMentorB1;

// Who is asking, in the data tables.
enum class Who
{
    CoordinatorA,
    OrgAdminA,
    CoordinatorB,
    OrgAdminB,
    GlobalAdmin
};

Caller callerFor(Who who)
{
    const test::World world;
    switch (who) {
    case Who::CoordinatorA:
        return world.coordinatorA;
    case Who::OrgAdminA:
        return world.orgAdminA;
    case Who::CoordinatorB:
        return world.coordinatorB;
    case Who::OrgAdminB:
        return world.orgAdminB;
    case Who::GlobalAdmin:
        return world.globalAdmin;
    }
    return {};
}

// Midnight UTC of the test day plus `days`.
QDateTime day(int days)
{
    return QDateTime(test::testNow().date(), QTime(0, 0), Qt::UTC).addDays(days);
}

NewRecord newRecord(const QString &mentor, const QString &coordinator,
                    EventType type = EventType::PauseActivated, const QDateTime &effective = day(1))
{
    NewRecord r;
    r.peerMentorId = mentor;
    r.coordinatorId = coordinator;
    r.eventType = type;
    r.effectiveDate = effective;
    r.channels = {QStringLiteral("push"), QStringLiteral("in_app")};
    r.reason = QStringLiteral("Personal leave");
    return r;
}

QStringList idsOf(const QList<NotificationRecord> &records)
{
    QStringList ids;
    for (const NotificationRecord &r : records)
        ids << r.id;
    return ids;
}

QString describe(const Error &e)
{
    QStringList fields;
    for (const FieldError &f : e.fields)
        fields << f.field;
    return errorCodeName(e.code) + QStringLiteral(": ") + e.message + QStringLiteral(" [")
        + fields.join(QLatin1Char(',')) + QLatin1Char(']');
}

bool namesField(const Error &e, const QString &field)
{
    return std::any_of(e.fields.cbegin(), e.fields.cend(),
                       [&](const FieldError &f) { return f.field == field; });
}

} // namespace

Q_DECLARE_METATYPE(Who)

class TestNotificationRecordService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void roleTable_data();
    void roleTable();

    void recordStoresWhatWasSent();
    void validation_data();
    void validation();

    void isolation_data();
    void isolation();
    void otherOrganisationLooksLikeNothing();
    void listNeverShowsOtherOrganisations();
    void callerWithoutOrganisationSeesNothing();
    void globalAdminSeesAll();

    void listPagination();
    void listPageBounds_data();
    void listPageBounds();
    void listOrderNewestFirstTiesById();
    void listFilters_data();
    void listFilters();
    void listFromAfterToRefused();
    void keptCountsMatchCounting();

    void updateChangesOnlyMetadata();
    void updateNotes();
    void updateIfMatch();
    void updateWithinTheSameMillisecond();
    void updateRefused_data();
    void updateRefused();
    void concurrentUpdateHonoursIfMatch();

    void removeTwice();

    void currentStatus_data();
    void currentStatus();
    void futurePauseStartsWhenItsDateComes();
    void statusFollowsEveryWrite();
    void profilesMatchProfile();
    void mentorProfilesFilter_data();
    void mentorProfilesFilter();
    void mentorProfilesPages();
    void mentorProfilesScope();

    void historyNewestFirst();
    void historyOfMentorWithoutRecords();

    void announcesChanges();
    void auditLog();

private:
    bool add(Who who, const NewRecord &input, NotificationRecord *out = nullptr);

    std::unique_ptr<test::TestDatabase> m_database;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<NotificationRecordService> m_service;
};

void TestNotificationRecordService::initTestCase()
{
    qRegisterMetaType<Who>();
    m_database = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_database->ok(), qPrintable(m_database->error()));
    m_clock = std::make_unique<ManualClock>(test::testNow());
    m_service = std::make_unique<NotificationRecordService>(m_database->db(), *m_clock);
}

void TestNotificationRecordService::init()
{
    m_database->reset();
    m_clock->set(test::testNow());

    test::World world;
    world.coordA1.email = QStringLiteral("kari@a.example");
    world.mentorA1.phone = QStringLiteral("+47 912 34 567");
    const Status seeded = world.create(m_database->db(), *m_clock);
    QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(describe(seeded.error())));
}

bool TestNotificationRecordService::add(Who who, const NewRecord &input, NotificationRecord *out)
{
    const auto added = m_service->record(callerFor(who), input);
    if (!added) {
        qWarning("record() failed: %s", qPrintable(describe(added.error())));
        return false;
    }
    if (out)
        *out = *added;
    return true;
}

// ---- roles ------------------------------------------------------------------------------------

void TestNotificationRecordService::roleTable_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<Who>("who");
    QTest::addColumn<bool>("allowed");

    const struct
    {
        const char *operation;
        bool coordinator;
        bool orgAdmin;
        bool globalAdmin;
    } table[] = {
        {"POST record", true, true, false},    {"PUT record", false, true, true},
        {"DELETE record", false, false, true}, {"GET record", true, true, true},
        {"GET records", true, true, true},     {"GET profile", true, true, true},
        {"GET history", true, true, true},
    };
    for (const auto &row : table) {
        QTest::addRow("%s as coordinator", row.operation)
            << QString::fromLatin1(row.operation) << Who::CoordinatorA << row.coordinator;
        QTest::addRow("%s as org_admin", row.operation)
            << QString::fromLatin1(row.operation) << Who::OrgAdminA << row.orgAdmin;
        QTest::addRow("%s as global_admin", row.operation)
            << QString::fromLatin1(row.operation) << Who::GlobalAdmin << row.globalAdmin;
    }
}

void TestNotificationRecordService::roleTable()
{
    QFETCH(QString, operation);
    QFETCH(Who, who);
    QFETCH(bool, allowed);

    NotificationRecord existing;
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1), &existing));
    const Caller caller = callerFor(who);
    const Caller global = callerFor(Who::GlobalAdmin);

    std::optional<Error> error;
    if (operation == QLatin1String("POST record")) {
        const auto r =
            m_service->record(caller, newRecord(kMentorA1, kCoordA1, EventType::PauseDeactivated, day(3)));
        if (!r)
            error = r.error();
        QCOMPARE(m_service->count(global, {}).value(), allowed ? 2 : 1);
    } else if (operation == QLatin1String("PUT record")) {
        RecordUpdate change;
        change.channels = QStringList{QStringLiteral("sms")};
        const auto r = m_service->update(caller, existing.id, change);
        if (!r)
            error = r.error();
        QCOMPARE(m_service->get(global, existing.id)->channels,
                 allowed ? QStringList{QStringLiteral("sms")} : existing.channels);
    } else if (operation == QLatin1String("DELETE record")) {
        const auto r = m_service->remove(caller, existing.id);
        if (!r)
            error = r.error();
        QCOMPARE(m_service->get(global, existing.id).ok(), !allowed);
    } else if (operation == QLatin1String("GET record")) {
        const auto r = m_service->get(caller, existing.id);
        if (!r)
            error = r.error();
        else
            QCOMPARE(r->id, existing.id);
    } else if (operation == QLatin1String("GET records")) {
        const auto r = m_service->list(caller, {}, {});
        if (!r)
            error = r.error();
        else
            QCOMPARE(idsOf(r->items), QStringList{existing.id});
    } else if (operation == QLatin1String("GET profile")) {
        const auto r = m_service->profile(caller, kMentorA1);
        if (!r)
            error = r.error();
        else
            QCOMPARE(r->mentor.id, kMentorA1);
    } else if (operation == QLatin1String("GET history")) {
        const auto r = m_service->history(caller, kMentorA1);
        if (!r)
            error = r.error();
        else
            QCOMPARE(idsOf(r->events), QStringList{existing.id});
    } else {
        QFAIL("unknown operation");
    }

    if (allowed) {
        QVERIFY2(!error, error ? qPrintable(describe(*error)) : "");
    } else {
        QVERIFY(error.has_value());
        QCOMPARE(error->code, ErrorCode::Forbidden);
        QVERIFY(!error->message.isEmpty());
    }
}

// ---- recording ----------------------------------------------------------------------------------

void TestNotificationRecordService::recordStoresWhatWasSent()
{
    NewRecord input = newRecord(kMentorA1, kCoordA2, EventType::PauseActivated,
                                QDateTime(QDate(2026, 3, 20), QTime(1, 0), QTimeZone(3600)));
    input.channels = {QStringLiteral("sms"), QStringLiteral("push"), QStringLiteral("email")};
    input.dispatchIds = {QStringLiteral("fcm-1"), QStringLiteral("sms-ø-2")};
    input.reason = QStringLiteral("Foreldrepermisjon – «tre måneder»");
    input.notes = QStringLiteral("Called on the phone first.");

    NotificationRecord r;
    QVERIFY(add(Who::CoordinatorA, input, &r));
    static const QRegularExpression idFormat(QStringLiteral("^nr_[0-9a-f]{12}$"));
    QVERIFY2(idFormat.match(r.id).hasMatch(), qPrintable(r.id));
    QCOMPARE(r.orgId, kOrgA);
    QCOMPARE(r.peerMentorId, kMentorA1);
    QCOMPARE(r.peerMentorName, QStringLiteral("Åse Ødegård"));
    QCOMPARE(r.coordinatorId, kCoordA2);
    QCOMPARE(r.coordinatorName, QStringLiteral("Ola Koordinator"));
    QCOMPARE(r.eventType, EventType::PauseActivated);
    // 01:00 at +01:00 is midnight UTC, and it is kept in UTC.
    QCOMPARE(r.effectiveDate, day(1));
    QCOMPARE(r.effectiveDate.timeSpec(), Qt::UTC);
    QCOMPARE(r.channels, input.channels); // in the order sent
    QCOMPARE(r.dispatchIds, input.dispatchIds);
    QCOMPARE(r.reason, input.reason);
    QCOMPARE(r.notes, input.notes);
    QCOMPARE(r.createdBy, QStringLiteral("coord.a"));
    QCOMPARE(r.sentAt, test::testNow());
    QCOMPARE(r.updatedAt, test::testNow());

    // Read back: the same.
    m_clock->advance(kMinute);
    const auto read = m_service->get(callerFor(Who::OrgAdminA), r.id);
    QVERIFY(read.ok());
    QCOMPARE(read->id, r.id);
    QCOMPARE(read->orgId, r.orgId);
    QCOMPARE(read->peerMentorName, r.peerMentorName);
    QCOMPARE(read->coordinatorName, r.coordinatorName);
    QCOMPARE(read->effectiveDate, r.effectiveDate);
    QCOMPARE(read->channels, r.channels);
    QCOMPARE(read->dispatchIds, r.dispatchIds);
    QCOMPARE(read->reason, r.reason);
    QCOMPARE(read->notes, r.notes);
    QCOMPARE(read->createdBy, r.createdBy);
    QCOMPARE(read->sentAt, r.sentAt);
    QCOMPARE(read->updatedAt, r.updatedAt);
    QCOMPARE(NotificationRecordService::etag(*read), NotificationRecordService::etag(r));

    // No reason and no notes stay null; an empty reason stays empty.
    NewRecord bare = newRecord(kMentorA2, kCoordA2, EventType::PauseDeactivated, day(-1));
    bare.reason.reset();
    NotificationRecord withoutReason;
    QVERIFY(add(Who::OrgAdminA, bare, &withoutReason));
    QVERIFY(!m_service->get(callerFor(Who::OrgAdminA), withoutReason.id)->reason.has_value());
    QVERIFY(!m_service->get(callerFor(Who::OrgAdminA), withoutReason.id)->notes.has_value());
    QVERIFY(m_service->get(callerFor(Who::OrgAdminA), withoutReason.id)->dispatchIds.isEmpty());
    bare.reason = QString(QLatin1String(""));
    NotificationRecord emptyReason;
    QVERIFY(add(Who::OrgAdminA, bare, &emptyReason));
    QCOMPARE(m_service->get(callerFor(Who::OrgAdminA), emptyReason.id)->reason,
             std::optional<QString>(QString()));

    // Every record gets its own id.
    QVERIFY(r.id != withoutReason.id && withoutReason.id != emptyReason.id);
}

void TestNotificationRecordService::validation_data()
{
    QTest::addColumn<QStringList>("channels");
    QTest::addColumn<int>("reasonLength"); // -1: no reason
    QTest::addColumn<int>("notesLength");  // -1: no notes
    QTest::addColumn<QStringList>("dispatchIds");
    QTest::addColumn<bool>("effective");
    QTest::addColumn<QString>("mentor");
    QTest::addColumn<QString>("coordinator");
    QTest::addColumn<int>("expected"); // -1: accepted, else an ErrorCode
    QTest::addColumn<QString>("field");

    const QStringList push{QStringLiteral("push")};
    const auto ok = -1;
    const auto invalid = int(ErrorCode::Invalid);
    const auto unprocessable = int(ErrorCode::Unprocessable);
    QStringList twenty;
    for (int i = 1; i <= 20; ++i)
        twenty << QStringLiteral("dispatch-%1").arg(i);
    const QStringList twentyOne = twenty + QStringList{QStringLiteral("dispatch-21")};

    QTest::newRow("valid") << push << 20 << -1 << QStringList() << true << kMentorA1 << kCoordA1 << ok
                           << QString();
    QTest::newRow("all four channels")
        << QStringList{QStringLiteral("push"), QStringLiteral("in_app"), QStringLiteral("email"),
                       QStringLiteral("sms")}
        << -1 << -1 << QStringList() << true << kMentorA1 << kCoordA1 << ok << QString();
    QTest::newRow("no channels") << QStringList() << -1 << -1 << QStringList() << true << kMentorA1
                                 << kCoordA1 << invalid << QStringLiteral("channels_notified");
    QTest::newRow("duplicate channel")
        << QStringList{QStringLiteral("push"), QStringLiteral("sms"), QStringLiteral("push")} << -1 << -1
        << QStringList() << true << kMentorA1 << kCoordA1 << invalid << QStringLiteral("channels_notified");
    QTest::newRow("unknown channel") << QStringList{QStringLiteral("push"), QStringLiteral("fax")} << -1 << -1
                                     << QStringList() << true << kMentorA1 << kCoordA1 << invalid
                                     << QStringLiteral("channels_notified");
    QTest::newRow("channel in the wrong case")
        << QStringList{QStringLiteral("Push")} << -1 << -1 << QStringList() << true << kMentorA1 << kCoordA1
        << invalid << QStringLiteral("channels_notified");
    QTest::newRow("empty channel name")
        << QStringList{QString()} << -1 << -1 << QStringList() << true << kMentorA1 << kCoordA1 << invalid
        << QStringLiteral("channels_notified");
    QTest::newRow("reason of 500") << push << 500 << -1 << QStringList() << true << kMentorA1 << kCoordA1
                                   << ok << QString();
    QTest::newRow("reason of 501") << push << 501 << -1 << QStringList() << true << kMentorA1 << kCoordA1
                                   << invalid << QStringLiteral("reason");
    QTest::newRow("notes of 2000") << push << -1 << 2000 << QStringList() << true << kMentorA1 << kCoordA1
                                   << ok << QString();
    QTest::newRow("notes of 2001") << push << -1 << 2001 << QStringList() << true << kMentorA1 << kCoordA1
                                   << invalid << QStringLiteral("notes");
    QTest::newRow("20 dispatch ids") << push << -1 << -1 << twenty << true << kMentorA1 << kCoordA1 << ok
                                     << QString();
    QTest::newRow("21 dispatch ids") << push << -1 << -1 << twentyOne << true << kMentorA1 << kCoordA1
                                     << invalid << QStringLiteral("dispatch_ids");
    QTest::newRow("empty dispatch id")
        << push << -1 << -1 << QStringList{QStringLiteral("fcm-1"), QString()} << true << kMentorA1
        << kCoordA1 << invalid << QStringLiteral("dispatch_ids");
    QTest::newRow("blank dispatch id") << push << -1 << -1 << QStringList{QStringLiteral("  ")} << true
                                       << kMentorA1 << kCoordA1 << invalid << QStringLiteral("dispatch_ids");
    QTest::newRow("dispatch id of 128") << push << -1 << -1 << QStringList{QString(128, QLatin1Char('d'))}
                                        << true << kMentorA1 << kCoordA1 << ok << QString();
    QTest::newRow("dispatch id of 129")
        << push << -1 << -1 << QStringList{QString(129, QLatin1Char('d'))} << true << kMentorA1 << kCoordA1
        << invalid << QStringLiteral("dispatch_ids");
    QTest::newRow("no effective date") << push << -1 << -1 << QStringList() << false << kMentorA1 << kCoordA1
                                       << invalid << QStringLiteral("effective_date");
    QTest::newRow("no peer mentor") << push << -1 << -1 << QStringList() << true << QString() << kCoordA1
                                    << invalid << QStringLiteral("peer_mentor_id");
    QTest::newRow("no coordinator") << push << -1 << -1 << QStringList() << true << kMentorA1 << QString()
                                    << invalid << QStringLiteral("coordinator_id");
    QTest::newRow("unknown peer mentor")
        << push << -1 << -1 << QStringList() << true << QStringLiteral("pm-nobody") << kCoordA1
        << unprocessable << QStringLiteral("peer_mentor_id");
    QTest::newRow("unknown coordinator")
        << push << -1 << -1 << QStringList() << true << kMentorA1 << QStringLiteral("coord-nobody")
        << unprocessable << QStringLiteral("coordinator_id");
    QTest::newRow("coordinator of another organisation")
        << push << -1 << -1 << QStringList() << true << kMentorA1 << kCoordB1 << unprocessable
        << QStringLiteral("coordinator_id");
    QTest::newRow("peer mentor of another organisation")
        << push << -1 << -1 << QStringList() << true << kMentorB1 << kCoordB1 << unprocessable
        << QStringLiteral("peer_mentor_id");
}

void TestNotificationRecordService::validation()
{
    QFETCH(QStringList, channels);
    QFETCH(int, reasonLength);
    QFETCH(int, notesLength);
    QFETCH(QStringList, dispatchIds);
    QFETCH(bool, effective);
    QFETCH(QString, mentor);
    QFETCH(QString, coordinator);
    QFETCH(int, expected);
    QFETCH(QString, field);

    NewRecord input = newRecord(mentor, coordinator);
    input.channels = channels;
    input.reason =
        reasonLength < 0 ? std::nullopt : std::optional<QString>(QString(reasonLength, QLatin1Char('r')));
    input.notes =
        notesLength < 0 ? std::nullopt : std::optional<QString>(QString(notesLength, QLatin1Char('n')));
    input.dispatchIds = dispatchIds;
    if (!effective)
        input.effectiveDate = QDateTime();

    QSignalSpy added(m_service.get(), &NotificationRecordService::recordAdded);
    const auto result = m_service->record(callerFor(Who::OrgAdminA), input);
    const qint64 stored = m_service->count(callerFor(Who::GlobalAdmin), {}).value();
    if (expected < 0) {
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(describe(result.error())));
        QCOMPARE(stored, 1);
        QCOMPARE(added.count(), 1);
        QCOMPARE(result->channels, channels);
        QCOMPARE(result->dispatchIds, dispatchIds);
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().code), expected);
    QVERIFY2(namesField(result.error(), field), qPrintable(describe(result.error())));
    QVERIFY2(result.error().message.contains(field), qPrintable(result.error().message));
    // Nothing is stored, nothing is announced, nothing is audited.
    QCOMPARE(stored, 0);
    QCOMPARE(added.count(), 0);
    AuditLog audit(m_database->db(), *m_clock);
    const auto entries = audit.list(Caller::system(), {1, 100});
    QVERIFY(entries.ok());
    for (const AuditEntry &e : entries->items)
        QVERIFY(e.action != QLatin1String("record.create"));
}

// ---- organisations ----------------------------------------------------------------------------

void TestNotificationRecordService::isolation_data()
{
    QTest::addColumn<Who>("who");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<ErrorCode>("expected");
    QTest::addColumn<QString>("field");

    for (Who who : {Who::CoordinatorB, Who::OrgAdminB}) {
        const char *name = who == Who::CoordinatorB ? "coordinator of B" : "org admin of B";
        QTest::addRow("%s: GET A's record", name)
            << who << QStringLiteral("get") << ErrorCode::NotFound << QString();
        QTest::addRow("%s: profile of A's mentor", name)
            << who << QStringLiteral("profile") << ErrorCode::NotFound << QString();
        QTest::addRow("%s: history of A's mentor", name)
            << who << QStringLiteral("history") << ErrorCode::NotFound << QString();
        QTest::addRow("%s: POST for A's mentor and coordinator", name)
            << who << QStringLiteral("post A/A") << ErrorCode::Unprocessable
            << QStringLiteral("peer_mentor_id");
        QTest::addRow("%s: POST for A's mentor with B's coordinator", name)
            << who << QStringLiteral("post A/B") << ErrorCode::Unprocessable
            << QStringLiteral("peer_mentor_id");
        QTest::addRow("%s: POST for B's mentor with A's coordinator", name)
            << who << QStringLiteral("post B/A") << ErrorCode::Unprocessable
            << QStringLiteral("coordinator_id");
    }
    QTest::newRow("org admin of B: PUT A's record")
        << Who::OrgAdminB << QStringLiteral("put") << ErrorCode::NotFound << QString();
    QTest::newRow("org admin of B: PUT A's record with If-Match")
        << Who::OrgAdminB << QStringLiteral("put if-match") << ErrorCode::NotFound << QString();
    QTest::newRow("org admin of A: POST for B's mentor")
        << Who::OrgAdminA << QStringLiteral("post B/B") << ErrorCode::Unprocessable
        << QStringLiteral("peer_mentor_id");
}

void TestNotificationRecordService::isolation()
{
    QFETCH(Who, who);
    QFETCH(QString, operation);
    QFETCH(ErrorCode, expected);
    QFETCH(QString, field);

    NotificationRecord recordA;
    QVERIFY(
        add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, day(-1)), &recordA));
    NotificationRecord recordB;
    QVERIFY(
        add(Who::OrgAdminB, newRecord(kMentorB1, kCoordB1, EventType::PauseActivated, day(-1)), &recordB));
    const Caller caller = callerFor(who);
    const Caller global = callerFor(Who::GlobalAdmin);

    Error error;
    bool failed = false;
    const auto check = [&](const auto &result) {
        failed = !result.ok();
        if (failed)
            error = result.error();
    };
    if (operation == QLatin1String("get")) {
        check(m_service->get(caller, recordA.id));
    } else if (operation == QLatin1String("profile")) {
        check(m_service->profile(caller, kMentorA1));
    } else if (operation == QLatin1String("history")) {
        check(m_service->history(caller, kMentorA1));
    } else if (operation.startsWith(QLatin1String("post"))) {
        const QString mentor = operation.at(5) == QLatin1Char('A') ? kMentorA1 : kMentorB1;
        const QString coordinator = operation.at(7) == QLatin1Char('A') ? kCoordA1 : kCoordB1;
        check(m_service->record(caller, newRecord(mentor, coordinator)));
        QCOMPARE(m_service->count(global, {}).value(), 2);
    } else if (operation.startsWith(QLatin1String("put"))) {
        RecordUpdate change;
        change.notes = std::optional<QString>(QStringLiteral("changed by B"));
        const QString ifMatch = operation.endsWith(QLatin1String("if-match"))
            ? NotificationRecordService::etag(recordA)
            : QString();
        check(m_service->update(caller, recordA.id, change, ifMatch));
        QVERIFY(!m_service->get(global, recordA.id)->notes.has_value());
    } else {
        QFAIL("unknown operation");
    }
    QVERIFY(failed);
    QCOMPARE(error.code, expected);
    if (!field.isEmpty())
        QVERIFY2(namesField(error, field), qPrintable(describe(error)));
    // Nothing of A's shows through the message.
    QVERIFY2(!error.message.contains(QLatin1String("Åse")), qPrintable(error.message));
    QVERIFY2(!error.message.contains(kOrgA), qPrintable(error.message));
}

void TestNotificationRecordService::otherOrganisationLooksLikeNothing()
{
    // Another organisation's id answers exactly like an id that does not exist.
    NotificationRecord recordA;
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1), &recordA));
    const Caller b = callerFor(Who::OrgAdminB);

    const auto foreign = m_service->get(b, recordA.id);
    const auto missing = m_service->get(b, QStringLiteral("nr_000000000000"));
    QVERIFY(!foreign.ok() && !missing.ok());
    QCOMPARE(foreign.error().code, missing.error().code);
    QCOMPARE(foreign.error().message, missing.error().message);
    QCOMPARE(foreign.error().fields, missing.error().fields);

    const auto foreignMentor = m_service->profile(b, kMentorA1);
    const auto missingMentor = m_service->profile(b, QStringLiteral("pm-nobody"));
    QVERIFY(!foreignMentor.ok() && !missingMentor.ok());
    QCOMPARE(foreignMentor.error().code, missingMentor.error().code);
    QCOMPARE(foreignMentor.error().message, missingMentor.error().message);

    const auto foreignPost = m_service->record(b, newRecord(kMentorA1, kCoordB1));
    const auto missingPost = m_service->record(b, newRecord(QStringLiteral("pm-nobody"), kCoordB1));
    QVERIFY(!foreignPost.ok() && !missingPost.ok());
    QCOMPARE(foreignPost.error().code, missingPost.error().code);
    QCOMPARE(foreignPost.error().message, missingPost.error().message);
    QCOMPARE(foreignPost.error().fields, missingPost.error().fields);

    RecordUpdate change;
    change.channels = QStringList{QStringLiteral("email")};
    const auto foreignPut = m_service->update(b, recordA.id, change);
    const auto missingPut = m_service->update(b, QStringLiteral("nr_000000000000"), change);
    QVERIFY(!foreignPut.ok() && !missingPut.ok());
    QCOMPARE(foreignPut.error().code, ErrorCode::NotFound);
    QCOMPARE(foreignPut.error().message, missingPut.error().message);
}

void TestNotificationRecordService::listNeverShowsOtherOrganisations()
{
    QStringList idsA;
    QStringList idsB;
    for (int i = 0; i < 3; ++i) {
        NotificationRecord r;
        QVERIFY(add(Who::OrgAdminA, newRecord(i % 2 ? kMentorA2 : kMentorA1, kCoordA1), &r));
        idsA << r.id;
        m_clock->advance(kMinute);
        QVERIFY(add(Who::CoordinatorB, newRecord(kMentorB1, kCoordB1), &r));
        idsB << r.id;
        m_clock->advance(kMinute);
    }
    std::reverse(idsA.begin(), idsA.end());
    std::reverse(idsB.begin(), idsB.end());

    for (Who who : {Who::CoordinatorB, Who::OrgAdminB}) {
        const Caller b = callerFor(who);
        auto page = m_service->list(b, {}, {});
        QVERIFY(page.ok());
        QCOMPARE(idsOf(page->items), idsB);
        QCOMPARE(page->total, 3);

        // Filters naming A's things find nothing; they never widen the scope.
        RecordFilter filter;
        filter.peerMentorId = kMentorA1;
        QCOMPARE(m_service->list(b, filter, {})->total, 0);
        QVERIFY(m_service->list(b, filter, {})->items.isEmpty());
        filter = {};
        filter.coordinatorId = kCoordA1;
        QCOMPARE(m_service->list(b, filter, {})->total, 0);
        filter = {};
        filter.orgId = kOrgA;
        page = m_service->list(b, filter, {});
        QCOMPARE(idsOf(page->items), idsB);
        QCOMPARE(m_service->count(b, filter).value(), 3);
        QCOMPARE(idsOf(m_service->window(b, filter, 0, 100).value()), idsB);
        QCOMPARE(idsOf(m_service->windowAfter(b, filter, std::nullopt, 100).value()), idsB);
    }
    for (Who who : {Who::CoordinatorA, Who::OrgAdminA}) {
        const auto page = m_service->list(callerFor(who), {}, {});
        QCOMPARE(idsOf(page->items), idsA);
        QCOMPARE(page->total, 3);
    }
}

void TestNotificationRecordService::callerWithoutOrganisationSeesNothing()
{
    // A caller that is not a global admin but lacks an organisation (a broken user row) must not
    // see every organisation's records: get() already says NotFound, and list() must agree.
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1)));
    QVERIFY(add(Who::OrgAdminB, newRecord(kMentorB1, kCoordB1)));
    for (Role role : {Role::Coordinator, Role::OrgAdmin}) {
        Caller orphan{QStringLiteral("user-orphan"), QStringLiteral("orphan"), role, QString(), QString()};
        const auto page = m_service->list(orphan, {}, {});
        QVERIFY(page.ok());
        QVERIFY(page->items.isEmpty());
        QCOMPARE(page->total, 0);
        QCOMPARE(m_service->count(orphan, {}).value(), 0);
        QVERIFY(m_service->window(orphan, {}, 0, 100)->isEmpty());
        QVERIFY(m_service->windowAfter(orphan, {}, std::nullopt, 100)->isEmpty());
        QCOMPARE(m_service->profile(orphan, kMentorA1).error().code, ErrorCode::NotFound);
    }
}

void TestNotificationRecordService::globalAdminSeesAll()
{
    NotificationRecord a;
    NotificationRecord b;
    QVERIFY(add(Who::CoordinatorA, newRecord(kMentorA1, kCoordA1), &a));
    m_clock->advance(kMinute);
    QVERIFY(add(Who::CoordinatorB, newRecord(kMentorB1, kCoordB1), &b));
    const Caller global = callerFor(Who::GlobalAdmin);

    const auto all = m_service->list(global, {}, {});
    QVERIFY(all.ok());
    QCOMPARE(idsOf(all->items), (QStringList{b.id, a.id}));
    QCOMPARE(all->total, 2);
    QCOMPARE(m_service->get(global, a.id)->orgId, kOrgA);
    QCOMPARE(m_service->get(global, b.id)->orgId, kOrgB);
    QVERIFY(m_service->profile(global, kMentorB1).ok());
    QCOMPARE(idsOf(m_service->history(global, kMentorA1)->events), QStringList{a.id});

    // orgId narrows a global admin's view.
    RecordFilter filter;
    filter.orgId = kOrgB;
    QCOMPARE(idsOf(m_service->list(global, filter, {})->items), QStringList{b.id});
    QCOMPARE(m_service->count(global, filter).value(), 1);
}

// ---- lists ------------------------------------------------------------------------------------

void TestNotificationRecordService::listPagination()
{
    QStringList newestFirst;
    for (int i = 0; i < 25; ++i) {
        NotificationRecord r;
        QVERIFY(add(Who::OrgAdminA, newRecord(i % 3 ? kMentorA1 : kMentorA2, kCoordA1), &r));
        newestFirst.prepend(r.id);
        m_clock->advance(1000);
    }
    const Caller caller = callerFor(Who::CoordinatorA);

    const auto defaults = m_service->list(caller, {}, {});
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->page, 1);
    QCOMPARE(defaults->limit, 20);
    QCOMPARE(defaults->total, 25);
    QCOMPARE(idsOf(defaults->items), newestFirst.mid(0, 20));

    const struct
    {
        int page;
        int limit;
        int from;
        int size;
    } pages[] = {{1, 10, 0, 10}, {2, 10, 10, 10}, {3, 10, 20, 5}, {4, 10, 0, 0},    {1, 100, 0, 25},
                 {25, 1, 24, 1}, {26, 1, 0, 0},   {2, 24, 24, 1}, {1000, 100, 0, 0}};
    for (const auto &p : pages) {
        const auto page = m_service->list(caller, {}, {p.page, p.limit});
        QVERIFY(page.ok());
        QCOMPARE(page->page, p.page);
        QCOMPARE(page->limit, p.limit);
        QCOMPARE(page->total, 25); // the total is of the whole list, not of the page
        QCOMPARE(idsOf(page->items), p.size ? newestFirst.mid(p.from, p.size) : QStringList());
    }

    // The console's window gives the same slices.
    QCOMPARE(idsOf(m_service->window(caller, {}, 7, 5).value()), newestFirst.mid(7, 5));
    QCOMPARE(idsOf(m_service->window(caller, {}, 22, 50).value()), newestFirst.mid(22));
    QCOMPARE(m_service->count(caller, {}).value(), 25);
}

void TestNotificationRecordService::listPageBounds_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("field"); // empty: accepted

    QTest::newRow("page 1, limit 1") << 1 << 1 << QString();
    QTest::newRow("limit 100") << 1 << 100 << QString();
    QTest::newRow("page 0") << 0 << 20 << QStringLiteral("page");
    QTest::newRow("page -1") << -1 << 20 << QStringLiteral("page");
    QTest::newRow("limit 0") << 1 << 0 << QStringLiteral("limit");
    QTest::newRow("limit -5") << 1 << -5 << QStringLiteral("limit");
    QTest::newRow("limit 101") << 1 << 101 << QStringLiteral("limit");
    QTest::newRow("limit 100000") << 1 << 100000 << QStringLiteral("limit");
}

void TestNotificationRecordService::listPageBounds()
{
    QFETCH(int, page);
    QFETCH(int, limit);
    QFETCH(QString, field);

    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1)));
    const auto result = m_service->list(callerFor(Who::OrgAdminA), {}, {page, limit});
    QCOMPARE(NotificationRecordService::validatePage({page, limit}).ok(), field.isEmpty());
    if (field.isEmpty()) {
        QVERIFY(result.ok());
        QCOMPARE(result->items.size(), 1);
        QCOMPARE(result->limit, limit);
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Invalid); // never a silent clamp
    QVERIFY2(namesField(result.error(), field), qPrintable(describe(result.error())));
    QVERIFY(result.error().message.contains(field));
}

void TestNotificationRecordService::listOrderNewestFirstTiesById()
{
    // Three records in the same millisecond between older and newer ones.
    QList<NotificationRecord> all;
    NotificationRecord r;
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1), &r));
    all << r;
    m_clock->advance(1);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA2, kCoordA2), &r));
        all << r;
    }
    m_clock->advance(kHour);
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA2), &r));
    all << r;

    QList<NotificationRecord> expected = all;
    std::sort(expected.begin(), expected.end(), [](const NotificationRecord &a, const NotificationRecord &b) {
        return a.sentAt != b.sentAt ? a.sentAt > b.sentAt : a.id > b.id;
    });
    QCOMPARE(expected.first().id, all.last().id);
    QCOMPARE(expected.last().id, all.first().id);

    const auto page = m_service->list(callerFor(Who::OrgAdminA), {}, {});
    QVERIFY(page.ok());
    QCOMPARE(idsOf(page->items), idsOf(expected));
    // Paging through the ties one by one gives the same order: no row twice, none lost.
    QStringList paged;
    for (int p = 1; p <= 5; ++p)
        paged << idsOf(m_service->list(callerFor(Who::OrgAdminA), {}, {p, 1})->items);
    QCOMPARE(paged, idsOf(expected));
    // So do keyset pages, which start after the (sent_at, id) of the last row: through the ties too.
    for (RecordOrder order : {RecordOrder::NewestFirst, RecordOrder::OldestFirst}) {
        QStringList keyed;
        std::optional<RecordKey> after;
        for (int p = 0; p < 6; ++p) {
            const auto window = m_service->windowAfter(callerFor(Who::OrgAdminA), {}, after, 1, order);
            QVERIFY(window.ok());
            if (window->isEmpty())
                break;
            keyed << window->constFirst().id;
            after = NotificationRecordService::keyOf(window->constFirst());
        }
        QStringList want = idsOf(expected);
        if (order == RecordOrder::OldestFirst)
            std::reverse(want.begin(), want.end());
        QCOMPARE(keyed, want);
    }
}

void TestNotificationRecordService::listFilters_data()
{
    QTest::addColumn<Who>("who");
    QTest::addColumn<QString>("mentor");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("coordinator");
    QTest::addColumn<qint64>("from"); // ms after the first record; -1: none
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QString>("org");
    QTest::addColumn<QStringList>("expected");

    // r1 A1/c-a1 pause at 0 h, r2 A1/c-a1 resume at 1 h, r3 A2/c-a2 pause at 2 h,
    // r4 A2/c-a1 resume at 3 h, r5 B1/c-b1 pause at 4 h.
    const auto names = [](const char *text) { return QString::fromLatin1(text).split(QLatin1Char(' ')); };
    const QString none;
    QTest::newRow("none") << Who::OrgAdminA << none << none << none << -1LL << -1LL << none
                          << names("r4 r3 r2 r1");
    QTest::newRow("peer_mentor_id") << Who::CoordinatorA << kMentorA1 << none << none << -1LL << -1LL << none
                                    << names("r2 r1");
    QTest::newRow("event_type pause") << Who::OrgAdminA << none << QStringLiteral("pause_activated") << none
                                      << -1LL << -1LL << none << names("r3 r1");
    QTest::newRow("event_type resume") << Who::OrgAdminA << none << QStringLiteral("pause_deactivated")
                                       << none << -1LL << -1LL << none << names("r4 r2");
    QTest::newRow("coordinator_id") << Who::OrgAdminA << none << none << kCoordA1 << -1LL << -1LL << none
                                    << names("r4 r2 r1");
    QTest::newRow("from is inclusive")
        << Who::OrgAdminA << none << none << none << kHour << -1LL << none << names("r4 r3 r2");
    QTest::newRow("from 1 ms later") << Who::OrgAdminA << none << none << none << kHour + 1 << -1LL << none
                                     << names("r4 r3");
    QTest::newRow("to is inclusive") << Who::OrgAdminA << none << none << none << -1LL << 2 * kHour << none
                                     << names("r3 r2 r1");
    QTest::newRow("to 1 ms earlier") << Who::OrgAdminA << none << none << none << -1LL << 2 * kHour - 1
                                     << none << names("r2 r1");
    QTest::newRow("from and to") << Who::OrgAdminA << none << none << none << kHour << 2 * kHour << none
                                 << names("r3 r2");
    QTest::newRow("from equals to") << Who::OrgAdminA << none << none << none << 2 * kHour << 2 * kHour
                                    << none << names("r3");
    QTest::newRow("a range with nothing")
        << Who::OrgAdminA << none << none << none << 5 * kHour << 6 * kHour << none << QStringList();
    QTest::newRow("mentor and event") << Who::OrgAdminA << kMentorA1 << QStringLiteral("pause_deactivated")
                                      << none << -1LL << -1LL << none << names("r2");
    QTest::newRow("coordinator and range")
        << Who::OrgAdminA << none << none << kCoordA1 << kHour << 3 * kHour << none << names("r4 r2");
    QTest::newRow("global: none") << Who::GlobalAdmin << none << none << none << -1LL << -1LL << none
                                  << names("r5 r4 r3 r2 r1");
    QTest::newRow("global: organisation")
        << Who::GlobalAdmin << none << none << none << -1LL << -1LL << kOrgB << names("r5");
    QTest::newRow("global: mentor of B")
        << Who::GlobalAdmin << kMentorB1 << none << none << -1LL << -1LL << none << names("r5");
    QTest::newRow("global: pauses") << Who::GlobalAdmin << none << QStringLiteral("pause_activated") << none
                                    << -1LL << -1LL << none << names("r5 r3 r1");
    QTest::newRow("B: pauses") << Who::CoordinatorB << none << QStringLiteral("pause_activated") << none
                               << -1LL << -1LL << none << names("r5");
}

void TestNotificationRecordService::listFilters()
{
    QFETCH(Who, who);
    QFETCH(QString, mentor);
    QFETCH(QString, event);
    QFETCH(QString, coordinator);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QString, org);
    QFETCH(QStringList, expected);

    const QDateTime start = m_clock->now();
    QHash<QString, QString> nameOfId;
    const struct
    {
        const char *name;
        Who who;
        QString mentor;
        QString coordinator;
        EventType type;
    } records[] = {
        {"r1", Who::OrgAdminA, kMentorA1, kCoordA1, EventType::PauseActivated},
        {"r2", Who::CoordinatorA, kMentorA1, kCoordA1, EventType::PauseDeactivated},
        {"r3", Who::OrgAdminA, kMentorA2, kCoordA2, EventType::PauseActivated},
        {"r4", Who::OrgAdminA, kMentorA2, kCoordA1, EventType::PauseDeactivated},
        {"r5", Who::OrgAdminB, kMentorB1, kCoordB1, EventType::PauseActivated},
    };
    for (const auto &spec : records) {
        NotificationRecord r;
        QVERIFY(add(spec.who, newRecord(spec.mentor, spec.coordinator, spec.type), &r));
        nameOfId.insert(r.id, QString::fromLatin1(spec.name));
        m_clock->advance(kHour);
    }

    RecordFilter filter;
    filter.peerMentorId = mentor;
    filter.coordinatorId = coordinator;
    if (!event.isEmpty())
        filter.eventType = eventTypeFromName(event);
    // Given with an offset, as a client may send it: the same moment.
    if (from >= 0)
        filter.from = start.addMSecs(from).toOffsetFromUtc(2 * 3600);
    if (to >= 0)
        filter.to = start.addMSecs(to);
    filter.orgId = org;

    const auto page = m_service->list(callerFor(who), filter, {});
    QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(describe(page.error())));
    QStringList got;
    for (const NotificationRecord &r : page->items)
        got << nameOfId.value(r.id);
    QCOMPARE(got, expected);
    QCOMPARE(page->total, expected.size());
    QCOMPARE(m_service->count(callerFor(who), filter).value(), expected.size());

    // Keyset pages of every size, newest and oldest first, give the same rows in the same order.
    QStringList oldestFirst = expected;
    std::reverse(oldestFirst.begin(), oldestFirst.end());
    for (RecordOrder order : {RecordOrder::NewestFirst, RecordOrder::OldestFirst}) {
        for (int limit : {1, 2, 100}) {
            QStringList paged;
            std::optional<RecordKey> after;
            for (int pages = 0; pages < 10; ++pages) {
                const auto window = m_service->windowAfter(callerFor(who), filter, after, limit, order);
                QVERIFY2(window.ok(), window.ok() ? "" : qPrintable(describe(window.error())));
                for (const NotificationRecord &r : *window)
                    paged << nameOfId.value(r.id);
                if (window->size() < limit)
                    break;
                after = NotificationRecordService::keyOf(window->constLast());
            }
            QCOMPARE(paged, order == RecordOrder::NewestFirst ? expected : oldestFirst);
        }
    }
}

void TestNotificationRecordService::listFromAfterToRefused()
{
    RecordFilter filter;
    filter.from = test::testNow();
    filter.to = test::testNow().addMSecs(-1);
    const auto page = m_service->list(callerFor(Who::OrgAdminA), filter, {});
    QVERIFY(!page.ok());
    QCOMPARE(page.error().code, ErrorCode::Invalid);
    QVERIFY2(namesField(page.error(), QStringLiteral("from")), qPrintable(describe(page.error())));
    const auto window = m_service->window(callerFor(Who::OrgAdminA), filter, 0, 10);
    QVERIFY(!window.ok());
    QCOMPARE(window.error().code, ErrorCode::Invalid);
    const auto keyed = m_service->windowAfter(callerFor(Who::OrgAdminA), filter, std::nullopt, 10);
    QVERIFY(!keyed.ok());
    QCOMPARE(keyed.error().code, ErrorCode::Invalid);
    // A key without its id is no place in the list.
    const auto keyless =
        m_service->windowAfter(callerFor(Who::OrgAdminA), {}, RecordKey{test::testNow(), QString()}, 10);
    QVERIFY(!keyless.ok());
    QCOMPARE(keyless.error().code, ErrorCode::Invalid);
}

// ---- update -----------------------------------------------------------------------------------

// Totals of lists filtered by organisation, coordinator and event type are read from counts kept
// on every insert and delete; they must equal what counting the rows gives.
void TestNotificationRecordService::keptCountsMatchCounting()
{
    const Caller global = callerFor(Who::GlobalAdmin);
    QList<NotificationRecord> made;
    const QList<std::tuple<Who, QString, QString, EventType>> inputs{
        {Who::CoordinatorA, kMentorA1, kCoordA1, EventType::PauseActivated},
        {Who::CoordinatorA, kMentorA1, kCoordA1, EventType::PauseDeactivated},
        {Who::CoordinatorA, kMentorA2, kCoordA2, EventType::PauseActivated},
        {Who::OrgAdminA, kMentorA2, kCoordA1, EventType::PauseActivated},
        {Who::OrgAdminB, kMentorB1, kCoordB1, EventType::PauseDeactivated}};
    for (const auto &[who, mentor, coordinator, event] : inputs) {
        NotificationRecord r;
        QVERIFY(add(who, newRecord(mentor, coordinator, event, day(-1)), &r));
        made << r;
        m_clock->advance(kMinute);
    }
    QVERIFY(m_service->remove(global, made.at(3).id).ok());

    auto countRows = [this](const QString &where) {
        Query q(m_database->db(), QStringLiteral("SELECT COUNT(*) FROM notification_records") + where);
        return q.exec().ok() && q.next() ? q.value(0).toLongLong() : -1;
    };
    struct Case
    {
        RecordFilter filter;
        QString where;
    };
    RecordFilter byCoordinator;
    byCoordinator.coordinatorId = kCoordA1;
    RecordFilter byEvent;
    byEvent.eventType = EventType::PauseActivated;
    RecordFilter byBoth = byCoordinator;
    byBoth.eventType = EventType::PauseDeactivated;
    RecordFilter byOrg;
    byOrg.orgId = kOrgB;
    const QList<Case> cases{
        {{}, {}},
        {byCoordinator, QStringLiteral(" WHERE coordinator_id = 'coord_a1'")},
        {byEvent, QStringLiteral(" WHERE event_type = 'pause_activated'")},
        {byBoth, QStringLiteral(" WHERE coordinator_id = 'coord_a1' AND event_type = 'pause_deactivated'")},
        {byOrg, QStringLiteral(" WHERE org_id = 'org_b'")}};
    for (const Case &c : cases) {
        const auto kept = m_service->count(global, c.filter);
        QVERIFY(kept.ok());
        QCOMPARE(*kept, countRows(c.where));
    }
    // An organisation's own view counts only its records.
    const auto own = m_service->count(callerFor(Who::CoordinatorA), byEvent);
    QVERIFY(own.ok());
    QCOMPARE(*own, countRows(QStringLiteral(" WHERE org_id = 'org_a' AND event_type = 'pause_activated'")));
    QCOMPARE(*own, 2);
}

void TestNotificationRecordService::updateChangesOnlyMetadata()
{
    NewRecord input = newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, day(2));
    input.dispatchIds = {QStringLiteral("fcm-1")};
    input.notes = QStringLiteral("first note");
    NotificationRecord before;
    QVERIFY(add(Who::CoordinatorA, input, &before));

    m_clock->advance(5 * kMinute);
    RecordUpdate change;
    change.channels = QStringList{QStringLiteral("email"), QStringLiteral("sms")};
    const auto updated = m_service->update(callerFor(Who::OrgAdminA), before.id, change);
    QVERIFY2(updated.ok(), updated.ok() ? "" : qPrintable(describe(updated.error())));
    QCOMPARE(updated->channels, *change.channels);
    QCOMPARE(updated->notes, before.notes); // not sent: unchanged
    QCOMPARE(updated->updatedAt, m_clock->now());
    QVERIFY(NotificationRecordService::etag(*updated) != NotificationRecordService::etag(before));

    // What was stored: only channels and updated_at differ.
    const auto after = m_service->get(callerFor(Who::CoordinatorA), before.id);
    QVERIFY(after.ok());
    QCOMPARE(after->channels, *change.channels);
    QCOMPARE(after->notes, before.notes);
    QCOMPARE(after->updatedAt, m_clock->now());
    QCOMPARE(after->id, before.id);
    QCOMPARE(after->orgId, before.orgId);
    QCOMPARE(after->peerMentorId, before.peerMentorId);
    QCOMPARE(after->eventType, before.eventType);
    QCOMPARE(after->effectiveDate, before.effectiveDate);
    QCOMPARE(after->reason, before.reason);
    QCOMPARE(after->coordinatorId, before.coordinatorId);
    QCOMPARE(after->dispatchIds, before.dispatchIds);
    QCOMPARE(after->createdBy, before.createdBy);
    QCOMPARE(after->sentAt, before.sentAt);
    QCOMPARE(NotificationRecordService::etag(*after), NotificationRecordService::etag(*updated));

    // A global admin may change it too.
    m_clock->advance(kMinute);
    RecordUpdate back;
    back.channels = QStringList{QStringLiteral("push")};
    const auto byGlobal = m_service->update(callerFor(Who::GlobalAdmin), before.id, back);
    QVERIFY(byGlobal.ok());
    QCOMPARE(m_service->get(callerFor(Who::OrgAdminA), before.id)->channels,
             QStringList{QStringLiteral("push")});
    QCOMPARE(m_service->get(callerFor(Who::OrgAdminA), before.id)->updatedAt, m_clock->now());
}

void TestNotificationRecordService::updateNotes()
{
    NotificationRecord before;
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1), &before));
    const Caller admin = callerFor(Who::OrgAdminA);

    m_clock->advance(kMinute);
    RecordUpdate setNotes;
    setNotes.notes = std::optional<QString>(QStringLiteral("Mentor asked for SMS — «ok»"));
    auto updated = m_service->update(admin, before.id, setNotes);
    QVERIFY(updated.ok());
    QCOMPARE(updated->notes, std::optional<QString>(QStringLiteral("Mentor asked for SMS — «ok»")));
    QCOMPARE(updated->channels, before.channels); // not sent: unchanged
    QCOMPARE(m_service->get(admin, before.id)->notes, updated->notes);

    m_clock->advance(kMinute);
    RecordUpdate clearNotes;
    clearNotes.notes = std::optional<QString>(); // sent as null
    updated = m_service->update(admin, before.id, clearNotes);
    QVERIFY(updated.ok());
    QVERIFY(!updated->notes.has_value());
    QVERIFY(!m_service->get(admin, before.id)->notes.has_value());

    m_clock->advance(kMinute);
    RecordUpdate both;
    both.channels = QStringList{QStringLiteral("in_app")};
    both.notes = std::optional<QString>(QString(NotificationRecordService::kMaxNotes, QLatin1Char('x')));
    updated = m_service->update(admin, before.id, both);
    QVERIFY(updated.ok());
    QCOMPARE(m_service->get(admin, before.id)->notes->size(), NotificationRecordService::kMaxNotes);
    QCOMPARE(m_service->get(admin, before.id)->channels, QStringList{QStringLiteral("in_app")});
}

void TestNotificationRecordService::updateIfMatch()
{
    NotificationRecord original;
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1), &original));
    const Caller admin = callerFor(Who::OrgAdminA);
    const QString firstEtag = NotificationRecordService::etag(original);
    QVERIFY(firstEtag.startsWith(QLatin1Char('"')) && firstEtag.endsWith(QLatin1Char('"')));

    // The right ETag is accepted.
    m_clock->advance(kMinute);
    RecordUpdate change;
    change.notes = std::optional<QString>(QStringLiteral("one"));
    const auto first = m_service->update(admin, original.id, change, firstEtag);
    QVERIFY(first.ok());
    const QString secondEtag = NotificationRecordService::etag(*first);
    QVERIFY(secondEtag != firstEtag);

    // The old one no longer matches: 412, and nothing changes.
    m_clock->advance(kMinute);
    change.notes = std::optional<QString>(QStringLiteral("two"));
    const auto stale = m_service->update(admin, original.id, change, firstEtag);
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, ErrorCode::PreconditionFailed);
    const auto unchanged = m_service->get(admin, original.id);
    QCOMPARE(unchanged->notes, std::optional<QString>(QStringLiteral("one")));
    QCOMPARE(unchanged->updatedAt, first->updatedAt);
    QCOMPARE(NotificationRecordService::etag(*unchanged), secondEtag);

    // A made-up ETag, and one without quotes, do not match either.
    QCOMPARE(
        m_service->update(admin, original.id, change, QStringLiteral("\"0000000000000000\"")).error().code,
        ErrorCode::PreconditionFailed);
    QString unquoted = secondEtag;
    unquoted.remove(QLatin1Char('"'));
    QCOMPARE(m_service->update(admin, original.id, change, unquoted).error().code,
             ErrorCode::PreconditionFailed);

    // "*" matches any version.
    const auto star = m_service->update(admin, original.id, change, QStringLiteral("*"));
    QVERIFY(star.ok());
    QCOMPARE(m_service->get(admin, original.id)->notes, std::optional<QString>(QStringLiteral("two")));
    // "*" on a record that does not exist is still NotFound.
    QCOMPARE(
        m_service->update(admin, QStringLiteral("nr_000000000000"), change, QStringLiteral("*")).error().code,
        ErrorCode::NotFound);
}

void TestNotificationRecordService::updateWithinTheSameMillisecond()
{
    // Two changes while the clock stands still are still two versions with two ETags.
    NotificationRecord original;
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1), &original));
    const Caller admin = callerFor(Who::OrgAdminA);
    RecordUpdate change;
    change.notes = std::optional<QString>(QStringLiteral("same"));
    const auto first = m_service->update(admin, original.id, change);
    const auto second = m_service->update(admin, original.id, change);
    QVERIFY(first.ok() && second.ok());
    QVERIFY(first->updatedAt > original.updatedAt);
    QVERIFY(second->updatedAt > first->updatedAt);
    QVERIFY(NotificationRecordService::etag(*first) != NotificationRecordService::etag(*second));
    QCOMPARE(
        m_service->update(admin, original.id, change, NotificationRecordService::etag(*first)).error().code,
        ErrorCode::PreconditionFailed);
}

void TestNotificationRecordService::updateRefused_data()
{
    QTest::addColumn<bool>("sendChannels");
    QTest::addColumn<QStringList>("channels");
    QTest::addColumn<int>("notesLength"); // -1: not sent
    QTest::addColumn<QString>("id");      // empty: the record's
    QTest::addColumn<ErrorCode>("expected");
    QTest::addColumn<QString>("field");

    QTest::newRow("nothing to change")
        << false << QStringList() << -1 << QString() << ErrorCode::Invalid << QString();
    QTest::newRow("no channels") << true << QStringList() << -1 << QString() << ErrorCode::Invalid
                                 << QStringLiteral("channels_notified");
    QTest::newRow("unknown channel") << true << QStringList{QStringLiteral("pigeon")} << -1 << QString()
                                     << ErrorCode::Invalid << QStringLiteral("channels_notified");
    QTest::newRow("duplicate channel")
        << true << QStringList{QStringLiteral("sms"), QStringLiteral("sms")} << -1 << QString()
        << ErrorCode::Invalid << QStringLiteral("channels_notified");
    QTest::newRow("notes of 2001") << false << QStringList() << 2001 << QString() << ErrorCode::Invalid
                                   << QStringLiteral("notes");
    QTest::newRow("unknown id") << true << QStringList{QStringLiteral("sms")} << -1
                                << QStringLiteral("nr_000000000000") << ErrorCode::NotFound << QString();
}

void TestNotificationRecordService::updateRefused()
{
    QFETCH(bool, sendChannels);
    QFETCH(QStringList, channels);
    QFETCH(int, notesLength);
    QFETCH(QString, id);
    QFETCH(ErrorCode, expected);
    QFETCH(QString, field);

    NotificationRecord original;
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1), &original));
    RecordUpdate change;
    if (sendChannels)
        change.channels = channels;
    if (notesLength >= 0)
        change.notes = std::optional<QString>(QString(notesLength, QLatin1Char('n')));
    QSignalSpy changed(m_service.get(), &NotificationRecordService::recordChanged);
    m_clock->advance(kMinute);
    const auto result = m_service->update(callerFor(Who::OrgAdminA), id.isEmpty() ? original.id : id, change);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, expected);
    if (!field.isEmpty())
        QVERIFY2(namesField(result.error(), field), qPrintable(describe(result.error())));
    QCOMPARE(changed.count(), 0);
    const auto stored = m_service->get(callerFor(Who::OrgAdminA), original.id);
    QCOMPARE(stored->channels, original.channels);
    QCOMPARE(stored->updatedAt, original.updatedAt);
}

void TestNotificationRecordService::concurrentUpdateHonoursIfMatch()
{
    // Another writer changes the record while a PUT with the old ETag is under way: the PUT must
    // wait for it and answer 412, not overwrite the other change.
    NotificationRecord original;
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1), &original));
    const QString staleEtag = NotificationRecordService::etag(original);
    Database &db = m_database->db();

    Transaction other(db);
    QVERIFY(other.begun().ok());
    Query change(
        db,
        QStringLiteral("UPDATE notification_records SET notes = :notes, updated_at = :at WHERE id = :id"));
    change.bind(QStringLiteral(":notes"), QStringLiteral("the other writer"));
    change.bind(QStringLiteral(":at"), timeValue(test::testNow().addMSecs(kMinute)));
    change.bind(QStringLiteral(":id"), original.id);
    QVERIFY(change.exec().ok());

    std::optional<Result<NotificationRecord>> result;
    std::unique_ptr<QThread> put(QThread::create([&] {
        RecordUpdate mine;
        mine.notes = std::optional<QString>(QStringLiteral("the PUT"));
        result.emplace(m_service->update(callerFor(Who::OrgAdminA), original.id, mine, staleEtag));
        db.closeThreadConnection();
    }));
    put->start();
    QVERIFY(!put->wait(500)); // it waits for the other writer
    QVERIFY(other.commit().ok());
    QVERIFY(put->wait(30000));

    QVERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, ErrorCode::PreconditionFailed);
    QCOMPARE(m_service->get(callerFor(Who::OrgAdminA), original.id)->notes,
             std::optional<QString>(QStringLiteral("the other writer")));
}

// ---- delete -----------------------------------------------------------------------------------

void TestNotificationRecordService::removeTwice()
{
    NotificationRecord keep;
    NotificationRecord gone;
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1), &keep));
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1), &gone));
    const Caller global = callerFor(Who::GlobalAdmin);

    m_clock->advance(kHour);
    const auto deleted = m_service->remove(global, gone.id);
    QVERIFY(deleted.ok());
    QCOMPARE(deleted->id, gone.id);
    QCOMPARE(deleted->deletedAt, m_clock->now());

    QCOMPARE(m_service->get(global, gone.id).error().code, ErrorCode::NotFound);
    QCOMPARE(m_service->get(callerFor(Who::OrgAdminA), gone.id).error().code, ErrorCode::NotFound);
    QCOMPARE(idsOf(m_service->list(global, {}, {})->items), QStringList{keep.id});
    QCOMPARE(idsOf(m_service->history(global, kMentorA1)->events), QStringList{keep.id});

    const auto again = m_service->remove(global, gone.id);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::NotFound);
    QCOMPARE(m_service->remove(global, QStringLiteral("nr_000000000000")).error().code, ErrorCode::NotFound);
    QVERIFY(m_service->get(global, keep.id).ok());
}

// ---- current status ----------------------------------------------------------------------------

void TestNotificationRecordService::currentStatus_data()
{
    // Each event is "P" (pause_activated) or "R" (pause_deactivated) and an effective date:
    // "d-2" midnight UTC two days before the test day, "now" the test moment, "now+1" 1 ms after.
    // Events are sent in the order given, one minute apart, before "now".
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("pauseStart"); // empty: null

    const auto events = [](const char *text) {
        return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    const QString active = QStringLiteral("active");
    const QString paused = QStringLiteral("paused");
    QTest::newRow("no records") << QStringList() << active << QString();
    QTest::newRow("pause in the past") << events("P:d-2") << paused << QStringLiteral("d-2");
    QTest::newRow("pause from today") << events("P:d0") << paused << QStringLiteral("d0");
    QTest::newRow("pause effective exactly now") << events("P:now") << paused << QStringLiteral("now");
    QTest::newRow("pause effective 1 ms from now") << events("P:now+1") << active << QString();
    QTest::newRow("pause in the future") << events("P:d+3") << active << QString();
    QTest::newRow("resume alone") << events("R:d-2") << active << QString();
    QTest::newRow("pause then resume") << events("P:d-5 R:d-2") << active << QString();
    QTest::newRow("pause then resume in the future")
        << events("P:d-5 R:d+3") << paused << QStringLiteral("d-5");
    QTest::newRow("resume then pause") << events("R:d-5 P:d-2") << paused << QStringLiteral("d-2");
    QTest::newRow("resume then future pause") << events("R:d-5 P:d+1") << active << QString();
    QTest::newRow("two pauses: the later date counts")
        << events("P:d-5 P:d-2") << paused << QStringLiteral("d-2");
    QTest::newRow("a pause recorded late for an earlier date")
        << events("P:d-2 P:d-6") << paused << QStringLiteral("d-2");
    QTest::newRow("tie on the date: resume sent last") << events("P:d-2 R:d-2") << active << QString();
    QTest::newRow("tie on the date: pause sent last")
        << events("R:d-2 P:d-2") << paused << QStringLiteral("d-2");
    QTest::newRow("tie of three: resume sent last")
        << events("P:d-1 R:d-1 P:d-1 R:d-1") << active << QString();
    QTest::newRow("resume effective before an existing pause")
        << events("P:d-2 R:d-5") << paused << QStringLiteral("d-2");
    QTest::newRow("resume effective before an existing pause, then a new resume")
        << events("P:d-2 R:d-5 R:d-1") << active << QString();
}

void TestNotificationRecordService::currentStatus()
{
    QFETCH(QStringList, events);
    QFETCH(QString, status);
    QFETCH(QString, pauseStart);

    const auto dateOf = [](const QString &spec) {
        if (spec == QLatin1String("now"))
            return test::testNow();
        if (spec == QLatin1String("now+1"))
            return test::testNow().addMSecs(1);
        return day(spec.mid(1).toInt());
    };

    m_clock->set(test::testNow().addMSecs(-kHour));
    for (const QString &event : events) {
        const EventType type =
            event.startsWith(QLatin1Char('P')) ? EventType::PauseActivated : EventType::PauseDeactivated;
        QVERIFY(add(Who::CoordinatorA,
                    newRecord(kMentorA1, kCoordA1, type, dateOf(event.section(QLatin1Char(':'), 1)))));
        m_clock->advance(kMinute);
    }
    // The other mentor's pause does not count for this one.
    QVERIFY(add(Who::CoordinatorA, newRecord(kMentorA2, kCoordA2, EventType::PauseActivated, day(-10))));
    m_clock->set(test::testNow());

    for (Who who : {Who::CoordinatorA, Who::OrgAdminA, Who::GlobalAdmin}) {
        const auto profile = m_service->profile(callerFor(who), kMentorA1);
        QVERIFY2(profile.ok(), profile.ok() ? "" : qPrintable(describe(profile.error())));
        QCOMPARE(profile->status == PauseStatus::Paused ? QStringLiteral("paused") : QStringLiteral("active"),
                 status);
        if (pauseStart.isEmpty())
            QVERIFY(profile->pauseStartDate.isNull());
        else
            QCOMPARE(profile->pauseStartDate, dateOf(pauseStart));
        QCOMPARE(profile->mentor.id, kMentorA1);
        QCOMPARE(profile->mentor.name, QStringLiteral("Åse Ødegård"));
        QCOMPARE(profile->mentor.email, QStringLiteral("ase@a.example"));
        QCOMPARE(profile->mentor.phone, QStringLiteral("+47 912 34 567"));
        QCOMPARE(profile->mentor.orgId, kOrgA);
        QCOMPARE(profile->mentor.coordinatorId, kCoordA1);
    }
}

void TestNotificationRecordService::futurePauseStartsWhenItsDateComes()
{
    const Caller caller = callerFor(Who::CoordinatorA);
    QVERIFY(add(Who::CoordinatorA, newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, day(3))));
    QVERIFY(add(Who::CoordinatorA, newRecord(kMentorA1, kCoordA1, EventType::PauseDeactivated, day(10))));
    QCOMPARE(m_service->profile(caller, kMentorA1)->status, PauseStatus::Active);

    m_clock->set(day(3).addMSecs(-1));
    QCOMPARE(m_service->profile(caller, kMentorA1)->status, PauseStatus::Active);

    m_clock->set(day(3));
    auto profile = m_service->profile(caller, kMentorA1);
    QCOMPARE(profile->status, PauseStatus::Paused);
    QCOMPARE(profile->pauseStartDate, day(3));

    m_clock->advance(5 * kDay);
    QCOMPARE(m_service->profile(caller, kMentorA1)->status, PauseStatus::Paused);

    m_clock->set(day(10));
    profile = m_service->profile(caller, kMentorA1);
    QCOMPARE(profile->status, PauseStatus::Active);
    QVERIFY(profile->pauseStartDate.isNull());
}

void TestNotificationRecordService::statusFollowsEveryWrite()
{
    const Caller caller = callerFor(Who::OrgAdminA);
    QCOMPARE(m_service->profile(caller, kMentorA1)->status, PauseStatus::Active);

    NotificationRecord pause;
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, day(-1)), &pause));
    QCOMPARE(m_service->profile(caller, kMentorA1)->status, PauseStatus::Paused);

    m_clock->advance(kMinute);
    NotificationRecord resume;
    QVERIFY(
        add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1, EventType::PauseDeactivated, day(0)), &resume));
    QCOMPARE(m_service->profile(caller, kMentorA1)->status, PauseStatus::Active);

    // Changing a record's metadata does not change the status.
    RecordUpdate change;
    change.notes = std::optional<QString>(QStringLiteral("note"));
    QVERIFY(m_service->update(caller, resume.id, change).ok());
    QCOMPARE(m_service->profile(caller, kMentorA1)->status, PauseStatus::Active);

    // Deleting the resume brings the pause back.
    QVERIFY(m_service->remove(callerFor(Who::GlobalAdmin), resume.id).ok());
    auto profile = m_service->profile(caller, kMentorA1);
    QCOMPARE(profile->status, PauseStatus::Paused);
    QCOMPARE(profile->pauseStartDate, day(-1));

    QVERIFY(m_service->remove(callerFor(Who::GlobalAdmin), pause.id).ok());
    profile = m_service->profile(caller, kMentorA1);
    QCOMPARE(profile->status, PauseStatus::Active);
    QVERIFY(profile->pauseStartDate.isNull());
}

// ---- profiles of every mentor at once -----------------------------------------------------------

// profiles() answers in one query what profile() answers mentor by mentor: every status case of
// currentStatus, one mentor each, compared for every caller and at several moments.
void TestNotificationRecordService::profilesMatchProfile()
{
    const QStringList cases =
        QStringLiteral("|P:d-2|P:d0|P:now|P:now+1|P:d+3|R:d-2|P:d-5 R:d-2|P:d-5 R:d+3|"
                       "R:d-5 P:d-2|R:d-5 P:d+1|P:d-5 P:d-2|P:d-2 P:d-6|P:d-2 R:d-2|"
                       "R:d-2 P:d-2|P:d-1 R:d-1 P:d-1 R:d-1|P:d-2 R:d-5|P:d-2 R:d-5 R:d-1")
            .split(QLatin1Char('|'));
    const auto dateOf = [](const QString &spec) {
        if (spec == QLatin1String("now"))
            return test::testNow();
        if (spec == QLatin1String("now+1"))
            return test::testNow().addMSecs(1);
        return day(spec.mid(1).toInt());
    };

    DirectoryService directory(m_database->db(), *m_clock);
    m_clock->set(test::testNow().addMSecs(-10 * kHour));
    for (int i = 0; i < cases.size(); ++i) {
        PeerMentor m;
        m.id = QStringLiteral("pm-case-%1").arg(i, 2, 10, QLatin1Char('0'));
        m.orgId = kOrgA;
        m.coordinatorId = i % 2 ? kCoordA1 : kCoordA2;
        m.name = QStringLiteral("Case %1").arg(i, 2, 10, QLatin1Char('0'));
        QVERIFY(directory.addPeerMentor(Caller::system(), m).ok());
        for (const QString &event : cases.at(i).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const EventType type =
                event.startsWith(QLatin1Char('P')) ? EventType::PauseActivated : EventType::PauseDeactivated;
            QVERIFY(add(Who::OrgAdminA,
                        newRecord(m.id, m.coordinatorId, type, dateOf(event.section(QLatin1Char(':'), 1)))));
            m_clock->advance(kMinute);
        }
    }
    QVERIFY(add(Who::OrgAdminB, newRecord(kMentorB1, kCoordB1, EventType::PauseActivated, day(-3))));

    for (const QDateTime &now : {test::testNow(), test::testNow().addMSecs(1), day(2), day(4)}) {
        m_clock->set(now);
        for (Who who :
             {Who::CoordinatorA, Who::OrgAdminA, Who::CoordinatorB, Who::OrgAdminB, Who::GlobalAdmin}) {
            const Caller caller = callerFor(who);
            const auto all = m_service->profiles(caller);
            QVERIFY2(all.ok(), all.ok() ? "" : qPrintable(describe(all.error())));
            const auto mentors = directory.peerMentors(caller);
            QVERIFY(mentors.ok());
            QCOMPARE(all->size(), mentors->size());
            int paused = 0;
            for (const PeerMentor &m : *mentors) {
                QVERIFY2(all->contains(m.id), qPrintable(m.id));
                const PeerMentorProfile &got = all->value(m.id);
                const auto one = m_service->profile(caller, m.id);
                QVERIFY(one.ok());
                QCOMPARE(got.status, one->status);
                QCOMPARE(got.pauseStartDate, one->pauseStartDate);
                QCOMPARE(got.mentor.id, one->mentor.id);
                QCOMPARE(got.mentor.orgId, one->mentor.orgId);
                QCOMPARE(got.mentor.coordinatorId, one->mentor.coordinatorId);
                QCOMPARE(got.mentor.name, one->mentor.name);
                QCOMPARE(got.mentor.email, one->mentor.email);
                QCOMPARE(got.mentor.phone, one->mentor.phone);
                paused += got.status == PauseStatus::Paused;
            }
            if (who == Who::CoordinatorB || who == Who::OrgAdminB)
                QCOMPARE(paused, 1);
            else
                QVERIFY(paused > 1);
        }
    }

    // A global admin may narrow to one organisation; others cannot widen theirs.
    const auto onlyB = m_service->profiles(callerFor(Who::GlobalAdmin), kOrgB);
    QVERIFY(onlyB.ok());
    QCOMPARE(onlyB->keys(), QList<QString>{kMentorB1});
    const auto stillA = m_service->profiles(callerFor(Who::CoordinatorA), kOrgB);
    QVERIFY(stillA.ok());
    QVERIFY(!stillA->contains(kMentorB1));
    QCOMPARE(stillA->size(), cases.size() + 2);
    // A caller without an organisation sees nobody.
    Caller nobody = callerFor(Who::CoordinatorA);
    nobody.orgId.clear();
    QVERIFY(m_service->profiles(nobody)->isEmpty());
}

// ---- one page of mentors with their statuses ----------------------------------------------------

namespace {
// Organisation A in mentorProfilesFilter(): pm_a1 Åse Ødegård (coord_a1) paused since day -1,
// pm_a2 Per Hansen (coord_a2) left, pm_a3 Anne Aas (coord_a1) with a pause that starts on day 3,
// pm_a4 Ada Li (coord_a2) paused and resumed. The names sort alike by code point and by
// language, so the order holds whatever the database's collation.
QStringList idsOf(const QList<PeerMentorProfile> &profiles)
{
    QStringList ids;
    for (const PeerMentorProfile &p : profiles)
        ids << p.mentor.id;
    return ids;
}
} // namespace

void TestNotificationRecordService::mentorProfilesFilter_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("coordinator");
    QTest::addColumn<Activity>("activity");
    QTest::addColumn<std::optional<PauseStatus>>("status");
    QTest::addColumn<QStringList>("ids");

    const std::optional<PauseStatus> any;
    const std::optional<PauseStatus> active = PauseStatus::Active;
    const std::optional<PauseStatus> paused = PauseStatus::Paused;
    QTest::newRow("everyone who has not left")
        << QString() << QString() << Activity::Active << any
        << QStringList{QStringLiteral("pm_a4"), QStringLiteral("pm_a3"), kMentorA1};
    QTest::newRow("active") << QString() << QString() << Activity::Active << active
                            << QStringList{QStringLiteral("pm_a4"), QStringLiteral("pm_a3")};
    QTest::newRow("paused") << QString() << QString() << Activity::Active << paused << QStringList{kMentorA1};
    QTest::newRow("left") << QString() << QString() << Activity::Inactive << any << QStringList{kMentorA2};
    QTest::newRow("coordinator") << QString() << kCoordA2 << Activity::Active << any
                                 << QStringList{QStringLiteral("pm_a4")};
    QTest::newRow("coordinator and paused")
        << QString() << kCoordA1 << Activity::Active << paused << QStringList{kMentorA1};
    QTest::newRow("name, any case") << QStringLiteral("ØDEG") << QString() << Activity::Active << any
                                    << QStringList{kMentorA1};
    QTest::newRow("email") << QStringLiteral("ASE@A.example") << QString() << Activity::Active << any
                           << QStringList{kMentorA1};
    QTest::newRow("exact id") << QStringLiteral("pm_a4") << QString() << Activity::Active << any
                              << QStringList{QStringLiteral("pm_a4")};
    QTest::newRow("part of an id") << QStringLiteral("pm_a") << QString() << Activity::Active << any
                                   << QStringList();
    QTest::newRow("search among those who left")
        << QStringLiteral("hansen") << QString() << Activity::Inactive << any << QStringList{kMentorA2};
    QTest::newRow("search and status") << QStringLiteral("LI") << QString() << Activity::Active << active
                                       << QStringList{QStringLiteral("pm_a4")};
}

void TestNotificationRecordService::mentorProfilesFilter()
{
    QFETCH(QString, search);
    QFETCH(QString, coordinator);
    QFETCH(Activity, activity);
    QFETCH(std::optional<PauseStatus>, status);
    QFETCH(QStringList, ids);

    DirectoryService directory(m_database->db(), *m_clock);
    const auto addMentor = [&](const QString &id, const QString &coordinatorId, const QString &name) {
        PeerMentor m;
        m.id = id;
        m.orgId = kOrgA;
        m.coordinatorId = coordinatorId;
        m.name = name;
        return directory.addPeerMentor(Caller::system(), m).ok();
    };
    QVERIFY(addMentor(QStringLiteral("pm_a3"), kCoordA1, QStringLiteral("Anne Aas")));
    QVERIFY(addMentor(QStringLiteral("pm_a4"), kCoordA2, QStringLiteral("Ada Li")));
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, day(-1))));
    QVERIFY(add(Who::OrgAdminA, newRecord(kMentorA2, kCoordA2, EventType::PauseActivated, day(-2))));
    QVERIFY(
        add(Who::OrgAdminA, newRecord(QStringLiteral("pm_a3"), kCoordA1, EventType::PauseActivated, day(3))));
    QVERIFY(add(Who::OrgAdminA,
                newRecord(QStringLiteral("pm_a4"), kCoordA2, EventType::PauseActivated, day(-3))));
    QVERIFY(add(Who::OrgAdminA,
                newRecord(QStringLiteral("pm_a4"), kCoordA2, EventType::PauseDeactivated, day(-1))));
    QVERIFY(directory.setPeerMentorActive(Caller::system(), kMentorA2, false).ok());

    MentorQuery query;
    query.search = search;
    query.coordinatorId = coordinator;
    query.activity = activity;
    const auto got = m_service->mentorProfiles(callerFor(Who::CoordinatorA), query, status, {});
    QVERIFY2(got.ok(), got.ok() ? "" : qPrintable(describe(got.error())));
    QCOMPARE(idsOf(got->items), ids);
    QCOMPARE(got->total, ids.size());
    for (const PeerMentorProfile &p : got->items) {
        const auto one = m_service->profile(callerFor(Who::CoordinatorA), p.mentor.id);
        QVERIFY(one.ok());
        QCOMPARE(p.status, one->status);
        QCOMPARE(p.pauseStartDate, one->pauseStartDate);
        QCOMPARE(p.mentor.name, one->mentor.name);
        QCOMPARE(p.mentor.email, one->mentor.email);
        QCOMPARE(p.mentor.deactivatedAt.isValid(), p.mentor.id == kMentorA2);
    }
    if (ids == QStringList{kMentorA1})
        QCOMPARE(got->items.first().pauseStartDate, day(-1));
    if (ids == QStringList{kMentorA2}) {
        QCOMPARE(got->items.first().mentor.deactivatedAt, test::testNow());
        QCOMPARE(got->items.first().status, PauseStatus::Paused); // what her records say
    }
}

void TestNotificationRecordService::mentorProfilesPages()
{
    DirectoryService directory(m_database->db(), *m_clock);
    for (int i = 0; i < 5; ++i) {
        PeerMentor m;
        m.id = QStringLiteral("pm_page_%1").arg(i);
        m.orgId = kOrgA;
        m.coordinatorId = kCoordA1;
        m.name = QStringLiteral("Same Name");
        QVERIFY(directory.addPeerMentor(Caller::system(), m).ok());
    }
    QVERIFY(add(Who::OrgAdminA,
                newRecord(QStringLiteral("pm_page_3"), kCoordA1, EventType::PauseActivated, day(-1))));
    const Caller caller = callerFor(Who::OrgAdminA);
    MentorQuery query;
    query.search = QStringLiteral("same");

    // Equal names: by id.
    auto page = m_service->mentorProfiles(caller, query, {}, PageRequest{2, 2});
    QVERIFY(page.ok());
    QCOMPARE(page->total, 5);
    QCOMPARE(page->page, 2);
    QCOMPARE(page->limit, 2);
    QCOMPARE(idsOf(page->items), (QStringList{QStringLiteral("pm_page_2"), QStringLiteral("pm_page_3")}));
    QCOMPARE(page->items.at(1).status, PauseStatus::Paused);
    page = m_service->mentorProfiles(caller, query, {}, PageRequest{3, 2});
    QCOMPARE(idsOf(page->items), QStringList{QStringLiteral("pm_page_4")});
    page = m_service->mentorProfiles(caller, query, {}, PageRequest{4, 2});
    QVERIFY(page->items.isEmpty());
    QCOMPARE(page->total, 5);
    // The total counts after the status filter.
    page = m_service->mentorProfiles(caller, query, PauseStatus::Active, PageRequest{2, 3});
    QCOMPARE(page->total, 4);
    QCOMPARE(idsOf(page->items), QStringList{QStringLiteral("pm_page_4")});

    const auto refused = [&](const PageRequest &request, const QString &field) {
        const auto r = m_service->mentorProfiles(caller, query, {}, request);
        return !r && r.error().code == ErrorCode::Invalid && namesField(r.error(), field);
    };
    QVERIFY(refused(PageRequest{0, 20}, QStringLiteral("page")));
    QVERIFY(refused(PageRequest{1, 0}, QStringLiteral("limit")));
    QVERIFY(refused(PageRequest{1, NotificationRecordService::kMaxPageLimit + 1}, QStringLiteral("limit")));
}

void TestNotificationRecordService::mentorProfilesScope()
{
    QVERIFY(add(Who::OrgAdminB, newRecord(kMentorB1, kCoordB1, EventType::PauseActivated, day(-1))));
    const auto ids = [&](Who who, const QString &orgId = {}, const QString &search = {}) {
        MentorQuery query;
        query.orgId = orgId;
        query.search = search;
        const auto r = m_service->mentorProfiles(callerFor(who), query, {}, {});
        QStringList found = r ? idsOf(r->items) : QStringList{errorCodeName(r.error().code)};
        found.sort();
        return found;
    };
    QCOMPARE(ids(Who::CoordinatorA), (QStringList{kMentorA1, kMentorA2}));
    QCOMPARE(ids(Who::OrgAdminA, kOrgA), (QStringList{kMentorA1, kMentorA2}));
    QCOMPARE(ids(Who::CoordinatorB), QStringList{kMentorB1});
    // Not even by id: another organisation's mentor is not there.
    QCOMPARE(ids(Who::CoordinatorA, {}, kMentorB1), QStringList());
    QCOMPARE(ids(Who::GlobalAdmin, kOrgB), QStringList{kMentorB1});
    QCOMPARE(ids(Who::GlobalAdmin).size(), 3);
    QCOMPARE(ids(Who::GlobalAdmin, QStringLiteral("org_nowhere")), QStringList());

    MentorQuery other;
    other.orgId = kOrgB;
    const auto refused = m_service->mentorProfiles(callerFor(Who::OrgAdminA), other, {}, {});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Invalid);
    QVERIFY(namesField(refused.error(), QStringLiteral("org_id")));

    Caller nobody = callerFor(Who::CoordinatorA);
    nobody.orgId.clear();
    const auto none = m_service->mentorProfiles(nobody, {}, {}, {});
    QVERIFY(none.ok());
    QVERIFY(none->items.isEmpty());
    QCOMPARE(none->total, 0);
}

// ---- history ----------------------------------------------------------------------------------

void TestNotificationRecordService::historyNewestFirst()
{
    // Effective dates out of order on purpose: history is by sent_at.
    QStringList newestFirst;
    const QList<std::pair<EventType, int>> events{{EventType::PauseActivated, -10},
                                                  {EventType::PauseDeactivated, -3},
                                                  {EventType::PauseActivated, -20},
                                                  {EventType::PauseDeactivated, 5}};
    for (const auto &[type, days] : events) {
        NotificationRecord r;
        QVERIFY(add(Who::CoordinatorA, newRecord(kMentorA1, kCoordA1, type, day(days)), &r));
        newestFirst.prepend(r.id);
        QVERIFY(add(Who::CoordinatorA, newRecord(kMentorA2, kCoordA2, type, day(days)))); // another mentor's
        m_clock->advance(kHour);
    }
    // Two in the same millisecond: the larger id first, as in the list.
    NotificationRecord t1;
    NotificationRecord t2;
    QVERIFY(add(Who::CoordinatorA, newRecord(kMentorA1, kCoordA1), &t1));
    QVERIFY(add(Who::CoordinatorA, newRecord(kMentorA1, kCoordA1), &t2));
    newestFirst.prepend(qMin(t1.id, t2.id));
    newestFirst.prepend(qMax(t1.id, t2.id));

    const auto history = m_service->history(callerFor(Who::CoordinatorA), kMentorA1);
    QVERIFY(history.ok());
    QCOMPARE(history->mentor.id, kMentorA1);
    QCOMPARE(history->mentor.name, QStringLiteral("Åse Ødegård"));
    QCOMPARE(idsOf(history->events), newestFirst);
    for (int i = 1; i < history->events.size(); ++i)
        QVERIFY(history->events.at(i - 1).sentAt >= history->events.at(i).sentAt);
    const NotificationRecord &oldest = history->events.last();
    QCOMPARE(oldest.eventType, EventType::PauseActivated);
    QCOMPARE(oldest.effectiveDate, day(-10));
    QCOMPARE(oldest.reason, std::optional<QString>(QStringLiteral("Personal leave")));
    QCOMPARE(oldest.channels, (QStringList{QStringLiteral("push"), QStringLiteral("in_app")}));
    QCOMPARE(oldest.sentAt, test::testNow());
    // The list filtered by mentor agrees.
    RecordFilter filter;
    filter.peerMentorId = kMentorA1;
    QCOMPARE(idsOf(m_service->list(callerFor(Who::CoordinatorA), filter, {1, 100})->items), newestFirst);
}

void TestNotificationRecordService::historyOfMentorWithoutRecords()
{
    QVERIFY(add(Who::CoordinatorA, newRecord(kMentorA1, kCoordA1)));
    const auto history = m_service->history(callerFor(Who::CoordinatorA), kMentorA2);
    QVERIFY(history.ok());
    QCOMPARE(history->mentor.id, kMentorA2);
    QCOMPARE(history->mentor.name, QStringLiteral("Per Hansen"));
    QVERIFY(history->events.isEmpty());

    const auto unknown = m_service->history(callerFor(Who::CoordinatorA), QStringLiteral("pm-nobody"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    const auto unknownForGlobal =
        m_service->history(callerFor(Who::GlobalAdmin), QStringLiteral("pm-nobody"));
    QCOMPARE(unknownForGlobal.error().code, ErrorCode::NotFound);
}

// ---- signals and audit ------------------------------------------------------------------------

void TestNotificationRecordService::announcesChanges()
{
    QSignalSpy added(m_service.get(), &NotificationRecordService::recordAdded);
    QSignalSpy changed(m_service.get(), &NotificationRecordService::recordChanged);
    QSignalSpy deleted(m_service.get(), &NotificationRecordService::recordDeleted);
    QVERIFY(added.isValid() && changed.isValid() && deleted.isValid());

    NotificationRecord r;
    QVERIFY(add(Who::CoordinatorA, newRecord(kMentorA1, kCoordA1), &r));
    QCOMPARE(added.count(), 1);
    const auto announced = added.at(0).at(0).value<NotificationRecord>();
    QCOMPARE(announced.id, r.id);
    QCOMPARE(announced.orgId, kOrgA);
    QCOMPARE(announced.peerMentorName, QStringLiteral("Åse Ødegård"));
    QCOMPARE(announced.sentAt, test::testNow());

    // Refused calls announce nothing.
    QVERIFY(!m_service->record(callerFor(Who::GlobalAdmin), newRecord(kMentorA1, kCoordA1)).ok());
    QVERIFY(!m_service->record(callerFor(Who::CoordinatorB), newRecord(kMentorA1, kCoordB1)).ok());
    RecordUpdate change;
    change.channels = QStringList{QStringLiteral("email")};
    QVERIFY(!m_service->update(callerFor(Who::CoordinatorA), r.id, change).ok());
    QVERIFY(!m_service->update(callerFor(Who::OrgAdminB), r.id, change).ok());
    QVERIFY(!m_service->remove(callerFor(Who::OrgAdminA), r.id).ok());
    QCOMPARE(added.count(), 1);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(deleted.count(), 0);

    m_clock->advance(kMinute);
    QVERIFY(m_service->update(callerFor(Who::OrgAdminA), r.id, change).ok());
    QCOMPARE(changed.count(), 1);
    const auto changedRecord = changed.at(0).at(0).value<NotificationRecord>();
    QCOMPARE(changedRecord.id, r.id);
    QCOMPARE(changedRecord.channels, QStringList{QStringLiteral("email")});
    QCOMPARE(changedRecord.updatedAt, m_clock->now());

    QVERIFY(m_service->remove(callerFor(Who::GlobalAdmin), r.id).ok());
    QCOMPARE(deleted.count(), 1);
    QCOMPARE(deleted.at(0).at(0).toString(), r.id);
    QCOMPARE(deleted.at(0).at(1).toString(), kOrgA);

    QVERIFY(!m_service->remove(callerFor(Who::GlobalAdmin), r.id).ok());
    QCOMPARE(deleted.count(), 1);
    QCOMPARE(added.count(), 1);
    QCOMPARE(changed.count(), 1);
}

void TestNotificationRecordService::auditLog()
{
    AuditLog audit(m_database->db(), *m_clock);
    NotificationRecord r;
    QVERIFY(add(Who::CoordinatorA, newRecord(kMentorA1, kCoordA1), &r));

    // Refused changes leave no trace.
    m_clock->advance(kMinute);
    RecordUpdate change;
    change.channels = QStringList{QStringLiteral("sms")};
    QVERIFY(!m_service->update(callerFor(Who::CoordinatorA), r.id, change).ok());
    QVERIFY(!m_service->update(callerFor(Who::OrgAdminA), r.id, change, QStringLiteral("\"stale\"")).ok());
    QVERIFY(!m_service->remove(callerFor(Who::OrgAdminA), r.id).ok());
    QCOMPARE(audit.list(Caller::system(), {1, 100}, r.id)->total, 1);

    QVERIFY(m_service->update(callerFor(Who::OrgAdminA), r.id, change).ok());
    m_clock->advance(kMinute);
    QVERIFY(m_service->remove(callerFor(Who::GlobalAdmin), r.id).ok());

    const auto entries = audit.list(Caller::system(), {1, 100}, r.id);
    QVERIFY(entries.ok());
    QCOMPARE(entries->total, 3);
    QCOMPARE(entries->items.size(), 3);
    const struct
    {
        const char *action;
        const char *username;
        QDateTime at;
    } expected[] = {
        {"record.delete", "root", test::testNow().addMSecs(2 * kMinute)},
        {"record.update", "admin.a", test::testNow().addMSecs(kMinute)},
        {"record.create", "coord.a", test::testNow()},
    };
    for (int i = 0; i < 3; ++i) {
        const AuditEntry &e = entries->items.at(i);
        QCOMPARE(e.action, QString::fromLatin1(expected[i].action));
        QCOMPARE(e.username, QString::fromLatin1(expected[i].username));
        QCOMPARE(e.at, expected[i].at);
        QCOMPARE(e.entity, QStringLiteral("notification_record"));
        QCOMPARE(e.entityId, r.id);
        QCOMPARE(e.orgId, kOrgA); // the global admin's delete is filed under the record's organisation
        QVERIFY(!e.id.isEmpty());
        QVERIFY2(!e.detail.contains(QLatin1String("Åse")), qPrintable(e.detail)); // no names in the log
    }
    QCOMPARE(entries->items.at(1).userId, QStringLiteral("user_aa"));

    // The organisation's admins see these entries; the other organisation does not.
    QCOMPARE(audit.list(callerFor(Who::OrgAdminA), {1, 100}, r.id)->total, 3);
    QCOMPARE(audit.list(callerFor(Who::OrgAdminB), {1, 100}, r.id)->total, 0);
}

CC_DATABASE_TEST_MAIN(TestNotificationRecordService)
#include "tst_notificationrecordservice.moc"
