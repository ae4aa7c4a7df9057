//! Solidity errors raised by more than one contract (spec 00 §4). Contract modules wrap them in
//! their own `#[derive(SolidityError)] enum Error`. The derives let tests compare exact values.
#![allow(missing_docs)] // the sol! items carry the Solidity signature as their documentation

use alloy_sol_types::sol;

sol! {
    /// An address argument that must be set was zero.
    #[derive(Debug, PartialEq, Eq)]
    error ZeroAddress();
    /// A batch call received no items.
    #[derive(Debug, PartialEq, Eq)]
    error EmptyBatch();
    /// A batch call received more than `max` items.
    #[derive(Debug, PartialEq, Eq)]
    error BatchTooLarge(uint256 size, uint256 max);
    /// The parallel arrays of a batch call differ in length.
    #[derive(Debug, PartialEq, Eq)]
    error ArrayLengthMismatch();
    /// A state-changing function was entered again before it returned (OZ v5 name).
    #[derive(Debug, PartialEq, Eq)]
    error ReentrancyGuardReentrantCall();
    /// The record `integraHash` does not exist in the document registry.
    #[derive(Debug, PartialEq, Eq)]
    error DocumentNotRegistered(bytes32 integraHash);
}
