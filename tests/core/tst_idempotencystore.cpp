#include "core/IdempotencyStore.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"

#include <QTest>

#include <memory>

using namespace cc;

namespace {

constexpr qint64 kHour = 3600 * 1000;

const QString kUser = QStringLiteral("user_aaaaaaaaaaaa");
const QString kOtherUser = QStringLiteral("user_bbbbbbbbbbbb");
const QString kKey = QStringLiteral("7f1c2a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b");
const QString kFingerprint = QStringLiteral("POST /api/v1/notification-records 3f2a9c");

qint64 rowCount(Database &db)
{
    return test::countRows(db, QStringLiteral("idempotency_keys"));
}

} // namespace

class TestIdempotencyStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void validateKey_data();
    void validateKey();

    void firstClaimIsFresh();
    void claimBeforeCompleteIsInFlight();
    void completedClaimReplays_data();
    void completedClaimReplays();
    void otherFingerprintIsMismatch();
    void otherFingerprintIsMismatchWhileInFlight();
    void keysArePerUser();
    void keysAreCaseSensitive();
    void expiresAfter24Hours_data();
    void expiresAfter24Hours();
    void releaseLetsARetryClaim();
    void releaseOfOneUserKeepsTheOther();
    void pruneRemovesOldRows();
    void pruneRemovesAbandonedClaims();
    void claimRollsBackWithItsTransaction();

private:
    std::unique_ptr<test::TestDatabase> m_database;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<IdempotencyStore> m_store;
};

void TestIdempotencyStore::initTestCase()
{
    m_database = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_database->ok(), qPrintable(m_database->error()));
    m_clock = std::make_unique<ManualClock>(test::testNow());
    m_store = std::make_unique<IdempotencyStore>(m_database->db(), *m_clock);
}

void TestIdempotencyStore::init()
{
    m_database->reset();
    m_clock->set(test::testNow());
}

void TestIdempotencyStore::validateKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");

    QTest::newRow("uuid") << kKey << true;
    QTest::newRow("one character") << QStringLiteral("x") << true;
    QTest::newRow("128 characters") << QString(128, QLatin1Char('k')) << true;
    QTest::newRow("visible ASCII punctuation")
        << QStringLiteral("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("129 characters") << QString(129, QLatin1Char('k')) << false;
    QTest::newRow("1000 characters") << QString(1000, QLatin1Char('k')) << false;
    QTest::newRow("non-ASCII letter") << QStringLiteral("nøkkel-1") << false;
    QTest::newRow("emoji") << QStringLiteral("key-🙂") << false;
    QTest::newRow("space") << QStringLiteral("two words") << false;
    QTest::newRow("tab") << QStringLiteral("a\tb") << false;
    QTest::newRow("newline (header injection)") << QStringLiteral("a\r\nX-Evil: 1") << false;
    QTest::newRow("DEL") << QStringLiteral("a") + QChar(0x7f) << false;
    QTest::newRow("NUL") << QStringLiteral("a") + QChar(0) << false;
}

void TestIdempotencyStore::validateKey()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);

    const Status s = IdempotencyStore::validateKey(key);
    QCOMPARE(s.ok(), valid);
    if (!valid) {
        QCOMPARE(s.error().code, ErrorCode::Invalid);
        QCOMPARE(s.error().fields.size(), 1);
        QCOMPARE(s.error().fields.first().field, QStringLiteral("Idempotency-Key"));
        QVERIFY(s.error().message.contains(QLatin1String("Idempotency-Key")));
    }
}

void TestIdempotencyStore::firstClaimIsFresh()
{
    const auto claim = m_store->claim(kUser, kKey, kFingerprint);
    QVERIFY2(claim.ok(), claim.ok() ? "" : qPrintable(claim.error().message));
    QCOMPARE(claim->outcome, IdempotencyStore::Outcome::Fresh);
    // The claim is a row with status 0, so a concurrent retry sees it.
    QCOMPARE(rowCount(m_database->db()), 1);
    Query q(m_database->db(), QStringLiteral("SELECT status, fingerprint, created_at FROM idempotency_keys"));
    QVERIFY(q.exec().ok());
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QCOMPARE(q.value(1).toString(), kFingerprint);
    QCOMPARE(timeFrom(q.value(2)), test::testNow());
}

void TestIdempotencyStore::claimBeforeCompleteIsInFlight()
{
    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
    m_clock->advance(500);
    const auto again = m_store->claim(kUser, kKey, kFingerprint);
    QVERIFY(again.ok());
    QCOMPARE(again->outcome, IdempotencyStore::Outcome::InFlight);
    QCOMPARE(again->stored.status, 0);
    QCOMPARE(again->stored.createdAt, test::testNow());
    QCOMPARE(rowCount(m_database->db()), 1);
}

void TestIdempotencyStore::completedClaimReplays_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("location");

    QTest::newRow("201 with Location")
        << 201
        << QByteArray(
               R"({"id":"nr_0123456789ab","peer_mentor_id":"pm_1","channels_notified":["push"],"sent_at":"2026-03-19T14:30:05.000Z"})")
        << QStringLiteral("/api/v1/notification-records/nr_0123456789ab");
    QTest::newRow("422 without Location")
        << 422 << QByteArray(R"({"status":422,"detail":"peer_mentor_id: no peer mentor with this id."})")
        << QString();
    QTest::newRow("UTF-8 body") << 201 << QByteArray(R"({"peer_mentor_name":"Åse Ødegård – 🙂"})")
                                << QStringLiteral("/api/v1/pause-notification-payloads/payload_0123456789ab");
}

void TestIdempotencyStore::completedClaimReplays()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, location);

    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
    QVERIFY(m_store->complete(kUser, kKey, status, body, location).ok());
    m_clock->advance(10 * 60 * 1000);

    const auto replay = m_store->claim(kUser, kKey, kFingerprint);
    QVERIFY(replay.ok());
    QCOMPARE(replay->outcome, IdempotencyStore::Outcome::Replay);
    QCOMPARE(replay->stored.status, status);
    QCOMPARE(replay->stored.body, body);
    QCOMPARE(replay->stored.location, location);
    QCOMPARE(replay->stored.userId, kUser);
    QCOMPARE(replay->stored.key, kKey);
    QCOMPARE(replay->stored.fingerprint, kFingerprint);
    QCOMPARE(replay->stored.createdAt, test::testNow());

    // Replaying again gives the same answer and stores nothing new.
    const auto second = m_store->claim(kUser, kKey, kFingerprint);
    QCOMPARE(second->outcome, IdempotencyStore::Outcome::Replay);
    QCOMPARE(second->stored.body, body);
    QCOMPARE(rowCount(m_database->db()), 1);
}

void TestIdempotencyStore::otherFingerprintIsMismatch()
{
    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
    QVERIFY(m_store->complete(kUser, kKey, 201, QByteArray("{}"), QStringLiteral("/x")).ok());
    const auto other =
        m_store->claim(kUser, kKey, QStringLiteral("POST /api/v1/notification-records 99aa00"));
    QVERIFY(other.ok());
    QCOMPARE(other->outcome, IdempotencyStore::Outcome::Mismatch);
    // The first answer is untouched: the right request still replays.
    const auto replay = m_store->claim(kUser, kKey, kFingerprint);
    QCOMPARE(replay->outcome, IdempotencyStore::Outcome::Replay);
    QCOMPARE(replay->stored.body, QByteArray("{}"));
}

void TestIdempotencyStore::otherFingerprintIsMismatchWhileInFlight()
{
    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
    QCOMPARE(m_store->claim(kUser, kKey, QStringLiteral("other"))->outcome,
             IdempotencyStore::Outcome::Mismatch);
}

void TestIdempotencyStore::keysArePerUser()
{
    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
    QVERIFY(
        m_store->complete(kUser, kKey, 201, QByteArray("{\"id\":\"first\"}"), QStringLiteral("/first")).ok());

    const auto other = m_store->claim(kOtherUser, kKey, kFingerprint);
    QVERIFY(other.ok());
    QCOMPARE(other->outcome, IdempotencyStore::Outcome::Fresh);
    QVERIFY(
        m_store->complete(kOtherUser, kKey, 201, QByteArray("{\"id\":\"second\"}"), QStringLiteral("/second"))
            .ok());
    QCOMPARE(rowCount(m_database->db()), 2);

    // Each user replays their own answer, never the other's.
    const auto mine = m_store->claim(kUser, kKey, kFingerprint);
    QCOMPARE(mine->outcome, IdempotencyStore::Outcome::Replay);
    QCOMPARE(mine->stored.body, QByteArray("{\"id\":\"first\"}"));
    QCOMPARE(mine->stored.location, QStringLiteral("/first"));
    const auto theirs = m_store->claim(kOtherUser, kKey, kFingerprint);
    QCOMPARE(theirs->outcome, IdempotencyStore::Outcome::Replay);
    QCOMPARE(theirs->stored.body, QByteArray("{\"id\":\"second\"}"));
    QCOMPARE(theirs->stored.location, QStringLiteral("/second"));
}

void TestIdempotencyStore::keysAreCaseSensitive()
{
    QCOMPARE(m_store->claim(kUser, QStringLiteral("Key-A"), kFingerprint)->outcome,
             IdempotencyStore::Outcome::Fresh);
    QCOMPARE(m_store->claim(kUser, QStringLiteral("key-a"), kFingerprint)->outcome,
             IdempotencyStore::Outcome::Fresh);
    QCOMPARE(rowCount(m_database->db()), 2);
}

void TestIdempotencyStore::expiresAfter24Hours_data()
{
    QTest::addColumn<qint64>("after");
    QTest::addColumn<bool>("completed");
    QTest::addColumn<IdempotencyStore::Outcome>("expected");

    using O = IdempotencyStore::Outcome;
    QTest::newRow("23 h, completed") << 23 * kHour << true << O::Replay;
    QTest::newRow("exactly 24 h, completed") << 24 * kHour << true << O::Replay;
    QTest::newRow("24 h + 1 ms, completed") << 24 * kHour + 1 << true << O::Fresh;
    QTest::newRow("25 h, completed") << 25 * kHour << true << O::Fresh;
    QTest::newRow("23 h, in flight") << 23 * kHour << false << O::InFlight;
    QTest::newRow("25 h, in flight (a crashed request)") << 25 * kHour << false << O::Fresh;
}

void TestIdempotencyStore::expiresAfter24Hours()
{
    QFETCH(qint64, after);
    QFETCH(bool, completed);
    QFETCH(IdempotencyStore::Outcome, expected);

    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
    if (completed)
        QVERIFY(
            m_store->complete(kUser, kKey, 201, QByteArray("{\"old\":true}"), QStringLiteral("/old")).ok());
    m_clock->advance(after);

    const auto claim = m_store->claim(kUser, kKey, kFingerprint);
    QVERIFY(claim.ok());
    QCOMPARE(claim->outcome, expected);
    QCOMPARE(rowCount(m_database->db()), 1);
    if (expected == IdempotencyStore::Outcome::Fresh) {
        // The new claim replaced the old row: in flight, from now.
        const auto again = m_store->claim(kUser, kKey, kFingerprint);
        QCOMPARE(again->outcome, IdempotencyStore::Outcome::InFlight);
        QCOMPARE(again->stored.createdAt, m_clock->now());
        QVERIFY(again->stored.body.isEmpty());
    }
}

void TestIdempotencyStore::releaseLetsARetryClaim()
{
    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::InFlight);
    QVERIFY(m_store->release(kUser, kKey).ok());
    QCOMPARE(rowCount(m_database->db()), 0);
    // The retry may even be a different request now: the key is free.
    QCOMPARE(m_store->claim(kUser, kKey, QStringLiteral("another request"))->outcome,
             IdempotencyStore::Outcome::Fresh);
    // Releasing a key nobody holds is harmless.
    QVERIFY(m_store->release(kUser, QStringLiteral("never-claimed")).ok());
    QCOMPARE(rowCount(m_database->db()), 1);
}

void TestIdempotencyStore::releaseOfOneUserKeepsTheOther()
{
    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
    QCOMPARE(m_store->claim(kOtherUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
    QVERIFY(m_store->release(kOtherUser, kKey).ok());
    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::InFlight);
    QCOMPARE(m_store->claim(kOtherUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
}

void TestIdempotencyStore::pruneRemovesOldRows()
{
    // Three keys at 0 h, 12 h and 23 h; prune at 30 h removes the ones older than 24 h.
    QCOMPARE(m_store->claim(kUser, QStringLiteral("k0"), kFingerprint)->outcome,
             IdempotencyStore::Outcome::Fresh);
    QVERIFY(m_store->complete(kUser, QStringLiteral("k0"), 201, QByteArray("{}"), QString()).ok());
    m_clock->advance(12 * kHour);
    QCOMPARE(m_store->claim(kOtherUser, QStringLiteral("k12"), kFingerprint)->outcome,
             IdempotencyStore::Outcome::Fresh);
    QVERIFY(m_store->complete(kOtherUser, QStringLiteral("k12"), 201, QByteArray("{}"), QString()).ok());
    m_clock->advance(11 * kHour);
    QCOMPARE(m_store->claim(kUser, QStringLiteral("k23"), kFingerprint)->outcome,
             IdempotencyStore::Outcome::Fresh);
    QVERIFY(m_store->complete(kUser, QStringLiteral("k23"), 201, QByteArray("{}"), QString()).ok());
    QCOMPARE(rowCount(m_database->db()), 3);

    m_clock->set(test::testNow().addMSecs(23 * kHour));
    QVERIFY(m_store->prune().ok());
    QCOMPARE(rowCount(m_database->db()), 3);

    m_clock->set(test::testNow().addMSecs(30 * kHour));
    QVERIFY(m_store->prune().ok());
    QCOMPARE(rowCount(m_database->db()), 2);

    m_clock->set(test::testNow().addMSecs(40 * kHour));
    QVERIFY(m_store->prune().ok());
    QCOMPARE(rowCount(m_database->db()), 1);
    Query q(m_database->db(), QStringLiteral("SELECT idem_key FROM idempotency_keys"));
    QVERIFY(q.exec().ok());
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("k23"));

    m_clock->set(test::testNow().addMSecs(48 * kHour));
    QVERIFY(m_store->prune().ok());
    QCOMPARE(rowCount(m_database->db()), 0);
}

// A claim without an answer (left by an older version that committed claims on their own) is
// given up after ten minutes, so its key does not answer 409 for a day.
void TestIdempotencyStore::pruneRemovesAbandonedClaims()
{
    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
    m_clock->advance(9 * 60 * 1000);
    QVERIFY(m_store->prune().ok());
    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::InFlight);
    m_clock->advance(2 * 60 * 1000);
    QVERIFY(m_store->prune().ok());
    QCOMPARE(rowCount(m_database->db()), 0);
    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
}

// Claimed inside a transaction that never commits (the process was killed before the answer was
// stored): nothing of it is left, and the retry is new, not "in flight".
void TestIdempotencyStore::claimRollsBackWithItsTransaction()
{
    {
        Transaction tx(m_database->db());
        QVERIFY(tx.begun().ok());
        QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
        QCOMPARE(rowCount(m_database->db()), 1);
    }
    QCOMPARE(rowCount(m_database->db()), 0);
    QCOMPARE(m_store->claim(kUser, kKey, kFingerprint)->outcome, IdempotencyStore::Outcome::Fresh);
}

CC_DATABASE_TEST_MAIN(TestIdempotencyStore)
#include "tst_idempotencystore.moc"
