#pragma once

#include "core/Caller.h"
#include "ui/common/ServerControl.h"

#include <QDateTime>
#include <QGroupBox>
#include <QTimer>

class QComboBox;
class QLabel;
class QPushButton;

namespace cc {

struct ConsoleServices;
class QrCodeView;

// The "Pair a phone" part of the Server & devices page: choose a user the caller may pair
// (AuthService::createPairingCode's rules), make a one-time code, and show it as a QR code and as
// text grouped for reading aloud, with a countdown to its expiry.
//
// The QR code holds one URI (RFC 3986; every value percent-encoded but A–Z a–z 0–9 - . _ ~):
//
//   coordinatorconsole://pair?v=1&url=https%3A%2F%2F192.168.1.20%3A8080&fp=AB12…&code=ABCD…
//
//   v     the format's version, 1
//   url   the API server's base URL (scheme, host, port); the phone POSTs
//         {"code":"…"} to <url>/api/v1/auth/pair
//   fp    only with TLS: the SHA-256 of the server certificate (DER), 64 upper-case hex digits
//         without ":"; the phone pins the certificate to it
//   code  the one-time pairing code, 32 characters A–Z 2–7, valid 5 minutes and once
class PairingPanel : public QGroupBox
{
    Q_OBJECT
public:
    PairingPanel(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    static QString pairingUri(const QString &url, const QString &fingerprint, const QString &code);
    // "ABCD EFGH IJKL MNOP" and a second line of four more groups: as the code is read aloud or
    // typed (spaces and line breaks do not matter to redeemPairingCode).
    static QString groupedCode(const QString &code);

    // The URI in the QR code shown now; "" when none is shown.
    QString payload() const { return m_payload; }

    // Lists the users again (they changed).
    void refreshUsers();
    // Follows the server: addresses to offer, and whether pairing is possible at all.
    void updateServer();

private:
    void createCode();
    void clearCode(const QString &message);
    void tick();
    bool serverRunning() const;

    ConsoleServices &m_services;
    Caller m_caller;
    QComboBox *m_user = nullptr;
    QComboBox *m_address = nullptr;
    QPushButton *m_create = nullptr;
    QrCodeView *m_qr = nullptr;
    QLabel *m_code = nullptr;
    QLabel *m_message = nullptr;
    QTimer m_tick;
    QString m_payload;
    QString m_payloadUrl;
    QString m_payloadFingerprint;
    QDateTime m_expiresAt;
};

} // namespace cc
