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
};

QTEST_GUILESS_MAIN(TestETag)
#include "tst_etag.moc"
