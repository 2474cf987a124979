#include "core/CsvImport.h"

#include <QTest>

using namespace cc;

namespace {

QByteArray utf8(const char *text)
{
    return QByteArray(text);
}

} // namespace

class TestCsvImport : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseRefused_data();
    void parseRefused();

    void mentors();
    void mentorColumnsInAnyOrder_data();
    void mentorColumnsInAnyOrder();
    void mentorHeaderRefused_data();
    void mentorHeaderRefused();
    void mentorNulIsNamedByLine();
    void mentorFieldCount_data();
    void mentorFieldCount();
    void mentorEveryBadLineIsNamed();
    void mentorMissingColumnsAreMarked();

    void encodingNames();
    void badUtf8NamesItsLine_data();
    void badUtf8NamesItsLine();
    void windows1252();
    void windows1252UndefinedByte();
};

void TestCsvImport::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QList<QStringList>>("rows");

    using Rows = QList<QStringList>;
    using Lines = QList<int>;
    const auto s = [](const char *t) { return QString::fromUtf8(t); };

    QTest::newRow("plain LF") << utf8("a,b,c\n1,2,3\n") << Lines{1, 2}
                              << Rows{{s("a"), s("b"), s("c")}, {s("1"), s("2"), s("3")}};
    QTest::newRow("no trailing newline")
        << utf8("a,b\n1,2") << Lines{1, 2} << Rows{{s("a"), s("b")}, {s("1"), s("2")}};
    QTest::newRow("CRLF") << utf8("a,b\r\n1,2\r\n") << Lines{1, 2}
                          << Rows{{s("a"), s("b")}, {s("1"), s("2")}};
    QTest::newRow("CRLF without trailing newline")
        << utf8("a,b\r\n1,2") << Lines{1, 2} << Rows{{s("a"), s("b")}, {s("1"), s("2")}};
    QTest::newRow("BOM is dropped") << utf8("\xEF\xBB\xBFid,name\nx,y\n") << Lines{1, 2}
                                    << Rows{{s("id"), s("name")}, {s("x"), s("y")}};
    QTest::newRow("BOM and CRLF") << utf8("\xEF\xBB\xBF"
                                          "id\r\nx\r\n")
                                  << Lines{1, 2} << Rows{{s("id")}, {s("x")}};
    QTest::newRow("one trailing newline makes no empty row") << utf8("a\n") << Lines{1} << Rows{{s("a")}};
    QTest::newRow("blank lines are skipped, lines still count")
        << utf8("a\n\nb\r\n\r\nc\n\n") << Lines{1, 3, 5} << Rows{{s("a")}, {s("b")}, {s("c")}};
    QTest::newRow("empty input") << QByteArray() << Lines{} << Rows{};
    QTest::newRow("only a BOM") << utf8("\xEF\xBB\xBF") << Lines{} << Rows{};
    QTest::newRow("empty fields") << utf8(",,\na,,b\n") << Lines{1, 2}
                                  << Rows{{QString(), QString(), QString()}, {s("a"), QString(), s("b")}};
    QTest::newRow("trailing comma is an empty last field")
        << utf8("a,b,\n") << Lines{1} << Rows{{s("a"), s("b"), QString()}};
    QTest::newRow("quoted field") << utf8("\"a\",\"b c\"\n") << Lines{1} << Rows{{s("a"), s("b c")}};
    QTest::newRow("comma inside quotes")
        << utf8("\"Nordmann, Kari\",x\n") << Lines{1} << Rows{{s("Nordmann, Kari"), s("x")}};
    QTest::newRow("escaped quotes") << utf8("\"She said \"\"hi\"\"\",x\n") << Lines{1}
                                    << Rows{{s("She said \"hi\""), s("x")}};
    QTest::newRow("only an escaped quote") << utf8("\"\"\"\"\n") << Lines{1} << Rows{{s("\"")}};
    QTest::newRow("empty quoted field") << utf8("\"\",x\n") << Lines{1} << Rows{{QString(), s("x")}};
    QTest::newRow("newline inside quotes keeps line numbers")
        << utf8("a,\"line one\nline two\"\nnext,row\n\"x\ny\nz\",w\nlast,one\n") << Lines{1, 3, 4, 7}
        << Rows{{s("a"), s("line one\nline two")},
                {s("next"), s("row")},
                {s("x\ny\nz"), s("w")},
                {s("last"), s("one")}};
    QTest::newRow("CRLF inside quotes is kept")
        << utf8("\"x\r\ny\",z\r\nq,r\r\n") << Lines{1, 3} << Rows{{s("x\r\ny"), s("z")}, {s("q"), s("r")}};
    QTest::newRow("quotes inside an unquoted field are text")
        << utf8("5\" screen,b\n") << Lines{1} << Rows{{s("5\" screen"), s("b")}};
    QTest::newRow("spaces are kept") << utf8(" a , b \n") << Lines{1} << Rows{{s(" a "), s(" b ")}};
    QTest::newRow("UTF-8 text") << utf8("Åse Ødegård,Tromsø\n") << Lines{1}
                                << Rows{{s("Åse Ødegård"), s("Tromsø")}};
    QTest::newRow("semicolons, as a Norwegian spreadsheet saves")
        << utf8("id;name;phone\npm_1;\"Nordmann; Kari\";+47 1,2\n") << Lines{1, 2}
        << Rows{{s("id"), s("name"), s("phone")}, {s("pm_1"), s("Nordmann; Kari"), s("+47 1,2")}};
    QTest::newRow("the header decides: commas")
        << utf8("id,name\nx;y,z\n") << Lines{1, 2} << Rows{{s("id"), s("name")}, {s("x;y"), s("z")}};
    QTest::newRow("quoted semicolons in the header do not count")
        << utf8("\"a;b;c\",d\n1,2\n") << Lines{1, 2} << Rows{{s("a;b;c"), s("d")}, {s("1"), s("2")}};
    QTest::newRow("quoted comma, quote and newline together")
        << utf8("id,note\n1,\"a, \"\"b\"\"\nc\"\n2,d") << Lines{1, 2, 4}
        << Rows{{s("id"), s("note")}, {s("1"), s("a, \"b\"\nc")}, {s("2"), s("d")}};
}

void TestCsvImport::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(QList<int>, lines);
    QFETCH(QList<QStringList>, rows);

    const auto parsed = parseCsv(data);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QList<int> gotLines;
    QList<QStringList> gotRows;
    for (const CsvRow &row : *parsed) {
        gotLines << row.line;
        gotRows << row.fields;
    }
    QCOMPARE(gotRows, rows);
    QCOMPARE(gotLines, lines);
}

void TestCsvImport::parseRefused_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("line");

    QTest::newRow("unclosed quote on the first line") << utf8("\"abc,def\n") << QStringLiteral("Line 1:");
    QTest::newRow("unclosed quote after good rows")
        << utf8("a,b\nc,d\ne,\"open\nstill open\n") << QStringLiteral("Line 3:");
    QTest::newRow("unclosed quote after a multi-line field")
        << utf8("a,\"x\ny\"\nb,\"never closed") << QStringLiteral("Line 3:");
    QTest::newRow("closing quote doubled away") << utf8("\"abc\"\"\n") << QStringLiteral("Line 1:");
}

void TestCsvImport::parseRefused()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, line);

    const auto parsed = parseCsv(data);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Invalid);
    QVERIFY2(parsed.error().message.startsWith(line), qPrintable(parsed.error().message));
    QVERIFY2(parsed.error().message.contains(QLatin1String("never closed")),
             qPrintable(parsed.error().message));
}

void TestCsvImport::mentors()
{
    const QByteArray data =
        utf8("\xEF\xBB\xBF"
             "id,org_id,coordinator_id,name,email,phone\r\n"
             "pm_1,org-a,coord-1,Kari Nordmann,kari@example.org,+47 912 34 567\r\n"
             "pm_2,org-a,,\"Nordmann, Ola\",,\r\n"
             "  pm_3 , org-a , coord-2 ,  Åse Ødegård  , ase@example.org , 22 33 44 55 \r\n");
    const auto parsed = peerMentorsFromCsv(data);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->size(), 3);

    const ImportedMentor &kari = parsed->at(0);
    QCOMPARE(kari.line, 2);
    QCOMPARE(kari.mentor.id, QStringLiteral("pm_1"));
    QCOMPARE(kari.mentor.orgId, QStringLiteral("org-a"));
    QCOMPARE(kari.mentor.coordinatorId, QStringLiteral("coord-1"));
    QCOMPARE(kari.mentor.name, QStringLiteral("Kari Nordmann"));
    QCOMPARE(kari.mentor.email, QStringLiteral("kari@example.org"));
    QCOMPARE(kari.mentor.phone, QStringLiteral("+47 912 34 567"));

    const ImportedMentor &ola = parsed->at(1);
    QCOMPARE(ola.line, 3);
    QCOMPARE(ola.mentor.name, QStringLiteral("Nordmann, Ola"));
    QVERIFY(ola.mentor.coordinatorId.isEmpty());
    QVERIFY(ola.mentor.email.isEmpty());
    QVERIFY(ola.mentor.phone.isEmpty());

    // Values are trimmed.
    const ImportedMentor &ase = parsed->at(2);
    QCOMPARE(ase.line, 4);
    QCOMPARE(ase.mentor.id, QStringLiteral("pm_3"));
    QCOMPARE(ase.mentor.orgId, QStringLiteral("org-a"));
    QCOMPARE(ase.mentor.coordinatorId, QStringLiteral("coord-2"));
    QCOMPARE(ase.mentor.name, QStringLiteral("Åse Ødegård"));
    QCOMPARE(ase.mentor.phone, QStringLiteral("22 33 44 55"));
}

void TestCsvImport::mentorColumnsInAnyOrder_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("coordinatorId");
    QTest::addColumn<QString>("email");

    QTest::newRow("reversed") << utf8(
        "phone,email,name,coordinator_id,org_id,id\n555 123,k@example.org,Kari,c1,org-a,pm_1\n")
                              << QStringLiteral("c1") << QStringLiteral("k@example.org");
    QTest::newRow("only the required columns")
        << utf8("name,id,org_id\nKari,pm_1,org-a\n") << QString() << QString();
    QTest::newRow("header case and spaces")
        << utf8(" Name , ID,Org_Id ,EMAIL\nKari,pm_1,org-a,k@example.org\n") << QString()
        << QStringLiteral("k@example.org");
    QTest::newRow("quoted value") << utf8("coordinator_id,name,id,org_id\nc2,\"Kari\",pm_1,org-a\n")
                                  << QStringLiteral("c2") << QString();
}

void TestCsvImport::mentorColumnsInAnyOrder()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, coordinatorId);
    QFETCH(QString, email);

    const auto parsed = peerMentorsFromCsv(data);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->size(), 1);
    const PeerMentor &m = parsed->first().mentor;
    QCOMPARE(m.id, QStringLiteral("pm_1"));
    QCOMPARE(m.orgId, QStringLiteral("org-a"));
    QCOMPARE(m.name, QStringLiteral("Kari"));
    QCOMPARE(m.coordinatorId, coordinatorId);
    QCOMPARE(m.email, email);
    QCOMPARE(parsed->first().line, 2);
}

void TestCsvImport::mentorHeaderRefused_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QStringList>("mentioned");

    QTest::newRow("empty file") << QByteArray()
                                << QStringList{QStringLiteral("empty"), QStringLiteral("id,org_id")};
    QTest::newRow("blank lines only") << utf8("\n\r\n\n") << QStringList{QStringLiteral("empty")};
    QTest::newRow("missing org_id") << utf8("id,name\npm_1,Kari\n")
                                    << QStringList{QStringLiteral("Line 1"), QStringLiteral("org_id")};
    QTest::newRow("missing id and org_id")
        << utf8("name,email\nKari,k@example.org\n")
        << QStringList{QStringLiteral("Line 1"), QStringLiteral("id, org_id")};
    QTest::newRow("missing name") << utf8("id,org_id\npm_1,org-a\n")
                                  << QStringList{QStringLiteral("Line 1"), QStringLiteral("name")};
    QTest::newRow("unknown column") << utf8("id,org_id,name,age\npm_1,org-a,Kari,42\n")
                                    << QStringList{QStringLiteral("Line 1"), QStringLiteral("“age”")};
    QTest::newRow("empty column name") << utf8("id,org_id,name,\npm_1,org-a,Kari,\n")
                                       << QStringList{QStringLiteral("Line 1"), QStringLiteral("“”")};
    QTest::newRow("duplicate column")
        << utf8("id,org_id,name,name\npm_1,org-a,Kari,Ola\n")
        << QStringList{QStringLiteral("Line 1"), QStringLiteral("“name”"), QStringLiteral("twice")};
    QTest::newRow("header after blank lines is on its own line")
        << utf8("\n\nid,name\npm_1,Kari\n")
        << QStringList{QStringLiteral("Line 3"), QStringLiteral("org_id")};
    QTest::newRow("unclosed quote") << utf8("id,org_id,name\npm_1,org-a,\"Kari\n")
                                    << QStringList{QStringLiteral("Line 2"), QStringLiteral("never closed")};
}

void TestCsvImport::mentorHeaderRefused()
{
    QFETCH(QByteArray, data);
    QFETCH(QStringList, mentioned);

    const auto parsed = peerMentorsFromCsv(data);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Invalid);
    for (const QString &text : mentioned)
        QVERIFY2(parsed.error().message.contains(text),
                 qPrintable(parsed.error().message + QStringLiteral(" lacks ") + text));
}

void TestCsvImport::mentorFieldCount_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("fields");

    QTest::newRow("too few") << utf8("id,org_id,name\npm_1,org-a,Kari\npm_2,org-a\n") << 3 << 2;
    QTest::newRow("too many") << utf8("id,org_id,name\npm_1,org-a,Kari,extra\n") << 2 << 4;
    QTest::newRow("unquoted comma in a name")
        << utf8("id,org_id,name\npm_1,org-a,Nordmann, Kari\n") << 2 << 4;
    QTest::newRow("after a multi-line field")
        << utf8("id,org_id,name\npm_1,org-a,\"Kari\nNordmann\"\npm_2,org-a\n") << 4 << 2;
    QTest::newRow("after blank lines") << utf8("id,org_id,name\n\n\npm_2\n") << 4 << 1;
}

void TestCsvImport::mentorFieldCount()
{
    QFETCH(QByteArray, data);
    QFETCH(int, line);
    QFETCH(int, fields);

    const auto parsed = peerMentorsFromCsv(data);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Invalid);
    const QString expected =
        QStringLiteral("Line %1: %2 fields, but the header has 3.").arg(line).arg(fields);
    QCOMPARE(parsed.error().message, expected);
    QCOMPARE(parsed.error().fields.size(), 1);
    QCOMPARE(parsed.error().fields.first().line, line);
}

void TestCsvImport::mentorEveryBadLineIsNamed()
{
    const auto parsed = peerMentorsFromCsv(utf8("id,org_id,name\n"
                                                "pm_1,org-a\n"
                                                "pm_2,org-a,Kari\n"
                                                "pm_3\n"
                                                "pm_4,org-a,Ola,x,y\n"));
    QVERIFY(!parsed.ok());
    QList<int> lines;
    for (const FieldError &f : parsed.error().fields)
        lines << f.line;
    QCOMPARE(lines, (QList<int>{2, 4, 5}));
    QVERIFY(parsed.error().message.startsWith(QLatin1String("Line 2:")));
}

void TestCsvImport::mentorNulIsNamedByLine()
{
    static const char data[] = "id,org_id,name\npm_1,org-a,Kari\npm_2,org-a,O\0la\n";
    const auto parsed = peerMentorsFromCsv(QByteArray(data, sizeof(data) - 1));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Invalid);
    QCOMPARE(parsed.error().fields.size(), 1);
    QCOMPARE(parsed.error().fields.first().line, 3);
    QVERIFY2(parsed.error().message.startsWith(QLatin1String("Line 3: a field holds a NUL character")),
             qPrintable(parsed.error().message));
}

void TestCsvImport::mentorMissingColumnsAreMarked()
{
    const auto all =
        peerMentorsFromCsv(utf8("id,org_id,coordinator_id,name,email,phone\npm_1,org_a,c,N,,\n"));
    QVERIFY(all.ok());
    QVERIFY(all->first().hasCoordinator && all->first().hasEmail && all->first().hasPhone);
    const auto some = peerMentorsFromCsv(utf8("name;id;org_id;phone\nN;pm_1;org_a;+47 22\n"));
    QVERIFY2(some.ok(), some.ok() ? "" : qPrintable(some.error().message));
    QCOMPARE(some->first().mentor.phone, QStringLiteral("+47 22"));
    QVERIFY(some->first().hasPhone);
    QVERIFY(!some->first().hasEmail);
    QVERIFY(!some->first().hasCoordinator);
}

void TestCsvImport::encodingNames()
{
    QCOMPARE(textEncodingFromName(QStringLiteral("UTF-8")), TextEncoding::Utf8);
    QCOMPARE(textEncodingFromName(QStringLiteral("utf8")), TextEncoding::Utf8);
    QCOMPARE(textEncodingFromName(QStringLiteral("windows-1252")), TextEncoding::Windows1252);
    QCOMPARE(textEncodingFromName(QStringLiteral(" CP1252 ")), TextEncoding::Windows1252);
    QVERIFY(!textEncodingFromName(QStringLiteral("latin1")));
    QVERIFY(!textEncodingFromName(QString()));
}

void TestCsvImport::badUtf8NamesItsLine_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("line");
    QTest::newRow("windows-1252 ø on line 3") << utf8("id,name\npm_1,Kari\npm_2,S\xf8rensen\n") << 3;
    QTest::newRow("stray continuation byte") << utf8("\x80id\n") << 1;
    QTest::newRow("overlong slash") << utf8("a\nb\xc0\xaf\n") << 2;
    QTest::newRow("surrogate") << utf8("a\n\nb\xed\xa0\x80\n") << 3;
    QTest::newRow("above U+10FFFF") << utf8("\xf4\x90\x80\x80") << 1;
    QTest::newRow("cut short at the end") << utf8("a\nb\xc3") << 2;
    QTest::newRow("a line break inside a quoted field counts") << utf8("id,note\n1,\"one\ntwo \xe6\"\n") << 3;
}

void TestCsvImport::badUtf8NamesItsLine()
{
    QFETCH(QByteArray, data);
    QFETCH(int, line);
    const auto parsed = parseCsv(data);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Invalid);
    QVERIFY2(parsed.error().message.startsWith(QStringLiteral("Line %1 is not valid UTF-8").arg(line)),
             qPrintable(parsed.error().message));
    QVERIFY2(parsed.error().message.contains(QLatin1String("--encoding windows-1252")),
             qPrintable(parsed.error().message));
    // Valid sequences of every length pass.
    QVERIFY(parseCsv(utf8("\x7f \xc3\xa5 \xe2\x82\xac \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf")).ok());
}

void TestCsvImport::windows1252()
{
    // "Søren Ærø;€ – “ok”" as windows-1252 saves it, with a semicolon header.
    const QByteArray data("id;name;note\r\npm_1;S\xf8ren \xc6r\xf8;\x80 \x96 \x93ok\x94\r\n");
    QVERIFY(!parseCsv(data).ok()); // not UTF-8
    const auto parsed = parseCsv(data, TextEncoding::Windows1252);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->size(), 2);
    QCOMPARE(parsed->at(1).fields,
             (QStringList{QStringLiteral("pm_1"), QStringLiteral("Søren Ærø"), QStringLiteral("€ – “ok”")}));
    QVERIFY(!parsed->at(1).fields.join(QString()).contains(QChar(QChar::ReplacementCharacter)));
}

void TestCsvImport::windows1252UndefinedByte()
{
    const auto parsed = parseCsv(QByteArray("a\nb\n\x81\n"), TextEncoding::Windows1252);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.startsWith(QLatin1String("Line 3: the byte 0x81")),
             qPrintable(parsed.error().message));
}

QTEST_GUILESS_MAIN(TestCsvImport)
#include "tst_csvimport.moc"
