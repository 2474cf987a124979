#pragma once

#include "core/Records.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace cc {

class HistoryModel;

// The right side of the Peer mentors page: one mentor's profile (name, status, contact, pause),
// room for the page's action buttons, and the notification history timeline over a HistoryModel
// with a note under it (how many, or why none).
class MentorProfileView : public QWidget
{
    Q_OBJECT
public:
    // The page gives each its text, shortcut and action.
    enum class Button
    {
        RecordPause,
        RecordResume,
        ExportCsv,
        ExportPdf
    };

    MentorProfileView(HistoryModel &history, QWidget *parent = nullptr);

    QPushButton *button(Button which) const;
    // `coordinator` is the coordinator's name as the list shows it.
    void showProfile(const PeerMentorProfile &profile, const QString &coordinator);
    void updateTimelineNote();

private:
    QWidget *buildProfileBox();
    QTreeView *buildTimeline();

    HistoryModel &m_history;

    QLabel *m_name = nullptr;
    QLabel *m_id = nullptr;
    QLabel *m_coordinator = nullptr;
    QLabel *m_email = nullptr;
    QLabel *m_phone = nullptr;
    QLabel *m_statusIcon = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_pausedSince = nullptr;

    QPushButton *m_buttons[4] = {};
    QTreeView *m_timeline = nullptr;
    QLabel *m_timelineNote = nullptr;
};

} // namespace cc
