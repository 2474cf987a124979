#pragma once

#include "core/AuditLog.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/UserRepository.h"

#include <QHash>
#include <QMutex>
#include <QObject>

namespace cc {

// Sign-in with argon2id passwords, API tokens (random, stored only as a SHA-256 hash, expiring,
// revocable), one-time pairing codes that sign a phone in, and the throttling of failed sign-ins:
// 5 failures for a username or from an address within 15 minutes lock further attempts until the
// window passes. A failed pairing counts as a failed sign-in from its address.
class AuthService : public QObject
{
    Q_OBJECT
public:
    AuthService(Database &db, const Clock &clock, QObject *parent = nullptr);

    static constexpr int kMaxFailures = 5;
    static constexpr int kFailureWindowSeconds = 15 * 60;
    static constexpr int kDefaultTokenDays = 30;
    // A pairing code is 20 random bytes (160 bits) written as 32 characters of RFC 4648 base32
    // without padding (A-Z, 2-7: QR alphanumeric mode, and easy to type); it is valid for 5
    // minutes, that is while now < created + 5 min (4:59.999 is in, 5:00 is out), and once.
    static constexpr int kPairingCodeBytes = 20;
    static constexpr int kPairingCodeSeconds = 5 * 60;

    struct IssuedToken
    {
        QString secret; // shown once, never stored
        ApiToken token;
        User user;
    };

    // Checks a username and password; Unauthenticated with one message whatever was wrong,
    // TooManyRequests (with retryAfterSeconds) while throttled. A hash made with other limits than
    // today's is replaced by a new one of the same password. The user may still have to change it
    // (User::mustChangePassword): the console asks for a new one before it opens.
    Result<User> checkPassword(const QString &username, const QString &password, const QString &address);
    // checkPassword, then a new token; Forbidden with the reason "password-change-required" while
    // the user must change the password first (changePassword).
    Result<IssuedToken> signIn(const QString &username, const QString &password, const QString &address,
                               const QString &label = {});
    static inline const QString kPasswordChangeRequired = QStringLiteral("password-change-required");
    // Everyone's own password, with the current one (checked, throttled and counted as sign-in is):
    // stores the new one, clears mustChangePassword and ends every session (tokens) of the old one.
    // The new password must follow DirectoryService::validatePassword and differ from the old.
    Result<User> changePassword(const QString &username, const QString &currentPassword,
                                const QString &newPassword, const QString &address);
    // A token for a user without their password (the admin command line, pairing).
    Result<IssuedToken> issueToken(const QString &username, int days = kDefaultTokenDays,
                                   const QString &label = {});
    // A one-time code that signs a phone in as `username` (the console shows it in a QR code).
    // A global admin may make one for anyone, an org admin for the users of their organisation,
    // anyone for themselves. A user the caller may not see (unknown, another organisation's, a
    // global admin) is NotFound; one they see but may not pair (a coordinator for someone else)
    // is Forbidden; a disabled user is Forbidden.
    Result<PairingCode> createPairingCode(const Caller &caller, const QString &username);
    // Exchanges a pairing code for a new token of its user (as signIn does) and spends the code
    // in the same transaction. Case, spaces and "-" in `code` do not matter. A wrong, expired or
    // used code, or one of a disabled user, is Unauthenticated with one message, and counts as a
    // failed sign-in from `address`; TooManyRequests (with retryAfterSeconds) while throttled.
    Result<IssuedToken> redeemPairingCode(const QString &code, const QString &address,
                                          const QString &label = QStringLiteral("Paired device"));

    // The caller a bearer token stands for; Unauthenticated when unknown, expired or revoked.
    // Kept in memory by the token's hash once read, so that a request costs no database lookup:
    // the whole cache is dropped when Database::identityGeneration() moves (a user changed or a
    // token revoked, here at its commit, by another program when the change feed hears of it),
    // and an entry ends at its token's expiry. last_used_at is written at most once a minute.
    // `tokenHash`, when given, receives the secret's SHA-256 (hex), the name it is kept under.
    Result<Caller> authenticate(const QString &secret, QString *tokenHash = nullptr);
    static constexpr int kMaxCachedTokens = 10000; // beyond it the cache starts again empty
    static constexpr int kTouchSeconds = 60;
    int cachedTokens() const;
    Status revokeSecret(const QString &secret);
    // Revokes a token by id: its owner, an org admin of the owner's organisation, or a global admin.
    Status revoke(const Caller &caller, const QString &tokenId);
    Result<QList<ApiToken>> tokens(const Caller &caller);

    // Forgets failed sign-ins older than the throttling window (run now and then).
    Status pruneLoginFailures();
    // Forgets pairing codes that expired more than kPairingCodeKeepSeconds ago, used or not (run
    // now and then). A forgotten code is refused as an unknown one is, so nothing changes for a
    // phone; the audit log keeps who made and redeemed which code.
    static constexpr int kPairingCodeKeepSeconds = 24 * 60 * 60;
    Status prunePairingCodes();

    static Caller callerOf(const User &user);

signals:
    void tokensChanged();

private:
    // TooManyRequests while the address (and the username, when given) has too many failures.
    Status refuseWhileThrottled(const std::optional<QString> &username, const QString &address);
    // Makes and stores a token for `user` (no checks, no signal): inside a caller's transaction.
    Result<IssuedToken> insertNewToken(const User &user, int days, const QString &label);
    // Tells the change feed that a token of `userId` ended (their event streams close): inside a
    // caller's transaction.
    Status appendTokenRevoked(const QString &userId);

    Database &m_db;
    const Clock &m_clock;
    UserRepository m_users;
    AuditLog m_audit;

    struct CachedCaller
    {
        Caller caller;
        QString tokenId;
        QDateTime expiresAt;
        QDateTime touchedAt; // last_used_at as stored
    };
    mutable QMutex m_cacheMutex;
    QHash<QString, CachedCaller> m_callers; // by the token's SHA-256 (hex)
    quint64 m_cacheGeneration = 0;          // Database::identityGeneration() they were read at
};

} // namespace cc
