//! The hand-written router: ERC-2771 sender resolution, alloy-encoded calls and returns,
//! malformed calldata, value, and the error encoder against alloy.
use alloy_sol_types::SolCall;
use stylus_sdk::abi::Router;

use super::*;

fn call(
    contract: &Contract<IntegraDocumentRegistry>,
    sender: Address,
    calldata: &[u8],
) -> Option<ArbResult> {
    let selector: [u8; 4] = calldata[..4].try_into().unwrap();
    dispatch(&mut contract.sender(sender), selector, Args(&calldata[4..]))
}

fn view<C: SolCall>(contract: &Contract<IntegraDocumentRegistry>, c: &C) -> C::Return {
    let out = call(contract, Address::ZERO, &c.abi_encode())
        .expect("routed")
        .expect("succeeds");
    C::abi_decode_returns(&out, true).expect("alloy decodes the return")
}

fn register_call(n: u8) -> registerDocumentCall {
    registerDocumentCall {
        integraHash: h(n),
        documentHash: doc(n),
        identityExtension: B256::ZERO,
        referenceHash: B256::ZERO,
        referenceProofA: [U256::ZERO; 2],
        referenceProofB: [[U256::ZERO; 2]; 2],
        referenceProofC: [U256::ZERO; 2],
        tokenizer: Address::ZERO,
        primaryResolverId: B256::ZERO,
        authorizedExecutor: Address::ZERO,
        processHash: h(0x9c),
    }
}

fn forwarded(c: &impl SolCall, from: Address) -> Vec<u8> {
    let mut data = c.abi_encode();
    data.extend_from_slice(from.as_slice());
    data
}

#[motsu::test]
fn forwarder_acts_for_the_appended_sender(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
    bob: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let out = call(&reg, w.forwarder, &forwarded(&register_call(1), alice))
        .unwrap()
        .unwrap();
    assert_eq!(out, h(1).to_vec());
    assert_eq!(w.reg_as(alice).get_document_owner(h(1)), alice);
    // The owner, through the forwarder, transfers; the forwarder itself owns nothing.
    let t = transferDocumentOwnershipCall {
        integraHash: h(1),
        newOwner: bob,
        reason: s("meta"),
    };
    assert_eq!(
        call(&reg, w.forwarder, &forwarded(&t, alice)),
        Some(Ok(Vec::new()))
    );
    assert_eq!(w.reg_as(alice).get_document_owner(h(1)), bob);
    // The forwarder always appends a sender: without one, the last 20 bytes of the arguments
    // (here the zero padding of the empty reason) are read as the sender.
    let back = transferDocumentOwnershipCall {
        integraHash: h(1),
        newOwner: alice,
        reason: s(""),
    };
    assert_eq!(
        call(&reg, w.forwarder, &back.abi_encode())
            .unwrap()
            .motsu_res(),
        Err(Unauthorized {
            caller: Address::ZERO,
            integraHash: h(1)
        }
        .abi_encode())
    );
    // Governance through the forwarder uses the appended governor.
    let fee = setRegistrationFeeCall { fee: U256::from(7) };
    assert_eq!(
        call(&reg, w.forwarder, &forwarded(&fee, gov)),
        Some(Ok(Vec::new()))
    );
    reg.assert_emitted(&RegistrationFeeUpdated {
        oldFee: U256::ZERO,
        newFee: U256::from(7),
        updatedBy: gov,
        timestamp: now(),
    });
}

#[motsu::test]
fn forged_suffix_from_anyone_else_is_ignored(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
    mallory: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.register(alice, 1);
    let steal = transferDocumentOwnershipCall {
        integraHash: h(1),
        newOwner: mallory,
        reason: s(""),
    };
    assert_eq!(
        call(&reg, mallory, &forwarded(&steal, alice))
            .unwrap()
            .motsu_res(),
        Err(Unauthorized {
            caller: mallory,
            integraHash: h(1)
        }
        .abi_encode())
    );
    let fee = setRegistrationFeeCall { fee: U256::from(7) };
    assert_eq!(
        call(&reg, mallory, &forwarded(&fee, gov))
            .unwrap()
            .motsu_res(),
        Err(not_governor(mallory).abi_encode())
    );
    // A registration with a forged suffix belongs to the real caller.
    call(&reg, mallory, &forwarded(&register_call(2), alice))
        .unwrap()
        .unwrap();
    assert_eq!(w.reg_as(alice).get_document_owner(h(2)), mallory);
}

#[motsu::test]
fn views_round_trip_through_alloy(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    a: Contract<TestResolver>,
    gov: Address,
    alice: Address,
    e: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.add_resolver(rid("A"), a.address());
    w.reg_as(alice)
        .register_document(
            alice,
            &Registration {
                executor: e,
                primary_resolver_id: rid("A"),
                ..plain(1)
            },
        )
        .motsu_unwrap();
    w.register(alice, 2);
    w.reg_as(alice)
        .set_identity_extension(alice, h(2), h(0x22))
        .motsu_unwrap();
    let rec1 = w.reg_as(alice).get_document(h(1));
    assert_eq!(view(&reg, &getDocumentCall { integraHash: h(1) })._0, rec1);
    let batch = view(
        &reg,
        &getDocumentsBatchCall {
            integraHashes: vec![h(1), h(9), h(2)],
        },
    )
    ._0;
    assert_eq!(
        batch,
        vec![
            rec1.clone(),
            w.reg_as(alice).get_document(h(9)),
            w.reg_as(alice).get_document(h(2))
        ]
    );
    let d = view(&reg, &documentsCall { integraHash: h(1) });
    assert_eq!(
        (
            d.owner,
            d.registeredAt,
            d.exists,
            d.primaryResolverId,
            d.resolversLocked
        ),
        (alice, NOW, true, rid("A"), false)
    );
    let info = view(&reg, &getDocumentInfoCall { integraHash: h(1) });
    assert_eq!(
        (
            info.owner,
            info.documentHash,
            info.resolvers,
            info.registeredAt
        ),
        (alice, doc(1), vec![rid("A")], now())
    );
    assert_eq!(
        view(
            &reg,
            &existsBatchCall {
                integraHashes: vec![h(1), h(3)]
            }
        )
        ._0,
        vec![true, false]
    );
    assert_eq!(
        view(
            &reg,
            &getDocumentOwnersBatchCall {
                integraHashes: vec![h(2), h(3)]
            }
        )
        ._0,
        vec![alice, Address::ZERO]
    );
    assert_eq!(
        view(
            &reg,
            &getDocumentExecutorsBatchCall {
                integraHashes: vec![h(1), h(2)]
            }
        )
        ._0,
        vec![e, Address::ZERO]
    );
    assert_eq!(
        view(&reg, &documentExecutorCall { integraHash: h(1) })._0,
        e
    );
    assert_eq!(
        view(&reg, &executorAuthorizedAtCall { integraHash: h(1) })._0,
        now()
    );
    assert!(
        view(
            &reg,
            &isDocumentOwnerCall {
                integraHash: h(1),
                account: alice
            }
        )
        ._0
    );
    assert!(
        !view(
            &reg,
            &isDocumentOwnerCall {
                integraHash: h(9),
                account: Address::ZERO
            }
        )
        ._0
    );
    assert!(
        view(
            &reg,
            &isAuthorizedDocumentExecutorCall {
                integraHash: h(1),
                executor: e
            }
        )
        ._0
    );
    let g = view(
        &reg,
        &getEffectiveResolverGasLimitCall {
            resolverId: rid("A"),
            isPrimary: true,
        },
    );
    assert_eq!((g.gasLimit, g.isOverride), (U256::from(200_000), false));
    let em = view(&reg, &getEmergencyStatusCall {});
    assert_eq!(
        (em.active, em.expiresAt, em.emergencyAddr),
        (true, U256::from(NOW + EMERGENCY_DURATION), w.emergency)
    );
    let f = view(&reg, &getFeeConfigurationCall {});
    assert_eq!(
        (f.currentFee, f.recipient, f.disabled, f.maxFee),
        (
            U256::ZERO,
            sink.address(),
            false,
            U256::from(MAX_REGISTRATION_FEE)
        )
    );
    assert_eq!(view(&reg, &VERSIONCall {})._0, "7.0.0");
    assert_eq!(view(&reg, &MAX_BATCH_SIZECall {})._0, U256::from(50));
    assert_eq!(
        view(&reg, &MAX_ADDITIONAL_RESOLVERSCall {})._0,
        U256::from(10)
    );
    assert_eq!(view(&reg, &MIN_REGISTRATION_FEECall {})._0, U256::ZERO);
    assert_eq!(
        view(&reg, &EMERGENCY_DURATIONCall {})._0,
        U256::from(15_552_000)
    );
    assert_eq!(view(&reg, &MAX_REVERT_BUBBLECall {})._0, U256::from(2048));
    assert_eq!(
        view(&reg, &EXECUTOR_CHECK_GASCall {})._0,
        U256::from(30_000)
    );
    assert_eq!(
        view(&reg, &REFERENCE_VERIFIER_IDCall {})._0,
        REFERENCE_VERIFIER_ID
    );
    assert_eq!(view(&reg, &trustedForwarderCall {})._0, w.forwarder);
    assert_eq!(view(&reg, &feeRecipientCall {})._0, sink.address());
    assert_eq!(view(&reg, &resolverRegistryCall {})._0, comp.address());
    assert_eq!(view(&reg, &verifierRegistryCall {})._0, comp.address());
    assert_eq!(
        view(&reg, &maxReasonableGasLimitCall {})._0,
        U256::from(30_000_000)
    );
    assert!(
        view(
            &reg,
            &isTrustedForwarderCall {
                forwarder: w.forwarder
            }
        )
        ._0
    );
    assert!(!view(&reg, &pausedCall {})._0);
    assert_eq!(
        view(&reg, &getAdditionalResolversCall { integraHash: h(1) })._0,
        Vec::<B256>::new()
    );
}

#[motsu::test]
fn batch_registration_routes_and_checks_lengths(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
) {
    deploy(&reg, &comp, &sink, gov);
    let mut c = registerDocumentBatchCall {
        integraHashes: vec![h(1), h(2)],
        documentHashes: vec![doc(1), doc(2)],
        identityExtensions: vec![B256::ZERO; 2],
        tokenizers: vec![Address::ZERO; 2],
        primaryResolverIds: vec![B256::ZERO; 2],
        executor: Address::ZERO,
        processHashes: vec![h(0x9c); 2],
        callResolverHooks: false,
    };
    let mut bad = c.clone();
    bad.processHashes.pop();
    assert_eq!(
        call(&reg, alice, &bad.abi_encode()),
        Some(Err(ArrayLengthMismatch {}.abi_encode()))
    );
    let out = call(&reg, alice, &c.abi_encode()).unwrap().unwrap();
    assert_eq!(
        registerDocumentBatchCall::abi_decode_returns(&out, true)
            .unwrap()
            ._0,
        vec![h(1), h(2)]
    );
    c.integraHashes = vec![h(3), h(4)];
    let mut truncated = c.abi_encode();
    truncated.truncate(truncated.len() - 40);
    assert_eq!(call(&reg, alice, &truncated), Some(Err(Vec::new())));
}

#[motsu::test]
fn value_malformed_arguments_and_unknown_selectors(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    alice.fund(U256::from(10));
    let lock = lockResolversCall { integraHash: h(1) }.abi_encode();
    assert_eq!(
        dispatch(
            &mut reg.sender_and_value(alice, U256::from(1)),
            lockResolversCall::SELECTOR,
            Args(&lock[4..])
        ),
        Some(Err(Vec::new()))
    );
    let mut dirty = setTokenizerApprovalCall {
        tokenizer: alice,
        approved: true,
    }
    .abi_encode();
    dirty[4] = 1;
    assert_eq!(call(&reg, gov, &dirty), Some(Err(Vec::new())));
    assert_eq!(call(&reg, gov, &[0xde, 0xad, 0xbe, 0xef]), None);
    assert!(IntegraDocumentRegistry::receive(&mut reg.sender(alice)).is_none());
    assert!(IntegraDocumentRegistry::fallback(&mut reg.sender(alice), &[]).is_none());
    let iface = |id: [u8; 4]| {
        view(
            &reg,
            &supportsInterfaceCall {
                interfaceId: id.into(),
            },
        )
        ._0
    };
    assert!(
        iface(DOCUMENT_REGISTRY_INTERFACE_ID)
            && iface(ACCESS_CONTROL_INTERFACE_ID)
            && iface(ERC165_INTERFACE_ID)
    );
    assert!(!iface([0xff; 4]));
    assert!(!w.reg_as(alice).supports_interface(B32::ZERO));
}

#[test]
fn interface_ids_are_pinned() {
    assert_eq!(ACCESS_CONTROL_INTERFACE_ID, [0x79, 0x65, 0xdb, 0x0b]);
    assert_eq!(ERC165_INTERFACE_ID, [0x01, 0xff, 0xc9, 0xa7]);
    assert_eq!(
        DOCUMENT_REGISTRY_INTERFACE_ID,
        interface_id(&[
            registerDocumentCall::SELECTOR,
            registerDocumentBatchCall::SELECTOR,
            transferDocumentOwnershipCall::SELECTOR,
            associateTokenizerCall::SELECTOR,
            getDocumentInfoCall::SELECTOR,
            getDocumentOwnerCall::SELECTOR,
            existsCall::SELECTOR,
            getTokenizerCall::SELECTOR,
            getDocumentExecutorCall::SELECTOR,
            isAuthorizedDocumentExecutorCall::SELECTOR,
        ])
    );
}

#[test]
fn every_error_encodes_as_alloy_does() {
    let (a, b) = (Address::repeat_byte(1), B256::repeat_byte(2));
    let n = U256::from(3);
    let cases: Vec<(Error, Vec<u8>)> = vec![
        (
            DocumentAlreadyRegistered {
                integraHash: b,
                existingOwner: a,
            }
            .into(),
            DocumentAlreadyRegistered {
                integraHash: b,
                existingOwner: a,
            }
            .abi_encode(),
        ),
        (
            OwnershipRejectedByResolver {
                integraHash: b,
                resolverId: b,
                reason: s("no"),
            }
            .into(),
            OwnershipRejectedByResolver {
                integraHash: b,
                resolverId: b,
                reason: s("no"),
            }
            .abi_encode(),
        ),
        (
            InvalidExecutorContract {
                executor: a,
                reason: s("Not legitimate"),
            }
            .into(),
            InvalidExecutorContract {
                executor: a,
                reason: s("Not legitimate"),
            }
            .abi_encode(),
        ),
        (
            TooManyAdditionalResolvers {
                integraHash: b,
                max: n,
            }
            .into(),
            TooManyAdditionalResolvers {
                integraHash: b,
                max: n,
            }
            .abi_encode(),
        ),
        (
            InsufficientFee {
                provided: n,
                required: n,
            }
            .into(),
            InsufficientFee {
                provided: n,
                required: n,
            }
            .abi_encode(),
        ),
        (
            GasLimitTooHigh { limit: n, max: n }.into(),
            GasLimitTooHigh { limit: n, max: n }.abi_encode(),
        ),
        (
            InvalidProof {
                integraHash: b,
                sender: a,
            }
            .into(),
            InvalidProof {
                integraHash: b,
                sender: a,
            }
            .abi_encode(),
        ),
        (
            ReentrancyGuardReentrantCall {}.into(),
            ReentrancyGuardReentrantCall {}.abi_encode(),
        ),
        (Error::Bubbled(vec![1, 2, 3]), vec![1, 2, 3]),
    ];
    for (ours, alloy) in cases {
        assert_eq!(Vec::<u8>::from(ours), alloy);
    }
}

/// `getTokenizerOwnerExecutor` (addition to spec 02): the three gate views in one call, through
/// the router, for a full record, a record without tokenizer or executor, an unknown record, and
/// after the owner and executor change.
#[motsu::test]
fn tokenizer_owner_executor_is_the_three_views_in_one(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
    bob: Address,
    e: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    let t = Address::repeat_byte(0x71);
    w.approve_tokenizer(t);
    w.reg_as(alice)
        .register_document(
            alice,
            &Registration {
                tokenizer: t,
                executor: e,
                ..plain(1)
            },
        )
        .motsu_unwrap();
    w.register(alice, 2);
    let gate = |n: u8| {
        let r = view(&reg, &getTokenizerOwnerExecutorCall { integraHash: h(n) });
        (r.tokenizer, r.owner, r.executor)
    };
    assert_eq!(gate(1), (t, alice, e));
    assert_eq!(
        gate(1),
        (
            w.reg_as(alice).get_tokenizer(h(1)),
            w.reg_as(alice).get_document_owner(h(1)),
            w.reg_as(alice).get_document_executor(h(1))
        )
    );
    assert_eq!(gate(2), (Address::ZERO, alice, Address::ZERO));
    assert_eq!(gate(3), (Address::ZERO, Address::ZERO, Address::ZERO));
    w.reg_as(alice)
        .revoke_document_executor(alice, h(1))
        .motsu_unwrap();
    w.reg_as(alice)
        .transfer_document_ownership(alice, h(1), bob, "sale")
        .motsu_unwrap();
    assert_eq!(gate(1), (t, bob, Address::ZERO));
    assert_eq!(
        w.reg_as(alice).get_tokenizer_owner_executor(h(1)),
        (t, bob, Address::ZERO)
    );
}
