-- Drafting (issue 10): the glossary, option values in Chinese, and the translation memory.
-- Catalog-wide edits go to `history` too, with handle '' and the field naming what changed
-- (`glossary:<en>`, `option:<name>:<value>`).

-- The termbase: an English term and its approved Chinese, with variants that must not be used.
CREATE TABLE glossary (
    id          INTEGER PRIMARY KEY,
    en          TEXT NOT NULL,
    zh          TEXT NOT NULL,
    forbidden   TEXT NOT NULL DEFAULT '[]',   -- JSON array of Chinese variants not to use
    note        TEXT NOT NULL DEFAULT '',
    category    TEXT NOT NULL DEFAULT '',     -- product | variety | region | pack | quality | brand | ...
    origin      TEXT NOT NULL DEFAULT 'user', -- 'seed' (shipped with the app) or 'user'
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX glossary_en ON glossary(en COLLATE NOCASE);

-- Each variant option value in Chinese, once per catalog: `2 lb` -> `907克`.
CREATE TABLE option_values (
    name        TEXT NOT NULL,   -- the option's name, as in the export (Size, Weight)
    value       TEXT NOT NULL,   -- the value, as in the export (2 lb, Gift Box)
    zh          TEXT NOT NULL,
    source      TEXT NOT NULL,   -- units | glossary | tm | same | user
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (name, value)
);

-- Every Chinese text a person saved, with its English source, segment by segment.
CREATE TABLE tm (
    id          INTEGER PRIMARY KEY,
    field       TEXT NOT NULL,
    source      TEXT NOT NULL,
    target      TEXT NOT NULL,
    handle      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (source, target)
);
