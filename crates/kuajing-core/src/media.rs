//! Image bytes in the catalog: storing a merchant's photo by content hash, and rendering it to a
//! marketplace slot through a content-addressed cache (source bytes, slot parameters and
//! pipeline version make the key, so an unchanged image is never rendered twice).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use base64::Engine as _;
use kuajing_imaging::{Crop, Fit, Limits, OutputFormat, SlotSpec, Trim};
use kuajing_marketplace::{ImageFormat, Slot};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::import::read_limited;
use crate::{Error, Result, Workbench};

/// Bump when the rendering changes, so cached renders are redone.
const PIPELINE_VERSION: u32 = 2;
const THUMBNAIL_SIDE: u32 = 240;

pub(crate) fn is_remote(src: &str) -> bool {
    let lower = src.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Checks that `path` is a photo we can decode and returns its media file name (its SHA-256
/// and extension), without storing it.
pub(crate) fn check_local(path: &Path) -> Result<String> {
    let bytes = read_limited(path, Limits::default().max_bytes)?;
    store_bytes(
        &bytes,
        &path.display().to_string(),
        local_extension(path),
        Path::new(""),
        true,
    )
}

/// Copies the photo at `path`, checked earlier as `name`, into the media folder. A file that
/// changed since it was checked is refused rather than stored under the wrong name.
pub(crate) fn store_checked(path: &Path, name: &str, media_dir: &Path) -> Result<()> {
    let bytes = read_limited(path, Limits::default().max_bytes)?;
    if !name.starts_with(&kuajing_bundle::sha256_hex(&bytes)) {
        return Err(Error::Read {
            path: path.to_owned(),
            source: std::io::Error::other("the file changed while it was imported; import again"),
        });
    }
    write_once(&media_dir.join(name), &bytes)
}

fn local_extension(path: &Path) -> &str {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
}

/// Checks that `bytes` decode as a photo and (unless `dry_run`) keeps them in the media folder
/// under their SHA-256. `name` only names the source in errors.
pub(crate) fn store_bytes(
    bytes: &[u8],
    name: &str,
    extension: &str,
    media_dir: &Path,
    dry_run: bool,
) -> Result<String> {
    // The smallest decode still reads every byte of the picture data, so damage is found.
    kuajing_imaging::decode_photo(bytes, name, &Limits::default(), 1, 1)?;
    let ext = Some(extension.to_ascii_lowercase())
        .filter(|e| !e.is_empty() && e.len() <= 5 && e.chars().all(|c| c.is_ascii_alphanumeric()))
        .unwrap_or_else(|| "img".into());
    let file = format!("{}.{ext}", kuajing_bundle::sha256_hex(bytes));
    if !dry_run {
        write_once(&media_dir.join(&file), bytes)?;
    }
    Ok(file)
}

/// Writes `bytes` to `path` unless it already holds exactly them (content-addressed files
/// never change). An existing file of another size or other bytes, torn by a crash before
/// writes were flushed, or damaged since, is not trusted: it is written again.
pub(crate) fn write_once(path: &Path, bytes: &[u8]) -> Result<()> {
    let holds_them = std::fs::metadata(path)
        .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|held| held == bytes);
    if holds_them {
        Ok(())
    } else {
        write_atomic(path, bytes)
    }
}

/// Writes `bytes` to `path` durably, through a flushed temp file and a rename, so no reader
/// sees half a file and a crash leaves the old file or the new one.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    kuajing_files::write_atomic(path, bytes).map_err(|source| Error::Write {
        path: path.to_owned(),
        source,
    })
}

pub(crate) fn slot_spec(slot: &Slot) -> SlotSpec {
    SlotSpec {
        width: slot.width,
        height: slot.height,
        fit: match slot.fit {
            kuajing_marketplace::Fit::Contain => Fit::Contain,
            kuajing_marketplace::Fit::Cover => Fit::Cover,
            kuajing_marketplace::Fit::Width => Fit::Width,
        },
        crop: match slot.crop {
            kuajing_marketplace::Crop::Centre => Crop::Centre,
            kuajing_marketplace::Crop::Attention => Crop::Attention,
        },
        trim: slot.trim.map(|t| Trim {
            tolerance: t.tolerance,
            margin_percent: t.margin_percent,
        }),
        background: slot.background_rgb(),
        min_source_width: slot.min_source_width,
        min_source_height: slot.min_source_height,
        format: match slot.format {
            ImageFormat::Jpeg => OutputFormat::Jpeg,
            ImageFormat::Png => OutputFormat::Png,
        },
        quality: slot.quality,
        min_quality: slot.min_quality,
        max_bytes: slot.max_bytes,
        min_bytes: slot.min_bytes,
    }
}

/// A rendered slot image as the cache keeps it: one part, or one per detail slice.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct SlotImage {
    pub parts: Vec<CachedPart>,
    pub extension: String,
    pub findings: Vec<kuajing_imaging::ImageFinding>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CachedPart {
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub quality: Option<u8>,
    /// The SHA-256 of `bytes` (lowercase hex) and their length, kept so an export's manifest
    /// need not hash every photo again, and a part file of another length is not trusted.
    /// Empty and 0 in entries cached before they were kept: filled in when such an entry is
    /// first loaded.
    #[serde(default)]
    pub sha256: String,
    #[serde(default)]
    pub size: u64,
}

impl CachedPart {
    fn new(part: kuajing_imaging::Part) -> Self {
        CachedPart {
            sha256: kuajing_bundle::sha256_hex(&part.bytes),
            size: part.bytes.len() as u64,
            bytes: part.bytes,
            width: part.width,
            height: part.height,
            quality: part.quality,
        }
    }
}

/// Where one rendered slot lives in the cache: the key covers the source bytes (the media file
/// is named by their SHA-256), every slot parameter and the pipeline version, so a change to
/// any of the three renders again and nothing else does.
struct CacheEntry {
    meta: PathBuf,
    dir: PathBuf,
    key: String,
    extension: &'static str,
}

impl CacheEntry {
    fn new(renders: &Path, media: &str, spec: &SlotSpec) -> Self {
        let params = serde_json::to_string(spec).unwrap_or_default();
        let key =
            kuajing_bundle::sha256_hex(format!("{media}|{params}|v{PIPELINE_VERSION}").as_bytes());
        CacheEntry {
            meta: renders.join(format!("{key}.json")),
            dir: renders.to_owned(),
            extension: extension(spec),
            key,
        }
    }

    fn part_path(&self, n: usize) -> PathBuf {
        self.dir
            .join(format!("{}-{n}.{}", self.key, self.extension))
    }

    fn is_cached(&self) -> bool {
        self.meta.exists()
    }

    /// The cached render, or `None` when it is not there whole. An entry cached before parts'
    /// hashes were kept gets them now (best effort), once.
    fn load(&self) -> Option<SlotImage> {
        let meta = std::fs::read(&self.meta).ok()?;
        let mut cached: SlotImage = serde_json::from_slice(&meta).ok()?;
        let mut upgraded = false;
        for (n, part) in cached.parts.iter_mut().enumerate() {
            part.bytes = std::fs::read(self.part_path(n + 1)).ok()?;
            if part.sha256.is_empty() {
                part.sha256 = kuajing_bundle::sha256_hex(&part.bytes);
                part.size = part.bytes.len() as u64;
                upgraded = true;
            } else if part.size != part.bytes.len() as u64 {
                return None;
            }
        }
        if upgraded && let Ok(meta) = serde_json::to_vec(&cached) {
            let _ = write_atomic(&self.meta, &meta);
        }
        Some(cached)
    }

    /// Best effort: a full disk must not stop an export. The metadata goes last, so a reader
    /// never finds it without its parts.
    fn store(&self, image: &SlotImage) {
        let Ok(meta) = serde_json::to_vec(image) else {
            return;
        };
        for (n, part) in image.parts.iter().enumerate() {
            if write_once(&self.part_path(n + 1), &part.bytes).is_err() {
                return;
            }
            kuajing_files::failpoint("render-cache-part");
        }
        let _ = write_once(&self.meta, &meta);
    }
}

impl Workbench {
    /// Renders the media file `media` into `slot`, from the cache when it is there.
    pub(crate) fn render_media(&self, media: &str, slot: &Slot) -> Result<SlotImage> {
        let mut one = self.render_media_slots(media, &[slot])?;
        one.pop().unwrap_or_else(|| {
            Err(Error::UnknownSlot {
                marketplace: String::new(),
                slot: slot.id.clone(),
            })
        })
    }

    /// Renders `media` into each slot, decoding the photo once for all that are not cached.
    /// The outer error is the photo's (it cannot be read or decoded); the inner ones a slot's.
    pub(crate) fn render_media_slots(
        &self,
        media: &str,
        slots: &[&Slot],
    ) -> Result<Vec<Result<SlotImage>>> {
        let renders = self.catalog.renders_dir();
        let specs: Vec<SlotSpec> = slots.iter().map(|s| slot_spec(s)).collect();
        let entries: Vec<CacheEntry> = specs
            .iter()
            .map(|spec| CacheEntry::new(&renders, media, spec))
            .collect();
        let cached: Vec<Option<SlotImage>> = entries.iter().map(CacheEntry::load).collect();
        let todo: Vec<SlotSpec> = specs
            .iter()
            .zip(&cached)
            .filter(|(_, c)| c.is_none())
            .map(|(spec, _)| spec.clone())
            .collect();
        let mut fresh = if todo.is_empty() {
            Vec::new()
        } else {
            let source = self.catalog.media_dir().join(media);
            let bytes = read_limited(&source, Limits::default().max_bytes)?;
            let name = source.display().to_string();
            kuajing_imaging::render_slots(&bytes, &name, &todo, &Limits::default())?
        }
        .into_iter();
        Ok(cached
            .into_iter()
            .zip(&entries)
            .map(|(cached, entry)| match cached {
                Some(image) => Ok(image),
                None => {
                    let rendered = fresh.next().ok_or_else(|| Error::UnknownSlot {
                        marketplace: String::new(),
                        slot: entry.key.clone(),
                    })??;
                    let image = SlotImage {
                        extension: entry.extension.into(),
                        findings: rendered.findings,
                        parts: rendered.parts.into_iter().map(CachedPart::new).collect(),
                    };
                    entry.store(&image);
                    Ok(image)
                }
            })
            .collect())
    }

    /// Whether every one of `slots` is already in the cache for `media`.
    pub(crate) fn is_rendered(&self, media: &str, slot: &Slot) -> bool {
        CacheEntry::new(&self.catalog.renders_dir(), media, &slot_spec(slot)).is_cached()
    }

    /// A small JPEG of the rendered slot image (its first slice), as a `data:` URL for the UI.
    pub(crate) fn thumbnail_url(
        &self,
        media: &str,
        slot: &Slot,
    ) -> Result<(String, Vec<kuajing_imaging::ImageFinding>)> {
        let rendered = self.render_media(media, slot)?;
        let first = rendered
            .parts
            .first()
            .map(|p| p.bytes.as_slice())
            .unwrap_or_default();
        Ok((self.thumbnail_data_url(first, media)?, rendered.findings))
    }

    /// A small JPEG of any photo's bytes as a `data:` URL, cached by the bytes' hash.
    pub(crate) fn thumbnail_data_url(&self, bytes: &[u8], name: &str) -> Result<String> {
        self.thumbnail_of(bytes, &kuajing_bundle::sha256_hex(bytes), name)
    }

    /// [`Self::thumbnail_data_url`] of bytes whose SHA-256 is known (a cached render's part).
    pub(crate) fn thumbnail_of(&self, bytes: &[u8], sha256: &str, name: &str) -> Result<String> {
        let thumb_path = self
            .catalog
            .renders_dir()
            .join(format!("{sha256}-thumb{THUMBNAIL_SIDE}.jpg"));
        let thumb = match std::fs::read(&thumb_path) {
            Ok(thumb) => thumb,
            Err(_) => {
                let thumb = kuajing_imaging::thumbnail_bytes(
                    bytes,
                    name,
                    THUMBNAIL_SIDE,
                    &Limits::default(),
                )?;
                let _ = write_once(&thumb_path, &thumb);
                thumb
            }
        };
        let encoded = base64::engine::general_purpose::STANDARD.encode(thumb);
        Ok(format!("data:image/jpeg;base64,{encoded}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_sources_are_urls_only() {
        assert!(is_remote("https://cdn.shopify.com/a.jpg"));
        assert!(is_remote(" HTTP://x/y.png"));
        assert!(!is_remote("images/a.jpg"));
        assert!(!is_remote("/home/me/https.jpg"));
    }
}

/// What `kuajing image` wrote for one photo.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RenderedImage {
    pub input: String,
    /// One file, or one per slice for a detail slot, top to bottom.
    pub files: Vec<RenderedFile>,
    pub findings: Vec<crate::Message>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RenderedFile {
    pub path: String,
    pub width: u32,
    pub height: u32,
    #[ts(type = "number")]
    pub bytes: u64,
    pub quality: Option<u8>,
}

/// Where `render_image` writes.
#[derive(Debug, Clone)]
pub enum Output {
    /// This file (replaced if it exists, unless it is the input); slices of a detail image
    /// get `-2`, `-3`… before the extension.
    File(PathBuf),
    /// This folder, named after the input: its name minus the last extension, plus the
    /// slot's (`shoe.front.heic` → `shoe.front.jpg`, slices `shoe.front-2.jpg`…).
    Dir(PathBuf),
}

/// The files a run of `render_image(s)` may write: never an input, never one file twice,
/// and an existing file only when told to overwrite.
#[derive(Debug)]
struct Claims {
    inputs: HashSet<PathBuf>,
    taken: Mutex<HashSet<PathBuf>>,
    overwrite: bool,
}

impl Claims {
    fn new(inputs: &[PathBuf], overwrite: bool) -> Self {
        Claims {
            inputs: inputs.iter().map(|p| resolved(p)).collect(),
            taken: Mutex::new(HashSet::new()),
            overwrite,
        }
    }

    fn claim(&self, path: &Path) -> Result<()> {
        let real = resolved(path);
        if self.inputs.contains(&real) {
            return Err(Error::OutputIsInput {
                path: path.to_owned(),
            });
        }
        let first = self.taken.lock().is_ok_and(|mut taken| taken.insert(real));
        if !first || (!self.overwrite && path.exists()) {
            return Err(Error::OutputExists {
                path: path.to_owned(),
            });
        }
        Ok(())
    }
}

/// `path` with its folder resolved (the file itself may not exist yet), so two spellings of
/// one file compare equal.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
    path.file_name().map_or(dir.clone(), |name| dir.join(name))
}

/// The output file for each input in `dir`: the input's name minus its last extension, plus
/// `ext`. When two inputs would share a name, or an output would be an input, the later one
/// gets ` (2)`, ` (3)`… before the extension.
fn planned_outputs(inputs: &[PathBuf], dir: &Path, ext: &str) -> Vec<PathBuf> {
    let input_paths: HashSet<PathBuf> = inputs.iter().map(|p| resolved(p)).collect();
    let mut used = HashSet::new();
    inputs
        .iter()
        .map(|input| {
            let stem = input
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "image".into());
            let mut n = 1;
            loop {
                let name = match n {
                    1 => format!("{stem}.{ext}"),
                    n => format!("{stem} ({n}).{ext}"),
                };
                let path = dir.join(&name);
                if !input_paths.contains(&resolved(&path)) && used.insert(name) {
                    return path;
                }
                n += 1;
            }
        })
        .collect()
}

impl crate::Rules {
    /// Renders the photo at `input` into `marketplace`'s `slot` and writes it (through a temp
    /// file and a rename). The input itself is never overwritten.
    pub fn render_image(
        &self,
        input: &Path,
        marketplace: &str,
        slot: &str,
        quality: Option<u8>,
        out: &Output,
    ) -> Result<RenderedImage> {
        let spec = spec_with_quality(find_slot(marketplace, slot)?, quality);
        let inputs = [input.to_owned()];
        let (base, overwrite) = match out {
            Output::File(path) => (path.clone(), true),
            Output::Dir(dir) => (
                planned_outputs(&inputs, dir, extension(&spec)).remove(0),
                false,
            ),
        };
        self.render_one(input, &spec, &base, &Claims::new(&inputs, overwrite))
    }

    /// Renders many photos into one slot in `out_dir`, on every core; `progress(done, total)`
    /// after each. Results come back in input order; once `cancel` is set no new photo is
    /// started. An existing file is replaced only with `overwrite`; otherwise that input
    /// fails with `output-exists`.
    #[allow(clippy::too_many_arguments)]
    pub fn render_images(
        &self,
        inputs: &[PathBuf],
        marketplace: &str,
        slot: &str,
        quality: Option<u8>,
        out_dir: &Path,
        overwrite: bool,
        cancel: &AtomicBool,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<Vec<Option<Result<RenderedImage>>>> {
        let spec = spec_with_quality(find_slot(marketplace, slot)?, quality);
        let outputs = planned_outputs(inputs, out_dir, extension(&spec));
        let claims = Claims::new(inputs, overwrite);
        let done = AtomicUsize::new(0);
        let one = |(input, base): (&PathBuf, &PathBuf)| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let result = self.render_one(input, &spec, base, &claims);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, inputs.len());
            Some(result)
        };
        // One photo is rendered on this thread: starting the pool would cost more than it
        // saves.
        Ok(if inputs.len() > 1 {
            inputs.par_iter().zip(outputs.par_iter()).map(one).collect()
        } else {
            inputs.iter().zip(outputs.iter()).map(one).collect()
        })
    }

    fn render_one(
        &self,
        input: &Path,
        spec: &SlotSpec,
        base: &Path,
        claims: &Claims,
    ) -> Result<RenderedImage> {
        let rendered = kuajing_imaging::render_file(input, spec, &Limits::default())?;
        let paths: Vec<PathBuf> = (0..rendered.parts.len())
            .map(|n| {
                if n == 0 {
                    base.to_owned()
                } else {
                    numbered(base, n + 1)
                }
            })
            .collect();
        // Every file is claimed before the first is written: an input fails whole.
        for path in &paths {
            claims.claim(path)?;
        }
        let mut files = Vec::with_capacity(rendered.parts.len());
        for (path, part) in paths.iter().zip(&rendered.parts) {
            write_atomic(path, &part.bytes)?;
            files.push(RenderedFile {
                path: path.display().to_string(),
                width: part.width,
                height: part.height,
                bytes: part.bytes.len() as u64,
                quality: part.quality,
            });
        }
        Ok(RenderedImage {
            input: input.display().to_string(),
            files,
            findings: self.image_messages(rendered.findings),
        })
    }

    /// Image findings with their messages in the UI's language.
    pub(crate) fn image_messages(
        &self,
        findings: Vec<kuajing_imaging::ImageFinding>,
    ) -> Vec<crate::Message> {
        findings
            .into_iter()
            .map(|f| crate::Message {
                message: self.message("image", &f.code, &f.args),
                code: f.code,
                args: f.args,
            })
            .collect()
    }
}

pub(crate) fn find_slot(marketplace: &str, slot: &str) -> Result<&'static Slot> {
    let profile = kuajing_marketplace::load(marketplace)?;
    profile.slot(slot).ok_or_else(|| Error::UnknownSlot {
        marketplace: marketplace.to_owned(),
        slot: slot.to_owned(),
    })
}

fn extension(spec: &SlotSpec) -> &'static str {
    match spec.format {
        OutputFormat::Jpeg => "jpg",
        OutputFormat::Png => "png",
    }
}

/// The slot's spec, starting the JPEG quality search at `quality` when given (the floor
/// follows it down if needed).
fn spec_with_quality(slot: &Slot, quality: Option<u8>) -> SlotSpec {
    let mut spec = slot_spec(slot);
    if let Some(q) = quality {
        spec.quality = q.clamp(1, 100);
        spec.min_quality = spec.min_quality.min(spec.quality);
    }
    spec
}

/// `dir/photo.jpg` → `dir/photo-2.jpg`.
fn numbered(path: &Path, n: usize) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    path.with_file_name(name)
}
