//! One batch of each kind at a time (rendering, drafting), and the flag that cancels it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Shared by a batch's command and its cancel command (`render_catalog` and `cancel_render`,
/// `draft_empty_fields` and `cancel_draft`).
#[derive(Debug, Default)]
pub struct Batch {
    running: Arc<AtomicBool>,
    cancel: Arc<AtomicBool>,
}

/// Held while a batch runs; dropping it (even when the batch panics) lets the next one start.
#[derive(Debug)]
pub struct Running {
    running: Arc<AtomicBool>,
    cancel: Arc<AtomicBool>,
}

impl Batch {
    /// Starts a batch with the cancel flag cleared, or `None` while one runs. A second start is
    /// refused rather than joined: the window shows one batch's progress, and two batches over
    /// the same products would only race for the same files and rows. The caller says why.
    pub fn start(&self) -> Option<Running> {
        if self
            .running
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            return None;
        }
        self.cancel.store(false, Ordering::SeqCst);
        Some(Running {
            running: Arc::clone(&self.running),
            cancel: Arc::clone(&self.cancel),
        })
    }

    /// Asks the running batch to start no new item (the next start clears it).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

impl Running {
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.running.store(false, Ordering::SeqCst);
        // The window stays open after a batch: the photo buffers kept for reuse go back.
        kuajing_alloc::trim();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_batch_at_a_time_and_each_starts_uncancelled() {
        let batch = Batch::default();
        batch.cancel();
        let first = batch.start().unwrap();
        assert!(
            !first.cancel_flag().load(Ordering::SeqCst),
            "a stale cancel is cleared"
        );
        assert!(batch.start().is_none());
        batch.cancel();
        assert!(first.cancel_flag().load(Ordering::SeqCst));
        drop(first);
        let second = batch.start().unwrap();
        assert!(!second.cancel_flag().load(Ordering::SeqCst));
    }

    #[test]
    fn batches_of_different_kinds_do_not_wait_for_each_other() {
        let (render, draft) = (Batch::default(), Batch::default());
        let _rendering = render.start().unwrap();
        assert!(draft.start().is_some());
    }
}
