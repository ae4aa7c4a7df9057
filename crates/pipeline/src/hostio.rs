//! The host functions `vm_hooks` provides to a user module, with their signatures.
//!
//! Mirrors the table Nitro links user modules against (`crates/wasm-libraries/forward/lib.rs`,
//! `HOSTIOS`): an import of any other name fails activation with "No such import", and one with
//! another signature fails with "has different function signature".

use wasmparser::ValType::{self, I32, I64};

/// The module every import must come from.
pub const HOST_MODULE: &str = "vm_hooks";

/// The import a module with a growable memory must have (Nitro `HeapBound::PAY_FUNC`).
pub const PAY_FOR_MEMORY_GROW: &str = "pay_for_memory_grow";

/// `(name, params, results)` of every host function.
const HOSTIOS: &[(&str, &[ValType], &[ValType])] = &[
    ("read_args", &[I32], &[]),
    ("write_result", &[I32, I32], &[]),
    ("exit_early", &[I32], &[]),
    ("storage_load_bytes32", &[I32, I32], &[]),
    ("storage_cache_bytes32", &[I32, I32], &[]),
    ("storage_flush_cache", &[I32], &[]),
    ("transient_load_bytes32", &[I32, I32], &[]),
    ("transient_store_bytes32", &[I32, I32], &[]),
    ("call_contract", &[I32, I32, I32, I32, I64, I32], &[I32]),
    ("delegate_call_contract", &[I32, I32, I32, I64, I32], &[I32]),
    ("static_call_contract", &[I32, I32, I32, I64, I32], &[I32]),
    ("create1", &[I32, I32, I32, I32, I32], &[]),
    ("create2", &[I32, I32, I32, I32, I32, I32], &[]),
    ("read_return_data", &[I32, I32, I32], &[I32]),
    ("return_data_size", &[], &[I32]),
    ("emit_log", &[I32, I32, I32], &[]),
    ("account_balance", &[I32, I32], &[]),
    ("account_code", &[I32, I32, I32, I32], &[I32]),
    ("account_code_size", &[I32], &[I32]),
    ("account_codehash", &[I32, I32], &[]),
    ("evm_gas_left", &[], &[I64]),
    ("evm_ink_left", &[], &[I64]),
    ("block_basefee", &[I32], &[]),
    ("chainid", &[], &[I64]),
    ("block_coinbase", &[I32], &[]),
    ("block_gas_limit", &[], &[I64]),
    ("block_number", &[], &[I64]),
    ("block_timestamp", &[], &[I64]),
    ("contract_address", &[I32], &[]),
    ("math_div", &[I32, I32], &[]),
    ("math_mod", &[I32, I32], &[]),
    ("math_pow", &[I32, I32], &[]),
    ("math_add_mod", &[I32, I32, I32], &[]),
    ("math_mul_mod", &[I32, I32, I32], &[]),
    ("msg_reentrant", &[], &[I32]),
    ("msg_sender", &[I32], &[]),
    ("msg_value", &[I32], &[]),
    ("native_keccak256", &[I32, I32, I32], &[]),
    ("tx_gas_price", &[I32], &[]),
    ("tx_ink_price", &[], &[I32]),
    ("tx_origin", &[I32], &[]),
    (PAY_FOR_MEMORY_GROW, &[I32], &[]),
];

/// The `(params, results)` of the host function `name`, if `vm_hooks` has one.
pub(crate) fn signature(name: &str) -> Option<(&'static [ValType], &'static [ValType])> {
    HOSTIOS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, params, results)| (*params, *results))
}

/// Every host function Nitro links for Stylus programs: `(name, params, results)`. The executor
/// must provide each of them (a test there instantiates a module importing all of them).
pub fn all() -> impl Iterator<Item = (&'static str, &'static [ValType], &'static [ValType])> {
    HOSTIOS.iter().copied()
}
