#pragma once

#include "core/Result.h"

#include <QString>

namespace cc {

// Passwords are stored with argon2id (libsodium's crypto_pwhash_str, interactive limits).
Result<QString> hashPassword(const QString &password);
bool verifyPassword(const QString &password, const QString &encodedHash);
// True when `encodedHash` was made with other limits than hashPassword() uses now (weaker ones
// from an older version): sign-in then stores a new hash of the password it just checked.
bool passwordNeedsRehash(const QString &encodedHash);
// Test suites that create many users lower the cost of hashing for the whole process; the
// program itself never calls this.
void usePasswordHashingCostForTests();
// A readable one-time password for new users: four groups of four letters and digits.
QString generatePassword();

} // namespace cc
