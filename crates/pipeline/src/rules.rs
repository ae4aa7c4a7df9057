//! The activation rules, their parameters, and the violation type.
//!
//! Every limit here was read from Nitro's source (2026-04 snapshot): `crates/prover/src/binary.rs`
//! (`parse_with_version`, `WasmBinary::parse_user`), the `crates/prover/src/programs/` modules
//! `config`, `depth`, `heap`, `meter`, `dynamic` and `start`, `crates/arbutil/src/evm/mod.rs`
//! (`ArbOS` version gates) and `arbos/programs/{params,programs}.go` (sizes and fragments).

use std::fmt;

/// `ArbOS` version from which Nitro rejects multi-value (`ARBOS_VERSION_STYLUS_NO_MULTI_VALUE`).
pub const ARBOS_NO_MULTI_VALUE: u64 = 60;
/// `ArbOS` version from which Nitro enforces the 513-import limit
/// (`ARBOS_VERSION_STYLUS_CHARGING_FIXES`).
pub const ARBOS_CHARGING_FIXES: u64 = 32;
/// `ArbOS` version from which root contracts joining fragments can be activated
/// (`ArbosVersion_StylusContractLimit`, per DESIGN.md §3).
pub const ARBOS_CONTRACT_LIMIT: u64 = 60;

/// Parameters of the activation rules that depend on the chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rules {
    /// `ArbOS` version the module will be activated under. Gates multi-value (rejected from 60),
    /// the import limit (from 32) and root contracts with fragments (from 60).
    pub arbos_version: u64,
    /// Most pages the initial memory may have (`PageLimit` = 128 and `heap_bound` = 128 pages).
    pub page_limit: u64,
    /// Largest decompressed module (`MaxWasmSize` = 128 KiB).
    pub max_wasm_size: usize,
    /// Largest contract code, prefix included (EIP-170 `MaxCodeSize` = 24,576).
    pub max_code_size: usize,
    /// Most fragments a root contract may join (`MaxFragmentCount` = 2).
    pub max_fragments: usize,
}

impl Default for Rules {
    fn default() -> Self {
        Self {
            arbos_version: 50,
            page_limit: 128,
            max_wasm_size: 128 * 1024,
            max_code_size: 24_576,
            max_fragments: 2,
        }
    }
}

impl Rules {
    /// The default rules for another `ArbOS` version.
    #[must_use]
    pub fn for_arbos(arbos_version: u64) -> Self {
        Self {
            arbos_version,
            ..Self::default()
        }
    }
}

/// Most functions defined by the module (Nitro `limit!(4096, bin.codes.len())`).
pub const MAX_FUNCTIONS: usize = 4096;
/// Most exports (Nitro `limit!(1024, bin.exports.len())`).
pub const MAX_EXPORTS: usize = 1024;
/// Most data segments (Nitro `limit!(128, bin.datas.len())`).
pub const MAX_DATA_SEGMENTS: usize = 128;
/// Most element segments (Nitro `limit!(128, bin.elements.len())`).
pub const MAX_ELEMENT_SEGMENTS: usize = 128;
/// Most globals, counting the 4 Nitro adds when instrumenting (Nitro `limit!(32768, ...)`).
pub const MAX_GLOBALS: usize = 32_768;
/// Globals Nitro's instrumentation adds (ink left, ink status, scratch, stack left).
pub const INSTRUMENTATION_GLOBALS: usize = 4;
/// Most imports from `ArbOS` 32 on (Nitro `limit!(513, bin.imports.len())`).
pub const MAX_IMPORTS: usize = 513;
/// Most declared locals per function, parameters excluded (Nitro `limit!(348, code.locals.len())`).
pub const MAX_LOCALS: u64 = 348;
/// Most operators per function after instrumentation (Nitro `limit!(65536, code.expr.len())`).
pub const MAX_OPS: u64 = 65_536;
/// Largest worst-case frame in words (`max_frame_size` = 10 × 1024 for Stylus versions 1–2).
pub const MAX_FRAME_WORDS: u64 = 10 * 1024;
/// Most values alive on the operand stack at once (`max_frame_contention` = 4096).
pub const MAX_FRAME_CONTENTION: u64 = 4096;
/// Largest sum of the tables' initial sizes (Nitro `limit!(4096, table_entries)`).
pub const MAX_TABLE_ENTRIES: u64 = 4096;
/// Largest sum of element segment byte lengths (Nitro `limit!(4096, elem_entries)`, which sums
/// each segment's byte range, not its item count).
pub const MAX_ELEMENT_BYTES: usize = 4096;
/// Longest module name and export name (Nitro `max_len = 512`).
pub const MAX_NAME_LEN: usize = 512;

/// An activation rule. [`Rule::id`] gives the stable name used in reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Rule {
    /// The bytes are not a valid module under Nitro's feature set, or could not be parsed.
    Malformed,
    /// A section Nitro does not accept (unknown section id, tags, components).
    UnsupportedSection,
    /// reference-types or typed function references: ref types, `ref.*`, typed `select`,
    /// several tables, a non-zero table in `call_indirect`.
    ReferenceTypes,
    /// SIMD or relaxed SIMD: `v128` values or any vector operator.
    Simd,
    /// threads: atomic operators or a shared memory.
    Threads,
    /// tail calls: `return_call*`.
    TailCall,
    /// More than one memory.
    MultiMemory,
    /// exception handling: `try`, `throw`, tags.
    Exceptions,
    /// 64-bit memories.
    Memory64,
    /// extended-const: a global initializer that is not a single constant.
    ExtendedConst,
    /// garbage collection types or operators.
    Gc,
    /// Multi-value results or block parameters, rejected from `ArbOS` 60.
    MultiValue,
    /// Any other operator outside Nitro's supported set.
    UnsupportedOp,
    /// An import from a module other than `vm_hooks`.
    ImportModule,
    /// A non-function import (memory, table, global, tag).
    ImportKind,
    /// An import of a host function `vm_hooks` does not provide.
    UnknownHostio,
    /// A `vm_hooks` import with a signature other than the host's.
    HostioSignature,
    /// The same import declared twice with different types.
    InconsistentImport,
    /// An import or export named with the reserved `stylus` prefix.
    ReservedName,
    /// An export that has the name of an import.
    ExportShadowsImport,
    /// No memory, or it is not exported as `memory`.
    MissingMemoryExport,
    /// No `user_entrypoint` export.
    MissingEntrypoint,
    /// `user_entrypoint` is not a function of type `(i32) -> i32`.
    EntrypointType,
    /// A start function.
    StartFunction,
    /// A float operator (every one costs infinite ink).
    FloatOp,
    /// A float value type in a signature, local, global or block.
    FloatType,
    /// `memory.init` or `data.drop`.
    BulkMemoryOp,
    /// A table operator: `table.get/set/size/grow/fill/copy/init`, `elem.drop`.
    TableOp,
    /// A growable memory without the `vm_hooks.pay_for_memory_grow` import.
    MemoryGrowPayment,
    /// Initial memory above the page limit.
    InitialMemory,
    /// Too many functions.
    Functions,
    /// Too many exports.
    Exports,
    /// Too many data segments.
    DataSegments,
    /// Too many element segments.
    ElementSegments,
    /// Too many globals.
    Globals,
    /// Too many imports.
    Imports,
    /// Too many declared locals in a function.
    Locals,
    /// Too many operators in a function after instrumentation.
    OpsPerFunction,
    /// Worst-case frame too large.
    FrameSize,
    /// Too many values on the operand stack at once.
    FrameContention,
    /// Tables too large.
    TableEntries,
    /// Element segments too large.
    ElementEntries,
    /// Module name or an export name too long.
    NameLength,
}

impl Rule {
    /// The stable, kebab-case name of the rule, as written in reports.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::Malformed => "malformed",
            Self::UnsupportedSection => "unsupported-section",
            Self::ReferenceTypes => "feature-reference-types",
            Self::Simd => "feature-simd",
            Self::Threads => "feature-threads",
            Self::TailCall => "feature-tail-call",
            Self::MultiMemory => "feature-multi-memory",
            Self::Exceptions => "feature-exceptions",
            Self::Memory64 => "feature-memory64",
            Self::ExtendedConst => "feature-extended-const",
            Self::Gc => "feature-gc",
            Self::MultiValue => "feature-multi-value",
            Self::UnsupportedOp => "unsupported-op",
            Self::ImportModule => "import-module",
            Self::ImportKind => "import-kind",
            Self::UnknownHostio => "import-unknown-hostio",
            Self::HostioSignature => "import-hostio-signature",
            Self::InconsistentImport => "import-inconsistent",
            Self::ReservedName => "reserved-name",
            Self::ExportShadowsImport => "export-shadows-import",
            Self::MissingMemoryExport => "missing-memory-export",
            Self::MissingEntrypoint => "missing-user-entrypoint",
            Self::EntrypointType => "user-entrypoint-type",
            Self::StartFunction => "start-function",
            Self::FloatOp => "float-op",
            Self::FloatType => "float-type",
            Self::BulkMemoryOp => "bulk-memory-op",
            Self::TableOp => "table-op",
            Self::MemoryGrowPayment => "memory-grow-without-pay-for-memory-grow",
            Self::InitialMemory => "initial-memory",
            Self::Functions => "limit-functions",
            Self::Exports => "limit-exports",
            Self::DataSegments => "limit-data-segments",
            Self::ElementSegments => "limit-element-segments",
            Self::Globals => "limit-globals",
            Self::Imports => "limit-imports",
            Self::Locals => "limit-locals",
            Self::OpsPerFunction => "limit-ops-per-function",
            Self::FrameSize => "limit-frame-size",
            Self::FrameContention => "limit-frame-contention",
            Self::TableEntries => "limit-table-entries",
            Self::ElementEntries => "limit-element-entries",
            Self::NameLength => "limit-name-length",
        }
    }
}

impl Rule {
    /// Does Nitro's activation reject a module breaking this rule? False only for the
    /// pipeline's own float rules: Nitro activates float code, but prices every float operator
    /// at infinite ink, so a basic block holding one always runs out.
    #[must_use]
    pub fn nitro_rejects(self) -> bool {
        !matches!(self, Self::FloatOp | Self::FloatType)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A function named in a violation: its index in the function index space (imports first) and
/// its name when the name section or an export gives one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionRef {
    /// Index in the module's function index space.
    pub index: u32,
    /// Name from the name section, else from an export.
    pub name: Option<String>,
}

impl fmt::Display for FunctionRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.name {
            Some(name) => write!(f, "function {} `{name}`", self.index),
            None => write!(f, "function {}", self.index),
        }
    }
}

/// One broken activation rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The rule broken.
    pub rule: Rule,
    /// The offending function, when the rule is about one.
    pub function: Option<FunctionRef>,
    /// What was found, with the numbers involved.
    pub detail: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.function {
            Some(func) => write!(f, "[{}] in {func}: {}", self.rule, self.detail),
            None => write!(f, "[{}] {}", self.rule, self.detail),
        }
    }
}
