//! Offline build-and-check pipeline for Stylus contracts.
//!
//! A host-side crate, never linked into a contract. For each contract module it runs:
//!
//! 1. [`reencode`]: parse and write the module back canonically, which fixes the over-long
//!    `call_indirect` table index rustc 1.82+ emits (Nitro: "zero byte expected") and strips
//!    every custom section.
//! 2. [`validate`] / [`validate_named`]: check every activation rule Nitro applies, offline,
//!    naming the rule and the offending function. A module that cannot be parsed or fully
//!    checked never passes.
//! 3. [`compress`]: brotli (quality 11, window 22) behind the `EF F0 00 00` classic prefix.
//! 4. [`size_verdict`]: does it fit one contract, or a root contract joining fragments?
//!
//! [`process`] runs all four. The `integra-pipeline` binary builds every contract crate under
//! `contracts/` and writes the results to `<target dir>/stylus/`.
//!
//! # Rules checked
//! Each mirrors Nitro code (2026-04 sources); the [`Rule`] id is what reports print.
//! - `malformed`: not a valid module, or rejected by Nitro's validator configuration
//!   (`binary.rs` `parse_with_version`) for a reason no finer rule names.
//! - `unsupported-section`: unknown section ids and component encodings.
//! - Features off in `parse_with_version`: `feature-reference-types` (also a second table, a
//!   non-zero `call_indirect` table), `feature-simd`, `feature-threads` (also shared memory or
//!   globals), `feature-tail-call`, `feature-multi-memory`, `feature-exceptions` (also tags),
//!   `feature-memory64`, `feature-extended-const` (a global not initialised by one constant:
//!   `op_as_const`), `feature-gc`, `feature-multi-value` (a type with several results or a
//!   type-indexed block; rejected from `ArbOS` 60, `ARBOS_VERSION_STYLUS_NO_MULTI_VALUE`, and
//!   accepted below it), `unsupported-op`.
//! - `float-op`, `float-type`: any float operator or value type. Floats validate but every float
//!   op is priced at infinite ink, so any block holding one always runs out.
//! - `bulk-memory-op` (`memory.init`, `data.drop`) and `table-op` (`table.*`, `elem.drop`):
//!   rejected by Nitro's dynamic meter and depth checker (`dynamic.rs`, `depth.rs`).
//! - Imports (`binary.rs`, `machine.rs` `from_binary`): `import-kind` (functions only),
//!   `import-module` (only `vm_hooks`), `import-unknown-hostio`, `import-hostio-signature`
//!   (the forwarder's `HOSTIOS` table), `import-inconsistent`, `reserved-name` (`stylus*`),
//!   `export-shadows-import`.
//! - Exports: `missing-memory-export` (memory 0 exported as `memory`, `memory_info`),
//!   `missing-user-entrypoint`, `user-entrypoint-type` (`(i32) -> i32`, `check_func`),
//!   `start-function`.
//! - Memory: `initial-memory` (≤ 128 pages), `memory-grow-without-pay-for-memory-grow`: unless
//!   max == min, `vm_hooks.pay_for_memory_grow` must be imported (`heap.rs`).
//! - Limits (`parse_user`): `limit-functions` 4096, `limit-exports` 1024, `limit-data-segments`
//!   128, `limit-element-segments` 128, `limit-globals` 32,768 (with Nitro's 4 added),
//!   `limit-imports` 513 (from `ArbOS` 32), `limit-table-entries` 4096, `limit-element-entries`
//!   4096 bytes, `limit-name-length` 512, and per function `limit-locals` 348 declared locals,
//!   `limit-ops-per-function` 65,536 operators after instrumentation, `limit-frame-size`
//!   10,240 words and `limit-frame-contention` 4096 (`depth.rs`), computed by running Nitro's
//!   instrumentation ([`frame`]) on each body.
//!
//! `float-op` and `float-type` are the pipeline's own: Nitro activates such modules
//! ([`Rule::nitro_rejects`] is false for them). Everything else is a rule Nitro's activation
//! enforces; the stylus-vm executor activates modules with [`validate`] and instruments them with
//! [`frame`], so the checker and the executor share one implementation of each rule.

pub mod frame;
mod hostio;
mod reencode;
mod rules;
mod size;
mod validate;

use std::collections::HashMap;
use std::fmt;

pub use hostio::{HOST_MODULE, PAY_FOR_MEMORY_GROW};
pub use reencode::reencode;
pub use rules::{
    FunctionRef, Rule, Rules, Violation, ARBOS_CHARGING_FIXES, ARBOS_CONTRACT_LIMIT,
    ARBOS_NO_MULTI_VALUE, INSTRUMENTATION_GLOBALS, MAX_DATA_SEGMENTS, MAX_ELEMENT_BYTES,
    MAX_ELEMENT_SEGMENTS, MAX_EXPORTS, MAX_FRAME_CONTENTION, MAX_FRAME_WORDS, MAX_FUNCTIONS,
    MAX_GLOBALS, MAX_IMPORTS, MAX_LOCALS, MAX_NAME_LEN, MAX_OPS, MAX_TABLE_ENTRIES,
};
pub use size::{
    compress, decompress, size_verdict, SizeReport, Verdict, BROTLI_QUALITY, BROTLI_WINDOW,
    CLASSIC_DISCRIMINANT, CLASSIC_PREFIX_LEN, DICTIONARY_NONE, FRAGMENT_DISCRIMINANT,
    ROOT_DISCRIMINANT,
};
pub use validate::{
    function_names, validate, validate_named, ModuleReport, ENTRYPOINT, MEMORY_EXPORT,
};

/// Failures of the pipeline's transformations (rule breaches are [`Violation`]s instead).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The module could not be parsed or written back.
    Reencode(String),
    /// Contract code could not be decompressed.
    Decompress(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Reencode(why) => write!(f, "cannot re-encode the module: {why}"),
            Self::Decompress(why) => write!(f, "cannot decompress the contract code: {why}"),
        }
    }
}

impl std::error::Error for Error {}

/// Everything the pipeline produces for one module.
#[derive(Clone, Debug)]
pub struct Processed {
    /// The re-encoded module, custom sections stripped.
    pub wasm: Vec<u8>,
    /// The deployable classic contract code (`EF F0 00 00` + brotli).
    pub code: Vec<u8>,
    /// The rule check of the re-encoded module.
    pub check: Result<ModuleReport, Vec<Violation>>,
    /// Size numbers and verdict.
    pub size: SizeReport,
}

impl Processed {
    /// Did the module pass every rule and the size verdict?
    #[must_use]
    pub fn passed(&self) -> bool {
        self.check.is_ok() && !matches!(self.size.verdict, Verdict::Fail(_))
    }
}

/// Runs the whole pipeline on a built module: reads its function names, re-encodes, validates
/// the re-encoded module (naming functions from the original), compresses, judges the size.
///
/// # Errors
/// [`Error::Reencode`] if the module cannot be parsed at all; rule breaches are reported in
/// [`Processed::check`].
pub fn process(built: &[u8], rules: &Rules) -> Result<Processed, Error> {
    let names: HashMap<u32, String> = function_names(built);
    let wasm = reencode(built)?;
    let check = validate_named(&wasm, &names, rules);
    let code = compress(&wasm);
    let size = size_verdict(wasm.len(), code.len(), rules);
    Ok(Processed {
        wasm,
        code,
        check,
        size,
    })
}
