// The small command-line framework of the admin commands: parsing, usage errors, help and the
// dispatch of a group to its subcommands. What the commands print is tst_cli's part.

#include "app/AppContext.h"
#include "app/CommandLine.h"

#include <QTextStream>
#include <QtTest>

#include <memory>

using namespace cc;
using namespace cc::app;

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void parsesPositionalsAndOptions();
    void helpStopsWithSuccess();
    void usageErrors_data();
    void usageErrors();
    void databaseDefaultsToTheAppContext();

    void dispatchRunsTheNamedSubcommand();
    void dispatchForwardsAnEarlierDatabase();
    void dispatchUsageErrors_data();
    void dispatchUsageErrors();

private:
    // "admin thing add NAME --colour C [--size N]"
    static std::unique_ptr<CommandLine> leaf();
    QList<Subcommand> subcommands();

    QString m_outText;
    QString m_errText;
    std::unique_ptr<QTextStream> m_out;
    std::unique_ptr<QTextStream> m_err;
    QStringList m_ran; // what the subcommands of subcommands() were run with
};

std::unique_ptr<CommandLine> TestCommandLine::leaf()
{
    auto cl = std::make_unique<CommandLine>(QStringLiteral("admin thing add"),
                                            QStringLiteral("NAME --colour C [--size N]"),
                                            QStringLiteral("Adds a thing."));
    cl->addPositional(QStringLiteral("NAME"), QStringLiteral("The thing's name."));
    cl->addRequiredOption(QStringLiteral("colour"), QStringLiteral("C"), QStringLiteral("Its colour."));
    cl->addOption(QStringLiteral("size"), QStringLiteral("N"), QStringLiteral("Its size."),
                  QStringLiteral("3"));
    return cl;
}

QList<Subcommand> TestCommandLine::subcommands()
{
    return {{QStringLiteral("add"), QStringLiteral("Add a thing."),
             [this](const QStringList &args) {
                 m_ran << QStringLiteral("add ") + args.join(QLatin1Char(' '));
                 return int(Success);
             }},
            {QStringLiteral("remove"), QStringLiteral("Remove a thing."), [this](const QStringList &args) {
                 m_ran << QStringLiteral("remove ") + args.join(QLatin1Char(' '));
                 return int(Failure);
             }}};
}

void TestCommandLine::init()
{
    m_outText.clear();
    m_errText.clear();
    m_out = std::make_unique<QTextStream>(&m_outText);
    m_err = std::make_unique<QTextStream>(&m_errText);
    m_ran.clear();
}

void TestCommandLine::parsesPositionalsAndOptions()
{
    auto cl = leaf();
    const QStringList args{QStringLiteral("lamp"), QStringLiteral("--colour"), QStringLiteral("red")};
    QCOMPARE(cl->parse(args, *m_out, *m_err), std::nullopt);
    QCOMPARE(cl->positional(0), QStringLiteral("lamp"));
    QCOMPARE(cl->positionals(), QStringList{QStringLiteral("lamp")});
    QCOMPARE(cl->value(QStringLiteral("colour")), QStringLiteral("red"));
    QVERIFY(!cl->isSet(QStringLiteral("size")));
    QCOMPARE(cl->value(QStringLiteral("size")), QStringLiteral("3"));
    QVERIFY(m_errText.isEmpty());
}

void TestCommandLine::helpStopsWithSuccess()
{
    auto cl = leaf();
    QCOMPARE(cl->parse({QStringLiteral("--help")}, *m_out, *m_err), std::optional<int>(Success));
    QVERIFY2(m_outText.startsWith(
                 QStringLiteral("Usage: coordinator-console admin thing add NAME --colour C [--size N]\n")),
             qPrintable(m_outText));
    QVERIFY(m_outText.contains(QStringLiteral("Adds a thing.")));
    QVERIFY(m_outText.contains(QStringLiteral("--database <URL>")));
    QVERIFY(m_errText.isEmpty());
}

void TestCommandLine::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing positional")
        << QStringList{QStringLiteral("--colour"), QStringLiteral("red")} << QStringLiteral("Missing NAME.");
    QTest::newRow("surplus positional") << QStringList{QStringLiteral("lamp"), QStringLiteral("chair"),
                                                       QStringLiteral("--colour"), QStringLiteral("red")}
                                        << QStringLiteral("Unexpected argument “chair”.");
    QTest::newRow("missing required option")
        << QStringList{QStringLiteral("lamp")} << QStringLiteral("Missing the option --colour C.");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("lamp"), QStringLiteral("--shape")}
                                    << QStringLiteral("Unknown option 'shape'.");
}

void TestCommandLine::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    auto cl = leaf();
    QCOMPARE(cl->parse(args, *m_out, *m_err), std::optional<int>(UsageError));
    QCOMPARE(m_errText,
             QStringLiteral("error: admin thing add: ") + message
                 + QStringLiteral("\nSee “coordinator-console admin thing add --help”.\n"));
    QVERIFY(m_outText.isEmpty());
}

void TestCommandLine::databaseDefaultsToTheAppContext()
{
    auto cl = leaf();
    QCOMPARE(cl->parse({QStringLiteral("lamp"), QStringLiteral("--colour"), QStringLiteral("red")}, *m_out,
                       *m_err),
             std::nullopt);
    QCOMPARE(cl->databaseUrl(), AppContext::defaultDatabaseUrl());

    auto given = leaf();
    QCOMPARE(given->parse({QStringLiteral("lamp"), QStringLiteral("--colour"), QStringLiteral("red"),
                           QStringLiteral("--database"), QStringLiteral("sqlite:/tmp/x.db")},
                          *m_out, *m_err),
             std::nullopt);
    QCOMPARE(given->databaseUrl(), QStringLiteral("sqlite:/tmp/x.db"));
}

void TestCommandLine::dispatchRunsTheNamedSubcommand()
{
    const int code = dispatch(QStringLiteral("admin thing"), QStringLiteral("Things."), subcommands(),
                              {QStringLiteral("remove"), QStringLiteral("lamp"), QStringLiteral("--force")},
                              *m_out, *m_err);
    QCOMPARE(code, int(Failure));
    QCOMPARE(m_ran, QStringList{QStringLiteral("remove lamp --force")});
    QVERIFY(m_errText.isEmpty());
}

void TestCommandLine::dispatchForwardsAnEarlierDatabase()
{
    const int code = dispatch(QStringLiteral("admin thing"), QStringLiteral("Things."), subcommands(),
                              {QStringLiteral("--database"), QStringLiteral("sqlite:a.db"),
                               QStringLiteral("add"), QStringLiteral("lamp")},
                              *m_out, *m_err);
    QCOMPARE(code, int(Success));
    QCOMPARE(m_ran, QStringList{QStringLiteral("add --database sqlite:a.db lamp")});
}

void TestCommandLine::dispatchUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList()
                                << QStringLiteral("Missing the command (one of add, remove).");
    QTest::newRow("unknown command") << QStringList{
        QStringLiteral("paint")} << QStringLiteral("Unknown command “paint” (the commands are add, remove).");
}

void TestCommandLine::dispatchUsageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const int code = dispatch(QStringLiteral("admin thing"), QStringLiteral("Things."), subcommands(), args,
                              *m_out, *m_err);
    QCOMPARE(code, int(UsageError));
    QCOMPARE(m_errText,
             QStringLiteral("error: admin thing: ") + message
                 + QStringLiteral("\nSee “coordinator-console admin thing --help”.\n"));
    QVERIFY(m_ran.isEmpty());
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
