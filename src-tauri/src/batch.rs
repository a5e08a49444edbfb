//! One render batch at a time, and the flag that cancels it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use kuajing_core::{AppError, Error};

/// Shared by `render_catalog` and `cancel_render`.
#[derive(Debug, Default)]
pub struct RenderBatch {
    running: Arc<AtomicBool>,
    cancel: Arc<AtomicBool>,
}

/// Held while a batch runs; dropping it (even when the batch panics) lets the next one start.
#[derive(Debug)]
pub struct Running {
    running: Arc<AtomicBool>,
    cancel: Arc<AtomicBool>,
}

impl RenderBatch {
    /// Starts a batch with the cancel flag cleared. A second start while one runs is refused
    /// rather than joined: the window shows one batch's progress, and two batches over the same
    /// photos would only race for the same cache files.
    pub fn start(&self) -> Result<Running, AppError> {
        if self
            .running
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            return Err(AppError::from(&Error::RenderRunning));
        }
        self.cancel.store(false, Ordering::SeqCst);
        Ok(Running {
            running: Arc::clone(&self.running),
            cancel: Arc::clone(&self.cancel),
        })
    }

    /// Asks the running batch to start no new photo (the next start clears it).
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
        let batch = RenderBatch::default();
        batch.cancel();
        let first = batch.start().unwrap();
        assert!(
            !first.cancel_flag().load(Ordering::SeqCst),
            "a stale cancel is cleared"
        );
        assert_eq!(batch.start().unwrap_err().code, "render-running");
        batch.cancel();
        assert!(first.cancel_flag().load(Ordering::SeqCst));
        drop(first);
        let second = batch.start().unwrap();
        assert!(!second.cancel_flag().load(Ordering::SeqCst));
    }
}
