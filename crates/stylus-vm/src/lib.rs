//! # stylus-vm — an in-process Arbitrum Stylus executor
//!
//! Runs Stylus programs (WASM exporting `memory` and `user_entrypoint(i32) -> i32`, importing
//! `vm_hooks`) under Nitro's rules and prices, in a small journaled world of accounts, so that
//! contract tests and gas reports need no node.
//!
//! ```
//! use alloy_primitives::{address, U256};
//! use stylus_vm::{Status, Vm};
//!
//! // Any Stylus module: rustc output from stylus-sdk, or hand-written WAT.
//! let wasm = wat::parse_str(r#"(module
//!     (import "vm_hooks" "read_args" (func $read_args (param i32)))
//!     (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
//!     (memory (export "memory") 1 1)
//!     (func (export "user_entrypoint") (param $len i32) (result i32)
//!       i32.const 0 call $read_args
//!       i32.const 0 local.get $len call $write_result
//!       i32.const 0))"#).unwrap();
//!
//! let alice = address!("00000000000000000000000000000000000a11ce");
//! let mut vm = Vm::new();
//! vm.block_mut().timestamp = 1_800_000_000;        // block context is settable
//! let echo = vm.deploy(alice, &wasm).unwrap();     // activate + install at alice's CREATE address
//! let receipt = vm.call(alice, echo, b"hello", U256::ZERO).unwrap();
//! assert_eq!(receipt.status, Status::Success);
//! assert_eq!(receipt.output.as_ref(), b"hello");
//! println!("gas used {} (ink in the program {})", receipt.gas_used, receipt.ink_used);
//! // receipt.logs: emitted logs in order; vm.state().storage(&echo, &key): storage words.
//! ```
//!
//! ## Public API
//! - [`Vm::new`], [`Vm::deploy`] (CREATE address of a deployer) / [`Vm::install`] (fixed
//!   address) / [`Vm::activate`] (validate and price only), [`Vm::set_cached`].
//! - [`Vm::transact`] with a [`Tx`] (from, to, data, value, gas limit, gas price) or the
//!   [`Vm::call`] shorthand, returning a [`Receipt`]: [`Status`], output (return or revert
//!   data), `gas_used` (after refunds, as a receipt shows it), `gas_refunded`,
//!   `intrinsic_gas`, `ink_used` (ink spent inside programs, entry costs excluded),
//!   `entry_gas` (what programs paid to start), `logs`, and `trap` (diagnostic for a trap or
//!   failed hostio, which Nitro reports only as an empty revert).
//! - [`Vm::static_call`]: an `eth_call`-style read whose effects are all discarded.
//! - [`Vm::state`] / [`Vm::state_mut`]: balances, nonces, code and storage ([`State`]);
//!   [`Vm::block_mut`]: number, timestamp, chain id, basefee, coinbase, gas limit ([`BlockEnv`]).
//! - [`Vm::set_arbos_version`]: activation rules of another `ArbOS` version (default 60).
//! - [`pricing`]: Nitro's price tables; [`instrument::activate`]: the activation pass alone.
//! - [`set_trace`]: print each program entry, storage access, call and log with its gas to
//!   stderr (the breakdowns in the contracts' docs come from it).
//!
//! ## How it works
//! **Activation** ([`instrument`]) checks the module with the build pipeline's checker of
//! Nitro's activation rules ([`integra_pipeline::validate`], under the `ArbOS` version set with
//! [`Vm::set_arbos_version`]; its own float rules aside, since Nitro activates float code), then
//! rewrites it with wasm-encoder applying Nitro's middlewares in Nitro's order
//! (`prover/src/programs/config.rs`), as implemented once in [`integra_pipeline::frame`] and
//! shared with the checker; this crate supplies the prices:
//! 1. *ink meter* (`meter.rs`): ops are grouped into basic blocks (a block ends at `end`,
//!    `else`, `return`, `loop`, `br`, `br_if`, `br_table`, `if`, `call`, `call_indirect`);
//!    before each block goes `if ink < cost { status = 1; unreachable }; ink -= cost`, where
//!    cost = the block's pricing-v1 ink + the 2,450-ink header. Floats and unsupported ops
//!    cost `u64::MAX`, so any block holding one always runs out of ink;
//! 2. *dynamic meter* (`dynamic.rs`): `memory.fill`/`memory.copy` pay 100 ink per byte first;
//!    `memory.init`, `data.drop` and table ops are rejected;
//! 3. *depth checker* (`depth.rs`): each function's worst-case frame (operand-stack peak over
//!    the already-metered code + locals + 4 words) is charged against `stylus_stack_left`
//!    (262,144 words per call) on entry and credited back at every return; frames over
//!    10,240 words or with more than 4,096 live values are rejected;
//! 4. *heap bound* (`heap.rs`): when the memory can grow (max ≠ min), `memory.grow` first
//!    calls `pay_for_memory_grow(pages)`.
//!
//! The module also gets Nitro's `init_cost` / `cached_cost` (`binary.rs`) and footprint.
//! Instrumented modules are cached per code hash (keccak of the WASM).
//!
//! **Calls** follow `arbos/programs/programs.go` and `native.go`: a call pays the memory model
//! (2 free pages per transaction, then 1,000 gas per page plus the exponential ramp of
//! `memory.go`) for the footprint, the cached gas (352 + `cached_cost`) and, unless the program
//! is cached, the init gas (8,832 + `init_cost`, Stylus version 2 parameters); the rest of the
//! gas becomes ink at 10,000 ink per gas. The outcome maps as in Nitro: success / revert keep
//! the unspent gas; a trap or a failed hostio is a revert with empty data that *keeps* the gas
//! left; out of ink and out of stack consume all gas of the frame. Returned data costs at least
//! the EVM memory cost of its size.
//!
//! **Hostios** ([`pricing`] and the private `host` module) follow
//! `wasm-libraries/user-host-trait/lib.rs` for ink (8,400 base, 5,040 per pointer, 59,673 for
//! EVM-API hostios, `read_price` / `write_price` per byte), the storage cache of
//! `arbutil/src/evm/req.rs` (first 32 reads / 8 writes free), and `arbos/programs/api.go` +
//! geth's `operations_acl_arbitrum.go` for EVM gas (EIP-2929 warm/cold, EIP-2200/3529 SSTORE
//! costs and refunds, 63/64 rule computed as `(gas_left - base) * 63 / 64`, value stipend,
//! create costs, log gas). All 42 `vm_hooks` Nitro links are provided; any other import fails
//! activation with an error naming it.
//!
//! **World** ([`State`]): accounts, storage, transient storage, access lists, refunds and logs
//! with a journal; each frame is a checkpoint, rolled back on failure. Transactions charge
//! 21,000 + calldata gas (4 / 16), bump the sender's nonce, buy gas at the gas price, move
//! value, apply the EIP-3529 refund cap (a fifth of the gas used).
//!
//! **Precompiles** 0x01–0x09 come from `revm-precompile` (Cancun set, pure-Rust backends: k256,
//! sha2, ripemd, substrate-bn, aurora-engine-modexp) at EVM prices; a failing precompile
//! consumes all the gas it was given.
//!
//! ## Why wasmi
//! wasmi 2.0 is a pure-Rust interpreter: no JIT, no native code generation, no C toolchain,
//! 8 crates of its own (it carries wasmparser 0.228; the instrumentation uses the workspace's
//! wasmparser / wasm-encoder 0.244, shared with the build pipeline). wasmer, Nitro's engine,
//! would bring its Cranelift or singlepass compiler and a much larger build (not measured
//! here). Measured here: a clean dev build of this crate and all its dependencies (90 crates,
//! ~30 of them from `revm-precompile` beyond alloy-primitives) takes 43 s of wall time (63 s
//! of CPU) on 2 cores. Speed is ample for tests: `benches/call.rs` (criterion, release
//! profile) measures one complete storage-writing transaction on an installed program
//! (instantiation, entry costs, a metered run, a cold SSTORE, journal, receipt) at about
//! 10 µs (8.5–11 µs across runs). Ink does not depend on the engine: it is charged by the
//! instrumentation, exactly as Nitro's compilers see it.
//!
//! ## Where this executor cannot match Nitro
//! - **No EVM interpreter.** Calls to accounts holding EVM bytecode halt (all gas consumed);
//!   `create1`/`create2` accept only a WASM module as "init code": it is deployed as is (no
//!   constructor, 200 gas per byte deposit) and activated at once. On Nitro, init code is EVM
//!   bytecode and a deployed program must be activated through `ArbWasm` (activation gas and
//!   data fee not modelled).
//! - **Code is stored uncompressed.** `account_code`, `account_code_size`, `account_codehash`
//!   and code hashes see the raw WASM, not the `EF F0 00` + brotli form; the 24 KiB compressed
//!   size limit and root/fragment contracts are not checked here (the build pipeline does).
//! - **Activation checks** are the build pipeline's ([`integra_pipeline::validate`]): every
//!   rule it lists, so a module activates here exactly when the pipeline passes it (float code
//!   aside, which both Nitro and this executor activate). Raw rustc 1.82+ output is rejected
//!   as Nitro rejects it (`call_indirect`'s table index in the reference-types encoding: "zero
//!   byte expected"): deploy the pipeline's re-encoded artifact. Not checked: the 128 KiB
//!   decompressed-size limit (except for `create1` / `create2`). Debug-only imports
//!   (`console`, `debug`) are rejected as unknown modules, as on a non-debug chain.
//! - **Arbitrum transaction economics** are absent: no L1 data (poster) gas in `gas_used`, no
//!   `ArbOS` precompiles (`ArbSys`, `ArbWasm`, `ArbGasInfo`, ... at 0x64+) and no P256 precompile,
//!   no program expiry / keepalive, no cache-manager bids (use [`Vm::set_cached`]). `ArbOS` 60's
//!   recent-program cache (`RecentWasms`, 32 programs per block) is modelled per transaction,
//!   since every transaction here is its own block: the first call of an uncached program in a
//!   transaction pays the init gas, later calls of the same code only the cached gas.
//! - **Chain parameters are Nitro's initial `StylusParams`** (ink price 10,000, 2 free pages,
//!   1,000 gas per page, minimum init gas 69·128, minimum cached gas 11·32, both cost scalars
//!   100%, stack budget 262,144 words, 128-page limit). A chain whose owner changed them
//!   through `ArbOwner` prices differently; [`pricing`] holds the values in one place.
//! - **Block context is what the test sets**: `block_number` returns [`BlockEnv::number`]
//!   (Nitro returns the L1 block number there); `tx_gas_price` returns the transaction's gas
//!   price as given (no EIP-1559 effective price); the fee is charged at that price.
//! - **EVM transaction features not modelled**: signatures, nonce checks, access-list and
//!   contract-creation transactions (use [`Vm::deploy`]), SELFDESTRUCT, EIP-7702, blobs.
//! - **`msg_reentrant`** is true when the program's address already has an active frame
//!   (Nitro's geth counts active program frames per address the same way).
//! - **Engine limits**: Nitro detects a native stack overflow of wasmer and retries; here
//!   wasmi's own limits (80,000 frames) sit above the depth checker's budget, and reaching them
//!   halts with "native stack overflow". Nitro's tracing and debug hostios are not provided.
//! - **Storage flush order**: Nitro flushes dirty slots in hash-map order, as here; per-slot
//!   costs do not depend on the order, but when a flush runs out of gas the set of slots
//!   written before the failure may differ (the frame reverts either way).

mod host;
pub mod instrument;
mod precompiles;
pub mod pricing;
pub mod state;
mod vm;

pub use host::set_trace;
pub use instrument::{Activated, ActivationError};
pub use state::{Account, Log, State};
pub use vm::{calldata_gas, BlockEnv, Receipt, Status, Tx, Vm, VmError};
