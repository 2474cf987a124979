// core/Permissions: the table itself, and a role × action × organisation matrix generated from it.
// Every action has a probe that does it through its service as each role, in the caller's own
// organisation and in the other one: an action added to the table without a probe fails here.
// A last check reads the sources: roles are compared nowhere but in Permissions and Caller.
#include "core/AuditLog.h"
#include "core/AuthService.h"
#include "core/Backup.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/PayloadService.h"
#include "core/Permissions.h"
#include "core/PersonalDataService.h"
#include "core/RetentionService.h"
#include "core/TemplateService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QDirIterator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace cc;
using namespace cc::test;

Q_DECLARE_METATYPE(cc::Action)

namespace {

// Does the action as `caller` on things of organisation `org` ("A" or "B"); the outcome.
using Probe = std::function<Status(const Caller &caller, const QString &org)>;

template<typename R>
Status statusOf(const R &result)
{
    return result ? Status() : Status(result.error());
}

} // namespace

class TestPermissions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void tableHasOneRowPerAction();
    void mayFollowsTheTable();
    void scopeOrg_data();
    void scopeOrg();

    void matrix_data();
    void matrix();

    void orgAdminBackupHoldsOnlyTheirOrganisation();
    void firstStartOnlyWhileNoUserExists();
    void rolesAreComparedOnlyInPermissions();

private:
    NewRecord pauseIn(const QString &org);
    QString recordOf(const QString &org);
    QHash<Action, Probe> probes();

    std::unique_ptr<TestDatabase> m_db;
    ManualClock m_clock{testNow()};
    World m_world;
    std::unique_ptr<DirectoryService> m_directory;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<NotificationRecordService> m_records;
    std::unique_ptr<TemplateService> m_templates;
    std::unique_ptr<PayloadService> m_payloads;
    QTemporaryDir m_dir;
    int m_serial = 0;
};

void TestPermissions::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    QVERIFY(m_dir.isValid());
    m_directory = std::make_unique<DirectoryService>(m_db->db(), m_clock);
    m_auth = std::make_unique<AuthService>(m_db->db(), m_clock);
    m_records = std::make_unique<NotificationRecordService>(m_db->db(), m_clock);
    m_templates = std::make_unique<TemplateService>(m_db->db(), m_clock);
    m_payloads = std::make_unique<PayloadService>(m_db->db(), m_clock, *m_templates);
}

void TestPermissions::init()
{
    m_db->reset();
    m_clock.set(testNow());
    auto created = m_world.create(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    created = m_world.createUsers(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
}

void TestPermissions::tableHasOneRowPerAction()
{
    const QList<Permission> &table = permissionTable();
    QSet<QString> names;
    for (qsizetype i = 0; i < table.size(); ++i) {
        const Permission &p = table.at(i);
        QCOMPARE(static_cast<qsizetype>(p.action), i); // in the order of the enum
        const QString name = QString::fromLatin1(p.name);
        QVERIFY2(QRegularExpression(QStringLiteral("^[a-z]+(_[a-z]+)*$")).match(name).hasMatch(), p.name);
        QVERIFY2(!names.contains(name), p.name);
        names.insert(name);
        QVERIFY(QByteArrayView(p.refusal).size() > 20);
        QVERIFY2(p.coordinator || p.orgAdmin || p.globalAdmin, p.name);
    }
    QCOMPARE(table.size(), static_cast<qsizetype>(Action::RunSetup) + 1);
}

void TestPermissions::mayFollowsTheTable()
{
    for (const Permission &p : permissionTable()) {
        QCOMPARE(may(m_world.coordinatorA, p.action), p.coordinator);
        QCOMPARE(may(m_world.orgAdminA, p.action), p.orgAdmin);
        QCOMPARE(may(m_world.globalAdmin, p.action), p.globalAdmin);
        const Status s = require(m_world.coordinatorA, p.action);
        QCOMPARE(s.ok(), p.coordinator);
        if (!s.ok()) {
            QCOMPARE(s.error().code, ErrorCode::Forbidden);
            QCOMPARE(s.error().message, QString::fromUtf8(p.refusal));
        }
    }
}

void TestPermissions::scopeOrg_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("expected"); // the organisation, or "refused"
    QTest::newRow("coordinator, none named") << "coordA" << QString() << World::kOrgA;
    QTest::newRow("coordinator, own") << "coordA" << World::kOrgA << World::kOrgA;
    QTest::newRow("coordinator, other") << "coordA" << World::kOrgB << "refused";
    QTest::newRow("org admin, other") << "adminB" << World::kOrgA << "refused";
    QTest::newRow("global, none named") << "global" << QString() << QString();
    QTest::newRow("global, any") << "global" << World::kOrgB << World::kOrgB;
}

void TestPermissions::scopeOrg()
{
    QFETCH(QString, who);
    QFETCH(QString, requested);
    QFETCH(QString, expected);
    const auto scope = m_world.who(who).scopeOrg(requested);
    if (expected == QLatin1String("refused")) {
        QVERIFY(!scope);
        QCOMPARE(scope.error().code, ErrorCode::Invalid);
        QCOMPARE(scope.error().fields.first().field, QStringLiteral("org_id"));
    } else {
        QVERIFY(scope);
        QCOMPARE(*scope, expected);
    }
}

// A pause of the organisation's first mentor, told by its first coordinator.
NewRecord TestPermissions::pauseIn(const QString &org)
{
    const bool a = org == QLatin1String("A");
    NewRecord r;
    r.peerMentorId = a ? World::kMentorA1 : World::kMentorB1;
    r.coordinatorId = a ? World::kCoordA1 : World::kCoordB1;
    r.eventType = EventType::PauseActivated;
    r.effectiveDate = utc(2026, 3, 20);
    r.channels = {QStringLiteral("push")};
    return r;
}

// A record of the organisation's first mentor, made by its coordinator.
QString TestPermissions::recordOf(const QString &org)
{
    const bool a = org == QLatin1String("A");
    auto added = m_records->record(a ? m_world.coordinatorA : m_world.coordinatorB, pauseIn(org));
    return added ? added->id : QString();
}

QHash<Action, Probe> TestPermissions::probes()
{
    const auto orgId = [](const QString &org) {
        return org == QLatin1String("A") ? World::kOrgA : World::kOrgB;
    };
    QHash<Action, Probe> p;
    p[Action::RecordNotification] = [this](const Caller &c, const QString &org) {
        return statusOf(m_records->record(c, pauseIn(org)));
    };
    p[Action::EditRecord] = [this](const Caller &c, const QString &org) {
        RecordUpdate change;
        change.notes = std::optional<QString>(QStringLiteral("Called back."));
        return statusOf(m_records->update(c, recordOf(org), change));
    };
    p[Action::DeleteRecord] = [this](const Caller &c, const QString &org) {
        return statusOf(m_records->remove(c, recordOf(org)));
    };
    p[Action::BuildPayloads] = [this](const Caller &c, const QString &org) {
        BuildRequest request;
        request.payloadType = QStringLiteral("coordinator_pause");
        request.peerMentorId = org == QLatin1String("A") ? World::kMentorA1 : World::kMentorB1;
        request.date = utc(2026, 3, 20);
        return statusOf(m_payloads->build(c, request));
    };
    p[Action::EditTemplates] = [this](const Caller &c, const QString &) {
        // A template change is always in the caller's own scope: there is no other organisation's
        // template to reach.
        TemplateChange change;
        change.title = QStringLiteral("Pause – notice");
        return statusOf(m_templates->update(c, QStringLiteral("coordinator-pause"), change));
    };
    p[Action::DeleteTemplates] = [this, orgId](const Caller &c, const QString &org) {
        TemplateChange custom;
        custom.title = QStringLiteral("Welcome");
        custom.body = QStringLiteral("Welcome, {{peer_mentor_name}}.");
        custom.type = QStringLiteral("coordinator_pause");
        const Caller admin = org == QLatin1String("A") ? m_world.orgAdminA : m_world.orgAdminB;
        const QString id = QStringLiteral("welcome-%1").arg(++m_serial);
        if (auto made = m_templates->update(admin, id, custom); !made)
            return Status(made.error());
        return statusOf(m_templates->remove(c, id, c.isGlobalAdmin() ? orgId(org) : QString()));
    };
    p[Action::ManageUsers] = [this](const Caller &c, const QString &org) {
        // An org admin's own users are listed; another organisation's user cannot be managed.
        const QString other =
            org == QLatin1String("A") ? m_world.coordinatorA.userId : m_world.coordinatorB.userId;
        if (auto listed = m_directory->users(c); !listed)
            return Status(listed.error());
        return statusOf(m_directory->setDisabled(c, other, true));
    };
    p[Action::ManageOthersDevices] = [this](const Caller &c, const QString &org) {
        const Caller &someone = org == QLatin1String("A") ? m_world.orgAdminA : m_world.orgAdminB;
        return statusOf(m_auth->createPairingCode(
            c, someone.userId == c.userId ? m_world.coordinatorA.username : someone.username));
    };
    p[Action::ManageDirectory] = [this, orgId](const Caller &c, const QString &org) {
        return statusOf(m_directory->addCoordinator(
            c,
            Coordinator{
                QStringLiteral("coord_new_%1").arg(++m_serial), orgId(org), QStringLiteral("New"), {}, {}}));
    };
    p[Action::EditMentorContact] = [this](const Caller &c, const QString &org) {
        // The organisation's first mentor, who is its first coordinator's (coordinator A's own).
        auto m = m_directory->peerMentor(Caller::system(),
                                         org == QLatin1String("A") ? World::kMentorA1 : World::kMentorB1);
        if (!m)
            return Status(m.error());
        m->phone = QStringLiteral("+47 400 %1").arg(++m_serial);
        return statusOf(m_directory->updatePeerMentor(c, *m));
    };
    p[Action::ExportPersonalData] = [this](const Caller &c, const QString &org) {
        PersonalDataService personal(m_db->db(), m_clock, *m_directory, *m_records);
        return statusOf(
            personal.exportMentor(c, org == QLatin1String("A") ? World::kMentorA1 : World::kMentorB1));
    };
    p[Action::ErasePersonalData] = [this](const Caller &c, const QString &org) {
        // Confirmed with her name, as the console asks.
        const QString id = org == QLatin1String("A") ? World::kMentorA1 : World::kMentorB1;
        auto m = m_directory->peerMentor(Caller::system(), id);
        if (!m)
            return Status(m.error());
        PersonalDataService personal(m_db->db(), m_clock, *m_directory, *m_records);
        return statusOf(personal.eraseMentor(c, id, m->name));
    };
    p[Action::ManageRetention] = [this, orgId](const Caller &c, const QString &org) {
        RetentionService retention(m_db->db(), m_clock, *m_directory, *m_records);
        RetentionPolicy policy;
        policy.eraseInactiveAfterMonths = 24;
        return retention.setPolicy(c, orgId(org), policy);
    };
    p[Action::ManageOrganisations] = [this](const Caller &c, const QString &) {
        Organisation o;
        o.id = QStringLiteral("org_new_%1").arg(++m_serial);
        o.name = QStringLiteral("New organisation");
        return statusOf(m_directory->addOrganisation(c, o));
    };
    p[Action::BackUp] = [this](const Caller &c, const QString &) {
        // Whose rows go in is checked by BackUp tests of their own (an org admin's export).
        return statusOf(Backup::run(c, m_db->db(), m_dir.filePath(QStringLiteral("b%1.db").arg(++m_serial))));
    };
    p[Action::Restore] = [this](const Caller &c, const QString &) {
        // Into a new, empty SQLite database: which rows come back is tst_api_restore's.
        const QString backup = m_dir.filePath(QStringLiteral("r%1.db").arg(++m_serial));
        if (auto made = Backup::run(Caller::system(), m_db->db(), backup); !made)
            return Status(made.error());
        Database target(
            DatabaseUrl{DatabaseUrl::Kind::Sqlite, backup + QStringLiteral(".restored"), {}, 0, {}, {}, {}});
        if (auto s = target.open(); !s)
            return s;
        return statusOf(Backup::restore(c, backup, target, m_clock));
    };
    p[Action::ManageGlobalAdmins] = [this](const Caller &c, const QString &) {
        DirectoryService::NewUser admin{
            QStringLiteral("global%1").arg(++m_serial), {}, Role::GlobalAdmin, {}, {}, World::kPassword};
        return statusOf(m_directory->addUser(c, admin));
    };
    p[Action::ReadAudit] = [this](const Caller &c, const QString &org) {
        // The entries about the organisation's first mentor (her creation at least): another
        // organisation's are not there for the caller, which the probe tells as NotFound.
        AuditLog audit(m_db->db(), m_clock);
        AuditQuery about;
        about.entityId = org == QLatin1String("A") ? World::kMentorA1 : World::kMentorB1;
        auto entries = audit.list(c, about, PageRequest{1, 10});
        if (!entries)
            return Status(entries.error());
        if (entries->total == 0)
            return Status(Error::notFound(QStringLiteral("No audit entry about this mentor.")));
        return Status();
    };
    p[Action::RunSetup] = [this](const Caller &c, const QString &) {
        DirectoryService::FirstOrganisation first;
        first.organisation.id = QStringLiteral("org_setup_%1").arg(++m_serial);
        first.organisation.name = QStringLiteral("Set up");
        first.adminUsername = QStringLiteral("setup%1").arg(m_serial);
        first.adminName = QStringLiteral("First Admin");
        first.password = World::kPassword;
        return statusOf(m_directory->setUp(c, first));
    };
    return p;
}

void TestPermissions::matrix_data()
{
    QTest::addColumn<Action>("action");
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("org");
    QTest::addColumn<bool>("allowed");
    for (const Permission &p : permissionTable()) {
        for (const auto &[who, allowed] :
             {std::pair{"coordA", p.coordinator}, std::pair{"adminA", p.orgAdmin},
              std::pair{"global", p.globalAdmin}}) {
            QTest::addRow("%s, %s, own organisation", p.name, who)
                << p.action << QString::fromLatin1(who) << QStringLiteral("A") << allowed;
            // Another organisation's things: only a global admin (where the role may at all).
            QTest::addRow("%s, %s, other organisation", p.name, who)
                << p.action << QString::fromLatin1(who) << QStringLiteral("B")
                << (allowed && QByteArrayView(who) == "global");
        }
    }
}

void TestPermissions::matrix()
{
    QFETCH(Action, action);
    QFETCH(QString, who);
    QFETCH(QString, org);
    QFETCH(bool, allowed);
    const QHash<Action, Probe> all = probes();
    QVERIFY2(all.contains(action), "an action of the permission table has no probe in this matrix");
    // Some things only exist in the caller's own scope (templates it edits, organisations it
    // adds, backups): their "other organisation" row is the same call.
    const bool scopeless = action == Action::EditTemplates || action == Action::ManageOrganisations
        || action == Action::BackUp || action == Action::Restore || action == Action::ManageGlobalAdmins
        || action == Action::RunSetup;
    if (scopeless && org == QLatin1String("B"))
        allowed = may(m_world.who(who), action);
    const Status s = all.value(action)(m_world.who(who), org);
    if (allowed) {
        QVERIFY2(s.ok(), why(s).constData());
    } else {
        QVERIFY(!s.ok());
        // Refused for the role (403), or the other organisation's thing is not there for them (404,
        // 422 for a mentor of another organisation).
        QVERIFY2(s.error().code == ErrorCode::Forbidden || s.error().code == ErrorCode::NotFound
                     || s.error().code == ErrorCode::Unprocessable,
                 why(s).constData());
        if (!may(m_world.who(who), action) && org == QLatin1String("A"))
            QCOMPARE(s.error().message, QString::fromUtf8(permission(action).refusal));
    }
}

// item 4 of the security issue: an org admin's backup is an export of their organisation, without
// accounts, secrets or another organisation's people; a global admin's has everything.
void TestPermissions::orgAdminBackupHoldsOnlyTheirOrganisation()
{
    QVERIFY(!recordOf(QStringLiteral("A")).isEmpty());
    QVERIFY(!recordOf(QStringLiteral("B")).isEmpty());
    QVERIFY(m_auth->signIn(m_world.coordinatorB.username, World::kPassword, QStringLiteral("10.0.0.9")));
    QVERIFY(
        !m_auth->signIn(m_world.coordinatorA.username, QStringLiteral("wrong"), QStringLiteral("10.0.0.9")));

    const QString file = m_dir.filePath(QStringLiteral("export-a.db"));
    auto copied = Backup::run(m_world.orgAdminA, m_db->db(), file);
    QVERIFY2(copied, why(copied).constData());
    Database exported(DatabaseUrl{DatabaseUrl::Kind::Sqlite, file, {}, 0, {}, {}, {}});
    QVERIFY(exported.open().ok());
    const auto rows = [&exported](const QString &table, const QString &where = {}) {
        return countRows(exported, table, where);
    };
    QCOMPARE(rows(QStringLiteral("organisations")), 1);
    QCOMPARE(rows(QStringLiteral("organisations"), QStringLiteral("id = 'org_a'")), 1);
    QCOMPARE(rows(QStringLiteral("coordinators")), 2);
    QCOMPARE(rows(QStringLiteral("peer_mentors")), 2);
    QCOMPARE(rows(QStringLiteral("notification_records")), 1);
    QCOMPARE(rows(QStringLiteral("notification_records"), QStringLiteral("org_id <> 'org_a'")), 0);
    QVERIFY(rows(QStringLiteral("audit_log")) >= 1);
    QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("org_id IS NULL OR org_id <> 'org_a'")), 0);
    for (const char *secret : {"users", "api_tokens", "pairing_codes", "login_failures", "idempotency_keys"})
        QCOMPARE(rows(QString::fromLatin1(secret)), 0);
    QCOMPARE(*copied,
             rows(QStringLiteral("organisations")) + 2 + 2 + 1 + rows(QStringLiteral("record_counts"))
                 + rows(QStringLiteral("record_counts_by_mentor")) + rows(QStringLiteral("payload_templates"))
                 + rows(QStringLiteral("payload_template_versions")) + rows(QStringLiteral("built_payloads"))
                 + rows(QStringLiteral("audit_log")));

    // A global admin's backup has every organisation and every account.
    const QString whole = m_dir.filePath(QStringLiteral("whole.db"));
    QVERIFY(Backup::run(m_world.globalAdmin, m_db->db(), whole));
    Database everything(DatabaseUrl{DatabaseUrl::Kind::Sqlite, whole, {}, 0, {}, {}, {}});
    QVERIFY(everything.open().ok());
    QCOMPARE(countRows(everything, QStringLiteral("organisations")), 2);
    QCOMPARE(countRows(everything, QStringLiteral("users")), 5);
    QCOMPARE(countRows(everything, QStringLiteral("notification_records")), 2);
}

// item 4: the first start is a rule of core, not of the setup dialog: with nobody signed in it
// works only while the database has no user, and all of it or nothing is made.
void TestPermissions::firstStartOnlyWhileNoUserExists()
{
    DirectoryService::FirstOrganisation first;
    first.organisation.id = QStringLiteral("org_first");
    first.organisation.name = QStringLiteral("First");
    first.adminUsername = QStringLiteral("first.admin");
    first.adminName = QStringLiteral("First Admin");
    first.password = World::kPassword;

    // The world has users: refused, and nothing is made.
    bool ran = false;
    const Status refused = m_directory->setUp(std::nullopt, [&](const Caller &) {
        ran = true;
        return Status();
    });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Forbidden);
    QCOMPARE(refused.error().message, QString::fromUtf8(permission(Action::RunSetup).refusal));
    QVERIFY(!ran);
    QVERIFY(!m_directory->setUp(std::nullopt, first));
    QCOMPARE(countRows(m_db->db(), QStringLiteral("organisations"), QStringLiteral("id = 'org_first'")), 0);

    // An empty database: a failure half-way leaves nothing, then it works once.
    m_db->reset();
    DirectoryService::FirstOrganisation bad = first;
    bad.password = QStringLiteral("short");
    QVERIFY(!m_directory->setUp(std::nullopt, bad));
    QCOMPARE(countRows(m_db->db(), QStringLiteral("organisations")), 0);
    auto admin = m_directory->setUp(std::nullopt, first);
    QVERIFY2(admin, why(admin).constData());
    QCOMPARE(admin->role, Role::OrgAdmin);
    QCOMPARE(admin->orgId, QStringLiteral("org_first"));
    first.organisation.id = QStringLiteral("org_second");
    first.adminUsername = QStringLiteral("second.admin");
    const auto again = m_directory->setUp(std::nullopt, first);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Forbidden);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("users")), 1);
}

void TestPermissions::rolesAreComparedOnlyInPermissions()
{
    const QRegularExpression comparison(QStringLiteral("\\.\\s*role\\s*[!=]=|role\\s*\\(\\)\\s*[!=]="));
    const QRegularExpression ofCaller(QStringLiteral("caller|m_caller|Caller"));
    QStringList found;
    for (const char *layer : {"app", "core", "server", "ui"}) {
        QDirIterator it(QStringLiteral(CC_SOURCE_DIR "/") + QLatin1String(layer),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(QLatin1String("core/Permissions.cpp"))
                || path.endsWith(QLatin1String("core/Caller.h"))
                || path.endsWith(QLatin1String("core/Caller.cpp")))
                continue;
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            int number = 0;
            for (const QByteArray &line : file.readAll().split('\n')) {
                ++number;
                const QString text = QString::fromUtf8(line);
                if (comparison.match(text).hasMatch() && ofCaller.match(text).hasMatch())
                    found << QStringLiteral("%1:%2: %3").arg(path).arg(number).arg(text.trimmed());
            }
        }
    }
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

CC_DATABASE_TEST_MAIN(TestPermissions)
#include "tst_permissions.moc"
