#include "core/ETag.h"

#include "core/Ids.h"

#include <QList>

#include <algorithm>
#include <optional>
#include <utility>

namespace cc {

QString makeEtag(const QByteArray &basis)
{
    return QLatin1Char('"') + sha256Hex(basis).left(16) + QLatin1Char('"');
}

namespace {

// The entity tags of an If-Match or If-None-Match list (RFC 9110 13.1.1), each with whether it
// was weak (W/"…"): none when the list does not parse.
std::optional<QList<std::pair<QString, bool>>> entityTags(const QString &list)
{
    QList<std::pair<QString, bool>> tags;
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
            return std::nullopt;
        const qsizetype close = list.indexOf(QLatin1Char('"'), at + 1);
        if (close < 0)
            return std::nullopt;
        tags.append({list.mid(at, close - at + 1), weak});
        at = close + 1;
    }
    return tags;
}

} // namespace

bool etagMatches(const QString &ifMatch, const QString &current)
{
    const QString list = ifMatch.trimmed();
    if (list.isEmpty() || list == QLatin1String("*"))
        return true;
    // Compared strongly: a weak tag never matches, and a list that does not parse matches nothing.
    const auto tags = entityTags(list);
    return tags && std::any_of(tags->cbegin(), tags->cend(), [&](const auto &tag) {
               return !tag.second && tag.first == current;
           });
}

bool etagNoneMatchFails(const QString &ifNoneMatch, const QString &current)
{
    const QString list = ifNoneMatch.trimmed();
    if (list.isEmpty())
        return false;
    if (list == QLatin1String("*"))
        return true;
    // Compared weakly: W/"x" and "x" are the same tag.
    const QString opaque = current.startsWith(QLatin1String("W/")) ? current.mid(2) : current;
    const auto tags = entityTags(list);
    return tags
        && std::any_of(tags->cbegin(), tags->cend(), [&](const auto &tag) { return tag.first == opaque; });
}

} // namespace cc
