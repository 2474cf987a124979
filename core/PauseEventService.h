#pragma once

#include "core/Caller.h"
#include "core/NotificationRecordService.h"
#include "core/PayloadService.h"
#include "core/Records.h"
#include "core/Templates.h"

namespace cc {

// A pause or a resume recorded on a peer mentor's behalf, as the mobile app does it.
struct PauseEvent
{
    QString peerMentorId;
    QString coordinatorId;
    EventType event = EventType::PauseActivated;
    QDateTime effectiveDate;
    QString reason; // empty: none
    QStringList channels;
    QString notes; // empty: none
};

struct RecordedPauseEvent
{
    NotificationRecord record;
    QList<BuiltPayload> payloads; // the coordinator's, then the peer mentor's
};

// The step of recordEvent() that refused.
enum class PauseEventStep
{
    CoordinatorPayload,
    PeerMentorPayload,
    Record,
};

// Records a pause event the way the mobile app does: first the coordinator's and the peer
// mentor's payloads are built from the organisation's templates (as the app builds them before
// it sends), then the notification is recorded. The first refusal stops it: channels or notes the
// record would refuse are refused before any payload is built, a payload that cannot be built
// leaves no record behind, and the caller learns which step refused and why.
class PauseEventService
{
public:
    PauseEventService(PayloadService &payloads, NotificationRecordService &records);

    // The payload types built for an event: the coordinator's, then the peer mentor's.
    static QString coordinatorPayloadType(EventType event);
    static QString peerMentorPayloadType(EventType event);

    // On a refusal `failedStep`, when given, says which step refused.
    Result<RecordedPauseEvent> recordEvent(const Caller &caller, const PauseEvent &event,
                                           PauseEventStep *failedStep = nullptr);

private:
    PayloadService &m_payloads;
    NotificationRecordService &m_records;
};

} // namespace cc
