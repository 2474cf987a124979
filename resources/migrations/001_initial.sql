-- Schema version 1. Portable SQL: runs unchanged on SQLite and PostgreSQL.
-- Times are TEXT in ISO 8601 UTC with milliseconds ("2026-03-19T14:30:05.000Z"), so they sort as text.
-- A statement ends with ';' at the end of a line.

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    locale TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE coordinators (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    email TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX idx_coordinators_org ON coordinators (org_id, name);

CREATE TABLE peer_mentors (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    coordinator_id TEXT REFERENCES coordinators (id),
    name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX idx_peer_mentors_org ON peer_mentors (org_id, name);
CREATE INDEX idx_peer_mentors_coordinator ON peer_mentors (coordinator_id);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    org_id TEXT REFERENCES organisations (id),
    coordinator_id TEXT REFERENCES coordinators (id),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX idx_users_org ON users (org_id, username);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    last_used_at TEXT
);
CREATE INDEX idx_api_tokens_user ON api_tokens (user_id, created_at);

CREATE TABLE login_failures (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX idx_login_failures_username ON login_failures (username, failed_at);
CREATE INDEX idx_login_failures_address ON login_failures (address, failed_at);

CREATE TABLE notification_records (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    peer_mentor_id TEXT NOT NULL REFERENCES peer_mentors (id),
    event_type TEXT NOT NULL,
    effective_date TEXT NOT NULL,
    reason TEXT,
    coordinator_id TEXT NOT NULL REFERENCES coordinators (id),
    channels TEXT NOT NULL,
    dispatch_ids TEXT NOT NULL,
    notes TEXT,
    created_by TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- Every list the API serves: newest sent_at first, ties by id, within an organisation, a mentor,
-- a coordinator, or everything (global admins).
CREATE INDEX idx_records_org_sent ON notification_records (org_id, sent_at, id);
CREATE INDEX idx_records_mentor_sent ON notification_records (peer_mentor_id, sent_at, id);
CREATE INDEX idx_records_coordinator_sent ON notification_records (coordinator_id, sent_at, id);
CREATE INDEX idx_records_sent ON notification_records (sent_at, id);
-- current_status: the latest effective record of a mentor.
CREATE INDEX idx_records_mentor_effective ON notification_records (peer_mentor_id, effective_date, sent_at);

CREATE TABLE payload_templates (
    id TEXT NOT NULL,
    scope TEXT NOT NULL,
    type TEXT NOT NULL,
    event_type TEXT NOT NULL,
    description TEXT NOT NULL,
    custom INTEGER NOT NULL,
    title_en TEXT NOT NULL,
    body_en TEXT NOT NULL,
    title_nb TEXT NOT NULL,
    body_nb TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (id, scope)
);
CREATE INDEX idx_payload_templates_scope ON payload_templates (scope, id);

CREATE TABLE payload_template_versions (
    template_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    version INTEGER NOT NULL,
    description TEXT NOT NULL,
    title_en TEXT NOT NULL,
    body_en TEXT NOT NULL,
    title_nb TEXT NOT NULL,
    body_nb TEXT NOT NULL,
    action TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (template_id, scope, version)
);

CREATE TABLE built_payloads (
    id TEXT PRIMARY KEY,
    org_id TEXT,
    template_id TEXT NOT NULL,
    payload_type TEXT NOT NULL,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    event_type TEXT NOT NULL,
    peer_mentor_id TEXT,
    peer_mentor_name TEXT NOT NULL,
    effective_date TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE idempotency_keys (
    user_id TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    location TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX idx_idempotency_created ON idempotency_keys (created_at);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    username TEXT NOT NULL,
    org_id TEXT,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX idx_audit_org_at ON audit_log (org_id, at);
CREATE INDEX idx_audit_entity ON audit_log (entity, entity_id, at);
