-- Schema version 9.

-- Record counts per mentor (and organisation, coordinator and event type), changed in the same
-- transaction as every insert and delete of a record, as record_counts is. The total of a
-- mentor's list (a phone polling ?peer_mentor_id=…) is a sum over a few rows of this table
-- instead of a count of every record of the mentor.
CREATE TABLE record_counts_by_mentor (
    org_id TEXT NOT NULL REFERENCES organisations (id),
    peer_mentor_id TEXT NOT NULL,
    coordinator_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    total BIGINT NOT NULL,
    PRIMARY KEY (peer_mentor_id, org_id, coordinator_id, event_type)
);
INSERT INTO record_counts_by_mentor (org_id, peer_mentor_id, coordinator_id, event_type, total)
    SELECT org_id, peer_mentor_id, coordinator_id, event_type, COUNT(*) FROM notification_records
    GROUP BY org_id, peer_mentor_id, coordinator_id, event_type;
