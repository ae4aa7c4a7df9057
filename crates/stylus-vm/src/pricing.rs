//! Nitro's Stylus prices: opcode ink (pricing v1), hostio ink, the memory model and the
//! program entry costs. Every figure here is read from Nitro's source (see the crate docs for the
//! files); none is tuned.

use wasmparser::Operator;

/// One EVM gas buys this much ink (`StylusParams.InkPrice`, 10,000 since `ArbOS` 31).
pub const INK_PRICE: u64 = 10_000;
/// Ink charged by the header of every basic block (`ink_header_cost`).
pub const INK_HEADER: u64 = 2_450;
/// Per-byte ink of `memory.fill` / `memory.copy` (`800 / 8`).
pub const BULK_MEMORY_INK_PER_BYTE: u64 = 100;
/// Stack-depth budget in words (`initialStackDepth = 4 * 65536`).
pub const MAX_STACK_DEPTH: u32 = 4 * 65_536;

/// Base ink of a hostio that may return something.
pub const HOSTIO_INK: u64 = 8_400;
/// Extra ink per pointer argument.
pub const PTR_INK: u64 = 13_440 - HOSTIO_INK;
/// Extra ink of hostios that go through the EVM API.
pub const EVM_API_INK: u64 = 59_673;
/// Extra ink of `math_div` / `math_mod`.
pub const DIV_INK: u64 = 20_000;
/// Extra ink of `math_mul_mod`.
pub const MUL_MOD_INK: u64 = 24_100;
/// Extra ink of `math_add_mod`.
pub const ADD_MOD_INK: u64 = 21_000;

/// EVM gas figures the hostios and the Go side use.
pub mod gas {
    /// EIP-2200 sentry: a store needs more than this much gas left.
    pub const SSTORE_SENTRY: u64 = 2_300;
    /// EIP-2929 cold account access.
    pub const COLD_ACCOUNT: u64 = 2_600;
    /// EIP-2929 cold slot load.
    pub const COLD_SLOAD: u64 = 2_100;
    /// EIP-2929 warm read.
    pub const WARM_READ: u64 = 100;
    /// EIP-2200 set of a fresh slot.
    pub const SSTORE_SET: u64 = 20_000;
    /// EIP-2200 reset of an existing slot (before the EIP-2929 discount).
    pub const SSTORE_RESET: u64 = 5_000;
    /// EIP-3529 refund for clearing a slot.
    pub const SSTORE_CLEARS_REFUND: u64 = 4_800;
    /// Gas the storage cache needs in reserve per access.
    pub const CACHE_REQUIRED_ACCESS: u64 = 10;
    /// LOG gas per topic (and the base LOG cost).
    pub const LOG_TOPIC: u64 = 375;
    /// LOG gas per data byte.
    pub const LOG_DATA: u64 = 8;
    /// Value-carrying CALL surcharge.
    pub const CALL_VALUE: u64 = 9_000;
    /// CALL surcharge for value sent to an empty account.
    pub const CALL_NEW_ACCOUNT: u64 = 25_000;
    /// Stipend added to a value-carrying call.
    pub const CALL_STIPEND: u64 = 2_300;
    /// CREATE base cost.
    pub const CREATE: u64 = 32_000;
    /// Keccak gas per word (CREATE2 hashing).
    pub const KECCAK_WORD: u64 = 6;
    /// Code deposit per byte.
    pub const CODE_DEPOSIT_BYTE: u64 = 200;
    /// Extra gas of code-reading account hostios (`MaxCodeSize / 24576 * 700`).
    pub const EXTCODE_EXTRA: u64 = 700;
    /// Transaction intrinsic gas.
    pub const TX: u64 = 21_000;
    /// Calldata gas per zero byte.
    pub const TX_DATA_ZERO: u64 = 4;
    /// Calldata gas per non-zero byte.
    pub const TX_DATA_NONZERO: u64 = 16;
    /// EVM memory gas per word (for the return-data floor).
    pub const MEMORY_WORD: u64 = 3;
    /// EVM memory quadratic divisor.
    pub const QUAD_COEFF_DIV: u64 = 512;
}

/// Ink to write `bytes` into the program's memory.
#[must_use]
pub fn write_price(bytes: u32) -> u64 {
    5_040 + 30 * u64::from(bytes.saturating_sub(32))
}

/// Ink to read `bytes` out of the program's memory.
#[must_use]
pub fn read_price(bytes: u32) -> u64 {
    16_381 + 55 * u64::from(bytes.saturating_sub(32))
}

/// Ink of `native_keccak256` over `bytes`.
#[must_use]
pub fn keccak_price(bytes: u32) -> u64 {
    let words = u64::from(bytes.div_ceil(32)).saturating_sub(2);
    121_800 + 21_000 * words
}

/// Variable ink of `math_pow`: one step per significant exponent byte, plus one.
#[must_use]
pub fn pow_price(exponent: &[u8; 32]) -> u64 {
    let leading_zeros = exponent.iter().take_while(|b| **b == 0).count() as u64;
    3_000 + (33 - leading_zeros) * 17_500
}

/// EVM memory cost of `size` bytes (the floor Nitro puts under returned data).
#[must_use]
pub fn evm_memory_cost(size: u64) -> u64 {
    let words = size.div_ceil(32);
    words
        .saturating_mul(gas::MEMORY_WORD)
        .saturating_add(words.saturating_mul(words) / gas::QUAD_COEFF_DIV)
}

/// Nitro's exponential memory ramp, indexed by pages ever opened in the transaction.
#[allow(clippy::unreadable_literal)] // copied as a table of Nitro's figures
const MEMORY_EXPONENTS: [u32; 129] = [
    1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 6, 7, 8, 9, 11, 12, 14, 17, 19, 22, 25, 29, 33, 38,
    43, 50, 57, 65, 75, 85, 98, 112, 128, 147, 168, 193, 221, 253, 289, 331, 379, 434, 497, 569,
    651, 745, 853, 976, 1117, 1279, 1463, 1675, 1917, 2194, 2511, 2874, 3290, 3765, 4309, 4932,
    5645, 6461, 7395, 8464, 9687, 11087, 12689, 14523, 16621, 19024, 21773, 24919, 28521, 32642,
    37359, 42758, 48938, 56010, 64104, 73368, 83971, 96106, 109994, 125890, 144082, 164904, 188735,
    216010, 247226, 282953, 323844, 370643, 424206, 485509, 555672, 635973, 727880, 833067, 953456,
    1091243, 1248941, 1429429, 1636000, 1872423, 2143012, 2452704, 2807151, 3212820, 3677113,
    4208502, 4816684, 5512756, 6309419, 7221210, 8264766, 9459129, 10826093, 12390601, 14181199,
    16230562, 18576084, 21260563, 24332984, 27849408, 31873999,
];

/// Nitro's per-transaction memory model (`arbos/programs/memory.go`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemoryModel {
    /// Pages a transaction gets for free.
    pub free_pages: u16,
    /// Linear gas per page past the free ones.
    pub page_gas: u16,
}

impl Default for MemoryModel {
    fn default() -> Self {
        Self {
            free_pages: 2,
            page_gas: 1_000,
        }
    }
}

impl MemoryModel {
    fn exp(pages: u16) -> u64 {
        MEMORY_EXPONENTS
            .get(usize::from(pages))
            .map_or(u64::MAX, |x| u64::from(*x))
    }

    /// Gas of opening `new` pages when `open` are open and `ever` were ever open in this
    /// transaction.
    #[must_use]
    pub fn gas_cost(&self, new: u16, open: u16, ever: u16) -> u64 {
        let new_open = open.saturating_add(new);
        let new_ever = ever.max(new_open);
        if new_ever <= self.free_pages {
            return 0;
        }
        let sub_free = |pages: u16| pages.saturating_sub(self.free_pages);
        let adding = sub_free(new_open).saturating_sub(sub_free(open));
        let linear = u64::from(adding).saturating_mul(u64::from(self.page_gas));
        let expand = Self::exp(new_ever).saturating_sub(Self::exp(ever));
        linear.saturating_add(expand)
    }
}

/// Program entry pricing (`StylusParams`, version 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryParams {
    /// Minimum init gas, in 128-gas units (69 since Stylus version 2).
    pub min_init_gas: u8,
    /// Minimum cached-init gas, in 32-gas units.
    pub min_cached_init_gas: u8,
    /// Init cost scalar, in 2% units.
    pub init_cost_scalar: u8,
    /// Cached cost scalar, in 2% units.
    pub cached_cost_scalar: u8,
}

impl Default for EntryParams {
    fn default() -> Self {
        Self {
            min_init_gas: 69,
            min_cached_init_gas: 11,
            init_cost_scalar: 50,
            cached_cost_scalar: 50,
        }
    }
}

impl EntryParams {
    /// Gas an uncached program pays to be loaded (`Program.initGas`).
    #[must_use]
    pub fn init_gas(&self, init_cost: u16) -> u64 {
        let base = u64::from(self.min_init_gas) * 128;
        let dyno = u64::from(init_cost) * u64::from(self.init_cost_scalar) * 2;
        base.saturating_add(dyno.div_ceil(100))
    }

    /// Gas every call pays to set the program up (`Program.cachedGas`).
    #[must_use]
    pub fn cached_gas(&self, cached_cost: u16) -> u64 {
        let base = u64::from(self.min_cached_init_gas) * 32;
        let dyno = u64::from(cached_cost) * u64::from(self.cached_cost_scalar) * 2;
        base.saturating_add(dyno.div_ceil(100))
    }
}

/// Ink of one operator under pricing v1; `u64::MAX` for the operators Stylus never lets finish
/// (floats, and everything outside the MVP + sign-ext + bulk-memory set). `params_of` gives the
/// parameter count of a type index (for `call_indirect`).
#[allow(clippy::match_same_arms)] // one arm per row of Nitro's table
pub(crate) fn op_ink(op: &Operator<'_>, params_of: impl Fn(u32) -> Option<usize>) -> u64 {
    use Operator as O;
    match op {
        O::Unreachable
        | O::Return
        | O::Nop
        | O::I32Const { .. }
        | O::I64Const { .. }
        | O::Block { .. }
        | O::Loop { .. }
        | O::Else
        | O::End => 1,
        O::Drop => 9,
        O::Br { .. } | O::BrIf { .. } | O::If { .. } => 765,
        O::Select => 1250,
        O::Call { .. } => 3800,
        O::LocalGet { .. } | O::LocalTee { .. } => 75,
        O::LocalSet { .. } => 210,
        O::GlobalGet { .. } => 225,
        O::GlobalSet { .. } => 575,
        O::I32Load { .. }
        | O::I32Load8S { .. }
        | O::I32Load8U { .. }
        | O::I32Load16S { .. }
        | O::I32Load16U { .. } => 670,
        O::I64Load { .. }
        | O::I64Load8S { .. }
        | O::I64Load8U { .. }
        | O::I64Load16S { .. }
        | O::I64Load16U { .. }
        | O::I64Load32S { .. }
        | O::I64Load32U { .. } => 680,
        O::I32Store { .. } | O::I32Store8 { .. } | O::I32Store16 { .. } => 825,
        O::I64Store { .. } | O::I64Store8 { .. } | O::I64Store16 { .. } | O::I64Store32 { .. } => {
            950
        }
        O::MemorySize { .. } => 3000,
        O::MemoryGrow { .. } => 8050,
        O::I32Eqz
        | O::I32Eq
        | O::I32Ne
        | O::I32LtS
        | O::I32LtU
        | O::I32GtS
        | O::I32GtU
        | O::I32LeS
        | O::I32LeU
        | O::I32GeS
        | O::I32GeU => 170,
        O::I64Eqz
        | O::I64Eq
        | O::I64Ne
        | O::I64LtS
        | O::I64LtU
        | O::I64GtS
        | O::I64GtU
        | O::I64LeS
        | O::I64LeU
        | O::I64GeS
        | O::I64GeU => 225,
        O::I32Clz | O::I32Ctz | O::I64Clz | O::I64Ctz => 210,
        O::I32Add
        | O::I32Sub
        | O::I32And
        | O::I32Or
        | O::I32Xor
        | O::I32Shl
        | O::I32ShrS
        | O::I32ShrU
        | O::I32Rotl
        | O::I32Rotr => 70,
        O::I32Mul | O::I64Mul => 160,
        O::I32DivS | O::I32DivU | O::I32RemS | O::I32RemU => 1120,
        O::I64Add
        | O::I64Sub
        | O::I64And
        | O::I64Or
        | O::I64Xor
        | O::I64Shl
        | O::I64ShrS
        | O::I64ShrU
        | O::I64Rotl
        | O::I64Rotr => 100,
        O::I64DivS | O::I64DivU | O::I64RemS | O::I64RemU => 1270,
        O::I32Popcnt => 2650,
        O::I64Popcnt => 6000,
        O::I32WrapI64
        | O::I64ExtendI32S
        | O::I64ExtendI32U
        | O::I32Extend8S
        | O::I32Extend16S
        | O::I64Extend8S
        | O::I64Extend16S
        | O::I64Extend32S => 100,
        O::MemoryCopy { .. } | O::MemoryFill { .. } => 950,
        O::BrTable { targets } => 2400 + 325 * u64::from(targets.len()),
        O::CallIndirect { type_index, .. } => {
            params_of(*type_index).map_or(u64::MAX, |n| 13_610 + 650 * n as u64)
        }
        _ => u64::MAX,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_model_first_two_pages_are_free_then_linear_plus_ramp() {
        let model = MemoryModel::default();
        assert_eq!(model.gas_cost(2, 0, 0), 0);
        // 3 pages: 1 paid page (1,000) + exp(3) - exp(0) = 1 - 1 = 0.
        assert_eq!(model.gas_cost(3, 0, 0), 1_000);
        // 17 pages (rustc's default 1 MiB stack): 15 * 1,000 + exp(17) - exp(0) = 15,000 + 9 - 1.
        assert_eq!(model.gas_cost(17, 0, 0), 15_008);
        // Re-opening pages already paid for in this tx costs only the linear part.
        assert_eq!(model.gas_cost(3, 0, 3), 1_000);
    }

    #[test]
    fn io_prices_match_nitro_tables() {
        assert_eq!(write_price(0), 5_040);
        assert_eq!(write_price(36), 5_040 + 4 * 30);
        assert_eq!(read_price(100), 16_381 + 68 * 55);
        assert_eq!(keccak_price(64), 121_800);
        assert_eq!(keccak_price(65), 121_800 + 21_000);
        let mut exp = [0u8; 32];
        exp[31] = 3;
        assert_eq!(pow_price(&exp), 3_000 + 2 * 17_500);
    }

    #[test]
    fn entry_gas_follows_version_2_params() {
        let p = EntryParams::default();
        // 69 * 128 + ceil(100 * 50 * 2 / 100)
        assert_eq!(p.init_gas(100), 8_832 + 100);
        assert_eq!(p.cached_gas(7), 352 + 7);
    }
}
