#pragma once

// Accounts and what signs them in: users, API tokens, pairing codes.

#include "core/Caller.h"

#include <QDateTime>
#include <QString>

namespace cc {

struct User
{
    QString id;
    QString username;
    QString displayName;
    Role role = Role::Coordinator;
    QString orgId;
    QString coordinatorId;
    QString passwordHash; // argon2id, libsodium's encoded form
    bool disabled = false;
    QDateTime createdAt;
    // Set by a password someone else chose (generated, or reset by an admin): the next sign-in
    // must choose a new one before anything else.
    bool mustChangePassword = false;
};

struct ApiToken
{
    QString id;
    QString userId;
    QString tokenHash; // SHA-256 of the secret, hex; the secret itself is never stored
    QString label;
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime revokedAt; // null while valid
    QDateTime lastUsedAt;
    bool isValidAt(const QDateTime &now) const { return revokedAt.isNull() && now < expiresAt; }
};

// A one-time code that pairs a phone with the console for `user` (AuthService::createPairingCode).
// The code is shown once (in a QR code) and never stored: the table keeps its SHA-256 only.
struct PairingCode
{
    QString id;   // pc_ + 16 hex
    QString code; // 32 characters of RFC 4648 base32 (A-Z, 2-7): 20 random bytes, 160 bits
    User user;
    QDateTime createdAt;
    QDateTime expiresAt; // valid while now < expiresAt
};

// A pairing code as stored.
struct StoredPairingCode
{
    QString id;
    QString codeHash; // SHA-256 of the code, hex
    QString userId;
    QString createdBy; // user id of who made it
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime usedAt; // null until redeemed
    bool isValidAt(const QDateTime &now) const { return usedAt.isNull() && now < expiresAt; }
};

} // namespace cc
