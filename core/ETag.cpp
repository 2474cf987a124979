#include "core/ETag.h"

#include "core/Ids.h"

namespace cc {

QString makeEtag(const QByteArray &basis)
{
    return QLatin1Char('"') + sha256Hex(basis).left(16) + QLatin1Char('"');
}

bool etagMatches(const QString &ifMatch, const QString &current)
{
    const QString list = ifMatch.trimmed();
    if (list.isEmpty() || list == QLatin1String("*"))
        return true;
    // RFC 9110 13.1.1: a list of entity tags, compared strongly: a weak tag (W/"…") never
    // matches, and a list that does not parse matches nothing.
    qsizetype at = 0;
    while (at < list.size()) {
        while (at < list.size() && (list.at(at) == QLatin1Char(',') || list.at(at).isSpace()))
            ++at;
        if (at >= list.size())
            break;
        const bool weak = list.mid(at, 2) == QLatin1String("W/");
        if (weak)
            at += 2;
        if (at >= list.size() || list.at(at) != QLatin1Char('"'))
            return false;
        const qsizetype close = list.indexOf(QLatin1Char('"'), at + 1);
        if (close < 0)
            return false;
        if (!weak && list.mid(at, close - at + 1) == current)
            return true;
        at = close + 1;
    }
    return false;
}

bool etagNoneMatchFails(const QString &ifNoneMatch, const QString &current)
{
    const QString list = ifNoneMatch.trimmed();
    if (list.isEmpty())
        return false;
    if (list == QLatin1String("*"))
        return true;
    const auto opaque = [](const QString &tag) {
        return tag.startsWith(QLatin1String("W/")) ? tag.mid(2) : tag;
    };
    const QString wanted = opaque(current);
    qsizetype at = 0;
    while (at < list.size()) {
        while (at < list.size() && (list.at(at) == QLatin1Char(',') || list.at(at).isSpace()))
            ++at;
        if (at >= list.size())
            break;
        if (list.mid(at, 2) == QLatin1String("W/"))
            at += 2;
        if (at >= list.size() || list.at(at) != QLatin1Char('"'))
            return false;
        const qsizetype close = list.indexOf(QLatin1Char('"'), at + 1);
        if (close < 0)
            return false;
        if (list.mid(at, close - at + 1) == wanted)
            return true;
        at = close + 1;
    }
    return false;
}

} // namespace cc
