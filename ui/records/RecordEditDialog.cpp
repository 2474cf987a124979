#include "ui/records/RecordEditDialog.h"

#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"

#include <QAccessible>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cc {

RecordEditDialog::RecordEditDialog(NotificationRecordService &records, const Caller &caller,
                                   const NotificationRecord &record, QWidget *parent)
    : QDialog(parent)
    , m_records(records)
    , m_caller(caller)
{
    setObjectName(QStringLiteral("RecordEditDialog"));
    setWindowTitle(tr("Edit the notification record"));

    // What the record is: read-only, selectable so a screen reader's Tab reads it.
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("recordSummary"));
    m_summary->setAccessibleName(tr("The record"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setFocusPolicy(Qt::StrongFocus);

    QWidget *channelsBox = buildChannelsBox();

    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setPlaceholderText(tr("Notes for coordinators (optional)"));
    auto *notesLabel = new QLabel(tr("&Notes:"), this);
    notesLabel->setBuddy(m_notes);
    m_notesCount = new QLabel(this);
    m_notesCount->setObjectName(QStringLiteral("notesCount"));
    connect(m_notes, &QPlainTextEdit::textChanged, this, &RecordEditDialog::updateNotesCount);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("editMessage"));
    m_message->setAccessibleName(tr("Why it was not saved"));
    m_message->setWordWrap(true);
    m_message->setFrameShape(QFrame::StyledPanel);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setAccessibleName(tr("Save"));
    m_save->setDefault(true);
    m_reload = buttons->addButton(tr("&Load the current version"), QDialogButtonBox::ResetRole);
    m_reload->setObjectName(QStringLiteral("reloadButton"));
    m_reload->setAccessibleName(tr("Load the current version"));
    m_reload->setToolTip(tr("Show the record as it is now stored; what you changed here is replaced."));
    m_reload->setVisible(false);
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RecordEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reload, &QPushButton::clicked, this, &RecordEditDialog::loadCurrentVersion);

    auto *form = new QFormLayout;
    auto *notesColumn = new QVBoxLayout;
    notesColumn->addWidget(m_notes);
    notesColumn->addWidget(m_notesCount, 0, Qt::AlignRight);
    form->addRow(notesLabel, notesColumn);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(channelsBox);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);

    showRecord(record);
    m_channels.value(channelNames().constFirst())->setFocus();
}

QWidget *RecordEditDialog::buildChannelsBox()
{
    auto *channelsBox = new QGroupBox(tr("Channels the notification went out on"), this);
    channelsBox->setObjectName(QStringLiteral("channelsBox"));
    auto *channelsRow = new QHBoxLayout(channelsBox);
    for (const Channel channel : allChannels()) {
        const QString name = channelName(channel);
        auto *box = new QCheckBox(DisplayText::channelCheckBox(channel), channelsBox);
        box->setObjectName(QStringLiteral("channel_") + name);
        box->setAccessibleName(DisplayText::channel(channel));
        channelsRow->addWidget(box);
        m_channels.insert(name, box);
    }
    channelsRow->addStretch(1);
    return channelsBox;
}

void RecordEditDialog::showRecord(const NotificationRecord &record)
{
    m_record = record;
    m_etag = NotificationRecordService::etag(record);
    QStringList lines{
        tr("Peer mentor: %1").arg(record.peerMentorName),
        tr("Event: %1, effective %2")
            .arg(DisplayText::event(record.eventType), DisplayText::date(record.effectiveDate)),
        tr("Coordinator: %1").arg(record.coordinatorName),
        tr("Sent at: %1").arg(DisplayText::dateTime(record.sentAt)),
    };
    if (record.reason && !record.reason->isEmpty())
        lines << tr("Reason: %1").arg(*record.reason);
    m_summary->setText(lines.join(QLatin1Char('\n')));
    for (auto it = m_channels.cbegin(); it != m_channels.cend(); ++it)
        it.value()->setChecked(record.channels.contains(it.key()));
    m_notes->setPlainText(record.notes.value_or(QString()));
    updateNotesCount();
}

QStringList RecordEditDialog::checkedChannels() const
{
    // In the API's order of channels, whatever order they were ticked in.
    QStringList out;
    for (const QString &name : channelNames()) {
        if (m_channels.value(name)->isChecked())
            out << name;
    }
    return out;
}

QString RecordEditDialog::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void RecordEditDialog::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        QAccessibleEvent alert(m_message, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void RecordEditDialog::updateNotesCount()
{
    const qsizetype length = m_notes->toPlainText().size();
    m_notesCount->setText(tr("%1 of %2 characters").arg(length).arg(NotificationRecordService::kMaxNotes));
}

void RecordEditDialog::accept()
{
    const QStringList channels = checkedChannels();
    if (channels.isEmpty()) {
        setMessage(tr("Choose at least one channel the notification went out on."));
        m_channels.value(channelNames().constFirst())->setFocus();
        return;
    }
    const QString notesText = m_notes->toPlainText().trimmed();
    if (notesText.size() > NotificationRecordService::kMaxNotes) {
        setMessage(tr("The notes are too long: at most %n character(s).", nullptr,
                      NotificationRecordService::kMaxNotes));
        m_notes->setFocus();
        return;
    }
    // Only what changed is sent; no notes is stored as none (null), not as an empty text.
    const std::optional<QString> notes =
        notesText.isEmpty() ? std::nullopt : std::optional<QString>(notesText);
    RecordUpdate change;
    QStringList stored = m_record.channels;
    QStringList wanted = channels;
    stored.sort();
    wanted.sort();
    if (stored != wanted)
        change.channels = channels;
    if (notes != m_record.notes)
        change.notes = notes;
    if (!change.channels && !change.notes) {
        QDialog::accept();
        return;
    }

    const auto saved = m_records.update(m_caller, m_record.id, change, m_etag);
    if (!saved) {
        if (saved.error().code == ErrorCode::PreconditionFailed) {
            setMessage(
                tr("Someone else changed this record after you opened it, so your change was not saved.")
                + QLatin1Char('\n') + ErrorMessages::text(saved.error()));
            m_reload->setVisible(true);
            m_reload->setFocus();
        } else {
            setMessage(tr("The record could not be saved.") + QLatin1Char('\n')
                       + ErrorMessages::text(saved.error()));
        }
        return;
    }
    m_record = *saved;
    m_etag = NotificationRecordService::etag(m_record);
    setMessage({});
    QDialog::accept();
}

void RecordEditDialog::loadCurrentVersion()
{
    const auto current = m_records.get(m_caller, m_record.id);
    if (!current) {
        setMessage(tr("The record could not be read again.") + QLatin1Char('\n')
                   + ErrorMessages::text(current.error()));
        return;
    }
    showRecord(*current);
    setMessage({});
    m_reload->setVisible(false);
    m_save->setFocus();
}

} // namespace cc
