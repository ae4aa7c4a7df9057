//! motsu tests of the EAS reproduction: schema registration, UIDs (with the bump), every
//! attest / revoke check, resolver callbacks with their value and return rules, events.
#![allow(clippy::needless_pass_by_value)] // motsu fixtures are passed by value

use alloy_primitives::{keccak256, Address, Bytes, B256, U256};
use alloy_sol_types::{SolError, SolValue};
use motsu::prelude::*;
use stylus_sdk::storage::{StorageU256, StorageU8};

use super::*;

/// motsu's `block_timestamp`.
const NOW: u64 = 1_735_689_600;

/// How the [`Resolver`] answers.
mod mode {
    pub(super) const ACCEPT: u8 = 0;
    pub(super) const REFUSE: u8 = 1;
    pub(super) const REVERT: u8 = 2;
    pub(super) const PAYABLE: u8 = 3;
}

/// A schema resolver with a fixed answer; counts calls per kind.
#[storage]
pub struct Resolver {
    mode: StorageU8,
    singles: StorageU8,
    multis: StorageU8,
    received: StorageU256,
}

unsafe impl TopLevelStorage for Resolver {}

#[public]
impl Resolver {
    fn set_mode(&mut self, m: u8) {
        self.mode.set(alloy_primitives::Uint::from(m));
    }
    fn counts(&self) -> (u8, u8, U256) {
        (
            self.singles.get().to(),
            self.multis.get().to(),
            self.received.get(),
        )
    }
    #[fallback]
    #[payable]
    fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        let selector: [u8; 4] = calldata[..4].try_into().unwrap();
        let m = self.mode.get().to::<u8>();
        if selector == ISchemaResolver::isPayableCall::SELECTOR {
            return Ok(returns(&[(m == mode::PAYABLE).into()]));
        }
        if m == mode::REVERT {
            return Err(vec![0xde, 0xad]);
        }
        if selector == ISchemaResolver::attestCall::SELECTOR
            || selector == ISchemaResolver::revokeCall::SELECTOR
        {
            self.singles
                .set(self.singles.get() + alloy_primitives::Uint::from(1));
        } else {
            self.multis
                .set(self.multis.get() + alloy_primitives::Uint::from(1));
        }
        let received = self.received.get() + self.vm().msg_value();
        self.received.set(received);
        Ok(returns(&[(m != mode::REFUSE).into()]))
    }
}

const SCHEMA: &str = "bytes32 integraHash,uint256 tokenId,uint256 claimCapability";

#[track_caller]
fn assert_error<T: core::fmt::Debug>(result: Result<T, Error>, expected: impl SolError) {
    match result {
        Ok(v) => panic!("expected an error, got Ok({v:?})"),
        Err(err) => assert_eq!(Vec::<u8>::from(err), expected.abi_encode()),
    }
}

fn request(recipient: Address) -> Request {
    Request {
        recipient,
        expiration_time: 0,
        revocable: true,
        ref_uid: B256::ZERO,
        data: Bytes::from(vec![7u8; 96]),
        value: U256::ZERO,
    }
}

#[motsu::test]
fn schema_uid_is_the_packed_hash_and_registers_once(eas: Contract<TestEAS>, alice: Address) {
    let resolver = Address::repeat_byte(0x55);
    let uid = eas.sender(alice).register(SCHEMA, resolver, true).unwrap();
    assert_eq!(
        uid,
        keccak256((SCHEMA.to_string(), resolver, true).abi_encode_packed())
    );
    assert_eq!(
        eas.sender(alice).get_schema(uid),
        Schema {
            uid,
            resolver,
            revocable: true,
            schema: SCHEMA.into()
        }
    );
    eas.assert_emitted(&Registered {
        uid,
        registerer: alice,
        schema: SchemaRecord {
            uid,
            resolver,
            revocable: true,
            schema: SCHEMA.into(),
        },
    });
    assert_error(
        eas.sender(alice)
            .register(SCHEMA, resolver, true)
            .motsu_res(),
        AlreadyExists {},
    );
    assert_ne!(
        eas.sender(alice).register(SCHEMA, resolver, false).unwrap(),
        uid
    );
    assert_eq!(eas.sender(alice).get_schema(B256::ZERO), Schema::default());
}

#[motsu::test]
fn attestation_is_stored_under_eas_uid_with_bump_on_collision(
    eas: Contract<TestEAS>,
    alice: Address,
    bob: Address,
) {
    let schema = eas
        .sender(alice)
        .register(SCHEMA, Address::ZERO, true)
        .unwrap();
    let uid = eas.sender(alice).attest(schema, request(bob)).unwrap();
    let mut expected = Attestation {
        uid,
        schema,
        time: NOW,
        expirationTime: 0,
        revocationTime: 0,
        refUID: B256::ZERO,
        recipient: bob,
        attester: alice,
        revocable: true,
        data: Bytes::from(vec![7u8; 96]),
    };
    assert_eq!(uid, attestation_uid(&expected, 0));
    assert_eq!(eas.sender(bob).get_attestation(uid), expected);
    assert!(eas.sender(bob).is_attestation_valid(uid));
    assert!(!eas.sender(bob).is_attestation_valid(B256::ZERO));
    assert_eq!(
        eas.sender(bob).get_attestation(B256::ZERO),
        Attestation::default()
    );
    eas.assert_emitted(&Attested {
        recipient: bob,
        attester: alice,
        uid,
        schemaUID: schema,
    });
    // The same request in the same second collides and takes bump 1.
    let second = eas.sender(alice).attest(schema, request(bob)).unwrap();
    assert_eq!(second, attestation_uid(&expected, 1));
    expected.uid = second;
    assert_eq!(eas.sender(bob).get_attestation(second), expected);
}

#[motsu::test]
fn attest_checks_schema_expiry_revocability_and_reference(
    eas: Contract<TestEAS>,
    alice: Address,
    bob: Address,
) {
    let schema = eas
        .sender(alice)
        .register(SCHEMA, Address::ZERO, true)
        .unwrap();
    let fixed = eas
        .sender(alice)
        .register(SCHEMA, Address::ZERO, false)
        .unwrap();
    assert_error(
        eas.sender(alice)
            .attest(B256::ZERO, request(bob))
            .motsu_res(),
        InvalidSchema {},
    );
    let expired = Request {
        expiration_time: NOW,
        ..request(bob)
    };
    assert_error(
        eas.sender(alice).attest(schema, expired).motsu_res(),
        InvalidExpirationTime {},
    );
    let future = Request {
        expiration_time: NOW + 1,
        ..request(bob)
    };
    let uid = eas.sender(alice).attest(schema, future).unwrap();
    assert_eq!(
        eas.sender(alice).get_attestation(uid).expirationTime,
        NOW + 1
    );
    assert_error(
        eas.sender(alice).attest(fixed, request(bob)).motsu_res(),
        Irrevocable {},
    );
    let irrevocable = Request {
        revocable: false,
        ..request(bob)
    };
    let fixed_uid = eas.sender(alice).attest(fixed, irrevocable).unwrap();
    let dangling = Request {
        ref_uid: B256::repeat_byte(9),
        ..request(bob)
    };
    assert_error(
        eas.sender(alice).attest(schema, dangling).motsu_res(),
        NotFound {},
    );
    let referencing = Request {
        ref_uid: fixed_uid,
        ..request(bob)
    };
    let r = eas.sender(alice).attest(schema, referencing).unwrap();
    assert_eq!(eas.sender(alice).get_attestation(r).refUID, fixed_uid);
}

#[motsu::test]
fn only_the_attester_revokes_once(eas: Contract<TestEAS>, alice: Address, bob: Address) {
    let schema = eas
        .sender(alice)
        .register(SCHEMA, Address::ZERO, true)
        .unwrap();
    let other = eas
        .sender(alice)
        .register("uint256 x", Address::ZERO, true)
        .unwrap();
    let uid = eas.sender(alice).attest(schema, request(bob)).unwrap();
    assert_error(
        eas.sender(alice)
            .revoke(B256::ZERO, uid, U256::ZERO)
            .motsu_res(),
        InvalidSchema {},
    );
    assert_error(
        eas.sender(alice)
            .revoke(schema, B256::repeat_byte(1), U256::ZERO)
            .motsu_res(),
        NotFound {},
    );
    assert_error(
        eas.sender(alice).revoke(other, uid, U256::ZERO).motsu_res(),
        InvalidSchema {},
    );
    assert_error(
        eas.sender(bob).revoke(schema, uid, U256::ZERO).motsu_res(),
        AccessDenied {},
    );
    eas.sender(alice).revoke(schema, uid, U256::ZERO).unwrap();
    eas.assert_emitted(&Revoked {
        recipient: bob,
        attester: alice,
        uid,
        schemaUID: schema,
    });
    let att = eas.sender(bob).get_attestation(uid);
    assert_eq!(att.revocationTime, NOW);
    assert!(eas.sender(bob).is_attestation_valid(uid));
    assert_error(
        eas.sender(alice)
            .revoke(schema, uid, U256::ZERO)
            .motsu_res(),
        AlreadyRevoked {},
    );
    let irrevocable = Request {
        revocable: false,
        ..request(bob)
    };
    let fixed = eas.sender(alice).attest(schema, irrevocable).unwrap();
    assert_error(
        eas.sender(alice)
            .revoke(schema, fixed, U256::ZERO)
            .motsu_res(),
        Irrevocable {},
    );
}

#[motsu::test]
fn resolver_answers_decide_and_batches_use_the_multi_callbacks(
    eas: Contract<TestEAS>,
    resolver: Contract<Resolver>,
    alice: Address,
    bob: Address,
) {
    let schema = eas
        .sender(alice)
        .register(SCHEMA, resolver.address(), true)
        .unwrap();
    let uid = eas.sender(alice).attest(schema, request(bob)).unwrap();
    assert_eq!(resolver.sender(alice).counts(), (1, 0, U256::ZERO));
    let uids = eas
        .sender(alice)
        .multi_attest(&[(schema, vec![request(bob), request(alice)])])
        .unwrap();
    assert_eq!(uids.len(), 2);
    assert_eq!(resolver.sender(alice).counts(), (1, 1, U256::ZERO));
    assert_error(
        eas.sender(alice)
            .multi_attest(&[(schema, vec![])])
            .motsu_res(),
        InvalidLength {},
    );

    resolver.sender(alice).set_mode(mode::REFUSE);
    assert_error(
        eas.sender(alice).attest(schema, request(bob)).motsu_res(),
        InvalidAttestation {},
    );
    let batch = [(schema, vec![request(bob), request(alice)])];
    assert_error(
        eas.sender(alice).multi_attest(&batch).motsu_res(),
        InvalidAttestations {},
    );
    assert_error(
        eas.sender(alice)
            .revoke(schema, uid, U256::ZERO)
            .motsu_res(),
        InvalidRevocation {},
    );
    assert_error(
        eas.sender(alice)
            .multi_revoke(&[(schema, vec![(uids[0], U256::ZERO), (uids[1], U256::ZERO)])])
            .motsu_res(),
        InvalidRevocations {},
    );
    assert_eq!(eas.sender(alice).get_attestation(uid).revocationTime, 0);

    resolver.sender(alice).set_mode(mode::REVERT);
    match eas.sender(alice).attest(schema, request(bob)).motsu_res() {
        Err(Error::Reverted(data)) => assert_eq!(data, vec![0xde, 0xad]),
        other => panic!("expected the resolver's revert data, got {other:?}"),
    }

    resolver.sender(alice).set_mode(mode::ACCEPT);
    eas.sender(alice)
        .multi_revoke(&[(schema, vec![(uids[0], U256::ZERO), (uids[1], U256::ZERO)])])
        .unwrap();
    assert_eq!(
        eas.sender(alice).get_attestation(uids[1]).revocationTime,
        NOW
    );
}

#[motsu::test]
fn value_needs_a_payable_resolver_and_enough_value(
    eas: Contract<TestEAS>,
    resolver: Contract<Resolver>,
    alice: Address,
    bob: Address,
) {
    alice.fund(U256::from(1000));
    let schema = eas
        .sender(alice)
        .register(SCHEMA, resolver.address(), true)
        .unwrap();
    let plain = eas
        .sender(alice)
        .register(SCHEMA, Address::ZERO, true)
        .unwrap();
    let paid = Request {
        value: U256::from(100),
        ..request(bob)
    };
    assert_error(
        eas.sender_and_value(alice, U256::from(100))
            .attest(schema, paid.clone())
            .motsu_res(),
        NotPayable {},
    );
    assert_error(
        eas.sender_and_value(alice, U256::from(100))
            .attest(plain, paid.clone())
            .motsu_res(),
        NotPayable {},
    );
    resolver.sender(alice).set_mode(mode::PAYABLE);
    assert_error(
        eas.sender_and_value(alice, U256::from(99))
            .attest(schema, paid.clone())
            .motsu_res(),
        InsufficientValue {},
    );
    // Exactly the value requested: motsu cannot send a refund to an account without code (its
    // calls always route to a contract); the refund runs in the WASM-level tests.
    eas.sender_and_value(alice, U256::from(100))
        .attest(schema, paid)
        .unwrap();
    assert_eq!(resolver.sender(alice).counts(), (1, 0, U256::from(100)));
    assert_eq!(Balance::balance(&resolver), U256::from(100));
    assert_eq!(Balance::balance(&eas), U256::ZERO);
}

#[test]
fn selectors_are_eas_canonical_signatures() {
    use alloy_sol_types::SolCall;
    let sel = |s: &str| -> [u8; 4] { keccak256(s)[..4].try_into().unwrap() };
    let data = "(address,uint64,bool,bytes32,bytes,uint256)";
    assert_eq!(
        attestCall::SELECTOR,
        sel(&format!("attest((bytes32,{data}))"))
    );
    assert_eq!(attestCall::SELECTOR, [0xf1, 0x73, 0x25, 0xe7]);
    assert_eq!(
        multiAttestCall::SELECTOR,
        sel(&format!("multiAttest((bytes32,{data}[])[])"))
    );
    assert_eq!(
        revokeCall::SELECTOR,
        sel("revoke((bytes32,(bytes32,uint256)))")
    );
    assert_eq!(
        multiRevokeCall::SELECTOR,
        sel("multiRevoke((bytes32,(bytes32,uint256)[])[])")
    );
    assert_eq!(getAttestationCall::SELECTOR, [0xa3, 0x11, 0x2a, 0x64]);
    assert_eq!(registerCall::SELECTOR, sel("register(string,address,bool)"));
    assert_eq!(
        ISchemaResolver::attestCall::SELECTOR,
        [0xe6, 0x0c, 0x35, 0x05]
    );
}
