#include "server/RateLimiter.h"

#include <QElapsedTimer>

namespace cc::api {

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * 1000;

} // namespace

RateLimiter::RateLimiter(RateLimits limits, Clock now)
    : m_limits(limits)
    , m_now(std::move(now))
{
    if (!m_now) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_now = [timer] { return timer->elapsed(); };
    }
}

QByteArray RateLimiter::policy() const
{
    return "\"requests\";q=" + QByteArray::number(m_limits.requestsPerSecond)
        + ";w=1, \"records\";q=" + QByteArray::number(m_limits.recordsPerMinute) + ";w=60";
}

RateLimiter::Decision RateLimiter::take(Window &window, int quota, qint64 lengthMs, qint64 now,
                                        const char *name)
{
    if (window.start < 0 || now - window.start >= lengthMs) {
        window.start = now;
        window.used = 0;
    }
    Decision d;
    const qint64 resetMs = window.start + lengthMs - now;
    const int reset = int((resetMs + kSecond - 1) / kSecond);
    d.allowed = window.used < quota;
    if (d.allowed)
        ++window.used;
    else
        d.retryAfterSeconds = qMax(1, reset);
    d.rateLimit = QByteArray("\"") + name + "\";r=" + QByteArray::number(qMax(0, quota - window.used))
        + ";t=" + QByteArray::number(qMax(1, reset));
    return d;
}

RateLimiter::Decision RateLimiter::admit(const QString &token, bool createsRecord)
{
    const qint64 now = m_now();
    prune(now);
    Counts &c = m_counts[token];
    // The records quota first: a refused record is not counted as a request either.
    if (createsRecord) {
        Window before = c.records;
        const Decision records = take(c.records, m_limits.recordsPerMinute, kMinute, now, "records");
        if (!records.allowed)
            return records;
        const Decision requests = take(c.requests, m_limits.requestsPerSecond, kSecond, now, "requests");
        if (!requests.allowed)
            c.records = before; // not made after all
        return requests.allowed ? records : requests;
    }
    return take(c.requests, m_limits.requestsPerSecond, kSecond, now, "requests");
}

void RateLimiter::prune(qint64 now)
{
    // Now and then, tokens whose windows have all ended are forgotten: the table holds the tokens
    // of the last minute, not of every token ever seen.
    if (now - m_lastPrune < kMinute)
        return;
    m_lastPrune = now;
    for (auto it = m_counts.begin(); it != m_counts.end();) {
        if (now - it->records.start >= kMinute && now - it->requests.start >= kSecond)
            it = m_counts.erase(it);
        else
            ++it;
    }
}

} // namespace cc::api
