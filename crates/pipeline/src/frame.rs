//! Nitro's per-function instrumentation, in one place: the offline checker runs it to predict
//! the limits Nitro checks on the *instrumented* code (the operator count ≤ 65,536, the
//! worst-case frame ≤ 10,240 words, ≤ 4,096 values alive at once), and the stylus-vm executor
//! runs the same functions to instrument the modules it executes.
//!
//! Nitro instruments every function in this order (`WasmBinary::instrument`): start mover (no
//! code change), ink meter (`meter.rs`), dynamic meter (`dynamic.rs`), depth checker
//! (`depth.rs`), heap bound (`heap.rs`). [`instrument`] applies the last four in that order:
//! - [`meter`]: a 12-operator header before every basic block ([`ends_basic_block`]) that
//!   charges the block's ink, trapping with `ink_status = 1` when it runs out;
//! - [`dynamic_meter`]: a 17-operator charge before every `memory.fill` / `memory.copy`, per
//!   byte;
//! - [`depth_check`]: a 12-operator prologue charging the function's worst-case frame
//!   ([`worst_case_stack`] over the metered code + declared locals + 4 words) against
//!   `stylus_stack_left`, an extra `return` before the final `end`, and a 4-operator reclaim
//!   before every `return`;
//! - [`heap_bound`]: when the memory can grow, `pay_for_memory_grow(pages)` before every
//!   `memory.grow`.
//!
//! The costs are the caller's (the executor passes Nitro's prices; the checker, which only
//! needs the shape, passes zeros). Bodies must be well formed and only hold operators Nitro's
//! depth checker supports (MVP, sign-extension, saturating conversions, `memory.copy`,
//! `memory.fill`): the checker's other rules reject the rest first.

use wasmparser::{BlockType, FuncType, Operator};

/// Words the depth checker adds to every frame on top of the operand stack and locals.
pub const FRAME_OVERHEAD_WORDS: u64 = 4;

/// Where the instrumentation's globals and host function are, and the per-byte price of the
/// dynamic meter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// `stylus_ink_left` (i64).
    pub ink_left: u32,
    /// `stylus_ink_status` (i32, set to 1 when out of ink).
    pub ink_status: u32,
    /// `stylus_scratch_global` (i32), shared by the dynamic meter and the heap bound.
    pub scratch: u32,
    /// `stylus_stack_left` (i32), the depth checker's budget.
    pub stack_left: u32,
    /// The `vm_hooks.pay_for_memory_grow` import, when the memory can grow (Nitro's heap bound
    /// instruments nothing when max == min, even if the import is there).
    pub pay_for_memory_grow: Option<u32>,
    /// Ink per byte of `memory.fill` / `memory.copy`.
    pub ink_per_byte: u64,
}

/// Types the depth checker looks up.
#[derive(Clone, Copy, Debug)]
pub struct TypeInfo<'t> {
    /// The type section.
    pub types: &'t [FuncType],
    /// Type index of every function, imports first.
    pub func_types: &'t [u32],
}

/// One instrumented function.
#[derive(Clone, Debug, PartialEq)]
pub struct Instrumented<'a> {
    /// The instrumented body, final `end` included.
    pub ops: Vec<Operator<'a>>,
    /// Most operand-stack slots alive at once, in the depth checker's accounting.
    pub contention: u64,
    /// Worst-case frame in words: contention + declared locals + 4.
    pub frame_words: u64,
}

/// Instruments one body (final `end` included) as Nitro does: [`meter`], [`dynamic_meter`],
/// [`depth_check`], [`heap_bound`]. `block_ink` gives the ink a basic block costs (its
/// operators and the header). `None` if the body is malformed or holds an operator the depth
/// checker does not support.
pub fn instrument<'a>(
    ops: Vec<Operator<'a>>,
    declared_locals: u64,
    layout: &Layout,
    info: &TypeInfo<'_>,
    block_ink: impl FnMut(&[Operator<'a>]) -> u64,
) -> Option<Instrumented<'a>> {
    let metered = meter(ops, layout, block_ink)?;
    let dynamic = dynamic_meter(metered, layout);
    let contention = worst_case_stack(&dynamic, info)?;
    let frame_words = contention
        .saturating_add(declared_locals)
        .saturating_add(FRAME_OVERHEAD_WORDS);
    let depth = depth_check(dynamic, layout, frame_words);
    Some(Instrumented {
        ops: heap_bound(depth, layout),
        contention,
        frame_words,
    })
}

/// What Nitro's instrumentation would make of one function, in the numbers its limits bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FrameModel {
    /// Most operand-stack slots alive at once, in the depth checker's accounting.
    pub(crate) contention: u64,
    /// Worst-case frame in words: contention + declared locals + 4.
    pub(crate) frame_words: u64,
    /// Operators in the fully instrumented body.
    pub(crate) instrumented_ops: u64,
}

/// Models one function by instrumenting it with placeholder globals and costs (only the shape
/// of the inserted code matters to the limits). `None` as for [`instrument`].
pub(crate) fn model(
    ops: &[Operator<'_>],
    declared_locals: u64,
    memory_growable: bool,
    info: &TypeInfo<'_>,
) -> Option<FrameModel> {
    let layout = Layout {
        pay_for_memory_grow: memory_growable.then_some(0),
        ..Layout::default()
    };
    let out = instrument(ops.to_vec(), declared_locals, &layout, info, |_| 0)?;
    Some(FrameModel {
        contention: out.contention,
        frame_words: out.frame_words,
        instrumented_ops: out.ops.len() as u64,
    })
}

/// Does Nitro's ink meter end a basic block at `op` (`OperatorInfo::ends_basic_block`)?
#[must_use]
pub fn ends_basic_block(op: &Operator<'_>) -> bool {
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

/// The ink meter (`meter.rs`): before each basic block,
/// `if ink_left < cost { ink_status = 1; unreachable }; ink_left -= cost`, where cost is
/// `block_ink(block)`. Nitro writes the cost as an i64 constant, so `u64::MAX` becomes -1 and
/// always traps. `None` if the body does not end on a block boundary (it is malformed).
pub fn meter<'a>(
    ops: Vec<Operator<'a>>,
    layout: &Layout,
    mut block_ink: impl FnMut(&[Operator<'a>]) -> u64,
) -> Option<Vec<Operator<'a>>> {
    let (ink, status) = (layout.ink_left, layout.ink_status);
    let mut out = Vec::with_capacity(ops.len() * 2);
    let mut block = Vec::new();
    for op in ops {
        let end = ends_basic_block(&op);
        block.push(op);
        if end {
            #[allow(clippy::cast_possible_wrap)] // as Nitro does
            let value = block_ink(&block) as i64;
            out.extend([
                Operator::GlobalGet { global_index: ink },
                Operator::I64Const { value },
                Operator::I64LtU,
            ]);
            out.extend(out_of_ink_if_lt(status));
            out.extend([
                Operator::GlobalGet { global_index: ink },
                Operator::I64Const { value },
                Operator::I64Sub,
                Operator::GlobalSet { global_index: ink },
            ]);
            out.append(&mut block);
        }
    }
    block.is_empty().then_some(out)
}

/// Both meters' trap, after an `i64.lt_u` of the ink left against the charge:
/// `if { ink_status = 1; unreachable }`.
fn out_of_ink_if_lt(status: u32) -> [Operator<'static>; 5] {
    [
        Operator::If {
            blockty: BlockType::Empty,
        },
        Operator::I32Const { value: 1 },
        Operator::GlobalSet {
            global_index: status,
        },
        Operator::Unreachable,
        Operator::End,
    ]
}

/// The dynamic meter (`dynamic.rs`): `memory.fill` / `memory.copy` first pay
/// `ink_per_byte` for each byte of their length (the top of the stack), trapping like the
/// meter when the ink runs out.
#[must_use]
pub fn dynamic_meter<'a>(ops: Vec<Operator<'a>>, layout: &Layout) -> Vec<Operator<'a>> {
    let (ink, status, scratch) = (layout.ink_left, layout.ink_status, layout.scratch);
    #[allow(clippy::cast_possible_wrap)] // as Nitro does
    let coefficient = layout.ink_per_byte as i64;
    let mut out = Vec::with_capacity(ops.len());
    for op in ops {
        if matches!(
            op,
            Operator::MemoryFill { .. } | Operator::MemoryCopy { .. }
        ) {
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
            ]);
            out.extend(out_of_ink_if_lt(status));
            out.push(Operator::GlobalGet {
                global_index: scratch,
            });
        }
        out.push(op);
    }
    out
}

/// The depth checker (`depth.rs`): charges `frame_words` against `stack_left` on entry
/// (trapping with `stack_left = 0` when it does not fit), adds an extra `return` before the
/// final `end` and credits the frame back before every `return`.
#[must_use]
pub fn depth_check<'a>(
    mut ops: Vec<Operator<'a>>,
    layout: &Layout,
    frame_words: u64,
) -> Vec<Operator<'a>> {
    let global_index = layout.stack_left;
    // Nitro writes `size as i32`; sizes past the frame limit never get this far.
    #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
    let value = frame_words as i32;
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
    out
}

/// The heap bound (`heap.rs`): when the memory can grow, every `memory.grow` first calls
/// `pay_for_memory_grow(pages)`.
#[must_use]
pub fn heap_bound<'a>(ops: Vec<Operator<'a>>, layout: &Layout) -> Vec<Operator<'a>> {
    let Some(function_index) = layout.pay_for_memory_grow else {
        return ops;
    };
    let global_index = layout.scratch;
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

/// The depth checker's `worst_case_depth`: a saturating operand stack count where each block
/// restores the height it was opened at, and calls push their results before popping their
/// arguments. `None` for an operator it does not support or a malformed body.
#[must_use]
pub fn worst_case_stack(ops: &[Operator<'_>], info: &TypeInfo<'_>) -> Option<u64> {
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

    for op in ops {
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
