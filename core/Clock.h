#pragma once

#include <QDateTime>

namespace cc {

// "Now", injectable so tests can set it. Always UTC, rounded to milliseconds.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

// A clock that stands still until told to move.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &start);
    QDateTime now() const override;
    void set(const QDateTime &when);
    void advance(qint64 msecs);

private:
    QDateTime m_now;
};

} // namespace cc
