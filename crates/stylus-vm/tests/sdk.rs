//! A real stylus-sdk 0.9 contract (tests/fixtures/counter, rebuilt by its `build.sh`) driven
//! with alloy-sol-types calldata: rustc's module shape (bulk memory, sign-ext), the SDK's storage
//! cache, payable checks, custom errors, events and reentrancy guard.
//!
//! The fixture is raw rustc output; what is deployed is the pipeline's artifact of it
//! ([`integra_pipeline::reencode`]), as on a real chain: rustc 1.82+ encodes `call_indirect`'s
//! table index in the reference-types format, which Nitro's validator rejects.

use alloy_primitives::{address, Address, B256, U256};
use alloy_sol_types::{sol, SolCall, SolError, SolEvent};
use stylus_vm::{Status, Tx, Vm};

sol! {
    function number() external view returns (uint256);
    function setNumber(uint256 value) external;
    function increment() external;
    function deposit() external payable returns (uint256);
    function of(address who) external view returns (uint256);
    function now() external view returns (uint64);
    function forward(address to, bytes data) external returns (bytes);
    event Set(address indexed by, uint256 value);
    error TooBig(uint256 value);
}

/// rustc's output, as built.
const COUNTER_RAW: &[u8] = include_bytes!("fixtures/counter.wasm");

/// The module the pipeline ships for it.
fn counter_wasm() -> Vec<u8> {
    integra_pipeline::reencode(COUNTER_RAW).expect("the pipeline re-encodes rustc output")
}
const ALICE: Address = address!("00000000000000000000000000000000000a11ce");

fn setup() -> (Vm, Address) {
    let mut vm = Vm::new();
    vm.state_mut().set_balance(ALICE, U256::from(1_000_000u64));
    let counter = vm
        .deploy(ALICE, &counter_wasm())
        .expect("the pipeline's artifact of rustc output activates");
    (vm, counter)
}

#[test]
fn sets_and_reads_a_number_and_emits_the_event() {
    let (mut vm, counter) = setup();
    let set = setNumberCall {
        value: U256::from(42),
    }
    .abi_encode();
    let r = vm.call(ALICE, counter, &set, U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success, "{:?}", r.trap);
    assert_eq!(r.logs.len(), 1);
    let event = Set::decode_log_data(
        &alloy_primitives::LogData::new_unchecked(
            r.logs[0].topics.clone(),
            r.logs[0].data.clone().into(),
        ),
        true,
    )
    .unwrap();
    assert_eq!(event.by, ALICE);
    assert_eq!(event.value, U256::from(42));
    // Slot 0 holds the number (sol_storage! layout).
    assert_eq!(
        vm.state().storage(&counter, &B256::ZERO),
        B256::from(U256::from(42))
    );

    let r = vm
        .call(ALICE, counter, &numberCall {}.abi_encode(), U256::ZERO)
        .unwrap();
    let n = numberCall::abi_decode_returns(&r.output, true).unwrap()._0;
    assert_eq!(n, U256::from(42));
    let r = vm
        .call(
            ALICE,
            counter,
            &ofCall { who: ALICE }.abi_encode(),
            U256::ZERO,
        )
        .unwrap();
    assert_eq!(
        ofCall::abi_decode_returns(&r.output, true).unwrap()._0,
        U256::from(42)
    );
}

#[test]
fn a_custom_error_reverts_with_its_abi_encoding_and_rolls_back() {
    let (mut vm, counter) = setup();
    let big = U256::from(2_000_000u64);
    let r = vm
        .call(
            ALICE,
            counter,
            &setNumberCall { value: big }.abi_encode(),
            U256::ZERO,
        )
        .unwrap();
    assert_eq!(r.status, Status::Revert);
    assert_eq!(
        r.output.as_ref(),
        TooBig { value: big }.abi_encode().as_slice()
    );
    assert!(r.logs.is_empty());
    assert_eq!(vm.state().storage(&counter, &B256::ZERO), B256::ZERO);
}

#[test]
fn value_sent_to_a_non_payable_method_reverts_with_empty_data() {
    let (mut vm, counter) = setup();
    let r = vm
        .call(
            ALICE,
            counter,
            &incrementCall {}.abi_encode(),
            U256::from(5),
        )
        .unwrap();
    assert_eq!(r.status, Status::Revert);
    assert!(r.output.is_empty());
    assert_eq!(vm.state().balance(&counter), U256::ZERO);
    let r = vm
        .call(ALICE, counter, &depositCall {}.abi_encode(), U256::from(5))
        .unwrap();
    assert_eq!(r.status, Status::Success);
    assert_eq!(
        depositCall::abi_decode_returns(&r.output, true).unwrap()._0,
        U256::from(5)
    );
    assert_eq!(vm.state().balance(&counter), U256::from(5));
}

#[test]
fn the_block_timestamp_is_what_the_test_sets() {
    let (mut vm, counter) = setup();
    vm.block_mut().timestamp = 1_900_000_000;
    let r = vm
        .call(ALICE, counter, &nowCall {}.abi_encode(), U256::ZERO)
        .unwrap();
    assert_eq!(
        nowCall::abi_decode_returns(&r.output, true).unwrap()._0,
        1_900_000_000
    );
}

#[test]
fn a_raw_call_reaches_another_program_and_a_reentrant_one_reverts_empty() {
    let (mut vm, a) = setup();
    let b = vm.deploy(ALICE, &counter_wasm()).unwrap();
    vm.call(
        ALICE,
        b,
        &setNumberCall {
            value: U256::from(9),
        }
        .abi_encode(),
        U256::ZERO,
    )
    .unwrap();
    let fwd = forwardCall {
        to: b,
        data: numberCall {}.abi_encode().into(),
    }
    .abi_encode();
    let r = vm.call(ALICE, a, &fwd, U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success, "{:?}", r.trap);
    let inner = forwardCall::abi_decode_returns(&r.output, true).unwrap()._0;
    assert_eq!(
        numberCall::abi_decode_returns(&inner, true).unwrap()._0,
        U256::from(9)
    );

    // Calling itself: the SDK (without the `reentrant` feature) reverts the inner call with
    // empty data, so the raw call yields no bytes.
    let fwd = forwardCall {
        to: a,
        data: numberCall {}.abi_encode().into(),
    }
    .abi_encode();
    let r = vm.call(ALICE, a, &fwd, U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success);
    assert!(forwardCall::abi_decode_returns(&r.output, true)
        .unwrap()
        ._0
        .is_empty());
}

#[test]
fn an_sdk_call_costs_entry_plus_metered_execution() {
    let (mut vm, counter) = setup();
    let info = vm.activate(&counter_wasm()).unwrap();
    let data = numberCall {}.abi_encode();
    let r = vm
        .transact(&Tx {
            from: ALICE,
            to: counter,
            data: data.clone(),
            ..Tx::default()
        })
        .unwrap();
    assert_eq!(r.status, Status::Success);
    // Memory beyond the 2 free pages, cached gas and init gas (version 2 parameters).
    let memory = stylus_vm::pricing::MemoryModel::default().gas_cost(info.footprint, 0, 0);
    let entry = stylus_vm::pricing::EntryParams::default();
    let entry = memory + entry.cached_gas(info.cached_cost) + entry.init_gas(info.init_cost);
    assert_eq!(r.entry_gas, entry);
    let execution = r.gas_used - r.intrinsic_gas - entry;
    // Execution gas is the ink spent, rounded up to whole gas.
    assert_eq!(execution, r.ink_used.div_ceil(10_000));
    println!(
        "number(): {} gas = 21,000 + calldata {} + entry {entry} (footprint {} pages) + execution {execution}",
        r.gas_used,
        r.intrinsic_gas - 21_000,
        info.footprint
    );
}

#[test]
fn a_program_called_again_in_a_transaction_pays_only_the_cached_gas_from_arbos_60() {
    let (mut vm, a) = setup();
    let b = vm.deploy(ALICE, &counter_wasm()).unwrap();
    let info = vm.activate(&counter_wasm()).unwrap();
    // `a` forwards to `b`: the same code twice in one transaction.
    let fwd = forwardCall {
        to: b,
        data: numberCall {}.abi_encode().into(),
    }
    .abi_encode();
    let r60 = vm.call(ALICE, a, &fwd, U256::ZERO).unwrap();
    assert_eq!(r60.status, Status::Success);
    // A new transaction starts with an empty recent-program cache: the same entry again.
    let again = vm.call(ALICE, a, &fwd, U256::ZERO).unwrap();
    assert_eq!(again.entry_gas, r60.entry_gas);
    // Before ArbOS 60 (no RecentWasms), the second call pays the init gas too.
    vm.set_arbos_version(50);
    let r50 = vm.call(ALICE, a, &fwd, U256::ZERO).unwrap();
    assert_eq!(r50.status, Status::Success);
    let init = stylus_vm::pricing::EntryParams::default().init_gas(info.init_cost);
    assert_eq!(r50.entry_gas - r60.entry_gas, init);
}

#[test]
fn a_static_call_reads_without_changing_anything() {
    let (mut vm, counter) = setup();
    vm.call(
        ALICE,
        counter,
        &setNumberCall {
            value: U256::from(5),
        }
        .abi_encode(),
        U256::ZERO,
    )
    .unwrap();
    let nonce = vm.state().nonce(&ALICE);
    let r = vm
        .static_call(ALICE, counter, &numberCall {}.abi_encode())
        .unwrap();
    assert_eq!(
        numberCall::abi_decode_returns(&r.output, true).unwrap()._0,
        U256::from(5)
    );
    // A write in a static call fails (the SDK flushes its cache before returning).
    let r = vm
        .static_call(
            ALICE,
            counter,
            &setNumberCall {
                value: U256::from(6),
            }
            .abi_encode(),
        )
        .unwrap();
    assert_eq!(r.status, Status::Revert);
    assert_eq!(vm.state().nonce(&ALICE), nonce);
    assert_eq!(
        vm.state().storage(&counter, &B256::ZERO),
        B256::from(U256::from(5))
    );
}

#[test]
fn raw_rustc_output_is_rejected_as_nitro_rejects_it() {
    // rustc 1.82+ writes call_indirect's table index as a 5-byte LEB; Nitro's validator
    // (reference-types off) wants a single zero byte.
    let err = Vm::new().activate(COUNTER_RAW).unwrap_err();
    assert!(err.to_string().contains("zero byte expected"), "{err}");
}
