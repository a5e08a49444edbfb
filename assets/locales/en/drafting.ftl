# Drafting: glossary, templates, option values, translation memory.

error-draft-template-invalid = The drafting templates of marketplace { $marketplace } are invalid: { $detail }. Fix the [drafting] section of its profile.
error-glossary-csv = { $file }, row { $row }: { $detail }. A glossary CSV has the columns en, zh, forbidden, note, category (en and zh required).
error-glossary-invalid = The glossary could not be loaded: { $detail }

finding-glossary-missing = The English says “{ $en }”, but the approved Chinese “{ $zh }” is missing.
finding-glossary-forbidden = “{ $found }” is not used for “{ $en }”: the glossary says “{ $zh }”.
error-no-template = Marketplace { $marketplace } has no drafting template for the { $field }. Add one to the [drafting] section of its profile.
error-no-option-value = No variant has the option value { $name }: { $value }. See the values with `kuajing options`.
error-nothing-to-draft = Nothing to draft the { $field } of { $handle } from: give it an English title naming a product the glossary knows, or add the product's term to the glossary.

finding-too-many-lines = { $lines } lines: this marketplace shows at most { $limit } selling points.
