#include "ui/templates/TemplateEditor.h"

#include "core/TemplateCompiler.h"
#include "ui/templates/TemplateHighlighter.h"

#include <QApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cc {

namespace {

// The data of a row of the problem list: which language, title or body, and which text.
constexpr int kLanguageRole = Qt::UserRole;
constexpr int kIsTitleRole = Qt::UserRole + 1;
constexpr int kOffsetRole = Qt::UserRole + 2;
constexpr int kLengthRole = Qt::UserRole + 3;

bool isBlank(const QString &text)
{
    return text.trimmed().isEmpty();
}

} // namespace

TemplateEditor::TemplateEditor(bool editable, QWidget *parent)
    : QWidget(parent)
    , m_editable(editable)
{
    m_en.locale = templates::kEnglish;
    m_nb.locale = templates::kNorwegian;

    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("templateDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setMaxLength(templates::kMaxDescription);
    auto *descriptionLabel = new QLabel(tr("&Description:"), this);
    descriptionLabel->setBuddy(m_description);
    connect(m_description, &QLineEdit::textChanged, this, &TemplateEditor::changed);

    QLayout *insertRow = buildInsertRow();

    m_languages = new QTabWidget(this);
    m_languages->setObjectName(QStringLiteral("languageTabs"));
    m_languages->setAccessibleName(tr("Language of the texts"));
    m_languages->addTab(buildLanguage(m_en, tr("English")), tr("&English"));
    m_languages->addTab(buildLanguage(m_nb, tr("Norwegian")), tr("&Norsk bokmål"));

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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *descriptionRow = new QHBoxLayout;
    descriptionRow->addWidget(descriptionLabel);
    descriptionRow->addWidget(m_description, 1);
    layout->addLayout(descriptionRow);
    layout->addLayout(insertRow);
    layout->addWidget(m_languages, 1);
    layout->addWidget(m_problemsLabel);
    layout->addWidget(m_problems);

    for (Language *language : {&m_en, &m_nb}) {
        language->title->setReadOnly(!editable);
        language->body->setReadOnly(!editable);
    }
    m_description->setReadOnly(!editable);

    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && (now == m_en.title || now == m_en.body || now == m_nb.title || now == m_nb.body))
            m_lastEditor = now;
    });
}

QWidget *TemplateEditor::buildLanguage(Language &language, const QString &name)
{
    auto *page = new QWidget(m_languages);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QString prefix =
        language.locale == templates::kEnglish ? QStringLiteral("english") : QStringLiteral("norwegian");

    language.title = new QLineEdit(page);
    language.title->setObjectName(prefix + QStringLiteral("Title"));
    language.title->setAccessibleName(tr("%1 title").arg(name));
    language.title->setMaxLength(templates::kMaxTitle);
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

    connect(language.title, &QLineEdit::textChanged, this, &TemplateEditor::changed);
    connect(language.body, &QPlainTextEdit::textChanged, this, &TemplateEditor::changed);
    return page;
}

QLayout *TemplateEditor::buildInsertRow()
{
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
        const QString tag = TemplateCompiler::variableTag(variable);
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
    return insertRow;
}

void TemplateEditor::setTexts(const PayloadTemplate &t)
{
    m_loading = true;
    m_description->setText(t.description);
    for (Language *language : {&m_en, &m_nb}) {
        const TemplateText &text = t.text(language->locale);
        language->title->setText(text.title);
        language->body->setPlainText(text.body);
    }
    m_loading = false;
    updateProblems();
}

PayloadTemplate TemplateEditor::draft(const PayloadTemplate &base) const
{
    PayloadTemplate d = base;
    d.description = m_description->text();
    d.en = TemplateText{m_en.title->text(), m_en.body->toPlainText()};
    d.nb = TemplateText{m_nb.title->text(), m_nb.body->toPlainText()};
    return d;
}

void TemplateEditor::changed()
{
    if (m_loading)
        return;
    updateProblems();
    emit edited();
}

void TemplateEditor::setInsertEnabled(bool enabled)
{
    for (QPushButton *button : std::as_const(m_insertButtons))
        button->setEnabled(enabled);
}

void TemplateEditor::rehighlight()
{
    m_en.highlighter->rehighlight();
    m_nb.highlighter->rehighlight();
}

int TemplateEditor::listProblems(const Language &language, bool isTitle)
{
    const bool english = language.locale == templates::kEnglish;
    const QString text = isTitle ? language.title->text() : language.body->toPlainText();
    const QList<TemplateDiagnostic> problems = TemplateCompiler::diagnose(text);
    if (!isTitle)
        language.highlighter->setProblems(problems);
    const QString place = english ? (isTitle ? tr("English title") : tr("English body"))
                                  : (isTitle ? tr("Norwegian title") : tr("Norwegian body"));
    const bool blank = isBlank(text);
    for (const TemplateDiagnostic &p : problems) {
        const QString line = blank
            ? tr("%1 is empty; write a text.").arg(place)
            : tr("%1, line %2, column %3: %4")
                  .arg(place, QString::number(p.line), QString::number(p.column), p.detail);
        auto *item = new QListWidgetItem(line, m_problems);
        item->setData(kLanguageRole, english ? 0 : 1);
        item->setData(kIsTitleRole, isTitle);
        item->setData(kOffsetRole, int(p.offset));
        item->setData(kLengthRole, int(p.length));
    }
    return int(problems.size());
}

void TemplateEditor::updateProblems()
{
    m_problems->clear();
    int count = 0;
    for (const Language *language : {&m_en, &m_nb}) {
        for (const bool isTitle : {true, false})
            count += listProblems(*language, isTitle);
    }
    m_problemCount = count;
    m_problems->setVisible(count > 0);
    m_problemsLabel->setText(
        count == 0
            ? tr("No problems: the template is ready to save.")
            : tr("%n &problem(s) to fix before saving (press Enter on one to go there):", nullptr, count));
}

void TemplateEditor::goToProblem(int row)
{
    QListWidgetItem *item = m_problems->item(row);
    if (!item)
        return;
    Language &language = item->data(kLanguageRole).toInt() == 0 ? m_en : m_nb;
    m_languages->setCurrentIndex(&language == &m_en ? 0 : 1);
    const int at = item->data(kOffsetRole).toInt();
    const int length = item->data(kLengthRole).toInt();
    if (item->data(kIsTitleRole).toBool()) {
        language.title->setFocus(Qt::OtherFocusReason);
        language.title->setSelection(at, length);
        return;
    }
    QTextCursor cursor(language.body->document());
    cursor.setPosition(at);
    cursor.setPosition(at + length, QTextCursor::KeepAnchor);
    language.body->setTextCursor(cursor);
    language.body->ensureCursorVisible();
    language.body->setFocus(Qt::OtherFocusReason);
}

QWidget *TemplateEditor::insertTarget() const
{
    const Language &current = m_languages->currentIndex() == 0 ? m_en : m_nb;
    if (m_lastEditor && (m_lastEditor == current.title || m_lastEditor == current.body))
        return m_lastEditor;
    return current.body;
}

void TemplateEditor::insertVariable(const QString &name)
{
    if (!m_editable)
        return;
    const QString tag = TemplateCompiler::variableTag(name);
    QWidget *target = insertTarget();
    if (auto *line = qobject_cast<QLineEdit *>(target))
        line->insert(tag);
    else if (auto *body = qobject_cast<QPlainTextEdit *>(target))
        body->insertPlainText(tag);
    target->setFocus(Qt::OtherFocusReason);
}

} // namespace cc
