//! A model of what Nitro's activation does to each function body, to predict two limits that are
//! checked on the *instrumented* code: the operator count (≤ 65,536) and the worst-case frame
//! (≤ 10,240 words, ≤ 4,096 values alive at once).
//!
//! Nitro instruments every function in this order (`WasmBinary::instrument`): start mover (no
//! code change), ink meter (`meter.rs`), dynamic meter (`dynamic.rs`), depth checker
//! (`depth.rs`), heap bound (`heap.rs`). The depth checker computes the frame on the output of
//! the two meters, so the model rebuilds that output: the 12-operator header the ink meter puts
//! before every basic block, and the 17-operator charge the dynamic meter puts before every
//! `memory.fill` / `memory.copy`. Only the shape of the inserted operators matters here (their
//! stack effect and count), not the costs they carry.

use wasmparser::{BlockType, FuncType, Operator};

/// Operators the depth checker puts at the start of each function.
const DEPTH_PROLOGUE_OPS: u64 = 12;
/// Operators the depth checker puts before each `return` (its own extra one included).
const DEPTH_RECLAIM_OPS: u64 = 4;
/// Operators the heap bound puts before each `memory.grow` when the memory can grow.
const HEAP_BOUND_OPS: u64 = 4;
/// Words the depth checker adds to every frame on top of the operand stack and locals.
const FRAME_OVERHEAD_WORDS: u64 = 4;

/// What Nitro's instrumentation would make of one function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FrameModel {
    /// Most operand-stack slots alive at once, in the depth checker's accounting.
    pub(crate) contention: u64,
    /// Worst-case frame in words: contention + declared locals + 4.
    pub(crate) frame_words: u64,
    /// Operators in the fully instrumented body.
    pub(crate) instrumented_ops: u64,
}

/// Types the model needs to look up.
pub(crate) struct TypeInfo<'t> {
    /// The type section.
    pub(crate) types: &'t [FuncType],
    /// Type index of every function, imports first.
    pub(crate) func_types: &'t [u32],
}

/// Does Nitro's ink meter end a basic block at `op` (`OperatorInfo::ends_basic_block`)?
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

/// Stack effect of a meter header: two pushes, then back to where it started. Modelled as the
/// same sequence of operators (global.get, i64.const, `i64.lt_u`, if, i32.const, global.set,
/// unreachable, end, global.get, i64.const, i64.sub, global.set).
fn meter_header() -> [Operator<'static>; 12] {
    let g = 0;
    [
        Operator::GlobalGet { global_index: g },
        Operator::I64Const { value: 0 },
        Operator::I64LtU,
        Operator::If {
            blockty: BlockType::Empty,
        },
        Operator::I32Const { value: 1 },
        Operator::GlobalSet { global_index: g },
        Operator::Unreachable,
        Operator::End,
        Operator::GlobalGet { global_index: g },
        Operator::I64Const { value: 0 },
        Operator::I64Sub,
        Operator::GlobalSet { global_index: g },
    ]
}

/// The dynamic meter's charge before a `memory.fill` / `memory.copy`.
fn dynamic_charge() -> [Operator<'static>; 17] {
    let g = 0;
    [
        Operator::GlobalSet { global_index: g },
        Operator::GlobalGet { global_index: g },
        Operator::GlobalGet { global_index: g },
        Operator::GlobalGet { global_index: g },
        Operator::I64ExtendI32U,
        Operator::I64Const { value: 0 },
        Operator::I64Mul,
        Operator::I64Sub,
        Operator::GlobalSet { global_index: g },
        Operator::GlobalGet { global_index: g },
        Operator::I64LtU,
        Operator::If {
            blockty: BlockType::Empty,
        },
        Operator::I32Const { value: 1 },
        Operator::GlobalSet { global_index: g },
        Operator::Unreachable,
        Operator::End,
        Operator::GlobalGet { global_index: g },
    ]
}

/// Models one function. `ops` is the whole body (final `end` included) and must only hold
/// operators Nitro's depth checker supports (MVP, sign-extension, saturating conversions,
/// `memory.copy`, `memory.fill`); returns `None` otherwise or if the body is malformed.
pub(crate) fn model(
    ops: &[Operator<'_>],
    declared_locals: u64,
    memory_growable: bool,
    info: &TypeInfo<'_>,
) -> Option<FrameModel> {
    // The meters' output, in order: a header before each basic block, a charge before each
    // bulk-memory op.
    let mut stream: Vec<Operator<'_>> = Vec::with_capacity(ops.len() * 2);
    let mut block_start = 0;
    for (i, op) in ops.iter().enumerate() {
        if ends_basic_block(op) {
            stream.extend(meter_header());
            for pending in &ops[block_start..=i] {
                if matches!(
                    pending,
                    Operator::MemoryFill { .. } | Operator::MemoryCopy { .. }
                ) {
                    stream.extend(dynamic_charge());
                }
                stream.push(pending.clone());
            }
            block_start = i + 1;
        }
    }
    // Nitro's meter only emits on a block end; a well-formed body ends with `end`, so nothing is
    // left over. Anything left means the body was not well formed.
    if block_start != ops.len() {
        return None;
    }

    let contention = worst_case_stack(&stream, info)?;
    let returns = stream
        .iter()
        .filter(|op| matches!(op, Operator::Return))
        .count() as u64;
    let grows = if memory_growable {
        stream
            .iter()
            .filter(|op| matches!(op, Operator::MemoryGrow { .. }))
            .count() as u64
    } else {
        0
    };
    // The depth checker adds a prologue and one extra `return` before the final `end`, and puts
    // a 4-op reclaim before every `return`, the extra one included.
    let instrumented_ops = stream.len() as u64
        + DEPTH_PROLOGUE_OPS
        + 1
        + DEPTH_RECLAIM_OPS * (returns + 1)
        + HEAP_BOUND_OPS * grows;
    Some(FrameModel {
        contention,
        frame_words: contention + declared_locals + FRAME_OVERHEAD_WORDS,
        instrumented_ops,
    })
}

/// The depth checker's `worst_case_depth` accounting, re-implemented: a saturating operand stack
/// count where each block restores the height it was opened at, and calls push their results
/// before popping their arguments.
fn worst_case_stack(stream: &[Operator<'_>], info: &TypeInfo<'_>) -> Option<u64> {
    let mut worst: u64 = 0;
    let mut stack: u64 = 0;
    let mut scopes: Vec<u64> = vec![0];

    let push = |stack: &mut u64, worst: &mut u64, n: u64| {
        *stack += n;
        *worst = (*worst).max(*stack);
    };
    let ins_and_outs = |stack: &mut u64, worst: &mut u64, ty: &FuncType| {
        push(stack, worst, ty.results().len() as u64);
        *stack = stack.saturating_sub(ty.params().len() as u64);
    };
    let sig = |index: u32| info.types.get(usize::try_from(index).ok()?);
    let block = |stack: &mut u64, worst: &mut u64, blockty: &BlockType| -> Option<()> {
        match blockty {
            BlockType::Empty => {}
            BlockType::Type(_) => push(stack, worst, 1),
            BlockType::FuncType(index) => ins_and_outs(stack, worst, sig(*index)?),
        }
        Some(())
    };

    for op in stream {
        #[allow(clippy::match_same_arms)] // arms grouped as in Nitro's table, by stack effect
        match op {
            Operator::Block { blockty } | Operator::Loop { blockty } => {
                block(&mut stack, &mut worst, blockty)?;
                scopes.push(stack);
            }
            Operator::If { blockty } => {
                stack = stack.saturating_sub(1);
                block(&mut stack, &mut worst, blockty)?;
                scopes.push(stack);
            }
            Operator::Else => stack = *scopes.last()?,
            Operator::End => stack = scopes.pop()?,
            Operator::Call { function_index } => {
                let ty_index = *info
                    .func_types
                    .get(usize::try_from(*function_index).ok()?)?;
                ins_and_outs(&mut stack, &mut worst, sig(ty_index)?);
            }
            Operator::CallIndirect { type_index, .. } => {
                ins_and_outs(&mut stack, &mut worst, sig(*type_index)?);
                stack = stack.saturating_sub(1);
            }
            // (i32, i32, i32) -> ()
            Operator::MemoryFill { .. } | Operator::MemoryCopy { .. } => {
                stack = stack.saturating_sub(3);
            }
            op if pushes_one(op) => push(&mut stack, &mut worst, 1),
            op if pops_one(op) => stack = stack.saturating_sub(1),
            op if pops_two(op) => stack = stack.saturating_sub(2),
            op if no_effect(op) => {}
            _ => return None,
        }
    }
    Some(worst)
}

fn pushes_one(op: &Operator<'_>) -> bool {
    matches!(
        op,
        Operator::LocalGet { .. }
            | Operator::GlobalGet { .. }
            | Operator::MemorySize { .. }
            | Operator::I32Const { .. }
            | Operator::I64Const { .. }
            | Operator::F32Const { .. }
            | Operator::F64Const { .. }
    )
}

fn pops_two(op: &Operator<'_>) -> bool {
    matches!(
        op,
        Operator::Select
            | Operator::I32Store { .. }
            | Operator::I64Store { .. }
            | Operator::F32Store { .. }
            | Operator::F64Store { .. }
            | Operator::I32Store8 { .. }
            | Operator::I32Store16 { .. }
            | Operator::I64Store8 { .. }
            | Operator::I64Store16 { .. }
            | Operator::I64Store32 { .. }
    )
}

/// Binary operators, comparisons, `drop`, conditional branches and sets.
fn pops_one(op: &Operator<'_>) -> bool {
    use Operator as O;
    matches!(
        op,
        O::Drop
            | O::BrIf { .. }
            | O::BrTable { .. }
            | O::LocalSet { .. }
            | O::GlobalSet { .. }
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
    )
}

/// Unary operators, loads, conversions and control that leave the height unchanged.
fn no_effect(op: &Operator<'_>) -> bool {
    use Operator as O;
    matches!(
        op,
        O::Nop
            | O::Unreachable
            | O::Br { .. }
            | O::Return
            | O::LocalTee { .. }
            | O::MemoryGrow { .. }
            | O::I32Eqz
            | O::I64Eqz
            | O::I32Clz
            | O::I32Ctz
            | O::I32Popcnt
            | O::I64Clz
            | O::I64Ctz
            | O::I64Popcnt
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
            | O::I64TruncSatF64U
    )
}
