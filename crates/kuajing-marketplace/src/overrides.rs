//! A merchant's own correction of a shipped profile: `<catalog folder>/marketplaces/<id>.toml`,
//! merged key by key over the built-in one, so a limit can be changed or a column added without
//! a new release. Tables merge key by key; the lists whose items have a name merge item by
//! item (`slots` by `id`, `sheet.columns` by `header`, `label.items` by `heading`): an item
//! with a known name changes that item's keys, a new name is added at the end. Any other list
//! is replaced whole. The result is validated like a shipped profile, and a mistake is
//! reported with the file and its line.

use toml::{Table, Value};

use crate::{Error, Profile, builtin_text};

/// Lists merged item by item, by the key that names an item.
const NAMED_LISTS: [(&str, &str); 3] = [
    ("slots", "id"),
    ("sheet.columns", "header"),
    ("label.items", "heading"),
];

/// The shipped profile `id` with `text` (the override file's contents, `file` naming it in
/// errors) merged over it.
pub fn with_override(id: &str, text: &str, file: &str) -> Result<Profile, Error> {
    let builtin = builtin_text(id)?;
    let overlay: Table = toml::from_str(text).map_err(|e| Error::Override {
        file: file.to_owned(),
        line: e.span().map_or(0, |s| line_of(text, s.start)),
        message: e.message().to_owned(),
    })?;
    if let Some(Value::String(other)) = overlay.get("id")
        && other != id
    {
        return Err(Error::Override {
            file: file.to_owned(),
            line: line_of_key(text, "id"),
            message: format!("says id = \"{other}\", but the file is named for `{id}`"),
        });
    }
    let mut base: Table = toml::from_str(builtin).map_err(|e| Error::Invalid {
        id: id.to_owned(),
        message: e.to_string(),
    })?;
    merge(&mut base, overlay, "");
    let merged = toml::to_string(&base).map_err(|e| Error::Invalid {
        id: id.to_owned(),
        message: e.to_string(),
    })?;
    Profile::from_toml(id, &merged).map_err(|e| Error::Override {
        file: file.to_owned(),
        line: 0,
        message: match e {
            Error::Invalid { message, .. } => message,
            other => other.to_string(),
        },
    })
}

fn merge(base: &mut Table, overlay: Table, path: &str) {
    for (key, value) in overlay {
        let here = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match (base.get_mut(&key), value) {
            (Some(Value::Table(into)), Value::Table(from)) => merge(into, from, &here),
            (Some(Value::Array(into)), Value::Array(from)) => {
                match NAMED_LISTS.iter().find(|(list, _)| *list == here) {
                    Some((_, name)) => merge_named(into, from, name),
                    None => *into = from,
                }
            }
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

fn merge_named(into: &mut Vec<Value>, from: Vec<Value>, name: &str) {
    for item in from {
        let Value::Table(item) = item else {
            into.push(item);
            continue;
        };
        let named = item.get(name).cloned();
        let existing = into.iter_mut().find(|old| {
            named.is_some() && old.as_table().and_then(|t| t.get(name)) == named.as_ref()
        });
        match existing {
            Some(Value::Table(old)) => merge(old, item, ""),
            _ => into.push(Value::Table(item)),
        }
    }
}

fn line_of(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |t| t.matches('\n').count()) + 1
}

fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(key))
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SheetValue;

    #[test]
    fn a_limit_changes_a_column_is_added_and_the_rest_stays() {
        let text = r#"
# Our category allows longer titles.
[title]
max_units = 80

[[slots]]
id = "main"
max_bytes = 2097152

[[sheet.columns]]
header = "类目ID"
value = "text"
text = "50010788"
"#;
        let profile =
            with_override("tmall-global", text, "marketplaces/tmall-global.toml").unwrap();
        let shipped = crate::load("tmall-global").unwrap();
        assert_eq!(profile.title.max_units, 80);
        assert_eq!(
            profile.title.status, shipped.title.status,
            "other keys stay"
        );
        let main = profile.slot("main").unwrap();
        assert_eq!(main.max_bytes, 2_097_152);
        assert_eq!(main.width, 800, "the slot's other keys stay");
        assert_eq!(profile.slots.len(), shipped.slots.len());
        assert_eq!(profile.sheet.columns.len(), shipped.sheet.columns.len() + 1);
        let added = profile.sheet.columns.last().unwrap();
        assert_eq!(
            (added.value.clone(), added.text.as_str()),
            (SheetValue::Text, "50010788")
        );
        assert_eq!(
            profile.label.as_ref().unwrap().items.len(),
            shipped.label.as_ref().unwrap().items.len()
        );
    }

    #[test]
    fn mistakes_name_the_file_and_line() {
        let err = with_override(
            "taobao",
            "[title]\nmax_units = \"sixty\"\n",
            "m/taobao.toml",
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("m/taobao.toml"), "{text}");
        assert_eq!(err.code(), "marketplace-override");
        // A value the exporter does not know, on line 4.
        let err = with_override(
            "taobao",
            "\n\n[[sheet.columns]]\nheader = \"x\"\nkey = \"x\"\nvalue = \"colour\"\n",
            "m/taobao.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("colour"), "{err}");
        let err = with_override("taobao", "[title\n", "m/taobao.toml").unwrap_err();
        assert!(matches!(err, Error::Override { line: 1, .. }), "{err:?}");
        let err = with_override("taobao", "id = \"douyin\"\n", "m/taobao.toml").unwrap_err();
        assert!(err.to_string().contains("douyin"), "{err}");
        let err = with_override(
            "taobao",
            "[[slots]]\nid = \"main\"\nwidth = 0\n",
            "m/taobao.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("zero"), "{err}");
    }
}
