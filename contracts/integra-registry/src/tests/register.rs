//! R1: registration through the generic API and each typed facade, and every revert in order.
use super::*;

/// Asserts the typed `…Registered` event of `t` with exact fields.
#[track_caller]
fn assert_typed_registered(
    contract: &Contract<IntegraRegistry>,
    t: RegistryType,
    component_id: B256,
    component: Address,
    component_type: &str,
    description: &str,
) {
    let (code_hash, timestamp) = (CODE_HASH, now());
    let (ty, description) = (s(component_type), s(description));
    match t {
        RegistryType::Provider => contract.assert_emitted(&ProviderRegistered {
            providerId: component_id,
            provider: component,
            codeHash: code_hash,
            providerType: ty,
            description,
            timestamp,
        }),
        RegistryType::Verifier => contract.assert_emitted(&VerifierRegistered {
            verifierId: component_id,
            verifier: component,
            codeHash: code_hash,
            verifierType: ty,
            description,
            timestamp,
        }),
        RegistryType::Resolver => contract.assert_emitted(&ResolverRegistered {
            resolverId: component_id,
            resolver: component,
            codeHash: code_hash,
            resolverType: ty,
            description,
            timestamp,
        }),
        RegistryType::Tokenizer => contract.assert_emitted(&TokenizerRegistered {
            tokenizerId: component_id,
            tokenizer: component,
            codeHash: code_hash,
            tokenizerType: ty,
            description,
            timestamp,
        }),
    }
}

#[track_caller]
fn assert_generic_registered(
    contract: &Contract<IntegraRegistry>,
    t: RegistryType,
    component_id: B256,
    component: Address,
    component_type: &str,
    description: &str,
) {
    contract.assert_emitted(&ComponentRegistered {
        componentId: component_id,
        component,
        registryType: t as u8,
        codeHash: CODE_HASH,
        componentType: s(component_type),
        description: s(description),
        timestamp: now(),
    });
}

/// The facade-specific `…AlreadyRegistered` revert data.
fn already_registered(t: RegistryType, component_id: B256, existing: Address) -> Vec<u8> {
    match t {
        RegistryType::Provider => ProviderAlreadyRegistered {
            providerId: component_id,
            existing,
        }
        .abi_encode(),
        RegistryType::Verifier => VerifierAlreadyRegistered {
            verifierId: component_id,
            existing,
        }
        .abi_encode(),
        RegistryType::Resolver => ResolverAlreadyRegistered {
            resolverId: component_id,
            existing,
        }
        .abi_encode(),
        RegistryType::Tokenizer => TokenizerAlreadyRegistered {
            tokenizerId: component_id,
            existing,
        }
        .abi_encode(),
    }
}

/// The facade-specific `Empty…Type` revert data.
fn empty_type(t: RegistryType) -> Vec<u8> {
    match t {
        RegistryType::Provider => EmptyProviderType {}.abi_encode(),
        RegistryType::Verifier => EmptyVerifierType {}.abi_encode(),
        RegistryType::Resolver => EmptyResolverType {}.abi_encode(),
        RegistryType::Tokenizer => EmptyTokenizerType {}.abi_encode(),
    }
}

fn err_bytes(result: Result<(), Error>) -> Vec<u8> {
    Vec::from(result.expect_err("call should fail"))
}

#[motsu::test]
fn generic_registration_of_each_type_stores_entry_and_emits_generic_and_typed_events(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let components = [c0.address(), c1.address(), c2.address(), c3.address()];
    for (t, component) in TYPES.into_iter().zip(components) {
        let before = log_count(&contract);
        let cid = id(&format!("generic-{t:?}"));
        contract
            .sender(gov)
            .register_component(cid, component, t as u8, "TYPE", "a component")
            .unwrap();
        assert_eq!(log_count(&contract), before + 2, "two events for {t:?}");
        assert_generic_registered(&contract, t, cid, component, "TYPE", "a component");
        assert_typed_registered(&contract, t, cid, component, "TYPE", "a component");
        assert_eq!(contract.sender(gov).get_component(cid), component);
        assert_eq!(get_typed(&contract, t, cid), component);
    }
}

#[motsu::test]
fn provider_facade_registers_and_emits_both_events(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let pid = id("EAS_V1");
    contract
        .sender(gov)
        .register_provider(pid, c1.address(), "EAS", "EAS on Arbitrum")
        .unwrap();
    assert_generic_registered(
        &contract,
        RegistryType::Provider,
        pid,
        c1.address(),
        "EAS",
        "EAS on Arbitrum",
    );
    contract.assert_emitted(&ProviderRegistered {
        providerId: pid,
        provider: c1.address(),
        codeHash: CODE_HASH,
        providerType: s("EAS"),
        description: s("EAS on Arbitrum"),
        timestamp: now(),
    });
    assert_eq!(contract.sender(gov).get_provider(pid), c1.address());
    assert_eq!(
        contract.sender(gov).get_component_count_by_type(0).unwrap(),
        U256::from(1)
    );
}

#[motsu::test]
fn verifier_facade_registers_and_emits_both_events(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let vid = id("BasicAccessV1Poseidon");
    contract
        .sender(gov)
        .register_verifier(vid, c1.address(), "Groth16", "BN254 verifier")
        .unwrap();
    assert_generic_registered(
        &contract,
        RegistryType::Verifier,
        vid,
        c1.address(),
        "Groth16",
        "BN254 verifier",
    );
    contract.assert_emitted(&VerifierRegistered {
        verifierId: vid,
        verifier: c1.address(),
        codeHash: CODE_HASH,
        verifierType: s("Groth16"),
        description: s("BN254 verifier"),
        timestamp: now(),
    });
    assert_eq!(contract.sender(gov).get_verifier(vid), c1.address());
}

#[motsu::test]
fn resolver_facade_registers_and_emits_both_events(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let rid = id("SimpleContactResolver");
    contract
        .sender(gov)
        .register_resolver(rid, c1.address(), "Communication", "contact URL")
        .unwrap();
    assert_generic_registered(
        &contract,
        RegistryType::Resolver,
        rid,
        c1.address(),
        "Communication",
        "contact URL",
    );
    contract.assert_emitted(&ResolverRegistered {
        resolverId: rid,
        resolver: c1.address(),
        codeHash: CODE_HASH,
        resolverType: s("Communication"),
        description: s("contact URL"),
        timestamp: now(),
    });
    assert_eq!(contract.sender(gov).get_resolver(rid), c1.address());
}

#[motsu::test]
fn tokenizer_facade_registers_and_emits_both_events(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let kid = id("OwnershipTokenizer");
    contract
        .sender(gov)
        .register_tokenizer(kid, c1.address(), "ERC721", "ownership")
        .unwrap();
    assert_generic_registered(
        &contract,
        RegistryType::Tokenizer,
        kid,
        c1.address(),
        "ERC721",
        "ownership",
    );
    contract.assert_emitted(&TokenizerRegistered {
        tokenizerId: kid,
        tokenizer: c1.address(),
        codeHash: CODE_HASH,
        tokenizerType: s("ERC721"),
        description: s("ownership"),
        timestamp: now(),
    });
    assert_eq!(
        contract.sender(gov).get_tokenizer_component(kid),
        c1.address()
    );
}

#[motsu::test]
fn registration_by_non_governor_is_refused_on_every_facade(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
    alice: Address,
) {
    deploy(&contract, gov);
    assert_error(
        contract
            .sender(alice)
            .register_component(id("X"), c1.address(), 0, "T", "d"),
        not_governor(alice),
    );
    for t in TYPES {
        assert_error(
            register_typed(&contract, alice, t, id("X"), c1.address(), "T", "d"),
            not_governor(alice),
        );
    }
    // The check comes first: even garbage arguments report the missing role.
    assert_error(
        contract
            .sender(alice)
            .register_component(B256::ZERO, Address::ZERO, 4, "", ""),
        not_governor(alice),
    );
    assert_eq!(contract.sender(gov).get_component_count(), U256::ZERO);
}

#[motsu::test]
fn registration_before_the_constructor_is_refused(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    assert_error(
        contract
            .sender(gov)
            .register_provider(id("P"), c1.address(), "EAS", "d"),
        not_governor(gov),
    );
}

#[motsu::test]
fn generic_registration_rejects_registry_type_past_tokenizer(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    for t in [4u8, 5, 255] {
        assert_error(
            contract
                .sender(gov)
                .register_component(id("X"), c1.address(), t, "T", "d"),
            InvalidRegistryType { registryType: t },
        );
    }
    // Checked before the address: a zero address with type 4 reports the type.
    assert_error(
        contract
            .sender(gov)
            .register_component(id("X"), Address::ZERO, 4, "T", "d"),
        InvalidRegistryType { registryType: 4 },
    );
    assert_eq!(contract.sender(gov).get_component_count(), U256::ZERO);
}

#[motsu::test]
fn zero_address_is_refused_before_zero_id(contract: Contract<IntegraRegistry>, gov: Address) {
    deploy(&contract, gov);
    assert_error(
        contract
            .sender(gov)
            .register_component(B256::ZERO, Address::ZERO, 0, "T", "d"),
        ZeroAddress {},
    );
    for t in TYPES {
        assert_error(
            register_typed(&contract, gov, t, B256::ZERO, Address::ZERO, "", ""),
            ZeroAddress {},
        );
    }
}

#[motsu::test]
fn zero_id_is_refused_before_the_code_check(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
    alice: Address,
) {
    deploy(&contract, gov);
    for component in [c1.address(), alice] {
        assert_error(
            contract
                .sender(gov)
                .register_component(B256::ZERO, component, 1, "T", "d"),
            ZeroComponentId {},
        );
        for t in TYPES {
            assert_error(
                register_typed(&contract, gov, t, B256::ZERO, component, "T", "d"),
                ZeroComponentId {},
            );
        }
    }
}

#[motsu::test]
fn taken_id_is_refused_with_the_facade_error_naming_the_existing_address(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    gov: Address,
    alice: Address,
) {
    deploy(&contract, gov);
    let taken = id("taken");
    contract
        .sender(gov)
        .register_provider(taken, c1.address(), "EAS", "d")
        .unwrap();
    assert_error(
        contract
            .sender(gov)
            .register_component(taken, c2.address(), 1, "T", "d"),
        ComponentAlreadyRegistered {
            componentId: taken,
            existing: c1.address(),
        },
    );
    for t in TYPES {
        // Whatever the type of the facade: the id is taken by a provider.
        assert_eq!(
            err_bytes(register_typed(
                &contract,
                gov,
                t,
                taken,
                c2.address(),
                "T",
                "d"
            )),
            already_registered(t, taken, c1.address()),
            "{t:?}"
        );
        // Checked before the code: an EOA reports the taken id, not NotAContract.
        assert_eq!(
            err_bytes(register_typed(&contract, gov, t, taken, alice, "", "")),
            already_registered(t, taken, c1.address()),
            "{t:?}"
        );
    }
    assert_eq!(contract.sender(gov).get_component_count(), U256::from(1));
    assert_eq!(contract.sender(gov).get_provider(taken), c1.address());
}

#[motsu::test]
fn address_without_code_is_refused(
    contract: Contract<IntegraRegistry>,
    gov: Address,
    alice: Address,
) {
    deploy(&contract, gov);
    assert_error(
        contract
            .sender(gov)
            .register_component(id("X"), alice, 2, "T", "d"),
        NotAContract { account: alice },
    );
    for t in TYPES {
        // Checked before the metadata.
        assert_error(
            register_typed(&contract, gov, t, id("X"), alice, "", ""),
            NotAContract { account: alice },
        );
    }
    assert!(!contract.sender(gov).is_component_approved(alice));
}

#[motsu::test]
fn address_registered_under_another_id_is_refused_across_types(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let first = id("first");
    contract
        .sender(gov)
        .register_verifier(first, c1.address(), "Groth16", "d")
        .unwrap();
    let expected = ComponentAddressAlreadyRegistered {
        component: c1.address(),
        existingId: first,
    };
    assert_error(
        contract
            .sender(gov)
            .register_component(id("second"), c1.address(), 1, "T", "d"),
        expected.clone(),
    );
    for t in TYPES {
        assert_error(
            register_typed(&contract, gov, t, id("second"), c1.address(), "T", "d"),
            expected.clone(),
        );
        // Checked before the metadata.
        assert_error(
            register_typed(&contract, gov, t, id("second"), c1.address(), "", ""),
            expected.clone(),
        );
    }
    // Still so after deactivation: an address keeps its one id forever.
    contract.sender(gov).deactivate_verifier(first).unwrap();
    assert_error(
        contract
            .sender(gov)
            .register_component(id("second"), c1.address(), 1, "T", "d"),
        expected,
    );
    assert_eq!(contract.sender(gov).get_component_count(), U256::from(1));
}

#[motsu::test]
fn empty_type_is_refused_with_the_facade_error_before_empty_description(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    assert_error(
        contract
            .sender(gov)
            .register_component(id("X"), c1.address(), 0, "", ""),
        EmptyComponentType {},
    );
    for t in TYPES {
        assert_eq!(
            err_bytes(register_typed(
                &contract,
                gov,
                t,
                id("X"),
                c1.address(),
                "",
                ""
            )),
            empty_type(t),
            "{t:?}"
        );
    }
    // The generic facade names the generic error whatever the type.
    for t in TYPES {
        assert_error(
            contract
                .sender(gov)
                .register_component(id("X"), c1.address(), t as u8, "", "d"),
            EmptyComponentType {},
        );
    }
}

#[motsu::test]
fn type_of_100_bytes_is_accepted_and_101_bytes_refused(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    c3: Contract<IntegraRegistry>,
    c4: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let at_limit = "t".repeat(100);
    let over = "t".repeat(101);
    let too_long = TypeTooLong {
        length: U256::from(101),
        max: U256::from(100),
    };
    // Checked before the description.
    assert_error(
        contract
            .sender(gov)
            .register_component(id("X"), c0.address(), 0, &over, ""),
        too_long.clone(),
    );
    for t in TYPES {
        assert_error(
            register_typed(&contract, gov, t, id("X"), c0.address(), &over, ""),
            too_long.clone(),
        );
    }
    contract
        .sender(gov)
        .register_component(id("g"), c0.address(), 0, &at_limit, "d")
        .unwrap();
    let more = [c1.address(), c2.address(), c3.address(), c4.address()];
    for (t, component) in TYPES.into_iter().zip(more) {
        let cid = id(&format!("{t:?}"));
        register_typed(&contract, gov, t, cid, component, &at_limit, "d").unwrap();
        assert_typed_registered(&contract, t, cid, component, &at_limit, "d");
    }
    assert_eq!(
        contract
            .sender(gov)
            .get_component_info(id("g"))
            .componentType,
        at_limit
    );
}

#[motsu::test]
fn type_length_is_counted_in_utf8_bytes_not_characters(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    // 51 characters, 101 bytes.
    let over = format!("{}a", "é".repeat(50));
    assert_eq!((over.chars().count(), over.len()), (51, 101));
    assert_error(
        contract
            .sender(gov)
            .register_provider(id("P"), c1.address(), &over, "d"),
        TypeTooLong {
            length: U256::from(101),
            max: U256::from(100),
        },
    );
    // 34 characters, 102 bytes.
    assert_error(
        contract
            .sender(gov)
            .register_provider(id("P"), c1.address(), &"€".repeat(34), "d"),
        TypeTooLong {
            length: U256::from(102),
            max: U256::from(100),
        },
    );
    // 50 characters, exactly 100 bytes.
    let at_limit = "é".repeat(50);
    contract
        .sender(gov)
        .register_provider(id("P"), c1.address(), &at_limit, "d")
        .unwrap();
    assert_eq!(
        contract.sender(gov).get_provider_info(id("P")).providerType,
        at_limit
    );
}

#[motsu::test]
fn empty_description_is_refused_on_every_facade(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    assert_error(
        contract
            .sender(gov)
            .register_component(id("X"), c1.address(), 3, "T", ""),
        EmptyDescription {},
    );
    for t in TYPES {
        assert_error(
            register_typed(&contract, gov, t, id("X"), c1.address(), "T", ""),
            EmptyDescription {},
        );
    }
}

#[motsu::test]
fn refused_registrations_leave_no_state_and_no_events(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
    alice: Address,
) {
    deploy(&contract, gov);
    let before = log_count(&contract);
    let attempts: [(B256, Address, u8, &str, &str); 6] = [
        (id("X"), c1.address(), 4, "T", "d"),
        (id("X"), Address::ZERO, 0, "T", "d"),
        (B256::ZERO, c1.address(), 0, "T", "d"),
        (id("X"), alice, 0, "T", "d"),
        (id("X"), c1.address(), 0, "", "d"),
        (id("X"), c1.address(), 0, "T", ""),
    ];
    for (cid, component, t, ty, desc) in attempts {
        assert!(contract
            .sender(gov)
            .register_component(cid, component, t, ty, desc)
            .is_err());
    }
    assert_eq!(log_count(&contract), before);
    assert_eq!(contract.sender(gov).get_component_count(), U256::ZERO);
    assert!(!contract.sender(gov).is_component_approved(c1.address()));
    // The address and id are still free.
    contract
        .sender(gov)
        .register_component(id("X"), c1.address(), 0, "T", "d")
        .unwrap();
}

#[motsu::test]
fn registry_may_register_its_own_address(contract: Contract<IntegraRegistry>, gov: Address) {
    // Any address with code is accepted; the registry itself has code.
    deploy(&contract, gov);
    contract
        .sender(gov)
        .register_resolver(id("self"), contract.address(), "T", "d")
        .unwrap();
    assert_eq!(
        contract.sender(gov).get_resolver(id("self")),
        contract.address()
    );
}
