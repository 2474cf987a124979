-- Schema version 5.

-- A peer mentor's right to erasure (GDPR Art. 17): when her personal data were erased. Her row
-- stays, with an anonymous name instead of hers and no email or phone, and so do her records'
-- event types and dates, so statistics and the funding report still count her days. NULL while
-- her personal data are there.
ALTER TABLE peer_mentors ADD COLUMN erased_at TEXT;

-- Retention, per organisation, applied hourly by the API server's housekeeping; NULL: off (the
-- default). Erase the personal data of peer mentors inactive for more than this many months;
-- delete notification records and built payloads older than this many years.
ALTER TABLE organisations ADD COLUMN erase_inactive_after_months INTEGER;
ALTER TABLE organisations ADD COLUMN delete_records_after_years INTEGER;
