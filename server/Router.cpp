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
    m_routes.append(Route{method, pattern, std::move(handler), authenticated, validator, runs});
}

QString Router::rewriteDoubledPrefix(const QString &path)
{
    // The seeds print base + path, where path starts with the base again.
    static const QRegularExpression doubled(QStringLiteral("^(/api/v1/[a-z-]+)(/api/v1/[a-z-]+)(/.*)?$"));
    const auto m = doubled.match(path);
    if (m.hasMatch() && m.captured(1) == m.captured(2))
        return m.captured(2) + m.captured(3);
    return path;
}

bool Router::matches(const QString &pattern, const QStringList &segments, QHash<QString, QString> *params)
{
    const QStringList parts = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() != segments.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts.at(i).startsWith(QLatin1Char(':'))) {
            if (segments.at(i).isEmpty())
                return false;
            found.insert(parts.at(i).mid(1), segments.at(i));
        } else if (parts.at(i) != segments.at(i)) {
            return false;
        }
    }
    *params = found;
    return true;
}

Router::Match Router::match(const QString &method, const QString &rawPath) const
{
    QString path = rewriteDoubledPrefix(rawPath);
    if (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    // Split first, then decode: "a%2Fb" is one segment "a/b", never two.
    QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (QString &segment : segments)
        segment = QUrl::fromPercentEncoding(segment.toUtf8());
    Match result;
    // Literal routes win over parameter routes ("…/history/x" over "…/:id").
    const Route *best = nullptr;
    int bestLiterals = -1;
    QHash<QString, QString> bestParams;
    for (const Route &route : m_routes) {
        QHash<QString, QString> params;
        if (!matches(route.pattern, segments, &params))
            continue;
        if (route.method != method) {
            if (!result.allowed.contains(route.method))
                result.allowed.append(route.method);
            continue;
        }
        const int literals = static_cast<int>(route.pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts).size()
                                              - params.size());
        if (literals > bestLiterals) {
            best = &route;
            bestLiterals = literals;
            bestParams = params;
        }
    }
    if (best) {
        result.kind = Match::Kind::Found;
        result.route = best;
        result.params = bestParams;
        return result;
    }
    result.kind = result.allowed.isEmpty() ? Match::Kind::NotFound : Match::Kind::MethodNotAllowed;
    return result;
}

} // namespace cc::api
