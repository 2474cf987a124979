#include "core/UserRepository.h"

#include "core/Ids.h"

namespace cc {

namespace {

const QString kUserColumns = QStringLiteral(
    "id, username, display_name, role, org_id, coordinator_id, password_hash, disabled, created_at, "
    "must_change_password");
const QString kTokenColumns = QStringLiteral(
    "t.id, t.user_id, t.token_hash, t.label, t.created_at, t.expires_at, t.revoked_at, t.last_used_at");

User userFrom(const Query &q)
{
    User u;
    u.id = q.value(0).toString();
    u.username = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.role = roleFromName(q.value(3).toString()).value_or(Role::Coordinator);
    u.orgId = q.value(4).toString();
    u.coordinatorId = q.value(5).toString();
    u.passwordHash = q.value(6).toString();
    u.disabled = q.value(7).toInt() != 0;
    u.createdAt = timeFrom(q.value(8));
    u.mustChangePassword = q.value(9).toInt() != 0;
    return u;
}

ApiToken tokenFrom(const Query &q)
{
    return ApiToken{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString(), timeFrom(q.value(4)),  timeFrom(q.value(5)),
                    timeFrom(q.value(6)),  timeFrom(q.value(7))};
}

Result<int> count(Query &q)
{
    if (auto s = q.exec(); !s)
        return s.error();
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace

Status UserRepository::insertUser(const User &u)
{
    Query q(
        m_db,
        QStringLiteral("INSERT INTO users (") + kUserColumns
            + QStringLiteral(
                ") VALUES (:id, :username, :display, :role, :org, :coord, :hash, :disabled, :at, :change)"));
    q.bind(QStringLiteral(":id"), u.id).bind(QStringLiteral(":username"), u.username);
    q.bind(QStringLiteral(":display"), u.displayName).bind(QStringLiteral(":role"), roleName(u.role));
    q.bind(QStringLiteral(":org"), nullable(u.orgId))
        .bind(QStringLiteral(":coord"), nullable(u.coordinatorId));
    q.bind(QStringLiteral(":hash"), u.passwordHash).bind(QStringLiteral(":disabled"), u.disabled ? 1 : 0);
    q.bind(QStringLiteral(":at"), timeValue(u.createdAt));
    q.bind(QStringLiteral(":change"), u.mustChangePassword ? 1 : 0);
    return q.exec();
}

Status UserRepository::updateUser(const User &u)
{
    Query q(m_db,
            QStringLiteral("UPDATE users SET display_name = :display, role = :role, org_id = :org, "
                           "coordinator_id = :coord, password_hash = :hash, disabled = :disabled, "
                           "must_change_password = :change WHERE id = :id"));
    q.bind(QStringLiteral(":id"), u.id).bind(QStringLiteral(":display"), u.displayName);
    q.bind(QStringLiteral(":role"), roleName(u.role)).bind(QStringLiteral(":org"), nullable(u.orgId));
    q.bind(QStringLiteral(":coord"), nullable(u.coordinatorId)).bind(QStringLiteral(":hash"), u.passwordHash);
    q.bind(QStringLiteral(":disabled"), u.disabled ? 1 : 0);
    q.bind(QStringLiteral(":change"), u.mustChangePassword ? 1 : 0);
    return q.exec();
}

Result<std::optional<User>> UserRepository::user(const QString &id)
{
    Query q(m_db, QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    return fetchOne<User>(q, userFrom);
}

Result<std::optional<User>> UserRepository::userByUsername(const QString &username)
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users WHERE username = :u"));
    q.bind(QStringLiteral(":u"), username);
    return fetchOne<User>(q, userFrom);
}

Result<QList<User>> UserRepository::users(const QString &orgId)
{
    if (orgId.isEmpty()) {
        Query q(m_db,
                QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users ORDER BY username"));
        return fetchAll<User>(q, userFrom);
    }
    Query q(m_db,
            QStringLiteral("SELECT ") + kUserColumns
                + QStringLiteral(" FROM users WHERE org_id = :org ORDER BY username"));
    q.bind(QStringLiteral(":org"), orgId);
    return fetchAll<User>(q, userFrom);
}

Result<bool> UserRepository::anyUser()
{
    if (!m_db.isSqlite()) {
        // SQLite's write transactions exclude each other already; on PostgreSQL every caller of
        // this waits here for the one before to end its transaction.
        Query lock(m_db, QStringLiteral("SELECT pg_advisory_xact_lock(7305102)"));
        if (auto s = lock.exec(); !s)
            return s.error();
    }
    Query q(m_db, QStringLiteral("SELECT 1 FROM users LIMIT 1"));
    if (auto s = q.exec(); !s)
        return s.error();
    return q.next();
}

Status UserRepository::insertToken(const ApiToken &t)
{
    Query q(m_db,
            QStringLiteral("INSERT INTO api_tokens (id, user_id, token_hash, label, created_at, expires_at) "
                           "VALUES (:id, :user, :hash, :label, :created, :expires)"));
    q.bind(QStringLiteral(":id"), t.id).bind(QStringLiteral(":user"), t.userId);
    q.bind(QStringLiteral(":hash"), t.tokenHash).bind(QStringLiteral(":label"), nullable(t.label));
    q.bind(QStringLiteral(":created"), timeValue(t.createdAt))
        .bind(QStringLiteral(":expires"), timeValue(t.expiresAt));
    return q.exec();
}

Result<std::optional<ApiToken>> UserRepository::tokenByHash(const QString &hash)
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kTokenColumns
                + QStringLiteral(" FROM api_tokens t WHERE t.token_hash = :h"));
    q.bind(QStringLiteral(":h"), hash);
    return fetchOne<ApiToken>(q, tokenFrom);
}

Result<QList<ApiToken>> UserRepository::tokens(const QString &userId)
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kTokenColumns
                + QStringLiteral(" FROM api_tokens t WHERE t.user_id = :u ORDER BY t.created_at DESC"));
    q.bind(QStringLiteral(":u"), userId);
    return fetchAll<ApiToken>(q, tokenFrom);
}

Result<QList<ApiToken>> UserRepository::tokensOfOrganisation(const QString &orgId)
{
    if (orgId.isEmpty()) {
        Query q(m_db,
                QStringLiteral("SELECT ") + kTokenColumns
                    + QStringLiteral(" FROM api_tokens t ORDER BY t.created_at DESC"));
        return fetchAll<ApiToken>(q, tokenFrom);
    }
    Query q(m_db,
            QStringLiteral("SELECT ") + kTokenColumns
                + QStringLiteral(" FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.org_id = :org "
                                 "ORDER BY t.created_at DESC"));
    q.bind(QStringLiteral(":org"), orgId);
    return fetchAll<ApiToken>(q, tokenFrom);
}

Status UserRepository::revokeToken(const QString &tokenId, const QDateTime &at)
{
    Query q(m_db,
            QStringLiteral("UPDATE api_tokens SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL"));
    q.bind(QStringLiteral(":at"), timeValue(at)).bind(QStringLiteral(":id"), tokenId);
    return q.exec();
}

Status UserRepository::revokeTokensOfUser(const QString &userId, const QDateTime &at)
{
    Query q(
        m_db,
        QStringLiteral("UPDATE api_tokens SET revoked_at = :at WHERE user_id = :u AND revoked_at IS NULL"));
    q.bind(QStringLiteral(":at"), timeValue(at)).bind(QStringLiteral(":u"), userId);
    return q.exec();
}

Status UserRepository::touchToken(const QString &tokenId, const QDateTime &at)
{
    Query q(m_db, QStringLiteral("UPDATE api_tokens SET last_used_at = :at WHERE id = :id"));
    q.bind(QStringLiteral(":at"), timeValue(at)).bind(QStringLiteral(":id"), tokenId);
    return q.exec();
}

Status UserRepository::insertPairingCode(const StoredPairingCode &c)
{
    Query q(m_db,
            QStringLiteral(
                "INSERT INTO pairing_codes (id, code_hash, user_id, created_by, created_at, expires_at) "
                "VALUES (:id, :hash, :user, :by, :created, :expires)"));
    q.bind(QStringLiteral(":id"), c.id).bind(QStringLiteral(":hash"), c.codeHash);
    q.bind(QStringLiteral(":user"), c.userId).bind(QStringLiteral(":by"), c.createdBy);
    q.bind(QStringLiteral(":created"), timeValue(c.createdAt))
        .bind(QStringLiteral(":expires"), timeValue(c.expiresAt));
    return q.exec();
}

Result<std::optional<StoredPairingCode>> UserRepository::pairingCodeByHash(const QString &hash)
{
    Query q(m_db,
            QStringLiteral("SELECT id, code_hash, user_id, created_by, created_at, expires_at, used_at "
                           "FROM pairing_codes WHERE code_hash = :h"));
    q.bind(QStringLiteral(":h"), hash);
    return fetchOne<StoredPairingCode>(q, [](const Query &r) {
        return StoredPairingCode{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
                                 r.value(3).toString(), timeFrom(r.value(4)),  timeFrom(r.value(5)),
                                 timeFrom(r.value(6))};
    });
}

Result<bool> UserRepository::markPairingCodeUsed(const QString &id, const QDateTime &at)
{
    Query q(m_db,
            QStringLiteral("UPDATE pairing_codes SET used_at = :at WHERE id = :id AND used_at IS NULL"));
    q.bind(QStringLiteral(":at"), timeValue(at)).bind(QStringLiteral(":id"), id);
    if (auto s = q.exec(); !s)
        return s.error();
    return q.numRowsAffected() == 1;
}

Status UserRepository::prunePairingCodes(const QDateTime &before)
{
    Query q(m_db, QStringLiteral("DELETE FROM pairing_codes WHERE expires_at < :before"));
    q.bind(QStringLiteral(":before"), timeValue(before));
    return q.exec();
}

Status UserRepository::insertLoginFailure(const QString &username, const QString &address,
                                          const QDateTime &at)
{
    Query q(m_db,
            QStringLiteral(
                "INSERT INTO login_failures (id, username, address, failed_at) VALUES (:id, :u, :a, :at)"));
    // A missing username or address (a null QString, which would bind as NULL) is stored as "".
    const QString empty(QLatin1String(""));
    q.bind(QStringLiteral(":id"), randomId(QStringLiteral("lf_"), 16))
        .bind(QStringLiteral(":u"), username.isNull() ? empty : username);
    q.bind(QStringLiteral(":a"), address.isNull() ? empty : address)
        .bind(QStringLiteral(":at"), timeValue(at));
    return q.exec();
}

Result<int> UserRepository::loginFailuresForUsername(const QString &username, const QDateTime &since)
{
    Query q(m_db,
            QStringLiteral("SELECT COUNT(*) FROM login_failures WHERE username = :u AND failed_at > :since"));
    q.bind(QStringLiteral(":u"), username).bind(QStringLiteral(":since"), timeValue(since));
    return count(q);
}

Result<int> UserRepository::loginFailuresForAddress(const QString &address, const QDateTime &since)
{
    Query q(m_db,
            QStringLiteral("SELECT COUNT(*) FROM login_failures WHERE address = :a AND failed_at > :since"));
    q.bind(QStringLiteral(":a"), address).bind(QStringLiteral(":since"), timeValue(since));
    return count(q);
}

Result<QDateTime> UserRepository::oldestLoginFailureForUsername(const QString &username,
                                                                const QDateTime &since)
{
    Query q(m_db,
            QStringLiteral(
                "SELECT MIN(failed_at) FROM login_failures WHERE username = :u AND failed_at > :since"));
    q.bind(QStringLiteral(":u"), username).bind(QStringLiteral(":since"), timeValue(since));
    if (auto s = q.exec(); !s)
        return s.error();
    return q.next() ? timeFrom(q.value(0)) : QDateTime();
}

Result<QDateTime> UserRepository::oldestLoginFailureForAddress(const QString &address, const QDateTime &since)
{
    Query q(m_db,
            QStringLiteral(
                "SELECT MIN(failed_at) FROM login_failures WHERE address = :a AND failed_at > :since"));
    q.bind(QStringLiteral(":a"), address).bind(QStringLiteral(":since"), timeValue(since));
    if (auto s = q.exec(); !s)
        return s.error();
    return q.next() ? timeFrom(q.value(0)) : QDateTime();
}

Status UserRepository::clearLoginFailures(const QString &username)
{
    Query q(m_db, QStringLiteral("DELETE FROM login_failures WHERE username = :u"));
    q.bind(QStringLiteral(":u"), username);
    return q.exec();
}

Status UserRepository::pruneLoginFailures(const QDateTime &before)
{
    Query q(m_db, QStringLiteral("DELETE FROM login_failures WHERE failed_at < :before"));
    q.bind(QStringLiteral(":before"), timeValue(before));
    return q.exec();
}

} // namespace cc
