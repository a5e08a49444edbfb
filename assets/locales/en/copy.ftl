# Messages for kuajing-copy findings. Ids are finding-<code>; the variables are the finding's args.

severity-error = Error
severity-warning = Warning

# $units, $limit: in $unit: gbk (GBK units: a Chinese character or full-width symbol counts 2, ASCII
# counts 1) or chars (characters, as JD counts).
finding-title-too-long = { $unit ->
        [chars] The title is { $units } characters long; the limit is { $limit } characters. Shorten it: the highlighted part does not fit.
       *[gbk] The title is { $units } units long; the limit is { $limit } (a Chinese character or full-width symbol counts 2, a letter or digit 1). Shorten it: the highlighted part does not fit.
    }

# $term, $reason, $law_en, $category (absolute | medical | marketing); also $reason_zh, $law.
# $exception: none, or the kind of use the 2023 market-regulator guide allows (consumer-tip,
# standard-grade, stage, brand ...), which lowers the finding to a warning; then also $phrase
# (the phrase or brand name as written), $exception_reason, $exception_reason_zh, $basis, $basis_en.
finding-banned-term = { $exception ->
        [none] “{ $term }” is not allowed: { $reason } ({ $law_en }). { $category ->
            [absolute] Reword it, or dismiss this with a note if it is part of a registered trademark or a true comparison within the same brand.
           *[other] Reword it.
        }
       *[other] “{ $term }” is normally not allowed ({ $reason }, { $law_en }), but “{ $phrase }” looks like { $exception_reason }, which the market regulator allows ({ $basis_en }). Check that it is, then dismiss this warning, or reword it.
    }

# $char: the character or emoji sequence; $codepoint: e.g. U+1F352; $kind: lookalike (then
# $suggestion: the GBK character that looks the same), han (a rare Chinese character) or other.
finding-non-gbk-char = “{ $char }” ({ $codepoint }) cannot be encoded in GBK, so the marketplace rejects or garbles it. { $kind ->
        [lookalike] Write “{ $suggestion }” instead: it looks the same and is GBK.
        [han] Use a common character or reword it.
       *[other] Remove it or say it in words.
    }

# $codepoint: e.g. U+200B; $name: e.g. zero-width space; $name_zh: the Chinese name.
finding-invisible-char = An invisible character ({ $name }, { $codepoint }) is hidden here, usually pasted in from a web page. It counts towards the length, breaks search and cannot be encoded in GBK. Remove it.

# $text: as written; $simplified: the suggested Simplified form.
finding-traditional-chars = “{ $text }” is written in Traditional characters; mainland shoppers read Simplified. Write “{ $simplified }” instead.

# $unit: as written; $suggestion: the metric value or unit; $value: the number, when there is one.
finding-imperial-unit = “{ $unit }” is an imperial unit; Chinese listings use metric. Write { $suggestion } instead.

# $kind: email | url | phone | wechat | qq; $text: what was found.
finding-contact-info = Titles may not carry contact details: { $kind ->
        [email] an e-mail address
        [url] a web address
        [phone] a phone number
        [wechat] a WeChat id
        [qq] a QQ number
       *[other] contact details
    } (“{ $text }”). Remove it from the title.
