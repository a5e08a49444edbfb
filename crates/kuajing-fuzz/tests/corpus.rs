//! Replays every committed fuzz input (`fuzz/corpus/<target>/` and the crashes fuzzing found,
//! `fuzz/regressions/<target>/`) through its harness, so a fixed crash stays fixed.

use std::path::Path;

#[test]
fn every_corpus_and_regression_input_passes_its_harness() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    for (target, harness) in kuajing_fuzz::TARGETS {
        let mut replayed = 0;
        for kind in ["corpus", "regressions"] {
            let Ok(entries) = std::fs::read_dir(fuzz.join(kind).join(target)) else {
                continue;
            };
            for entry in entries {
                let path = entry.expect("a corpus entry").path();
                let data = std::fs::read(&path).expect("a corpus file");
                let outcome = std::panic::catch_unwind(|| harness(&data));
                assert!(
                    outcome.is_ok(),
                    "{target}: {} fails its harness",
                    path.display()
                );
                replayed += 1;
            }
        }
        assert!(replayed > 0, "no corpus for {target} in {}", fuzz.display());
    }
}
