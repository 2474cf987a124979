#include "server/Router.h"

#include <QRegularExpression>
#include <QUrl>

namespace cc::api {

void ApiResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray ApiResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

void Router::add(const QString &method, const QString &pattern, Handler handler, bool authenticated,
                 Validator validator, Runs runs)
{
    Route route{method, pattern, std::move(handler), authenticated, validator, runs, {}, 0};
    route.segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &segment : std::as_const(route.segments))
        route.literals += segment.startsWith(QLatin1Char(':')) ? 0 : 1;
    const qsizetype length = route.segments.size();
    if (m_byLength.size() <= length)
        m_byLength.resize(length + 1);
    m_byLength[length].append(m_routes.size());
    m_routes.append(std::move(route));
}

QString Router::rewriteDoubledPrefix(const QString &path)
{
    // The seeds print base + path, where path starts with the base again. Most paths hold the
    // prefix once: they are answered without the expression.
    static const QString prefix = QStringLiteral("/api/v1/");
    if (path.indexOf(prefix, 1) < 0)
        return path;
    static const QRegularExpression doubled(QStringLiteral("^(/api/v1/[a-z-]+)(/api/v1/[a-z-]+)(/.*)?$"));
    const auto m = doubled.match(path);
    if (m.hasMatch() && m.captured(1) == m.captured(2))
        return m.captured(2) + m.captured(3);
    return path;
}

bool Router::matches(const Route &route, const QList<QStringView> &segments)
{
    if (route.segments.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &part = route.segments.at(i);
        if (part.startsWith(QLatin1Char(':'))) {
            if (segments.at(i).isEmpty())
                return false;
        } else if (part != segments.at(i)) {
            return false;
        }
    }
    return true;
}

Router::Match Router::match(const QString &method, const QString &rawPath) const
{
    QString path = rewriteDoubledPrefix(rawPath);
    if (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    // Split first, then decode: "a%2Fb" is one segment "a/b", never two. Only segments with a
    // '%' need decoding.
    QList<QStringView> segments;
    QStringList decoded; // the decoded segments the views point into (their text never moves)
    for (const QStringView segment : QStringView(path).tokenize(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (segment.contains(QLatin1Char('%'))) {
            decoded.append(QUrl::fromPercentEncoding(segment.toUtf8()));
            segments.append(decoded.constLast());
        } else {
            segments.append(segment);
        }
    }
    Match result;
    // Literal routes win over parameter routes ("…/history/x" over "…/:id").
    const Route *best = nullptr;
    static const QList<qsizetype> kNone;
    const QList<qsizetype> &sameLength =
        segments.size() < m_byLength.size() ? m_byLength.at(segments.size()) : kNone;
    for (const qsizetype index : sameLength) {
        const Route &route = m_routes.at(index);
        if (!matches(route, segments))
            continue;
        if (route.method != method) {
            if (!result.allowed.contains(route.method))
                result.allowed.append(route.method);
            continue;
        }
        if (!best || route.literals > best->literals)
            best = &route;
    }
    if (best) {
        result.kind = Match::Kind::Found;
        result.route = best;
        for (qsizetype i = 0; i < segments.size(); ++i) {
            const QString &part = best->segments.at(i);
            if (part.startsWith(QLatin1Char(':')))
                result.params.insert(part.mid(1), segments.at(i).toString());
        }
        return result;
    }
    result.kind = result.allowed.isEmpty() ? Match::Kind::NotFound : Match::Kind::MethodNotAllowed;
    return result;
}

} // namespace cc::api
