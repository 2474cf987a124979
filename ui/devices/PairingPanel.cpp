#include "ui/devices/PairingPanel.h"

#include "core/Permissions.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"
#include "ui/devices/QrCodeView.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace cc {

namespace {

QString percentEncoded(const QString &value)
{
    // Everything but the unreserved characters of RFC 3986, so ":", "/", "&", "=" and "+" in a
    // value can never be read as syntax.
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

// "4:05"
QString minutesAndSeconds(qint64 seconds)
{
    return QString::number(seconds / 60) + QLatin1Char(':')
        + QStringLiteral("%1").arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

PairingPanel::PairingPanel(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : QGroupBox(parent)
    , m_services(services)
    , m_caller(caller)
{
    setObjectName(QStringLiteral("pairingPanel"));
    setTitle(tr("Pair a phone"));

    m_user = new QComboBox(this);
    m_user->setObjectName(QStringLiteral("pairingUser"));
    m_user->setAccessibleName(tr("User to pair a phone for"));
    m_address = new QComboBox(this);
    m_address->setObjectName(QStringLiteral("pairingAddress"));
    m_address->setAccessibleName(tr("Server address the phone uses"));
    m_create = new QPushButton(tr("&Create pairing code"), this);
    m_create->setObjectName(QStringLiteral("createPairingCode"));
    m_create->setAccessibleName(tr("Create pairing code"));
    m_create->setToolTip(tr("A one-time code for the chosen user, valid for %n minute(s).", nullptr,
                            AuthService::kPairingCodeSeconds / 60));

    m_qr = new QrCodeView(this);
    m_qr->setObjectName(QStringLiteral("pairingQrCode"));
    m_qr->setAccessibleName(tr("Pairing QR code"));
    m_qr->setPlaceholderText(tr("The QR code appears here."));

    m_code = new QLabel(this);
    m_code->setObjectName(QStringLiteral("pairingCode"));
    m_code->setAccessibleName(tr("Pairing code"));
    m_code->setTextFormat(Qt::PlainText);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_code->setAlignment(Qt::AlignCenter);
    // The system's fixed-width family, a little larger than the text around it.
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (font().pointSizeF() > 0)
        codeFont.setPointSizeF(font().pointSizeF() * 1.2);
    else if (font().pixelSize() > 0)
        codeFont.setPixelSize(font().pixelSize() * 6 / 5);
    codeFont.setBold(true);
    m_code->setFont(codeFont);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pairingMessage"));
    m_message->setAccessibleName(tr("Pairing state"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *form = new QFormLayout;
    auto *userLabel = new QLabel(tr("&User:"), this);
    userLabel->setBuddy(m_user);
    form->addRow(userLabel, m_user);
    auto *addressLabel = new QLabel(tr("A&ddress:"), this);
    addressLabel->setBuddy(m_address);
    form->addRow(addressLabel, m_address);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_create, 0, Qt::AlignLeft);
    layout->addWidget(m_qr, 1);
    layout->addWidget(m_code);
    layout->addWidget(m_message);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &PairingPanel::tick);
    connect(m_create, &QPushButton::clicked, this, &PairingPanel::createCode);
    connect(&m_services.directory, &DirectoryService::usersChanged, this, &PairingPanel::refreshUsers);
    if (m_services.server)
        connect(m_services.server, &ServerControl::stateChanged, this, &PairingPanel::updateServer);

    refreshUsers();
    clearCode(QString());
    updateServer();
}

QString PairingPanel::pairingUri(const QString &url, const QString &fingerprint, const QString &code)
{
    QString uri = QStringLiteral("coordinatorconsole://pair?v=1&url=") + percentEncoded(url);
    if (!fingerprint.isEmpty())
        uri += QStringLiteral("&fp=") + percentEncoded(fingerprint);
    uri += QStringLiteral("&code=") + percentEncoded(code);
    return uri;
}

QString PairingPanel::groupedCode(const QString &code)
{
    QString out;
    for (qsizetype i = 0; i < code.size(); i += 4) {
        if (i > 0)
            out += i % 16 == 0 ? QLatin1Char('\n') : QLatin1Char(' ');
        out += code.mid(i, 4);
    }
    return out;
}

bool PairingPanel::serverRunning() const
{
    return m_services.server && m_services.server->state().running;
}

void PairingPanel::refreshUsers()
{
    const QString previous = m_user->currentData().toString();
    struct Entry
    {
        QString username;
        QString text;
    };
    QList<Entry> entries;
    if (may(m_caller, Action::ManageOthersDevices)) {
        // Org admins see their organisation's users and global admins everyone: exactly whom
        // createPairingCode lets them pair. A disabled user cannot be paired.
        auto users = m_services.directory.users(m_caller);
        if (users) {
            for (const User &user : std::as_const(*users))
                if (!user.disabled)
                    entries.append({user.username, tr("%1 (%2)").arg(user.displayName, user.username)});
        }
    }
    const bool selfListed = std::any_of(entries.cbegin(), entries.cend(),
                                        [&](const Entry &e) { return e.username == m_caller.username; });
    if (!selfListed && !m_caller.username.isEmpty())
        entries.append({m_caller.username, m_caller.username});
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return QString::localeAwareCompare(a.text, b.text) < 0; });

    m_user->clear();
    for (const Entry &e : std::as_const(entries))
        m_user->addItem(e.text, e.username);
    int index = m_user->findData(previous.isEmpty() ? m_caller.username : previous);
    if (index < 0)
        index = m_user->findData(m_caller.username);
    m_user->setCurrentIndex(std::max(index, 0));
    updateServer();
}

void PairingPanel::updateServer()
{
    const bool running = serverRunning();
    const ServerControl::State state =
        m_services.server ? m_services.server->state() : ServerControl::State();
    const QStringList urls = running ? state.urls() : QStringList();
    const QString previous = m_address->currentText();
    m_address->clear();
    m_address->addItems(urls);
    if (const int index = m_address->findText(previous); index >= 0)
        m_address->setCurrentIndex(index);
    m_address->setEnabled(running);
    m_user->setEnabled(m_services.server != nullptr);
    m_create->setEnabled(running && m_user->count() > 0);

    if (!m_payload.isEmpty()) {
        const QString fingerprint =
            state.tls ? QString(state.fingerprint).remove(QLatin1Char(':')) : QString();
        if (!running || !urls.contains(m_payloadUrl) || fingerprint != m_payloadFingerprint)
            clearCode(tr("The server stopped or changed, so the code shown no longer fits. Create a new "
                         "pairing code."));
        return;
    }
    if (!m_services.server)
        m_message->setText(tr("There is no embedded server here to pair a phone with."));
    else if (!running)
        m_message->setText(tr("Start the server to pair a phone."));
    else if (m_message->text().isEmpty() || !m_tick.isActive())
        m_message->setText(
            tr("Choose whose phone it is and create a code. The phone scans the QR code, or you type the "
               "address and the code on it. A code is valid for %n minute(s) and only once.",
               nullptr, AuthService::kPairingCodeSeconds / 60));
}

void PairingPanel::createCode()
{
    if (!serverRunning())
        return;
    const QString username = m_user->currentData().toString();
    auto code = m_services.auth.createPairingCode(m_caller, username);
    if (!code) {
        clearCode(ErrorMessages::text(code.error()));
        return;
    }
    const ServerControl::State state = m_services.server->state();
    const QString url = m_address->currentText().isEmpty() ? state.url() : m_address->currentText();
    const QString fingerprint = state.tls ? QString(state.fingerprint).remove(QLatin1Char(':')) : QString();
    const QString payload = pairingUri(url, fingerprint, code->code);
    auto qr = QrCode::encode(payload);
    if (!qr) {
        clearCode(ErrorMessages::text(qr.error()));
        return;
    }
    m_payload = payload;
    m_payloadUrl = url;
    m_payloadFingerprint = fingerprint;
    m_expiresAt = code->expiresAt;
    m_qr->setCode(*qr);
    const QString who = m_user->currentText();
    m_qr->setAccessibleDescription(
        state.tls ? tr("A QR code that pairs a phone with this server as %1. It holds the address %2, the "
                       "certificate fingerprint and the one-time code shown below it.")
                        .arg(who, url)
                  : tr("A QR code that pairs a phone with this server as %1. It holds the address %2 and the "
                       "one-time code shown below it.")
                        .arg(who, url));
    m_code->setText(groupedCode(code->code));
    m_code->setAccessibleDescription(tr("The one-time code for %1, in groups of four characters.").arg(who));
    m_tick.start();
    tick();
}

void PairingPanel::clearCode(const QString &message)
{
    m_tick.stop();
    m_payload.clear();
    m_payloadUrl.clear();
    m_payloadFingerprint.clear();
    m_expiresAt = QDateTime();
    m_qr->clear();
    m_qr->setAccessibleDescription(tr("No pairing code is shown."));
    m_code->clear();
    m_code->setAccessibleDescription(QString());
    m_message->setText(message);
}

void PairingPanel::tick()
{
    const qint64 left = m_services.clock.now().msecsTo(m_expiresAt);
    if (left <= 0) {
        clearCode(tr("The pairing code has expired. Create a new one."));
        return;
    }
    m_message->setText(tr("The code is valid for %1 more (minutes:seconds), once.")
                           .arg(minutesAndSeconds((left + 999) / 1000)));
}

} // namespace cc
