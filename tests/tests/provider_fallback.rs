//! `AttestationAccessControl`'s fallback for a provider without `verifyCapabilitiesWithToken`
//! (spec 01 §5 (+); the departure in `crates/attestation-access`), at the WASM level where a
//! router's unknown-selector revert is really empty: the Ownership tokenizer's claim goes through
//! a test-only provider (`tests/test-provider`) registered in the real `IntegraRegistry` and set
//! for the record with `setDocumentProvider`.
//!
//! - no `verifyCapabilitiesWithToken` (empty revert) or a too-short answer → the plain
//!   `verifyCapabilities` decides, the attested token id is 0 ("any");
//! - its `false` → `ProviderVerificationFailed(id, "Provider verification failed")`;
//! - granted without `CORE_CLAIM` → `NoCapability(user, h, CORE_CLAIM)`;
//! - a `verifyCapabilitiesWithToken` that reverts with data is bubbled, never retried as plain;
//! - the plain method's revert data is bubbled unchanged.

#![allow(clippy::many_single_char_names)] // d(eployed world), r(eceipt), h(ash), e(vents), t/c (events)

use alloy_primitives::{keccak256, Address, B256, U256};
use alloy_sol_types::{sol, SolValue};
use integra_tests::tokenizers::{
    claim_call, ownerOfCall, registerProviderCall, reserve_call, setup, CapabilityVerified,
    Deployed, TokenClaimed, Transfer, BOB, CAROL, EXECUTOR,
};
use integra_tests::{assert_reverted_with, docreg::ok, docreg::GOVERNOR, events};

sol! {
    function configure(address allowed, uint256 granted, uint8 mode) external;
    function setDocumentProvider(bytes32 documentHash, bytes32 providerId) external;
    #[derive(Debug, PartialEq, Eq)]
    event DocumentProviderSet(bytes32 indexed documentHash, bytes32 indexed providerId, address indexed setBy, uint256 timestamp);
    #[derive(Debug, PartialEq, Eq)]
    error ProviderVerificationFailed(bytes32 providerId, string reason);
    #[derive(Debug, PartialEq, Eq)]
    error NoCapability(address user, bytes32 documentHash, uint256 requiredCapability);
    #[derive(Debug, PartialEq, Eq)]
    error WithTokenRefused();
    #[derive(Debug, PartialEq, Eq)]
    error PlainRefused(address recipient);
}

/// spec 01 §1: `CORE_VIEW = 1 << 0`, `CORE_CLAIM = 1 << 1`.
const CORE_VIEW: U256 = U256::from_limbs([1, 0, 0, 0]);
const CORE_CLAIM: U256 = U256::from_limbs([2, 0, 0, 0]);

const PLAIN: u8 = 0;
const SHORT: u8 = 1;
const REFUSE_WITH_TOKEN: u8 = 2;
const REFUSE_PLAIN: u8 = 3;

fn test_provider_id() -> B256 {
    keccak256("TestProvider")
}

/// The Ownership world, record 1 reserved for BOB, its provider the test provider configured
/// to grant `granted` to `allowed` in `mode`.
fn world(allowed: Address, granted: U256, mode: u8) -> (Deployed, Address) {
    let mut d = setup("integra-ownership-tokenizer").expect("tokenizer world deploys");
    d.register(1).unwrap();
    // No constructor: installed as is.
    let wasm = integra_tests::artifact("integra-test-provider").expect("test provider builds");
    let provider = d
        .world
        .vm
        .deploy(GOVERNOR, &wasm)
        .expect("test provider activates");
    let register = registerProviderCall {
        providerId: test_provider_id(),
        provider,
        providerType: "Test".into(),
        description: "provider without verifyCapabilitiesWithToken".into(),
    };
    ok(
        d.world.send(GOVERNOR, d.components, &register),
        "registerProvider",
    )
    .unwrap();
    let h = B256::repeat_byte(1);
    let set = setDocumentProviderCall {
        documentHash: h,
        providerId: test_provider_id(),
    };
    let r = ok(
        d.world.send(GOVERNOR, d.tokenizer, &set),
        "setDocumentProvider",
    )
    .unwrap();
    let e = events::<DocumentProviderSet>(&r.logs);
    assert_eq!(
        (e.len(), e[0].documentHash, e[0].providerId, e[0].setBy),
        (1, h, test_provider_id(), GOVERNOR)
    );
    let c = configureCall {
        allowed,
        granted,
        mode,
    };
    ok(d.world.send(GOVERNOR, provider, &c), "configure").unwrap();
    ok(
        d.world.send(EXECUTOR, d.tokenizer, &reserve_call(1, BOB)),
        "reserve",
    )
    .unwrap();
    (d, provider)
}

/// Any UID: the test provider does not read EAS.
fn uid() -> B256 {
    B256::repeat_byte(0x77)
}

fn claims_through_the_plain_method(mode: u8) {
    let (mut d, _) = world(BOB, CORE_CLAIM, mode);
    let r = ok(
        d.world.send(BOB, d.tokenizer, &claim_call(1, 1, uid())),
        "claim",
    )
    .unwrap();
    let h = B256::repeat_byte(1);
    assert_eq!(
        events::<CapabilityVerified>(&r.logs),
        vec![CapabilityVerified {
            user: BOB,
            documentHash: h,
            capabilities: CORE_CLAIM,
            providerId: test_provider_id(),
            proof: uid().abi_encode().into(),
        }]
    );
    let t = events::<Transfer>(&r.logs);
    assert_eq!(
        (t.len(), t[0].from, t[0].to, t[0].tokenId),
        (1, Address::ZERO, BOB, U256::from(1))
    );
    let c = events::<TokenClaimed>(&r.logs);
    assert_eq!((c[0].claimant, c[0].capabilityAttestation), (BOB, uid()));
    assert_eq!(
        d.world
            .view(
                d.tokenizer,
                &ownerOfCall {
                    tokenId: U256::from(1)
                }
            )
            ._0,
        BOB
    );
}

#[test]
fn a_provider_without_the_token_method_is_asked_the_plain_method() {
    claims_through_the_plain_method(PLAIN);
}

#[test]
fn a_too_short_token_answer_falls_back_to_the_plain_method() {
    claims_through_the_plain_method(SHORT);
}

#[test]
fn the_plain_methods_false_is_a_verification_failure() {
    // The provider grants CAROL only; BOB is refused.
    let (mut d, _) = world(CAROL, CORE_CLAIM, PLAIN);
    let r = d.world.send(BOB, d.tokenizer, &claim_call(1, 1, uid()));
    assert_reverted_with(
        &r,
        &ProviderVerificationFailed {
            providerId: test_provider_id(),
            reason: "Provider verification failed".into(),
        },
    );
}

#[test]
fn the_plain_methods_grant_must_hold_the_claim_capability() {
    let (mut d, _) = world(BOB, CORE_VIEW, PLAIN);
    let r = d.world.send(BOB, d.tokenizer, &claim_call(1, 1, uid()));
    assert_reverted_with(
        &r,
        &NoCapability {
            user: BOB,
            documentHash: B256::repeat_byte(1),
            requiredCapability: CORE_CLAIM,
        },
    );
}

#[test]
fn a_token_method_that_reverts_with_data_is_bubbled_not_retried() {
    // The plain method would grant BOB: the claim still fails with the token method's error.
    let (mut d, _) = world(BOB, CORE_CLAIM, REFUSE_WITH_TOKEN);
    let r = d.world.send(BOB, d.tokenizer, &claim_call(1, 1, uid()));
    assert_reverted_with(&r, &WithTokenRefused {});
}

#[test]
fn the_plain_methods_revert_data_is_bubbled() {
    let (mut d, _) = world(BOB, CORE_CLAIM, REFUSE_PLAIN);
    let r = d.world.send(BOB, d.tokenizer, &claim_call(1, 1, uid()));
    assert_reverted_with(&r, &PlainRefused { recipient: BOB });
}
