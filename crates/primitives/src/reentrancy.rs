//! Explicit storage reentrancy guard (spec 00 §4).
//!
//! Contracts that call out while state is half-written take the guard once in the outer
//! function. Views are not guarded, so resolver hooks and tokenizers can read a registry mid-call
//! (the contract is built with the SDK's `reentrant` feature for that; the guard keeps writes
//! single-entry).
use alloc::{vec, vec::Vec};
use stylus_sdk::{prelude::*, storage::StorageBool};

use crate::errors::ReentrancyGuardReentrantCall;

/// One storage flag: `true` while a guarded function runs.
#[storage]
pub struct ReentrancyGuard {
    entered: StorageBool,
}

impl ReentrancyGuard {
    /// Marks the guarded section as entered.
    ///
    /// # Errors
    /// [`ReentrancyGuardReentrantCall`] when the section is already entered.
    pub fn enter(&mut self) -> Result<(), ReentrancyGuardReentrantCall> {
        if self.entered.get() {
            return Err(ReentrancyGuardReentrantCall {});
        }
        self.entered.set(true);
        Ok(())
    }

    /// Leaves the guarded section.
    pub fn exit(&mut self) {
        self.entered.set(false);
    }

    /// True while a guarded section runs.
    #[must_use]
    pub fn is_entered(&self) -> bool {
        self.entered.get()
    }
}

#[cfg(test)]
mod tests {
    use alloy_primitives::Address;
    use alloy_sol_types::SolError;
    use motsu::prelude::*;
    use stylus_sdk::prelude::*;

    use super::*;

    #[storage]
    struct Guarded {
        guard: ReentrancyGuard,
    }

    unsafe impl TopLevelStorage for Guarded {}

    #[public]
    impl Guarded {
        fn enter(&mut self) -> Result<(), Vec<u8>> {
            self.guard.enter().map_err(|e| e.abi_encode())
        }
        fn exit(&mut self) {
            self.guard.exit();
        }
        fn entered(&self) -> bool {
            self.guard.is_entered()
        }
    }

    #[motsu::test]
    fn second_entry_before_exit_is_refused(contract: Contract<Guarded>, alice: Address) {
        contract.sender(alice).enter().unwrap();
        assert!(contract.sender(alice).entered());
        let err = contract.sender(alice).enter().unwrap_err();
        assert_eq!(err, ReentrancyGuardReentrantCall {}.abi_encode());
    }

    #[motsu::test]
    fn entry_after_exit_is_allowed(contract: Contract<Guarded>, alice: Address) {
        contract.sender(alice).enter().unwrap();
        contract.sender(alice).exit();
        assert!(!contract.sender(alice).entered());
        contract.sender(alice).enter().unwrap();
    }
}
