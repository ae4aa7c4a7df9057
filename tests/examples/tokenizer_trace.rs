//! Gas trace of the tokenizers' reserve and claim in the gas report's shapes (Ownership named
//! and anonymous reservation and claim, Shares reservation and claim), uncached and with the
//! programs cached: every program entry, storage access, call and log with its gas
//! (`stylus_vm::set_trace`).
//!
//! `cargo run -p integra-tests --example tokenizer_trace [ownership|shares] [cached]`
use integra_tests::tokenizers::{
    claim_call, reserve_anonymous_call, reserve_call, setup, setup_shares, shares, Deployed, BOB,
    EXECUTOR, OWNER,
};
use stylus_vm::Receipt;

fn report(what: &str, r: &Receipt) {
    eprintln!(
        "== {what}: status {:?}: tx gas {} = intrinsic {} + entry {} + execution {} (refund {} applied)",
        r.status,
        r.gas_used,
        r.intrinsic_gas,
        r.entry_gas,
        r.gas_used - r.intrinsic_gas - r.entry_gas,
        r.gas_refunded
    );
}

fn cache(d: &mut Deployed, cached: bool) {
    if cached {
        for a in [d.tokenizer, d.registry, d.provider, d.eas, d.components] {
            d.world.vm.set_cached(a, true);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map_or("ownership", String::as_str);
    let cached = args.iter().any(|a| a == "cached");
    let traced = |what: &str, f: &mut dyn FnMut() -> Receipt| {
        eprintln!("== {what} (programs cached: {cached})");
        stylus_vm::set_trace(true);
        let r = f();
        stylus_vm::set_trace(false);
        report(what, &r);
    };
    if which == "ownership" {
        let mut d = setup("integra-ownership-tokenizer").expect("deployment");
        d.register(1).expect("register");
        d.register(2).expect("register");
        cache(&mut d, cached);
        let t = d.tokenizer;
        traced("reserveToken", &mut || {
            d.world.send(EXECUTOR, t, &reserve_call(1, BOB))
        });
        traced("reserveTokenAnonymous", &mut || {
            d.world.send(EXECUTOR, t, &reserve_anonymous_call(2))
        });
        let uid = d
            .attest_claim(OWNER, BOB, 1, 1, alloy_primitives::U256::from(2))
            .expect("attest");
        traced("claimToken", &mut || {
            d.world.send(BOB, t, &claim_call(1, 0, uid))
        });
    } else {
        let mut d = setup_shares().expect("deployment");
        d.register(1).expect("register");
        cache(&mut d, cached);
        let t = d.tokenizer;
        traced("Shares reserveToken", &mut || {
            d.world
                .send(EXECUTOR, t, &shares::reserve_call(1, BOB, 600))
        });
        let uid = d
            .attest_claim(OWNER, BOB, 1, 0, alloy_primitives::U256::from(2))
            .expect("attest");
        traced("Shares claimToken", &mut || {
            d.world.send(BOB, t, &claim_call(1, 0, uid))
        });
    }
}
