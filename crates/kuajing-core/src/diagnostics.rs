//! Where the libraries' warnings go (a photo our JPEG decoder handed to libjpeg-turbo, for
//! example): both hosts install this logger, which writes them on stderr. `KUAJING_LOG`
//! picks the level: `debug` shows every fallback, `info`, `off`; the default is warnings.
//! Results and errors are the hosts' to print; this is for what is worth knowing besides.

#[derive(Debug)]
struct Stderr {
    level: log::LevelFilter,
    prefix: &'static str,
}

impl log::Log for Stderr {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= self.level
    }

    #[allow(clippy::print_stderr)]
    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) {
            let level = record.level().as_str().to_lowercase();
            eprintln!("{}{level}: {}", self.prefix, record.args());
        }
    }

    fn flush(&self) {}
}

/// Installs the stderr logger at the level `KUAJING_LOG` names; each line starts with
/// `prefix` (the app says `kuajing: `, the CLI nothing). A second call changes nothing.
pub fn log_to_stderr(prefix: &'static str) {
    let level = match std::env::var("KUAJING_LOG").as_deref() {
        Ok("debug") => log::LevelFilter::Debug,
        Ok("info") => log::LevelFilter::Info,
        Ok("off") => log::LevelFilter::Off,
        _ => log::LevelFilter::Warn,
    };
    if log::set_boxed_logger(Box::new(Stderr { level, prefix })).is_ok() {
        log::set_max_level(level);
    }
}
