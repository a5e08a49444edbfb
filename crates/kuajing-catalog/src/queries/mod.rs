//! One module per table. Functions take a `&Connection` (or a transaction, which derefs to
//! one), so a caller can group several into one transaction.

pub mod bulk;
pub mod completeness;
pub mod copy;
pub mod findings;
pub mod glossary;
pub mod history;
pub mod images;
pub mod list;
pub mod options;
pub mod products;
pub mod review;
pub mod review_queue;
pub mod search;
pub mod settings;
pub mod tm;
pub mod vendors;

#[cfg(test)]
mod plans;
