//! Ink metering, entry costs and failure modes, each derived by hand from DESIGN §3 / Nitro.

use alloy_primitives::{address, Address, U256};
use stylus_vm::{calldata_gas, Status, Tx, Vm};

const ALICE: Address = address!("00000000000000000000000000000000000a11ce");
const PROGRAM: Address = address!("0000000000000000000000000000000000c0ffee");

fn wasm(text: &str) -> Vec<u8> {
    wat::parse_str(text).expect("valid wat")
}

/// Entry gas of a module with no data, `funcs` local functions, `type_len` params+results over
/// them, `globals` declared globals and `footprint` pages (Nitro `binary.rs` + `programs.go`,
/// version 2): cached (352 + `cached_cost`) + init (8,832 + `init_cost`).
fn entry_gas(wasm_len: u64, funcs: u64, type_len: u64, globals: u64, footprint: u64) -> u64 {
    let globals = globals + 4; // ink left, ink status, scratch, stack left
    let cached = funcs * 13_420 / 100_000
        + type_len * 89 / 100_000
        + wasm_len * 122 / 100_000
        + globals * 1_628 / 1_000
        + footprint * 5;
    let init = funcs * 8_252 / 1_000 + type_len * 1_059 / 1_000 + wasm_len * 1_286 / 10_000;
    (352 + cached) + (8_832 + init)
}

fn vm_with(text: &str) -> (Vm, Vec<u8>) {
    let code = wasm(text);
    let mut vm = Vm::new();
    vm.install(PROGRAM, &code).expect("activates");
    (vm, code)
}

/// Runs `text` once with no calldata and `gas_limit`.
fn run_with_gas_limit(text: &str, gas_limit: u64) -> stylus_vm::Receipt {
    let (mut vm, _) = vm_with(text);
    vm.transact(&Tx {
        from: ALICE,
        to: PROGRAM,
        gas_limit,
        ..Tx::default()
    })
    .unwrap()
}

const RETURN_ZERO: &str = r#"(module
  (memory (export "memory") 1 1)
  (func (export "user_entrypoint") (param i32) (result i32)
    i32.const 0))"#;

#[test]
fn empty_entrypoint_costs_one_basic_block_of_ink() {
    let (mut vm, code) = vm_with(RETURN_ZERO);
    let r = vm.call(ALICE, PROGRAM, &[], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success);
    // One block: i32.const (1) + end (1) + header (2,450) = 2,452 ink.
    assert_eq!(r.ink_used, 2_452);
    // 2,452 ink < 1 gas worth of ink (10,000), so the program costs 1 gas after rounding down
    // the ink left. Memory: 1 page ≤ 2 free pages costs nothing.
    let entry = entry_gas(code.len() as u64, 1, 2, 0, 1);
    assert_eq!(r.gas_used, 21_000 + entry + 1);
}

#[test]
fn loop_ink_is_the_sum_of_its_blocks() {
    // Counts local 0 (the args length) down to zero.
    let text = r#"(module
      (memory (export "memory") 1 1)
      (func (export "user_entrypoint") (param $n i32) (result i32)
        (loop $l
          local.get $n
          i32.const 1
          i32.sub
          local.tee $n
          br_if $l)
        i32.const 0))"#;
    let (mut vm, _) = vm_with(text);
    let r = vm.call(ALICE, PROGRAM, &[1, 2, 3], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Success);
    // Blocks: [loop] = 1 + 2,450 = 2,451, run once.
    // [local.get 75, i32.const 1, i32.sub 70, local.tee 75, br_if 765] = 986 + 2,450 = 3,436,
    // run 3 times (n = 3, 2, 1).
    // [i32.const 1, end 1] ... the loop's `end` and the final `end`: [end(loop) 1, i32.const 1,
    // end 1] = 3 + 2,450 = 2,453 — but `end` ends a block, so: [end] = 2,451 and
    // [i32.const, end] = 2,452.
    assert_eq!(r.ink_used, 2_451 + 3 * 3_436 + 2_451 + 2_452);
}

#[test]
fn out_of_ink_consumes_all_gas() {
    let text = r#"(module
      (memory (export "memory") 1 1)
      (func (export "user_entrypoint") (param i32) (result i32)
        (loop $l br $l)
        i32.const 0))"#;
    let r = run_with_gas_limit(text, 100_000);
    assert_eq!(r.status, Status::OutOfGas);
    assert_eq!(r.gas_used, 100_000);
    assert!(r.output.is_empty());
}

#[test]
fn unbounded_recursion_is_out_of_stack_and_consumes_all_gas() {
    let text = r#"(module
      (memory (export "memory") 1 1)
      (func $f (param i32) (result i32)
        local.get 0
        call $f)
      (func (export "user_entrypoint") (param i32) (result i32)
        local.get 0
        call $f))"#;
    let r = run_with_gas_limit(text, 30_000_000);
    assert_eq!(r.status, Status::OutOfStack);
    assert_eq!(r.gas_used, 30_000_000);
}

#[test]
fn trap_reverts_with_empty_data_and_keeps_the_remaining_gas() {
    let text = r#"(module
      (memory (export "memory") 1 1)
      (func (export "user_entrypoint") (param i32) (result i32)
        unreachable))"#;
    let (mut vm, code) = vm_with(text);
    let r = vm.call(ALICE, PROGRAM, &[7], U256::ZERO).unwrap();
    assert_eq!(r.status, Status::Revert);
    assert!(r.output.is_empty());
    // The block [unreachable 1, end 1] is paid (2,452 ink) before the trap; the rest of the gas
    // comes back, as for Nitro's `userFailure` (a revert, not an exceptional halt).
    assert_eq!(r.ink_used, 2_452);
    let entry = entry_gas(code.len() as u64, 1, 2, 0, 1);
    assert_eq!(r.gas_used, 21_000 + calldata_gas(&[7]) + entry + 1);
}

#[test]
fn a_block_with_a_float_op_always_runs_out_of_ink() {
    let text = r#"(module
      (memory (export "memory") 1 1)
      (func (export "user_entrypoint") (param i32) (result i32)
        f32.const 1
        drop
        i32.const 0))"#;
    let r = run_with_gas_limit(text, 1_000_000);
    assert_eq!(r.status, Status::OutOfGas);
    assert_eq!(r.gas_used, 1_000_000);
}

#[test]
fn memory_beyond_two_free_pages_is_charged_at_entry() {
    let text = r#"(module
      (memory (export "memory") 3 3)
      (func (export "user_entrypoint") (param i32) (result i32)
        i32.const 0))"#;
    let (mut vm, code) = vm_with(text);
    let r = vm.call(ALICE, PROGRAM, &[], U256::ZERO).unwrap();
    // 3 pages: one past the 2 free ones = 1,000 gas + exp(3) - exp(0) = 1 - 1 = 0.
    let entry = entry_gas(code.len() as u64, 1, 2, 0, 3);
    assert_eq!(r.gas_used, 21_000 + entry + 1_000 + 1);
}

#[test]
fn cached_programs_skip_the_init_cost() {
    let (mut vm, code) = vm_with(RETURN_ZERO);
    vm.set_cached(PROGRAM, true);
    let r = vm.call(ALICE, PROGRAM, &[], U256::ZERO).unwrap();
    let wasm_len = code.len() as u64;
    let init = 8_832 + 8_252 / 1_000 + 2 * 1_059 / 1_000 + wasm_len * 1_286 / 10_000;
    assert_eq!(
        r.gas_used,
        21_000 + entry_gas(wasm_len, 1, 2, 0, 1) - init + 1
    );
}

#[test]
fn the_stack_budget_admits_exactly_the_frames_nitro_admits() {
    // $r(n) recurses n more times. Worst-case frames (depth checker over metered code):
    // each block header pushes 2 words (global.get, i64.const); $r's body never holds more than
    // 2 either; no locals: 2 + 0 + 4 = 6 words for $r and for the entrypoint.
    // Budget 262,144: the entry leaves 262,138; a call needs space > 6, so after k calls
    // 262,138 - 6k > 6 ⇔ k ≤ 43,688: 43,689 calls of $r fit, i.e. n ≤ 43,688.
    let text = r#"(module
      (memory (export "memory") 1 1)
      (func $r (param $n i32)
        local.get $n
        (if (then local.get $n i32.const 1 i32.sub call $r)))
      (func (export "user_entrypoint") (param $len i32) (result i32)
        local.get $len
        call $r
        i32.const 0))"#;
    let (mut vm, _) = vm_with(text);
    let fits = vm
        .call(ALICE, PROGRAM, &vec![0; 43_688], U256::ZERO)
        .unwrap();
    assert_eq!(fits.status, Status::Success);
    let too_deep = vm
        .call(ALICE, PROGRAM, &vec![0; 43_689], U256::ZERO)
        .unwrap();
    assert_eq!(too_deep.status, Status::OutOfStack);
}
