//! Canonical re-encoding of a module.
//!
//! rustc 1.82+ writes the table index of `call_indirect` as a padded (over-long) LEB128 zero,
//! which the reference-types proposal allows but Nitro's validator, with reference-types off,
//! rejects with "zero byte expected". Parsing the module and writing it back with
//! `wasm-encoder` emits every index in its shortest form. Custom sections (names, producers,
//! target features, debug info) are dropped on the way: they cost deployment bytes and Nitro
//! ignores them.

use wasm_encoder::reencode::{Error as ReencodeError, Reencode};
use wasmparser::{Parser, WasmFeatures};

use crate::Error;

/// A re-encoder that keeps every section except custom ones.
struct StripCustom;

impl Reencode for StripCustom {
    type Error = std::convert::Infallible;

    fn parse_custom_section(
        &mut self,
        _module: &mut wasm_encoder::Module,
        _section: wasmparser::CustomSectionReader<'_>,
    ) -> Result<(), ReencodeError<Self::Error>> {
        Ok(())
    }
}

/// Parses `wasm` and writes it back canonically (shortest LEB128 everywhere, so the
/// `call_indirect` table index is a single `0x00` byte) without any custom section.
///
/// # Errors
/// [`Error::Reencode`] if `wasm` cannot be parsed or holds something `wasm-encoder` cannot
/// write back (e.g. a component).
pub fn reencode(wasm: &[u8]) -> Result<Vec<u8>, Error> {
    let mut parser = Parser::new(0);
    // Parse with every feature on: the over-long index is only legal under reference-types, and
    // rejecting features is `validate`'s job, not this one's.
    parser.set_features(WasmFeatures::all());
    let mut module = wasm_encoder::Module::new();
    StripCustom
        .parse_core_module(&mut module, parser, wasm)
        .map_err(|e| Error::Reencode(e.to_string()))?;
    Ok(module.finish())
}
