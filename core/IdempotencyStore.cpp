#include "core/IdempotencyStore.h"

namespace cc {

Status IdempotencyStore::validateKey(const QString &key)
{
    if (key.isEmpty() || key.size() > kMaxKeyLength)
        return Error::field(
            ErrorCode::Invalid, QStringLiteral("Idempotency-Key"),
            QStringLiteral("The Idempotency-Key header must be 1 to %1 characters.").arg(kMaxKeyLength));
    for (const QChar c : key)
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return Error::field(
                ErrorCode::Invalid, QStringLiteral("Idempotency-Key"),
                QStringLiteral("The Idempotency-Key header may hold only visible ASCII characters."));
    return {};
}

Result<std::optional<IdempotentResponse>> IdempotencyStore::find(const QString &userId, const QString &key)
{
    Query q(m_db,
            QStringLiteral("SELECT user_id, idem_key, fingerprint, status, body, location, created_at, etag "
                           "FROM idempotency_keys WHERE user_id = :u AND idem_key = :k"));
    q.bind(QStringLiteral(":u"), userId).bind(QStringLiteral(":k"), key);
    return fetchOne<IdempotentResponse>(q, [](const Query &r) {
        return IdempotentResponse{r.value(0).toString(),          r.value(1).toString(),
                                  r.value(2).toString(),          r.value(3).toInt(),
                                  r.value(4).toString().toUtf8(), r.value(5).toString(),
                                  timeFrom(r.value(6)),           r.value(7).toString()};
    });
}

Result<IdempotencyStore::Claim> IdempotencyStore::claim(const QString &userId, const QString &key,
                                                        const QString &fingerprint)
{
    const QDateTime now = m_clock.now();
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto existing = find(userId, key);
        if (!existing)
            return existing.error();
        if (existing->has_value()) {
            const IdempotentResponse &stored = **existing;
            if (stored.createdAt.addSecs(24 * 3600) < now) {
                // Expired: forget it and treat the request as new.
                if (auto s = release(userId, key); !s)
                    return s.error();
            } else {
                Claim c;
                c.stored = stored;
                c.outcome = stored.fingerprint != fingerprint ? Outcome::Mismatch
                    : stored.status == 0                      ? Outcome::InFlight
                                                              : Outcome::Replay;
                return c;
            }
        }
        // In a savepoint of its own: on PostgreSQL a refused insert would spoil the caller's
        // transaction, which goes on to look again.
        Transaction tx(m_db);
        if (!tx.begun())
            return tx.begun().error();
        Query q(m_db,
                QStringLiteral(
                    "INSERT INTO idempotency_keys (user_id, idem_key, fingerprint, status, body, created_at) "
                    "VALUES (:u, :k, :f, 0, '', :at)"));
        q.bind(QStringLiteral(":u"), userId).bind(QStringLiteral(":k"), key);
        q.bind(QStringLiteral(":f"), fingerprint).bind(QStringLiteral(":at"), timeValue(now));
        if (auto s = q.exec(); !s && !q.wasUniqueViolation())
            return s.error();
        else if (s) {
            if (auto committed = tx.commit(); !committed)
                return committed.error();
            return Claim{};
        }
        // Someone claimed it between our look and our insert: look again.
    }
    return Error{
        ErrorCode::Conflict, QStringLiteral("A request with this Idempotency-Key is being handled."), {}, 0};
}

Status IdempotencyStore::complete(const QString &userId, const QString &key, int status,
                                  const QByteArray &body, const QString &location, const QString &etag)
{
    Query q(m_db,
            QStringLiteral("UPDATE idempotency_keys SET status = :s, body = :b, location = :l, etag = :e "
                           "WHERE user_id = :u AND idem_key = :k"));
    q.bind(QStringLiteral(":s"), status).bind(QStringLiteral(":b"), QString::fromUtf8(body));
    q.bind(QStringLiteral(":e"), nullable(etag));
    q.bind(QStringLiteral(":l"), nullable(location))
        .bind(QStringLiteral(":u"), userId)
        .bind(QStringLiteral(":k"), key);
    return q.exec();
}

Status IdempotencyStore::release(const QString &userId, const QString &key)
{
    Query q(m_db, QStringLiteral("DELETE FROM idempotency_keys WHERE user_id = :u AND idem_key = :k"));
    q.bind(QStringLiteral(":u"), userId).bind(QStringLiteral(":k"), key);
    return q.exec();
}

Status IdempotencyStore::prune()
{
    // Answers after a day; claims without an answer after ten minutes (claims are written in the
    // request's own transaction now, so only an older version's crash can have left one).
    Query q(m_db,
            QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < :before "
                           "OR (status = 0 AND created_at < :abandoned)"));
    q.bind(QStringLiteral(":before"), timeValue(m_clock.now().addSecs(-24 * 3600)));
    q.bind(QStringLiteral(":abandoned"), timeValue(m_clock.now().addSecs(-10 * 60)));
    return q.exec();
}

} // namespace cc
