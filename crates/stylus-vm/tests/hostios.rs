//! Each hostio against a hand-computed ink / gas figure (Nitro `pricing.rs`,
//! `user-host-trait/lib.rs`, `api.go`; opcode ink from DESIGN §3).

use alloy_primitives::{address, keccak256, Address, B256, U256};
use stylus_vm::{Status, Tx, Vm};

const ALICE: Address = address!("00000000000000000000000000000000000a11ce");
const PROGRAM: Address = address!("0000000000000000000000000000000000c0ffee");

fn vm_with(text: &str) -> Vm {
    let code = wat::parse_str(text).expect("valid wat");
    let mut vm = Vm::new();
    vm.install(PROGRAM, &code).expect("activates");
    vm
}

/// A program whose entrypoint runs `body` and returns 0.
fn program(imports: &str, body: &str) -> String {
    format!(
        r#"(module {imports}
          (memory (export "memory") 1 1)
          (func (export "user_entrypoint") (param $len i32) (result i32)
            {body}
            i32.const 0))"#
    )
}

/// `i32.const 0; call $h` then `i32.const 0; end`: [1 + 3,800 + 2,450] + [1 + 1 + 2,450].
const PTR_CALL_BLOCKS: u64 = 6_251 + 2_452;
/// `call $h; drop` then `i32.const 0; end`: [3,800 + 2,450] + [9 + 1 + 1 + 2,450].
const NOARG_CALL_BLOCKS: u64 = 6_250 + 2_461;

#[test]
fn simple_hostios_charge_their_base_ink() {
    // (import, body, blocks, hostio ink)
    let cases: &[(&str, &str, u64, u64)] = &[
        ("block_number", "call $h drop", NOARG_CALL_BLOCKS, 8_400),
        ("block_timestamp", "call $h drop", NOARG_CALL_BLOCKS, 8_400),
        ("block_gas_limit", "call $h drop", NOARG_CALL_BLOCKS, 8_400),
        ("chainid", "call $h drop", NOARG_CALL_BLOCKS, 8_400),
        ("evm_gas_left", "call $h drop", NOARG_CALL_BLOCKS, 8_400),
        ("evm_ink_left", "call $h drop", NOARG_CALL_BLOCKS, 8_400),
        ("tx_ink_price", "call $h drop", NOARG_CALL_BLOCKS, 8_400),
        ("msg_reentrant", "call $h drop", NOARG_CALL_BLOCKS, 8_400),
        ("return_data_size", "call $h drop", NOARG_CALL_BLOCKS, 8_400),
        // 8,400 + 5,040 per pointer.
        ("msg_sender", "i32.const 0 call $h", PTR_CALL_BLOCKS, 13_440),
        ("msg_value", "i32.const 0 call $h", PTR_CALL_BLOCKS, 13_440),
        ("tx_origin", "i32.const 0 call $h", PTR_CALL_BLOCKS, 13_440),
        (
            "tx_gas_price",
            "i32.const 0 call $h",
            PTR_CALL_BLOCKS,
            13_440,
        ),
        (
            "block_basefee",
            "i32.const 0 call $h",
            PTR_CALL_BLOCKS,
            13_440,
        ),
        (
            "block_coinbase",
            "i32.const 0 call $h",
            PTR_CALL_BLOCKS,
            13_440,
        ),
        (
            "contract_address",
            "i32.const 0 call $h",
            PTR_CALL_BLOCKS,
            13_440,
        ),
    ];
    for (name, body, blocks, hostio) in cases {
        let sig = match *body {
            "call $h drop"
                if [
                    "evm_gas_left",
                    "evm_ink_left",
                    "block_number",
                    "block_timestamp",
                    "block_gas_limit",
                    "chainid",
                ]
                .contains(name) =>
            {
                "(result i64)"
            }
            "call $h drop" => "(result i32)",
            _ => "(param i32)",
        };
        let imports = format!(r#"(import "vm_hooks" "{name}" (func $h {sig}))"#);
        let mut vm = vm_with(&program(&imports, body));
        let r = vm.call(ALICE, PROGRAM, &[], U256::ZERO).unwrap();
        assert_eq!(r.status, Status::Success, "{name}");
        assert_eq!(r.ink_used, blocks + hostio, "{name}");
    }
}

const ECHO: &str = r#"(module
  (import "vm_hooks" "read_args" (func $read_args (param i32)))
  (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
  (memory (export "memory") 1 1)
  (func (export "user_entrypoint") (param $len i32) (result i32)
    i32.const 0
    call $read_args
    i32.const 0
    local.get $len
    call $write_result
    i32.const 0))"#;

#[test]
fn read_args_and_write_result_pay_per_byte() {
    let mut vm = vm_with(ECHO);
    let input = vec![0xab; 100];
    let r = vm.call(ALICE, PROGRAM, &input, U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success);
    assert_eq!(r.output.as_ref(), input.as_slice());
    // Blocks: [i32.const, call] 6,251 + [i32.const, local.get, call] 6,326 + [i32.const, end]
    // 2,452 = 15,029.
    // read_args: 8,400 + write_price(100) = 8,400 + 5,040 + 30·68 = 15,480.
    // write_result: 8,400 + 2·read_price(100) = 8,400 + 2·(16,381 + 55·68) = 48,642.
    assert_eq!(r.ink_used, 15_029 + 15_480 + 48_642);
}

const STORE_THEN_LOAD: &str = r#"(module
  (import "vm_hooks" "read_args" (func $read_args (param i32)))
  (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
  (import "vm_hooks" "storage_load_bytes32" (func $load (param i32 i32)))
  (import "vm_hooks" "storage_cache_bytes32" (func $cache (param i32 i32)))
  (import "vm_hooks" "storage_flush_cache" (func $flush (param i32)))
  (memory (export "memory") 1 1)
  (func (export "user_entrypoint") (param $len i32) (result i32)
    ;; args = key ++ value: cache, flush, load back, return the loaded word
    i32.const 0 call $read_args
    i32.const 0 i32.const 32 call $cache
    i32.const 0 call $flush
    i32.const 0 i32.const 64 call $load
    i32.const 64 i32.const 32 call $write_result
    i32.const 0))"#;

fn key_value(key: u8, value: u8) -> Vec<u8> {
    let mut v = vec![0u8; 64];
    v[31] = key;
    v[63] = value;
    v
}

// Blocks: 2 × [i32.const, call] (6,251) + 3 × [i32.const, i32.const, call] (6,252)
// + [i32.const, end] (2,452) = 33,710.
// read_args(64): 8,400 + 5,040 + 30·32 = 14,400. cache: 18,480 (first 8 writes free).
// flush: 68,073 + SSTORE. load: 18,480, served from the cache (no SLOAD, first 32 reads free).
// write_result(32): 8,400 + 2·16,381 = 41,162.
const STORE_THEN_LOAD_INK: u64 = 33_710 + 14_400 + 18_480 + 68_073 + 18_480 + 41_162;

#[test]
fn storing_a_fresh_slot_costs_cold_plus_set() {
    let mut vm = vm_with(STORE_THEN_LOAD);
    let r = vm
        .call(ALICE, PROGRAM, &key_value(1, 7), U256::ZERO)
        .unwrap();
    assert_eq!(r.status, Status::Success);
    assert_eq!(r.output[31], 7);
    // SSTORE 0 → 7 on a cold slot: 2,100 + 20,000 gas.
    assert_eq!(r.ink_used, STORE_THEN_LOAD_INK + 22_100 * 10_000);
    let mut key = [0u8; 32];
    key[31] = 1;
    assert_eq!(
        vm.state().storage(&PROGRAM, &B256::from(key)),
        B256::from(U256::from(7))
    );
}

#[test]
fn rewriting_the_same_value_costs_cold_plus_warm_read() {
    let mut vm = vm_with(STORE_THEN_LOAD);
    vm.call(ALICE, PROGRAM, &key_value(1, 7), U256::ZERO)
        .unwrap();
    let r = vm
        .call(ALICE, PROGRAM, &key_value(1, 7), U256::ZERO)
        .unwrap();
    // New transaction: the slot is cold again; current == value: 2,100 + 100.
    assert_eq!(r.ink_used, STORE_THEN_LOAD_INK + 2_200 * 10_000);
}

#[test]
fn clearing_a_slot_costs_reset_and_earns_the_eip3529_refund() {
    let mut vm = vm_with(STORE_THEN_LOAD);
    vm.call(ALICE, PROGRAM, &key_value(1, 7), U256::ZERO)
        .unwrap();
    let r = vm
        .call(ALICE, PROGRAM, &key_value(1, 0), U256::ZERO)
        .unwrap();
    // original = current = 7, value = 0, cold: 2,100 + (5,000 - 2,100) = 5,000; refund 4,800.
    assert_eq!(r.ink_used, STORE_THEN_LOAD_INK + 5_000 * 10_000);
    assert_eq!(r.gas_refunded, 4_800);
}

#[test]
fn loading_a_cold_slot_pays_sload_and_the_evm_api_gas() {
    let text = program(
        r#"(import "vm_hooks" "storage_load_bytes32" (func $load (param i32 i32)))"#,
        "i32.const 0 i32.const 32 call $load",
    );
    let mut vm = vm_with(&text);
    let r = vm.call(ALICE, PROGRAM, &[], U256::ZERO).unwrap();
    // Blocks [i32.const ×2, call] 6,252 + [i32.const, end] 2,452. Hostio 18,480 ink plus
    // 2,100 (cold SLOAD) + 5 (EVM_API_INK / ink price) gas.
    assert_eq!(r.ink_used, 6_252 + 2_452 + 18_480 + 2_105 * 10_000);
}

#[test]
fn transient_storage_round_trips_within_a_transaction_only() {
    let text = r#"(module
      (import "vm_hooks" "transient_store_bytes32" (func $tstore (param i32 i32)))
      (import "vm_hooks" "transient_load_bytes32" (func $tload (param i32 i32)))
      (import "vm_hooks" "read_args" (func $read_args (param i32)))
      (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
      (memory (export "memory") 1 1)
      (func (export "user_entrypoint") (param $len i32) (result i32)
        i32.const 0 call $read_args
        ;; store only when called with 64 bytes
        local.get $len i32.const 64 i32.eq
        (if (then i32.const 0 i32.const 32 call $tstore))
        i32.const 0 i32.const 64 call $tload
        i32.const 64 i32.const 32 call $write_result
        i32.const 0))"#;
    let mut vm = vm_with(text);
    let r = vm
        .call(ALICE, PROGRAM, &key_value(3, 9), U256::ZERO)
        .unwrap();
    assert_eq!(r.output[31], 9);
    let r = vm
        .call(ALICE, PROGRAM, &key_value(3, 9)[..32], U256::ZERO)
        .unwrap();
    assert_eq!(
        r.output[31], 0,
        "transient storage is cleared between transactions"
    );
}

#[test]
fn native_keccak256_charges_per_word_beyond_two() {
    let text = program(
        r#"(import "vm_hooks" "native_keccak256" (func $k (param i32 i32 i32)))
           (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))"#,
        "i32.const 0 i32.const 96 i32.const 200 call $k
         i32.const 200 i32.const 32 call $write_result",
    );
    let mut vm = vm_with(&text);
    let r = vm.call(ALICE, PROGRAM, &[], U256::ZERO).unwrap();
    assert_eq!(r.output.as_ref(), keccak256([0u8; 96]).as_slice());
    // Blocks: [3 consts, call] 6,253 + [2 consts, call] 6,252 + [const, end] 2,452.
    // keccak(96 B) = 3 words: 121,800 + 21,000. write_result(32): 41,162.
    assert_eq!(r.ink_used, 6_253 + 6_252 + 2_452 + 142_800 + 41_162);
}

#[test]
fn math_hostios_compute_and_charge_like_nitro() {
    // value at 0, operand at 32, modulus at 64; result replaces the value.
    let run = |name: &str, args: usize, value: u64, operand: u64, modulus: u64| {
        let (params, pushes) = if args == 2 {
            ("(param i32 i32)", "i32.const 0 i32.const 32")
        } else {
            (
                "(param i32 i32 i32)",
                "i32.const 0 i32.const 32 i32.const 64",
            )
        };
        let text = format!(
            r#"(module
              (import "vm_hooks" "{name}" (func $m {params}))
              (import "vm_hooks" "read_args" (func $read_args (param i32)))
              (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
              (memory (export "memory") 1 1)
              (func (export "user_entrypoint") (param $len i32) (result i32)
                i32.const 0 call $read_args
                {pushes} call $m
                i32.const 0 i32.const 32 call $write_result
                i32.const 0))"#
        );
        let mut vm = vm_with(&text);
        let mut input = Vec::new();
        for x in [value, operand, modulus] {
            input.extend_from_slice(&U256::from(x).to_be_bytes::<32>());
        }
        let r = vm.call(ALICE, PROGRAM, &input, U256::ZERO).unwrap();
        (U256::from_be_slice(&r.output), r.ink_used)
    };
    // Common: blocks [const, call] 6,251 + [consts, call] + [2 consts, call] 6,252
    // + [const, end] 2,452; read_args(96) 8,400 + 5,040 + 30·64 = 15,360;
    // write_result(32) 41,162.
    let common = 6_251 + 6_252 + 2_452 + 15_360 + 41_162;
    let (q, ink) = run("math_div", 2, 100, 7, 0);
    assert_eq!(q, U256::from(14));
    assert_eq!(ink, common + 6_252 + 8_400 + 3 * 5_040 + 20_000);
    let (q, _) = run("math_div", 2, 100, 0, 0);
    assert_eq!(q, U256::ZERO, "division by zero yields zero");
    let (m, ink) = run("math_mod", 2, 100, 7, 0);
    assert_eq!(m, U256::from(2));
    assert_eq!(ink, common + 6_252 + 43_520);
    // 3^5: exponent has 31 leading zero bytes: 3,000 + (33 - 31)·17,500 = 38,000 extra.
    let (p, ink) = run("math_pow", 2, 3, 5, 0);
    assert_eq!(p, U256::from(243));
    assert_eq!(ink, common + 6_252 + 8_400 + 3 * 5_040 + 38_000);
    let (a, ink) = run("math_add_mod", 3, 10, 5, 7);
    assert_eq!(a, U256::from(1));
    assert_eq!(ink, common + 6_253 + 8_400 + 4 * 5_040 + 21_000);
    let (m, ink) = run("math_mul_mod", 3, 10, 5, 7);
    assert_eq!(m, U256::from(1));
    assert_eq!(ink, common + 6_253 + 8_400 + 4 * 5_040 + 24_100);
}

#[test]
fn emit_log_charges_evm_log_gas_and_keeps_order() {
    let text = program(
        r#"(import "vm_hooks" "emit_log" (func $log (param i32 i32 i32)))
           (data (i32.const 0) "\01\02")"#,
        ";; one topic (32 bytes at 0) + 8 data bytes, then no topic + 40 data bytes
         i32.const 0 i32.const 40 i32.const 1 call $log
         i32.const 0 i32.const 40 i32.const 0 call $log",
    );
    let mut vm = vm_with(&text);
    let r = vm.call(ALICE, PROGRAM, &[], U256::ZERO).unwrap();
    assert_eq!(r.logs.len(), 2);
    assert_eq!(r.logs[0].topics.len(), 1);
    assert_eq!(r.logs[0].topics[0][0..2], [1, 2]);
    assert_eq!(r.logs[0].data, vec![0u8; 8]);
    assert!(r.logs[1].topics.is_empty());
    assert_eq!(r.logs[1].data.len(), 40);
    assert_eq!(r.logs[1].data[0..2], [1, 2]);
    // Blocks: 2 × [3 consts, call] 6,253 + [const, end] 2,452.
    // Each: 68,073 + read_price(40) = 16,381 + 55·8 = 16,821, plus gas:
    // log 1: (1 + 1)·375 + 8·8 = 814; log 2: 375 + 40·8 = 695.
    let ink = 2 * 6_253 + 2_452 + 2 * (68_073 + 16_821) + (814 + 695) * 10_000;
    assert_eq!(r.ink_used, ink);
}

#[test]
fn bad_topic_data_fails_the_call() {
    let text = program(
        r#"(import "vm_hooks" "emit_log" (func $log (param i32 i32 i32)))"#,
        "i32.const 0 i32.const 31 i32.const 1 call $log",
    );
    let mut vm = vm_with(&text);
    let r = vm.call(ALICE, PROGRAM, &[], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Revert);
    assert!(r.output.is_empty());
    assert!(r.logs.is_empty());
}

#[test]
fn account_balance_pays_cold_then_warm_access() {
    let text = program(
        r#"(import "vm_hooks" "account_balance" (func $b (param i32 i32)))
           (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
           (data (i32.const 12) "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\0b\0b\0b")"#,
        "i32.const 12 i32.const 64 call $b
         i32.const 12 i32.const 64 call $b
         i32.const 64 i32.const 32 call $write_result",
    );
    let mut vm = vm_with(&text);
    let who = address!("00000000000000000000000000000000000b0b0b");
    vm.state_mut().set_balance(who, U256::from(1234));
    let r = vm.call(ALICE, PROGRAM, &[], U256::ZERO).unwrap();
    assert_eq!(U256::from_be_slice(&r.output), U256::from(1234));
    // Blocks: 3 × [2 consts, call] 6,252 + [const, end] 2,452.
    // account_balance: 8,400 + 2·5,040 + 59,673 = 78,153, plus 2,600 (cold) then 100 (warm).
    let ink = 3 * 6_252 + 2_452 + 2 * 78_153 + 41_162 + (2_600 + 100) * 10_000;
    assert_eq!(r.ink_used, ink);
}

#[test]
fn value_sent_to_a_non_payable_program_reverts_with_empty_data_and_is_returned() {
    let text = r#"(module
      (import "vm_hooks" "msg_value" (func $msg_value (param i32)))
      (memory (export "memory") 1 1)
      (func (export "user_entrypoint") (param i32) (result i32)
        i32.const 0 call $msg_value
        i32.const 0 i64.load
        i32.const 8 i64.load i64.or
        i32.const 16 i64.load i64.or
        i32.const 24 i64.load i64.or
        i64.const 0 i64.ne))"#;
    let mut vm = vm_with(text);
    vm.state_mut().set_balance(ALICE, U256::from(1_000));
    let r = vm
        .transact(&Tx {
            from: ALICE,
            to: PROGRAM,
            value: U256::from(5),
            ..Tx::default()
        })
        .unwrap();
    assert_eq!(r.status, Status::Revert);
    assert!(r.output.is_empty());
    assert_eq!(vm.state().balance(&ALICE), U256::from(1_000));
    assert_eq!(vm.state().balance(&PROGRAM), U256::ZERO);
    // Blocks: [const, call] 6,251 + [4 consts 4, 4 × i64.load 2,720, 3 × i64.or 300,
    // i64.const 1, i64.ne 225, end 1] = 3,251 + 2,450 = 5,701; msg_value 13,440.
    assert_eq!(r.ink_used, 6_251 + 5_701 + 13_440);
}

#[test]
fn pay_for_memory_grow_charges_pages_beyond_the_free_ones() {
    let text = r#"(module
      (import "vm_hooks" "pay_for_memory_grow" (func $pay (param i32)))
      (memory (export "memory") 1)
      (func (export "user_entrypoint") (param i32) (result i32)
        i32.const 2
        memory.grow
        drop
        i32.const 0))"#;
    let mut vm = vm_with(text);
    let r = vm.call(ALICE, PROGRAM, &[], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success);
    // The heap bound calls pay_for_memory_grow(2) before memory.grow (no base ink for a
    // non-zero grow). Pages: 1 open (footprint), +2 → 3: 1 page past the 2 free = 1,000 gas,
    // exp(3) - exp(1) = 0. Blocks: the grow's inserted call is unmetered; the original ops
    // [i32.const 1, memory.grow 8,050, drop 9, i32.const 1, end 1] = 8,062 + 2,450.
    assert_eq!(r.ink_used, 10_512 + 1_000 * 10_000);
}

#[test]
fn a_fixed_memory_grows_without_paying_even_with_pay_for_memory_grow_imported() {
    // Nitro's heap bound instruments nothing when max == min (`heap.rs`), so memory.grow just
    // fails (-1) and pay_for_memory_grow is never called: no page is charged.
    let text = r#"(module
      (import "vm_hooks" "pay_for_memory_grow" (func $pay (param i32)))
      (memory (export "memory") 1 1)
      (func (export "user_entrypoint") (param i32) (result i32)
        i32.const 2
        memory.grow
        drop
        i32.const 0))"#;
    let mut vm = vm_with(text);
    let r = vm.call(ALICE, PROGRAM, &[], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success);
    // [i32.const 1, memory.grow 8,050, drop 9, i32.const 1, end 1] = 8,062 + 2,450.
    assert_eq!(r.ink_used, 10_512);
}

#[test]
fn an_out_of_bounds_pointer_reverts_with_empty_data() {
    let text = program(
        r#"(import "vm_hooks" "write_result" (func $w (param i32 i32)))"#,
        "i32.const 65530 i32.const 100 call $w",
    );
    let mut vm = vm_with(&text);
    let r = vm.call(ALICE, PROGRAM, &[], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Revert);
    assert!(r.output.is_empty());
    assert_eq!(r.trap.as_deref(), Some("memory access out of bounds"));
}

#[test]
fn account_code_hostios_pay_cold_access_once_and_reuse_the_last_code() {
    let text = program(
        r#"(import "vm_hooks" "account_code_size" (func $size (param i32) (result i32)))
           (import "vm_hooks" "account_code" (func $code (param i32 i32 i32 i32) (result i32)))
           (import "vm_hooks" "account_codehash" (func $hash (param i32 i32)))
           (import "vm_hooks" "write_result" (func $w (param i32 i32)))
           (data (i32.const 0) "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\0c\0d")"#,
        "i32.const 0 call $size drop
         i32.const 0 i32.const 0 i32.const 10 i32.const 100 call $code drop
         i32.const 0 i32.const 200 call $hash
         i32.const 200 i32.const 32 call $w",
    );
    let mut vm = vm_with(&text);
    let target = address!("0000000000000000000000000000000000000c0d");
    let code: Vec<u8> = (1..=40).collect();
    vm.state_mut().set_code(target, code.clone().into());
    let r = vm.call(ALICE, PROGRAM, &[], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success, "{:?}", r.trap);
    assert_eq!(r.output.as_ref(), keccak256(&code).as_slice());
    // Blocks: [const, call] 6,251; [drop 9, 4 consts, call] 6,263; [drop, 2 consts, call]
    // 6,261; [2 consts, call] 6,252; [const, end] 2,452.
    // account_code_size: 8,400 + 59,673 = 68,073 ink + 700 + 2,600 (cold) gas.
    // account_code: 68,073 + write_price(40) = 5,040 + 30·8; the same address as the last
    // code read is served from the requestor's cache: no gas.
    // account_codehash: 8,400 + 2·5,040 + 59,673 = 78,153 ink + 100 (now warm) gas.
    // write_result(32): 41,162.
    let blocks = 6_251 + 6_263 + 6_261 + 6_252 + 2_452;
    let hostios = 68_073 + 68_073 + 5_280 + 78_153 + 41_162;
    assert_eq!(r.ink_used, blocks + hostios + (3_300 + 100) * 10_000);
}
