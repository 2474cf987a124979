#pragma once

#include "core/Templates.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace cc {

class TemplateHighlighter;

// The editor of a template's texts: the description, buttons that insert placeholders, the
// English and Norwegian title and body (tags coloured, problems underlined) and the compiler's
// problems at their position as one types (Enter on one goes there). The words of the problems
// are the compiler's (TemplateCompiler::diagnose); the editor only says where they are.
class TemplateEditor : public QWidget
{
    Q_OBJECT
public:
    // `editable` false: every field is read-only and nothing can be inserted.
    explicit TemplateEditor(bool editable, QWidget *parent = nullptr);

    // Fills the fields with `t`'s texts without emitting edited().
    void setTexts(const PayloadTemplate &t);
    // `base` with the description and the texts of the fields.
    PayloadTemplate draft(const PayloadTemplate &base) const;
    // Lists the problems of the texts now in the fields.
    void updateProblems();
    int problemCount() const { return m_problemCount; }
    void setInsertEnabled(bool enabled);
    // Colours the bodies again (after a palette or style change).
    void rehighlight();

signals:
    // A field changed by the user.
    void edited();

private:
    // The editors of one language.
    struct Language
    {
        QString locale;
        QLineEdit *title = nullptr;
        QPlainTextEdit *body = nullptr;
        TemplateHighlighter *highlighter = nullptr;
    };

    QWidget *buildLanguage(Language &language, const QString &name);
    QLayout *buildInsertRow();
    void changed();
    int listProblems(const Language &language, bool isTitle);
    void goToProblem(int row);
    void insertVariable(const QString &name);
    QWidget *insertTarget() const;

    bool m_editable = false;
    bool m_loading = false;
    int m_problemCount = 0;
    Language m_en;
    Language m_nb;
    QLineEdit *m_description = nullptr;
    QTabWidget *m_languages = nullptr;
    QList<QPushButton *> m_insertButtons;
    QLabel *m_problemsLabel = nullptr;
    QListWidget *m_problems = nullptr;
    QPointer<QWidget> m_lastEditor;
};

} // namespace cc
