-- Schema version 4.

-- People who leave: a deactivated coordinator or peer mentor keeps their history, is hidden from
-- the default lists and gets no new records. NULL while active.
ALTER TABLE coordinators ADD COLUMN deactivated_at TEXT;
ALTER TABLE peer_mentors ADD COLUMN deactivated_at TEXT;

-- A generated or reset password must be changed at the next sign-in (1), before anything else.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
