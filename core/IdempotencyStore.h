#pragma once

#include "core/Clock.h"
#include "core/Database.h"

#include <QByteArray>
#include <QDateTime>

namespace cc {

// A stored answer to a POST sent with an Idempotency-Key.
struct IdempotentResponse
{
    QString userId;
    QString key;
    QString fingerprint; // what the request was (method, path, body hash)
    int status = 0;      // 0 while the first request is still being handled
    QByteArray body;
    QString location;
    QDateTime createdAt;
    QString etag;
};

// Remembers the answer to a POST sent with an Idempotency-Key, per user, for 24 hours, so a
// retry gets the first answer instead of creating a second resource.
class IdempotencyStore
{
public:
    IdempotencyStore(Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock)
    {}

    enum class Outcome
    {
        Fresh,    // first time: handle the request, then complete()
        Replay,   // answered before: send `stored` again
        Mismatch, // the key was used for a different request (422)
        InFlight, // the first request with this key is still being handled (409)
    };
    struct Claim
    {
        Outcome outcome = Outcome::Fresh;
        IdempotentResponse stored;
    };

    static constexpr int kMaxKeyLength = 128;
    static Status validateKey(const QString &key);

    // Claims the key for this request (a row with status 0), or says what happened to it before.
    Result<Claim> claim(const QString &userId, const QString &key, const QString &fingerprint);
    // Stores the answer of a claimed key.
    Status complete(const QString &userId, const QString &key, int status, const QByteArray &body,
                    const QString &location, const QString &etag = {});
    // Releases a claimed key whose request failed, so the client may retry it.
    Status release(const QString &userId, const QString &key);
    Status prune();

private:
    Result<std::optional<IdempotentResponse>> find(const QString &userId, const QString &key);

    Database &m_db;
    const Clock &m_clock;
};

} // namespace cc
