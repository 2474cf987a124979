#pragma once

#include "server/ApiServer.h"
#include "ui/common/ServerControl.h"

namespace cc::app {

// The console's "Server & devices" page drives the embedded API server through this: the one
// place where `ui`'s ServerControl meets `server`'s ApiServer.
class EmbeddedServerControl : public cc::ServerControl
{
    Q_OBJECT
public:
    explicit EmbeddedServerControl(const cc::api::Services &services, QObject *parent = nullptr);
    ~EmbeddedServerControl() override;

    cc::Status start(const Options &options) override;
    void stop() override;
    State state() const override;

    // This machine's addresses a phone on the LAN can reach (no loopback, no link-local).
    static QStringList lanAddresses();

private:
    cc::api::ApiServer m_server;
    QString m_lastError;
};

} // namespace cc::app
