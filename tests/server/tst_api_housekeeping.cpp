// The API server's housekeeping applies the organisations' retention rules when it starts (and
// hourly after): a mentor who left long ago is erased where her organisation's rule says so, and
// nowhere else.
#include "core/AuthService.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/PayloadService.h"
#include "core/RetentionService.h"
#include "core/TemplateService.h"
#include "server/ApiServer.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QTest>

using namespace cc;
using namespace cc::test;

class TestApiHousekeeping : public QObject
{
    Q_OBJECT

private slots:
    void startAppliesTheRetentionRules()
    {
        TestDatabase database;
        QVERIFY2(database.ok(), qPrintable(database.error()));
        Database &db = database.db();
        ManualClock clock(testNow().addYears(-3));
        World world;
        QVERIFY(world.create(db, clock));
        DirectoryService directory(db, clock);
        AuthService auth(db, clock);
        NotificationRecordService records(db, clock);
        TemplateService templates(db, clock);
        PayloadService payloads(db, clock, templates);
        // Per (A) and Bjørn (B) left three years ago; only A erases after 24 months.
        QVERIFY(directory.setPeerMentorActive(Caller::system(), World::kMentorA2, false));
        QVERIFY(directory.setPeerMentorActive(Caller::system(), World::kMentorB1, false));
        clock.set(testNow());
        RetentionService retention(db, clock, directory, records);
        QVERIFY(retention.setPolicy(Caller::system(), World::kOrgA, RetentionPolicy{24, std::nullopt}));

        api::ApiServer server(api::Services{db, clock, auth, directory, records, templates, payloads});
        api::ServerOptions options;
        options.address = QHostAddress::LocalHost;
        options.port = 0;
        auto started = server.start(options);
        QVERIFY2(started, why(started).constData());
        QTRY_VERIFY(directory.peerMentor(Caller::system(), World::kMentorA2)->erased());
        server.stop();
        QVERIFY(!directory.peerMentor(Caller::system(), World::kMentorB1)->erased());
        QVERIFY(!directory.peerMentor(Caller::system(), World::kMentorA1)->erased()); // active
        QCOMPARE(countRows(db, QStringLiteral("audit_log"),
                           QStringLiteral("action = 'peer_mentor.erase' AND username = 'system'")),
                 1);
    }
};

CC_DATABASE_TEST_MAIN(TestApiHousekeeping)
#include "tst_api_housekeeping.moc"
