#include "core/Passwords.h"

#include <QRandomGenerator>

#include <sodium.h>

#include <atomic>

namespace cc {

namespace {
bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}
std::atomic<bool> s_cheapForTests{false};

} // namespace

void usePasswordHashingCostForTests()
{
    s_cheapForTests = true;
}

Result<QString> hashPassword(const QString &password)
{
    if (!sodiumReady())
        return Error{ErrorCode::Internal, QStringLiteral("The password library could not start."), {}, 0};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
            s_cheapForTests ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
            s_cheapForTests ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE,
            crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return Error{ErrorCode::Internal, QStringLiteral("Out of memory while hashing a password."), {}, 0};
    return QString::fromLatin1(out);
}

bool verifyPassword(const QString &password, const QString &encodedHash)
{
    if (!sodiumReady() || !encodedHash.startsWith(QLatin1String("$argon2id$")))
        return false;
    const QByteArray utf8 = password.toUtf8();
    const QByteArray hash = encodedHash.toLatin1();
    return crypto_pwhash_str_verify(hash.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size()))
        == 0;
}

bool passwordNeedsRehash(const QString &encodedHash)
{
    if (!sodiumReady())
        return false;
    const QByteArray hash = encodedHash.toLatin1();
    return crypto_pwhash_str_needs_rehash(
               hash.constData(),
               s_cheapForTests ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
               s_cheapForTests ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0;
}

QString generatePassword()
{
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789"; // no look-alikes
    QString out;
    for (int i = 0; i < 16; ++i) {
        if (i > 0 && i % 4 == 0)
            out.append(QLatin1Char('-'));
        const auto pick = QRandomGenerator::system()->bounded(quint32(sizeof(alphabet) - 1));
        out.append(QLatin1Char(alphabet[pick]));
    }
    return out;
}

} // namespace cc
