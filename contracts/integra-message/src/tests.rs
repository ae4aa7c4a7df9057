//! motsu tests: routing, validation order and limits (0, 1, max, max + 1; UTF-8 counted in
//! bytes), typed errors, events, pause, ERC-2771 sender resolution, the messageHash definition
//! against `integra-circuits`, and the verifier/registry calls against mock contracts (motsu has
//! no BN254 precompiles: real proofs run in `tests/tests/message.rs`, WASM-level).
#![allow(clippy::needless_pass_by_value)] // motsu fixtures are passed by value

use alloc::{string::String, vec};
use core::fmt::Debug;

use alloy_primitives::{address, Address, B256, U256};
use alloy_sol_types::{SolCall, SolError};
use integra_circuits::evm::fr_to_u256;
use motsu::prelude::*;
use stylus_sdk::prelude::*;

use super::*;

/// motsu's `block_timestamp`.
const NOW: u64 = 1_735_689_600;

/// A registry whose `getVerifier` returns whatever was set.
#[storage]
struct MockRegistry {
    verifier: StorageAddress,
}

unsafe impl TopLevelStorage for MockRegistry {}

#[public]
impl MockRegistry {
    fn set(&mut self, v: Address) {
        self.verifier.set(v);
    }
    #[selector(name = "getVerifier")]
    fn get_verifier(&self, _id: B256) -> Address {
        self.verifier.get()
    }
}

/// A verifier that answers every call with the configured verdict.
#[storage]
struct MockVerifier {
    accept: StorageBool,
}

unsafe impl TopLevelStorage for MockVerifier {}

#[public]
impl MockVerifier {
    fn set(&mut self, accept: bool) {
        self.accept.set(accept);
    }
    #[selector(name = "verifyProof")]
    fn verify_proof(
        &self,
        _a: [U256; 2],
        _b: [[U256; 2]; 2],
        _c: [U256; 2],
        _input: [U256; 2],
    ) -> bool {
        self.accept.get()
    }
    #[selector(name = "verifyBatch")]
    fn verify_batch(&self, _proofs: Vec<[U256; 8]>, _inputs: Vec<U256>) -> bool {
        self.accept.get()
    }
}

const FORWARDER: Address = address!("00000000000000000000000000000000000f0f0f");

fn msg<'a>(event_ref: &'a [u8], message: &'a [u8]) -> MessageArgs<'a> {
    MessageArgs {
        integra_hash: B256::repeat_byte(0x11),
        token_id: U256::from(7),
        process_hash: B256::with_last_byte(5),
        proof: [U256::from(1); 8],
        event_ref,
        message,
    }
}

#[track_caller]
fn assert_error<T: Debug>(result: Result<T, Error>, expected: impl SolError + Debug) {
    match result {
        Ok(v) => panic!("expected {expected:?}, got Ok({v:?})"),
        Err(err) => assert_eq!(Vec::<u8>::from(err), expected.abi_encode(), "{expected:?}"),
    }
}

/// Message contract on the mock registry, which points at the mock verifier (accepting).
fn setup(
    c: &Contract<IntegraMessage>,
    reg: &Contract<MockRegistry>,
    ver: &Contract<MockVerifier>,
    gov: Address,
) {
    c.sender(gov)
        .constructor(reg.address(), gov, B256::ZERO, FORWARDER)
        .unwrap();
    reg.sender(gov).set(ver.address());
    ver.sender(gov).set(true);
}

#[test]
fn length_limits_are_bytes_and_inclusive() {
    let long_ref = vec![b'a'; 101];
    let long_msg = vec![b'm'; 1001];
    assert!(msg(b"x", b"y").validate().is_ok());
    assert!(msg(&long_ref[..100], &long_msg[..1000]).validate().is_ok());
    assert_error(msg(b"", b"y").validate(), EventRefRequired {});
    assert_error(
        msg(&long_ref, b"y").validate(),
        EventRefTooLong {
            length: U256::from(101),
            maximum: U256::from(100),
        },
    );
    assert_error(msg(b"x", b"").validate(), MessageCannotBeEmpty {});
    assert_error(
        msg(b"x", &long_msg).validate(),
        MessageTooLong {
            length: U256::from(1001),
            maximum: U256::from(1000),
        },
    );
    // 34 × "é" (2 bytes each) = 68 chars of... 34 characters, 68 bytes: fine; 51 × "é" = 102 B.
    let e51 = "é".repeat(51);
    assert_eq!(e51.chars().count(), 51);
    assert_error(
        msg(e51.as_bytes(), b"y").validate(),
        EventRefTooLong {
            length: U256::from(102),
            maximum: U256::from(100),
        },
    );
    let e4 = "€".repeat(334); // 1002 bytes, 334 characters
    assert_error(
        msg(b"x", e4.as_bytes()).validate(),
        MessageTooLong {
            length: U256::from(1002),
            maximum: U256::from(1000),
        },
    );
}

#[test]
fn validation_follows_the_spec_order() {
    let mut m = msg(b"", b"");
    m.integra_hash = B256::ZERO;
    m.process_hash = B256::ZERO;
    assert_error(m.validate(), InvalidIntegraHash {});
    m.integra_hash = B256::with_last_byte(1);
    assert_error(m.validate(), InvalidProcessHash {});
    m.process_hash = B256::from(U256::MAX);
    assert_error(m.validate(), EventRefRequired {});
    m.event_ref = b"E";
    assert_error(m.validate(), MessageCannotBeEmpty {});
    m.message = b"M";
    assert_error(
        m.validate(),
        ProcessHashNotInField {
            processHash: B256::from(U256::MAX),
        },
    );
    m.process_hash = B256::from(SNARK_SCALAR_FIELD);
    assert!(m.validate().is_err());
    m.process_hash = B256::from(SNARK_SCALAR_FIELD - U256::from(1));
    assert!(m.validate().is_ok());
}

#[test]
fn message_hash_is_integra_circuits_definition() {
    let sender = address!("00000000000000000000000000000000000a11ce");
    let contract = address!("00000000000000000000000000000000000c0de1");
    for (ev, body) in [("PAYMENT_APPROVED", "ok"), ("É", "€ 100 — ✓")] {
        let m = msg(ev.as_bytes(), body.as_bytes());
        let ours = message_hash_with(
            |b| alloy_primitives::keccak256(b),
            &m,
            sender,
            42161,
            contract,
        );
        let theirs = integra_circuits::Message {
            integra_hash: m.integra_hash,
            token_id: m.token_id,
            event_ref: ev.into(),
            message: body.into(),
            sender,
            chain_id: 42161,
            message_contract: contract,
        }
        .hash();
        assert_eq!(ours, fr_to_u256(theirs));
        assert!(ours < SNARK_SCALAR_FIELD);
    }
}

#[motsu::test]
fn registration_emits_the_spec_event_with_the_sender(
    c: Contract<IntegraMessage>,
    reg: Contract<MockRegistry>,
    ver: Contract<MockVerifier>,
    gov: Address,
    alice: Address,
) {
    setup(&c, &reg, &ver, gov);
    let m = msg(b"PAYMENT_APPROVED", b"hello");
    c.sender(alice).register_message(alice, &m).unwrap();
    c.assert_emitted(&MessageRegistered {
        integraHash: m.integra_hash,
        processHash: m.process_hash,
        tokenId: m.token_id,
        eventRef: String::from("PAYMENT_APPROVED"),
        message: String::from("hello"),
        timestamp: U256::from(NOW),
        registrant: alice,
    });
    assert_eq!(
        MessageRegistered::SIGNATURE_HASH,
        alloy_primitives::b256!("c39542500b17436fda6a6b22da11b563dc7bfa84c5eebda4b95270364099fdc2")
    );
}

#[motsu::test]
fn a_rejecting_or_missing_verifier_gives_typed_errors(
    c: Contract<IntegraMessage>,
    reg: Contract<MockRegistry>,
    ver: Contract<MockVerifier>,
    gov: Address,
    alice: Address,
) {
    setup(&c, &reg, &ver, gov);
    let m = msg(b"E", b"M");
    ver.sender(gov).set(false);
    assert_error(c.sender(alice).register_message(alice, &m), InvalidProof {});
    assert_error(
        c.sender(alice).register_message_batch(alice, &[m, m, m]),
        InvalidProofAt { index: U256::ZERO },
    );
    reg.sender(gov).set(Address::ZERO);
    assert_error(
        c.sender(alice).register_message(alice, &m),
        VerifierNotFound {},
    );
}

#[motsu::test]
fn batches_check_size_and_emit_one_event_each(
    c: Contract<IntegraMessage>,
    reg: Contract<MockRegistry>,
    ver: Contract<MockVerifier>,
    gov: Address,
    alice: Address,
) {
    setup(&c, &reg, &ver, gov);
    let m = msg(b"E", b"M");
    assert_error(
        c.sender(alice).register_message_batch(alice, &[]),
        EmptyBatch {},
    );
    assert_error(
        c.sender(alice).register_message_batch(alice, &[m; 33]),
        BatchTooLarge {
            size: U256::from(33),
            max: U256::from(32),
        },
    );
    let mut bad = m;
    bad.message = b"";
    assert_error(
        c.sender(alice).register_message_batch(alice, &[m, bad]),
        MessageCannotBeEmpty {},
    );
    c.sender(alice)
        .register_message_batch(alice, &[m; 32])
        .unwrap();
    assert_eq!(c.all_events().len(), 3 + 32); // 3 role grants, 32 messages
}

#[motsu::test]
fn pause_is_governor_only_and_blocks_registration(
    c: Contract<IntegraMessage>,
    reg: Contract<MockRegistry>,
    ver: Contract<MockVerifier>,
    gov: Address,
    alice: Address,
) {
    setup(&c, &reg, &ver, gov);
    assert_error(
        c.sender(alice).pause(alice),
        AccessControlUnauthorizedAccount {
            account: alice,
            neededRole: GOVERNOR_ROLE,
        },
    );
    assert_error(c.sender(gov).unpause(gov), ExpectedPause {});
    c.sender(gov).pause(gov).unwrap();
    c.assert_emitted(&Paused { account: gov });
    assert!(c.sender(alice).paused());
    assert_error(c.sender(gov).pause(gov), EnforcedPause {});
    let m = msg(b"E", b"M");
    assert_error(
        c.sender(alice).register_message(alice, &m),
        EnforcedPause {},
    );
    assert_error(
        c.sender(alice).register_message_batch(alice, &[m]),
        EnforcedPause {},
    );
    c.sender(gov).unpause(gov).unwrap();
    c.sender(alice).register_message(alice, &m).unwrap();
}

#[motsu::test]
fn constructor_checks_and_views(
    c: Contract<IntegraMessage>,
    c2: Contract<IntegraMessage>,
    reg: Contract<MockRegistry>,
    gov: Address,
) {
    assert_error(
        c.sender(gov)
            .constructor(Address::ZERO, gov, B256::ZERO, Address::ZERO),
        ZeroAddress {},
    );
    assert_error(
        c.sender(gov)
            .constructor(reg.address(), Address::ZERO, B256::ZERO, Address::ZERO),
        ZeroAddress {},
    );
    c.sender(gov)
        .constructor(reg.address(), gov, B256::ZERO, FORWARDER)
        .unwrap();
    assert_eq!(c.sender(gov).verifier_id(), DEFAULT_VERIFIER_ID);
    assert_eq!(c.sender(gov).verifier_registry(), reg.address());
    assert!(c.sender(gov).is_trusted_forwarder(FORWARDER));
    assert!(!c.sender(gov).is_trusted_forwarder(Address::ZERO));
    for role in [DEFAULT_ADMIN_ROLE, GOVERNOR_ROLE, OPERATOR_ROLE] {
        assert!(c.sender(gov).has_role(role, gov));
    }
    let custom = B256::repeat_byte(9);
    c2.sender(gov)
        .constructor(reg.address(), gov, custom, Address::ZERO)
        .unwrap();
    assert_eq!(c2.sender(gov).verifier_id(), custom);
    assert!(!c2.sender(gov).is_trusted_forwarder(Address::ZERO));
    assert_eq!(
        DEFAULT_VERIFIER_ID,
        alloy_primitives::keccak256(b"BasicAccessV1Poseidonv1")
    );
}

#[motsu::test]
fn erc2771_suffix_is_read_only_from_the_forwarder(
    c: Contract<IntegraMessage>,
    reg: Contract<MockRegistry>,
    ver: Contract<MockVerifier>,
    gov: Address,
    alice: Address,
) {
    setup(&c, &reg, &ver, gov);
    let user = address!("000000000000000000000000000000000000a11c");
    let mut input = vec![0xabu8; 64];
    input.extend_from_slice(user.as_slice());
    let (sender, payload) = c.sender(FORWARDER).resolve_sender(&input);
    assert_eq!((sender, payload.len()), (user, 64));
    let (sender, payload) = c.sender(alice).resolve_sender(&input);
    assert_eq!((sender, payload.len()), (alice, 84));
    let (sender, payload) = c.sender(FORWARDER).resolve_sender(&input[..19]);
    assert_eq!((sender, payload.len()), (FORWARDER, 19));
}

#[motsu::test]
fn the_router_decodes_single_and_batch_calls(
    c: Contract<IntegraMessage>,
    reg: Contract<MockRegistry>,
    ver: Contract<MockVerifier>,
    gov: Address,
    alice: Address,
) {
    setup(&c, &reg, &ver, gov);
    let single = registerMessageCall {
        integraHash: B256::repeat_byte(1),
        tokenId: U256::from(2),
        processHash: B256::with_last_byte(3),
        proofA: [U256::from(4); 2],
        proofB: [[U256::from(5); 2]; 2],
        proofC: [U256::from(6); 2],
        eventRef: "E".into(),
        message: "€".into(),
    };
    let data = single.abi_encode();
    let out = dispatch(
        &mut c.sender(alice),
        registerMessageCall::SELECTOR,
        &data[4..],
    );
    assert_eq!(out, Some(Ok(vec![])));
    let entry = MessageInput {
        integraHash: single.integraHash,
        tokenId: single.tokenId,
        processHash: single.processHash,
        proofA: single.proofA,
        proofB: single.proofB,
        proofC: single.proofC,
        eventRef: single.eventRef.clone(),
        message: single.message.clone(),
    };
    let batch = registerMessageBatchCall {
        messages: vec![entry.clone(), entry],
    };
    let data = batch.abi_encode();
    let parsed = message_array(Args(&data[4..]), 0).unwrap();
    assert_eq!(parsed.len(), 2);
    assert_eq!(parsed[1].message, "€".as_bytes());
    assert_eq!(parsed[1].proof[2], U256::from(5));
    let out = dispatch(
        &mut c.sender(alice),
        registerMessageBatchCall::SELECTOR,
        &data[4..],
    );
    assert_eq!(out, Some(Ok(vec![])));
    // Truncated calldata and unknown selectors.
    assert_eq!(
        dispatch(
            &mut c.sender(alice),
            registerMessageBatchCall::SELECTOR,
            &data[4..data.len() - 40]
        ),
        Some(Err(vec![]))
    );
    assert_eq!(dispatch(&mut c.sender(alice), [0; 4], &[]), None);
    // The verifier calldata matches alloy's encoding.
    let encoded = single.abi_encode();
    let m = MessageArgs::read(Args(&encoded[4..])).unwrap();
    let want = callees::verifyBatchCall {
        proofs: vec![[
            U256::from(4),
            U256::from(4),
            U256::from(5),
            U256::from(5),
            U256::from(5),
            U256::from(5),
            U256::from(6),
            U256::from(6),
        ]],
        inputs: vec![U256::from(3), U256::from(9)],
    }
    .abi_encode();
    assert_eq!(verify_batch_calldata(&[m], &[U256::from(9)]), want);
}
