#include "ui/templates/TemplatesPage.h"

#include "core/BuiltinTemplates.h"
#include "core/Permissions.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/Icons.h"
#include "ui/templates/NewTemplateDialog.h"
#include "ui/templates/TemplateEditor.h"
#include "ui/templates/TemplateList.h"
#include "ui/templates/TemplatePreview.h"
#include "ui/templates/TemplateVersionsDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace cc {

namespace {

constexpr int kPreviewDelayMs = 150;

} // namespace

TemplatesPage::TemplatesPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
{
    setObjectName(QStringLiteral("TemplatesPage"));
    buildUi();

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &TemplatesPage::updatePreview);

    // Changes may come from the API's thread: handle them on ours, after the call that made them.
    connect(&services.templates, &TemplateService::templateChanged, this, &TemplatesPage::templateChanged,
            Qt::QueuedConnection);
    connect(&services.directory, &DirectoryService::directoryChanged, m_preview,
            &TemplatePreview::loadSources, Qt::QueuedConnection);

    m_preview->loadSources();
    reloadList(QString());
}

QString TemplatesPage::title() const
{
    return tr("Templates");
}

QIcon TemplatesPage::icon() const
{
    return Icons::glyph(Icons::Glyph::Templates);
}

bool TemplatesPage::canEdit() const
{
    return may(caller(), Action::EditTemplates);
}

// ---- building --------------------------------------------------------------------------------

void TemplatesPage::buildHeading()
{
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("templateHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    m_heading->setFont(headingFont);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("templateState"));
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("readOnlyNotice"));
    m_notice->setWordWrap(true);
    if (!canEdit())
        m_notice->setText(tr("You can read the templates, but only org admins can change them. Your role is "
                             "coordinator, so the editors are read-only."));
    else if (caller().isGlobalAdmin())
        m_notice->setText(tr("You change the global defaults: every organisation that has not changed a "
                             "template itself gets your text."));
    else
        m_notice->setText(tr("Your changes apply to your organisation only. Reset to default brings the "
                             "built-in text back."));
    m_staleNotice = new QLabel(this);
    m_staleNotice->setObjectName(QStringLiteral("changedElsewhereNotice"));
    m_staleNotice->setWordWrap(true);
    m_staleNotice->setText(
        tr("Someone else saved this template while you were editing it. Saving would fail: "
           "copy what you need, then revert to see their text."));
    m_staleNotice->setVisible(false);
}

void TemplatesPage::buildUi()
{
    m_list = new TemplateList(this);
    connect(m_list, &TemplateList::currentRowChanged, this, &TemplatesPage::currentRowChanged);
    buildHeading();
    m_editor = new TemplateEditor(canEdit(), this);
    connect(m_editor, &TemplateEditor::edited, this, &TemplatesPage::edited);

    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_heading);
    editorLayout->addWidget(m_state);
    editorLayout->addWidget(m_notice);
    editorLayout->addWidget(m_staleNotice);
    editorLayout->addWidget(m_editor, 1);

    m_preview = new TemplatePreview(services(), caller(), this);
    connect(m_preview, &TemplatePreview::valuesChanged, this, &TemplatesPage::updatePreview);
    connect(m_preview, &TemplatePreview::statusMessage, this, &ConsolePage::statusMessage);

    auto *rightSplitter = new QSplitter(Qt::Vertical, this);
    rightSplitter->setObjectName(QStringLiteral("templateEditorSplitter"));
    rightSplitter->setChildrenCollapsible(false);
    rightSplitter->addWidget(editorPane);
    rightSplitter->addWidget(m_preview);
    rightSplitter->setStretchFactor(0, 3);
    rightSplitter->setStretchFactor(1, 2);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("templatesSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_list);
    splitter->addWidget(rightSplitter);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    const int charWidth = fontMetrics().averageCharWidth();
    splitter->setSizes({charWidth * 30, charWidth * 110});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(buildActions());
}

QLayout *TemplatesPage::buildActions()
{
    const auto button = [this](const QString &text, const QString &objectName, const QString &accessible) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(objectName);
        b->setAccessibleName(accessible);
        b->setAutoDefault(false);
        return b;
    };
    m_new = button(tr("New templ&ate…"), QStringLiteral("newTemplateButton"), tr("New template"));
    m_delete = button(tr("De&lete…"), QStringLiteral("deleteTemplateButton"), tr("Delete the template"));
    m_versions = button(tr("&Versions…"), QStringLiteral("versionsButton"), tr("Versions"));
    m_reset = button(tr("Reset to defa&ult…"), QStringLiteral("resetButton"), tr("Reset to default"));
    m_revert = button(tr("&Revert"), QStringLiteral("revertButton"), tr("Revert"));
    m_save = button(tr("&Save"), QStringLiteral("saveButton"), tr("Save"));
    m_save->setToolTip(tr("Saves the template (%1).")
                           .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_revert->setToolTip(tr("Discards the changes that are not saved."));
    m_reset->setToolTip(tr("Brings the built-in text back; the current one stays in the version history."));
    m_delete->setVisible(caller().isGlobalAdmin());
    connect(m_new, &QPushButton::clicked, this, &TemplatesPage::newTemplate);
    connect(m_delete, &QPushButton::clicked, this, &TemplatesPage::deleteTemplate);
    connect(m_versions, &QPushButton::clicked, this, &TemplatesPage::openVersions);
    connect(m_reset, &QPushButton::clicked, this, &TemplatesPage::resetToDefault);
    connect(m_revert, &QPushButton::clicked, this, &TemplatesPage::revert);
    connect(m_save, &QPushButton::clicked, this, &TemplatesPage::save);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        if (m_save->isEnabled())
            save();
    });

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_new);
    actions->addWidget(m_delete);
    actions->addStretch(1);
    actions->addWidget(m_versions);
    actions->addWidget(m_reset);
    actions->addWidget(m_revert);
    actions->addWidget(m_save);
    return actions;
}

// ---- the list --------------------------------------------------------------------------------

bool TemplatesPage::isOverriddenHere(const PayloadTemplate &t) const
{
    const QString myScope = caller().isGlobalAdmin() ? QString() : caller().orgId;
    return builtinTemplate(t.id) && t.version > 0 && t.scope == myScope;
}

void TemplatesPage::reloadList(const QString &selectId)
{
    auto list = services().templates.list(caller());
    if (!list) {
        m_state->setText(ErrorMessages::text(list.error()));
        return;
    }
    m_templates = *list;
    const int select = m_list->setTemplates(m_templates, selectId);
    const bool other = select < 0 || m_templates.at(select).id != m_loaded.id || !m_hasLoaded;
    m_currentRow = select;
    if (select >= 0 && other)
        load(m_templates.at(select));
    updateHeading();
}

void TemplatesPage::currentRowChanged(int row)
{
    if (row == m_currentRow || row < 0 || row >= m_templates.size())
        return;
    if (!maySwitchAway()) {
        m_list->setCurrentRowQuietly(m_currentRow);
        return;
    }
    m_currentRow = row;
    // The list may be older than the template: open what is saved now.
    auto fresh = services().templates.get(caller(), m_templates.at(row).id);
    load(fresh ? *fresh : m_templates.at(row));
}

QString TemplatesPage::currentTemplateId() const
{
    return m_hasLoaded ? m_loaded.id : QString();
}

TemplateVersionsDialog *TemplatesPage::versionsDialog() const
{
    return static_cast<TemplateVersionsDialog *>(m_versionsDialog.data());
}

bool TemplatesPage::selectTemplate(const QString &id)
{
    return m_list->select(id) && currentTemplateId() == id;
}

void TemplatesPage::activated()
{
    reloadList(currentTemplateId());
}

void TemplatesPage::templateChanged(const QString &id, const QString &scope)
{
    const QString myScope = caller().isGlobalAdmin() ? QString() : caller().orgId;
    if (!scope.isEmpty() && scope != myScope)
        return;
    const QString current = currentTemplateId();
    reloadList(current);
    if (id != current || currentTemplateId() != current)
        return;
    auto now = services().templates.get(caller(), id);
    if (!now || TemplateService::etag(*now) == TemplateService::etag(m_loaded))
        return;
    if (!hasUnsavedChanges()) {
        load(*now);
        emit statusMessage(tr("“%1” was changed elsewhere; the editor shows the new text.")
                               .arg(TemplateList::displayName(*now)));
    } else {
        m_changedElsewhere = true;
        m_staleNotice->setVisible(true);
    }
}

// ---- the editor ------------------------------------------------------------------------------

void TemplatesPage::load(const PayloadTemplate &t)
{
    m_loading = true;
    m_loaded = t;
    m_hasLoaded = true;
    m_changedElsewhere = false;
    m_staleNotice->setVisible(false);
    m_editor->setTexts(t);
    m_loading = false;
    m_preview->setTemplateId(t.id);
    updateHeading();
    updateActions();
    m_previewTimer->stop();
    updatePreview();
}

PayloadTemplate TemplatesPage::draft() const
{
    return m_editor->draft(m_loaded);
}

bool TemplatesPage::hasUnsavedChanges() const
{
    if (!m_hasLoaded)
        return false;
    const PayloadTemplate d = draft();
    return d.en != m_loaded.en || d.nb != m_loaded.nb || d.description != m_loaded.description;
}

void TemplatesPage::edited()
{
    if (m_loading)
        return;
    updateActions();
    m_previewTimer->start();
}

void TemplatesPage::updateHeading()
{
    if (!m_hasLoaded) {
        m_heading->clear();
        m_state->clear();
        return;
    }
    m_heading->setText(TemplateList::displayName(m_loaded));
    QString state = TemplateList::stateText(m_loaded);
    if (m_loaded.version > 0 && m_loaded.updatedAt.isValid())
        state = tr("%1. Version %2, saved by %3 on %4.")
                    .arg(state, QString::number(m_loaded.version), m_loaded.updatedBy,
                         DisplayText::dateTime(m_loaded.updatedAt));
    m_state->setText(state);
}

// ---- the preview -----------------------------------------------------------------------------

void TemplatesPage::updatePreview()
{
    if (m_hasLoaded)
        m_preview->render(draft());
}

// ---- the actions -----------------------------------------------------------------------------

void TemplatesPage::updateActions()
{
    const bool editable = canEdit() && m_hasLoaded;
    const bool dirty = hasUnsavedChanges();
    m_save->setEnabled(editable && dirty && m_editor->problemCount() == 0);
    m_revert->setEnabled(editable && dirty);
    m_reset->setEnabled(editable && isOverriddenHere(m_loaded));
    m_versions->setEnabled(m_hasLoaded);
    m_new->setEnabled(canEdit());
    m_delete->setEnabled(caller().isGlobalAdmin() && m_hasLoaded && m_loaded.custom);
    m_editor->setInsertEnabled(editable);
}

bool TemplatesPage::save()
{
    if (!canEdit() || !m_hasLoaded)
        return false;
    if (!hasUnsavedChanges())
        return true;
    m_editor->updateProblems();
    if (m_editor->problemCount() > 0) {
        QMessageBox::warning(
            this, tr("The template was not saved"),
            tr("Fix the problems listed under the editor first: a template that does not compile "
               "cannot be saved."));
        return false;
    }
    const QList<TemplateChange> changes = TemplateService::changesBetween(m_loaded, draft());
    const QString id = m_loaded.id;
    for (const TemplateChange &change : std::as_const(changes)) {
        auto saved = services().templates.update(caller(), id, change, TemplateService::etag(m_loaded));
        if (!saved) {
            ErrorMessages::show(this, tr("The template could not be saved"), saved.error());
            reloadList(id);
            updateHeading();
            updateActions();
            return false;
        }
        m_loaded = saved->item;
    }
    m_changedElsewhere = false;
    m_staleNotice->setVisible(false);
    reloadList(id);
    updateHeading();
    updateActions();
    emit statusMessage(tr("Saved “%1”.").arg(TemplateList::displayName(m_loaded)));
    return true;
}

void TemplatesPage::revert()
{
    if (!m_hasLoaded)
        return;
    auto fresh = services().templates.get(caller(), m_loaded.id);
    load(fresh ? *fresh : m_loaded);
}

bool TemplatesPage::maySwitchAway()
{
    if (!hasUnsavedChanges())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Save the changes?"),
                    tr("“%1” has changes that are not saved.").arg(TemplateList::displayName(m_loaded)),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Save them, discard them, or cancel to go on editing."));
    box.setDefaultButton(m_editor->problemCount() == 0 ? QMessageBox::Save : QMessageBox::Cancel);
    if (m_editor->problemCount() > 0)
        box.button(QMessageBox::Save)->setEnabled(false);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        load(m_loaded);
        return true;
    default:
        return false;
    }
}

void TemplatesPage::resetToDefault()
{
    if (!canEdit() || !isOverriddenHere(m_loaded))
        return;
    QMessageBox box(QMessageBox::Question, tr("Reset to default?"),
                    tr("Reset “%1” to its default text?").arg(TemplateList::displayName(m_loaded)),
                    QMessageBox::Cancel, this);
    box.setInformativeText(
        hasUnsavedChanges()
            ? tr("The default text comes back in English and Norwegian; the current one stays in "
                 "the version history. Your unsaved changes are discarded.")
            : tr("The default text comes back in English and Norwegian; the current one stays in "
                 "the version history."));
    QPushButton *reset = box.addButton(tr("Reset"), QMessageBox::AcceptRole);
    box.setDefaultButton(reset);
    box.exec();
    if (box.clickedButton() != reset)
        return;
    auto back = services().templates.resetOverride(caller(), m_loaded.id);
    if (!back) {
        ErrorMessages::show(this, tr("The template could not be reset"), back.error());
        return;
    }
    load(*back);
    reloadList(back->id);
    emit statusMessage(tr("“%1” is back to its default text.").arg(TemplateList::displayName(*back)));
}

void TemplatesPage::openVersions()
{
    if (!m_hasLoaded)
        return;
    if (m_versionsDialog) {
        m_versionsDialog->raise();
        m_versionsDialog->activateWindow();
        return;
    }
    auto *dialog = new TemplateVersionsDialog(services(), caller(), m_loaded.id, hasUnsavedChanges(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TemplateVersionsDialog::templateRestored, this, [this](const PayloadTemplate &restored) {
        load(restored);
        reloadList(restored.id);
        emit statusMessage(
            tr("Restored an earlier version of “%1”.").arg(TemplateList::displayName(restored)));
    });
    m_versionsDialog = dialog;
    dialog->open();
}

void TemplatesPage::newTemplate()
{
    if (!canEdit() || !maySwitchAway())
        return;
    auto *dialog = new NewTemplateDialog(services(), caller(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString id = dialog->createdId();
        reloadList(id);
        if (auto created = services().templates.get(caller(), id); created)
            load(*created);
        emit statusMessage(tr("Created the template “%1”.").arg(id));
    });
    dialog->open();
}

void TemplatesPage::deleteTemplate()
{
    if (!caller().isGlobalAdmin() || !m_hasLoaded || !m_loaded.custom)
        return;
    const QString id = m_loaded.id;
    QMessageBox box(QMessageBox::Warning, tr("Delete the template?"),
                    tr("Delete the custom template “%1”?").arg(TemplateList::displayName(m_loaded)),
                    QMessageBox::Cancel, this);
    box.setInformativeText(tr("Payloads can no longer be built with it. Its version history is kept."));
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    auto removed = services().templates.remove(caller(), id);
    if (!removed) {
        ErrorMessages::show(this, tr("The template could not be deleted"), removed.error());
        return;
    }
    m_hasLoaded = false;
    reloadList(QString());
    emit statusMessage(tr("Deleted the template “%1”.").arg(id));
}

// ---- events ----------------------------------------------------------------------------------

void TemplatesPage::changeEvent(QEvent *event)
{
    ConsolePage::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        m_editor->rehighlight();
    } else if (event->type() == QEvent::LanguageChange) {
        reloadList(currentTemplateId());
    }
}

} // namespace cc
