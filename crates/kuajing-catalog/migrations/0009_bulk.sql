-- Bulk edits (issue 13): one change to the fields of many products. The history rows one bulk
-- edit writes share a batch number, so the whole edit is undone at once (queries/bulk.rs).
ALTER TABLE history ADD COLUMN batch INTEGER;
CREATE INDEX history_batch ON history(batch) WHERE batch IS NOT NULL;
