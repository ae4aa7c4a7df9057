//! A child record referencing a parent with a real Groth16 proof (spec 02 §2 step 6) through the
//! deployed document registry and a `Groth16Verifier` built with the reference circuit's key:
//! accepted with `DocumentReferenced`; a proof of another secret, a tampered proof and a proof for
//! a parent that does not exist are refused with their errors.

use alloy_primitives::{B256, U256};
use integra_tests::docreg::{getDocumentOwnerCall, ok, BOB};
use integra_tests::reference::{
    child_call, in_field, parent_of, prove, setup, DocumentReferenced, InvalidProof,
    ReferenceDocumentNotFound, SECRET,
};
use integra_tests::{assert_reverted_with, events};

#[test]
fn a_real_reference_proof_registers_the_child() {
    let (mut d, parent) = setup().expect("world");
    assert!(in_field(parent));
    let proof = prove(SECRET, 1);
    let r = ok(
        d.world
            .send(BOB, d.registry, &child_call(2, parent, &proof)),
        "child",
    )
    .unwrap();
    let referenced = events::<DocumentReferenced>(&r.logs);
    assert_eq!(referenced.len(), 1);
    assert_eq!(referenced[0].childHash, B256::repeat_byte(2));
    assert_eq!(referenced[0].parentHash, parent);
    assert_eq!(
        d.world
            .view(
                d.registry,
                &getDocumentOwnerCall {
                    integraHash: B256::repeat_byte(2)
                }
            )
            ._0,
        BOB
    );
    // OQ-02-2: the proof is bound to neither sender nor child; the same proof references the
    // same parent again.
    ok(
        d.world
            .send(BOB, d.registry, &child_call(3, parent, &proof)),
        "replayed reference",
    )
    .unwrap();
}

#[test]
fn wrong_or_tampered_proofs_and_missing_parents_are_refused() {
    let (mut d, parent) = setup().expect("world");
    // A proof of another secret.
    let other = prove(SECRET + 1, 2);
    let r = d
        .world
        .send(BOB, d.registry, &child_call(4, parent, &other));
    assert_reverted_with(
        &r,
        &InvalidProof {
            integraHash: B256::repeat_byte(4),
            sender: BOB,
        },
    );
    // A tampered C.
    let mut tampered = prove(SECRET, 3);
    tampered.c = other.c;
    let r = d
        .world
        .send(BOB, d.registry, &child_call(4, parent, &tampered));
    assert_reverted_with(
        &r,
        &InvalidProof {
            integraHash: B256::repeat_byte(4),
            sender: BOB,
        },
    );
    // A proof the verifier accepts, for a parent never registered.
    let unknown = parent_of(SECRET + 2);
    let proof = prove(SECRET + 2, 4);
    let r = d
        .world
        .send(BOB, d.registry, &child_call(4, unknown, &proof));
    assert_reverted_with(
        &r,
        &ReferenceDocumentNotFound {
            referenceHash: unknown,
        },
    );
    // A reference hash outside the scalar field cannot be proved; the verifier refuses it.
    let r = d.world.send(
        BOB,
        d.registry,
        &child_call(4, B256::from(U256::MAX), &proof),
    );
    assert_reverted_with(
        &r,
        &InvalidProof {
            integraHash: B256::repeat_byte(4),
            sender: BOB,
        },
    );
}
