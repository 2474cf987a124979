#include "core/AuthService.h"

#include "core/ChangeFeed.h"
#include "core/DirectoryService.h"
#include "core/Fields.h"
#include "core/Ids.h"
#include "core/Logging.h"
#include "core/Passwords.h"
#include "core/Permissions.h"

#include <QRegularExpression>

namespace cc {

namespace {

Error wrongCredentials()
{
    return Error{ErrorCode::Unauthenticated, QStringLiteral("The username or password is wrong."), {}, 0};
}

Error badPairingCode()
{
    return Error{ErrorCode::Unauthenticated,
                 QStringLiteral("The pairing code is wrong, expired or used already."),
                 {},
                 0};
}

// The "username" a failed pairing is stored with among the failed sign-ins: no username can look
// like this, so it never throttles a real one; the failure counts against its address.
const QString kPairingFailureName = QStringLiteral("(pairing code)");

// Upper case, without spaces and "-", so a code read aloud or typed in groups still works.
QString normalisedPairingCode(const QString &code)
{
    QString out;
    if (code.size() > 256)
        return out;
    for (const QChar c : code)
        if (!c.isSpace() && c != QLatin1Char('-'))
            out.append(c.toUpper());
    return out;
}

bool isPairingCodeShape(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[A-Z2-7]{32}$"));
    return re.match(code).hasMatch();
}

Error badToken()
{
    return Error{ErrorCode::Unauthenticated,
                 QStringLiteral("The access token is missing, unknown, expired or revoked."),
                 {},
                 0};
}

} // namespace

AuthService::AuthService(Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_users(db)
    , m_audit(db, clock)
{}

Status AuthService::pruneLoginFailures()
{
    return m_users.pruneLoginFailures(m_clock.now().addSecs(-kFailureWindowSeconds));
}

Status AuthService::prunePairingCodes()
{
    return m_users.prunePairingCodes(m_clock.now().addSecs(-kPairingCodeKeepSeconds));
}

Caller AuthService::callerOf(const User &user)
{
    Caller c;
    c.userId = user.id;
    c.username = user.username;
    c.role = user.role;
    c.orgId = user.role == Role::GlobalAdmin ? QString() : user.orgId;
    c.coordinatorId = user.coordinatorId;
    return c;
}

Status AuthService::refuseWhileThrottled(const std::optional<QString> &username, const QString &address)
{
    const QDateTime now = m_clock.now();
    const QDateTime since = now.addSecs(-kFailureWindowSeconds);
    bool userBlocked = false;
    if (username) {
        auto byUser = m_users.loginFailuresForUsername(*username, since);
        if (!byUser)
            return byUser.error();
        userBlocked = *byUser >= kMaxFailures;
    }
    auto byAddress = m_users.loginFailuresForAddress(address, since);
    if (!byAddress)
        return byAddress.error();
    const bool addressBlocked = *byAddress >= kMaxFailures;
    if (!userBlocked && !addressBlocked)
        return {};
    // Allowed again once every count that blocks has dropped below the limit, that is when
    // the oldest failure counted against it has left the window.
    QDateTime until;
    if (userBlocked) {
        auto oldest = m_users.oldestLoginFailureForUsername(*username, since);
        if (!oldest)
            return oldest.error();
        if (oldest->isValid())
            until = oldest->addSecs(kFailureWindowSeconds);
    }
    if (addressBlocked) {
        auto oldest = m_users.oldestLoginFailureForAddress(address, since);
        if (!oldest)
            return oldest.error();
        if (oldest->isValid() && (!until.isValid() || oldest->addSecs(kFailureWindowSeconds) > until))
            until = oldest->addSecs(kFailureWindowSeconds);
    }
    // Whole seconds, rounded up: a client that waits this long is let in.
    const qint64 waitMs = until.isValid() ? now.msecsTo(until) : qint64(kFailureWindowSeconds) * 1000;
    const qint64 wait = qBound(qint64(1), (waitMs + 999) / 1000, qint64(kFailureWindowSeconds));
    Error e{ErrorCode::TooManyRequests,
            QStringLiteral("Too many failed sign-ins; try again in %1 minutes.").arg((wait + 59) / 60),
            {},
            0};
    e.retryAfterSeconds = static_cast<int>(wait);
    return e;
}

Result<User> AuthService::checkPassword(const QString &username, const QString &password,
                                        const QString &address)
{
    if (auto s = refuseWhileThrottled(username, address); !s)
        return s.error();
    const QDateTime now = m_clock.now();
    auto user = m_users.userByUsername(username);
    if (!user)
        return user.error();
    // The hash is checked even for an unknown user, so timing does not tell which usernames exist.
    static const QString dummyHash = hashPassword(QStringLiteral("not a password")).value();
    const bool known = user->has_value() && !(*user)->disabled;
    const bool matches = verifyPassword(password, known ? (*user)->passwordHash : dummyHash) && known;
    // Who signed in, or tried to, is audited: where from only as "console" or "api".
    const QString channel = address == QLatin1String("console") ? address : QStringLiteral("api");
    if (!matches) {
        if (auto s = m_users.insertLoginFailure(username, address, now); !s)
            return s.error();
        Caller attempt;
        attempt.username = username.isEmpty() ? QString(QLatin1String("")) : username.left(64);
        // An unknown username has no id: an empty one (the column holds no NULL).
        attempt.userId = user->has_value() ? (*user)->id : QString(QLatin1String(""));
        if (auto s = m_audit.write(attempt, user->has_value() ? (*user)->orgId : QString(),
                                   QStringLiteral("user.sign_in_failed"), QStringLiteral("user"),
                                   attempt.userId, channel);
            !s)
            return s.error();
        qCInfo(lcCore) << "failed sign-in";
        return wrongCredentials();
    }
    if (auto s = m_users.clearLoginFailures(username); !s)
        return s.error();
    if (auto s = m_audit.write(callerOf(**user), (*user)->orgId, QStringLiteral("user.sign_in"),
                               QStringLiteral("user"), (*user)->id, channel);
        !s)
        return s.error();
    User signedIn = **user;
    if (passwordNeedsRehash(signedIn.passwordHash)) {
        // The password is at hand only now: a hash of older, weaker limits is replaced. A failure
        // leaves the old hash, which still works; it is tried again at the next sign-in.
        if (auto hash = hashPassword(password)) {
            User stronger = signedIn;
            stronger.passwordHash = *hash;
            if (auto s = m_users.updateUser(stronger); s)
                signedIn = stronger;
            else
                qCWarning(lcCore) << "could not store a stronger password hash:" << s.error().message;
        }
    }
    return signedIn;
}

Result<User> AuthService::changePassword(const QString &username, const QString &currentPassword,
                                         const QString &newPassword, const QString &address)
{
    auto user = checkPassword(username, currentPassword, address);
    if (!user)
        return user.error();
    if (auto s = DirectoryService::validatePassword(newPassword); !s)
        return Error::field(ErrorCode::Invalid, field::NewPassword, s.error().message);
    if (newPassword == currentPassword)
        return Error::field(ErrorCode::Invalid, field::NewPassword,
                            QStringLiteral("The new password must differ from the current one."));
    auto hash = hashPassword(newPassword);
    if (!hash)
        return hash.error();
    User u = *user;
    u.passwordHash = *hash;
    u.mustChangePassword = false;
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    if (auto s = m_users.updateUser(u); !s)
        return s.error();
    // A new password ends every session of the old one.
    if (auto s = m_users.revokeTokensOfUser(u.id, m_clock.now()); !s)
        return s.error();
    if (auto s = m_audit.write(callerOf(u), u.orgId, QStringLiteral("user.password"), QStringLiteral("user"),
                               u.id, QStringLiteral("own"));
        !s)
        return s.error();
    if (auto s = appendChange(m_db, m_clock, ChangeKind::TokenRevoked, u.orgId, u.id); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    emit tokensChanged();
    return u;
}

Result<AuthService::IssuedToken> AuthService::signIn(const QString &username, const QString &password,
                                                     const QString &address, const QString &label)
{
    auto user = checkPassword(username, password, address);
    if (!user)
        return user.error();
    if (user->mustChangePassword) {
        Error e = Error::forbidden(
            QStringLiteral("This password was set by someone else and must be changed before signing in: "
                           "POST /api/v1/auth/password with the current and a new password."));
        e.reason = kPasswordChangeRequired;
        return e;
    }
    return issueToken(user->username, kDefaultTokenDays, label);
}

Result<AuthService::IssuedToken> AuthService::issueToken(const QString &username, int days,
                                                         const QString &label)
{
    if (days < 1 || days > 3650)
        return Error::field(ErrorCode::Invalid, QStringLiteral("days"),
                            QStringLiteral("days must be between 1 and 3650."));
    auto user = m_users.userByUsername(username);
    if (!user)
        return user.error();
    if (!user->has_value())
        return Error::notFound(QStringLiteral("No user named “%1”.").arg(username));
    if ((*user)->disabled)
        return Error::forbidden(QStringLiteral("The user “%1” is disabled.").arg(username));
    auto issued = insertNewToken(**user, days, label);
    if (!issued)
        return issued.error();
    emit tokensChanged();
    return issued;
}

Result<AuthService::IssuedToken> AuthService::insertNewToken(const User &user, int days, const QString &label)
{
    const QDateTime now = m_clock.now();
    IssuedToken issued;
    issued.secret = QStringLiteral("cct_") + randomToken(32);
    issued.user = user;
    issued.token.id = randomId(QStringLiteral("tok_"), 16);
    issued.token.userId = issued.user.id;
    issued.token.tokenHash = sha256Hex(issued.secret.toUtf8());
    issued.token.label = label;
    issued.token.createdAt = now;
    issued.token.expiresAt = now.addDays(days);
    if (auto s = m_users.insertToken(issued.token); !s)
        return s.error();
    return issued;
}

Result<PairingCode> AuthService::createPairingCode(const Caller &caller, const QString &username)
{
    auto user = m_users.userByUsername(username);
    if (!user)
        return user.error();
    const bool self = user->has_value() && (*user)->id == caller.userId;
    if (!self) {
        // Unknown, another organisation's, or a global admin seen by someone who is not one: the
        // same answer, so ids of other organisations cannot be probed.
        const bool visible = user->has_value()
            && (may(caller, Action::ManageGlobalAdmins)
                || ((*user)->role != Role::GlobalAdmin && caller.canSee((*user)->orgId)));
        if (!visible)
            return Error::notFound(QStringLiteral("No user named “%1”.").arg(username));
        if (auto s = require(caller, Action::ManageOthersDevices); !s)
            return s.error();
    }
    if ((*user)->disabled)
        return Error::forbidden(QStringLiteral("The user “%1” is disabled.").arg(username));

    const QDateTime now = m_clock.now();
    PairingCode code;
    code.id = randomId(QStringLiteral("pc_"), 16);
    code.code = base32(randomBytes(kPairingCodeBytes));
    code.user = **user;
    code.createdAt = now;
    code.expiresAt = now.addSecs(kPairingCodeSeconds);
    const StoredPairingCode stored{
        code.id, sha256Hex(code.code.toLatin1()), code.user.id, caller.userId, code.createdAt, code.expiresAt,
        {}};
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    if (auto s = m_users.insertPairingCode(stored); !s)
        return s.error();
    if (auto s = m_audit.write(caller, code.user.orgId, QStringLiteral("pairing.create"),
                               QStringLiteral("pairing_code"), code.id,
                               QStringLiteral("for user ") + code.user.id);
        !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return code;
}

Result<AuthService::IssuedToken> AuthService::redeemPairingCode(const QString &code, const QString &address,
                                                                const QString &label)
{
    if (auto s = refuseWhileThrottled(std::nullopt, address); !s)
        return s.error();
    const QDateTime now = m_clock.now();
    auto failed = [&]() -> Result<IssuedToken> {
        if (auto s = m_users.insertLoginFailure(kPairingFailureName, address, now); !s)
            return s.error();
        qCInfo(lcCore) << "failed pairing";
        return badPairingCode();
    };
    const QString normalised = normalisedPairingCode(code);
    if (!isPairingCodeShape(normalised))
        return failed();
    auto stored = m_users.pairingCodeByHash(sha256Hex(normalised.toLatin1()));
    if (!stored)
        return stored.error();
    if (!stored->has_value() || !(*stored)->isValidAt(now))
        return failed();
    auto user = m_users.user((*stored)->userId);
    if (!user)
        return user.error();
    if (!user->has_value() || (*user)->disabled)
        return failed();

    std::optional<IssuedToken> issued;
    {
        Transaction tx(m_db);
        if (!tx.begun())
            return tx.begun().error();
        // Spent here, with the token: of two redeems at once, only one sets used_at.
        auto first = m_users.markPairingCodeUsed((*stored)->id, now);
        if (!first)
            return first.error();
        if (*first) {
            auto token = insertNewToken(**user, kDefaultTokenDays, label);
            if (!token)
                return token.error();
            if (auto s = m_audit.write(callerOf(**user), (*user)->orgId, QStringLiteral("pairing.redeem"),
                                       QStringLiteral("pairing_code"), (*stored)->id,
                                       QStringLiteral("token ") + token->token.id);
                !s)
                return s.error();
            if (auto s = tx.commit(); !s)
                return s.error();
            issued = *token;
        }
    }
    if (!issued)
        return failed();
    emit tokensChanged();
    return *issued;
}

namespace {

// last_used_at is written at most once a minute, so reads stay reads.
bool dueForTouch(const QDateTime &touchedAt, const QDateTime &now)
{
    return !touchedAt.isValid() || touchedAt.secsTo(now) > AuthService::kTouchSeconds;
}

} // namespace

Result<Caller> AuthService::authenticate(const QString &secret, QString *tokenHash)
{
    if (secret.isEmpty() || secret.size() > 256)
        return badToken();
    const QString hash = sha256Hex(secret.toUtf8());
    if (tokenHash)
        *tokenHash = hash;
    const QDateTime now = m_clock.now();
    // Read before the database, so that a change committed meanwhile keeps what is read out.
    const quint64 generation = m_db.identityGeneration();
    {
        QMutexLocker lock(&m_cacheMutex);
        if (m_cacheGeneration != generation) {
            m_callers.clear();
            m_cacheGeneration = generation;
        }
        const auto it = m_callers.find(hash);
        if (it != m_callers.end()) {
            if (now >= it->expiresAt) {
                m_callers.erase(it);
                return badToken();
            }
            const Caller caller = it->caller;
            QString touch;
            if (dueForTouch(it->touchedAt, now)) {
                it->touchedAt = now;
                touch = it->tokenId;
            }
            lock.unlock();
            if (!touch.isEmpty())
                (void)m_users.touchToken(touch, now);
            return caller;
        }
    }
    auto token = m_users.tokenByHash(hash);
    if (!token)
        return token.error();
    if (!token->has_value() || !(*token)->isValidAt(now))
        return badToken();
    auto user = m_users.user((*token)->userId);
    if (!user)
        return user.error();
    if (!user->has_value() || (*user)->disabled)
        return badToken();
    QDateTime touchedAt = (*token)->lastUsedAt;
    if (dueForTouch(touchedAt, now)) {
        (void)m_users.touchToken((*token)->id, now);
        touchedAt = now;
    }
    const Caller caller = callerOf(**user);
    QMutexLocker lock(&m_cacheMutex);
    if (m_cacheGeneration == generation && m_db.identityGeneration() == generation) {
        if (m_callers.size() >= kMaxCachedTokens)
            m_callers.clear();
        m_callers.insert(hash, CachedCaller{caller, (*token)->id, (*token)->expiresAt, touchedAt});
    }
    return caller;
}

int AuthService::cachedTokens() const
{
    QMutexLocker lock(&m_cacheMutex);
    return int(m_callers.size());
}

Status AuthService::appendTokenRevoked(const QString &userId)
{
    auto user = m_users.user(userId);
    if (!user)
        return user.error();
    return appendChange(m_db, m_clock, ChangeKind::TokenRevoked,
                        user->has_value() ? (*user)->orgId : QString(), userId);
}

Status AuthService::revokeSecret(const QString &secret)
{
    auto token = m_users.tokenByHash(sha256Hex(secret.toUtf8()));
    if (!token)
        return token.error();
    if (!token->has_value())
        return badToken();
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = m_users.revokeToken((*token)->id, m_clock.now()); !s)
        return s;
    if (auto s = appendTokenRevoked((*token)->userId); !s)
        return s;
    if (auto s = tx.commit(); !s)
        return s;
    emit tokensChanged();
    return {};
}

Status AuthService::revoke(const Caller &caller, const QString &tokenId)
{
    auto all = m_users.tokensOfOrganisation(caller.isGlobalAdmin() ? QString() : caller.orgId);
    if (!all)
        return all.error();
    const auto it =
        std::find_if(all->cbegin(), all->cend(), [&](const ApiToken &t) { return t.id == tokenId; });
    if (it == all->cend() || (!may(caller, Action::ManageOthersDevices) && it->userId != caller.userId))
        return Error::notFound(QStringLiteral("No token with this id."));
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = m_users.revokeToken(tokenId, m_clock.now()); !s)
        return s;
    if (auto s = m_audit.write(caller, caller.orgId, QStringLiteral("token.revoke"),
                               QStringLiteral("api_token"), tokenId);
        !s)
        return s;
    if (auto s = appendTokenRevoked(it->userId); !s)
        return s;
    if (auto s = tx.commit(); !s)
        return s;
    emit tokensChanged();
    return {};
}

Result<QList<ApiToken>> AuthService::tokens(const Caller &caller)
{
    if (!may(caller, Action::ManageOthersDevices))
        return m_users.tokens(caller.userId);
    return m_users.tokensOfOrganisation(caller.isGlobalAdmin() ? QString() : caller.orgId);
}

} // namespace cc
