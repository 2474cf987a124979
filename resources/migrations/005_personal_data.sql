-- Schema version 5.

-- A peer mentor's right to erasure (GDPR Art. 17): when her personal data were erased. Her row
-- stays, with an anonymous name instead of hers and no email or phone, and so do her records'
-- event types and dates, so statistics and the funding report still count her days. NULL while
-- her personal data are there.
ALTER TABLE peer_mentors ADD COLUMN erased_at TEXT;
