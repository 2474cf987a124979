#include "server/ApiServer.h"
#include "tests/ui/ConsoleFixture.h"
#include "ui/records/RecordsModel.h"
#include "ui/records/RecordsPage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test::ui;

// A record posted through the real API (on its own thread, as the mobile app posts it) appears in
// the open records page without a refresh: at the top of the table, counted, and only on pages
// whose filter it matches.
class TestRecordsLive : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void postedRecordAppearsAtTheTop();

private:
    // POSTs a record; answers the reply's status and JSON body.
    std::pair<int, QJsonObject> post(const QJsonObject &body);

    std::unique_ptr<ConsoleFixture> m_fixture;
    std::unique_ptr<api::ApiServer> m_server;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
    QString m_token;
};

void TestRecordsLive::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    QVERIFY(
        !m_fixture->addUser(QStringLiteral("ingrid"), Role::Coordinator, kOrgA, kCoordA1).userId.isEmpty());
    const auto issued = m_fixture->auth->issueToken(QStringLiteral("ingrid"));
    QVERIFY(issued.ok());
    m_token = issued->secret;

    // The server over the console's own services, as the program wires them.
    m_server = std::make_unique<api::ApiServer>(
        api::Services{m_fixture->db(), m_fixture->clock, *m_fixture->auth, *m_fixture->directory,
                      *m_fixture->records, *m_fixture->templates, *m_fixture->payloads});
    api::ServerOptions options;
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    const auto started = m_server->start(options);
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    m_port = *started;
}

void TestRecordsLive::cleanup()
{
    if (m_server)
        m_server->stop();
    m_server.reset();
    m_fixture.reset();
}

std::pair<int, QJsonObject> TestRecordsLive::post(const QJsonObject &body)
{
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/notification-records").arg(m_port)));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(15000))
        return {0, {}};
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return {status, json};
}

void TestRecordsLive::postedRecordAppearsAtTheTop()
{
    // Some records already there, older than the one to come.
    for (int i = 0; i < 3; ++i) {
        m_fixture->clock.advance(60 * 1000);
        QVERIFY(m_fixture->records
                    ->record(orgAdminA(),
                             newRecord(i % 2 ? kMentorA1 : kMentorA2, kCoordA1, EventType::PauseActivated,
                                       day(-i)))
                    .ok());
    }
    RecordsPage page(m_fixture->services(), orgAdminA());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTableView *view = page.findChild<QTableView *>(QStringLiteral("recordsView"));
    QLabel *count = page.findChild<QLabel *>(QStringLiteral("recordsCount"));
    QVERIFY(view && count);
    QCOMPARE(view->model()->rowCount(), 3);
    const QString before = view->model()->index(0, 0).data(RecordsModel::IdRole).toString();

    // A second page that shows only the other mentor's records must stay as it is.
    m_fixture->settings->setValue(Settings::Key::RecordsMentorFilter, kMentorA2);
    RecordsPage other(m_fixture->services(), orgAdminA());
    const int otherRows = other.model()->rowCount();
    QSignalSpy otherInserted(other.model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(page.model(), &QAbstractItemModel::modelReset);
    const int pages = page.model()->pagesFetched();

    m_fixture->clock.advance(60 * 1000);
    const auto [status, json] = post(QJsonObject{
        {QStringLiteral("peer_mentor_id"), kMentorA1},
        {QStringLiteral("event_type"), QStringLiteral("pause_deactivated")},
        {QStringLiteral("effective_date"), day(0).date().toString(Qt::ISODate)},
        {QStringLiteral("coordinator_id"), kCoordA1},
        {QStringLiteral("channels_notified"), QJsonArray{QStringLiteral("push"), QStringLiteral("in_app")}},
    });
    QCOMPARE(status, 201);
    const QString id = json.value(QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());

    // Without a refresh: the new row at the top, the others below it, nothing read again.
    QTRY_COMPARE(view->model()->index(0, 0).data(RecordsModel::IdRole).toString(), id);
    QCOMPARE(view->model()->rowCount(), 4);
    QCOMPARE(view->model()->index(1, 0).data(RecordsModel::IdRole).toString(), before);
    QCOMPARE(view->model()->index(0, RecordsModel::PeerMentorColumn).data().toString(),
             QStringLiteral("Åse Ødegård"));
    QCOMPARE(view->model()->index(0, RecordsModel::EventColumn).data().toString(),
             QStringLiteral("Pause ended"));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(page.model()->pagesFetched(), pages);
    // It is on screen, in the first row the view shows.
    QCOMPARE(view->rowAt(0), 0);
    QVERIFY(view->visualRect(view->model()->index(0, 0)).isValid());
    QTRY_VERIFY2(count->text().startsWith(QLocale().toString(4) + QLatin1Char(' ')),
                 qPrintable(count->text()));

    // The page filtered to another mentor did not take it.
    QCOMPARE(otherInserted.count(), 0);
    QCOMPARE(other.model()->rowCount(), otherRows);
    QCOMPARE(other.model()->rowOf(id), -1);
}

CC_UI_TEST_MAIN(TestRecordsLive)
#include "tst_records_live.moc"
