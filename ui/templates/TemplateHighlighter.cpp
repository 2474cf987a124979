#include "ui/templates/TemplateHighlighter.h"

#include "core/TemplateCompiler.h"

#include <QRegularExpression>
#include <QTextDocument>
#include <QWidget>

namespace cc {

TemplateHighlighter::TemplateHighlighter(QTextDocument *document, QWidget *editor)
    : QSyntaxHighlighter(document)
    , m_editor(editor)
{}

int TemplateHighlighter::tagLength(const QString &text, int offset)
{
    if (offset < 0 || offset + 1 >= text.size() || text[offset] != u'{' || text[offset + 1] != u'{')
        return 0;
    qsizetype end = text.size();
    for (const QChar stop : {QChar(u'\n'), QChar(u'\r')}) {
        const qsizetype at = text.indexOf(stop, offset);
        if (at >= 0 && at < end)
            end = at;
    }
    const qsizetype next = text.indexOf(QStringLiteral("{{"), offset + 2);
    if (next >= 0 && next < end)
        end = next;
    const qsizetype close = text.indexOf(QStringLiteral("}}"), offset + 2);
    if (close >= 0 && close + 2 <= end)
        end = close + 2;
    return int(end - offset);
}

QColor TemplateHighlighter::problemColour(const QColor &base)
{
    // A red that keeps its contrast: deep on a light background, light on a dark one. There is
    // no palette role for "error", so this is the one colour the editor chooses itself.
    return base.lightness() < 128 ? QColor(0xff, 0x6e, 0x6e) : QColor(0xc0, 0x10, 0x10);
}

void TemplateHighlighter::setProblems(const QList<FieldError> &problems)
{
    const QString text = document()->toPlainText();
    QList<std::pair<int, int>> ranges;
    for (const FieldError &p : problems) {
        if (p.line <= 0 || p.column <= 0)
            continue;
        const int at = int(TemplateCompiler::offsetOf(text, p.line, p.column));
        const int length = tagLength(text, at);
        if (length > 0)
            ranges.append({at, length});
    }
    std::sort(ranges.begin(), ranges.end());
    if (ranges == m_ranges)
        return;
    m_ranges = ranges;
    rehighlight();
}

void TemplateHighlighter::highlightBlock(const QString &text)
{
    const QPalette palette = m_editor->palette();
    QColor tint = palette.color(QPalette::Highlight);
    tint.setAlpha(40);

    QTextCharFormat variable;
    variable.setForeground(palette.color(QPalette::Link));
    variable.setBackground(tint);
    QTextCharFormat section = variable;
    section.setFontWeight(QFont::Bold);

    static const QRegularExpression tag(QStringLiteral("\\{\\{\\s*([#^/]?)[^{}]*\\}\\}"));
    for (auto it = tag.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()),
                  m.capturedLength(1) > 0 ? section : variable);
    }

    const int blockStart = currentBlock().position();
    const int blockEnd = blockStart + int(text.size());
    const QColor wave = problemColour(palette.color(QPalette::Base));
    for (const auto &[at, length] : std::as_const(m_ranges)) {
        const int from = std::max(at, blockStart);
        const int to = std::min(at + length, blockEnd);
        for (int i = from; i < to; ++i) {
            QTextCharFormat f = format(i - blockStart);
            f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            f.setUnderlineColor(wave);
            setFormat(i - blockStart, 1, f);
        }
    }
}

} // namespace cc
