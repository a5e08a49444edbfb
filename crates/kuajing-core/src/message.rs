//! A located, localisable message: a stable code, its arguments, and the text rendered in the
//! workbench's language (the UI re-renders from code and args in its own language).

use std::collections::BTreeMap;

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Message {
    pub code: String,
    pub args: BTreeMap<String, String>,
    pub message: String,
}
