//! motsu tests against the real parts: the EAS reproduction (`integra-test-eas`), the document
//! registry with `IntegraRegistry`, and `TokenClaimResolver` as the CLAIM schema's resolver.
//!
//! Each step of spec 01 §5.1 is failed alone with its exact error, the order is checked where
//! two steps fail at once, replays for another record, caller, consumer and token are refused,
//! and the issuer state machine, the governance setters and their unauthorized callers are
//! covered with their events. Not coverable in motsu (timestamp fixed at 1735689600, and EAS
//! refuses an expiry that is not in the future): steps 4 (expired) and 15 (too old); they run in
//! the WASM-level tests (`tests/tests/attestation.rs`).
#![allow(clippy::needless_pass_by_value, clippy::too_many_arguments)] // motsu fixtures

use alloy_primitives::{Address, Bytes, B256, U256};
use alloy_sol_types::{SolCall, SolError, SolValue};
use integra_document_registry::{IntegraDocumentRegistry, Registration};
use integra_primitives::capabilities::{ROLE_MANAGER, ROLE_PARTICIPANT};
use integra_registry::IntegraRegistry;
use integra_test_eas::{Request, TestEAS};
use integra_token_claim_resolver::TokenClaimResolver;
use motsu::prelude::*;

use super::*;

/// motsu's `block_timestamp` and `block.chainid`.
const NOW: u64 = 1_735_689_600;
const CHAIN: u64 = 42_161;
const NAMESPACE_ADDR: Address = Address::repeat_byte(0x5a);

fn h(n: u8) -> B256 {
    B256::repeat_byte(n)
}

#[track_caller]
fn assert_error<T: core::fmt::Debug>(result: Result<T, Error>, expected: impl SolError) {
    match result {
        Ok(v) => panic!("expected an error, got Ok({v:?})"),
        Err(err) => assert_eq!(Vec::<u8>::from(err), expected.abi_encode()),
    }
}

fn not_governor(account: Address) -> AccessControlUnauthorizedAccount {
    AccessControlUnauthorizedAccount {
        account,
        neededRole: GOVERNOR_ROLE,
    }
}

/// The FULL schema's 14 fields.
#[derive(Clone)]
struct Full {
    document_hash: B256,
    token_id: U256,
    capabilities: U256,
    chain: U256,
    eas: Address,
    consumer: Address,
    version: B256,
}

impl Full {
    fn encode(&self) -> Bytes {
        (
            self.document_hash,
            self.token_id,
            self.capabilities,
            String::from("did:example:alice"),
            String::from("KYC"),
            U256::from(NOW),
            String::from("Buyer"),
            String::from("Individual"),
            String::new(),
            self.chain,
            self.eas,
            self.consumer,
            NOW,
            self.version,
        )
            .abi_encode_params()
            .into()
    }
}

/// The deployed world: EAS, component and document registries, the claim resolver, the
/// provider; record 1 and 2 owned by `owner` with executor `exec`, record 3 by `other`.
struct World<'a> {
    eas: &'a Contract<TestEAS>,
    p: &'a Contract<EASAttestationProvider>,
    reg: &'a Contract<IntegraDocumentRegistry>,
    exec: Address,
    consumer: Address,
    full: B256,
    claim: B256,
}

fn deploy<'a>(
    eas: &'a Contract<TestEAS>,
    p: &'a Contract<EASAttestationProvider>,
    reg: &'a Contract<IntegraDocumentRegistry>,
    comp: &Contract<IntegraRegistry>,
    resolver: &Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
) -> World<'a> {
    comp.sender(gov).constructor(gov).unwrap();
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
    p.sender(gov)
        .initialize(
            eas.address(),
            full,
            claim,
            NAMESPACE_ADDR,
            reg.address(),
            gov,
        )
        .unwrap();
    let exec = Address::repeat_byte(0xec);
    for (n, who, executor) in [
        (1, owner, exec),
        (2, owner, exec),
        (3, other, Address::ZERO),
    ] {
        reg.sender(who)
            .register_document(
                who,
                &Registration {
                    integra_hash: h(n),
                    document_hash: B256::repeat_byte(0x40 + n),
                    executor,
                    ..Registration::default()
                },
            )
            .motsu_unwrap();
    }
    World {
        eas,
        p,
        reg,
        exec,
        consumer: Address::repeat_byte(0xc0),
        full,
        claim,
    }
}

impl World<'_> {
    fn full_data(&self, n: u8, capabilities: U256) -> Full {
        Full {
            document_hash: h(n),
            token_id: U256::from(7),
            capabilities,
            chain: U256::from(CHAIN),
            eas: self.eas.address(),
            consumer: self.consumer,
            version: SCHEMA_VERSION,
        }
    }

    fn attest(&self, attester: Address, schema: B256, recipient: Address, data: Bytes) -> B256 {
        self.eas
            .sender(attester)
            .attest(
                schema,
                Request {
                    recipient,
                    revocable: true,
                    data,
                    ..Request::default()
                },
            )
            .motsu_unwrap()
    }

    fn attest_full(&self, attester: Address, recipient: Address, f: &Full) -> B256 {
        self.attest(attester, self.full, recipient, f.encode())
    }

    fn claim_data(n: u8, token: u64, capability: U256) -> Bytes {
        (h(n), U256::from(token), capability)
            .abi_encode_params()
            .into()
    }

    fn attest_claim(&self, attester: Address, recipient: Address, n: u8) -> B256 {
        self.attest(
            attester,
            self.claim,
            recipient,
            Self::claim_data(n, 7, CORE_CLAIM),
        )
    }

    fn verify_as(
        &self,
        consumer: Address,
        uid: B256,
        recipient: Address,
        n: u8,
    ) -> Result<Verified, Error> {
        self.p
            .sender(consumer)
            .verify(uid.as_slice(), recipient, h(n))
            .motsu_res()
    }

    fn verify(&self, uid: B256, recipient: Address, n: u8) -> Result<Verified, Error> {
        self.verify_as(self.consumer, uid, recipient, n)
    }
}

macro_rules! world {
    ($eas:ident, $p:ident, $reg:ident, $comp:ident, $res:ident, $gov:ident, $owner:ident, $other:ident) => {
        deploy(&$eas, &$p, &$reg, &$comp, &$res, $gov, $owner, $other)
    };
}

fn call(c: &Contract<EASAttestationProvider>, sender: Address, data: &[u8]) -> ArbResult {
    let selector: [u8; 4] = data[..4].try_into().unwrap();
    dispatch(&mut c.sender(sender), selector, Args(&data[4..])).expect("known selector")
}

#[motsu::test]
fn initialize_checks_addresses_and_schema_once(
    p: Contract<EASAttestationProvider>,
    gov: Address,
    alice: Address,
) {
    let (e, r, s) = (Address::repeat_byte(1), Address::repeat_byte(2), h(9));
    for (eas, ns, reg, g) in [
        (Address::ZERO, NAMESPACE_ADDR, r, gov),
        (e, Address::ZERO, r, gov),
        (e, NAMESPACE_ADDR, Address::ZERO, gov),
        (e, NAMESPACE_ADDR, r, Address::ZERO),
    ] {
        assert_error(
            p.sender(gov)
                .initialize(eas, s, B256::ZERO, ns, reg, g)
                .motsu_res(),
            ZeroAddress {},
        );
    }
    assert_error(
        p.sender(gov)
            .initialize(e, B256::ZERO, s, NAMESPACE_ADDR, r, gov)
            .motsu_res(),
        InvalidSchemaUID {},
    );
    assert_error(
        p.sender(gov).verify(&[0u8; 32], alice, h(1)).motsu_res(),
        NotInitialized {},
    );
    p.sender(gov)
        .initialize(e, s, B256::ZERO, NAMESPACE_ADDR, r, gov)
        .unwrap();
    p.assert_emitted(&Initialized { version: 1 });
    p.assert_emitted(&RoleGranted {
        role: GOVERNOR_ROLE,
        account: gov,
        sender: gov,
    });
    assert!(p.sender(alice).has_role(DEFAULT_ADMIN_ROLE, gov));
    assert_eq!(p.sender(alice).claim_schema(), B256::ZERO);
    assert_error(
        p.sender(alice)
            .initialize(e, s, s, NAMESPACE_ADDR, r, alice)
            .motsu_res(),
        InvalidInitialization {},
    );
    let out = call(&p, alice, &NAMESPACECall {}.abi_encode()).unwrap();
    assert_eq!(out, NAMESPACE_ADDR.abi_encode());
}

#[motsu::test]
fn full_attestation_by_owner_grants_its_capabilities(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    let uid = w.attest_full(owner, bob, &w.full_data(1, ROLE_PARTICIPANT));
    assert_eq!(
        w.verify(uid, bob, 1).unwrap(),
        Verified {
            capabilities: ROLE_PARTICIPANT,
            token_id: U256::from(7)
        }
    );
    // The executor may issue FULL attestations too while no issuer is set.
    let by_exec = w.attest_full(w.exec, bob, &w.full_data(1, ROLE_MANAGER));
    assert_eq!(
        w.verify(by_exec, bob, 1).unwrap().capabilities,
        ROLE_MANAGER
    );
    // Through the router: Solidity's return encodings.
    let data = verifyCapabilitiesCall {
        proof: uid.to_vec().into(),
        recipient: bob,
        documentHash: h(1),
        requiredCapability: CORE_CLAIM,
    }
    .abi_encode();
    let out = call(&p, w.consumer, &data).unwrap();
    let r = verifyCapabilitiesCall::abi_decode_returns(&out, true).unwrap();
    assert!(r.verified);
    assert_eq!(r.grantedCapabilities, ROLE_PARTICIPANT);
    let data = verifyCapabilitiesWithTokenCall {
        proof: uid.to_vec().into(),
        recipient: bob,
        documentHash: h(1),
        requiredCapability: CORE_CLAIM,
    }
    .abi_encode();
    let out = call(&p, w.consumer, &data).unwrap();
    let r = verifyCapabilitiesWithTokenCall::abi_decode_returns(&out, true).unwrap();
    assert_eq!(
        (r.verified, r.grantedCapabilities, r.attestedTokenId),
        (true, ROLE_PARTICIPANT, U256::from(7))
    );
}

#[motsu::test]
fn claim_attestation_grants_core_claim_for_owner_executor_and_issuer(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    let expected = Verified {
        capabilities: CORE_CLAIM,
        token_id: U256::from(7),
    };
    let uid = w.attest_claim(owner, bob, 1);
    assert_eq!(w.verify(uid, bob, 1).unwrap(), expected);
    let uid = w.attest_claim(w.exec, bob, 1);
    assert_eq!(w.verify(uid, bob, 1).unwrap(), expected);
    // With an active issuer, CLAIM still accepts the owner's grant.
    w.p.sender(gov).set_document_issuer(h(1), other).unwrap();
    let uid = w.attest_claim(owner, bob, 1);
    assert_eq!(w.verify(uid, bob, 1).unwrap(), expected);
}

#[motsu::test]
fn each_early_step_fails_alone_with_its_error(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    let uid = w.attest_full(owner, bob, &w.full_data(1, ROLE_PARTICIPANT));
    // 0: paused.
    w.p.sender(gov).set_paused(true).unwrap();
    assert_error(w.verify(uid, bob, 1), EnforcedPause {});
    w.p.sender(gov).set_paused(false).unwrap();
    // 1: proof length.
    for len in [0usize, 31, 33, 64] {
        assert_error(
            w.p.sender(w.consumer)
                .verify(&vec![1u8; len], bob, h(1))
                .motsu_res(),
            InvalidProofFormat {},
        );
    }
    // 2: unknown UID.
    assert_error(
        w.verify(h(0x77), bob, 1),
        AttestationNotFound { uid: h(0x77) },
    );
    // 5: a schema that is neither FULL nor CLAIM.
    let plain = w
        .eas
        .sender(owner)
        .register("uint256 x", Address::ZERO, true)
        .unwrap();
    let odd = w.attest(owner, plain, bob, U256::from(1).abi_encode().into());
    assert_error(
        w.verify(odd, bob, 1),
        InvalidSchema {
            schema: plain,
            expected: w.full,
        },
    );
    // 6: another caller.
    assert_error(
        w.verify(uid, other, 1),
        RecipientMismatch {
            attested: bob,
            expected: other,
        },
    );
    // 3: revoked; also with a wrong recipient, step 3 comes first.
    w.eas.sender(owner).revoke(w.full, uid, U256::ZERO).unwrap();
    assert_error(
        w.verify(uid, bob, 1),
        AttestationRevoked {
            uid,
            revokedAt: NOW,
        },
    );
    assert_error(
        w.verify(uid, other, 1),
        AttestationRevoked {
            uid,
            revokedAt: NOW,
        },
    );
}

#[motsu::test]
fn claim_schema_zero_turns_the_claim_profile_off(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    let uid = w.attest_claim(owner, bob, 1);
    w.p.sender(gov).set_claim_schema(B256::ZERO).unwrap();
    w.p.assert_emitted(&ClaimSchemaUpdated {
        oldSchema: w.claim,
        newSchema: B256::ZERO,
        timestamp: U256::from(NOW),
    });
    assert_error(
        w.verify(uid, bob, 1),
        InvalidSchema {
            schema: w.claim,
            expected: w.full,
        },
    );
    assert_error(
        w.p.sender(bob).set_claim_schema(w.claim).motsu_res(),
        not_governor(bob),
    );
}

#[motsu::test]
fn issuer_rule_fails_with_the_expected_issuer(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    // FULL from a stranger while no issuer is set: expected the owner.
    let stranger = w.attest_full(other, bob, &w.full_data(1, ROLE_PARTICIPANT));
    assert_error(
        w.verify(stranger, bob, 1),
        InvalidIssuer {
            attester: other,
            expected: owner,
        },
    );
    // With an active issuer, FULL needs exactly that issuer, even from the owner.
    let by_owner = w.attest_full(owner, bob, &w.full_data(1, ROLE_PARTICIPANT));
    w.p.sender(gov).set_document_issuer(h(1), other).unwrap();
    assert_error(
        w.verify(by_owner, bob, 1),
        InvalidIssuer {
            attester: owner,
            expected: other,
        },
    );
    assert_eq!(
        w.verify(stranger, bob, 1).unwrap().capabilities,
        ROLE_PARTICIPANT
    );
    // REVOKED fails both profiles first.
    let claim = w.attest_claim(owner, bob, 1);
    w.p.sender(owner)
        .revoke_document_issuer(h(1), owner)
        .unwrap();
    for uid in [stranger, by_owner, claim] {
        assert_error(w.verify(uid, bob, 1), IssuerRevoked { documentHash: h(1) });
    }
    // Restored with the owner as issuer: FULL by the owner passes again.
    w.p.sender(owner)
        .restore_document_issuer(h(1), owner, owner)
        .unwrap();
    assert!(w.verify(by_owner, bob, 1).is_ok());
    assert!(w.verify(claim, bob, 1).is_ok());
}

#[motsu::test]
fn claim_grant_is_void_once_its_attester_loses_control(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    let by_owner = w.attest_claim(owner, bob, 1);
    let by_exec = w.attest_claim(w.exec, bob, 1);
    w.reg
        .sender(owner)
        .transfer_document_ownership(owner, h(1), other, "sale")
        .motsu_unwrap();
    for (uid, attester) in [(by_owner, owner), (by_exec, w.exec)] {
        assert_error(
            w.verify(uid, bob, 1),
            InvalidIssuer {
                attester,
                expected: other,
            },
        );
    }
}

#[motsu::test]
fn full_bindings_fail_in_order(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    // 8: not the 14-field tuple.
    let short = w.attest(owner, w.full, bob, vec![0u8; 32].into());
    assert_error(
        w.verify(short, bob, 1),
        InvalidAttestationData { uid: short },
    );
    let mut bad = w.full_data(1, ROLE_PARTICIPANT).encode().to_vec();
    bad[10 * 32 + 3] = 1; // a dirty sourceEASContract word
    let dirty = w.attest(owner, w.full, bob, bad.into());
    assert_error(
        w.verify(dirty, bob, 1),
        InvalidAttestationData { uid: dirty },
    );
    let base = w.full_data(1, ROLE_PARTICIPANT);
    // 9: chain id.
    let f = Full {
        chain: U256::from(1),
        ..base.clone()
    };
    let uid = w.attest_full(owner, bob, &f);
    assert_error(
        w.verify(uid, bob, 1),
        WrongChain {
            expected: U256::from(CHAIN),
            actual: U256::from(1),
        },
    );
    // 10: EAS address.
    let f = Full {
        eas: other,
        ..base.clone()
    };
    let uid = w.attest_full(owner, bob, &f);
    assert_error(
        w.verify(uid, bob, 1),
        WrongEASContract {
            expected: w.eas.address(),
            actual: other,
        },
    );
    // 11: another consumer presents it.
    let uid = w.attest_full(owner, bob, &base);
    let elsewhere = Address::repeat_byte(0xc1);
    assert_error(
        w.verify_as(elsewhere, uid, bob, 1),
        WrongDocumentContract {
            expected: elsewhere,
            actual: w.consumer,
        },
    );
    // 12: schema version.
    let f = Full {
        version: h(0x12),
        ..base.clone()
    };
    let uid = w.attest_full(owner, bob, &f);
    assert_error(
        w.verify(uid, bob, 1),
        WrongSchemaVersion {
            expected: SCHEMA_VERSION,
            actual: h(0x12),
        },
    );
    // 13: replay for another record of the same owner.
    let uid = w.attest_full(owner, bob, &base);
    assert_error(
        w.verify(uid, bob, 2),
        WrongDocument {
            attested: h(1),
            expected: h(2),
        },
    );
    // Several bindings wrong at once: the chain (step 9) is reported.
    let f = Full {
        chain: U256::from(5),
        consumer: other,
        version: B256::ZERO,
        document_hash: h(2),
        ..base
    };
    let uid = w.attest_full(owner, bob, &f);
    assert_error(
        w.verify(uid, bob, 1),
        WrongChain {
            expected: U256::from(CHAIN),
            actual: U256::from(5),
        },
    );
}

#[motsu::test]
fn claim_data_is_checked_even_without_a_resolver(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    // A claim schema without a resolver: the provider alone must refuse bad data.
    let bare = w
        .eas
        .sender(gov)
        .register(CLAIM_SCHEMA, Address::ZERO, true)
        .unwrap();
    w.p.sender(gov).set_claim_schema(bare).unwrap();
    for len in [95usize, 128] {
        let mut data = World::claim_data(1, 7, CORE_CLAIM).to_vec();
        data.resize(len, 0);
        let uid = w.attest(owner, bare, bob, data.into());
        assert_error(w.verify(uid, bob, 1), InvalidAttestationData { uid });
    }
    for capability in [U256::from(1), U256::from(3), ROLE_PARTICIPANT] {
        let uid = w.attest(owner, bare, bob, World::claim_data(1, 7, capability));
        assert_error(w.verify(uid, bob, 1), InvalidCapability { capability });
    }
    // 13 before 14: another record and a wrong capability.
    let uid = w.attest(owner, bare, bob, World::claim_data(2, 7, U256::from(3)));
    assert_error(
        w.verify(uid, bob, 1),
        WrongDocument {
            attested: h(2),
            expected: h(1),
        },
    );
    // A stranger's grant (possible only without the resolver) fails step 7.
    let uid = w.attest(other, bare, bob, World::claim_data(1, 7, CORE_CLAIM));
    assert_error(
        w.verify(uid, bob, 1),
        InvalidIssuer {
            attester: other,
            expected: owner,
        },
    );
}

#[motsu::test]
fn token_binding_is_returned_for_the_consumer(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    let uid = w.attest(owner, w.claim, bob, World::claim_data(1, 42, CORE_CLAIM));
    assert_eq!(w.verify(uid, bob, 1).unwrap().token_id, U256::from(42));
    let mut f = w.full_data(1, ROLE_PARTICIPANT);
    f.token_id = U256::ZERO;
    let uid = w.attest_full(owner, bob, &f);
    assert_eq!(w.verify(uid, bob, 1).unwrap().token_id, U256::ZERO);
}

#[motsu::test]
fn issuer_state_machine_with_events(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    let p = w.p;
    let ts = U256::from(NOW);
    assert_eq!(p.sender(bob).active_issuer(h(1)), ActiveIssuer::default());
    // DEFAULT.
    assert_error(
        p.sender(gov)
            .set_document_issuer(h(1), Address::ZERO)
            .motsu_res(),
        InvalidIssuerAddress {},
    );
    p.sender(gov).set_document_issuer(h(1), bob).unwrap();
    p.assert_emitted(&DocumentIssuerSet {
        documentHash: h(1),
        issuer: bob,
        setBy: gov,
        isOwnerOverride: false,
        timestamp: ts,
    });
    assert_eq!(
        p.sender(bob).active_issuer(h(1)),
        ActiveIssuer {
            issuer: bob,
            is_owner_set: false,
            is_revoked: false
        }
    );
    // OWNER_SET wins.
    assert_error(
        p.sender(bob)
            .set_document_issuer_by_owner(h(1), other, bob)
            .motsu_res(),
        OnlyDocumentOwner { caller: bob, owner },
    );
    assert_error(
        p.sender(owner)
            .set_document_issuer_by_owner(h(1), other, bob)
            .motsu_res(),
        OnlyDocumentOwner {
            caller: owner,
            owner,
        },
    );
    assert_error(
        p.sender(owner)
            .set_document_issuer_by_owner(h(9), other, owner)
            .motsu_res(),
        OnlyDocumentOwner {
            caller: owner,
            owner: Address::ZERO,
        },
    );
    assert_error(
        p.sender(owner)
            .set_document_issuer_by_owner(h(1), Address::ZERO, owner)
            .motsu_res(),
        InvalidIssuerAddress {},
    );
    p.sender(owner)
        .set_document_issuer_by_owner(h(1), other, owner)
        .unwrap();
    p.assert_emitted(&DocumentIssuerSet {
        documentHash: h(1),
        issuer: other,
        setBy: owner,
        isOwnerOverride: true,
        timestamp: ts,
    });
    assert_eq!(
        p.sender(bob).active_issuer(h(1)),
        ActiveIssuer {
            issuer: other,
            is_owner_set: true,
            is_revoked: false
        }
    );
    // IssuerNotRevoked before a revocation.
    assert_error(
        p.sender(owner)
            .restore_document_issuer(h(1), bob, owner)
            .motsu_res(),
        IssuerNotRevoked { documentHash: h(1) },
    );
    // REVOKED clears both; the governor cannot set a default meanwhile.
    assert_error(
        p.sender(bob)
            .revoke_document_issuer(h(1), owner)
            .motsu_res(),
        OnlyDocumentOwner { caller: bob, owner },
    );
    p.sender(owner).revoke_document_issuer(h(1), owner).unwrap();
    p.assert_emitted(&DocumentIssuerRevoked {
        documentHash: h(1),
        previousIssuer: other,
        revokedBy: owner,
        timestamp: ts,
    });
    assert_eq!(
        p.sender(bob).active_issuer(h(1)),
        ActiveIssuer {
            issuer: Address::ZERO,
            is_owner_set: false,
            is_revoked: true
        }
    );
    let raw = |sel: &[u8]| call(p, bob, sel).unwrap();
    assert_eq!(
        raw(&documentIssuersCall { documentHash: h(1) }.abi_encode()),
        Address::ZERO.abi_encode()
    );
    assert_eq!(
        raw(&issuerRevokedAtCall { documentHash: h(1) }.abi_encode()),
        U256::from(NOW).abi_encode()
    );
    assert_error(
        p.sender(gov).set_document_issuer(h(1), bob).motsu_res(),
        IssuerRevoked { documentHash: h(1) },
    );
    assert_error(
        p.sender(owner)
            .revoke_document_issuer(h(1), owner)
            .motsu_res(),
        IssuerRevoked { documentHash: h(1) },
    );
    // Restore → OWNER_SET.
    assert_error(
        p.sender(owner)
            .restore_document_issuer(h(1), Address::ZERO, owner)
            .motsu_res(),
        InvalidIssuerAddress {},
    );
    p.sender(owner)
        .restore_document_issuer(h(1), bob, owner)
        .unwrap();
    p.assert_emitted(&DocumentIssuerSet {
        documentHash: h(1),
        issuer: bob,
        setBy: owner,
        isOwnerOverride: true,
        timestamp: ts,
    });
    let out = raw(&getActiveIssuerCall { documentHash: h(1) }.abi_encode());
    let r = getActiveIssuerCall::abi_decode_returns(&out, true).unwrap();
    assert_eq!((r.issuer, r.isOwnerSet, r.isRevoked), (bob, true, false));
    assert_eq!(
        raw(&getDocumentIssuerCall { documentHash: h(1) }.abi_encode()),
        bob.abi_encode()
    );
    // The override also clears a revocation directly.
    p.sender(owner).revoke_document_issuer(h(1), owner).unwrap();
    p.sender(owner)
        .set_document_issuer_by_owner(h(1), other, owner)
        .unwrap();
    assert!(!p.sender(bob).active_issuer(h(1)).is_revoked);
}

#[motsu::test]
fn issuer_batch_is_bounded_and_all_or_nothing(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    let p = w.p;
    let hashes: Vec<B256> = (0..=100u8).map(B256::with_last_byte).collect();
    let issuers = vec![bob; 101];
    assert_error(
        p.sender(bob)
            .set_document_issuers_batch(&hashes[..1], &issuers[..1])
            .motsu_res(),
        not_governor(bob),
    );
    assert_error(
        p.sender(gov)
            .set_document_issuers_batch(&[], &[])
            .motsu_res(),
        EmptyBatch {},
    );
    assert_error(
        p.sender(gov)
            .set_document_issuers_batch(&hashes, &issuers)
            .motsu_res(),
        BatchTooLarge {
            size: U256::from(101),
            max: U256::from(100),
        },
    );
    assert_error(
        p.sender(gov)
            .set_document_issuers_batch(&hashes[..2], &issuers[..1])
            .motsu_res(),
        ArrayLengthMismatch {},
    );
    assert_error(
        p.sender(gov)
            .set_document_issuers_batch(&hashes[..2], &[bob, Address::ZERO])
            .motsu_res(),
        InvalidIssuerAddress {},
    );
    assert_eq!(p.sender(bob).active_issuer(hashes[0]).issuer, Address::ZERO);
    p.sender(gov)
        .set_document_issuers_batch(&hashes[..100], &issuers[..100])
        .unwrap();
    assert_eq!(p.sender(bob).active_issuer(hashes[99]).issuer, bob);
    p.assert_emitted(&DocumentIssuerSet {
        documentHash: hashes[99],
        issuer: bob,
        setBy: gov,
        isOwnerOverride: false,
        timestamp: U256::from(NOW),
    });
}

#[motsu::test]
fn max_attestation_age_bounds_and_event(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    let p = w.p;
    for bad in [1u64, 3599, MAX_ATTESTATION_AGE_LIMIT + 1] {
        assert_error(
            p.sender(gov)
                .set_max_attestation_age(U256::from(bad))
                .motsu_res(),
            InvalidMaxAttestationAge {
                maxAge: U256::from(bad),
            },
        );
    }
    for (old, new) in [
        (0u64, MIN_ATTESTATION_AGE),
        (MIN_ATTESTATION_AGE, MAX_ATTESTATION_AGE_LIMIT),
        (MAX_ATTESTATION_AGE_LIMIT, 0),
    ] {
        p.sender(gov)
            .set_max_attestation_age(U256::from(new))
            .unwrap();
        p.assert_emitted(&MaxAttestationAgeUpdated {
            oldAge: U256::from(old),
            newAge: U256::from(new),
            timestamp: U256::from(NOW),
        });
    }
    assert_error(
        p.sender(bob)
            .set_max_attestation_age(U256::from(3600))
            .motsu_res(),
        not_governor(bob),
    );
    // A fresh attestation (age 0) passes the smallest limit.
    p.sender(gov)
        .set_max_attestation_age(U256::from(MIN_ATTESTATION_AGE))
        .unwrap();
    let uid = w.attest_claim(owner, bob, 1);
    assert!(w.verify(uid, bob, 1).is_ok());
}

#[motsu::test]
fn pause_is_governed_and_blocks_only_verification(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    let p = w.p;
    assert_error(
        p.sender(bob).set_paused(true).motsu_res(),
        not_governor(bob),
    );
    assert_error(
        p.sender(gov).set_paused(false).motsu_res(),
        ExpectedPause {},
    );
    p.sender(gov).set_paused(true).unwrap();
    p.assert_emitted(&Paused { account: gov });
    assert!(p.sender(bob).paused());
    assert_error(p.sender(gov).set_paused(true).motsu_res(), EnforcedPause {});
    // Owners can still manage issuers.
    p.sender(owner)
        .set_document_issuer_by_owner(h(1), bob, owner)
        .unwrap();
    assert_error(
        p.sender(bob).set_paused(false).motsu_res(),
        not_governor(bob),
    );
    p.sender(gov).set_paused(false).unwrap();
    p.assert_emitted(&Unpaused { account: gov });
}

#[motsu::test]
fn unauthorized_callers_of_every_admin_function(
    eas: Contract<TestEAS>,
    p: Contract<EASAttestationProvider>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    res: Contract<TokenClaimResolver>,
    gov: Address,
    owner: Address,
    other: Address,
    bob: Address,
) {
    let w = world!(eas, p, reg, comp, res, gov, owner, other);
    let denied = not_governor(owner).abi_encode();
    let calls: Vec<Vec<u8>> = vec![
        setDocumentIssuerCall {
            documentHash: h(1),
            issuer: bob,
        }
        .abi_encode(),
        setDocumentIssuersBatchCall {
            documentHashes: vec![h(1)],
            issuers: vec![bob],
        }
        .abi_encode(),
        setMaxAttestationAgeCall { maxAge: U256::ZERO }.abi_encode(),
        setClaimSchemaCall {
            claimSchema: B256::ZERO,
        }
        .abi_encode(),
        pauseCall {}.abi_encode(),
        unpauseCall {}.abi_encode(),
        grantRoleCall {
            role: GOVERNOR_ROLE,
            account: owner,
        }
        .abi_encode(),
        revokeRoleCall {
            role: GOVERNOR_ROLE,
            account: gov,
        }
        .abi_encode(),
    ];
    for data in calls {
        let err = call(w.p, owner, &data).unwrap_err();
        if data[..4] == grantRoleCall::SELECTOR || data[..4] == revokeRoleCall::SELECTOR {
            assert_eq!(
                err,
                AccessControlUnauthorizedAccount {
                    account: owner,
                    neededRole: DEFAULT_ADMIN_ROLE
                }
                .abi_encode()
            );
        } else {
            assert_eq!(err, denied);
        }
    }
    // The governor's admin grants and the grantee can act.
    call(
        w.p,
        gov,
        &grantRoleCall {
            role: GOVERNOR_ROLE,
            account: bob,
        }
        .abi_encode(),
    )
    .unwrap();
    w.p.sender(bob).set_document_issuer(h(1), bob).unwrap();
    let err = call(
        w.p,
        bob,
        &renounceRoleCall {
            role: GOVERNOR_ROLE,
            callerConfirmation: gov,
        }
        .abi_encode(),
    )
    .unwrap_err();
    assert_eq!(err, AccessControlBadConfirmation {}.abi_encode());
}

#[motsu::test]
fn provider_info_methods_interfaces_and_constants(
    p: Contract<EASAttestationProvider>,
    alice: Address,
) {
    let out = call(&p, alice, &getProviderInfoCall {}.abi_encode()).unwrap();
    let r = getProviderInfoCall::abi_decode_returns(&out, true).unwrap();
    assert_eq!(
        (r.name.as_str(), r.version.as_str(), r.providerType),
        ("EAS Attestation Provider", "7.0.0", PROVIDER_TYPE)
    );
    let hex = |b: B256| alloc::format!("{b:x}");
    assert!(hex(PROVIDER_TYPE).starts_with("9fed719e") && hex(PROVIDER_TYPE).ends_with("c72a"));
    assert!(hex(SCHEMA_VERSION).starts_with("971ecbc2") && hex(SCHEMA_VERSION).ends_with("130b"));
    for (name, supported) in [
        ("verifyCapabilities", true),
        ("verifyCapabilitiesWithToken", true),
        ("issueAttestation", false),
        ("batchVerify", false),
    ] {
        let data = supportsMethodCall {
            methodId: alloy_primitives::keccak256(name),
        }
        .abi_encode();
        assert_eq!(
            call(&p, alice, &data).unwrap(),
            supported.abi_encode(),
            "{name}"
        );
    }
    for (id, supported) in [
        (ATTESTATION_PROVIDER_INTERFACE_ID, true),
        (ACCESS_CONTROL_INTERFACE_ID, true),
        (ERC165_INTERFACE_ID, true),
        ([0xff; 4], false),
    ] {
        assert_eq!(
            EASAttestationProvider::supports_interface(B32::from(id)),
            supported
        );
    }
    let sel = |s: &str| -> [u8; 4] { alloy_primitives::keccak256(s)[..4].try_into().unwrap() };
    assert_eq!(
        ATTESTATION_PROVIDER_INTERFACE_ID,
        interface_id(&[
            sel("verifyCapabilities(bytes,address,bytes32,uint256)"),
            sel("getProviderInfo()"),
            sel("supportsMethod(bytes32)"),
        ])
    );
    let u = |data: Vec<u8>| U256::from_be_slice(&call(&p, alice, &data).unwrap());
    assert_eq!(u(MIN_ATTESTATION_AGECall {}.abi_encode()), U256::from(3600));
    assert_eq!(
        u(MAX_ATTESTATION_AGE_LIMITCall {}.abi_encode()),
        U256::from(31_536_000)
    );
    assert_eq!(u(MAX_ISSUER_BATCHCall {}.abi_encode()), U256::from(100));
    assert_eq!(u(getCurrentChainIdCall {}.abi_encode()), U256::from(CHAIN));
}
