#include "core/TemplateCompiler.h"

#include "core/TemplateSource.h"
#include "core/TimeText.h"

#include <QStringView>

#include <algorithm>
#include <optional>
#include <vector>

namespace cc {

namespace {

bool isBlank(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
}

// One tag as the lexer reads it, from its `{{` at `start`.
struct Lexeme
{
    qsizetype start = 0;
    qsizetype end = 0;   // past its `}}` (and a third brace); for a tag never closed, the next `{{`
    qsizetype next = -1; // the next `{{`, or -1
    bool closed = false;
    QStringView content; // between the braces, when closed
};

Lexeme lex(QStringView text, qsizetype start)
{
    Lexeme l;
    l.start = start;
    const qsizetype size = text.size();
    // Every search starts past the last one, so a text full of `{{` stays one pass.
    l.next = text.indexOf(u"{{", start + 2);
    const QStringView inside = text.mid(start + 2, (l.next < 0 ? size : l.next) - start - 2);
    const qsizetype length = inside.indexOf(u"}}");
    if (length < 0) {
        l.end = l.next < 0 ? size : l.next;
        return l;
    }
    l.closed = true;
    l.content = inside.left(length);
    l.end = start + 2 + length + 2;
    if (l.content.startsWith(u'{') && l.end < size && text[l.end] == u'}')
        ++l.end; // the third brace of `{{{name}}}`
    return l;
}

// The extent an editor marks for the tag at `start`: all of a closed tag; of one never closed,
// up to the end of its line or the next `{{`.
qsizetype extentOf(QStringView text, qsizetype start)
{
    const Lexeme l = lex(text, start);
    qsizetype end = l.end;
    if (!l.closed) {
        for (const char16_t stop : {u'\n', u'\r'}) {
            const qsizetype at = text.indexOf(QChar(stop), start);
            if (at >= 0 && at < end)
                end = at;
        }
    }
    return end - start;
}

struct OpenSection
{
    QString name;
    qsizetype at = 0; // index of its `{{`
    qsizetype op = 0; // index of its jump in the program
    bool inverted = false;
};

struct Problem
{
    qsizetype at = 0;
    QString message;
};

} // namespace

// One pass over the text. With a program to fill it compiles, without one it only checks.
class TemplateParser
{
public:
    TemplateParser(QStringView text, CompiledTemplate *program)
        : m_text(text)
        , m_program(program)
    {}

    // The problems, ordered by position.
    QList<Problem> run();
    const PositionMap &positions();
    // The problems as FieldErrors naming `field`, each message starting "line L, column C: ".
    QList<FieldError> fieldErrors(const QList<Problem> &problems, const QString &field);

private:
    void literal(qsizetype from, qsizetype to);
    void tag(qsizetype at, QStringView content);
    void openSection(qsizetype at, QChar sigil, QStringView name);
    void closeSection(qsizetype at, QStringView name);
    void variable(qsizetype at, QStringView name);
    bool known(qsizetype at, QStringView name);
    void problem(qsizetype at, const QString &message) { m_problems.append(Problem{at, message}); }
    QString where(qsizetype at);
    static QString openTag(const OpenSection &section);

    QStringView m_text;
    CompiledTemplate *m_program;
    std::vector<OpenSection> m_open;
    QList<Problem> m_problems;
    std::optional<PositionMap> m_positions;
};

const PositionMap &TemplateParser::positions()
{
    if (!m_positions)
        m_positions.emplace(m_text);
    return *m_positions;
}

QString TemplateParser::where(qsizetype at)
{
    const auto [line, column] = positions().at(at);
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

QString TemplateParser::openTag(const OpenSection &section)
{
    return QStringLiteral("{{") + (section.inverted ? QLatin1Char('^') : QLatin1Char('#'))
        + shown(section.name) + QStringLiteral("}}");
}

QList<Problem> TemplateParser::run()
{
    const qsizetype size = m_text.size();
    qsizetype pos = 0;
    qsizetype start = m_text.indexOf(u"{{");
    while (start >= 0) {
        literal(pos, start);
        const Lexeme l = lex(m_text, start);
        // No `}}` before the next `{{`: this tag was never finished. Report it and go on with the
        // next one, so that one missing brace does not hide the rest of the template.
        if (l.closed)
            tag(start, l.content.trimmed());
        else
            problem(start, QStringLiteral(u"“{{” is not closed with “}}”"));
        pos = l.end;
        start = l.next;
    }
    literal(pos, size);

    for (const OpenSection &section : m_open) {
        if (!section.name.isEmpty())
            problem(section.at,
                    QStringLiteral(u"section “%1” is never closed; add “{{/%1}}” where it ends")
                        .arg(shown(section.name)));
    }

    if (m_problems.isEmpty())
        return {};
    std::stable_sort(m_problems.begin(), m_problems.end(),
                     [](const Problem &a, const Problem &b) { return a.at < b.at; });
    return m_problems;
}

QList<FieldError> TemplateParser::fieldErrors(const QList<Problem> &problems, const QString &field)
{
    QList<FieldError> errors;
    errors.reserve(problems.size());
    for (const Problem &p : problems) {
        const auto [line, column] = positions().at(p.at);
        errors.append(FieldError{field, where(p.at) + QStringLiteral(": ") + p.message, line, column});
    }
    return errors;
}

void TemplateParser::literal(qsizetype from, qsizetype to)
{
    if (!m_program || to <= from)
        return;
    m_program->m_ops.append(
        CompiledTemplate::Op{CompiledTemplate::OpKind::Text, m_text.mid(from, to - from).toString(), 0});
    m_program->m_literalSize += to - from;
}

void TemplateParser::tag(qsizetype at, QStringView content)
{
    if (content.isEmpty()) {
        problem(at,
                QStringLiteral(u"empty tag “{{}}”; write a variable name between the braces, "
                               u"such as “{{peer_mentor_name}}”"));
        return;
    }
    const QChar sigil = content.front();
    const QStringView rest = content.mid(1).trimmed();
    switch (sigil.unicode()) {
    case u'#':
    case u'^':
        openSection(at, sigil, rest);
        return;
    case u'/':
        closeSection(at, rest);
        return;
    case u'!':
        problem(at, QStringLiteral(u"comments (“{{!…}}”) are not supported"));
        return;
    case u'>':
        problem(at, QStringLiteral(u"partials (“{{>…}}”) are not supported"));
        return;
    case u'=':
        problem(at, QStringLiteral(u"changing the delimiters (“{{=…=}}”) is not supported"));
        return;
    case u'{':
    case u'&': {
        const QString name = shown(sigil == u'{' && rest.endsWith(u'}') ? rest.chopped(1).trimmed() : rest);
        const QString form =
            sigil == u'{' ? QStringLiteral(u"triple braces (“{{{…}}}”) are") : QStringLiteral(u"“{{&…}}” is");
        problem(at,
                form
                    + QStringLiteral(u" not supported; write “{{%1}}”, the text is never escaped")
                          .arg(name.isEmpty() ? QStringLiteral("name") : name));
        return;
    }
    default:
        variable(at, content);
        return;
    }
}

bool TemplateParser::known(qsizetype at, QStringView name)
{
    if (TemplateCompiler::variables().contains(name))
        return true;
    QString message = QStringLiteral(u"unknown variable “%1”").arg(shown(name));
    const QString suggestion = suggestionFor(name);
    if (!suggestion.isEmpty())
        message += QStringLiteral(u"; did you mean “%1”?").arg(suggestion);
    problem(at, message);
    return false;
}

void TemplateParser::variable(qsizetype at, QStringView name)
{
    if (known(at, name) && m_program)
        m_program->m_ops.append(CompiledTemplate::Op{CompiledTemplate::OpKind::Variable, name.toString(), 0});
}

void TemplateParser::openSection(qsizetype at, QChar sigil, QStringView name)
{
    const bool inverted = sigil == u'^';
    if (name.isEmpty())
        problem(
            at,
            QStringLiteral(u"“{{%1}}” has no variable name; write one, such as “{{%1reason}}”").arg(sigil));
    else
        known(at, name);
    qsizetype op = 0;
    if (m_program) {
        op = m_program->m_ops.size();
        m_program->m_ops.append(CompiledTemplate::Op{inverted ? CompiledTemplate::OpKind::JumpIfPresent
                                                              : CompiledTemplate::OpKind::JumpIfBlank,
                                                     name.toString(), 0});
    }
    m_open.push_back(OpenSection{name.toString(), at, op, inverted});
}

void TemplateParser::closeSection(qsizetype at, QStringView name)
{
    const QString closeTag = QStringLiteral("{{/") + shown(name) + QStringLiteral("}}");
    if (m_open.empty()) {
        if (name.isEmpty())
            problem(at, QStringLiteral(u"“{{/}}” has no variable name and closes nothing"));
        else
            problem(at, QStringLiteral(u"“%1” closes a section that was never opened").arg(closeTag));
        return;
    }
    const auto match =
        std::find_if(m_open.rbegin(), m_open.rend(), [&](const OpenSection &s) { return s.name == name; });
    if (match == m_open.rend()) {
        if (name.isEmpty()) {
            problem(at,
                    QStringLiteral(u"“{{/}}” has no variable name; write “{{/%1}}” to close “%2”")
                        .arg(shown(m_open.back().name), openTag(m_open.back())));
            return;
        }
        // A typo in the name, most likely: report it once and let it close the innermost section.
        problem(
            at,
            QStringLiteral(u"“%1” does not match the open section “%2” at %3; write “{{/%4}}”")
                .arg(closeTag, openTag(m_open.back()), where(m_open.back().at), shown(m_open.back().name)));
        m_open.pop_back();
        return;
    }
    // Sections opened inside the one being closed, and not closed themselves.
    const auto matchIndex = std::distance(match, m_open.rend()) - 1;
    while (qsizetype(m_open.size()) - 1 > matchIndex) {
        const OpenSection &inner = m_open.back();
        if (!inner.name.isEmpty())
            problem(inner.at,
                    QStringLiteral(u"section “%1” is never closed; add “{{/%1}}” before “%2” at %3")
                        .arg(shown(inner.name), closeTag, where(at)));
        m_open.pop_back();
    }
    if (m_program)
        m_program->m_ops[m_open.back().op].jump = int(m_program->m_ops.size());
    m_open.pop_back();
}

QString CompiledTemplate::render(const QHash<QString, QString> &values) const
{
    QString out;
    out.reserve(m_literalSize + 64);
    const qsizetype count = m_ops.size();
    qsizetype i = 0;
    while (i < count) {
        const Op &op = m_ops.at(i);
        if (op.kind == OpKind::Text) {
            out += op.text;
            ++i;
            continue;
        }
        const auto found = values.constFind(op.text);
        const QStringView value = found == values.cend() ? QStringView() : QStringView(*found);
        switch (op.kind) {
        case OpKind::Text:
            break;
        case OpKind::Variable:
            out += value;
            ++i;
            break;
        case OpKind::JumpIfBlank:
            i = isBlank(value) ? op.jump : i + 1;
            break;
        case OpKind::JumpIfPresent:
            i = isBlank(value) ? i + 1 : op.jump;
            break;
        }
    }
    return out;
}

QStringList CompiledTemplate::usedVariables() const
{
    QStringList names;
    for (const Op &op : m_ops) {
        if (op.kind != OpKind::Text && !names.contains(op.text))
            names.append(op.text);
    }
    return names;
}

const QStringList &TemplateCompiler::variables()
{
    static const QStringList names{
        QStringLiteral("peer_mentor_name"),
        QStringLiteral("date"),
        QStringLiteral("reason"),
        QStringLiteral("coordinator_name"),
        QStringLiteral("organization_name"),
    };
    return names;
}

QString TemplateCompiler::variableTag(const QString &name)
{
    return QStringLiteral("{{") + name + QStringLiteral("}}");
}

QList<FieldError> TemplateCompiler::check(const QString &text, const QString &field)
{
    if (isBlank(text))
        return {FieldError{field, QStringLiteral("must not be empty"), 1, 1}};
    TemplateParser parser(text, nullptr);
    return parser.fieldErrors(parser.run(), field);
}

QList<TemplateDiagnostic> TemplateCompiler::diagnose(const QString &text)
{
    if (isBlank(text))
        return {TemplateDiagnostic{0, 0, 1, 1, QStringLiteral("must not be empty")}};
    TemplateParser parser(text, nullptr);
    const QList<Problem> problems = parser.run();
    QList<TemplateDiagnostic> out;
    out.reserve(problems.size());
    for (const Problem &p : problems) {
        const auto [line, column] = parser.positions().at(p.at);
        out.append(TemplateDiagnostic{p.at, extentOf(text, p.at), line, column, p.message});
    }
    return out;
}

QList<TemplateTag> TemplateCompiler::tags(QStringView text)
{
    QList<TemplateTag> out;
    qsizetype start = text.indexOf(u"{{");
    while (start >= 0) {
        const Lexeme l = lex(text, start);
        if (l.closed) {
            const QStringView content = l.content.trimmed();
            const bool section = !content.isEmpty()
                && (content.front() == u'#' || content.front() == u'^' || content.front() == u'/');
            out.append(TemplateTag{start, l.end - start, section});
        }
        start = l.next;
    }
    return out;
}

Result<CompiledTemplate> TemplateCompiler::compile(const QString &text, const QString &field)
{
    QList<FieldError> errors;
    CompiledTemplate program;
    if (isBlank(text)) {
        errors.append(FieldError{field, QStringLiteral("must not be empty"), 1, 1});
    } else {
        TemplateParser parser(text, &program);
        errors = parser.fieldErrors(parser.run(), field);
    }
    if (errors.isEmpty())
        return program;

    QString message = QStringLiteral("The template does not compile: ");
    if (!field.isEmpty())
        message += field + QStringLiteral(", ");
    message += errors.constFirst().message;
    if (errors.size() == 2)
        message += QStringLiteral(" (and 1 more problem)");
    else if (errors.size() > 2)
        message += QStringLiteral(" (and %1 more problems)").arg(errors.size() - 1);
    return Error{ErrorCode::Unprocessable, message, errors, 0};
}

QHash<QString, QString> TemplateCompiler::values(const TemplateValues &v, const QString &locale,
                                                 const QString &timeZone)
{
    return {
        {QStringLiteral("peer_mentor_name"), v.peerMentorName},
        {QStringLiteral("date"), formatLongDate(v.date, locale, timeZone)},
        {QStringLiteral("reason"), v.reason},
        {QStringLiteral("coordinator_name"), v.coordinatorName},
        {QStringLiteral("organization_name"), v.organisationName},
    };
}

qsizetype TemplateCompiler::offsetOf(const QString &text, int line, int column)
{
    const qsizetype size = text.size();
    qsizetype i = 0;
    for (int current = 1; current < line; ++current) {
        while (i < size && text[i] != u'\n' && text[i] != u'\r')
            ++i;
        if (i >= size)
            return size;
        if (text[i] == u'\r' && i + 1 < size && text[i + 1] == u'\n')
            ++i;
        ++i;
    }
    for (int current = 1; current < column && i < size && text[i] != u'\n' && text[i] != u'\r'; ++current) {
        if (text[i].isHighSurrogate() && i + 1 < size && text[i + 1].isLowSurrogate())
            ++i;
        ++i;
    }
    return i;
}

} // namespace cc
