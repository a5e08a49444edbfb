//! Browsing the catalog: the product list, a product's page, its fields and history.

use kuajing_catalog::queries::vendors::{self as vendor_rows, Agent, Vendor};
use kuajing_catalog::queries::{
    copy as copy_rows, history, images as image_rows, list as list_rows, products as product_rows,
};
use kuajing_catalog::{
    Attribute, CopyField, HistoryEntry, ImageRow, ListOrder, Locale, ProductFields,
};
use serde::Serialize;

use crate::error::AppError;
use crate::message::Message;
use crate::{Result, Workbench, media};

/// The slot whose renders the UI shows as thumbnails.
const PREVIEW_MARKETPLACE: &str = kuajing_marketplace::DEFAULT;
const PREVIEW_SLOT: &str = "main";

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CatalogInfo {
    pub path: String,
    #[ts(type = "number")]
    pub products: i64,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ProductSummary {
    pub handle: String,
    pub title_en: String,
    pub title_zh: Option<String>,
    pub vendor: String,
    pub variants: u32,
    pub images: u32,
    /// A `data:` URL of the first image rendered to the main slot, when there is one.
    pub thumbnail: Option<String>,
    /// Error findings in the product's Chinese copy, for the marketplace the list is for.
    pub errors: usize,
    /// How complete the product is for that marketplace, in whole percent
    /// ([`crate::Completeness`]); `None` when the page was asked for without one.
    pub completeness: Option<u8>,
    /// The zh-CN review state of each reviewed field that has Chinese copy.
    pub review: Vec<FieldReview>,
}

/// A reviewed field's state in the product list: a coloured dot, and a stale marker.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FieldReview {
    pub field: CopyField,
    pub state: crate::ReviewState,
    pub stale: bool,
}

/// What the product list shows: the products matching a search and filters, in an order, and
/// the marketplace their error counts and completeness are for. Every field is optional over
/// IPC but the search, order and flags.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(export)]
pub struct ProductQuery {
    /// Words to find in the handle, vendor, brand names, type, tags, SKUs and the copy in any
    /// language; each word must appear, the last may be a word's start. Chinese is found as
    /// written, a run of it cut into words by jieba. Punctuation is text to find.
    pub search: String,
    pub order: ListOrder,
    /// Only this vendor's products (as the catalog spells it).
    #[ts(optional)]
    pub vendor: Option<String>,
    /// Only products with a Chinese field in this review state.
    #[ts(optional)]
    pub state: Option<crate::ReviewState>,
    /// Only products with a Chinese field whose English changed since it was translated.
    pub stale: bool,
    /// The marketplace of the error counts and completeness (default: Tmall Global for the
    /// error counts, no completeness).
    #[ts(optional)]
    pub marketplace: Option<String>,
    /// Only products below 100% complete for `marketplace`.
    pub incomplete: bool,
    /// Only products whose Chinese copy has error findings for `marketplace`.
    pub errors: bool,
}

/// What a [`ProductQuery`] needs besides itself to become the catalog's filter: the search
/// as an FTS5 query and the rules stamps of the stored rows its filters read.
pub(crate) struct ListStamps {
    matching: Option<String>,
    incomplete: Option<String>,
    errors: Option<String>,
    error_rules: String,
}

impl ListStamps {
    pub(crate) fn filter<'a>(&'a self, query: &'a ProductQuery) -> list_rows::ListFilter<'a> {
        let marketplace = query.marketplace.as_deref().filter(|m| !m.is_empty());
        let checked = marketplace.unwrap_or(PREVIEW_MARKETPLACE);
        list_rows::ListFilter {
            matching: self.matching.as_deref(),
            vendor: query.vendor.as_deref().filter(|v| !v.is_empty()),
            state: query.state,
            stale: query.stale,
            incomplete: marketplace
                .zip(self.incomplete.as_deref())
                .map(|(marketplace, rules)| list_rows::Stamped { marketplace, rules }),
            errors: self.errors.as_deref().map(|rules| list_rows::Stamped {
                marketplace: checked,
                rules,
            }),
            errors_for: Some(list_rows::Stamped {
                marketplace: checked,
                rules: &self.error_rules,
            }),
        }
    }
}

impl ProductQuery {
    /// Every product whose text matches `search`, by vendor.
    pub fn search(search: &str) -> Self {
        ProductQuery {
            search: search.to_owned(),
            ..Self::default()
        }
    }
}

/// A page of the product list.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ProductPage {
    /// Products matching the search, in all.
    pub total: usize,
    /// Where this page starts in the list.
    pub offset: usize,
    pub items: Vec<ProductSummary>,
}

pub type Variant = kuajing_catalog::VariantRow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ImageState {
    Ready,
    /// A Shopify URL we do not hold the bytes of yet; fetched once online.
    WaitingForNetwork,
    Failed,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ProductImage {
    #[ts(type = "number")]
    pub id: i64,
    pub src: String,
    #[ts(type = "number")]
    pub position: i64,
    pub alt: String,
    pub state: ImageState,
    pub thumbnail: Option<String>,
    pub error: Option<AppError>,
    pub findings: Vec<Message>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ProductDetail {
    pub handle: String,
    pub title_en: String,
    pub description_en: String,
    pub vendor: String,
    pub product_type: String,
    pub category: String,
    pub tags: Vec<String>,
    pub brand_en: String,
    pub brand_zh: String,
    pub origin: String,
    pub hs_code: String,
    pub title_zh: String,
    pub description_zh: String,
    pub selling_points_zh: String,
    pub short_title_zh: String,
    pub option_names: Vec<String>,
    pub variants: Vec<Variant>,
    pub attributes: Vec<Attribute>,
    pub images: Vec<ProductImage>,
    /// Label data in Chinese (docs/labels.md); empty: missing.
    pub ingredients: String,
    pub net_content: String,
    pub shelf_life: String,
    pub storage: String,
    /// The vendor's importer or agent in China.
    pub agent: Agent,
}

impl Workbench {
    pub fn catalog_info(&self) -> Result<CatalogInfo> {
        let conn = self.catalog.connect()?;
        Ok(CatalogInfo {
            path: self.catalog.path().display().to_string(),
            products: product_rows::count(&conn)?,
        })
    }

    /// Products whose text matches `search` ([`ProductQuery::search`]), by vendor.
    pub fn products(&self, search: &str, thumbnails: bool) -> Result<Vec<ProductSummary>> {
        Ok(self
            .products_page(&ProductQuery::search(search), 0, None, thumbnails)?
            .items)
    }

    /// One page of the products `query` picks: `limit` products from `offset` (`None`: to the
    /// end) and how many match in all. Only this page's copy is checked and thumbnails made,
    /// so the first page of a 100,000-variant catalog answers as fast as a small one.
    pub fn products_page(
        &self,
        query: &ProductQuery,
        offset: usize,
        limit: Option<usize>,
        thumbnails: bool,
    ) -> Result<ProductPage> {
        let marketplace = query.marketplace.as_deref().filter(|m| !m.is_empty());
        let conn = self.catalog.reader()?;
        let owned = self.profile(PREVIEW_MARKETPLACE)?;
        let profile = &*owned;
        let slot = profile.slot(PREVIEW_SLOT);
        let checked = marketplace.unwrap_or(PREVIEW_MARKETPLACE);
        let stamps = self.list_stamps(query)?;
        let filter = stamps.filter(query);
        let (rows, matching_total) = list_rows::page(&conn, &filter, query.order, offset, limit)?;
        let ids: Vec<(i64, String)> = rows.iter().map(|r| (r.id, r.handle.clone())).collect();
        // Completeness only when asked for: a caller counting photos or handles needs none.
        let complete = match marketplace {
            Some(m) => self.completeness_by_id(m, &ids)?,
            None => std::collections::HashMap::new(),
        };
        // Error counts from the stored findings (counted once per change, not per view): the
        // rows carry them; a product changed since its last count is counted now.
        let uncounted: Vec<i64> = rows
            .iter()
            .filter(|r| r.errors.is_none())
            .map(|r| r.id)
            .collect();
        let counted = match uncounted.is_empty() {
            true => std::collections::HashMap::new(),
            false => self.stored_errors(&conn, checked, &uncounted)?,
        };
        let items = rows
            .into_iter()
            .map(|row| {
                let errors = row
                    .errors
                    .map(|e| e as usize)
                    .or_else(|| counted.get(&row.id).copied())
                    .unwrap_or(0);
                let thumbnail = match (thumbnails, slot) {
                    (true, Some(slot)) => image_rows::for_product(&conn, row.id)?
                        .iter()
                        .find_map(|image| image.media.as_deref())
                        .and_then(|m| self.thumbnail_url(m, slot).ok())
                        .map(|(url, _)| url),
                    _ => None,
                };
                Ok(ProductSummary {
                    handle: row.handle,
                    title_en: row.title_en,
                    title_zh: row.title_zh,
                    vendor: row.vendor,
                    variants: row.variants,
                    images: row.images,
                    thumbnail,
                    errors,
                    completeness: complete.get(&row.id).copied(),
                    review: row
                        .review
                        .into_iter()
                        .filter_map(|f| {
                            Some(FieldReview {
                                field: crate::review::field_of(&f.field)?,
                                state: f.state,
                                stale: f.stale,
                            })
                        })
                        .collect(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let total = match limit {
            Some(_) => matching_total,
            None => offset + items.len(),
        };
        Ok(ProductPage {
            total,
            offset,
            items,
        })
    }

    /// The search and stamps `query`'s filters need; the stored rows they read are counted
    /// first (every product once; then only those changed since).
    pub(crate) fn list_stamps(&self, query: &ProductQuery) -> Result<ListStamps> {
        let marketplace = query.marketplace.as_deref().filter(|m| !m.is_empty());
        let checked = marketplace.unwrap_or(PREVIEW_MARKETPLACE);
        let incomplete = match (marketplace, query.incomplete) {
            (Some(m), true) => Some(self.count_completeness(&self.profile(m)?)?),
            _ => None,
        };
        let errors = match query.errors {
            true => Some(self.store_findings(Locale::ZhCn.as_str(), checked)?),
            false => None,
        };
        Ok(ListStamps {
            matching: self.search_expr(&query.search),
            incomplete,
            errors,
            error_rules: crate::review::rules_stamp(&self.profile(checked)?),
        })
    }

    /// The FTS5 query for what the user typed in the list's search box: runs of Chinese longer
    /// than a word cut by jieba (`kuajing_catalog::queries::search` says how it is indexed).
    fn search_expr(&self, search: &str) -> Option<String> {
        kuajing_catalog::queries::search::match_expr(search, &kuajing_gloss::words)
    }

    pub fn product(&self, handle: &str) -> Result<ProductDetail> {
        let conn = self.catalog.connect()?;
        let owned = self.profile(PREVIEW_MARKETPLACE)?;
        let profile = &*owned;
        self.product_data(&conn, handle, profile.slot(PREVIEW_SLOT))
    }

    /// A product as its page shows it; with `thumbnails_of`, each image rendered into that
    /// slot for its thumbnail and findings (cached), else only its state (the export and the
    /// completeness count need no pixels).
    pub(crate) fn product_data(
        &self,
        conn: &kuajing_catalog::rusqlite::Connection,
        handle: &str,
        thumbnails_of: Option<&kuajing_marketplace::Slot>,
    ) -> Result<ProductDetail> {
        let row = product_rows::get(conn, handle)?;
        let text = |locale, field| copy_rows::get(conn, row.id, locale, field);
        let images = image_rows::for_product(conn, row.id)?
            .into_iter()
            .map(|image| self.product_image(image, thumbnails_of))
            .collect();
        let agent = vendor_rows::agent(conn, &row.vendor)?;
        Ok(ProductDetail {
            title_en: text(Locale::En, CopyField::Title)?,
            description_en: text(Locale::En, CopyField::Description)?,
            title_zh: text(Locale::ZhCn, CopyField::Title)?,
            description_zh: text(Locale::ZhCn, CopyField::Description)?,
            selling_points_zh: text(Locale::ZhCn, CopyField::SellingPoints)?,
            short_title_zh: text(Locale::ZhCn, CopyField::ShortTitle)?,
            variants: product_rows::variants(conn, row.id)?,
            attributes: product_rows::attributes(conn, row.id)?,
            images,
            handle: row.handle,
            vendor: row.vendor,
            product_type: row.product_type,
            category: row.category,
            tags: row.tags,
            brand_en: row.brand_en,
            brand_zh: row.brand_zh,
            origin: row.origin,
            hs_code: row.hs_code,
            option_names: row.option_names,
            ingredients: row.ingredients,
            net_content: row.net_content,
            shelf_life: row.shelf_life,
            storage: row.storage,
            agent,
        })
    }

    fn product_image(
        &self,
        image: ImageRow,
        slot: Option<&kuajing_marketplace::Slot>,
    ) -> ProductImage {
        let mut out = ProductImage {
            id: image.id,
            src: image.src,
            position: image.position,
            alt: image.alt,
            state: ImageState::Ready,
            thumbnail: None,
            error: None,
            findings: Vec::new(),
        };
        match (image.media, slot) {
            (Some(media), Some(slot)) => match self.thumbnail_url(&media, slot) {
                Ok((url, findings)) => {
                    out.thumbnail = Some(url);
                    out.findings = findings
                        .into_iter()
                        .map(|f| Message {
                            message: self.message("image", &f.code, &f.args),
                            code: f.code,
                            args: f.args,
                        })
                        .collect();
                }
                Err(e) => {
                    out.state = ImageState::Failed;
                    out.error = Some(AppError::from(&e));
                }
            },
            // No thumbnail asked for: a fetched photo is ready.
            (Some(_), None) => {}
            (None, _) => match image.error.as_deref() {
                Some(json) => {
                    out.state = ImageState::Failed;
                    out.error = serde_json::from_str(json).ok();
                }
                None if media::is_remote(&out.src) => out.state = ImageState::WaitingForNetwork,
                None => out.state = ImageState::Failed,
            },
        }
        out
    }

    /// Every vendor with products, with its agent in China.
    pub fn vendors(&self) -> Result<Vec<Vendor>> {
        Ok(vendor_rows::all(&self.catalog.connect()?)?)
    }

    /// Sets one field of a vendor's agent (`agent_name`, `agent_address`, `agent_phone`),
    /// kept in history.
    pub fn set_vendor_field(&self, vendor: &str, field: &str, value: &str) -> Result<Vendor> {
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        vendor_rows::set(&tx, vendor, field, value, "edit")?;
        tx.commit()?;
        vendor_rows::all(&conn)?
            .into_iter()
            .find(|v| v.name == vendor)
            .ok_or_else(|| kuajing_catalog::Error::NoVendor(vendor.to_owned()).into())
    }

    /// Sets one merchant field by name (`kuajing product set HANDLE FIELD VALUE`).
    pub fn set_product_field(
        &self,
        handle: &str,
        field: &str,
        value: &str,
    ) -> Result<ProductDetail> {
        let fields = ProductFields::one(field, value).ok_or_else(|| {
            kuajing_catalog::Error::UnknownField {
                field: field.to_owned(),
                known: ProductFields::NAMES.join(", "),
            }
        })?;
        self.set_product_fields(handle, &fields, "edit")
    }

    /// Updates brand, origin, HS code or label data; each change is kept in history.
    pub fn set_product_fields(
        &self,
        handle: &str,
        fields: &ProductFields,
        source: &str,
    ) -> Result<ProductDetail> {
        let fields = checked_fields(fields)?;
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        product_rows::set_fields(&tx, handle, &fields, source)?;
        remember_brand(&tx, handle, &fields, source)?;
        tx.commit()?;
        self.product(handle)
    }

    /// The product's edits, newest first.
    pub fn history(&self, handle: &str) -> Result<Vec<HistoryEntry>> {
        let conn = self.catalog.connect()?;
        product_rows::id_of(&conn, handle)?;
        Ok(history::for_product(&conn, handle)?)
    }
}

/// `fields` as they are stored: an HS code is the China tariff code's 6 to 10 digits
/// (`docs/marketplaces.md`, "Fields an imported product needs"); the dots and spaces people
/// write between the digits (`0809.29.00.00`) are dropped, anything else is refused. A blank
/// code clears the field.
pub(crate) fn checked_fields(fields: &ProductFields) -> Result<ProductFields> {
    let mut fields = fields.clone();
    if let Some(code) = &mut fields.hs_code {
        let digits: String = code
            .chars()
            .filter(|c| !matches!(c, '.' | ' ' | '\u{3000}'))
            .collect();
        let ok = digits.is_empty()
            || ((6..=10).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()));
        if !ok {
            return Err(crate::Error::BadHsCode(code.trim().to_owned()));
        }
        *code = digits;
    }
    Ok(fields)
}

/// A Chinese brand name is the vendor's for every product: it goes into the glossary (category
/// brand), where drafts of the vendor's other products and the gloss find it.
pub(crate) fn remember_brand(
    conn: &kuajing_catalog::rusqlite::Connection,
    handle: &str,
    fields: &ProductFields,
    source: &str,
) -> Result<()> {
    let Some(zh) = fields
        .brand_zh
        .as_deref()
        .map(str::trim)
        .filter(|z| !z.is_empty())
    else {
        return Ok(());
    };
    let row = product_rows::get(conn, handle)?;
    let en = [row.brand_en.trim(), row.vendor.trim()]
        .into_iter()
        .find(|e| !e.is_empty());
    if let Some(en) = en {
        let known = kuajing_catalog::queries::glossary::get(conn, en)?;
        if known.is_some_and(|t| t.zh == zh && t.category == "brand") {
            return Ok(());
        }
        let term = kuajing_catalog::GlossaryTerm {
            en: en.to_owned(),
            zh: zh.to_owned(),
            forbidden: Vec::new(),
            note: String::new(),
            category: "brand".to_owned(),
            origin: "user".to_owned(),
        };
        kuajing_catalog::queries::glossary::put(conn, &term, source)?;
    }
    Ok(())
}
