//! Proving time of one processHash proof (issue 4: ≤ 100 ms natively).
#![allow(missing_docs)]
use ark_bn254::Fr;
use ark_std::rand::SeedableRng;
use criterion::{criterion_group, criterion_main, Criterion};
use integra_circuits::{prove, setup_from_seed, TEST_SEED};
use rand_chacha::ChaCha20Rng;

fn bench_prove(c: &mut Criterion) {
    let pk = setup_from_seed(TEST_SEED).expect("setup");
    let mut rng = ChaCha20Rng::from_seed([3; 32]);
    c.bench_function("prove processHash (N = 2)", |b| {
        b.iter(|| prove(&pk, Fr::from(1u8), Fr::from(2u8), &mut rng).expect("prove"));
    });
}

criterion_group!(benches, bench_prove);
criterion_main!(benches);
