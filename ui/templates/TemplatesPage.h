#pragma once

#include "core/Templates.h"
#include "ui/common/ConsolePage.h"

#include <QPointer>

class QComboBox;
class QDialog;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextEdit;
class QTimer;

namespace cc {

class TemplateHighlighter;
class TemplateVersionsDialog;

// The page of the notification templates: the list the caller sees (the four built-ins, whether
// they are changed, and custom ones) and an editor for the English and Norwegian title and body,
// with buttons that insert placeholders, the compiler's problems at their position as one types,
// a live preview in both languages, save / revert / reset to default and the version history.
// Everything goes through TemplateService, the same calls the API answers with; coordinators
// read but cannot change.
class TemplatesPage : public ConsolePage
{
    Q_OBJECT
public:
    TemplatesPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void activated() override;

    // The id of the template in the editor (empty when none is).
    QString currentTemplateId() const;
    // Opens template `id` in the editor (asking about unsaved changes first); false when it is
    // not in the list or the switch was cancelled.
    bool selectTemplate(const QString &id);
    // True when the editors hold text that is not saved.
    bool hasUnsavedChanges() const;
    // Asks what to do with unsaved changes (save, discard or cancel); true when one may go on.
    bool maySwitchAway();
    bool mayClose() override { return maySwitchAway(); }
    // The version history dialog when it is open.
    TemplateVersionsDialog *versionsDialog() const;

public slots:
    bool save();
    void revert();
    void resetToDefault();
    void openVersions();
    void newTemplate();
    void deleteTemplate();

protected:
    void changeEvent(QEvent *event) override;

private:
    // The editors and the preview of one language.
    struct Language
    {
        QString locale; // "en" or "nb"
        QLineEdit *title = nullptr;
        QPlainTextEdit *body = nullptr;
        TemplateHighlighter *highlighter = nullptr;
        QTextEdit *preview = nullptr;
    };

    void buildUi();
    QWidget *buildEditor(Language &language, const QString &name);
    void reloadList(const QString &selectId);
    void currentRowChanged(int row);
    void load(const PayloadTemplate &t);
    PayloadTemplate draft() const;
    void edited();
    void updateProblems();
    void updatePreview();
    void updateActions();
    void updateHeading();
    void loadPreviewSources();
    void updatePreviewValues();
    void insertVariable(const QString &name);
    void goToProblem(int row);
    void templateChanged(const QString &id, const QString &scope);
    bool canEdit() const;
    bool isOverriddenHere(const PayloadTemplate &t) const;
    QString stateText(const PayloadTemplate &t) const;
    QString displayName(const PayloadTemplate &t) const;
    QWidget *insertTarget() const;

    QList<PayloadTemplate> m_templates; // as the list shows them
    PayloadTemplate m_loaded;           // as it is saved; the editors start from it
    bool m_hasLoaded = false;
    bool m_loading = false;          // filling the editors: no "edited"
    bool m_changedElsewhere = false; // saved by someone else while we edit
    int m_problemCount = 0;
    int m_currentRow = -1;
    TemplateValues m_previewValues;

    Language m_en;
    Language m_nb;
    QListWidget *m_list = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_staleNotice = nullptr;
    QLineEdit *m_description = nullptr;
    QTabWidget *m_languages = nullptr;
    QList<QPushButton *> m_insertButtons;
    QLabel *m_problemsLabel = nullptr;
    QListWidget *m_problems = nullptr;
    QComboBox *m_previewSource = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_versions = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_delete = nullptr;
    QTimer *m_previewTimer = nullptr;
    QPointer<QWidget> m_lastEditor;
    QPointer<QDialog> m_versionsDialog; // a TemplateVersionsDialog
};

} // namespace cc
