# Why a product was left out of, or is incomplete in, a bundle (`export-<code>`).
export-no-zh-title = No Chinese title yet. Write one on the product page.
export-copy-error = The Chinese { $field } has an error: { $finding }
export-copy-warning = The Chinese { $field }: { $finding }
export-missing-item = Missing for this marketplace: { $item }
export-no-price = No variant has a price.
export-no-image = No image could go into the bundle; the marketplace needs at least one main image.
export-image-not-fetched = { $src } has not been downloaded yet (waiting for network).
export-image-left-out = Image { $src } was left out: { $reason }
export-not-approved = The Chinese { $field } is { $state }, not approved yet.
export-title-not-approved = The Chinese title is { $state }, not approved; this marketplace exports only approved copy.
export-left-out-not-approved = The Chinese { $field } was left out: it is { $state }, not approved.
export-label-missing = The Chinese label lacks: { $items }. It is printed as missing; fill it on the product page (or the vendor dialog for the agent in China).
export-over-order-cap = Priced at { $price } CNY, over the { $cap } CNY cross-border limit per order: a shopper pays full tax on it.
export-over-year-cap = Priced at { $price } CNY, over the { $cap } CNY cross-border limit per person per year: most shoppers cannot buy it through the cross-border channel.
export-variants-as-skus = Has { $count } variants: this sheet lists the product once, with the first variant's price; add the others as SKUs in the seller back end.

# The bundle's report.txt (`report-<code>`).
report-title = Kuajing export for { $marketplace } (profile version { $version })
report-rate = Prices converted at 1 USD = { $rate } CNY (rate of { $date }).
report-counts = Products exported: { $products } ({ $rows } sheet rows, { $images } images). Products left out: { $skipped }.
report-skipped-heading = Left out, and why:
report-warnings-heading = Exported, but check:
report-approved-only = Only approved Chinese copy was taken (this marketplace's setting).
report-labels = Chinese e-labels in labels/: { $labels }, with the consumer risk notice (labels/risk-notice.txt).
report-exported-heading = Exported
report-col-image = Image
report-col-product = Product
report-col-images = Images
report-col-notes = Check

# Field names used inside other messages (`field-<field>`).
field-title = title
field-description = description
field-short_title = short title
field-selling_points = selling points
field-title_zh = Chinese title
field-origin = country of origin
field-ingredients = ingredients
field-net_content = net content
field-shelf_life = shelf life
field-storage = storage
field-agent_name = agent in China
field-agent_address = agent's address
field-agent_phone = agent's phone
field-description_zh = Chinese description
field-short_title_zh = Chinese short title
field-selling_points_zh = selling points
field-brand = brand
field-brand_zh = Chinese brand name
field-hs_code = HS code
field-price_cny = price
field-barcode = barcode
field-weight_kg = weight

# Review states used inside other messages (`state-<state>`).
state-draft = a draft
state-translated = translated
state-reviewed = reviewed
state-approved = approved
state-rejected = rejected
