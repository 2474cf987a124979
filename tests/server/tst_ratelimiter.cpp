// server/RateLimiter: fixed windows per token, on a clock the test moves.
#include "server/RateLimiter.h"

#include <QtTest>

using namespace cc::api;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void requestsPerSecond()
    {
        qint64 now = 0;
        RateLimiter limiter(RateLimits{3, 100}, [&now] { return now; });
        for (int i = 0; i < 3; ++i)
            QVERIFY(limiter.admit(QStringLiteral("a"), false).allowed);
        now = 400;
        const auto refused = limiter.admit(QStringLiteral("a"), false);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 1);
        QCOMPARE(refused.rateLimit, QByteArrayLiteral("\"requests\";r=0;t=1"));
        QVERIFY(limiter.admit(QStringLiteral("b"), false).allowed); // another token
        now = 1000;                                                 // the next second
        const auto again = limiter.admit(QStringLiteral("a"), false);
        QVERIFY(again.allowed);
        QCOMPARE(again.rateLimit, QByteArrayLiteral("\"requests\";r=2;t=1"));
    }

    void recordsPerMinute()
    {
        qint64 now = 0;
        RateLimiter limiter(RateLimits{1000, 2}, [&now] { return now; });
        QVERIFY(limiter.admit(QStringLiteral("a"), true).allowed);
        now = 10'000;
        QVERIFY(limiter.admit(QStringLiteral("a"), true).allowed);
        now = 20'000;
        const auto refused = limiter.admit(QStringLiteral("a"), true);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 40);
        QCOMPARE(refused.rateLimit, QByteArrayLiteral("\"records\";r=0;t=40"));
        QVERIFY(limiter.admit(QStringLiteral("a"), false).allowed); // reading goes on
        now = 60'000;
        QVERIFY(limiter.admit(QStringLiteral("a"), true).allowed);
    }

    void aRefusedRequestMakesNoRecordCount()
    {
        qint64 now = 0;
        RateLimiter limiter(RateLimits{1, 2}, [&now] { return now; });
        QVERIFY(limiter.admit(QStringLiteral("a"), true).allowed);  // record 1, request 1
        QVERIFY(!limiter.admit(QStringLiteral("a"), true).allowed); // over the requests
        now = 1000;
        QVERIFY(limiter.admit(QStringLiteral("a"), true).allowed); // record 2
        now = 2000;
        QVERIFY(!limiter.admit(QStringLiteral("a"), true).allowed); // records used up
    }

    void policyNamesBothQuotas()
    {
        const RateLimiter limiter(RateLimits{20, 60});
        QCOMPARE(limiter.policy(), QByteArrayLiteral("\"requests\";q=20;w=1, \"records\";q=60;w=60"));
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
