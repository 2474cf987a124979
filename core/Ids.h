#pragma once

#include <QByteArray>
#include <QString>

namespace cc {

// Opaque ids from the operating system's CSPRNG: prefix + `hexDigits` lowercase hex digits.
QString randomId(const QString &prefix, int hexDigits = 12);
QByteArray randomBytes(int count);
// URL-safe base64 of `count` random bytes, without padding.
QString randomToken(int count = 32);
// RFC 4648 base32 (A-Z, 2-7), without padding.
QString base32(const QByteArray &data);
// SHA-256 of the text, lowercase hex.
QString sha256Hex(const QByteArray &data);

bool isValidTemplateId(const QString &id); // [a-z0-9-]{1,64}
bool isValidEntityId(const QString &id);   // [A-Za-z0-9_.-]{1,64}, for org / coordinator / mentor ids

} // namespace cc
