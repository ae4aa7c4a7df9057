//! Opcode-level pricing and the activation limits, derived by hand from DESIGN §3.

use alloy_primitives::{address, Address, U256};
use stylus_vm::{Status, Vm};

const ALICE: Address = address!("00000000000000000000000000000000000a11ce");
const PROGRAM: Address = address!("0000000000000000000000000000000000c0ffee");

fn run(text: &str, input: &[u8]) -> stylus_vm::Receipt {
    let code = wat::parse_str(text).expect("valid wat");
    let mut vm = Vm::new();
    vm.install(PROGRAM, &code).expect("activates");
    vm.call(ALICE, PROGRAM, input, U256::ZERO)
        .expect("valid tx")
}

#[test]
fn memory_copy_pays_100_ink_per_byte_on_top_of_its_opcode_price() {
    let r = run(
        r#"(module
          (memory (export "memory") 1 1)
          (func (export "user_entrypoint") (param i32) (result i32)
            i32.const 0 i32.const 100 i32.const 50 memory.copy
            i32.const 0))"#,
        &[],
    );
    assert_eq!(r.status, Status::Success);
    // One block: 3 consts + memory.copy 950 + const + end = 955 + 2,450; 50 bytes · 100 ink.
    assert_eq!(r.ink_used, 3_405 + 5_000);
}

#[test]
fn memory_fill_of_zero_bytes_pays_only_the_opcode() {
    let r = run(
        r#"(module
          (memory (export "memory") 1 1)
          (func (export "user_entrypoint") (param i32) (result i32)
            i32.const 0 i32.const 7 i32.const 0 memory.fill
            i32.const 0))"#,
        &[],
    );
    assert_eq!(r.ink_used, 3_405);
}

const BR_TABLE: &str = r#"(module
  (memory (export "memory") 1 1)
  (func (export "user_entrypoint") (param i32) (result i32)
    (block $a
      (block $b
        local.get 0
        br_table $a $b $a))
    i32.const 0))"#;

#[test]
fn br_table_pays_per_target_and_each_taken_path_pays_its_blocks() {
    // [block 1, block 1, local.get 75, br_table 2,400 + 325·2] = 3,127 + 2,450 = 5,577.
    // To $a (len 0): lands after `end $a`: [i32.const, end] 2,452.
    assert_eq!(run(BR_TABLE, &[]).ink_used, 5_577 + 2_452);
    // To $b (len 1): lands after `end $b`: [end $a] 2,451, then 2,452.
    assert_eq!(run(BR_TABLE, &[0]).ink_used, 5_577 + 2_451 + 2_452);
}

#[test]
fn call_indirect_pays_per_parameter() {
    let r = run(
        r#"(module
          (type $t (func (param i32) (result i32)))
          (memory (export "memory") 1 1)
          (table 1 funcref)
          (elem (i32.const 0) $id)
          (func $id (param i32) (result i32) local.get 0)
          (func (export "user_entrypoint") (param i32) (result i32)
            local.get 0
            i32.const 0
            call_indirect (type $t)))"#,
        &[],
    );
    assert_eq!(r.status, Status::Success);
    // Entry: [local.get 75, i32.const 1, call_indirect 13,610 + 650·1] = 14,336 + 2,450;
    // $id: [local.get 75, end 1] = 2,526; back in the entry: [end] = 2,451.
    assert_eq!(r.ink_used, 16_786 + 2_526 + 2_451);
}

#[test]
fn exit_early_returns_the_result_written_so_far_with_its_status() {
    let text = |status: u32| {
        format!(
            r#"(module
              (import "vm_hooks" "write_result" (func $w (param i32 i32)))
              (import "vm_hooks" "exit_early" (func $exit (param i32)))
              (memory (export "memory") 1 1)
              (data (i32.const 0) "hi")
              (func (export "user_entrypoint") (param i32) (result i32)
                i32.const 0 i32.const 2 call $w
                i32.const {status} call $exit
                unreachable))"#
        )
    };
    let ok = run(&text(0), &[]);
    assert_eq!(ok.status, Status::Success);
    assert_eq!(ok.output.as_ref(), b"hi");
    let reverted = run(&text(1), &[]);
    assert_eq!(reverted.status, Status::Revert);
    assert_eq!(reverted.output.as_ref(), b"hi");
}

#[test]
fn the_first_32_storage_reads_are_free_then_2_gas_each() {
    // 40 loads of one (cached after the first) slot.
    let r = run(
        r#"(module
          (import "vm_hooks" "storage_load_bytes32" (func $load (param i32 i32)))
          (memory (export "memory") 1 1)
          (func (export "user_entrypoint") (param $n i32) (result i32)
            (local $i i32)
            (loop $l
              i32.const 0 i32.const 32 call $load
              local.get $i i32.const 1 i32.add local.tee $i
              i32.const 40 i32.ne br_if $l)
            i32.const 0))"#,
        &[],
    );
    assert_eq!(r.status, Status::Success);
    // Per iteration: [2 consts, call] 6,252 + [local.get 75, const 1, add 70, local.tee 75,
    // const 1, ne 170, br_if 765] = 1,157 + 2,450 = 3,607; [loop] 2,451 once; [end loop] 2,451 and
    // [i32.const, end] 2,452 at the end.
    // Hostio: 40 · 18,480 ink; gas: the first read misses the cache (2,100 cold + 5),
    // reads 33..=40 cost 2 gas each.
    let blocks = 2_451 + 40 * (6_252 + 3_607) + 2_451 + 2_452;
    assert_eq!(r.ink_used, blocks + 40 * 18_480 + (2_105 + 8 * 2) * 10_000);
}

fn rejects(text: &str, needle: &str) {
    let code = wat::parse_str(text).expect("valid wat");
    let err = Vm::new().activate(&code).unwrap_err();
    assert!(
        err.to_string().contains(needle),
        "{err} should mention {needle}"
    );
}

#[test]
fn activation_rejects_too_many_locals() {
    let locals = "i32 ".repeat(349);
    rejects(
        &format!(
            r#"(module (memory (export "memory") 1 1)
              (func (export "user_entrypoint") (param i32) (result i32) (local {locals}) i32.const 0))"#
        ),
        "too many wasm locals",
    );
    let locals = "i32 ".repeat(348);
    let code = wat::parse_str(format!(
        r#"(module (memory (export "memory") 1 1)
          (func (export "user_entrypoint") (param i32) (result i32) (local {locals}) i32.const 0))"#
    ))
    .unwrap();
    assert!(Vm::new().activate(&code).is_ok(), "348 locals are allowed");
}

#[test]
fn activation_rejects_a_frame_with_too_many_live_values() {
    let pushes = "i32.const 0 ".repeat(4_097);
    let drops = "drop ".repeat(4_097);
    rejects(
        &format!(
            r#"(module (memory (export "memory") 1 1)
              (func (export "user_entrypoint") (param i32) (result i32) {pushes} {drops} i32.const 0))"#
        ),
        "too many values on the stack",
    );
}

#[test]
fn activation_reports_footprint_and_entry_costs() {
    let code = wat::parse_str(
        r#"(module (memory (export "memory") 3 3)
          (func (export "user_entrypoint") (param i32) (result i32) i32.const 0))"#,
    )
    .unwrap();
    let info = Vm::new().activate(&code).unwrap();
    assert_eq!(info.footprint, 3);
    let len = code.len() as u64;
    // cached: 4 globals · 1,628 / 1,000 = 6, footprint 3 · 5 = 15, wasm bytes · 122 / 100,000.
    assert_eq!(u64::from(info.cached_cost), 6 + 15 + len * 122 / 100_000);
    // init: 1 function · 8,252 / 1,000 = 8, 2 param+result types · 1,059 / 1,000 = 2, bytes.
    assert_eq!(u64::from(info.init_cost), 8 + 2 + len * 1_286 / 10_000);
}

#[test]
fn multi_value_is_rejected_from_arbos_60_only() {
    let text = r#"(module (memory (export "memory") 1 1)
      (func $pair (result i32 i32) i32.const 1 i32.const 2)
      (func (export "user_entrypoint") (param i32) (result i32) call $pair drop))"#;
    rejects(text, "multi-value");
    let code = wat::parse_str(text).unwrap();
    let mut vm = Vm::new();
    vm.set_arbos_version(50);
    assert!(vm.activate(&code).is_ok());
}

#[test]
fn activation_and_execution_never_panic_on_garbage() {
    // Truncations and bit flips of a valid module must all be clean errors or activations,
    // and whatever activates must run to some outcome.
    let code = wat::parse_str(BR_TABLE).unwrap();
    let mut vm = Vm::new();
    for cut in 0..code.len() {
        let _ = vm.activate(&code[..cut]);
    }
    for i in 0..code.len() {
        for bit in 0..8 {
            let mut flipped = code.clone();
            flipped[i] ^= 1 << bit;
            // Whatever activates must also run without bringing the host down.
            if vm.install(PROGRAM, &flipped).is_ok() {
                let _ = vm.transact(&stylus_vm::Tx {
                    from: ALICE,
                    to: PROGRAM,
                    data: vec![1],
                    gas_limit: 100_000,
                    ..stylus_vm::Tx::default()
                });
            }
        }
    }
    assert!(vm.activate(&code[..code.len() - 1]).is_err());
}
