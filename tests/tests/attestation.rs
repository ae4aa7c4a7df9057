//! The attestation layer's WASM artifacts in the executor (see `integra_tests::attestation`):
//! EAS attest through `TokenClaimResolver`, `verifyCapabilities`, and the time-dependent
//! checks motsu cannot reach (expiry, `maxAttestationAge`), at and just past each boundary.

use alloy_primitives::{B256, U256};
use alloy_sol_types::SolCall;
use integra_tests::attestation::{
    claim_data, full_data, multiAttestCall, request, revokeCall, setMaxAttestationAgeCall, setup,
    verifyCapabilitiesCall, verifyCapabilitiesWithTokenCall, AttestationExpired,
    AttestationRevoked, AttestationTooOld, Attested, Deployed, InvalidCapability,
    MultiAttestationRequest, RecipientMismatch, RevocationRequest, RevocationRequestData,
    UnauthorizedAttester, CLAIMANT, CONSUMER, STRANGER,
};
use integra_tests::docreg::{ok, ALICE, GOVERNOR};
use integra_tests::{assert_reverted_with, events};
use stylus_vm::Status;

const CORE_CLAIM: U256 = U256::from_limbs([2, 0, 0, 0]);

fn world() -> Deployed {
    setup().expect("attestation world deploys")
}

fn h() -> B256 {
    B256::repeat_byte(1)
}

fn now(d: &Deployed) -> u64 {
    d.world.vm.block().timestamp
}

#[test]
fn owner_claim_grant_passes_the_resolver_and_the_provider() {
    let mut d = world();
    let (eas, schema) = (d.eas, d.claim);
    let r = ok(
        d.attest(
            ALICE,
            schema,
            request(CLAIMANT, 0, claim_data(h(), 7, CORE_CLAIM)),
        ),
        "attest",
    )
    .unwrap();
    let uid = B256::from_slice(&r.output[..32]);
    assert_eq!(
        events::<Attested>(&r.logs),
        vec![Attested {
            recipient: CLAIMANT,
            attester: ALICE,
            uid,
            schemaUID: schema,
        }]
    );
    assert!(r.logs.iter().all(|l| l.address == eas));
    let v = ok(d.verify(uid, CLAIMANT, h()), "verifyCapabilities").unwrap();
    let out = verifyCapabilitiesCall::abi_decode_returns(&v.output, true).unwrap();
    assert_eq!((out.verified, out.grantedCapabilities), (true, CORE_CLAIM));
    let with_token = verifyCapabilitiesWithTokenCall {
        proof: uid.to_vec().into(),
        recipient: CLAIMANT,
        documentHash: h(),
        requiredCapability: CORE_CLAIM,
    };
    let r = d
        .world
        .vm
        .static_call(CONSUMER, d.provider, &with_token.abi_encode())
        .unwrap();
    let out = verifyCapabilitiesWithTokenCall::abi_decode_returns(&r.output, true).unwrap();
    assert_eq!(out.attestedTokenId, U256::from(7));
    // Another caller presenting it fails at the recipient step.
    assert_reverted_with(
        &d.verify(uid, STRANGER, h()),
        &RecipientMismatch {
            attested: CLAIMANT,
            expected: STRANGER,
        },
    );
    // Revoked by its attester: void.
    let revoke = revokeCall {
        request: RevocationRequest {
            schema,
            data: RevocationRequestData {
                uid,
                value: U256::ZERO,
            },
        },
    };
    ok(d.world.send(ALICE, eas, &revoke), "revoke").unwrap();
    assert_reverted_with(
        &d.verify(uid, CLAIMANT, h()),
        &AttestationRevoked {
            uid,
            revokedAt: now(&d),
        },
    );
}

#[test]
fn strangers_grant_and_a_batch_with_one_bad_item_are_refused() {
    let mut d = world();
    let schema = d.claim;
    let r = d.attest(
        STRANGER,
        schema,
        request(CLAIMANT, 0, claim_data(h(), 7, CORE_CLAIM)),
    );
    assert_reverted_with(
        &r,
        &UnauthorizedAttester {
            attester: STRANGER,
            integraHash: h(),
        },
    );
    let good = request(CLAIMANT, 0, claim_data(h(), 7, CORE_CLAIM));
    let bad = request(CLAIMANT, 0, claim_data(h(), 8, U256::from(3)));
    let multi = |items| multiAttestCall {
        multiRequests: vec![MultiAttestationRequest {
            schema,
            data: items,
        }],
    };
    let r = d.world.send(ALICE, d.eas, &multi(vec![good.clone(), bad]));
    assert_reverted_with(
        &r,
        &InvalidCapability {
            capability: U256::from(3),
        },
    );
    assert!(r.logs.is_empty());
    let r = ok(
        d.world.send(ALICE, d.eas, &multi(vec![good.clone(), good])),
        "multiAttest",
    )
    .unwrap();
    let uids = multiAttestCall::abi_decode_returns(&r.output, true)
        .unwrap()
        ._0;
    assert_eq!(uids.len(), 2);
    assert_ne!(uids[0], uids[1]);
}

#[test]
fn expiry_is_inclusive_and_then_fails() {
    let mut d = world();
    let expiry = now(&d) + 100;
    let uid = d
        .attest_ok(
            ALICE,
            d.claim,
            request(CLAIMANT, expiry, claim_data(h(), 7, CORE_CLAIM)),
        )
        .unwrap();
    d.world.vm.block_mut().timestamp = expiry;
    ok(d.verify(uid, CLAIMANT, h()), "verify at expiry").unwrap();
    d.world.vm.block_mut().timestamp = expiry + 1;
    assert_reverted_with(
        &d.verify(uid, CLAIMANT, h()),
        &AttestationExpired {
            uid,
            expiredAt: expiry,
        },
    );
}

#[test]
fn max_attestation_age_counts_from_the_eas_time() {
    let mut d = world();
    let t0 = now(&d);
    let data = full_data(&d, h(), U256::from(0x10007), t0);
    let uid = d
        .attest_ok(ALICE, d.full, request(CLAIMANT, 0, data))
        .unwrap();
    let set = setMaxAttestationAgeCall {
        maxAge: U256::from(3600),
    };
    ok(
        d.world.send(GOVERNOR, d.provider, &set),
        "setMaxAttestationAge",
    )
    .unwrap();
    d.world.vm.block_mut().timestamp = t0 + 3600;
    let v = ok(d.verify(uid, CLAIMANT, h()), "verify at the age limit").unwrap();
    let out = verifyCapabilitiesCall::abi_decode_returns(&v.output, true).unwrap();
    assert_eq!(out.grantedCapabilities, U256::from(0x10007));
    d.world.vm.block_mut().timestamp = t0 + 3601;
    assert_reverted_with(
        &d.verify(uid, CLAIMANT, h()),
        &AttestationTooOld {
            issuedAt: t0,
            maxAge: U256::from(3600),
        },
    );
}

#[test]
fn unspent_value_is_refunded_to_the_attester() {
    let mut d = world();
    let start = U256::from(1_000_000u64);
    d.world.vm.state_mut().set_balance(ALICE, start);
    let call = integra_tests::attestation::attestCall {
        request: integra_tests::attestation::AttestationRequest {
            schema: d.claim,
            data: request(CLAIMANT, 0, claim_data(h(), 7, CORE_CLAIM)),
        },
    };
    let r = d
        .world
        .raw(ALICE, d.eas, &call.abi_encode(), U256::from(500));
    assert_eq!(r.status, Status::Success, "{:?}", r.trap);
    assert_eq!(d.world.vm.state().balance(&d.eas), U256::ZERO);
    assert_eq!(d.world.vm.state().balance(&ALICE), start);
}
