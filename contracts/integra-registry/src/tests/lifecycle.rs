//! R4 (deactivate), R5 (reactivate) and R6 (metadata), through every facade that has them.
//!
//! R5's `…CodeChanged(id, expected, current)` needs an address whose code changes after
//! registration; motsu gives every contract one constant code hash, so those reverts are
//! covered by the WASM-level suite: `tests/tests/registry_code_change.rs`.
use super::*;

/// A deployed registry holding one component of each type, `ids[t]` at `components[t]`.
fn setup(
    contract: &Contract<IntegraRegistry>,
    gov: Address,
    components: [Address; 4],
) -> [B256; 4] {
    deploy(contract, gov);
    TYPES.map(|t| {
        let cid = id(&format!("{t:?}"));
        register_typed(contract, gov, t, cid, components[t as usize], "T", "d").unwrap();
        cid
    })
}

fn not_found(t: Option<RegistryType>, cid: B256) -> Vec<u8> {
    match t {
        Some(RegistryType::Provider) => ProviderNotFound { providerId: cid }.abi_encode(),
        Some(RegistryType::Verifier) => VerifierNotFound { verifierId: cid }.abi_encode(),
        Some(RegistryType::Resolver) => ResolverNotFound { resolverId: cid }.abi_encode(),
        Some(RegistryType::Tokenizer) | None => ComponentNotFound { componentId: cid }.abi_encode(),
    }
}

fn err_bytes(result: Result<(), Error>) -> Vec<u8> {
    Vec::from(result.expect_err("call should fail"))
}

// ---- deactivate (R4) ----

#[motsu::test]
fn generic_deactivation_emits_the_reason_and_the_typed_event(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [_, v, r, k] = setup(&contract, gov, components);
    let c = &contract;
    for (cid, component) in [(v, c1.address()), (r, c2.address()), (k, c3.address())] {
        let before = log_count(c);
        c.sender(gov)
            .deactivate_component(cid, "key leaked")
            .unwrap();
        assert_eq!(log_count(c), before + 2);
        c.assert_emitted(&ComponentDeactivated {
            componentId: cid,
            component,
            reason: s("key leaked"),
            timestamp: now(),
        });
    }
    let (timestamp, reason) = (now(), s("key leaked"));
    c.assert_emitted(&VerifierDeactivated {
        verifierId: v,
        verifier: c1.address(),
        timestamp,
    });
    c.assert_emitted(&ResolverDeactivated {
        resolverId: r,
        resolver: c2.address(),
        timestamp,
    });
    c.assert_emitted(&TokenizerDeactivated {
        tokenizerId: k,
        tokenizer: c3.address(),
        timestamp,
    });
    // The reason event is a provider event only.
    assert!(!c.emitted(&ProviderDeactivationReason {
        providerId: v,
        reason,
        timestamp,
    }));
    assert!(!emitted_any::<ProviderDeactivationReason>(c));
}

#[motsu::test]
fn generic_deactivation_of_a_provider_with_a_reason_emits_the_provider_reason(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, ..] = setup(&contract, gov, components);
    let before = log_count(&contract);
    contract
        .sender(gov)
        .deactivate_component(p, "compromised")
        .unwrap();
    assert_eq!(log_count(&contract), before + 3);
    contract.assert_emitted(&ComponentDeactivated {
        componentId: p,
        component: c0.address(),
        reason: s("compromised"),
        timestamp: now(),
    });
    contract.assert_emitted(&ProviderDeactivated {
        providerId: p,
        provider: c0.address(),
        timestamp: now(),
    });
    contract.assert_emitted(&ProviderDeactivationReason {
        providerId: p,
        reason: s("compromised"),
        timestamp: now(),
    });
}

#[motsu::test]
fn provider_deactivation_with_a_reason_emits_three_events(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, ..] = setup(&contract, gov, components);
    let before = log_count(&contract);
    contract
        .sender(gov)
        .deactivate_provider(p, "schema retired")
        .unwrap();
    assert_eq!(log_count(&contract), before + 3);
    contract.assert_emitted(&ComponentDeactivated {
        componentId: p,
        component: c0.address(),
        reason: s("schema retired"),
        timestamp: now(),
    });
    contract.assert_emitted(&ProviderDeactivated {
        providerId: p,
        provider: c0.address(),
        timestamp: now(),
    });
    contract.assert_emitted(&ProviderDeactivationReason {
        providerId: p,
        reason: s("schema retired"),
        timestamp: now(),
    });
    assert!(!contract.sender(gov).get_provider_info(p).active);
}

#[motsu::test]
fn provider_deactivation_without_a_reason_emits_no_reason_event(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, ..] = setup(&contract, gov, components);
    let before = log_count(&contract);
    contract.sender(gov).deactivate_provider(p, "").unwrap();
    assert_eq!(log_count(&contract), before + 2);
    contract.assert_emitted(&ComponentDeactivated {
        componentId: p,
        component: c0.address(),
        reason: s(""),
        timestamp: now(),
    });
    contract.assert_emitted(&ProviderDeactivated {
        providerId: p,
        provider: c0.address(),
        timestamp: now(),
    });
    assert!(!contract.emitted(&ProviderDeactivationReason {
        providerId: p,
        reason: s(""),
        timestamp: now(),
    }));
    assert!(!emitted_any::<ProviderDeactivationReason>(&contract));
}

#[motsu::test]
fn verifier_and_resolver_deactivation_emit_an_empty_generic_reason_and_the_typed_event(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [_, v, r, _] = setup(&contract, gov, components);
    contract.sender(gov).deactivate_verifier(v).unwrap();
    contract.sender(gov).deactivate_resolver(r).unwrap();
    for (cid, component) in [(v, c1.address()), (r, c2.address())] {
        contract.assert_emitted(&ComponentDeactivated {
            componentId: cid,
            component,
            reason: s(""),
            timestamp: now(),
        });
    }
    contract.assert_emitted(&VerifierDeactivated {
        verifierId: v,
        verifier: c1.address(),
        timestamp: now(),
    });
    contract.assert_emitted(&ResolverDeactivated {
        resolverId: r,
        resolver: c2.address(),
        timestamp: now(),
    });
    assert!(!contract.sender(gov).get_verifier_info(v).active);
    assert!(!contract.sender(gov).get_resolver_info(r).active);
}

#[motsu::test]
fn deactivation_of_an_unknown_id_is_refused_with_the_facade_error(
    contract: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let unknown = id("unknown");
    let c = &contract;
    assert_error(
        c.sender(gov).deactivate_component(unknown, "r"),
        ComponentNotFound {
            componentId: unknown,
        },
    );
    assert_error(
        c.sender(gov).deactivate_provider(unknown, "r"),
        ProviderNotFound {
            providerId: unknown,
        },
    );
    assert_error(
        c.sender(gov).deactivate_verifier(unknown),
        VerifierNotFound {
            verifierId: unknown,
        },
    );
    assert_error(
        c.sender(gov).deactivate_resolver(B256::ZERO),
        ResolverNotFound {
            resolverId: B256::ZERO,
        },
    );
}

#[motsu::test]
fn typed_deactivation_of_another_types_id_is_refused_as_not_found(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let ids = setup(&contract, gov, components);
    let before = log_count(&contract);
    for owner in TYPES {
        let cid = ids[owner as usize];
        if owner != RegistryType::Provider {
            assert_eq!(
                err_bytes(contract.sender(gov).deactivate_provider(cid, "r")),
                not_found(Some(RegistryType::Provider), cid)
            );
        }
        if owner != RegistryType::Verifier {
            assert_eq!(
                err_bytes(contract.sender(gov).deactivate_verifier(cid)),
                not_found(Some(RegistryType::Verifier), cid)
            );
        }
        if owner != RegistryType::Resolver {
            assert_eq!(
                err_bytes(contract.sender(gov).deactivate_resolver(cid)),
                not_found(Some(RegistryType::Resolver), cid)
            );
        }
    }
    assert_eq!(log_count(&contract), before);
    for t in TYPES {
        assert!(
            contract
                .sender(gov)
                .get_component_info(ids[t as usize])
                .active
        );
    }
}

#[motsu::test]
fn second_deactivation_is_refused_as_inactive(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, v, r, k] = setup(&contract, gov, components);
    let c = &contract;
    c.sender(gov).deactivate_provider(p, "").unwrap();
    c.sender(gov).deactivate_verifier(v).unwrap();
    c.sender(gov).deactivate_resolver(r).unwrap();
    c.sender(gov).deactivate_component(k, "").unwrap();
    let before = log_count(c);
    assert_error(
        c.sender(gov).deactivate_provider(p, "again"),
        ProviderInactive { providerId: p },
    );
    assert_error(
        c.sender(gov).deactivate_verifier(v),
        VerifierInactive { verifierId: v },
    );
    assert_error(
        c.sender(gov).deactivate_resolver(r),
        ResolverInactive { resolverId: r },
    );
    for cid in [p, v, r, k] {
        assert_error(
            c.sender(gov).deactivate_component(cid, ""),
            ComponentInactive { componentId: cid },
        );
    }
    assert_eq!(log_count(c), before);
}

#[motsu::test]
fn deactivation_by_non_governor_is_refused_before_the_lookup(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
    alice: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, v, r, k] = setup(&contract, gov, components);
    let c = &contract;
    for cid in [p, id("unknown")] {
        assert_error(
            c.sender(alice).deactivate_component(cid, ""),
            not_governor(alice),
        );
        assert_error(
            c.sender(alice).deactivate_provider(cid, "r"),
            not_governor(alice),
        );
    }
    assert_error(c.sender(alice).deactivate_verifier(v), not_governor(alice));
    assert_error(c.sender(alice).deactivate_resolver(r), not_governor(alice));
    assert_error(
        c.sender(alice).deactivate_component(k, ""),
        not_governor(alice),
    );
    for t in TYPES {
        assert_eq!(
            get_typed(c, t, [p, v, r, k][t as usize]),
            components[t as usize]
        );
    }
}

// ---- reactivate (R5) ----

#[motsu::test]
fn reactivation_through_each_facade_restores_the_entry_and_emits_both_events(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, v, r, k] = setup(&contract, gov, components);
    let c = &contract;
    for cid in [p, v, r, k] {
        c.sender(gov).deactivate_component(cid, "").unwrap();
    }
    let before = log_count(c);
    c.sender(gov).reactivate_provider(p).unwrap();
    c.sender(gov).reactivate_verifier(v).unwrap();
    c.sender(gov).reactivate_resolver(r).unwrap();
    c.sender(gov).reactivate_component(k).unwrap();
    assert_eq!(log_count(c), before + 8);
    for (cid, component) in [p, v, r, k].into_iter().zip(components) {
        c.assert_emitted(&ComponentReactivated {
            componentId: cid,
            component,
            timestamp: now(),
        });
        assert_eq!(c.sender(gov).get_component(cid), component);
        assert!(c.sender(gov).get_component_info(cid).active);
    }
    c.assert_emitted(&ProviderReactivated {
        providerId: p,
        provider: c0.address(),
        timestamp: now(),
    });
    c.assert_emitted(&VerifierReactivated {
        verifierId: v,
        verifier: c1.address(),
        timestamp: now(),
    });
    c.assert_emitted(&ResolverReactivated {
        resolverId: r,
        resolver: c2.address(),
        timestamp: now(),
    });
    c.assert_emitted(&TokenizerReactivated {
        tokenizerId: k,
        tokenizer: c3.address(),
        timestamp: now(),
    });
}

#[motsu::test]
fn generic_reactivation_emits_the_typed_event_of_the_entry(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, ..] = setup(&contract, gov, components);
    contract.sender(gov).deactivate_provider(p, "").unwrap();
    contract.sender(gov).reactivate_component(p).unwrap();
    contract.assert_emitted(&ProviderReactivated {
        providerId: p,
        provider: c0.address(),
        timestamp: now(),
    });
    assert_eq!(contract.sender(gov).get_provider(p), c0.address());
}

#[motsu::test]
fn reactivation_of_an_active_entry_is_refused_as_already_active(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, v, r, k] = setup(&contract, gov, components);
    let c = &contract;
    let before = log_count(c);
    assert_error(
        c.sender(gov).reactivate_provider(p),
        ComponentAlreadyActive { componentId: p },
    );
    assert_error(
        c.sender(gov).reactivate_verifier(v),
        ComponentAlreadyActive { componentId: v },
    );
    assert_error(
        c.sender(gov).reactivate_resolver(r),
        ComponentAlreadyActive { componentId: r },
    );
    for cid in [p, v, r, k] {
        assert_error(
            c.sender(gov).reactivate_component(cid),
            ComponentAlreadyActive { componentId: cid },
        );
    }
    // Also after a full deactivate/reactivate cycle.
    c.sender(gov).deactivate_component(k, "").unwrap();
    c.sender(gov).reactivate_component(k).unwrap();
    assert_error(
        c.sender(gov).reactivate_component(k),
        ComponentAlreadyActive { componentId: k },
    );
    assert_eq!(log_count(c), before + 4);
}

#[motsu::test]
fn reactivation_of_an_unknown_or_foreign_id_is_refused_with_the_facade_error(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, v, r, k] = setup(&contract, gov, components);
    let c = &contract;
    for cid in [p, v, r, k] {
        c.sender(gov).deactivate_component(cid, "").unwrap();
    }
    let unknown = id("unknown");
    assert_eq!(
        err_bytes(c.sender(gov).reactivate_component(unknown)),
        not_found(None, unknown)
    );
    for cid in [unknown, v, r, k] {
        assert_eq!(
            err_bytes(c.sender(gov).reactivate_provider(cid)),
            not_found(Some(RegistryType::Provider), cid)
        );
    }
    for cid in [unknown, p, r, k] {
        assert_eq!(
            err_bytes(c.sender(gov).reactivate_verifier(cid)),
            not_found(Some(RegistryType::Verifier), cid)
        );
    }
    for cid in [unknown, p, v, k] {
        assert_eq!(
            err_bytes(c.sender(gov).reactivate_resolver(cid)),
            not_found(Some(RegistryType::Resolver), cid)
        );
    }
    // Nothing was reactivated by a foreign facade.
    for cid in [p, v, r, k] {
        assert_eq!(c.sender(gov).get_component(cid), Address::ZERO);
    }
}

#[motsu::test]
fn reactivation_by_non_governor_is_refused(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
    alice: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, v, r, k] = setup(&contract, gov, components);
    let c = &contract;
    for cid in [p, v, r, k] {
        c.sender(gov).deactivate_component(cid, "").unwrap();
    }
    assert_error(c.sender(alice).reactivate_provider(p), not_governor(alice));
    assert_error(c.sender(alice).reactivate_verifier(v), not_governor(alice));
    assert_error(c.sender(alice).reactivate_resolver(r), not_governor(alice));
    assert_error(c.sender(alice).reactivate_component(k), not_governor(alice));
    assert_error(
        c.sender(alice).reactivate_component(id("unknown")),
        not_governor(alice),
    );
    for cid in [p, v, r, k] {
        assert_eq!(c.sender(gov).get_component(cid), Address::ZERO);
    }
}

// ---- update metadata (R6) ----

#[motsu::test]
fn generic_metadata_update_replaces_strings_and_emits_both_events_for_each_type(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let ids = setup(&contract, gov, components);
    let c = &contract;
    for cid in ids {
        let before = log_count(c);
        c.sender(gov)
            .update_component_metadata(cid, "new desc", "NEW")
            .unwrap();
        assert_eq!(log_count(c), before + 2);
        c.assert_emitted(&ComponentMetadataUpdated {
            componentId: cid,
            newDescription: s("new desc"),
            newComponentType: s("NEW"),
            timestamp: now(),
        });
        let info = c.sender(gov).get_component_info(cid);
        assert_eq!(
            (info.description, info.componentType),
            (s("new desc"), s("NEW"))
        );
    }
    let [p, v, r, k] = ids;
    let (d, n, timestamp) = (s("new desc"), s("NEW"), now());
    c.assert_emitted(&ProviderMetadataUpdated {
        providerId: p,
        newDescription: d.clone(),
        newProviderType: n.clone(),
        timestamp,
    });
    c.assert_emitted(&VerifierMetadataUpdated {
        verifierId: v,
        newDescription: d.clone(),
        newVerifierType: n.clone(),
        timestamp,
    });
    c.assert_emitted(&ResolverMetadataUpdated {
        resolverId: r,
        newDescription: d.clone(),
        newResolverType: n.clone(),
        timestamp,
    });
    c.assert_emitted(&TokenizerMetadataUpdated {
        tokenizerId: k,
        newDescription: d,
        newTokenizerType: n,
        timestamp,
    });
}

#[motsu::test]
fn verifier_and_resolver_metadata_updates_emit_both_events(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [_, v, r, _] = setup(&contract, gov, components);
    let c = &contract;
    c.sender(gov)
        .update_verifier_metadata(v, "PLONK verifier", "PLONK")
        .unwrap();
    c.sender(gov)
        .update_resolver_metadata(r, "lifecycle hooks", "Lifecycle")
        .unwrap();
    c.assert_emitted(&ComponentMetadataUpdated {
        componentId: v,
        newDescription: s("PLONK verifier"),
        newComponentType: s("PLONK"),
        timestamp: now(),
    });
    c.assert_emitted(&VerifierMetadataUpdated {
        verifierId: v,
        newDescription: s("PLONK verifier"),
        newVerifierType: s("PLONK"),
        timestamp: now(),
    });
    c.assert_emitted(&ComponentMetadataUpdated {
        componentId: r,
        newDescription: s("lifecycle hooks"),
        newComponentType: s("Lifecycle"),
        timestamp: now(),
    });
    c.assert_emitted(&ResolverMetadataUpdated {
        resolverId: r,
        newDescription: s("lifecycle hooks"),
        newResolverType: s("Lifecycle"),
        timestamp: now(),
    });
    let vi = c.sender(gov).get_verifier_info(v);
    assert_eq!(
        (vi.description, vi.verifierType),
        (s("PLONK verifier"), s("PLONK"))
    );
    let ri = c.sender(gov).get_resolver_info(r);
    assert_eq!(
        (ri.description, ri.resolverType),
        (s("lifecycle hooks"), s("Lifecycle"))
    );
}

#[motsu::test]
fn metadata_update_keeps_address_code_hash_state_and_registration_time(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, v, r, _] = setup(&contract, gov, components);
    let c = &contract;
    // An inactive entry may be updated and stays inactive.
    c.sender(gov).deactivate_resolver(r).unwrap();
    c.sender(gov)
        .update_component_metadata(p, "d2", "T2")
        .unwrap();
    c.sender(gov)
        .update_verifier_metadata(v, "d2", "T2")
        .unwrap();
    c.sender(gov)
        .update_resolver_metadata(r, "d2", "T2")
        .unwrap();
    for (t, cid) in [(0u8, p), (1, v), (2, r)] {
        assert_eq!(
            c.sender(gov).get_component_info(cid),
            ComponentInfo {
                componentAddress: components[usize::from(t)],
                registryType: t,
                active: cid != r,
                registeredAt: now(),
                description: s("d2"),
                componentType: s("T2"),
                codeHash: CODE_HASH,
            }
        );
    }
    assert_eq!(c.sender(gov).get_resolver(r), Address::ZERO);
    assert_eq!(c.sender(gov).get_component_count(), U256::from(4));
    // The reverse index is unchanged too.
    assert!(c.sender(gov).is_component_approved(c0.address()));
}

#[motsu::test]
fn metadata_update_rejects_empty_or_oversized_strings(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, v, r, _] = setup(&contract, gov, components);
    let c = &contract;
    let over = "x".repeat(101);
    let too_long = TypeTooLong {
        length: U256::from(101),
        max: U256::from(100),
    };
    let before = log_count(c);
    // Generic: the generic type error, whatever the entry's type.
    for cid in [p, v] {
        assert_error(
            c.sender(gov).update_component_metadata(cid, "d", ""),
            EmptyComponentType {},
        );
        assert_error(
            c.sender(gov).update_component_metadata(cid, "", &over),
            too_long.clone(),
        );
        assert_error(
            c.sender(gov).update_component_metadata(cid, "", "T"),
            EmptyDescription {},
        );
    }
    assert_error(
        c.sender(gov).update_verifier_metadata(v, "", ""),
        EmptyVerifierType {},
    );
    assert_error(
        c.sender(gov).update_verifier_metadata(v, "", &over),
        too_long.clone(),
    );
    assert_error(
        c.sender(gov).update_verifier_metadata(v, "", "T"),
        EmptyDescription {},
    );
    assert_error(
        c.sender(gov).update_resolver_metadata(r, "", ""),
        EmptyResolverType {},
    );
    assert_error(
        c.sender(gov).update_resolver_metadata(r, "d", &over),
        too_long,
    );
    assert_error(
        c.sender(gov).update_resolver_metadata(r, "", "T"),
        EmptyDescription {},
    );
    assert_eq!(log_count(c), before);
    assert_eq!(c.sender(gov).get_component_info(v).componentType, "T");
    // 100 bytes is at the limit.
    c.sender(gov)
        .update_resolver_metadata(r, "d", &"x".repeat(100))
        .unwrap();
    c.sender(gov)
        .update_verifier_metadata(v, "d", &"é".repeat(50))
        .unwrap();
    c.sender(gov)
        .update_component_metadata(p, "d", &"x".repeat(100))
        .unwrap();
    assert_eq!(
        c.sender(gov).get_resolver_info(r).resolverType,
        "x".repeat(100)
    );
}

#[motsu::test]
fn metadata_update_of_an_unknown_or_foreign_id_is_refused_before_validation(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, v, r, k] = setup(&contract, gov, components);
    let c = &contract;
    let unknown = id("unknown");
    // Empty strings: the lookup fails first.
    assert_eq!(
        err_bytes(c.sender(gov).update_component_metadata(unknown, "", "")),
        not_found(None, unknown)
    );
    for cid in [unknown, p, r, k] {
        assert_eq!(
            err_bytes(c.sender(gov).update_verifier_metadata(cid, "", "")),
            not_found(Some(RegistryType::Verifier), cid)
        );
    }
    for cid in [unknown, p, v, k] {
        assert_eq!(
            err_bytes(c.sender(gov).update_resolver_metadata(cid, "d", "T")),
            not_found(Some(RegistryType::Resolver), cid)
        );
    }
    assert_eq!(c.sender(gov).get_component_info(p).description, "d");
}

#[motsu::test]
fn metadata_update_by_non_governor_is_refused(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
    alice: Address,
) {
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, v, r, _] = setup(&contract, gov, components);
    let c = &contract;
    assert_error(
        c.sender(alice).update_component_metadata(p, "d2", "T2"),
        not_governor(alice),
    );
    assert_error(
        c.sender(alice).update_verifier_metadata(v, "d2", "T2"),
        not_governor(alice),
    );
    assert_error(
        c.sender(alice).update_resolver_metadata(r, "d2", "T2"),
        not_governor(alice),
    );
    assert_error(
        c.sender(alice)
            .update_component_metadata(id("unknown"), "", ""),
        not_governor(alice),
    );
    for cid in [p, v, r] {
        assert_eq!(c.sender(gov).get_component_info(cid).description, "d");
    }
}
