//! Each activation rule, shown on a hand-made module that breaks it (and one that does not).

use integra_pipeline::{validate, ModuleReport, Rule, Rules, Violation};

/// A minimal Stylus-shaped module: `vm_hooks` imports, a fixed one-page memory exported as
/// `memory`, `user_entrypoint: (i32) -> i32`, plus `extra` module fields.
fn stylus(extra: &str) -> Vec<u8> {
    stylus_with_memory("(memory (export \"memory\") 1 1)", extra)
}

fn stylus_with_memory(memory: &str, extra: &str) -> Vec<u8> {
    stylus_full("", memory, extra)
}

/// Like [`stylus`], with extra imports (WAT wants them before any function).
fn stylus_importing(imports: &str) -> Vec<u8> {
    stylus_full(imports, "(memory (export \"memory\") 1 1)", "")
}

fn stylus_full(imports: &str, memory: &str, extra: &str) -> Vec<u8> {
    let text = format!(
        r#"(module
            (import "vm_hooks" "read_args" (func $read_args (param i32)))
            (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
            {imports}
            {memory}
            (func $entry (export "user_entrypoint") (param i32) (result i32)
                i32.const 0)
            {extra})"#
    );
    wat::parse_str(text).expect("test module is valid WAT")
}

fn check(wasm: &[u8], rules: &Rules) -> Result<ModuleReport, Vec<Violation>> {
    validate(wasm, rules)
}

/// The violations of `wasm` under default rules; panics if it passed.
fn violations(wasm: &[u8]) -> Vec<Violation> {
    violations_at(wasm, &Rules::default())
}

fn violations_at(wasm: &[u8], rules: &Rules) -> Vec<Violation> {
    match check(wasm, rules) {
        Ok(report) => panic!("module passed but should not: {report:?}"),
        Err(v) => v,
    }
}

fn find(violations: &[Violation], rule: Rule) -> &Violation {
    violations
        .iter()
        .find(|v| v.rule == rule)
        .unwrap_or_else(|| panic!("no {rule} violation in {violations:#?}"))
}

#[test]
fn minimal_stylus_module_passes() {
    let report = check(&stylus(""), &Rules::default()).expect("minimal module passes");
    assert_eq!(report.functions, 1);
    assert_eq!(report.imports, 2);
    assert_eq!(report.initial_pages, 1);
}

#[test]
fn float_op_is_rejected_naming_the_function() {
    let wasm = stylus(
        r"(func $average (param i32) (result i32)
            local.get 0
            f32.convert_i32_s
            f32.const 2
            f32.div
            i32.trunc_f32_s)",
    );
    let v = violations(&wasm);
    let float = find(&v, Rule::FloatOp);
    let func = float.function.as_ref().expect("names the function");
    assert_eq!(func.index, 3);
    assert_eq!(func.name.as_deref(), Some("average"));
    assert!(float.detail.contains("4 occurrence"), "{}", float.detail);
}

#[test]
fn float_types_are_rejected_even_without_float_ops() {
    let wasm = stylus("(func $keep (param f64))");
    find(&violations(&wasm), Rule::FloatType);
}

#[test]
fn table_op_is_rejected() {
    let wasm = stylus(
        r"(table 1 funcref)
          (func $size (result i32) table.size 0)",
    );
    let v = violations(&wasm);
    assert_eq!(
        find(&v, Rule::TableOp).function.as_ref().map(|f| f.index),
        Some(3)
    );
}

#[test]
fn reference_types_are_rejected() {
    let wasm = stylus(
        r"(elem declare func $entry)
          (func $refs (local funcref)
            ref.func $entry
            local.set 0)",
    );
    let v = violations(&wasm);
    let refs = find(&v, Rule::ReferenceTypes);
    assert_eq!(
        refs.function.as_ref().and_then(|f| f.name.as_deref()),
        Some("refs")
    );
}

#[test]
fn import_from_another_module_is_rejected() {
    let wasm = stylus_importing(r#"(import "env" "abort" (func (param i32)))"#);
    let v = violations(&wasm);
    assert!(find(&v, Rule::ImportModule).detail.contains("env.abort"));
}

#[test]
fn unknown_host_function_is_rejected() {
    let wasm = stylus_importing(r#"(import "vm_hooks" "get_balance" (func (param i32)))"#);
    find(&violations(&wasm), Rule::UnknownHostio);
}

#[test]
fn host_function_with_wrong_signature_is_rejected() {
    let wasm = stylus_importing(r#"(import "vm_hooks" "msg_sender" (func (param i64)))"#);
    find(&violations(&wasm), Rule::HostioSignature);
}

#[test]
fn missing_user_entrypoint_is_rejected() {
    let wasm = wat::parse_str(
        r#"(module
            (memory (export "memory") 1 1)
            (func $main (export "main") (param i32) (result i32) i32.const 0))"#,
    )
    .expect("valid WAT");
    find(&violations(&wasm), Rule::MissingEntrypoint);
}

#[test]
fn wrongly_typed_user_entrypoint_is_rejected() {
    let wasm = wat::parse_str(
        r#"(module
            (memory (export "memory") 1 1)
            (func $entry (export "user_entrypoint") (param i64) (result i32) i32.const 0))"#,
    )
    .expect("valid WAT");
    let v = violations(&wasm);
    let bad = find(&v, Rule::EntrypointType);
    assert_eq!(bad.function.as_ref().map(|f| f.index), Some(0));
    assert!(bad.detail.contains("i64"), "{}", bad.detail);
}

#[test]
fn missing_memory_export_is_rejected() {
    let wasm = stylus_with_memory("(memory 1 1)", "");
    find(&violations(&wasm), Rule::MissingMemoryExport);
}

#[test]
fn start_function_is_rejected() {
    let wasm = stylus("(func $init) (start $init)");
    let v = violations(&wasm);
    assert_eq!(
        find(&v, Rule::StartFunction)
            .function
            .as_ref()
            .and_then(|f| f.name.as_deref()),
        Some("init")
    );
}

#[test]
fn memory_init_and_data_drop_are_rejected() {
    let wasm = stylus(
        r#"(data $blob "abc")
          (func $copy_in
            i32.const 0 i32.const 0 i32.const 3
            memory.init $blob
            data.drop $blob)"#,
    );
    let v = violations(&wasm);
    let bulk = find(&v, Rule::BulkMemoryOp);
    assert!(bulk.detail.contains("2 occurrence"), "{}", bulk.detail);
}

#[test]
fn memory_copy_and_fill_are_allowed() {
    let wasm = stylus(
        r"(func $move
            i32.const 0 i32.const 8 i32.const 8 memory.copy
            i32.const 0 i32.const 0 i32.const 8 memory.fill)",
    );
    check(&wasm, &Rules::default()).expect("bulk copy and fill are supported");
}

#[test]
fn growable_memory_without_pay_for_memory_grow_is_rejected() {
    let wasm = stylus_with_memory("(memory (export \"memory\") 1)", "");
    find(&violations(&wasm), Rule::MemoryGrowPayment);
    // A maximum above the minimum still lets it grow.
    let wasm = stylus_with_memory("(memory (export \"memory\") 1 2)", "");
    find(&violations(&wasm), Rule::MemoryGrowPayment);
}

#[test]
fn growable_memory_with_pay_for_memory_grow_passes() {
    let wasm = stylus_full(
        r#"(import "vm_hooks" "pay_for_memory_grow" (func (param i32)))"#,
        "(memory (export \"memory\") 1)",
        "",
    );
    check(&wasm, &Rules::default()).expect("payment import makes growth legal");
}

#[test]
fn initial_memory_over_128_pages_is_rejected() {
    let wasm = stylus_with_memory("(memory (export \"memory\") 129 129)", "");
    find(&violations(&wasm), Rule::InitialMemory);
    let wasm = stylus_with_memory("(memory (export \"memory\") 128 128)", "");
    check(&wasm, &Rules::default()).expect("128 pages is the limit");
}

// Nitro (`ARBOS_VERSION_STYLUS_NO_MULTI_VALUE` = 60) accepts multi-value below ArbOS 60 and
// rejects it from 60 on.
const MULTI_VALUE: &str = "(func $pair (result i32 i32) i32.const 1 i32.const 2)";

#[test]
fn multi_value_is_accepted_before_arbos_60() {
    check(&stylus(MULTI_VALUE), &Rules::for_arbos(50)).expect("multi-value allowed at 50");
    check(&stylus(MULTI_VALUE), &Rules::for_arbos(59)).expect("multi-value allowed at 59");
}

#[test]
fn multi_value_is_rejected_from_arbos_60() {
    let v = violations_at(&stylus(MULTI_VALUE), &Rules::for_arbos(60));
    find(&v, Rule::MultiValue);
}

#[test]
fn block_with_parameters_is_rejected_from_arbos_60() {
    let wasm = stylus(
        r"(func $blocky (param i32) (result i32)
            local.get 0
            (block (param i32) (result i32)))",
    );
    check(&wasm, &Rules::for_arbos(50)).expect("allowed at 50");
    let v = violations_at(&wasm, &Rules::for_arbos(60));
    assert_eq!(
        find(&v, Rule::MultiValue)
            .function
            .as_ref()
            .and_then(|f| f.name.as_deref()),
        Some("blocky")
    );
}

#[test]
fn too_many_functions_are_rejected() {
    let many = "(func)".repeat(4096); // plus the entrypoint: 4097 defined functions
    let v = violations(&stylus(&many));
    assert!(find(&v, Rule::Functions)
        .detail
        .starts_with("4097 functions"));
}

#[test]
fn locals_limit_is_348_declared_locals() {
    let at = format!("(func $at (param i32) {})", "(local i32)".repeat(348));
    check(&stylus(&at), &Rules::default()).expect("348 locals pass; params do not count");
    let over = format!("(func $over {})", "(local i32)".repeat(349));
    let v = violations(&stylus(&over));
    let locals = find(&v, Rule::Locals);
    assert_eq!(
        locals.function.as_ref().and_then(|f| f.name.as_deref()),
        Some("over")
    );
}

#[test]
fn too_many_live_values_are_rejected() {
    let body = format!("{}{}", "i32.const 0\n".repeat(4097), "drop\n".repeat(4097));
    let v = violations(&stylus(&format!("(func $deep {body})")));
    find(&v, Rule::FrameContention);
}

#[test]
fn too_many_operators_after_instrumentation_are_rejected() {
    // 32,768 const/drop pairs = 65,536 operators before Nitro adds its own.
    let body = "i32.const 0 drop\n".repeat(32_768);
    let v = violations(&stylus(&format!("(func $long {body})")));
    let ops = find(&v, Rule::OpsPerFunction);
    assert!(ops.detail.contains("65537 before"), "{}", ops.detail);
}

#[test]
fn instrumentation_model_matches_nitro_for_a_constant_function() {
    // `i32.const 0; end`: one basic block, so one 12-op meter header; the depth checker adds a
    // 12-op prologue, an extra `return` and a 4-op reclaim: 2 + 12 + 12 + 1 + 4 = 31 ops. The
    // header peaks at 2 stack slots: frame = 2 + 0 locals + 4 = 6 words.
    let report = check(&stylus(""), &Rules::default()).expect("passes");
    let (func, ops) = report.most_ops.expect("one function");
    assert_eq!((func.index, ops), (2, 31));
    let (_, frame) = report.worst_frame.expect("one function");
    assert_eq!(frame, 6);
}

#[test]
fn too_many_data_segments_are_rejected() {
    let data = "(data (i32.const 0) \"x\")".repeat(129);
    find(&violations(&stylus(&data)), Rule::DataSegments);
}

#[test]
fn simd_is_rejected() {
    let wasm = stylus("(func $vec (drop (v128.const i64x2 0 0)))");
    find(&violations(&wasm), Rule::Simd);
}

#[test]
fn garbage_is_malformed_never_passed() {
    let v = violations(b"\0asm\x01\0\0\0\x01\xff");
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].rule, Rule::Malformed);
    let v = violations(b"not wasm at all");
    assert_eq!(v[0].rule, Rule::Malformed);
}

#[test]
fn reserved_stylus_names_are_rejected() {
    let wasm = stylus("(func (export \"stylus_start\"))");
    find(&violations(&wasm), Rule::ReservedName);
}

#[test]
fn frame_over_10240_words_is_rejected() {
    // Only reachable past the contention limit too: 10,237 live values + 4 words > 10,240.
    let body = format!(
        "{}{}",
        "i32.const 0\n".repeat(10_237),
        "drop\n".repeat(10_237)
    );
    let v = violations(&stylus(&format!("(func $huge {body})")));
    let frame = find(&v, Rule::FrameSize);
    assert!(frame.detail.contains("10241 words"), "{}", frame.detail);
}

#[test]
fn export_names_over_512_bytes_are_rejected() {
    // Nitro's `parse_user` bounds export names as well as the module name (`wasm name too long`).
    let long = "x".repeat(513);
    let v = violations(&stylus(&format!("(func (export \"{long}\"))")));
    find(&v, Rule::NameLength);
    let ok = "x".repeat(512);
    check(
        &stylus(&format!("(func (export \"{ok}\"))")),
        &Rules::default(),
    )
    .expect("a 512-byte export name is allowed");
}

#[test]
fn floats_are_the_only_rules_nitro_does_not_enforce() {
    assert!(!Rule::FloatOp.nitro_rejects());
    assert!(!Rule::FloatType.nitro_rejects());
    assert!(Rule::MultiValue.nitro_rejects());
    assert!(Rule::FrameContention.nitro_rejects());
}
