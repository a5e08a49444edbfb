//! How a command that stops on an error says so: one line on stderr naming the file, row or
//! field, or with `--json` `{"error": {"code", "message", "args"}}` on stdout; exit 1 either
//! way. Usage errors stay clap's (exit 2).

use std::collections::BTreeMap;

use kuajing_core::AppError;

/// An error the command line itself finds in what it was asked (a value clap cannot check).
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub(crate) struct BadArgument {
    pub message: String,
}

/// `bail!` for arguments: stops the command with the code `bad-argument`.
macro_rules! bad_argument {
    ($($arg:tt)*) => {
        return Err(crate::fail::BadArgument { message: format!($($arg)*) }.into())
    };
}
pub(crate) use bad_argument;

/// The `{code, message, args}` of an error, from the core's own code where there is one.
pub(crate) fn app_error(e: &anyhow::Error) -> AppError {
    if let Some(core) = e
        .chain()
        .find_map(|c| c.downcast_ref::<kuajing_core::Error>())
    {
        let mut error = AppError::from(core);
        error.message = one_line(e);
        return error;
    }
    AppError {
        code: code(e).into(),
        message: one_line(e),
        args: BTreeMap::new(),
    }
}

/// The code of an error the core did not raise.
fn code(e: &anyhow::Error) -> &'static str {
    if e.downcast_ref::<BadArgument>().is_some() {
        "bad-argument"
    } else {
        "unexpected"
    }
}

/// Prints the error the way the command was asked to print.
#[allow(clippy::print_stdout, clippy::print_stderr)]
pub(crate) fn report(e: &anyhow::Error, json: bool) {
    if json {
        let body = serde_json::json!({ "error": app_error(e) });
        println!(
            "{}",
            serde_json::to_string_pretty(&body).unwrap_or_default()
        );
    } else {
        eprintln!("error: {}", one_line(e));
    }
}

/// The error and its causes on one line, each said once.
pub(crate) fn one_line(e: &anyhow::Error) -> String {
    let chain: Vec<String> = e.chain().map(ToString::to_string).collect();
    let mut out: Vec<String> = Vec::new();
    for part in chain {
        if !out.iter().any(|seen| seen.contains(&part)) {
            out.push(part);
        }
    }
    out.join(": ").replace('\n', " ")
}
