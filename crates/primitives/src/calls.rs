//! Outgoing calls with an explicit gas limit and bounded return data (DESIGN §3: the SDK's call
//! helpers hand over all available gas by default and copy all return data).
//!
//! Every call flushes the storage cache first, so that a contract re-entered during the call
//! (a view read by a resolver hook) sees the caller's current state, including its reentrancy
//! flag.
use alloc::{string::String, vec::Vec};

use alloy_primitives::{Address, B256, U256};
use stylus_sdk::prelude::Host;

use crate::limits::MAX_REVERT_BUBBLE;

/// `keccak256("")`: the code hash of an existing account without code.
pub const EMPTY_CODE_HASH: B256 = B256::new(stylus_sdk::keccak_const::Keccak256::new().finalize());

/// Selector of Solidity's `Error(string)`.
pub const ERROR_STRING_SELECTOR: [u8; 4] = [0x08, 0xc3, 0x79, 0xa0];

/// What a failed call's `reason` is when its revert data is not an `Error(string)`.
pub const UNKNOWN_ERROR: &str = "Unknown error";

/// Kind of outgoing call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `CALL` carrying `value`.
    Call(U256),
    /// `STATICCALL`.
    Static,
    /// `DELEGATECALL`: the callee's code runs on the caller's storage, address, `msg.sender` and
    /// `msg.value` (and, inside a static frame, stays static).
    Delegate,
}

/// Calls `to` with `calldata` and at most `gas` gas, after flushing the storage cache. Copies at
/// most [`MAX_REVERT_BUBBLE`] bytes of the return or revert data back.
///
/// The host calls are used directly (not `RawCall`) to learn the return length first and copy
/// exactly `min(length, 2048)` bytes.
///
/// # Errors
/// The (truncated) revert data when the callee reverts or runs out of gas.
pub fn call(
    vm: &dyn Host,
    kind: Kind,
    to: Address,
    calldata: &[u8],
    gas: u64,
) -> Result<Vec<u8>, Vec<u8>> {
    call_limited(vm, kind, to, calldata, gas, MAX_REVERT_BUBBLE)
}

/// As [`call`], copying at most `max_return` bytes of the return or revert data (for a trusted
/// callee whose return can exceed [`MAX_REVERT_BUBBLE`], e.g. an EAS attestation with its data).
///
/// # Errors
/// The (truncated) revert data when the callee reverts or runs out of gas.
#[allow(clippy::inline_always)] // keeps `call` the code it was before this variant existed
#[inline(always)]
pub fn call_limited(
    vm: &dyn Host,
    kind: Kind,
    to: Address,
    calldata: &[u8],
    gas: u64,
    max_return: usize,
) -> Result<Vec<u8>, Vec<u8>> {
    vm.flush_cache(false);
    let mut len = 0usize;
    // SAFETY: the pointers are valid for the stated lengths during the call, the cache was
    // flushed, and callers hold no storage reference across the call (they re-read storage).
    let status = unsafe {
        match kind {
            Kind::Call(value) => {
                let value = B256::from(value);
                vm.call_contract(
                    to.as_ptr(),
                    calldata.as_ptr(),
                    calldata.len(),
                    value.as_ptr(),
                    gas,
                    &mut len,
                )
            }
            Kind::Static => vm.static_call_contract(
                to.as_ptr(),
                calldata.as_ptr(),
                calldata.len(),
                gas,
                &mut len,
            ),
            Kind::Delegate => vm.delegate_call_contract(
                to.as_ptr(),
                calldata.as_ptr(),
                calldata.len(),
                gas,
                &mut len,
            ),
        }
    };
    let out = if len == 0 {
        Vec::new()
    } else {
        vm.read_return_data(0, Some(len.min(max_return)))
    };
    if status == 0 {
        Ok(out)
    } else {
        Err(out)
    }
}

/// Sends `value` wei to `to` with an empty calldata and all remaining gas.
///
/// # Errors
/// The revert data when the recipient rejects the transfer.
pub fn send_value(vm: &dyn Host, to: Address, value: U256) -> Result<Vec<u8>, Vec<u8>> {
    call(vm, Kind::Call(value), to, &[], u64::MAX)
}

/// True when `account` has code (a contract, or an EIP-7702 delegated EOA).
#[must_use]
pub fn has_code(vm: &dyn Host, account: Address) -> bool {
    let hash = vm.code_hash(account);
    !hash.is_zero() && hash != EMPTY_CODE_HASH
}

/// The message of an `Error(string)` revert, else [`UNKNOWN_ERROR`].
#[must_use]
pub fn revert_reason(data: &[u8]) -> String {
    if data.get(..4) == Some(&ERROR_STRING_SELECTOR[..]) {
        if let Some(s) = crate::abi::Args(&data[4..]).string(0) {
            return s.into();
        }
    }
    UNKNOWN_ERROR.into()
}

/// `selector ‖ abi.encode(tokens…)`: calldata of an outgoing call.
#[must_use]
pub fn calldata(selector: [u8; 4], tokens: &[crate::abi::Token<'_>]) -> Vec<u8> {
    crate::abi::encode_error(selector, tokens)
}

/// Decodes a return of exactly one ABI word as `bool` or `address`, per `read`.
#[must_use]
pub fn one_word<T>(data: &[u8], read: impl Fn(crate::abi::Args<'_>) -> Option<T>) -> Option<T> {
    if data.len() < 32 {
        return None;
    }
    read(crate::abi::Args(data))
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_sol_types::{sol, SolError};

    sol! {
        error Error(string message);
    }

    #[test]
    fn reason_of_an_error_string_is_its_message() {
        let data = Error {
            message: "no".into(),
        }
        .abi_encode();
        assert_eq!(data[..4], ERROR_STRING_SELECTOR);
        assert_eq!(revert_reason(&data), "no");
    }

    #[test]
    fn any_other_revert_data_is_an_unknown_error() {
        assert_eq!(revert_reason(&[]), UNKNOWN_ERROR);
        assert_eq!(revert_reason(&[1, 2, 3, 4, 5]), UNKNOWN_ERROR);
        assert_eq!(revert_reason(&ERROR_STRING_SELECTOR), UNKNOWN_ERROR);
    }

    #[test]
    fn one_word_needs_a_whole_word() {
        let t = B256::with_last_byte(1);
        assert_eq!(one_word(t.as_slice(), |a| a.bool(0)), Some(true));
        assert_eq!(one_word(&t[..31], |a| a.bool(0)), None);
        assert_eq!(
            one_word(B256::with_last_byte(2).as_slice(), |a| a.bool(0)),
            None
        );
    }

    #[test]
    fn empty_code_hash_is_keccak_of_nothing() {
        assert_eq!(EMPTY_CODE_HASH, alloy_primitives::keccak256([]));
    }
}
