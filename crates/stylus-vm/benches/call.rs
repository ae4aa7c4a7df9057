//! One storage-writing call on an already-activated program (the module is instrumented and
//! compiled once, at install; each iteration is a full transaction: instantiation, entry costs,
//! metering, a cold SSTORE, journal and receipt).

use alloy_primitives::{address, Address, U256};
use criterion::{criterion_group, criterion_main, Criterion};
use stylus_vm::Vm;

const ALICE: Address = address!("00000000000000000000000000000000000a11ce");
const PROGRAM: Address = address!("0000000000000000000000000000000000c0ffee");

const STORE: &str = r#"(module
  (import "vm_hooks" "read_args" (func $read_args (param i32)))
  (import "vm_hooks" "storage_cache_bytes32" (func $cache (param i32 i32)))
  (import "vm_hooks" "storage_flush_cache" (func $flush (param i32)))
  (import "vm_hooks" "pay_for_memory_grow" (func $pay (param i32)))
  (memory (export "memory") 2)
  (func (export "user_entrypoint") (param $len i32) (result i32)
    i32.const 0 call $pay
    i32.const 0 call $read_args
    i32.const 0 i32.const 32 call $cache
    i32.const 1 call $flush
    i32.const 0))"#;

fn storage_write(c: &mut Criterion) {
    let wasm = wat::parse_str(STORE).expect("valid wat");
    let mut vm = Vm::new();
    vm.install(PROGRAM, &wasm).expect("activates");
    let mut input = vec![0u8; 64];
    let mut n: u64 = 0;
    c.bench_function("storage_write_call", |b| {
        b.iter(|| {
            n = n.wrapping_add(1);
            input[56..64].copy_from_slice(&n.to_be_bytes());
            let r = vm
                .call(ALICE, PROGRAM, &input, U256::ZERO)
                .expect("valid tx");
            assert!(r.is_success());
        });
    });
}

criterion_group!(benches, storage_write);
criterion_main!(benches);
