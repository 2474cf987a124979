#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>

namespace cc::api {

// The ceilings of one API token (OWASP API4): requests per second, and notification records
// created per minute. Settings of `serve` (--max-requests-per-second, --max-records-per-minute).
struct RateLimits
{
    int requestsPerSecond = 20;
    int recordsPerMinute = 60;
};

// Counts each token's requests and records in fixed windows (one second, one minute). Knows no
// HTTP beyond the header values it writes (draft-ietf-httpapi-ratelimit-headers):
// RateLimit-Policy: "requests";q=20;w=1, "records";q=60;w=60 and RateLimit: "requests";r=0;t=1.
class RateLimiter
{
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic
    explicit RateLimiter(RateLimits limits, Clock now = {});

    struct Decision
    {
        bool allowed = true;
        int retryAfterSeconds = 0; // when refused
        QByteArray rateLimit;      // the RateLimit header of the quota that decided
    };
    // One request of `token`; `createsRecord` counts it against the records quota too.
    Decision admit(const QString &token, bool createsRecord);
    QByteArray policy() const;
    const RateLimits &limits() const { return m_limits; }

private:
    struct Window
    {
        qint64 start = -1;
        int used = 0;
    };
    struct Counts
    {
        Window requests;
        Window records;
    };
    static Decision take(Window &window, int quota, qint64 lengthMs, qint64 now, const char *name);
    void prune(qint64 now);

    RateLimits m_limits;
    Clock m_now;
    QHash<QString, Counts> m_counts;
    qint64 m_lastPrune = 0;
};

} // namespace cc::api
