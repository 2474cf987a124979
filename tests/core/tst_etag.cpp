// cc::makeEtag and cc::etagMatches: the one ETag format and the one If-Match rule.
#include "core/ETag.h"

#include <QtTest>

using namespace cc;

class TestETag : public QObject
{
    Q_OBJECT

private slots:
    void makeEtagIsAQuotedHashPrefix()
    {
        // SHA-256("hello") = 2cf24dba5fb0a30e26e83b2ac5b9e29e...
        QCOMPARE(makeEtag(QByteArrayLiteral("hello")), QStringLiteral("\"2cf24dba5fb0a30e\""));
        QCOMPARE(makeEtag(QByteArrayLiteral("hello")), makeEtag(QByteArrayLiteral("hello")));
        QVERIFY(makeEtag(QByteArrayLiteral("hello")) != makeEtag(QByteArrayLiteral("hello!")));
    }

    void etagMatches_data()
    {
        QTest::addColumn<QString>("ifMatch");
        QTest::addColumn<bool>("matches");
        QTest::newRow("no If-Match") << QString() << true;
        QTest::newRow("any") << QStringLiteral("*") << true;
        QTest::newRow("the current ETag") << QStringLiteral("\"2cf24dba5fb0a30e\"") << true;
        QTest::newRow("another ETag") << QStringLiteral("\"0000000000000000\"") << false;
        QTest::newRow("unquoted") << QStringLiteral("2cf24dba5fb0a30e") << false;
        QTest::newRow("weak") << QStringLiteral("W/\"2cf24dba5fb0a30e\"") << false;
        QTest::newRow("in upper case") << QStringLiteral("\"2CF24DBA5FB0A30E\"") << false;
        // item 11 of the security issue: If-Match holds a list (RFC 9110 13.1.1).
        QTest::newRow("a list holding it")
            << QStringLiteral("\"0000000000000000\", \"2cf24dba5fb0a30e\"") << true;
        QTest::newRow("a list, no spaces")
            << QStringLiteral("\"2cf24dba5fb0a30e\",\"0000000000000000\"") << true;
        QTest::newRow("a list without it")
            << QStringLiteral("\"0000000000000000\", \"1111111111111111\"") << false;
        QTest::newRow("a list with it weak") << QStringLiteral("\"0\", W/\"2cf24dba5fb0a30e\"") << false;
        QTest::newRow("a broken list") << QStringLiteral("\"0\", 2cf24dba5fb0a30e") << false;
        QTest::newRow("an unclosed tag") << QStringLiteral("\"2cf24dba5fb0a30e") << false;
    }

    void etagMatches()
    {
        QFETCH(QString, ifMatch);
        QFETCH(bool, matches);
        QCOMPARE(cc::etagMatches(ifMatch, makeEtag(QByteArrayLiteral("hello"))), matches);
    }

    void etagNoneMatchFails_data()
    {
        QTest::addColumn<QString>("ifNoneMatch");
        QTest::addColumn<QString>("current");
        QTest::addColumn<bool>("notModified");
        const QString strong = QStringLiteral("\"2cf24dba5fb0a30e\"");
        const QString weak = QStringLiteral("W/\"v42-2cf24dba5fb0a30e\"");
        QTest::newRow("none sent") << QString() << strong << false;
        QTest::newRow("any") << QStringLiteral("*") << strong << true;
        QTest::newRow("the same strong tag") << strong << strong << true;
        QTest::newRow("another tag") << QStringLiteral("\"0000000000000000\"") << strong << false;
        // RFC 9110 13.1.2: If-None-Match compares weakly.
        QTest::newRow("weak sent, strong current")
            << QStringLiteral("W/\"2cf24dba5fb0a30e\"") << strong << true;
        QTest::newRow("strong sent, weak current")
            << QStringLiteral("\"v42-2cf24dba5fb0a30e\"") << weak << true;
        QTest::newRow("the same weak tag") << weak << weak << true;
        QTest::newRow("an older version") << QStringLiteral("W/\"v41-2cf24dba5fb0a30e\"") << weak << false;
        QTest::newRow("a list holding it") << QStringLiteral("\"a\", ") + weak << weak << true;
        QTest::newRow("a broken list") << QStringLiteral("\"a\", v42") << weak << false;
        QTest::newRow("unquoted") << QStringLiteral("2cf24dba5fb0a30e") << strong << false;
    }

    void etagNoneMatchFails()
    {
        QFETCH(QString, ifNoneMatch);
        QFETCH(QString, current);
        QFETCH(bool, notModified);
        QCOMPARE(cc::etagNoneMatchFails(ifNoneMatch, current), notModified);
    }
};

QTEST_GUILESS_MAIN(TestETag)
#include "tst_etag.moc"
