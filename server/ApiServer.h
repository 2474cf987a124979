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
    // Request workers (0: one per core) and the requests that may wait for one; the POSTs of
    // records that may wait for the group writer. Beyond either: 503 with Retry-After.
    int workers = 0;
    int maxQueuedRequests = 512;
    int maxQueuedWrites = 1024;
};

// The embedded REST API. Its connections live on a thread of their own (the UI thread never waits
// on a request and a request never waits on the UI); most requests are answered on a pool of
// request workers, one per core, and the POSTs of records by one writer that commits them in
// groups. Each of these threads has its own database connection.
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
    // Waits until every request handed to the workers and the writer is answered.
    void finishPending();

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
