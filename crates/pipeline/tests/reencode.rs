//! Re-encoding writes the `call_indirect` table index canonically and strips custom sections.

use integra_pipeline::reencode;
use wasmparser::{Parser, Payload, Validator, WasmFeatures};

/// A module whose `call_indirect` encodes table index 0 as the two bytes `80 00`, as rustc
/// 1.82+ does, followed by a custom section.
const OVERLONG: &[u8] = &[
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
    0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: () -> ()
    0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
    0x04, 0x04, 0x01, 0x70, 0x00, 0x01, // table section: funcref, min 1
    // code section: one body of 8 bytes: no locals; i32.const 0; call_indirect type 0
    // table 0 (over-long `80 00`); end
    0x0a, 0x0a, 0x01, 0x08, 0x00, 0x41, 0x00, 0x11, 0x00, 0x80, 0x00, 0x0b,
    // custom section "note" with two bytes of data
    0x00, 0x07, 0x04, b'n', b'o', b't', b'e', 0x01, 0x02,
];

/// Nitro's validator settings (reference-types off), enough to see the encoding matter.
fn nitro_like() -> Validator {
    let mut features = WasmFeatures::empty();
    features.set(WasmFeatures::MUTABLE_GLOBAL, true);
    features.set(WasmFeatures::SIGN_EXTENSION, true);
    features.set(WasmFeatures::BULK_MEMORY, true);
    features.set(WasmFeatures::FLOATS, true);
    features.set(WasmFeatures::GC_TYPES, true);
    Validator::new_with_features(features)
}

#[test]
fn overlong_table_index_is_rejected_by_nitro_settings_before_reencoding() {
    let Err(err) = nitro_like().validate_all(OVERLONG) else {
        panic!("over-long index accepted");
    };
    assert!(err.message().contains("zero byte expected"), "{err}");
}

#[test]
fn reencoding_writes_the_table_index_as_one_zero_byte() {
    let out = reencode(OVERLONG).expect("re-encodes");
    // i32.const 0; call_indirect type 0 table 0; end
    let canonical = [0x41, 0x00, 0x11, 0x00, 0x00, 0x0b];
    assert!(
        out.windows(canonical.len()).any(|w| w == canonical),
        "{out:02x?}"
    );
    assert!(!out.windows(2).any(|w| w == [0x80, 0x00]), "{out:02x?}");
    nitro_like()
        .validate_all(&out)
        .expect("canonical module passes Nitro's settings");
}

#[test]
fn reencoding_strips_custom_sections() {
    let out = reencode(OVERLONG).expect("re-encodes");
    let customs = Parser::new(0)
        .parse_all(&out)
        .filter(|p| matches!(p, Ok(Payload::CustomSection(_))))
        .count();
    assert_eq!(customs, 0);
    let named = wat::parse_str("(module (func $named))").expect("valid WAT");
    assert!(named.windows(4).any(|w| w == b"name"));
    let out = reencode(&named).expect("re-encodes");
    assert!(
        !out.windows(4).any(|w| w == b"name"),
        "name section stripped"
    );
}

#[test]
fn reencoding_garbage_is_an_error() {
    assert!(reencode(b"\0asm\x01\0\0\0\x0a\x05").is_err());
}
