// End-to-end tests of `coordinator-console admin …`: the real binary runs in a QProcess against the
// test database, and what it did (or did not do) is checked through the core services.

#include "core/AuditLog.h"
#include "core/AuthService.h"
#include "core/Backup.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/PersonalDataService.h"
#include "core/RecordRepository.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <initializer_list>

using namespace cc;
using cc::test::World;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The arguments of a command line, written as UTF-8 C strings so the tables stay readable.
QStringList words(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

// The ids of the command line's worked example (docs), which specExample() creates.
const QString kSpecOrg = QStringLiteral("org_nhf_oslo");
const QString kSpecCoordinator = QStringLiteral("coord_9f8e7d6c");
const QString kSpecMentor = QStringLiteral("pm_551e8400");
// The world the other tests start from (seedDirectory()).
const QString &kOrg = World::kOrgA;
const QString &kCoordinator = World::kCoordA1;
const QString &kMentor = World::kMentorA1;
const QString &kOtherOrg = World::kOrgB;
const QString &kOtherCoordinator = World::kCoordB1;
const QByteArray kPassword = "correct horse battery";

// The help wraps long lines, even inside a path.
QString withoutSpace(QString text)
{
    return text.remove(QRegularExpression(QStringLiteral("\\s+")));
}

QString describe(const Run &run)
{
    return QStringLiteral("exit %1\n--- stdout\n%2--- stderr\n%3").arg(run.exitCode).arg(run.out, run.err);
}

} // namespace

// Compares an exit code and shows both streams when it differs.
#define EXPECT_EXIT(result, code)                                                                            \
    do {                                                                                                     \
        const Run &finished_ = (result);                                                                     \
        if (finished_.exitCode != (code))                                                                    \
            qWarning("%s", qPrintable(describe(finished_)));                                                 \
        QCOMPARE(finished_.exitCode, (code));                                                                \
    } while (false)

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void topLevel_data();
    void topLevel();
    void serveAnswersAndStopsOnSigterm();
    void serveMakesItsCertificateOnce();
    void serveWithoutTlsSaysSo();
    void killedServerLeavesNoKeyStuck();
    void killedServerLosesNoAcknowledgedRecord();
    void helpAtEveryLevel_data();
    void helpAtEveryLevel();
    void versionAtEveryLevel_data();
    void versionAtEveryLevel();
    void usageErrors_data();
    void usageErrors();

    void specExample();
    void orgAddOptions();
    void directoryErrors_data();
    void directoryErrors();

    void addUserOfEachRole_data();
    void addUserOfEachRole();
    void userErrors_data();
    void userErrors();

    void tokenIssue();
    void tokenDays();
    void tokenErrors_data();
    void tokenErrors();
    void userAndTokenCommands();
    void auditCommand();

    void mentorImport();
    void mentorImportProblems_data();
    void mentorImportProblems();
    void mentorImportMissingFile();
    void mentorReimportAndDryRun();
    void mentorImportEncoding();
    void directoryLifecycle();
    void mentorExport();
    void mentorErase();

    void backup();
    void backupRefusesExistingFile();
    void killedBackupLeavesNothing();

    void demoData();
    void demoDataRecords();
    void demoDataRecordsOnEmptyDatabase();

    void databaseBeforeCommand();
    void databaseFromEnvironment();
    void defaultDatabase();
    void databaseErrors_data();
    void databaseErrors();
    void passwordOnTheCommandLineIsWarnedAbout();

private:
    Run run(const QStringList &args, const QByteArray &input = {}, const QProcessEnvironment &extra = {});
    // The test database as a command line gets it: a PostgreSQL password goes by PGPASSWORD
    // (set in initTestCase), never in the arguments, as the program asks of people.
    QString cliUrl() const;
    // `admin --database <the test database> ARGS`
    Run admin(const QStringList &args, const QByteArray &input = {});
    bool seedDirectory();
    bool seedUser(const QString &username, Role role, const QString &orgId = {},
                  const QString &coordinatorId = {});
    QString counts();
    qint64 recordCount();

    test::TestDatabase m_db;
    SystemClock m_clock;
    QTemporaryDir m_dir;
};

Run TestCli::run(const QStringList &args, const QByteArray &input, const QProcessEnvironment &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CC_DATABASE"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    env.remove(QStringLiteral("STATE_DIRECTORY"));
    // As on a server: no display (the console's --help and --version must not need one).
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    // The default database lands in the test's folder, never in the real home.
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg-data")));
    env.insert(extra);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CC_BINARY), args);
    Run result;
    if (!process.waitForStarted(10'000)) {
        result.err = QStringLiteral("could not start ") + QStringLiteral(CC_BINARY);
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

Run TestCli::admin(const QStringList &args, const QByteArray &input)
{
    return run(QStringList{QStringLiteral("admin"), QStringLiteral("--database"), cliUrl()} + args, input);
}

// The world as the command line's example names it: NHF Oslo, Ingrid Bakke, Kari Nordmann.
bool TestCli::seedDirectory()
{
    World world;
    world.orgA.name = QStringLiteral("NHF Oslo");
    world.coordA1.name = QStringLiteral("Ingrid Bakke");
    world.mentorA1.name = QStringLiteral("Kari Nordmann");
    return world.create(m_db.db(), m_clock).ok();
}

bool TestCli::seedUser(const QString &username, Role role, const QString &orgId, const QString &coordinatorId)
{
    DirectoryService directory(m_db.db(), m_clock);
    DirectoryService::NewUser input{username, {}, role, orgId, coordinatorId, QString::fromUtf8(kPassword)};
    return directory.addUser(Caller::system(), input).ok();
}

// What the directory holds, as one comparable line.
QString TestCli::counts()
{
    DirectoryService directory(m_db.db(), m_clock);
    const Caller system = Caller::system();
    const auto orgs = directory.organisations(system);
    const auto coordinators = directory.coordinators(system);
    const auto mentors = directory.peerMentors(system);
    const auto users = directory.users(system);
    if (!orgs || !coordinators || !mentors || !users)
        return QStringLiteral("(the directory could not be read)");
    return QStringLiteral("orgs %1, coordinators %2, mentors %3, users %4, records %5")
        .arg(orgs->size())
        .arg(coordinators->size())
        .arg(mentors->size())
        .arg(users->size())
        .arg(recordCount());
}

qint64 TestCli::recordCount()
{
    RecordRepository records(m_db.db());
    const auto count = records.count(RecordFilter{});
    return count ? *count : -1;
}

QString TestCli::cliUrl() const
{
    const auto url = DatabaseUrl::parse(m_db.url());
    return url && url->kind == DatabaseUrl::Kind::Postgresql ? url->display() : m_db.url();
}

void TestCli::initTestCase()
{
    QVERIFY2(m_db.ok(), qPrintable(m_db.error()));
    if (const auto url = DatabaseUrl::parse(m_db.url()); url && !url->password.isEmpty())
        qputenv("PGPASSWORD", url->password.toUtf8());
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(CC_BINARY)), CC_BINARY);
}

void TestCli::init()
{
    m_db.reset();
}

// ---- the command line itself ---------------------------------------------------------------

void TestCli::topLevel_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");
    QTest::newRow("serve --help") << words({"serve", "--help"}) << 0
                                  << QStringLiteral("Usage: coordinator-console serve") << QString();
    QTest::newRow("serve bad --listen") << words({"serve", "--listen", "localhost"}) << 2 << QString()
                                        << QStringLiteral("--listen must be HOST:PORT");
    QTest::newRow("serve extra argument")
        << words({"serve", "now"}) << 2 << QString() << QStringLiteral("serve takes no arguments");
    QTest::newRow("serve half TLS") << words({"serve", "--tls-cert", "x.pem"}) << 2 << QString()
                                    << QStringLiteral("both --tls-cert and --tls-key");
    QTest::newRow("--help") << words({"--help"}) << 0 << QStringLiteral("coordinator-console admin COMMAND")
                            << QString();
    QTest::newRow("--version") << words({"--version"}) << 0 << QStringLiteral("coordinator-console 0.")
                               << QString();
    QTest::newRow("unknown") << words({"frobnicate"}) << 2 << QString()
                             << QStringLiteral("unknown command “frobnicate”");
}

void TestCli::topLevel()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);
    const Run r = run(args);
    EXPECT_EXIT(r, exitCode);
    QVERIFY2(r.out.contains(out), qPrintable(describe(r)));
    QVERIFY2(r.err.contains(err), qPrintable(describe(r)));
    if (exitCode == 0)
        QVERIFY(r.err.isEmpty());
    else
        QVERIFY(r.out.isEmpty());
}

namespace {

// Starts `serve` on a free port of 127.0.0.1; returns the port, or 0.
quint16 startServe(QProcess &serve, const QString &databaseUrl)
{
    return cc::test::startServe(serve, QStringLiteral(CC_BINARY), databaseUrl,
                                {QStringLiteral("--max-requests-per-second"), QStringLiteral("100000"),
                                 QStringLiteral("--max-records-per-minute"), QStringLiteral("100000")});
}

QByteArray recordPost(const QString &token, const QString &key)
{
    const QByteArray body = R"({"peer_mentor_id":"pm_a1","coordinator_id":"coord_a1",)"
                            R"("event_type":"pause_activated","effective_date":"2026-03-20",)"
                            R"("channels_notified":["push"]})";
    return "POST /api/v1/notification-records HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
           "application/json\r\n"
           "Authorization: Bearer "
        + token.toUtf8() + "\r\nIdempotency-Key: " + key.toUtf8()
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// One request on its own connection ("Connection: close"); the status and the record's id.
QPair<int, QString> postOnce(quint16 port, const QString &token, const QString &key)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {0, {}};
    QByteArray request = recordPost(token, key);
    request.replace("Host: 127.0.0.1\r\n", "Host: 127.0.0.1\r\nConnection: close\r\n");
    socket.write(request);
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    answer += socket.readAll();
    const int status = answer.mid(9, 3).toInt();
    const QByteArray body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
    return {status, QJsonDocument::fromJson(body).object().value(QLatin1String("id")).toString()};
}

} // namespace

// item 5 of the security issue: the server killed (-9) while POSTs with Idempotency-Keys are being
// handled. After a restart every key's retry is answered 201 (new or replayed), never 409, and
// each key made exactly one record.
void TestCli::killedServerLeavesNoKeyStuck()
{
    QVERIFY(seedDirectory());
    QVERIFY(seedUser(QStringLiteral("ingrid"), Role::Coordinator, kOrg, kCoordinator));
    AuthService auth(m_db.db(), m_clock);
    const auto issued = auth.issueToken(QStringLiteral("ingrid"));
    QVERIFY2(issued, issued ? "" : qPrintable(issued.error().message));
    const QString token = issued->secret;

    constexpr int kRounds = 10;
    constexpr int kPerRound = 24;
    QStringList keys;
    for (int round = 0; round < kRounds; ++round) {
        QProcess serve;
        const quint16 port = startServe(serve, cliUrl());
        QVERIFY(port > 0);
        // A burst on four connections, killed a little later each round.
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int c = 0; c < 4; ++c) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(sockets.back()->waitForConnected(5000));
        }
        for (int i = 0; i < kPerRound; ++i) {
            const QString key = QStringLiteral("kill-%1-%2").arg(round).arg(i);
            keys << key;
            sockets.at(i % 4)->write(recordPost(token, key));
        }
        for (const auto &socket : sockets)
            socket->flush();
        // Once the first answer is out (the workers have their connections), a little later each
        // round.
        QElapsedTimer timer;
        timer.start();
        const auto anyAnswer = [&] {
            for (const auto &socket : sockets)
                if (socket->bytesAvailable() > 0)
                    return true;
            return false;
        };
        while (!anyAnswer() && timer.elapsed() < 10000)
            QTest::qWait(1);
        QTest::qWait(round * 4);
        serve.kill();
        QVERIFY(serve.waitForFinished(10000));
    }

    // Some of each burst was stored before the kill, some not: the kills fell among requests.
    const qint64 stored = recordCount();
    qInfo("%lld of %lld records were stored before the kills", stored, qint64(keys.size()));
    QVERIFY(stored > 0 && stored < keys.size());

    QProcess serve;
    const quint16 port = startServe(serve, cliUrl());
    QVERIFY(port > 0);
    QSet<QString> ids;
    for (const QString &key : std::as_const(keys)) {
        const auto [status, id] = postOnce(port, token, key);
        QVERIFY2(status == 201, qPrintable(QStringLiteral("%1: %2").arg(key).arg(status)));
        QVERIFY(!id.isEmpty());
        // Asked again, the same answer.
        QCOMPARE(postOnce(port, token, key).second, id);
        ids.insert(id);
    }
    serve.terminate();
    QVERIFY(serve.waitForFinished(15000));
    QCOMPARE(ids.size(), keys.size());
    QCOMPARE(recordCount(), qint64(keys.size()));
}

// The group writer answers a record only once its group is committed: the server killed (-9)
// while records pour in on eight connections has every record it answered 201 for after the
// restart, and (SQLite) the file passes its integrity check.
void TestCli::killedServerLosesNoAcknowledgedRecord()
{
    QVERIFY(seedDirectory());
    QVERIFY(seedUser(QStringLiteral("ingrid"), Role::Coordinator, kOrg, kCoordinator));
    AuthService auth(m_db.db(), m_clock);
    const auto issued = auth.issueToken(QStringLiteral("ingrid"));
    QVERIFY2(issued, issued ? "" : qPrintable(issued.error().message));
    const QString token = issued->secret;
    // Only a 201 carries a record's id (a refusal is a problem without one).
    const QRegularExpression createdId(QStringLiteral(R"re("id":"(nr_[0-9a-f]+)")re"));

    constexpr int kRounds = 4;
    constexpr int kConnections = 8;
    constexpr int kPerConnection = 40;
    QSet<QString> acknowledged;
    int unanswered = 0;
    for (int round = 0; round < kRounds; ++round) {
        QProcess serve;
        const quint16 port = startServe(serve, cliUrl());
        QVERIFY(port > 0);
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int c = 0; c < kConnections; ++c) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(sockets.back()->waitForConnected(5000));
            QByteArray burst;
            for (int i = 0; i < kPerConnection; ++i)
                burst += recordPost(token, QStringLiteral("durable-%1-%2-%3").arg(round).arg(c).arg(i));
            sockets.back()->write(burst);
            sockets.back()->flush();
        }
        // Killed once some answers are in, later each round: among the groups.
        const int killAfter = 20 + round * 60;
        std::vector<QByteArray> received(kConnections);
        const auto answered = [&] {
            int n = 0;
            for (const QByteArray &bytes : received)
                n += int(bytes.count("HTTP/1.1 "));
            return n;
        };
        QElapsedTimer timer;
        timer.start();
        while (answered() < killAfter && timer.elapsed() < 20000) {
            QTest::qWait(1);
            for (int c = 0; c < kConnections; ++c)
                received[c] += sockets[c]->readAll();
        }
        serve.kill();
        QVERIFY(serve.waitForFinished(10000));
        // What was on its way before the kill arrives still.
        for (int c = 0; c < kConnections; ++c) {
            sockets[c]->waitForReadyRead(200);
            received[c] += sockets[c]->readAll();
        }
        int round201 = 0;
        for (const QByteArray &bytes : received) {
            auto it = createdId.globalMatch(QString::fromUtf8(bytes));
            while (it.hasNext()) {
                acknowledged.insert(it.next().captured(1));
                ++round201;
            }
        }
        unanswered += kConnections * kPerConnection - round201;
        qInfo("round %d: %d records answered 201 before the kill", round + 1, round201);
    }
    QVERIFY(!acknowledged.isEmpty());
    QVERIFY2(unanswered > 0, "every request was answered: no kill fell among them");

    // Every record answered 201 is stored.
    QStringList missing;
    for (const QString &id : std::as_const(acknowledged))
        if (test::countRows(m_db.db(), QStringLiteral("notification_records"),
                            QStringLiteral("id = '%1'").arg(id))
            != 1)
            missing << id;
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char(' '))));
    if (!m_db.isPostgres()) {
        Query check(m_db.db(), QStringLiteral("PRAGMA integrity_check"));
        QVERIFY(check.exec());
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    }
    // And the kept counts agree with the rows.
    for (const char *table : {"record_counts", "record_counts_by_mentor"}) {
        Query counts(m_db.db(),
                     QStringLiteral("SELECT COALESCE(SUM(total), 0) FROM ") + QLatin1String(table));
        QVERIFY(counts.exec());
        QVERIFY(counts.next());
        QCOMPARE(counts.value(0).toLongLong(),
                 test::countRows(m_db.db(), QStringLiteral("notification_records")));
    }
}

// item 4 of the security issue: a backup killed (-9) while it copies leaves no file behind, no
// .partial and no -wal or -journal beside it, whenever the kill comes.
void TestCli::killedBackupLeavesNothing()
{
    EXPECT_EXIT(admin(words({"demo-data"})), 0);
    EXPECT_EXIT(admin(words({"demo-data", "--records", "40000"})), 0);
    const QDir folder(m_dir.filePath(QStringLiteral("killed")));
    QVERIFY(QDir().mkpath(folder.path()));
    const QDir::Filters everything = QDir::Files | QDir::Hidden | QDir::System;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CC_DATABASE"));
    int killedWhileCopying = 0;
    for (int round = 0; round < 6; ++round) {
        const QString file = folder.filePath(QStringLiteral("backup-%1.db").arg(round));
        QProcess backup;
        backup.setProcessEnvironment(env);
        backup.start(QStringLiteral(CC_BINARY),
                     {QStringLiteral("admin"), QStringLiteral("--database"), cliUrl(),
                      QStringLiteral("backup"), file});
        QVERIFY(backup.waitForStarted(10000));
        // Once the copy has begun, a little later each round.
        QElapsedTimer timer;
        timer.start();
        while (!QFile::exists(file + QStringLiteral(".partial")) && backup.state() == QProcess::Running
               && timer.elapsed() < 30000)
            QTest::qWait(2);
        QTest::qWait(round * 60);
        const bool running = backup.state() == QProcess::Running;
        if (running) {
            ++killedWhileCopying;
            backup.kill();
        }
        QVERIFY(backup.waitForFinished(30000));
        const QStringList expected = running ? QStringList() : QStringList{QFileInfo(file).fileName()};
        QTRY_COMPARE_WITH_TIMEOUT(folder.entryList(everything), expected, 5000);
        QFile::remove(file);
    }
    qInfo("%d of 6 backups were killed while copying", killedWhileCopying);
    QVERIFY(killedWhileCopying >= 3);
}

namespace {

struct Served
{
    quint16 port = 0;
    QString scheme;
    QByteArray out; // what serve printed up to "Serving on"
};

// Starts `serve ARGS` on 127.0.0.1 with the data folder `dataHome`; reads its start-up lines.
Served startServing(QProcess &serve, const QStringList &args, const QString &dataHome)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    env.remove(QStringLiteral("STATE_DIRECTORY"));
    env.remove(QStringLiteral("CC_DATABASE"));
    serve.setProcessEnvironment(env);
    serve.start(
        QStringLiteral(CC_BINARY),
        QStringList{QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}
            + args);
    Served served;
    if (!serve.waitForStarted())
        return served;
    QElapsedTimer timer;
    timer.start();
    // The start-up lines end with the fingerprint (HTTPS) or the warning (plain HTTP).
    while (!(served.out.contains("fingerprint") || served.out.contains("unencrypted"))
           && timer.elapsed() < 15000) {
        serve.waitForReadyRead(200);
        served.out += serve.readAllStandardOutput();
    }
    const auto match = QRegularExpression(QStringLiteral("Serving on (https?)://127\\.0\\.0\\.1:(\\d+)"))
                           .match(QString::fromUtf8(served.out));
    if (match.hasMatch()) {
        served.scheme = match.captured(1);
        served.port = static_cast<quint16>(match.captured(2).toUInt());
    }
    return served;
}

QByteArray healthOverTls(quint16 port, QByteArray *peerDigest)
{
    QSslSocket socket;
    QSslConfiguration config = socket.sslConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // self-signed: the phone pins it instead
    socket.setSslConfiguration(config);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForEncrypted(5000))
        return {};
    *peerDigest = socket.peerCertificate().digest(QCryptographicHash::Sha256);
    socket.write("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (socket.waitForReadyRead(5000))
        answer += socket.readAll();
    return answer + socket.readAll();
}

// "AB:CD:…" of `openssl x509 -fingerprint -sha256`, for comparison with what the program says.
QString opensslFingerprint(const QString &certificateFile)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("x509"), QStringLiteral("-in"), certificateFile, QStringLiteral("-noout"),
                   QStringLiteral("-fingerprint"), QStringLiteral("-sha256")});
    if (!openssl.waitForFinished(10000))
        return {};
    return QString::fromLatin1(openssl.readAllStandardOutput())
        .section(QLatin1Char('='), 1)
        .trimmed()
        .toUpper();
}

} // namespace

void TestCli::serveAnswersAndStopsOnSigterm()
{
    QProcess serve;
    const Served served = startServing(serve, {QStringLiteral("--database"), cliUrl()},
                                       m_dir.filePath(QStringLiteral("xdg-sigterm")));
    QVERIFY2(served.port > 0, served.out.constData());
    QCOMPARE(served.scheme, QStringLiteral("https")); // the default

    QByteArray digest;
    const QByteArray answer = healthOverTls(served.port, &digest);
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    QVERIFY(answer.contains("\"status\":\"ok\""));

    serve.terminate(); // SIGTERM
    QVERIFY(serve.waitForFinished(15000));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    QVERIFY(serve.readAllStandardError().contains("Stopped."));
}

// Issue 9, secure by default: the first start makes a key and a self-signed certificate in the data
// folder (key 0600), says its fingerprint (the one the pairing QR code carries, as openssl computes
// it and as the client sees it), and the next start reuses them. Plain HTTP to the HTTPS port gets
// a clear refusal, not a hang.
void TestCli::serveMakesItsCertificateOnce()
{
    const QString dataHome = m_dir.filePath(QStringLiteral("xdg-tls"));
    const QString folder = dataHome + QStringLiteral("/CoordinatorConsole/coordinator-console");
    const QString certificate = folder + QStringLiteral("/tls-cert.pem");
    const QString key = folder + QStringLiteral("/tls-key.pem");
    QString fingerprint;
    for (int start = 0; start < 2; ++start) {
        QProcess serve;
        const Served served = startServing(serve, {QStringLiteral("--database"), cliUrl()}, dataHome);
        QVERIFY2(served.port > 0 && served.scheme == QStringLiteral("https"), served.out.constData());
        QCOMPARE(served.out.contains(
                     QByteArray(QByteArray("Made the server's own certificate: ") + certificate.toUtf8())),
                 start == 0);
        const auto said = QRegularExpression(QStringLiteral("fingerprint: ([0-9A-F:]{95})"))
                              .match(QString::fromUtf8(served.out));
        QVERIFY2(said.hasMatch(), served.out.constData());
        if (start == 0)
            fingerprint = said.captured(1);
        QCOMPARE(said.captured(1), fingerprint); // the same certificate after a restart
        QCOMPARE(opensslFingerprint(certificate), fingerprint);
        if (start == 0) // the folder it made for the key is private
            QCOMPARE(QFileInfo(folder).permissions(),
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                         | QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
        QCOMPARE(QFileInfo(key).permissions(),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                     | QFileDevice::WriteUser);

        QByteArray digest;
        QVERIFY(healthOverTls(served.port, &digest).startsWith("HTTP/1.1 200"));
        QCOMPARE(QString::fromLatin1(digest.toHex(':').toUpper()), fingerprint);

        // Plain HTTP to the HTTPS port: an answer in plain HTTP that says what to do.
        QTcpSocket plain;
        plain.connectToHost(QHostAddress::LocalHost, served.port);
        QVERIFY(plain.waitForConnected(5000));
        plain.write("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QByteArray refusal;
        QTRY_VERIFY_WITH_TIMEOUT((refusal += plain.readAll()).contains("https://"), 5000);
        QVERIFY2(refusal.startsWith("HTTP/1.1 400"), refusal.constData());

        serve.terminate();
        QVERIFY(serve.waitForFinished(15000));
    }
}

void TestCli::serveWithoutTlsSaysSo()
{
    QProcess serve;
    const Served served =
        startServing(serve, {QStringLiteral("--no-tls"), QStringLiteral("--database"), cliUrl()},
                     m_dir.filePath(QStringLiteral("xdg-plain")));
    QVERIFY2(served.port > 0, served.out.constData());
    QCOMPARE(served.scheme, QStringLiteral("http"));
    QVERIFY2(served.out.contains("unencrypted"), served.out.constData());
    // Nothing was made: no certificate without TLS.
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("xdg-plain/CoordinatorConsole"))));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, served.port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\"status\":\"ok\""), 5000);
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    serve.terminate();
    QVERIFY(serve.waitForFinished(15000));
    // --no-tls with a certificate contradicts itself.
    const Run r = run({QStringLiteral("serve"), QStringLiteral("--no-tls"), QStringLiteral("--tls-cert"),
                       QStringLiteral("c.pem"), QStringLiteral("--tls-key"), QStringLiteral("k.pem")});
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--no-tls")), qPrintable(r.err));
}

void TestCli::helpAtEveryLevel_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("usage");
    QTest::addColumn<QStringList>("mentions");
    const QStringList commands{QStringLiteral("org"),      QStringLiteral("coordinator"),
                               QStringLiteral("mentor"),   QStringLiteral("user"),
                               QStringLiteral("token"),    QStringLiteral("backup"),
                               QStringLiteral("demo-data")};
    QTest::newRow("admin") << words({"admin", "--help"}) << QStringLiteral("admin COMMAND") << commands;
    QTest::newRow("admin -h") << words({"admin", "-h"}) << QStringLiteral("admin COMMAND") << commands;
    QTest::newRow("admin org") << words({"admin", "org", "--help"}) << QStringLiteral("admin org COMMAND")
                               << words({"add"});
    QTest::newRow("admin org add") << words(
        {"admin", "org", "add",
         "--help"}) << QStringLiteral("admin org add ORG_ID --name NAME [--locale nb|en] [--time-zone ZONE]")
                                   << words({"--name", "--locale", "--time-zone", "Europe/Oslo"});
    QTest::newRow("admin org add ID -h") << words({"admin", "org", "add", "org_x", "-h"})
                                         << QStringLiteral("admin org add ORG_ID") << words({"--name"});
    QTest::newRow("admin coordinator") << words({"admin", "coordinator", "--help"})
                                       << QStringLiteral("admin coordinator COMMAND") << words({"add"});
    QTest::newRow("admin coordinator add")
        << words({"admin", "coordinator", "add", "--help"})
        << QStringLiteral("admin coordinator add COORD_ID --org ORG_ID --name NAME [--email E]")
        << words({"--org", "--name", "--email"});
    QTest::newRow("admin mentor") << words({"admin", "mentor", "--help"})
                                  << QStringLiteral("admin mentor COMMAND") << words({"add", "import"});
    QTest::newRow("admin mentor add") << words({"admin", "mentor", "add", "--help"})
                                      << QStringLiteral("admin mentor add PM_ID --org ORG_ID --coordinator "
                                                        "COORD_ID --name NAME [--email E] [--phone P]")
                                      << words({"--org", "--coordinator", "--name", "--email", "--phone"});
    QTest::newRow("admin mentor import")
        << words({"admin", "mentor", "import", "--help"}) << QStringLiteral("admin mentor import FILE.csv")
        << words({"id,org_id,coordinator_id,name,email,phone"});
    QTest::newRow("admin mentor export")
        << words({"admin", "mentor", "export", "--help"})
        << QStringLiteral("admin mentor export PM_ID [--json FILE] [--pdf FILE]")
        << words({"--json", "--pdf"});
    QTest::newRow("admin mentor erase")
        << words({"admin", "mentor", "erase", "--help"})
        << QStringLiteral("admin mentor erase PM_ID --confirm NAME") << words({"--confirm", "undone"});
    QTest::newRow("admin user") << words({"admin", "user", "--help"}) << QStringLiteral("admin user COMMAND")
                                << words({"add"});
    QTest::newRow("admin user add")
        << words({"admin", "user", "add", "--help"})
        << QStringLiteral("admin user add USERNAME --role ROLE [--org ORG_ID] [--coordinator COORD_ID]")
        << words({"--role", "--org", "--coordinator", "--display-name", "stdin", "global_admin"});
    QTest::newRow("admin token") << words({"admin", "token", "--help"})
                                 << QStringLiteral("admin token COMMAND") << words({"issue"});
    QTest::newRow("admin token issue")
        << words({"admin", "token", "issue", "--help"})
        << QStringLiteral("admin token issue USERNAME [--days N]") << words({"--days", "30"});
    QTest::newRow("admin backup") << words({"admin", "backup", "--help"})
                                  << QStringLiteral("admin backup FILE") << words({"sqlite:FILE"});
    QTest::newRow("admin demo-data") << words({"admin", "demo-data", "--help"})
                                     << QStringLiteral("admin demo-data [--records N]")
                                     << words({"--records"});
    QTest::newRow("--database before the command")
        << words({"admin", "--database", "sqlite:/nonexistent/x.db", "org", "--help"})
        << QStringLiteral("admin org COMMAND") << words({"add"});
    // The console's help comes without a window, whatever comes before it (run() unsets DISPLAY).
    QTest::newRow("console --port 1 --help")
        << words({"--port", "1", "--help"}) << QStringLiteral("[options]")
        << words({"--no-server", "--no-tls", "--language", "serve --help"});
    QTest::newRow("serve") << words({"serve", "--help"}) << QStringLiteral("serve [options]")
                           << words({"--listen", "--tls-cert", "--tls-key", "--no-tls", "--version"});
}

// --version works at every level, without a display and without touching a database.
void TestCli::versionAtEveryLevel_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("top") << words({"--version"});
    QTest::newRow("console") << words({"--no-server", "--version"});
    QTest::newRow("serve") << words({"serve", "--version"});
    QTest::newRow("admin") << words({"admin", "--version"});
    QTest::newRow("admin mentor") << words({"admin", "mentor", "--version"});
    QTest::newRow("admin mentor add") << words({"admin", "mentor", "add", "--version"});
}

void TestCli::versionAtEveryLevel()
{
    QFETCH(QStringList, args);
    const QString dataHome = m_dir.filePath(QStringLiteral("xdg-version"));
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    const Run r = run(args, {}, env);
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("coordinator-console %1\n").arg(QStringLiteral(CC_VERSION)));
    QVERIFY(!QFile::exists(dataHome));
}

void TestCli::helpAtEveryLevel()
{
    QFETCH(QStringList, args);
    QFETCH(QString, usage);
    QFETCH(QStringList, mentions);
    const QString dataHome = m_dir.filePath(QStringLiteral("xdg-help"));
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    const Run r = run(args, {}, env);
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(describe(r)));
    QVERIFY2(r.out.startsWith(QStringLiteral("Usage: coordinator-console ") + usage), qPrintable(r.out));
    // Every level documents where the data is.
    QVERIFY2(r.out.contains(QStringLiteral("--database")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("CC_DATABASE")), qPrintable(r.out));
    for (const QString &mention : std::as_const(mentions))
        QVERIFY2(r.out.contains(mention), qPrintable(mention + QStringLiteral(" missing in:\n") + r.out));
    // Asking for help touches no database.
    QVERIFY(!QFile::exists(dataHome));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << words(
        {}) << QStringLiteral("error: admin: Missing the command (one of org, coordinator");
    QTest::newRow("unknown command") << words({"frobnicate"})
                                     << QStringLiteral("Unknown command “frobnicate”");
    QTest::newRow("unknown subcommand")
        << words({"org", "delete", "org_x"}) << QStringLiteral("admin org: Unknown command “delete”");
    QTest::newRow("missing subcommand") << words({"mentor"})
                                        << QStringLiteral("admin mentor: Missing the command (one of add, "
                                                          "import, list, update, deactivate, reactivate, "
                                                          "export, erase)");
    QTest::newRow("unknown option on a group")
        << words({"--bogus", "org"}) << QStringLiteral("Unknown option 'bogus'");
    QTest::newRow("unknown option") << words({"org", "add", "org_x", "--name", "X", "--bogus"})
                                    << QStringLiteral("admin org add: Unknown option 'bogus'");
    QTest::newRow("missing id") << words({"org", "add", "--name", "X"})
                                << QStringLiteral("admin org add: Missing ORG_ID");
    QTest::newRow("missing --name") << words({"org", "add", "org_x"})
                                    << QStringLiteral("admin org add: Missing the option --name NAME");
    QTest::newRow("missing value") << words({"org", "add", "org_x", "--name"})
                                   << QStringLiteral("Missing value after '--name'");
    QTest::newRow("surplus argument") << words({"org", "add", "org_x", "extra", "--name", "X"})
                                      << QStringLiteral("Unexpected argument “extra”");
    QTest::newRow("coordinator without --org") << words({"coordinator", "add", "coord_x", "--name", "X"})
                                               << QStringLiteral("Missing the option --org ORG_ID");
    QTest::newRow("mentor without --coordinator")
        << words({"mentor", "add", "pm_x", "--org", "org_a", "--name", "X"})
        << QStringLiteral("Missing the option --coordinator COORD_ID");
    QTest::newRow("import without a file")
        << words({"mentor", "import"}) << QStringLiteral("Missing FILE.csv");
    QTest::newRow("user without --role")
        << words({"user", "add", "ingrid"}) << QStringLiteral("Missing the option --role ROLE");
    QTest::newRow("user with an unknown role")
        << words({"user", "add", "ingrid", "--role", "boss"}) << QStringLiteral("Unknown role “boss”");
    QTest::newRow("token without a user") << words({"token", "issue"}) << QStringLiteral("Missing USERNAME");
    QTest::newRow("token days not a number") << words({"token", "issue", "ingrid", "--days", "many"})
                                             << QStringLiteral("--days must be a whole number");
    QTest::newRow("backup without a file") << words({"backup"}) << QStringLiteral("Missing FILE");
    QTest::newRow("demo records not a number")
        << words({"demo-data", "--records", "lots"}) << QStringLiteral("--records must be a whole number");
    QTest::newRow("demo surplus argument")
        << words({"demo-data", "now"}) << QStringLiteral("Unexpected argument “now”");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QVERIFY(seedDirectory());
    const QString before = counts();
    const Run r = admin(args, kPassword + '\n');
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.out.isEmpty(), qPrintable(describe(r)));
    QVERIFY2(r.err.contains(message), qPrintable(describe(r)));
    QVERIFY2(r.err.contains(QStringLiteral("--help”.")), qPrintable(describe(r)));
    QCOMPARE(counts(), before);
}

// ---- organisations, coordinators, peer mentors ---------------------------------------------

void TestCli::specExample()
{
    Run r = admin(words({"org", "add", "org_nhf_oslo", "--name", "NHF Oslo"}));
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("Created organisation org_nhf_oslo (NHF Oslo).\n"));
    QCOMPARE(r.err, QString());

    r = admin(words({"coordinator", "add", "coord_9f8e7d6c", "--org", "org_nhf_oslo", "--name",
                     "Ingrid Bakke", "--email", "ingrid.bakke@nhf-oslo.no"}));
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("Created coordinator coord_9f8e7d6c (Ingrid Bakke) in org_nhf_oslo.\n"));

    r = admin(words({"mentor", "add", "pm_551e8400", "--org", "org_nhf_oslo", "--coordinator",
                     "coord_9f8e7d6c", "--name", "Kari Nordmann", "--email", "kari.nordmann@nhf-oslo.no",
                     "--phone", "+47 900 12 345"}));
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("Created peer mentor pm_551e8400 (Kari Nordmann) in org_nhf_oslo.\n"));

    DirectoryService directory(m_db.db(), m_clock);
    const Caller system = Caller::system();
    const auto org = directory.organisation(system, kSpecOrg);
    QVERIFY(org);
    QCOMPARE(org->name, QStringLiteral("NHF Oslo"));
    QCOMPARE(org->locale, QStringLiteral("nb"));
    QCOMPARE(org->timeZone, QStringLiteral("Europe/Oslo"));
    const auto coordinator = directory.coordinator(system, kSpecCoordinator);
    QVERIFY(coordinator);
    QCOMPARE(coordinator->orgId, kSpecOrg);
    QCOMPARE(coordinator->name, QStringLiteral("Ingrid Bakke"));
    QCOMPARE(coordinator->email, QStringLiteral("ingrid.bakke@nhf-oslo.no"));
    const auto mentor = directory.peerMentor(system, kSpecMentor);
    QVERIFY(mentor);
    QCOMPARE(mentor->orgId, kSpecOrg);
    QCOMPARE(mentor->coordinatorId, kSpecCoordinator);
    QCOMPARE(mentor->name, QStringLiteral("Kari Nordmann"));
    QCOMPARE(mentor->email, QStringLiteral("kari.nordmann@nhf-oslo.no"));
    QCOMPARE(mentor->phone, QStringLiteral("+47 900 12 345"));
}

void TestCli::orgAddOptions()
{
    const Run r = admin(words({"org", "add", "org_sandefjord", "--name=Likepersoner Sandefjord – Vestfold",
                               "--locale", "en", "--time-zone", "UTC"}));
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out,
             QStringLiteral("Created organisation org_sandefjord (Likepersoner Sandefjord – Vestfold).\n"));
    DirectoryService directory(m_db.db(), m_clock);
    const auto org = directory.organisation(Caller::system(), QStringLiteral("org_sandefjord"));
    QVERIFY(org);
    QCOMPARE(org->name, QStringLiteral("Likepersoner Sandefjord – Vestfold"));
    QCOMPARE(org->locale, QStringLiteral("en"));
    QCOMPARE(org->timeZone, QStringLiteral("UTC"));
}

void TestCli::directoryErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("duplicate organisation")
        << words({"org", "add", "org_a", "--name", "Again"}) << QStringLiteral("“org_a” exists already");
    QTest::newRow("bad locale") << words({"org", "add", "org_x", "--name", "X", "--locale", "de"})
                                << QStringLiteral("locale must be “en” or “nb”");
    QTest::newRow("bad time zone") << words(
        {"org", "add", "org_x", "--name", "X", "--time-zone", "Mars/Olympus_Mons"})
                                   << QStringLiteral("“Mars/Olympus_Mons” is not a known time zone");
    QTest::newRow("empty name") << words({"org", "add", "org_x", "--name", "  "})
                                << QStringLiteral("name must not be empty");
    QTest::newRow("bad organisation id")
        << words({"org", "add", "org x!", "--name", "X"}) << QStringLiteral("id “org x!” is not valid");
    QTest::newRow("coordinator of an unknown org")
        << words({"coordinator", "add", "coord_x", "--org", "org_none", "--name", "X"})
        << QStringLiteral("No organisation with id “org_none”");
    QTest::newRow("duplicate coordinator")
        << words({"coordinator", "add", "coord_a1", "--org", "org_a", "--name", "X"})
        << QStringLiteral("“coord_a1” exists already");
    QTest::newRow("coordinator email") << words(
        {"coordinator", "add", "coord_x", "--org", "org_a", "--name", "X", "--email", "not-an-address"})
                                       << QStringLiteral("“not-an-address” is not an email address");
    QTest::newRow("mentor of an unknown org")
        << words({"mentor", "add", "pm_x", "--org", "org_none", "--coordinator", "coord_a1", "--name", "X"})
        << QStringLiteral("No organisation with id “org_none”");
    QTest::newRow("mentor of an unknown coordinator")
        << words({"mentor", "add", "pm_x", "--org", "org_a", "--coordinator", "coord_none", "--name", "X"})
        << QStringLiteral("No coordinator with id “coord_none”");
    QTest::newRow("mentor of another org's coordinator")
        << words({"mentor", "add", "pm_x", "--org", "org_a", "--coordinator", "coord_b1", "--name", "X"})
        << QStringLiteral("No coordinator with id “coord_b1” in organisation");
    QTest::newRow("duplicate mentor") << words(
        {"mentor", "add", "pm_a1", "--org", "org_a", "--coordinator", "coord_a1", "--name", "Kari Again"})
                                      << QStringLiteral("“pm_a1” exists already");
    QTest::newRow("mentor phone") << words({"mentor", "add", "pm_x", "--org", "org_a", "--coordinator",
                                            "coord_a1", "--name", "X", "--phone", "call me"})
                                  << QStringLiteral("“call me” is not a phone number");
}

void TestCli::directoryErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QVERIFY(seedDirectory());
    const QString before = counts();
    const Run r = admin(args);
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.out.isEmpty(), qPrintable(describe(r)));
    QVERIFY2(r.err.startsWith(QStringLiteral("error: ")), qPrintable(describe(r)));
    QVERIFY2(r.err.contains(message), qPrintable(describe(r)));
    // What a person reads, not the database's log.
    QVERIFY2(!r.err.contains(QStringLiteral("INSERT")), qPrintable(describe(r)));
    QCOMPARE(counts(), before);
    DirectoryService directory(m_db.db(), m_clock);
    QCOMPARE(directory.organisation(Caller::system(), kOrg)->name, QStringLiteral("NHF Oslo"));
    QCOMPARE(directory.peerMentor(Caller::system(), kMentor)->name, QStringLiteral("Kari Nordmann"));
}

// ---- users and tokens ----------------------------------------------------------------------

void TestCli::addUserOfEachRole_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("out");
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("orgId");
    QTest::addColumn<QString>("coordinatorId");
    QTest::addColumn<QString>("displayName");
    QTest::newRow("coordinator") << words({"user", "add", "ingrid", "--role", "coordinator", "--org", "org_a",
                                           "--coordinator", "coord_a1", "--display-name", "Ingrid Bakke"})
                                 << kPassword + '\n'
                                 << QStringLiteral("Created user ingrid (coordinator, org_a).\n")
                                 << int(Role::Coordinator) << kOrg << kCoordinator
                                 << QStringLiteral("Ingrid Bakke");
    QTest::newRow("org_admin, no final newline")
        << words({"user", "add", "hanne", "--role", "org_admin", "--org", "org_a"}) << kPassword
        << QStringLiteral("Created user hanne (org_admin, org_a).\n") << int(Role::OrgAdmin) << kOrg
        << QString() << QStringLiteral("hanne");
    QTest::newRow("global_admin, CRLF")
        << words({"user", "add", "root.admin", "--role", "global_admin"}) << kPassword + "\r\n"
        << QStringLiteral("Created user root.admin (global_admin).\n") << int(Role::GlobalAdmin) << QString()
        << QString() << QStringLiteral("root.admin");
}

void TestCli::addUserOfEachRole()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(QString, out);
    QFETCH(int, role);
    QFETCH(QString, orgId);
    QFETCH(QString, coordinatorId);
    QFETCH(QString, displayName);
    QVERIFY(seedDirectory());
    const Run r = admin(args, input);
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, out);
    QCOMPARE(r.err, QString());

    AuthService auth(m_db.db(), m_clock);
    const auto user =
        auth.checkPassword(args.at(2), QString::fromUtf8(kPassword), QStringLiteral("127.0.0.1"));
    QVERIFY2(user, qPrintable(user ? QString() : user.error().message));
    QCOMPARE(int(user->role), role);
    QCOMPARE(user->orgId, orgId);
    QCOMPARE(user->coordinatorId, coordinatorId);
    QCOMPARE(user->displayName, displayName);
    QVERIFY(user->passwordHash.startsWith(QStringLiteral("$argon2id$")));
}

void TestCli::userErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    const QByteArray line = kPassword + '\n';
    QTest::newRow("short password") << words(
        {"user", "add", "hanne", "--role", "org_admin", "--org", "org_a"})
                                    << QByteArray("short\n") << QStringLiteral("at least 10 characters");
    QTest::newRow("no password") << words({"user", "add", "hanne", "--role", "org_admin", "--org", "org_a"})
                                 << QByteArray() << QStringLiteral("No password on stdin");
    QTest::newRow("coordinator without --coordinator")
        << words({"user", "add", "ingrid", "--role", "coordinator", "--org", "org_a"}) << line
        << QStringLiteral("must be linked to a coordinator (--coordinator)");
    QTest::newRow("org_admin without --org") << words({"user", "add", "hanne", "--role", "org_admin"}) << line
                                             << QStringLiteral("must belong to an organisation (--org)");
    QTest::newRow("global_admin with --org")
        << words({"user", "add", "root", "--role", "global_admin", "--org", "org_a"}) << line
        << QStringLiteral("A global admin belongs to no organisation");
    QTest::newRow("unknown org") << words(
        {"user", "add", "hanne", "--role", "org_admin", "--org", "org_none"})
                                 << line << QStringLiteral("No organisation with id “org_none”");
    QTest::newRow("another org's coordinator") << words(
        {"user", "add", "ingrid", "--role", "coordinator", "--org", "org_a", "--coordinator", "coord_b1"})
                                               << line << QStringLiteral("No coordinator with id “coord_b1”");
    QTest::newRow("bad username") << words({"user", "add", "Ingrid Bakke", "--role", "global_admin"}) << line
                                  << QStringLiteral("A username is 2 to 64 lowercase letters");
    QTest::newRow("taken username") << words({"user", "add", "taken", "--role", "global_admin"}) << line
                                    << QStringLiteral("The username “taken” is taken");
}

void TestCli::userErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    QVERIFY(seedDirectory());
    QVERIFY(seedUser(QStringLiteral("taken"), Role::OrgAdmin, kOrg));
    const QString before = counts();
    const Run r = admin(args, input);
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.out.isEmpty(), qPrintable(describe(r)));
    QVERIFY2(r.err.contains(message), qPrintable(describe(r)));
    QCOMPARE(counts(), before);
}

void TestCli::tokenIssue()
{
    QVERIFY(seedDirectory());
    QVERIFY(seedUser(QStringLiteral("ingrid"), Role::Coordinator, kOrg, kCoordinator));
    const Run r = admin(words({"token", "issue", "ingrid"}));
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.err, QString());
    // Exactly one line: the token, for scripts.
    QVERIFY2(r.out.endsWith(QLatin1Char('\n')), qPrintable(r.out));
    QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    const QString secret = r.out.chopped(1);
    QVERIFY(secret.size() >= 43); // 256 bits in base64
    QVERIFY(!secret.contains(QLatin1Char(' ')));

    AuthService auth(m_db.db(), m_clock);
    const auto caller = auth.authenticate(secret);
    QVERIFY2(caller, qPrintable(caller ? QString() : caller.error().message));
    QCOMPARE(caller->username, QStringLiteral("ingrid"));
    QCOMPARE(caller->role, Role::Coordinator);
    QCOMPARE(caller->orgId, kOrg);
    QCOMPARE(caller->coordinatorId, kCoordinator);

    const auto tokens = auth.tokens(Caller::system());
    QVERIFY(tokens);
    QCOMPARE(tokens->size(), 1);
    const qint64 days = m_clock.now().secsTo(tokens->first().expiresAt) / 3600 / 24;
    QVERIFY2(days == 29 || days == 30, qPrintable(QString::number(days)));

    // A second token is a different one, and the first stays valid.
    const Run again = admin(words({"token", "issue", "ingrid"}));
    EXPECT_EXIT(again, 0);
    QVERIFY(again.out.chopped(1) != secret);
    QVERIFY(auth.authenticate(secret));
    QVERIFY(auth.authenticate(again.out.chopped(1)));
}

void TestCli::tokenDays()
{
    QVERIFY(seedDirectory());
    QVERIFY(seedUser(QStringLiteral("root"), Role::GlobalAdmin));
    const Run r = admin(words({"token", "issue", "root", "--days", "2"}));
    EXPECT_EXIT(r, 0);
    AuthService auth(m_db.db(), m_clock);
    const auto caller = auth.authenticate(r.out.trimmed());
    QVERIFY(caller);
    QVERIFY(caller->isGlobalAdmin());
    const auto tokens = auth.tokens(Caller::system());
    QVERIFY(tokens);
    QCOMPARE(tokens->size(), 1);
    const qint64 seconds = m_clock.now().secsTo(tokens->first().expiresAt);
    QVERIFY2(seconds > 2 * 86400 - 300 && seconds <= 2 * 86400, qPrintable(QString::number(seconds)));
}

void TestCli::tokenErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown user") << words({"token", "issue", "nobody"})
                                  << QStringLiteral("No user named “nobody”");
    QTest::newRow("zero days") << words({"token", "issue", "ingrid", "--days", "0"})
                               << QStringLiteral("days must be between 1 and 3650");
    QTest::newRow("too many days") << words({"token", "issue", "ingrid", "--days", "10000"})
                                   << QStringLiteral("days must be between 1 and 3650");
}

void TestCli::tokenErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QVERIFY(seedDirectory());
    QVERIFY(seedUser(QStringLiteral("ingrid"), Role::Coordinator, kOrg, kCoordinator));
    const Run r = admin(args);
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.out.isEmpty(), qPrintable(describe(r)));
    QVERIFY2(r.err.contains(message), qPrintable(describe(r)));
    AuthService auth(m_db.db(), m_clock);
    const auto tokens = auth.tokens(Caller::system());
    QVERIFY(tokens);
    QVERIFY(tokens->isEmpty());
}

void TestCli::userAndTokenCommands()
{
    QVERIFY(seedDirectory());
    QVERIFY(seedUser(QStringLiteral("kari"), Role::Coordinator, kOrg, kCoordinator));
    QVERIFY(seedUser(QStringLiteral("root"), Role::GlobalAdmin));
    const QString header = QStringLiteral("username\tdisplay_name\trole\torg_id\tcoordinator_id\tstatus\t"
                                          "must_change_password\n");
    Run r = admin(words({"user", "list", "--org", "org_a"}));
    EXPECT_EXIT(r, 0);
    // Added by the operator: she must choose her own password at the first sign-in.
    QCOMPARE(r.out, header + QStringLiteral("kari\tkari\tcoordinator\torg_a\tcoord_a1\tenabled\tyes\n"));

    r = admin(words({"user", "passwd", "kari"}), "a brand new one 1\n");
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("Set a new password for kari; it must be changed at the next sign-in.\n"));
    r = admin(words({"user", "passwd", "kari"}), "short\n");
    EXPECT_EXIT(r, 1);
    r = admin(words({"user", "disable", "kari"}));
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("Disabled kari.\n"));
    r = admin(words({"user", "list"}));
    QVERIFY2(r.out.contains(QStringLiteral("kari\tkari\tcoordinator\torg_a\tcoord_a1\tdisabled\tyes\n")),
             qPrintable(describe(r)));
    QVERIFY2(r.out.contains(QStringLiteral("root\troot\tglobal_admin\t\t\tenabled\tyes\n")),
             qPrintable(describe(r)));
    EXPECT_EXIT(admin(words({"user", "enable", "kari"})), 0);
    EXPECT_EXIT(admin(words({"user", "disable", "nobody"})), 1);

    r = admin(words({"token", "issue", "kari"}));
    EXPECT_EXIT(r, 0);
    const QString secret = r.out.trimmed();
    r = admin(words({"token", "list", "--user", "kari"}));
    EXPECT_EXIT(r, 0);
    QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.first(),
             QStringLiteral("id\tusername\tlabel\tcreated_at\texpires_at\tlast_used_at\tstatus"));
    QStringList token = lines.at(1).split(QLatin1Char('\t'));
    QCOMPARE(token.size(), 7);
    QCOMPARE(token.at(1), QStringLiteral("kari"));
    QCOMPARE(token.at(2), QStringLiteral("admin command line"));
    QCOMPARE(token.at(6), QStringLiteral("valid"));
    QVERIFY(!r.out.contains(secret)); // only the hash is stored
    r = admin(QStringList{QStringLiteral("token"), QStringLiteral("revoke"), token.at(0)});
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("Revoked token %1.\n").arg(token.at(0)));
    r = admin(words({"token", "list"}));
    QVERIFY2(r.out.contains(QStringLiteral("\trevoked\n")), qPrintable(describe(r)));
    EXPECT_EXIT(admin(words({"token", "revoke", "tok_nothing"})), 1);
    EXPECT_EXIT(admin(words({"token", "list", "--user", "nobody"})), 1);
}

void TestCli::auditCommand()
{
    QVERIFY(seedDirectory());
    EXPECT_EXIT(admin(words({"mentor", "update", "pm_a1", "--phone", "+47 933 33 333"})), 0);
    EXPECT_EXIT(admin(words({"mentor", "deactivate", "pm_b1"})), 0);
    Run r = admin(words({"audit", "--org", "org_a", "--action", "peer_mentor.update"}));
    EXPECT_EXIT(r, 0);
    QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.first(), QStringLiteral("at\tusername\torg_id\taction\tentity\tentity_id\tdetail"));
    QVERIFY2(lines.at(1).endsWith(
                 QStringLiteral("\tsystem\torg_a\tpeer_mentor.update\tpeer_mentor\tpm_a1\tphone")),
             qPrintable(lines.at(1)));
    // A group: every peer_mentor.* entry of org B (her creation and her leaving), newest first.
    r = admin(words({"audit", "--org", "org_b", "--action", "peer_mentor"}));
    lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(1).contains(QStringLiteral("\tpeer_mentor.deactivate\t")));
    QVERIFY(lines.at(2).contains(QStringLiteral("\tpeer_mentor.create\t")));
    r = admin(words({"audit", "--since", "2999-01-01"}));
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out.count(QLatin1Char('\n')), 1); // only the header
    r = admin(words({"audit", "--limit", "1"}));
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.err.contains(QStringLiteral("1 of ")), qPrintable(describe(r)));
    EXPECT_EXIT(admin(words({"audit", "--since", "yesterday"})), 2);
    EXPECT_EXIT(admin(words({"audit", "--limit", "0"})), 2);
}

// ---- CSV import ----------------------------------------------------------------------------

void TestCli::mentorImport()
{
    QVERIFY(seedDirectory());
    const QString path = m_dir.filePath(QStringLiteral("mentors.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("\xEF\xBB\xBFid,org_id,coordinator_id,name,email,phone\r\n"
               "pm_new1,org_a,coord_a1,\"Nordmann, Ola\",ola@nhf-oslo.no,+47 900 00 001\r\n"
               "pm_new2,org_a,,Lars Eriksen,,\r\n"
               "pm_new3,org_b,coord_b1,\xC3\x85se S\xC3\xA6ther,ase@example.no,\r\n");
    file.close();
    const Run r = admin(QStringList{QStringLiteral("mentor"), QStringLiteral("import"), path});
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("Imported: 3 new, 0 changed, 0 unchanged, 0 with problems.\n"));
    QCOMPARE(r.err, QString());

    DirectoryService directory(m_db.db(), m_clock);
    const auto ola = directory.peerMentor(Caller::system(), QStringLiteral("pm_new1"));
    QVERIFY(ola);
    QCOMPARE(ola->name, QStringLiteral("Nordmann, Ola"));
    QCOMPARE(ola->coordinatorId, kCoordinator);
    QCOMPARE(ola->phone, QStringLiteral("+47 900 00 001"));
    const auto lars = directory.peerMentor(Caller::system(), QStringLiteral("pm_new2"));
    QVERIFY(lars);
    QCOMPARE(lars->coordinatorId, QString());
    const auto ase = directory.peerMentor(Caller::system(), QStringLiteral("pm_new3"));
    QVERIFY(ase);
    QCOMPARE(ase->name, QStringLiteral("Åse Sæther"));
    QCOMPARE(ase->orgId, kOtherOrg);
}

void TestCli::mentorImportProblems_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("problems");
    const QByteArray header = "id,org_id,coordinator_id,name,email,phone\n";
    QTest::newRow("rows that break rules")
        << header
            + "pm_ok,org_a,coord_a1,Good Row,,\n"
              "pm_b3,org_a,coord_a1,Bad Mail,not-mail,\n"
              "pm_b4,org_a,coord_none,No Coordinator,,\n"
              "pm_ok,org_a,,Twice,,\n"
              "pm_a1,org_a,,Exists (an update; no problem),,\n"
              "pm_b7,org_none,,No Org,,\n"
              "pm_b8,org_a,coord_b1,Other Org's Coordinator,,\n"
        << QStringList{QStringLiteral("Line 3: “not-mail” is not an email address."),
                       QStringLiteral("Line 4: No coordinator with id “coord_none”"),
                       QStringLiteral("Line 5: the id “pm_ok” is on line 2 already."),
                       QStringLiteral("Line 7: No organisation with id “org_none”."),
                       QStringLiteral("Line 8: No coordinator with id “coord_b1”")};
    QTest::newRow("wrong number of fields")
        << header
            + "pm_ok,org_a,,Good Row,,\n"
              "pm_short,org_a,Short Row\n"
              "pm_long,org_a,,Long Row,,,extra\n"
        << QStringList{QStringLiteral("Line 3: 3 fields, but the header has 6."),
                       QStringLiteral("Line 4: 7 fields, but the header has 6.")};
    QTest::newRow("a quoted field spanning lines counts them")
        << header
            + "pm_ok,org_a,,\"Multi\nLine\",,\n"
              "pm_bad,org_a,,Bad Phone,,phone?\n"
        << QStringList{QStringLiteral("Line 4: “phone?” is not a phone number.")};
    QTest::newRow("unclosed quote") << header
            + "pm_ok,org_a,,Good,,\n"
              "pm_q,org_a,,\"Never closed,,\n"
                                    << QStringList{QStringLiteral("Line 3: a quoted field is never closed.")};
    QTest::newRow("unknown column") << QByteArray("id,org_id,name,shoe_size\npm_x,org_a,X,44\n")
                                    << QStringList{QStringLiteral("Line 1: unknown column “shoe_size”")};
    QTest::newRow("missing column") << QByteArray("id,org_id,email\npm_x,org_a,x@example.no\n")
                                    << QStringList{
                                           QStringLiteral("Line 1: the header lacks the column(s) name")};
    QTest::newRow("empty file") << QByteArray() << QStringList{QStringLiteral("The file is empty")};
}

void TestCli::mentorImportProblems()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, problems);
    QVERIFY(seedDirectory());
    const QString before = counts();
    const QString path = m_dir.filePath(QStringLiteral("problems.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(csv);
    file.close();
    const Run r = admin(QStringList{QStringLiteral("mentor"), QStringLiteral("import"), path});
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.out.isEmpty(), qPrintable(describe(r)));
    // Every problem, each on a line of its own.
    const QStringList lines = r.err.split(QLatin1Char('\n'));
    for (const QString &problem : std::as_const(problems)) {
        const bool found = std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) {
            return line.trimmed().startsWith(problem) || line.startsWith(QStringLiteral("error: ") + problem);
        });
        QVERIFY2(found, qPrintable(problem + QStringLiteral(" is not on a line of its own in:\n") + r.err));
    }
    // All or nothing: not even the good rows are there.
    QCOMPARE(counts(), before);
    DirectoryService directory(m_db.db(), m_clock);
    QVERIFY(!directory.peerMentor(Caller::system(), QStringLiteral("pm_ok")));
}

void TestCli::mentorReimportAndDryRun()
{
    QVERIFY(seedDirectory());
    const QString path = m_dir.filePath(QStringLiteral("again.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    // Semicolons, no email column: Kari gets a phone and keeps her email; Per is new.
    file.write("id;org_id;coordinator_id;name;phone\n"
               "pm_a1;org_a;coord_a1;Kari Nordmann;+47 911 11 111\n"
               "pm_new;org_a;coord_a2;Per Olsen;\n");
    file.close();
    const QString before = counts();
    Run r = admin(
        QStringList{QStringLiteral("mentor"), QStringLiteral("import"), path, QStringLiteral("--dry-run")});
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out,
             QStringLiteral("Would import: 1 new, 1 changed, 0 unchanged, 0 with problems. "
                            "Nothing was written (--dry-run).\n"));
    QCOMPARE(counts(), before);
    r = admin(QStringList{QStringLiteral("mentor"), QStringLiteral("import"), path});
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("Imported: 1 new, 1 changed, 0 unchanged, 0 with problems.\n"));
    DirectoryService directory(m_db.db(), m_clock);
    const auto kari = directory.peerMentor(Caller::system(), kMentor);
    QCOMPARE(kari->phone, QStringLiteral("+47 911 11 111"));
    QVERIFY(!kari->email.isEmpty());
    r = admin(QStringList{QStringLiteral("mentor"), QStringLiteral("import"), path});
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("Imported: 0 new, 0 changed, 2 unchanged, 0 with problems.\n"));

    // A dry run with a problem tells it and fails.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("id,org_id,coordinator_id,name\npm_x,org_a,coord_zz,X\n");
    file.close();
    r = admin(
        QStringList{QStringLiteral("mentor"), QStringLiteral("import"), path, QStringLiteral("--dry-run")});
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.out.startsWith(QLatin1String("Would import: 0 new, 0 changed, 0 unchanged, 1 with problems.")),
             qPrintable(describe(r)));
    QVERIFY2(r.err.contains(QStringLiteral("Line 2: No coordinator with id “coord_zz”")),
             qPrintable(describe(r)));
}

void TestCli::mentorImportEncoding()
{
    QVERIFY(seedDirectory());
    const QString path = m_dir.filePath(QStringLiteral("excel.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    // What a spreadsheet program on Windows saves: windows-1252, semicolons, CRLF.
    file.write("id;org_id;coordinator_id;name\r\npm_w1;org_a;coord_a1;S\xf8ren \xc6r\xf8\r\n");
    file.close();
    const QString before = counts();
    Run r = admin(QStringList{QStringLiteral("mentor"), QStringLiteral("import"), path});
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.err.contains(QLatin1String("Line 2 is not valid UTF-8")), qPrintable(describe(r)));
    QVERIFY2(r.err.contains(QLatin1String("--encoding windows-1252")), qPrintable(describe(r)));
    QCOMPARE(counts(), before);

    r = admin(QStringList{QStringLiteral("mentor"), QStringLiteral("import"), path,
                          QStringLiteral("--encoding"), QStringLiteral("windows-1252")});
    EXPECT_EXIT(r, 0);
    DirectoryService directory(m_db.db(), m_clock);
    QCOMPARE(directory.peerMentor(Caller::system(), QStringLiteral("pm_w1"))->name,
             QStringLiteral("Søren Ærø"));

    r = admin(QStringList{QStringLiteral("mentor"), QStringLiteral("import"), path,
                          QStringLiteral("--encoding"), QStringLiteral("latin-9")});
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(QLatin1String("--encoding must be utf-8 or windows-1252")),
             qPrintable(describe(r)));
}

void TestCli::directoryLifecycle()
{
    QVERIFY(seedDirectory());
    Run r = admin(words({"org", "list"}));
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out,
             QStringLiteral("id\tname\tlocale\ttime_zone\n"
                            "org_a\tNHF Oslo\tnb\tEurope/Oslo\n"
                            "org_b\tOrganisation B\tnb\tEurope/Oslo\n"));

    r = admin(words({"mentor", "update", "pm_a1", "--phone", "+47 922 22 222", "--email", ""}));
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("Updated peer mentor pm_a1 (Kari Nordmann).\n"));
    r = admin(words({"mentor", "list", "--org", "org_a"}));
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out,
             QStringLiteral("id\tname\tcoordinator_id\tstatus\temail\tphone\n"
                            "pm_a1\tKari Nordmann\tcoord_a1\tactive\t\t+47 922 22 222\n"
                            "pm_a2\tPer Hansen\tcoord_a2\tactive\t\t\n"));
    r = admin(words({"mentor", "update", "pm_a1", "--coordinator", "coord_b1"}));
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.err.contains(QStringLiteral("No coordinator with id “coord_b1” in organisation “org_a”")),
             qPrintable(describe(r)));

    // A coordinator with an active mentor cannot leave; moved away, she can.
    r = admin(words({"coordinator", "deactivate", "coord_a1"}));
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.err.contains(QLatin1String("still has 1 active peer mentor(s)")), qPrintable(describe(r)));
    EXPECT_EXIT(admin(words({"mentor", "deactivate", "pm_a1"})), 0);
    r = admin(words({"coordinator", "deactivate", "coord_a1"}));
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("Deactivated coordinator coord_a1.\n"));
    r = admin(words({"coordinator", "list", "--org", "org_a", "--status", "all"}));
    EXPECT_EXIT(r, 0);
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    QCOMPARE(r.out,
             QStringLiteral("id\torg_id\tname\tstatus\temail\tpeer_mentors\n"
                            "coord_a1\torg_a\tIngrid Bakke\tinactive since %1\t\t0\n"
                            "coord_a2\torg_a\tOla Koordinator\tactive\t\t1\n")
                 .arg(today));
    r = admin(words({"mentor", "list", "--status", "inactive"}));
    EXPECT_EXIT(r, 0);
    QVERIFY2(
        r.out.endsWith(QStringLiteral("pm_a1\tKari Nordmann\tcoord_a1\tinactive since %1\t\t+47 922 22 222\n")
                           .arg(today)),
        qPrintable(describe(r)));
    EXPECT_EXIT(admin(words({"coordinator", "reactivate", "coord_a1"})), 0);
    EXPECT_EXIT(admin(words({"mentor", "reactivate", "pm_a1"})), 0);
    r = admin(words(
        {"coordinator", "update", "coord_a1", "--name", "Ingrid B. Bakke", "--email", "ingrid@a.example"}));
    EXPECT_EXIT(r, 0);
    r = admin(words({"coordinator", "list", "--org", "org_a"}));
    QVERIFY2(r.out.contains(QLatin1String("coord_a1\torg_a\tIngrid B. Bakke\tactive\tingrid@a.example\t1\n")),
             qPrintable(describe(r)));
    r = admin(words({"mentor", "list", "--status", "sometimes"}));
    EXPECT_EXIT(r, 2);
    r = admin(words({"mentor", "deactivate", "pm_zz"}));
    EXPECT_EXIT(r, 1);
}

void TestCli::mentorExport()
{
    QVERIFY(seedDirectory());
    NotificationRecordService records(m_db.db(), m_clock);
    NewRecord pause;
    pause.peerMentorId = kMentor;
    pause.coordinatorId = kCoordinator;
    pause.effectiveDate = QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC);
    pause.reason = QStringLiteral("Illness");
    pause.channels = {QStringLiteral("push")};
    QVERIFY(records.record(World().coordinatorA, pause));

    // JSON on stdout.
    Run r = admin(words({"mentor", "export", "pm_a1"}));
    EXPECT_EXIT(r, 0);
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(describe(r)));
    QCOMPARE(json.value(QLatin1String("peer_mentor")).toObject().value(QLatin1String("full_name")).toString(),
             QStringLiteral("Kari Nordmann"));
    const QJsonArray exported = json.value(QLatin1String("notification_records")).toArray();
    QCOMPARE(exported.size(), 1);
    QCOMPARE(exported.first().toObject().value(QLatin1String("reason")).toString(),
             QStringLiteral("Illness"));
    QCOMPARE(json.value(QLatin1String("made_by")).toString(), QStringLiteral("system"));

    // Files, owner-only, with no display (a server): the PDF is drawn offscreen.
    const QString jsonFile = m_dir.filePath(QStringLiteral("kari.json"));
    const QString pdfFile = m_dir.filePath(QStringLiteral("kari.pdf"));
    r = admin(QStringList{QStringLiteral("mentor"), QStringLiteral("export"), QStringLiteral("pm_a1"),
                          QStringLiteral("--json"), jsonFile, QStringLiteral("--pdf"), pdfFile});
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out,
             QStringLiteral("Exported the personal data of peer mentor pm_a1 to %1 and %2.\n")
                 .arg(jsonFile, pdfFile));
    QCOMPARE(r.err, QString());
    for (const QString &file : {jsonFile, pdfFile}) {
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        QCOMPARE(f.permissions()
                     & ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                         | QFileDevice::WriteUser),
                 QFileDevice::Permissions());
        const QByteArray bytes = f.readAll();
        if (file == pdfFile)
            QVERIFY(bytes.startsWith("%PDF"));
        else
            QVERIFY(bytes.contains("Kari Nordmann"));
    }

    // The exports are audited, with counts only.
    AuditLog audit(m_db.db(), m_clock);
    AuditQuery query;
    query.kind = QStringLiteral("peer_mentor.export");
    auto entries = audit.list(Caller::system(), query, PageRequest{1, 10});
    QVERIFY(entries);
    QCOMPARE(entries->total, 2);
    QCOMPARE(entries->items.first().detail, QStringLiteral("1 records, 0 payloads"));

    EXPECT_EXIT(admin(words({"mentor", "export", "pm_zz"})), 1);
    EXPECT_EXIT(admin(words({"mentor", "export", "pm_a1", "--pdf", ""})), 2);
    EXPECT_EXIT(admin(words({"mentor", "export"})), 2);
}

void TestCli::mentorErase()
{
    QVERIFY(seedDirectory());
    DirectoryService directory(m_db.db(), m_clock);
    const auto name = [&directory] {
        auto m = directory.peerMentor(Caller::system(), kMentor);
        return m ? m->name : QString();
    };

    Run r = admin(words({"mentor", "erase", "pm_a1"}));
    EXPECT_EXIT(r, 2); // --confirm is required
    r = admin(words({"mentor", "erase", "pm_a1", "--confirm", "Kari"}));
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.err.contains(QLatin1String("Type the peer mentor's name exactly")), qPrintable(describe(r)));
    QCOMPARE(name(), QStringLiteral("Kari Nordmann"));

    r = admin(words({"mentor", "erase", "pm_a1", "--confirm", "Kari Nordmann"}));
    EXPECT_EXIT(r, 0);
    const QString erased = name();
    QVERIFY2(erased.startsWith(PersonalDataService::anonymousNamePrefix()), qPrintable(erased));
    QCOMPARE(r.out,
             QStringLiteral("Erased the personal data of peer mentor pm_a1 (0 records, 0 payloads, 0 other "
                            "texts); she is now “%1”.\n")
                 .arg(erased));
    QCOMPARE(r.err, QString());
    if (m_db.url().startsWith(QLatin1String("sqlite:"))) {
        // Closing a file of the database in this process would drop SQLite's (POSIX) locks on it
        // while its connection is open: it is closed first, and opens again when next used.
        m_db.db().closeThreadConnection();
        QFile file(m_db.url().mid(QStringLiteral("sqlite:").size()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("Kari Nordmann"));
    }
    r = admin(words({"mentor", "list", "--status", "inactive"}));
    QVERIFY2(r.out.contains(QStringLiteral("pm_a1\t%1\tcoord_a1\tinactive since").arg(erased)),
             qPrintable(describe(r)));

    // Once is enough; and she does not come back.
    r = admin(QStringList{QStringLiteral("mentor"), QStringLiteral("erase"), QStringLiteral("pm_a1"),
                          QStringLiteral("--confirm"), erased});
    EXPECT_EXIT(r, 1);
    EXPECT_EXIT(admin(words({"mentor", "reactivate", "pm_a1"})), 1);
    EXPECT_EXIT(admin(words({"mentor", "erase", "pm_zz", "--confirm", "Nobody"})), 1);
}

void TestCli::mentorImportMissingFile()
{
    const QString path = m_dir.filePath(QStringLiteral("no-such-file.csv"));
    const Run r = admin(QStringList{QStringLiteral("mentor"), QStringLiteral("import"), path});
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.err.contains(path + QStringLiteral(" cannot be read")), qPrintable(describe(r)));
}

// ---- backup --------------------------------------------------------------------------------

void TestCli::backup()
{
    QVERIFY(seedDirectory());
    QVERIFY(seedUser(QStringLiteral("ingrid"), Role::Coordinator, kOrg, kCoordinator));
    qint64 rows = 0;
    for (const QString &table : Backup::tables()) {
        Query count(m_db.db(), QStringLiteral("SELECT COUNT(*) FROM ") + table);
        QVERIFY(count.exec());
        QVERIFY(count.next());
        rows += count.value(0).toLongLong();
    }
    QVERIFY(rows > 0);

    const QString file = m_dir.filePath(QStringLiteral("backups/backup.db"));
    const Run r = admin(QStringList{QStringLiteral("backup"), file});
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("Backed up %1 rows to %2.\n").arg(rows).arg(file));
    QCOMPARE(r.err, QString());
    QVERIFY(QFile::exists(file));
    QVERIFY(!QFile::exists(file + QStringLiteral(".partial")));

    // The backup opens as it is, with the rows in it …
    {
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite:") + file);
        QVERIFY(url);
        Database copy(*url);
        QVERIFY(copy.open());
        DirectoryService directory(copy, m_clock);
        const auto mentor = directory.peerMentor(Caller::system(), kMentor);
        QVERIFY(mentor);
        QCOMPARE(mentor->name, QStringLiteral("Kari Nordmann"));
        QCOMPARE(directory.organisations(Caller::system())->size(), 2);
        AuthService auth(copy, m_clock);
        QVERIFY(auth.checkPassword(QStringLiteral("ingrid"), QString::fromUtf8(kPassword),
                                   QStringLiteral("127.0.0.1")));
    }
    // … and the program works on it.
    const Run onCopy = run(words({"admin", "coordinator", "add", "coord_new", "--org", "org_a", "--name",
                                  "New One", "--database"})
                           << QStringLiteral("sqlite:") + file);
    EXPECT_EXIT(onCopy, 0);
    const Run token = run(QStringList{QStringLiteral("admin"), QStringLiteral("token"),
                                      QStringLiteral("issue"), QStringLiteral("ingrid"),
                                      QStringLiteral("--database"), QStringLiteral("sqlite:") + file});
    EXPECT_EXIT(token, 0);
    QCOMPARE(token.out.count(QLatin1Char('\n')), 1);
}

void TestCli::backupRefusesExistingFile()
{
    QVERIFY(seedDirectory());
    const QString file = m_dir.filePath(QStringLiteral("existing.db"));
    QFile existing(file);
    QVERIFY(existing.open(QIODevice::WriteOnly | QIODevice::Truncate));
    existing.write("precious");
    existing.close();
    const Run r = admin(QStringList{QStringLiteral("backup"), file});
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.err.contains(QStringLiteral("exists already")), qPrintable(describe(r)));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("precious"));
}

// ---- demo data -----------------------------------------------------------------------------

void TestCli::demoData()
{
    const Run r = admin(words({"demo-data"}));
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.err, QString());
    QVERIFY2(r.out.startsWith(QStringLiteral("Created the demo organisation org_nhf_oslo (")),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("2 coordinators, 25 peer mentors")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("shown only this once")), qPrintable(r.out));

    DirectoryService directory(m_db.db(), m_clock);
    const Caller system = Caller::system();
    QCOMPARE(directory.peerMentors(system)->size(), 25);
    QCOMPARE(directory.coordinators(system)->size(), 2);
    const auto users = directory.users(system);
    QVERIFY(users);
    QCOMPARE(users->size(), 4);
    QVERIFY(recordCount() > 0);

    // The table shows each user with a password that signs in.
    AuthService auth(m_db.db(), m_clock);
    for (const User &user : std::as_const(*users)) {
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        const auto row = std::find_if(lines.cbegin(), lines.cend(), [&](const QString &line) {
            return line.startsWith(QStringLiteral("  ") + user.username + QLatin1Char(' '));
        });
        QVERIFY2(row != lines.cend(), qPrintable(user.username + QStringLiteral(" missing in:\n") + r.out));
        const QStringList cells = row->simplified().split(QLatin1Char(' '));
        QCOMPARE(cells.value(1), roleName(user.role));
        const auto signedIn = auth.checkPassword(user.username, cells.value(2), QStringLiteral("127.0.0.1"));
        QVERIFY2(signedIn, qPrintable(user.username));
    }

    // A second time fails clearly and changes nothing.
    const QString before = counts();
    const Run again = admin(words({"demo-data"}));
    EXPECT_EXIT(again, 1);
    QVERIFY(again.out.isEmpty());
    QVERIFY2(again.err.contains(QStringLiteral("The demo organisation exists already")),
             qPrintable(describe(again)));
    QVERIFY2(again.err.contains(QStringLiteral("--records")), qPrintable(describe(again)));
    QCOMPARE(counts(), before);
}

void TestCli::demoDataRecords()
{
    EXPECT_EXIT(admin(words({"demo-data"})), 0);
    const qint64 before = recordCount();
    QVERIFY(before > 0);
    const Run r = admin(words({"demo-data", "--records", "2000"}));
    EXPECT_EXIT(r, 0);
    QCOMPARE(recordCount(), before + 2000);
    QVERIFY2(r.out.startsWith(QStringLiteral(
                 "Added 2000 notification records for 50 new peer mentors of org_nhf_oslo in ")),
             qPrintable(r.out));
    QVERIFY2(QRegularExpression(QStringLiteral(" in [0-9.]+ s \\([0-9]+ records/s\\)\\.\n$"))
                 .match(r.out)
                 .hasMatch(),
             qPrintable(r.out));
    QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    // No progress line when stderr is not a terminal.
    QCOMPARE(r.err, QString());
    DirectoryService directory(m_db.db(), m_clock);
    QCOMPARE(directory.peerMentors(Caller::system())->size(), 25 + 50);

    const Run none = admin(words({"demo-data", "--records", "0"}));
    EXPECT_EXIT(none, 1);
    QVERIFY2(none.err.contains(QStringLiteral("--records must be between 1 and")),
             qPrintable(describe(none)));
    QCOMPARE(recordCount(), before + 2000);
}

void TestCli::demoDataRecordsOnEmptyDatabase()
{
    const Run r = admin(words({"demo-data", "--records", "100"}));
    EXPECT_EXIT(r, 0);
    // The organisation is made first, and its users' passwords are shown.
    QVERIFY2(r.out.startsWith(QStringLiteral("Created the demo organisation org_nhf_oslo")),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("\n  globaladmin ")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("\nAdded 100 notification records")), qPrintable(r.out));
    DirectoryService directory(m_db.db(), m_clock);
    QCOMPARE(directory.users(Caller::system())->size(), 4);
    QCOMPARE(directory.peerMentors(Caller::system())->size(), 25 + 3);
}

// ---- where the data is ---------------------------------------------------------------------

void TestCli::databaseBeforeCommand()
{
    const Run r = run(QStringList{QStringLiteral("admin"), QStringLiteral("--database"), cliUrl(),
                                  QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("org_early"),
                                  QStringLiteral("--name"), QStringLiteral("Early")});
    EXPECT_EXIT(r, 0);
    DirectoryService directory(m_db.db(), m_clock);
    QVERIFY(directory.organisation(Caller::system(), QStringLiteral("org_early")));
}

void TestCli::databaseFromEnvironment()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("CC_DATABASE"), m_db.url());
    const Run r = run(words({"admin", "org", "add", "org_env", "--name", "From the environment"}), {}, env);
    EXPECT_EXIT(r, 0);
    DirectoryService directory(m_db.db(), m_clock);
    QVERIFY(directory.organisation(Caller::system(), QStringLiteral("org_env")));
    // The help tells which database that is, without its password.
    const Run help = run(words({"admin", "org", "add", "--help"}), {}, env);
    const auto url = DatabaseUrl::parse(m_db.url());
    QVERIFY(url);
    QVERIFY2(withoutSpace(help.out).contains(url->display()), qPrintable(help.out));
    if (!url->password.isEmpty())
        QVERIFY2(!help.out.contains(QLatin1Char(':') + url->password + QLatin1Char('@')),
                 qPrintable(help.out));
}

void TestCli::defaultDatabase()
{
    const QString expected = m_dir.filePath(
        QStringLiteral("xdg-data/CoordinatorConsole/coordinator-console/coordinator-console.db"));
    const Run help = run(words({"admin", "--help"}));
    QVERIFY2(withoutSpace(help.out).contains(QStringLiteral("sqlite:") + expected), qPrintable(help.out));
    const Run r = run(words({"admin", "org", "add", "org_default", "--name", "Default"}));
    EXPECT_EXIT(r, 0);
    QVERIFY(QFile::exists(expected));
    auto url = DatabaseUrl::parse(QStringLiteral("sqlite:") + expected);
    QVERIFY(url);
    Database db(*url);
    QVERIFY(db.open());
    DirectoryService directory(db, m_clock);
    QVERIFY(directory.organisation(Caller::system(), QStringLiteral("org_default")));
}

void TestCli::databaseErrors_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a URL") << QStringLiteral("mysql://db") << 2 << QStringLiteral("error: --database: ");
    QTest::newRow("a folder that cannot be made")
        << QStringLiteral("sqlite:/proc/cc-no-such/x.db") << 1 << QStringLiteral("cannot be created");
    QTest::newRow("no server") << QStringLiteral("postgresql://cc:cc@127.0.0.1:1/cc") << 1
                               << QStringLiteral("Cannot connect to the PostgreSQL database");
}

void TestCli::databaseErrors()
{
    QFETCH(QString, url);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run r = run(words({"admin", "org", "add", "org_x", "--name", "X", "--database"}) << url);
    EXPECT_EXIT(r, exitCode);
    QVERIFY2(r.out.isEmpty(), qPrintable(describe(r)));
    QVERIFY2(r.err.contains(message), qPrintable(describe(r)));
    QVERIFY2(!r.err.contains(QStringLiteral("cc:cc@")), qPrintable(describe(r)));
}

// item 11 of the security issue: a PostgreSQL password in --database is visible to every user
// of the machine (ps): the program says so, and where to put it instead; without one it is quiet.
void TestCli::passwordOnTheCommandLineIsWarnedAbout()
{
    const Run with = run(words({"admin", "org", "add", "org_x", "--name", "X", "--database",
                                "postgresql://cc:secret@127.0.0.1:1/nowhere"}));
    QVERIFY2(
        with.err.contains(QStringLiteral("warning: the password in --database can be read by every user")),
        qPrintable(describe(with)));
    QVERIFY2(with.err.contains(QStringLiteral("~/.pgpass or PGPASSWORD")), qPrintable(describe(with)));
    QVERIFY2(!with.err.contains(QStringLiteral("secret")), qPrintable(describe(with)));
    const Run without = run(words({"admin", "org", "add", "org_x", "--name", "X", "--database",
                                   "postgresql://cc@127.0.0.1:1/nowhere"}));
    QVERIFY2(!without.err.contains(QStringLiteral("warning")), qPrintable(describe(without)));
    // From CC_DATABASE (not on the command line): nothing to warn about.
    QProcessEnvironment env;
    env.insert(QStringLiteral("CC_DATABASE"), QStringLiteral("postgresql://cc:secret@127.0.0.1:1/nowhere"));
    const Run fromEnvironment = run(words({"admin", "org", "add", "org_x", "--name", "X"}), {}, env);
    QVERIFY2(!fromEnvironment.err.contains(QStringLiteral("warning")), qPrintable(describe(fromEnvironment)));
    const Run serve = run(words(
        {"serve", "--listen", "127.0.0.1:0", "--database", "postgresql://cc:secret@127.0.0.1:1/nowhere"}));
    QVERIFY2(serve.err.contains(QStringLiteral("warning: the password in --database")),
             qPrintable(describe(serve)));
}

CC_DATABASE_TEST_MAIN(TestCli)

#include "tst_cli.moc"
