#include "core/DirectoryService.h"
#include "core/Passwords.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace cc;

namespace {

// Made once with libsodium (crypto_pwhash_str_alg) for the password below: a genuine argon2i
// hash that libsodium itself would accept, and an argon2id hash with other limits than ours.
const char kPassword[] = "correct horse battery staple";
const char kArgon2iHash[] =
    "$argon2i$v=19$m=32768,t=4,p=1$5hzqNxSykQUqICJFY7eGUA$Tt6vjt9dWcFzOe4tPT3ZznrEN/rNzSyEGCYJ/4+Qh4I";
const char kArgon2idOtherLimits[] =
    "$argon2id$v=19$m=32768,t=3,p=1$7M/bRcP1T7Z77eB/yqOH6g$B1WgM5ekzx7nIEvQiy9mW8GnduEU1fNXJjcukZBdn+c";

const QString kAlphabet = QStringLiteral("abcdefghjkmnpqrstuvwxyz23456789");

} // namespace

class TestPasswords : public QObject
{
    Q_OBJECT

private slots:
    void hashIsArgon2id();
    void samePasswordGetsDifferentSalts();
    void verify_data();
    void verify();
    void verifiesHashesWithOtherLimits();
    void refusesOtherHashes_data();
    void refusesOtherHashes();
    void generatedPasswordFormat();
    void generatedPasswordsDiffer();
    void generatedPasswordsUseTheWholeAlphabet();
};

void TestPasswords::hashIsArgon2id()
{
    const auto hash = hashPassword(QStringLiteral("a long enough password"));
    QVERIFY(hash.ok());
    QVERIFY2(hash->startsWith(QLatin1String("$argon2id$v=19$")), qPrintable(*hash));
    // libsodium's encoded form: $argon2id$v=19$m=…,t=…,p=…$salt$hash, all printable ASCII.
    static const QRegularExpression encoded(
        QStringLiteral("^\\$argon2id\\$v=19\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+$"));
    QVERIFY2(encoded.match(*hash).hasMatch(), qPrintable(*hash));
    // Memory-hard: at least the interactive limit of 64 MiB.
    static const QRegularExpression memory(QStringLiteral("m=(\\d+),"));
    const auto m = memory.match(*hash);
    QVERIFY(m.hasMatch());
    QVERIFY2(m.captured(1).toInt() >= 65536, qPrintable(m.captured(1)));
    QVERIFY(!hash->contains(QLatin1String("a long enough password")));
}

void TestPasswords::samePasswordGetsDifferentSalts()
{
    const QString password = QStringLiteral("the same password twice");
    const auto first = hashPassword(password);
    const auto second = hashPassword(password);
    QVERIFY(first.ok());
    QVERIFY(second.ok());
    QVERIFY(*first != *second);
    const QString firstSalt = first->section(QLatin1Char('$'), 4, 4);
    const QString secondSalt = second->section(QLatin1Char('$'), 4, 4);
    QVERIFY(!firstSalt.isEmpty());
    QVERIFY(firstSalt != secondSalt);
    // Both still verify.
    QVERIFY(verifyPassword(password, *first));
    QVERIFY(verifyPassword(password, *second));
}

void TestPasswords::verify_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("attempt");
    QTest::addColumn<bool>("accepted");

    const QString ascii = QStringLiteral("hunter2hunter2");
    QTest::newRow("right") << ascii << ascii << true;
    QTest::newRow("wrong") << ascii << QStringLiteral("hunter2hunter3") << false;
    QTest::newRow("case matters") << ascii << QStringLiteral("HUNTER2hunter2") << false;
    QTest::newRow("prefix is not enough") << ascii << QStringLiteral("hunter2hunter") << false;
    QTest::newRow("longer is not enough") << ascii << QStringLiteral("hunter2hunter22") << false;
    QTest::newRow("trailing space matters") << ascii << QStringLiteral("hunter2hunter2 ") << false;
    QTest::newRow("empty attempt") << ascii << QString() << false;

    const QString norwegian = QStringLiteral("Blåbærsyltetøy på Ås");
    QTest::newRow("unicode right") << norwegian << norwegian << true;
    QTest::newRow("unicode without diacritics")
        << norwegian << QStringLiteral("Blabaersyltetoy pa As") << false;
    // The UTF-8 bytes of "ø" read as Latin-1: a lossy encoding would make these equal.
    QTest::newRow("utf-8 not latin-1")
        << QStringLiteral("ø-password") << QString::fromLatin1("\xc3\xb8-password") << false;
    const QString emoji = QStringLiteral("🙂 smile, 日本語 ✓");
    QTest::newRow("outside the BMP") << emoji << emoji << true;
    QTest::newRow("other emoji") << emoji << QStringLiteral("🙃 smile, 日本語 ✓") << false;
}

void TestPasswords::verify()
{
    QFETCH(QString, password);
    QFETCH(QString, attempt);
    QFETCH(bool, accepted);

    const auto hash = hashPassword(password);
    QVERIFY(hash.ok());
    QCOMPARE(verifyPassword(attempt, *hash), accepted);
}

void TestPasswords::verifiesHashesWithOtherLimits()
{
    // A hash stored with other argon2id limits (an older version, another tool) still verifies:
    // the limits are read from the encoded string.
    const QString hash = QString::fromLatin1(kArgon2idOtherLimits);
    QVERIFY(verifyPassword(QString::fromLatin1(kPassword), hash));
    QVERIFY(!verifyPassword(QStringLiteral("correct horse battery stapler"), hash));
}

void TestPasswords::refusesOtherHashes_data()
{
    QTest::addColumn<QString>("stored");

    // libsodium accepts this argon2i hash; ours must not (argon2id only).
    QTest::newRow("argon2i") << QString::fromLatin1(kArgon2iHash);
    QTest::newRow("bcrypt") << QStringLiteral("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW");
    QTest::newRow("sha256 hex") << QStringLiteral(
        "8f2b6e9c2bd4f3f1d0b4b8f0c33c2b4e4f6f6e1a9f0c8d7e6b5a493827160514");
    QTest::newRow("the password itself") << QString::fromLatin1(kPassword);
    QTest::newRow("empty") << QString();
    QTest::newRow("prefix only") << QStringLiteral("$argon2id$");
    QTest::newRow("truncated argon2id")
        << QString::fromLatin1(kArgon2idOtherLimits).left(int(qstrlen(kArgon2idOtherLimits)) - 10);
    QString tampered = QString::fromLatin1(kArgon2idOtherLimits);
    tampered[tampered.size() - 2] =
        tampered.at(tampered.size() - 2) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QTest::newRow("tampered argon2id") << tampered;
    QTest::newRow("upper-case prefix")
        << QString::fromLatin1(kArgon2idOtherLimits)
               .replace(QStringLiteral("$argon2id$"), QStringLiteral("$ARGON2ID$"));
}

void TestPasswords::refusesOtherHashes()
{
    QFETCH(QString, stored);
    QVERIFY(!verifyPassword(QString::fromLatin1(kPassword), stored));
}

void TestPasswords::generatedPasswordFormat()
{
    static const QRegularExpression format(
        QStringLiteral("^[%1]{4}-[%1]{4}-[%1]{4}-[%1]{4}$").arg(kAlphabet));
    for (int i = 0; i < 50; ++i) {
        const QString password = generatePassword();
        QCOMPARE(password.size(), 19);
        QVERIFY2(format.match(password).hasMatch(), qPrintable(password));
        // No look-alikes: i, l, o, 0, 1 are never used.
        for (const QChar c :
             {QLatin1Char('i'), QLatin1Char('l'), QLatin1Char('o'), QLatin1Char('0'), QLatin1Char('1')})
            QVERIFY2(!password.contains(c), qPrintable(password));
        // A generated password is good enough to be set as a user's password.
        QVERIFY(DirectoryService::validatePassword(password).ok());
    }
}

void TestPasswords::generatedPasswordsDiffer()
{
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i)
        seen.insert(generatePassword());
    QCOMPARE(seen.size(), 200);
}

void TestPasswords::generatedPasswordsUseTheWholeAlphabet()
{
    // 200 passwords are 3,200 draws from 31 letters: every letter shows up unless the draw is biased.
    QSet<QChar> used;
    for (int i = 0; i < 200; ++i) {
        const QString password = generatePassword();
        for (const QChar c : password)
            if (c != QLatin1Char('-'))
                used.insert(c);
    }
    QCOMPARE(used.size(), kAlphabet.size());
}

QTEST_GUILESS_MAIN(TestPasswords)
#include "tst_passwords.moc"
