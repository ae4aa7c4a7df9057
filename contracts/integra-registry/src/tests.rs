//! motsu tests: every function's happy path, each revert with its exact error and fields,
//! unauthorized callers, limits at and just past the boundary, and events with exact fields.
//!
//! Layout: [`access`] (constructor, roles, ERC-165), [`register`] (R1), [`getters`] (R2, R3),
//! [`lifecycle`] (R4–R6), [`enumeration`] (R7), [`router`] (the hand-written ABI router),
//! [`errors`] (the hand-written error encoder against alloy) and [`properties`] (invariants).
//!
//! Not coverable here: motsu gives every contract the same code hash and never changes it, so
//! the `…CodeChanged` reverts of R5 and the "code replaced" branch of R2 are left to the
//! WASM-level suite: `tests/tests/registry_code_change.rs`.
#![allow(clippy::needless_pass_by_value)] // motsu fixtures are passed by value

mod access;
mod enumeration;
mod errors;
mod getters;
mod lifecycle;
mod properties;
mod register;
mod router;

use alloc::string::String;
use core::fmt::Debug;

use alloy_primitives::{b256, keccak256, Address, B256, U256};
use alloy_sol_types::{SolError, SolEvent};
use motsu::prelude::*;

use super::*;

/// motsu's `block_timestamp`.
const NOW: u64 = 1_735_689_600;

/// The code hash motsu reports for every contract.
const CODE_HASH: B256 = b256!("1111111111111111111111111111111111111111111111111111111111111111");

/// All four types, in enum order.
const TYPES: [RegistryType; 4] = [
    RegistryType::Provider,
    RegistryType::Verifier,
    RegistryType::Resolver,
    RegistryType::Tokenizer,
];

fn now() -> U256 {
    U256::from(NOW)
}

/// A component id derived from a name, as deployments derive theirs.
fn id(name: &str) -> B256 {
    keccak256(name.as_bytes())
}

fn s(text: &str) -> String {
    text.into()
}

/// Asserts `result` failed with exactly `expected` (selector and every field).
#[track_caller]
fn assert_error<T: Debug>(result: Result<T, Error>, expected: impl SolError + Debug) {
    match result {
        Ok(v) => panic!("expected {expected:?}, got Ok({v:?})"),
        Err(err) => assert_eq!(
            Vec::<u8>::from(err),
            expected.abi_encode(),
            "expected {expected:?}"
        ),
    }
}

/// `AccessControlUnauthorizedAccount(account, GOVERNOR_ROLE)`.
fn not_governor(account: Address) -> AccessControlUnauthorizedAccount {
    AccessControlUnauthorizedAccount {
        account,
        neededRole: GOVERNOR_ROLE,
    }
}

/// Deploys the registry with `gov` as deployer and governor.
fn deploy(contract: &Contract<IntegraRegistry>, gov: Address) {
    contract.sender(gov).constructor(gov).unwrap();
}

/// Registers through the typed facade of `t`.
fn register_typed(
    contract: &Contract<IntegraRegistry>,
    caller: Address,
    t: RegistryType,
    component_id: B256,
    component: Address,
    component_type: &str,
    description: &str,
) -> Result<(), Error> {
    let mut c = contract.sender(caller);
    let (ty, desc) = (component_type, description);
    match t {
        RegistryType::Provider => c.register_provider(component_id, component, ty, desc),
        RegistryType::Verifier => c.register_verifier(component_id, component, ty, desc),
        RegistryType::Resolver => c.register_resolver(component_id, component, ty, desc),
        RegistryType::Tokenizer => c.register_tokenizer(component_id, component, ty, desc),
    }
}

/// The typed checked getter of `t`.
fn get_typed(contract: &Contract<IntegraRegistry>, t: RegistryType, component_id: B256) -> Address {
    let c = contract.sender(Address::ZERO);
    match t {
        RegistryType::Provider => c.get_provider(component_id),
        RegistryType::Verifier => c.get_verifier(component_id),
        RegistryType::Resolver => c.get_resolver(component_id),
        RegistryType::Tokenizer => c.get_tokenizer_component(component_id),
    }
}

/// Number of logs the registry has emitted so far.
fn log_count(contract: &Contract<IntegraRegistry>) -> usize {
    contract.all_events().len()
}

/// True when the registry emitted any log of event `E`, whatever its fields.
fn emitted_any<E: SolEvent>(contract: &Contract<IntegraRegistry>) -> bool {
    contract
        .all_events()
        .iter()
        .any(|log| log.topics().first() == Some(&E::SIGNATURE_HASH))
}
