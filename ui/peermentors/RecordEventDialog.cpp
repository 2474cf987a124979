#include "ui/peermentors/RecordEventDialog.h"

#include "core/BuiltinTemplates.h"
#include "core/Fields.h"
#include "core/PauseEventService.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/Icons.h"

#include <QAccessible>
#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace cc {

namespace {

QLabel *selectableLabel(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    // Keyboard-selectable: a screen reader's Tab lands on it and reads it; its text can be copied.
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setFocusPolicy(Qt::StrongFocus);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

RecordEventDialog::RecordEventDialog(ConsoleServices &services, const Caller &caller,
                                     const PeerMentorProfile &profile, EventType event, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
    , m_profile(profile)
    , m_event(event)
{
    const bool pause = event == EventType::PauseActivated;
    const QString name = profile.mentor.name;
    setObjectName(QStringLiteral("RecordEventDialog"));
    setWindowTitle(pause ? tr("Record a pause for %1").arg(name) : tr("Record a resume for %1").arg(name));

    auto *intro =
        new QLabel(pause ? tr("Record a pause of %1 on their behalf. The messages to the coordinator and to "
                              "%1 are built from your organisation's templates, and the notification is "
                              "added to the history.")
                               .arg(name)
                         : tr("Record that %1 is active again, on their behalf. The messages to the "
                              "coordinator and to %1 are built from your organisation's templates, and the "
                              "notification is added to the history.")
                               .arg(name),
                   this);
    intro->setWordWrap(true);
    auto *status =
        new QLabel(profile.status == PauseStatus::Paused
                       ? tr("%1 is paused since %2.").arg(name, DisplayText::date(profile.pauseStartDate))
                       : tr("%1 is active.").arg(name),
                   this);
    status->setObjectName(QStringLiteral("currentStatusLabel"));
    status->setWordWrap(true);

    auto *columns = new QHBoxLayout;
    columns->addLayout(buildForm(), 1);
    columns->addSpacing(fontMetrics().averageCharWidth() * 2);
    columns->addLayout(buildPreviews(name), 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("recordMessage"));
    m_message->setAccessibleName(tr("Why it was not recorded"));
    m_message->setWordWrap(true);
    m_message->setFrameShape(QFrame::StyledPanel);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setVisible(false);

    QDialogButtonBox *buttons = buildButtons();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(status);
    layout->addLayout(columns, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    followTyping();

    // Wide enough that the messages read as the phone would show them, not a word a line.
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 120), sizeHint().height());

    updatePreview();
    m_date->setFocus();
}

QDialogButtonBox *RecordEventDialog::buildButtons()
{
    const bool pause = m_event == EventType::PauseActivated;
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_record =
        buttons->addButton(pause ? tr("&Record pause") : tr("&Record resume"), QDialogButtonBox::AcceptRole);
    m_record->setObjectName(QStringLiteral("recordButton"));
    m_record->setAccessibleName(pause ? tr("Record pause") : tr("Record resume"));
    m_record->setDefault(true);
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RecordEventDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    return buttons;
}

// The preview follows the typing, a moment after it pauses (each render reads the database);
// the notes show how much room is left.
void RecordEventDialog::followTyping()
{
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(150);
    connect(m_previewTimer, &QTimer::timeout, this, &RecordEventDialog::updatePreview);
    connect(m_date, &QDateEdit::dateChanged, m_previewTimer, qOverload<>(&QTimer::start));
    if (m_reason)
        connect(m_reason, &QLineEdit::textChanged, m_previewTimer, qOverload<>(&QTimer::start));
    const auto countNotes = [this] {
        const int length = int(m_notes->toPlainText().size());
        m_notesCount->setText(
            tr("%1 of %2 characters").arg(length).arg(NotificationRecordService::kMaxNotes));
    };
    connect(m_notes, &QPlainTextEdit::textChanged, this, countNotes);
    countNotes();
}

QFormLayout *RecordEventDialog::buildForm()
{
    const bool pause = m_event == EventType::PauseActivated;
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("effectiveDateEdit"));
    m_date->setAccessibleName(tr("Effective date"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_date->setDate(m_services.clock.now().toLocalTime().date());
    auto *dateLabel = new QLabel(tr("Effective &date:"), this);
    dateLabel->setBuddy(m_date);
    form->addRow(dateLabel, m_date);

    if (pause) {
        m_reason = new QLineEdit(this);
        m_reason->setObjectName(QStringLiteral("reasonEdit"));
        m_reason->setAccessibleName(tr("Reason"));
        m_reason->setAccessibleDescription(
            tr("Optional; at most %n character(s).", nullptr, NotificationRecordService::kMaxReason));
        m_reason->setPlaceholderText(tr("Optional, for example personal leave"));
        m_reason->setMaxLength(NotificationRecordService::kMaxReason);
        m_reason->setClearButtonEnabled(true);
        auto *reasonLabel = new QLabel(tr("Rea&son:"), this);
        reasonLabel->setBuddy(m_reason);
        form->addRow(reasonLabel, m_reason);
    }

    auto *channelsBox = new QGroupBox(tr("Channels notified"), this);
    channelsBox->setObjectName(QStringLiteral("channelsBox"));
    auto *channelsLayout = new QHBoxLayout(channelsBox);
    for (const QString &channel : channelNames()) {
        const Channel kind = *channelFromName(channel);
        auto *check = new QCheckBox(DisplayText::channelCheckBox(kind), channelsBox);
        check->setObjectName(QStringLiteral("channel_") + channel);
        check->setAccessibleName(DisplayText::channel(kind));
        check->setIcon(Icons::channel(kind));
        check->setChecked(kind == Channel::Push || kind == Channel::InApp);
        channelsLayout->addWidget(check);
        m_channels.insert(channel, check);
    }
    channelsLayout->addStretch(1);
    form->addRow(channelsBox);

    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setAccessibleDescription(
        tr("Optional; at most %n character(s).", nullptr, NotificationRecordService::kMaxNotes));
    m_notes->setTabChangesFocus(true);
    m_notes->setPlaceholderText(tr("Optional, seen only in the console"));
    m_notes->setMinimumHeight(m_notes->fontMetrics().lineSpacing() * 4);
    auto *notesLabel = new QLabel(tr("&Notes:"), this);
    notesLabel->setBuddy(m_notes);
    m_notesCount = new QLabel(this);
    m_notesCount->setObjectName(QStringLiteral("notesCount"));
    auto *notesColumn = new QVBoxLayout;
    notesColumn->addWidget(m_notes);
    notesColumn->addWidget(m_notesCount, 0, Qt::AlignRight);
    form->addRow(notesLabel, notesColumn);

    return form;
}

QLayout *RecordEventDialog::buildPreviews(const QString &name)
{
    auto *previewColumn = new QVBoxLayout;
    m_language = new QLabel(this);
    m_language->setObjectName(QStringLiteral("previewLanguage"));
    m_language->setWordWrap(true);
    previewColumn->addWidget(m_language);
    previewColumn->addWidget(
        buildPreview(tr("Message to the coordinator"), QStringLiteral("coordinator"), m_coordinatorPreview));
    previewColumn->addWidget(
        buildPreview(tr("Message to %1").arg(name), QStringLiteral("mentor"), m_mentorPreview));
    previewColumn->addStretch(1);
    return previewColumn;
}

QWidget *RecordEventDialog::buildPreview(const QString &heading, const QString &objectPrefix,
                                         Preview &preview)
{
    auto *box = new QGroupBox(heading, this);
    box->setObjectName(objectPrefix + QStringLiteral("PreviewBox"));
    preview.title =
        selectableLabel(box, objectPrefix + QStringLiteral("PreviewTitle"), tr("%1: title").arg(heading));
    QFont bold = preview.title->font();
    bold.setBold(true);
    preview.title->setFont(bold);
    preview.body =
        selectableLabel(box, objectPrefix + QStringLiteral("PreviewBody"), tr("%1: text").arg(heading));
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(preview.title);
    layout->addWidget(preview.body);
    return box;
}

QDateTime RecordEventDialog::effectiveDate() const
{
    // An effective date is a day: midnight UTC of it, as the API reads "2026-03-20".
    return QDateTime(m_date->date(), QTime(0, 0), Qt::UTC);
}

QStringList RecordEventDialog::channels() const
{
    QStringList out;
    for (const QString &channel : channelNames())
        if (m_channels.value(channel)->isChecked())
            out << channel;
    return out;
}

QString RecordEventDialog::reason() const
{
    return m_reason ? m_reason->text().trimmed() : QString();
}

void RecordEventDialog::renderInto(const QString &payloadType, const Preview &preview)
{
    const PayloadTemplate *builtin = builtinTemplateOfType(payloadType);
    if (!builtin)
        return;
    TemplateValues values;
    values.peerMentorId = m_profile.mentor.id;
    values.date = effectiveDate();
    values.reason = reason();
    // No locale: the organisation's, as the API builds it.
    auto rendered = m_services.payloads.render(m_caller, builtin->id, values);
    if (!rendered) {
        preview.title->setText(ErrorMessages::heading(rendered.error()));
        preview.body->setText(ErrorMessages::text(rendered.error()));
        return;
    }
    preview.title->setText(rendered->title);
    preview.body->setText(rendered->body);
    const QString language = QLocale(rendered->locale).nativeLanguageName();
    m_language->setText(tr("The messages are in the organisation's language (%1).").arg(language));
}

void RecordEventDialog::updatePreview()
{
    m_previewTimer->stop();
    renderInto(PauseEventService::coordinatorPayloadType(m_event), m_coordinatorPreview);
    renderInto(PauseEventService::peerMentorPayloadType(m_event), m_mentorPreview);
}

void RecordEventDialog::clearError()
{
    m_message->clear();
    m_message->setVisible(false);
}

void RecordEventDialog::showError(const QString &what, const Error &error)
{
    m_message->setText(what + QLatin1Char('\n') + ErrorMessages::text(error));
    m_message->setVisible(true);
    QWidget *focus = nullptr;
    for (const FieldError &field : error.fields) {
        if (field.field == cc::field::Reason)
            focus = m_reason;
        else if (field.field == cc::field::Notes)
            focus = m_notes;
        else if (field.field == cc::field::EffectiveDate || field.field == cc::field::Date)
            focus = m_date;
        else if (field.field == cc::field::ChannelsNotified)
            focus = m_channels.value(channelNames().constFirst());
        if (focus)
            break;
    }
    if (focus)
        focus->setFocus(Qt::OtherFocusReason);
    QAccessibleEvent alert(m_message, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void RecordEventDialog::accept()
{
    clearError();
    const QStringList chosen = channels();
    if (chosen.isEmpty()) {
        showError(tr("Choose at least one channel the notification went out on."),
                  Error::field(ErrorCode::Invalid, field::ChannelsNotified, QString()));
        return;
    }
    const QString notes = m_notes->toPlainText().trimmed();
    if (notes.size() > NotificationRecordService::kMaxNotes) {
        showError(tr("The notes are too long: at most %n character(s).", nullptr,
                     NotificationRecordService::kMaxNotes),
                  Error::field(ErrorCode::Invalid, field::Notes, QString()));
        return;
    }
    updatePreview();

    PauseEvent event;
    event.peerMentorId = m_profile.mentor.id;
    event.coordinatorId = m_profile.mentor.coordinatorId;
    event.event = m_event;
    event.effectiveDate = effectiveDate();
    event.reason = reason();
    event.channels = chosen;
    event.notes = notes;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    PauseEventService events(m_services.payloads, m_services.records);
    PauseEventStep failedStep = PauseEventStep::Record;
    auto recorded = events.recordEvent(m_caller, event, &failedStep);
    QGuiApplication::restoreOverrideCursor();
    if (!recorded) {
        switch (failedStep) {
        case PauseEventStep::CoordinatorPayload:
            showError(tr("The message to the coordinator could not be built."), recorded.error());
            break;
        case PauseEventStep::PeerMentorPayload:
            showError(tr("The message to the peer mentor could not be built."), recorded.error());
            break;
        case PauseEventStep::Record:
            showError(tr("The notification could not be recorded."), recorded.error());
            break;
        }
        return;
    }
    m_recorded = recorded->record;
    m_payloads = recorded->payloads;
    QDialog::accept();
}

} // namespace cc
