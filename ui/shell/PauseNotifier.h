#pragma once

#include "core/Caller.h"
#include "core/NotificationRecordService.h"
#include "core/Records.h"

#include <QObject>

namespace cc {

// Watches for pause events that arrive through the API (recorded on another thread than the
// console's) and that the signed-in caller may see, and words them for a tray message:
// "Kari Nordmann has activated a pause", in the console's language.
class PauseNotifier : public QObject
{
    Q_OBJECT
public:
    PauseNotifier(NotificationRecordService &records, const Caller &caller, QObject *parent = nullptr);

    static QString messageFor(const NotificationRecord &record);

signals:
    // On the notifier's thread.
    void notify(const QString &title, const QString &message, const QString &recordId);

private:
    void onRecordAdded(const NotificationRecord &record);
    Caller m_caller;
};

} // namespace cc
