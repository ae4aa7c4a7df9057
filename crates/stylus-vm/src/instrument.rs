//! Activation: validate a user module under Stylus's rules and rewrite it with Nitro's
//! instrumentation, applied in Nitro's order — ink meter, dynamic (bulk-memory) meter, depth
//! checker, heap bound — so the rewritten code is what Nitro's compilers see.

use std::fmt;

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{
    CodeSection, ConstExpr, ExportKind, ExportSection, Function, GlobalSection, GlobalType,
    Instruction, RawSection, ValType as EncValType,
};
use wasmparser::{
    BlockType, ExternalKind, Operator, Parser, Payload, TypeRef, ValType, Validator, WasmFeatures,
};

use crate::host::HOSTIOS;
use crate::pricing::{
    op_ink, BULK_MEMORY_INK_PER_BYTE, INK_HEADER, MAX_FRAME_CONTENTION, MAX_FRAME_SIZE, PAGE_LIMIT,
};

/// Export name of the ink-left global the meter adds.
pub const INK_LEFT: &str = "stylus_ink_left";
/// Export name of the ink-status global (non-zero once out of ink).
pub const INK_STATUS: &str = "stylus_ink_status";
/// Export name of the stack-left global the depth checker adds.
pub const STACK_LEFT: &str = "stylus_stack_left";
const SCRATCH: &str = "stylus_scratch_global";
/// The program's entrypoint.
pub const ENTRYPOINT: &str = "user_entrypoint";

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

#[derive(Clone, Debug)]
struct Sig {
    params: usize,
    results: usize,
    /// `i`/`I`/`f`/`F`/`v`/`r` per param, `>`, then per result (matches `Hostio::sig`).
    text: String,
}

fn type_char(t: ValType) -> char {
    match t {
        ValType::I32 => 'i',
        ValType::I64 => 'I',
        ValType::F32 => 'f',
        ValType::F64 => 'F',
        ValType::V128 => 'v',
        ValType::Ref(_) => 'r',
    }
}

/// The newest `ArbOS` version whose rules this executor knows (60 rejects multi-value).
pub const DEFAULT_ARBOS_VERSION: u64 = 60;
/// First `ArbOS` version that rejects multi-value modules.
pub const ARBOS_VERSION_NO_MULTI_VALUE: u64 = 60;

/// Validates `wasm` under the rules of [`DEFAULT_ARBOS_VERSION`] and instruments it.
///
/// # Errors
/// As [`activate_for`].
pub fn activate(wasm: &[u8]) -> Result<Activated, ActivationError> {
    activate_for(wasm, DEFAULT_ARBOS_VERSION)
}

/// Validates `wasm` under Stylus's rules for `arbos_version` and instruments it.
///
/// # Errors
/// Any rule Nitro's activation enforces and this executor checks: a feature outside the allowed
/// set, an unknown import or opcode, a start function, a missing `memory` / `user_entrypoint`
/// export, a memory above 128 pages, a growable memory without `pay_for_memory_grow`, and the
/// size limits (functions, locals, ops, exports, data segments, globals, imports, frame size).
#[allow(clippy::too_many_lines)]
pub fn activate_for(wasm: &[u8], arbos_version: u64) -> Result<Activated, ActivationError> {
    // Stylus's feature set; reference-types is on only because rustc encodes call_indirect's
    // table index in its format — its instructions are rejected below by the depth checker.
    let mut features = WasmFeatures::MUTABLE_GLOBAL
        | WasmFeatures::SATURATING_FLOAT_TO_INT
        | WasmFeatures::SIGN_EXTENSION
        | WasmFeatures::BULK_MEMORY
        | WasmFeatures::REFERENCE_TYPES
        | WasmFeatures::FLOATS
        | WasmFeatures::GC_TYPES;
    let multi_value = arbos_version < ARBOS_VERSION_NO_MULTI_VALUE;
    if multi_value {
        features |= WasmFeatures::MULTI_VALUE;
    }
    Validator::new_with_features(features).validate_all(wasm)?;

    let mut types: Vec<Sig> = Vec::new();
    let mut func_types: Vec<u32> = Vec::new(); // imports first, then local functions
    let mut imports = 0usize;
    let mut pay_func: Option<u32> = None;
    let mut memory: Option<(u64, Option<u64>)> = None;
    let mut globals = 0u32;
    let mut exports: Vec<(String, ExternalKind, u32)> = Vec::new();
    let mut data_len = 0u64;
    let mut data_count = 0usize;
    let mut elem_len = 0u64;
    let mut elem_entries = 0u64;
    let mut table_entries = 0u64;
    let mut bodies = Vec::new();
    let mut sections: Vec<(u8, std::ops::Range<usize>)> = Vec::new();

    for payload in Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::TypeSection(reader) => {
                sections.push((1, reader.range()));
                for ty in reader.into_iter_err_on_gc_types() {
                    let ty = ty?;
                    if !multi_value && ty.results().len() > 1 {
                        bail!(
                            "multi-value is not allowed from ArbOS {ARBOS_VERSION_NO_MULTI_VALUE}"
                        );
                    }
                    let mut text: String = ty.params().iter().map(|t| type_char(*t)).collect();
                    text.push('>');
                    text.extend(ty.results().iter().map(|t| type_char(*t)));
                    types.push(Sig {
                        params: ty.params().len(),
                        results: ty.results().len(),
                        text,
                    });
                }
            }
            Payload::ImportSection(reader) => {
                sections.push((2, reader.range()));
                for import in reader.into_imports() {
                    let import = import?;
                    if import.module != "vm_hooks" {
                        bail!(
                            "import from unknown module {}.{}",
                            import.module,
                            import.name
                        );
                    }
                    let TypeRef::Func(ty) = import.ty else {
                        bail!("import {} is not a function", import.name);
                    };
                    let Some(hostio) = HOSTIOS.iter().find(|h| h.name == import.name) else {
                        bail!("unknown import vm_hooks.{}", import.name);
                    };
                    let Some(sig) = types.get(ty as usize) else {
                        bail!("bad type index {ty}");
                    };
                    if sig.text != hostio.sig {
                        bail!("wrong signature for vm_hooks.{}", import.name);
                    }
                    if import.name == "pay_for_memory_grow" {
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
            Payload::TableSection(reader) => {
                sections.push((4, reader.range()));
                for table in reader {
                    table_entries = table_entries.saturating_add(table?.ty.initial);
                }
            }
            Payload::MemorySection(reader) => {
                sections.push((5, reader.range()));
                for mem in reader {
                    let mem = mem?;
                    if memory.is_some() {
                        bail!("too many wasm memories");
                    }
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
                    if export.name.len() > 512 {
                        bail!("wasm name too long: {} > 512", export.name.len());
                    }
                    exports.push((export.name.to_owned(), export.kind, export.index));
                }
            }
            Payload::StartSection { .. } => bail!("start functions not allowed"),
            Payload::ElementSection(reader) => {
                sections.push((9, reader.range()));
                for elem in reader {
                    let elem = elem?;
                    elem_len += elem.range.len() as u64;
                    elem_entries += u64::from(match &elem.items {
                        wasmparser::ElementItems::Functions(r) => r.count(),
                        wasmparser::ElementItems::Expressions(_, r) => r.count(),
                    });
                }
            }
            Payload::DataCountSection { range, .. } => sections.push((12, range)),
            Payload::DataSection(reader) => {
                sections.push((11, reader.range()));
                for data in reader {
                    let data = data?;
                    data_len += data.range.len() as u64;
                    data_count += 1;
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body),
            Payload::TagSection(_) => bail!("exceptions not supported"),
            Payload::UnknownSection { id, .. } => bail!("unsupported unknown section type {id}"),
            _ => {}
        }
    }

    let Some((min_pages, max_pages)) = memory else {
        bail!("missing memory with export name \"memory\"");
    };
    if min_pages > u64::from(PAGE_LIMIT) {
        bail!("memory exceeds limit: {min_pages} > {PAGE_LIMIT}");
    }
    let footprint = u16::try_from(min_pages).unwrap_or(u16::MAX);
    let growable = max_pages != Some(min_pages);
    if growable && pay_func.is_none() {
        bail!("missing import vm_hooks.pay_for_memory_grow for a growable memory");
    }
    if !exports
        .iter()
        .any(|(n, k, _)| n == "memory" && *k == ExternalKind::Memory)
    {
        bail!("missing memory with export name \"memory\"");
    }
    let Some(&(_, _, entry)) = exports
        .iter()
        .find(|(n, k, _)| n == ENTRYPOINT && *k == ExternalKind::Func)
    else {
        bail!("missing export {ENTRYPOINT}");
    };
    let entry_ty = func_types
        .get(entry as usize)
        .and_then(|t| types.get(*t as usize));
    if !matches!(entry_ty, Some(sig) if sig.text == "i>i") {
        bail!("{ENTRYPOINT} must have type (i32) -> i32");
    }
    if bodies.len() > 4096 {
        bail!("too many wasm functions: {} > 4096", bodies.len());
    }
    if exports.len() > 1024 {
        bail!("too many wasm exports: {} > 1024", exports.len());
    }
    if data_count > 128 {
        bail!("too many wasm datas: {data_count} > 128");
    }
    if globals > 32_768 {
        bail!("too many wasm globals: {globals} > 32768");
    }
    if imports > 513 {
        bail!("too many wasm imports: {imports} > 513");
    }
    if table_entries > 4096 || elem_entries > 4096 {
        bail!("too many table or element entries");
    }

    // The globals the instrumentation appends, in Nitro's order.
    let ink_global = globals;
    let status_global = globals + 1;
    let scratch_global = globals + 2;
    let stack_global = globals + 3;
    let ctx = Ctx {
        types: &types,
        func_types: &func_types,
        ink: ink_global,
        status: status_global,
        scratch: scratch_global,
        stack: stack_global,
        pay_func,
    };

    let mut code = CodeSection::new();
    let mut type_len = 0u64;
    for (index, body) in bodies.iter().enumerate() {
        let mut locals = Vec::new();
        for local in body.get_locals_reader()? {
            let (count, ty) = local?;
            for _ in 0..count {
                locals.push(ty);
                if locals.len() > 348 {
                    bail!("too many wasm locals in func {index}");
                }
            }
        }
        let mut ops = Vec::new();
        let mut reader = body.get_operators_reader()?;
        while !reader.eof() {
            ops.push(reader.read()?);
        }
        let ops = ctx.instrument(ops, locals.len(), index)?;
        if ops.len() > 65_536 {
            bail!("too many opcodes in func body {index}");
        }
        let mut func = Function::new_with_locals_types(locals.iter().map(|t| enc_val(*t)));
        let mut re = RoundtripReencoder;
        for op in ops {
            let ins: Instruction<'_> = re
                .instruction(op)
                .map_err(|e| ActivationError(format!("re-encode: {e}")))?;
            func.instruction(&ins);
        }
        code.function(&func);
        let own = func_types
            .get(imports + index)
            .and_then(|t| types.get(*t as usize));
        if let Some(sig) = own {
            type_len += (sig.params + sig.results) as u64;
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

struct Ctx<'t> {
    types: &'t [Sig],
    func_types: &'t [u32],
    ink: u32,
    status: u32,
    scratch: u32,
    stack: u32,
    pay_func: Option<u32>,
}

fn ends_basic_block(op: &Operator<'_>) -> bool {
    matches!(
        op,
        Operator::End
            | Operator::Else
            | Operator::Return
            | Operator::Loop { .. }
            | Operator::Br { .. }
            | Operator::BrTable { .. }
            | Operator::BrIf { .. }
            | Operator::If { .. }
            | Operator::Call { .. }
            | Operator::CallIndirect { .. }
    )
}

impl Ctx<'_> {
    fn sig(&self, type_index: u32) -> Option<&Sig> {
        self.types.get(type_index as usize)
    }

    fn instrument<'a>(
        &self,
        ops: Vec<Operator<'a>>,
        locals: usize,
        index: usize,
    ) -> Result<Vec<Operator<'a>>, ActivationError> {
        let metered = self.meter(ops);
        let dynamic = self.dynamic_meter(metered)?;
        let depth = self.depth_check(dynamic, locals, index)?;
        Ok(self.heap_bound(depth))
    }

    /// Per basic block: `if ink < cost { status = 1; unreachable }; ink -= cost`, placed before
    /// the block, where cost is the block's ops plus the 2,450-ink header.
    fn meter<'a>(&self, ops: Vec<Operator<'a>>) -> Vec<Operator<'a>> {
        let mut out = Vec::with_capacity(ops.len() * 2);
        let mut block = Vec::new();
        let mut cost: u64 = 0;
        for op in ops {
            let end = ends_basic_block(&op);
            cost = cost.saturating_add(op_ink(&op, |t| self.sig(t).map(|s| s.params)));
            block.push(op);
            if end {
                let total = cost.saturating_add(INK_HEADER);
                // Nitro writes the cost as an i64 constant; u64::MAX becomes -1 and always traps.
                #[allow(clippy::cast_possible_wrap)]
                let value = total as i64;
                out.extend([
                    Operator::GlobalGet {
                        global_index: self.ink,
                    },
                    Operator::I64Const { value },
                    Operator::I64LtU,
                    Operator::If {
                        blockty: BlockType::Empty,
                    },
                    Operator::I32Const { value: 1 },
                    Operator::GlobalSet {
                        global_index: self.status,
                    },
                    Operator::Unreachable,
                    Operator::End,
                    Operator::GlobalGet {
                        global_index: self.ink,
                    },
                    Operator::I64Const { value },
                    Operator::I64Sub,
                    Operator::GlobalSet {
                        global_index: self.ink,
                    },
                ]);
                out.append(&mut block);
                cost = 0;
            }
        }
        out.append(&mut block);
        out
    }

    /// `memory.fill` / `memory.copy` pay 100 ink per byte before running.
    fn dynamic_meter<'a>(
        &self,
        ops: Vec<Operator<'a>>,
    ) -> Result<Vec<Operator<'a>>, ActivationError> {
        let mut out = Vec::with_capacity(ops.len());
        for op in ops {
            match op {
                Operator::MemoryFill { .. } | Operator::MemoryCopy { .. } => {
                    #[allow(clippy::cast_possible_wrap)]
                    let coefficient = BULK_MEMORY_INK_PER_BYTE as i64;
                    let (ink, status, scratch) = (self.ink, self.status, self.scratch);
                    out.extend([
                        Operator::GlobalSet {
                            global_index: scratch,
                        },
                        Operator::GlobalGet { global_index: ink },
                        Operator::GlobalGet { global_index: ink },
                        Operator::GlobalGet {
                            global_index: scratch,
                        },
                        Operator::I64ExtendI32U,
                        Operator::I64Const { value: coefficient },
                        Operator::I64Mul,
                        Operator::I64Sub,
                        Operator::GlobalSet { global_index: ink },
                        Operator::GlobalGet { global_index: ink },
                        Operator::I64LtU,
                        Operator::If {
                            blockty: BlockType::Empty,
                        },
                        Operator::I32Const { value: 1 },
                        Operator::GlobalSet {
                            global_index: status,
                        },
                        Operator::Unreachable,
                        Operator::End,
                        Operator::GlobalGet {
                            global_index: scratch,
                        },
                    ]);
                }
                Operator::MemoryInit { .. }
                | Operator::DataDrop { .. }
                | Operator::ElemDrop { .. }
                | Operator::TableInit { .. }
                | Operator::TableCopy { .. }
                | Operator::TableFill { .. }
                | Operator::TableGet { .. }
                | Operator::TableSet { .. }
                | Operator::TableGrow { .. }
                | Operator::TableSize { .. } => bail!("opcode not supported: {op:?}"),
                _ => {}
            }
            out.push(op);
        }
        Ok(out)
    }

    /// Charges each call's worst-case frame against `stylus_stack_left` on entry and credits it
    /// back on every return (Nitro's depth checker).
    fn depth_check<'a>(
        &self,
        ops: Vec<Operator<'a>>,
        locals: usize,
        index: usize,
    ) -> Result<Vec<Operator<'a>>, ActivationError> {
        let worst = self.worst_case_depth(&ops, index)?;
        let size = worst
            .checked_add(u32::try_from(locals).unwrap_or(u32::MAX))
            .and_then(|s| s.checked_add(4))
            .unwrap_or(u32::MAX);
        if size > MAX_FRAME_SIZE {
            bail!("frame too large: {size} > {MAX_FRAME_SIZE}-word limit");
        }
        #[allow(clippy::cast_possible_wrap)]
        let value = size as i32;
        let global_index = self.stack;
        let mut out = Vec::with_capacity(ops.len() + 16);
        out.extend([
            Operator::GlobalGet { global_index },
            Operator::I32Const { value },
            Operator::I32LeU,
            Operator::If {
                blockty: BlockType::Empty,
            },
            Operator::I32Const { value: 0 },
            Operator::GlobalSet { global_index },
            Operator::Unreachable,
            Operator::End,
            Operator::GlobalGet { global_index },
            Operator::I32Const { value },
            Operator::I32Sub,
            Operator::GlobalSet { global_index },
        ]);
        let mut ops = ops;
        let last = ops.pop();
        ops.push(Operator::Return);
        ops.extend(last);
        for op in ops {
            if matches!(op, Operator::Return) {
                out.extend([
                    Operator::GlobalGet { global_index },
                    Operator::I32Const { value },
                    Operator::I32Add,
                    Operator::GlobalSet { global_index },
                ]);
            }
            out.push(op);
        }
        Ok(out)
    }

    #[allow(clippy::too_many_lines)]
    fn worst_case_depth(&self, ops: &[Operator<'_>], index: usize) -> Result<u32, ActivationError> {
        use Operator as O;
        let mut worst: u32 = 0;
        let mut stack: u32 = 0;
        let mut scopes = vec![0u32];
        let push = |stack: &mut u32, worst: &mut u32, n: usize| {
            *stack = stack.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
            *worst = (*worst).max(*stack);
        };
        let pop = |stack: &mut u32, n: usize| {
            *stack = stack.saturating_sub(u32::try_from(n).unwrap_or(u32::MAX));
        };
        for op in ops {
            match op {
                O::Block { blockty } | O::Loop { blockty } | O::If { blockty } => {
                    if matches!(op, O::If { .. }) {
                        pop(&mut stack, 1);
                    }
                    match blockty {
                        BlockType::Empty => {}
                        BlockType::Type(_) => push(&mut stack, &mut worst, 1),
                        BlockType::FuncType(id) => {
                            let Some(sig) = self.sig(*id) else {
                                bail!("missing type {id}");
                            };
                            push(&mut stack, &mut worst, sig.results);
                            pop(&mut stack, sig.params);
                        }
                    }
                    scopes.push(stack);
                }
                O::Else => match scopes.last() {
                    Some(s) => stack = *s,
                    None => bail!("malformed if-else scope"),
                },
                O::End => match scopes.pop() {
                    Some(s) => stack = s,
                    None => bail!("malformed scoping"),
                },
                O::Call { function_index } => {
                    let Some(sig) = self
                        .func_types
                        .get(*function_index as usize)
                        .and_then(|t| self.sig(*t))
                    else {
                        bail!("missing type for func {function_index}");
                    };
                    push(&mut stack, &mut worst, sig.results);
                    pop(&mut stack, sig.params);
                }
                O::CallIndirect { type_index, .. } => {
                    let Some(sig) = self.sig(*type_index) else {
                        bail!("missing type for signature {type_index}");
                    };
                    push(&mut stack, &mut worst, sig.results);
                    pop(&mut stack, sig.params);
                    pop(&mut stack, 1);
                }
                O::MemoryFill { .. } | O::MemoryCopy { .. } => pop(&mut stack, 3),
                O::Nop
                | O::Unreachable
                | O::I32Eqz
                | O::I64Eqz
                | O::I32Clz
                | O::I32Ctz
                | O::I32Popcnt
                | O::I64Clz
                | O::I64Ctz
                | O::I64Popcnt
                | O::Br { .. }
                | O::Return
                | O::LocalTee { .. }
                | O::MemoryGrow { .. }
                | O::I32Load { .. }
                | O::I64Load { .. }
                | O::F32Load { .. }
                | O::F64Load { .. }
                | O::I32Load8S { .. }
                | O::I32Load8U { .. }
                | O::I32Load16S { .. }
                | O::I32Load16U { .. }
                | O::I64Load8S { .. }
                | O::I64Load8U { .. }
                | O::I64Load16S { .. }
                | O::I64Load16U { .. }
                | O::I64Load32S { .. }
                | O::I64Load32U { .. }
                | O::I32WrapI64
                | O::I64ExtendI32S
                | O::I64ExtendI32U
                | O::I32Extend8S
                | O::I32Extend16S
                | O::I64Extend8S
                | O::I64Extend16S
                | O::I64Extend32S
                | O::F32Abs
                | O::F32Neg
                | O::F32Ceil
                | O::F32Floor
                | O::F32Trunc
                | O::F32Nearest
                | O::F32Sqrt
                | O::F64Abs
                | O::F64Neg
                | O::F64Ceil
                | O::F64Floor
                | O::F64Trunc
                | O::F64Nearest
                | O::F64Sqrt
                | O::I32TruncF32S
                | O::I32TruncF32U
                | O::I32TruncF64S
                | O::I32TruncF64U
                | O::I64TruncF32S
                | O::I64TruncF32U
                | O::I64TruncF64S
                | O::I64TruncF64U
                | O::F32ConvertI32S
                | O::F32ConvertI32U
                | O::F32ConvertI64S
                | O::F32ConvertI64U
                | O::F32DemoteF64
                | O::F64ConvertI32S
                | O::F64ConvertI32U
                | O::F64ConvertI64S
                | O::F64ConvertI64U
                | O::F64PromoteF32
                | O::I32ReinterpretF32
                | O::I64ReinterpretF64
                | O::F32ReinterpretI32
                | O::F64ReinterpretI64
                | O::I32TruncSatF32S
                | O::I32TruncSatF32U
                | O::I32TruncSatF64S
                | O::I32TruncSatF64U
                | O::I64TruncSatF32S
                | O::I64TruncSatF32U
                | O::I64TruncSatF64S
                | O::I64TruncSatF64U => {}
                O::LocalGet { .. }
                | O::GlobalGet { .. }
                | O::MemorySize { .. }
                | O::I32Const { .. }
                | O::I64Const { .. }
                | O::F32Const { .. }
                | O::F64Const { .. } => push(&mut stack, &mut worst, 1),
                O::Drop
                | O::I32Eq
                | O::I32Ne
                | O::I32LtS
                | O::I32LtU
                | O::I32GtS
                | O::I32GtU
                | O::I32LeS
                | O::I32LeU
                | O::I32GeS
                | O::I32GeU
                | O::I64Eq
                | O::I64Ne
                | O::I64LtS
                | O::I64LtU
                | O::I64GtS
                | O::I64GtU
                | O::I64LeS
                | O::I64LeU
                | O::I64GeS
                | O::I64GeU
                | O::F32Eq
                | O::F32Ne
                | O::F32Lt
                | O::F32Gt
                | O::F32Le
                | O::F32Ge
                | O::F64Eq
                | O::F64Ne
                | O::F64Lt
                | O::F64Gt
                | O::F64Le
                | O::F64Ge
                | O::I32Add
                | O::I32Sub
                | O::I32Mul
                | O::I32DivS
                | O::I32DivU
                | O::I32RemS
                | O::I32RemU
                | O::I64Add
                | O::I64Sub
                | O::I64Mul
                | O::I64DivS
                | O::I64DivU
                | O::I64RemS
                | O::I64RemU
                | O::I32And
                | O::I32Or
                | O::I32Xor
                | O::I32Shl
                | O::I32ShrS
                | O::I32ShrU
                | O::I32Rotl
                | O::I32Rotr
                | O::I64And
                | O::I64Or
                | O::I64Xor
                | O::I64Shl
                | O::I64ShrS
                | O::I64ShrU
                | O::I64Rotl
                | O::I64Rotr
                | O::F32Add
                | O::F32Sub
                | O::F32Mul
                | O::F32Div
                | O::F32Min
                | O::F32Max
                | O::F32Copysign
                | O::F64Add
                | O::F64Sub
                | O::F64Mul
                | O::F64Div
                | O::F64Min
                | O::F64Max
                | O::F64Copysign
                | O::BrIf { .. }
                | O::BrTable { .. }
                | O::LocalSet { .. }
                | O::GlobalSet { .. } => pop(&mut stack, 1),
                O::Select
                | O::I32Store { .. }
                | O::I64Store { .. }
                | O::F32Store { .. }
                | O::F64Store { .. }
                | O::I32Store8 { .. }
                | O::I32Store16 { .. }
                | O::I64Store8 { .. }
                | O::I64Store16 { .. }
                | O::I64Store32 { .. } => pop(&mut stack, 2),
                other => bail!("unsupported opcode {other:?} in func {index}"),
            }
        }
        if worst > MAX_FRAME_CONTENTION {
            bail!("too many values on the stack at once in func {index}: {worst}");
        }
        Ok(worst)
    }

    /// Every `memory.grow` first calls `pay_for_memory_grow(pages)`.
    fn heap_bound<'a>(&self, ops: Vec<Operator<'a>>) -> Vec<Operator<'a>> {
        let Some(function_index) = self.pay_func else {
            return ops;
        };
        let global_index = self.scratch;
        let mut out = Vec::with_capacity(ops.len());
        for op in ops {
            if matches!(op, Operator::MemoryGrow { .. }) {
                out.extend([
                    Operator::GlobalSet { global_index },
                    Operator::GlobalGet { global_index },
                    Operator::GlobalGet { global_index },
                    Operator::Call { function_index },
                ]);
            }
            out.push(op);
        }
        out
    }
}
