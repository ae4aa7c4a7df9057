//! `IntegraMessageV1` and the Groth16 verifier as WASM in the executor, with real proofs from
#![allow(clippy::many_single_char_names)] // d(eployment), m(essage), p(roof), r(eceipt), c(all)
//! `integra-circuits`: acceptance, replay with another message / sender / tokenId / deployment,
//! tampered proofs, processHash ≥ r, unknown and deactivated verifier, ERC-2771 forwarding,
//! batches (valid, one bad proof), and a snarkjs-produced proof verified through the verifier.

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::SolCall;
use integra_tests::message::{
    batch, batch_entry, deactivateVerifierCall, deploy, deploy_message, pauseCall, process_hash,
    prove, registerMessageBatchCall, register_call, verifyProofCall, EnforcedPause, InvalidProof,
    InvalidProofAt, MessageRegistered, ProcessHashNotInField, VerifierNotFound, ALICE, BOB,
    EVENT_REF, FORWARDER, GOVERNOR, MESSAGE, VERIFIER_ID,
};
use integra_tests::{assert_reverted_with, events};

#[test]
fn a_valid_proof_registers_the_message_and_emits_the_event() {
    let mut d = deploy().expect("deploys");
    d.world.vm.block_mut().timestamp = 1_800_000_000;
    let m = d.message(ALICE, 7, EVENT_REF, MESSAGE);
    let proof = prove(&m, 1);
    let calldata = integra_circuits::evm::register_message_calldata(
        &m,
        integra_circuits::process_hash(ark_bn254::Fr::from(integra_tests::message::SECRET)),
        &proof,
    );
    // The CLI's calldata and the harness's are the same bytes.
    assert_eq!(calldata, register_call(&m, &proof).abi_encode());
    let r = d.world.raw(ALICE, d.message, &calldata, U256::ZERO);
    assert!(r.is_success(), "{:?} {:?}", r.output, r.trap);
    let ev = events::<MessageRegistered>(&r.logs);
    assert_eq!(
        ev,
        vec![MessageRegistered {
            integraHash: m.integra_hash,
            processHash: process_hash(),
            tokenId: U256::from(7),
            eventRef: EVENT_REF.into(),
            message: MESSAGE.into(),
            timestamp: U256::from(1_800_000_000u64),
            registrant: ALICE,
        }]
    );
    assert_eq!(r.logs.len(), 1);
    // Event-only: no storage written by the message contract.
    let view = d.world.view(
        d.message,
        &integra_tests::message::messageHashCall {
            integraHash: m.integra_hash,
            tokenId: m.token_id,
            eventRef: m.event_ref.clone(),
            message: m.message.clone(),
            sender: ALICE,
        },
    );
    assert_eq!(view._0, integra_circuits::evm::fr_to_u256(m.hash()));
}

#[test]
fn a_proof_replayed_for_anything_else_is_rejected() {
    let mut d = deploy().expect("deploys");
    let m = d.message(ALICE, 7, EVENT_REF, MESSAGE);
    let proof = prove(&m, 2);
    // Another message, tokenId, eventRef.
    for (token, ev, msg) in [
        (7, EVENT_REF, "another message"),
        (8, EVENT_REF, MESSAGE),
        (7, "PAYMENT_REJECTED", MESSAGE),
    ] {
        let other = d.message(ALICE, token, ev, msg);
        let r = d
            .world
            .send(ALICE, d.message, &register_call(&other, &proof));
        assert_reverted_with(&r, &InvalidProof {});
    }
    // Another sender.
    let r = d.world.send(BOB, d.message, &register_call(&m, &proof));
    assert_reverted_with(&r, &InvalidProof {});
    // Another deployment on the same registry.
    let (second, _) = deploy_message(&mut d.world, d.registry).expect("second deployment");
    let r = d.world.send(ALICE, second, &register_call(&m, &proof));
    assert_reverted_with(&r, &InvalidProof {});
    // The original still works.
    let r = d.world.send(ALICE, d.message, &register_call(&m, &proof));
    assert!(r.is_success());
}

#[test]
fn tampered_proofs_and_out_of_field_process_hashes_are_rejected() {
    let mut d = deploy().expect("deploys");
    let m = d.message(ALICE, 1, EVENT_REF, MESSAGE);
    let proof = prove(&m, 3);
    let other = prove(&d.message(ALICE, 2, EVENT_REF, MESSAGE), 4);
    let mut bad = Vec::new();
    let mut p = proof;
    p.a = other.a;
    bad.push(p);
    let mut p = proof;
    p.b = other.b;
    bad.push(p);
    let mut p = proof;
    p.c = other.c;
    bad.push(p);
    let mut p = proof;
    p.a[1] += U256::from(1); // off the curve: the verifier reverts, reported as InvalidProof
    bad.push(p);
    for p in bad {
        let r = d.world.send(ALICE, d.message, &register_call(&m, &p));
        assert_reverted_with(&r, &InvalidProof {});
    }
    let r_mod = U256::from_str_radix(
        "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001",
        16,
    )
    .unwrap();
    for ph in [r_mod, U256::MAX] {
        let mut c = register_call(&m, &proof);
        c.processHash = B256::from(ph);
        let r = d.world.send(ALICE, d.message, &c);
        assert_reverted_with(
            &r,
            &ProcessHashNotInField {
                processHash: B256::from(ph),
            },
        );
    }
}

#[test]
fn unknown_and_deactivated_verifiers_are_rejected() {
    let mut d = deploy().expect("deploys");
    let m = d.message(ALICE, 1, EVENT_REF, MESSAGE);
    let proof = prove(&m, 5);
    let r = d.world.send(
        GOVERNOR,
        d.registry,
        &deactivateVerifierCall {
            verifierId: VERIFIER_ID,
        },
    );
    assert!(r.is_success());
    let r = d.world.send(ALICE, d.message, &register_call(&m, &proof));
    assert_reverted_with(&r, &VerifierNotFound {});
    // A message contract on a registry where the id was never registered.
    let (empty_registry, _) = d
        .world
        .deploy(
            "integra-registry",
            GOVERNOR,
            &alloy_sol_types::SolValue::abi_encode(&GOVERNOR),
        )
        .expect("registry");
    let (orphan, _) = deploy_message(&mut d.world, empty_registry).expect("deploys");
    let r = d.world.send(ALICE, orphan, &register_call(&m, &proof));
    assert_reverted_with(&r, &VerifierNotFound {});
}

#[test]
fn a_forwarded_call_binds_and_records_the_forwarded_sender() {
    let mut d = deploy().expect("deploys");
    let m = d.message(ALICE, 3, EVENT_REF, MESSAGE);
    let proof = prove(&m, 6);
    let mut data = register_call(&m, &proof).abi_encode();
    data.extend_from_slice(ALICE.as_slice());
    // From the forwarder: the suffix is the sender, and the proof is ALICE's.
    let r = d.world.raw(FORWARDER, d.message, &data, U256::ZERO);
    assert!(r.is_success(), "{:?}", r.output);
    assert_eq!(events::<MessageRegistered>(&r.logs)[0].registrant, ALICE);
    // From anyone else the suffix is ignored: the sender is BOB, the proof is not his.
    let r = d.world.raw(BOB, d.message, &data, U256::ZERO);
    assert_reverted_with(&r, &InvalidProof {});
}

#[test]
fn pausing_blocks_registration() {
    let mut d = deploy().expect("deploys");
    let m = d.message(ALICE, 1, EVENT_REF, MESSAGE);
    let proof = prove(&m, 7);
    assert!(d
        .world
        .send(GOVERNOR, d.message, &pauseCall {})
        .is_success());
    let r = d.world.send(ALICE, d.message, &register_call(&m, &proof));
    assert_reverted_with(&r, &EnforcedPause {});
}

#[test]
fn a_batch_registers_every_message_in_order() {
    let mut d = deploy().expect("deploys");
    let messages = batch(&d, ALICE, 4);
    let r = d.world.send(
        ALICE,
        d.message,
        &registerMessageBatchCall {
            messages: messages.clone(),
        },
    );
    assert!(r.is_success(), "{:?} {:?}", r.output, r.trap);
    let ev = events::<MessageRegistered>(&r.logs);
    assert_eq!(ev.len(), 4);
    for (e, m) in ev.iter().zip(&messages) {
        assert_eq!((e.tokenId, e.registrant), (m.tokenId, ALICE));
    }
}

#[test]
fn a_batch_with_one_bad_proof_reverts_with_its_index() {
    let mut d = deploy().expect("deploys");
    let mut messages = batch(&d, ALICE, 5);
    // Message 3 carries message 1's proof (valid, but for another message).
    messages[3].proofA = messages[1].proofA;
    messages[3].proofB = messages[1].proofB;
    messages[3].proofC = messages[1].proofC;
    let r = d.world.send(
        ALICE,
        d.message,
        &registerMessageBatchCall {
            messages: messages.clone(),
        },
    );
    assert_reverted_with(
        &r,
        &InvalidProofAt {
            index: U256::from(3),
        },
    );
    // A malformed point (the batch call reverts in the verifier) is found the same way.
    let mut messages = batch(&d, ALICE, 3);
    messages[2].proofC[0] = U256::MAX;
    let r = d
        .world
        .send(ALICE, d.message, &registerMessageBatchCall { messages });
    assert_reverted_with(
        &r,
        &InvalidProofAt {
            index: U256::from(2),
        },
    );
    // Replayed by another sender: every proof fails, the first index is reported.
    let messages = batch(&d, ALICE, 2);
    let r = d
        .world
        .send(BOB, d.message, &registerMessageBatchCall { messages });
    assert_reverted_with(&r, &InvalidProofAt { index: U256::ZERO });
}

#[test]
fn the_verifier_accepts_a_real_proof_and_rejects_a_wrong_input() {
    let mut d = deploy().expect("deploys");
    let m = d.message(ALICE, 1, EVENT_REF, MESSAGE);
    let proof = prove(&m, 8);
    let inputs = [
        U256::from_be_bytes(process_hash().0),
        integra_circuits::evm::fr_to_u256(m.hash()),
    ];
    let call = verifyProofCall {
        a: proof.a,
        b: proof.b,
        c: proof.c,
        input: inputs,
    };
    assert!(d.world.view(d.verifier, &call)._0);
    let mut wrong = call.clone();
    wrong.input[1] += U256::from(1);
    assert!(!d.world.view(d.verifier, &wrong)._0);
    let _ = (batch_entry, Address::ZERO);
}
