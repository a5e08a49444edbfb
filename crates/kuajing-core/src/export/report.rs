//! The export report, in the interface language: `report.txt` for a quick read and
//! `report.html`, one page a merchant opens in a browser, with a thumbnail (a `data:` URL, so
//! the page needs no other file) and the notes of every exported product, and every product
//! left out with why.

use std::fmt::Write as _;

use kuajing_marketplace::Profile;

use super::{ExportReport, Skipped, args};
use crate::Workbench;

/// An exported product as the HTML report lists it.
#[derive(Debug)]
pub(crate) struct Listed {
    pub handle: String,
    pub title_zh: String,
    pub title_en: String,
    pub thumbnail: Option<String>,
    pub images: usize,
}

impl Workbench {
    fn report_line(&self, code: &str, pairs: &[(&str, &str)]) -> String {
        self.message("report", code, &args(pairs))
    }

    /// The report's opening lines: marketplace, rate, what only-approved did, the counts.
    fn report_summary(&self, profile: &Profile, report: &ExportReport) -> Vec<String> {
        let name = if self.rules.lang.starts_with("zh") {
            &profile.name_zh
        } else {
            &profile.name
        };
        let mut lines = vec![
            self.report_line(
                "title",
                &[
                    ("marketplace", name),
                    ("version", &profile.version.to_string()),
                ],
            ),
            self.report_line(
                "rate",
                &[
                    ("rate", &report.rate.usd_cny.to_string()),
                    ("date", &report.rate.date),
                ],
            ),
        ];
        if report.approved_only {
            lines.push(self.report_line("approved-only", &[]));
        }
        lines.push(self.report_line(
            "counts",
            &[
                ("products", &report.products.to_string()),
                ("rows", &report.rows.to_string()),
                ("images", &report.images.to_string()),
                ("skipped", &report.skipped.len().to_string()),
            ],
        ));
        if report.labels > 0 {
            lines.push(self.report_line("labels", &[("labels", &report.labels.to_string())]));
        }
        lines
    }

    pub(super) fn report_text(&self, profile: &Profile, report: &ExportReport) -> String {
        let mut text = String::new();
        for line in self.report_summary(profile, report) {
            text.push_str(&line);
            text.push('\n');
        }
        for (heading, list) in [
            ("skipped-heading", &report.skipped),
            ("warnings-heading", &report.warnings),
        ] {
            if list.is_empty() {
                continue;
            }
            text.push('\n');
            text.push_str(&self.report_line(heading, &[]));
            text.push('\n');
            for item in list {
                for reason in &item.reasons {
                    let _ = writeln!(text, "- {}: {}", item.handle, reason.message);
                }
            }
        }
        text
    }

    pub(super) fn report_html(
        &self,
        profile: &Profile,
        report: &ExportReport,
        listed: &[Listed],
    ) -> String {
        let summary = self.report_summary(profile, report);
        let lang = if self.rules.lang.starts_with("zh") {
            "zh-CN"
        } else {
            "en"
        };
        let mut html = String::new();
        let _ = write!(
            html,
            "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
            escape(&summary[0]),
            escape(&summary[0])
        );
        for line in &summary[1..] {
            let _ = writeln!(html, "<p>{}</p>", escape(line));
        }
        if !report.skipped.is_empty() {
            let _ = writeln!(
                html,
                "<h2 id=\"skipped\">{}</h2>",
                escape(&self.report_line("skipped-heading", &[]))
            );
            html.push_str("<ul class=\"skipped\">\n");
            for item in &report.skipped {
                let _ = write!(html, "<li><code>{}</code><ul>", escape(&item.handle));
                for reason in &item.reasons {
                    let _ = write!(html, "<li>{}</li>", escape(&reason.message));
                }
                html.push_str("</ul></li>\n");
            }
            html.push_str("</ul>\n");
        }
        let _ = writeln!(
            html,
            "<h2 id=\"exported\">{}</h2>",
            escape(&self.report_line("exported-heading", &[]))
        );
        let head = |code: &str| escape(&self.report_line(code, &[]));
        let _ = writeln!(
            html,
            "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            head("col-image"),
            head("col-product"),
            head("col-images"),
            head("col-notes")
        );
        for item in listed {
            let thumb = item.thumbnail.as_deref().map_or_else(
                || "<div class=\"nothumb\"></div>".to_owned(),
                |url| {
                    format!(
                        "<img src=\"{}\" alt=\"\" width=\"96\" height=\"96\">",
                        escape(url)
                    )
                },
            );
            let notes = notes_of(&report.warnings, &item.handle);
            let _ = writeln!(
                html,
                "<tr><td>{thumb}</td><td><div class=\"zh\" lang=\"zh-CN\">{}</div>\
                 <div class=\"en\">{}</div><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                escape(&item.title_zh),
                escape(&item.title_en),
                escape(&item.handle),
                item.images,
                notes
            );
        }
        html.push_str("</tbody>\n</table>\n</body>\n</html>\n");
        html
    }
}

fn notes_of(warnings: &[Skipped], handle: &str) -> String {
    let Some(item) = warnings.iter().find(|w| w.handle == handle) else {
        return String::new();
    };
    let mut out = String::from("<ul>");
    for reason in &item.reasons {
        let _ = write!(out, "<li>{}</li>", escape(&reason.message));
    }
    out.push_str("</ul>");
    out
}

/// Text made safe inside HTML elements and double-quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,'Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif;\
margin:2rem;color:#1f2933;max-width:70rem}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}\
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d9e2ec;padding:.5rem;\
text-align:left;vertical-align:top}th{background:#f0f4f8}img,.nothumb{width:96px;height:96px;\
border:1px solid #d9e2ec;object-fit:contain;background:#fff}.zh{font-size:1.05rem}\
.en{color:#52606d}code{color:#52606d;font-size:.85rem}ul{margin:0;padding-left:1.2rem}\
.skipped>li{margin-bottom:.5rem}";

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn html_special_characters_are_escaped() {
        assert_eq!(
            escape("<b>\"Tom's\" & co</b>"),
            "&lt;b&gt;&quot;Tom&#39;s&quot; &amp; co&lt;/b&gt;"
        );
    }
}
