//! What comes back: the model's text made into copy, without the wrapping models add despite
//! being told not to. Nothing in the copy itself is changed; the caller's checks judge it.

use crate::Field;

/// Quote pairs a model wraps an answer in.
const QUOTES: [(char, char); 7] = [
    ('"', '"'),
    ('\'', '\''),
    ('“', '”'),
    ('‘', '’'),
    ('「', '」'),
    ('『', '』'),
    ('`', '`'),
];

/// A label before the colon longer than this is copy, not a label.
const MAX_LABEL_CHARS: usize = 16;

/// The copy in a model's answer for `field`: `<think>` blocks (reasoning models) dropped, the
/// inside of a Markdown code fence taken, Markdown bold and headings marks removed, a label such
/// as "标题：" or "Chinese title:" before the copy removed (`labels` are the field's, from the
/// prompt file: the text before the first colon is a label if it ends with one), surrounding
/// quotes removed; for a title or short title only the first line is kept (what follows is
/// chatter), for selling points list markers ("1.", "- ", "①") go and each line is one point.
/// Empty if no copy is left.
pub fn clean_answer(raw: &str, field: Field, labels: &[String]) -> String {
    let text = drop_thinking(raw);
    let text = unfence(&text).replace("**", "");
    let mut lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .collect();
    while lines.first().is_some_and(|l| l.is_empty()) {
        lines.remove(0);
    }
    if let Some(first) = lines.first_mut() {
        *first = strip_label(first, labels);
        if first.is_empty() {
            lines.remove(0);
        }
    }
    let mut out: Vec<String> = Vec::new();
    for line in lines {
        let line = match field {
            Field::SellingPoints => unquote(strip_marker(line)),
            _ => line,
        };
        if line.is_empty() {
            // One blank line between paragraphs; none in the other fields.
            if field == Field::Description && out.last().is_some_and(|l| !l.is_empty()) {
                out.push(String::new());
            }
            continue;
        }
        out.push(line.to_owned());
        if field.is_one_line() {
            break;
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    unquote(&out.join("\n")).trim().to_owned()
}

fn drop_thinking(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find("<think>") {
        out.push_str(&rest[..open]);
        match rest[open..].find("</think>") {
            Some(close) => rest = &rest[open + close + "</think>".len()..],
            // Cut off while thinking: no copy after it.
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// The inside of the first ``` fence, or the text as it is.
fn unfence(text: &str) -> &str {
    let Some(open) = text.find("```") else {
        return text;
    };
    let after = &text[open + 3..];
    // The rest of the fence line is a language tag.
    let body = after.find('\n').map_or("", |nl| &after[nl + 1..]);
    body.find("```").map_or(body, |close| &body[..close])
}

fn strip_label<'a>(line: &'a str, labels: &[String]) -> &'a str {
    let Some((before, after)) = line.split_once([':', '：']) else {
        return line;
    };
    let before = before.trim().to_lowercase();
    let is_label = before.chars().count() <= MAX_LABEL_CHARS
        && labels
            .iter()
            .any(|l| !l.is_empty() && before.ends_with(&l.to_lowercase()));
    if is_label { after.trim() } else { line }
}

/// A line without its list marker: "- ", "* ", "• ", "1.", "1、", "1)", "（1）", "①".
fn strip_marker(line: &str) -> &str {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix(['-', '*', '•', '·', '●', '▪', '◆', '■', '>', '—'])
    {
        return rest.trim_start();
    }
    if let Some(rest) = line.strip_prefix(|c: char| ('①'..='⑳').contains(&c)) {
        return rest.trim_start();
    }
    let unbracketed = line.strip_prefix(['(', '（']);
    let digits_from = unbracketed.unwrap_or(line);
    let digits_end = digits_from
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits_from.len());
    if digits_end == 0 || digits_end > 2 {
        return line;
    }
    let after = &digits_from[digits_end..];
    let closers: &[char] = if unbracketed.is_some() {
        &[')', '）']
    } else {
        &['.', '、', ')', '）', '．']
    };
    let is_decimal_point = after.starts_with(['.', '．']);
    match after.strip_prefix(closers) {
        // "2.5公斤" is a number, not a marker.
        Some(rest) if is_decimal_point && rest.starts_with(|c: char| c.is_ascii_digit()) => line,
        Some(rest) => rest.trim_start(),
        None => line,
    }
}

fn unquote(text: &str) -> &str {
    let mut text = text.trim();
    loop {
        let stripped = QUOTES.iter().find_map(|&(open, close)| {
            let inner = text.strip_prefix(open)?.strip_suffix(close)?;
            (!inner.contains([open, close])).then_some(inner)
        });
        match stripped {
            Some(inner) => text = inner.trim(),
            None => return text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(field: Field) -> Vec<String> {
        crate::Prompt::builtin()
            .map(|p| p.labels(field))
            .unwrap_or_default()
    }

    fn clean(raw: &str, field: Field) -> String {
        clean_answer(raw, field, &labels(field))
    }

    #[test]
    fn titles_lose_their_wrapping() {
        let want = "美国进口 有机椰枣 2斤装";
        for raw in [
            "美国进口 有机椰枣 2斤装",
            "  美国进口 有机椰枣 2斤装\n",
            "\"美国进口 有机椰枣 2斤装\"",
            "“美国进口 有机椰枣 2斤装”",
            "「美国进口 有机椰枣 2斤装」",
            "标题：美国进口 有机椰枣 2斤装",
            "**标题**：“美国进口 有机椰枣 2斤装”",
            "Chinese title: 美国进口 有机椰枣 2斤装",
            "中文标题:\n美国进口 有机椰枣 2斤装",
            "```\n美国进口 有机椰枣 2斤装\n```",
            "```text\n标题：美国进口 有机椰枣 2斤装\n```\nThis title keeps to 60 units.",
            "<think>\nThe user wants a title. 60 units...\n</think>\n\n美国进口 有机椰枣 2斤装",
            "美国进口 有机椰枣 2斤装\n\n（共 44 个单位，符合限制）",
        ] {
            assert_eq!(clean(raw, Field::Title), want, "{raw:?}");
        }
    }

    #[test]
    fn copy_that_looks_like_wrapping_is_kept() {
        for (raw, want) in [
            // Quotes inside the copy, not around it.
            ("“加州”杏仁 与 “内华达”核桃", "“加州”杏仁 与 “内华达”核桃"),
            // A colon inside the copy that follows no label.
            ("口感：香甜软糯 美国椰枣", "口感：香甜软糯 美国椰枣"),
            ("3合1 咖啡", "3合1 咖啡"),
        ] {
            assert_eq!(clean(raw, Field::Title), want, "{raw:?}");
        }
    }

    #[test]
    fn selling_points_lose_their_markers() {
        let raw = "卖点：\n1. 美国加州直采\n2、果肉饱满\n- 2.5公斤家庭装\n• “无添加糖”\n（5）3合1 包装\n\n①冷链配送";
        assert_eq!(
            clean(raw, Field::SellingPoints),
            "美国加州直采\n果肉饱满\n2.5公斤家庭装\n无添加糖\n3合1 包装\n冷链配送"
        );
    }

    #[test]
    fn descriptions_keep_their_paragraphs() {
        let raw = "商品描述：\n\n## 产地\n来自美国加州。\n\n\n\n**口感**香甜。\n\n";
        assert_eq!(
            clean(raw, Field::Description),
            "产地\n来自美国加州。\n\n口感香甜。"
        );
    }

    #[test]
    fn nothing_but_wrapping_is_empty() {
        for raw in [
            "",
            "  \n",
            "\"\"",
            "标题：",
            "```\n```",
            "<think>60 units is",
        ] {
            assert_eq!(clean(raw, Field::Title), "", "{raw:?}");
        }
    }
}
