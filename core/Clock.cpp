#include "core/Clock.h"

#include <QTimeZone>

namespace cc {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

ManualClock::ManualClock(const QDateTime &start)
    : m_now(start.toUTC())
{}

QDateTime ManualClock::now() const
{
    return m_now;
}

void ManualClock::set(const QDateTime &when)
{
    m_now = when.toUTC();
}

void ManualClock::advance(qint64 msecs)
{
    m_now = m_now.addMSecs(msecs);
}

} // namespace cc
