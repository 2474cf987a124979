#include "server/ApiDispatcher.h"

#include "core/AuthService.h"
#include "core/ChangeFeed.h"
#include "core/ETag.h"
#include "core/Ids.h"
#include "core/StorableText.h"
#include "server/Problem.h"
#include "server/ServerLogging.h"

#include <QElapsedTimer>

#include <exception>

namespace cc::api {

ApiDispatcher::ApiDispatcher(const Services &services)
    : m_services(services)
    , m_guard(services.auth)
    , m_idempotency(services.database, services.clock)
    , m_records(services.records)
    , m_payloads(services.templates, services.payloads, services.directory)
    , m_mentors(services.records)
    , m_authController(services.auth)
    , m_system(services.database.url().kindName())
{
    m_records.registerRoutes(m_router);
    m_payloads.registerRoutes(m_router);
    m_mentors.registerRoutes(m_router);
    m_authController.registerRoutes(m_router);
    m_system.registerRoutes(m_router);
}

// `text` with every character that could end or forge a log line (controls, line and paragraph
// separators, anything unprintable) written as \xNN or \uNNNN; a backslash becomes two.
QString ApiDispatcher::printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\\'))
            out += QLatin1String("\\\\");
        else if (c.unicode() < 0x80 && c.isPrint())
            out += c;
        else if (c.unicode() < 0x100 && !c.isPrint())
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else if (!c.isPrint() || c.isSurrogate() || c.category() == QChar::Separator_Line
                 || c.category() == QChar::Separator_Paragraph)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString ApiDispatcher::logLine(const LogEntry &e)
{
    return QStringLiteral("%1 %2 %3 %4ms user=%5")
        .arg(printable(e.method), printable(e.path))
        .arg(e.status)
        .arg(e.milliseconds, 0, 'f', 1)
        .arg(e.username.isEmpty() ? QStringLiteral("-") : printable(e.username));
}

ApiResponse ApiDispatcher::handle(const ApiRequest &request, const Router::Match *routed)
{
    LogEntry entry;
    ApiResponse response = answer(request, &entry, routed);
    log(entry);
    return response;
}

void ApiDispatcher::log(const LogEntry &entry) const
{
    if (m_logger && !entry.method.isEmpty())
        m_logger(entry);
}

Router::Match ApiDispatcher::route(const ApiRequest &request) const
{
    return m_router.match(request.method, request.encodedPath.isEmpty() ? request.path : request.encodedPath);
}

Router::Runs ApiDispatcher::runsOn(const Router::Match &match)
{
    return match.kind == Router::Match::Kind::Found ? match.route->runs : Router::Runs::Inline;
}

ApiResponse ApiDispatcher::answer(const ApiRequest &request, LogEntry *entry, const Router::Match *routed)
{
    QElapsedTimer timer;
    timer.start();
    QString username;
    ApiResponse response;
    try {
        response = dispatch(request, &username, routed);
    } catch (const std::exception &) {
        response = problem(Error{ErrorCode::Internal, QString(), {}, 0});
    }
    // An answer with a validator may be kept by the caller's own cache (a phone's), which asks
    // again every time (If-None-Match); nothing else is kept anywhere.
    const bool validated = request.method == QLatin1String("GET")
        && (response.status == 200 || response.status == 304)
        && !response.header(QByteArrayLiteral("ETag")).isEmpty();
    response.setHeader(QByteArrayLiteral("Cache-Control"),
                       validated ? QByteArrayLiteral("private, no-cache") : QByteArrayLiteral("no-store"));
    if (m_logger) {
        // The path keeps its ids but no query values: names and dates stay out of the log.
        QString path = request.path;
        const auto items = request.query.queryItems();
        if (!items.isEmpty()) {
            QStringList keys;
            for (const auto &item : items)
                keys << item.first + QLatin1Char('=');
            path += QLatin1Char('?') + keys.join(QLatin1Char('&'));
        }
        *entry = LogEntry{request.method, path, response.status, timer.nsecsElapsed() / 1e6, username};
    }
    return response;
}

ApiResponse ApiDispatcher::dispatch(ApiRequest request, QString *username, const Router::Match *routed)
{
    request.path = Router::rewriteDoubledPrefix(request.path);
    if (!isStorableText(request.path))
        return problem(
            400, QStringLiteral("The path holds a NUL character or a lone surrogate."),
            {FieldError{QStringLiteral("path"), QStringLiteral("Remove the NUL character."), 0, 0}});
    const auto queryItems = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : queryItems) {
        if (!isStorableText(name) || !isStorableText(value))
            return problem(
                400,
                QStringLiteral("The query parameter %1 holds a NUL character or a lone surrogate.").arg(name),
                {FieldError{name, QStringLiteral("Remove the NUL character."), 0, 0}});
    }
    Router::Match own;
    if (!routed) {
        own = route(request);
        routed = &own;
    }
    const Router::Match &match = *routed;
    if (match.kind == Router::Match::Kind::NotFound)
        return problem(404, QStringLiteral("There is no resource at %1.").arg(request.path));
    if (match.kind == Router::Match::Kind::MethodNotAllowed) {
        ApiResponse r =
            problem(405,
                    QStringLiteral("%1 is not allowed on %2; allowed: %3.")
                        .arg(request.method, request.path, match.allowed.join(QStringLiteral(", "))));
        r.setHeader(QByteArrayLiteral("Allow"), match.allowed.join(QStringLiteral(", ")).toLatin1());
        return r;
    }
    request.params = match.params;

    if (!request.body.isEmpty()) {
        const QByteArray type =
            request.header(QByteArrayLiteral("content-type")).split(';').first().trimmed().toLower();
        if (type != "application/json")
            return problem(
                415, QStringLiteral("The Content-Type header must be application/json."),
                {FieldError{QStringLiteral("Content-Type"), QStringLiteral("Send application/json."), 0, 0}});
    }

    Caller caller;
    if (match.route->authenticated) {
        auto admitted = m_guard.admit(request);
        if (!admitted)
            return problem(admitted.error());
        caller = admitted->caller;
        request.bearerToken = admitted->token;
        *username = caller.username;
        // Per token: the secret's hash names it (the table keeps no secret).
        const bool createsRecord = request.method == QLatin1String("POST")
            && match.route->pattern == QLatin1String("/api/v1/notification-records");
        RateLimiter::Decision decision;
        {
            QMutexLocker lock(&m_rateMutex);
            decision = m_rateLimiter.admit(admitted->tokenHash, createsRecord);
        }
        if (!decision.allowed) {
            ApiResponse r = problem(
                429,
                createsRecord && decision.rateLimit.startsWith("\"records\"")
                    ? QStringLiteral("This token has recorded %1 notifications this minute; retry in %2 s.")
                          .arg(m_rateLimiter.limits().recordsPerMinute)
                          .arg(decision.retryAfterSeconds)
                    : QStringLiteral("This token has sent %1 requests this second; retry in %2 s.")
                          .arg(m_rateLimiter.limits().requestsPerSecond)
                          .arg(decision.retryAfterSeconds));
            r.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(decision.retryAfterSeconds));
            r.setHeader(QByteArrayLiteral("RateLimit-Policy"), m_rateLimiter.policy());
            r.setHeader(QByteArrayLiteral("RateLimit"), decision.rateLimit);
            return r;
        }
    }
    if (request.method == QLatin1String("POST") && match.route->authenticated
        && request.headers.contains(QByteArrayLiteral("idempotency-key")))
        return withIdempotency(request, *match.route, caller);
    if (request.method == QLatin1String("GET") && match.route->authenticated
        && match.route->validator != Router::Validator::None)
        return withValidator(request, *match.route, caller);
    return match.route->handler(request, caller);
}

QByteArray ApiDispatcher::changesEtag(qint64 version, const ApiRequest &request, const Caller &caller) const
{
    // The change number says whether anything the caller sees changed; the rest tells this
    // answer from the caller's others (another page, another filter), from another caller's and
    // from yesterday's (a status or a default that follows the date).
    const QByteArray basis = caller.userId.toUtf8() + '\n' + request.path.toUtf8() + '?'
        + request.query.query(QUrl::FullyEncoded).toUtf8() + '\n'
        + m_services.clock.now().toUTC().date().toString(Qt::ISODate).toLatin1();
    return "W/\"v" + QByteArray::number(version) + '-' + sha256Hex(basis).left(16).toLatin1() + '"';
}

ApiResponse ApiDispatcher::withValidator(ApiRequest &request, const Router::Route &route,
                                         const Caller &caller)
{
    const QString ifNoneMatch = QString::fromUtf8(request.header(QByteArrayLiteral("if-none-match")));
    if (route.validator == Router::Validator::OwnETag) {
        ApiResponse response = route.handler(request, caller);
        const QString etag = QString::fromUtf8(response.header(QByteArrayLiteral("ETag")));
        if (response.status == 200 && !etag.isEmpty() && etagNoneMatchFails(ifNoneMatch, etag))
            return notModified(etag.toUtf8());
        return response;
    }
    if (route.validator == Router::Validator::ChangesAlong && ifNoneMatch.isEmpty()) {
        // Nothing to compare, so nothing to read first: the answer's own statement reads the
        // number, from the same snapshot (one round trip fewer to PostgreSQL).
        ScalarRead version = ChangeFeed::versionRead(caller);
        request.versionAlong = &version;
        ApiResponse response = route.handler(request, caller);
        request.versionAlong = nullptr;
        if (response.status != 200)
            return response;
        if (version.value) {
            response.setHeader(QByteArrayLiteral("ETag"), changesEtag(*version.value, request, caller));
            return response;
        }
        // No row carried the number (an empty page): read it first, then answer again.
    }
    // Read before the answer is built, so that the answer is at least as new as its ETag says: a
    // change committed in between makes the next request's ETag differ, never a stale 304.
    auto version = ChangeFeed::versionFor(m_services.database, caller);
    if (!version)
        return problem(version.error());
    const QByteArray etag = changesEtag(*version, request, caller);
    if (etagNoneMatchFails(ifNoneMatch, QString::fromLatin1(etag)))
        return notModified(etag);
    ApiResponse response = route.handler(request, caller);
    if (response.status == 200)
        response.setHeader(QByteArrayLiteral("ETag"), etag);
    return response;
}

ApiResponse ApiDispatcher::notModified(const QByteArray &etag)
{
    ApiResponse r;
    r.status = 304;
    r.setHeader(QByteArrayLiteral("ETag"), etag);
    return r;
}

ApiResponse ApiDispatcher::withIdempotency(const ApiRequest &request, const Router::Route &route,
                                           const Caller &caller)
{
    const QString key = QString::fromUtf8(request.header(QByteArrayLiteral("idempotency-key")));
    if (auto s = IdempotencyStore::validateKey(key); !s)
        return problem(s.error());
    const QString fingerprint =
        request.method + QLatin1Char(' ') + request.path + QLatin1Char(' ') + sha256Hex(request.body);
    // The claim, what the handler writes and the stored answer are one transaction: a crash or
    // a kill anywhere in between leaves none of them, so a retry is simply new. A second request
    // with the same key waits for the first's commit and then gets its answer.
    Transaction tx(m_services.database);
    if (!tx.begun())
        return problem(tx.begun().error());
    auto claim = m_idempotency.claim(caller.userId, key, fingerprint);
    if (!claim)
        return problem(claim.error());
    switch (claim->outcome) {
    case IdempotencyStore::Outcome::Replay: {
        ApiResponse r;
        r.status = claim->stored.status;
        r.body = claim->stored.body;
        r.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
        if (!claim->stored.location.isEmpty())
            r.setHeader(QByteArrayLiteral("Location"), claim->stored.location.toUtf8());
        if (!claim->stored.etag.isEmpty())
            r.setHeader(QByteArrayLiteral("ETag"), claim->stored.etag.toUtf8());
        r.setHeader(QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true"));
        return r;
    }
    case IdempotencyStore::Outcome::Mismatch:
        return problem(422, QStringLiteral("This Idempotency-Key was used for a different request."),
                       {FieldError{QStringLiteral("Idempotency-Key"),
                                   QStringLiteral("Use a new key for a new request."), 0, 0}});
    case IdempotencyStore::Outcome::InFlight:
        return problem(
            409,
            QStringLiteral("A request with this Idempotency-Key is still being handled; retry shortly."));
    case IdempotencyStore::Outcome::Fresh:
        break;
    }
    ApiResponse response = route.handler(request, caller);
    // Only a success is remembered: a failed request may be retried with the same key (its claim
    // rolls back with it).
    if (response.status < 200 || response.status >= 300)
        return response;
    const Status stored =
        m_idempotency.complete(caller.userId, key, response.status, response.body,
                               QString::fromUtf8(response.header(QByteArrayLiteral("Location"))),
                               QString::fromUtf8(response.header(QByteArrayLiteral("ETag"))));
    if (!stored)
        return problem(stored.error());
    if (const Status committed = tx.commit(); !committed)
        return problem(committed.error());
    return response;
}

} // namespace cc::api
