//! Gas trace of `registerDocument` in the gas report's shape (fresh ids, tokenizer, primary
//! resolver with its hook, processHash), uncached and with the three programs cached: every
//! program entry, storage access, call and log with its gas (`stylus_vm::set_trace`).
//!
//! `cargo run -p integra-tests --example register_document_trace`
use integra_tests::docreg::{register_call, resolverRegistryCall, setup, ALICE};

fn main() {
    for cached in [false, true] {
        let d = setup().expect("deployment");
        let (mut world, registry) = (d.world, d.registry);
        if cached {
            let components = world.view(registry, &resolverRegistryCall {})._0;
            for program in [registry, components, d.contact] {
                world.vm.set_cached(program, true);
            }
        }
        eprintln!("== registerDocument, programs cached: {cached}");
        stylus_vm::set_trace(true);
        let r = world.send(ALICE, registry, &register_call(1));
        stylus_vm::set_trace(false);
        eprintln!(
            "status {:?}: tx gas {} = intrinsic {} + entry {} + execution {} (refund {} applied)",
            r.status,
            r.gas_used,
            r.intrinsic_gas,
            r.entry_gas,
            r.gas_used - r.intrinsic_gas - r.entry_gas,
            r.gas_refunded
        );
    }
}
