//! The hand-written router: alloy-encoded calls and returns, malformed calldata, value.
use super::*;

fn call(
    contract: &Contract<IntegraExecutor>,
    sender: Address,
    calldata: &[u8],
) -> Option<ArbResult> {
    let selector: [u8; 4] = calldata[..4].try_into().unwrap();
    dispatch(&mut contract.sender(sender), selector, Args(&calldata[4..]))
}

fn view<C: SolCall>(contract: &Contract<IntegraExecutor>, c: &C) -> C::Return {
    let out = call(contract, Address::ZERO, &c.abi_encode())
        .expect("routed")
        .expect("succeeds");
    C::abi_decode_returns(&out, true).expect("alloy decodes the return")
}

#[motsu::test]
fn execute_and_verify_decode_the_abi_struct(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    let s = w.ping(&alice, 5);
    assert!(view(&exec, &verifyCall { req: s.abi() })._0);
    let out = call(&exec, gov, &executeCall { req: s.abi() }.abi_encode())
        .unwrap()
        .motsu_res()
        .unwrap();
    let decoded = executeCall::abi_decode_returns(&out, true).unwrap();
    assert_eq!(decoded.result.to_vec(), RESULT);
    assert!(!view(&exec, &verifyCall { req: s.abi() })._0);
    let out = call(
        &exec,
        gov,
        &executeOperationCall {
            target: target.address(),
            data: ping_data(1).into(),
        }
        .abi_encode(),
    )
    .unwrap()
    .unwrap();
    let decoded = executeOperationCall::abi_decode_returns(&out, true).unwrap();
    assert!(decoded.success);
    assert_eq!(decoded.result.to_vec(), RESULT);
    // Errors leave the router as their ABI encoding.
    let err = call(&exec, gov, &executeCall { req: s.abi() }.abi_encode())
        .unwrap()
        .motsu_res()
        .unwrap_err();
    assert_eq!(&err[..4], &InvalidSigner::SELECTOR);
}

#[motsu::test]
fn views_return_what_alloy_decodes(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let d = view(&exec, &eip712DomainCall {});
    assert_eq!(d.fields.0, [0x0f]);
    assert_eq!(
        (d.name.as_str(), d.version.as_str()),
        ("IntegraExecutor", "1")
    );
    assert_eq!(d.chainId, U256::from(CHAIN));
    assert_eq!(d.verifyingContract, exec.address());
    assert_eq!(d.salt, B256::ZERO);
    assert!(d.extensions.is_empty());
    let info = view(&exec, &getExecutorInfoCall {});
    assert_eq!(
        (
            info.name.as_str(),
            info.version.as_str(),
            info.description.as_str()
        ),
        ("IntegraExecutor", "7.0.0", DESCRIPTION)
    );
    assert!(view(&exec, &isLegitimateExecutorCall {})._0);
    assert_eq!(view(&exec, &VERSIONCall {})._0, "7.0.0");
    assert_eq!(view(&exec, &MAX_BATCH_SIZECall {})._0, U256::from(50));
    assert_eq!(
        view(&exec, &FORWARD_REQUEST_TYPEHASHCall {})._0,
        FORWARD_REQUEST_TYPEHASH
    );
    for (c, role) in [
        (view(&exec, &GOVERNOR_ROLECall {})._0, GOVERNOR_ROLE),
        (view(&exec, &EXECUTOR_ROLECall {})._0, EXECUTOR_ROLE),
        (view(&exec, &RELAYER_ROLECall {})._0, RELAYER_ROLE),
        (
            view(&exec, &DEFAULT_ADMIN_ROLECall {})._0,
            DEFAULT_ADMIN_ROLE,
        ),
    ] {
        assert_eq!(c, role);
    }
    assert!(
        view(
            &exec,
            &hasRoleCall {
                role: RELAYER_ROLE,
                account: gov
            }
        )
        ._0
    );
    assert_eq!(
        view(
            &exec,
            &getRoleAdminCall {
                role: GOVERNOR_ROLE
            }
        )
        ._0,
        DEFAULT_ADMIN_ROLE
    );
    assert!(
        view(
            &exec,
            &allowedTargetsCall {
                target: target.address()
            }
        )
        ._0
    );
    assert!(
        view(
            &exec,
            &allowedSelectorsCall {
                target: target.address(),
                selector: ping_selector()
            }
        )
        ._0
    );
    assert_eq!(view(&exec, &noncesCall { owner: gov })._0, U256::ZERO);
    assert!(!view(&exec, &pausedCall {})._0);
    assert!(
        view(
            &exec,
            &supportsInterfaceCall {
                interfaceId: B32::from(EXECUTOR_INTERFACE_ID)
            }
        )
        ._0
    );
}

#[motsu::test]
fn governance_goes_through_the_router(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
    relayer: Address,
) {
    deploy(&exec, &target, gov);
    let calls: [Vec<u8>; 6] = [
        setTargetAllowedCall {
            target: target.address(),
            allowed: true,
        }
        .abi_encode(),
        setSelectorAllowedCall {
            target: target.address(),
            selector: ping_selector(),
            allowed: true,
        }
        .abi_encode(),
        pauseCall {}.abi_encode(),
        unpauseCall {}.abi_encode(),
        grantRoleCall {
            role: RELAYER_ROLE,
            account: relayer,
        }
        .abi_encode(),
        revokeRoleCall {
            role: RELAYER_ROLE,
            account: relayer,
        }
        .abi_encode(),
    ];
    for c in &calls {
        assert_eq!(call(&exec, gov, c), Some(Ok(Vec::new())));
    }
    let renounce = renounceRoleCall {
        role: EXECUTOR_ROLE,
        callerConfirmation: gov,
    };
    assert_eq!(
        call(&exec, gov, &renounce.abi_encode()),
        Some(Ok(Vec::new()))
    );
    assert!(exec
        .sender(gov)
        .allowed_selectors(target.address(), pingCall::SELECTOR));
    assert!(!exec.sender(gov).has_role(EXECUTOR_ROLE, gov));
}

#[motsu::test]
fn malformed_calldata_and_value_revert_with_empty_data(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    // bytes4 with dirty low bytes.
    let mut c = setSelectorAllowedCall {
        target: target.address(),
        selector: ping_selector(),
        allowed: true,
    }
    .abi_encode();
    c[4 + 32 + 31] = 1;
    assert_eq!(call(&exec, gov, &c), Some(Err(Vec::new())));
    // A deadline above uint48.
    let alice = Key::new(1);
    let s = w.ping(&alice, 1);
    let mut c = executeCall { req: s.abi() }.abi_encode();
    // Head: offset word, then the tuple: from, to, value, gas, deadline (word 4).
    c[4 + 32 + 4 * 32 + 25] = 1;
    assert_eq!(call(&exec, gov, &c), Some(Err(Vec::new())));
    // Truncated struct.
    let c = executeCall { req: s.abi() }.abi_encode();
    assert_eq!(call(&exec, gov, &c[..c.len() - 40]), Some(Err(Vec::new())));
    // A dirty bool.
    let mut c = setTargetAllowedCall {
        target: target.address(),
        allowed: true,
    }
    .abi_encode();
    c[4 + 63] = 2;
    assert_eq!(call(&exec, gov, &c), Some(Err(Vec::new())));
    // Value on any function.
    gov.fund(U256::from(1));
    let c = executeCall { req: s.abi() }.abi_encode();
    let out = dispatch(
        &mut exec.sender_and_value(gov, U256::from(1)),
        executeCall::SELECTOR,
        Args(&c[4..]),
    );
    assert_eq!(out, Some(Err(Vec::new())));
    // Unknown selector: not routed (no fallback).
    assert_eq!(call(&exec, gov, &[0xde, 0xad, 0xbe, 0xef]), None);
    // The request itself is intact: it still runs.
    assert_eq!(w.as_(gov).nonces(alice.address), U256::ZERO);
}
