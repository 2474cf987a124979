-- Schema version 8.

-- A mentor's list as the API serves it (a phone polling its mentor: ?peer_mentor_id=…) is
-- scoped to the caller's organisation. With both in the index its page walks the index in order
-- and its total is counted from the index alone, without reading a row (0.23 ms → 0.03 ms for a
-- mentor with 600 records). idx_records_mentor_sent stays for a mentor's history, which is not
-- narrowed by organisation.
CREATE INDEX idx_records_mentor_org_sent ON notification_records (peer_mentor_id, org_id, sent_at, id);
