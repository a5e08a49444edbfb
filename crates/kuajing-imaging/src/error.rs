use std::collections::BTreeMap;

/// Everything that can go wrong between a photo file and a rendered slot image.
///
/// Every message names the file (or, for [`crate::render`] without a name, "image") so that a
/// merchant importing a hundred photos can find the bad one. [`Error::code`] is a stable
/// kebab-case code for translations and tests; [`Error::args`] gives the values to fill in.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{name} is empty (0 bytes); copy or export the photo again")]
    Empty { name: String },

    #[error("{name} is not an image (it looks like {looks_like})")]
    NotAnImage { name: String, looks_like: String },

    #[error("{name} is cut short (the file ends before the picture does); copy or export it again")]
    Truncated { name: String },

    #[error("{name} is damaged and cannot be read as {format}: {detail}")]
    Corrupt {
        name: String,
        format: String,
        detail: String,
    },

    #[error(
        "{name} is {width}x{height} pixels, more than the limit of {} megapixels; make it smaller and try again",
        megapixels(*limit)
    )]
    TooManyPixels {
        name: String,
        width: u32,
        height: u32,
        limit: u64,
    },

    #[error("{name} is {}, more than the limit of {}", human_bytes(*size), human_bytes(*limit))]
    TooLargeFile { name: String, size: u64, limit: u64 },

    #[error("{name}: {message}")]
    UnsupportedFormat {
        name: String,
        format: String,
        message: String,
    },

    #[error("{name} could not be read: {source}")]
    Io {
        name: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{name} cannot be rendered: {detail}")]
    InvalidSlot { name: String, detail: String },

    #[error("{name} could not be encoded as {format}: {detail}")]
    Encode {
        name: String,
        format: String,
        detail: String,
    },
}

impl Error {
    /// A stable code for translations, logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Empty { .. } => "empty",
            Error::NotAnImage { .. } => "not-an-image",
            Error::Truncated { .. } => "truncated",
            Error::Corrupt { .. } => "corrupt",
            Error::TooManyPixels { .. } => "too-many-pixels",
            Error::TooLargeFile { .. } => "too-large-file",
            Error::UnsupportedFormat { .. } => "unsupported-format",
            Error::Io { .. } => "io",
            Error::InvalidSlot { .. } => "invalid-slot",
            Error::Encode { .. } => "encode",
        }
    }

    /// The file (or image) name the error is about.
    pub fn name(&self) -> &str {
        match self {
            Error::Empty { name }
            | Error::NotAnImage { name, .. }
            | Error::Truncated { name }
            | Error::Corrupt { name, .. }
            | Error::TooManyPixels { name, .. }
            | Error::TooLargeFile { name, .. }
            | Error::UnsupportedFormat { name, .. }
            | Error::Io { name, .. }
            | Error::InvalidSlot { name, .. }
            | Error::Encode { name, .. } => name,
        }
    }

    /// The values a translated message needs, always including `name`.
    pub fn args(&self) -> BTreeMap<String, String> {
        let mut args = BTreeMap::new();
        let mut put = |k: &str, v: String| {
            args.insert(k.to_owned(), v);
        };
        put("name", self.name().to_owned());
        match self {
            Error::Empty { .. } | Error::Truncated { .. } => {}
            Error::NotAnImage { looks_like, .. } => put("looks_like", looks_like.clone()),
            Error::Corrupt { format, detail, .. } | Error::Encode { format, detail, .. } => {
                put("format", format.clone());
                put("detail", detail.clone());
            }
            Error::TooManyPixels {
                width,
                height,
                limit,
                ..
            } => {
                put("width", width.to_string());
                put("height", height.to_string());
                put("limit", limit.to_string());
            }
            Error::TooLargeFile { size, limit, .. } => {
                put("size", size.to_string());
                put("limit", limit.to_string());
            }
            Error::UnsupportedFormat {
                format, message, ..
            } => {
                put("format", format.clone());
                put("message", message.clone());
            }
            Error::Io { source, .. } => put("detail", source.to_string()),
            Error::InvalidSlot { detail, .. } => put("detail", detail.clone()),
        }
        args
    }
}

fn megapixels(pixels: u64) -> String {
    let mp = pixels as f64 / 1_000_000.0;
    if mp.fract() == 0.0 {
        format!("{mp:.0}")
    } else {
        format!("{mp:.1}")
    }
}

/// `1.5 MB`, `64 MB`, `820 KB`, `12 bytes` (binary units, as file managers show them).
pub(crate) fn human_bytes(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if b < KIB * KIB {
        format!("{:.0} KB", b / KIB)
    } else {
        let mb = b / (KIB * KIB);
        if mb.fract() == 0.0 {
            format!("{mb:.0} MB")
        } else {
            format!("{mb:.1} MB")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_and_codes_are_stable() {
        let e = Error::TooManyPixels {
            name: "orchard.png".into(),
            width: 30000,
            height: 30000,
            limit: 100_000_000,
        };
        assert_eq!(e.code(), "too-many-pixels");
        assert_eq!(
            e.to_string(),
            "orchard.png is 30000x30000 pixels, more than the limit of 100 megapixels; \
             make it smaller and try again"
        );
        let args = e.args();
        assert_eq!(args["width"], "30000");
        assert_eq!(args["height"], "30000");
        assert_eq!(args["limit"], "100000000");
        assert_eq!(args["name"], "orchard.png");

        let e = Error::TooLargeFile {
            name: "a.jpg".into(),
            size: 70 << 20,
            limit: 64 << 20,
        };
        assert_eq!(
            e.to_string(),
            "a.jpg is 70 MB, more than the limit of 64 MB"
        );
    }

    #[test]
    fn human_bytes_reads_well() {
        assert_eq!(human_bytes(12), "12 bytes");
        assert_eq!(human_bytes(820 * 1024), "820 KB");
        assert_eq!(human_bytes(1024 * 1024), "1 MB");
        assert_eq!(human_bytes(1536 * 1024), "1.5 MB");
    }
}
