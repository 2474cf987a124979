// Pairing a phone: AuthService::createPairingCode (who may make a code for whom) and
// redeemPairingCode (one-time, 5-minute codes that are traded for a token, throttled per address).
#include "core/AuthService.h"
#include "core/Backup.h"
#include "core/DirectoryService.h"
#include "core/UserRepository.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlRecord>
#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test;

namespace {

const QString kAddress = QStringLiteral("10.0.0.7");

// SHA-256, lowercase hex, computed here rather than with the code under test.
QString sha256(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// RFC 4648 base32 without padding, decoded here rather than with the code under test; empty on a
// character outside the alphabet.
QByteArray fromBase32(const QString &text)
{
    static const QString alphabet = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        const qsizetype value = alphabet.indexOf(c);
        if (value < 0)
            return {};
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xff));
        }
    }
    return out;
}

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;

} // namespace

class TestPairing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void whoMayCreate_data();
    void whoMayCreate();
    void codeHasAtLeast128Bits();
    void onlyTheHashIsStored();
    void creatingIsAudited();
    void redeemSignsInAsTheUser();
    void redeemIgnoresCaseAndGrouping();
    void secondRedeemFails();
    void expiresAfterFiveMinutes_data();
    void expiresAfterFiveMinutes();
    void disabledUserFails();
    void wrongCodesSayTheSame_data();
    void wrongCodesSayTheSame();
    void fiveBadCodesThrottleTheAddress();
    void throttledAddressCannotRedeemAGoodCode();

private:
    void addUser(const QString &id, const QString &username, Role role, const QString &orgId,
                 const QString &coordinatorId = {});
    Caller callerFor(const QString &username);
    QString newCode(const QString &username = QStringLiteral("coord.a"));

    std::unique_ptr<test::TestDatabase> m_db;
    ManualClock m_clock{test::testNow()};
    std::unique_ptr<AuthService> m_auth;
    World m_world;
};

void TestPairing::initTestCase()
{
    // Every failed pairing is logged on purpose; here there are many.
    QLoggingCategory::setFilterRules(QStringLiteral("console.core.info=false"));
    m_db = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_auth = std::make_unique<AuthService>(m_db->db(), m_clock);
}

void TestPairing::cleanupTestCase()
{
    m_auth.reset();
    m_db.reset();
}

void TestPairing::addUser(const QString &id, const QString &username, Role role, const QString &orgId,
                          const QString &coordinatorId)
{
    // Pairing never looks at the password: any hash will do.
    auto s = insertUser(m_db->db(), id, username, role, orgId, coordinatorId,
                        QStringLiteral("$argon2id$unused"), m_clock.now());
    QVERIFY2(s, why(s).constData());
}

Caller TestPairing::callerFor(const QString &username)
{
    auto user = UserRepository(m_db->db()).userByUsername(username);
    if (!user || !user->has_value())
        qFatal("no user %s", qPrintable(username));
    return AuthService::callerOf(**user);
}

QString TestPairing::newCode(const QString &username)
{
    auto code = m_auth->createPairingCode(Caller::system(), username);
    if (!code)
        qFatal("createPairingCode failed: %s", why(code).constData());
    return code->code;
}

void TestPairing::init()
{
    m_db->reset();
    m_clock.set(test::testNow());
    auto created = m_world.create(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    created = m_world.createUsers(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    // One more of three kinds, to make codes for each other.
    addUser(QStringLiteral("user_per"), QStringLiteral("per.coord"), Role::Coordinator, World::kOrgA,
            World::kCoordA2);
    addUser(QStringLiteral("user_arne"), QStringLiteral("arne.admin"), Role::OrgAdmin, World::kOrgA);
    addUser(QStringLiteral("user_rita"), QStringLiteral("rita.root"), Role::GlobalAdmin, QString());
}

void TestPairing::whoMayCreate_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expected"); // "ok" or the error code's name
    const QString ok = QStringLiteral("ok");
    const QString notFound = QStringLiteral("not-found");
    const QString forbidden = QStringLiteral("forbidden");
    // A global admin: anyone.
    QTest::newRow("global admin for a coordinator") << "root"
                                                    << "coord.a" << ok;
    QTest::newRow("global admin for another org's admin") << "root"
                                                          << "admin.b" << ok;
    QTest::newRow("global admin for themselves") << "root"
                                                 << "root" << ok;
    QTest::newRow("global admin for another global admin") << "root"
                                                           << "rita.root" << ok;
    QTest::newRow("global admin for nobody") << "root"
                                             << "nobody" << notFound;
    // An org admin: the users of their organisation.
    QTest::newRow("org admin for a coordinator of theirs") << "admin.a"
                                                           << "coord.a" << ok;
    QTest::newRow("org admin for another org admin of theirs") << "admin.a"
                                                               << "arne.admin" << ok;
    QTest::newRow("org admin for themselves") << "admin.a"
                                              << "admin.a" << ok;
    QTest::newRow("org admin for another org's coordinator") << "admin.a"
                                                             << "coord.b" << notFound;
    QTest::newRow("org admin for another org's admin") << "admin.a"
                                                       << "admin.b" << notFound;
    QTest::newRow("org admin for a global admin") << "admin.a"
                                                  << "root" << notFound;
    QTest::newRow("org admin for nobody") << "admin.a"
                                          << "nobody" << notFound;
    // A coordinator: only themselves.
    QTest::newRow("coordinator for themselves") << "coord.a"
                                                << "coord.a" << ok;
    QTest::newRow("coordinator for a colleague") << "coord.a"
                                                 << "per.coord" << forbidden;
    QTest::newRow("coordinator for their org admin") << "coord.a"
                                                     << "admin.a" << forbidden;
    QTest::newRow("coordinator for another org's coordinator") << "coord.a"
                                                               << "coord.b" << notFound;
    QTest::newRow("coordinator for a global admin") << "coord.a"
                                                    << "root" << notFound;
    QTest::newRow("coordinator for nobody") << "coord.a"
                                            << "nobody" << notFound;
}

void TestPairing::whoMayCreate()
{
    QFETCH(QString, caller);
    QFETCH(QString, target);
    QFETCH(QString, expected);
    auto code = m_auth->createPairingCode(callerFor(caller), target);
    QCOMPARE(codeOf(code), expected);
    if (!code.ok()) {
        // Refused: nothing stored.
        QCOMPARE(countRows(m_db->db(), QStringLiteral("pairing_codes")), 0);
        // Another organisation's user answers exactly as one that does not exist.
        if (expected == QLatin1String("not-found")) {
            auto unknown = m_auth->createPairingCode(callerFor(caller), QStringLiteral("nobody"));
            QCOMPARE(codeOf(unknown), expected);
            QCOMPARE(code.error().message,
                     QString(unknown.error().message).replace(QLatin1String("nobody"), target));
        }
        return;
    }
    QCOMPARE(code->user.username, target);
    QCOMPARE(code->createdAt, test::testNow());
    QCOMPARE(code->expiresAt, test::testNow().addSecs(5 * 60));
    QCOMPARE(countRows(m_db->db(), QStringLiteral("pairing_codes"),
                       QStringLiteral("created_by = '%1' AND user_id = '%2'")
                           .arg(callerFor(caller).userId, code->user.id)),
             1);
    // The code signs in as the target, whoever made it.
    auto issued = m_auth->redeemPairingCode(code->code, kAddress);
    QVERIFY2(issued, why(issued).constData());
    QCOMPARE(issued->user.username, target);
}

void TestPairing::codeHasAtLeast128Bits()
{
    QSet<QString> seen;
    for (int i = 0; i < 20; ++i) {
        const QString code = newCode();
        // 32 characters of base32 (A-Z, 2-7) that decode to 20 bytes: 160 bits from the CSPRNG.
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z2-7]{32}$")).match(code).hasMatch(),
                 qPrintable(code));
        const QByteArray bytes = fromBase32(code);
        QCOMPARE(bytes.size(), 20);
        QVERIFY(bytes.size() * 8 >= 128);
        QVERIFY2(!seen.contains(code), qPrintable(code));
        seen.insert(code);
    }
}

void TestPairing::onlyTheHashIsStored()
{
    auto code = m_auth->createPairingCode(callerFor(QStringLiteral("admin.a")), QStringLiteral("coord.a"));
    QVERIFY2(code, why(code).constData());
    QVERIFY(code->id.startsWith(QLatin1String("pc_")));

    Query q(m_db->db(),
            QStringLiteral("SELECT id, code_hash, user_id, created_by, created_at, expires_at, used_at "
                           "FROM pairing_codes"));
    QVERIFY(q.exec().ok());
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), code->id);
    QCOMPARE(q.value(1).toString(), sha256(code->code));
    QCOMPARE(q.value(2).toString(), QStringLiteral("user_ca"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("user_aa"));
    QCOMPARE(q.value(4).toString(), QStringLiteral("2026-03-19T14:30:05.000Z"));
    QCOMPARE(q.value(5).toString(), QStringLiteral("2026-03-19T14:35:05.000Z"));
    QVERIFY(q.value(6).isNull());
    QVERIFY(!q.next());

    // Nowhere holds the code itself, not even a part of it (before or after it is redeemed).
    auto issued = m_auth->redeemPairingCode(code->code, kAddress);
    QVERIFY2(issued, why(issued).constData());
    for (const QString &table : Backup::tables()) {
        Query all(m_db->db(), QStringLiteral("SELECT * FROM ") + table);
        QVERIFY(all.exec().ok());
        while (all.next()) {
            for (int i = 0; i < all.raw().record().count(); ++i)
                QVERIFY2(!all.value(i).toString().contains(code->code.left(16)), qPrintable(table));
        }
    }
}

void TestPairing::creatingIsAudited()
{
    auto code = m_auth->createPairingCode(callerFor(QStringLiteral("admin.a")), QStringLiteral("coord.a"));
    QVERIFY2(code, why(code).constData());
    {
        Query audit(m_db->db(),
                    QStringLiteral("SELECT username, org_id, entity, entity_id FROM audit_log "
                                   "WHERE action = 'pairing.create'"));
        QVERIFY(audit.exec().ok() && audit.next());
        QCOMPARE(audit.value(0).toString(), QStringLiteral("admin.a"));
        QCOMPARE(audit.value(1).toString(), QStringLiteral("org_a"));
        QCOMPARE(audit.value(2).toString(), QStringLiteral("pairing_code"));
        QCOMPARE(audit.value(3).toString(), code->id);
        QVERIFY(!audit.next());
    }
    auto issued = m_auth->redeemPairingCode(code->code, kAddress);
    QVERIFY2(issued, why(issued).constData());
    Query audit(
        m_db->db(),
        QStringLiteral("SELECT username, entity_id, detail FROM audit_log WHERE action = 'pairing.redeem'"));
    QVERIFY(audit.exec().ok() && audit.next());
    QCOMPARE(audit.value(0).toString(), QStringLiteral("coord.a"));
    QCOMPARE(audit.value(1).toString(), code->id);
    QVERIFY(audit.value(2).toString().contains(issued->token.id));
}

void TestPairing::redeemSignsInAsTheUser()
{
    const QString code = newCode(QStringLiteral("coord.a"));
    QSignalSpy changed(m_auth.get(), &AuthService::tokensChanged);
    m_clock.advance(30 * kSecond);
    auto issued = m_auth->redeemPairingCode(code, kAddress);
    QVERIFY2(issued, why(issued).constData());
    QCOMPARE(changed.count(), 1);
    QVERIFY(QRegularExpression(QStringLiteral("^cct_[A-Za-z0-9_-]{43}$")).match(issued->secret).hasMatch());
    QCOMPARE(issued->user.username, QStringLiteral("coord.a"));
    QCOMPARE(issued->token.label, QStringLiteral("Paired device"));
    QCOMPARE(issued->token.expiresAt, m_clock.now().addDays(AuthService::kDefaultTokenDays));

    auto caller = m_auth->authenticate(issued->secret);
    QVERIFY2(caller, why(caller).constData());
    QCOMPARE(caller->userId, QStringLiteral("user_ca"));
    QCOMPARE(caller->username, QStringLiteral("coord.a"));
    QCOMPARE(caller->role, Role::Coordinator);
    QCOMPARE(caller->orgId, QStringLiteral("org_a"));
    QCOMPARE(caller->coordinatorId, QStringLiteral("coord_a1"));

    // Spent in the same step: used_at is the time of the redeem.
    Query q(m_db->db(), QStringLiteral("SELECT used_at FROM pairing_codes"));
    QVERIFY(q.exec().ok() && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("2026-03-19T14:30:35.000Z"));
    QCOMPARE(countRows(m_db->db(), QStringLiteral("login_failures")), 0);

    // A label of the caller's choice.
    auto labelled = m_auth->redeemPairingCode(newCode(), kAddress, QStringLiteral("Kari's phone"));
    QVERIFY2(labelled, why(labelled).constData());
    QCOMPARE(labelled->token.label, QStringLiteral("Kari's phone"));
}

void TestPairing::redeemIgnoresCaseAndGrouping()
{
    const QString code = newCode();
    QString typed;
    for (int i = 0; i < code.size(); i += 4)
        typed += (i ? QStringLiteral("-") : QString()) + code.mid(i, 4).toLower();
    typed = QLatin1Char(' ') + typed + QLatin1Char(' ');
    auto issued = m_auth->redeemPairingCode(typed, kAddress);
    QVERIFY2(issued, why(issued).constData());
}

void TestPairing::secondRedeemFails()
{
    const QString code = newCode();
    auto first = m_auth->redeemPairingCode(code, kAddress);
    QVERIFY2(first, why(first).constData());
    auto second = m_auth->redeemPairingCode(code, kAddress);
    QCOMPARE(codeOf(second), QStringLiteral("unauthenticated"));
    // From another address too; and the first token keeps working.
    auto third = m_auth->redeemPairingCode(code, QStringLiteral("10.9.9.9"));
    QCOMPARE(codeOf(third), QStringLiteral("unauthenticated"));
    QVERIFY(m_auth->authenticate(first->secret).ok());
    QCOMPARE(countRows(m_db->db(), QStringLiteral("api_tokens")), 1);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("login_failures")), 2);
}

void TestPairing::expiresAfterFiveMinutes_data()
{
    // Valid while now < created + 5 minutes: the last millisecond before is in, 5:00 is out.
    QTest::addColumn<qint64>("after");
    QTest::addColumn<bool>("valid");
    QTest::newRow("at once") << qint64(0) << true;
    QTest::newRow("4:59") << 4 * kMinute + 59 * kSecond << true;
    QTest::newRow("4:59.999") << 5 * kMinute - 1 << true;
    QTest::newRow("5:00") << 5 * kMinute << false;
    QTest::newRow("5:01") << 5 * kMinute + kSecond << false;
    QTest::newRow("a day") << 24 * 60 * kMinute << false;
}

void TestPairing::expiresAfterFiveMinutes()
{
    QFETCH(qint64, after);
    QFETCH(bool, valid);
    QCOMPARE(AuthService::kPairingCodeSeconds, 5 * 60);
    const QString code = newCode();
    m_clock.advance(after);
    auto issued = m_auth->redeemPairingCode(code, kAddress);
    QCOMPARE(codeOf(issued), valid ? QStringLiteral("ok") : QStringLiteral("unauthenticated"));
    QCOMPARE(countRows(m_db->db(), QStringLiteral("api_tokens")), valid ? 1 : 0);
}

void TestPairing::disabledUserFails()
{
    DirectoryService directory(m_db->db(), m_clock);
    // Disabled after the code was made: the code no longer signs in.
    const QString code = newCode(QStringLiteral("per.coord"));
    auto disabled = directory.setDisabled(Caller::system(), QStringLiteral("user_per"), true);
    QVERIFY2(disabled, why(disabled).constData());
    auto issued = m_auth->redeemPairingCode(code, kAddress);
    QCOMPARE(codeOf(issued), QStringLiteral("unauthenticated"));
    QCOMPARE(issued.error().message,
             m_auth->redeemPairingCode(QStringLiteral("A").repeated(32), kAddress).error().message);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("api_tokens")), 0);
    // No code is made for a disabled user at all.
    auto refused =
        m_auth->createPairingCode(callerFor(QStringLiteral("admin.a")), QStringLiteral("per.coord"));
    QCOMPARE(codeOf(refused), QStringLiteral("forbidden"));
    // Enabled again, a still-fresh code works.
    QVERIFY(directory.setDisabled(Caller::system(), QStringLiteral("user_per"), false).ok());
    QVERIFY(m_auth->redeemPairingCode(code, kAddress).ok());
}

void TestPairing::wrongCodesSayTheSame_data()
{
    QTest::addColumn<QString>("code"); // "{used}" / "{expired}": a real code, spent / too old
    QTest::newRow("unknown") << QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    QTest::newRow("too short") << QStringLiteral("ABCDEF");
    QTest::newRow("not base32") << QStringLiteral("0189018901890189018901890189018!");
    QTest::newRow("empty") << QString();
    QTest::newRow("very long") << QStringLiteral("A").repeated(5000);
    QTest::newRow("a token, not a code") << QStringLiteral("cct_q3Yt0mXlI8b2JwZ9cVvR4nH1sKfA6dEoPuLgTi5yW7x");
    QTest::newRow("used") << QStringLiteral("{used}");
    QTest::newRow("expired") << QStringLiteral("{expired}");
}

void TestPairing::wrongCodesSayTheSame()
{
    QFETCH(QString, code);
    if (code == QLatin1String("{used}")) {
        code = newCode();
        QVERIFY(m_auth->redeemPairingCode(code, QStringLiteral("10.1.1.1")).ok());
    } else if (code == QLatin1String("{expired}")) {
        code = newCode();
        m_clock.advance(6 * kMinute);
    }
    auto reference = m_auth->redeemPairingCode(QStringLiteral("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"),
                                               QStringLiteral("10.2.2.2"));
    QCOMPARE(codeOf(reference), QStringLiteral("unauthenticated"));
    auto issued = m_auth->redeemPairingCode(code, kAddress);
    QCOMPARE(codeOf(issued), QStringLiteral("unauthenticated"));
    QCOMPARE(issued.error().message, reference.error().message);
    QCOMPARE(issued.error().fields, reference.error().fields);
    // Each counts as a failed sign-in from its address.
    QCOMPARE(countRows(m_db->db(), QStringLiteral("login_failures"), QStringLiteral("address = '10.0.0.7'")),
             1);
}

void TestPairing::fiveBadCodesThrottleTheAddress()
{
    for (int i = 0; i < AuthService::kMaxFailures; ++i) {
        auto bad = m_auth->redeemPairingCode(QStringLiteral("A").repeated(31) + QLatin1Char(char('B' + i)),
                                             kAddress);
        QCOMPARE(codeOf(bad), QStringLiteral("unauthenticated"));
    }
    m_clock.advance(kMinute);
    auto locked = m_auth->redeemPairingCode(QStringLiteral("A").repeated(32), kAddress);
    QCOMPARE(codeOf(locked), QStringLiteral("too-many-requests"));
    // The oldest failure leaves the window 14 minutes from now.
    QCOMPARE(locked.error().retryAfterSeconds, 14 * 60);
    // Refused before the code is looked at: no further failure is stored.
    QCOMPARE(countRows(m_db->db(), QStringLiteral("login_failures")), 5);
    // Password sign-ins from that address are locked too; no username is locked by the pairing
    // failures, and another address may still pair.
    auto signIn = m_auth->checkPassword(QStringLiteral("coord.a"), QStringLiteral("x"), kAddress);
    QCOMPARE(codeOf(signIn), QStringLiteral("too-many-requests"));
    auto elsewhere =
        m_auth->checkPassword(QStringLiteral("coord.a"), QStringLiteral("x"), QStringLiteral("10.0.0.8"));
    QCOMPARE(codeOf(elsewhere), QStringLiteral("unauthenticated"));
    QVERIFY(m_auth->redeemPairingCode(newCode(), QStringLiteral("10.0.0.8")).ok());
    // Once the window has passed, the address may try again.
    m_clock.advance(14 * kMinute);
    QVERIFY(m_auth->redeemPairingCode(newCode(), kAddress).ok());
}

void TestPairing::throttledAddressCannotRedeemAGoodCode()
{
    const QString code = newCode();
    // Failed password sign-ins count too: they share the throttle.
    for (int i = 0; i < AuthService::kMaxFailures; ++i)
        QCOMPARE(
            codeOf(m_auth->checkPassword(QStringLiteral("user%1").arg(i), QStringLiteral("x"), kAddress)),
            QStringLiteral("unauthenticated"));
    auto locked = m_auth->redeemPairingCode(code, kAddress);
    QCOMPARE(codeOf(locked), QStringLiteral("too-many-requests"));
    QVERIFY(locked.error().retryAfterSeconds >= 1);
    // The code was not spent: from elsewhere it still works.
    QVERIFY(m_auth->redeemPairingCode(code, QStringLiteral("10.0.0.8")).ok());
}

CC_DATABASE_TEST_MAIN(TestPairing)
#include "tst_pairing.moc"
