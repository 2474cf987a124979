#include "tests/server/ApiHarness.h"

#include "core/Backup.h"
#include "core/Passwords.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

namespace cc::test {

ApiHarness::ApiHarness()
    : m_clock(testNow())
{
    usePasswordHashingCostForTests();
    // The access log is checked through ApiServer::requestLogged; keep the test output short.
    QLoggingCategory::setFilterRules(QStringLiteral("console.server.info=false"));
}

ApiHarness::~ApiHarness()
{
    if (m_server)
        m_server->stop();
}

QString ApiHarness::baseUrl() const
{
    return QStringLiteral("%1://127.0.0.1:%2")
        .arg(m_tlsCertificate.isEmpty() ? QStringLiteral("http") : QStringLiteral("https"))
        .arg(m_port);
}

bool ApiHarness::start()
{
    if (!m_db.ok()) {
        m_error = m_db.error();
        return false;
    }
    Database &db = m_db.db();
    m_directory = std::make_unique<DirectoryService>(db, m_clock);
    m_auth = std::make_unique<AuthService>(db, m_clock);
    m_records = std::make_unique<NotificationRecordService>(db, m_clock);
    m_templates = std::make_unique<TemplateService>(db, m_clock);
    m_payloads = std::make_unique<PayloadService>(db, m_clock, *m_templates);
    if (!(m_restoreFrom.isEmpty() ? seed() : restore()))
        return false;
    m_server = std::make_unique<api::ApiServer>(
        api::Services{db, m_clock, *m_auth, *m_directory, *m_records, *m_templates, *m_payloads});
    QObject::connect(m_server.get(), &api::ApiServer::requestLogged, m_server.get(),
                     [this](const QString &line) { m_log << line; });
    api::ServerOptions options;
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    options.limits = m_limits;
    options.rateLimits = m_rateLimits;
    options.streamLimits = m_streamLimits;
    options.workers = m_workers;
    options.maxQueuedRequests = m_maxQueuedRequests;
    options.maxQueuedWrites = m_maxQueuedWrites;
    options.tlsCertificateFile = m_tlsCertificate;
    options.tlsKeyFile = m_tlsKey;
    auto started = m_server->start(options);
    if (!started) {
        m_error = started.error().message;
        return false;
    }
    m_port = *started;
    const QStringList routes = m_server->routes();
    for (const QString &route : routes)
        m_routes.add(route.section(QLatin1Char(' '), 0, 0), route.section(QLatin1Char(' '), 1),
                     [](const api::ApiRequest &, const Caller &) { return api::ApiResponse{}; });
    return true;
}

void ApiHarness::reseed()
{
    // What an earlier test left with the workers or the writer is done before the tables empty.
    if (m_server)
        m_server->finishPending();
    m_db.reset();
    m_clock.set(testNow());
    m_tokens.clear();
    m_log.clear();
    if (!seed())
        qFatal("reseeding failed: %s", qPrintable(m_error));
}

// The World, its people named as in the examples of the API contract.
World ApiHarness::world()
{
    World w;
    w.orgA.name = QStringLiteral("NHF Oslo");
    w.orgA.locale = QStringLiteral("en");
    w.orgB.name = QStringLiteral("LHL Bergen");
    w.coordA1.name = QStringLiteral("Ingrid Bakke");
    w.coordA1.email = QStringLiteral("ingrid@nhf.example");
    w.coordA2.name = QStringLiteral("Per Haugen");
    w.coordB1.name = QStringLiteral("Siri Berg");
    w.mentorA1.name = QStringLiteral("Kari Nordmann");
    w.mentorA1.email = QStringLiteral("kari.nordmann@nhf-oslo.no");
    w.mentorA1.phone = QStringLiteral("+47 900 12 345");
    w.mentorA2.name = QStringLiteral("Lars Eriksen");
    w.mentorB1.name = QStringLiteral("Åse Ødegård");
    return w;
}

bool ApiHarness::seed()
{
    const World w = world();
    Status seeded = w.create(m_db.db(), m_clock);
    if (seeded)
        seeded = w.createUsers(m_db.db(), m_clock);
    if (!seeded) {
        m_error = seeded.error().message;
        return false;
    }
    issueSeatTokens();
    return true;
}

bool ApiHarness::restore()
{
    auto restored = Backup::restore(std::nullopt, m_restoreFrom, m_db.db(), m_clock);
    if (!restored) {
        m_error = restored.error().message;
        return false;
    }
    issueSeatTokens();
    return true;
}

void ApiHarness::issueSeatTokens()
{
    const World w = world();
    const QList<std::pair<QString, Caller>> seats{{QStringLiteral("coordinator"), w.coordinatorA},
                                                  {QStringLiteral("org_admin"), w.orgAdminA},
                                                  {QStringLiteral("global_admin"), w.globalAdmin},
                                                  {QStringLiteral("coordinator_b"), w.coordinatorB},
                                                  {QStringLiteral("org_admin_b"), w.orgAdminB}};
    for (const auto &[key, caller] : seats)
        m_tokens.insert(key, issueToken(caller.username));
}

QString ApiHarness::issueToken(const QString &username, int days)
{
    auto issued = m_auth->issueToken(username, days);
    return issued ? issued->secret : QString();
}

ApiHarness::Reply ApiHarness::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                   {token, QByteArrayLiteral("application/json"), {}});
}

ApiHarness::Reply ApiHarness::put(const QString &path, const QJsonObject &body, const QString &token)
{
    return request("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                   {token, QByteArrayLiteral("application/json"), {}});
}

ApiHarness::Reply ApiHarness::request(const QByteArray &method, const QString &pathAndQuery,
                                      const QByteArray &body)
{
    return request(method, pathAndQuery, body, Options{});
}

ApiHarness::Reply ApiHarness::request(const QByteArray &method, const QString &pathAndQuery,
                                      const QByteArray &body, const Options &options)
{
    QNetworkRequest request(QUrl(baseUrl() + pathAndQuery));
    if (!options.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + options.token.toUtf8());
    if (!body.isEmpty() && !options.contentType.isEmpty())
        request.setRawHeader("Content-Type", options.contentType);
    for (const auto &h : options.headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    if (!m_tlsCertificate.isEmpty()) {
        // Pinning, as the mobile app does with the fingerprint from the pairing QR code.
        const QString pinned = m_server->certificateFingerprint();
        QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, pinned](const QList<QSslError> &) {
            const QByteArray digest = reply->sslConfiguration()
                                          .peerCertificate()
                                          .digest(QCryptographicHash::Sha256)
                                          .toHex()
                                          .toUpper();
            QStringList pairs;
            for (qsizetype i = 0; i < digest.size(); i += 2)
                pairs << QString::fromLatin1(digest.mid(i, 2));
            if (pairs.join(QLatin1Char(':')) == pinned)
                reply->ignoreSslErrors();
        });
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        out.headers.insert(pair.first.toLower(), pair.second);
    out.document = QJsonDocument::fromJson(out.body);
    out.json = out.document.object();
    reply->deleteLater();
    capture(method, pathAndQuery, out);
    return out;
}

QString ApiHarness::Reply::errorFields() const
{
    QStringList fields;
    const QJsonArray errors = json.value(QLatin1String("errors")).toArray();
    for (const QJsonValue &e : errors)
        fields << e.toObject().value(QLatin1String("field")).toString();
    return fields.join(QLatin1Char(','));
}

void ApiHarness::capture(const QByteArray &method, const QString &pathAndQuery, const Reply &reply)
{
    const QString file = qEnvironmentVariable("CC_API_CAPTURE_FILE");
    if (file.isEmpty() || reply.status == 0)
        return;
    const QString path = api::Router::rewriteDoubledPrefix(pathAndQuery.section(QLatin1Char('?'), 0, 0));
    const auto match = m_routes.match(QString::fromLatin1(method), path);
    if (match.kind != api::Router::Match::Kind::Found)
        return; // 404 for unknown paths and 405s are documented per operation only where they apply
    QJsonObject line{{QStringLiteral("method"), QString::fromLatin1(method)},
                     {QStringLiteral("route"), match.route->pattern},
                     {QStringLiteral("status"), reply.status},
                     {QStringLiteral("content_type"), QString::fromLatin1(reply.header("content-type"))},
                     {QStringLiteral("body"),
                      reply.body.isEmpty()           ? QJsonValue(QJsonValue::Null)
                          : reply.document.isArray() ? QJsonValue(reply.document.array())
                                                     : QJsonValue(reply.json)}};
    QFile out(file);
    if (out.open(QIODevice::Append))
        out.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
}

QJsonObject recordBody(const QString &mentor, const QString &event)
{
    return QJsonObject{
        {QStringLiteral("peer_mentor_id"), mentor},
        {QStringLiteral("event_type"), event},
        {QStringLiteral("effective_date"), QStringLiteral("2026-03-20T00:00:00.000Z")},
        {QStringLiteral("reason"), QStringLiteral("Personal leave")},
        {QStringLiteral("coordinator_id"), World::kCoordA1},
        {QStringLiteral("channels_notified"), QJsonArray{QStringLiteral("push"), QStringLiteral("in_app")}},
        {QStringLiteral("dispatch_ids"),
         QJsonArray{QStringLiteral("disp_7f8a9b0c1d2e"), QStringLiteral("disp_3e4f5a6b7c8d")}}};
}

} // namespace cc::test
