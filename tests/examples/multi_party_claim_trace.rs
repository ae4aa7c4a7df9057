//! Gas trace of the `MultiParty` tokenizer's `reserveToken` and `claimToken` (party 1 of 2) in
//! the gas report's shape, uncached and with the programs cached: every program entry, storage
//! access, call and log with its gas (`stylus_vm::set_trace`).
//!
//! `cargo run -p integra-tests --example multi_party_claim_trace`
use alloy_primitives::U256;
use integra_tests::tokenizers::{
    claim_call, multi_party::reserve_call, setup_multi_party, BOB, CAROL, EXECUTOR, OWNER,
};

fn main() {
    for cached in [false, true] {
        let mut d = setup_multi_party().expect("deployment");
        d.register(1).expect("register");
        d.world
            .send(EXECUTOR, d.tokenizer, &reserve_call(1, 2, CAROL));
        if cached {
            for a in [d.tokenizer, d.registry, d.provider, d.eas, d.components] {
                d.world.vm.set_cached(a, true);
            }
        }
        eprintln!("== reserveToken (slot 1 of 2), programs cached: {cached}");
        stylus_vm::set_trace(true);
        let r = d
            .world
            .send(EXECUTOR, d.tokenizer, &reserve_call(1, 1, BOB));
        stylus_vm::set_trace(false);
        report(&r);
        let uid = d
            .attest_claim(OWNER, BOB, 1, 1, U256::from(2))
            .expect("attestation");
        eprintln!("== claimToken (party 1 of 2), programs cached: {cached}");
        stylus_vm::set_trace(true);
        let r = d.world.send(BOB, d.tokenizer, &claim_call(1, 1, uid));
        stylus_vm::set_trace(false);
        report(&r);
    }
}

fn report(r: &stylus_vm::Receipt) {
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
