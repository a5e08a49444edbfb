# Kuajing desktop UI strings (English).
# Every id starts with "ui-" so it never collides with copy.ftl (finding-*),
# import.ftl (import-*) or errors.ftl (error-*). Keep zh-CN/ui.ftl in step.

## Common

ui-loading = Loading…
ui-close = Close
ui-cancel = Cancel
ui-done = Done
ui-save = Save
ui-saving = Saving…
ui-saved = Saved
ui-save-failed = Not saved
ui-save-failed-label = Not saved:
ui-save-retrying = Kuajing keeps trying by itself.
ui-save-retry-now = Retry now
ui-save-conflict = Not saved: changed elsewhere
ui-retry = Retry
ui-browse = Browse…
ui-dismiss = Dismiss
ui-severity-error = Error
ui-severity-warning = Warning

## Top bar

ui-search-placeholder = Search products
ui-search-label = Search products in English or Chinese
ui-import = Import
ui-export = Export
ui-settings = Settings
ui-marketplace = Marketplace
ui-lang-switch = Switch language (English / 中文)
ui-rate-missing = No exchange rate
ui-rate-chip-title = USD→CNY exchange rate used for prices (click to change)
ui-rate-value = { $rate } CNY per USD (as of { $date })

## Empty catalog

ui-empty-title = Your catalog is empty
ui-empty-lead = Bring in your Shopify products, then write their Chinese listings for Tmall Global side by side with the English.
ui-empty-sample = Load the sample catalog
ui-empty-sample-sub = A Washington cherry orchard, an Alaska seafood packer and an Oregon nut grower: eight products with variants and photos to try everything on.
ui-empty-import = Import a Shopify CSV
ui-empty-import-sub = Use the products export from your Shopify admin ({ $shortcut }).
ui-sample-loaded = { $count ->
    [one] Loaded the sample catalog: { $count } product.
   *[other] Loaded the sample catalog: { $count } products.
}

## Product list

ui-list-order = Order of the list
ui-list-order-vendor = By vendor
ui-list-order-attention = Needs attention first
ui-list-label = Products
ui-list-count = { $count ->
    [one] { $count } product
   *[other] { $count } products
}
ui-list-empty = No products yet.
ui-list-no-match = No products match “{ $search }”.
ui-list-no-zh = no Chinese title yet
ui-list-errors = { $count ->
    [one] { $count } error in the Chinese copy
   *[other] { $count } errors in the Chinese copy
}
ui-list-complete = { $percent }% complete for this marketplace (see the product page for what is missing)
ui-pick-product = Pick a product on the left to work on its Chinese listing.
ui-pick-hint = ↑ ↓ move through the list, Enter opens the product.

## Product page

ui-product-load-failed = This product could not be loaded.
ui-product-counts = { $variants ->
    [one] { $variants } variant
   *[other] { $variants } variants
} · { $images ->
    [one] { $images } image
   *[other] { $images } images
}
ui-product-tabs = Product sections
ui-tab-listing = Listing
ui-tab-history = History
ui-product-english = English
ui-product-chinese = Simplified Chinese
ui-product-title = Title
ui-product-description = Description
ui-product-no-description = No description.
ui-product-vendor = Vendor
ui-product-type = Type
ui-product-tags = Tags
ui-product-fields = Product details
ui-product-fields-hint = Saved when you leave a field.
ui-product-variants = Variants
ui-product-attributes = Attributes
ui-product-images = Images

## Chinese copy editor

ui-copy-title-label = 中文标题 · Chinese title
ui-copy-title-placeholder = Write the Tmall Global title in Chinese
ui-copy-description-label = 中文描述 · Chinese description
ui-copy-description-placeholder = Write the product description in Chinese
ui-copy-units = { $units } GBK units
ui-copy-chars-hint = Length in characters, as this marketplace counts: every character counts 1, Chinese or not.
ui-copy-units-hint = Length in GBK units: a Chinese character counts 2, a Latin letter or digit 1.
ui-copy-clean = No problems found
ui-copy-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
ui-copy-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
ui-copy-findings = Problems found in the text
ui-copy-show-in-text = Select this in the text

## Product fields

ui-field-title = Title
ui-field-description = Description
ui-field-product = Product
ui-field-brand-en = Brand (English)
ui-field-brand-zh = 品牌 · Brand (Chinese)
ui-field-origin = 原产国 · Country of origin
ui-field-hs-code = HS code
ui-field-hs-code-hint = e.g. 0809290000
ui-field-ingredients = Ingredients (配料, Chinese)
ui-field-ingredients-hint = e.g. 新鲜樱桃
ui-field-net-content = Net content (净含量, metric)
ui-field-net-content-hint = e.g. 907克
ui-field-shelf-life = Shelf life (保质期)
ui-field-shelf-life-hint = e.g. 冷藏7-10天
ui-field-storage = Storage (贮存条件)
ui-field-storage-hint = e.g. 0-2℃冷藏

## Variants, attributes, images

ui-variants-none = No variants.
ui-variants-option = Option
ui-variants-sku = SKU
ui-variants-price = Price (USD)
ui-variants-weight = Weight
ui-variants-barcode = Barcode
ui-attributes-none = No attributes.
ui-attributes-key = Key
ui-attributes-value = Value
ui-images-none = No images.
ui-image-ready = Ready
ui-image-waiting = Waiting for network
ui-image-failed = Failed

## History

ui-history-empty = No changes recorded yet.
ui-history-time = Time
ui-history-field = Field
ui-history-change = Change
ui-history-source = Source
ui-history-restore = Restore
ui-history-none = (none)
ui-history-to = changed to
ui-source-import = Import
ui-source-edit = Edit
ui-source-cli = Command line
ui-source-sample = Sample

## Import dialog

ui-import-title = Import a Shopify CSV
ui-import-path-label = CSV file
ui-import-path-placeholder = /path/to/products_export.csv
ui-import-hint = Preview first: nothing is written until you import.
ui-import-browse-title = Choose a Shopify products CSV
ui-import-preview = Preview
ui-import-apply = { $count ->
    [0] Import
    [one] Import { $count } product
   *[other] Import { $count } products
}
ui-import-products = products
ui-import-variants = variants
ui-import-images = images
ui-import-errors = errors
ui-import-warnings = warnings
ui-import-encoding = File encoding: { $encoding }
ui-import-added = { $count } new
ui-import-updated = { $count } changed
ui-import-unchanged = { $count } unchanged
ui-import-added-label = New:
ui-import-updated-label = Changed:
ui-import-severity = Severity
ui-import-row = Row
ui-import-column = Column
ui-import-problem = Problem
ui-import-blocked = Fix the errors in the file, then preview again. Nothing was imported.
ui-import-stale = The file name changed: preview again before importing.
ui-import-reading = Reading the file: { $done } of { $total } MB
ui-import-writing = Writing: { $done } of { $total } rows
ui-import-cancel = Cancel
ui-import-cancelling = Cancelling…
ui-import-cancelled = The import was cancelled. Nothing was changed.
ui-import-more = and { $count } more
ui-import-done = { $products ->
    [one] Imported { $products } product.
   *[other] Imported { $products } products.
}

## Export dialog

ui-export-title = Export a listing bundle
ui-export-marketplace = Marketplace
ui-export-path = Save to
ui-export-browse-title = Save the listing bundle as
ui-export-run = Export
ui-export-again = Export again
ui-export-working = Exporting: rendering images and writing the listing sheet…
ui-export-done = Export finished
ui-export-nothing = Nothing was exported: every product was skipped. Fix the problems below, then export again.
ui-export-file = File
ui-export-products = Products
ui-export-labels = Chinese e-labels
ui-export-rows = Sheet rows
ui-export-rows-note = one per variant
ui-export-images = Images
ui-export-rate = Exchange rate
ui-export-skipped = { $count ->
    [one] { $count } product was skipped
   *[other] { $count } products were skipped
}
ui-export-warnings = { $count ->
    [one] Exported, but check this product
   *[other] Exported, but check these { $count } products
}
ui-export-no-rate = Prices are converted to CNY, so an exchange rate is needed. Set the USD→CNY rate in Settings, then export again.
ui-export-open-settings = Open Settings

## Settings dialog

ui-keys-title = Keyboard shortcuts
ui-keys-everywhere = Everywhere
ui-keys-search = Search products
ui-keys-import = Import a Shopify export
ui-keys-export = Export a bundle
ui-keys-settings = Settings
ui-keys-help = This list
ui-keys-escape = Close a dialog, or clear the search
ui-keys-list = Product list
ui-keys-list-move = Previous or next product
ui-keys-list-jump = A page up or down, the first or last product
ui-keys-list-open = Open the selected product
ui-keys-list-pick = Pick or unpick the selected product for a bulk change (also Ctrl/Cmd-click; Shift-click picks a range; Esc clears)
ui-keys-list-pick-all = Pick every product the search and filters match
ui-keys-editor = Chinese fields
ui-keys-draft = Draft this field
ui-keys-tm = Put in translation-memory match 1 to 9
ui-keys-save = Save now (it also saves by itself)
ui-keys-undo = Undo typing, a draft or a fix
ui-keys-tables = Options and glossary
ui-keys-table-save = Save the row
ui-keys-table-undo = Undo the row's change
ui-keys-button = Keyboard shortcuts (?)
ui-export-approved-only = Only approved Chinese copy
ui-export-approved-only-hint = Kept for this marketplace. Off: all copy goes out, and the report lists every field not approved yet.
ui-settings-title = Settings
ui-settings-rate = Exchange rate
ui-settings-rate-intro = Shopify prices are in US dollars; exports convert them to yuan at this rate.
ui-settings-current = Current rate: 1 USD = { $rate } CNY (as of { $date })
ui-settings-no-rate = No rate set yet: exports need one.
ui-settings-rate-label = USD → CNY
ui-settings-date-label = Rate date
ui-settings-rate-invalid = Enter a number greater than 0, e.g. 7.10.
ui-settings-date-invalid = Enter a date as YYYY-MM-DD.
ui-settings-rate-save = Save rate
ui-settings-tm = Translation memory
ui-settings-tm-label = Suggest matches scoring at least
ui-settings-tm-hint = 100 is the same English. Lower finds more, looser matches; 70 is the usual start.
ui-settings-tm-invalid = Enter a whole number from 1 to 100.
ui-settings-reviewer = Review
ui-settings-reviewer-label = Your name
ui-settings-reviewer-hint = Every approval, rejection and comment is recorded under this name.
ui-settings-mt = Machine drafts (optional)
ui-settings-mt-off = Off. Drafts come from your glossary, translation memory and the marketplace's templates, all on this computer. To add a Machine draft button, point Kuajing at an OpenAI-compatible server: one on this computer (Ollama, llama.cpp, vLLM) or a cloud API.
ui-settings-mt-on = On: { $model } at { $endpoint }. Only the Machine draft button contacts it.
ui-settings-mt-endpoint = Endpoint
ui-settings-mt-model = Model
ui-settings-mt-key-env = Key variable
ui-settings-mt-key = API key
ui-settings-mt-key-placeholder = Kept in the system keyring (optional)
ui-settings-mt-hint = A server on this computer needs no key. For a cloud API, name the environment variable that holds the key, or type the key: it is kept in the system keyring, never in the catalog.
ui-settings-mt-turn-off = Turn off
ui-settings-mt-turned-off = Turned off
ui-settings-catalog = Catalog file

# Downloading photos named by URL in the Shopify export.
ui-images-fetch = Download now
ui-images-waiting-count = { $count ->
    [one] { $count } photo is waiting to download.
   *[other] { $count } photos are waiting to download.
}
ui-images-offline = { $count ->
    [one] No network: { $count } photo will download when you are online.
   *[other] No network: { $count } photos will download when you are online.
}

## Images: the render batch, each photo's slot images, the compare view

ui-images = Images
ui-render-open-title = Render every photo for a marketplace
ui-render-title = Render marketplace images
ui-render-marketplace = Marketplace
ui-render-scope = Photos
ui-render-scope-all = { $count ->
    [one] All products ({ $count } photo)
   *[other] All products ({ $count } photos)
}
ui-render-scope-product = Only the product on screen
ui-render-scope-none = no product open
ui-render-progress-label = Rendering progress
ui-render-starting = Starting…
ui-render-counts = { $done } / { $total ->
    [one] { $total } photo
   *[other] { $total } photos
} · { $rendered } rendered · { $cached } from cache · { $failed } failed
ui-render-nothing = No photo to render: they are not downloaded yet, or these products have none.
ui-render-cancelled = Cancelled after { $done } of { $total } photos. What was rendered is kept: starting again picks up from there.
ui-render-finished = { $total ->
    [one] Rendered { $total } photo in { $seconds } s
   *[other] Rendered { $total } photos in { $seconds } s
}
ui-render-finished-ms = { $total ->
    [one] Rendered { $total } photo in { $ms } ms
   *[other] Rendered { $total } photos in { $ms } ms
}
ui-render-failed-head = { $count ->
    [one] { $count } image could not be rendered
   *[other] { $count } images could not be rendered
}
ui-render-findings-head = { $count ->
    [one] { $count } image to check
   *[other] { $count } images to check
}
ui-render-clean = Every image fits the marketplace's rules.
ui-render-esc-hint = Esc cancels
ui-render-cancelling = Cancelling…
ui-render-start = Render
ui-render-again = Render again
ui-render-note-photo = photo { $position }
ui-render-open-product = Open product
ui-render-empty = No photos in the catalog yet
ui-render-empty-hint = Import a Shopify CSV with photos, or download the photos it names by URL on the product page, then render them here.
ui-images-hint = Each photo beside what it becomes on the marketplace; click one to compare.
ui-images-marketplace = Images for
ui-images-rendering = Rendering slot images…
ui-images-photo = Photo { $position }
ui-images-no-slots = This marketplace has no slot for a photo in this position.
ui-images-slots-of = Marketplace images of photo { $position }
ui-slot-compare = Compare with the original
ui-slot-parts = { $count ->
    [one] { $count } slice
   *[other] { $count } slices
}
ui-slot-findings = Findings for { $slot }
ui-slot-failed = Failed
ui-slot-bytes = { $size } / { $cap }
ui-slot-bytes-sliced = { $size } · ≤{ $cap } each
# Short badge text for an image finding; the full message is shown on hover and focus.
ui-image-badge = { $code ->
    [source-too-small] Too small
    [quality-reduced] Quality lowered
    [over-byte-cap] Over the byte cap
    [under-min-bytes] Under the minimum size
    [not-trimmed] Not trimmed
    [background-not-plain] Background not plain
    [colour-profile-ignored] Colour profile ignored
    [sliced] Sliced
   *[other] Check
}
ui-compare = Compare
ui-compare-title = { $slot } · photo { $position }
ui-compare-prev = Previous image (←)
ui-compare-next = Next image (→)
ui-compare-mode = View
ui-compare-side = Side by side
ui-compare-flip = Flip
ui-compare-show-before = Show the original
ui-compare-show-after = Show the result
ui-compare-keys = ← → other images · Esc closes
ui-compare-before = Original
ui-compare-after = For the marketplace
ui-compare-before-alt = The original photo { $position }
ui-compare-after-alt = { $slot }, slice { $part } of { $count }
ui-compare-quality = quality { $quality }

## Unsaved work: a conflicting save, a product switch, closing the window

ui-conflict-title = Changed elsewhere while you typed
ui-conflict-lead = Someone saved this text in another window or from the command line. Nothing is saved until you choose which text to keep.
ui-conflict-mine = Yours (not saved)
ui-conflict-theirs = Theirs (now in the catalog)
ui-conflict-empty = (empty)
ui-conflict-keep-mine = Keep mine
ui-conflict-take-theirs = Take theirs
ui-unsaved-something = A change
ui-unsaved-stay = You are still on this product: these changes are not saved yet.
ui-export-unsaved = Not exported: these changes are not saved yet, and the bundle must not leave them out. Export again once they are saved.
ui-close-title = Not everything is saved
ui-close-lead = These changes could not be saved, so the window stays open:
ui-close-hint = They stay here and Kuajing keeps trying. Closing without saving loses them.
ui-close-saving = Saving your changes before closing…
ui-close-anyway = Close without saving
ui-close-stay = Keep editing
ui-close-retry = Try again
ui-complete-title = Ready for each marketplace
ui-complete-hint = Required fields and images, filled and without errors
ui-complete-missing = Missing: { $items }
ui-complete-ready = Complete
ui-complete-failed = Completeness could not be counted.
ui-complete-counting = Counting…
ui-export-check-title = Before you export
ui-export-checking = Checking every product…
ui-export-check-summary = { $ready } ready to export; { $blocked } will be left out. Click a line to go to the field.
ui-export-check-left-out = left out
ui-export-view-report = View the report
ui-report-title = Export report
ui-vendor-title = Agent in China for { $vendor }
ui-vendor-hint = Every label of this vendor's products prints its importer or agent in China (境内代理商): name, address and phone. Leave a box empty until you know it; the label shows it as missing.
ui-vendor-agent-name = Name (境内代理商)
ui-vendor-agent-name-hint = e.g. 上海某某进口贸易有限公司
ui-vendor-agent-address = Address (地址)
ui-vendor-agent-address-hint = e.g. 上海市浦东新区…
ui-vendor-agent-phone = Phone (电话)
ui-vendor-agent-phone-hint = e.g. 021-5555-0100
ui-vendor-agent-label = Agent in China
ui-vendor-agent-none = not set yet
ui-vendor-edit = Edit for { $vendor }…
ui-list-incomplete = Incomplete only
ui-list-incomplete-hint = Only the products that lack something this marketplace requires
ui-list-filter = Show
ui-list-filter-all = All products
ui-list-filter-rejected = Rejected Chinese
ui-list-filter-stale = Stale Chinese (English changed)
ui-list-filter-errors = Chinese with errors
ui-list-filter-draft = Drafts
ui-list-filter-translated = Translated, not reviewed
ui-list-filter-reviewed = Reviewed
ui-list-filter-approved = Approved
ui-list-vendor = Vendor
ui-list-vendor-all = All vendors
ui-list-no-match-filter = No product matches these filters.
ui-list-clear-filters = Show all products
ui-bulk-picked = { $count ->
    [one] 1 picked
   *[other] { $count } picked
}
ui-bulk-all = Pick all { $count }
ui-bulk-edit = Change…
ui-bulk-clear = Clear
ui-bulk-title = Change { $count ->
    [one] 1 product
   *[other] { $count } products
}
ui-bulk-hint = Tick the fields to set; the others stay as they are. Every product's change is kept in its history, and the whole change can be undone at once.
ui-bulk-apply = Set on { $count ->
    [one] 1 product
   *[other] { $count } products
}
ui-bulk-done = Changed { $count ->
    [one] 1 product
   *[other] { $count } products
}
ui-bulk-undo = Undo
ui-bulk-undone = Undone: { $count ->
    [one] 1 product is
   *[other] { $count } products are
} as before.
ui-bulk-undone-kept = Undone, except where a field was changed again since: { $kept }
