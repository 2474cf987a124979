#include "core/Records.h"
#include "ui/common/DisplayText.h"
#include "ui/common/Icons.h"

#include <QLocale>
#include <QSet>
#include <QTest>

using namespace cc;

// The channels: their wire names defined once, one set of words and one set of icons in the ui.
class TestChannels : public QObject
{
    Q_OBJECT

private slots:
    void namesRoundTrip_data();
    void namesRoundTrip();
    void unknownNameIsNoChannel();
    void listsAgree();
    void wordsAndIcons();
    void channelsReadAsAList();
};

void TestChannels::namesRoundTrip_data()
{
    QTest::addColumn<Channel>("channel");
    QTest::addColumn<QString>("name");
    QTest::newRow("push") << Channel::Push << QStringLiteral("push");
    QTest::newRow("in_app") << Channel::InApp << QStringLiteral("in_app");
    QTest::newRow("email") << Channel::Email << QStringLiteral("email");
    QTest::newRow("sms") << Channel::Sms << QStringLiteral("sms");
}

void TestChannels::namesRoundTrip()
{
    QFETCH(Channel, channel);
    QFETCH(QString, name);
    QCOMPARE(channelName(channel), name);
    QVERIFY(channelFromName(name) == channel);
}

void TestChannels::unknownNameIsNoChannel()
{
    QVERIFY(!channelFromName(QStringLiteral("fax")));
    QVERIFY(!channelFromName(QStringLiteral("PUSH")));
    QVERIFY(!channelFromName(QString()));
}

void TestChannels::listsAgree()
{
    QVERIFY(allChannels() == (QList<Channel>{Channel::Push, Channel::InApp, Channel::Email, Channel::Sms}));
    QStringList names;
    for (const Channel channel : allChannels())
        names << channelName(channel);
    QCOMPARE(channelNames(), names);
}

void TestChannels::wordsAndIcons()
{
    QSet<QString> words;
    for (const Channel channel : allChannels()) {
        const QString word = DisplayText::channel(channel);
        QVERIFY(!word.isEmpty());
        words.insert(word);
        // The check box says the same word, with a mnemonic.
        QCOMPARE(QString(DisplayText::channelCheckBox(channel)).remove(QLatin1Char('&')), word);
        QVERIFY(!Icons::channel(channel).isNull());
    }
    QCOMPARE(words.size(), allChannels().size());
    QCOMPARE(DisplayText::channel(Channel::InApp), QStringLiteral("In app"));
}

void TestChannels::channelsReadAsAList()
{
    QCOMPARE(DisplayText::channels({QStringLiteral("push"), QStringLiteral("sms")}),
             QLocale().createSeparatedList(
                 {DisplayText::channel(Channel::Push), DisplayText::channel(Channel::Sms)}));
    // A stored name the console does not know reads as itself.
    QCOMPARE(DisplayText::channels({QStringLiteral("fax")}), QStringLiteral("fax"));
}

QTEST_MAIN(TestChannels)
#include "tst_channels.moc"
