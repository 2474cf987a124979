#include "ui/templates/TemplatesPage.h"

#include "core/BuiltinTemplates.h"
#include "core/TemplateCompiler.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/Icons.h"
#include "ui/templates/NewTemplateDialog.h"
#include "ui/templates/TemplateHighlighter.h"
#include "ui/templates/TemplateVersionsDialog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTextEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace cc {

namespace {

constexpr int kIdRole = Qt::UserRole;
// The data of a row of the problem list: which language, title or body, and where.
constexpr int kLanguageRole = Qt::UserRole;
constexpr int kIsTitleRole = Qt::UserRole + 1;
constexpr int kLineRole = Qt::UserRole + 2;
constexpr int kColumnRole = Qt::UserRole + 3;

constexpr int kPreviewDelayMs = 150;

// The compiler's message without its "line L, column C: " (the console words the position).
QString problemDetail(const QString &message)
{
    static const QRegularExpression position(QStringLiteral("^line \\d+, column \\d+: "));
    QString detail = message;
    detail.remove(position);
    return detail;
}

bool isBlank(const QString &text)
{
    return text.trimmed().isEmpty();
}

} // namespace

TemplatesPage::TemplatesPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
{
    setObjectName(QStringLiteral("TemplatesPage"));
    m_en.locale = QStringLiteral("en");
    m_nb.locale = QStringLiteral("nb");
    buildUi();

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &TemplatesPage::updatePreview);

    // Changes may come from the API's thread: handle them on ours, after the call that made them.
    connect(&services.templates, &TemplateService::templateChanged, this, &TemplatesPage::templateChanged,
            Qt::QueuedConnection);
    connect(&services.directory, &DirectoryService::directoryChanged, this,
            &TemplatesPage::loadPreviewSources, Qt::QueuedConnection);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && (now == m_en.title || now == m_en.body || now == m_nb.title || now == m_nb.body))
            m_lastEditor = now;
    });

    loadPreviewSources();
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
    return caller().role != Role::Coordinator;
}

// ---- building --------------------------------------------------------------------------------

QWidget *TemplatesPage::buildEditor(Language &language, const QString &name)
{
    auto *page = new QWidget(m_languages);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QString prefix =
        language.locale == QLatin1String("en") ? QStringLiteral("english") : QStringLiteral("norwegian");

    language.title = new QLineEdit(page);
    language.title->setObjectName(prefix + QStringLiteral("Title"));
    language.title->setAccessibleName(tr("%1 title").arg(name));
    language.title->setMaxLength(200);
    auto *titleLabel = new QLabel(tr("&Title:"), page);
    titleLabel->setBuddy(language.title);
    form->addRow(titleLabel, language.title);

    language.body = new QPlainTextEdit(page);
    language.body->setObjectName(prefix + QStringLiteral("Body"));
    language.body->setAccessibleName(tr("%1 body").arg(name));
    language.body->setTabChangesFocus(true);
    language.body->setMinimumHeight(language.body->fontMetrics().lineSpacing() * 5);
    language.highlighter = new TemplateHighlighter(language.body->document(), language.body);
    auto *bodyLabel = new QLabel(tr("&Body:"), page);
    bodyLabel->setBuddy(language.body);
    form->addRow(bodyLabel, language.body);

    connect(language.title, &QLineEdit::textChanged, this, &TemplatesPage::edited);
    connect(language.body, &QPlainTextEdit::textChanged, this, &TemplatesPage::edited);
    return page;
}

void TemplatesPage::buildUi()
{
    // The list of templates.
    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *listLabel = new QLabel(tr("Te&mplates:"), listPane);
    m_list = new QListWidget(listPane);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setAccessibleName(tr("Templates"));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setAlternatingRowColors(true);
    m_list->setSpacing(2);
    m_list->setMinimumWidth(m_list->fontMetrics().averageCharWidth() * 22);
    listLabel->setBuddy(m_list);
    listLayout->addWidget(listLabel);
    listLayout->addWidget(m_list, 1);
    connect(m_list, &QListWidget::currentRowChanged, this, &TemplatesPage::currentRowChanged);

    // What is open, and who may change it.
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

    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("templateDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setMaxLength(500);
    auto *descriptionLabel = new QLabel(tr("&Description:"), this);
    descriptionLabel->setBuddy(m_description);
    connect(m_description, &QLineEdit::textChanged, this, &TemplatesPage::edited);

    // The placeholders.
    auto *insertRow = new QHBoxLayout;
    auto *insertLabel = new QLabel(tr("Insert:"), this);
    insertRow->addWidget(insertLabel);
    for (const QString &variable : TemplateCompiler::variables()) {
        QString label = variable;
        if (variable == QLatin1String("peer_mentor_name"))
            label = tr("Peer mentor name");
        else if (variable == QLatin1String("date"))
            label = tr("Date");
        else if (variable == QLatin1String("reason"))
            label = tr("Reason");
        else if (variable == QLatin1String("coordinator_name"))
            label = tr("Coordinator name");
        else if (variable == QLatin1String("organization_name"))
            label = tr("Organisation name");
        const QString tag = QStringLiteral("{{") + variable + QStringLiteral("}}");
        auto *button = new QPushButton(label, this);
        button->setObjectName(QStringLiteral("insert_") + variable);
        button->setAccessibleName(tr("Insert %1").arg(label));
        button->setAccessibleDescription(tr("Inserts %1 at the cursor.").arg(tag));
        button->setToolTip(tr("Inserts %1 at the cursor.").arg(tag));
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, variable] { insertVariable(variable); });
        insertRow->addWidget(button);
        m_insertButtons << button;
    }
    insertRow->addStretch(1);

    // The editors of the two languages.
    m_languages = new QTabWidget(this);
    m_languages->setObjectName(QStringLiteral("languageTabs"));
    m_languages->setAccessibleName(tr("Language of the texts"));
    m_languages->addTab(buildEditor(m_en, tr("English")), tr("&English"));
    m_languages->addTab(buildEditor(m_nb, tr("Norwegian")), tr("&Norsk bokmål"));

    // The compiler's problems.
    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("problemsSummary"));
    m_problemsLabel->setWordWrap(true);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("templateProblems"));
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setWordWrap(true);
    m_problems->setMaximumHeight(m_problems->fontMetrics().lineSpacing() * 5);
    m_problemsLabel->setBuddy(m_problems);
    connect(m_problems, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { goToProblem(m_problems->row(item)); });

    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_heading);
    editorLayout->addWidget(m_state);
    editorLayout->addWidget(m_notice);
    editorLayout->addWidget(m_staleNotice);
    auto *descriptionRow = new QHBoxLayout;
    descriptionRow->addWidget(descriptionLabel);
    descriptionRow->addWidget(m_description, 1);
    editorLayout->addLayout(descriptionRow);
    editorLayout->addLayout(insertRow);
    editorLayout->addWidget(m_languages, 1);
    editorLayout->addWidget(m_problemsLabel);
    editorLayout->addWidget(m_problems);

    // The preview, both languages side by side.
    auto *previewPane = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    auto *sourceRow = new QHBoxLayout;
    m_previewSource = new QComboBox(previewPane);
    m_previewSource->setObjectName(QStringLiteral("previewSource"));
    m_previewSource->setAccessibleName(tr("Preview with"));
    m_previewSource->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_previewSource->setMinimumContentsLength(24);
    auto *sourceLabel = new QLabel(tr("Preview &with:"), previewPane);
    sourceLabel->setBuddy(m_previewSource);
    sourceRow->addWidget(sourceLabel);
    sourceRow->addWidget(m_previewSource, 1);
    connect(m_previewSource, &QComboBox::currentIndexChanged, this, [this] {
        updatePreviewValues();
        updatePreview();
    });
    previewLayout->addLayout(sourceRow);
    auto *previews = new QHBoxLayout;
    for (Language *language : {&m_en, &m_nb}) {
        const bool english = language == &m_en;
        auto *column = new QVBoxLayout;
        auto *label = new QLabel(english ? tr("English preview:") : tr("Norwegian preview:"), previewPane);
        language->preview = new QTextEdit(previewPane);
        language->preview->setObjectName(english ? QStringLiteral("englishPreview")
                                                 : QStringLiteral("norwegianPreview"));
        language->preview->setAccessibleName(english ? tr("English preview") : tr("Norwegian preview"));
        language->preview->setReadOnly(true);
        language->preview->setTabChangesFocus(true);
        language->preview->setAcceptRichText(false);
        language->preview->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
        language->preview->setMinimumHeight(language->preview->fontMetrics().lineSpacing() * 4);
        label->setBuddy(language->preview);
        column->addWidget(label);
        column->addWidget(language->preview, 1);
        previews->addLayout(column, 1);
    }
    previewLayout->addLayout(previews, 1);

    auto *rightSplitter = new QSplitter(Qt::Vertical, this);
    rightSplitter->setObjectName(QStringLiteral("templateEditorSplitter"));
    rightSplitter->setChildrenCollapsible(false);
    rightSplitter->addWidget(editorPane);
    rightSplitter->addWidget(previewPane);
    rightSplitter->setStretchFactor(0, 3);
    rightSplitter->setStretchFactor(1, 2);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("templatesSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(listPane);
    splitter->addWidget(rightSplitter);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    const int charWidth = fontMetrics().averageCharWidth();
    splitter->setSizes({charWidth * 30, charWidth * 110});

    // The actions.
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

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);

    const bool editable = canEdit();
    for (Language *language : {&m_en, &m_nb}) {
        language->title->setReadOnly(!editable);
        language->body->setReadOnly(!editable);
    }
    m_description->setReadOnly(!editable);
}

// ---- the list --------------------------------------------------------------------------------

QString TemplatesPage::displayName(const PayloadTemplate &t) const
{
    const QLocale::Language language = QLocale().language();
    const bool norwegian = language == QLocale::NorwegianBokmal || language == QLocale::NorwegianNynorsk;
    const QString name = norwegian ? t.nb.title : t.en.title;
    return name.isEmpty() ? t.id : name;
}

bool TemplatesPage::isOverriddenHere(const PayloadTemplate &t) const
{
    const QString myScope = caller().isGlobalAdmin() ? QString() : caller().orgId;
    return builtinTemplate(t.id) && t.version > 0 && t.scope == myScope;
}

QString TemplatesPage::stateText(const PayloadTemplate &t) const
{
    if (t.custom)
        return tr("Custom template");
    if (!t.scope.isEmpty())
        return tr("Built-in, changed for your organisation");
    if (t.version > 0)
        return tr("Built-in, changed for all organisations");
    return tr("Built-in default");
}

void TemplatesPage::reloadList(const QString &selectId)
{
    auto list = services().templates.list(caller());
    if (!list) {
        m_state->setText(ErrorMessages::text(list.error()));
        return;
    }
    QStringList oldIds;
    for (const PayloadTemplate &t : std::as_const(m_templates))
        oldIds << t.id;
    QStringList newIds;
    for (const PayloadTemplate &t : std::as_const(*list))
        newIds << t.id;
    m_templates = *list;

    QSignalBlocker blocker(m_list);
    if (oldIds != newIds || m_list->count() != m_templates.size()) {
        m_list->clear();
        for (qsizetype row = 0; row < m_templates.size(); ++row)
            new QListWidgetItem(m_list);
    }
    int select = -1;
    for (int row = 0; row < m_templates.size(); ++row) {
        const PayloadTemplate &t = m_templates.at(row);
        QListWidgetItem *item = m_list->item(row);
        item->setText(displayName(t) + QLatin1Char('\n') + stateText(t));
        item->setData(kIdRole, t.id);
        item->setToolTip(t.description);
        if (t.id == selectId)
            select = row;
    }
    if (select < 0 && !m_templates.isEmpty())
        select = 0;
    m_list->setCurrentRow(select);
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
        QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(m_currentRow);
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
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kIdRole).toString() == id) {
            m_list->setCurrentRow(row);
            return currentTemplateId() == id;
        }
    }
    return false;
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
        emit statusMessage(
            tr("“%1” was changed elsewhere; the editor shows the new text.").arg(displayName(*now)));
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
    m_description->setText(t.description);
    for (Language *language : {&m_en, &m_nb}) {
        const TemplateText &text = t.text(language->locale);
        language->title->setText(text.title);
        language->body->setPlainText(text.body);
    }
    m_loading = false;
    updatePreviewValues();
    updateProblems();
    updateHeading();
    updateActions();
    m_previewTimer->stop();
    updatePreview();
}

PayloadTemplate TemplatesPage::draft() const
{
    PayloadTemplate d = m_loaded;
    d.description = m_description->text();
    d.en = TemplateText{m_en.title->text(), m_en.body->toPlainText()};
    d.nb = TemplateText{m_nb.title->text(), m_nb.body->toPlainText()};
    return d;
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
    updateProblems();
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
    m_heading->setText(displayName(m_loaded));
    QString state = stateText(m_loaded);
    if (m_loaded.version > 0 && m_loaded.updatedAt.isValid())
        state = tr("%1. Version %2, saved by %3 on %4.")
                    .arg(state, QString::number(m_loaded.version), m_loaded.updatedBy,
                         DisplayText::dateTime(m_loaded.updatedAt));
    m_state->setText(state);
}

void TemplatesPage::updateProblems()
{
    m_problems->clear();
    int count = 0;
    for (Language *language : {&m_en, &m_nb}) {
        const bool english = language == &m_en;
        const QString title = language->title->text();
        const QString body = language->body->toPlainText();
        const QList<FieldError> titleProblems = TemplateCompiler::check(title, QStringLiteral("title"));
        const QList<FieldError> bodyProblems = TemplateCompiler::check(body, QStringLiteral("body_template"));
        language->highlighter->setProblems(bodyProblems);
        for (const bool isTitle : {true, false}) {
            const QString place = english ? (isTitle ? tr("English title") : tr("English body"))
                                          : (isTitle ? tr("Norwegian title") : tr("Norwegian body"));
            const bool blank = isBlank(isTitle ? title : body);
            for (const FieldError &p : isTitle ? titleProblems : bodyProblems) {
                const QString text = blank ? tr("%1 is empty; write a text.").arg(place)
                                           : tr("%1, line %2, column %3: %4")
                                                 .arg(place, QString::number(p.line),
                                                      QString::number(p.column), problemDetail(p.message));
                auto *item = new QListWidgetItem(text, m_problems);
                item->setData(kLanguageRole, english ? 0 : 1);
                item->setData(kIsTitleRole, isTitle);
                item->setData(kLineRole, p.line);
                item->setData(kColumnRole, p.column);
                ++count;
            }
        }
    }
    m_problemCount = count;
    m_problems->setVisible(count > 0);
    m_problemsLabel->setText(
        count == 0
            ? tr("No problems: the template is ready to save.")
            : tr("%n &problem(s) to fix before saving (press Enter on one to go there):", nullptr, count));
}

void TemplatesPage::goToProblem(int row)
{
    QListWidgetItem *item = m_problems->item(row);
    if (!item)
        return;
    Language &language = item->data(kLanguageRole).toInt() == 0 ? m_en : m_nb;
    m_languages->setCurrentIndex(language.locale == QLatin1String("en") ? 0 : 1);
    const int line = item->data(kLineRole).toInt();
    const int column = item->data(kColumnRole).toInt();
    if (item->data(kIsTitleRole).toBool()) {
        const QString text = language.title->text();
        const int at = int(TemplateCompiler::offsetOf(text, line, column));
        language.title->setFocus(Qt::OtherFocusReason);
        language.title->setSelection(at, TemplateHighlighter::tagLength(text, at));
        return;
    }
    const QString text = language.body->toPlainText();
    const int at = int(TemplateCompiler::offsetOf(text, line, column));
    QTextCursor cursor(language.body->document());
    cursor.setPosition(at);
    cursor.setPosition(at + TemplateHighlighter::tagLength(text, at), QTextCursor::KeepAnchor);
    language.body->setTextCursor(cursor);
    language.body->ensureCursorVisible();
    language.body->setFocus(Qt::OtherFocusReason);
}

QWidget *TemplatesPage::insertTarget() const
{
    const Language &current = m_languages->currentIndex() == 0 ? m_en : m_nb;
    if (m_lastEditor && (m_lastEditor == current.title || m_lastEditor == current.body))
        return m_lastEditor;
    return current.body;
}

void TemplatesPage::insertVariable(const QString &name)
{
    if (!canEdit())
        return;
    const QString tag = QStringLiteral("{{") + name + QStringLiteral("}}");
    QWidget *target = insertTarget();
    if (auto *line = qobject_cast<QLineEdit *>(target))
        line->insert(tag);
    else if (auto *body = qobject_cast<QPlainTextEdit *>(target))
        body->insertPlainText(tag);
    target->setFocus(Qt::OtherFocusReason);
}

// ---- the preview -----------------------------------------------------------------------------

void TemplatesPage::loadPreviewSources()
{
    const QString selected = m_previewSource->currentData().toString();
    QSignalBlocker blocker(m_previewSource);
    m_previewSource->clear();
    const TemplateValues sample = PayloadService::sampleValues();
    m_previewSource->addItem(tr("Sample values (%1)").arg(sample.peerMentorName), QString());
    auto mentors = services().directory.peerMentors(caller());
    if (mentors) {
        QList<PeerMentor> sorted = *mentors;
        std::sort(sorted.begin(), sorted.end(), [](const PeerMentor &a, const PeerMentor &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        for (const PeerMentor &m : std::as_const(sorted))
            m_previewSource->addItem(m.name, m.id);
    }
    const int index = m_previewSource->findData(selected);
    m_previewSource->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !selected.isEmpty()) {
        updatePreviewValues();
        updatePreview();
    }
}

void TemplatesPage::updatePreviewValues()
{
    m_previewValues = PayloadService::sampleValues();
    if (!m_hasLoaded)
        return;
    // The values the API renders this template with for the chosen mentor (or the sample ones).
    auto values =
        services().payloads.valuesFor(caller(), m_loaded.id, m_previewSource->currentData().toString());
    if (!values) {
        emit statusMessage(ErrorMessages::text(values.error()));
        return;
    }
    m_previewValues = *values;
}

void TemplatesPage::updatePreview()
{
    if (!m_hasLoaded)
        return;
    const PayloadTemplate d = draft();
    for (Language *language : {&m_en, &m_nb}) {
        auto rendered = services().payloads.preview(caller(), d, m_previewValues, language->locale);
        QTextEdit *view = language->preview;
        view->clear();
        QTextCursor cursor(view->document());
        if (!rendered) {
            QTextCharFormat note;
            note.setFontItalic(true);
            const QString text = rendered.error().code == ErrorCode::Unprocessable
                ? (language == &m_en ? tr("No preview until the problems in the English text are fixed.")
                                     : tr("No preview until the problems in the Norwegian text are fixed."))
                : ErrorMessages::text(rendered.error());
            cursor.insertText(text, note);
            continue;
        }
        QTextCharFormat bold;
        bold.setFontWeight(QFont::Bold);
        cursor.insertText(rendered->title, bold);
        cursor.insertBlock();
        cursor.insertBlock();
        cursor.insertText(rendered->body, QTextCharFormat());
    }
}

// ---- the actions -----------------------------------------------------------------------------

void TemplatesPage::updateActions()
{
    const bool editable = canEdit() && m_hasLoaded;
    const bool dirty = hasUnsavedChanges();
    m_save->setEnabled(editable && dirty && m_problemCount == 0);
    m_revert->setEnabled(editable && dirty);
    m_reset->setEnabled(editable && isOverriddenHere(m_loaded));
    m_versions->setEnabled(m_hasLoaded);
    m_new->setEnabled(canEdit());
    m_delete->setEnabled(caller().isGlobalAdmin() && m_hasLoaded && m_loaded.custom);
    for (QPushButton *button : std::as_const(m_insertButtons))
        button->setEnabled(editable);
}

bool TemplatesPage::save()
{
    if (!canEdit() || !m_hasLoaded)
        return false;
    if (!hasUnsavedChanges())
        return true;
    updateProblems();
    if (m_problemCount > 0) {
        QMessageBox::warning(
            this, tr("The template was not saved"),
            tr("Fix the problems listed under the editor first: a template that does not compile "
               "cannot be saved."));
        return false;
    }
    // One change per language whose texts differ (the service changes one language at a time,
    // each with the ETag of what the previous one saved, so nobody's change is overwritten).
    const PayloadTemplate d = draft();
    QList<TemplateChange> changes;
    for (const Language *language : {&m_en, &m_nb}) {
        const TemplateText &now = d.text(language->locale);
        const TemplateText &before = m_loaded.text(language->locale);
        if (now == before)
            continue;
        TemplateChange change;
        change.locale = language->locale;
        if (now.title != before.title)
            change.title = now.title;
        if (now.body != before.body)
            change.body = now.body;
        changes << change;
    }
    if (d.description != m_loaded.description) {
        if (changes.isEmpty())
            changes << TemplateChange{};
        changes.first().description = d.description;
    }
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
    emit statusMessage(tr("Saved “%1”.").arg(displayName(m_loaded)));
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
                    tr("“%1” has changes that are not saved.").arg(displayName(m_loaded)),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Save them, discard them, or cancel to go on editing."));
    box.setDefaultButton(m_problemCount == 0 ? QMessageBox::Save : QMessageBox::Cancel);
    if (m_problemCount > 0)
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
                    tr("Reset “%1” to its default text?").arg(displayName(m_loaded)), QMessageBox::Cancel,
                    this);
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
    emit statusMessage(tr("“%1” is back to its default text.").arg(displayName(*back)));
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
        emit statusMessage(tr("Restored an earlier version of “%1”.").arg(displayName(restored)));
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
                    tr("Delete the custom template “%1”?").arg(displayName(m_loaded)), QMessageBox::Cancel,
                    this);
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
        m_en.highlighter->rehighlight();
        m_nb.highlighter->rehighlight();
    } else if (event->type() == QEvent::LanguageChange) {
        reloadList(currentTemplateId());
    }
}

} // namespace cc
