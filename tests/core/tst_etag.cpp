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
