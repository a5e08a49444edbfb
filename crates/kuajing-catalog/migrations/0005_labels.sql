-- Label data (issue 12): what a Chinese e-label prints that a Shopify export does not model.
-- Per product, in Chinese: 配料 (ingredients), 净含量 (net content, metric), 保质期 (shelf
-- life) and 贮存条件 (storage). Per vendor: the 境内代理商, the importer or agent in China,
-- with name, address and phone. Empty means missing: a label shows it as missing, never a
-- guess. docs/labels.md.

ALTER TABLE products ADD COLUMN ingredients TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN net_content TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN shelf_life  TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN storage     TEXT NOT NULL DEFAULT '';

CREATE TABLE vendors (
    name           TEXT PRIMARY KEY,
    agent_name     TEXT NOT NULL DEFAULT '',
    agent_address  TEXT NOT NULL DEFAULT '',
    agent_phone    TEXT NOT NULL DEFAULT ''
);
