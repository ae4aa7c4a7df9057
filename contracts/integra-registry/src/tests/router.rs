//! The hand-written ABI router: calldata built and return data decoded with alloy, exact revert
//! bytes, malformed calldata, unknown selectors, value, and the `Router` trait's entry points.
use alloy_sol_types::SolCall;
use stylus_sdk::{abi::Router, alloy_primitives::aliases::B32};

use super::*;

/// Routes `calldata` (selector included) as `sender`.
fn call(
    contract: &Contract<IntegraRegistry>,
    sender: Address,
    calldata: &[u8],
) -> Option<ArbResult> {
    let selector: [u8; 4] = calldata[..4].try_into().unwrap();
    dispatch(&mut contract.sender(sender), selector, Args(&calldata[4..]))
}

/// Routes an alloy call and decodes its return with alloy.
fn view<C: SolCall>(contract: &Contract<IntegraRegistry>, c: &C) -> C::Return {
    let out = call(contract, Address::ZERO, &c.abi_encode())
        .expect("routed")
        .expect("succeeds");
    C::abi_decode_returns(&out, true).expect("alloy decodes the return")
}

/// Routes an alloy write call, expecting empty success data.
#[track_caller]
fn write<C: SolCall>(contract: &Contract<IntegraRegistry>, sender: Address, c: &C) {
    assert_eq!(
        call(contract, sender, &c.abi_encode()),
        Some(Ok(Vec::new()))
    );
}

fn register_provider_call(pid: B256, provider: Address) -> registerProviderCall {
    registerProviderCall {
        providerId: pid,
        provider,
        providerType: s("EAS"),
        description: s("EAS provider"),
    }
}

#[motsu::test]
fn routed_provider_registration_changes_state_and_emits_both_events(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let pid = id("EAS_V1");
    write(&contract, gov, &register_provider_call(pid, c1.address()));
    assert_eq!(contract.sender(gov).get_provider(pid), c1.address());
    contract.assert_emitted(&ComponentRegistered {
        componentId: pid,
        component: c1.address(),
        registryType: 0,
        codeHash: CODE_HASH,
        componentType: s("EAS"),
        description: s("EAS provider"),
        timestamp: now(),
    });
    contract.assert_emitted(&ProviderRegistered {
        providerId: pid,
        provider: c1.address(),
        codeHash: CODE_HASH,
        providerType: s("EAS"),
        description: s("EAS provider"),
        timestamp: now(),
    });
}

#[motsu::test]
fn routed_generic_api_round_trips_through_alloy(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let cid = id("K");
    write(
        &contract,
        gov,
        &registerComponentCall {
            id: cid,
            component: c1.address(),
            t: 3,
            componentType: s("ERC1155"),
            description: s("semi-fungible"),
        },
    );
    let info = view(&contract, &getComponentInfoCall { id: cid })._0;
    assert_eq!(
        info,
        ComponentInfo {
            componentAddress: c1.address(),
            registryType: 3,
            active: true,
            registeredAt: now(),
            description: s("semi-fungible"),
            componentType: s("ERC1155"),
            codeHash: CODE_HASH,
        }
    );
    assert_eq!(
        view(&contract, &getComponentCall { id: cid })._0,
        c1.address()
    );
    assert!(
        view(
            &contract,
            &isComponentApprovedCall {
                component: c1.address()
            }
        )
        ._0
    );
    assert_eq!(view(&contract, &getComponentCountCall {})._0, U256::from(1));
    assert_eq!(
        view(&contract, &getComponentCountByTypeCall { t: 3 })._0,
        U256::from(1)
    );
    assert_eq!(
        view(&contract, &getComponentIdsByTypeCall { t: 3 })._0,
        [cid]
    );
    assert_eq!(
        view(
            &contract,
            &getComponentIdsPaginatedCall {
                offset: U256::ZERO,
                limit: U256::MAX
            }
        )
        ._0,
        [cid]
    );
    assert_eq!(
        view(
            &contract,
            &getComponentIdsByTypePaginatedCall {
                t: 3,
                offset: U256::from(1),
                limit: U256::MAX
            }
        )
        ._0,
        Vec::<B256>::new()
    );
    assert_eq!(
        view(&contract, &getTokenizerComponentCall { tokenizerId: cid })._0,
        c1.address()
    );

    write(
        &contract,
        gov,
        &updateComponentMetadataCall {
            id: cid,
            newDescription: s("d2"),
            newComponentType: s("T2"),
        },
    );
    write(
        &contract,
        gov,
        &deactivateComponentCall {
            id: cid,
            reason: s("why"),
        },
    );
    let info = view(&contract, &getComponentInfoCall { id: cid })._0;
    assert_eq!(
        (info.active, info.description, info.componentType),
        (false, s("d2"), s("T2"))
    );
    contract.assert_emitted(&ComponentDeactivated {
        componentId: cid,
        component: c1.address(),
        reason: s("why"),
        timestamp: now(),
    });
    write(&contract, gov, &reactivateComponentCall { id: cid });
    assert!(
        view(
            &contract,
            &isComponentApprovedCall {
                component: c1.address()
            }
        )
        ._0
    );
}

#[motsu::test]
fn routed_typed_facades_round_trip_through_alloy(
    contract: Contract<IntegraRegistry>,
    c0: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    c2: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let (p, v, r) = (id("P"), id("V"), id("R"));
    write(&contract, gov, &register_provider_call(p, c0.address()));
    write(
        &contract,
        gov,
        &registerVerifierCall {
            verifierId: v,
            verifier: c1.address(),
            verifierType: s("Groth16"),
            description: s("zk"),
        },
    );
    write(
        &contract,
        gov,
        &registerResolverCall {
            resolverId: r,
            resolver: c2.address(),
            resolverType: s("Communication"),
            description: s("contact"),
        },
    );
    assert_eq!(
        view(&contract, &getProviderInfoCall { providerId: p })._0,
        ProviderInfo {
            providerAddress: c0.address(),
            codeHash: CODE_HASH,
            active: true,
            registeredAt: now(),
            description: s("EAS provider"),
            providerType: s("EAS"),
        }
    );
    assert_eq!(
        view(&contract, &getVerifierInfoCall { verifierId: v })._0,
        VerifierInfo {
            verifierAddress: c1.address(),
            codeHash: CODE_HASH,
            active: true,
            registeredAt: now(),
            description: s("zk"),
            verifierType: s("Groth16"),
        }
    );
    assert_eq!(
        view(&contract, &getResolverInfoCall { resolverId: r })._0,
        ResolverInfo {
            resolverAddress: c2.address(),
            codeHash: CODE_HASH,
            active: true,
            registeredAt: now(),
            description: s("contact"),
            resolverType: s("Communication"),
        }
    );
    // A typed info view of another type's id decodes as all zero.
    let foreign = view(&contract, &getProviderInfoCall { providerId: v })._0;
    assert_eq!(
        (foreign.providerAddress, foreign.active),
        (Address::ZERO, false)
    );
    assert_eq!(
        view(&contract, &getProviderCall { providerId: p })._0,
        c0.address()
    );
    assert_eq!(
        view(&contract, &getProviderCall { providerId: v })._0,
        Address::ZERO
    );
    assert_eq!(
        view(&contract, &getVerifierCall { verifierId: v })._0,
        c1.address()
    );
    assert_eq!(
        view(&contract, &getResolverCall { resolverId: r })._0,
        c2.address()
    );
    assert_eq!(view(&contract, &getAllProviderIdsCall {})._0, [p]);
    assert_eq!(view(&contract, &getAllVerifierIdsCall {})._0, [v]);
    assert_eq!(view(&contract, &getAllResolverIdsCall {})._0, [r]);
    assert_eq!(view(&contract, &getProviderCountCall {})._0, U256::from(1));
    assert_eq!(view(&contract, &getVerifierCountCall {})._0, U256::from(1));
    assert_eq!(view(&contract, &getResolverCountCall {})._0, U256::from(1));
    assert_eq!(
        view(&contract, &getProviderIdAtCall { index: U256::ZERO })._0,
        p
    );
    assert_eq!(
        view(&contract, &getVerifierIdAtCall { index: U256::ZERO })._0,
        v
    );
    assert_eq!(
        view(&contract, &getResolverIdAtCall { index: U256::ZERO })._0,
        r
    );
    let page = |offset: u64| getProviderIdsPaginatedCall {
        offset: U256::from(offset),
        limit: U256::MAX,
    };
    assert_eq!(view(&contract, &page(0))._0, [p]);
    assert!(view(&contract, &page(1))._0.is_empty());
    assert_eq!(
        view(
            &contract,
            &getVerifierIdsPaginatedCall {
                offset: U256::ZERO,
                limit: U256::from(1)
            }
        )
        ._0,
        [v]
    );
    assert!(view(
        &contract,
        &getResolverIdsPaginatedCall {
            offset: U256::ZERO,
            limit: U256::ZERO
        }
    )
    ._0
    .is_empty());

    // Typed writes.
    write(
        &contract,
        gov,
        &deactivateProviderCall {
            providerId: p,
            reason: s("retired"),
        },
    );
    contract.assert_emitted(&ProviderDeactivationReason {
        providerId: p,
        reason: s("retired"),
        timestamp: now(),
    });
    write(&contract, gov, &reactivateProviderCall { providerId: p });
    write(&contract, gov, &deactivateVerifierCall { verifierId: v });
    write(&contract, gov, &reactivateVerifierCall { verifierId: v });
    write(&contract, gov, &deactivateResolverCall { resolverId: r });
    write(&contract, gov, &reactivateResolverCall { resolverId: r });
    write(
        &contract,
        gov,
        &updateVerifierMetadataCall {
            verifierId: v,
            newDescription: s("zk2"),
            newVerifierType: s("PLONK"),
        },
    );
    write(
        &contract,
        gov,
        &updateResolverMetadataCall {
            resolverId: r,
            newDescription: s("c2"),
            newResolverType: s("Lifecycle"),
        },
    );
    contract.assert_emitted(&VerifierMetadataUpdated {
        verifierId: v,
        newDescription: s("zk2"),
        newVerifierType: s("PLONK"),
        timestamp: now(),
    });
    contract.assert_emitted(&ResolverMetadataUpdated {
        resolverId: r,
        newDescription: s("c2"),
        newResolverType: s("Lifecycle"),
        timestamp: now(),
    });
    for (cid, a) in [(p, c0.address()), (v, c1.address()), (r, c2.address())] {
        assert_eq!(view(&contract, &getComponentCall { id: cid })._0, a);
    }
}

#[motsu::test]
fn routed_tokenizer_registration_and_lookup(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let k = id("Tok");
    write(
        &contract,
        gov,
        &registerTokenizerCall {
            tokenizerId: k,
            tokenizer: c1.address(),
            tokenizerType: s("ERC20"),
            description: s("shares"),
        },
    );
    contract.assert_emitted(&TokenizerRegistered {
        tokenizerId: k,
        tokenizer: c1.address(),
        codeHash: CODE_HASH,
        tokenizerType: s("ERC20"),
        description: s("shares"),
        timestamp: now(),
    });
    assert_eq!(
        view(&contract, &getTokenizerComponentCall { tokenizerId: k })._0,
        c1.address()
    );
    assert_eq!(
        view(&contract, &getProviderCall { providerId: k })._0,
        Address::ZERO
    );
}

#[motsu::test]
fn routed_access_control_and_constants_round_trip_through_alloy(
    contract: Contract<IntegraRegistry>,
    gov: Address,
    bob: Address,
) {
    deploy(&contract, gov);
    assert_eq!(view(&contract, &VERSIONCall {})._0, "7.0.0");
    assert_eq!(view(&contract, &GOVERNOR_ROLECall {})._0, GOVERNOR_ROLE);
    assert_eq!(view(&contract, &DEFAULT_ADMIN_ROLECall {})._0, B256::ZERO);
    assert!(
        view(
            &contract,
            &hasRoleCall {
                role: GOVERNOR_ROLE,
                account: gov
            }
        )
        ._0
    );
    assert_eq!(
        view(
            &contract,
            &getRoleAdminCall {
                role: GOVERNOR_ROLE
            }
        )
        ._0,
        DEFAULT_ADMIN_ROLE
    );
    write(
        &contract,
        gov,
        &grantRoleCall {
            role: GOVERNOR_ROLE,
            account: bob,
        },
    );
    assert!(contract.sender(gov).has_role(GOVERNOR_ROLE, bob));
    write(
        &contract,
        gov,
        &revokeRoleCall {
            role: GOVERNOR_ROLE,
            account: bob,
        },
    );
    assert!(!contract.sender(gov).has_role(GOVERNOR_ROLE, bob));
    write(
        &contract,
        gov,
        &renounceRoleCall {
            role: GOVERNOR_ROLE,
            callerConfirmation: gov,
        },
    );
    assert!(!contract.sender(gov).has_role(GOVERNOR_ROLE, gov));
    for (interface, expected) in [
        ("0xd351d19d", true),
        ("0x7965db0b", true),
        ("0x01ffc9a7", true),
        ("0xffffffff", false),
        ("0x12345678", false),
    ] {
        let interface_id: B32 = interface.parse().unwrap();
        assert_eq!(
            view(
                &contract,
                &supportsInterfaceCall {
                    interfaceId: interface_id
                }
            )
            ._0,
            expected,
            "{interface}"
        );
    }
}

#[motsu::test]
fn routed_reverts_return_the_exact_error_bytes(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
    alice: Address,
) {
    deploy(&contract, gov);
    let revert = |sender: Address, calldata: Vec<u8>| {
        call(&contract, sender, &calldata)
            .expect("routed")
            .expect_err("reverts")
    };
    assert_eq!(
        revert(
            alice,
            register_provider_call(id("P"), c1.address()).abi_encode()
        ),
        not_governor(alice).abi_encode()
    );
    assert_eq!(
        revert(gov, register_provider_call(id("P"), alice).abi_encode()),
        NotAContract { account: alice }.abi_encode()
    );
    assert_eq!(
        revert(
            gov,
            registerComponentCall {
                id: id("X"),
                component: c1.address(),
                t: 4,
                componentType: s("T"),
                description: s("d"),
            }
            .abi_encode()
        ),
        InvalidRegistryType { registryType: 4 }.abi_encode()
    );
    assert_eq!(
        revert(gov, getComponentCountByTypeCall { t: 9 }.abi_encode()),
        InvalidRegistryType { registryType: 9 }.abi_encode()
    );
    assert_eq!(
        revert(gov, getComponentIdsByTypeCall { t: 4 }.abi_encode()),
        InvalidRegistryType { registryType: 4 }.abi_encode()
    );
    assert_eq!(
        revert(
            gov,
            getComponentIdsByTypePaginatedCall {
                t: 4,
                offset: U256::ZERO,
                limit: U256::ZERO
            }
            .abi_encode()
        ),
        InvalidRegistryType { registryType: 4 }.abi_encode()
    );
    assert_eq!(
        revert(
            gov,
            getProviderIdAtCall {
                index: U256::from(5)
            }
            .abi_encode()
        ),
        IndexOutOfBounds {
            index: U256::from(5),
            length: U256::ZERO
        }
        .abi_encode()
    );
    assert_eq!(
        revert(
            gov,
            deactivateProviderCall {
                providerId: id("nope"),
                reason: s("")
            }
            .abi_encode()
        ),
        ProviderNotFound {
            providerId: id("nope")
        }
        .abi_encode()
    );
    assert_eq!(
        revert(
            gov,
            reactivateVerifierCall {
                verifierId: id("nope")
            }
            .abi_encode()
        ),
        VerifierNotFound {
            verifierId: id("nope")
        }
        .abi_encode()
    );
    assert_eq!(
        revert(
            gov,
            updateResolverMetadataCall {
                resolverId: id("nope"),
                newDescription: s("d"),
                newResolverType: s("T")
            }
            .abi_encode()
        ),
        ResolverNotFound {
            resolverId: id("nope")
        }
        .abi_encode()
    );
    assert_eq!(
        revert(
            alice,
            grantRoleCall {
                role: GOVERNOR_ROLE,
                account: alice
            }
            .abi_encode()
        ),
        AccessControlUnauthorizedAccount {
            account: alice,
            neededRole: DEFAULT_ADMIN_ROLE
        }
        .abi_encode()
    );
    assert_eq!(
        revert(
            gov,
            renounceRoleCall {
                role: GOVERNOR_ROLE,
                callerConfirmation: alice
            }
            .abi_encode()
        ),
        AccessControlBadConfirmation {}.abi_encode()
    );
    assert_eq!(contract.sender(gov).get_component_count(), U256::ZERO);
}

#[motsu::test]
fn malformed_calldata_reverts_with_empty_data_and_changes_nothing(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let good = register_provider_call(id("P"), c1.address()).abi_encode();
    let malformed = Some(Err(Vec::new()));
    // Truncated: no head at all, part of the head, a length word cut, a string cut short
    // ("EAS provider" is 12 bytes, followed by 20 bytes of padding).
    for len in [4, 4 + 32, 4 + 3 * 32, good.len() - 33, good.len() - 21] {
        assert_eq!(call(&contract, gov, &good[..len]), malformed, "len {len}");
    }
    // Dirty high bytes in the address word.
    let mut dirty = good.clone();
    dirty[4 + 32] = 0x01;
    assert_eq!(call(&contract, gov, &dirty), malformed);
    // A string offset pointing past the end.
    let mut bad_offset = good.clone();
    bad_offset[4 + 2 * 32 + 31] = 0xff;
    assert_eq!(call(&contract, gov, &bad_offset), malformed);
    // A string length past the end.
    let mut bad_len = good.clone();
    let offset = usize::from(good[4 + 2 * 32 + 31]);
    bad_len[4 + offset + 30] = 0x10;
    assert_eq!(call(&contract, gov, &bad_len), malformed);
    // Invalid UTF-8 in a string ("EAS" → 0xff "AS").
    let mut bad_utf8 = good.clone();
    bad_utf8[4 + offset + 32] = 0xff;
    assert_eq!(call(&contract, gov, &bad_utf8), malformed);
    assert_eq!(contract.sender(gov).get_component_count(), U256::ZERO);

    // A dirty uint8.
    let mut dirty_t = getComponentCountByTypeCall { t: 1 }.abi_encode();
    dirty_t[4] = 0x01;
    assert_eq!(call(&contract, gov, &dirty_t), malformed);
    // A bytes4 with dirty low bytes.
    let mut dirty_b4 = supportsInterfaceCall {
        interfaceId: "0x01ffc9a7".parse().unwrap(),
    }
    .abi_encode();
    dirty_b4[4 + 31] = 0x01;
    assert_eq!(call(&contract, gov, &dirty_b4), malformed);
    // A dirty address in a view.
    let mut dirty_view = isComponentApprovedCall {
        component: c1.address(),
    }
    .abi_encode();
    dirty_view[4] = 0x80;
    assert_eq!(call(&contract, gov, &dirty_view), malformed);
    // A missing word in a view.
    assert_eq!(call(&contract, gov, &getProviderCall::SELECTOR), malformed);
    assert_eq!(
        call(&contract, gov, &getProviderIdsPaginatedCall::SELECTOR),
        malformed
    );
}

#[motsu::test]
fn missing_padding_after_the_last_string_is_accepted_as_solidity_does(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    // Solidity's decoder bounds-checks `offset + 32 + length`, not the padded length.
    let good = register_provider_call(id("P"), c1.address()).abi_encode();
    let unpadded = &good[..good.len() - 20];
    assert_eq!(call(&contract, gov, unpadded), Some(Ok(Vec::new())));
    assert_eq!(
        contract.sender(gov).get_provider_info(id("P")).description,
        "EAS provider"
    );
}

#[motsu::test]
fn trailing_calldata_is_ignored(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    // An ERC-2771 style 20-byte suffix after well-formed arguments.
    let mut calldata = register_provider_call(id("P"), c1.address()).abi_encode();
    calldata.extend_from_slice(gov.as_slice());
    assert_eq!(call(&contract, gov, &calldata), Some(Ok(Vec::new())));
    assert_eq!(contract.sender(gov).get_provider(id("P")), c1.address());
}

#[motsu::test]
fn unknown_selector_is_not_routed(contract: Contract<IntegraRegistry>, gov: Address) {
    deploy(&contract, gov);
    let args = [0u8; 256];
    for selector in [
        [0u8; 4],
        [0xff; 4],
        [0xde, 0xad, 0xbe, 0xef],
        // The document registry's `getTokenizer(bytes32)`, deliberately not here.
        keccak256("getTokenizer(bytes32)")[..4].try_into().unwrap(),
        // Typed functions the spec does not define.
        keccak256("deactivateTokenizer(bytes32)")[..4]
            .try_into()
            .unwrap(),
        keccak256("updateProviderMetadata(bytes32,string,string)")[..4]
            .try_into()
            .unwrap(),
    ] {
        assert!(
            dispatch(&mut contract.sender(gov), selector, Args(&args)).is_none(),
            "{selector:?}"
        );
    }
}

#[motsu::test]
fn every_interface_selector_is_routed(contract: Contract<IntegraRegistry>, gov: Address) {
    deploy(&contract, gov);
    let selectors = IIntegraRegistryCalls::SELECTORS;
    assert_eq!(selectors.len(), 52, "the interface has 52 functions");
    let args = [0u8; 256];
    for selector in selectors {
        assert!(
            dispatch(&mut contract.sender(gov), *selector, Args(&args)).is_some(),
            "selector {} is not routed",
            alloy_primitives::hex::encode(selector)
        );
    }
}

#[motsu::test]
fn value_sent_to_any_function_reverts_with_empty_data(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let selectors = IIntegraRegistryCalls::SELECTORS;
    gov.fund(U256::from(selectors.len() + 1));
    let args = [0u8; 256];
    for selector in selectors {
        assert_eq!(
            dispatch(
                &mut contract.sender_and_value(gov, U256::from(1)),
                *selector,
                Args(&args)
            ),
            Some(Err(Vec::new())),
            "{}",
            alloy_primitives::hex::encode(selector)
        );
    }
    // Well-formed calldata too.
    let calldata = register_provider_call(id("P"), c1.address()).abi_encode();
    assert_eq!(
        dispatch(
            &mut contract.sender_and_value(gov, U256::from(1)),
            registerProviderCall::SELECTOR,
            Args(&calldata[4..])
        ),
        Some(Err(Vec::new()))
    );
    assert_eq!(contract.sender(gov).get_component_count(), U256::ZERO);
}

#[motsu::test]
fn router_trait_routes_like_dispatch_and_has_no_receive_or_fallback(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    let calldata = register_provider_call(id("P"), c1.address()).abi_encode();
    let selector = u32::from_be_bytes(registerProviderCall::SELECTOR);
    assert_eq!(
        <IntegraRegistry as Router<IntegraRegistry>>::route(
            &mut contract.sender(gov),
            selector,
            &calldata[4..]
        ),
        Some(Ok(Vec::new()))
    );
    assert_eq!(contract.sender(gov).get_provider(id("P")), c1.address());
    assert_eq!(
        <IntegraRegistry as Router<IntegraRegistry>>::route(
            &mut contract.sender(gov),
            0xdead_beef,
            &[]
        ),
        None
    );
    assert!(
        <IntegraRegistry as Router<IntegraRegistry>>::receive(&mut contract.sender(gov)).is_none()
    );
    assert!(<IntegraRegistry as Router<IntegraRegistry>>::fallback(
        &mut contract.sender(gov),
        &[1, 2]
    )
    .is_none());
}

#[motsu::test]
fn router_constructor_grants_governance_once(
    contract: Contract<IntegraRegistry>,
    alice: Address,
    gov: Address,
) {
    let input = gov.into_word();
    assert_eq!(
        <IntegraRegistry as Router<IntegraRegistry>>::constructor(
            &mut contract.sender(alice),
            input.as_slice()
        ),
        Some(Ok(Vec::new()))
    );
    assert!(contract.sender(alice).has_role(GOVERNOR_ROLE, gov));
    assert!(contract.sender(alice).has_role(DEFAULT_ADMIN_ROLE, gov));
    // A second run reverts with empty data and grants nothing.
    let other = alice.into_word();
    assert_eq!(
        <IntegraRegistry as Router<IntegraRegistry>>::constructor(
            &mut contract.sender(alice),
            other.as_slice()
        ),
        Some(Err(Vec::new()))
    );
    assert!(!contract.sender(alice).has_role(GOVERNOR_ROLE, alice));
}

#[motsu::test]
fn router_constructor_rejects_zero_governor(contract: Contract<IntegraRegistry>, alice: Address) {
    assert_eq!(
        <IntegraRegistry as Router<IntegraRegistry>>::constructor(
            &mut contract.sender(alice),
            B256::ZERO.as_slice()
        ),
        Some(Err(ZeroAddress {}.abi_encode()))
    );
}

#[motsu::test]
fn router_constructor_rejects_malformed_input(contract: Contract<IntegraRegistry>, alice: Address) {
    let mut dirty = alice.into_word();
    dirty[0] = 1;
    assert_eq!(
        <IntegraRegistry as Router<IntegraRegistry>>::constructor(
            &mut contract.sender(alice),
            dirty.as_slice()
        ),
        Some(Err(Vec::new()))
    );
    assert!(!contract.sender(alice).has_role(GOVERNOR_ROLE, alice));
}

#[motsu::test]
fn router_constructor_rejects_value(contract: Contract<IntegraRegistry>, alice: Address) {
    alice.fund(U256::from(1));
    assert_eq!(
        <IntegraRegistry as Router<IntegraRegistry>>::constructor(
            &mut contract.sender_and_value(alice, U256::from(1)),
            alice.into_word().as_slice()
        ),
        Some(Err(Vec::new()))
    );
    assert!(!contract.sender(alice).has_role(GOVERNOR_ROLE, alice));
}
