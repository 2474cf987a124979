// An organisation's retention rules (issue 11, part 2): off by default, set by its org admins,
// previewed before they are switched on, and applied (the hourly housekeeping) by erasing the
// personal data of mentors who left long ago and deleting old records and payloads, keeping the
// record counts right and a pause that is still going on.
#include "core/AuditLog.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/PayloadService.h"
#include "core/PersonalDataService.h"
#include "core/RetentionService.h"
#include "core/TemplateService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QSignalSpy>
#include <QSqlRecord>
#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test;

namespace {

QString firstField(const Error &error)
{
    return error.fields.isEmpty() ? QString() : error.fields.first().field;
}

RetentionPolicy rules(std::optional<int> months, std::optional<int> years)
{
    return RetentionPolicy{months, years};
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void offByDefault();
    void setPolicy_data();
    void setPolicy();
    void changeIsAuditedOnce();
    void refusals_data();
    void refusals();
    void previewWritesNothing();
    void applyErasesAndDeletes();
    void applyAllFollowsEachOrganisationsRules();

private:
    RetentionService retention() { return RetentionService(m_db->db(), m_clock, *m_directory, *m_records); }
    // Organisation A: Åse (pm_a1) paused and resumed 11 and 12 years ago and paused last month;
    // Per (pm_a2) paused 11 years ago, still paused, and left 30 months ago; a payload built 11 years
    // ago and one last month. Organisation B: Bjørn paused 12 years ago and resumed 11 years ago.
    void createPast();
    // "org coordinator event total" of record_counts and "mentor org coordinator event total" of
    // record_counts_by_mentor (rows above 0), and the same from counting the records.
    QStringList storedCounts();
    QStringList countedCounts();
    qint64 auditEntries(const QString &action);

    std::unique_ptr<TestDatabase> m_db;
    ManualClock m_clock{testNow()};
    World m_world;
    std::unique_ptr<DirectoryService> m_directory;
    std::unique_ptr<NotificationRecordService> m_records;
    std::unique_ptr<TemplateService> m_templates;
    std::unique_ptr<PayloadService> m_payloads;
};

void TestRetention::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_directory = std::make_unique<DirectoryService>(m_db->db(), m_clock);
    m_records = std::make_unique<NotificationRecordService>(m_db->db(), m_clock);
    m_templates = std::make_unique<TemplateService>(m_db->db(), m_clock);
    m_payloads = std::make_unique<PayloadService>(m_db->db(), m_clock, *m_templates);
}

void TestRetention::init()
{
    m_db->reset();
    // The mentors exist from long ago.
    m_clock.set(testNow().addYears(-13));
    auto created = m_world.create(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    created = m_world.createUsers(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    m_clock.set(testNow());
}

void TestRetention::createPast()
{
    const QDateTime now = testNow();
    const auto record = [&](const Caller &caller, const QString &mentor, const QString &coordinator,
                            EventType type, const QDateTime &sentAt) {
        const QDateTime day(sentAt.date(), QTime(0, 0), Qt::UTC);
        return World::record(m_db->db(), m_clock, caller, mentor, coordinator, type, day,
                             QStringLiteral("Reason"), sentAt);
    };
    QVERIFY(record(m_world.coordinatorA, World::kMentorA1, World::kCoordA1, EventType::PauseActivated,
                   now.addYears(-12)));
    QVERIFY(record(m_world.coordinatorA, World::kMentorA1, World::kCoordA1, EventType::PauseDeactivated,
                   now.addYears(-11)));
    QVERIFY(record(m_world.coordinatorA, World::kMentorA1, World::kCoordA1, EventType::PauseActivated,
                   now.addMonths(-1)));
    QVERIFY(record(m_world.orgAdminA, World::kMentorA2, World::kCoordA2, EventType::PauseActivated,
                   now.addYears(-11)));
    QVERIFY(record(m_world.coordinatorB, World::kMentorB1, World::kCoordB1, EventType::PauseActivated,
                   now.addYears(-12)));
    QVERIFY(record(m_world.coordinatorB, World::kMentorB1, World::kCoordB1, EventType::PauseDeactivated,
                   now.addYears(-11)));

    BuildRequest build;
    build.payloadType = QStringLiteral("coordinator_pause");
    build.peerMentorId = World::kMentorA1;
    build.date = now;
    m_clock.set(now.addYears(-11));
    QVERIFY(m_payloads->build(m_world.coordinatorA, build));
    m_clock.set(now.addMonths(-1));
    QVERIFY(m_payloads->build(m_world.coordinatorA, build));

    m_clock.set(now.addMonths(-30));
    QVERIFY(m_directory->setPeerMentorActive(m_world.orgAdminA, World::kMentorA2, false));
    m_clock.set(now);
}

namespace {

// Every row of a query, its values joined by spaces.
QStringList rowsOf(Database &db, const QString &sql)
{
    QStringList rows;
    Query q(db, sql);
    if (q.exec())
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.raw().record().count(); ++i)
                values << q.value(i).toString();
            rows << values.join(QLatin1Char(' '));
        }
    return rows;
}

} // namespace

QStringList TestRetention::storedCounts()
{
    return rowsOf(m_db->db(),
                  QStringLiteral("SELECT org_id, coordinator_id, event_type, total FROM record_counts "
                                 "WHERE total > 0 ORDER BY org_id, coordinator_id, event_type"))
        + rowsOf(m_db->db(),
                 QStringLiteral("SELECT peer_mentor_id, org_id, coordinator_id, event_type, total "
                                "FROM record_counts_by_mentor WHERE total > 0 "
                                "ORDER BY peer_mentor_id, org_id, coordinator_id, event_type"));
}

QStringList TestRetention::countedCounts()
{
    return rowsOf(m_db->db(),
                  QStringLiteral("SELECT org_id, coordinator_id, event_type, COUNT(*) FROM "
                                 "notification_records GROUP BY org_id, coordinator_id, event_type "
                                 "ORDER BY org_id, coordinator_id, event_type"))
        + rowsOf(m_db->db(),
                 QStringLiteral("SELECT peer_mentor_id, org_id, coordinator_id, event_type, COUNT(*) "
                                "FROM notification_records "
                                "GROUP BY peer_mentor_id, org_id, coordinator_id, event_type "
                                "ORDER BY peer_mentor_id, org_id, coordinator_id, event_type"));
}

qint64 TestRetention::auditEntries(const QString &action)
{
    return countRows(m_db->db(), QStringLiteral("audit_log"), QStringLiteral("action = '%1'").arg(action));
}

void TestRetention::offByDefault()
{
    for (const QString &org : {World::kOrgA, World::kOrgB}) {
        auto stored = retention().policy(m_world.globalAdmin, org);
        QVERIFY2(stored, why(stored).constData());
        QVERIFY(stored->isOff());
    }
    createPast();
    auto done = retention().applyAll(Caller::system());
    QVERIFY2(done, why(done).constData());
    QVERIFY(done->isEmpty());
    QCOMPARE(countRows(m_db->db(), QStringLiteral("notification_records")), 6);
}

void TestRetention::setPolicy_data()
{
    QTest::addColumn<int>("months"); // 0: off
    QTest::addColumn<int>("years");
    QTest::addColumn<QString>("refusedField"); // empty: saved
    QTest::newRow("both") << 24 << 10 << QString();
    QTest::newRow("erase only") << 1 << 0 << QString();
    QTest::newRow("delete only") << 0 << 100 << QString();
    QTest::newRow("no months") << -1 << 0 << "erase_inactive_after_months";
    QTest::newRow("too many months") << 1201 << 0 << "erase_inactive_after_months";
    QTest::newRow("too many years") << 0 << 101 << "delete_records_after_years";
}

void TestRetention::setPolicy()
{
    QFETCH(int, months);
    QFETCH(int, years);
    QFETCH(QString, refusedField);
    const RetentionPolicy policy = rules(months ? std::optional<int>(months) : std::nullopt,
                                         years ? std::optional<int>(years) : std::nullopt);
    const Status s = retention().setPolicy(m_world.orgAdminA, World::kOrgA, policy);
    auto stored = retention().policy(m_world.orgAdminA, World::kOrgA);
    QVERIFY(stored);
    if (refusedField.isEmpty()) {
        QVERIFY2(s.ok(), why(s).constData());
        QCOMPARE(*stored, policy);
    } else {
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::Invalid);
        QCOMPARE(firstField(s.error()), refusedField);
        QVERIFY(stored->isOff());
    }
    // Organisation B's stay off.
    QVERIFY(retention().policy(m_world.globalAdmin, World::kOrgB)->isOff());
}

void TestRetention::changeIsAuditedOnce()
{
    QVERIFY(retention().setPolicy(m_world.orgAdminA, World::kOrgA, rules(24, 10)));
    QVERIFY(retention().setPolicy(m_world.orgAdminA, World::kOrgA, rules(24, 10))); // no change
    QCOMPARE(auditEntries(QStringLiteral("organisation.retention")), 1);
    AuditLog audit(m_db->db(), m_clock);
    AuditQuery query;
    query.kind = QStringLiteral("organisation.retention");
    auto entries = audit.list(m_world.orgAdminA, query, PageRequest{1, 10});
    QVERIFY(entries);
    QCOMPARE(entries->items.first().detail,
             QStringLiteral("erase inactive mentors after 24 months; delete records after 10 years"));
    QVERIFY(retention().setPolicy(m_world.globalAdmin, World::kOrgA, RetentionPolicy{}));
    QCOMPARE(auditEntries(QStringLiteral("organisation.retention")), 2);
    QVERIFY(retention().policy(m_world.orgAdminA, World::kOrgA)->isOff());
}

void TestRetention::refusals_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("org");
    QTest::addColumn<QString>("code");
    QTest::newRow("a coordinator") << "coordA" << World::kOrgA << "forbidden";
    QTest::newRow("another organisation's admin") << "adminB" << World::kOrgA << "not-found";
    QTest::newRow("no such organisation") << "global"
                                          << "org_nowhere"
                                          << "not-found";
}

void TestRetention::refusals()
{
    QFETCH(QString, who);
    QFETCH(QString, org);
    QFETCH(QString, code);
    const Caller caller = m_world.who(who);
    QCOMPARE(codeOf(retention().setPolicy(caller, org, rules(24, 10))), code);
    QCOMPARE(codeOf(retention().policy(caller, org)), code);
    QCOMPARE(codeOf(retention().preview(caller, org, rules(24, 10))), code);
    QCOMPARE(codeOf(retention().apply(caller, org)), code);
    QCOMPARE(auditEntries(QStringLiteral("organisation.retention")), 0);
}

void TestRetention::previewWritesNothing()
{
    createPast();
    const qint64 entries = countRows(m_db->db(), QStringLiteral("audit_log"));
    auto preview = retention().preview(m_world.orgAdminA, World::kOrgA, rules(24, 10));
    QVERIFY2(preview, why(preview).constData());
    QCOMPARE(preview->mentors, 1);  // Per, who left 30 months ago
    QCOMPARE(preview->records, 2);  // Åse's old pause and resume; not Per's pause, still going on
    QCOMPARE(preview->payloads, 1); // built 11 years ago
    // Other rules, other counts: Per left less than 36 months ago, and Åse's pause of exactly 12
    // years ago is not older than 12 years.
    preview = retention().preview(m_world.orgAdminA, World::kOrgA, rules(36, 12));
    QVERIFY(preview);
    QCOMPARE(preview->mentors, 0);
    QCOMPARE(preview->records, 0);
    QCOMPARE(preview->payloads, 0);
    QVERIFY(retention().preview(m_world.orgAdminA, World::kOrgA, RetentionPolicy{})->isEmpty());

    QCOMPARE(countRows(m_db->db(), QStringLiteral("notification_records")), 6);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("built_payloads")), 2);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("audit_log")), entries);
    QVERIFY(!m_directory->peerMentor(Caller::system(), World::kMentorA2)->erased());
    QVERIFY(retention().policy(m_world.orgAdminA, World::kOrgA)->isOff());
}

void TestRetention::applyErasesAndDeletes()
{
    createPast();
    QVERIFY(retention().setPolicy(m_world.orgAdminA, World::kOrgA, rules(24, 10)));
    QCOMPARE(storedCounts(), countedCounts());
    QSignalSpy deleted(m_records.get(), &NotificationRecordService::recordDeleted);
    QSignalSpy directory(m_directory.get(), &DirectoryService::directoryChanged);

    auto done = retention().apply(m_world.orgAdminA, World::kOrgA);
    QVERIFY2(done, why(done).constData());
    QCOMPARE(done->mentors, 1);
    QCOMPARE(done->records, 2);
    QCOMPARE(done->payloads, 1);

    auto per = m_directory->peerMentor(Caller::system(), World::kMentorA2);
    QVERIFY(per);
    QVERIFY(per->erased());
    QVERIFY(per->name.startsWith(PersonalDataService::anonymousNamePrefix()));
    QVERIFY(!m_directory->peerMentor(Caller::system(), World::kMentorA1)->erased()); // still active

    // Per's pause goes on (she is still paused, records say); Åse has her recent pause only.
    auto perHistory = m_records->history(m_world.orgAdminA, World::kMentorA2);
    QVERIFY(perHistory);
    QCOMPARE(perHistory->events.size(), 1);
    QVERIFY(!perHistory->events.first().reason); // erased with her
    QCOMPARE(m_records->profile(m_world.orgAdminA, World::kMentorA2)->status, PauseStatus::Paused);
    auto ase = m_records->history(m_world.orgAdminA, World::kMentorA1);
    QVERIFY(ase);
    QCOMPARE(ase->events.size(), 1);
    QCOMPARE(ase->events.first().sentAt, testNow().addMonths(-1));
    QCOMPARE(
        countRows(m_db->db(), QStringLiteral("notification_records"), QStringLiteral("org_id = 'org_b'")), 2);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("built_payloads")), 1);
    QCOMPARE(storedCounts(), countedCounts());
    QCOMPARE(deleted.size(), 2);
    QCOMPARE(deleted.first().at(1).toString(), World::kOrgA);
    QCOMPARE(directory.size(), 1); // the erasure

    // Audited: the erasure names the rule, the deletion counts.
    AuditLog audit(m_db->db(), m_clock);
    AuditQuery query;
    query.kind = QStringLiteral("peer_mentor.erase");
    auto erasures = audit.list(m_world.orgAdminA, query, PageRequest{1, 10});
    QVERIFY(erasures);
    QCOMPARE(erasures->total, 1);
    QVERIFY2(erasures->items.first().detail.startsWith(QStringLiteral("inactive for more than 24 months: ")),
             qPrintable(erasures->items.first().detail));
    query.kind = QStringLiteral("organisation.retention_delete");
    auto deletions = audit.list(m_world.orgAdminA, query, PageRequest{1, 10});
    QVERIFY(deletions);
    QCOMPARE(deletions->total, 1);
    QCOMPARE(deletions->items.first().detail, QStringLiteral("2 records, 1 payloads older than 10 years"));

    // Nothing is left to do.
    done = retention().apply(m_world.orgAdminA, World::kOrgA);
    QVERIFY(done);
    QVERIFY(done->isEmpty());
    QCOMPARE(auditEntries(QStringLiteral("organisation.retention_delete")), 1);
}

void TestRetention::applyAllFollowsEachOrganisationsRules()
{
    createPast();
    QVERIFY(retention().setPolicy(m_world.orgAdminB, World::kOrgB, rules(std::nullopt, 5)));
    // As the housekeeping runs it.
    auto done = retention().applyAll(Caller::system());
    QVERIFY2(done, why(done).constData());
    QCOMPARE(done->mentors, 0);
    QCOMPARE(done->records, 2); // Bjørn's pause and resume: he is active
    QCOMPARE(m_records->profile(m_world.orgAdminB, World::kMentorB1)->status, PauseStatus::Active);
    QCOMPARE(
        countRows(m_db->db(), QStringLiteral("notification_records"), QStringLiteral("org_id = 'org_a'")),
        4); // organisation A has no rules
    QCOMPARE(storedCounts(), countedCounts());
    QCOMPARE(codeOf(retention().applyAll(m_world.coordinatorA)), QStringLiteral("forbidden"));
}

CC_DATABASE_TEST_MAIN(TestRetention)
#include "tst_retention.moc"
