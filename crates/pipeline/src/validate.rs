//! Offline check of a module against Nitro's activation rules.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::BuildHasher;

use wasmparser::{
    BlockType, ExternalKind, FuncType, FunctionBody, KnownCustom, MemoryType, Name, Operator,
    Parser, Payload, TypeRef, ValType, Validator, WasmFeatures,
};

use crate::frame::{self, TypeInfo};
use crate::hostio::{self, HOST_MODULE, PAY_FOR_MEMORY_GROW};
use crate::rules::{
    FunctionRef, Rule, Rules, Violation, ARBOS_CHARGING_FIXES, ARBOS_NO_MULTI_VALUE,
    INSTRUMENTATION_GLOBALS, MAX_DATA_SEGMENTS, MAX_ELEMENT_BYTES, MAX_ELEMENT_SEGMENTS,
    MAX_EXPORTS, MAX_FRAME_CONTENTION, MAX_FRAME_WORDS, MAX_FUNCTIONS, MAX_GLOBALS, MAX_IMPORTS,
    MAX_LOCALS, MAX_NAME_LEN, MAX_OPS, MAX_TABLE_ENTRIES,
};

/// The export Nitro calls (`STYLUS_ENTRY_POINT`).
pub const ENTRYPOINT: &str = "user_entrypoint";
/// The memory export Nitro requires (`memory_info`).
pub const MEMORY_EXPORT: &str = "memory";

/// What a module that passed every rule looks like, in the numbers the rules bound.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleReport {
    /// Functions the module defines (imports excluded).
    pub functions: usize,
    /// Imported functions.
    pub imports: usize,
    /// Exports.
    pub exports: usize,
    /// Globals the module defines.
    pub globals: usize,
    /// Data segments.
    pub data_segments: usize,
    /// Initial memory in 64 KiB pages (the footprint paid at every uncached call).
    pub initial_pages: u64,
    /// Maximum memory in pages, if declared.
    pub max_pages: Option<u64>,
    /// The largest worst-case frame (words) and its function.
    pub worst_frame: Option<(FunctionRef, u64)>,
    /// The most operators after instrumentation and its function.
    pub most_ops: Option<(FunctionRef, u64)>,
}

/// Checks `wasm` against every activation rule, naming functions from its own name section (or
/// exports).
///
/// # Errors
/// Every broken rule, as [`Violation`]s; a module that cannot be parsed is one
/// [`Rule::Malformed`] violation, never a pass.
pub fn validate(wasm: &[u8], rules: &Rules) -> Result<ModuleReport, Vec<Violation>> {
    validate_named(wasm, &function_names(wasm), rules)
}

/// Function names (by index in the function index space) from the module's `name` section.
/// Best effort: a missing or broken name section gives an empty map. Read them from the built
/// module before [`crate::reencode`] strips the section.
#[must_use]
pub fn function_names(wasm: &[u8]) -> HashMap<u32, String> {
    let mut names = HashMap::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let Ok(payload) = payload else { break };
        let Payload::CustomSection(reader) = payload else {
            continue;
        };
        let KnownCustom::Name(reader) = reader.as_known() else {
            continue;
        };
        for name in reader.into_iter().flatten() {
            if let Name::Function(map) = name {
                for naming in map.into_iter().flatten() {
                    names.insert(naming.index, naming.name.to_owned());
                }
            }
        }
    }
    names
}

/// Like [`validate`], with function names supplied by the caller (e.g. read from the module
/// before re-encoding stripped them).
///
/// # Errors
/// As [`validate`].
pub fn validate_named<S: BuildHasher>(
    wasm: &[u8],
    names: &HashMap<u32, String, S>,
    rules: &Rules,
) -> Result<ModuleReport, Vec<Violation>> {
    // Structural validity first, with every feature on: the rules below assume a well-formed
    // module (stack discipline, index bounds), and only this tells a broken file from a
    // forbidden feature.
    if let Err(e) = Validator::new_with_features(WasmFeatures::all()).validate_all(wasm) {
        return Err(vec![Violation {
            rule: Rule::Malformed,
            function: None,
            detail: format!("not a valid module: {e}"),
        }]);
    }
    let module = match Module::parse(wasm) {
        Ok(module) => module,
        Err(e) => {
            return Err(vec![Violation {
                rule: Rule::Malformed,
                function: None,
                detail: format!("could not parse: {e}"),
            }])
        }
    };
    let mut checker = Checker {
        rules,
        module: &module,
        names,
        violations: Vec::new(),
    };
    let report = checker.run(wasm);
    if checker.violations.is_empty() {
        Ok(report)
    } else {
        Err(checker.violations)
    }
}

/// Nitro's validator configuration (`parse_with_version`).
fn nitro_features(arbos_version: u64) -> WasmFeatures {
    let mut features = WasmFeatures::empty();
    features.set(WasmFeatures::MUTABLE_GLOBAL, true);
    features.set(WasmFeatures::SATURATING_FLOAT_TO_INT, true);
    features.set(WasmFeatures::SIGN_EXTENSION, true);
    features.set(
        WasmFeatures::MULTI_VALUE,
        arbos_version < ARBOS_NO_MULTI_VALUE,
    );
    features.set(WasmFeatures::BULK_MEMORY, true);
    features.set(WasmFeatures::FLOATS, true);
    features.set(WasmFeatures::GC_TYPES, true);
    features
}

/// The parts of a module the rules look at.
#[derive(Default)]
struct Module<'a> {
    /// The type section; `None` where an entry is not a plain function type.
    types: Vec<Option<FuncType>>,
    /// `(module, name, type)` of every import.
    imports: Vec<(&'a str, &'a str, TypeRef)>,
    /// Type index of every function, imports first.
    func_types: Vec<u32>,
    func_imports: u32,
    table_entries: u64,
    table_count: usize,
    memories: Vec<MemoryType>,
    /// `(value type, shared, initializer operators)` per global.
    globals: Vec<(ValType, bool, Vec<Operator<'a>>)>,
    exports: Vec<(&'a str, ExternalKind, u32)>,
    start: Option<u32>,
    element_segments: usize,
    element_bytes: usize,
    data_segments: usize,
    tags: usize,
    bodies: Vec<FunctionBody<'a>>,
    name: Option<String>,
    unsupported_sections: Vec<String>,
}

impl<'a> Module<'a> {
    fn parse(wasm: &'a [u8]) -> wasmparser::Result<Self> {
        let mut m = Module::default();
        let mut parser = Parser::new(0);
        parser.set_features(WasmFeatures::all());
        for payload in parser.parse_all(wasm) {
            match payload? {
                Payload::TypeSection(reader) => {
                    for group in reader {
                        for sub in group?.into_types() {
                            m.types.push(match sub.composite_type.inner {
                                wasmparser::CompositeInnerType::Func(ty)
                                    if sub.is_final && sub.supertype_idx.is_none() =>
                                {
                                    Some(ty)
                                }
                                _ => None,
                            });
                        }
                    }
                }
                Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        let import = import?;
                        if let TypeRef::Func(ty) | TypeRef::FuncExact(ty) = import.ty {
                            m.func_types.push(ty);
                            m.func_imports += 1;
                        }
                        m.imports.push((import.module, import.name, import.ty));
                    }
                }
                Payload::FunctionSection(reader) => {
                    for ty in reader {
                        m.func_types.push(ty?);
                    }
                }
                Payload::TableSection(reader) => {
                    for table in reader {
                        m.table_entries = m.table_entries.saturating_add(table?.ty.initial);
                        m.table_count += 1;
                    }
                }
                Payload::MemorySection(reader) => {
                    for memory in reader {
                        m.memories.push(memory?);
                    }
                }
                Payload::TagSection(reader) => m.tags += reader.count() as usize,
                Payload::GlobalSection(reader) => {
                    for global in reader {
                        let global = global?;
                        let init = global
                            .init_expr
                            .get_operators_reader()
                            .into_iter()
                            .collect::<wasmparser::Result<Vec<_>>>()?;
                        m.globals
                            .push((global.ty.content_type, global.ty.shared, init));
                    }
                }
                Payload::ExportSection(reader) => {
                    for export in reader {
                        let export = export?;
                        m.exports.push((export.name, export.kind, export.index));
                    }
                }
                Payload::StartSection { func, .. } => m.start = Some(func),
                Payload::ElementSection(reader) => {
                    for element in reader {
                        m.element_bytes += element?.range.len();
                        m.element_segments += 1;
                    }
                }
                Payload::DataSection(reader) => m.data_segments += reader.count() as usize,
                Payload::CodeSectionEntry(body) => m.bodies.push(body),
                Payload::CustomSection(reader) => {
                    if let KnownCustom::Name(names) = reader.as_known() {
                        for name in names.into_iter().flatten() {
                            if let Name::Module { name, .. } = name {
                                m.name = Some(name.to_owned());
                            }
                        }
                    }
                }
                Payload::UnknownSection { id, .. } => {
                    m.unsupported_sections
                        .push(format!("unknown section id {id}"));
                }
                Payload::Version { encoding, .. } if encoding != wasmparser::Encoding::Module => {
                    m.unsupported_sections.push("a component".to_owned());
                }
                _ => {}
            }
        }
        Ok(m)
    }

    fn func_type(&self, func_index: u32) -> Option<&FuncType> {
        let ty = *self.func_types.get(usize::try_from(func_index).ok()?)?;
        self.types.get(usize::try_from(ty).ok()?)?.as_ref()
    }

    fn export(&self, name: &str) -> Option<(ExternalKind, u32)> {
        self.exports
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, kind, index)| (*kind, *index))
    }

    /// Can the memory grow? Nitro's heap bound treats it as fixed only when max == min.
    fn memory_growable(&self) -> bool {
        self.memories
            .first()
            .is_some_and(|m| m.maximum != Some(m.initial))
    }
}

/// The rule a value type breaks, if any.
fn value_type_rule(ty: ValType) -> Option<Rule> {
    match ty {
        ValType::I32 | ValType::I64 => None,
        ValType::F32 | ValType::F64 => Some(Rule::FloatType),
        ValType::V128 => Some(Rule::Simd),
        ValType::Ref(_) => Some(Rule::ReferenceTypes),
    }
}

/// Which proposal an operator comes from, and its name. SIMD operators are the only ones
/// `for_each_operator!` leaves out, so the fallback arm is SIMD.
fn classify(op: &Operator<'_>) -> (&'static str, &'static str) {
    macro_rules! define_classify {
        ($( @$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*))*) => {
            match op {
                $( Operator::$op { .. } => (stringify!($proposal), stringify!($op)), )*
                _ => ("simd", "v128 operator"),
            }
        };
    }
    wasmparser::for_each_operator!(define_classify)
}

/// The rule an operator breaks, if any.
fn operator_rule(op: &Operator<'_>, arbos_version: u64) -> Option<Rule> {
    let (proposal, name) = classify(op);
    match proposal {
        "mvp" | "sign_extension" | "saturating_float_to_int" => {
            if name.contains("F32") || name.contains("F64") {
                return Some(Rule::FloatOp);
            }
            match op {
                Operator::CallIndirect { table_index, .. } if *table_index != 0 => {
                    Some(Rule::ReferenceTypes)
                }
                Operator::Block { blockty }
                | Operator::Loop { blockty }
                | Operator::If { blockty } => block_type_rule(*blockty, arbos_version),
                _ => None,
            }
        }
        "bulk_memory" => match op {
            Operator::MemoryInit { .. } | Operator::DataDrop { .. } => Some(Rule::BulkMemoryOp),
            Operator::MemoryCopy { .. } | Operator::MemoryFill { .. } => None,
            _ => Some(Rule::TableOp),
        },
        "reference_types" => match op {
            Operator::TableGet { .. }
            | Operator::TableSet { .. }
            | Operator::TableSize { .. }
            | Operator::TableGrow { .. }
            | Operator::TableFill { .. } => Some(Rule::TableOp),
            _ => Some(Rule::ReferenceTypes),
        },
        "function_references" => Some(Rule::ReferenceTypes),
        "threads" | "shared_everything_threads" => Some(Rule::Threads),
        "tail_call" => Some(Rule::TailCall),
        "exceptions" | "legacy_exceptions" => Some(Rule::Exceptions),
        "gc" => Some(Rule::Gc),
        "simd" | "relaxed_simd" => Some(Rule::Simd),
        _ => Some(Rule::UnsupportedOp),
    }
}

fn block_type_rule(blockty: BlockType, arbos_version: u64) -> Option<Rule> {
    match blockty {
        BlockType::Empty => None,
        BlockType::Type(ty) => value_type_rule(ty),
        // A type-indexed block (parameters or several results) is multi-value.
        BlockType::FuncType(_) => {
            (arbos_version >= ARBOS_NO_MULTI_VALUE).then_some(Rule::MultiValue)
        }
    }
}

/// Rules whose breach Nitro's validator would also report; when the validator fails and none of
/// these was found, its own message is reported.
fn is_feature_rule(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::ReferenceTypes
            | Rule::Simd
            | Rule::Threads
            | Rule::TailCall
            | Rule::MultiMemory
            | Rule::Exceptions
            | Rule::Memory64
            | Rule::ExtendedConst
            | Rule::Gc
            | Rule::MultiValue
            | Rule::UnsupportedOp
            | Rule::TableOp
            | Rule::UnsupportedSection
    )
}

struct Checker<'r, 'm, 'a, S> {
    rules: &'r Rules,
    module: &'m Module<'a>,
    names: &'r HashMap<u32, String, S>,
    violations: Vec<Violation>,
}

/// The largest value seen and the function index it was seen in.
type Peak = Option<(u32, u64)>;

impl<S: BuildHasher> Checker<'_, '_, '_, S> {
    fn flag(&mut self, rule: Rule, function: Option<u32>, detail: String) {
        let function = function.map(|index| self.function_ref(index));
        self.violations.push(Violation {
            rule,
            function,
            detail,
        });
    }

    fn function_ref(&self, index: u32) -> FunctionRef {
        let name = self.names.get(&index).cloned().or_else(|| {
            self.module
                .exports
                .iter()
                .find(|(_, kind, i)| *kind == ExternalKind::Func && *i == index)
                .map(|(name, _, _)| (*name).to_owned())
        });
        FunctionRef { index, name }
    }

    fn run(&mut self, wasm: &[u8]) -> ModuleReport {
        self.check_sections();
        self.check_types();
        self.check_imports();
        self.check_exports();
        self.check_memory();
        self.check_globals();
        self.check_limits();
        let (worst_frame, most_ops) = self.check_functions();
        self.check_with_nitro_validator(wasm);
        let m = self.module;
        ModuleReport {
            functions: m.bodies.len(),
            imports: m.imports.len(),
            exports: m.exports.len(),
            globals: m.globals.len(),
            data_segments: m.data_segments,
            initial_pages: m.memories.first().map_or(0, |mem| mem.initial),
            max_pages: m.memories.first().and_then(|mem| mem.maximum),
            worst_frame: worst_frame.map(|(i, w)| (self.function_ref(i), w)),
            most_ops: most_ops.map(|(i, n)| (self.function_ref(i), n)),
        }
    }

    /// Nitro's `parse_with_version` bails on unknown sections and component encodings; a tag
    /// section is the exception-handling proposal.
    fn check_sections(&mut self) {
        for what in &self.module.unsupported_sections.clone() {
            self.flag(Rule::UnsupportedSection, None, format!("module has {what}"));
        }
        if self.module.tags > 0 {
            self.flag(
                Rule::Exceptions,
                None,
                format!("module declares {} exception tags", self.module.tags),
            );
        }
    }

    /// Type section: no GC types, no float/vector/reference types, and (from `ArbOS` 60) at most
    /// one result.
    fn check_types(&mut self) {
        let arbos = self.rules.arbos_version;
        for (index, ty) in self.module.types.iter().enumerate() {
            let Some(ty) = ty else {
                self.flag(
                    Rule::Gc,
                    None,
                    format!("type {index} is not a plain function type"),
                );
                continue;
            };
            if ty.results().len() > 1 && arbos >= ARBOS_NO_MULTI_VALUE {
                self.flag(
                    Rule::MultiValue,
                    None,
                    format!(
                        "type {index} returns {} values (multi-value is rejected from ArbOS {ARBOS_NO_MULTI_VALUE}; target is {arbos})",
                        ty.results().len()
                    ),
                );
            }
            let mut seen = HashSet::new();
            for vt in ty.params().iter().chain(ty.results()) {
                if let Some(rule) = value_type_rule(*vt) {
                    if seen.insert(rule) {
                        self.flag(rule, None, format!("type {index} uses {vt}: {ty}"));
                    }
                }
            }
        }
    }

    /// Imports: functions only (`parse_with_version`), from `vm_hooks` with the host's
    /// signature (`Module::from_binary` links against the forwarder), consistent, and not
    /// named with the reserved `stylus` prefix.
    fn check_imports(&mut self) {
        let mut seen: HashMap<(&str, &str), u32> = HashMap::new();
        for &(module, name, ty) in &self.module.imports.clone() {
            let (TypeRef::Func(ty_index) | TypeRef::FuncExact(ty_index)) = ty else {
                self.flag(
                    Rule::ImportKind,
                    None,
                    format!("import {module}.{name} is not a function ({ty:?})"),
                );
                continue;
            };
            if module != HOST_MODULE {
                self.flag(
                    Rule::ImportModule,
                    None,
                    format!("import {module}.{name} from unknown module `{module}` (only `{HOST_MODULE}`)"),
                );
            } else if let Some((params, results)) = hostio::signature(name) {
                let have = self
                    .module
                    .types
                    .get(ty_index as usize)
                    .and_then(Option::as_ref);
                if !have.is_some_and(|t| t.params() == params && t.results() == results) {
                    let have = have.map_or_else(|| "?".to_owned(), ToString::to_string);
                    self.flag(
                        Rule::HostioSignature,
                        None,
                        format!(
                            "wrong signature for {module}.{name}: it has type {have}; the host has {params:?} -> {results:?}"
                        ),
                    );
                }
            } else {
                self.flag(
                    Rule::UnknownHostio,
                    None,
                    format!(
                        "unknown import {module}.{name}: `{HOST_MODULE}` has no such host function"
                    ),
                );
            }
            if let Some(prior) = seen.insert((module, name), ty_index) {
                if prior != ty_index {
                    self.flag(
                        Rule::InconsistentImport,
                        None,
                        format!("{module}.{name} imported with types {prior} and {ty_index}"),
                    );
                }
            }
            if name.starts_with("stylus") {
                self.flag(
                    Rule::ReservedName,
                    None,
                    format!("import `{name}` uses the reserved `stylus` prefix"),
                );
            }
        }
    }

    /// Exports: `user_entrypoint: (i32) -> i32` (`check_func`), no reserved names, none with an
    /// import's name (Nitro compares the part after the last `__`).
    fn check_exports(&mut self) {
        let m = self.module;
        match m.export(ENTRYPOINT) {
            None => self.flag(
                Rule::MissingEntrypoint,
                None,
                format!("missing export {ENTRYPOINT}"),
            ),
            Some((ExternalKind::Func, index)) => {
                let ok = m.func_type(index).is_some_and(|ty| {
                    ty.params() == [ValType::I32] && ty.results() == [ValType::I32]
                });
                if !ok {
                    let ty = m
                        .func_type(index)
                        .map_or_else(|| "?".to_owned(), ToString::to_string);
                    self.flag(
                        Rule::EntrypointType,
                        Some(index),
                        format!("`{ENTRYPOINT}` has type {ty}, must be (i32) -> i32"),
                    );
                }
            }
            Some((kind, _)) => self.flag(
                Rule::EntrypointType,
                None,
                format!("`{ENTRYPOINT}` is a {kind:?} export, must be a function"),
            ),
        }
        let import_names: HashSet<&str> = m.imports.iter().map(|(_, name, _)| *name).collect();
        for (name, _, _) in &m.exports {
            let tail = name.rsplit("__").next().unwrap_or(name);
            if tail.starts_with("stylus") {
                self.flag(
                    Rule::ReservedName,
                    None,
                    format!("export `{name}` uses the reserved `stylus` prefix"),
                );
            }
            if import_names.contains(tail) {
                self.flag(
                    Rule::ExportShadowsImport,
                    None,
                    format!("export `{name}` has the name of an import"),
                );
            }
        }
        if let Some(start) = m.start {
            self.flag(
                Rule::StartFunction,
                Some(start),
                "start functions not allowed".to_owned(),
            );
        }
    }

    /// Memory: exactly one, exported as `memory` at index 0 (`memory_info`), 32-bit, unshared,
    /// initial size within the page limit, and growable only with `pay_for_memory_grow`
    /// imported (`HeapBound::update_module`: a memory is fixed only when max == min).
    fn check_memory(&mut self) {
        let m = self.module;
        let Some(memory) = m.memories.first() else {
            self.flag(
                Rule::MissingMemoryExport,
                None,
                format!(
                    "missing memory with export name \"{MEMORY_EXPORT}\": the module has no memory"
                ),
            );
            return;
        };
        if m.memories.len() > 1 {
            self.flag(
                Rule::MultiMemory,
                None,
                format!(
                    "module has {} memories, at most 1 allowed",
                    m.memories.len()
                ),
            );
        }
        if m.export(MEMORY_EXPORT) != Some((ExternalKind::Memory, 0)) {
            self.flag(
                Rule::MissingMemoryExport,
                None,
                format!("missing memory with export name \"{MEMORY_EXPORT}\": memory 0 is not exported as `{MEMORY_EXPORT}`"),
            );
        }
        if memory.memory64 {
            self.flag(Rule::Memory64, None, "memory is 64-bit".to_owned());
        }
        if memory.shared {
            self.flag(Rule::Threads, None, "memory is shared".to_owned());
        }
        if memory.initial > self.rules.page_limit {
            self.flag(
                Rule::InitialMemory,
                None,
                format!(
                    "memory exceeds limit: initial memory {} pages > {} page limit",
                    memory.initial, self.rules.page_limit
                ),
            );
        }
        if m.memory_growable() {
            let has_pay = m.imports.iter().any(|(module, name, ty)| {
                *module == HOST_MODULE
                    && *name == PAY_FOR_MEMORY_GROW
                    && matches!(ty, TypeRef::Func(_) | TypeRef::FuncExact(_))
            });
            if !has_pay {
                let max = memory
                    .maximum
                    .map_or_else(|| "none".to_owned(), |max| max.to_string());
                self.flag(
                    Rule::MemoryGrowPayment,
                    None,
                    format!(
                        "memory can grow (initial {}, max {max}) but `{HOST_MODULE}.{PAY_FOR_MEMORY_GROW}` is not imported",
                        memory.initial
                    ),
                );
            }
        }
    }

    /// Globals: integer types, unshared, initialised by a single constant (`op_as_const`).
    fn check_globals(&mut self) {
        for (index, (ty, shared, init)) in self.module.globals.clone().iter().enumerate() {
            if let Some(rule) = value_type_rule(*ty) {
                self.flag(rule, None, format!("global {index} has type {ty}"));
            }
            if *shared {
                self.flag(Rule::Threads, None, format!("global {index} is shared"));
            }
            let single_const = matches!(
                init.as_slice(),
                [
                    Operator::I32Const { .. }
                        | Operator::I64Const { .. }
                        | Operator::F32Const { .. }
                        | Operator::F64Const { .. },
                    Operator::End
                ]
            );
            if !single_const {
                self.flag(
                    Rule::ExtendedConst,
                    None,
                    format!("global {index} is not initialised by a single constant"),
                );
            }
        }
    }

    /// Module-wide counts (`parse_user`'s `limit!` list).
    fn check_limits(&mut self) {
        let m = self.module;
        let globals = m.globals.len() + INSTRUMENTATION_GLOBALS;
        let mut limits: Vec<(Rule, u64, u64, String)> = vec![
            (
                Rule::Functions,
                m.bodies.len() as u64,
                MAX_FUNCTIONS as u64,
                "functions".to_owned(),
            ),
            (
                Rule::Exports,
                m.exports.len() as u64,
                MAX_EXPORTS as u64,
                "exports".to_owned(),
            ),
            (
                Rule::DataSegments,
                m.data_segments as u64,
                MAX_DATA_SEGMENTS as u64,
                "data segments".to_owned(),
            ),
            (
                Rule::ElementSegments,
                m.element_segments as u64,
                MAX_ELEMENT_SEGMENTS as u64,
                "element segments".to_owned(),
            ),
            (
                Rule::Globals,
                globals as u64,
                MAX_GLOBALS as u64,
                format!(
                    "globals ({} + {INSTRUMENTATION_GLOBALS} added by Nitro)",
                    m.globals.len()
                ),
            ),
            (
                Rule::TableEntries,
                m.table_entries,
                MAX_TABLE_ENTRIES,
                "table entries".to_owned(),
            ),
            (
                Rule::ElementEntries,
                m.element_bytes as u64,
                MAX_ELEMENT_BYTES as u64,
                "bytes of element segments".to_owned(),
            ),
        ];
        if self.rules.arbos_version >= ARBOS_CHARGING_FIXES {
            limits.push((
                Rule::Imports,
                m.imports.len() as u64,
                MAX_IMPORTS as u64,
                "imports".to_owned(),
            ));
        }
        if m.table_count > 1 {
            self.flag(
                Rule::ReferenceTypes,
                None,
                format!(
                    "module has {} tables, at most 1 without reference-types",
                    m.table_count
                ),
            );
        }
        for (rule, have, max, what) in limits {
            if have > max {
                self.flag(rule, None, format!("{have} {what} > {max}"));
            }
        }
        if let Some((name, _, _)) = m
            .exports
            .iter()
            .find(|(name, _, _)| name.len() > MAX_NAME_LEN)
        {
            self.flag(
                Rule::NameLength,
                None,
                format!(
                    "wasm name too long: export name is {} bytes > {MAX_NAME_LEN}",
                    name.len()
                ),
            );
        }
        if let Some(name) = &m.name {
            if name.len() > MAX_NAME_LEN {
                self.flag(
                    Rule::NameLength,
                    None,
                    format!(
                        "wasm module name too long: {} bytes > {MAX_NAME_LEN}",
                        name.len()
                    ),
                );
            }
        }
    }

    /// Per function: operators, locals, and the instrumented size and frame. Returns the largest
    /// frame and operator count seen, by function index.
    fn check_functions(&mut self) -> (Peak, Peak) {
        let m = self.module;
        let growable = m.memory_growable();
        let types: Vec<FuncType> = m
            .types
            .iter()
            .map(|t| t.clone().unwrap_or_else(|| FuncType::new([], [])))
            .collect();
        let info = TypeInfo {
            types: &types,
            func_types: &m.func_types,
        };
        let mut worst_frame: Peak = None;
        let mut most_ops: Peak = None;
        for (local_index, body) in m.bodies.iter().enumerate() {
            let Some(index) = u32::try_from(local_index)
                .ok()
                .and_then(|i| i.checked_add(m.func_imports))
            else {
                continue;
            };
            let Some(model) = self.check_body(index, body, &info, growable) else {
                continue;
            };
            if worst_frame.is_none_or(|(_, w)| model.frame_words > w) {
                worst_frame = Some((index, model.frame_words));
            }
            if most_ops.is_none_or(|(_, n)| model.instrumented_ops > n) {
                most_ops = Some((index, model.instrumented_ops));
            }
        }
        (worst_frame, most_ops)
    }

    /// Checks one body; returns the instrumentation model when the body could be modelled.
    fn check_body(
        &mut self,
        index: u32,
        body: &FunctionBody<'_>,
        info: &TypeInfo<'_>,
        growable: bool,
    ) -> Option<frame::FrameModel> {
        let arbos = self.rules.arbos_version;
        let mut found: BTreeMap<Rule, (u64, String)> = BTreeMap::new();
        let mut note = |rule: Rule, what: String| {
            let entry = found.entry(rule).or_insert((0, what));
            entry.0 += 1;
        };
        let locals = body.get_locals_reader().and_then(|reader| {
            reader
                .into_iter()
                .collect::<wasmparser::Result<Vec<(u32, ValType)>>>()
        });
        let ops = body.get_operators_reader().and_then(|reader| {
            reader
                .into_iter()
                .collect::<wasmparser::Result<Vec<Operator<'_>>>>()
        });
        let (Ok(locals), Ok(ops)) = (locals, ops) else {
            self.flag(
                Rule::Malformed,
                Some(index),
                "body could not be read".to_owned(),
            );
            return None;
        };
        let mut declared_locals: u64 = 0;
        for (count, ty) in locals {
            declared_locals += u64::from(count);
            if let Some(rule) = value_type_rule(ty) {
                note(rule, format!("a local of type {ty}"));
            }
        }
        for op in &ops {
            if let Some(rule) = operator_rule(op, arbos) {
                let name = classify(op).1;
                note(
                    rule,
                    if matches!(rule, Rule::BulkMemoryOp | Rule::TableOp) {
                        format!("{name} (opcode not supported by Nitro's meters)")
                    } else {
                        name.to_owned()
                    },
                );
            }
        }
        for (rule, (count, first)) in found {
            self.flag(
                rule,
                Some(index),
                format!("{count} occurrence(s), first: {first}"),
            );
        }
        if declared_locals > MAX_LOCALS {
            self.flag(
                Rule::Locals,
                Some(index),
                format!("too many wasm locals: {declared_locals} declared > {MAX_LOCALS}"),
            );
        }
        // Only bodies made of operators Nitro's depth checker knows can be modelled; any other
        // operator was flagged above.
        let model = frame::model(&ops, declared_locals, growable, info)?;
        if model.contention > MAX_FRAME_CONTENTION {
            self.flag(
                Rule::FrameContention,
                Some(index),
                format!(
                    "too many values on the stack at once: {} > {MAX_FRAME_CONTENTION}",
                    model.contention
                ),
            );
        }
        if model.frame_words > MAX_FRAME_WORDS {
            self.flag(
                Rule::FrameSize,
                Some(index),
                format!(
                    "worst-case frame {} words > {MAX_FRAME_WORDS}",
                    model.frame_words
                ),
            );
        }
        if model.instrumented_ops > MAX_OPS {
            self.flag(
                Rule::OpsPerFunction,
                Some(index),
                format!(
                    "{} operators after Nitro's instrumentation ({} before) > {MAX_OPS}",
                    model.instrumented_ops,
                    ops.len()
                ),
            );
        }
        Some(model)
    }

    /// Nitro validates with a fixed feature set before anything else; a failure not already
    /// explained by a feature rule is reported with the validator's message, attributed to the
    /// function whose body holds the failing offset.
    fn check_with_nitro_validator(&mut self, wasm: &[u8]) {
        let features = nitro_features(self.rules.arbos_version);
        let Err(e) = Validator::new_with_features(features).validate_all(wasm) else {
            return;
        };
        if self.violations.iter().any(|v| is_feature_rule(v.rule)) {
            return;
        }
        let offset = e.offset();
        let function = self
            .module
            .bodies
            .iter()
            .position(|body| body.range().contains(&offset))
            .and_then(|i| u32::try_from(i).ok())
            .and_then(|i| i.checked_add(self.module.func_imports));
        self.flag(
            Rule::Malformed,
            function,
            format!(
                "Nitro's validator (ArbOS {}) rejects it: {e}",
                self.rules.arbos_version
            ),
        );
    }
}
