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
import-cell-read-as-windows-1252 = Unlike the rest of the file, { $column } on this row is not valid UTF-8 text, so this one cell was read as Windows-1252: “{ $value }”. Check that it looks right; if not, correct the cell and save the file as “CSV UTF-8”.
import-unsafe-handle = Handle { $handle } may only hold lowercase letters, digits, dashes and underscores, and may not be a name Windows keeps for devices (such as CON), so the product is imported as { $slug }. Use { $slug } as the handle in Shopify too, so the two stay the same.
import-unsafe-handle-clash = Handle { $handle } cannot be used as written, and its safe form already belongs to product { $other } (row { $other_row }), so this product is imported as { $slug }. Give the two products clearly different handles.
import-more-problems = { $count } more problems of this kind ({ $code }) were found and are not listed one by one. Fix the ones listed, then import the file again to see the rest.

## Files past a size limit (Problem.code, severity error)

import-too-many-columns = This row has { $count } cells; Kuajing reads at most { $max } columns, so it stopped here. A Shopify product export has well under a hundred. If this is the header, check that you chose the file Shopify exported (Products → Export) and delete the columns you do not need; otherwise look for stray commas in this row.
import-column-name-too-long = The heading of { $column } is { $length } characters long; Kuajing reads at most { $max }, so the column is called { $column } for now. Shorten its heading.
import-cell-too-large = { $column } on this row holds { $size_kb } KB of text; Kuajing reads at most { $max_kb } KB in one cell, so the rest was cut off. If the cell should not be that long, look for a quotation mark (") in it that is never closed: it makes the rest of the file part of this cell.
import-too-many-rows = This file has more than { $max } rows; Kuajing imports at most { $max } at once. Export your products from Shopify in smaller parts (for example by collection or by vendor) and import each file.
import-too-many-cells = This file has more than { $max } filled cells; Kuajing imports at most { $max } at once. Export your products from Shopify in smaller parts (for example by collection or by vendor) and import each file.

## Files that cannot be imported at all (Error.code)

import-empty-file = { $file } is empty. Choose the product CSV you exported from Shopify (Products → Export).
import-not-csv = { $file } is not a CSV file: it looks like an image, a PDF or a spreadsheet workbook. Export your products from Shopify (Products → Export) and choose that CSV file; if you edited it in Excel or Numbers, save it as “CSV UTF-8”.
import-not-shopify = { $file } is not a Shopify product export: it has no { $missing } column. A Shopify product CSV has the columns { $expected } and more; this file has: { $found }. Export your products from Shopify (Products → Export) and choose that file.
import-no-products = { $file } has column headings but no product rows. Check that you exported products from Shopify (Products → Export, “All products”), then try again.
