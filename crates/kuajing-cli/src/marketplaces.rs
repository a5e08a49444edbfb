//! What each marketplace asks, and how far each product is from it: `marketplaces`,
//! `completeness --marketplace M [--csv FILE]`.

use std::path::Path;

use anyhow::Result;
use kuajing_core::Workbench;

use crate::print_json;

pub(crate) fn list(json: bool) -> Result<()> {
    let list = kuajing_core::marketplace_profiles()?;
    if json {
        return print_json(&list);
    }
    for m in &list {
        let unit = match m.title.unit {
            kuajing_core::TitleUnit::Gbk => "GBK units",
            kuajing_core::TitleUnit::Chars => "characters",
        };
        let slots: Vec<String> = m
            .slots
            .iter()
            .map(|s| format!("{} {}x{}", s.id, s.width, s.height))
            .collect();
        out!(
            "{}\t{} {}\ttitle {} {unit} ({})\t{}\t{}",
            m.id,
            m.name,
            m.name_zh,
            m.title.max_units,
            m.title.status,
            slots.join(", "),
            if m.exports { "exports" } else { "no sheet yet" }
        );
    }
    Ok(())
}

pub(crate) fn completeness(
    workbench: &Workbench,
    marketplace: &str,
    csv: Option<&Path>,
    json: bool,
) -> Result<()> {
    if let Some(path) = csv {
        workbench.export_completeness(marketplace, path)?;
    }
    let all = workbench.completeness(marketplace)?;
    if json {
        return print_json(&all);
    }
    for c in &all {
        if c.missing_names.is_empty() {
            out!("{:>3}%  {}", c.percent, c.handle);
        } else {
            out!(
                "{:>3}%  {}  missing: {}",
                c.percent,
                c.handle,
                c.missing_names.join(", ")
            );
        }
    }
    Ok(())
}
