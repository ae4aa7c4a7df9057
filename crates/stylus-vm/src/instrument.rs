//! Activation: validate a user module with the build pipeline's checker of Nitro's activation
//! rules ([`integra_pipeline::validate`]) and rewrite it with Nitro's instrumentation as the
//! pipeline implements it ([`integra_pipeline::frame`]: ink meter, dynamic (bulk-memory) meter,
//! depth checker, heap bound, in Nitro's order), so the rewritten code is what Nitro's compilers
//! see. What is the executor's own: the prices the meters charge, the module written back with
//! the instrumentation's globals exported, and Nitro's `init_cost` / `cached_cost`.

use std::fmt;

use integra_pipeline::frame::{self, Layout, TypeInfo};
use integra_pipeline::{Rules, HOST_MODULE, PAY_FOR_MEMORY_GROW};
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{
    CodeSection, ConstExpr, ExportKind, ExportSection, Function, GlobalSection, GlobalType,
    Instruction, RawSection, ValType as EncValType,
};
use wasmparser::{ExternalKind, FuncType, Operator, Parser, Payload, TypeRef, ValType};

use crate::pricing::{op_ink, BULK_MEMORY_INK_PER_BYTE, INK_HEADER};

/// Export name of the ink-left global the meter adds.
pub const INK_LEFT: &str = "stylus_ink_left";
/// Export name of the ink-status global (non-zero once out of ink).
pub const INK_STATUS: &str = "stylus_ink_status";
/// Export name of the stack-left global the depth checker adds.
pub const STACK_LEFT: &str = "stylus_stack_left";
const SCRATCH: &str = "stylus_scratch_global";
/// The program's entrypoint.
pub use integra_pipeline::ENTRYPOINT;

/// Why a module cannot be activated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivationError(pub String);

impl fmt::Display for ActivationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "activation failed: {}", self.0)
    }
}

impl std::error::Error for ActivationError {}

macro_rules! bail {
    ($($arg:tt)*) => { return Err(ActivationError(format!($($arg)*))) };
}

impl From<wasmparser::BinaryReaderError> for ActivationError {
    fn from(e: wasmparser::BinaryReaderError) -> Self {
        Self(e.to_string())
    }
}

/// An activated program: the instrumented module plus the figures Nitro stores at activation.
#[derive(Clone, Debug)]
pub struct Activated {
    /// The instrumented module (what the executor instantiates).
    pub wasm: Vec<u8>,
    /// Initial memory in pages, paid on every call.
    pub footprint: u16,
    /// `initCost` (before scaling): paid by uncached calls.
    pub init_cost: u16,
    /// `cachedCost` (before scaling): paid by every call.
    pub cached_cost: u16,
}

/// The newest `ArbOS` version whose rules this executor knows (60 rejects multi-value).
pub const DEFAULT_ARBOS_VERSION: u64 = 60;
/// First `ArbOS` version that rejects multi-value modules.
pub const ARBOS_VERSION_NO_MULTI_VALUE: u64 = integra_pipeline::ARBOS_NO_MULTI_VALUE;

/// Validates `wasm` under the rules of [`DEFAULT_ARBOS_VERSION`] and instruments it.
///
/// # Errors
/// As [`activate_for`].
pub fn activate(wasm: &[u8]) -> Result<Activated, ActivationError> {
    activate_for(wasm, DEFAULT_ARBOS_VERSION)
}

/// Validates `wasm` with the build pipeline's checker ([`integra_pipeline::validate`]) under
/// the rules of `arbos_version` and instruments it with the pipeline's implementation of Nitro's
/// middlewares ([`integra_pipeline::frame`]); this module adds only what execution needs: the
/// prices, the rewritten module and Nitro's `init_cost` / `cached_cost`.
///
/// # Errors
/// Every activation rule Nitro enforces that the pipeline checks, each violation reported in
/// Nitro's words (the pipeline's own float rules aside: Nitro activates float code, priced at
/// infinite ink), or a module this executor cannot rewrite.
#[allow(clippy::too_many_lines)]
pub fn activate_for(wasm: &[u8], arbos_version: u64) -> Result<Activated, ActivationError> {
    if let Err(violations) = integra_pipeline::validate(wasm, &Rules::for_arbos(arbos_version)) {
        let rejected: Vec<String> = violations
            .iter()
            .filter(|v| v.rule.nitro_rejects())
            .map(ToString::to_string)
            .collect();
        if !rejected.is_empty() {
            return Err(ActivationError(rejected.join("; ")));
        }
    }

    let mut types: Vec<FuncType> = Vec::new();
    let mut func_types: Vec<u32> = Vec::new(); // imports first, then local functions
    let mut imports = 0usize;
    let mut pay_func: Option<u32> = None;
    let mut memory: Option<(u64, Option<u64>)> = None;
    let mut globals = 0u32;
    let mut exports: Vec<(String, ExternalKind, u32)> = Vec::new();
    let mut data_len = 0u64;
    let mut elem_len = 0u64;
    let mut bodies = Vec::new();
    let mut sections: Vec<(u8, std::ops::Range<usize>)> = Vec::new();

    for payload in Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::TypeSection(reader) => {
                sections.push((1, reader.range()));
                for ty in reader.into_iter_err_on_gc_types() {
                    types.push(ty?);
                }
            }
            Payload::ImportSection(reader) => {
                sections.push((2, reader.range()));
                for import in reader.into_imports() {
                    let import = import?;
                    let TypeRef::Func(ty) = import.ty else {
                        bail!("import {} is not a function", import.name);
                    };
                    if import.module == HOST_MODULE && import.name == PAY_FOR_MEMORY_GROW {
                        pay_func = Some(u32::try_from(func_types.len()).unwrap_or(u32::MAX));
                    }
                    func_types.push(ty);
                    imports += 1;
                }
            }
            Payload::FunctionSection(reader) => {
                sections.push((3, reader.range()));
                for ty in reader {
                    func_types.push(ty?);
                }
            }
            Payload::TableSection(reader) => sections.push((4, reader.range())),
            Payload::MemorySection(reader) => {
                sections.push((5, reader.range()));
                for mem in reader {
                    let mem = mem?;
                    memory = Some((mem.initial, mem.maximum));
                }
            }
            Payload::GlobalSection(reader) => {
                sections.push((6, reader.range()));
                globals = reader.count();
            }
            Payload::ExportSection(reader) => {
                sections.push((7, reader.range()));
                for export in reader {
                    let export = export?;
                    exports.push((export.name.to_owned(), export.kind, export.index));
                }
            }
            Payload::ElementSection(reader) => {
                sections.push((9, reader.range()));
                for elem in reader {
                    elem_len += elem?.range.len() as u64;
                }
            }
            Payload::DataCountSection { range, .. } => sections.push((12, range)),
            Payload::DataSection(reader) => {
                sections.push((11, reader.range()));
                for data in reader {
                    data_len += data?.range.len() as u64;
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body),
            _ => {}
        }
    }

    // The checker has established the memory, its bounds and the pay function.
    let Some((min_pages, max_pages)) = memory else {
        bail!("missing memory with export name \"memory\"");
    };
    let footprint = u16::try_from(min_pages).unwrap_or(u16::MAX);
    let growable = max_pages != Some(min_pages);

    // The globals the instrumentation appends, in Nitro's order.
    let ink_global = globals;
    let status_global = globals + 1;
    let scratch_global = globals + 2;
    let stack_global = globals + 3;
    let layout = Layout {
        ink_left: ink_global,
        ink_status: status_global,
        scratch: scratch_global,
        stack_left: stack_global,
        // Nitro's heap bound instruments nothing when the memory cannot grow.
        pay_for_memory_grow: pay_func.filter(|_| growable),
        ink_per_byte: BULK_MEMORY_INK_PER_BYTE,
    };
    let info = TypeInfo {
        types: &types,
        func_types: &func_types,
    };
    let params_of = |t: u32| types.get(t as usize).map(|ty| ty.params().len());

    let mut code = CodeSection::new();
    let mut type_len = 0u64;
    for (index, body) in bodies.iter().enumerate() {
        let mut locals = Vec::new();
        for local in body.get_locals_reader()? {
            let (count, ty) = local?;
            locals.extend(std::iter::repeat_n(ty, count as usize));
        }
        let mut ops = Vec::new();
        let mut reader = body.get_operators_reader()?;
        while !reader.eof() {
            ops.push(reader.read()?);
        }
        // Each basic block pays its operators' ink plus the header.
        let block_ink = |block: &[Operator<'_>]| {
            block.iter().fold(INK_HEADER, |ink, op| {
                ink.saturating_add(op_ink(op, params_of))
            })
        };
        let Some(instrumented) =
            frame::instrument(ops, locals.len() as u64, &layout, &info, block_ink)
        else {
            bail!("cannot instrument func {index}");
        };
        let mut func = Function::new_with_locals_types(locals.iter().map(|t| enc_val(*t)));
        let mut re = RoundtripReencoder;
        for op in instrumented.ops {
            let ins: Instruction<'_> = re
                .instruction(op)
                .map_err(|e| ActivationError(format!("re-encode: {e}")))?;
            func.instruction(&ins);
        }
        code.function(&func);
        let own = func_types
            .get(imports + index)
            .and_then(|t| types.get(*t as usize));
        if let Some(ty) = own {
            type_len += (ty.params().len() + ty.results().len()) as u64;
        }
    }

    // Write the module back: sections we do not touch are copied byte for byte.
    let mut out = wasm_encoder::Module::new();
    let mut re = RoundtripReencoder;
    let mut globals_written = false;
    let write_globals = |out: &mut wasm_encoder::Module,
                         existing: Option<std::ops::Range<usize>>|
     -> Result<(), ActivationError> {
        let mut section = GlobalSection::new();
        if let Some(range) = existing {
            let reader = wasmparser::GlobalSectionReader::new(wasmparser::BinaryReader::new(
                &wasm[range.clone()],
                range.start,
            ))?;
            RoundtripReencoder
                .parse_global_section(&mut section, reader)
                .map_err(|e| ActivationError(format!("re-encode: {e}")))?;
        }
        let mutable = |val_type| GlobalType {
            val_type,
            mutable: true,
            shared: false,
        };
        section.global(mutable(EncValType::I64), &ConstExpr::i64_const(0));
        section.global(mutable(EncValType::I32), &ConstExpr::i32_const(0));
        section.global(mutable(EncValType::I32), &ConstExpr::i32_const(0));
        section.global(mutable(EncValType::I32), &ConstExpr::i32_const(0));
        out.section(&section);
        Ok(())
    };
    for (id, range) in &sections {
        match id {
            6 => {
                write_globals(&mut out, Some(range.clone()))?;
                globals_written = true;
            }
            7 => {
                if !globals_written {
                    write_globals(&mut out, None)?;
                    globals_written = true;
                }
                // Like Nitro's start mover: keep only the entrypoint and memory, add ours.
                let mut section = ExportSection::new();
                for (name, kind, index) in &exports {
                    if name == ENTRYPOINT || name == "memory" {
                        let kind = re
                            .export_kind(*kind)
                            .map_err(|e| ActivationError(format!("re-encode: {e}")))?;
                        section.export(name, kind, *index);
                    }
                }
                section.export(INK_LEFT, ExportKind::Global, ink_global);
                section.export(INK_STATUS, ExportKind::Global, status_global);
                section.export(SCRATCH, ExportKind::Global, scratch_global);
                section.export(STACK_LEFT, ExportKind::Global, stack_global);
                out.section(&section);
            }
            10 => {}
            11 => {
                out.section(&code);
                out.section(&RawSection {
                    id: 11,
                    data: &wasm[range.clone()],
                });
            }
            _ => {
                out.section(&RawSection {
                    id: *id,
                    data: &wasm[range.clone()],
                });
            }
        }
    }
    if !sections.iter().any(|(id, _)| *id == 11) {
        out.section(&code);
    }

    // Nitro's cost model (binary.rs `instrument`), over the instrumented module.
    let funcs = bodies.len() as u64;
    let globals = u64::from(globals) + 4;
    let wasm_len = wasm.len() as u64;
    let data_len = data_len + elem_len;
    let mut cached: u64 = funcs.saturating_mul(13_420) / 100_000;
    cached = cached.saturating_add(type_len.saturating_mul(89) / 100_000);
    cached = cached.saturating_add(wasm_len.saturating_mul(122) / 100_000);
    cached = cached.saturating_add(globals.saturating_mul(1_628) / 1_000);
    cached = cached.saturating_add(data_len.saturating_mul(75_244) / 100_000);
    cached = cached.saturating_add(u64::from(footprint) * 5);
    let mut init: u64 = funcs.saturating_mul(8_252) / 1_000;
    init = init.saturating_add(type_len.saturating_mul(1_059) / 1_000);
    init = init.saturating_add(wasm_len.saturating_mul(1_286) / 10_000);

    Ok(Activated {
        wasm: out.finish(),
        footprint,
        init_cost: u16::try_from(init).map_err(|_| ActivationError("init cost too high".into()))?,
        cached_cost: u16::try_from(cached)
            .map_err(|_| ActivationError("cached cost too high".into()))?,
    })
}

fn enc_val(t: ValType) -> EncValType {
    match t {
        ValType::I32 => EncValType::I32,
        ValType::I64 => EncValType::I64,
        ValType::F32 => EncValType::F32,
        ValType::F64 => EncValType::F64,
        ValType::V128 => EncValType::V128,
        ValType::Ref(_) => EncValType::FUNCREF,
    }
}
