#include "server/ApiServer.h"

#include "core/ChangeFeed.h"
#include "core/Logging.h"
#include "core/RetentionService.h"
#include "server/AccessLog.h"
#include "server/GroupWriter.h"
#include "server/HttpServer.h"
#include "server/RequestPool.h"
#include "server/ServerLogging.h"

#include <QFile>
#include <QMetaMethod>
#include <QMetaObject>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTimer>

#include <chrono>

Q_LOGGING_CATEGORY(lcServer, "console.server", QtInfoMsg)

namespace cc::api {

// Everything that lives on the server thread.
class ApiServer::Worker : public QObject
{
public:
    Worker(const Services &services, ApiServer *owner)
        : m_services(services)
        , m_owner(owner)
    {}

    Result<quint16> start(const ServerOptions &options, QString *fingerprint)
    {
        // The TLS defaults are set up now rather than while the first client waits: QtHttpServer
        // 6.8 gives every request a QSslConfiguration, plain HTTP too, and the first one made
        // loads the TLS backend and OpenSSL and sets up their defaults (some 100 ms).
        (void)QSslConfiguration::defaultConfiguration();
        m_guard = std::make_unique<ConnectionGuard>(options.limits);
        m_dispatcher = std::make_unique<ApiDispatcher>(m_services);
        m_dispatcher->setRateLimits(options.rateLimits);
        // The line goes to the access log's own thread (a request never waits on stderr or the
        // journal) and to the console's request log; it is not even made when neither wants it.
        m_accessLog = std::make_unique<AccessLog>();
        m_dispatcher->setLogger(
            [owner = m_owner, log = m_accessLog.get()](const ApiDispatcher::LogEntry &entry) {
                const bool toLog = lcServer().isInfoEnabled();
                const bool toConsole =
                    owner->isSignalConnected(QMetaMethod::fromSignal(&ApiServer::requestLogged));
                if (!toLog && !toConsole)
                    return;
                const QString line = ApiDispatcher::logLine(entry);
                if (toLog)
                    log->write(line);
                if (toConsole)
                    emit owner->requestLogged(line);
            });
        m_pool = std::make_unique<RequestPool>(
            m_services.database, RequestPool::Options{options.workers, options.maxQueuedRequests});
        m_writer = std::make_unique<GroupWriter>(m_services.database,
                                                 GroupWriter::Options{options.maxQueuedWrites, 256});
        m_http = std::make_unique<HttpServer>(*m_dispatcher, *m_guard, m_pool.get(), m_writer.get());
        // The event stream follows the change feed from this thread.
        m_streams = std::make_unique<EventStreams>(m_services.database, m_services.auth, m_services.records,
                                                   *m_guard, options.streamLimits);
        if (auto s = m_streams->start(); !s)
            return s.error();
        m_streams->registerRoutes(m_dispatcher->router());
        qCInfo(lcServer).noquote()
            << QStringLiteral("%1 request worker(s) and a group writer").arg(m_pool->threads());

        QTcpServer *tcp = nullptr;
        if (!options.tlsCertificateFile.isEmpty() || !options.tlsKeyFile.isEmpty()) {
            auto config = tlsConfiguration(options, fingerprint);
            if (!config)
                return config.error();
            tcp = new GuardedSslServer(*m_guard, *config);
        } else {
            tcp = new GuardedTcpServer(*m_guard);
        }
        if (!tcp->listen(options.address, options.port)) {
            const QString why = tcp->errorString();
            delete tcp;
            return Error{ErrorCode::Conflict,
                         QStringLiteral("Cannot listen on %1:%2: %3")
                             .arg(options.address.toString())
                             .arg(options.port)
                             .arg(why),
                         {},
                         0};
        }
        m_tcp = tcp;
        m_http->bind(tcp); // the HTTP server now owns it
        // Old failed sign-ins, pairing codes and Idempotency-Key answers are forgotten now and hourly,
        // and the organisations' retention rules applied.
        m_housekeeping.setInterval(std::chrono::hours(1));
        QObject::connect(&m_housekeeping, &QTimer::timeout, this, [this] { keepHouse(); });
        m_housekeeping.start();
        keepHouse();
        return tcp->serverPort();
    }

    void keepHouse()
    {
        // Several servers on one PostgreSQL database: one of them keeps house at a time; the
        // others skip this round.
        auto locked = m_services.database.lockAcrossProcesses(Database::LockKey::Housekeeping, false);
        if (!locked) {
            qCWarning(lcServer) << "housekeeping:" << locked.error().message;
            return;
        }
        if (!*locked) {
            qCInfo(lcServer) << "housekeeping: another server on this database is at it; skipped";
            return;
        }
        const auto unlock = qScopeGuard(
            [this] { m_services.database.unlockAcrossProcesses(Database::LockKey::Housekeeping); });
        if (auto pruned = ChangeFeed::prune(m_services.database,
                                            m_services.clock.now().addDays(-ChangeFeed::kKeptDays));
            !pruned)
            qCWarning(lcServer) << "pruning the change feed:" << pruned.error().message;
        if (auto s = m_services.auth.pruneLoginFailures(); !s)
            qCWarning(lcServer) << "pruning failed sign-ins:" << s.error().message;
        if (auto s = m_services.auth.prunePairingCodes(); !s)
            qCWarning(lcServer) << "pruning old pairing codes:" << s.error().message;
        if (auto s = IdempotencyStore(m_services.database, m_services.clock).prune(); !s)
            qCWarning(lcServer) << "pruning Idempotency-Key answers:" << s.error().message;
        RetentionService retention(m_services.database, m_services.clock, m_services.directory,
                                   m_services.records);
        if (auto done = retention.applyAll(Caller::system()); !done)
            qCWarning(lcServer) << "applying the retention rules:" << done.error().message;
        else if (!done->isEmpty())
            qCInfo(lcServer).noquote()
                << QStringLiteral("retention rules: %1 peer mentor(s) erased, %2 record(s) "
                                  "and %3 built payload(s) deleted")
                       .arg(done->mentors)
                       .arg(done->records)
                       .arg(done->payloads);
    }

    void stop()
    {
        m_housekeeping.stop();
        if (m_streams)
            m_streams->stop(); // streams are never "finished": they are closed
        if (m_tcp)
            m_tcp->close(); // no new connections
        // The requests the workers and the writer have are answered; then the answers go out.
        if (m_http)
            m_http->finishPending();
        if (m_tcp) {
            const auto sockets = m_tcp->findChildren<QTcpSocket *>();
            for (QTcpSocket *socket : sockets) {
                if (socket->bytesToWrite() > 0)
                    socket->waitForBytesWritten(2000);
                socket->disconnectFromHost();
            }
        }
        m_http.reset();
        m_pool.reset();
        m_writer.reset();
        m_streams.reset();
        m_tcp = nullptr;
        m_dispatcher.reset();
        m_accessLog.reset(); // after what is pending is written
        m_guard.reset();
        m_services.database.closeThreadConnection();
    }

    int openEventStreams() const { return m_streams ? m_streams->openStreams() : 0; }
    void finishPending()
    {
        if (m_http)
            m_http->finishPending();
    }

    QStringList routes() const
    {
        QStringList out;
        if (m_dispatcher)
            for (const Router::Route &r : m_dispatcher->router().routes())
                out << r.method + QLatin1Char(' ') + r.pattern;
        return out;
    }

private:
    // TLS 1.3's suites, and of TLS 1.2's only those with an ephemeral key exchange (ECDHE: a key
    // stolen later opens no recorded session) and an AEAD cipher (GCM, ChaCha20-Poly1305): no RSA
    // key exchange, no CBC with SHA-1.
    static QList<QSslCipher> forwardSecretAeadCiphers()
    {
        QList<QSslCipher> kept;
        for (const QSslCipher &cipher : QSslConfiguration::supportedCiphers()) {
            const QString name = cipher.name();
            const bool tls13 = name.startsWith(QLatin1String("TLS_"));
            const bool ecdheAead = name.startsWith(QLatin1String("ECDHE-"))
                && (name.contains(QLatin1String("GCM")) || name.contains(QLatin1String("CHACHA20")));
            if (tls13 || ecdheAead)
                kept << cipher;
        }
        return kept;
    }

    static Result<QSslConfiguration> tlsConfiguration(const ServerOptions &options, QString *fingerprint)
    {
        if (options.tlsCertificateFile.isEmpty() || options.tlsKeyFile.isEmpty())
            return Error::invalid(QStringLiteral("HTTPS needs both --tls-cert and --tls-key."));
        const auto certificates = QSslCertificate::fromPath(options.tlsCertificateFile, QSsl::Pem);
        if (certificates.isEmpty())
            return Error::invalid(
                QStringLiteral("No PEM certificate in %1.").arg(options.tlsCertificateFile));
        QFile keyFile(options.tlsKeyFile);
        if (!keyFile.open(QIODevice::ReadOnly))
            return Error::invalid(QStringLiteral("The key file %1 cannot be read.").arg(options.tlsKeyFile));
        const QByteArray pem = keyFile.readAll();
        QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            return Error::invalid(
                QStringLiteral("No unencrypted PEM RSA or EC private key in %1.").arg(options.tlsKeyFile));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(certificates);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        config.setProtocol(QSsl::TlsV1_2OrLater);
        config.setCiphers(forwardSecretAeadCiphers());
        const QByteArray digest = certificates.first().digest(QCryptographicHash::Sha256).toHex().toUpper();
        QStringList pairs;
        for (qsizetype i = 0; i < digest.size(); i += 2)
            pairs << QString::fromLatin1(digest.mid(i, 2));
        *fingerprint = pairs.join(QLatin1Char(':'));
        return config;
    }

    Services m_services;
    ApiServer *m_owner;
    std::unique_ptr<ConnectionGuard> m_guard;
    std::unique_ptr<AccessLog> m_accessLog;
    std::unique_ptr<ApiDispatcher> m_dispatcher;
    std::unique_ptr<RequestPool> m_pool;
    std::unique_ptr<GroupWriter> m_writer;
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<EventStreams> m_streams;
    QTcpServer *m_tcp = nullptr;
    QTimer m_housekeeping{this}; // a child, so it moves to the server thread with the worker
};

ApiServer::ApiServer(const Services &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    m_thread.setObjectName(QStringLiteral("api-server"));
}

ApiServer::~ApiServer()
{
    stop();
}

Result<quint16> ApiServer::start(const ServerOptions &options)
{
    if (m_running)
        return Error{ErrorCode::Conflict, QStringLiteral("The server is running already."), {}, 0};
    m_thread.start();
    m_worker = new Worker(m_services, this);
    m_worker->moveToThread(&m_thread);
    std::optional<Result<quint16>> result;
    QString fingerprint;
    QMetaObject::invokeMethod(
        m_worker, [&] { result = m_worker->start(options, &fingerprint); }, Qt::BlockingQueuedConnection);
    if (!result || !*result) {
        QMetaObject::invokeMethod(
            m_worker,
            [this] {
                m_worker->stop();
                delete m_worker;
            },
            Qt::BlockingQueuedConnection);
        m_worker = nullptr;
        m_thread.quit();
        m_thread.wait();
        return result ? result->error()
                      : Error{ErrorCode::Internal, QStringLiteral("The server thread did not start."), {}, 0};
    }
    m_port = result->value();
    m_tls = !options.tlsCertificateFile.isEmpty();
    m_fingerprint = fingerprint;
    m_running = true;
    qCInfo(lcServer) << "listening on" << options.address.toString() << m_port
                     << (m_tls ? "(https)" : "(http)");
    emit stateChanged();
    return m_port;
}

void ApiServer::stop()
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            m_worker->stop();
            delete m_worker;
        },
        Qt::BlockingQueuedConnection);
    m_worker = nullptr;
    m_thread.quit();
    m_thread.wait();
    m_running = false;
    m_port = 0;
    emit stateChanged();
}

void ApiServer::finishPending()
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->finishPending(); }, Qt::BlockingQueuedConnection);
}

QStringList ApiServer::routes() const
{
    if (!m_worker)
        return {};
    QStringList out;
    QMetaObject::invokeMethod(
        m_worker, [&] { out = m_worker->routes(); }, Qt::BlockingQueuedConnection);
    return out;
}

int ApiServer::openEventStreams() const
{
    if (!m_worker)
        return 0;
    int open = 0;
    QMetaObject::invokeMethod(
        m_worker, [&] { open = m_worker->openEventStreams(); }, Qt::BlockingQueuedConnection);
    return open;
}

} // namespace cc::api
