-- Full-text search of the product list (issue 13): one row per product (rowid = products.id)
-- holding its handle, vendor, brand names, type, tags, SKUs and copy in every locale, Chinese
-- as one token per character (src/queries/search.rs says why) so any run of characters,
-- 樱桃 as much as 雷尼尔樱桃, is a phrase query. Contentless: the text lives in the tables it
-- comes from, the index only holds tokens. Prefix indexes for the search-as-you-type of one
-- to three letters.
CREATE VIRTUAL TABLE search USING fts5(
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3',
    content = '',
    contentless_delete = 1
);

-- Products whose row in `search` is out of date. Triggers name them in the same transaction
-- as the write; `queries::search::refresh` rewrites their rows before the transaction
-- commits (`crate::WriteTx::commit`) and before any search reads the index, so a search never
-- sees text that is gone or misses text that is there.
-- (`WHERE NOT EXISTS`, not `INSERT OR IGNORE`: an upsert that fires a trigger imposes its own
-- conflict policy on the trigger's statements.)
CREATE TABLE search_dirty (product_id INTEGER PRIMARY KEY);

-- Every product is indexed on the first open after the upgrade.
INSERT INTO search_dirty (product_id) SELECT id FROM products;

-- A new product is marked by the statement after its INSERT (queries/products.rs): a trigger on
-- an insert into `products` would make SQLite plan a check of `history` (a child table with
-- no index on product_id) into every insert, which the plan audit rightly flags.
CREATE TRIGGER search_product_update
AFTER UPDATE OF handle, vendor, brand_en, brand_zh, product_type, tags ON products
BEGIN INSERT INTO search_dirty SELECT NEW.id
      WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = NEW.id); END;
CREATE TRIGGER search_product_delete AFTER DELETE ON products
BEGIN INSERT INTO search_dirty SELECT OLD.id
      WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = OLD.id); END;
CREATE TRIGGER search_variant_insert AFTER INSERT ON variants
BEGIN INSERT INTO search_dirty SELECT NEW.product_id
      WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = NEW.product_id); END;
CREATE TRIGGER search_variant_update AFTER UPDATE OF sku, product_id ON variants
BEGIN INSERT INTO search_dirty SELECT NEW.product_id
      WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = NEW.product_id); END;
CREATE TRIGGER search_variant_delete AFTER DELETE ON variants
BEGIN INSERT INTO search_dirty SELECT OLD.product_id
      WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = OLD.product_id); END;
CREATE TRIGGER search_copy_insert AFTER INSERT ON copy
BEGIN INSERT INTO search_dirty SELECT NEW.product_id
      WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = NEW.product_id); END;
CREATE TRIGGER search_copy_update AFTER UPDATE OF text ON copy
BEGIN INSERT INTO search_dirty SELECT NEW.product_id
      WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = NEW.product_id); END;
CREATE TRIGGER search_copy_delete AFTER DELETE ON copy
BEGIN INSERT INTO search_dirty SELECT OLD.product_id
      WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = OLD.product_id); END;

-- The list's order (vendor, case folded, then as imported): the first page of any size of
-- catalog reads its rows from the front of this index instead of sorting every product.
CREATE INDEX products_list ON products(vendor COLLATE NOCASE);
