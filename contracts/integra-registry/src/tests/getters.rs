//! R2 (checked get, `isComponentApproved`) and R3 (info views).
use super::*;

/// Registers one component of each type: ids `id("Provider")`, …, addresses `components`.
fn register_one_of_each(
    contract: &Contract<IntegraRegistry>,
    gov: Address,
    components: [Address; 4],
) -> [B256; 4] {
    TYPES.map(|t| {
        let cid = id(&format!("{t:?}"));
        let component = components[t as usize];
        register_typed(
            contract,
            gov,
            t,
            cid,
            component,
            &format!("{t:?}-type"),
            "desc",
        )
        .unwrap();
        cid
    })
}

fn empty_info() -> ComponentInfo {
    ComponentInfo {
        componentAddress: Address::ZERO,
        registryType: 0,
        active: false,
        registeredAt: U256::ZERO,
        description: String::new(),
        componentType: String::new(),
        codeHash: B256::ZERO,
    }
}

#[motsu::test]
fn checked_get_returns_the_address_of_an_active_entry_on_every_facade(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
    alice: Address,
) {
    deploy(&contract, gov);
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let ids = register_one_of_each(&contract, gov, components);
    for t in TYPES {
        let (cid, component) = (ids[t as usize], components[t as usize]);
        assert_eq!(get_typed(&contract, t, cid), component);
        // Views are open to anyone.
        assert_eq!(contract.sender(alice).get_component(cid), component);
        assert!(contract.sender(alice).is_component_approved(component));
    }
}

#[motsu::test]
fn checked_get_returns_zero_for_an_unknown_id(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    contract
        .sender(gov)
        .register_provider(id("known"), c0.address(), "T", "d")
        .unwrap();
    for unknown in [id("unknown"), B256::ZERO, B256::repeat_byte(0xff)] {
        assert_eq!(contract.sender(gov).get_component(unknown), Address::ZERO);
        for t in TYPES {
            assert_eq!(get_typed(&contract, t, unknown), Address::ZERO);
        }
    }
}

#[motsu::test]
fn typed_getter_returns_zero_for_id_of_another_type(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let ids = register_one_of_each(&contract, gov, components);
    for getter in TYPES {
        for owner in TYPES {
            let expected = if getter == owner {
                components[owner as usize]
            } else {
                Address::ZERO
            };
            assert_eq!(
                get_typed(&contract, getter, ids[owner as usize]),
                expected,
                "{getter:?} getter on a {owner:?} id"
            );
        }
    }
}

#[motsu::test]
fn checked_get_returns_zero_while_deactivated_and_the_address_again_after_reactivation(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let ids = register_one_of_each(&contract, gov, components);
    for t in TYPES {
        let (cid, component) = (ids[t as usize], components[t as usize]);
        contract
            .sender(gov)
            .deactivate_component(cid, "paused")
            .unwrap();
        assert_eq!(contract.sender(gov).get_component(cid), Address::ZERO);
        assert_eq!(get_typed(&contract, t, cid), Address::ZERO);
        assert!(!contract.sender(gov).is_component_approved(component));
        contract.sender(gov).reactivate_component(cid).unwrap();
        assert_eq!(contract.sender(gov).get_component(cid), component);
        assert_eq!(get_typed(&contract, t, cid), component);
        assert!(contract.sender(gov).is_component_approved(component));
    }
}

#[motsu::test]
fn unregistered_addresses_are_not_approved(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
    alice: Address,
) {
    deploy(&contract, gov);
    contract
        .sender(gov)
        .register_provider(id("P"), c0.address(), "T", "d")
        .unwrap();
    let c = contract.sender(gov);
    assert!(c.is_component_approved(c0.address()));
    assert!(!c.is_component_approved(c1.address()));
    assert!(!c.is_component_approved(alice));
    assert!(!c.is_component_approved(Address::ZERO));
    assert!(!c.is_component_approved(contract.address()));
}

#[motsu::test]
fn component_info_reports_the_stored_entry_of_each_type(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let ids = register_one_of_each(&contract, gov, components);
    for t in TYPES {
        assert_eq!(
            contract.sender(gov).get_component_info(ids[t as usize]),
            ComponentInfo {
                componentAddress: components[t as usize],
                registryType: t as u8,
                active: true,
                registeredAt: now(),
                description: s("desc"),
                componentType: format!("{t:?}-type"),
                codeHash: CODE_HASH,
            }
        );
    }
}

#[motsu::test]
fn typed_info_reports_the_stored_entry(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, v, r, _] = register_one_of_each(&contract, gov, components);
    let c = contract.sender(gov);
    assert_eq!(
        c.get_provider_info(p),
        ProviderInfo {
            providerAddress: c0.address(),
            codeHash: CODE_HASH,
            active: true,
            registeredAt: now(),
            description: s("desc"),
            providerType: s("Provider-type"),
        }
    );
    assert_eq!(
        c.get_verifier_info(v),
        VerifierInfo {
            verifierAddress: c1.address(),
            codeHash: CODE_HASH,
            active: true,
            registeredAt: now(),
            description: s("desc"),
            verifierType: s("Verifier-type"),
        }
    );
    assert_eq!(
        c.get_resolver_info(r),
        ResolverInfo {
            resolverAddress: c2.address(),
            codeHash: CODE_HASH,
            active: true,
            registeredAt: now(),
            description: s("desc"),
            resolverType: s("Resolver-type"),
        }
    );
}

#[motsu::test]
fn info_of_a_deactivated_entry_is_kept_with_active_false(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    contract
        .sender(gov)
        .register_provider(id("P"), c0.address(), "EAS", "d")
        .unwrap();
    contract
        .sender(gov)
        .deactivate_provider(id("P"), "r")
        .unwrap();
    let info = contract.sender(gov).get_provider_info(id("P"));
    assert_eq!(
        info,
        ProviderInfo {
            providerAddress: c0.address(),
            codeHash: CODE_HASH,
            active: false,
            registeredAt: now(),
            description: s("d"),
            providerType: s("EAS"),
        }
    );
    assert!(!contract.sender(gov).get_component_info(id("P")).active);
}

#[motsu::test]
fn info_is_all_zero_for_an_unknown_id(contract: Contract<IntegraRegistry>, gov: Address) {
    deploy(&contract, gov);
    let c = contract.sender(gov);
    for unknown in [id("unknown"), B256::ZERO] {
        assert_eq!(c.get_component_info(unknown), empty_info());
        assert_eq!(
            c.get_provider_info(unknown),
            ProviderInfo {
                providerAddress: Address::ZERO,
                codeHash: B256::ZERO,
                active: false,
                registeredAt: U256::ZERO,
                description: String::new(),
                providerType: String::new(),
            }
        );
        assert_eq!(
            c.get_verifier_info(unknown),
            VerifierInfo {
                verifierAddress: Address::ZERO,
                codeHash: B256::ZERO,
                active: false,
                registeredAt: U256::ZERO,
                description: String::new(),
                verifierType: String::new(),
            }
        );
        assert_eq!(
            c.get_resolver_info(unknown),
            ResolverInfo {
                resolverAddress: Address::ZERO,
                codeHash: B256::ZERO,
                active: false,
                registeredAt: U256::ZERO,
                description: String::new(),
                resolverType: String::new(),
            }
        );
    }
}

#[motsu::test]
fn typed_info_is_all_zero_for_an_id_of_another_type(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    let [p, v, r, k] = register_one_of_each(&contract, gov, components);
    let c = contract.sender(gov);
    for other in [v, r, k] {
        assert_eq!(c.get_provider_info(other).providerAddress, Address::ZERO);
        assert_eq!(
            c.get_provider_info(other).registeredAt,
            U256::ZERO,
            "all fields are zero"
        );
        assert_eq!(c.get_provider_info(other).providerType, "");
    }
    for other in [p, r, k] {
        let info = c.get_verifier_info(other);
        assert_eq!(
            (info.verifierAddress, info.codeHash, info.active),
            (Address::ZERO, B256::ZERO, false)
        );
        assert_eq!((info.description, info.verifierType), (s(""), s("")));
    }
    for other in [p, v, k] {
        let info = c.get_resolver_info(other);
        assert_eq!(
            (info.resolverAddress, info.codeHash, info.active),
            (Address::ZERO, B256::ZERO, false)
        );
        assert_eq!((info.description, info.resolverType), (s(""), s("")));
    }
    // The generic view sees every type.
    for (t, cid) in TYPES.into_iter().zip([p, v, r, k]) {
        assert_eq!(c.get_component_info(cid).registryType, t as u8);
    }
}
