#include "ui/common/Translator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList translations; // one, or one per numerus form
};

QList<Message> readTsFully(const QString &path, QString *error)
{
    // readTs adds plain messages at <translation>; numerus ones need their forms first.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> out;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                current = Message{context,
                                  {},
                                  xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"),
                                  false,
                                  {}};
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                current.unfinished =
                    xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished")
                    || xml.attributes().value(QLatin1String("type")) == QLatin1String("vanished");
                if (!current.numerus)
                    current.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            out << current;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

// The placeholders a text uses: %1…%9 and %n.
QSet<QString> placeholders(const QString &text)
{
    QSet<QString> out;
    static const QRegularExpression pattern(QStringLiteral("%(\\d|n)"));
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void complete_data();
    void complete();
    void placeholdersSurvive();
    void norwegianIsLoaded();

private:
    QTemporaryDir m_dir;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // lupdate over copies: a text added to the sources and not yet translated shows as unfinished.
    const QString sources = QStringLiteral(CC_SOURCE_DIR);
    for (const QString &name : {QStringLiteral("coordinator-console_nb.ts"),
                                QStringLiteral("coordinator-console_en.ts"), QStringLiteral("qtbase_nb.ts")})
        QVERIFY(QFile::copy(sources + QStringLiteral("/translations/") + name, m_dir.filePath(name)));
    const QStringList scanned{sources + QStringLiteral("/ui"),
                              sources + QStringLiteral("/app/ConsoleCommand.cpp")};
    for (const auto &[file, extra] : {std::pair{QStringLiteral("coordinator-console_nb.ts"), QStringList{}},
                                      std::pair{QStringLiteral("coordinator-console_en.ts"),
                                                QStringList{QStringLiteral("-pluralonly")}}}) {
        QProcess lupdate;
        lupdate.start(QStringLiteral(CC_LUPDATE),
                      QStringList{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                                  QStringLiteral("none"), QStringLiteral("-extensions"),
                                  QStringLiteral("cpp,h"), QStringLiteral("-I"), sources}
                          + extra + scanned + QStringList{QStringLiteral("-ts"), m_dir.filePath(file)});
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
    }
}

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("console nb") << QStringLiteral("coordinator-console_nb.ts");
    QTest::newRow("console en plurals") << QStringLiteral("coordinator-console_en.ts");
    QTest::newRow("qtbase nb") << QStringLiteral("qtbase_nb.ts");
}

void TestTranslations::complete()
{
    QFETCH(QString, file);
    QString error;
    const QList<Message> messages = readTsFully(m_dir.filePath(file), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList open;
    for (const Message &m : messages) {
        const bool empty = std::any_of(m.translations.cbegin(), m.translations.cend(),
                                       [](const QString &t) { return t.isEmpty(); });
        if (m.unfinished || m.translations.isEmpty() || empty)
            open << m.context + QStringLiteral(": ") + m.source;
    }
    qInfo("%s: %d messages", qPrintable(file), int(messages.size()));
    QVERIFY2(
        open.isEmpty(),
        qPrintable(QStringLiteral("%1 unfinished (run the update_translations target and translate):\n  %2")
                       .arg(open.size())
                       .arg(open.join(QStringLiteral("\n  ")))));
    if (file != QLatin1String("coordinator-console_en.ts"))
        QVERIFY(messages.size() > 0);
}

void TestTranslations::placeholdersSurvive()
{
    QString error;
    const QList<Message> messages =
        readTsFully(m_dir.filePath(QStringLiteral("coordinator-console_nb.ts")), &error)
        + readTsFully(m_dir.filePath(QStringLiteral("coordinator-console_en.ts")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList broken;
    for (const Message &m : messages) {
        for (const QString &t : m.translations) {
            QSet<QString> expected = placeholders(m.source);
            QSet<QString> got = placeholders(t);
            // A singular form may spell out "one" instead of %n.
            if (m.numerus) {
                expected.remove(QStringLiteral("%n"));
                got.remove(QStringLiteral("%n"));
            }
            if (!t.isEmpty() && expected != got)
                broken << m.source + QStringLiteral(" → ") + t;
        }
    }
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QLatin1Char('\n'))));
}

void TestTranslations::norwegianIsLoaded()
{
    cc::Translator translator;
    QCOMPARE(translator.apply(QStringLiteral("nb")), QStringLiteral("nb"));
    // The console's own texts and Qt's (the Cancel of every dialog) are Norwegian.
    QCOMPARE(QCoreApplication::translate("cc::MainWindow", "&Quit"), QStringLiteral("&Avslutt"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Avbryt"));
    QCOMPARE(QLocale().language(), QLocale::NorwegianBokmal);
    QCOMPARE(translator.apply(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("cc::MainWindow", "&Quit"), QStringLiteral("&Quit"));
    QCOMPARE(QCoreApplication::translate("cc::MainWindow", "Serving on %1 · %n device(s)", nullptr, 2),
             QStringLiteral("Serving on %1 · 2 devices"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
