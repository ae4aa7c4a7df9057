//! Cross-program calls, value, precompiles and activation rules.

// Hand derivations keep every term of Nitro's formulas, zero-valued ones included.
#![allow(clippy::identity_op, clippy::erasing_op, clippy::format_collect)]
#![allow(clippy::needless_raw_string_hashes)]

use alloy_primitives::{address, Address, B256, U256};
use stylus_vm::{calldata_gas, Status, Tx, Vm, VmError};

const ALICE: Address = address!("00000000000000000000000000000000000a11ce");
const BOB: Address = address!("0000000000000000000000000000000000000b0b");
const A: Address = address!("00000000000000000000000000000000000000aa");
const B: Address = address!("00000000000000000000000000000000000000bb");

fn wasm(text: &str) -> Vec<u8> {
    wat::parse_str(text).expect("valid wat")
}

/// Entry gas (cached + init, version 2) of a one-function module with 1 page and `data_len`
/// bytes of data segments (each segment's full encoding, as Nitro measures it).
fn entry_gas(wasm_len: u64, data_len: u64) -> u64 {
    let cached = 13_420 / 100_000
        + 2 * 89 / 100_000
        + wasm_len * 122 / 100_000
        + 4 * 1_628 / 1_000
        + data_len * 75_244 / 100_000
        + 5;
    let init = 8_252 / 1_000 + 2 * 1_059 / 1_000 + wasm_len * 1_286 / 10_000;
    352 + cached + 8_832 + init
}

/// Calls the address at memory 0 with no calldata, value at 100, gas from `gas`,
/// then returns the callee's first `ret` bytes of return data.
fn caller(kind: &str, gas: i64, target: Address, ret: u32) -> String {
    let (import, call) = match kind {
        "call" => (
            "(param i32 i32 i32 i32 i64 i32) (result i32)",
            format!("i32.const 0 i32.const 0 i32.const 0 i32.const 100 i64.const {gas} i32.const 200 call $call"),
        ),
        _ => (
            "(param i32 i32 i32 i64 i32) (result i32)",
            format!("i32.const 0 i32.const 0 i32.const 0 i64.const {gas} i32.const 200 call $call"),
        ),
    };
    let hooks = match kind {
        "call" => "call_contract",
        "static" => "static_call_contract",
        _ => "delegate_call_contract",
    };
    let target: String = target.iter().map(|b| format!("\\{b:02x}")).collect();
    format!(
        r#"(module
          (import "vm_hooks" "{hooks}" (func $call {import}))
          (import "vm_hooks" "read_return_data" (func $rrd (param i32 i32 i32) (result i32)))
          (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
          (memory (export "memory") 1 1)
          (data (i32.const 0) "{target}")
          (func (export "user_entrypoint") (param $len i32) (result i32)
            (local $status i32)
            {call}
            local.set $status
            i32.const 300 i32.const 0 i32.const {ret} call $rrd drop
            i32.const 300 i32.const {ret} call $write_result
            local.get $status))"#
    )
}

const GAS_LEFT: &str = r#"(module
  (import "vm_hooks" "evm_gas_left" (func $gas (result i64)))
  (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
  (memory (export "memory") 1 1)
  (func (export "user_entrypoint") (param $len i32) (result i32)
    i32.const 0 call $gas i64.store
    i32.const 0 i32.const 8 call $write_result
    i32.const 0))"#;

fn gas_seen_by_callee(requested: i64, gas_limit: u64) -> (u64, u64, u64) {
    let a = wasm(&caller("call", requested, B, 8));
    let b = wasm(GAS_LEFT);
    let mut vm = Vm::new();
    vm.install(A, &a).unwrap();
    vm.install(B, &b).unwrap();
    let r = vm
        .transact(&Tx {
            from: ALICE,
            to: A,
            gas_limit,
            ..Tx::default()
        })
        .unwrap();
    assert_eq!(r.status, Status::Success, "{:?}", r.trap);
    let seen = u64::from_le_bytes(r.output[..8].try_into().unwrap());
    // A's one data segment: flags 1 + offset expr 3 + length 1 + 20 address bytes = 25.
    (
        seen,
        entry_gas(a.len() as u64, 25),
        entry_gas(b.len() as u64, 0),
    )
}

#[test]
fn a_call_forwards_63_64ths_of_the_gas_left_after_the_access_cost() {
    let (seen, entry_a, entry_b) = gas_seen_by_callee(-1, 1_000_000);
    // A's gas: 1,000,000 - 21,000 - entry. Before the call A spent [5 i32.const + i64.const +
    // call] = 3,806 + 2,450 ink and the hostio 83,193 + 2·read_price(0) = 115,955 ink:
    // 122,211 ink → 13 gas. B is cold: 2,600. Forwarded: (left - 2,600)·63/64.
    let left = 1_000_000 - 21_000 - entry_a - 13;
    let forwarded = (left - 2_600) * 63 / 64;
    // B: entry (its page fits in the 2 free pages with A's 1), then [i32.const, call] 6,251 +
    // evm_gas_left 8,400 = 14,651 ink → 2 gas before it reads the gas left.
    assert_eq!(seen, forwarded - entry_b - 2);
}

#[test]
fn a_call_forwards_at_most_the_requested_gas() {
    let (seen, _, entry_b) = gas_seen_by_callee(50_000, 1_000_000);
    assert_eq!(seen, 50_000 - entry_b - 2);
}

const REVERTER: &str = r#"(module
  (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
  (import "vm_hooks" "storage_cache_bytes32" (func $cache (param i32 i32)))
  (import "vm_hooks" "storage_flush_cache" (func $flush (param i32)))
  (memory (export "memory") 1 1)
  (data (i32.const 0) "oops")
  (func (export "user_entrypoint") (param $len i32) (result i32)
    i32.const 100 i32.const 0 call $cache
    i32.const 0 call $flush
    i32.const 0 i32.const 4 call $write_result
    i32.const 1))"#;

#[test]
fn revert_data_propagates_and_the_callee_state_is_rolled_back() {
    let mut vm = Vm::new();
    vm.install(A, &wasm(&caller("call", -1, B, 4))).unwrap();
    vm.install(B, &wasm(REVERTER)).unwrap();
    let r = vm.call(ALICE, A, &[], U256::ZERO).unwrap();
    // A returns the status byte (2 for a failed call) as its own status: a revert with B's data.
    assert_eq!(r.status, Status::Revert);
    assert_eq!(r.output.as_ref(), b"oops");
    assert_eq!(
        vm.state().storage(&B, &B256::with_last_byte(100)),
        B256::ZERO
    );
}

#[test]
fn a_static_call_that_writes_storage_fails_with_empty_data() {
    let store = r#"(module
      (import "vm_hooks" "storage_cache_bytes32" (func $cache (param i32 i32)))
      (import "vm_hooks" "storage_flush_cache" (func $flush (param i32)))
      (memory (export "memory") 1 1)
      (data (i32.const 0) "\01")
      (func (export "user_entrypoint") (param $len i32) (result i32)
        i32.const 32 i32.const 0 call $cache
        i32.const 0 call $flush
        i32.const 0))"#;
    let mut vm = Vm::new();
    vm.install(A, &wasm(&caller("static", -1, B, 0))).unwrap();
    vm.install(B, &wasm(store)).unwrap();
    let r = vm.call(ALICE, A, &[], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Revert);
    assert!(r.output.is_empty());
    assert_eq!(r.trap.as_deref(), Some("write protection"));
    // Called directly, the same program writes.
    let r = vm.call(ALICE, B, &[], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success);
    assert_ne!(vm.state().storage(&B, &B256::ZERO), B256::ZERO);
}

#[test]
fn a_delegate_call_runs_the_callee_code_in_the_caller_context() {
    let who = r#"(module
      (import "vm_hooks" "msg_sender" (func $sender (param i32)))
      (import "vm_hooks" "contract_address" (func $this (param i32)))
      (import "vm_hooks" "msg_value" (func $value (param i32)))
      (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
      (memory (export "memory") 1 1)
      (func (export "user_entrypoint") (param $len i32) (result i32)
        i32.const 0 call $sender
        i32.const 20 call $this
        i32.const 40 call $value
        i32.const 0 i32.const 72 call $write_result
        i32.const 0))"#;
    let mut vm = Vm::new();
    vm.install(A, &wasm(&caller("delegate", -1, B, 72)))
        .unwrap();
    vm.install(B, &wasm(who)).unwrap();
    vm.state_mut().set_balance(ALICE, U256::from(100));
    let r = vm.call(ALICE, A, &[], U256::from(3)).unwrap();
    assert_eq!(r.status, Status::Success, "{:?}", r.trap);
    assert_eq!(&r.output[0..20], ALICE.as_slice());
    assert_eq!(&r.output[20..40], A.as_slice());
    assert_eq!(U256::from_be_slice(&r.output[40..72]), U256::from(3));
}

#[test]
fn a_program_sends_value_to_an_account() {
    let mut a = caller("call", -1, BOB, 0);
    a = a.replace(
        r#"(data (i32.const 0)"#,
        r#"(data (i32.const 131) "\07") (data (i32.const 0)"#,
    );
    let mut vm = Vm::new();
    vm.install(A, &wasm(&a)).unwrap();
    vm.state_mut().set_balance(A, U256::from(100));
    let r = vm.call(ALICE, A, &[], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success, "{:?}", r.trap);
    assert_eq!(vm.state().balance(&BOB), U256::from(7));
    assert_eq!(vm.state().balance(&A), U256::from(93));
}

#[test]
fn sha256_precompile_charges_60_plus_12_per_word() {
    let mut vm = Vm::new();
    let sha = Address::with_last_byte(2);
    let r = vm.call(ALICE, sha, b"abc", U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success);
    assert_eq!(
        alloy_primitives::hex::encode(&r.output),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(r.gas_used, 21_000 + calldata_gas(b"abc") + 60 + 12);
}

#[test]
fn a_failing_pairing_consumes_all_the_gas_it_was_given() {
    let mut vm = Vm::new();
    let r = vm
        .transact(&Tx {
            from: ALICE,
            to: Address::with_last_byte(8),
            data: vec![1; 100],
            gas_limit: 200_000,
            ..Tx::default()
        })
        .unwrap();
    assert!(matches!(r.status, Status::Halt(_)));
    assert_eq!(r.gas_used, 200_000);
}

#[test]
fn a_transaction_bumps_the_nonce_even_when_it_reverts() {
    let mut vm = Vm::new();
    vm.install(B, &wasm(REVERTER)).unwrap();
    let r = vm.call(ALICE, B, &[], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Revert);
    assert_eq!(vm.state().nonce(&ALICE), 1);
}

#[test]
fn a_gas_limit_below_intrinsic_gas_is_rejected() {
    let mut vm = Vm::new();
    let err = vm
        .transact(&Tx {
            from: ALICE,
            to: BOB,
            gas_limit: 20_999,
            ..Tx::default()
        })
        .unwrap_err();
    assert!(matches!(err, VmError::InvalidTransaction(_)));
}

fn rejects(text: &str, needle: &str) {
    let err = Vm::new().activate(&wasm(text)).unwrap_err();
    assert!(
        err.to_string().contains(needle),
        "{err} should mention {needle}"
    );
}

#[test]
fn activation_rejects_what_nitro_rejects() {
    let entry = r#"(func (export "user_entrypoint") (param i32) (result i32) i32.const 0)"#;
    let mem = r#"(memory (export "memory") 1 1)"#;
    rejects(
        &format!(r#"(module (import "vm_hooks" "nope" (func)) {mem} {entry})"#),
        "unknown import vm_hooks.nope",
    );
    rejects(
        &format!(r#"(module (import "env" "f" (func)) {mem} {entry})"#),
        "unknown module",
    );
    rejects(
        &format!(r#"(module (import "vm_hooks" "read_args" (func (param i64))) {mem} {entry})"#),
        "wrong signature",
    );
    rejects(
        &format!(r#"(module {mem})"#),
        "missing export user_entrypoint",
    );
    rejects(&format!("(module {entry})"), "missing memory");
    rejects(
        &format!(r#"(module (memory (export "memory") 129) {entry})"#),
        "memory exceeds limit",
    );
    rejects(
        &format!(r#"(module (memory (export "memory") 1) {entry})"#),
        "pay_for_memory_grow",
    );
    rejects(
        &format!(r#"(module {mem} {entry} (func $s) (start $s))"#),
        "start functions not allowed",
    );
    rejects(
        &format!(
            r#"(module {mem} (table 1 funcref)
              (func (export "user_entrypoint") (param i32) (result i32)
                i32.const 0 table.get 0 drop i32.const 0))"#
        ),
        "not supported",
    );
    rejects(
        &format!(
            r#"(module {mem} (data "x")
              (func (export "user_entrypoint") (param i32) (result i32)
                i32.const 0 i32.const 0 i32.const 1 memory.init 0 i32.const 0))"#
        ),
        "not supported",
    );
}

const ECHO: &str = r#"(module
  (import "vm_hooks" "read_args" (func $read_args (param i32)))
  (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
  (memory (export "memory") 1 1)
  (func (export "user_entrypoint") (param $len i32) (result i32)
    i32.const 0 call $read_args
    i32.const 0 local.get $len call $write_result
    i32.const 0))"#;

fn escaped(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("\\{b:02x}")).collect()
}

#[test]
fn create2_deploys_a_program_at_the_salted_address_and_charges_create_gas() {
    let echo = wasm(ECHO);
    let len = echo.len() as u64;
    let factory = format!(
        r#"(module
          (import "vm_hooks" "create2" (func $create2 (param i32 i32 i32 i32 i32 i32)))
          (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
          (memory (export "memory") 1 1)
          (data (i32.const 63) "\2a")
          (data (i32.const 1000) "{}")
          (func (export "user_entrypoint") (param $len i32) (result i32)
            i32.const 1000 i32.const {len} i32.const 0 i32.const 32 i32.const 64 i32.const 96
            call $create2
            i32.const 64 i32.const 20 call $write_result
            i32.const 0))"#,
        escaped(&echo)
    );
    let mut vm = Vm::new();
    vm.install(A, &wasm(&factory)).unwrap();
    let r = vm.call(ALICE, A, &[], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success, "{:?}", r.trap);
    let created = Address::from_slice(&r.output);
    assert_eq!(
        created,
        A.create2(B256::with_last_byte(42), alloy_primitives::keccak256(&echo))
    );
    // Blocks: [6 consts, call] 6,256 + [2 consts, call] 6,252 + [const, end] 2,452.
    // create2: 8,400 + 4·5,040 + 59,673 = 88,233 + 2·read_price(len); write_result(20) 41,162.
    // Gas: 32,000 + 6 per code word + 200 per deposited byte (the child's 63/64 and the
    // retained 1/64 come back).
    let read_price = 16_381 + 55 * (len - 32);
    let gas = 32_000 + 6 * len.div_ceil(32) + 200 * len;
    let ink = 6_256 + 6_252 + 2_452 + 88_233 + 2 * read_price + 41_162 + gas * 10_000;
    assert_eq!(r.ink_used, ink);
    let echoed = vm.call(ALICE, created, b"abc", U256::ZERO).unwrap();
    assert_eq!(echoed.output.as_ref(), b"abc");
}

#[test]
fn create1_uses_the_creator_nonce() {
    let echo = wasm(ECHO);
    let factory = format!(
        r#"(module
          (import "vm_hooks" "create1" (func $create1 (param i32 i32 i32 i32 i32)))
          (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
          (memory (export "memory") 1 1)
          (data (i32.const 1000) "{}")
          (func (export "user_entrypoint") (param $len i32) (result i32)
            i32.const 1000 i32.const {} i32.const 0 i32.const 64 i32.const 96 call $create1
            i32.const 64 i32.const 20 call $write_result
            i32.const 0))"#,
        escaped(&echo),
        echo.len()
    );
    let mut vm = Vm::new();
    vm.install(A, &wasm(&factory)).unwrap();
    let first = vm.call(ALICE, A, &[], U256::ZERO).unwrap();
    let second = vm.call(ALICE, A, &[], U256::ZERO).unwrap();
    // Contract accounts start at nonce 1 (EIP-161).
    assert_eq!(Address::from_slice(&first.output), A.create(1));
    assert_eq!(Address::from_slice(&second.output), A.create(2));
    assert_eq!(vm.state().nonce(&A), 3);
}

#[test]
fn a_program_called_back_by_its_callee_sees_msg_reentrant() {
    let a = format!(
        r#"(module
          (import "vm_hooks" "msg_reentrant" (func $reentrant (result i32)))
          (import "vm_hooks" "call_contract" (func $call (param i32 i32 i32 i32 i64 i32) (result i32)))
          (import "vm_hooks" "read_return_data" (func $rrd (param i32 i32 i32) (result i32)))
          (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
          (memory (export "memory") 1 1)
          (data (i32.const 0) "{}")
          (data (i32.const 400) "\01")
          (func (export "user_entrypoint") (param $len i32) (result i32)
            call $reentrant
            (if (then i32.const 400 i32.const 1 call $write_result i32.const 0 return))
            i32.const 0 i32.const 0 i32.const 0 i32.const 100 i64.const -1 i32.const 200 call $call
            drop
            i32.const 300 i32.const 0 i32.const 1 call $rrd drop
            i32.const 300 i32.const 1 call $write_result
            i32.const 0))"#,
        escaped(B.as_slice())
    );
    let mut vm = Vm::new();
    vm.install(A, &wasm(&a)).unwrap();
    vm.install(B, &wasm(&caller("call", -1, A, 1))).unwrap();
    let r = vm.call(ALICE, A, &[], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success, "{:?}", r.trap);
    assert_eq!(r.output.as_ref(), &[1]);
}

#[test]
fn ecrecover_precompile_recovers_the_signer() {
    use k256::ecdsa::SigningKey;
    let key = SigningKey::from_slice(&[7u8; 32]).unwrap();
    let hash = alloy_primitives::keccak256(b"integra");
    let (sig, recovery) = key.sign_prehash_recoverable(hash.as_slice()).unwrap();
    let public = key.verifying_key().to_encoded_point(false);
    let signer = Address::from_slice(&alloy_primitives::keccak256(&public.as_bytes()[1..])[12..]);
    let mut input = hash.to_vec();
    input.extend_from_slice(&U256::from(27 + u64::from(recovery.to_byte())).to_be_bytes::<32>());
    input.extend_from_slice(&sig.to_bytes());
    let mut vm = Vm::new();
    let r = vm
        .call(ALICE, Address::with_last_byte(1), &input, U256::ZERO)
        .unwrap();
    assert_eq!(r.status, Status::Success);
    assert_eq!(&r.output[12..], signer.as_slice());
    // 3,000 gas for the precompile on top of the intrinsic gas.
    assert_eq!(r.gas_used, 21_000 + calldata_gas(&input) + 3_000);
}
