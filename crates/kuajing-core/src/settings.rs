//! Merchant settings (the exchange rate, the translation-memory threshold, the machine-draft
//! endpoint) and the marketplaces on offer.

use kuajing_catalog::Rate;
use kuajing_catalog::queries::settings as setting_rows;
use serde::Serialize;

use crate::{Error, Result, Workbench};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Settings {
    pub rate: Option<Rate>,
    /// The lowest score a translation-memory match needs to be shown (1 to 100).
    pub tm_threshold: u8,
    /// Where machine drafts go; `None` (the default) means machine drafting is off.
    pub mt: Option<MtSettings>,
    /// The marketplaces whose exports take only approved Chinese copy (off for each until set).
    pub approved_only: Vec<String>,
}

/// The setting that makes `marketplace`'s exports take only approved copy.
fn approved_only_key(marketplace: &str) -> String {
    format!("export.approved_only.{marketplace}")
}

/// The machine-draft endpoint as stored: where the key is, never the key.
#[derive(Debug, Clone, Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct MtSettings {
    pub endpoint: String,
    pub model: String,
    pub api_key_env: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ProfileSummary {
    pub id: String,
    pub name: String,
    pub name_zh: String,
    pub title_max_units: u32,
    /// How the title's length counts (the editor estimates it while a check is on its way).
    pub title_unit: kuajing_copy::Length,
}

/// A marketplace profile as `kuajing marketplaces --json` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct MarketplaceInfo {
    pub id: String,
    pub name: String,
    pub name_zh: String,
    /// The title's limit, how it counts, its status and source.
    pub title: kuajing_marketplace::TitleRule,
    pub slots: Vec<kuajing_marketplace::Slot>,
    /// Whether the marketplace has a bulk-upload sheet (export makes a bundle for it).
    pub exports: bool,
}

/// Every shipped marketplace as `kuajing marketplaces` shows it: the default first.
pub fn marketplace_profiles() -> Result<Vec<MarketplaceInfo>> {
    kuajing_marketplace::builtin_ids()
        .into_iter()
        .map(|id| {
            let p = kuajing_marketplace::load(id)?;
            Ok(MarketplaceInfo {
                id: p.id.clone(),
                name: p.name.clone(),
                name_zh: p.name_zh.clone(),
                title: p.title.clone(),
                slots: p.slots.clone(),
                exports: !p.sheet.columns.is_empty(),
            })
        })
        .collect()
}

impl Workbench {
    pub fn settings(&self) -> Result<Settings> {
        let conn = self.catalog.connect()?;
        let mut approved_only = Vec::new();
        for id in kuajing_marketplace::builtin_ids() {
            if setting_rows::get(&conn, &approved_only_key(id))?.is_some() {
                approved_only.push(id.to_owned());
            }
        }
        Ok(Settings {
            approved_only,
            rate: setting_rows::rate(&conn)?,
            tm_threshold: self.tm_threshold()?,
            mt: self.mt_config()?.map(|c| MtSettings {
                endpoint: c.endpoint,
                model: c.model,
                api_key_env: c.api_key_env,
            }),
        })
    }

    /// Whether `marketplace`'s exports take only approved Chinese copy.
    pub fn approved_only(&self, marketplace: &str) -> Result<bool> {
        Ok(setting_rows::get(&self.catalog.connect()?, &approved_only_key(marketplace))?.is_some())
    }

    /// Makes `marketplace`'s exports take only approved copy (`on`), or all copy with a warning
    /// for each field not approved (the default).
    pub fn set_approved_only(&self, marketplace: &str, on: bool) -> Result<Settings> {
        let owned = self.profile(marketplace)?;
        let profile = &*owned;
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        let key = approved_only_key(&profile.id);
        if on {
            setting_rows::put(&tx, &key, "1")?;
        } else {
            setting_rows::remove(&tx, &key)?;
        }
        tx.commit()?;
        self.settings()
    }

    /// Sets where machine drafts go (checked: an http(s) URL without a password, a model, a
    /// variable name for the key), or turns machine drafting off with `None`. A `key` typed
    /// with it goes to the OS keyring under the endpoint's host, never into the catalog; where
    /// there is no keyring that is `mt-keyring` and nothing is changed.
    pub fn set_mt(&self, mt: Option<&MtSettings>, key: Option<&str>) -> Result<Settings> {
        let config = mt
            .map(|m| kuajing_mt::MtConfig::new(&m.endpoint, &m.model, m.api_key_env.as_deref()))
            .transpose()?;
        if let (Some(config), Some(key)) = (&config, key.map(str::trim))
            && !key.is_empty()
        {
            kuajing_mt::store_key(&config.endpoint, key)?;
        }
        self.set_mt_config(config.as_ref())?;
        self.settings()
    }

    /// Sets the USD→CNY rate taken on `date` (`YYYY-MM-DD`).
    pub fn set_rate(&self, usd_cny: f64, date: &str) -> Result<Settings> {
        if !usd_cny.is_finite() || usd_cny <= 0.0 {
            return Err(Error::BadRate(usd_cny.to_string()));
        }
        if !is_iso_date(date) {
            return Err(Error::BadDate(date.to_owned()));
        }
        setting_rows::set_rate(
            &self.catalog.connect()?,
            &Rate {
                usd_cny,
                date: date.to_owned(),
            },
        )?;
        self.settings()
    }

    pub fn marketplaces(&self) -> Result<Vec<ProfileSummary>> {
        kuajing_marketplace::builtin_ids()
            .into_iter()
            .map(|id| {
                let owned = self.profile(id)?;
                let p = &*owned;
                Ok(ProfileSummary {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    name_zh: p.name_zh.clone(),
                    title_max_units: p.title.max_units,
                    title_unit: crate::copy::length_of(p.title.unit),
                })
            })
            .collect()
    }
}

/// `YYYY-MM-DD` with a real month and a day that month has.
pub(crate) fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_date(secs / 86_400)
}

/// Days since 1970-01-01 to `YYYY-MM-DD`.
pub(crate) fn civil_date(days: u64) -> String {
    kuajing_catalog::civil_date(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_validated_and_computed() {
        assert!(is_iso_date("2026-11-25"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2026-02-29"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("26-11-25"));
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_417), "2025-11-25");
    }
}
