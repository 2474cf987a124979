#include "core/Database.h"

#include <QProcess>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>

using namespace cc;

namespace {

using Parameters = QList<std::pair<QString, QString>>;

// The server of ./test.sh (scripts/pg-cluster.sh: TLS off, a Unix socket beside it), or empty.
QString serverUrl()
{
    return qEnvironmentVariable("CC_TEST_POSTGRES_URL");
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// `url` with `parameters` set (values as they are, not encoded), in place of any of the same name
// it had: CC_TEST_POSTGRES_URL may carry some.
QString withParameters(const QString &url, const Parameters &parameters)
{
    const qsizetype mark = url.indexOf(QLatin1Char('?'));
    QStringList query =
        mark < 0 ? QStringList() : url.mid(mark + 1).split(QLatin1Char('&'), Qt::SkipEmptyParts);
    for (const auto &[key, value] : parameters) {
        query.removeIf([&key](const QString &given) { return given.section(QLatin1Char('='), 0, 0) == key; });
        query << key + QLatin1Char('=') + encoded(value);
    }
    return url.left(mark) + QLatin1Char('?') + query.join(QLatin1Char('&'));
}

// True when `url` reaches its server through a Unix socket (where libpq uses no TLS at all).
bool overUnixSocket(const DatabaseUrl &url)
{
    return std::any_of(url.parameters.cbegin(), url.parameters.cend(), [](const auto &p) {
        return p.first == QLatin1String("host") && p.second.startsWith(QLatin1Char('/'));
    });
}

// The first column of the first row of `sql` on a connection made from `urlText` (never
// migrated: the tests use the server's own database); an error says why it could not.
Result<QVariant> ask(const QString &urlText, const QString &sql)
{
    const auto url = DatabaseUrl::parse(urlText);
    if (!url)
        return url.error();
    Database db(*url);
    auto conn = db.connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(*conn);
    if (!q.exec(sql) || !q.next())
        return Error::storage(q.lastError().text());
    return q.value(0);
}

QByteArray why(const Result<QVariant> &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

// A second throwaway cluster, with TLS on, for as long as it lives (scripts/pg-cluster.sh --ssl).
class TlsCluster
{
public:
    TlsCluster()
    {
        if (!m_base.isValid()) {
            m_error = QStringLiteral("no temporary folder");
            return;
        }
        // As root the server runs as user postgres, which must be able to enter the folder.
        QFile::setPermissions(m_base.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                  | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                  | QFileDevice::ExeOther);
        QProcess start;
        start.start(QStringLiteral("bash"),
                    {script(), QStringLiteral("start"), QStringLiteral("--ssl"), dir()});
        if (!start.waitForFinished(180000) || start.exitCode() != 0) {
            m_error = QString::fromUtf8(start.readAllStandardError());
            return;
        }
        m_started = true;
        m_url = QString::fromUtf8(start.readAllStandardOutput()).trimmed();
    }
    ~TlsCluster()
    {
        if (!m_started)
            return;
        QProcess stop;
        stop.start(QStringLiteral("bash"), {script(), QStringLiteral("stop"), dir()});
        if (!stop.waitForFinished(60000) || stop.exitCode() != 0)
            qWarning("could not stop the TLS cluster: %s", stop.readAllStandardError().constData());
    }
    TlsCluster(const TlsCluster &) = delete;
    TlsCluster &operator=(const TlsCluster &) = delete;

    QString url() const { return m_url; }
    QString error() const { return m_error; }
    // The server's self-signed certificate (CN=localhost), to trust as the root.
    QString certificate() const { return dir() + QStringLiteral("/server.crt"); }

private:
    static QString script() { return QStringLiteral(CC_SOURCE_DIR "/scripts/pg-cluster.sh"); }
    QString dir() const { return m_base.filePath(QStringLiteral("cluster")); }

    QTemporaryDir m_base;
    bool m_started = false;
    QString m_url;
    QString m_error;
};

} // namespace

// A PostgreSQL URL's query: libpq's connection parameters, kept, checked and passed on.
class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private slots:
    void keepsParameters_data();
    void keepsParameters();
    void refusesParameters_data();
    void refusesParameters();
    void displayShowsParametersWithoutPassword();
    void passesParametersToTheDriver();
    void copiesKeepParameters();

    void sslRequiredFailsWithoutTls();
    void applicationNameReachesTheServer();
    void hostParameterConnectsOverUnixSocket();
    void tlsWhenTheServerHasIt();
};

void TestDatabaseUrl::keepsParameters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<Parameters>("parameters");

    const QString base = QStringLiteral("postgresql://cc:secret@db.example.org/console");
    QTest::newRow("none") << base << QStringLiteral("db.example.org") << Parameters{};
    QTest::newRow("empty query") << base + QLatin1Char('?') << QStringLiteral("db.example.org")
                                 << Parameters{};
    QTest::newRow("sslmode") << base + QStringLiteral("?sslmode=require") << QStringLiteral("db.example.org")
                             << Parameters{{QStringLiteral("sslmode"), QStringLiteral("require")}};
    QTest::newRow("several, in order")
        << base
            + QStringLiteral("?sslmode=verify-full&sslrootcert=/etc/ssl/cc-root.crt&application_name=cc"
                             "&connect_timeout=3")
        << QStringLiteral("db.example.org")
        << Parameters{{QStringLiteral("sslmode"), QStringLiteral("verify-full")},
                      {QStringLiteral("sslrootcert"), QStringLiteral("/etc/ssl/cc-root.crt")},
                      {QStringLiteral("application_name"), QStringLiteral("cc")},
                      {QStringLiteral("connect_timeout"), QStringLiteral("3")}};
    QTest::newRow("percent-decoded")
        << base
            + QStringLiteral("?application_name=%C3%85se%20%26%20co%3D&options=-c%20statement_timeout%3D5s"
                             "&sslkey=/home/%C3%A5se/key+1")
        << QStringLiteral("db.example.org")
        << Parameters{{QStringLiteral("application_name"), QStringLiteral("Åse & co=")},
                      {QStringLiteral("options"), QStringLiteral("-c statement_timeout=5s")},
                      {QStringLiteral("sslkey"), QStringLiteral("/home/åse/key+1")}};
    QTest::newRow("Unix socket, no host in the URL")
        << QStringLiteral("postgresql://cc@/console?host=/run/postgresql") << QString()
        << Parameters{{QStringLiteral("host"), QStringLiteral("/run/postgresql")}};
    QTest::newRow("Unix socket, no authority")
        << QStringLiteral("postgresql:///console?host=%2Frun%2Fpostgresql&port=5433") << QString()
        << Parameters{{QStringLiteral("host"), QStringLiteral("/run/postgresql")},
                      {QStringLiteral("port"), QStringLiteral("5433")}};
    QTest::newRow("hostaddr instead of a host")
        << QStringLiteral("postgresql://cc@/console?hostaddr=10.0.0.5") << QString()
        << Parameters{{QStringLiteral("hostaddr"), QStringLiteral("10.0.0.5")}};
    QTest::newRow("keepalives and targets")
        << base
            + QStringLiteral("?keepalives=1&keepalives_idle=30&target_session_attrs=read-write"
                             "&gssencmode=disable&channel_binding=prefer")
        << QStringLiteral("db.example.org")
        << Parameters{{QStringLiteral("keepalives"), QStringLiteral("1")},
                      {QStringLiteral("keepalives_idle"), QStringLiteral("30")},
                      {QStringLiteral("target_session_attrs"), QStringLiteral("read-write")},
                      {QStringLiteral("gssencmode"), QStringLiteral("disable")},
                      {QStringLiteral("channel_binding"), QStringLiteral("prefer")}};
}

void TestDatabaseUrl::keepsParameters()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(Parameters, parameters);

    const auto url = DatabaseUrl::parse(text);
    QVERIFY2(url, url ? "" : qPrintable(url.error().message));
    QCOMPARE(url->kind, DatabaseUrl::Kind::Postgresql);
    QCOMPARE(url->host, host);
    QCOMPARE(url->database, QStringLiteral("console"));
    QCOMPARE(url->parameters, parameters);
    // What display() shows parses back to the same parameters.
    const auto again = DatabaseUrl::parse(url->display());
    QVERIFY2(again, again ? "" : qPrintable(again.error().message));
    QCOMPARE(again->parameters, parameters);
    QCOMPARE(again->host, host);
}

void TestDatabaseUrl::refusesParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("named"); // what the message must name

    QTest::newRow("unknown") << QStringLiteral("sslmod=require") << QStringLiteral("“sslmod”");
    QTest::newRow("unknown, among known ones")
        << QStringLiteral("sslmode=require&colour=blue") << QStringLiteral("“colour”");
    QTest::newRow("a libpq keyword left out")
        << QStringLiteral("client_encoding=LATIN1") << QStringLiteral("“client_encoding”");
    QTest::newRow("bad sslmode") << QStringLiteral("sslmode=required") << QStringLiteral("“sslmode”");
    QTest::newRow("empty sslmode") << QStringLiteral("sslmode=") << QStringLiteral("“sslmode”");
    QTest::newRow("sslmode in capitals") << QStringLiteral("sslmode=REQUIRE") << QStringLiteral("“sslmode”");
    QTest::newRow("negative connect_timeout")
        << QStringLiteral("connect_timeout=-1") << QStringLiteral("“connect_timeout”");
    QTest::newRow("connect_timeout not a number")
        << QStringLiteral("connect_timeout=ten") << QStringLiteral("“connect_timeout”");
    QTest::newRow("bad port") << QStringLiteral("port=70000") << QStringLiteral("“port”");
    QTest::newRow("bad target_session_attrs")
        << QStringLiteral("target_session_attrs=master") << QStringLiteral("“target_session_attrs”");
    QTest::newRow("given twice") << QStringLiteral("sslmode=require&sslmode=disable")
                                 << QStringLiteral("“sslmode”");
    QTest::newRow("no value") << QStringLiteral("sslmode") << QStringLiteral("“sslmode”");
    QTest::newRow("a semicolon, which QPSQL cannot pass on")
        << QStringLiteral("application_name=a%3Bb") << QStringLiteral("“application_name”");
    QTest::newRow("a control character")
        << QStringLiteral("application_name=a%0Ab") << QStringLiteral("“application_name”");
    QTest::newRow("the password as a parameter")
        << QStringLiteral("password=Hunter2Secret") << QStringLiteral("“password”");
    QTest::newRow("the user as a parameter") << QStringLiteral("user=cc") << QStringLiteral("“user”");
}

void TestDatabaseUrl::refusesParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, named);

    const auto url = DatabaseUrl::parse(QStringLiteral("postgresql://cc:Hunter2Secret@db/console?") + query);
    QVERIFY(!url);
    QCOMPARE(url.error().code, ErrorCode::Invalid);
    const QString message = url.error().message;
    QVERIFY2(message.contains(named), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("Hunter2Secret")), qPrintable(message));
}

void TestDatabaseUrl::displayShowsParametersWithoutPassword()
{
    const auto url = DatabaseUrl::parse(
        QStringLiteral("postgresql://cc:Hunter2Secret@db.example.org:6543/console?sslmode=verify-full"
                       "&sslrootcert=/etc/ssl/root.crt&application_name=Coordinator%20Console"));
    QVERIFY(url);
    QCOMPARE(url->display(),
             QStringLiteral("postgresql://cc@db.example.org:6543/console?sslmode=verify-full"
                            "&sslrootcert=/etc/ssl/root.crt&application_name=Coordinator%20Console"));
    const auto socket =
        DatabaseUrl::parse(QStringLiteral("postgresql://cc:Hunter2Secret@/console?host=/run/postgresql"));
    QVERIFY(socket);
    QCOMPARE(socket->display(), QStringLiteral("postgresql://cc@/console?host=/run/postgresql"));
}

void TestDatabaseUrl::passesParametersToTheDriver()
{
    const QString name = QStringLiteral("tst_databaseurl_options");
    {
        const auto url = DatabaseUrl::parse(QStringLiteral(
            "postgresql://cc:secret@db/console?sslmode=require&application_name=it%27s%20a%20%5C%20test"));
        QVERIFY(url);
        QSqlDatabase db = QSqlDatabase::addDatabase(url->driverName(), name);
        url->applyTo(db);
        // libpq's quoting, and the default timeout, which the URL did not give.
        QCOMPARE(
            db.connectOptions(),
            QStringLiteral("connect_timeout=10;sslmode='require';application_name='it\\'s a \\\\ test'"));
        QCOMPARE(db.hostName(), QStringLiteral("db"));
        QCOMPARE(db.databaseName(), QStringLiteral("console"));

        const auto timeout = DatabaseUrl::parse(QStringLiteral("postgresql://cc@/console?host=/run/"
                                                               "postgresql&connect_timeout=2"));
        QVERIFY(timeout);
        timeout->applyTo(db);
        QCOMPARE(db.connectOptions(), QStringLiteral("host='/run/postgresql';connect_timeout='2'"));
        QCOMPARE(db.hostName(), QString());
    }
    QSqlDatabase::removeDatabase(name);
}

void TestDatabaseUrl::copiesKeepParameters()
{
    const auto url = DatabaseUrl::parse(
        QStringLiteral("postgresql://cc:secret@db/console?sslmode=verify-full&sslrootcert=/r"));
    QVERIFY(url);
    const Database db(*url);
    QCOMPARE(db.url().parameters, url->parameters);
    DatabaseUrl copy = db.url();
    QCOMPARE(copy.display(), url->display());
}

// ---- against the server of ./test.sh --------------------------------------------------------------

void TestDatabaseUrl::sslRequiredFailsWithoutTls()
{
    if (serverUrl().isEmpty())
        QSKIP("CC_TEST_POSTGRES_URL is not set: no PostgreSQL server to connect to (./test.sh sets it).");
    const auto server = DatabaseUrl::parse(serverUrl());
    QVERIFY(server);
    if (overUnixSocket(*server))
        QSKIP("CC_TEST_POSTGRES_URL names a Unix socket, where libpq uses no TLS and ignores sslmode.");
    // The cluster of scripts/pg-cluster.sh has no TLS: a required one must fail, so sslmode
    // reached libpq (it used to be dropped, and the connection went unencrypted).
    const auto required =
        ask(withParameters(serverUrl(), {{QStringLiteral("sslmode"), QStringLiteral("require")}}),
            QStringLiteral("SELECT 1"));
    QVERIFY(!required);
    QCOMPARE(required.error().code, ErrorCode::Storage);
    QVERIFY2(required.error().message.contains(QLatin1String("SSL")), why(required).constData());
    QVERIFY2(required.error().message.contains(QLatin1String("sslmode=require")), why(required).constData());
    if (!server->password.isEmpty())
        QVERIFY2(!required.error().message.contains(QLatin1Char(':') + server->password + QLatin1Char('@')),
                 why(required).constData());

    const auto disabled =
        ask(withParameters(serverUrl(), {{QStringLiteral("sslmode"), QStringLiteral("disable")}}),
            QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
    QVERIFY2(disabled, why(disabled).constData());
    QCOMPARE(disabled->toBool(), false);
}

void TestDatabaseUrl::applicationNameReachesTheServer()
{
    if (serverUrl().isEmpty())
        QSKIP("CC_TEST_POSTGRES_URL is not set: no PostgreSQL server to connect to (./test.sh sets it).");
    const auto name =
        ask(withParameters(serverUrl(), {{QStringLiteral("application_name"), QStringLiteral("cc-test")}}),
            QStringLiteral("SELECT current_setting('application_name')"));
    QVERIFY2(name, why(name).constData());
    QCOMPARE(name->toString(), QStringLiteral("cc-test"));

    const auto quoted =
        ask(withParameters(serverUrl(), {{QStringLiteral("application_name"), QStringLiteral("it's a \\")}}),
            QStringLiteral("SELECT current_setting('application_name')"));
    QVERIFY2(quoted, why(quoted).constData());
    QCOMPARE(quoted->toString(), QStringLiteral("it's a \\")); // the server keeps ASCII only
}

void TestDatabaseUrl::hostParameterConnectsOverUnixSocket()
{
    if (serverUrl().isEmpty())
        QSKIP("CC_TEST_POSTGRES_URL is not set: no PostgreSQL server to connect to (./test.sh sets it).");
    const auto folders = ask(serverUrl(), QStringLiteral("SHOW unix_socket_directories"));
    QVERIFY2(folders, why(folders).constData());
    const QString folder = folders->toString().section(QLatin1Char(','), 0, 0).trimmed();
    const auto port = ask(serverUrl(), QStringLiteral("SHOW port"));
    QVERIFY2(port, why(port).constData());
    if (folder.isEmpty() || !QFile::exists(folder + QStringLiteral("/.s.PGSQL.") + port->toString()))
        QSKIP("The server's Unix socket is not on this machine.");
    const auto server = DatabaseUrl::parse(serverUrl());
    QVERIFY(server);

    // No host in the URL: the parameter names the socket's folder (pg-cluster.sh trusts the
    // socket, so the password is not needed but does no harm).
    const QString socketUrl = QStringLiteral("postgresql://%1:%2@/%3?host=%4&port=%5")
                                  .arg(encoded(server->user), encoded(server->password), server->database,
                                       encoded(folder), port->toString());
    const auto overSocket = ask(socketUrl, QStringLiteral("SELECT inet_server_addr() IS NULL"));
    QVERIFY2(overSocket, why(overSocket).constData());
    QCOMPARE(overSocket->toBool(), true);
    // Over TCP the server has an address: the test tells the two apart.
    if (!overUnixSocket(*server)) {
        const auto overTcp = ask(serverUrl(), QStringLiteral("SELECT inet_server_addr() IS NULL"));
        QVERIFY2(overTcp, why(overTcp).constData());
        QCOMPARE(overTcp->toBool(), false);
    }
}

void TestDatabaseUrl::tlsWhenTheServerHasIt()
{
    if (serverUrl().isEmpty())
        QSKIP("CC_TEST_POSTGRES_URL is not set: no PostgreSQL server to connect to (./test.sh sets it).");
    const TlsCluster cluster;
    QVERIFY2(cluster.error().isEmpty(), qPrintable(cluster.error()));
    const QString sslQuery = QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");

    const QString sslmode = QStringLiteral("sslmode");
    const auto required =
        ask(withParameters(cluster.url(), {{sslmode, QStringLiteral("require")}}), sslQuery);
    QVERIFY2(required, why(required).constData());
    QCOMPARE(required->toBool(), true);
    const auto disabled =
        ask(withParameters(cluster.url(), {{sslmode, QStringLiteral("disable")}}), sslQuery);
    QVERIFY2(disabled, why(disabled).constData());
    QCOMPARE(disabled->toBool(), false);

    // The certificate is for CN=localhost: verify-full holds it to the host name, verify-ca not.
    const auto server = DatabaseUrl::parse(cluster.url());
    QVERIFY(server);
    const std::pair<QString, QString> rootCert{QStringLiteral("sslrootcert"), cluster.certificate()};
    const QString byName = QStringLiteral("postgresql://%1:%2@localhost:%3/%4")
                               .arg(encoded(server->user), encoded(server->password))
                               .arg(server->port)
                               .arg(server->database);
    const auto verified =
        ask(withParameters(byName, {{sslmode, QStringLiteral("verify-full")}, rootCert}), sslQuery);
    QVERIFY2(verified, why(verified).constData());
    QCOMPARE(verified->toBool(), true);

    const auto byAddress =
        ask(withParameters(cluster.url(), {{sslmode, QStringLiteral("verify-full")}, rootCert}), sslQuery);
    QVERIFY(!byAddress);
    QVERIFY2(byAddress.error().message.contains(QLatin1String("does not match host name")),
             why(byAddress).constData());
    const auto caOnly =
        ask(withParameters(cluster.url(), {{sslmode, QStringLiteral("verify-ca")}, rootCert}), sslQuery);
    QVERIFY2(caOnly, why(caOnly).constData());
    QCOMPARE(caOnly->toBool(), true);
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
