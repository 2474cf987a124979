// The request workers and the group writer, on their own: every job runs once, the pool runs jobs
// side by side on connections of their own, full queues refuse, and the writer commits in groups,
// tells every write once and in order, and only after the commit.
#include "core/Database.h"
#include "server/GroupWriter.h"
#include "server/RequestPool.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"

#include <QMutex>
#include <QSemaphore>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <memory>
#include <vector>

using namespace cc;
using namespace cc::api;

namespace {

constexpr int kWaitMs = 10000;

Status insertProbe(Database &db, int n)
{
    Query q(db, QStringLiteral("INSERT INTO probe_writes (n) VALUES (:n)"));
    q.bind(QStringLiteral(":n"), n);
    return q.exec();
}

QList<int> storedProbes(Database &db)
{
    QList<int> out;
    Query q(db, QStringLiteral("SELECT n FROM probe_writes ORDER BY n"));
    if (!q.exec())
        return {-1};
    while (q.next())
        out << q.value(0).toInt();
    return out;
}

} // namespace

class TestWorkers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_database = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_database->ok(), qPrintable(m_database->error()));
        auto conn = m_database->db().connection();
        QVERIFY(conn);
        QSqlQuery ddl(*conn);
        QVERIFY(ddl.exec(QStringLiteral("CREATE TABLE probe_parents (n INTEGER PRIMARY KEY)")));
        // The parent is checked at COMMIT, not at the statement: a way to make a COMMIT fail.
        QVERIFY(ddl.exec(QStringLiteral("CREATE TABLE probe_writes (n INTEGER PRIMARY KEY, parent INTEGER "
                                        "REFERENCES probe_parents (n) DEFERRABLE INITIALLY DEFERRED)")));
    }

    void init() { QVERIFY(Query(m_database->db(), QStringLiteral("DELETE FROM probe_writes")).exec()); }

    void poolRunsEveryJobOnce()
    {
        RequestPool pool(m_database->db(), RequestPool::Options{2, 10000});
        QCOMPARE(pool.threads(), 2);
        constexpr int kJobs = 2000;
        std::vector<std::atomic<int>> runs(kJobs);
        for (int i = 0; i < kJobs; ++i)
            QVERIFY(pool.submit([&runs, i] { runs[i].fetch_add(1); }));
        pool.drain();
        for (int i = 0; i < kJobs; ++i)
            QCOMPARE(runs[i].load(), 1);
        QCOMPARE(pool.queued(), 0);
    }

    void poolIsOneThreadPerCoreByDefault()
    {
        RequestPool pool(m_database->db(), RequestPool::Options{});
        QCOMPARE(pool.threads(), qMax(1, QThread::idealThreadCount()));
    }

    // Two jobs that each wait for the other: they finish only when they run at the same time, on
    // two threads with a database connection each.
    void poolRunsJobsSideBySideOnOwnConnections()
    {
        RequestPool pool(m_database->db(), RequestPool::Options{2, 16});
        QSemaphore arrived;
        QMutex mutex;
        QSet<QString> connections;
        std::atomic<int> met{0};
        Database &db = m_database->db();
        const auto job = [&] {
            auto conn = db.connection();
            {
                QMutexLocker lock(&mutex);
                if (conn)
                    connections.insert(conn->connectionName());
            }
            // A read on this thread's connection while the other job reads on its own.
            const qint64 rows = test::countRows(db, QStringLiteral("probe_writes"));
            arrived.release();
            if (arrived.tryAcquire(2, kWaitMs)) {
                arrived.release(2);
                if (rows == 0)
                    met.fetch_add(1);
            }
        };
        QVERIFY(pool.submit(job));
        QVERIFY(pool.submit(job));
        pool.drain();
        QCOMPARE(met.load(), 2);
        QCOMPARE(connections.size(), 2);
        QVERIFY(!connections.contains(db.connection()->connectionName()));
    }

    void poolQueueIsBounded()
    {
        RequestPool pool(m_database->db(), RequestPool::Options{1, 2});
        QCOMPARE(pool.maxQueued(), 2);
        QSemaphore started;
        QSemaphore release;
        std::atomic<int> ran{0};
        QVERIFY(pool.submit([&] {
            started.release();
            release.acquire();
            ran.fetch_add(1);
        }));
        QVERIFY(started.tryAcquire(1, kWaitMs)); // the one thread is busy
        QVERIFY(pool.submit([&] { ran.fetch_add(1); }));
        QVERIFY(pool.submit([&] { ran.fetch_add(1); }));
        QCOMPARE(pool.queued(), 2);
        QVERIFY(!pool.submit([&] { ran.fetch_add(100); })); // full: refused, never run
        release.release();
        pool.drain();
        QCOMPARE(ran.load(), 3);
        QVERIFY(pool.submit([&] { ran.fetch_add(1); })); // room again
        pool.drain();
        QCOMPARE(ran.load(), 4);
    }

    void poolRunsWhatIsQueuedBeforeItStops()
    {
        std::atomic<int> ran{0};
        {
            RequestPool pool(m_database->db(), RequestPool::Options{1, 100});
            for (int i = 0; i < 50; ++i)
                QVERIFY(pool.submit([&ran] {
                    QThread::usleep(200);
                    ran.fetch_add(1);
                }));
        }
        QCOMPARE(ran.load(), 50);
    }

    // The writes that arrive while a group commits are the next group: one transaction for all of
    // them. Each is told once, in the order they ran, and only after its group's COMMIT.
    void writerCommitsInGroupsAndTellsInOrder()
    {
        Database &db = m_database->db();
        GroupWriter writer(db, GroupWriter::Options{1000, 256});
        QSemaphore started;
        QSemaphore release;
        QMutex mutex;
        QList<int> told;
        QList<int> storedWhenTold; // rows another connection saw when the write was told
        std::vector<Status> fates(200);
        constexpr int kWrites = 200;
        const auto done = [&](int n) {
            return [&, n](const Status &committed) {
                fates[n] = committed;
                // Told after the COMMIT: the row is there.
                const qint64 visible =
                    test::countRows(db, QStringLiteral("probe_writes"), QStringLiteral("n = %1").arg(n));
                QMutexLocker lock(&mutex);
                told << n;
                storedWhenTold << int(visible);
            };
        };
        QVERIFY(writer.submit(
            [&] {
                started.release();
                release.acquire();
                (void)insertProbe(db, 0);
            },
            done(0)));
        QVERIFY(started.tryAcquire(1, kWaitMs)); // the first group is under way
        for (int n = 1; n < kWrites; ++n)
            QVERIFY(writer.submit([&db, n] { (void)insertProbe(db, n); }, done(n)));
        release.release();
        writer.drain();

        QList<int> expected;
        for (int n = 0; n < kWrites; ++n)
            expected << n;
        QCOMPARE(told, expected);
        QCOMPARE(storedWhenTold, QList<int>(kWrites, 1));
        for (const Status &fate : fates)
            QVERIFY(fate.ok());
        QCOMPARE(storedProbes(db), expected);
        // The first write alone, then the 199 that waited for it together.
        QCOMPARE(writer.groups(), qint64(2));
        QCOMPARE(writer.written(), qint64(kWrites));
    }

    void writerGroupIsCapped()
    {
        Database &db = m_database->db();
        GroupWriter writer(db, GroupWriter::Options{1000, 10});
        QSemaphore started;
        QSemaphore release;
        QVERIFY(writer.submit(
            [&] {
                started.release();
                release.acquire();
            },
            [](const Status &) {}));
        QVERIFY(started.tryAcquire(1, kWaitMs));
        for (int n = 0; n < 35; ++n)
            QVERIFY(writer.submit([&db, n] { (void)insertProbe(db, n); }, [](const Status &) {}));
        release.release();
        writer.drain();
        QCOMPARE(writer.groups(), qint64(1 + 4)); // 10 + 10 + 10 + 5
        QCOMPARE(storedProbes(db).size(), 35);
    }

    // A statement that fails inside a write spoils neither the group nor the other writes (on
    // PostgreSQL it would abort the whole transaction but for the write's savepoint).
    void failedWriteIsUndoneAlone()
    {
        Database &db = m_database->db();
        GroupWriter writer(db, GroupWriter::Options{100, 256});
        QSemaphore started;
        QSemaphore release;
        std::vector<Status> fates(4);
        QVERIFY(writer.submit(
            [&] {
                started.release();
                release.acquire();
                (void)insertProbe(db, 1);
            },
            [&](const Status &s) { fates[0] = s; }));
        QVERIFY(started.tryAcquire(1, kWaitMs));
        QVERIFY(writer.submit([&] { (void)insertProbe(db, 2); }, [&](const Status &s) { fates[1] = s; }));
        // The same key again: refused by the database.
        QVERIFY(writer.submit(
            [&] {
                const Status s = insertProbe(db, 2);
                QVERIFY(!s.ok());
            },
            [&](const Status &s) { fates[2] = s; }));
        QVERIFY(writer.submit([&] { (void)insertProbe(db, 3); }, [&](const Status &s) { fates[3] = s; }));
        release.release();
        writer.drain();
        QVERIFY(fates[0].ok());
        QVERIFY(fates[1].ok());
        QVERIFY(fates[3].ok());
        // SQLite carries on after a failed statement, PostgreSQL needs the savepoint rolled back:
        // told as failed there. Either way the others are stored.
        QCOMPARE(fates[2].ok(), !m_database->isPostgres());
        QCOMPARE(storedProbes(db), (QList<int>{1, 2, 3}));
    }

    // A COMMIT that fails fails every write of the group, and each is told so.
    void failedCommitIsToldToEveryWrite()
    {
        Database &db = m_database->db();
        GroupWriter writer(db, GroupWriter::Options{100, 256});
        QSemaphore started;
        QSemaphore release;
        QList<Status> fates;
        QMutex mutex;
        const auto tell = [&](const Status &s) {
            QMutexLocker lock(&mutex);
            fates << s;
        };
        QVERIFY(writer.submit(
            [&] {
                started.release();
                release.acquire();
            },
            tell));
        QVERIFY(started.tryAcquire(1, kWaitMs));
        QVERIFY(writer.submit([&] { (void)insertProbe(db, 5); }, tell));
        QVERIFY(writer.submit(
            [&] {
                // A parent that does not exist: the COMMIT refuses the group.
                Query q(db, QStringLiteral("INSERT INTO probe_writes (n, parent) VALUES (6, 999)"));
                QVERIFY(q.exec());
            },
            tell));
        release.release();
        writer.drain();
        QCOMPARE(fates.size(), 3);
        QVERIFY(fates.at(0).ok()); // its own group, before
        QVERIFY(!fates.at(1).ok());
        QVERIFY(!fates.at(2).ok());
        QVERIFY(!fates.at(1).error().message.isEmpty());
        QCOMPARE(storedProbes(db), QList<int>());
        // The writer goes on.
        Status after;
        QVERIFY(writer.submit([&] { (void)insertProbe(db, 7); }, [&](const Status &s) { after = s; }));
        writer.drain();
        QVERIFY(after.ok());
        QCOMPARE(storedProbes(db), QList<int>{7});
    }

    void writerQueueIsBounded()
    {
        Database &db = m_database->db();
        GroupWriter writer(db, GroupWriter::Options{3, 256});
        QSemaphore started;
        QSemaphore release;
        std::atomic<int> told{0};
        QVERIFY(writer.submit(
            [&] {
                started.release();
                release.acquire();
            },
            [&](const Status &) { told.fetch_add(1); }));
        QVERIFY(started.tryAcquire(1, kWaitMs));
        for (int i = 0; i < 3; ++i)
            QVERIFY(writer.submit([] {}, [&](const Status &) { told.fetch_add(1); }));
        QVERIFY(!writer.submit([] {}, [&](const Status &) { told.fetch_add(100); }));
        release.release();
        writer.drain();
        QCOMPARE(told.load(), 4);
    }

    void writerCommitsWhatIsQueuedBeforeItStops()
    {
        Database &db = m_database->db();
        {
            GroupWriter writer(db, GroupWriter::Options{100, 4});
            for (int n = 0; n < 20; ++n)
                QVERIFY(writer.submit([&db, n] { (void)insertProbe(db, n); }, [](const Status &) {}));
        }
        QCOMPARE(storedProbes(db).size(), 20);
    }

private:
    std::unique_ptr<test::TestDatabase> m_database;
};

CC_DATABASE_TEST_MAIN(TestWorkers)
#include "tst_workers.moc"
