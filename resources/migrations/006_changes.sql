-- Schema version 6.

-- The change feed (core/ChangeFeed): every write that other consoles, servers and phones may
-- care about appends one row to `changes` in its own transaction, so a change and its row are
-- stored together or not at all. Listeners read the rows after the last number they saw.
--
-- The numbers come from the one row of change_counter: a writer increments it in its
-- transaction and holds that row until it commits, so on PostgreSQL the numbers are handed out
-- in the order the transactions commit and a reader that has seen number n never sees a smaller
-- one appear later. (SQLite writers take turns anyway.)
CREATE TABLE change_counter (
    id INTEGER PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

-- kind: record.created, record.updated, record.deleted, peer_mentor.status_changed,
-- peer_mentor.changed, coordinator.changed, template.updated, user.changed, token.revoked.
-- org_id: whose it is (NULL: the built-in templates, seen by everyone). origin: which program
-- instance wrote it, so that one can skip what it told its own parts already. Housekeeping
-- deletes rows older than seven days, never the newest.
CREATE TABLE changes (
    seq BIGINT PRIMARY KEY,
    kind TEXT NOT NULL,
    org_id TEXT,
    entity_id TEXT NOT NULL,
    at TEXT NOT NULL,
    origin TEXT NOT NULL
);
CREATE INDEX idx_changes_at ON changes (at);
