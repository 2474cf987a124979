#pragma once

#include "ui/common/ConsolePage.h"

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace cc {

class PairingPanel;
class TokensPanel;

// The page of the embedded API server (through ServerControl only): start and stop it with the
// port and TLS files of the settings, its state, addresses and certificate fingerprint; pairing a
// phone (PairingPanel); the paired devices and tokens with revoke; and a live tail of the
// request log. Without an embedded server it says so and disables the server's controls.
class ServerPage : public ConsolePage
{
    Q_OBJECT
public:
    ServerPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void activated() override;

    // Lines the request-log tail keeps.
    static constexpr int kLogLines = 500;

private:
    QWidget *buildServerBox();
    // The port, TLS and address rows of the server box.
    QFormLayout *buildServerForm(QWidget *box);
    void connectServerBox();
    QWidget *buildLogBox();
    void loadSettings();
    void saveSettings();
    void startOrStop();
    void updateState();
    void updateTlsWidgets();
    void chooseFile(QLineEdit *edit, const QString &caption, const QString &filter);

    QLabel *m_noServer = nullptr;
    QLabel *m_state = nullptr;
    QSpinBox *m_port = nullptr;
    QCheckBox *m_tls = nullptr;
    QLineEdit *m_certificate = nullptr;
    QPushButton *m_browseCertificate = nullptr;
    QLineEdit *m_key = nullptr;
    QPushButton *m_browseKey = nullptr;
    QPushButton *m_startStop = nullptr;
    QLabel *m_urls = nullptr;
    QLabel *m_fingerprint = nullptr;
    PairingPanel *m_pairing = nullptr;
    TokensPanel *m_tokens = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QString m_startProblem; // why the page did not even try to start (e.g. TLS without files)
};

} // namespace cc
