#pragma once

#include "core/TemplateCompiler.h"

#include <QList>
#include <QSyntaxHighlighter>

#include <utility>

class QWidget;

namespace cc {

// Colours the tags of a template text, as TemplateCompiler::tags() finds them: `{{variable}}` in the
// palette's link colour on a light tint of its highlight colour, section tags (`{{#…}}`, `{{^…}}`, `{{/…}}`)
// the same and bold, and the compiler's problems with a wavy red underline over the tag they point at.
// Colours come from the palette of the editor it serves, so dark and high-contrast themes stay readable.
class TemplateHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    // `editor` is the widget that shows `document` (its palette gives the colours).
    TemplateHighlighter(QTextDocument *document, QWidget *editor);

    // The problems TemplateCompiler::diagnose() found in the document's text. Rehighlights only
    // when the underlined ranges change, so it is cheap to call on every keystroke.
    void setProblems(const QList<TemplateDiagnostic> &problems);
    // The underlined ranges as (document position, length), ordered by position.
    const QList<std::pair<int, int>> &problemRanges() const { return m_ranges; }

    // The colour of a problem's underline that reads on `base` (a dark or a light background).
    static QColor problemColour(const QColor &base);

protected:
    void highlightBlock(const QString &text) override;

private:
    QWidget *m_editor;
    QList<std::pair<int, int>> m_ranges;
};

} // namespace cc
