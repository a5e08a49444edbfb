# Drafting: glossary, templates, option values, translation memory.

error-draft-template-invalid = The drafting templates of marketplace { $marketplace } are invalid: { $detail }. Fix the [drafting] section of its profile.
error-glossary-csv = { $file }, row { $row }: { $detail }. A glossary CSV has the columns en, zh, forbidden, note, category (en and zh required).
error-glossary-invalid = The glossary could not be loaded: { $detail }

finding-glossary-missing = The English says “{ $en }”, but the approved Chinese “{ $zh }” is missing.
finding-glossary-forbidden = “{ $found }” is not used for “{ $en }”: the glossary says “{ $zh }”.
