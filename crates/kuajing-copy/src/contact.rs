//! Contact details in a title (URLs, e-mail addresses, phone numbers, WeChat and QQ ids), which
//! marketplaces do not allow there (doc: secondary, so a warning), including the usual ways
//! sellers dodge a filter: VX, V信, 薇信, 微 信 with spaces, a phone number split by dashes,
//! dots or spaces, 扣扣 for QQ. Not contact details: 辅酶Q10, QQ糖, QQ弹, V领, 微信支付, a
//! barcode, a size, a date.

use regex::Regex;

use crate::{Error, Finding, Normalized, Severity, codes, fix_kinds, removal_span};

/// A separator sellers put inside a number to get it past a filter.
const SEP: &str = r"[-\ .·_]";

const EMAIL: &str = r"(?i)[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}";

const URL: &str = r"(?ix)
    (?: https?:// | www\. ) [^\s，。；、）)】」\]]+
  | [a-z0-9][a-z0-9-]* (?: \.[a-z0-9-]+ )*
    \. (?: com | cn | net | org | shop | store | top | vip | xyz | io | co | us | hk | me | cc | tv | info | biz )
    (?: / [!-~]* )?";

/// A WeChat keyword and its common evasions.
const WECHAT_KEYWORD: &str = r"(?: 微\s*信\s*号? | 薇\s*信 | 威\s*信 | 徽\s*信 | 微\s*x | v\s*信 | vx | wx | weixin | wechat )";

fn wechat() -> String {
    format!(
        r"(?ix)
        # a keyword, then an id: a WeChat id (a letter, then 5-19 letters, digits, - or _), a
        # mobile number or a QQ number (WeChat finds people by both)
        (?: 加 \s* )? (?: {WECHAT_KEYWORD} | 加 \s* v | \+ \s* v )
        [\ \t]* [:：]? [\ \t]*
        (?: [a-z][-_a-z0-9]{{5,19}} | 1[3-9]\d(?:{SEP}?\d{{4}}){{2}} | [1-9]\d{{4,10}} )
        # or only 加微信 / 加VX / +V: an invitation to talk off the marketplace
      | (?: 加 | \+ ) \s* (?: {WECHAT_KEYWORD} | v )"
    )
}

/// QQ numbers (and QQ group numbers) are 5 to 11 digits and never start with 0.
const QQ: &str = r"(?i)(?:qq|扣扣)[ \t]*(?:号码|号|群号|群)?[ \t]*[:：]?[ \t]*[1-9]\d{4,10}";

fn phone() -> String {
    format!(
        r"(?x)
        (?: \+?86 [-\ ]? )? 1[3-9]\d (?: {SEP}? \d{{4}} ){{2}}            # mainland mobile, 3-4-4
      | (?: 400 | 800 ) {SEP}? \d{{3}} {SEP}? \d{{4}}                    # 400/800 service numbers
      | \(? 0\d{{2,3}} \)? [-\ ] \d{{7,8}}                                # landline with area code
      | (?: \+?1 [-.\ ]? )? \(?\d{{3}}\)? [-.\ ] \d{{3}} [-.\ ] \d{{4}}    # US"
    )
}

#[derive(Debug, Clone)]
pub(crate) struct ContactMatcher {
    kinds: Vec<(&'static str, Regex)>,
}

impl ContactMatcher {
    pub fn new() -> Result<Self, Error> {
        // Earlier kinds win where two overlap: an e-mail address holds a domain, "VX
        // 13812345678" holds a phone number.
        Ok(Self {
            kinds: vec![
                ("email", Regex::new(EMAIL)?),
                ("url", Regex::new(URL)?),
                ("wechat", Regex::new(&wechat())?),
                ("qq", Regex::new(QQ)?),
                ("phone", Regex::new(&phone())?),
            ],
        })
    }

    /// `contact-info` warnings: args `kind` (email | url | phone | wechat | qq) and `text`;
    /// fix: `remove`.
    pub fn find(&self, norm: &Normalized<'_>) -> Vec<Finding> {
        let mut spans: Vec<(usize, usize, &'static str)> = Vec::new();
        for (kind, re) in &self.kinds {
            for m in re.find_iter(&norm.text) {
                let (start, mut end) = (m.start(), m.end());
                let found = m.as_str();
                // A URL's path does not take the punctuation after it.
                if *kind == "url" {
                    end -= found.len()
                        - found
                            .trim_end_matches(['.', ',', ')', ']', '!', '?', ';', ':', '"', '\''])
                            .len();
                }
                let found = norm.text.get(start..end).unwrap_or_default();
                // Not glued to more letters or digits (a long product code, a word).
                let first_alnum =
                    found.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '+');
                let glued_before = first_alnum
                    && norm.char_before(start).is_some_and(|c| {
                        c.is_ascii_alphanumeric()
                            || (matches!(*kind, "url" | "email") && matches!(c, '.' | '-' | '@'))
                    });
                let glued_after = found.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && norm
                        .char_after(end)
                        .is_some_and(|c| c.is_ascii_alphanumeric());
                if glued_before || glued_after {
                    continue;
                }
                // A number glued to a decimal point or a unit is a quantity, not a phone.
                if *kind == "phone"
                    && (norm.char_before(start) == Some('.')
                        || (norm.char_after(end) == Some('.')
                            && norm.char_after(end + 1).is_some_and(|c| c.is_ascii_digit())))
                {
                    continue;
                }
                // A domain needs a letter before its TLD (not "3.com" from "NO.3.com").
                if *kind == "url"
                    && !found.contains("://")
                    && !found
                        .split('/')
                        .next()
                        .and_then(|host| host.rsplit_once('.'))
                        .is_some_and(|(host, _)| host.chars().any(|c| c.is_ascii_alphabetic()))
                {
                    continue;
                }
                // One finding per place: the first kind that covers it wins.
                if spans.iter().any(|&(s, e, _)| start < e && s < end) {
                    continue;
                }
                spans.push((start, end, kind));
            }
        }
        spans
            .into_iter()
            .map(|(s, e, kind)| {
                let (start, end) = (norm.char_at(s), norm.char_at(e));
                let (fs, fe) = removal_span(norm.chars(), start, end);
                Finding::new(codes::CONTACT_INFO, Severity::Warning, start, end)
                    .arg("kind", kind)
                    .arg("text", norm.original(s, e))
                    .fix(fix_kinds::REMOVE, fs, fe, "")
            })
            .collect()
    }
}
