-- The first catalog schema. Migrations are forward-only; never edit one that has shipped.

CREATE TABLE products (
    id            INTEGER PRIMARY KEY,
    handle        TEXT NOT NULL UNIQUE,
    vendor        TEXT NOT NULL DEFAULT '',
    product_type  TEXT NOT NULL DEFAULT '',
    category      TEXT NOT NULL DEFAULT '',
    tags          TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    status        TEXT,
    published     INTEGER,
    option_names  TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    brand_en      TEXT NOT NULL DEFAULT '',
    brand_zh      TEXT NOT NULL DEFAULT '',
    origin        TEXT NOT NULL DEFAULT '美国',
    hs_code       TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE variants (
    id               INTEGER PRIMARY KEY,
    product_id       INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    sku              TEXT,
    options          TEXT NOT NULL DEFAULT '[]', -- JSON array, parallel to products.option_names
    grams            REAL,
    weight_unit      TEXT,
    price_cents      INTEGER,                    -- USD cents, as in the Shopify export
    compare_at_cents INTEGER,
    barcode          TEXT,
    inventory_qty    INTEGER,
    image_src        TEXT,
    attributes       TEXT NOT NULL DEFAULT '[]'  -- JSON array of {key, value}: columns we do not model
);
CREATE INDEX variants_product ON variants(product_id, position);
-- Not unique: real stores reuse a SKU across one product's variants (the importer warns);
-- a SKU held by two products is refused by the importer.
CREATE INDEX variants_sku ON variants(sku) WHERE sku IS NOT NULL AND sku <> '';

CREATE TABLE images (
    id          INTEGER PRIMARY KEY,
    product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    src         TEXT NOT NULL,   -- as the merchant gave it: a URL or a file path
    alt         TEXT NOT NULL DEFAULT '',
    media       TEXT,            -- file name under the catalog's media folder once we hold the bytes
    error       TEXT             -- JSON {code, message, args} when the source could not be used
);
CREATE INDEX images_product ON images(product_id, position);

CREATE TABLE attributes (
    product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (product_id, key)
);

-- Copy per locale: 'en' is the merchant's source text, 'zh-CN' the listing copy.
CREATE TABLE copy (
    product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    locale      TEXT NOT NULL,
    field       TEXT NOT NULL,
    text        TEXT NOT NULL,
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (product_id, locale, field)
);

-- Every edit, from any source. Never updated, never deleted with the product's copy.
CREATE TABLE history (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    product_id  INTEGER REFERENCES products(id) ON DELETE SET NULL,
    handle      TEXT NOT NULL,
    field       TEXT NOT NULL,
    locale      TEXT,
    old         TEXT,
    new         TEXT,
    source      TEXT NOT NULL
);
CREATE INDEX history_product ON history(handle, id);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL    -- JSON
);
