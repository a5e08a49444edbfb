//! Warnings from the libraries (a photo our decoder could not handle and libjpeg-turbo
//! decoded instead, for example) on stderr. `KUAJING_LOG=debug` shows every fallback.

#[derive(Debug)]
struct Stderr(log::LevelFilter);

impl log::Log for Stderr {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= self.0
    }

    #[allow(clippy::print_stderr)]
    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) {
            eprintln!(
                "{}: {}",
                record.level().as_str().to_lowercase(),
                record.args()
            );
        }
    }

    fn flush(&self) {}
}

/// Installs the stderr logger at the level `KUAJING_LOG` names (default: warnings).
pub(crate) fn init() {
    let level = match std::env::var("KUAJING_LOG").as_deref() {
        Ok("debug") => log::LevelFilter::Debug,
        Ok("info") => log::LevelFilter::Info,
        Ok("off") => log::LevelFilter::Off,
        _ => log::LevelFilter::Warn,
    };
    if log::set_boxed_logger(Box::new(Stderr(level))).is_ok() {
        log::set_max_level(level);
    }
}
