#include "tests/ui/UiTestData.h"

#include "tests/support/TestDatabase.h"

namespace cc::test::ui {

Caller coordinatorA()
{
    return World().coordinatorA;
}

Caller orgAdminA()
{
    return World().orgAdminA;
}

Caller coordinatorB()
{
    return World().coordinatorB;
}

Caller globalAdmin()
{
    return World().globalAdmin;
}

QDateTime day(int days)
{
    return QDateTime(testNow().date(), QTime(0, 0), Qt::UTC).addDays(days);
}

NewRecord newRecord(const QString &mentor, const QString &coordinator, EventType type,
                    const QDateTime &effective)
{
    NewRecord r;
    r.peerMentorId = mentor;
    r.coordinatorId = coordinator;
    r.eventType = type;
    r.effectiveDate = effective;
    r.channels = {QStringLiteral("push"), QStringLiteral("sms")};
    r.reason = QStringLiteral("Ferie");
    return r;
}

} // namespace cc::test::ui
