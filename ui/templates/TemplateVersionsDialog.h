#pragma once

#include "core/Caller.h"
#include "core/Templates.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace cc {

struct ConsoleServices;

// The version history of one template (who changed it, when, and how), the texts of a chosen
// version in both languages, and Restore for those who may change templates.
class TemplateVersionsDialog : public QDialog
{
    Q_OBJECT
public:
    // `unsavedChanges`: the editor holds changes that a restore would discard (the confirmation
    // says so).
    TemplateVersionsDialog(ConsoleServices &services, const Caller &caller, const QString &templateId,
                           bool unsavedChanges, QWidget *parent = nullptr);

    // The number of versions listed.
    int versionCount() const;
    // Selects the row of `version`; false when there is none.
    bool selectVersion(int version);

    // The translated word for a version's action ("update" → "Changed").
    static QString actionText(const QString &action);

signals:
    // A version was restored: `restored` is the template as it is now.
    void templateRestored(const cc::PayloadTemplate &restored);

private:
    void reload();
    void showSelected();
    void restoreSelected();
    const TemplateVersion *selected() const;

    ConsoleServices &m_services;
    Caller m_caller;
    QString m_templateId;
    bool m_unsavedChanges;
    QList<TemplateVersion> m_versions;
    QTreeWidget *m_list;
    QPlainTextEdit *m_text;
    QLabel *m_message;
    QPushButton *m_restore;
};

} // namespace cc
