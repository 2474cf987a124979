#include "ui/templates/TemplatePreview.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QTextEdit>
#include <QVBoxLayout>

namespace cc {

TemplatePreview::TemplatePreview(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_caller(caller)
    , m_values(PayloadService::sampleValues())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *sourceRow = new QHBoxLayout;
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("previewSource"));
    m_source->setAccessibleName(tr("Preview with"));
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_source->setMinimumContentsLength(24);
    auto *sourceLabel = new QLabel(tr("Preview &with:"), this);
    sourceLabel->setBuddy(m_source);
    sourceRow->addWidget(sourceLabel);
    sourceRow->addWidget(m_source, 1);
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        updateValues();
        emit valuesChanged();
    });
    layout->addLayout(sourceRow);
    auto *previews = new QHBoxLayout;
    for (const bool english : {true, false}) {
        auto *column = new QVBoxLayout;
        auto *label = new QLabel(english ? tr("English preview:") : tr("Norwegian preview:"), this);
        auto *view = new QTextEdit(this);
        view->setObjectName(english ? QStringLiteral("englishPreview") : QStringLiteral("norwegianPreview"));
        view->setAccessibleName(english ? tr("English preview") : tr("Norwegian preview"));
        view->setReadOnly(true);
        view->setTabChangesFocus(true);
        view->setAcceptRichText(false);
        view->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
        view->setMinimumHeight(view->fontMetrics().lineSpacing() * 4);
        label->setBuddy(view);
        column->addWidget(label);
        column->addWidget(view, 1);
        previews->addLayout(column, 1);
        (english ? m_english : m_norwegian) = view;
    }
    layout->addLayout(previews, 1);
}

void TemplatePreview::loadSources()
{
    const QString selected = m_source->currentData().toString();
    QSignalBlocker blocker(m_source);
    m_source->clear();
    const TemplateValues sample = PayloadService::sampleValues();
    m_source->addItem(tr("Sample values (%1)").arg(sample.peerMentorName), QString());
    auto mentors = m_services.directory.peerMentors(m_caller);
    if (mentors) {
        QList<PeerMentor> sorted = *mentors;
        std::sort(sorted.begin(), sorted.end(), [](const PeerMentor &a, const PeerMentor &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        for (const PeerMentor &m : std::as_const(sorted))
            m_source->addItem(m.name, m.id);
    }
    const int index = m_source->findData(selected);
    m_source->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !selected.isEmpty()) {
        updateValues();
        emit valuesChanged();
    }
}

void TemplatePreview::setTemplateId(const QString &id)
{
    m_templateId = id;
    updateValues();
}

void TemplatePreview::updateValues()
{
    m_values = PayloadService::sampleValues();
    if (m_templateId.isEmpty())
        return;
    // The values the API renders this template with for the chosen mentor (or the sample ones).
    auto values = m_services.payloads.valuesFor(m_caller, m_templateId, m_source->currentData().toString());
    if (!values) {
        emit statusMessage(ErrorMessages::text(values.error()));
        return;
    }
    m_values = *values;
}

void TemplatePreview::render(const PayloadTemplate &draft)
{
    renderInto(m_english, draft, templates::kEnglish);
    renderInto(m_norwegian, draft, templates::kNorwegian);
}

void TemplatePreview::renderInto(QTextEdit *view, const PayloadTemplate &draft, const QString &locale)
{
    auto rendered = m_services.payloads.preview(m_caller, draft, m_values, locale);
    view->clear();
    QTextCursor cursor(view->document());
    if (!rendered) {
        QTextCharFormat note;
        note.setFontItalic(true);
        const QString text = rendered.error().code == ErrorCode::Unprocessable
            ? (view == m_english ? tr("No preview until the problems in the English text are fixed.")
                                 : tr("No preview until the problems in the Norwegian text are fixed."))
            : ErrorMessages::text(rendered.error());
        cursor.insertText(text, note);
        return;
    }
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    cursor.insertText(rendered->title, bold);
    cursor.insertBlock();
    cursor.insertBlock();
    cursor.insertText(rendered->body, QTextCharFormat());
}

} // namespace cc
