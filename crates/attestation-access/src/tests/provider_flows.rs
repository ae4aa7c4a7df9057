//! The component against the real provider chain: `IntegraRegistry` → `EASAttestationProvider`
//! → the EAS reproduction, with records in the real document registry and the claim schema
//! resolved by `TokenClaimResolver`.
#![allow(clippy::too_many_arguments)] // motsu fixtures

use alloy_primitives::Bytes;
use integra_document_registry::{IntegraDocumentRegistry, Registration};
use integra_eas_attestation_provider::{
    EASAttestationProvider, RecipientMismatch, WrongDocument, CLAIM_SCHEMA, FULL_SCHEMA,
};
use integra_primitives::capabilities::CORE_TRANSFER;
use integra_test_eas::{Request, TestEAS};
use integra_token_claim_resolver::TokenClaimResolver;

use super::*;

struct Chain<'a> {
    host: &'a Contract<Gated>,
    eas: &'a Contract<TestEAS>,
    full: B256,
    claim: B256,
    registry: Address,
}

impl Chain<'_> {
    /// A CLAIM attestation by `attester` for `recipient` on record `n`, token `token`.
    fn claim(&self, attester: Address, recipient: Address, n: u8, token: u64) -> B256 {
        let data: Bytes = (B256::repeat_byte(n), U256::from(token), CORE_CLAIM)
            .abi_encode_params()
            .into();
        self.eas
            .sender(attester)
            .attest(
                self.claim,
                Request {
                    recipient,
                    revocable: true,
                    data,
                    ..Request::default()
                },
            )
            .motsu_unwrap()
    }

    fn gated(&self, user: Address, n: u8, required: U256, uid: B256) -> Result<Grant, Vec<u8>> {
        self.host
            .sender(user)
            .gated(user, B256::repeat_byte(n), required, uid)
    }

    fn check(&self, user: Address, n: u8, required: U256, uid: B256) -> Vec<u8> {
        self.host
            .sender(user)
            .call(
                user,
                checkCapabilityCall {
                    user,
                    documentHash: B256::repeat_byte(n),
                    requiredCapability: required,
                    proof: uid.to_vec().into(),
                }
                .abi_encode(),
            )
            .unwrap()
    }
}

/// Component registry, document registry (record 1 and 2 owned by `owner`), EAS with both
/// schemas, the claim resolver, the provider registered as `pid("eas")`, and the host.
fn chain<'a>(
    host: &'a Contract<Gated>,
    comp: &'a Contract<IntegraRegistry>,
    reg: &Contract<IntegraDocumentRegistry>,
    eas: &'a Contract<TestEAS>,
    provider: &Contract<EASAttestationProvider>,
    resolver: &Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
) -> Chain<'a> {
    let w = deploy(host, comp, gov);
    reg.sender(gov)
        .constructor(
            gov,
            comp.address(),
            comp.address(),
            Address::repeat_byte(0xe0),
            Address::repeat_byte(0xfe),
            U256::ZERO,
            U256::ZERO,
            Address::ZERO,
        )
        .unwrap();
    resolver
        .sender(gov)
        .constructor(eas.address(), reg.address())
        .unwrap();
    let full = eas
        .sender(gov)
        .register(FULL_SCHEMA, Address::ZERO, true)
        .unwrap();
    let claim = eas
        .sender(gov)
        .register(CLAIM_SCHEMA, resolver.address(), true)
        .unwrap();
    provider
        .sender(gov)
        .initialize(eas.address(), full, claim, NAMESPACE, reg.address(), gov)
        .unwrap();
    w.add_provider(pid("eas"), provider.address());
    for n in [1u8, 2] {
        reg.sender(owner)
            .register_document(
                owner,
                &Registration {
                    integra_hash: B256::repeat_byte(n),
                    document_hash: keccak256([n]),
                    ..Registration::default()
                },
            )
            .motsu_unwrap();
    }
    Chain {
        host,
        eas,
        full,
        claim,
        registry: reg.address(),
    }
}

macro_rules! chain {
    ($host:ident, $comp:ident, $reg:ident, $eas:ident, $p:ident, $res:ident, $gov:ident, $owner:ident) => {
        chain(&$host, &$comp, &$reg, &$eas, &$p, &$res, $gov, $owner)
    };
}

#[motsu::test]
fn a_valid_claim_attestation_grants_and_emits(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    reg: Contract<IntegraDocumentRegistry>,
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let c = chain!(host, comp, reg, eas, p, res, gov, owner);
    let uid = c.claim(owner, bob, 1, 7);
    let grant = c.gated(bob, 1, CORE_CLAIM, uid).unwrap();
    assert_eq!(
        grant,
        Grant {
            granted: CORE_CLAIM,
            provider_id: pid("eas"),
            attested_token_id: U256::from(7),
        }
    );
    host.assert_emitted(&CapabilityVerified {
        user: bob,
        documentHash: B256::repeat_byte(1),
        capabilities: CORE_CLAIM,
        providerId: pid("eas"),
        proof: uid.to_vec().into(),
    });
    assert_eq!(
        c.check(bob, 1, CORE_CLAIM, uid),
        (true, CORE_CLAIM).abi_encode()
    );
    // Nothing is consumed: the recipient may present it again (consumers enforce single use).
    assert!(c.gated(bob, 1, CORE_CLAIM, uid).is_ok());
}

#[motsu::test]
fn granted_bits_must_cover_the_required_ones(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    reg: Contract<IntegraDocumentRegistry>,
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let c = chain!(host, comp, reg, eas, p, res, gov, owner);
    let uid = c.claim(owner, bob, 1, 0);
    assert_revert(
        c.gated(bob, 1, CORE_CLAIM | CORE_TRANSFER, uid),
        NoCapability {
            user: bob,
            documentHash: B256::repeat_byte(1),
            requiredCapability: CORE_CLAIM | CORE_TRANSFER,
        },
    );
    assert_eq!(
        c.check(bob, 1, CORE_TRANSFER, uid),
        (false, U256::ZERO).abi_encode()
    );
}

#[motsu::test]
fn provider_errors_bubble_unchanged(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    reg: Contract<IntegraDocumentRegistry>,
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    bob: Address,
    mallory: Address,
) {
    let c = chain!(host, comp, reg, eas, p, res, gov, owner);
    let uid = c.claim(owner, bob, 1, 7);
    // Another caller presenting bob's attestation (replay across callers).
    assert_revert(
        c.gated(mallory, 1, CORE_CLAIM, uid),
        RecipientMismatch {
            attested: bob,
            expected: mallory,
        },
    );
    // The same attestation on another record (replay across records).
    assert_revert(
        c.gated(bob, 2, CORE_CLAIM, uid),
        WrongDocument {
            attested: B256::repeat_byte(1),
            expected: B256::repeat_byte(2),
        },
    );
    assert_eq!(
        c.check(mallory, 1, CORE_CLAIM, uid),
        (false, U256::ZERO).abi_encode()
    );
}

#[motsu::test]
fn a_per_record_override_routes_to_its_provider(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    reg: Contract<IntegraDocumentRegistry>,
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    p2: Contract<EASAttestationProvider>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let c = chain!(host, comp, reg, eas, p, res, gov, owner);
    let uid = c.claim(owner, bob, 1, 7);
    p2.sender(gov)
        .initialize(eas.address(), c.full, c.claim, NAMESPACE, c.registry, gov)
        .unwrap();
    // Record 1 moves to an id whose entry is then deactivated: the check follows the override.
    comp.sender(gov)
        .register_provider(pid("second"), p2.address(), "EAS", "second provider")
        .unwrap();
    host.sender(gov)
        .call(
            gov,
            setDocumentProviderCall {
                documentHash: B256::repeat_byte(1),
                providerId: pid("second"),
            }
            .abi_encode(),
        )
        .unwrap();
    assert_eq!(
        c.gated(bob, 1, CORE_CLAIM, uid).unwrap().provider_id,
        pid("second")
    );
    comp.sender(gov)
        .deactivate_component(pid("second"), "test")
        .unwrap();
    assert_revert(
        c.gated(bob, 1, CORE_CLAIM, uid),
        ProviderNotFound {
            providerId: pid("second"),
        },
    );
    // Record 2 still uses the default.
    let uid2 = c.claim(owner, bob, 2, 0);
    assert_eq!(
        c.gated(bob, 2, CORE_CLAIM, uid2).unwrap().provider_id,
        pid("eas")
    );
}
