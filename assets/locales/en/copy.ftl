# Messages for kuajing-copy findings. Ids are finding-<code>; the variables are the finding's args.

severity-error = Error
severity-warning = Warning

# $units, $limit: GBK units (a Chinese character or full-width symbol counts 2, ASCII counts 1).
finding-title-too-long = The title is { $units } units long; the limit is { $limit } (a Chinese character or full-width symbol counts 2, a letter or digit 1). Shorten it: the highlighted part does not fit.

# $term, $reason, $law_en, $category (absolute | medical | marketing); also $reason_zh, $law.
finding-banned-term = “{ $term }” is not allowed: { $reason } ({ $law_en }). { $category ->
        [absolute] Reword it, or dismiss this with a note if it is part of a registered trademark or a true comparison within the same brand.
       *[other] Reword it.
    }

# $char: the character or emoji sequence; $codepoint: e.g. U+1F352.
finding-non-gbk-char = “{ $char }” ({ $codepoint }) cannot be encoded in GBK (emoji and some rare characters), so the marketplace rejects or garbles it. Remove it or say it in words.

# $text: as written; $simplified: the suggested Simplified form.
finding-traditional-chars = “{ $text }” is written in Traditional characters; mainland shoppers read Simplified. Write “{ $simplified }” instead.

# $unit: as written; $suggestion: the metric value or unit; $value: the number, when there is one.
finding-imperial-unit = “{ $unit }” is an imperial unit; Chinese listings use metric. Write { $suggestion } instead.

# $kind: url | phone | wechat | qq; $text: what was found.
finding-contact-info = Titles may not carry contact details: { $kind ->
        [url] a web address
        [phone] a phone number
        [wechat] a WeChat id
        [qq] a QQ number
       *[other] contact details
    } (“{ $text }”). Remove it from the title.
