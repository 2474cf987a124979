#include "core/ETag.h"

#include "core/Ids.h"

namespace cc {

QString makeEtag(const QByteArray &basis)
{
    return QLatin1Char('"') + sha256Hex(basis).left(16) + QLatin1Char('"');
}

bool etagMatches(const QString &ifMatch, const QString &current)
{
    return ifMatch.isEmpty() || ifMatch == QLatin1String("*") || ifMatch == current;
}

} // namespace cc
