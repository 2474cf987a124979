#include "ui/devices/ServerPage.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/Icons.h"
#include "ui/common/ServerControl.h"
#include "ui/common/Settings.h"
#include "ui/devices/PairingPanel.h"
#include "ui/devices/TokensPanel.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace cc {

namespace {

// "AB:CD:…" in two lines of 16 pairs, so it fits beside the form and is read in halves.
QString fingerprintLines(const QString &fingerprint)
{
    const QStringList pairs = fingerprint.split(QLatin1Char(':'));
    if (pairs.size() <= 16)
        return fingerprint;
    return pairs.mid(0, 16).join(QLatin1Char(':')) + QStringLiteral(":\n")
        + pairs.mid(16).join(QLatin1Char(':'));
}

// The system's fixed-width family at the size of `base` (the fixed system font keeps its own
// size, which would not follow a larger font chosen for the console).
QFont fixedFont(const QFont &base)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF());
    else if (base.pixelSize() > 0)
        font.setPixelSize(base.pixelSize());
    return font;
}

QLabel *valueLabel(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

ServerPage::ServerPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
{
    setObjectName(QStringLiteral("ServerPage"));

    m_noServer =
        new QLabel(tr("There is no embedded API server in this window: it cannot be started here and no "
                      "phone can be paired with it. The paired devices and tokens can still be revoked."),
                   this);
    m_noServer->setObjectName(QStringLiteral("noServerMessage"));
    m_noServer->setWordWrap(true);
    m_noServer->setVisible(services.server == nullptr);

    QWidget *serverBox = buildServerBox();
    m_pairing = new PairingPanel(services, caller, this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("serverSplitter"));
    splitter->setChildrenCollapsible(false);
    m_tokens = new TokensPanel(services, caller, splitter);
    connect(m_tokens, &TokensPanel::statusMessage, this, &ConsolePage::statusMessage);
    splitter->addWidget(m_tokens);
    splitter->addWidget(buildLogBox());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // Only its minimum counts towards the page's height (the scroll area sizes the page to its
    // preferred height); it takes whatever is left over.
    splitter->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);

    auto *left = new QVBoxLayout;
    left->addWidget(serverBox);
    left->addWidget(splitter, 1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addWidget(m_pairing, 2);

    // In a scroll area, so large fonts scroll rather than clip.
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_noServer);
    contentLayout->addLayout(columns, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("serverScrollArea"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setFocusPolicy(Qt::NoFocus); // the widgets inside take the focus
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    loadSettings();
    if (ServerControl *server = services.server) {
        connect(server, &ServerControl::stateChanged, this, &ServerPage::updateState);
        connect(server, &ServerControl::requestLogged, m_log, &QPlainTextEdit::appendPlainText);
    } else {
        serverBox->setEnabled(false);
        m_pairing->setEnabled(false);
    }
    connect(&services.auth, &AuthService::tokensChanged, m_tokens, &TokensPanel::refresh);
    // A new password or a disabled user revokes tokens without AuthService knowing.
    connect(&services.directory, &DirectoryService::usersChanged, m_tokens, &TokensPanel::refresh);
    updateState();
    m_tokens->refresh();
}

QWidget *ServerPage::buildServerBox()
{
    auto *box = new QGroupBox(tr("API server"), this);
    box->setObjectName(QStringLiteral("serverBox"));

    m_state = valueLabel(box, QStringLiteral("serverState"), tr("Server state"));

    m_port = new QSpinBox(box);
    m_port->setObjectName(QStringLiteral("serverPort"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free port"));
    m_port->setKeyboardTracking(false);

    m_tls = new QCheckBox(tr("Use &TLS (HTTPS)"), box);
    m_tls->setObjectName(QStringLiteral("serverTls"));
    m_tls->setAccessibleName(tr("Use TLS (HTTPS)"));

    m_certificate = new QLineEdit(box);
    m_certificate->setObjectName(QStringLiteral("serverCertificateFile"));
    m_certificate->setAccessibleName(tr("Certificate file (PEM)"));
    m_certificate->setPlaceholderText(tr("Empty: this computer's own certificate"));
    m_browseCertificate = new QPushButton(tr("Browse…"), box);
    m_browseCertificate->setObjectName(QStringLiteral("browseCertificate"));
    m_browseCertificate->setAccessibleName(tr("Choose the certificate file"));

    m_key = new QLineEdit(box);
    m_key->setObjectName(QStringLiteral("serverKeyFile"));
    m_key->setAccessibleName(tr("Private key file (PEM)"));
    m_key->setPlaceholderText(tr("Empty: the key of this computer's own certificate"));
    m_browseKey = new QPushButton(tr("Browse…"), box);
    m_browseKey->setObjectName(QStringLiteral("browseKey"));
    m_browseKey->setAccessibleName(tr("Choose the private key file"));

    m_startStop = new QPushButton(box);
    m_startStop->setObjectName(QStringLiteral("serverStartStop"));

    m_urls = valueLabel(box, QStringLiteral("serverUrls"), tr("Server addresses"));
    m_urls->setWordWrap(false); // one address a line, never broken inside
    m_fingerprint =
        valueLabel(box, QStringLiteral("serverFingerprint"), tr("Certificate fingerprint (SHA-256)"));
    m_fingerprint->setWordWrap(false);
    m_fingerprint->setFont(fixedFont(m_fingerprint->font()));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_startStop);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_state);
    layout->addLayout(buildServerForm(box));
    layout->addLayout(buttons);

    connectServerBox();
    return box;
}

QFormLayout *ServerPage::buildServerForm(QWidget *box)
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto addRow = [&](const QString &text, QWidget *field, QWidget *buddy) {
        auto *label = new QLabel(text, box);
        label->setBuddy(buddy);
        form->addRow(label, field);
    };
    addRow(tr("&Port:"), m_port, m_port);
    form->addRow(QString(), m_tls);
    auto *certificateRow = new QHBoxLayout;
    certificateRow->addWidget(m_certificate, 1);
    certificateRow->addWidget(m_browseCertificate);
    auto *certificateField = new QWidget(box);
    certificateField->setLayout(certificateRow);
    certificateRow->setContentsMargins(0, 0, 0, 0);
    addRow(tr("Certi&ficate file:"), certificateField, m_certificate);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_browseKey);
    keyRow->setContentsMargins(0, 0, 0, 0);
    auto *keyField = new QWidget(box);
    keyField->setLayout(keyRow);
    addRow(tr("&Key file:"), keyField, m_key);
    addRow(tr("Addresses:"), m_urls, m_urls);
    addRow(tr("Fingerprint (SHA-256):"), m_fingerprint, m_fingerprint);
    return form;
}

void ServerPage::connectServerBox()
{
    connect(m_startStop, &QPushButton::clicked, this, &ServerPage::startOrStop);
    connect(m_port, &QSpinBox::valueChanged, this, &ServerPage::saveSettings);
    connect(m_tls, &QCheckBox::toggled, this, [this] {
        updateTlsWidgets();
        saveSettings();
    });
    connect(m_certificate, &QLineEdit::editingFinished, this, &ServerPage::saveSettings);
    connect(m_key, &QLineEdit::editingFinished, this, &ServerPage::saveSettings);
    connect(m_browseCertificate, &QPushButton::clicked, this, [this] {
        chooseFile(m_certificate, tr("Choose the certificate file"),
                   tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    });
    connect(m_browseKey, &QPushButton::clicked, this, [this] {
        chooseFile(m_key, tr("Choose the private key file"), tr("PEM keys (*.pem *.key);;All files (*)"));
    });
}

QWidget *ServerPage::buildLogBox()
{
    auto *box = new QGroupBox(tr("Request &log"), this);
    box->setObjectName(QStringLiteral("logBox"));
    m_log = new QPlainTextEdit(box);
    m_log->setObjectName(QStringLiteral("requestLog"));
    m_log->setAccessibleName(tr("Request log"));
    m_log->setAccessibleDescription(
        tr("The last %n request(s) the server answered, newest at the end.", nullptr, kLogLines));
    m_log->setReadOnly(true);
    m_log->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_log->setMaximumBlockCount(kLogLines);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(fixedFont(m_log->font()));
    m_log->setTabChangesFocus(true);
    m_log->setPlaceholderText(tr("Requests to the server appear here as they are answered."));
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_log);
    return box;
}

QString ServerPage::title() const
{
    return tr("Server & devices");
}

QIcon ServerPage::icon() const
{
    return Icons::glyph(Icons::Glyph::Server);
}

void ServerPage::activated()
{
    // "Last used" and expiry change without a signal.
    m_tokens->refresh();
    updateState();
}

void ServerPage::loadSettings()
{
    const Settings &settings = services().settings;
    const QSignalBlocker portBlocker(m_port);
    const QSignalBlocker tlsBlocker(m_tls);
    m_port->setValue(qBound(0, settings.integer(Settings::Key::ServerPort), 65535));
    m_tls->setChecked(settings.boolean(Settings::Key::ServerTls));
    m_certificate->setText(settings.string(Settings::Key::ServerCertificateFile));
    m_key->setText(settings.string(Settings::Key::ServerKeyFile));
    updateTlsWidgets();
}

void ServerPage::saveSettings()
{
    Settings &settings = services().settings;
    settings.setValue(Settings::Key::ServerPort, m_port->value());
    settings.setValue(Settings::Key::ServerTls, m_tls->isChecked());
    settings.setValue(Settings::Key::ServerCertificateFile, m_certificate->text().trimmed());
    settings.setValue(Settings::Key::ServerKeyFile, m_key->text().trimmed());
}

void ServerPage::updateTlsWidgets()
{
    const bool editable = !(services().server && services().server->state().running);
    const bool tls = m_tls->isChecked();
    m_port->setEnabled(editable);
    m_tls->setEnabled(editable);
    for (QWidget *w : {static_cast<QWidget *>(m_certificate), static_cast<QWidget *>(m_browseCertificate),
                       static_cast<QWidget *>(m_key), static_cast<QWidget *>(m_browseKey)})
        w->setEnabled(editable && tls);
}

void ServerPage::chooseFile(QLineEdit *edit, const QString &caption, const QString &filter)
{
    const QString start = edit->text().isEmpty() ? QString() : QFileInfo(edit->text()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, caption, start, filter);
    if (file.isEmpty())
        return;
    edit->setText(file);
    saveSettings();
}

void ServerPage::startOrStop()
{
    ServerControl *server = services().server;
    if (!server)
        return;
    if (server->state().running) {
        m_startProblem.clear();
        server->stop();
        emit statusMessage(tr("The API server was stopped."));
        updateState();
        return;
    }
    saveSettings();
    m_startProblem.clear();
    ServerControl::Options options;
    options.port = quint16(m_port->value());
    options.tls = m_tls->isChecked();
    if (options.tls) {
        options.certificateFile = m_certificate->text().trimmed();
        options.keyFile = m_key->text().trimmed();
        if (options.certificateFile.isEmpty() != options.keyFile.isEmpty()) {
            m_startProblem = tr("Choose both a certificate file and a key file, or leave both empty to use "
                                "this computer's own certificate.");
            updateState();
            (options.certificateFile.isEmpty() ? m_certificate : m_key)->setFocus();
            return;
        }
    }
    if (auto started = server->start(options); !started) {
        if (server->state().lastError.isEmpty())
            m_startProblem = started.error().message;
        emit statusMessage(tr("The API server did not start: %1").arg(started.error().message));
    } else {
        emit statusMessage(tr("The API server is running on %1.").arg(server->state().url()));
    }
    updateState();
}

void ServerPage::updateState()
{
    ServerControl *server = services().server;
    if (!server) {
        m_state->setText(tr("No embedded API server."));
        m_startStop->setText(tr("&Start server"));
        m_startStop->setAccessibleName(tr("Start server"));
        m_urls->setText(tr("None."));
        m_fingerprint->setText(tr("None."));
        return;
    }
    const ServerControl::State state = server->state();
    if (state.running) {
        m_startProblem.clear();
        m_state->setText(state.tls ? tr("Running on port %1 with TLS (HTTPS).").arg(state.port)
                                   : tr("Running on port %1 without TLS (plain HTTP): the traffic is "
                                        "unencrypted.")
                                         .arg(state.port));
        m_urls->setText(state.urls().join(QLatin1Char('\n')));
        m_fingerprint->setText(state.tls ? fingerprintLines(state.fingerprint)
                                         : tr("None: the server runs without TLS."));
        // While it runs, the box shows what it runs with (--no-tls may differ from the setting).
        const QSignalBlocker blocker(m_tls);
        m_tls->setChecked(state.tls);
    } else {
        // Stopped: the setting again, for the next start.
        const QSignalBlocker blocker(m_tls);
        m_tls->setChecked(services().settings.boolean(Settings::Key::ServerTls));
        const QString why = !m_startProblem.isEmpty() ? m_startProblem : state.lastError;
        m_state->setText(why.isEmpty() ? tr("Stopped.") : tr("Stopped: %1").arg(why));
        m_urls->setText(tr("None while the server is stopped."));
        m_fingerprint->setText(tr("None while the server is stopped."));
    }
    m_startStop->setText(state.running ? tr("&Stop server") : tr("&Start server"));
    m_startStop->setAccessibleName(state.running ? tr("Stop server") : tr("Start server"));
    updateTlsWidgets();
}

} // namespace cc
