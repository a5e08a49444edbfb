//! Checking a marketplace's export before it is written: every product's findings, by product
//! and item, the blocking ones (errors) telling which products the export leaves out. The
//! export itself leaves out exactly the products this finds errors in (`blocking`).

use std::collections::BTreeMap;

use kuajing_catalog::CopyField;
use kuajing_catalog::queries::completeness as completeness_rows;
use kuajing_catalog::queries::products as product_rows;
use kuajing_copy::Severity;
use kuajing_marketplace::Profile;
use serde::Serialize;

use crate::message::Message;
use crate::{ProductDetail, Result, Workbench};

/// One thing to look at before exporting: which item (a field by its sheet name, `slot:<id>`),
/// how bad, and what.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export, rename = "ExportIssue")]
pub struct Issue {
    pub item: String,
    pub severity: Severity,
    pub message: Message,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ProductIssues {
    pub handle: String,
    pub title: String,
    /// No error: the export takes it.
    pub exports: bool,
    pub issues: Vec<Issue>,
}

/// What an export of a marketplace would take and leave out, and why.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Validation {
    pub marketplace: String,
    /// Products the export takes.
    pub ready: usize,
    /// Products it leaves out (an error).
    pub blocked: usize,
    /// Products with anything to look at, those left out first, then in list order.
    pub products: Vec<ProductIssues>,
}

const COPY: [(CopyField, &str); 4] = [
    (CopyField::Title, "title_zh"),
    (CopyField::Description, "description_zh"),
    (CopyField::ShortTitle, "short_title_zh"),
    (CopyField::SellingPoints, "selling_points_zh"),
];

impl Workbench {
    /// Every product's findings for `marketplace`, as the export would meet them.
    pub fn validate_export(&self, marketplace: &str) -> Result<Validation> {
        let owned = self.profile(marketplace)?;
        let profile = &*owned;
        let stamp = self.count_completeness(&owned)?;
        let conn = self.catalog.connect()?;
        let rate = kuajing_catalog::queries::settings::rate(&conn)?;
        let mut out = Validation {
            marketplace: marketplace.to_owned(),
            ready: 0,
            blocked: 0,
            products: Vec::new(),
        };
        for handle in product_rows::handles(&conn)? {
            let detail = self.product_data(&conn, &handle, None)?;
            let mut issues = self.blocking(profile, &detail)?;
            let exports = issues.iter().all(|i| i.severity != Severity::Error);
            if exports {
                out.ready += 1;
            } else {
                out.blocked += 1;
            }
            // Warnings: findings of the copy, required items missing, prices over the caps.
            issues.extend(self.copy_issues(profile, &detail, Severity::Warning)?);
            let id = product_rows::id_of(&conn, &handle)?;
            if let Some(row) = completeness_rows::get(&conn, id, marketplace, &stamp)? {
                for item in row.missing {
                    if issues.iter().any(|i| i.item == item) {
                        continue;
                    }
                    let name = self.item_name(profile, &item);
                    issues.push(Issue {
                        message: self.note("missing-item", &[("item", &name)]),
                        item,
                        severity: Severity::Warning,
                    });
                }
            }
            if let Some(rate) = &rate {
                for message in self.price_cap_notes(profile, &detail, rate) {
                    issues.push(Issue {
                        item: "price_cny".into(),
                        severity: Severity::Warning,
                        message,
                    });
                }
            }
            if !issues.is_empty() {
                let title = if detail.title_zh.trim().is_empty() {
                    detail.title_en.clone()
                } else {
                    detail.title_zh.clone()
                };
                out.products.push(ProductIssues {
                    handle,
                    title,
                    exports,
                    issues,
                });
            }
        }
        out.products.sort_by_key(|p| p.exports);
        Ok(out)
    }

    /// What leaves a product out of the export: no Chinese title, an error in its Chinese
    /// copy, no price.
    pub(super) fn blocking(&self, profile: &Profile, detail: &ProductDetail) -> Result<Vec<Issue>> {
        let mut issues = Vec::new();
        if detail.title_zh.trim().is_empty() {
            issues.push(Issue {
                item: "title_zh".into(),
                severity: Severity::Error,
                message: self.note("no-zh-title", &[]),
            });
        }
        issues.extend(self.copy_issues(profile, detail, Severity::Error)?);
        if detail.variants.iter().all(|v| v.price_cents.is_none()) {
            issues.push(Issue {
                item: "price_cny".into(),
                severity: Severity::Error,
                message: self.note("no-price", &[]),
            });
        }
        Ok(issues)
    }

    /// The findings of `severity` in the product's Chinese copy, one issue each.
    fn copy_issues(
        &self,
        profile: &Profile,
        detail: &ProductDetail,
        severity: Severity,
    ) -> Result<Vec<Issue>> {
        let mut issues = Vec::new();
        for (field, item) in COPY {
            let text = match field {
                CopyField::Title => &detail.title_zh,
                CopyField::Description => &detail.description_zh,
                CopyField::ShortTitle => &detail.short_title_zh,
                _ => &detail.selling_points_zh,
            };
            if text.trim().is_empty() {
                continue;
            }
            let field_name = self.message("field", field.as_str(), &BTreeMap::new());
            for finding in self.check_copy(&profile.id, field, text)?.findings {
                if finding.severity != severity {
                    continue;
                }
                let code = if severity == Severity::Error {
                    "copy-error"
                } else {
                    "copy-warning"
                };
                issues.push(Issue {
                    item: item.to_owned(),
                    severity,
                    message: self.note(
                        code,
                        &[("field", &field_name), ("finding", &finding.message)],
                    ),
                });
            }
        }
        Ok(issues)
    }
}
