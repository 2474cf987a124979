#pragma once

#include "core/Result.h"
#include "core/Templates.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace cc {

class TemplateParser;

// A problem of a template text, where it is and what is wrong, for an editor to show: `offset`
// and `length` are the extent of the offending tag in the QString (its `{{` up to and including
// its `}}`, or to the end of the line or the next `{{` when it is not closed; 0 long for an empty
// text), `line` and `column` the 1-based position of its `{{` as a person counts it, and `detail`
// the compiler's message without that position.
struct TemplateDiagnostic
{
    qsizetype offset = 0;
    qsizetype length = 0;
    int line = 1;
    int column = 1;
    QString detail;
    bool operator==(const TemplateDiagnostic &) const = default;
};

// A tag of a template text, `{{` to `}}` as the compiler reads it: a section tag opens or closes
// a section (`{{#…}}`, `{{^…}}`, `{{/…}}`), any other is a variable (or a form the compiler
// refuses, which diagnose() reports).
struct TemplateTag
{
    qsizetype offset = 0;
    qsizetype length = 0;
    bool section = false;
    bool operator==(const TemplateTag &) const = default;
};

// A template compiled once into a small program. Rendering walks the program and never fails:
// a value that is missing renders as empty text. The output is plain text; nothing is escaped.
// A default-constructed CompiledTemplate renders as empty text.
class CompiledTemplate
{
public:
    CompiledTemplate() = default;

    // `values` maps variable names to their text. A section `{{#name}}…{{/name}}` keeps its
    // content when the value is non-blank, `{{^name}}…{{/name}}` when it is empty or only
    // whitespace. Values are inserted as they are, never parsed as template text.
    QString render(const QHash<QString, QString> &values) const;

    // The variables the template refers to, each once, in the order they first appear.
    QStringList usedVariables() const;

private:
    friend class TemplateParser; // fills the program; lives in TemplateCompiler.cpp

    enum class OpKind : quint8
    {
        Text,          // append text
        Variable,      // append the value of text
        JumpIfBlank,   // `{{#name}}`: skip to jump when the value of text is blank
        JumpIfPresent, // `{{^name}}`: skip to jump when the value of text is not blank
    };
    struct Op
    {
        OpKind kind = OpKind::Text;
        QString text; // the literal text or the variable name
        int jump = 0; // for the jumps: the index of the op after the section
    };

    QList<Op> m_ops;
    qsizetype m_literalSize = 0; // the sum of the literal texts, to reserve the output
};

// Compiles the template language of pause notification payloads: a Mustache subset with
// `{{name}}`, `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`, sections nesting, whitespace inside
// the braces allowed (`{{ name }}`). Comments, partials, triple braces, `{{&name}}` and delimiter
// changes are not part of it.
//
// Problems carry the 1-based line and column of the offending `{{` (or line 1, column 1 for an
// empty text). Columns count Unicode code points, as a person counts characters; offsetOf() turns
// a line and column back into an index into the QString. Lines end at "\n", "\r\n" or "\r".
class TemplateCompiler
{
public:
    // The variables a template may use, in the order the editor offers them:
    // peer_mentor_name, date, reason, coordinator_name, organization_name.
    static const QStringList &variables();
    // The tag that inserts variable `name`: "{{name}}".
    static QString variableTag(const QString &name);

    // The program for `text`, or ErrorCode::Unprocessable with one FieldError per problem (all of
    // them, ordered by position), each naming `field` and saying where and what is wrong.
    static Result<CompiledTemplate> compile(const QString &text, const QString &field);

    // Only the problems of `text`, an empty list when it compiles. Cheap enough to call on every
    // keystroke: one pass over the text, no program is built.
    static QList<FieldError> check(const QString &text, const QString &field);

    // The problems of `text` as check() finds them, each with the extent of its tag: what an
    // editor underlines and lists. An empty list when it compiles.
    static QList<TemplateDiagnostic> diagnose(const QString &text);

    // The tags of `text` that are closed with `}}`, in order: what an editor colours.
    static QList<TemplateTag> tags(QStringView text);

    // The values to render with: `date` written as formatLongDate(v.date, locale, timeZone) ("20
    // March 2026" / "20. mars 2026"), the others as they are. A null date renders as empty.
    static QHash<QString, QString> values(const TemplateValues &v, const QString &locale,
                                          const QString &timeZone);

    // The index into `text` of the 1-based `line` and `column` a FieldError names, clamped to the
    // text (a column past the end of its line gives the end of that line; a line past the last
    // gives text.size()).
    static qsizetype offsetOf(const QString &text, int line, int column);
};

} // namespace cc
