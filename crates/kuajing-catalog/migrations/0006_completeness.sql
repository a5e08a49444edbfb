-- Completeness (issue 12): per product and marketplace, the share of the profile's required
-- fields and slots that are filled and free of error findings, and the items missing. Stored
-- so the product list can show and filter it without checking every product again; a row is
-- valid only for the rules it was made with (`rules`, a stamp of the profile and checker
-- data), and triggers forget a product's rows whenever anything it was computed from changes:
-- the product, its variants, images, copy, its vendor's agent, and (for copy checks) the
-- glossary.

CREATE TABLE completeness (
    product_id   INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    marketplace  TEXT NOT NULL,
    rules        TEXT NOT NULL,
    percent      INTEGER NOT NULL,
    missing      TEXT NOT NULL,  -- JSON array of the items missing, by name
    PRIMARY KEY (product_id, marketplace)
);
-- The list's filter: which products are below 100% under these rules.
CREATE INDEX completeness_by_percent ON completeness(marketplace, rules, percent, product_id);

CREATE TRIGGER completeness_product_update AFTER UPDATE ON products
BEGIN DELETE FROM completeness WHERE product_id = NEW.id; END;
CREATE TRIGGER completeness_variant_insert AFTER INSERT ON variants
BEGIN DELETE FROM completeness WHERE product_id = NEW.product_id; END;
CREATE TRIGGER completeness_variant_update AFTER UPDATE ON variants
BEGIN DELETE FROM completeness WHERE product_id = NEW.product_id; END;
CREATE TRIGGER completeness_variant_delete AFTER DELETE ON variants
BEGIN DELETE FROM completeness WHERE product_id = OLD.product_id; END;
CREATE TRIGGER completeness_image_insert AFTER INSERT ON images
BEGIN DELETE FROM completeness WHERE product_id = NEW.product_id; END;
CREATE TRIGGER completeness_image_update AFTER UPDATE ON images
BEGIN DELETE FROM completeness WHERE product_id = NEW.product_id; END;
CREATE TRIGGER completeness_image_delete AFTER DELETE ON images
BEGIN DELETE FROM completeness WHERE product_id = OLD.product_id; END;
CREATE TRIGGER completeness_copy_insert AFTER INSERT ON copy
BEGIN DELETE FROM completeness WHERE product_id = NEW.product_id; END;
CREATE TRIGGER completeness_copy_update AFTER UPDATE OF text ON copy
BEGIN DELETE FROM completeness WHERE product_id = NEW.product_id; END;
CREATE TRIGGER completeness_copy_delete AFTER DELETE ON copy
BEGIN DELETE FROM completeness WHERE product_id = OLD.product_id; END;
CREATE TRIGGER completeness_vendor_insert AFTER INSERT ON vendors
BEGIN DELETE FROM completeness
      WHERE product_id IN (SELECT id FROM products WHERE vendor = NEW.name); END;
CREATE TRIGGER completeness_vendor_update AFTER UPDATE ON vendors
BEGIN DELETE FROM completeness
      WHERE product_id IN (SELECT id FROM products WHERE vendor = NEW.name); END;
CREATE TRIGGER completeness_glossary_insert AFTER INSERT ON glossary
BEGIN DELETE FROM completeness; END;
CREATE TRIGGER completeness_glossary_update AFTER UPDATE ON glossary
BEGIN DELETE FROM completeness; END;
CREATE TRIGGER completeness_glossary_delete AFTER DELETE ON glossary
BEGIN DELETE FROM completeness; END;
