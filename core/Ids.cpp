#include "core/Ids.h"

#include "core/Templates.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace cc {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    // QRandomGenerator::system() reads the operating system's CSPRNG.
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes;
}

QString randomId(const QString &prefix, int hexDigits)
{
    const QByteArray hex = randomBytes((hexDigits + 1) / 2).toHex().left(hexDigits);
    return prefix + QString::fromLatin1(hex);
}

QString randomToken(int count)
{
    return QString::fromLatin1(
        randomBytes(count).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString base32(const QByteArray &data)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QString out;
    out.reserve((data.size() * 8 + 4) / 5);
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : data) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.append(QLatin1Char(kAlphabet[(buffer >> bits) & 0x1f]));
        }
    }
    if (bits > 0)
        out.append(QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 0x1f]));
    return out;
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

bool isValidTemplateId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9-]{1,%1}$").arg(templates::kMaxIdLength));
    return re.match(id).hasMatch();
}

bool isValidEntityId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return re.match(id).hasMatch();
}

} // namespace cc
