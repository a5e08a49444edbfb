//! The marketplace profiles a catalog uses: the shipped ones, each with the merchant's override
//! merged over it when `<catalog folder>/marketplaces/<id>.toml` exists
//! (`kuajing_marketplace::with_override`). Read again when the file changes (its modification
//! time or size), so an edit takes effect without restarting; a broken file is an error that
//! names its line, never a silent fall back to the shipped profile.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use kuajing_marketplace::Profile;

use crate::{Error, Result};

/// The largest override file read.
const MAX_OVERRIDE_BYTES: u64 = 1 << 20;

/// What a cached profile was made from: the override file's time and size, or none.
type Stamp = Option<(SystemTime, u64)>;

#[derive(Debug, Default)]
pub(crate) struct Profiles {
    /// The folder overrides live in (`<catalog folder>/marketplaces`); none without a catalog.
    dir: Option<PathBuf>,
    cache: Mutex<HashMap<String, (Stamp, Arc<Profile>)>>,
}

impl Profiles {
    pub(crate) fn for_catalog(catalog: &Path) -> Profiles {
        let folder = catalog.parent().unwrap_or(Path::new("."));
        Profiles {
            dir: Some(folder.join("marketplaces")),
            cache: Mutex::default(),
        }
    }

    /// The profile `id`, with the catalog's override merged in.
    pub(crate) fn get(&self, id: &str) -> Result<Arc<Profile>> {
        let file = self.dir.as_ref().map(|d| d.join(format!("{id}.toml")));
        let stamp: Stamp = file
            .as_ref()
            .and_then(|f| std::fs::metadata(f).ok())
            .filter(std::fs::Metadata::is_file)
            .map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len()));
        if let Ok(cache) = self.cache.lock()
            && let Some((known, profile)) = cache.get(id)
            && *known == stamp
        {
            return Ok(Arc::clone(profile));
        }
        let profile = match (&file, stamp) {
            (Some(file), Some((_, len))) => {
                if len > MAX_OVERRIDE_BYTES {
                    return Err(kuajing_marketplace::Error::Override {
                        file: file.display().to_string(),
                        line: 0,
                        message: format!("{len} bytes is too large for a profile"),
                    }
                    .into());
                }
                let text = std::fs::read_to_string(file).map_err(|source| Error::Read {
                    path: file.clone(),
                    source,
                })?;
                kuajing_marketplace::with_override(id, &text, &file.display().to_string())?
            }
            _ => kuajing_marketplace::load(id)?.clone(),
        };
        let profile = Arc::new(profile);
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(id.to_owned(), (stamp, Arc::clone(&profile)));
        }
        Ok(profile)
    }
}
