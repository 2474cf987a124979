#pragma once

#include "core/Auth.h"
#include "core/Database.h"

namespace cc {

// Users, their API tokens and pairing codes, and the failed sign-ins that throttle guessing.
class UserRepository
{
public:
    explicit UserRepository(Database &db)
        : m_db(db)
    {}

    Status insertUser(const User &user);
    Status updateUser(const User &user);
    Result<std::optional<User>> user(const QString &id);
    Result<std::optional<User>> userByUsername(const QString &username);
    Result<QList<User>> users(const QString &orgId); // empty: all
    // Whether any user exists. Inside a transaction, callers of this take turns until it ends (on
    // PostgreSQL by an advisory lock), so two first starts cannot both find none.
    Result<bool> anyUser();

    Status insertToken(const ApiToken &token);
    Result<std::optional<ApiToken>> tokenByHash(const QString &hash);
    Result<QList<ApiToken>> tokens(const QString &userId);
    Result<QList<ApiToken>> tokensOfOrganisation(const QString &orgId); // empty: all
    Status revokeToken(const QString &tokenId, const QDateTime &at);
    Status revokeTokensOfUser(const QString &userId, const QDateTime &at);
    Status touchToken(const QString &tokenId, const QDateTime &at);

    Status insertPairingCode(const StoredPairingCode &code);
    Result<std::optional<StoredPairingCode>> pairingCodeByHash(const QString &hash);
    // Sets used_at unless it is set already; false when another redeem came first.
    Result<bool> markPairingCodeUsed(const QString &id, const QDateTime &at);
    // Deletes the codes that expired before `before` (a used code expires like any other).
    Status prunePairingCodes(const QDateTime &before);

    Status insertLoginFailure(const QString &username, const QString &address, const QDateTime &at);
    // Failures after `since` (a failure exactly at `since` has left the window).
    Result<int> loginFailuresForUsername(const QString &username, const QDateTime &since);
    Result<int> loginFailuresForAddress(const QString &address, const QDateTime &since);
    // The oldest failure after `since` for the username / for the address (for Retry-After); null
    // when there is none.
    Result<QDateTime> oldestLoginFailureForUsername(const QString &username, const QDateTime &since);
    Result<QDateTime> oldestLoginFailureForAddress(const QString &address, const QDateTime &since);
    Status clearLoginFailures(const QString &username);
    Status pruneLoginFailures(const QDateTime &before);

private:
    Database &m_db;
};

} // namespace cc
