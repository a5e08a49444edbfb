-- Stored findings (issue 11): how many findings each reviewed field's text has for a
-- marketplace, so the review queue's "has findings" filter reads a column instead of checking
-- every field again. A row is only valid for the rules it was counted with (`rules`, a stamp
-- the core computes from the shipped checker data and the profile); anything else the check
-- reads lives in this catalog, and triggers forget a product's rows whenever it changes:
-- its copy in any locale (the English feeds the glossary check), its brand names or vendor
-- (the check allows them), and the whole table when the glossary changes.

CREATE TABLE findings (
    product_id   INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    locale       TEXT NOT NULL,
    field        TEXT NOT NULL,
    marketplace  TEXT NOT NULL,
    rules        TEXT NOT NULL,
    errors       INTEGER NOT NULL,
    total        INTEGER NOT NULL,
    PRIMARY KEY (product_id, locale, field, marketplace)
);

-- What the queue asks: which fields have findings under these rules, and are all counted.
CREATE INDEX findings_by_rules ON findings(marketplace, locale, rules, total, product_id, field);

CREATE TRIGGER findings_copy_insert AFTER INSERT ON copy
BEGIN DELETE FROM findings WHERE product_id = NEW.product_id; END;
CREATE TRIGGER findings_copy_update AFTER UPDATE OF text ON copy
BEGIN DELETE FROM findings WHERE product_id = NEW.product_id; END;
CREATE TRIGGER findings_copy_delete AFTER DELETE ON copy
BEGIN DELETE FROM findings WHERE product_id = OLD.product_id; END;
CREATE TRIGGER findings_product_update AFTER UPDATE OF brand_en, brand_zh, vendor ON products
BEGIN DELETE FROM findings WHERE product_id = NEW.id; END;
CREATE TRIGGER findings_glossary_insert AFTER INSERT ON glossary BEGIN DELETE FROM findings; END;
CREATE TRIGGER findings_glossary_update AFTER UPDATE ON glossary BEGIN DELETE FROM findings; END;
CREATE TRIGGER findings_glossary_delete AFTER DELETE ON glossary BEGIN DELETE FROM findings; END;

-- The review queue walks 40,000 fields of a 10,000-product catalog on every filter change.
-- Its rows are wide (each keeps the English it was made from), so its walks must read
-- indexes that hold everything they test: by state for the progress counts (grouped in
-- index order), by product for the page in handle order.
DROP INDEX review_state;
CREATE INDEX review_by_state ON review(locale, state, stale, product_id, field);
CREATE INDEX review_by_product ON review(product_id, locale, field, state, stale);
