#include "ui/devices/PairingPanel.h"
#include "ui/devices/QrCode.h"

#include <QTest>

using namespace cc;

namespace {

// The three finder patterns: a dark 7×7 ring, a light ring inside it, a dark 3×3 centre.
bool hasFinderAt(const QrCode &code, int left, int top)
{
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (code.isDark(left + x, top + y) != (ring || centre))
                return false;
        }
    }
    return true;
}

QString textOf(int length)
{
    QString text;
    for (int i = 0; i < length; ++i)
        text.append(QChar(u'a' + (i * 7) % 26));
    return text;
}

} // namespace

class TestQrCode : public QObject
{
    Q_OBJECT

private slots:
    void sameTextSameMatrix();
    void differentTextDifferentMatrix();
    void isAQrSymbol_data();
    void isAQrSymbol();
    void sizeGrowsWithText();
    void correctionCostsModules();
    void oversizeIsRefused_data();
    void oversizeIsRefused();
    void emptyOrNulIsRefused();
    void imageHasQuietZoneAndModules();
    void pairingUriFitsASmallSymbol();
};

void TestQrCode::sameTextSameMatrix()
{
    const QString text =
        QStringLiteral("coordinatorconsole://pair?v=1&url=http%3A%2F%2F192.168.1.20%3A8080&code=ABCD");
    auto first = QrCode::encode(text);
    auto second = QrCode::encode(text);
    QVERIFY(first.ok());
    QVERIFY(second.ok());
    QVERIFY(!first->isNull());
    QCOMPARE(first->size(), second->size());
    QVERIFY(*first == *second);
    QCOMPARE(first->toImage(), second->toImage());
}

void TestQrCode::differentTextDifferentMatrix()
{
    auto a = QrCode::encode(QStringLiteral("pairing code ABCDEFGH"));
    auto b = QrCode::encode(QStringLiteral("pairing code ABCDEFGI"));
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->size(), b->size());
    QVERIFY(!(*a == *b));
}

void TestQrCode::isAQrSymbol_data()
{
    QTest::addColumn<int>("length");
    for (int length : {1, 20, 100, 400, 1500})
        QTest::addRow("%d bytes", length) << length;
}

void TestQrCode::isAQrSymbol()
{
    QFETCH(int, length);
    auto code = QrCode::encode(textOf(length));
    QVERIFY(code.ok());
    // Version v has 17 + 4v modules a side, v from 1 to 40.
    QVERIFY(code->version() >= 1 && code->version() <= 40);
    QCOMPARE(code->size(), 17 + 4 * code->version());
    QVERIFY(hasFinderAt(*code, 0, 0));
    QVERIFY(hasFinderAt(*code, code->size() - 7, 0));
    QVERIFY(hasFinderAt(*code, 0, code->size() - 7));
    QVERIFY(!hasFinderAt(*code, code->size() - 7, code->size() - 7));
    // The timing pattern alternates between the finders.
    for (int i = 8; i < code->size() - 8; ++i) {
        QCOMPARE(code->isDark(i, 6), i % 2 == 0);
        QCOMPARE(code->isDark(6, i), i % 2 == 0);
    }
    QVERIFY(!code->isDark(-1, 0));
    QVERIFY(!code->isDark(code->size(), 0));
}

void TestQrCode::sizeGrowsWithText()
{
    int previous = 0;
    for (int length : {10, 60, 200, 600, 1200, 2000}) {
        auto code = QrCode::encode(textOf(length), QrCode::Correction::Low);
        QVERIFY2(code.ok(), qPrintable(QString::number(length)));
        QVERIFY2(code->size() > previous,
                 qPrintable(QStringLiteral("%1 bytes: %2 modules").arg(length).arg(code->size())));
        previous = code->size();
    }
}

void TestQrCode::correctionCostsModules()
{
    const QString text = textOf(300);
    auto low = QrCode::encode(text, QrCode::Correction::Low);
    auto high = QrCode::encode(text, QrCode::Correction::High);
    QVERIFY(low.ok() && high.ok());
    QVERIFY(high->size() > low->size());
}

void TestQrCode::oversizeIsRefused_data()
{
    QTest::addColumn<int>("correction");
    QTest::addColumn<int>("fits");    // bytes that still fit (version 40)
    QTest::addColumn<int>("tooMany"); // bytes that do not
    QTest::addRow("low") << int(QrCode::Correction::Low) << 2900 << 3000;
    QTest::addRow("medium") << int(QrCode::Correction::Medium) << 2300 << 2400;
    QTest::addRow("high") << int(QrCode::Correction::High) << 1250 << 1300;
}

void TestQrCode::oversizeIsRefused()
{
    QFETCH(int, correction);
    QFETCH(int, fits);
    QFETCH(int, tooMany);
    auto ok = QrCode::encode(textOf(fits), QrCode::Correction(correction));
    QVERIFY(ok.ok());
    QCOMPARE(ok->version(), 40);
    auto refused = QrCode::encode(textOf(tooMany), QrCode::Correction(correction));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Invalid);
    QVERIFY(refused.error().message.contains(QString::number(tooMany)));
}

void TestQrCode::emptyOrNulIsRefused()
{
    QCOMPARE(QrCode::encode(QString()).error().code, ErrorCode::Invalid);
    QCOMPARE(QrCode::encode(QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b")).error().code,
             ErrorCode::Invalid);
    QVERIFY(QrCode().isNull());
    QVERIFY(QrCode().toImage().isNull());
}

void TestQrCode::imageHasQuietZoneAndModules()
{
    auto code = QrCode::encode(QStringLiteral("hello"));
    QVERIFY(code.ok());
    const int moduleSize = 3;
    const int quiet = 4;
    const QImage image = code->toImage(moduleSize, quiet);
    QCOMPARE(image.width(), (code->size() + 2 * quiet) * moduleSize);
    QCOMPARE(image.height(), image.width());
    const QRgb white = qRgb(255, 255, 255);
    const QRgb black = qRgb(0, 0, 0);
    // The quiet zone is light all round.
    for (int i = 0; i < image.width(); ++i) {
        QCOMPARE(image.pixel(i, 0), white);
        QCOMPARE(image.pixel(0, i), white);
        QCOMPARE(image.pixel(i, image.height() - 1), white);
        QCOMPARE(image.pixel(image.width() - 1, i), white);
    }
    // Every module is a square of its colour.
    for (int y = 0; y < code->size(); ++y) {
        for (int x = 0; x < code->size(); ++x) {
            const QRgb expected = code->isDark(x, y) ? black : white;
            const int left = (x + quiet) * moduleSize;
            const int top = (y + quiet) * moduleSize;
            QCOMPARE(image.pixel(left, top), expected);
            QCOMPARE(image.pixel(left + moduleSize - 1, top + moduleSize - 1), expected);
        }
    }
}

void TestQrCode::pairingUriFitsASmallSymbol()
{
    // The largest payload the console makes: an IPv6 address, a fingerprint and a code.
    const QString uri =
        PairingPanel::pairingUri(QStringLiteral("https://[2001:db8:1234:5678:9abc:def0:1234:5678]:65535"),
                                 QString(64, QLatin1Char('F')), QString(32, QLatin1Char('A')));
    auto code = QrCode::encode(uri);
    QVERIFY(code.ok());
    // Version 10 (57 modules) is still easy for a phone camera at arm's length.
    QVERIFY2(code->version() <= 10, qPrintable(QString::number(code->version())));
}

QTEST_APPLESS_MAIN(TestQrCode)
#include "tst_qrcode.moc"
