//! The review commands: `review set`, `review queue`, `review approved-only`, `review reviewer`
//! (docs/review.md).

use anyhow::Result;
use clap::{Subcommand, ValueEnum};
use kuajing_core::{Locale, ReviewFilter, ReviewItem, ReviewState, Workbench};

use crate::fail::bad_argument;
use crate::{FieldArg, print_json};

#[derive(Debug, Subcommand)]
pub(crate) enum ReviewAction {
    /// Set a field's review state: kuajing review set HANDLE title --state approved
    Set {
        handle: String,
        #[arg(value_enum)]
        field: FieldArg,
        /// translated (a person vouches for the text, from any state), reviewed, approved or
        /// rejected (needs --comment)
        #[arg(long, value_enum)]
        state: SetState,
        /// Why; rejecting needs one. The comments of a field are its thread
        #[arg(long, value_name = "TEXT")]
        comment: Option<String>,
        /// Who reviews [default: `kuajing review reviewer`]
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
        #[arg(long, default_value = "zh-CN")]
        locale: String,
    },
    /// The fields to review, by product, with how many are in each state
    Queue {
        #[arg(long, value_enum)]
        state: Option<QueueState>,
        /// Only fields whose English changed since they were translated
        #[arg(long)]
        stale: bool,
        /// Only fields whose text has findings for --marketplace
        #[arg(long)]
        has_findings: bool,
        /// The marketplace whose rules --has-findings checks against
        #[arg(long, default_value = kuajing_core::DEFAULT_MARKETPLACE)]
        marketplace: String,
        /// Only this vendor's products
        #[arg(long)]
        vendor: Option<String>,
        /// Only fields whose handle, English or translation contains TEXT
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        #[arg(long, default_value = "zh-CN")]
        locale: String,
        /// Skip the first N fields of the queue
        #[arg(long, value_name = "N", default_value_t = 0)]
        offset: u32,
        /// At most N fields [default: all]
        #[arg(long, value_name = "N")]
        limit: Option<u32>,
    },
    /// Whether MARKETPLACE's exports take only approved Chinese copy (off until set): show, or
    /// set with on|off
    ApprovedOnly {
        marketplace: String,
        #[arg(value_parser = ["on", "off"])]
        set: Option<String>,
    },
    /// Show, or set, the name state changes are recorded under [default: the OS user]
    Reviewer {
        name: Option<String>,
        /// Go back to the OS user
        #[arg(long, conflicts_with = "name")]
        clear: bool,
    },
}

/// The states `review set` takes (`draft` comes only from the drafting tools).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum SetState {
    #[value(name = "translated")]
    Translated,
    #[value(name = "reviewed")]
    Reviewed,
    #[value(name = "approved")]
    Approved,
    #[value(name = "rejected")]
    Rejected,
}

impl From<SetState> for ReviewState {
    fn from(s: SetState) -> Self {
        match s {
            SetState::Translated => ReviewState::Translated,
            SetState::Reviewed => ReviewState::Reviewed,
            SetState::Approved => ReviewState::Approved,
            SetState::Rejected => ReviewState::Rejected,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum QueueState {
    #[value(name = "draft")]
    Draft,
    #[value(name = "translated")]
    Translated,
    #[value(name = "reviewed")]
    Reviewed,
    #[value(name = "approved")]
    Approved,
    #[value(name = "rejected")]
    Rejected,
}

impl From<QueueState> for ReviewState {
    fn from(s: QueueState) -> Self {
        match s {
            QueueState::Draft => ReviewState::Draft,
            QueueState::Translated => ReviewState::Translated,
            QueueState::Reviewed => ReviewState::Reviewed,
            QueueState::Approved => ReviewState::Approved,
            QueueState::Rejected => ReviewState::Rejected,
        }
    }
}

fn locale(name: &str) -> Result<Locale> {
    match name {
        "zh-CN" | "zh-cn" => Ok(Locale::ZhCn),
        other => bad_argument!("--locale {other}: only zh-CN copy is reviewed"),
    }
}

fn print_item(item: &ReviewItem) -> Result<()> {
    let stale = if item.stale { " stale" } else { "" };
    let by = if item.by.is_empty() {
        String::new()
    } else {
        format!(" by {}", item.by)
    };
    out!(
        "{} {} {}: {}{stale}{by} at {}",
        item.handle,
        item.field.as_str(),
        item.locale.as_str(),
        item.state.as_str(),
        item.at
    );
    out!("  {}", item.text.replace('\n', " / "));
    if let Some(diff) = &item.source_diff {
        out!("  English was: {}", diff.old.replace('\n', " / "));
        out!("  English now: {}", diff.new.replace('\n', " / "));
    }
    for c in &item.comments {
        let state = c.state.map(ReviewState::as_str).unwrap_or("");
        out!("  {} ({state}, {}): {}", c.by, c.at, c.comment);
    }
    Ok(())
}

pub(crate) fn review(workbench: &Workbench, action: ReviewAction, json: bool) -> Result<()> {
    match action {
        ReviewAction::Set {
            handle,
            field,
            state,
            comment,
            by,
            locale: name,
        } => {
            let item = workbench.review_set(
                &handle,
                field.into(),
                locale(&name)?,
                state.into(),
                comment.as_deref(),
                by.as_deref(),
            )?;
            if json {
                print_json(&item)?;
            } else {
                print_item(&item)?;
            }
        }
        ReviewAction::Queue {
            state,
            stale,
            has_findings,
            marketplace,
            vendor,
            search,
            locale: name,
            offset,
            limit,
        } => {
            let filter = ReviewFilter {
                offset,
                limit,
                locale: locale(&name)?,
                state: state.map(Into::into),
                stale: stale.then_some(true),
                has_findings: has_findings.then_some(true),
                marketplace,
                vendor,
                text: search,
            };
            let queue = workbench.review_queue(&filter)?;
            if json {
                print_json(&queue.items)?;
            } else {
                for item in &queue.items {
                    print_item(item)?;
                }
                if !queue.items.is_empty() && queue.items.len() < queue.total as usize {
                    out!(
                        "fields {}-{} of {}",
                        queue.offset + 1,
                        queue.offset as usize + queue.items.len(),
                        queue.total
                    );
                }
                let p = &queue.progress;
                out!(
                    "{} of {} fields approved ({} reviewed, {} translated, {} draft, {} rejected; {} stale)",
                    p.approved,
                    p.total,
                    p.reviewed,
                    p.translated,
                    p.draft,
                    p.rejected,
                    p.stale
                );
            }
        }
        ReviewAction::ApprovedOnly { marketplace, set } => {
            let on = match set.as_deref() {
                Some(value) => {
                    let on = value == "on";
                    workbench.set_approved_only(&marketplace, on)?;
                    on
                }
                None => workbench.approved_only(&marketplace)?,
            };
            if json {
                print_json(
                    &serde_json::json!({ "marketplace": marketplace, "approved_only": on }),
                )?;
            } else {
                out!(
                    "{marketplace}: {}",
                    if on { "approved copy only" } else { "all copy" }
                );
            }
        }
        ReviewAction::Reviewer { name, clear } => {
            let name = match (name, clear) {
                (Some(name), _) => workbench.set_reviewer(Some(&name))?,
                (None, true) => workbench.set_reviewer(None)?,
                (None, false) => workbench.reviewer()?,
            };
            if json {
                print_json(&serde_json::json!({ "reviewer": name }))?;
            } else {
                out!("{name}");
            }
        }
    }
    Ok(())
}
