//! Contact details in a title (URLs, phone numbers, WeChat and QQ ids), which marketplaces do
//! not allow there (doc: secondary, so a warning).

use regex::Regex;

use crate::{Error, Finding, Normalized, Severity, codes};

const URL: &str = r"(?ix)
    (?: https?:// | www\. ) [^\s，。；、）)】」\]]+
  | [a-z0-9][a-z0-9-]* (?: \.[a-z0-9-]+ )* \. (?: com | cn | net | org | shop | store | top | vip | xyz | io | co | us | hk )";
const PHONE: &str = r"(?x)
    (?: \+?86[-\ ]? )? 1[3-9]\d{9}                          # mainland mobile
  | 400[-\ ]?\d{3}[-\ ]?\d{4}                               # 400 service number
  | (?: \+?1[-.\ ]? )? \(?\d{3}\)?[-.\ ]\d{3}[-.\ ]\d{4}    # US";
const WECHAT: &str = r"(?ix)
    (?: 微信号? | 微信 ) [\ \t]* [:：]? [\ \t]* (?P<id1> [a-z][-_a-z0-9]{5,19} )
  | (?: vx | wx | v信 | weixin | wechat ) (?: [\ \t]* [:：] [\ \t]* | [\ \t]+ ) (?P<id2> [a-z][-_a-z0-9]{5,19} )";
const QQ: &str = r"(?i)qq[ \t]*[:：号]?[ \t]*\d{5,11}";

#[derive(Debug, Clone)]
pub(crate) struct ContactMatcher {
    kinds: Vec<(&'static str, Regex)>,
}

impl ContactMatcher {
    pub fn new() -> Result<Self, Error> {
        Ok(Self {
            kinds: vec![
                ("url", Regex::new(URL)?),
                ("phone", Regex::new(PHONE)?),
                ("wechat", Regex::new(WECHAT)?),
                ("qq", Regex::new(QQ)?),
            ],
        })
    }

    /// `contact-info` warnings: args `kind` (url | phone | wechat | qq) and `text`.
    pub fn find(&self, norm: &Normalized<'_>) -> Vec<Finding> {
        let mut spans: Vec<(usize, usize, &'static str)> = Vec::new();
        for (kind, re) in &self.kinds {
            for m in re.find_iter(&norm.text) {
                // Not glued to more letters or digits (a long product code, a word).
                let glued_before = norm.char_before(m.start()).is_some_and(|c| {
                    c.is_ascii_alphanumeric() || (*kind == "url" && matches!(c, '.' | '-' | '@'))
                });
                let glued_after = norm
                    .char_after(m.end())
                    .is_some_and(|c| c.is_ascii_alphanumeric());
                if glued_before || glued_after {
                    continue;
                }
                // A domain needs a letter before its TLD (not "3.com" from "NO.3.com").
                if *kind == "url"
                    && !m
                        .as_str()
                        .rsplit_once('.')
                        .is_some_and(|(host, _)| host.chars().any(|c| c.is_ascii_alphabetic()))
                {
                    continue;
                }
                // One finding per place: the first kind that covers it wins.
                if spans.iter().any(|&(s, e, _)| m.start() < e && s < m.end()) {
                    continue;
                }
                spans.push((m.start(), m.end(), kind));
            }
        }
        spans
            .into_iter()
            .map(|(s, e, kind)| {
                Finding::new(
                    codes::CONTACT_INFO,
                    Severity::Warning,
                    norm.char_at(s),
                    norm.char_at(e),
                )
                .arg("kind", kind)
                .arg("text", norm.original(s, e))
            })
            .collect()
    }
}
