# Errors the app and the CLI report, by code (`error-<code>`). The Rust message (which names
# the file, row or field) is shown beneath as the detail.
error-catalog-open = The catalog could not be opened.
error-catalog-too-new = This catalog was written by a newer Kuajing. Update Kuajing to open it.
error-catalog-migration = The catalog could not be upgraded. A backup was kept beside it.
error-catalog-backup = The catalog could not be backed up to { $path }: { $detail }
error-no-product = That product is not in the catalog (it may have been re-imported under another handle).
error-no-batch = That bulk edit is not in the catalog's history, so it cannot be undone.
error-no-vendor = No vendor named “{ $vendor }” in the catalog. Use a name from the Vendor column of your Shopify export (`kuajing vendor list`).
error-unknown-field = “{ $field }” is not a field that can be set here. Fields: { $known }.
error-sku-taken = That SKU already belongs to another product. Give each variant its own SKU.
error-catalog-query = The catalog could not be read or written.
error-media-write = An image could not be stored in the catalog folder. Check the disk has room.
error-file-read = The file could not be read. Check the path and that you may open it.
error-file-write = The file could not be written. Check the folder exists and has room.
error-file-too-large = The file is too large to import.
error-import-has-errors = The file has problems that must be fixed first; nothing was imported.
error-import-running = An import is already running: wait for it to finish or cancel it.
error-no-rate = No USD→CNY exchange rate is set. Set one in Settings before exporting, so prices are never written in dollars.
error-bad-rate = The exchange rate must be a number above 0.
error-bad-hs-code = “{ $value }” is not an HS code: write the China tariff code’s 6 to 10 digits, e.g. 0809290000.
error-bad-date = The date must be a real date written YYYY-MM-DD.
error-unknown-marketplace = Kuajing has no profile for that marketplace.
error-unknown-slot = That marketplace has no such image slot.
error-not-fetched = This image has not been downloaded yet. Connect to the internet and download the images.
error-render-running = A batch is already rendering: wait for it to finish or cancel it.
error-no-sheet = Kuajing has no bulk-upload sheet for { $marketplace } yet. Its images can be rendered; export for { $exporting }.
error-bad-field = Only the title, short title, selling points and description can be edited here.
error-blank = The { $value ->
    [zh] Chinese
   *[other] English
} text is empty: fill it in.
error-bad-threshold = The match threshold must be a whole number from 1 to 100.
error-bad-shipped-data = Kuajing's built-in data is damaged. Reinstall Kuajing.
error-export-write = The bundle could not be written. Nothing was left half-written; check the folder and try again.
error-export-duplicate-file = Two files in the bundle would have the same name.
error-download = The image could not be downloaded.
error-unexpected = Something went wrong.
error-copy-conflict = This text was changed elsewhere (another window or the command line) while you edited it. Choose which text to keep: yours, or the one now saved.
error-export-onto-catalog = The bundle cannot be saved there: that is the catalog itself or one of its folders. Choose another place, for example your Downloads folder.
error-export-unsafe-file-name = A file name in the bundle is not safe to unpack: { $name }.
error-output-is-input = { $path } is one of the photos being rendered; it is never overwritten.
error-output-exists = { $path } already exists. Remove it, choose another folder, or allow overwriting.
error-bad-argument = The command was given a value it cannot use.
error-marketplace-invalid = The marketplace profile { $marketplace } is invalid: { $detail }
error-marketplace-override = Your marketplace profile { $file } (line { $line }) is not valid: { $detail }. Fix that file beside the catalog, or remove it to use the shipped profile.
# Errors reading a file as a Shopify export (the same words as the import's).
error-empty-file = { import-empty-file }
error-not-csv = { import-not-csv }
error-not-shopify = { import-not-shopify }
error-no-products = { import-no-products }
# Errors reading or rendering a photo.
error-empty = { $name } is empty (0 bytes). Copy or export the photo again.
error-not-an-image = { $name } is not an image (it looks like { $looks_like }).
error-truncated = { $name } is cut short: the file ends before the picture does. Copy or export it again.
error-corrupt = { $name } is damaged and cannot be read as { $format }.
error-too-many-pixels = { $name } is { $width }×{ $height } pixels, more than Kuajing reads. Make it smaller and try again.
error-too-large-file = { $name } is too large to read as a photo. Make it smaller and try again.
error-unsupported-format = { $name } is in a format Kuajing cannot read. Export it as JPEG or PNG.
error-io = { $name } could not be read. Check that the file is there and you may open it.
error-invalid-slot = { $name } cannot be rendered into this image slot.
error-encode = { $name } could not be written as { $format }.

# Import problems the importer adds after reading the file.
import-sku-taken = SKU { $sku } already belongs to product “{ $other }” in your catalog. Give this variant another SKU.
import-image-missing = The image { $src } was not found. Put the file beside the CSV or fix the path.
import-image-unreadable = The image { $src } cannot be used: { $reason }
import-image-outside-folder = The image { $src } is outside the CSV's folder ({ $reason }). Put the photos in that folder or below it and name them by a relative path, such as photos/cherries.jpg.
import-image-not-a-file = { $src } is not a photo file (it is a folder, a device or a pipe). Name a photo file inside the CSV's folder.

# Findings on rendered images (`image-<code>`).
image-source-too-small = The photo is { $width }×{ $height }, smaller than the { $min_width }×{ $min_height } this slot needs. It was not enlarged (that would look soft): use a larger photo.
image-source-too-narrow = The photo is { $width } pixels wide, narrower than the { $min_width } this slot needs. It was not enlarged (that would look soft): use a larger photo.
image-quality-reduced = JPEG quality was lowered to { $quality } to stay under { $max_bytes } bytes.
image-over-byte-cap = At { $bytes } bytes the image is over this slot's limit of { $max_bytes }, even at the lowest quality. The marketplace will refuse it: use a simpler or smaller photo.
image-under-min-bytes = At { $bytes } bytes the image is under this slot's minimum of { $min_bytes }, even at the highest quality. The marketplace may take it for a blank picture.
image-not-trimmed = No plain border was found to trim: this slot wants the product alone on a plain background.
image-background-not-plain = The photo's background is { $colour }, not the slot's { $background }. Shoot the product on { $background } or cut it out.
image-colour-profile-ignored = The photo's colour profile could not be used ({ $reason }); its colours were taken as sRGB and may be off.
image-sliced = The long image was cut into { $count } slices.
