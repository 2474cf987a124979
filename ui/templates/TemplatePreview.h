#pragma once

#include "core/Caller.h"
#include "core/Templates.h"

#include <QWidget>

class QComboBox;
class QTextEdit;

namespace cc {

struct ConsoleServices;

// The live preview of a template, English and Norwegian side by side, rendered with the sample
// values or with the values of a peer mentor the caller chooses: the values the API renders the
// saved template with (PayloadService::valuesFor), applied to the texts being edited
// (PayloadService::preview).
class TemplatePreview : public QWidget
{
    Q_OBJECT
public:
    TemplatePreview(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    // Fills the list of mentors to preview with again (keeping the one chosen when it is still
    // there).
    void loadSources();
    // The template whose values are previewed; empty for none.
    void setTemplateId(const QString &id);
    // Renders `draft` in both languages with the chosen values.
    void render(const PayloadTemplate &draft);

signals:
    // Other values were chosen: render again.
    void valuesChanged();
    void statusMessage(const QString &message);

private:
    void updateValues();
    void renderInto(QTextEdit *view, const PayloadTemplate &draft, const QString &locale);

    ConsoleServices &m_services;
    Caller m_caller;
    QString m_templateId;
    TemplateValues m_values;
    QComboBox *m_source = nullptr;
    QTextEdit *m_english = nullptr;
    QTextEdit *m_norwegian = nullptr;
};

} // namespace cc
