#include "Ids.h"

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

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

bool isValidTemplateId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9-]{1,64}$"));
    return re.match(id).hasMatch();
}

bool isValidEntityId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return re.match(id).hasMatch();
}

} // namespace cc
