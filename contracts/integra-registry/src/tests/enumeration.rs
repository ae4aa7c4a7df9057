//! R7: counts, `…IdAt`, `getAll…Ids`, pagination, generic and typed.
use super::*;

/// Registers, in this order: providers P0, P1; verifier V0; resolver R0; tokenizer K0; provider
/// P2. Returns the ids in registration order.
fn populate(
    contract: &Contract<IntegraRegistry>,
    gov: Address,
    components: [Address; 6],
) -> [B256; 6] {
    deploy(contract, gov);
    let plan = [
        ("P0", RegistryType::Provider),
        ("P1", RegistryType::Provider),
        ("V0", RegistryType::Verifier),
        ("R0", RegistryType::Resolver),
        ("K0", RegistryType::Tokenizer),
        ("P2", RegistryType::Provider),
    ];
    let mut ids = [B256::ZERO; 6];
    for (i, (name, t)) in plan.into_iter().enumerate() {
        ids[i] = id(name);
        register_typed(contract, gov, t, ids[i], components[i], "T", "d").unwrap();
    }
    ids
}

fn u(n: u64) -> U256 {
    U256::from(n)
}

#[motsu::test]
fn empty_registry_counts_zero_and_lists_nothing(contract: Contract<IntegraRegistry>, gov: Address) {
    deploy(&contract, gov);
    let c = contract.sender(gov);
    assert_eq!(c.get_component_count(), U256::ZERO);
    for t in 0..4 {
        assert_eq!(c.get_component_count_by_type(t).unwrap(), U256::ZERO);
        assert!(c.get_component_ids_by_type(t).unwrap().is_empty());
    }
    assert_eq!(c.get_provider_count(), U256::ZERO);
    assert_eq!(c.get_verifier_count(), U256::ZERO);
    assert_eq!(c.get_resolver_count(), U256::ZERO);
    assert!(c.get_all_provider_ids().is_empty());
    assert!(c
        .get_component_ids_paginated(U256::ZERO, U256::MAX)
        .is_empty());
    drop(c);
    let zero = IndexOutOfBounds {
        index: U256::ZERO,
        length: U256::ZERO,
    };
    assert_error(
        contract.sender(gov).get_provider_id_at(U256::ZERO),
        zero.clone(),
    );
    assert_error(
        contract.sender(gov).get_verifier_id_at(U256::ZERO),
        zero.clone(),
    );
    assert_error(contract.sender(gov).get_resolver_id_at(U256::ZERO), zero);
}

#[motsu::test]
fn counts_track_the_total_and_each_type(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    c4: Contract<IntegraRegistry>,
    c5: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [&c0, &c1, &c2, &c3, &c4, &c5].map(Contract::address);
    populate(&contract, gov, components);
    let c = contract.sender(gov);
    assert_eq!(c.get_component_count(), u(6));
    let by_type: Vec<U256> = (0..4)
        .map(|t| c.get_component_count_by_type(t).unwrap())
        .collect();
    assert_eq!(by_type, [u(3), u(1), u(1), u(1)]);
    assert_eq!(c.get_provider_count(), u(3));
    assert_eq!(c.get_verifier_count(), u(1));
    assert_eq!(c.get_resolver_count(), u(1));
}

#[motsu::test]
fn invalid_registry_type_is_refused_by_every_by_type_view(
    contract: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    for t in [4u8, 255] {
        let invalid = InvalidRegistryType { registryType: t };
        assert_error(
            contract.sender(gov).get_component_count_by_type(t),
            invalid.clone(),
        );
        assert_error(
            contract.sender(gov).get_component_ids_by_type(t),
            invalid.clone(),
        );
        assert_error(
            contract
                .sender(gov)
                .get_component_ids_by_type_paginated(t, U256::ZERO, U256::MAX),
            invalid,
        );
    }
}

#[motsu::test]
fn ids_are_listed_in_registration_order_generic_and_per_type(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    c4: Contract<IntegraRegistry>,
    c5: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [&c0, &c1, &c2, &c3, &c4, &c5].map(Contract::address);
    let [p0, p1, v0, r0, k0, p2] = populate(&contract, gov, components);
    let c = contract.sender(gov);
    assert_eq!(
        c.get_component_ids_paginated(U256::ZERO, U256::MAX),
        [p0, p1, v0, r0, k0, p2]
    );
    assert_eq!(c.get_all_provider_ids(), [p0, p1, p2]);
    assert_eq!(c.get_all_verifier_ids(), [v0]);
    assert_eq!(c.get_all_resolver_ids(), [r0]);
    assert_eq!(c.get_component_ids_by_type(0).unwrap(), [p0, p1, p2]);
    assert_eq!(c.get_component_ids_by_type(1).unwrap(), [v0]);
    assert_eq!(c.get_component_ids_by_type(2).unwrap(), [r0]);
    assert_eq!(c.get_component_ids_by_type(3).unwrap(), [k0]);
    drop(c);
    for (i, pid) in [p0, p1, p2].into_iter().enumerate() {
        assert_eq!(
            contract
                .sender(gov)
                .get_provider_id_at(U256::from(i))
                .unwrap(),
            pid
        );
    }
    assert_eq!(
        contract.sender(gov).get_verifier_id_at(U256::ZERO).unwrap(),
        v0
    );
    assert_eq!(
        contract.sender(gov).get_resolver_id_at(U256::ZERO).unwrap(),
        r0
    );
}

#[motsu::test]
fn id_at_past_the_end_is_refused_with_index_and_length(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    c4: Contract<IntegraRegistry>,
    c5: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [&c0, &c1, &c2, &c3, &c4, &c5].map(Contract::address);
    populate(&contract, gov, components);
    let oob = |index: U256, length: u64| IndexOutOfBounds {
        index,
        length: u(length),
    };
    for index in [u(3), u(4), U256::MAX, U256::from(u64::MAX) + u(1)] {
        assert_error(
            contract.sender(gov).get_provider_id_at(index),
            oob(index, 3),
        );
    }
    for index in [u(1), u(2), U256::MAX] {
        assert_error(
            contract.sender(gov).get_verifier_id_at(index),
            oob(index, 1),
        );
        assert_error(
            contract.sender(gov).get_resolver_id_at(index),
            oob(index, 1),
        );
    }
}

#[motsu::test]
fn deactivation_does_not_remove_ids_from_enumeration(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    c4: Contract<IntegraRegistry>,
    c5: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [&c0, &c1, &c2, &c3, &c4, &c5].map(Contract::address);
    let ids = populate(&contract, gov, components);
    for cid in ids {
        contract
            .sender(gov)
            .deactivate_component(cid, "gone")
            .unwrap();
    }
    let c = contract.sender(gov);
    assert_eq!(c.get_component_count(), u(6));
    assert_eq!(c.get_provider_count(), u(3));
    assert_eq!(c.get_component_ids_paginated(U256::ZERO, U256::MAX), ids);
    assert_eq!(c.get_all_provider_ids(), [ids[0], ids[1], ids[5]]);
}

#[motsu::test]
fn generic_pagination_returns_the_clipped_window(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    c4: Contract<IntegraRegistry>,
    c5: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [&c0, &c1, &c2, &c3, &c4, &c5].map(Contract::address);
    let ids = populate(&contract, gov, components);
    let c = contract.sender(gov);
    let page = |o: U256, l: U256| c.get_component_ids_paginated(o, l);
    assert_eq!(page(u(0), u(2)), ids[0..2]);
    assert_eq!(page(u(2), u(3)), ids[2..5]);
    assert_eq!(page(u(4), u(10)), ids[4..6]);
    assert_eq!(page(u(5), u(1)), ids[5..6]);
    assert_eq!(page(u(0), u(6)), ids);
    assert_eq!(page(u(0), u(7)), ids);
    // Huge limits are clipped, without overflow.
    assert_eq!(page(u(1), U256::MAX), ids[1..]);
    assert_eq!(page(u(3), U256::from(u64::MAX)), ids[3..]);
    // Empty: offset at or past the end, or limit 0.
    assert!(page(u(6), u(1)).is_empty());
    assert!(page(u(7), u(1)).is_empty());
    assert!(page(U256::MAX, U256::MAX).is_empty());
    assert!(page(U256::MAX, u(1)).is_empty());
    assert!(page(u(0), U256::ZERO).is_empty());
    assert!(page(u(3), U256::ZERO).is_empty());
}

#[motsu::test]
fn typed_pagination_lists_one_type_only(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    c4: Contract<IntegraRegistry>,
    c5: Contract<IntegraRegistry>,
    gov: Address,
) {
    let components = [&c0, &c1, &c2, &c3, &c4, &c5].map(Contract::address);
    let [p0, p1, v0, r0, k0, p2] = populate(&contract, gov, components);
    let c = contract.sender(gov);
    let providers = [p0, p1, p2];
    assert_eq!(c.get_provider_ids_paginated(u(0), u(2)), providers[..2]);
    assert_eq!(c.get_provider_ids_paginated(u(1), u(2)), providers[1..]);
    assert_eq!(c.get_provider_ids_paginated(u(2), U256::MAX), [p2]);
    assert!(c.get_provider_ids_paginated(u(3), u(1)).is_empty());
    assert!(c.get_provider_ids_paginated(u(0), U256::ZERO).is_empty());
    assert!(c
        .get_provider_ids_paginated(U256::MAX, U256::MAX)
        .is_empty());
    assert_eq!(c.get_verifier_ids_paginated(u(0), U256::MAX), [v0]);
    assert!(c.get_verifier_ids_paginated(u(1), u(1)).is_empty());
    assert!(c.get_verifier_ids_paginated(u(0), U256::ZERO).is_empty());
    assert_eq!(c.get_resolver_ids_paginated(u(0), u(1)), [r0]);
    assert!(c.get_resolver_ids_paginated(u(1), U256::MAX).is_empty());
    assert!(c.get_resolver_ids_paginated(U256::MAX, u(1)).is_empty());
    let by_type = |t: u8, o: U256, l: U256| c.get_component_ids_by_type_paginated(t, o, l).unwrap();
    assert_eq!(by_type(0, u(1), u(1)), [p1]);
    assert_eq!(by_type(0, u(0), U256::MAX), providers);
    assert!(by_type(0, u(3), u(1)).is_empty());
    assert!(by_type(0, u(0), U256::ZERO).is_empty());
    assert!(by_type(1, U256::MAX, U256::MAX).is_empty());
    assert_eq!(by_type(3, u(0), u(5)), [k0]);
    assert!(by_type(3, u(1), u(5)).is_empty());
}
