-- Schema version 3.

-- One-time codes that pair a phone with the console (shown in a QR code for a chosen user).
-- Only the SHA-256 (hex) of a code is stored, never the code itself. A code is valid until
-- expires_at (exclusive) and only once: used_at is set in the transaction that issues its token.
CREATE TABLE pairing_codes (
    id TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX idx_pairing_codes_user ON pairing_codes (user_id, created_at);
CREATE INDEX idx_pairing_codes_expires ON pairing_codes (expires_at);
