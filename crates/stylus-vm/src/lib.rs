//! # stylus-vm — an in-process Arbitrum Stylus executor
//!
//! Runs Stylus programs (WASM with a `user_entrypoint(i32) -> i32` export and `vm_hooks`
//! imports) the way Nitro does, and charges what Nitro charges.
//!
//! (Full documentation below, in "How it works" and "Where it differs from Nitro".)

mod host;
pub mod instrument;
mod precompiles;
pub mod pricing;
pub mod state;
mod vm;

pub use instrument::{Activated, ActivationError};
pub use state::{Account, Log, State};
pub use vm::{calldata_gas, BlockEnv, Receipt, Status, Tx, Vm, VmError};
