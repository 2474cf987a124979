#include "core/PauseEventService.h"

#include "core/Fields.h"

namespace cc {

PauseEventService::PauseEventService(PayloadService &payloads, NotificationRecordService &records)
    : m_payloads(payloads)
    , m_records(records)
{}

QString PauseEventService::coordinatorPayloadType(EventType event)
{
    return event == EventType::PauseActivated ? QStringLiteral("coordinator_pause")
                                              : QStringLiteral("coordinator_resume");
}

QString PauseEventService::peerMentorPayloadType(EventType event)
{
    return event == EventType::PauseActivated ? QStringLiteral("peer_mentor_pause_confirmation")
                                              : QStringLiteral("peer_mentor_resume_confirmation");
}

Result<RecordedPauseEvent> PauseEventService::recordEvent(const Caller &caller, const PauseEvent &event,
                                                          PauseEventStep *failedStep)
{
    const auto refused = [failedStep](PauseEventStep step, const Error &error) {
        if (failedStep)
            *failedStep = step;
        return error;
    };
    // What only the record checks is checked first, so that it refuses before any payload is built.
    if (auto s = NotificationRecordService::validateChannels(event.channels, field::ChannelsNotified); !s)
        return refused(PauseEventStep::Record, s.error());
    if (event.notes.size() > NotificationRecordService::kMaxNotes)
        return refused(PauseEventStep::Record,
                       Error::field(ErrorCode::Invalid, field::Notes,
                                    QStringLiteral("notes must be at most %1 characters.")
                                        .arg(NotificationRecordService::kMaxNotes)));
    RecordedPauseEvent out;
    const std::pair<QString, PauseEventStep> steps[] = {
        {coordinatorPayloadType(event.event), PauseEventStep::CoordinatorPayload},
        {peerMentorPayloadType(event.event), PauseEventStep::PeerMentorPayload},
    };
    for (const auto &[type, step] : steps) {
        BuildRequest request;
        request.payloadType = type;
        request.peerMentorId = event.peerMentorId;
        request.date = event.effectiveDate;
        request.reason = event.reason;
        auto payload = m_payloads.build(caller, request);
        if (!payload)
            return refused(step, payload.error());
        out.payloads << *payload;
    }
    NewRecord input;
    input.peerMentorId = event.peerMentorId;
    input.eventType = event.event;
    input.effectiveDate = event.effectiveDate;
    if (!event.reason.isEmpty())
        input.reason = event.reason;
    input.coordinatorId = event.coordinatorId;
    input.channels = event.channels;
    if (!event.notes.isEmpty())
        input.notes = event.notes;
    auto recorded = m_records.record(caller, input);
    if (!recorded)
        return refused(PauseEventStep::Record, recorded.error());
    out.record = *recorded;
    return out;
}

} // namespace cc
