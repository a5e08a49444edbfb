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
