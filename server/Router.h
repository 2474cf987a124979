#pragma once

#include "core/Caller.h"
#include "server/ApiTypes.h"

#include <functional>

namespace cc::api {

// Routes a method and a path to a handler. Patterns are literal segments and ":name"
// parameters. A known path with another method answers 405 with Allow (QtHttpServer 6.4 would
// say 404); the doubled prefix the seed contracts print ("/api/v1/x/api/v1/x/…") is rewritten
// once, here, before matching.
class Router
{
public:
    // `caller` is the authenticated user; empty for the routes that need no token.
    using Handler = std::function<ApiResponse(const ApiRequest &, const Caller &)>;
    // How a GET answers If-None-Match with 304 Not Modified (ApiDispatcher).
    enum class Validator
    {
        None,         // never: always the full answer
        Changes,      // a view of the caller's organisation: validated by its change number
                      // (ChangeFeed::versionFor) before the handler runs, which then does not
        ChangesAlong, // the same, but with no If-None-Match to compare the handler reads the
                      // number along with its answer (ApiRequest::versionAlong): one statement
        OwnETag,      // the handler's ETag of the resource, compared after it ran
    };
    // Where the server runs a route's handler (ApiServer).
    enum class Runs
    {
        OnPool,   // on one of the request workers, beside other requests (the default)
        Inline,   // on the connections' thread at once: cheap answers, and what takes the socket
        OnWriter, // on the group writer: committed with the other writes that arrived meanwhile
    };
    struct Route
    {
        QString method;
        QString pattern;
        Handler handler;
        bool authenticated = true;
        Validator validator = Validator::None;
        Runs runs = Runs::OnPool;
        QStringList segments; // the pattern split at "/", made once by add()
        int literals = 0;     // how many segments are not ":name"
    };
    struct Match
    {
        enum class Kind
        {
            Found,
            NotFound,
            MethodNotAllowed
        } kind = Kind::NotFound;
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QStringList allowed; // for MethodNotAllowed
    };

    void add(const QString &method, const QString &pattern, Handler handler, bool authenticated = true,
             Validator validator = Validator::None, Runs runs = Runs::OnPool);
    // `path` may keep its percent-encoding: it is split at "/" first and each segment decoded.
    Match match(const QString &method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

    // "/api/v1/notification-records/api/v1/notification-records/x" → "/api/v1/notification-records/x"
    static QString rewriteDoubledPrefix(const QString &path);

private:
    static bool matches(const Route &route, const QList<QStringView> &segments);
    QList<Route> m_routes;
    // The routes (their index in m_routes, in order) by how many segments they have: a path is
    // only tried against the routes of its own length.
    QList<QList<qsizetype>> m_byLength;
};

} // namespace cc::api
