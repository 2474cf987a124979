#pragma once

#include "core/Templates.h"
#include "ui/common/ConsolePage.h"

#include <QPointer>

class QDialog;
class QLabel;
class QLayout;
class QPushButton;
class QTimer;

namespace cc {

class TemplateEditor;
class TemplateList;
class TemplatePreview;
class TemplateVersionsDialog;

// The page of the notification templates: the list the caller sees (the four built-ins, whether
// they are changed, and custom ones), the TemplateEditor of the English and Norwegian texts, the
// TemplatePreview in both languages, save / revert / reset to default and the version history.
// Everything goes through TemplateService and PayloadService, the same calls the API answers
// with; coordinators read but cannot change.
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
    void buildUi();
    void buildHeading();
    QLayout *buildActions();
    void reloadList(const QString &selectId);
    void currentRowChanged(int row);
    void load(const PayloadTemplate &t);
    PayloadTemplate draft() const;
    void edited();
    void updatePreview();
    void updateActions();
    void updateHeading();
    void templateChanged(const QString &id, const QString &scope);
    bool canEdit() const;
    bool isOverriddenHere(const PayloadTemplate &t) const;

    QList<PayloadTemplate> m_templates; // as the list shows them
    PayloadTemplate m_loaded;           // as it is saved; the editors start from it
    bool m_hasLoaded = false;
    bool m_loading = false;          // filling the editors: no "edited"
    bool m_changedElsewhere = false; // saved by someone else while we edit
    int m_currentRow = -1;

    TemplateList *m_list = nullptr;
    TemplateEditor *m_editor = nullptr;
    TemplatePreview *m_preview = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_staleNotice = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_versions = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_delete = nullptr;
    QTimer *m_previewTimer = nullptr;
    QPointer<QDialog> m_versionsDialog; // a TemplateVersionsDialog
};

} // namespace cc
