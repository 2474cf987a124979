#pragma once

#include "core/AuthService.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/PayloadService.h"
#include "core/TemplateService.h"
#include "server/ApiServer.h"
#include "server/Router.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/World.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <memory>

namespace cc::test {

// A real API server on 127.0.0.1:<free port> over a fresh test database, with two
// organisations, their people, and a signed-in token for each role. Requests go through
// QNetworkAccessManager, as a client's would. When CC_API_CAPTURE_FILE is set, every answer is
// appended there (method, route, status, body) for the OpenAPI response check.
class ApiHarness
{
public:
    ApiHarness();
    ~ApiHarness();

    // Builds the services, seeds the data and starts the server; false (with error()) if not.
    bool start();
    // The connection limits the server starts with (before start(); the defaults otherwise).
    void setLimits(const api::ConnectionLimits &limits) { m_limits = limits; }
    // The tests send far more than a phone would: unlimited unless a test sets ceilings.
    void setRateLimits(const api::RateLimits &limits) { m_rateLimits = limits; }
    // The event streams' limits (before start(); the defaults otherwise).
    void setStreamLimits(const api::StreamLimits &limits) { m_streamLimits = limits; }
    // Request workers (0: one per core) and the queues' bounds (before start(); the defaults
    // otherwise).
    void setWork(int workers, int maxQueuedRequests, int maxQueuedWrites)
    {
        m_workers = workers;
        m_maxQueuedRequests = maxQueuedRequests;
        m_maxQueuedWrites = maxQueuedWrites;
    }
    // Serve HTTPS with these PEM files (before start()); requests then accept the server's
    // self-signed certificate when its SHA-256 fingerprint is the one the server reports.
    void setTls(const QString &certificateFile, const QString &keyFile)
    {
        m_tlsCertificate = certificateFile;
        m_tlsKey = keyFile;
    }
    // Start on what this backup restores (Backup::restore, as nobody signed in) instead of the
    // seeded World; tokens are issued for the World's usernames, which the backup should have.
    void setRestoreFrom(const QString &backupFile) { m_restoreFrom = backupFile; }
    QString error() const { return m_error; }
    // Empties the database and seeds it again (between test functions).
    void reseed();

    struct Reply
    {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QJsonDocument document;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
        QString errorFields() const; // the "field" of every problem error, comma-separated
    };
    struct Options
    {
        QString token;
        QByteArray contentType = QByteArrayLiteral("application/json");
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    Reply request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                  const Options &options);
    Reply request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {});
    Reply get(const QString &path, const QString &token) { return request("GET", path, {}, {token, {}, {}}); }
    Reply post(const QString &path, const QJsonObject &body, const QString &token);
    Reply put(const QString &path, const QJsonObject &body, const QString &token);
    Reply del(const QString &path, const QString &token)
    {
        return request("DELETE", path, {}, {token, {}, {}});
    }

    // Tokens of the seeded users: "coordinator", "org_admin", "global_admin" of organisation A,
    // and "coordinator_b", "org_admin_b" of organisation B.
    QString token(const QString &who) const { return m_tokens.value(who); }
    QString issueToken(const QString &username, int days = 30);

    quint16 port() const { return m_port; }
    QString baseUrl() const;
    ManualClock &clock() { return m_clock; }
    Database &database() { return m_db.db(); }
    bool isPostgres() const { return m_db.isPostgres(); }
    AuthService &auth() { return *m_auth; }
    NotificationRecordService &records() { return *m_records; }
    TemplateService &templates() { return *m_templates; }
    PayloadService &payloads() { return *m_payloads; }
    DirectoryService &directory() { return *m_directory; }
    api::ApiServer &server() { return *m_server; }
    QStringList logLines() const { return m_log; }

private:
    static World world();
    bool seed();
    bool restore();
    void issueSeatTokens();
    void capture(const QByteArray &method, const QString &path, const Reply &reply);

    TestDatabase m_db;
    ManualClock m_clock;
    std::unique_ptr<DirectoryService> m_directory;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<NotificationRecordService> m_records;
    std::unique_ptr<TemplateService> m_templates;
    std::unique_ptr<PayloadService> m_payloads;
    std::unique_ptr<api::ApiServer> m_server;
    api::Router m_routes; // the server's route patterns, to name the route of a capture
    QNetworkAccessManager m_network;
    QHash<QString, QString> m_tokens;
    QStringList m_log;
    quint16 m_port = 0;
    api::ConnectionLimits m_limits;
    api::RateLimits m_rateLimits{1'000'000, 1'000'000};
    api::StreamLimits m_streamLimits;
    int m_workers = api::ServerOptions{}.workers;
    int m_maxQueuedRequests = api::ServerOptions{}.maxQueuedRequests;
    int m_maxQueuedWrites = api::ServerOptions{}.maxQueuedWrites;
    QString m_tlsCertificate;
    QString m_tlsKey;
    QString m_restoreFrom;
    QString m_error;
};

QJsonObject recordBody(const QString &mentor = World::kMentorA1,
                       const QString &event = QStringLiteral("pause_activated"));

} // namespace cc::test
