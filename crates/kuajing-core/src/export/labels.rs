//! The Chinese e-label of each exported product: the profile's label template filled from the
//! product (its first variant for per-variant values), written as `labels/<handle>.txt` and a
//! printable `labels/<handle>.png`. A value that is missing is printed as missing and named in
//! the report, never made up.

use kuajing_catalog::Rate;
use kuajing_marketplace::LabelTemplate;

use super::sheet::{self, Files, OptionZh};
use crate::{ProductDetail, Result, Workbench};

impl Workbench {
    /// Adds the product's label to the bundle; returns the names of the items it lacks.
    pub(super) fn bundle_label(
        &self,
        bundle: &mut kuajing_bundle::BundleWriter,
        profile: &kuajing_marketplace::Profile,
        template: &LabelTemplate,
        detail: &ProductDetail,
        rate: &Rate,
        option_zh: &OptionZh,
    ) -> Result<Vec<String>> {
        let label = fill(template, detail, rate, option_zh);
        // Named in the interface language (the merchant may read no Chinese).
        let missing: Vec<String> = label
            .items
            .iter()
            .zip(&template.items)
            .filter(|(item, _)| item.value.is_none())
            .map(|(_, of)| self.item_name(profile, &of.value.name()))
            .collect();
        let handle = &detail.handle;
        bundle.add(
            &format!("labels/{handle}.txt"),
            kuajing_label::text(&label).as_bytes(),
        )?;
        let png = self.label_png(&label)?;
        bundle.add(&format!("labels/{handle}.png"), &png)?;
        Ok(missing)
    }

    /// The label drawn as a PNG, kept in the render cache under its key: drawing and encoding
    /// 1,000 labels took 1.6-2.0 s of every export (`docs/benchmarks-export.md`); reading them
    /// back takes a few milliseconds. The cache is best effort: a full disk draws again.
    fn label_png(&self, label: &kuajing_label::Label) -> Result<Vec<u8>> {
        let key = kuajing_bundle::sha256_hex(kuajing_label::cache_key(label).as_bytes());
        let path = self.catalog.renders_dir().join(format!("{key}-label.png"));
        if let Ok(bytes) = std::fs::read(&path)
            && bytes.starts_with(PNG_SIGNATURE)
        {
            return Ok(bytes);
        }
        let png = kuajing_label::png(label)?;
        let _ = crate::media::write_once(&path, &png.bytes);
        Ok(png.bytes)
    }
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The label's items from the template: a blank value is `None`, shown as missing.
pub(crate) fn fill(
    template: &LabelTemplate,
    detail: &ProductDetail,
    rate: &Rate,
    option_zh: &OptionZh,
) -> kuajing_label::Label {
    let files = Files::default();
    let items = template
        .items
        .iter()
        .map(|item| {
            let value = sheet::cell(
                &item.value,
                "",
                detail,
                detail.variants.first(),
                rate,
                &files,
                option_zh,
            );
            let value = value.trim();
            kuajing_label::Item {
                heading: item.heading.clone(),
                value: (!value.is_empty()).then(|| value.to_owned()),
            }
        })
        .collect();
    kuajing_label::Label {
        title: template.title.clone(),
        items,
        missing: template.missing.clone(),
        notice: (!template.notice.trim().is_empty()).then(|| template.notice.clone()),
    }
}
