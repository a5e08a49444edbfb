# Messages for importing a Shopify product CSV (crate kuajing-shopify).
# Problem messages: the UI shows the row and column next to them. Arguments are strings.

## Problems found in rows (Problem.code)

import-missing-handle = This row has no Handle, so it cannot be matched to a product. Fill in the product's Handle (the same as on its other rows), or delete the row.
import-missing-title = Product { $handle } has no Title on its first row. Add the product's title on that row.
import-orphan-row = This row belongs to product { $handle }, but no row above it starts that product (the row with its Title). Move this row under the product's first row, or add that first row.
import-duplicate-handle = Handle { $handle } appears again here, after other products; it was first used on row { $first_row }. Keep all rows of a product together, or give this product its own Handle.
import-duplicate-sku = SKU { $sku } is used again (first on row { $first_row }). Give each variant its own SKU.
import-shared-sku = SKU { $sku } is used again within this product (first on row { $first_row }). Marketplaces need one SKU per variant; give each its own before export.
import-duplicate-variant = This variant has the same options ({ $options }) as the one on row { $first_row }. Change its option values, or delete one of the two rows.
import-bad-number = { $column } holds “{ $value }”, which is not a number. Write a plain number such as 12 or 1299.00: a point for decimals, no currency or units.
import-barcode-scientific = Barcode { $value } was turned into scientific notation by a spreadsheet, so its last digits are lost. Format the column as Text, type the full barcode again, and save the CSV again.
import-converted-from-windows-1252 = This file was not saved as UTF-8, so it was read as Windows-1252 (Excel's default). Check that accented letters and symbols such as é, ü and € look right; if not, save the file as “CSV UTF-8” and import it again.
import-conflicting-value = { $column } on this row (“{ $value }”) differs from row { $first_row } (“{ $kept }”), so the value from row { $first_row } is used. Keep product details on the product's first row only, or make them the same.
import-bad-boolean = { $column } holds “{ $value }”, which is neither true nor false, so it was left unset. Write TRUE or FALSE.
import-option-without-name = Option { $option } has a value (“{ $value }”) but the product gives that option no name. Add Option{ $option } Name (for example Size or Color) on the product's first row.
import-missing-image-src = This row has image details (position or alt text) but no image address. Add the image URL in Image Src, or clear the row's image cells.
import-extra-cells = This row has { $count } filled cell(s) to the right of the last column, with no column name. Look for a stray comma earlier in the row, or give those columns a header.
import-duplicate-column = The column { $column } appears more than once. The first one is used and the others are kept as extra details. Delete or rename the copies.

## Files that cannot be imported at all (Error.code)

import-empty-file = { $file } is empty. Choose the product CSV you exported from Shopify (Products → Export).
import-not-csv = { $file } is not a CSV file: it looks like an image, a PDF or a spreadsheet workbook. Export your products from Shopify (Products → Export) and choose that CSV file; if you edited it in Excel or Numbers, save it as “CSV UTF-8”.
import-not-shopify = { $file } is not a Shopify product export: it has no { $missing } column. A Shopify product CSV has the columns { $expected } and more; this file has: { $found }. Export your products from Shopify (Products → Export) and choose that file.
import-no-products = { $file } has column headings but no product rows. Check that you exported products from Shopify (Products → Export, “All products”), then try again.
