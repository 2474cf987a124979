#include "ui/templates/TemplateHighlighter.h"

#include <QTextDocument>
#include <QWidget>

namespace cc {

TemplateHighlighter::TemplateHighlighter(QTextDocument *document, QWidget *editor)
    : QSyntaxHighlighter(document)
    , m_editor(editor)
{}

QColor TemplateHighlighter::problemColour(const QColor &base)
{
    // A red that keeps its contrast: deep on a light background, light on a dark one. There is
    // no palette role for "error", so this is the one colour the editor chooses itself.
    return base.lightness() < 128 ? QColor(0xff, 0x6e, 0x6e) : QColor(0xc0, 0x10, 0x10);
}

void TemplateHighlighter::setProblems(const QList<TemplateDiagnostic> &problems)
{
    QList<std::pair<int, int>> ranges;
    for (const TemplateDiagnostic &p : problems) {
        if (p.length > 0)
            ranges.append({int(p.offset), int(p.length)});
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

    for (const TemplateTag &tag : TemplateCompiler::tags(text))
        setFormat(int(tag.offset), int(tag.length), tag.section ? section : variable);

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
