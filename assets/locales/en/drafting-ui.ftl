# Kuajing desktop UI strings for drafting (English): the Draft buttons, the suggestions panel,
# the gloss row, "Draft all empty fields", the option values and the glossary. Keep
# zh-CN/drafting-ui.ftl in step.

## The app's own errors

error-draft-running = A drafting batch is already running: wait for it to finish or cancel it.

## Copy fields

ui-copy-short-title-label = 中文短标题 · Chinese short title
ui-copy-short-title-placeholder = A short name for search results and cards, e.g. 华盛顿州雷尼尔车厘子
ui-copy-selling-points-label = 中文卖点 · Chinese selling points
ui-copy-selling-points-placeholder = One selling point a line, e.g. 产地：美国华盛顿州
ui-copy-units-longest = Units of the longest line, against each line's limit
ui-lines-label = Units per line
ui-field-short-title = Short title
ui-field-selling-points = Selling points
ui-source-draft = Draft

## Drafting a field

ui-draft = Draft
ui-draft-hint = Fill this field with a draft from the glossary, translation memory and the marketplace's template (Alt+D; Ctrl+Z takes it back)
ui-draft-mt = Machine draft
ui-draft-mt-hint = Ask the machine-draft server in Settings for this field; the answer is checked like typed text
ui-draft-sources = Where the draft came from
ui-draft-sources-hint = check each part before you publish
ui-draft-source-glossary = Glossary
ui-draft-source-template = Template
ui-draft-source-units = Units
ui-draft-source-tm = Memory
ui-draft-source-mt = Machine
ui-draft-template = { $marketplace } template for the { $field }
ui-draft-dropped = left out to fit: { $variables }

## Suggestions beside the Chinese

ui-sugg-title = Suggestions
ui-sugg-segment = For the paragraph:
ui-tm-title = Translation memory
ui-tm-empty = No similar English translated yet. Every title you save is remembered here for products with similar English.
ui-tm-use = Use this translation (Alt+{ $key })
ui-tm-adapted = quantities adapted
ui-tm-was = saved as
ui-tm-diff-label = Difference from the English of this product
ui-tm-insert = only in this product's English
ui-tm-delete = only in the remembered English
ui-terms-title = Glossary terms
ui-terms-empty = No glossary term in this English.
ui-terms-missing-count = { $count } missing
ui-term-present = In the Chinese
ui-term-missing = Not in the Chinese yet
ui-term-insert = Insert at the cursor
ui-term-forbidden = Not:

## The gloss under the Chinese

ui-gloss-label = Gloss
ui-gloss-hint = hover or focus a word for all its senses
ui-gloss-loading = Loading the dictionary…
ui-gloss-empty = Type Chinese to read it back word by word.
ui-gloss-failed = The gloss is not available right now.
ui-gloss-from-glossary = from your glossary
ui-gloss-paragraph = paragraph { $n }
ui-gloss-line = line { $n }

## Draft all empty fields

ui-draftall-open = Draft
ui-draftall-open-title = Draft all empty fields of the products
ui-draftall-title = Draft all empty fields
ui-draftall-lead = Fills every empty title, short title, selling points and description from the glossary, translation memory and the marketplace's template, and saves it. Text already written is never touched.
ui-draftall-scope = Products
ui-draftall-scope-all = All products ({ $count })
ui-draftall-scope-search = Products matching the search ({ $count })
ui-draftall-scope-search-none = Products matching the search (search the list first)
ui-draftall-start = Draft empty fields
ui-draftall-again = Draft again
ui-draftall-progress-label = Drafting progress
ui-draftall-counts = { $done } / { $total } products · { $drafted } fields drafted
ui-draftall-finished = Done: { $total ->
    [one] { $total } product looked at.
   *[other] { $total } products looked at.
}
ui-draftall-cancelled = Cancelled after { $done } of { $total } products; what was drafted is saved.
ui-draftall-drafted = Drafted
ui-draftall-kept = Kept (had text)
ui-draftall-with-errors = With errors
ui-draftall-failures = Not drafted
ui-draftall-with-errors-head = Drafts with an error to fix
ui-draftall-failures-head = Fields that could not be drafted

## Catalog views

ui-views-label = Catalog views
ui-view-products = Products
ui-view-options = Options
ui-view-glossary = Glossary

## Option values

ui-options-title = Option values
ui-options-lead = Each variant option (Size: 2 lb) in Chinese, once for the whole catalog. Type a better one and press Enter; Esc undoes.
ui-options-filter = Filter values
ui-options-missing = { $count } without Chinese
ui-options-name = Option
ui-options-value = Value
ui-options-zh = Chinese
ui-options-source = From
ui-options-products = Products
ui-options-zh-label = Chinese for { $name }: { $value }
ui-options-zh-placeholder = no Chinese yet
ui-options-enter = Enter saves
ui-options-empty = No option values yet
ui-options-empty-hint = Values like Size: 2 lb appear here once products with variants are imported.
ui-options-no-match = No value matches “{ $filter }”.
ui-option-source-units = Units
ui-option-source-glossary = Glossary
ui-option-source-tm = Memory
ui-option-source-same = Kept as written
ui-option-source-user = Yours
ui-option-source-edit = Yours

## Glossary

ui-glossary-title = Glossary
ui-glossary-lead = The approved Chinese for your English terms, and the variants not to use. Drafts, suggestions and checks follow it.
ui-glossary-filter = Search terms
ui-glossary-add = Add a term
ui-glossary-import = Import CSV…
ui-glossary-export = Export CSV…
ui-glossary-import-pick = Import a glossary CSV
ui-glossary-export-pick = Export the glossary as CSV
ui-glossary-count = { $count } of { $total } terms
ui-glossary-en = English
ui-glossary-zh = Chinese
ui-glossary-forbidden = Not to use
ui-glossary-category = Kind
ui-glossary-note = Note
ui-glossary-yours = yours
ui-glossary-edit = Edit
ui-glossary-remove = Remove
ui-glossary-remove-confirm = Remove this term?
ui-glossary-saved = Saved the term “{ $en }”.
ui-glossary-removed = Removed the term “{ $en }”.
ui-glossary-imported = Imported the glossary: { $added } added, { $changed } changed, { $unchanged } unchanged.
ui-glossary-exported = Exported { $count } terms to { $path }.
ui-glossary-empty = The glossary is empty
ui-glossary-empty-hint = Add your own terms, or import a CSV with the columns en, zh, forbidden, note, category.
ui-glossary-no-match = No term matches “{ $filter }”.
