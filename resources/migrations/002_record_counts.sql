-- Schema version 2.
-- Per-organisation record counts, changed in the same transaction as every insert and delete of a
-- record, so the total of an unfiltered list page is read, not counted, however many records there are.
CREATE TABLE record_counts (
    org_id TEXT PRIMARY KEY REFERENCES organisations (id),
    total BIGINT NOT NULL
);
INSERT INTO record_counts (org_id, total) SELECT org_id, COUNT(*) FROM notification_records GROUP BY org_id;

-- A replayed idempotent POST carries the ETag of the first answer too.
ALTER TABLE idempotency_keys ADD COLUMN etag TEXT;
