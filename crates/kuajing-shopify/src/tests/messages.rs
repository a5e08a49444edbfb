//! Every problem and error code: the lists agree, samples produce each one, and each has a
//! message in every locale.

use super::*;

#[test]
fn code_lists_match() {
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(codes, PROBLEM_CODES);
    let errors = [
        Error::EmptyFile {
            file: String::new(),
        },
        Error::NotCsv {
            file: String::new(),
        },
        Error::NotShopify {
            file: String::new(),
            missing: vec![],
            found: vec![],
        },
        Error::NoProducts {
            file: String::new(),
        },
    ];
    let codes: Vec<&str> = errors.iter().map(Error::code).collect();
    assert_eq!(codes, ERROR_CODES);
}

/// One real problem of every code, produced by parsing.
fn sample_problems() -> Vec<Problem> {
    let mut cp1252 = b"Handle,Title\na,Cr\xE8me\n".to_vec();
    cp1252.extend_from_slice(b"b,B\n");
    let mut problems = parse(&cp1252, "x.csv").unwrap().problems;
    for text in [
        "Handle,Title\n,A\n",
        "Handle,Title,Vendor\na,,Acme\n",
        "Handle,Title,Option1 Value\nghost,,S\n",
        "Handle,Title,Option1 Value\na,A,S\nb,B,S\na,,M\n",
        "Handle,Title,Variant SKU\na,A,S1\nb,B,S1\n",
        "Handle,Title,Option1 Value,Variant SKU\na,A,S,S1\na,,M,S1\n",
        "Handle,Title,Option1 Name,Option1 Value\na,A,Size,S\na,,,S\n",
        "Handle,Title,Variant Price\na,A,abc\n",
        "Handle,Title,Variant Barcode\na,A,3.65275E+11\n",
        "Handle,Title,Vendor\na,A,Acme\na,,Other\n",
        "Handle,Title,Published\na,A,maybe\n",
        "Handle,Title,Option1 Value\na,A,S\n",
        "Handle,Title,Image Alt Text\na,A,front\n",
        "Handle,Title\na,A,stray\n",
        "Handle,Title,Tags,Tags\na,A,x,y\n",
        "Handle,Title\nRainier Cherries,A\n",
        "Handle,Title\nRainier Cherries,A\nrainier-cherries,B\n",
    ] {
        problems.extend(csv(text).problems);
    }
    let mut stray = "Handle,Title,Vendor\na,樱桃,".as_bytes().to_vec();
    stray.extend_from_slice(b"Caf\xE9\n");
    problems.extend(parse(&stray, "x.csv").unwrap().problems);
    // The limits, lowered so the samples stay small.
    let d = Limits::DEFAULT;
    for (limits, text) in [
        (
            Limits { columns: 3, ..d },
            "Handle,Title,Vendor,Type\na,A,X,Y\n",
        ),
        (
            Limits {
                column_name_chars: 6,
                ..d
            },
            "Handle,Title,Colours\na,A,red\n",
        ),
        (Limits { cell_bytes: 6, ..d }, "Handle,Title\na,Apples!\n"),
        (Limits { rows: 2, ..d }, "Handle,Title\na,A\nb,B\nc,C\n"),
        (
            Limits { cells: 5, ..d },
            "Handle,Title,Tags\na,A,x\nb,B,y\n",
        ),
        (
            Limits {
                problems_per_code: 1,
                ..d
            },
            "Handle,Title\na,A,x\nb,B,y\n",
        ),
    ] {
        problems.extend(
            parse_with(text.as_bytes(), "x.csv", &limits, &mut |_, _| {})
                .unwrap()
                .problems,
        );
    }
    problems
}

fn sample_errors() -> Vec<Error> {
    [
        &b""[..],
        b"\x89PNG\r\n\x1a\n\0",
        b"Date,Amount\n2024-01-01,5\n",
        b"Handle,Title\n",
    ]
    .iter()
    .map(|bytes| parse(bytes, "products.csv").unwrap_err())
    .collect()
}

#[test]
fn samples_cover_every_code() {
    let mut codes: Vec<String> = sample_problems().into_iter().map(|p| p.code).collect();
    codes.sort();
    codes.dedup();
    let mut expected: Vec<String> = PROBLEM_CODES.iter().map(|c| (*c).to_owned()).collect();
    expected.sort();
    assert_eq!(codes, expected);
    let errors: Vec<&str> = sample_errors().iter().map(Error::code).collect();
    assert_eq!(errors, ERROR_CODES);
}

const LOCALES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/locales/");

/// Every code has a message in every locale, and the message formats without errors (no
/// unknown variable) from the args the parser really produces.
#[test]
fn every_code_has_a_message_in_every_locale() {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

    let mut cases: Vec<(String, BTreeMap<String, String>)> = sample_problems()
        .into_iter()
        .map(|p| (p.code, p.args))
        .collect();
    cases.extend(
        sample_errors()
            .iter()
            .map(|e| (e.code().to_owned(), e.args())),
    );

    for locale in ["en", "zh-CN"] {
        let path = format!("{LOCALES}{locale}/import.ftl");
        let text = std::fs::read_to_string(&path).unwrap();
        let resource =
            FluentResource::try_new(text).unwrap_or_else(|(_, e)| panic!("{path}: {e:?}"));
        let langid: unic_langid::LanguageIdentifier = locale.parse().unwrap();
        let mut bundle = FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).unwrap();

        for (code, values) in &cases {
            let id = format!("import-{code}");
            let message = bundle
                .get_message(&id)
                .unwrap_or_else(|| panic!("{locale}: no {id}"));
            let pattern = message.value().unwrap();
            let mut args = FluentArgs::new();
            for (k, v) in values {
                args.set(k.as_str(), v.as_str());
            }
            let mut errors = vec![];
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{locale} {id}: {errors:?}");
            assert!(!text.trim().is_empty());
            if locale == "zh-CN" {
                assert!(
                    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{id}: {text}"
                );
            }
        }
        // No message for a code that does not exist.
        let known: Vec<String> = PROBLEM_CODES
            .iter()
            .chain(ERROR_CODES)
            .map(|c| format!("import-{c}"))
            .collect();
        let source = std::fs::read_to_string(&path).unwrap();
        for line in source.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && id.starts_with("import-")
            {
                assert!(known.contains(&id.to_owned()), "{locale}: stray {id}");
            }
        }
    }
}
