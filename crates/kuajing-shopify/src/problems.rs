//! The problem codes and the list problems are collected in.
//!
//! The list is bounded: it keeps the first [`Limits::problems_per_code`] problems of each code
//! and counts the rest, which come back as one `more-problems` entry per code (with that code's
//! severity, so a file whose errors were not all listed is still refused). Argument values are
//! shortened to [`PREVIEW_CHARS`] characters. Without both, a file of a few megabytes could make
//! millions of problems, each holding a copy of a long cell.
//!
//! [`Limits::problems_per_code`]: crate::limits::Limits::problems_per_code

use std::borrow::Cow;

use crate::{Problem, Severity};

/// The longest argument value a problem holds, in characters; longer ones end with `…`.
pub(crate) const PREVIEW_CHARS: usize = 200;

/// The problem codes, each with its severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Code {
    MissingHandle,
    MissingTitle,
    OrphanRow,
    DuplicateHandle,
    DuplicateSku,
    SharedSku,
    DuplicateVariant,
    BadNumber,
    BarcodeScientific,
    ConvertedFromWindows1252,
    ConflictingValue,
    BadBoolean,
    OptionWithoutName,
    MissingImageSrc,
    ExtraCells,
    DuplicateColumn,
    CellReadAsWindows1252,
    TooManyColumns,
    ColumnNameTooLong,
    CellTooLarge,
    TooManyRows,
    TooManyCells,
    MoreProblems,
    UnsafeHandle,
    UnsafeHandleClash,
}

impl Code {
    pub(crate) const ALL: [Code; 25] = [
        Code::MissingHandle,
        Code::MissingTitle,
        Code::OrphanRow,
        Code::DuplicateHandle,
        Code::DuplicateSku,
        Code::SharedSku,
        Code::DuplicateVariant,
        Code::BadNumber,
        Code::BarcodeScientific,
        Code::ConvertedFromWindows1252,
        Code::ConflictingValue,
        Code::BadBoolean,
        Code::OptionWithoutName,
        Code::MissingImageSrc,
        Code::ExtraCells,
        Code::DuplicateColumn,
        Code::CellReadAsWindows1252,
        Code::TooManyColumns,
        Code::ColumnNameTooLong,
        Code::CellTooLarge,
        Code::TooManyRows,
        Code::TooManyCells,
        Code::MoreProblems,
        Code::UnsafeHandle,
        Code::UnsafeHandleClash,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Code::MissingHandle => "missing-handle",
            Code::MissingTitle => "missing-title",
            Code::OrphanRow => "orphan-row",
            Code::DuplicateHandle => "duplicate-handle",
            Code::DuplicateSku => "duplicate-sku",
            Code::SharedSku => "shared-sku",
            Code::DuplicateVariant => "duplicate-variant",
            Code::BadNumber => "bad-number",
            Code::BarcodeScientific => "barcode-scientific",
            Code::ConvertedFromWindows1252 => "converted-from-windows-1252",
            Code::ConflictingValue => "conflicting-value",
            Code::BadBoolean => "bad-boolean",
            Code::OptionWithoutName => "option-without-name",
            Code::MissingImageSrc => "missing-image-src",
            Code::ExtraCells => "extra-cells",
            Code::DuplicateColumn => "duplicate-column",
            Code::CellReadAsWindows1252 => "cell-read-as-windows-1252",
            Code::TooManyColumns => "too-many-columns",
            Code::ColumnNameTooLong => "column-name-too-long",
            Code::CellTooLarge => "cell-too-large",
            Code::TooManyRows => "too-many-rows",
            Code::TooManyCells => "too-many-cells",
            Code::MoreProblems => "more-problems",
            Code::UnsafeHandle => "unsafe-handle",
            Code::UnsafeHandleClash => "unsafe-handle-clash",
        }
    }

    /// `more-problems` takes the severity of the code it counts; this is its default.
    pub(crate) fn severity(self) -> Severity {
        match self {
            Code::MissingHandle
            | Code::MissingTitle
            | Code::OrphanRow
            | Code::DuplicateHandle
            | Code::DuplicateSku
            | Code::DuplicateVariant
            | Code::BadNumber
            | Code::TooManyColumns
            | Code::ColumnNameTooLong
            | Code::CellTooLarge
            | Code::TooManyRows
            | Code::TooManyCells => Severity::Error,
            Code::SharedSku
            | Code::BarcodeScientific
            | Code::ConvertedFromWindows1252
            | Code::ConflictingValue
            | Code::BadBoolean
            | Code::OptionWithoutName
            | Code::MissingImageSrc
            | Code::ExtraCells
            | Code::DuplicateColumn
            | Code::CellReadAsWindows1252
            | Code::MoreProblems
            | Code::UnsafeHandle
            | Code::UnsafeHandleClash => Severity::Warning,
        }
    }
}

impl Problem {
    /// A problem whose argument values are shortened to [`PREVIEW_CHARS`] characters.
    pub(crate) fn new(
        row: usize,
        column: Option<&str>,
        code: Code,
        args: &[(&str, &str)],
    ) -> Problem {
        Problem {
            row,
            column: column.map(str::to_owned),
            code: code.as_str().to_owned(),
            severity: code.severity(),
            args: args
                .iter()
                .map(|(k, v)| ((*k).to_owned(), preview(v).into_owned()))
                .collect(),
        }
    }
}

/// `text` cut to [`PREVIEW_CHARS`] characters, with `…` when something was cut.
pub(crate) fn preview(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(PREVIEW_CHARS) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

/// The problems of one file, at most `keep` of each code.
#[derive(Debug)]
pub(crate) struct Problems {
    list: Vec<Problem>,
    /// How many of each code were found, listed or not (indexed like [`Code::ALL`]).
    found: [usize; Code::ALL.len()],
    keep: usize,
}

impl Problems {
    pub(crate) fn new(keep: usize) -> Problems {
        Problems {
            list: Vec::new(),
            found: [0; Code::ALL.len()],
            keep,
        }
    }

    pub(crate) fn push(
        &mut self,
        row: usize,
        column: Option<&str>,
        code: Code,
        args: &[(&str, &str)],
    ) {
        let found = &mut self.found[code as usize];
        *found += 1;
        if *found <= self.keep {
            self.list.push(Problem::new(row, column, code, args));
        }
    }

    /// Counts `count` problems of `code` that were found but not pushed.
    pub(crate) fn not_listed(&mut self, code: Code, count: usize) {
        self.found[code as usize] += count;
    }

    /// The problems sorted by row, with a `more-problems` entry (row 0) for each code that had
    /// more than were kept.
    pub(crate) fn finish(mut self) -> Vec<Problem> {
        for code in Code::ALL {
            let found = self.found[code as usize];
            if found > self.keep {
                let count = (found - self.keep).to_string();
                let args = [("code", code.as_str()), ("count", count.as_str())];
                let mut more = Problem::new(0, None, Code::MoreProblems, &args);
                more.severity = code.severity();
                self.list.push(more);
            }
        }
        self.list.sort_by_key(|p| p.row);
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_index_their_list() {
        for (i, code) in Code::ALL.iter().enumerate() {
            assert_eq!(*code as usize, i);
        }
    }

    #[test]
    fn previews() {
        assert_eq!(preview("short"), "short");
        let exact = "樱".repeat(PREVIEW_CHARS);
        assert_eq!(preview(&exact), exact);
        let long = format!("{exact}桃");
        assert_eq!(preview(&long), format!("{exact}…"));
    }
}
