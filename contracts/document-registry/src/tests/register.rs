//! Constructor, single and batch registration, fees (spec 02 §1, §2.1, §6).
use super::*;

#[motsu::test]
fn constructor_stores_configuration_and_grants_governance(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let r = w.reg_as(gov);
    assert!(r.has_role(GOVERNOR_ROLE, gov) && r.has_role(DEFAULT_ADMIN_ROLE, gov));
    assert_eq!(
        r.get_emergency_status(),
        (true, NOW + EMERGENCY_DURATION, w.emergency)
    );
    assert_eq!(
        r.get_fee_configuration(),
        (
            U256::ZERO,
            sink.address(),
            false,
            U256::from(MAX_REGISTRATION_FEE),
            U256::ZERO
        )
    );
    assert_eq!(
        r.get_effective_resolver_gas_limit(rid("x"), true),
        (200_000, false)
    );
    assert_eq!(
        r.get_effective_resolver_gas_limit(rid("x"), false),
        (100_000, false)
    );
    assert_eq!(u64_of(r.max_reasonable_gas.get()), 30_000_000);
    assert!(r.is_trusted_forwarder(w.forwarder));
    assert!(!r.is_trusted_forwarder(gov) && !r.is_trusted_forwarder(Address::ZERO));
    assert!(!r.paused());
    assert_eq!(
        REFERENCE_VERIFIER_ID,
        alloy_primitives::b256!("51bfa0ed224848315cb5aa8cc623de67c67d2e8c5d2aab2a3edbe9fc708ddd72")
    );
}

#[motsu::test]
fn constructor_refuses_zero_addresses_a_high_fee_and_bad_gas_ceilings(
    reg: Contract<IntegraDocumentRegistry>,
    gov: Address,
    other: Address,
) {
    let a = other;
    for zeroed in 0..5 {
        let mut addrs = [gov, a, a, a, a];
        addrs[zeroed] = Address::ZERO;
        let [g, v, r, e, f] = addrs;
        assert_error(
            reg.sender(gov)
                .constructor(g, v, r, e, f, U256::ZERO, U256::ZERO, Address::ZERO)
                .motsu_res(),
            ZeroAddress {},
        );
    }
    let max = U256::from(MAX_REGISTRATION_FEE);
    assert_error(
        reg.sender(gov)
            .constructor(
                gov,
                a,
                a,
                a,
                a,
                max + U256::from(1),
                U256::ZERO,
                Address::ZERO,
            )
            .motsu_res(),
        FeeTooHigh {
            fee: max + U256::from(1),
            max,
        },
    );
    assert_error(
        reg.sender(gov)
            .constructor(
                gov,
                a,
                a,
                a,
                a,
                U256::ZERO,
                U256::from(199_999),
                Address::ZERO,
            )
            .motsu_res(),
        GasLimitTooHigh {
            limit: U256::from(200_000),
            max: U256::from(199_999),
        },
    );
    let huge = U256::from(u64::MAX) + U256::from(1);
    assert_error(
        reg.sender(gov)
            .constructor(gov, a, a, a, a, U256::ZERO, huge, Address::ZERO)
            .motsu_res(),
        GasLimitTooHigh {
            limit: huge,
            max: U256::from(u64::MAX),
        },
    );
    // The maximum fee and the smallest ceiling are accepted.
    reg.sender(gov)
        .constructor(gov, a, a, a, a, max, U256::from(200_000), Address::ZERO)
        .motsu_unwrap();
    assert_eq!(reg.sender(gov).get_fee_configuration().0, max);
}

#[motsu::test]
fn registration_stores_the_record_and_emits_its_events(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    resolver: Contract<TestResolver>,
    tokenizer: Contract<Sink>,
    gov: Address,
    alice: Address,
    executor: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.add_resolver(rid("R"), resolver.address());
    w.approve_tokenizer(tokenizer.address());
    let r = Registration {
        integra_hash: h(1),
        document_hash: doc(1),
        identity_extension: h(0x1e),
        tokenizer: tokenizer.address(),
        primary_resolver_id: rid("R"),
        executor,
        process_hash: h(0x9c),
        ..Registration::default()
    };
    assert_eq!(
        w.reg_as(alice).register_document(alice, &r).motsu_unwrap(),
        h(1)
    );
    let got = w.reg_as(alice).get_document(h(1));
    assert_eq!(
        got,
        DocumentRecord {
            owner: alice,
            tokenizer: tokenizer.address(),
            documentHash: doc(1),
            referenceHash: B256::ZERO,
            registeredAt: NOW,
            exists: true,
            identityExtension: h(0x1e),
            primaryResolverId: rid("R"),
            additionalResolvers: vec![],
            resolversLocked: false,
        }
    );
    assert_eq!(w.reg_as(alice).get_document_executor(h(1)), executor);
    assert_eq!(w.reg_as(alice).executor_authorized_at(h(1)), NOW);
    reg.assert_emitted(&DocumentRegistered {
        integraHash: h(1),
        documentHash: doc(1),
        referenceHash: B256::ZERO,
        owner: alice,
        tokenizer: tokenizer.address(),
        authorizedExecutor: executor,
        processHash: h(0x9c),
        identityExtension: h(0x1e),
        timestamp: now(),
    });
    reg.assert_emitted(&DocumentExecutorAuthorized {
        integraHash: h(1),
        executor,
        owner: alice,
        isContract: false,
        timestamp: now(),
    });
    reg.assert_emitted(&PrimaryResolverSet {
        integraHash: h(1),
        resolverId: rid("R"),
        owner: alice,
        timestamp: now(),
    });
    reg.assert_emitted(&PrimaryResolverCalled {
        integraHash: h(1),
        resolverId: rid("R"),
        selector: IDocumentResolver::onDocumentRegisteredCall::SELECTOR.into(),
    });
    assert_eq!(resolver.sender(alice).calls(), 1);
    assert!(!emitted_any::<FeeCollected>(&reg));
}

#[motsu::test]
fn registration_checks_run_in_the_spec_order(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
    bob: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let try_reg = |r: Registration| w.reg_as(alice).register_document(alice, &r).motsu_res();
    assert_error(
        try_reg(Registration {
            integra_hash: B256::ZERO,
            ..plain(1)
        }),
        InvalidIntegraHash {},
    );
    assert_error(
        try_reg(Registration {
            document_hash: B256::ZERO,
            ..plain(1)
        }),
        InvalidDocumentHash {},
    );
    w.register(bob, 1);
    assert_error(
        try_reg(plain(1)),
        DocumentAlreadyRegistered {
            integraHash: h(1),
            existingOwner: bob,
        },
    );
    let t = Address::repeat_byte(7);
    assert_error(
        try_reg(Registration {
            tokenizer: t,
            ..plain(2)
        }),
        TokenizerNotApproved { tokenizer: t },
    );
    assert_error(
        try_reg(Registration {
            primary_resolver_id: rid("missing"),
            ..plain(2)
        }),
        ResolverNotFound {
            resolverId: rid("missing"),
        },
    );
    assert_error(
        try_reg(Registration {
            executor: alice,
            ..plain(2)
        }),
        CannotAuthorizeSelf { account: alice },
    );
    assert_error(
        try_reg(Registration {
            reference_hash: h(1),
            ..plain(2)
        }),
        VerifierNotFound {
            verifierId: REFERENCE_VERIFIER_ID,
        },
    );
    assert!(!w.reg_as(alice).exists(h(2)));
    // A zero reference ignores the proof words.
    try_reg(Registration {
        proof: [h(0xab); 8],
        ..plain(2)
    })
    .unwrap();
}

#[motsu::test]
fn executor_contracts_must_attest_themselves(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    good: Contract<TestResolver>,
    liar: Contract<TestResolver>,
    broken: Contract<TestResolver>,
    malformed: Contract<Malformed>,
    gov: Address,
    alice: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    liar.sender(gov).configure(mode::SAY_NO, Address::ZERO);
    broken
        .sender(gov)
        .configure(mode::REVERT_EMPTY, Address::ZERO);
    let with = |n: u8, e: Address| {
        w.reg_as(alice)
            .register_document(
                alice,
                &Registration {
                    executor: e,
                    ..plain(n)
                },
            )
            .motsu_res()
    };
    assert_error(
        with(1, liar.address()),
        InvalidExecutorContract {
            executor: liar.address(),
            reason: s("Not legitimate"),
        },
    );
    assert_error(
        with(1, broken.address()),
        InvalidExecutorContract {
            executor: broken.address(),
            reason: s("Interface check failed"),
        },
    );
    assert_error(
        with(1, malformed.address()),
        InvalidExecutorContract {
            executor: malformed.address(),
            reason: s("Interface check failed"),
        },
    );
    with(1, good.address()).unwrap();
    reg.assert_emitted(&DocumentExecutorAuthorized {
        integraHash: h(1),
        executor: good.address(),
        owner: alice,
        isContract: true,
        timestamp: now(),
    });
    // Governance approval skips the self-attestation.
    w.reg_as(gov)
        .set_executor_approval(gov, liar.address(), true, "liar")
        .unwrap();
    with(2, liar.address()).unwrap();
}

#[motsu::test]
fn paused_registry_refuses_registration(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.reg_as(gov).set_paused(gov, true).unwrap();
    assert_error(
        w.reg_as(alice)
            .register_document(alice, &plain(1))
            .motsu_res(),
        EnforcedPause {},
    );
    w.reg_as(gov).set_paused(gov, false).unwrap();
    w.register(alice, 1);
}

/// Sets a fee and funds `payer`.
fn with_fee(w: &World<'_>, fee: u64, payer: Address, funds: u64) {
    w.reg_as(w.gov)
        .set_registration_fee(w.gov, U256::from(fee))
        .unwrap();
    payer.fund(U256::from(funds));
}

#[motsu::test]
fn exact_fee_goes_to_the_recipient_and_is_counted(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    payer: Contract<Sink>,
    gov: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let fee = 1_000_000u64;
    with_fee(&w, fee, payer.address(), 10 * fee);
    let p = payer.address();
    reg.sender_and_value(p, U256::from(fee))
        .register_document(p, &plain(1))
        .motsu_unwrap();
    assert_eq!(sink.balance(), U256::from(fee));
    assert_eq!(reg.balance(), U256::ZERO);
    assert_eq!(w.reg_as(gov).get_fee_configuration().4, U256::from(fee));
    reg.assert_emitted(&FeeCollected {
        integraHash: h(1),
        payer: p,
        amount: U256::from(fee),
        recipient: sink.address(),
        timestamp: now(),
    });
    // Too little.
    assert_error(
        reg.sender_and_value(p, U256::from(fee - 1))
            .register_document(p, &plain(2))
            .motsu_res(),
        InsufficientFee {
            provided: U256::from(fee - 1),
            required: U256::from(fee),
        },
    );
}

#[motsu::test]
fn overpayment_is_refunded_to_the_paying_account(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    payer: Contract<Sink>,
    gov: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let fee = 1_000u64;
    with_fee(&w, fee, payer.address(), 10_000);
    let p = payer.address();
    reg.sender_and_value(p, U256::from(2_500))
        .register_document(p, &plain(1))
        .motsu_unwrap();
    assert_eq!(payer.balance(), U256::from(10_000 - fee));
    assert_eq!(reg.balance(), U256::ZERO);
    // A payer that rejects the refund makes the registration revert.
    payer.sender(gov).set_reject(true);
    assert_error(
        reg.sender_and_value(p, U256::from(2_500))
            .register_document(p, &plain(2))
            .motsu_res(),
        RefundFailed {},
    );
}

#[motsu::test]
fn rejected_fee_transfer_reverts_and_disabled_fees_are_free(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    payer: Contract<Sink>,
    gov: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    with_fee(&w, 1_000, payer.address(), 10_000);
    sink.sender(gov).set_reject(true);
    let p = payer.address();
    assert_error(
        reg.sender_and_value(p, U256::from(1_000))
            .register_document(p, &plain(1))
            .motsu_res(),
        FeeTransferFailed {},
    );
    w.reg_as(w.emergency)
        .emergency_disable_fees(w.emergency, "recipient broken")
        .unwrap();
    reg.sender(p).register_document(p, &plain(1)).motsu_unwrap();
    assert_eq!(w.reg_as(gov).get_fee_configuration().4, U256::ZERO);
}

fn items(range: core::ops::Range<u8>) -> Vec<BatchItem> {
    range
        .map(|n| BatchItem {
            integra_hash: h(n),
            document_hash: doc(n),
            process_hash: h(0x9c),
            ..BatchItem::default()
        })
        .collect()
}

#[motsu::test]
fn batch_of_fifty_registers_all_and_fifty_one_none(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
    executor: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    assert_error(
        w.reg_as(alice)
            .register_document_batch(alice, &[], executor, false)
            .motsu_res(),
        EmptyBatch {},
    );
    assert_error(
        w.reg_as(alice)
            .register_document_batch(alice, &items(1..52), executor, false)
            .motsu_res(),
        BatchTooLarge {
            size: U256::from(51),
            max: U256::from(50),
        },
    );
    assert!(!w.reg_as(alice).exists(h(1)));
    let ids = w
        .reg_as(alice)
        .register_document_batch(alice, &items(1..51), executor, false)
        .motsu_unwrap();
    assert_eq!(ids, (1..51).map(h).collect::<Vec<_>>());
    for n in 1..51 {
        assert_eq!(w.reg_as(alice).get_document_owner(h(n)), alice);
        assert_eq!(w.reg_as(alice).get_document_executor(h(n)), executor);
    }
    assert_eq!(count::<DocumentRegistered>(&reg), 50);
    assert_eq!(count::<DocumentExecutorAuthorized>(&reg), 50);
}

#[motsu::test]
fn batch_is_all_or_nothing(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let mut dup = items(1..4);
    dup.push(dup[0].clone());
    assert_error(
        w.reg_as(alice)
            .register_document_batch(alice, &dup, Address::ZERO, false)
            .motsu_res(),
        DocumentAlreadyRegistered {
            integraHash: h(1),
            existingOwner: alice,
        },
    );
    assert!(!w.reg_as(alice).exists(h(1)) && !w.reg_as(alice).exists(h(3)));
    let mut bad = items(1..4);
    bad[2].document_hash = B256::ZERO;
    assert_error(
        w.reg_as(alice)
            .register_document_batch(alice, &bad, Address::ZERO, false)
            .motsu_res(),
        InvalidDocumentHash {},
    );
    let mut unapproved = items(1..4);
    unapproved[1].tokenizer = Address::repeat_byte(9);
    assert_error(
        w.reg_as(alice)
            .register_document_batch(alice, &unapproved, Address::ZERO, false)
            .motsu_res(),
        TokenizerNotApproved {
            tokenizer: Address::repeat_byte(9),
        },
    );
    assert_error(
        w.reg_as(alice)
            .register_document_batch(alice, &items(1..3), alice, false)
            .motsu_res(),
        CannotAuthorizeSelf { account: alice },
    );
    assert!(!w.reg_as(alice).exists(h(1)));
}

#[motsu::test]
fn batch_fee_is_one_transfer_with_one_event_per_item(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    payer: Contract<Sink>,
    gov: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    with_fee(&w, 100, payer.address(), 10_000);
    let p = payer.address();
    assert_error(
        reg.sender_and_value(p, U256::from(299))
            .register_document_batch(p, &items(1..4), Address::ZERO, false)
            .motsu_res(),
        InsufficientFee {
            provided: U256::from(299),
            required: U256::from(300),
        },
    );
    reg.sender_and_value(p, U256::from(400))
        .register_document_batch(p, &items(1..4), Address::ZERO, false)
        .motsu_unwrap();
    assert_eq!(sink.balance(), U256::from(300));
    assert_eq!(payer.balance(), U256::from(10_000 - 300));
    assert_eq!(count::<FeeCollected>(&reg), 3);
    for n in 1..4 {
        reg.assert_emitted(&FeeCollected {
            integraHash: h(n),
            payer: p,
            amount: U256::from(100),
            recipient: sink.address(),
            timestamp: now(),
        });
    }
    assert_eq!(w.reg_as(gov).get_fee_configuration().4, U256::from(300));
}

#[motsu::test]
fn reference_needs_an_active_verifier_and_a_proof_it_accepts(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    verifier: Contract<groth16_verifier::Groth16Verifier>,
    gov: Address,
    alice: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.register(alice, 1);
    let child = Registration {
        reference_hash: h(1),
        proof: [h(3); 8],
        ..plain(2)
    };
    let try_child = || w.reg_as(alice).register_document(alice, &child).motsu_res();
    assert_error(
        try_child(),
        VerifierNotFound {
            verifierId: REFERENCE_VERIFIER_ID,
        },
    );
    // The real verifier (built with the processHash test key, two public inputs) refuses the
    // one-input reference proof: the registry reports InvalidProof. An accepted reference proof
    // (the one-input BasicAccessV1Poseidon circuit, `integra_circuits::reference`) runs at WASM
    // level in `tests/tests/reference_proof.rs`.
    comp.sender(gov)
        .register_verifier(
            REFERENCE_VERIFIER_ID,
            verifier.address(),
            "Groth16",
            "reference verifier",
        )
        .unwrap();
    assert_error(
        try_child(),
        InvalidProof {
            integraHash: h(2),
            sender: alice,
        },
    );
    comp.sender(gov)
        .deactivate_verifier(REFERENCE_VERIFIER_ID)
        .unwrap();
    assert_error(
        try_child(),
        VerifierNotFound {
            verifierId: REFERENCE_VERIFIER_ID,
        },
    );
    assert!(!w.reg_as(alice).exists(h(2)));
}
