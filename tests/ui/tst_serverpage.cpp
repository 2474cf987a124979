#include "tests/support/TestSupport.h"
#include "tests/ui/ConsoleFixture.h"
#include "ui/devices/PairingPanel.h"
#include "ui/devices/QrCode.h"
#include "ui/devices/QrCodeView.h"
#include "ui/devices/ServerPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QUrlQuery>

#include <functional>
#include <memory>

using namespace cc;
using namespace cc::test::ui;

namespace {

const QString kFingerprint =
    QStringLiteral("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
                   "AB:CD:EF:01:23:45:67:89");

// Clicks `answer` in the next message box that opens (from inside its exec()), and notes it was seen.
void answerMessageBox(QMessageBox::StandardButton answer, std::shared_ptr<bool> seen)
{
    auto *timer = new QTimer;
    auto ticks = std::make_shared<int>(0);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, ticks, answer, seen] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box && ++*ticks < 500)
            return;
        timer->stop();
        timer->deleteLater();
        if (!box)
            return;
        *seen = true;
        box->button(answer)->click();
    });
    timer->start();
}

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    T *w = parent->findChild<T *>(name);
    if (!w)
        qFatal("no child %s", qPrintable(name));
    return w;
}

int rowOfToken(QTableWidget *table, const QString &tokenId)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->data(Qt::UserRole).toString() == tokenId)
            return row;
    return -1;
}

} // namespace

class TestServerPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void startsWithTheWidgetsOptions();
    void optionsComeFromSettings();
    void tlsNeedsBothFiles();
    void failedStartSaysWhy();
    void noEmbeddedServer();

    void pairingCodeRedeems_data();
    void pairingCodeRedeems();
    void pairingUsersFollowTheRole_data();
    void pairingUsersFollowTheRole();
    void pairingNeedsARunningServer();
    void pairingCodeCountsDownAndExpires();
    void stoppingTheServerHidesTheCode();
    void pairingUriIsPercentEncoded();

    void tokensAreListedAndRevoked();
    void tokensFollowTheCaller();
    void revokeCanBeCancelled();

    void requestLogKeepsTheTail();

private:
    std::unique_ptr<ServerPage> makePage(const Caller &caller);

    std::unique_ptr<ConsoleFixture> m_fixture;
    Caller m_admin; // org admin of A
    Caller m_kari;  // coordinator of A
    Caller m_bjorn; // coordinator of B
    Caller m_root;  // global admin
};

void TestServerPage::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    m_admin = m_fixture->addUser(QStringLiteral("admin.a"), Role::OrgAdmin, kOrgA);
    m_kari = m_fixture->addUser(QStringLiteral("kari"), Role::Coordinator, kOrgA, kCoordA1);
    m_bjorn = m_fixture->addUser(QStringLiteral("bjorn"), Role::Coordinator, kOrgB, kCoordB1);
    m_root = m_fixture->addUser(QStringLiteral("root"), Role::GlobalAdmin, QString());
    QVERIFY(!m_admin.userId.isEmpty() && !m_kari.userId.isEmpty() && !m_bjorn.userId.isEmpty()
            && !m_root.userId.isEmpty());
}

void TestServerPage::cleanup()
{
    m_fixture.reset();
}

std::unique_ptr<ServerPage> TestServerPage::makePage(const Caller &caller)
{
    auto page = std::make_unique<ServerPage>(m_fixture->services(), caller);
    page->resize(1000, 700);
    page->show();
    return page;
}

void TestServerPage::startsWithTheWidgetsOptions()
{
    auto page = makePage(m_admin);
    auto *port = child<QSpinBox>(page.get(), QStringLiteral("serverPort"));
    auto *tls = child<QCheckBox>(page.get(), QStringLiteral("serverTls"));
    auto *certificate = child<QLineEdit>(page.get(), QStringLiteral("serverCertificateFile"));
    auto *key = child<QLineEdit>(page.get(), QStringLiteral("serverKeyFile"));
    auto *button = child<QPushButton>(page.get(), QStringLiteral("serverStartStop"));
    auto *state = child<QLabel>(page.get(), QStringLiteral("serverState"));
    auto *urls = child<QLabel>(page.get(), QStringLiteral("serverUrls"));
    auto *fingerprint = child<QLabel>(page.get(), QStringLiteral("serverFingerprint"));

    QVERIFY(state->text().startsWith(QStringLiteral("Stopped")));
    // HTTPS by default, with this computer's own certificate while both files are empty.
    QVERIFY(tls->isChecked() && certificate->isEnabled());
    QVERIFY(certificate->text().isEmpty() && key->text().isEmpty());
    port->setValue(9443);
    tls->setChecked(true);
    QVERIFY(certificate->isEnabled() && key->isEnabled());
    certificate->setText(QStringLiteral("/etc/cc/cert.pem"));
    key->setText(QStringLiteral("/etc/cc/key.pem"));
    QSignalSpy status(page.get(), &ConsolePage::statusMessage);
    button->click();

    QCOMPARE(m_fixture->server.starts.size(), 1);
    const ServerControl::Options options = m_fixture->server.starts.constLast();
    QCOMPARE(options.port, quint16(9443));
    QVERIFY(options.tls);
    QCOMPARE(options.certificateFile, QStringLiteral("/etc/cc/cert.pem"));
    QCOMPARE(options.keyFile, QStringLiteral("/etc/cc/key.pem"));
    QVERIFY(m_fixture->server.state().running);

    QVERIFY2(state->text().contains(QStringLiteral("9443")) && state->text().contains(QStringLiteral("TLS")),
             qPrintable(state->text()));
    QCOMPARE(urls->text(), QStringLiteral("https://192.168.1.20:9443"));
    QCOMPARE(fingerprint->text().remove(QLatin1Char('\n')), kFingerprint);
    QVERIFY(fingerprint->textInteractionFlags() & Qt::TextSelectableByKeyboard);
    QCOMPARE(button->text(), QStringLiteral("&Stop server"));
    QVERIFY(!port->isEnabled() && !tls->isEnabled() && !certificate->isEnabled()); // fixed while running
    QVERIFY(!status.isEmpty());
    // What was started with is remembered.
    QCOMPARE(m_fixture->settings->integer(Settings::Key::ServerPort), 9443);
    QVERIFY(m_fixture->settings->boolean(Settings::Key::ServerTls));
    QCOMPARE(m_fixture->settings->string(Settings::Key::ServerCertificateFile),
             QStringLiteral("/etc/cc/cert.pem"));
    QCOMPARE(m_fixture->settings->string(Settings::Key::ServerKeyFile), QStringLiteral("/etc/cc/key.pem"));

    button->click();
    QVERIFY(!m_fixture->server.state().running);
    QCOMPARE(state->text(), QStringLiteral("Stopped."));
    QCOMPARE(button->text(), QStringLiteral("&Start server"));
    QVERIFY(!urls->text().contains(QStringLiteral("192.168")));
    QVERIFY(port->isEnabled());

    // Without TLS: http and no fingerprint.
    tls->setChecked(false);
    port->setValue(8081);
    button->click();
    QCOMPARE(m_fixture->server.starts.constLast().port, quint16(8081));
    QVERIFY(!m_fixture->server.starts.constLast().tls);
    QCOMPARE(urls->text(), QStringLiteral("http://192.168.1.20:8081"));
    QVERIFY(!fingerprint->text().contains(QStringLiteral("AB:CD")));
}

void TestServerPage::optionsComeFromSettings()
{
    m_fixture->settings->setValue(Settings::Key::ServerPort, 0);
    m_fixture->settings->setValue(Settings::Key::ServerTls, false);
    auto page = makePage(m_admin);
    auto *port = child<QSpinBox>(page.get(), QStringLiteral("serverPort"));
    QCOMPARE(port->value(), 0);
    QCOMPARE(port->text(), QStringLiteral("Any free port"));
    child<QPushButton>(page.get(), QStringLiteral("serverStartStop"))->click();
    QCOMPARE(m_fixture->server.starts.constLast().port, quint16(0));
    // The fake picks 18080 for "any".
    QCOMPARE(child<QLabel>(page.get(), QStringLiteral("serverUrls"))->text(),
             QStringLiteral("http://192.168.1.20:18080"));
}

void TestServerPage::tlsNeedsBothFiles()
{
    auto page = makePage(m_admin);
    child<QCheckBox>(page.get(), QStringLiteral("serverTls"))->setChecked(true);
    child<QLineEdit>(page.get(), QStringLiteral("serverCertificateFile"))
        ->setText(QStringLiteral("/etc/cc/cert.pem"));
    child<QPushButton>(page.get(), QStringLiteral("serverStartStop"))->click();
    QVERIFY(m_fixture->server.starts.isEmpty());
    const QString state = child<QLabel>(page.get(), QStringLiteral("serverState"))->text();
    QVERIFY2(state.contains(QStringLiteral("key file")), qPrintable(state));
}

void TestServerPage::failedStartSaysWhy()
{
    m_fixture->server.failWith = QStringLiteral("Cannot listen on 0.0.0.0:8080: The address is in use");
    auto page = makePage(m_admin);
    QSignalSpy status(page.get(), &ConsolePage::statusMessage);
    child<QPushButton>(page.get(), QStringLiteral("serverStartStop"))->click();
    QCOMPARE(m_fixture->server.starts.size(), 1);
    const QString state = child<QLabel>(page.get(), QStringLiteral("serverState"))->text();
    QCOMPARE(state, QStringLiteral("Stopped: Cannot listen on 0.0.0.0:8080: The address is in use"));
    QCOMPARE(status.size(), 1);
    QVERIFY(status.constFirst().constFirst().toString().contains(QStringLiteral("address is in use")));
    QCOMPARE(child<QPushButton>(page.get(), QStringLiteral("serverStartStop"))->text(),
             QStringLiteral("&Start server"));
}

void TestServerPage::noEmbeddedServer()
{
    ConsoleServices services = m_fixture->services();
    services.server = nullptr;
    ServerPage page(services, m_admin);
    page.show();
    QVERIFY(child<QLabel>(&page, QStringLiteral("noServerMessage"))->isVisible());
    QVERIFY(!child<QPushButton>(&page, QStringLiteral("serverStartStop"))->isEnabled());
    QVERIFY(!child<QSpinBox>(&page, QStringLiteral("serverPort"))->isEnabled());
    QVERIFY(!child<QPushButton>(&page, QStringLiteral("createPairingCode"))->isEnabled());
    QVERIFY(!child<QComboBox>(&page, QStringLiteral("pairingUser"))->isEnabled());
    // The tokens are in the database: they can still be seen.
    QVERIFY(child<QTableWidget>(&page, QStringLiteral("tokensTable"))->isEnabled());

    // With a server, no such message.
    auto withServer = makePage(m_admin);
    QVERIFY(!child<QLabel>(withServer.get(), QStringLiteral("noServerMessage"))->isVisible());
}

void TestServerPage::pairingCodeRedeems_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("http") << false;
    QTest::newRow("https") << true;
}

void TestServerPage::pairingCodeRedeems()
{
    QFETCH(bool, tls);
    QVERIFY(m_fixture->server.start({8080, tls, QStringLiteral("c.pem"), QStringLiteral("k.pem")}).ok());
    auto page = makePage(m_admin);
    auto *user = child<QComboBox>(page.get(), QStringLiteral("pairingUser"));
    auto *create = child<QPushButton>(page.get(), QStringLiteral("createPairingCode"));
    auto *codeLabel = child<QLabel>(page.get(), QStringLiteral("pairingCode"));
    auto *qr = child<QrCodeView>(page.get(), QStringLiteral("pairingQrCode"));
    auto *panel = child<PairingPanel>(page.get(), QStringLiteral("pairingPanel"));
    QVERIFY(qr->code().isNull());
    QVERIFY(create->isEnabled());

    const int kari = user->findData(QStringLiteral("kari"));
    QVERIFY(kari >= 0);
    user->setCurrentIndex(kari);
    create->click();

    // The code as shown: two lines of 4 groups of 4, for reading aloud.
    const QString shown = codeLabel->text();
    const QStringList lines = shown.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    for (const QString &line : lines) {
        QCOMPARE(line.size(), 4 * 4 + 3);
        QCOMPARE(line.split(QLatin1Char(' ')).size(), 4);
    }
    const QString code = QString(shown).remove(QRegularExpression(QStringLiteral("\\s")));
    QCOMPARE(code.size(), 32);

    // The QR code holds the payload: the URI with the URL, the fingerprint (with TLS) and the code.
    const QString payload = panel->payload();
    auto encoded = QrCode::encode(payload);
    QVERIFY(encoded.ok());
    QVERIFY(qr->code() == *encoded);
    const QUrl uri(payload, QUrl::StrictMode);
    QVERIFY2(uri.isValid(), qPrintable(payload));
    QCOMPARE(uri.scheme(), QStringLiteral("coordinatorconsole"));
    QCOMPARE(uri.host(), QStringLiteral("pair"));
    const QUrlQuery query(uri);
    QCOMPARE(query.queryItemValue(QStringLiteral("v")), QStringLiteral("1"));
    QCOMPARE(query.queryItemValue(QStringLiteral("url"), QUrl::FullyDecoded),
             tls ? QStringLiteral("https://192.168.1.20:8080") : QStringLiteral("http://192.168.1.20:8080"));
    QCOMPARE(query.queryItemValue(QStringLiteral("code")), code);
    QCOMPARE(query.hasQueryItem(QStringLiteral("fp")), tls);
    if (tls)
        QCOMPARE(query.queryItemValue(QStringLiteral("fp")), QString(kFingerprint).remove(QLatin1Char(':')));
    // The picture says in words what it is.
    QVERIFY(qr->accessibleDescription().contains(QStringLiteral("kari")));
    QVERIFY(qr->accessibleDescription().contains(QStringLiteral("pairs a phone")));

    // The phone redeems the code from the QR code (or as typed from the label, in groups).
    QSignalSpy tokensChanged(m_fixture->auth.get(), &AuthService::tokensChanged);
    auto issued = m_fixture->auth->redeemPairingCode(shown.toLower(), QStringLiteral("192.168.1.50"));
    QVERIFY2(issued.ok(), test::why(issued).constData());
    QCOMPARE(issued->user.username, QStringLiteral("kari"));
    QCOMPARE(tokensChanged.size(), 1);
    // Once only.
    QCOMPARE(test::codeOf(m_fixture->auth->redeemPairingCode(code, QStringLiteral("192.168.1.50"))),
             QStringLiteral("unauthenticated"));
    // The new device is listed.
    auto *tokens = child<QTableWidget>(page.get(), QStringLiteral("tokensTable"));
    QVERIFY(rowOfToken(tokens, issued->token.id) >= 0);
}

void TestServerPage::pairingUsersFollowTheRole_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QStringList>("users");
    QTest::newRow("coordinator") << QStringLiteral("kari") << QStringList{QStringLiteral("kari")};
    QTest::newRow("org admin") << QStringLiteral("admin.a")
                               << QStringList{QStringLiteral("admin.a"), QStringLiteral("kari")};
    QTest::newRow("global admin") << QStringLiteral("root")
                                  << QStringList{QStringLiteral("admin.a"), QStringLiteral("bjorn"),
                                                 QStringLiteral("kari"), QStringLiteral("root")};
}

void TestServerPage::pairingUsersFollowTheRole()
{
    QFETCH(QString, who);
    QFETCH(QStringList, users);
    // A disabled user cannot be paired, so is not offered.
    const Caller gone = m_fixture->addUser(QStringLiteral("gone"), Role::Coordinator, kOrgA, kCoordA2);
    QVERIFY(m_fixture->directory->setDisabled(m_root, gone.userId, true).ok());
    QVERIFY(m_fixture->server.start({8080, false, {}, {}}).ok());

    const Caller caller = who == QLatin1String("kari") ? m_kari
        : who == QLatin1String("admin.a")              ? m_admin
                                                       : m_root;
    auto page = makePage(caller);
    auto *combo = child<QComboBox>(page.get(), QStringLiteral("pairingUser"));
    QStringList offered;
    for (int i = 0; i < combo->count(); ++i)
        offered << combo->itemData(i).toString();
    offered.sort();
    QCOMPARE(offered, users);
    QCOMPARE(combo->currentData().toString(), caller.username); // themselves by default
    // Each one offered can be paired by this caller.
    for (const QString &username : std::as_const(offered))
        QVERIFY2(m_fixture->auth->createPairingCode(caller, username).ok(), qPrintable(username));

    // A user added later is offered at once.
    if (caller.role != Role::Coordinator) {
        m_fixture->addUser(QStringLiteral("new.one"), Role::Coordinator, kOrgA, kCoordA2);
        QVERIFY(combo->findData(QStringLiteral("new.one")) >= 0);
    }
}

void TestServerPage::pairingNeedsARunningServer()
{
    auto page = makePage(m_admin);
    auto *create = child<QPushButton>(page.get(), QStringLiteral("createPairingCode"));
    auto *message = child<QLabel>(page.get(), QStringLiteral("pairingMessage"));
    QVERIFY(!create->isEnabled());
    QVERIFY2(message->text().contains(QStringLiteral("Start the server")), qPrintable(message->text()));
    child<QPushButton>(page.get(), QStringLiteral("serverStartStop"))->click();
    QVERIFY(create->isEnabled());
    QCOMPARE(child<QComboBox>(page.get(), QStringLiteral("pairingAddress"))->currentText(),
             QStringLiteral("https://192.168.1.20:8080"));
}

void TestServerPage::pairingCodeCountsDownAndExpires()
{
    QVERIFY(m_fixture->server.start({8080, false, {}, {}}).ok());
    auto page = makePage(m_admin);
    auto *message = child<QLabel>(page.get(), QStringLiteral("pairingMessage"));
    auto *codeLabel = child<QLabel>(page.get(), QStringLiteral("pairingCode"));
    auto *panel = child<PairingPanel>(page.get(), QStringLiteral("pairingPanel"));
    child<QPushButton>(page.get(), QStringLiteral("createPairingCode"))->click();
    const QString code = codeLabel->text();
    QVERIFY(!code.isEmpty());
    QVERIFY2(message->text().contains(QStringLiteral("5:00")), qPrintable(message->text()));

    m_fixture->clock.advance(2 * kMinute + 15'000);
    QTRY_VERIFY2(message->text().contains(QStringLiteral("2:45")), qPrintable(message->text()));
    QCOMPARE(codeLabel->text(), code);

    // At 5:00 the code has expired: it is no longer shown, and no longer redeems.
    m_fixture->clock.advance(2 * kMinute + 45'000);
    QTRY_VERIFY2(message->text().contains(QStringLiteral("expired")), qPrintable(message->text()));
    QVERIFY(codeLabel->text().isEmpty());
    QVERIFY(panel->payload().isEmpty());
    QVERIFY(child<QrCodeView>(page.get(), QStringLiteral("pairingQrCode"))->code().isNull());
    QCOMPARE(test::codeOf(m_fixture->auth->redeemPairingCode(code, QStringLiteral("10.0.0.9"))),
             QStringLiteral("unauthenticated"));
}

void TestServerPage::stoppingTheServerHidesTheCode()
{
    QVERIFY(m_fixture->server.start({8080, false, {}, {}}).ok());
    auto page = makePage(m_admin);
    auto *panel = child<PairingPanel>(page.get(), QStringLiteral("pairingPanel"));
    child<QPushButton>(page.get(), QStringLiteral("createPairingCode"))->click();
    QVERIFY(!panel->payload().isEmpty());
    // A code whose address is gone cannot pair anything: it is taken down.
    m_fixture->server.stop();
    QVERIFY(panel->payload().isEmpty());
    QVERIFY(child<QLabel>(page.get(), QStringLiteral("pairingCode"))->text().isEmpty());
    QVERIFY(!child<QPushButton>(page.get(), QStringLiteral("createPairingCode"))->isEnabled());
}

void TestServerPage::pairingUriIsPercentEncoded()
{
    const QString uri = PairingPanel::pairingUri(QStringLiteral("https://[fe80::1]:8443/a b?x=1&y=2"),
                                                 QStringLiteral("AB12"), QStringLiteral("ABCD2345"));
    QVERIFY(uri.startsWith(
        QStringLiteral("coordinatorconsole://"
                       "pair?v=1&url=https%3A%2F%2F%5Bfe80%3A%3A1%5D%3A8443%2Fa%20b%3Fx%3D1%26y%3D2&")));
    const QUrlQuery query{QUrl(uri)};
    QCOMPARE(query.queryItemValue(QStringLiteral("url"), QUrl::FullyDecoded),
             QStringLiteral("https://[fe80::1]:8443/a b?x=1&y=2"));
    QCOMPARE(query.queryItemValue(QStringLiteral("fp")), QStringLiteral("AB12"));
    QCOMPARE(query.queryItemValue(QStringLiteral("code")), QStringLiteral("ABCD2345"));
    QCOMPARE(PairingPanel::groupedCode(QStringLiteral("ABCDEFGHIJ")), QStringLiteral("ABCD EFGH IJ"));
    QCOMPARE(PairingPanel::groupedCode(QStringLiteral("ABCDEFGHIJKLMNOPQRST")),
             QStringLiteral("ABCD EFGH IJKL MNOP\nQRST"));
}

void TestServerPage::tokensAreListedAndRevoked()
{
    auto phone = m_fixture->auth->issueToken(QStringLiteral("kari"), 30, QStringLiteral("Kari's phone"));
    QVERIFY(phone.ok());
    auto page = makePage(m_admin);
    auto *table = child<QTableWidget>(page.get(), QStringLiteral("tokensTable"));
    auto *revoke = child<QPushButton>(page.get(), QStringLiteral("revokeToken"));
    int row = rowOfToken(table, phone->token.id);
    QVERIFY(row >= 0);
    QCOMPARE(table->item(row, 0)->text(), QStringLiteral("Kari's phone"));
    QCOMPARE(table->item(row, 1)->text(), QStringLiteral("kari (kari)"));
    QCOMPARE(table->item(row, 3)->text(), QStringLiteral("Never"));
    QCOMPARE(table->item(row, 5)->text(), QStringLiteral("Valid"));
    QVERIFY(!revoke->isEnabled()); // nothing selected

    // A token issued elsewhere (the API) appears without a refresh.
    auto laptop = m_fixture->auth->issueToken(QStringLiteral("admin.a"), 30, QStringLiteral("Laptop"));
    QVERIFY(laptop.ok());
    QVERIFY(rowOfToken(table, laptop->token.id) >= 0);

    row = rowOfToken(table, phone->token.id);
    table->selectRow(row);
    QVERIFY(revoke->isEnabled());
    auto seen = std::make_shared<bool>(false);
    answerMessageBox(QMessageBox::Yes, seen);
    revoke->click();
    QVERIFY(*seen);
    QCOMPARE(test::codeOf(m_fixture->auth->authenticate(phone->secret)), QStringLiteral("unauthenticated"));
    QVERIFY(m_fixture->auth->authenticate(laptop->secret).ok());
    row = rowOfToken(table, phone->token.id);
    QVERIFY(row >= 0);
    QVERIFY2(table->item(row, 5)->text().startsWith(QStringLiteral("Revoked")),
             qPrintable(table->item(row, 5)->text()));
    QVERIFY(!revoke->isEnabled()); // still selected, but revoked already

    // Expired tokens say so and cannot be revoked.
    m_fixture->clock.advance(31 * kDay);
    page->activated();
    row = rowOfToken(table, laptop->token.id);
    QCOMPARE(table->item(row, 5)->text(), QStringLiteral("Expired"));
    table->selectRow(row);
    QVERIFY(!revoke->isEnabled());
}

void TestServerPage::tokensFollowTheCaller()
{
    auto kariPhone = m_fixture->auth->issueToken(QStringLiteral("kari"), 30, QStringLiteral("Kari's phone"));
    auto adminPhone =
        m_fixture->auth->issueToken(QStringLiteral("admin.a"), 30, QStringLiteral("Admin's phone"));
    auto bjornPhone =
        m_fixture->auth->issueToken(QStringLiteral("bjorn"), 30, QStringLiteral("Bjørn's phone"));
    QVERIFY(kariPhone.ok() && adminPhone.ok() && bjornPhone.ok());

    auto kariPage = makePage(m_kari);
    auto *table = child<QTableWidget>(kariPage.get(), QStringLiteral("tokensTable"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Kari's phone"));

    auto adminPage = makePage(m_admin);
    table = child<QTableWidget>(adminPage.get(), QStringLiteral("tokensTable"));
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(rowOfToken(table, bjornPhone->token.id), -1);

    auto rootPage = makePage(m_root);
    table = child<QTableWidget>(rootPage.get(), QStringLiteral("tokensTable"));
    QCOMPARE(table->rowCount(), 3);

    // Disabling a user revokes their tokens (DirectoryService, without tokensChanged): shown all the same.
    QVERIFY(m_fixture->directory->setDisabled(m_admin, m_kari.userId, true).ok());
    table = child<QTableWidget>(adminPage.get(), QStringLiteral("tokensTable"));
    const int row = rowOfToken(table, kariPhone->token.id);
    QVERIFY(table->item(row, 5)->text().startsWith(QStringLiteral("Revoked")));
}

void TestServerPage::revokeCanBeCancelled()
{
    auto phone = m_fixture->auth->issueToken(QStringLiteral("kari"), 30, QStringLiteral("Kari's phone"));
    QVERIFY(phone.ok());
    auto page = makePage(m_kari);
    auto *table = child<QTableWidget>(page.get(), QStringLiteral("tokensTable"));
    table->selectRow(rowOfToken(table, phone->token.id));
    auto seen = std::make_shared<bool>(false);
    answerMessageBox(QMessageBox::No, seen);
    child<QPushButton>(page.get(), QStringLiteral("revokeToken"))->click();
    QVERIFY(*seen);
    QVERIFY(m_fixture->auth->authenticate(phone->secret).ok());
}

void TestServerPage::requestLogKeepsTheTail()
{
    auto page = makePage(m_admin);
    auto *log = child<QPlainTextEdit>(page.get(), QStringLiteral("requestLog"));
    QVERIFY(log->isReadOnly());
    m_fixture->server.logRequest(QStringLiteral("GET /api/v1/health 200 1 ms"));
    QCOMPARE(log->toPlainText(), QStringLiteral("GET /api/v1/health 200 1 ms"));
    for (int i = 0; i < 700; ++i)
        m_fixture->server.logRequest(
            QStringLiteral("GET /api/v1/notification-records 200 %1 ms user=kari").arg(i));
    QCOMPARE(log->blockCount(), ServerPage::kLogLines);
    QCOMPARE(log->document()->lastBlock().text(),
             QStringLiteral("GET /api/v1/notification-records 200 699 ms user=kari"));
    QCOMPARE(log->document()->firstBlock().text(),
             QStringLiteral("GET /api/v1/notification-records 200 200 ms user=kari"));
    QVERIFY(!log->toPlainText().contains(QStringLiteral("health")));
}

CC_UI_TEST_MAIN(TestServerPage)
#include "tst_serverpage.moc"
