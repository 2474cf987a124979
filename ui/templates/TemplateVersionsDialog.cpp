#include "ui/templates/TemplateVersionsDialog.h"

#include "core/Permissions.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cc {

namespace {

constexpr int kVersionRole = Qt::UserRole;

} // namespace

TemplateVersionsDialog::TemplateVersionsDialog(ConsoleServices &services, const Caller &caller,
                                               const QString &templateId, bool unsavedChanges,
                                               QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
    , m_templateId(templateId)
    , m_unsavedChanges(unsavedChanges)
{
    setObjectName(QStringLiteral("TemplateVersionsDialog"));
    setWindowTitle(tr("Versions of “%1”").arg(templateId));

    auto *listLabel = new QLabel(tr("&Versions, newest first:"), this);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("versionList"));
    m_list->setAccessibleName(tr("Versions"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels({tr("Version"), tr("What happened"), tr("Changed by"), tr("When")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    listLabel->setBuddy(m_list);

    auto *textLabel = new QLabel(tr("&Texts of the chosen version:"), this);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("versionText"));
    m_text->setAccessibleName(tr("Texts of the chosen version"));
    m_text->setReadOnly(true);
    m_text->setTabChangesFocus(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    textLabel->setBuddy(m_text);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("versionMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_restore = buttons->addButton(tr("&Restore this version…"), QDialogButtonBox::ActionRole);
    m_restore->setObjectName(QStringLiteral("restoreButton"));
    m_restore->setAccessibleName(tr("Restore this version"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restore, &QPushButton::clicked, this, &TemplateVersionsDialog::restoreSelected);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 2);
    layout->addWidget(textLabel);
    layout->addWidget(m_text, 3);
    if (!may(m_caller, Action::EditTemplates)) {
        auto *readOnly = new QLabel(tr("Only org admins can restore a version."), this);
        readOnly->setWordWrap(true);
        layout->addWidget(readOnly);
    }
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &TemplateVersionsDialog::showSelected);
    resize(760, 560);
    reload();
}

QString TemplateVersionsDialog::actionText(const QString &action)
{
    if (action == QLatin1String("original"))
        return tr("Original text");
    if (action == QLatin1String("create"))
        return tr("Created");
    if (action == QLatin1String("update"))
        return tr("Changed");
    if (action == QLatin1String("reset"))
        return tr("Reset to default");
    if (action == QLatin1String("restore"))
        return tr("Restored an earlier version");
    if (action == QLatin1String("delete"))
        return tr("Deleted");
    return action;
}

void TemplateVersionsDialog::reload()
{
    m_list->clear();
    auto versions = m_services.templates.versions(m_caller, m_templateId);
    if (!versions) {
        m_versions.clear();
        m_message->setText(ErrorMessages::text(versions.error()));
        m_message->setVisible(true);
        showSelected();
        return;
    }
    m_versions = *versions;
    for (const TemplateVersion &v : std::as_const(m_versions)) {
        auto *item = new QTreeWidgetItem(m_list,
                                         {QString::number(v.version), actionText(v.action), v.changedBy,
                                          DisplayText::dateTime(v.changedAt)});
        item->setData(0, kVersionRole, v.version);
    }
    if (m_versions.isEmpty()) {
        m_message->setText(tr("This template has not been changed yet: it is the built-in default."));
        m_message->setVisible(true);
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    showSelected();
}

int TemplateVersionsDialog::versionCount() const
{
    return int(m_versions.size());
}

bool TemplateVersionsDialog::selectVersion(int version)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, kVersionRole).toInt() == version) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

const TemplateVersion *TemplateVersionsDialog::selected() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return nullptr;
    const int version = item->data(0, kVersionRole).toInt();
    for (const TemplateVersion &v : m_versions)
        if (v.version == version)
            return &v;
    return nullptr;
}

void TemplateVersionsDialog::showSelected()
{
    const TemplateVersion *v = selected();
    m_restore->setEnabled(v && may(m_caller, Action::EditTemplates));
    if (!v) {
        m_text->clear();
        return;
    }
    m_text->setPlainText(tr("English\nTitle: %1\nBody: %2\n\nNorsk bokmål\nTitle: %3\nBody: %4")
                             .arg(v->en.title, v->en.body, v->nb.title, v->nb.body));
}

void TemplateVersionsDialog::restoreSelected()
{
    const TemplateVersion *v = selected();
    if (!v)
        return;
    const int version = v->version;
    QString detail =
        tr("The texts of version %1 become the template's texts. What it says now stays in the history.")
            .arg(version);
    if (m_unsavedChanges)
        detail =
            tr("The texts of version %1 become the template's texts. What it says now stays in the history. "
               "Your unsaved changes in the editor are discarded.")
                .arg(version);
    QMessageBox box(QMessageBox::Question, tr("Restore version %1?").arg(version),
                    tr("Restore version %1?").arg(version), QMessageBox::Cancel, this);
    box.setInformativeText(detail);
    QPushButton *yes = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
    box.setDefaultButton(yes);
    box.exec();
    if (box.clickedButton() != yes)
        return;
    auto restored = m_services.templates.restore(m_caller, m_templateId, version);
    if (!restored) {
        ErrorMessages::show(this, tr("The version could not be restored"), restored.error());
        return;
    }
    emit templateRestored(*restored);
    accept();
}

} // namespace cc
