# Why a product was left out of, or is incomplete in, a bundle (`export-<code>`).
export-no-zh-title = No Chinese title yet. Write one on the product page.
export-copy-error = The Chinese { $field } has an error: { $finding }
export-no-price = No variant has a price.
export-no-image = No image could go into the bundle; the marketplace needs at least one main image.
export-image-not-fetched = { $src } has not been downloaded yet (waiting for network).
export-image-left-out = Image { $src } was left out: { $reason }

# The bundle's report.txt (`report-<code>`).
report-title = Kuajing export for { $marketplace } (profile version { $version })
report-rate = Prices converted at 1 USD = { $rate } CNY (rate of { $date }).
report-counts = { $products } products ({ $rows } sheet rows) and { $images } images exported; { $skipped } products left out.
report-skipped-heading = Left out, and why:
report-warnings-heading = Exported, but check:

# Field names used inside other messages (`field-<field>`).
field-title = title
field-description = description
