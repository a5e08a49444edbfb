//! A product's page and the label data behind it: `product HANDLE`, `product set HANDLE FIELD
//! VALUE`, `vendor list`, `vendor set VENDOR FIELD VALUE` (docs/labels.md).

use anyhow::Result;
use clap::Subcommand;
use kuajing_core::{ProductDetail, Workbench};

use crate::fail::bad_argument;
use crate::print_json;

#[derive(Debug, Subcommand)]
pub(crate) enum ProductAction {
    /// Set a merchant field: brand_en, brand_zh, origin, hs_code, or the label's ingredients,
    /// net_content, shelf_life, storage (in Chinese). Kept in history
    Set {
        handle: String,
        field: String,
        value: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum VendorAction {
    /// The vendors, their product counts and their agent in China
    List,
    /// Set the vendor's agent in China (境内代理商) for the labels: agent_name,
    /// agent_address or agent_phone. Kept in history
    Set {
        vendor: String,
        field: String,
        value: String,
    },
}

pub(crate) fn product(
    workbench: &Workbench,
    handle: Option<String>,
    action: Option<ProductAction>,
    json: bool,
) -> Result<()> {
    let detail = match (action, handle) {
        (
            Some(ProductAction::Set {
                handle,
                field,
                value,
            }),
            _,
        ) => workbench.set_product_field(&handle, &field, &value)?,
        (None, Some(handle)) => workbench.product(&handle)?,
        (None, None) => bad_argument!(
            "give a product's handle (kuajing product HANDLE), or `product set HANDLE FIELD VALUE`"
        ),
    };
    if json {
        return print_json(&detail);
    }
    show(&detail)
}

fn show(p: &ProductDetail) -> Result<()> {
    out!(
        "{} ({})\n  en: {}\n  zh: {}",
        p.handle,
        p.vendor,
        p.title_en,
        p.title_zh
    );
    for v in &p.variants {
        out!(
            "  variant {}: {}",
            v.sku.as_deref().unwrap_or("-"),
            v.options.join(" / ")
        );
    }
    for (name, value) in [
        ("origin", &p.origin),
        ("hs_code", &p.hs_code),
        ("ingredients", &p.ingredients),
        ("net_content", &p.net_content),
        ("shelf_life", &p.shelf_life),
        ("storage", &p.storage),
        ("agent_name", &p.agent.agent_name),
    ] {
        out!("  {name}: {}", if value.is_empty() { "∅" } else { value });
    }
    for a in &p.attributes {
        out!("  {}: {}", a.key, a.value);
    }
    Ok(())
}

pub(crate) fn vendor(workbench: &Workbench, action: VendorAction, json: bool) -> Result<()> {
    let vendors = match action {
        VendorAction::List => workbench.vendors()?,
        VendorAction::Set {
            vendor,
            field,
            value,
        } => vec![workbench.set_vendor_field(&vendor, &field, &value)?],
    };
    if json {
        return print_json(&vendors);
    }
    for v in &vendors {
        let agent = &v.agent;
        let or_none = |s: &str| {
            if s.is_empty() {
                "∅".to_owned()
            } else {
                s.to_owned()
            }
        };
        out!(
            "{} ({} products)\n  agent: {} | {} | {}",
            v.name,
            v.products,
            or_none(&agent.agent_name),
            or_none(&agent.agent_address),
            or_none(&agent.agent_phone)
        );
    }
    Ok(())
}
