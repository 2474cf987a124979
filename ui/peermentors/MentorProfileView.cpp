#include "ui/peermentors/MentorProfileView.h"

#include "ui/common/ChannelsDelegate.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/Icons.h"
#include "ui/peermentors/GlyphColumnProxy.h"
#include "ui/peermentors/HistoryModel.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace cc {

namespace {

// A read-only profile value a keyboard can reach, select and copy; a screen reader reads its name
// (the caption) and its text.
QLabel *valueLabel(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setFocusPolicy(Qt::StrongFocus);
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    return label;
}

QString orNotGiven(const QString &text)
{
    return text.isEmpty() ? MentorProfileView::tr("Not given") : text;
}

} // namespace

MentorProfileView::MentorProfileView(HistoryModel &history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
{
    setObjectName(QStringLiteral("mentorProfile"));
    m_name = valueLabel(this, QStringLiteral("profileName"), tr("Name"));
    QFont heading = m_name->font();
    heading.setPointSizeF(heading.pointSizeF() * 1.35);
    heading.setBold(true);
    m_name->setFont(heading);
    m_statusIcon = new QLabel(this);
    m_statusIcon->setObjectName(QStringLiteral("profileStatusIcon"));
    m_status = valueLabel(this, QStringLiteral("profileStatus"), tr("Status"));
    m_status->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_statusIcon);
    nameRow->addWidget(m_status);
    QWidget *profileBox = buildProfileBox();

    for (QPushButton *&button : m_buttons)
        button = new QPushButton(this);
    button(Button::RecordPause)->setIcon(Icons::glyph(Icons::Glyph::Paused));
    button(Button::RecordResume)->setIcon(Icons::glyph(Icons::Glyph::Active));
    auto *actions = new QHBoxLayout;
    actions->addWidget(button(Button::RecordPause));
    actions->addWidget(button(Button::RecordResume));
    actions->addStretch(1);

    m_timeline = buildTimeline();
    auto *timelineLabel = new QLabel(tr("Notification his&tory:"), this);
    timelineLabel->setBuddy(m_timeline);
    m_timelineNote = new QLabel(this);
    m_timelineNote->setObjectName(QStringLiteral("timelineNote"));
    m_timelineNote->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(nameRow);
    layout->addWidget(profileBox);
    layout->addLayout(actions);
    // The exports belong to the history: on its heading's line, which leaves room for longer words.
    auto *timelineHeading = new QHBoxLayout;
    timelineHeading->addWidget(timelineLabel, 0, Qt::AlignBottom);
    timelineHeading->addStretch(1);
    timelineHeading->addWidget(button(Button::ExportCsv));
    timelineHeading->addWidget(button(Button::ExportPdf));
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addLayout(timelineHeading);
    layout->addWidget(m_timeline, 1);
    layout->addWidget(m_timelineNote);

    connect(&m_history, &QAbstractItemModel::rowsInserted, this, &MentorProfileView::updateTimelineNote);
    connect(&m_history, &QAbstractItemModel::rowsRemoved, this, &MentorProfileView::updateTimelineNote);
    connect(&m_history, &QAbstractItemModel::modelReset, this, &MentorProfileView::updateTimelineNote);
}

QWidget *MentorProfileView::buildProfileBox()
{
    m_id = valueLabel(this, QStringLiteral("profileId"), tr("Id"));
    m_coordinator = valueLabel(this, QStringLiteral("profileCoordinator"), tr("Coordinator"));
    m_email = valueLabel(this, QStringLiteral("profileEmail"), tr("Email"));
    m_phone = valueLabel(this, QStringLiteral("profilePhone"), tr("Phone"));
    m_pausedSince = valueLabel(this, QStringLiteral("profilePausedSince"), tr("Paused since"));

    auto *profileBox = new QGroupBox(tr("Profile"), this);
    profileBox->setObjectName(QStringLiteral("profileBox"));
    auto *grid = new QGridLayout(profileBox);
    const auto addField = [&](int row, int column, const QString &caption, QLabel *value) {
        auto *label = new QLabel(caption, profileBox);
        label->setBuddy(value);
        grid->addWidget(label, row, column * 2, Qt::AlignTop);
        grid->addWidget(value, row, column * 2 + 1, Qt::AlignTop);
    };
    addField(0, 0, tr("Id:"), m_id);
    addField(0, 1, tr("Coordinator:"), m_coordinator);
    addField(1, 0, tr("Email:"), m_email);
    addField(1, 1, tr("Phone:"), m_phone);
    addField(2, 0, tr("Paused since:"), m_pausedSince);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setHorizontalSpacing(fontMetrics().averageCharWidth() * 2);
    return profileBox;
}

QTreeView *MentorProfileView::buildTimeline()
{
    auto *timeline = new QTreeView(this);
    timeline->setObjectName(QStringLiteral("timelineView"));
    timeline->setAccessibleName(tr("Notification history"));
    timeline->setAccessibleDescription(
        tr("Newest first: event, effective date, reason, channels and when it was sent."));
    auto *glyphs = new GlyphColumnProxy(
        HistoryModel::EventColumn, HistoryModel::RawRole,
        {{eventTypeName(EventType::PauseActivated), Icons::glyph(Icons::Glyph::Paused)},
         {eventTypeName(EventType::PauseDeactivated), Icons::glyph(Icons::Glyph::Active)}},
        this);
    glyphs->setSourceModel(&m_history);
    timeline->setModel(glyphs);
    timeline->setItemDelegateForColumn(HistoryModel::ChannelsColumn,
                                       new ChannelsDelegate(HistoryModel::RawRole, timeline));
    timeline->setRootIsDecorated(false);
    timeline->setUniformRowHeights(true);
    timeline->setAllColumnsShowFocus(true);
    timeline->setAlternatingRowColors(true);
    timeline->setSelectionMode(QAbstractItemView::SingleSelection);
    timeline->setSelectionBehavior(QAbstractItemView::SelectRows);
    timeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QHeaderView *header = timeline->header();
    header->setAccessibleName(tr("Columns of the notification history"));
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(HistoryModel::ReasonColumn, QHeaderView::Stretch);
    return timeline;
}

QPushButton *MentorProfileView::button(Button which) const
{
    return m_buttons[int(which)];
}

void MentorProfileView::showProfile(const PeerMentorProfile &p, const QString &coordinator)
{
    const bool paused = p.status == PauseStatus::Paused;
    m_name->setText(p.mentor.name);
    m_id->setText(p.mentor.id);
    m_coordinator->setText(orNotGiven(coordinator));
    m_email->setText(orNotGiven(p.mentor.email));
    m_phone->setText(orNotGiven(p.mentor.phone));
    m_status->setText(DisplayText::status(p.status));
    const int extent = std::max(16, fontMetrics().height());
    m_statusIcon->setPixmap(
        Icons::glyph(paused ? Icons::Glyph::Paused : Icons::Glyph::Active).pixmap(extent, extent));
    m_pausedSince->setText(paused ? DisplayText::date(p.pauseStartDate) : tr("Not paused"));
}

void MentorProfileView::updateTimelineNote()
{
    if (const auto &error = m_history.lastError())
        m_timelineNote->setText(ErrorMessages::text(*error));
    else if (m_history.rowCount() == 0)
        m_timelineNote->setText(tr("No notifications are recorded for this peer mentor yet."));
    else
        m_timelineNote->setText(tr("%n notification(s), newest first.", nullptr, m_history.rowCount()));
}

} // namespace cc
