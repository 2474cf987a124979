#pragma once

#include "core/IdempotencyStore.h"
#include "server/ApiTypes.h"
#include "server/AuthController.h"
#include "server/BearerGuard.h"
#include "server/NotificationRecordsController.h"
#include "server/PayloadsController.h"
#include "server/PeerMentorsController.h"
#include "server/RateLimiter.h"
#include "server/Router.h"
#include "server/SystemController.h"

#include <QMutex>

#include <functional>

namespace cc {
class AuthService;
class DirectoryService;
class NotificationRecordService;
class PayloadService;
class TemplateService;
} // namespace cc

namespace cc::api {

// The core services the API answers with: the same objects the console uses.
struct Services
{
    Database &database;
    const Clock &clock;
    AuthService &auth;
    DirectoryService &directory;
    NotificationRecordService &records;
    TemplateService &templates;
    PayloadService &payloads;
};

// One request in, one response out: path rewriting, routing (404 / 405 with Allow), the content
// type rule (415), the bearer guard in front of every route that needs a token, Idempotency-Key
// replays, If-None-Match (304), and one access-log line. Knows nothing of sockets. Answers on any
// number of threads at once (each thread has its own database connection).
class ApiDispatcher
{
public:
    explicit ApiDispatcher(const Services &services);

    struct LogEntry
    {
        QString method;
        QString path; // query values removed
        int status = 0;
        double milliseconds = 0;
        QString username; // empty when no one was signed in
    };
    using Logger = std::function<void(const LogEntry &)>;
    void setLogger(Logger logger) { m_logger = std::move(logger); }
    // The ceilings per token (the defaults of RateLimits until set).
    void setRateLimits(const RateLimits &limits) { m_rateLimiter = RateLimiter(limits); }

    // The answer, and its line in the access log. `routed`: the request's route(), when the
    // caller has it already (it is not looked up again).
    ApiResponse handle(const ApiRequest &request, const Router::Match *routed = nullptr);
    // The answer, and in `entry` its line for log(), to be written once the answer holds (a write
    // in a group: after the group's commit).
    ApiResponse answer(const ApiRequest &request, LogEntry *entry, const Router::Match *routed = nullptr);
    void log(const LogEntry &entry) const;
    // The request's route, for handle() or answer(), and for the caller to see where it runs.
    Router::Match route(const ApiRequest &request) const;
    // Where a matched route runs (Runs::Inline when there is none: its answer is a problem).
    static Router::Runs runsOn(const Router::Match &match);
    const Router &router() const { return m_router; }
    Router &router() { return m_router; } // for routes served outside the dispatcher's controllers

    static QString logLine(const LogEntry &entry);
    // `text` with control and other unprintable characters escaped, for one line of a log.
    static QString printable(const QString &text);

private:
    ApiResponse dispatch(ApiRequest request, QString *username, const Router::Match *routed);
    ApiResponse withIdempotency(const ApiRequest &request, const Router::Route &route, const Caller &caller);
    // A GET of a route with a validator: 304 Not Modified when If-None-Match holds the answer's
    // ETag (Router::Validator), else the answer with its ETag.
    ApiResponse withValidator(ApiRequest &request, const Router::Route &route, const Caller &caller);
    QByteArray changesEtag(qint64 version, const ApiRequest &request, const Caller &caller) const;
    static ApiResponse notModified(const QByteArray &etag);

    Services m_services;
    Router m_router;
    BearerGuard m_guard;
    IdempotencyStore m_idempotency;
    QMutex m_rateMutex; // the limiter counts for every thread
    RateLimiter m_rateLimiter{RateLimits{}};
    NotificationRecordsController m_records;
    PayloadsController m_payloads;
    PeerMentorsController m_mentors;
    AuthController m_authController;
    SystemController m_system;
    Logger m_logger;
};

} // namespace cc::api
