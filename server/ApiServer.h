#pragma once

#include "core/Defaults.h"
#include "server/ApiDispatcher.h"
#include "server/ConnectionGuard.h"
#include "server/EventStreams.h"

#include <QHostAddress>
#include <QObject>
#include <QThread>

#include <atomic>

namespace cc::api {

struct ServerOptions
{
    QHostAddress address = QHostAddress::Any;
    quint16 port = kDefaultPort;
    QString tlsCertificateFile; // PEM; both set: HTTPS
    QString tlsKeyFile;
    ConnectionLimits limits;
    RateLimits rateLimits;     // per API token
    StreamLimits streamLimits; // GET /api/v1/events
};

// The embedded REST API on a thread of its own, with its own database connection: the UI
// thread never waits on a request and a request never waits on the UI. Handlers run
// synchronously on that thread.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    explicit ApiServer(const Services &services, QObject *parent = nullptr);
    ~ApiServer() override;

    // Listens; returns the port (useful with port 0), or an error a person can act on.
    Result<quint16> start(const ServerOptions &options);
    // Stops accepting, lets the requests in flight finish and their answers go out, closes.
    void stop();

    bool isRunning() const { return m_running.load(); }
    quint16 port() const { return m_port; }
    bool isTls() const { return m_tls; }
    QString certificateFingerprint() const { return m_fingerprint; } // SHA-256, "AB:CD:…"
    QStringList routes() const;                                      // "GET /api/v1/health", …
    int openEventStreams() const;                                    // GET /api/v1/events

signals:
    void requestLogged(const QString &line);
    void stateChanged();

private:
    class Worker;
    Services m_services;
    QThread m_thread;
    Worker *m_worker = nullptr;
    std::atomic<bool> m_running{false};
    quint16 m_port = 0;
    bool m_tls = false;
    QString m_fingerprint;
};

} // namespace cc::api
