-- Schema version 7.

-- The API answers If-None-Match on its lists with the newest change of the caller's
-- organisation (ChangeFeed::versionFor): one index lookup per request instead of a scan.
CREATE INDEX idx_changes_org_seq ON changes (org_id, seq);
