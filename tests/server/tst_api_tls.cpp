// `serve --tls-cert F --tls-key F`: the API over HTTPS with a self-signed certificate (RSA and
// EC keys), its SHA-256 fingerprint as openssl prints it, and clear errors for bad files.
#include "tests/server/ApiHarness.h"
#include "tests/support/TestSupport.h"

#include <QProcess>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace cc;
using namespace cc::test;

class TestApiTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Makes a self-signed certificate with openssl; returns false when it cannot.
    bool makeCertificate(const QString &keyKind, QString *certificate, QString *key, QString *fingerprint)
    {
        *certificate = m_dir.filePath(keyKind + QStringLiteral("-cert.pem"));
        *key = m_dir.filePath(keyKind + QStringLiteral("-key.pem"));
        const QStringList newkey = keyKind == QLatin1String("ec")
            ? QStringList{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                          QStringLiteral("ec_paramgen_curve:prime256v1")}
            : QStringList{QStringLiteral("-newkey"), QStringLiteral("rsa:2048")};
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + newkey
                          + QStringList{QStringLiteral("-nodes"), QStringLiteral("-keyout"), *key,
                                        QStringLiteral("-out"), *certificate, QStringLiteral("-days"),
                                        QStringLiteral("2"), QStringLiteral("-subj"),
                                        QStringLiteral("/CN=127.0.0.1")});
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
            return false;
        // PKCS#8 "BEGIN PRIVATE KEY" is what openssl 3 writes; the server must read it.
        QProcess print;
        print.start(QStringLiteral("openssl"),
                    {QStringLiteral("x509"), QStringLiteral("-in"), *certificate, QStringLiteral("-noout"),
                     QStringLiteral("-fingerprint"), QStringLiteral("-sha256")});
        if (!print.waitForFinished(30000) || print.exitCode() != 0)
            return false;
        *fingerprint =
            QString::fromLatin1(print.readAllStandardOutput()).section(QLatin1Char('='), 1).trimmed();
        return !fingerprint->isEmpty();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QFAIL("openssl is needed to make a test certificate (Debian package openssl).");
    }

    void servesHttps_data()
    {
        QTest::addColumn<QString>("keyKind");
        QTest::newRow("rsa") << QStringLiteral("rsa");
        QTest::newRow("ec") << QStringLiteral("ec");
    }

    void servesHttps()
    {
        QFETCH(QString, keyKind);
        QString certificate, key, fingerprint;
        QVERIFY(makeCertificate(keyKind, &certificate, &key, &fingerprint));
        ApiHarness api;
        api.setTls(certificate, key);
        QVERIFY2(api.start(), qPrintable(api.error()));
        QVERIFY(api.server().isTls());
        QCOMPARE(api.server().certificateFingerprint(), fingerprint);
        QVERIFY(api.baseUrl().startsWith(QLatin1String("https://")));

        const auto health = api.get(QStringLiteral("/api/v1/health"), {});
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        const auto created = api.post(QStringLiteral("/api/v1/notification-records"), recordBody(),
                                      api.token(QStringLiteral("coordinator")));
        QCOMPARE(created.status, 201);

        // Plain HTTP to the HTTPS port gets no answer.
        QTcpSocket plain;
        plain.connectToHost(QHostAddress::LocalHost, api.port());
        QVERIFY(plain.waitForConnected(5000));
        plain.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        plain.waitForReadyRead(2000);
        QVERIFY(!plain.readAll().contains("\"status\":\"ok\""));
    }

    // Clients that connect and never start the TLS handshake cannot stop the server from
    // accepting (Qt 6.4's QSslServer stopped for good after 30 of them): a real client is served
    // while 200 of them hang on, and after they are gone.
    void silentConnectionsDoNotStopHttps()
    {
        QString certificate, key, fingerprint;
        QVERIFY(makeCertificate(QStringLiteral("ec"), &certificate, &key, &fingerprint));
        ApiHarness api;
        api::ConnectionLimits limits;
        limits.handshakeTimeoutMs = 60000; // longer than the test: only the caps make room
        api.setLimits(limits);
        api.setTls(certificate, key);
        QVERIFY2(api.start(), qPrintable(api.error()));

        std::vector<std::unique_ptr<QTcpSocket>> silent;
        for (int i = 0; i < 200; ++i) {
            silent.push_back(std::make_unique<QTcpSocket>());
            silent.back()->connectToHost(QHostAddress::LocalHost, api.port());
            silent.back()->waitForConnected(1000);
        }
        QTest::qWait(1200); // the server has taken them all and waits for their handshakes

        for (int round = 0; round < 3; ++round) {
            const auto health = api.get(QStringLiteral("/api/v1/health"), {});
            QCOMPARE(health.status, 200);
        }
        silent.clear();
        QTest::qWait(200);
        const auto after = api.get(QStringLiteral("/api/v1/health"), {});
        QCOMPARE(after.status, 200);
    }

    // After a refusal over TLS the connection lingers to deliver the answer; what the client goes
    // on sending meanwhile is dropped, not kept (the client shares this process: it holds at most
    // 1 MiB unsent).
    void lingeringOverTlsKeepsNothing()
    {
        QString certificate, key, fingerprint;
        QVERIFY(makeCertificate(QStringLiteral("ec"), &certificate, &key, &fingerprint));
        ApiHarness api;
        api.setTls(certificate, key);
        QVERIFY2(api.start(), qPrintable(api.error()));
        const qint64 before = residentBytes();
        QVERIFY(before > 0);
        // An in-process client reads the answer as soon as it comes: the server resets the
        // connection when the linger ends, and a reset discards what a client has not read yet.
        QSslSocket client;
        client.setPeerVerifyMode(QSslSocket::VerifyNone);
        QByteArray answer;
        connect(&client, &QSslSocket::readyRead, &client, [&] { answer += client.readAll(); });
        client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), api.port());
        QTRY_VERIFY_WITH_TIMEOUT(client.isEncrypted(), 10000);
        client.write("POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n");
        const QByteArray zeros(256 * 1024, '\0');
        qint64 sent = 0;
        qint64 peak = 0;
        QElapsedTimer timer;
        timer.start();
        while (client.state() == QAbstractSocket::ConnectedState && sent < (1LL << 30)
               && timer.elapsed() < 10000) {
            if (client.bytesToWrite() < 1024 * 1024) {
                client.write(zeros);
                sent += zeros.size();
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            peak = qMax(peak, residentBytes() - before);
        }
        qInfo("sent %lld MiB; resident memory grew by at most %lld MiB while lingering", sent >> 20,
              peak >> 20);
        QVERIFY2(answer.contains("HTTP/1.1 413 Content Too Large"), answer.left(500).constData());
        QVERIFY2(peak < 32LL * 1024 * 1024, qPrintable(QStringLiteral("grew by %1 bytes").arg(peak)));
    }

    // item 11: TLS 1.2 offers only forward-secret AEAD suites (ECDHE with GCM or ChaCha20), TLS 1.3
    // its own; RSA key exchange, CBC with SHA-1 and TLS 1.1 are refused.
    void onlyForwardSecretAeadSuites_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("accepted");
        const auto tls12 = [](const char *cipher) {
            return QStringList{QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                               QString::fromLatin1(cipher)};
        };
        QTest::newRow("RSA, ECDHE-RSA-AES128-GCM-SHA256")
            << "rsa" << tls12("ECDHE-RSA-AES128-GCM-SHA256") << true;
        QTest::newRow("RSA, ECDHE-RSA-CHACHA20-POLY1305")
            << "rsa" << tls12("ECDHE-RSA-CHACHA20-POLY1305") << true;
        QTest::newRow("EC, ECDHE-ECDSA-AES256-GCM-SHA384")
            << "ec" << tls12("ECDHE-ECDSA-AES256-GCM-SHA384") << true;
        QTest::newRow("RSA, TLS 1.3") << "rsa" << QStringList{QStringLiteral("-tls1_3")} << true;
        QTest::newRow("RSA key exchange, AES128-GCM-SHA256") << "rsa" << tls12("AES128-GCM-SHA256") << false;
        QTest::newRow("RSA key exchange, AES128-SHA") << "rsa" << tls12("AES128-SHA") << false;
        QTest::newRow("CBC with SHA-1, ECDHE-RSA-AES128-SHA")
            << "rsa" << tls12("ECDHE-RSA-AES128-SHA") << false;
        QTest::newRow("CBC with SHA-256, ECDHE-RSA-AES128-SHA256")
            << "rsa" << tls12("ECDHE-RSA-AES128-SHA256") << false;
        QTest::newRow("CBC, ECDHE-ECDSA-AES128-SHA") << "ec" << tls12("ECDHE-ECDSA-AES128-SHA") << false;
        QTest::newRow("TLS 1.1") << "rsa"
                                 << QStringList{QStringLiteral("-tls1_1"), QStringLiteral("-cipher"),
                                                QStringLiteral("DEFAULT@SECLEVEL=0")}
                                 << false;
    }

    void onlyForwardSecretAeadSuites()
    {
        QFETCH(QString, key);
        QFETCH(QStringList, options);
        QFETCH(bool, accepted);
        QString certificate, keyFile, fingerprint;
        QVERIFY(makeCertificate(key, &certificate, &keyFile, &fingerprint));
        ApiHarness api;
        api.setTls(certificate, keyFile);
        QVERIFY2(api.start(), qPrintable(api.error()));
        QProcess client;
        client.setProcessChannelMode(QProcess::MergedChannels);
        client.start(QStringLiteral("openssl"),
                     QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                                 QStringLiteral("127.0.0.1:%1").arg(api.port())}
                         + options);
        QVERIFY(client.waitForStarted());
        client.closeWriteChannel();
        QElapsedTimer timer;
        timer.start();
        while (client.state() != QProcess::NotRunning && timer.elapsed() < 15000)
            QTest::qWait(20);
        const QByteArray out = client.readAll();
        const bool handshaken = out.contains("Cipher is ") && !out.contains("Cipher is (NONE)");
        QVERIFY2(handshaken == accepted, out.right(600).constData());
    }

    void badFilesAreRefusedClearly_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        QTest::newRow("no certificate file")
            << QStringLiteral("/nonexistent/cert.pem") << QStringLiteral("rsa-key.pem")
            << QStringLiteral("No PEM certificate");
        QTest::newRow("no key file") << QStringLiteral("rsa-cert.pem")
                                     << QStringLiteral("/nonexistent/key.pem")
                                     << QStringLiteral("cannot be read");
        QTest::newRow("key is a certificate")
            << QStringLiteral("rsa-cert.pem") << QStringLiteral("rsa-cert.pem")
            << QStringLiteral("No unencrypted PEM RSA or EC private key");
    }

    void badFilesAreRefusedClearly()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, message);
        QString c, k, f;
        QVERIFY(makeCertificate(QStringLiteral("rsa"), &c, &k, &f));
        auto inDir = [this](const QString &name) {
            return name.startsWith(QLatin1Char('/')) ? name : m_dir.filePath(name);
        };
        ApiHarness api;
        api.setTls(inDir(certificate), inDir(key));
        QVERIFY(!api.start());
        QVERIFY2(api.error().contains(message), qPrintable(api.error()));
    }
};

CC_DATABASE_TEST_MAIN(TestApiTls)
#include "tst_api_tls.moc"
