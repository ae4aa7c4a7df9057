//! Governance, fees, emergency powers, pause, roles (spec 02 §2.5).
use super::*;

#[motsu::test]
fn governance_functions_refuse_non_governors(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let r = || w.reg_as(alice);
    let a = Address::repeat_byte(1);
    let one = U256::from(1);
    assert_error(
        r().set_tokenizer_approval(alice, a, true).motsu_res(),
        not_governor(alice),
    );
    assert_error(
        r().set_tokenizer_approval_batch(alice, &[(a, true)])
            .motsu_res(),
        not_governor(alice),
    );
    assert_error(
        r().set_executor_approval(alice, a, true, "x").motsu_res(),
        not_governor(alice),
    );
    assert_error(
        r().set_executor_approval_batch(alice, &[(a, true, "x")])
            .motsu_res(),
        not_governor(alice),
    );
    assert_error(
        r().set_default_gas_limit(alice, true, one).motsu_res(),
        not_governor(alice),
    );
    assert_error(
        r().set_default_gas_limit(alice, false, one).motsu_res(),
        not_governor(alice),
    );
    assert_error(
        r().set_resolver_gas_limit_override(alice, rid("x"), one)
            .motsu_res(),
        not_governor(alice),
    );
    assert_error(
        r().set_max_reasonable_gas_limit(alice, U256::from(300_000))
            .motsu_res(),
        not_governor(alice),
    );
    assert_error(
        r().set_registration_fee(alice, one).motsu_res(),
        not_governor(alice),
    );
    assert_error(r().reenable_fees(alice).motsu_res(), not_governor(alice));
    assert_error(r().set_paused(alice, true).motsu_res(), not_governor(alice));
    assert_error(
        r().grant_role(alice, GOVERNOR_ROLE, alice).motsu_res(),
        AccessControlUnauthorizedAccount {
            account: alice,
            neededRole: DEFAULT_ADMIN_ROLE,
        },
    );
    assert_error(
        r().emergency_disable_fees(alice, "x").motsu_res(),
        UnauthorizedEmergencyAction { caller: alice },
    );
}

#[motsu::test]
fn approvals_emit_and_refuse_zero_and_bad_batches(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let r = || w.reg_as(gov);
    let (t, e) = (Address::repeat_byte(1), Address::repeat_byte(2));
    assert_error(
        r().set_tokenizer_approval(gov, Address::ZERO, true)
            .motsu_res(),
        ZeroAddress {},
    );
    assert_error(
        r().set_executor_approval(gov, Address::ZERO, true, "x")
            .motsu_res(),
        ZeroAddress {},
    );
    r().set_tokenizer_approval(gov, t, true).unwrap();
    reg.assert_emitted(&TokenizerApproved {
        tokenizer: t,
        approved: true,
        timestamp: now(),
    });
    assert!(r().is_tokenizer_approved(t));
    r().set_executor_approval(gov, e, true, "IntegraExecutor")
        .unwrap();
    reg.assert_emitted(&ExecutorApproved {
        executor: e,
        approved: true,
        name: s("IntegraExecutor"),
        timestamp: now(),
    });
    let fifty: Vec<(Address, bool)> = (1..51u8)
        .map(|n| (Address::repeat_byte(n), n % 2 == 0))
        .collect();
    r().set_tokenizer_approval_batch(gov, &fifty).unwrap();
    assert!(
        r().is_tokenizer_approved(Address::repeat_byte(2))
            && !r().is_tokenizer_approved(Address::repeat_byte(3))
    );
    let mut fifty_one = fifty.clone();
    fifty_one.push((t, true));
    assert_error(
        r().set_tokenizer_approval_batch(gov, &fifty_one)
            .motsu_res(),
        BatchTooLarge {
            size: U256::from(51),
            max: U256::from(50),
        },
    );
    assert_error(
        r().set_tokenizer_approval_batch(gov, &[]).motsu_res(),
        EmptyBatch {},
    );
    assert_error(
        r().set_executor_approval_batch(gov, &[]).motsu_res(),
        EmptyBatch {},
    );
    r().set_executor_approval_batch(gov, &[(e, false, "gone")])
        .unwrap();
    assert!(!r().approved_executors.get(e));
}

#[motsu::test]
fn gas_limits_respect_zero_and_the_ceiling(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let r = || w.reg_as(gov);
    let max = U256::from(30_000_000);
    for primary in [true, false] {
        assert_error(
            r().set_default_gas_limit(gov, primary, U256::ZERO)
                .motsu_res(),
            ZeroGasLimit {},
        );
        assert_error(
            r().set_default_gas_limit(gov, primary, max + U256::from(1))
                .motsu_res(),
            GasLimitTooHigh {
                limit: max + U256::from(1),
                max,
            },
        );
        r().set_default_gas_limit(gov, primary, max).unwrap();
        assert_eq!(
            r().get_effective_resolver_gas_limit(rid("x"), primary),
            (30_000_000, false)
        );
    }
    reg.assert_emitted(&DefaultPrimaryResolverGasLimitUpdated {
        oldLimit: U256::from(200_000),
        newLimit: max,
    });
    reg.assert_emitted(&DefaultAdditionalResolverGasLimitUpdated {
        oldLimit: U256::from(100_000),
        newLimit: max,
    });
    assert_error(
        r().set_resolver_gas_limit_override(gov, rid("x"), max + U256::from(1))
            .motsu_res(),
        GasLimitTooHigh {
            limit: max + U256::from(1),
            max,
        },
    );
    r().set_resolver_gas_limit_override(gov, rid("x"), U256::from(50_000))
        .unwrap();
    reg.assert_emitted(&ResolverGasLimitOverrideSet {
        resolverId: rid("x"),
        gasLimit: U256::from(50_000),
        timestamp: now(),
    });
    assert_eq!(
        r().get_effective_resolver_gas_limit(rid("x"), true),
        (50_000, true)
    );
    assert_eq!(
        r().get_effective_resolver_gas_limit(rid("x"), false),
        (50_000, true)
    );
    r().set_resolver_gas_limit_override(gov, rid("x"), U256::ZERO)
        .unwrap();
    assert_eq!(
        r().get_effective_resolver_gas_limit(rid("x"), false),
        (30_000_000, false)
    );
    // The ceiling cannot go under a default, nor to 0.
    assert_error(
        r().set_max_reasonable_gas_limit(gov, U256::ZERO)
            .motsu_res(),
        ZeroGasLimit {},
    );
    assert_error(
        r().set_max_reasonable_gas_limit(gov, max - U256::from(1))
            .motsu_res(),
        GasLimitTooHigh {
            limit: max,
            max: max - U256::from(1),
        },
    );
    r().set_default_gas_limit(gov, true, U256::from(200_000))
        .unwrap();
    r().set_default_gas_limit(gov, false, U256::from(100_000))
        .unwrap();
    r().set_max_reasonable_gas_limit(gov, U256::from(200_000))
        .unwrap();
    reg.assert_emitted(&MaxReasonableGasLimitUpdated {
        oldLimit: max,
        newLimit: U256::from(200_000),
    });
}

#[motsu::test]
fn fee_is_bounded_and_disable_reenable_round_trips(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let r = || w.reg_as(gov);
    let max = U256::from(MAX_REGISTRATION_FEE);
    assert_error(
        r().set_registration_fee(gov, max + U256::from(1))
            .motsu_res(),
        FeeTooHigh {
            fee: max + U256::from(1),
            max,
        },
    );
    r().set_registration_fee(gov, max).unwrap();
    reg.assert_emitted(&RegistrationFeeUpdated {
        oldFee: U256::ZERO,
        newFee: max,
        updatedBy: gov,
        timestamp: now(),
    });
    assert_error(r().reenable_fees(gov).motsu_res(), FeesNotDisabled {});
    assert_error(
        w.reg_as(w.emergency)
            .emergency_disable_fees(w.emergency, "")
            .motsu_res(),
        EmptyJustification {},
    );
    w.reg_as(w.emergency)
        .emergency_disable_fees(w.emergency, "outage")
        .unwrap();
    reg.assert_emitted(&FeesEmergencyDisabled {
        disabler: w.emergency,
        justification: s("outage"),
        timestamp: now(),
        wasEmergencyAddress: true,
        beforeExpiry: true,
    });
    assert_error(
        r().emergency_disable_fees(gov, "again").motsu_res(),
        FeesAlreadyDisabled {},
    );
    // The fee value is kept while disabled.
    assert_eq!(
        r().get_fee_configuration(),
        (max, sink.address(), true, max, U256::ZERO)
    );
    r().reenable_fees(gov).unwrap();
    reg.assert_emitted(&FeesReenabled {
        enabler: gov,
        timestamp: now(),
    });
    assert!(!r().get_fee_configuration().2);
}

#[motsu::test]
fn pause_blocks_user_functions_only(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
    bob: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.register(alice, 1);
    assert_error(
        w.reg_as(gov).set_paused(gov, false).motsu_res(),
        ExpectedPause {},
    );
    w.reg_as(gov).set_paused(gov, true).unwrap();
    reg.assert_emitted(&Paused { account: gov });
    assert_error(
        w.reg_as(gov).set_paused(gov, true).motsu_res(),
        EnforcedPause {},
    );
    let r = || w.reg_as(alice);
    assert_error(
        r().transfer_document_ownership(alice, h(1), bob, "")
            .motsu_res(),
        EnforcedPause {},
    );
    assert_error(
        r().set_identity_extension(alice, h(1), h(2)).motsu_res(),
        EnforcedPause {},
    );
    assert_error(
        r().lock_resolvers(alice, h(1)).motsu_res(),
        EnforcedPause {},
    );
    assert_error(
        r().authorize_document_executor(alice, h(1), bob)
            .motsu_res(),
        EnforcedPause {},
    );
    assert_error(
        r().register_document_batch(alice, &[], Address::ZERO, false)
            .motsu_res(),
        EnforcedPause {},
    );
    // Governance and views keep working.
    w.reg_as(gov)
        .set_registration_fee(gov, U256::from(1))
        .unwrap();
    assert_eq!(r().get_document_owner(h(1)), alice);
    w.reg_as(gov).set_paused(gov, false).unwrap();
    reg.assert_emitted(&Unpaused { account: gov });
    r().transfer_document_ownership(alice, h(1), bob, "")
        .motsu_unwrap();
}

#[motsu::test]
fn roles_follow_openzeppelin(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.reg_as(gov).grant_role(gov, GOVERNOR_ROLE, alice).unwrap();
    reg.assert_emitted(&RoleGranted {
        role: GOVERNOR_ROLE,
        account: alice,
        sender: gov,
    });
    w.reg_as(alice)
        .set_registration_fee(alice, U256::from(5))
        .unwrap();
    w.reg_as(alice)
        .set_registration_fee(alice, U256::ZERO)
        .unwrap();
    assert_error(
        w.reg_as(alice)
            .renounce_role(alice, GOVERNOR_ROLE, gov)
            .motsu_res(),
        AccessControlBadConfirmation {},
    );
    w.reg_as(alice)
        .renounce_role(alice, GOVERNOR_ROLE, alice)
        .unwrap();
    assert!(!w.reg_as(gov).has_role(GOVERNOR_ROLE, alice));
    w.reg_as(gov).grant_role(gov, GOVERNOR_ROLE, alice).unwrap();
    w.reg_as(gov)
        .revoke_role(gov, GOVERNOR_ROLE, alice)
        .unwrap();
    reg.assert_emitted(&RoleRevoked {
        role: GOVERNOR_ROLE,
        account: alice,
        sender: gov,
    });
    // Governance cannot touch records.
    w.register(alice, 1);
    assert_error(
        w.reg_as(gov)
            .transfer_document_ownership(gov, h(1), gov, "")
            .motsu_res(),
        Unauthorized {
            caller: gov,
            integraHash: h(1),
        },
    );
}

#[motsu::test]
fn overrides_are_counted_so_clearing_one_keeps_the_others(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
) {
    // The registry reads the override map only while some override exists; the count must
    // follow set, reset, clear and clearing an id that has none.
    let w = deploy(&reg, &comp, &sink, gov);
    let r = || w.reg_as(gov);
    let set = |id: &str, limit: u64| {
        r().set_resolver_gas_limit_override(gov, rid(id), U256::from(limit))
            .unwrap();
    };
    let effective = |id: &str| r().get_effective_resolver_gas_limit(rid(id), true);
    set("y", 0); // clearing an id without an override changes nothing
    set("x", 50_000);
    set("y", 60_000);
    set("y", 70_000); // replacing is not a new override
    set("x", 0);
    assert_eq!(effective("x"), (200_000, false));
    assert_eq!(effective("y"), (70_000, true));
    set("x", 0);
    assert_eq!(effective("y"), (70_000, true));
    set("y", 0);
    assert_eq!(effective("y"), (200_000, false));
    set("z", 80_000);
    assert_eq!(effective("z"), (80_000, true));
    assert_eq!(effective("x"), (200_000, false));
}

#[motsu::test]
fn records_keep_their_tokenizer_across_approval_changes(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
) {
    // A record stores its tokenizer's number; the number is given at the first approval and
    // kept through revocation and re-approval.
    let w = deploy(&reg, &comp, &sink, gov);
    let (t1, t2, t3) = (
        Address::repeat_byte(0x71),
        Address::repeat_byte(0x72),
        Address::repeat_byte(0x73),
    );
    w.approve_tokenizer(t1);
    w.approve_tokenizer(t2);
    let with = |n: u8, t: Address| Registration {
        tokenizer: t,
        ..plain(n)
    };
    w.reg_as(alice)
        .register_document(alice, &with(1, t2))
        .motsu_unwrap();
    w.reg_as(gov)
        .set_tokenizer_approval(gov, t1, false)
        .unwrap();
    assert_error(
        w.reg_as(alice)
            .register_document(alice, &with(2, t1))
            .motsu_res(),
        TokenizerNotApproved { tokenizer: t1 },
    );
    w.approve_tokenizer(t3);
    w.approve_tokenizer(t1);
    w.reg_as(alice)
        .register_document(alice, &with(2, t1))
        .motsu_unwrap();
    w.reg_as(alice)
        .register_document(alice, &plain(3))
        .motsu_unwrap();
    w.reg_as(alice)
        .associate_tokenizer(alice, h(3), t3, B256::ZERO)
        .motsu_unwrap();
    for (n, t) in [(1, t2), (2, t1), (3, t3)] {
        assert_eq!(w.reg_as(alice).get_tokenizer(h(n)), t);
        assert_eq!(w.reg_as(alice).get_document(h(n)).tokenizer, t);
    }
    assert_eq!(w.reg_as(alice).get_tokenizer(h(4)), Address::ZERO);
    assert_error(
        w.reg_as(alice)
            .associate_tokenizer(alice, h(1), t1, B256::ZERO)
            .motsu_res(),
        TokenizerAlreadySet {
            integraHash: h(1),
            tokenizer: t2,
        },
    );
}
