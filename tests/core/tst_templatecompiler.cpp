#include "core/TemplateCompiler.h"
#include "core/TimeText.h"

#include <QElapsedTimer>
#include <QTest>

using namespace cc;

using Values = QHash<QString, QString>;

namespace {

const QString englishPauseBody = QStringLiteral("{{peer_mentor_name}} has activated a pause effective "
                                                "{{date}}.{{#reason}} Reason: {{reason}}.{{/reason}}");

QDateTime utc(const QString &text)
{
    const auto parsed = parseTimestamp(text);
    return parsed ? *parsed : QDateTime();
}

TemplateValues kari()
{
    TemplateValues v;
    v.peerMentorId = QStringLiteral("pm_551e8400");
    v.peerMentorName = QStringLiteral("Kari Nordmann");
    v.date = utc(QStringLiteral("2026-03-20T00:00:00.000Z"));
    v.reason = QStringLiteral("Personal leave");
    v.coordinatorName = QStringLiteral("Ola Hansen");
    v.organisationName = QStringLiteral("Ås & Co");
    return v;
}

QString render(const QString &text, const Values &values)
{
    const auto compiled = TemplateCompiler::compile(text, QStringLiteral("body"));
    if (!compiled.ok())
        return QStringLiteral("<does not compile: ") + compiled.error().message + QLatin1Char('>');
    return compiled->render(values);
}

// "L:C:fragment" as the tables write an expected problem.
struct Expected
{
    int line = 0;
    int column = 0;
    QString fragment;
};

Expected expected(const QString &spec)
{
    const qsizetype first = spec.indexOf(QLatin1Char(':'));
    const qsizetype second = spec.indexOf(QLatin1Char(':'), first + 1);
    return Expected{spec.left(first).toInt(), spec.mid(first + 1, second - first - 1).toInt(),
                    spec.mid(second + 1)};
}

} // namespace

class TestTemplateCompiler : public QObject
{
    Q_OBJECT

private slots:
    void variables();

    void seedEnglish();
    void seedNorwegianDate();
    void seedNorwegianBody();
    void seedWithoutReason();

    void render_data();
    void render();
    void unicodeSurvives_data();
    void unicodeSurvives();
    void compileOnceRenderMany();
    void defaultConstructedRendersEmpty();
    void usedVariables();

    void valid_data();
    void valid();
    void problems_data();
    void problems();
    void exactMessages_data();
    void exactMessages();
    void compileError();
    void fieldNameCarried();
    void allProblemsOfALargeText();
    void manyUnfinishedTags();

    void values();
    void valuesAroundMidnight_data();
    void valuesAroundMidnight();

    void offsetOf_data();
    void offsetOf();

    void diagnoseValidText_data();
    void diagnoseValidText();
    void diagnose_data();
    void diagnose();
    void diagnoseAgreesWithCheck_data();
    void diagnoseAgreesWithCheck();
    void tags_data();
    void tags();
};

void TestTemplateCompiler::variables()
{
    QCOMPARE(
        TemplateCompiler::variables(),
        QStringList({QStringLiteral("peer_mentor_name"), QStringLiteral("date"), QStringLiteral("reason"),
                     QStringLiteral("coordinator_name"), QStringLiteral("organization_name")}));
}

void TestTemplateCompiler::seedEnglish()
{
    const auto compiled = TemplateCompiler::compile(englishPauseBody, QStringLiteral("body"));
    QVERIFY(compiled.ok());
    const Values values =
        TemplateCompiler::values(kari(), QStringLiteral("en"), QStringLiteral("Europe/Oslo"));
    QCOMPARE(compiled->render(values),
             QStringLiteral(
                 "Kari Nordmann has activated a pause effective 20 March 2026. Reason: Personal leave."));
}

void TestTemplateCompiler::seedNorwegianDate()
{
    const Values values =
        TemplateCompiler::values(kari(), QStringLiteral("nb"), QStringLiteral("Europe/Oslo"));
    QCOMPARE(values.value(QStringLiteral("date")), QStringLiteral("20. mars 2026"));
    QCOMPARE(::render(englishPauseBody, values),
             QStringLiteral(
                 "Kari Nordmann has activated a pause effective 20. mars 2026. Reason: Personal leave."));
}

void TestTemplateCompiler::seedNorwegianBody()
{
    const QString body = QStringLiteral(
        "{{peer_mentor_name}} har aktivert en pause fra {{date}}.{{#reason}} Årsak: {{reason}}.{{/reason}}");
    TemplateValues v = kari();
    v.reason = QStringLiteral("Permisjon");
    QCOMPARE(::render(body, TemplateCompiler::values(v, QStringLiteral("nb"), QStringLiteral("Europe/Oslo"))),
             QStringLiteral("Kari Nordmann har aktivert en pause fra 20. mars 2026. Årsak: Permisjon."));
}

void TestTemplateCompiler::seedWithoutReason()
{
    TemplateValues v = kari();
    v.reason.clear();
    QCOMPARE(::render(englishPauseBody,
                      TemplateCompiler::values(v, QStringLiteral("en"), QStringLiteral("Europe/Oslo"))),
             QStringLiteral("Kari Nordmann has activated a pause effective 20 March 2026."));
}

void TestTemplateCompiler::render_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Values>("values");
    QTest::addColumn<QString>("expected");

    const QString r = QStringLiteral("reason");
    const QString d = QStringLiteral("date");
    const QString n = QStringLiteral("peer_mentor_name");
    const Values both{{r, QStringLiteral("Sick")}, {d, QStringLiteral("1 May 2026")}};
    const Values reasonOnly{{r, QStringLiteral("Sick")}};
    const Values dateOnly{{d, QStringLiteral("1 May 2026")}};

    QTest::newRow("plain text") << QStringLiteral("No tags at all.") << Values()
                                << QStringLiteral("No tags at all.");
    QTest::newRow("variable") << QStringLiteral("Why: {{reason}}") << reasonOnly
                              << QStringLiteral("Why: Sick");
    QTest::newRow("variable with spaces")
        << QStringLiteral("Why: {{ reason }}") << reasonOnly << QStringLiteral("Why: Sick");
    QTest::newRow("variable with tab and newline")
        << QStringLiteral("Why: {{\treason\n}}") << reasonOnly << QStringLiteral("Why: Sick");
    QTest::newRow("missing value is empty")
        << QStringLiteral("[{{reason}}]") << Values() << QStringLiteral("[]");
    QTest::newRow("variable twice") << QStringLiteral("{{reason}}/{{reason}}") << reasonOnly
                                    << QStringLiteral("Sick/Sick");
    QTest::newRow("only a variable") << QStringLiteral("{{date}}") << dateOnly
                                     << QStringLiteral("1 May 2026");
    QTest::newRow("adjacent variables")
        << QStringLiteral("{{date}}{{reason}}") << both << QStringLiteral("1 May 2026Sick");
    QTest::newRow("all five variables") << QStringLiteral(
        "{{peer_mentor_name}}|{{date}}|{{reason}}|{{coordinator_name}}|{{organization_name}}")
                                        << Values{{n, QStringLiteral("A")},
                                                  {d, QStringLiteral("B")},
                                                  {r, QStringLiteral("C")},
                                                  {QStringLiteral("coordinator_name"), QStringLiteral("D")},
                                                  {QStringLiteral("organization_name"), QStringLiteral("E")}}
                                        << QStringLiteral("A|B|C|D|E");
    QTest::newRow("extra values ignored")
        << QStringLiteral("{{reason}}")
        << Values{{r, QStringLiteral("x")}, {QStringLiteral("foo"), QStringLiteral("y")}}
        << QStringLiteral("x");

    QTest::newRow("section kept") << QStringLiteral("a{{#reason}}b{{reason}}c{{/reason}}d") << reasonOnly
                                  << QStringLiteral("abSickcd");
    QTest::newRow("section dropped") << QStringLiteral("a{{#reason}}b{{reason}}c{{/reason}}d") << Values()
                                     << QStringLiteral("ad");
    QTest::newRow("section dropped on empty value")
        << QStringLiteral("a{{#reason}}b{{/reason}}d") << Values{{r, QString()}} << QStringLiteral("ad");
    QTest::newRow("section dropped on blank value")
        << QStringLiteral("a{{#reason}}b{{/reason}}d") << Values{{r, QStringLiteral(" \t\n")}}
        << QStringLiteral("ad");
    QTest::newRow("section tags with spaces")
        << QStringLiteral("a{{ # reason }}b{{ / reason }}d") << reasonOnly << QStringLiteral("abd");
    QTest::newRow("empty section") << QStringLiteral("a{{#reason}}{{/reason}}d") << reasonOnly
                                   << QStringLiteral("ad");
    QTest::newRow("inverted kept on missing") << QStringLiteral("{{^reason}}No reason given.{{/reason}}")
                                              << Values() << QStringLiteral("No reason given.");
    QTest::newRow("inverted kept on blank")
        << QStringLiteral("{{^reason}}No reason given.{{/reason}}") << Values{{r, QStringLiteral("  ")}}
        << QStringLiteral("No reason given.");
    QTest::newRow("inverted dropped")
        << QStringLiteral("{{^reason}}No reason given.{{/reason}}") << reasonOnly << QString();
    QTest::newRow("section and inverted")
        << QStringLiteral("{{#reason}}Reason: {{reason}}{{/reason}}{{^reason}}No reason{{/reason}}.")
        << Values() << QStringLiteral("No reason.");
    QTest::newRow("section and inverted, value set")
        << QStringLiteral("{{#reason}}Reason: {{reason}}{{/reason}}{{^reason}}No reason{{/reason}}.")
        << reasonOnly << QStringLiteral("Reason: Sick.");

    const QString nested = QStringLiteral("<{{#reason}}R{{#date}}D{{/date}}r{{/reason}}>");
    QTest::newRow("nested, both") << nested << both << QStringLiteral("<RDr>");
    QTest::newRow("nested, outer only") << nested << reasonOnly << QStringLiteral("<Rr>");
    QTest::newRow("nested, inner only") << nested << dateOnly << QStringLiteral("<>");
    QTest::newRow("nested, none") << nested << Values() << QStringLiteral("<>");
    const QString nestedInverted = QStringLiteral("<{{#reason}}R{{^date}}no date{{/date}}{{/reason}}>");
    QTest::newRow("inverted inside section") << nestedInverted << reasonOnly << QStringLiteral("<Rno date>");
    QTest::newRow("inverted inside section, date set") << nestedInverted << both << QStringLiteral("<R>");
    const QString sameName = QStringLiteral("{{#reason}}{{^reason}}never{{/reason}}x{{/reason}}");
    QTest::newRow("same variable nested in itself") << sameName << reasonOnly << QStringLiteral("x");
    QTest::newRow("same variable nested in itself, empty") << sameName << Values() << QString();
    QTest::newRow("three levels") << QStringLiteral(
        "{{#peer_mentor_name}}1{{#date}}2{{#reason}}3{{/reason}}2{{/date}}1{{/peer_mentor_name}}")
                                  << Values{{n, QStringLiteral("x")},
                                            {d, QStringLiteral("y")},
                                            {r, QStringLiteral("z")}}
                                  << QStringLiteral("12321");
    QTest::newRow("three levels, middle missing")
        << QStringLiteral(
               "{{#peer_mentor_name}}1{{#date}}2{{#reason}}3{{/reason}}2{{/date}}1{{/peer_mentor_name}}")
        << Values{{n, QStringLiteral("x")}, {r, QStringLiteral("z")}} << QStringLiteral("11");
    QTest::newRow("sections side by side")
        << QStringLiteral("{{#date}}D{{/date}}{{#reason}}R{{/reason}}{{^date}}d{{/date}}") << reasonOnly
        << QStringLiteral("Rd");

    QTest::newRow("nothing is escaped")
        << QStringLiteral("{{organization_name}} <b>\"{{reason}}\"</b> 'x' &amp;")
        << Values{{QStringLiteral("organization_name"), QStringLiteral("Ås & Co")},
                  {r, QStringLiteral("<script>alert('x')</script> & \"q\"")}}
        << QStringLiteral("Ås & Co <b>\"<script>alert('x')</script> & \"q\"\"</b> 'x' &amp;");
    QTest::newRow("values are not parsed as template")
        << QStringLiteral("{{reason}}") << Values{{r, QStringLiteral("{{date}} {{#x}} {{")}}
        << QStringLiteral("{{date}} {{#x}} {{");
    QTest::newRow("single braces are text")
        << QStringLiteral("{ reason } }} {x} }") << reasonOnly << QStringLiteral("{ reason } }} {x} }");
    QTest::newRow("line breaks kept") << QStringLiteral("Hei,\n\n{{reason}}\r\nHilsen\r") << reasonOnly
                                      << QStringLiteral("Hei,\n\nSick\r\nHilsen\r");
    QTest::newRow("section spanning lines")
        << QStringLiteral("A\n{{#reason}}\nReason: {{reason}}\n{{/reason}}\nB") << reasonOnly
        << QStringLiteral("A\n\nReason: Sick\n\nB");
}

void TestTemplateCompiler::render()
{
    QFETCH(QString, text);
    QFETCH(Values, values);
    QFETCH(QString, expected);
    QVERIFY2(TemplateCompiler::check(text, QStringLiteral("body")).isEmpty(), qPrintable(text));
    QCOMPARE(::render(text, values), expected);
}

void TestTemplateCompiler::unicodeSurvives_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("Norwegian letters") << QStringLiteral("Åse Ødegård");
    QTest::newRow("more Norwegian letters") << QStringLiteral("Bjørn Ærø");
    QTest::newRow("Sami") << QStringLiteral("Máret Áile Gaup-Čáhppes Ŋ");
    QTest::newRow("emoji") << QStringLiteral("Nora 👩🏽‍⚕️ 🏳️‍🌈");
    QTest::newRow("combining characters (NFD)") << QStringLiteral("A\u030Ase O\u0308yvind Zoe\u0308");
    QTest::newRow("right-to-left") << QStringLiteral("مريم");
    QTest::newRow("CJK") << QStringLiteral("山田 太郎");
    QTest::newRow("lone quote and ampersand") << QStringLiteral("O'Brien & \"Sons\" <x>");
}

void TestTemplateCompiler::unicodeSurvives()
{
    QFETCH(QString, name);
    TemplateValues v = kari();
    v.peerMentorName = name;
    const QString text = QStringLiteral("Hei 👋 {{peer_mentor_name}}! ({{organization_name}})");
    const QString rendered =
        ::render(text, TemplateCompiler::values(v, QStringLiteral("nb"), QStringLiteral("Europe/Oslo")));
    QCOMPARE(rendered, QString(QStringLiteral("Hei 👋 ") + name + QStringLiteral("! (Ås & Co)")));
    // Byte for byte, without normalisation.
    QCOMPARE(rendered.toUtf8(),
             QByteArray(QStringLiteral("Hei 👋 ").toUtf8() + name.toUtf8()
                        + QByteArrayLiteral("! (\xC3\x85s & Co)")));
}

void TestTemplateCompiler::compileOnceRenderMany()
{
    const auto compiled = TemplateCompiler::compile(englishPauseBody, QStringLiteral("body"));
    QVERIFY(compiled.ok());
    const CompiledTemplate copy = compiled.value();
    const QString n = QStringLiteral("peer_mentor_name");
    const QString d = QStringLiteral("date");
    const QString r = QStringLiteral("reason");
    QCOMPARE(copy.render({{n, QStringLiteral("A")}, {d, QStringLiteral("1 May")}}),
             QStringLiteral("A has activated a pause effective 1 May."));
    QCOMPARE(
        copy.render({{n, QStringLiteral("B")}, {d, QStringLiteral("2 May")}, {r, QStringLiteral("Trip")}}),
        QStringLiteral("B has activated a pause effective 2 May. Reason: Trip."));
    QCOMPARE(compiled->render({}), QStringLiteral(" has activated a pause effective ."));
}

void TestTemplateCompiler::defaultConstructedRendersEmpty()
{
    const CompiledTemplate empty;
    QCOMPARE(empty.render({{QStringLiteral("reason"), QStringLiteral("x")}}), QString());
    QVERIFY(empty.usedVariables().isEmpty());
}

void TestTemplateCompiler::usedVariables()
{
    const auto compiled =
        TemplateCompiler::compile(QStringLiteral("{{#reason}}{{date}}{{/reason}} {{peer_mentor_name}} "
                                                 "{{date}} {{^coordinator_name}}x{{/coordinator_name}}"),
                                  QStringLiteral("body"));
    QVERIFY(compiled.ok());
    QCOMPARE(compiled->usedVariables(),
             QStringList({QStringLiteral("reason"), QStringLiteral("date"),
                          QStringLiteral("peer_mentor_name"), QStringLiteral("coordinator_name")}));
}

void TestTemplateCompiler::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("seed body") << englishPauseBody;
    QTest::newRow("seed title") << QStringLiteral("Peer Mentor Pause – Coordinator Notice");
    QTest::newRow("one character") << QStringLiteral("x");
    QTest::newRow("whitespace around text") << QStringLiteral("  x  ");
    QTest::newRow("every variable") << QStringLiteral(
        "{{peer_mentor_name}}{{date}}{{reason}}{{coordinator_name}}{{organization_name}}");
    QTest::newRow("every variable as section") << QStringLiteral(
        "{{#peer_mentor_name}}{{/peer_mentor_name}}{{^date}}{{/date}}{{#reason}}{{/reason}}"
        "{{^coordinator_name}}{{/coordinator_name}}{{#organization_name}}{{/organization_name}}");
    QTest::newRow("spaces in tags") << QStringLiteral("{{  date  }} {{# reason }}{{ /reason }}");
    QTest::newRow("nested") << QStringLiteral(
        "{{#reason}}{{^date}}{{#reason}}x{{/reason}}{{/date}}{{/reason}}");
    QTest::newRow("stray closing braces") << QStringLiteral("}} }}} {{date}} }}");
    QTest::newRow("single opening brace") << QStringLiteral("{ {date} {");
}

void TestTemplateCompiler::valid()
{
    QFETCH(QString, text);
    QCOMPARE(TemplateCompiler::check(text, QStringLiteral("body")), QList<FieldError>());
    QVERIFY(TemplateCompiler::compile(text, QStringLiteral("body")).ok());
}

void TestTemplateCompiler::problems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("problems"); // "line:column:a fragment of the message"

    auto row = [](const char *name, const QString &text, const QStringList &problems) {
        QTest::newRow(name) << text << problems;
    };

    // empty
    row("empty", QString(), {QStringLiteral("1:1:must not be empty")});
    row("only whitespace", QStringLiteral("  \n\t\r\n "), {QStringLiteral("1:1:must not be empty")});

    // unknown variables
    row("unknown variable", QStringLiteral("Hello {{foo}}"), {QStringLiteral("1:7:unknown variable “foo”")});
    row("unknown variable with spaces", QStringLiteral("Hello {{ foo }}"),
        {QStringLiteral("1:7:unknown variable “foo”")});
    row("variable names are case sensitive", QStringLiteral("{{Date}}"),
        {QStringLiteral("1:1:unknown variable “Date”; did you mean “date”?")});
    row("British spelling", QStringLiteral("{{organisation_name}}"),
        {QStringLiteral("1:1:did you mean “organization_name”?")});
    row("camel case", QStringLiteral("{{peerMentorName}}"),
        {QStringLiteral("1:1:did you mean “peer_mentor_name”?")});
    row("short form", QStringLiteral("{{mentor_name}}"),
        {QStringLiteral("1:1:did you mean “peer_mentor_name”?")});
    row("Norwegian word", QStringLiteral("{{dato}}"), {QStringLiteral("1:1:did you mean “date”?")});
    row("variable with a space inside", QStringLiteral("{{peer mentor name}}"),
        {QStringLiteral("1:1:unknown variable “peer mentor name”")});
    row("unknown in section", QStringLiteral("{{#foo}}x{{/foo}}"),
        {QStringLiteral("1:1:unknown variable “foo”")});
    row("unknown in inverted section", QStringLiteral("ab{{^foo}}x{{/foo}}"),
        {QStringLiteral("1:3:unknown variable “foo”")});
    row("section without a name", QStringLiteral("{{#}}x{{/}}"),
        {QStringLiteral("1:1:“{{#}}” has no variable name")});
    row("inverted without a name", QStringLiteral("{{^ }}x{{/}}"),
        {QStringLiteral("1:1:“{{^}}” has no variable name")});

    // sections
    row("unclosed section", QStringLiteral("Hi{{#reason}} x"),
        {QStringLiteral("1:3:section “reason” is never closed; add “{{/reason}}”")});
    row("unclosed inverted section", QStringLiteral("{{^reason}} x"),
        {QStringLiteral("1:1:section “reason” is never closed")});
    row("two unclosed sections", QStringLiteral("{{#reason}}{{#date}}"),
        {QStringLiteral("1:1:section “reason” is never closed"),
         QStringLiteral("1:12:section “date” is never closed")});
    row("mismatched close", QStringLiteral("{{#reason}}x{{/date}}"),
        {QStringLiteral(
            "1:13:“{{/date}}” does not match the open section “{{#reason}}” at line 1, column 1")});
    row("mismatched close of inverted", QStringLiteral("{{^reason}}x{{/date}}"),
        {QStringLiteral("1:13:does not match the open section “{{^reason}}”")});
    row("typo in close is one problem", QStringLiteral("{{#reason}}\nx\n{{/resaon}}"),
        {QStringLiteral(
            "3:1:does not match the open section “{{#reason}}” at line 1, column 1; write “{{/reason}}”")});
    row("close without open", QStringLiteral("x {{/reason}}"),
        {QStringLiteral("1:3:“{{/reason}}” closes a section that was never opened")});
    row("close twice", QStringLiteral("{{#reason}}x{{/reason}}{{/reason}}"),
        {QStringLiteral("1:24:closes a section that was never opened")});
    row("empty close without open", QStringLiteral("{{/}}"),
        {QStringLiteral("1:1:“{{/}}” has no variable name")});
    row("empty close of a section", QStringLiteral("{{#date}}x{{/}}"),
        {QStringLiteral("1:1:section “date” is never closed"),
         QStringLiteral("1:11:“{{/}}” has no variable name; write “{{/date}}” to close “{{#date}}”")});
    row("inner section left open", QStringLiteral("{{#reason}}{{#date}}x{{/reason}}"),
        {QStringLiteral("1:12:section “date” is never closed; add “{{/date}}” before “{{/reason}}” at line "
                        "1, column 22")});
    row("crossed sections", QStringLiteral("{{#reason}}{{#date}}{{/reason}}{{/date}}"),
        {QStringLiteral("1:12:section “date” is never closed"),
         QStringLiteral("1:32:“{{/date}}” closes a section that was never opened")});

    // tags
    row("unterminated tag", QStringLiteral("Hi {{peer_mentor_name"),
        {QStringLiteral("1:4:“{{” is not closed with “}}”")});
    row("unterminated tag then a good one", QStringLiteral("{{date and {{reason}}"),
        {QStringLiteral("1:1:“{{” is not closed with “}}”")});
    row("unterminated tag then a bad one", QStringLiteral("{{date {{foo}}"),
        {QStringLiteral("1:1:is not closed"), QStringLiteral("1:8:unknown variable “foo”")});
    row("only an opening", QStringLiteral("{{"), {QStringLiteral("1:1:is not closed")});
    row("closing with one brace", QStringLiteral("{{date}"), {QStringLiteral("1:1:is not closed")});
    row("empty tag", QStringLiteral("a {{}}"), {QStringLiteral("1:3:empty tag “{{}}”")});
    row("blank tag", QStringLiteral("a {{  }}"), {QStringLiteral("1:3:empty tag")});
    row("comment", QStringLiteral("{{! note }}x"),
        {QStringLiteral("1:1:comments (“{{!…}}”) are not supported")});
    row("partial", QStringLiteral("x{{> footer}}"),
        {QStringLiteral("1:2:partials (“{{>…}}”) are not supported")});
    row("triple braces", QStringLiteral("{{{reason}}}"),
        {QStringLiteral("1:1:triple braces (“{{{…}}}”) are not supported; write “{{reason}}”")});
    row("ampersand", QStringLiteral("{{& reason}}"),
        {QStringLiteral("1:1:“{{&…}}” is not supported; write “{{reason}}”")});
    row("delimiter change", QStringLiteral("{{=<% %>=}}"), {QStringLiteral("1:1:changing the delimiters")});

    // positions
    row("line 2", QStringLiteral("Hello\n  {{foo}}"), {QStringLiteral("2:3:unknown variable “foo”")});
    row("line 3 after an empty line", QStringLiteral("Hello\n\nThere {{foo}}"),
        {QStringLiteral("3:7:unknown")});
    row("CRLF line ends", QStringLiteral("a\r\nb\r\n  {{foo}}"), {QStringLiteral("3:3:unknown")});
    row("CR line ends", QStringLiteral("a\rb\r{{foo}}"), {QStringLiteral("3:1:unknown")});
    row("tag spanning lines", QStringLiteral("a\n{{#reason\n}}\nb {{foo}}"),
        {QStringLiteral("2:1:section “reason” is never closed"),
         QStringLiteral("4:3:unknown variable “foo”")});
    row("emoji counts as one column", QStringLiteral("👋 {{foo}}"), {QStringLiteral("1:3:unknown")});
    row("emoji on an earlier line", QStringLiteral("👋👋\n👩🏽 {{foo}}"),
        {QStringLiteral("2:4:unknown")});
    row("Norwegian letters", QStringLiteral("Åse Ødegård: {{foo}}"), {QStringLiteral("1:14:unknown")});
    row("combining character is a code point", QStringLiteral("e\u0301 {{foo}}"),
        {QStringLiteral("1:4:unknown")});

    // many at once, ordered by position
    row("every problem reported",
        QStringLiteral("{{foo}} {{#reason}} {{bar}}\n{{/date}} {{}} {{! x }}\n{{#coordinator_name}}\n{{date"),
        {QStringLiteral("1:1:unknown variable “foo”"), QStringLiteral("1:21:unknown variable “bar”"),
         QStringLiteral("2:1:“{{/date}}” does not match the open section “{{#reason}}” at line 1, column 9"),
         QStringLiteral("2:11:empty tag"), QStringLiteral("2:16:comments"),
         QStringLiteral("3:1:section “coordinator_name” is never closed"),
         QStringLiteral("4:1:is not closed")});
    row("unclosed reported before a later problem", QStringLiteral("{{#reason}} {{foo}}"),
        {QStringLiteral("1:1:section “reason” is never closed"),
         QStringLiteral("1:13:unknown variable “foo”")});
    row("same problem twice", QStringLiteral("{{foo}}{{foo}}"),
        {QStringLiteral("1:1:unknown variable “foo”"), QStringLiteral("1:8:unknown variable “foo”")});
}

void TestTemplateCompiler::problems()
{
    QFETCH(QString, text);
    QFETCH(QStringList, problems);
    const QString field = QStringLiteral("body_template");

    const QList<FieldError> checked = TemplateCompiler::check(text, field);
    const auto compiled = TemplateCompiler::compile(text, field);
    QVERIFY(!compiled.ok());
    QCOMPARE(compiled.error().code, ErrorCode::Unprocessable);
    QCOMPARE(compiled.error().fields, checked);

    QCOMPARE(checked.size(), problems.size());
    for (qsizetype i = 0; i < problems.size(); ++i) {
        const Expected want = expected(problems.at(i));
        const FieldError &got = checked.at(i);
        QCOMPARE(got.field, field);
        QCOMPARE(got.line, want.line);
        QCOMPARE(got.column, want.column);
        QVERIFY2(got.message.contains(want.fragment), qPrintable(got.message));
        if (got.message != QStringLiteral("must not be empty")) {
            const QString prefix = QStringLiteral("line %1, column %2: ").arg(want.line).arg(want.column);
            QVERIFY2(got.message.startsWith(prefix), qPrintable(got.message));
            // The position points at the offending "{{".
            QCOMPARE(text.mid(TemplateCompiler::offsetOf(text, got.line, got.column), 2),
                     QStringLiteral("{{"));
        }
    }
}

void TestTemplateCompiler::exactMessages_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown") << QStringLiteral("Pause from {{foo}}")
                             << QStringLiteral("line 1, column 12: unknown variable “foo”");
    QTest::newRow("unknown with suggestion")
        << QStringLiteral("{{Reason}}")
        << QStringLiteral("line 1, column 1: unknown variable “Reason”; did you mean “reason”?");
    QTest::newRow("unclosed")
        << QStringLiteral("x\n{{#reason}}")
        << QStringLiteral(
               "line 2, column 1: section “reason” is never closed; add “{{/reason}}” where it ends");
    QTest::newRow("close without open")
        << QStringLiteral("{{/reason}}")
        << QStringLiteral("line 1, column 1: “{{/reason}}” closes a section that was never opened");
    QTest::newRow("unterminated") << QStringLiteral("{{date")
                                  << QStringLiteral("line 1, column 1: “{{” is not closed with “}}”");
    QTest::newRow("empty") << QStringLiteral(" ") << QStringLiteral("must not be empty");
    QTest::newRow("long name cut short")
        << QString(QStringLiteral("{{") + QString(100, QLatin1Char('x')) + QStringLiteral("}}"))
        << QString(QStringLiteral("line 1, column 1: unknown variable “") + QString(40, QLatin1Char('x'))
                   + QStringLiteral("…”"));
}

void TestTemplateCompiler::exactMessages()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const QList<FieldError> errors = TemplateCompiler::check(text, QStringLiteral("body"));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().message, message);
}

void TestTemplateCompiler::compileError()
{
    const auto one = TemplateCompiler::compile(QStringLiteral("Hi {{foo}}"), QStringLiteral("body"));
    QVERIFY(!one.ok());
    QCOMPARE(one.error().code, ErrorCode::Unprocessable);
    QCOMPARE(one.error().message,
             QStringLiteral("The template does not compile: body, line 1, column 4: unknown variable “foo”"));
    QCOMPARE(one.error().fields.size(), 1);

    const auto three = TemplateCompiler::compile(QStringLiteral("{{a}}{{b}}{{c}}"), QStringLiteral("title"));
    QVERIFY(!three.ok());
    QVERIFY(three.error().message.startsWith(
        QStringLiteral("The template does not compile: title, line 1, column 1")));
    QVERIFY(three.error().message.endsWith(QStringLiteral("(and 2 more problems)")));
    QCOMPARE(three.error().fields.size(), 3);

    const auto empty = TemplateCompiler::compile(QString(), QStringLiteral("title"));
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().message,
             QStringLiteral("The template does not compile: title, must not be empty"));
    QCOMPARE(
        empty.error().fields,
        QList<FieldError>({FieldError{QStringLiteral("title"), QStringLiteral("must not be empty"), 1, 1}}));
}

void TestTemplateCompiler::fieldNameCarried()
{
    for (const QString &field :
         {QStringLiteral("title"), QStringLiteral("body"), QStringLiteral("nb.body")}) {
        const QList<FieldError> errors = TemplateCompiler::check(QStringLiteral("{{x}} {{#y}}"), field);
        QCOMPARE(errors.size(), 3); // two unknown variables and an unclosed section
        for (const FieldError &e : errors)
            QCOMPARE(e.field, field);
    }
}

void TestTemplateCompiler::allProblemsOfALargeText()
{
    // About 64 KiB (the largest request body) of which every other tag is wrong.
    QString text;
    const int lines = 2000;
    for (int i = 0; i < lines; ++i)
        text += QStringLiteral("Linje %1 – Åse 👋 {{date}} {{foo}} {{#reason}}{{reason}}{{/reason}}\n").arg(i);
    QVERIFY(text.size() > 60'000);

    QElapsedTimer timer;
    timer.start();
    const QList<FieldError> errors = TemplateCompiler::check(text, QStringLiteral("body"));
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(errors.size(), lines);
    for (int i = 0; i < lines; ++i) {
        QCOMPARE(errors.at(i).line, i + 1);
        // Columns count code points: the emoji is one column but two UTF-16 units.
        const qsizetype before = QStringLiteral("Linje %1 – Åse 👋 {{date}} ").arg(i).size() - 1;
        QCOMPARE(errors.at(i).column, int(before) + 1);
    }
    QVERIFY2(elapsed < 2000, qPrintable(QStringLiteral("check took %1 ms").arg(elapsed)));

    text.replace(QStringLiteral("{{foo}}"), QStringLiteral("{{peer_mentor_name}}"));
    timer.restart();
    QVERIFY(TemplateCompiler::check(text, QStringLiteral("body")).isEmpty());
    QVERIFY(TemplateCompiler::compile(text, QStringLiteral("body")).ok());
    QVERIFY2(timer.elapsed() < 2000, "check and compile of a large valid text are slow");
}

void TestTemplateCompiler::manyUnfinishedTags()
{
    // No "}}" anywhere: every "{{" is a problem of its own, found in one pass.
    const int count = 20'000;
    QString text;
    for (int i = 0; i < count; ++i)
        text += QStringLiteral("{{a ");
    QElapsedTimer timer;
    timer.start();
    const QList<FieldError> errors = TemplateCompiler::check(text, QStringLiteral("body"));
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(errors.size(), count);
    QCOMPARE(errors.constLast().column, (count - 1) * 4 + 1);
    QVERIFY2(elapsed < 2000, qPrintable(QStringLiteral("check took %1 ms").arg(elapsed)));
}

void TestTemplateCompiler::values()
{
    const Values en = TemplateCompiler::values(kari(), QStringLiteral("en"), QStringLiteral("Europe/Oslo"));
    QCOMPARE(en.size(), TemplateCompiler::variables().size());
    for (const QString &name : TemplateCompiler::variables())
        QVERIFY2(en.contains(name), qPrintable(name));
    QCOMPARE(en.value(QStringLiteral("peer_mentor_name")), QStringLiteral("Kari Nordmann"));
    QCOMPARE(en.value(QStringLiteral("date")), QStringLiteral("20 March 2026"));
    QCOMPARE(en.value(QStringLiteral("reason")), QStringLiteral("Personal leave"));
    QCOMPARE(en.value(QStringLiteral("coordinator_name")), QStringLiteral("Ola Hansen"));
    QCOMPARE(en.value(QStringLiteral("organization_name")), QStringLiteral("Ås & Co"));

    const Values nb = TemplateCompiler::values(kari(), QStringLiteral("nb"), QStringLiteral("Europe/Oslo"));
    QCOMPARE(nb.value(QStringLiteral("date")), QStringLiteral("20. mars 2026"));

    TemplateValues noDate = kari();
    noDate.date = QDateTime();
    QCOMPARE(TemplateCompiler::values(noDate, QStringLiteral("en"), QStringLiteral("Europe/Oslo"))
                 .value(QStringLiteral("date")),
             QString());
    QCOMPARE(::render(QStringLiteral("{{^date}}no date{{/date}}"),
                      TemplateCompiler::values(noDate, QStringLiteral("en"), QStringLiteral("Europe/Oslo"))),
             QStringLiteral("no date"));
}

void TestTemplateCompiler::valuesAroundMidnight_data()
{
    QTest::addColumn<QString>("when");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("timeZone");
    QTest::addColumn<QString>("date");
    QTest::newRow("Oslo, already the next day")
        << QStringLiteral("2026-03-19T23:30:00Z") << QStringLiteral("en") << QStringLiteral("Europe/Oslo")
        << QStringLiteral("20 March 2026");
    QTest::newRow("UTC, still the day") << QStringLiteral("2026-03-19T23:30:00Z") << QStringLiteral("en")
                                        << QStringLiteral("UTC") << QStringLiteral("19 March 2026");
    QTest::newRow("New York, still the day")
        << QStringLiteral("2026-03-19T23:30:00Z") << QStringLiteral("nb")
        << QStringLiteral("America/New_York") << QStringLiteral("19. mars 2026");
    QTest::newRow("unknown zone falls back to Oslo")
        << QStringLiteral("2026-03-19T23:30:00Z") << QStringLiteral("en") << QStringLiteral("Nowhere/Special")
        << QStringLiteral("20 March 2026");
}

void TestTemplateCompiler::valuesAroundMidnight()
{
    QFETCH(QString, when);
    QFETCH(QString, locale);
    QFETCH(QString, timeZone);
    QFETCH(QString, date);
    TemplateValues v = kari();
    v.date = utc(when);
    QVERIFY(v.date.isValid());
    QCOMPARE(::render(QStringLiteral("{{date}}"), TemplateCompiler::values(v, locale, timeZone)), date);
}

void TestTemplateCompiler::offsetOf_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("offset");
    const QString text = QStringLiteral("ab\r\n👋c\nd\re");
    QTest::newRow("start") << text << 1 << 1 << 0;
    QTest::newRow("line 1, column 2") << text << 1 << 2 << 1;
    QTest::newRow("end of line 1") << text << 1 << 3 << 2;
    QTest::newRow("past end of line 1") << text << 1 << 9 << 2;
    QTest::newRow("line 2 start") << text << 2 << 1 << 4;
    QTest::newRow("after the emoji") << text << 2 << 2 << 6;
    QTest::newRow("line 3") << text << 3 << 1 << 8;
    QTest::newRow("line 4 after a lone CR") << text << 4 << 1 << 10;
    QTest::newRow("past the last line") << text << 9 << 1 << int(text.size());
    QTest::newRow("line 0 is line 1") << text << 0 << 2 << 1;
    QTest::newRow("empty text") << QString() << 1 << 1 << 0;
}

void TestTemplateCompiler::offsetOf()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, offset);
    QCOMPARE(TemplateCompiler::offsetOf(text, line, column), qsizetype(offset));
}

void TestTemplateCompiler::diagnoseValidText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("Hello");
    QTest::newRow("english pause body") << englishPauseBody;
    QTest::newRow("spaces in tags") << QStringLiteral("{{ peer_mentor_name }}{{# reason }}x{{/ reason }}");
    QTest::newRow("several lines") << QStringLiteral("a\n{{date}}\r\n{{^reason}}none{{/reason}}");
}

void TestTemplateCompiler::diagnoseValidText()
{
    QFETCH(QString, text);
    QCOMPARE(TemplateCompiler::diagnose(text), QList<TemplateDiagnostic>());
}

// Each problem as "offset+length@line:column detail".
void TestTemplateCompiler::diagnose_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("diagnostics");
    QTest::newRow("empty") << QString() << QStringList{QStringLiteral("0+0@1:1 must not be empty")};
    QTest::newRow("blank") << QStringLiteral(" \n ")
                           << QStringList{QStringLiteral("0+0@1:1 must not be empty")};
    QTest::newRow("unknown variable")
        << QStringLiteral("Hi {{nmae}}!") << QStringList{QStringLiteral(u"3+8@1:4 unknown variable “nmae”")};
    QTest::newRow("second line") << QStringLiteral("Hi\n  {{ date}} {{reasn}}")
                                 << QStringList{QStringLiteral(
                                        u"15+9@2:13 unknown variable “reasn”; did you mean “reason”?")};
    QTest::newRow("crlf and emoji") << QStringLiteral(u"a\r\n\U0001F600 {{x}}")
                                    << QStringList{QStringLiteral(u"6+5@2:3 unknown variable “x”")};
    QTest::newRow("not closed, to the end of the line")
        << QStringLiteral("{{date\nnext line")
        << QStringList{QStringLiteral(u"0+6@1:1 “{{” is not closed with “}}”")};
    QTest::newRow("not closed, to the next tag")
        << QStringLiteral("{{date {{reason}}")
        << QStringList{QStringLiteral(u"0+7@1:1 “{{” is not closed with “}}”")};
    QTest::newRow("several, in order")
        << QStringLiteral("{{#reason}}{{x}}\n{{!c}}")
        << QStringList{
               QStringLiteral(u"0+11@1:1 section “reason” is never closed; add “{{/reason}}” where it ends"),
               QStringLiteral(u"11+5@1:12 unknown variable “x”"),
               QStringLiteral(u"17+6@2:1 comments (“{{!…}}”) are not supported")};
    QTest::newRow("triple braces")
        << QStringLiteral("{{{date}}}")
        << QStringList{
               QStringLiteral(u"0+10@1:1 triple braces (“{{{…}}}”) are not supported; write “{{date}}”, "
                              u"the text is never escaped")};
}

void TestTemplateCompiler::diagnose()
{
    QFETCH(QString, text);
    QFETCH(QStringList, diagnostics);
    QStringList got;
    for (const TemplateDiagnostic &d : TemplateCompiler::diagnose(text))
        got << QStringLiteral("%1+%2@%3:%4 %5")
                   .arg(d.offset)
                   .arg(d.length)
                   .arg(d.line)
                   .arg(d.column)
                   .arg(d.detail);
    QCOMPARE(got, diagnostics);
}

void TestTemplateCompiler::diagnoseAgreesWithCheck_data()
{
    problems_data();
}

// The same problems as check(), at the same places, and the offset is where offsetOf() points.
void TestTemplateCompiler::diagnoseAgreesWithCheck()
{
    QFETCH(QString, text);
    const QList<FieldError> checked = TemplateCompiler::check(text, QStringLiteral("body"));
    const QList<TemplateDiagnostic> diagnosed = TemplateCompiler::diagnose(text);
    QCOMPARE(diagnosed.size(), checked.size());
    for (qsizetype i = 0; i < checked.size(); ++i) {
        const FieldError &f = checked.at(i);
        const TemplateDiagnostic &d = diagnosed.at(i);
        QCOMPARE(d.line, f.line);
        QCOMPARE(d.column, f.column);
        QCOMPARE(d.offset, TemplateCompiler::offsetOf(text, f.line, f.column));
        QVERIFY2(f.message.endsWith(d.detail), qPrintable(f.message));
        if (d.detail != QLatin1String("must not be empty")) {
            QCOMPARE(f.message, QStringLiteral("line %1, column %2: ").arg(d.line).arg(d.column) + d.detail);
            QVERIFY(d.length >= 2);
            QCOMPARE(text.mid(d.offset, 2), QStringLiteral("{{"));
        }
    }
}

// Each closed tag as "offset+length" and "s" for a section tag.
void TestTemplateCompiler::tags_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tags");
    QTest::newRow("none") << QStringLiteral("plain { text }") << QStringList();
    QTest::newRow("variables and sections") << QStringLiteral("{{a}} {{# b }}c{{^d}}{{/ b}}")
                                            << QStringList{QStringLiteral("0+5"), QStringLiteral("6+8s"),
                                                           QStringLiteral("15+6s"), QStringLiteral("21+7s")};
    QTest::newRow("unclosed tag is no tag")
        << QStringLiteral("{{a {{b}}") << QStringList{QStringLiteral("4+5")};
    QTest::newRow("triple braces") << QStringLiteral("x{{{a}}}") << QStringList{QStringLiteral("1+7")};
}

void TestTemplateCompiler::tags()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tags);
    QStringList got;
    for (const TemplateTag &t : TemplateCompiler::tags(text))
        got << QStringLiteral("%1+%2").arg(t.offset).arg(t.length)
                + (t.section ? QStringLiteral("s") : QString());
    QCOMPARE(got, tags);
}

QTEST_GUILESS_MAIN(TestTemplateCompiler)
#include "tst_templatecompiler.moc"
