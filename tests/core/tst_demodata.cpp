#include "core/AuthService.h"
#include "core/Backup.h"
#include "core/DemoData.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/PayloadService.h"
#include "core/TemplateService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test;

namespace {

QMap<QString, qint64> countAll(Database &db)
{
    QMap<QString, qint64> out;
    for (const QString &table : Backup::tables())
        out.insert(table, countRows(db, table));
    return out;
}

const QString kOrg = QString::fromLatin1(DemoData::kOrgId);
const QString kKari = QStringLiteral("pm_551e8400");

Caller orgAdmin()
{
    return makeCaller(Role::OrgAdmin, kOrg, QStringLiteral("test"), QStringLiteral("test"));
}

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void createMakesDemoOrganisation();
    void createMakesRecordsOverThePastYear();
    void createMakesOneUserOfEachRole();
    void accountsSignIn();
    void kariIsPaused();
    void createTwiceIsConflict();

    void addRecordsAddsExactly();
    void addRecordsCanBeCalledAgain();
    void addRecordsCreatesOrganisationWhenMissing();
    void addRecordsBounds_data();
    void addRecordsBounds();
    void addRecordsStops();

    void backupCopiesEveryTable();
    void backupOfEmptyDatabase();
    void backupRefusesExistingFile();
    void cancelledBackupLeavesNothing();

private:
    Result<DemoData::Summary> create();

    std::unique_ptr<test::TestDatabase> m_db;
    ManualClock m_clock{test::testNow()};
    std::unique_ptr<DirectoryService> m_directory;
    std::unique_ptr<DemoData> m_demo;
};

void TestDemoData::initTestCase()
{
    m_db = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_directory = std::make_unique<DirectoryService>(m_db->db(), m_clock);
    m_demo = std::make_unique<DemoData>(m_db->db(), *m_directory, m_clock);
}

void TestDemoData::cleanupTestCase()
{
    m_demo.reset();
    m_directory.reset();
    m_db.reset();
}

void TestDemoData::init()
{
    m_db->reset();
    m_clock.set(test::testNow());
}

Result<DemoData::Summary> TestDemoData::create()
{
    return m_demo->create();
}

void TestDemoData::createMakesDemoOrganisation()
{
    auto summary = create();
    QVERIFY2(summary, why(summary).constData());
    QCOMPARE(summary->orgId, QStringLiteral("org_nhf_oslo"));
    QCOMPARE(summary->coordinators, 2);
    QCOMPARE(summary->mentors, 25);
    QVERIFY(summary->records > 0);

    const Caller global = Caller::system();
    auto org = m_directory->organisation(global, kOrg);
    QVERIFY2(org, why(org).constData());
    QCOMPARE(org->locale, QStringLiteral("nb"));
    QCOMPARE(org->timeZone, QStringLiteral("Europe/Oslo"));
    QVERIFY(!org->name.isEmpty());
    QCOMPARE(countRows(m_db->db(), QStringLiteral("organisations")), qint64(1));

    auto coordinators = m_directory->coordinators(global, kOrg);
    QVERIFY2(coordinators, why(coordinators).constData());
    QCOMPARE(coordinators->size(), 2);
    QStringList coordinatorIds;
    for (const Coordinator &c : std::as_const(*coordinators)) {
        coordinatorIds << c.id;
        QCOMPARE(c.orgId, kOrg);
    }

    auto mentors = m_directory->peerMentors(global);
    QVERIFY2(mentors, why(mentors).constData());
    QCOMPARE(mentors->size(), 25);
    QSet<QString> ids;
    QSet<QString> names;
    for (const PeerMentor &m : std::as_const(*mentors)) {
        QCOMPARE(m.orgId, kOrg);
        QVERIFY2(coordinatorIds.contains(m.coordinatorId), qPrintable(m.id));
        QVERIFY(!m.name.isEmpty());
        ids.insert(m.id);
        names.insert(m.name);
    }
    QCOMPARE(ids.size(), 25);
    QCOMPARE(names.size(), 25);

    auto kari = m_directory->peerMentor(global, kKari);
    QVERIFY2(kari, why(kari).constData());
    QCOMPARE(kari->name, QStringLiteral("Kari Nordmann"));
    QVERIFY(coordinatorIds.contains(kari->coordinatorId));
    QVERIFY(!kari->email.isEmpty());
    QVERIFY(!kari->phone.isEmpty());
}

void TestDemoData::createMakesRecordsOverThePastYear()
{
    auto summary = create();
    QVERIFY2(summary, why(summary).constData());
    QCOMPARE(countRows(m_db->db(), QStringLiteral("notification_records")), summary->records);

    NotificationRecordService records(m_db->db(), m_clock);
    RecordFilter all;
    auto page = records.window(orgAdmin(), all, 0, 10'000);
    QVERIFY2(page, why(page).constData());
    QCOMPARE(qint64(page->size()), summary->records);
    const QDateTime now = m_clock.now();
    QSet<QString> ids;
    QSet<QString> mentorsWithRecords;
    for (const NotificationRecord &r : std::as_const(*page)) {
        QCOMPARE(r.orgId, kOrg);
        QVERIFY2(r.sentAt <= now, qPrintable(r.id));
        QVERIFY2(r.sentAt >= now.addDays(-366), qPrintable(r.id));
        QVERIFY(r.effectiveDate.isValid());
        QVERIFY(r.effectiveDate >= now.addDays(-366));
        QVERIFY(!r.channels.isEmpty());
        for (const QString &channel : std::as_const(r.channels))
            QVERIFY(channelNames().contains(channel));
        QVERIFY(r.dispatchIds.size() <= NotificationRecordService::kMaxDispatchIds);
        QVERIFY2(QRegularExpression(QStringLiteral("^nr_[0-9a-f]{12}$")).match(r.id).hasMatch(),
                 qPrintable(r.id));
        QVERIFY(!r.coordinatorName.isEmpty());
        ids.insert(r.id);
        mentorsWithRecords.insert(r.peerMentorId);
        if (r.eventType == EventType::PauseDeactivated)
            QVERIFY(!r.reason.has_value());
    }
    QCOMPARE(ids.size(), page->size());
    QVERIFY(mentorsWithRecords.contains(kKari));
    QVERIFY(mentorsWithRecords.size() > 5); // spread over many mentors, not one

    // Each mentor's events alternate, starting with a pause.
    for (const QString &mentor : std::as_const(mentorsWithRecords)) {
        auto history = records.history(orgAdmin(), mentor);
        QVERIFY2(history, why(history).constData());
        const QList<NotificationRecord> &events = history->events; // newest first
        for (qsizetype i = 0; i < events.size(); ++i) {
            const qsizetype fromOldest = events.size() - 1 - i;
            QCOMPARE(events.at(i).eventType,
                     fromOldest % 2 == 0 ? EventType::PauseActivated : EventType::PauseDeactivated);
        }
    }
}

void TestDemoData::createMakesOneUserOfEachRole()
{
    auto summary = create();
    QVERIFY2(summary, why(summary).constData());
    QCOMPARE(summary->accounts.size(), 4);
    auto users = m_directory->users(Caller::system());
    QVERIFY2(users, why(users).constData());
    QCOMPARE(users->size(), 4);
    QMap<QString, User> byName;
    for (const User &u : std::as_const(*users))
        byName.insert(u.username, u);
    QCOMPARE(byName.keys(),
             (QStringList{QStringLiteral("globaladmin"), QStringLiteral("ingrid"), QStringLiteral("orgadmin"),
                          QStringLiteral("per")}));
    QCOMPARE(byName.value(QStringLiteral("ingrid")).role, Role::Coordinator);
    QCOMPARE(byName.value(QStringLiteral("ingrid")).orgId, kOrg);
    QCOMPARE(byName.value(QStringLiteral("per")).role, Role::Coordinator);
    QVERIFY(byName.value(QStringLiteral("ingrid")).coordinatorId
            != byName.value(QStringLiteral("per")).coordinatorId);
    QVERIFY(!byName.value(QStringLiteral("per")).coordinatorId.isEmpty());
    QCOMPARE(byName.value(QStringLiteral("orgadmin")).role, Role::OrgAdmin);
    QCOMPARE(byName.value(QStringLiteral("orgadmin")).orgId, kOrg);
    QCOMPARE(byName.value(QStringLiteral("globaladmin")).role, Role::GlobalAdmin);
    QVERIFY(byName.value(QStringLiteral("globaladmin")).orgId.isEmpty());

    // Kari's coordinator is one of the two coordinator users.
    auto kari = m_directory->peerMentor(Caller::system(), kKari);
    QVERIFY2(kari, why(kari).constData());
    QVERIFY(kari->coordinatorId == byName.value(QStringLiteral("ingrid")).coordinatorId
            || kari->coordinatorId == byName.value(QStringLiteral("per")).coordinatorId);

    QSet<QString> passwords;
    for (const DemoData::Account &account : std::as_const(summary->accounts)) {
        QVERIFY(byName.contains(account.username));
        QCOMPARE(account.role, byName.value(account.username).role);
        QCOMPARE(account.displayName, byName.value(account.username).displayName);
        QVERIFY2(account.password.size() >= DirectoryService::kMinPasswordLength,
                 qPrintable(account.username));
        QVERIFY(!byName.value(account.username).passwordHash.contains(account.password));
        passwords.insert(account.password);
    }
    QCOMPARE(passwords.size(), 4);
}

void TestDemoData::accountsSignIn()
{
    auto summary = create();
    QVERIFY2(summary, why(summary).constData());
    AuthService auth(m_db->db(), m_clock);
    for (const DemoData::Account &account : std::as_const(summary->accounts)) {
        // One-time passwords: each is replaced by the user's own before a token is issued.
        QCOMPARE(auth.signIn(account.username, account.password, QStringLiteral("127.0.0.1")).error().reason,
                 AuthService::kPasswordChangeRequired);
        const QString own = account.password + QStringLiteral(" mine");
        QVERIFY(auth.changePassword(account.username, account.password, own, QStringLiteral("127.0.0.1")));
        auto token = auth.signIn(account.username, own, QStringLiteral("127.0.0.1"));
        QVERIFY2(token, why(token).constData());
        auto caller = auth.authenticate(token->secret);
        QVERIFY2(caller, why(caller).constData());
        QCOMPARE(caller->role, account.role);
        QCOMPARE(caller->orgId, account.role == Role::GlobalAdmin ? QString() : kOrg);
        QCOMPARE(codeOf(auth.signIn(account.username, own + QLatin1Char('x'), QStringLiteral("127.0.0.2"))),
                 QStringLiteral("unauthenticated"));
    }
}

void TestDemoData::kariIsPaused()
{
    QVERIFY(create().ok());
    NotificationRecordService records(m_db->db(), m_clock);
    for (const Caller &caller : {orgAdmin(), Caller::system()}) {
        auto profile = records.profile(caller, kKari);
        QVERIFY2(profile, why(profile).constData());
        QCOMPARE(profile->status, PauseStatus::Paused);
        QVERIFY(profile->pauseStartDate.isValid());
        QVERIFY(profile->pauseStartDate <= m_clock.now());
        QCOMPARE(profile->mentor.name, QStringLiteral("Kari Nordmann"));
    }
    auto history = records.history(orgAdmin(), kKari);
    QVERIFY2(history, why(history).constData());
    QVERIFY(!history->events.isEmpty());
    QCOMPARE(history->events.first().eventType, EventType::PauseActivated);

    // Kari's pause renders with her real date.
    TemplateService templates(m_db->db(), m_clock);
    PayloadService payloads(m_db->db(), m_clock, templates);
    TemplateValues values;
    values.peerMentorId = kKari;
    auto rendered = payloads.render(orgAdmin(), QStringLiteral("coordinator-pause"), values);
    QVERIFY2(rendered, why(rendered).constData());
    QCOMPARE(rendered->locale, QStringLiteral("nb"));
    QVERIFY2(rendered->body.startsWith(QLatin1String("Kari Nordmann har startet en pause fra ")),
             qPrintable(rendered->body));
}

void TestDemoData::createTwiceIsConflict()
{
    QVERIFY(create().ok());
    const QMap<QString, qint64> before = countAll(m_db->db());
    auto again = create();
    QCOMPARE(codeOf(again), QStringLiteral("conflict"));
    QVERIFY(!again.error().message.isEmpty());
    QCOMPARE(countAll(m_db->db()), before);
}

void TestDemoData::addRecordsAddsExactly()
{
    QVERIFY(create().ok());
    const qint64 records = countRows(m_db->db(), QStringLiteral("notification_records"));
    const qint64 mentors = countRows(m_db->db(), QStringLiteral("peer_mentors"));
    QList<QPair<qint64, qint64>> calls;
    auto summary = m_demo->addRecords(3000, [&](qint64 done, qint64 total) {
        calls.append({done, total});
        return true;
    });
    QVERIFY2(summary, why(summary).constData());
    QCOMPARE(summary->records, qint64(3000));
    QCOMPARE(summary->orgId, kOrg);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("notification_records")), records + 3000);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("notification_records"),
                       QStringLiteral("org_id = 'org_nhf_oslo'")),
             records + 3000);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("peer_mentors")), mentors + summary->mentors);
    QVERIFY(summary->mentors >= 1);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("notification_records"),
                       QStringLiteral("sent_at > '2026-03-19T14:30:05.000Z'")),
             qint64(0));
    QVERIFY(!calls.isEmpty());
    QCOMPARE(calls.last(), (QPair<qint64, qint64>(3000, 3000)));
    for (const auto &call : std::as_const(calls))
        QVERIFY(call.first <= call.second);
}

void TestDemoData::addRecordsCanBeCalledAgain()
{
    QVERIFY(create().ok());
    const qint64 records = countRows(m_db->db(), QStringLiteral("notification_records"));
    // The clock stands still: the second call must not draw the same ids.
    auto first = m_demo->addRecords(120);
    QVERIFY2(first, why(first).constData());
    auto second = m_demo->addRecords(120);
    QVERIFY2(second, why(second).constData());
    QCOMPARE(countRows(m_db->db(), QStringLiteral("notification_records")), records + 240);
}

void TestDemoData::addRecordsCreatesOrganisationWhenMissing()
{
    auto summary = m_demo->addRecords(50);
    QVERIFY2(summary, why(summary).constData());
    QCOMPARE(summary->records, qint64(50));
    QCOMPARE(countRows(m_db->db(), QStringLiteral("organisations")), qint64(1));
    QCOMPARE(countRows(m_db->db(), QStringLiteral("users")), qint64(4));
    QCOMPARE(countRows(m_db->db(), QStringLiteral("peer_mentors")), qint64(25 + summary->mentors));
    QVERIFY(countRows(m_db->db(), QStringLiteral("notification_records")) > 50);
    NotificationRecordService records(m_db->db(), m_clock);
    auto profile = records.profile(orgAdmin(), kKari);
    QVERIFY2(profile, why(profile).constData());
    QCOMPARE(profile->status, PauseStatus::Paused);
}

void TestDemoData::addRecordsBounds_data()
{
    QTest::addColumn<qint64>("count");
    QTest::newRow("0") << qint64(0);
    QTest::newRow("-1") << qint64(-1);
    QTest::newRow("over 100 million") << qint64(100'000'001);
}

void TestDemoData::addRecordsBounds()
{
    QFETCH(qint64, count);
    auto summary = m_demo->addRecords(count);
    QCOMPARE(codeOf(summary), QStringLiteral("invalid"));
    QCOMPARE(summary.error().fields.value(0).field, QStringLiteral("records"));
    QCOMPARE(countRows(m_db->db(), QStringLiteral("organisations")), qint64(0));
    QCOMPARE(countRows(m_db->db(), QStringLiteral("notification_records")), qint64(0));
}

void TestDemoData::addRecordsStops()
{
    QVERIFY(create().ok());
    const qint64 records = countRows(m_db->db(), QStringLiteral("notification_records"));
    int calls = 0;
    auto summary = m_demo->addRecords(60'000, [&](qint64, qint64) {
        ++calls;
        return false;
    });
    QVERIFY(!summary.ok());
    QCOMPARE(calls, 1);
    const qint64 added = countRows(m_db->db(), QStringLiteral("notification_records")) - records;
    QVERIFY2(added < 60'000, qPrintable(QString::number(added)));
}

void TestDemoData::backupCopiesEveryTable()
{
    QVERIFY(create().ok());
    // Rows in the tables the demo does not fill.
    AuthService auth(m_db->db(), m_clock);
    auto token = auth.issueToken(QStringLiteral("orgadmin"));
    QVERIFY2(token, why(token).constData());
    auto pairing = auth.createPairingCode(Caller::system(), QStringLiteral("ingrid"));
    QVERIFY2(pairing, why(pairing).constData());
    QCOMPARE(codeOf(auth.signIn(QStringLiteral("ingrid"), QStringLiteral("wrong password"),
                                QStringLiteral("10.0.0.1"))),
             QStringLiteral("unauthenticated"));
    TemplateService templates(m_db->db(), m_clock);
    TemplateChange change;
    change.locale = QStringLiteral("nb");
    change.title = QStringLiteral("Pause – «{{peer_mentor_name}}» & co");
    QVERIFY(templates.update(orgAdmin(), QStringLiteral("coordinator-pause"), change).ok());
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorId = kKari;
    request.date = m_clock.now();
    PayloadService payloads(m_db->db(), m_clock, templates);
    auto built = payloads.build(orgAdmin(), request);
    QVERIFY2(built, why(built).constData());
    Query idem(m_db->db(),
               QStringLiteral(
                   "INSERT INTO idempotency_keys (user_id, idem_key, fingerprint, status, body, location, "
                   "created_at) VALUES ('u', 'k', 'f', 201, '{}', NULL, '2026-03-19T14:30:05.000Z')"));
    QVERIFY(idem.exec().ok());

    QMap<QString, qint64> counts = countAll(m_db->db());
    qint64 total = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        QVERIFY2(it.value() > 0, qPrintable(it.key())); // every table has something to copy
        total += it.value();
    }

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("backup.db"));
    QList<QPair<qint64, qint64>> calls;
    auto copied = Backup::run(Caller::system(), m_db->db(), file, [&](qint64 done, qint64 all) {
        calls.append({done, all});
        return true;
    });
    QVERIFY2(copied, why(copied).constData());
    QCOMPARE(*copied, total);
    QVERIFY(!calls.isEmpty());
    QCOMPARE(calls.last(), (QPair<qint64, qint64>(total, total)));
    QVERIFY(QFile::exists(file));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("backup.db")});

    {
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite:") + file);
        QVERIFY2(url, why(url).constData());
        Database backup(*url);
        auto opened = backup.open();
        QVERIFY2(opened, why(opened).constData());
        QCOMPARE(backup.schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(countAll(backup), counts);

        // The copy is usable as it is: the same answers, the same passwords and tokens.
        NotificationRecordService records(backup, m_clock);
        auto profile = records.profile(orgAdmin(), kKari);
        QVERIFY2(profile, why(profile).constData());
        QCOMPARE(profile->status, PauseStatus::Paused);
        AuthService backupAuth(backup, m_clock);
        auto caller = backupAuth.authenticate(token->secret);
        QVERIFY2(caller, why(caller).constData());
        QCOMPARE(caller->username, QStringLiteral("orgadmin"));
        TemplateService backupTemplates(backup, m_clock);
        auto t = backupTemplates.get(orgAdmin(), QStringLiteral("coordinator-pause"));
        QVERIFY2(t, why(t).constData());
        QCOMPARE(t->nb.title, *change.title);
        PayloadService backupPayloads(backup, m_clock, backupTemplates);
        auto payload = backupPayloads.payload(orgAdmin(), built->id);
        QVERIFY2(payload, why(payload).constData());
        QCOMPARE(payload->body, built->body);
        QCOMPARE(payload->createdAt, built->createdAt);
    }
    // The source is untouched but for the backup's entry in the audit log.
    counts[QStringLiteral("audit_log")] += 1;
    QCOMPARE(countAll(m_db->db()), counts);
}

void TestDemoData::backupOfEmptyDatabase()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("empty.db"));
    auto copied = Backup::run(Caller::system(), m_db->db(), file);
    QVERIFY2(copied, why(copied).constData());
    QCOMPARE(*copied, qint64(0));
    auto url = DatabaseUrl::parse(QStringLiteral("sqlite:") + file);
    QVERIFY2(url, why(url).constData());
    Database backup(*url);
    QVERIFY(backup.open().ok());
    for (const qint64 n : countAll(backup))
        QCOMPARE(n, qint64(0));
}

void TestDemoData::backupRefusesExistingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("taken.db"));
    {
        QFile existing(file);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me");
    }
    auto copied = Backup::run(Caller::system(), m_db->db(), file);
    QCOMPARE(codeOf(copied), QStringLiteral("invalid"));
    QVERIFY(copied.error().message.contains(file));
    QFile existing(file);
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("keep me"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("taken.db")});
}

void TestDemoData::cancelledBackupLeavesNothing()
{
    QVERIFY(create().ok());
    QVERIFY(m_demo->addRecords(12'000).ok()); // progress is reported every 10 000 rows
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("cancelled.db"));
    int calls = 0;
    auto copied = Backup::run(Caller::system(), m_db->db(), file, [&](qint64, qint64) {
        ++calls;
        return false; // stop at the first report
    });
    QVERIFY(!copied.ok());
    QCOMPARE(calls, 1);
    QVERIFY(!QFile::exists(file));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList{});

    // The same file name works afterwards.
    auto again = Backup::run(Caller::system(), m_db->db(), file);
    QVERIFY2(again, why(again).constData());
    QVERIFY(QFile::exists(file));
}

CC_DATABASE_TEST_MAIN(TestDemoData)
#include "tst_demodata.moc"
