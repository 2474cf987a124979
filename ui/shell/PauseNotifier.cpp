#include "ui/shell/PauseNotifier.h"

#include "core/ChangeRelay.h"

#include <QThread>

namespace cc {

PauseNotifier::PauseNotifier(NotificationRecordService &records, const Caller &caller, QObject *parent)
    : QObject(parent)
    , m_caller(caller)
{
    // Direct: the slot sees which thread recorded it. The console records on its own thread; the
    // API server on its thread; another program's record (another desk, a `serve`) arrives through
    // the change relay. Only the latter two are news to the person at the desk.
    connect(
        &records, &NotificationRecordService::recordAdded, this,
        [this](const NotificationRecord &record) {
            if (QThread::currentThread() == thread() && !ChangeRelay::relaying())
                return;
            QMetaObject::invokeMethod(
                this, [this, record] { onRecordAdded(record); }, Qt::QueuedConnection);
        },
        Qt::DirectConnection);
}

QString PauseNotifier::messageFor(const NotificationRecord &record)
{
    switch (record.eventType) {
    case EventType::PauseActivated:
        return tr("%1 has activated a pause").arg(record.peerMentorName);
    case EventType::PauseDeactivated:
        return tr("%1 has ended a pause").arg(record.peerMentorName);
    }
    return {};
}

void PauseNotifier::onRecordAdded(const NotificationRecord &record)
{
    if (!m_caller.canSee(record.orgId))
        return;
    // A coordinator hears of their own peer mentors only.
    if (!m_caller.coordinatorId.isEmpty() && record.coordinatorId != m_caller.coordinatorId)
        return;
    emit notify(tr("Coordinator Console"), messageFor(record), record.id);
}

} // namespace cc
