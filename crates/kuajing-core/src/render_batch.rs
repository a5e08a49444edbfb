//! The render batch: every catalog image (or a selection's) into every slot of a marketplace
//! it belongs in, on every core, with progress and cancel, through the render cache.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use kuajing_catalog::queries::images as image_rows;
use kuajing_marketplace::Slot;
use rayon::prelude::*;
use serde::Serialize;

use crate::{AppError, Message, Result, Workbench};

/// Where a batch is, sent after each photo.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RenderProgress {
    /// Photos finished (rendered, from the cache, or failed) out of `total`.
    pub done: u32,
    pub total: u32,
    /// Slot images made in this run, found in the cache, and that failed.
    pub rendered: u32,
    pub cached: u32,
    pub failed: u32,
}

/// One slot image that failed or has findings.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RenderNote {
    pub handle: String,
    #[ts(type = "number")]
    pub position: i64,
    pub slot: String,
    /// The slot's name in the UI's language.
    pub label: String,
    pub findings: Vec<Message>,
    pub error: Option<AppError>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RenderReport {
    pub marketplace: String,
    pub progress: RenderProgress,
    /// The batch stopped because it was cancelled; what was done is kept in the cache.
    pub cancelled: bool,
    #[ts(type = "number")]
    pub elapsed_ms: u64,
    /// Slot images with findings or errors, in catalog order.
    pub notes: Vec<RenderNote>,
}

struct Job<'p> {
    handle: String,
    position: i64,
    media: String,
    slots: Vec<&'p Slot>,
}

struct Counters {
    done: AtomicUsize,
    rendered: AtomicUsize,
    cached: AtomicUsize,
    failed: AtomicUsize,
    total: usize,
}

impl Counters {
    fn snapshot(&self) -> RenderProgress {
        let n = |a: &AtomicUsize| u32::try_from(a.load(Ordering::Relaxed)).unwrap_or(u32::MAX);
        RenderProgress {
            done: n(&self.done),
            total: u32::try_from(self.total).unwrap_or(u32::MAX),
            rendered: n(&self.rendered),
            cached: n(&self.cached),
            failed: n(&self.failed),
        }
    }
}

impl Workbench {
    /// Renders the images of `handles` (all products when `None`) into every slot of
    /// `marketplace` they belong in: the N-th image goes to the slots whose `max_count` is at
    /// least N. Unchanged images come from the cache. Runs on every core; `progress` is called
    /// after each photo from whichever thread finished it; once `cancel` is set no new photo
    /// is started.
    pub fn render_catalog(
        &self,
        marketplace: &str,
        handles: Option<&[String]>,
        cancel: &AtomicBool,
        progress: &(dyn Fn(RenderProgress) + Sync),
    ) -> Result<RenderReport> {
        let started = Instant::now();
        let owned = self.profile(marketplace)?;
        let profile = &*owned;
        let conn = self.catalog.connect()?;
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        let jobs: Vec<Job> = image_rows::with_media(&conn)?
            .into_iter()
            .filter(|(handle, _)| handles.is_none_or(|h| h.contains(handle)))
            .filter_map(|(handle, image)| {
                let n = index.entry(handle.clone()).or_default();
                *n += 1;
                let slots: Vec<&Slot> = profile
                    .slots
                    .iter()
                    .filter(|s| s.max_count as usize >= *n)
                    .collect();
                let media = image.media?;
                (!slots.is_empty()).then_some(Job {
                    handle,
                    position: image.position,
                    media,
                    slots,
                })
            })
            .collect();
        drop(conn);

        let counters = Counters {
            done: AtomicUsize::new(0),
            rendered: AtomicUsize::new(0),
            cached: AtomicUsize::new(0),
            failed: AtomicUsize::new(0),
            total: jobs.len(),
        };
        progress(counters.snapshot());
        let notes: Vec<Vec<RenderNote>> = jobs
            .par_iter()
            .map(|job| {
                if cancel.load(Ordering::Relaxed) {
                    return Vec::new();
                }
                let notes = self.render_job(job, &counters);
                counters.done.fetch_add(1, Ordering::Relaxed);
                progress(counters.snapshot());
                notes
            })
            .collect();
        let finished = counters.snapshot();
        let cancelled = cancel.load(Ordering::Relaxed) && finished.done < finished.total;
        Ok(RenderReport {
            marketplace: profile.id.clone(),
            progress: finished,
            cancelled,
            elapsed_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            notes: notes.into_iter().flatten().collect(),
        })
    }

    fn render_job(&self, job: &Job, counters: &Counters) -> Vec<RenderNote> {
        let fresh = job
            .slots
            .iter()
            .filter(|s| !self.is_rendered(&job.media, s))
            .count();
        let note = |slot: &Slot, findings, error| RenderNote {
            handle: job.handle.clone(),
            position: job.position,
            slot: slot.id.clone(),
            label: slot.label_in(self.rules.lang()).to_owned(),
            findings,
            error,
        };
        match self.render_media_slots(&job.media, &job.slots) {
            Ok(results) => {
                counters.rendered.fetch_add(fresh, Ordering::Relaxed);
                counters
                    .cached
                    .fetch_add(job.slots.len() - fresh, Ordering::Relaxed);
                job.slots
                    .iter()
                    .zip(results)
                    .filter_map(|(slot, r)| match r {
                        Ok(image) if image.findings.is_empty() => None,
                        Ok(image) => {
                            Some(note(slot, self.rules.image_messages(image.findings), None))
                        }
                        Err(e) => {
                            counters.failed.fetch_add(1, Ordering::Relaxed);
                            counters.rendered.fetch_sub(1, Ordering::Relaxed);
                            Some(note(slot, Vec::new(), Some(AppError::from(&e))))
                        }
                    })
                    .collect()
            }
            Err(e) => {
                counters
                    .failed
                    .fetch_add(job.slots.len(), Ordering::Relaxed);
                let error = AppError::from(&e);
                job.slots
                    .iter()
                    .map(|slot| note(slot, Vec::new(), Some(error.clone())))
                    .collect()
            }
        }
    }
}
