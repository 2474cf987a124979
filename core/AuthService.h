#pragma once

#include "AuditLog.h"
#include "Clock.h"
#include "Database.h"
#include "UserRepository.h"

#include <QObject>

namespace cc {

// Sign-in with argon2id passwords, API tokens (random, stored only as a SHA-256 hash, expiring,
// revocable) and the throttling of failed sign-ins: 5 failures for a username or from an
// address within 15 minutes lock further attempts until the window passes.
class AuthService : public QObject
{
    Q_OBJECT
public:
    AuthService(Database &db, const Clock &clock, QObject *parent = nullptr);

    static constexpr int kMaxFailures = 5;
    static constexpr int kFailureWindowSeconds = 15 * 60;
    static constexpr int kDefaultTokenDays = 30;

    struct IssuedToken {
        QString secret;     // shown once, never stored
        ApiToken token;
        User user;
    };

    // Checks a username and password; Unauthenticated with one message whatever was wrong,
    // TooManyRequests (with retryAfterSeconds) while throttled.
    Result<User> checkPassword(const QString &username, const QString &password, const QString &address);
    // checkPassword, then a new token.
    Result<IssuedToken> signIn(const QString &username, const QString &password, const QString &address,
                               const QString &label = {});
    // A token for a user without their password (the admin command line, pairing).
    Result<IssuedToken> issueToken(const QString &username, int days = kDefaultTokenDays, const QString &label = {});
    // The caller a bearer token stands for; Unauthenticated when unknown, expired or revoked.
    Result<Caller> authenticate(const QString &secret);
    Status revokeSecret(const QString &secret);
    // Revokes a token by id: its owner, an org admin of the owner's organisation, or a global admin.
    Status revoke(const Caller &caller, const QString &tokenId);
    Result<QList<ApiToken>> tokens(const Caller &caller);

    // Forgets failed sign-ins older than the throttling window (run now and then).
    Status pruneLoginFailures();

    static Caller callerOf(const User &user);

signals:
    void tokensChanged();

private:
    Database &m_db;
    const Clock &m_clock;
    UserRepository m_users;
    AuditLog m_audit;
};

} // namespace cc
