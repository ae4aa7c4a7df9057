//! motsu tests through the EAS reproduction (`integra-test-eas`) with the real document registry
//! and `IntegraRegistry`: who may grant a claim, every validation rule with its exact error,
//! EAS-only callbacks, value handling, array lengths, all-or-nothing batches, revocation.
#![allow(clippy::needless_pass_by_value, clippy::too_many_arguments)] // motsu fixtures

use alloy_primitives::{Address, Bytes, B256, U256};
use alloy_sol_types::{SolCall, SolError, SolValue};
use integra_document_registry::{IntegraDocumentRegistry, Registration};
use integra_primitives::{
    capabilities::ROLE_PARTICIPANT,
    eas::{attestation_uid, ISchemaResolver},
};
use integra_registry::IntegraRegistry;
use integra_test_eas::{Request, TestEAS};
use motsu::prelude::*;

use super::*;

const NOW: u64 = 1_735_689_600;
const SCHEMA: &str = "bytes32 integraHash,uint256 tokenId,uint256 claimCapability";

fn h(n: u8) -> B256 {
    B256::repeat_byte(n)
}

fn data(n: u8, capability: U256) -> Bytes {
    (h(n), U256::from(7), capability).abi_encode_params().into()
}

fn request(recipient: Address, data: Bytes) -> Request {
    Request {
        recipient,
        revocable: true,
        data,
        ..Request::default()
    }
}

/// The revert data EAS bubbles up from the resolver.
#[track_caller]
fn assert_eas_error<T: core::fmt::Debug>(
    result: Result<T, integra_test_eas::Error>,
    expected: impl SolError,
) {
    match result {
        Ok(v) => panic!("expected an error, got Ok({v:?})"),
        Err(err) => assert_eq!(Vec::<u8>::from(err), expected.abi_encode()),
    }
}

#[track_caller]
fn assert_error<T: core::fmt::Debug>(result: Result<T, Error>, expected: impl SolError) {
    match result {
        Ok(v) => panic!("expected an error, got Ok({v:?})"),
        Err(err) => assert_eq!(Vec::<u8>::from(err), expected.abi_encode()),
    }
}

/// Registries, the resolver, the claim schema; record 1 owned by `owner` with executor `exec`.
fn deploy(
    eas: &Contract<TestEAS>,
    r: &Contract<TokenClaimResolver>,
    reg: &Contract<IntegraDocumentRegistry>,
    comp: &Contract<IntegraRegistry>,
    gov: Address,
    owner: Address,
) -> (B256, Address) {
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
    r.sender(gov)
        .constructor(eas.address(), reg.address())
        .unwrap();
    let exec = Address::repeat_byte(0xec);
    reg.sender(owner)
        .register_document(
            owner,
            &Registration {
                integra_hash: h(1),
                document_hash: h(0x41),
                executor: exec,
                ..Registration::default()
            },
        )
        .motsu_unwrap();
    let schema = eas.sender(gov).register(SCHEMA, r.address(), true).unwrap();
    (schema, exec)
}

fn call(c: &Contract<TokenClaimResolver>, sender: Address, data: &[u8]) -> ArbResult {
    let selector: [u8; 4] = data[..4].try_into().unwrap();
    dispatch(&mut c.sender(sender), selector, Args(&data[4..])).expect("known selector")
}

#[motsu::test]
fn constructor_needs_eas_and_registry(r: Contract<TokenClaimResolver>, gov: Address) {
    assert_error(
        r.sender(gov)
            .constructor(Address::ZERO, Address::repeat_byte(1))
            .motsu_res(),
        InvalidEAS {},
    );
    assert_error(
        r.sender(gov)
            .constructor(Address::repeat_byte(1), Address::ZERO)
            .motsu_res(),
        ZeroAddress {},
    );
}

#[motsu::test]
fn owner_and_executor_grants_pass_and_a_strangers_is_refused_inside_eas(
    eas: Contract<TestEAS>,
    r: Contract<TokenClaimResolver>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let (schema, exec) = deploy(&eas, &r, &reg, &comp, gov, owner);
    for attester in [owner, exec] {
        let uid = eas
            .sender(attester)
            .attest(schema, request(bob, data(1, CORE_CLAIM)))
            .motsu_unwrap();
        assert_eq!(eas.sender(bob).get_attestation(uid).attester, attester);
    }
    let before = eas.all_events().len();
    assert_eas_error(
        eas.sender(bob)
            .attest(schema, request(bob, data(1, CORE_CLAIM)))
            .motsu_res(),
        UnauthorizedAttester {
            attester: bob,
            integraHash: h(1),
        },
    );
    assert_eq!(eas.all_events().len(), before);
    assert!(r.sender(bob).is_authorized_attester(h(1), owner));
    assert!(r.sender(bob).is_authorized_attester(h(1), exec));
    assert!(!r.sender(bob).is_authorized_attester(h(1), bob));
    assert!(!r.sender(bob).is_authorized_attester(h(1), Address::ZERO));
    assert!(!r.sender(bob).is_authorized_attester(h(2), owner));
}

#[motsu::test]
fn every_rule_reverts_with_its_error(
    eas: Contract<TestEAS>,
    r: Contract<TokenClaimResolver>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let (schema, _) = deploy(&eas, &r, &reg, &comp, gov, owner);
    let attest = |req: Request| eas.sender(owner).attest(schema, req).motsu_res();
    for capability in [U256::from(1), U256::from(3), ROLE_PARTICIPANT, U256::ZERO] {
        assert_eas_error(
            attest(request(bob, data(1, capability))),
            InvalidCapability { capability },
        );
    }
    for len in [0usize, 95, 97, 128] {
        let mut d = data(1, CORE_CLAIM).to_vec();
        d.resize(len, 0);
        assert_eas_error(attest(request(bob, d.into())), InvalidAttestationData {});
    }
    // Unknown record, also with a bad capability (rule 3 before 4).
    assert_eas_error(
        attest(request(bob, data(9, U256::from(3)))),
        DocumentNotFound { integraHash: h(9) },
    );
    assert_eas_error(
        attest(request(Address::ZERO, data(1, CORE_CLAIM))),
        InvalidRecipient {},
    );
    // A zero recipient from a stranger: rule 5 before 6.
    assert_eas_error(
        eas.sender(bob)
            .attest(schema, request(Address::ZERO, data(1, CORE_CLAIM)))
            .motsu_res(),
        InvalidRecipient {},
    );
}

#[motsu::test]
fn one_bad_item_refuses_the_whole_multi_attest(
    eas: Contract<TestEAS>,
    r: Contract<TokenClaimResolver>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let (schema, _) = deploy(&eas, &r, &reg, &comp, gov, owner);
    let good = request(bob, data(1, CORE_CLAIM));
    let bad = request(bob, data(1, U256::from(1)));
    assert_eas_error(
        eas.sender(owner)
            .multi_attest(&[(schema, vec![good.clone(), bad])])
            .motsu_res(),
        InvalidCapability {
            capability: U256::from(1),
        },
    );
    let would_be = Attestation {
        schema,
        time: NOW,
        recipient: bob,
        attester: owner,
        revocable: true,
        data: good.data.clone(),
        ..Attestation::default()
    };
    assert!(!eas
        .sender(bob)
        .is_attestation_valid(attestation_uid(&would_be, 0)));
    let uids = eas
        .sender(owner)
        .multi_attest(&[(schema, vec![good.clone(), good])])
        .motsu_unwrap();
    assert_eq!(uids[0], attestation_uid(&would_be, 0));
    assert_eq!(uids[1], attestation_uid(&would_be, 1));
}

#[motsu::test]
fn only_the_attester_revokes_and_revocation_is_never_blocked(
    eas: Contract<TestEAS>,
    r: Contract<TokenClaimResolver>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    owner: Address,
    bob: Address,
    carol: Address,
) {
    let (schema, exec) = deploy(&eas, &r, &reg, &comp, gov, owner);
    let by_exec = eas
        .sender(exec)
        .attest(schema, request(bob, data(1, CORE_CLAIM)))
        .motsu_unwrap();
    let mine = eas
        .sender(owner)
        .attest(schema, request(bob, data(1, CORE_CLAIM)))
        .motsu_unwrap();
    let mine2 = eas
        .sender(owner)
        .attest(schema, request(carol, data(1, CORE_CLAIM)))
        .motsu_unwrap();
    // The owner did not make the executor's grant: EAS refuses.
    assert_eas_error(
        eas.sender(owner)
            .revoke(schema, by_exec, U256::ZERO)
            .motsu_res(),
        integra_test_eas::AccessDenied {},
    );
    // After the record changes hands the attester can still revoke.
    reg.sender(owner)
        .transfer_document_ownership(owner, h(1), carol, "sale")
        .motsu_unwrap();
    eas.sender(exec)
        .revoke(schema, by_exec, U256::ZERO)
        .motsu_unwrap();
    eas.sender(owner)
        .multi_revoke(&[(schema, vec![(mine, U256::ZERO), (mine2, U256::ZERO)])])
        .motsu_unwrap();
    for uid in [by_exec, mine, mine2] {
        assert_eq!(eas.sender(bob).get_attestation(uid).revocationTime, NOW);
    }
}

#[motsu::test]
fn callbacks_accept_only_eas_and_refuse_value(
    eas: Contract<TestEAS>,
    r: Contract<TokenClaimResolver>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let (schema, _) = deploy(&eas, &r, &reg, &comp, gov, owner);
    let att = Attestation {
        uid: h(0xaa),
        schema,
        time: NOW,
        recipient: bob,
        attester: owner,
        revocable: true,
        data: data(1, CORE_CLAIM),
        ..Attestation::default()
    };
    let single = ISchemaResolver::attestCall {
        attestation: att.clone(),
    }
    .abi_encode();
    let revoke = ISchemaResolver::revokeCall {
        attestation: att.clone(),
    }
    .abi_encode();
    let multi = ISchemaResolver::multiAttestCall {
        attestations: vec![att.clone()],
        values: vec![U256::ZERO],
    }
    .abi_encode();
    let multi_revoke = ISchemaResolver::multiRevokeCall {
        attestations: vec![att.clone()],
        values: vec![U256::ZERO],
    }
    .abi_encode();
    for d in [&single, &revoke, &multi, &multi_revoke] {
        assert_eq!(
            call(&r, owner, d).unwrap_err(),
            AccessDenied {}.abi_encode()
        );
        assert_eq!(call(&r, eas.address(), d).unwrap(), true.abi_encode());
    }
    // Array lengths and the running value check (as EAS's base resolver).
    let mismatch = ISchemaResolver::multiAttestCall {
        attestations: vec![att.clone()],
        values: vec![],
    }
    .abi_encode();
    assert_eq!(
        call(&r, eas.address(), &mismatch).unwrap_err(),
        InvalidLength {}.abi_encode()
    );
    let mismatch = ISchemaResolver::multiRevokeCall {
        attestations: vec![],
        values: vec![U256::ZERO],
    }
    .abi_encode();
    assert_eq!(
        call(&r, eas.address(), &mismatch).unwrap_err(),
        InvalidLength {}.abi_encode()
    );
    let overdrawn = ISchemaResolver::multiAttestCall {
        attestations: vec![att.clone()],
        values: vec![U256::from(1)],
    }
    .abi_encode();
    assert_eq!(
        call(&r, eas.address(), &overdrawn).unwrap_err(),
        InsufficientValue {}.abi_encode()
    );
    // Value with a callback: refused (EAS itself never sends it: isPayable() is false).
    eas.address().fund(U256::from(10));
    assert_error(
        r.sender_and_value(eas.address(), U256::from(1))
            .attest(&att)
            .motsu_res(),
        NotPayable {},
    );
    assert_error(
        r.sender_and_value(eas.address(), U256::from(1))
            .revoke(&att)
            .motsu_res(),
        NotPayable {},
    );
    assert_error(
        r.sender_and_value(eas.address(), U256::from(1))
            .multi(core::slice::from_ref(&att), &[U256::from(1)], true)
            .motsu_res(),
        NotPayable {},
    );
    assert_eq!(
        call(&r, bob, &ISchemaResolver::isPayableCall {}.abi_encode()).unwrap(),
        false.abi_encode()
    );
    bob.fund(U256::from(10));
    assert_eas_error(
        eas.sender_and_value(bob, U256::from(1))
            .attest(
                schema,
                Request {
                    value: U256::from(1),
                    ..request(bob, data(1, CORE_CLAIM))
                },
            )
            .motsu_res(),
        integra_test_eas::NotPayable {},
    );
    // receive() reverts NotPayable().
    let mut resolver = r.sender(bob);
    assert_eq!(
        <TokenClaimResolver as stylus_sdk::abi::Router<TokenClaimResolver>>::receive(&mut resolver),
        Some(Err(NotPayable {}.abi_encode()))
    );
}

#[motsu::test]
fn views_pass_through_the_registry(
    eas: Contract<TestEAS>,
    r: Contract<TokenClaimResolver>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let (_, exec) = deploy(&eas, &r, &reg, &comp, gov, owner);
    let get = |d: Vec<u8>| call(&r, bob, &d).unwrap();
    assert_eq!(
        get(getDocumentOwnerCall { integraHash: h(1) }.abi_encode()),
        owner.abi_encode()
    );
    assert_eq!(
        get(getDocumentExecutorCall { integraHash: h(1) }.abi_encode()),
        exec.abi_encode()
    );
    assert_eq!(
        get(getDocumentOwnerCall { integraHash: h(2) }.abi_encode()),
        Address::ZERO.abi_encode()
    );
    assert_eq!(
        get(isAuthorizedAttesterCall {
            integraHash: h(1),
            attester: exec
        }
        .abi_encode()),
        true.abi_encode()
    );
    assert_eq!(
        get(documentRegistryCall {}.abi_encode()),
        reg.address().abi_encode()
    );
    assert_eq!(get(easCall {}.abi_encode()), eas.address().abi_encode());
    assert_eq!(
        get(CAPABILITY_CLAIM_TOKENCall {}.abi_encode()),
        U256::from(2).abi_encode()
    );
    assert_eq!(
        get(versionCall {}.abi_encode()),
        String::from("7.0.0").abi_encode()
    );
}

#[test]
fn selectors_match_eas_isschemaresolver() {
    assert_eq!(attestCall::SELECTOR, [0xe6, 0x0c, 0x35, 0x05]);
    assert_eq!(attestCall::SELECTOR, ISchemaResolver::attestCall::SELECTOR);
    assert_eq!(
        multiAttestCall::SELECTOR,
        ISchemaResolver::multiAttestCall::SELECTOR
    );
    assert_eq!(revokeCall::SELECTOR, ISchemaResolver::revokeCall::SELECTOR);
    assert_eq!(
        multiRevokeCall::SELECTOR,
        ISchemaResolver::multiRevokeCall::SELECTOR
    );
    assert_eq!(
        isPayableCall::SELECTOR,
        ISchemaResolver::isPayableCall::SELECTOR
    );
}
