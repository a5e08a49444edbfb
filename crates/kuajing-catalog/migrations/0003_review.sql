-- Review (issue 11): a state per product × locale × field, and the English it was made from.
-- State changes go to `history` with the field `review:<field>` (so the editor never offers
-- to restore a state as text), the states as old/new, and two new columns: `who` made the
-- change, and the reviewer's `comment` (the comments of one field are its thread).

ALTER TABLE history ADD COLUMN who TEXT;
ALTER TABLE history ADD COLUMN comment TEXT;
-- The comment threads, read for a whole queue at once; comments are few.
CREATE INDEX history_comments ON history(product_id, id) WHERE comment IS NOT NULL;

CREATE TABLE review (
    product_id   INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    locale       TEXT NOT NULL,
    field        TEXT NOT NULL,
    state        TEXT NOT NULL
                 CHECK (state IN ('draft', 'translated', 'reviewed', 'approved', 'rejected')),
    -- The English changed since the translation was made (cleared by a save or a review).
    stale        INTEGER NOT NULL DEFAULT 0,
    -- The English the translation was made from (see `queries::review::source_text`) and
    -- its SHA-256 in hex: an import compares hashes, the queue diffs the text.
    source_en    TEXT NOT NULL,
    source_hash  TEXT NOT NULL,
    who          TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (product_id, locale, field)
);
CREATE INDEX review_state ON review(locale, state);

-- Existing Chinese copy: `draft` when its latest change was a draft, else `translated`
-- (a person typed it); made from the English it has now.
INSERT INTO review (product_id, locale, field, state, source_en, source_hash, who, at)
SELECT product_id, locale, field, state, source_en, kuajing_sha256(source_en), '', at
FROM (
    SELECT c.product_id, c.locale, c.field, c.updated_at AS at,
           CASE WHEN coalesce((SELECT h.source FROM history h
                               WHERE h.product_id = c.product_id AND h.locale = c.locale
                                 AND h.field = c.field
                               ORDER BY h.id DESC LIMIT 1), '') LIKE 'draft%'
                THEN 'draft' ELSE 'translated' END AS state,
           CASE c.field
               WHEN 'description' THEN coalesce(d.text, '')
               WHEN 'selling_points' THEN coalesce(t.text, '') || char(10) || char(10)
                                          || coalesce(d.text, '')
               ELSE coalesce(t.text, '')
           END AS source_en
    FROM copy c
    LEFT JOIN copy t ON t.product_id = c.product_id AND t.locale = 'en' AND t.field = 'title'
    LEFT JOIN copy d
           ON d.product_id = c.product_id AND d.locale = 'en' AND d.field = 'description'
    WHERE c.locale = 'zh-CN' AND c.text <> ''
      AND c.field IN ('title', 'short_title', 'selling_points', 'description')
);
