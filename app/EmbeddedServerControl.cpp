#include "app/EmbeddedServerControl.h"

#include "app/AppContext.h"

#include <QNetworkInterface>

namespace cc::app {

EmbeddedServerControl::EmbeddedServerControl(const cc::api::Services &services, QObject *parent)
    : cc::ServerControl(parent)
    , m_server(services)
{
    connect(&m_server, &cc::api::ApiServer::stateChanged, this, &ServerControl::stateChanged);
    connect(&m_server, &cc::api::ApiServer::requestLogged, this, &ServerControl::requestLogged);
}

EmbeddedServerControl::~EmbeddedServerControl()
{
    m_server.stop();
}

cc::Status EmbeddedServerControl::start(const Options &options)
{
    if (m_server.isRunning())
        m_server.stop();
    cc::api::ServerOptions serverOptions;
    serverOptions.address = QHostAddress::Any;
    serverOptions.port = options.port;
    if (options.tls) {
        serverOptions.tlsCertificateFile = options.certificateFile;
        serverOptions.tlsKeyFile = options.keyFile;
        // No files chosen: this computer's own certificate, made on the first start.
        if (options.certificateFile.isEmpty() && options.keyFile.isEmpty()) {
            auto own = AppContext::ownCertificate();
            if (!own) {
                m_lastError = own.error().message;
                emit stateChanged();
                return own.error();
            }
            serverOptions.tlsCertificateFile = own->certificateFile;
            serverOptions.tlsKeyFile = own->keyFile;
        }
    }
    auto started = m_server.start(serverOptions);
    m_lastError = started ? QString() : started.error().message;
    if (!started) {
        emit stateChanged(); // the server only announces what it did, not what it could not do
        return started.error();
    }
    return {};
}

void EmbeddedServerControl::stop()
{
    m_server.stop();
}

cc::ServerControl::State EmbeddedServerControl::state() const
{
    State state;
    state.running = m_server.isRunning();
    state.port = m_server.port();
    state.tls = m_server.isTls();
    state.fingerprint = m_server.certificateFingerprint();
    state.lanAddresses = lanAddresses();
    state.lastError = m_lastError;
    return state;
}

QStringList EmbeddedServerControl::lanAddresses()
{
    QStringList v4;
    QStringList v6;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        if (!(interface.flags() & QNetworkInterface::IsUp)
            || (interface.flags() & QNetworkInterface::IsLoopBack))
            continue;
        const QList<QNetworkAddressEntry> entries = interface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            const QHostAddress address = entry.ip();
            if (address.isLoopback() || address.isLinkLocal())
                continue;
            (address.protocol() == QAbstractSocket::IPv4Protocol ? v4 : v6) << address.toString();
        }
    }
    return v4 + v6;
}

} // namespace cc::app
