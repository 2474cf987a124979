#pragma once

#include "core/Defaults.h"
#include "core/Result.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace cc {

// What the console needs of the embedded API server. `app` implements it over the server, so `ui`
// never includes `server/`; the tests implement it with a fake.
class ServerControl : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        quint16 port = kDefaultPort; // 0: any free port
        bool tls = true;
        QString certificateFile; // PEM, when tls; both empty: this computer's own certificate
        QString keyFile;         // PEM, when tls
    };

    struct State
    {
        bool running = false;
        quint16 port = 0;
        bool tls = false;
        QString fingerprint;      // SHA-256 of the certificate, "AB:CD:…", when tls
        QStringList lanAddresses; // this machine's IPv4/IPv6 addresses a phone can reach
        QString lastError;        // why the last start failed, "" otherwise
        // "https://192.168.1.20:8080" for the first LAN address (loopback when there is none).
        QString url() const;
        QStringList urls() const; // one per LAN address
    };

    using QObject::QObject;

    virtual Status start(const Options &options) = 0;
    virtual void stop() = 0;
    virtual State state() const = 0;

signals:
    void stateChanged();
    // One access-log line per request (no query values, tokens or personal data).
    void requestLogged(const QString &line);
};

} // namespace cc
