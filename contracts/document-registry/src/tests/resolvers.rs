//! Resolver configuration (spec 02 §2.2) and the emergency unlock.
use super::*;

/// Registers `n` resolvers `r0…` in the component registry, all pointing at distinct contracts.
fn setup_ids(w: &World<'_>, targets: &[Address]) -> Vec<B256> {
    targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let id = rid(&format!("r{i}"));
            w.add_resolver(id, *t);
            id
        })
        .collect()
}

#[motsu::test]
fn ten_additional_resolvers_fit_and_the_eleventh_does_not(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    r0: Contract<Sink>,
    r1: Contract<Sink>,
    r2: Contract<Sink>,
    r3: Contract<Sink>,
    r4: Contract<Sink>,
    r5: Contract<Sink>,
    r6: Contract<Sink>,
    r7: Contract<Sink>,
    r8: Contract<Sink>,
    r9: Contract<Sink>,
    r10: Contract<Sink>,
    r11: Contract<Sink>,
    gov: Address,
    alice: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let all = [&r0, &r1, &r2, &r3, &r4, &r5, &r6, &r7, &r8, &r9, &r10, &r11].map(Contract::address);
    let ids = setup_ids(&w, &all);
    w.register(alice, 1);
    w.reg_as(alice)
        .set_primary_resolver(alice, h(1), ids[11])
        .motsu_unwrap();
    for id in &ids[..10] {
        w.reg_as(alice)
            .add_additional_resolver(alice, h(1), *id)
            .motsu_unwrap();
        reg.assert_emitted(&AdditionalResolverAdded {
            integraHash: h(1),
            resolverId: *id,
            owner: alice,
            timestamp: now(),
        });
    }
    assert_eq!(
        w.reg_as(alice).get_document(h(1)).additionalResolvers,
        ids[..10].to_vec()
    );
    assert_error(
        w.reg_as(alice)
            .add_additional_resolver(alice, h(1), ids[10])
            .motsu_res(),
        TooManyAdditionalResolvers {
            integraHash: h(1),
            max: U256::from(10),
        },
    );
    let mut expected = vec![ids[11]];
    expected.extend_from_slice(&ids[..10]);
    assert_eq!(w.reg_as(alice).resolvers_of(h(1)), expected);
}

#[motsu::test]
fn resolvers_are_unique_and_resolvable(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    a: Contract<Sink>,
    b: Contract<Sink>,
    gov: Address,
    alice: Address,
    bob: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let ids = setup_ids(&w, &[a.address(), b.address()]);
    w.register(alice, 1);
    let add = |id: B256| {
        w.reg_as(alice)
            .add_additional_resolver(alice, h(1), id)
            .motsu_res()
    };
    assert_error(
        add(B256::ZERO),
        ResolverNotFound {
            resolverId: B256::ZERO,
        },
    );
    assert_error(
        add(rid("nope")),
        ResolverNotFound {
            resolverId: rid("nope"),
        },
    );
    add(ids[0]).unwrap();
    assert_error(
        add(ids[0]),
        ResolverAlreadyAttached {
            integraHash: h(1),
            resolverId: ids[0],
        },
    );
    // An additional resolver cannot become the primary, nor the primary an additional one.
    assert_error(
        w.reg_as(alice)
            .set_primary_resolver(alice, h(1), ids[0])
            .motsu_res(),
        ResolverAlreadyAttached {
            integraHash: h(1),
            resolverId: ids[0],
        },
    );
    w.reg_as(alice)
        .set_primary_resolver(alice, h(1), ids[1])
        .motsu_unwrap();
    assert_error(
        add(ids[1]),
        ResolverAlreadyAttached {
            integraHash: h(1),
            resolverId: ids[1],
        },
    );
    assert_error(
        w.reg_as(alice)
            .set_primary_resolver(alice, h(1), rid("nope"))
            .motsu_res(),
        ResolverNotFound {
            resolverId: rid("nope"),
        },
    );
    // Id 0 clears the primary.
    w.reg_as(alice)
        .set_primary_resolver(alice, h(1), B256::ZERO)
        .motsu_unwrap();
    reg.assert_emitted(&PrimaryResolverSet {
        integraHash: h(1),
        resolverId: B256::ZERO,
        owner: alice,
        timestamp: now(),
    });
    assert_eq!(
        w.reg_as(alice).get_document(h(1)).primaryResolverId,
        B256::ZERO
    );
    // Owner only.
    assert_error(
        w.reg_as(bob)
            .add_additional_resolver(bob, h(1), ids[1])
            .motsu_res(),
        Unauthorized {
            caller: bob,
            integraHash: h(1),
        },
    );
}

#[motsu::test]
fn removal_swaps_with_the_last(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    a: Contract<Sink>,
    b: Contract<Sink>,
    c: Contract<Sink>,
    gov: Address,
    alice: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let ids = setup_ids(&w, &[a.address(), b.address(), c.address()]);
    w.register(alice, 1);
    for id in &ids {
        w.reg_as(alice)
            .add_additional_resolver(alice, h(1), *id)
            .motsu_unwrap();
    }
    w.reg_as(alice)
        .remove_additional_resolver(alice, h(1), ids[0])
        .motsu_unwrap();
    reg.assert_emitted(&AdditionalResolverRemoved {
        integraHash: h(1),
        resolverId: ids[0],
        owner: alice,
        timestamp: now(),
    });
    assert_eq!(
        w.reg_as(alice).get_document(h(1)).additionalResolvers,
        vec![ids[2], ids[1]]
    );
    assert_error(
        w.reg_as(alice)
            .remove_additional_resolver(alice, h(1), ids[0])
            .motsu_res(),
        ResolverNotAttached {
            integraHash: h(1),
            resolverId: ids[0],
        },
    );
    w.reg_as(alice)
        .remove_additional_resolver(alice, h(1), ids[1])
        .motsu_unwrap();
    w.reg_as(alice)
        .remove_additional_resolver(alice, h(1), ids[2])
        .motsu_unwrap();
    assert!(w
        .reg_as(alice)
        .get_document(h(1))
        .additionalResolvers
        .is_empty());
}

#[motsu::test]
fn locked_configuration_refuses_every_setter_until_emergency_unlock(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    a: Contract<Sink>,
    gov: Address,
    alice: Address,
    stranger: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let ids = setup_ids(&w, &[a.address()]);
    w.register(alice, 1);
    assert_error(
        w.reg_as(alice)
            .emergency_unlock_resolvers(w.emergency, h(1), "x")
            .motsu_res(),
        ResolversNotLocked { integraHash: h(1) },
    );
    w.reg_as(alice).lock_resolvers(alice, h(1)).motsu_unwrap();
    reg.assert_emitted(&ResolversLocked {
        integraHash: h(1),
        owner: alice,
        timestamp: now(),
    });
    let locked = ResolverConfigurationLocked { integraHash: h(1) };
    assert_error(
        w.reg_as(alice).lock_resolvers(alice, h(1)).motsu_res(),
        locked.clone(),
    );
    assert_error(
        w.reg_as(alice)
            .set_primary_resolver(alice, h(1), ids[0])
            .motsu_res(),
        locked.clone(),
    );
    assert_error(
        w.reg_as(alice)
            .set_primary_resolver_batch(alice, &[h(1)], ids[0])
            .motsu_res(),
        locked.clone(),
    );
    assert_error(
        w.reg_as(alice)
            .add_additional_resolver(alice, h(1), ids[0])
            .motsu_res(),
        locked.clone(),
    );
    assert_error(
        w.reg_as(alice)
            .remove_additional_resolver(alice, h(1), ids[0])
            .motsu_res(),
        locked,
    );
    // Emergency unlock: strangers and empty justifications are refused; the owner cannot.
    assert_error(
        w.reg_as(stranger)
            .emergency_unlock_resolvers(stranger, h(1), "x")
            .motsu_res(),
        UnauthorizedEmergencyUnlock { caller: stranger },
    );
    assert_error(
        w.reg_as(alice)
            .emergency_unlock_resolvers(alice, h(1), "x")
            .motsu_res(),
        UnauthorizedEmergencyUnlock { caller: alice },
    );
    assert_error(
        w.reg_as(w.emergency)
            .emergency_unlock_resolvers(w.emergency, h(1), "")
            .motsu_res(),
        EmptyJustification {},
    );
    assert_error(
        w.reg_as(w.emergency)
            .emergency_unlock_resolvers(w.emergency, h(2), "x")
            .motsu_res(),
        DocumentNotRegistered { integraHash: h(2) },
    );
    // Not pause-gated.
    w.reg_as(gov).set_paused(gov, true).unwrap();
    w.reg_as(w.emergency)
        .emergency_unlock_resolvers(w.emergency, h(1), "court order")
        .motsu_unwrap();
    reg.assert_emitted(&ResolversEmergencyUnlocked {
        integraHash: h(1),
        unlocker: w.emergency,
        justification: s("court order"),
        timestamp: now(),
        wasEmergencyAddress: true,
        beforeExpiry: true,
    });
    w.reg_as(gov).set_paused(gov, false).unwrap();
    w.reg_as(alice)
        .add_additional_resolver(alice, h(1), ids[0])
        .motsu_unwrap();
    // The governor may unlock too.
    w.reg_as(alice).lock_resolvers(alice, h(1)).motsu_unwrap();
    w.reg_as(gov)
        .emergency_unlock_resolvers(gov, h(1), "governance")
        .motsu_unwrap();
    reg.assert_emitted(&ResolversEmergencyUnlocked {
        integraHash: h(1),
        unlocker: gov,
        justification: s("governance"),
        timestamp: now(),
        wasEmergencyAddress: false,
        beforeExpiry: true,
    });
}

#[motsu::test]
fn primary_batch_is_all_or_nothing_within_fifty(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    a: Contract<Sink>,
    gov: Address,
    alice: Address,
    bob: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let ids = setup_ids(&w, &[a.address()]);
    let hs: Vec<B256> = (1..51).map(h).collect();
    for n in 1..51 {
        w.register(alice, n);
    }
    w.register(bob, 51);
    assert_error(
        w.reg_as(alice)
            .set_primary_resolver_batch(alice, &[], ids[0])
            .motsu_res(),
        EmptyBatch {},
    );
    let mut too_many = hs.clone();
    too_many.push(h(51));
    assert_error(
        w.reg_as(alice)
            .set_primary_resolver_batch(alice, &too_many, ids[0])
            .motsu_res(),
        BatchTooLarge {
            size: U256::from(51),
            max: U256::from(50),
        },
    );
    assert_error(
        w.reg_as(alice)
            .set_primary_resolver_batch(alice, &[h(1), h(51)], ids[0])
            .motsu_res(),
        Unauthorized {
            caller: alice,
            integraHash: h(51),
        },
    );
    assert_eq!(
        w.reg_as(alice).get_document(h(1)).primaryResolverId,
        B256::ZERO
    );
    w.reg_as(alice)
        .set_primary_resolver_batch(alice, &hs, ids[0])
        .motsu_unwrap();
    assert_eq!(count::<PrimaryResolverSet>(&reg), 50);
}
