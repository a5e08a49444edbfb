# Errors the app and the CLI report, by code (`error-<code>`). The Rust message (which names
# the file, row or field) is shown beneath as the detail.
error-catalog-open = The catalog could not be opened.
error-catalog-too-new = This catalog was written by a newer Kuajing. Update Kuajing to open it.
error-catalog-migration = The catalog could not be upgraded. A backup was kept beside it.
error-no-product = That product is not in the catalog (it may have been re-imported under another handle).
error-sku-taken = That SKU already belongs to another product. Give each variant its own SKU.
error-catalog-query = The catalog could not be read or written.
error-media-write = An image could not be stored in the catalog folder. Check the disk has room.
error-file-read = The file could not be read. Check the path and that you may open it.
error-file-write = The file could not be written. Check the folder exists and has room.
error-file-too-large = The file is too large to import.
error-import-has-errors = The file has problems that must be fixed first; nothing was imported.
error-no-rate = No USD→CNY exchange rate is set. Set one in Settings before exporting, so prices are never written in dollars.
error-bad-rate = The exchange rate must be a number above 0.
error-bad-date = The date must be a real date written YYYY-MM-DD.
error-unknown-marketplace = Kuajing has no profile for that marketplace.
error-unknown-slot = That marketplace has no such image slot.
error-not-fetched = This image has not been downloaded yet. Connect to the internet and download the images.
error-render-running = A batch is already rendering: wait for it to finish or cancel it.
error-no-sheet = Kuajing has no bulk-upload sheet for { $marketplace } yet. Its images can be rendered; export for Tmall Global.
error-bad-field = Only the title and the description can be edited here.
error-bad-shipped-data = Kuajing's built-in data is damaged. Reinstall Kuajing.
error-export-write = The bundle could not be written. Nothing was left half-written; check the folder and try again.
error-export-duplicate-file = Two files in the bundle would have the same name.
error-download = The image could not be downloaded.
error-unexpected = Something went wrong.

# Import problems the importer adds after reading the file.
import-sku-taken = SKU { $sku } already belongs to product “{ $other }” in your catalog. Give this variant another SKU.
import-image-missing = The image { $src } was not found. Put the file beside the CSV or fix the path.
import-image-unreadable = The image { $src } cannot be used: { $reason }

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
