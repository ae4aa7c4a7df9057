//! Compression prefix, and the size verdicts at and just past each limit.

use std::fmt::Write as _;

use integra_pipeline::{
    compress, decompress, process, size_verdict, Rule, Rules, Verdict, CLASSIC_PREFIX_LEN,
};

#[test]
fn compressed_code_starts_with_classic_prefix_and_no_dictionary() {
    let code = compress(b"\0asm\x01\0\0\0");
    assert_eq!(&code[..4], &[0xEF, 0xF0, 0x00, 0x00]);
    assert_eq!(CLASSIC_PREFIX_LEN, 4);
}

#[test]
fn compression_round_trips() {
    let wasm: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
    let code = compress(&wasm);
    assert!(code.len() < wasm.len());
    assert_eq!(decompress(&code, 128 * 1024).expect("decompresses"), wasm);
    assert!(
        decompress(&code, 9_999).is_err(),
        "output over the limit is refused"
    );
    assert!(
        decompress(&code[1..], 128 * 1024).is_err(),
        "prefix is required"
    );
}

#[test]
fn classic_contract_fits_at_24576_bytes() {
    let report = size_verdict(50_000, 24_576, &Rules::default());
    assert!(report.classic_fits);
    assert_eq!(report.fragments_needed, None);
    assert_eq!(report.verdict, Verdict::Ok);
}

#[test]
fn one_byte_past_24576_needs_a_root_contract() {
    // 24,577 bytes of code = 4 prefix + 24,573 stream bytes = one fragment of 3 + 24,573.
    let at_50 = size_verdict(50_000, 24_577, &Rules::for_arbos(50));
    assert!(!at_50.classic_fits);
    assert_eq!(at_50.fragments_needed, Some(1));
    assert!(matches!(&at_50.verdict, Verdict::Fail(why) if why.contains("24577")));
    let at_60 = size_verdict(50_000, 24_577, &Rules::for_arbos(60));
    assert_eq!(at_60.verdict, Verdict::OkAsRootContract { fragments: 1 });
}

#[test]
fn two_fragments_is_the_most_a_root_contract_joins() {
    let rules = Rules::for_arbos(60);
    let two = CLASSIC_PREFIX_LEN + 2 * (24_576 - 3);
    assert_eq!(
        size_verdict(100_000, two, &rules).verdict,
        Verdict::OkAsRootContract { fragments: 2 }
    );
    let three = size_verdict(100_000, two + 1, &rules);
    assert_eq!(three.fragments_needed, Some(3));
    assert!(matches!(three.verdict, Verdict::Fail(_)));
}

#[test]
fn decompressed_size_is_limited_to_128_kib() {
    assert_eq!(
        size_verdict(131_072, 1_000, &Rules::default()).verdict,
        Verdict::Ok
    );
    let over = size_verdict(131_073, 1_000, &Rules::default());
    assert!(!over.decompressed_fits);
    assert!(matches!(over.verdict, Verdict::Fail(_)));
}

/// A passing module carrying `len` bytes of incompressible data.
fn module_with_random_data(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut escaped = String::with_capacity(len * 3);
    for _ in 0..len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let _ = write!(escaped, "\\{:02x}", state & 0xff);
    }
    wat::parse_str(format!(
        r#"(module
            (memory (export "memory") 2 2)
            (func (export "user_entrypoint") (param i32) (result i32) i32.const 0)
            (data (i32.const 0) "{escaped}"))"#
    ))
    .expect("valid WAT")
}

#[test]
fn incompressible_module_over_the_limit_fails_with_its_numbers() {
    let processed = process(&module_with_random_data(40_000), &Rules::default()).expect("parses");
    assert!(processed.check.is_ok(), "rules pass: {:?}", processed.check);
    assert!(processed.size.compressed > 40_000);
    assert!(!processed.passed());
    let Verdict::Fail(why) = &processed.size.verdict else {
        panic!("expected FAIL, got {}", processed.size.verdict);
    };
    assert!(
        why.contains(&processed.size.compressed.to_string()),
        "{why}"
    );
    // At ArbOS 60 the same module deploys as a root contract with two fragments.
    let at_60 = process(&module_with_random_data(40_000), &Rules::for_arbos(60)).expect("parses");
    assert_eq!(
        at_60.size.verdict,
        Verdict::OkAsRootContract { fragments: 2 }
    );
}

#[test]
fn process_names_functions_from_the_module_before_stripping() {
    let wasm = wat::parse_str(
        r#"(module
            (memory (export "memory") 1 1)
            (func $entry (export "user_entrypoint") (param i32) (result i32) i32.const 0)
            (func $uses_floats (result f32) f32.const 1))"#,
    )
    .expect("valid WAT");
    let processed = process(&wasm, &Rules::default()).expect("parses");
    let violations = processed.check.expect_err("float rejected");
    let float = violations
        .iter()
        .find(|v| v.rule == Rule::FloatOp)
        .expect("float-op");
    assert_eq!(
        float.function.as_ref().and_then(|f| f.name.as_deref()),
        Some("uses_floats")
    );
    assert!(!processed.wasm.windows(11).any(|w| w == b"uses_floats"));
}
