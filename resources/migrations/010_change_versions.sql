-- Schema version 10.

-- The newest change number each organisation may hear of: ChangeFeed::versionFor, the validator
-- of the API's lists, which a polling phone reads on every request. appendChange keeps it in the
-- change's own transaction, so a list reads one row instead of searching `changes` three times.
-- org_id '' is everyone's (the changes of the built-in templates). A change of everyone's moves
-- every row, so an organisation's row alone says its number; one without a row has everyone's.
-- Pruning `changes` leaves these rows as they are.
CREATE TABLE change_versions (
    org_id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL
);
-- Filled with what versionFor() read before: everyone's newest kept change, or the number before
-- the oldest kept one (nothing changed after it that is gone) …
INSERT INTO change_versions (org_id, seq)
    SELECT '', COALESCE(MAX(v), 0) FROM (
        SELECT MAX(seq) AS v FROM changes WHERE org_id IS NULL
        UNION ALL SELECT MIN(seq) - 1 FROM changes) everyone;
-- … and each organisation's newest kept change, where that is newer.
INSERT INTO change_versions (org_id, seq)
    SELECT org_id, MAX(seq) FROM changes WHERE org_id IS NOT NULL AND org_id <> '' GROUP BY org_id
    HAVING MAX(seq) > (SELECT seq FROM change_versions WHERE org_id = '');
