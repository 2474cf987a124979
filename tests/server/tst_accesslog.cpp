// The access log writes on a thread of its own: lines keep their order, a request never waits on
// the log, and a log that cannot keep up drops lines (and says so) instead of growing.
#include "server/AccessLog.h"

#include <QMutex>
#include <QSemaphore>
#include <QThread>
#include <QtTest>

using namespace cc::api;

namespace {

QMutex g_mutex;
QStringList g_lines;
QSemaphore *g_gate = nullptr; // while set, the log's thread waits at its first line
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (qstrcmp(context.category, "console.server") != 0) {
        g_previous(type, context, message);
        return;
    }
    if (QSemaphore *gate = g_gate) {
        g_gate = nullptr;
        gate->acquire();
    }
    QMutexLocker lock(&g_mutex);
    g_lines.append(message);
}

QStringList lines()
{
    QMutexLocker lock(&g_mutex);
    return g_lines;
}

} // namespace

class TestAccessLog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { g_previous = qInstallMessageHandler(capture); }
    void cleanupTestCase() { qInstallMessageHandler(g_previous); }
    void init()
    {
        QMutexLocker lock(&g_mutex);
        g_lines.clear();
    }

    void linesKeepTheirOrderAndLeaveTheCaller()
    {
        AccessLog log;
        for (int i = 0; i < 1000; ++i)
            QVERIFY(log.write(QStringLiteral("GET /api/v1/health 200 %1").arg(i)));
        log.flush();
        const QStringList written = lines();
        QCOMPARE(written.size(), 1000);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(written.at(i), QStringLiteral("GET /api/v1/health 200 %1").arg(i));
        QCOMPARE(log.dropped(), 0);
    }

    void aStalledLogDropsAndSaysSo()
    {
        QSemaphore gate;
        g_gate = &gate; // the log's thread blocks on its first line, as on a full pipe
        AccessLog log;
        QVERIFY(log.write(QStringLiteral("first")));
        // The caller goes on while the log is stuck: a write never waits (else this would hang).
        int accepted = 0;
        for (int i = 0; i < AccessLog::kMaxPending + 50; ++i)
            accepted += log.write(QStringLiteral("line %1").arg(i)) ? 1 : 0;
        QVERIFY(log.dropped() >= 50);
        QCOMPARE(accepted + log.dropped(), AccessLog::kMaxPending + 50);
        gate.release();
        log.flush();
        const QStringList written = lines();
        QCOMPARE(written.first(), QStringLiteral("first"));
        QVERIFY(written.size() >= AccessLog::kMaxPending);
        // Once it catches up, one line tells how many were lost; then it goes on.
        QVERIFY(log.write(QStringLiteral("after")));
        log.flush();
        const QStringList more = lines().mid(written.size());
        QCOMPARE(more.size(), 2);
        QCOMPARE(
            more.at(0),
            QStringLiteral("access log: %1 line(s) dropped, the log could not keep up").arg(log.dropped()));
        QCOMPARE(more.at(1), QStringLiteral("after"));
    }

    void pendingLinesAreWrittenBeforeItEnds()
    {
        {
            AccessLog log;
            for (int i = 0; i < 100; ++i)
                log.write(QString::number(i));
        }
        QCOMPARE(lines().size(), 100);
        QCOMPARE(lines().last(), QStringLiteral("99"));
    }
};

QTEST_GUILESS_MAIN(TestAccessLog)
#include "tst_accesslog.moc"
