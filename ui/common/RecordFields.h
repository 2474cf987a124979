#pragma once

#include "core/Records.h"

#include <QCoreApplication>
#include <QVariant>

namespace cc {

// What a record's fields read as in the console's tables, once for every model that shows records
// (RecordsModel, HistoryModel): the words shown, a value that sorts, the value as the API writes
// it, and the column heading.
class RecordFields
{
    Q_DECLARE_TR_FUNCTIONS(RecordFields)

public:
    enum class Field
    {
        SentAt,
        PeerMentor,
        Event,
        EffectiveDate,
        Reason,
        Coordinator,
        Channels
    };

    static QVariant display(const NotificationRecord &record, Field field);
    // QDateTime for times, else the displayed text.
    static QVariant sortKey(const NotificationRecord &record, Field field);
    // Timestamps as the API writes them, event and channel names, ids.
    static QVariant raw(const NotificationRecord &record, Field field);
    static QString header(Field field);
};

} // namespace cc
