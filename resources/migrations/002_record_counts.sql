-- Schema version 2.

-- Record counts per organisation, coordinator and event type, changed in the same transaction as
-- every insert and delete of a record. The total of a list page filtered by nothing but those is
-- read from here, not counted, however many records there are.
CREATE TABLE record_counts (
    org_id TEXT NOT NULL REFERENCES organisations (id),
    coordinator_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    total BIGINT NOT NULL,
    PRIMARY KEY (org_id, coordinator_id, event_type)
);
INSERT INTO record_counts (org_id, coordinator_id, event_type, total)
    SELECT org_id, coordinator_id, event_type, COUNT(*) FROM notification_records
    GROUP BY org_id, coordinator_id, event_type;

-- Lists filtered by event type walk an index in sent_at order instead of skipping rows of the
-- other type (an organisation's, a coordinator's, or everyone's).
CREATE INDEX idx_records_org_event_sent ON notification_records (org_id, event_type, sent_at, id);
CREATE INDEX idx_records_coordinator_event_sent ON notification_records (coordinator_id, event_type, sent_at, id);
CREATE INDEX idx_records_event_sent ON notification_records (event_type, sent_at, id);

-- A replayed idempotent POST carries the ETag of the first answer too.
ALTER TABLE idempotency_keys ADD COLUMN etag TEXT;
