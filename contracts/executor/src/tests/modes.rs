//! Mode A (`executeOperation`) and mode B (`execute`, `verify`): happy paths, every revert,
//! replay, tampering, domains, limits.
use super::*;

// ------------------------------------------------------------------ mode B: execute

/// One change to a signed request.
type Tamper<'a> = Box<dyn Fn(&mut Req) + 'a>;

#[motsu::test]
fn signed_request_reaches_the_target_as_the_signer(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    let s = w.ping(&alice, 5);
    assert!(w.as_(gov).verify(&s.request()));
    let out = w.as_(gov).execute(&s.request()).motsu_unwrap();
    assert_eq!(out, RESULT);
    // ERC-2771: the data as signed, then the signer's 20 bytes; the caller is the executor.
    let mut expected = ping_data(5);
    expected.extend_from_slice(alice.address.as_slice());
    assert_eq!(target.sender(gov).last_calldata(), expected);
    assert_eq!(target.sender(gov).last_sender(), exec.address());
    assert_eq!(target.sender(gov).last_value(), U256::ZERO);
    assert_eq!(w.as_(gov).nonces(alice.address), U256::from(1));
    exec.assert_emitted(&OperationExecuted {
        user: alice.address,
        target: target.address(),
        selector: ping_selector(),
        success: true,
        nonce: U256::ZERO,
        timestamp: now(),
    });
    // The next request uses nonce 1.
    let s = w.ping(&alice, 6);
    assert_eq!(s.req.nonce, U256::from(1));
    w.as_(gov).execute(&s.request()).motsu_unwrap();
    exec.assert_emitted(&OperationExecuted {
        user: alice.address,
        target: target.address(),
        selector: ping_selector(),
        success: true,
        nonce: U256::from(1),
        timestamp: now(),
    });
    assert_eq!(w.as_(gov).nonces(alice.address), U256::from(2));
    assert_eq!(target.sender(gov).calls(), U256::from(2));
}

#[motsu::test]
fn replayed_request_is_refused(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    let s = w.ping(&alice, 5);
    w.as_(gov).execute(&s.request()).motsu_unwrap();
    // Against nonce 1 the same signature recovers some other address.
    let now_signed = Req {
        nonce: U256::from(1),
        ..s.req.clone()
    }
    .digest(exec.address(), CHAIN);
    let signer = recovered(now_signed, &s.signature);
    assert_ne!(signer, alice.address);
    assert!(!w.as_(gov).verify(&s.request()));
    assert_error(
        w.as_(gov).execute(&s.request()).motsu_res(),
        InvalidSigner {
            signer,
            from: alice.address,
        },
    );
    assert_eq!(target.sender(gov).calls(), U256::from(1));
    assert_eq!(w.as_(gov).nonces(alice.address), U256::from(1));
}

#[motsu::test]
fn request_signed_for_another_nonce_is_refused(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    let r = Req {
        nonce: U256::from(1),
        ..Req::new(alice.address, target.address(), ping_data(1))
    };
    let s = r.signed(&alice, exec.address());
    let signer = recovered(
        Req {
            nonce: U256::ZERO,
            ..r
        }
        .digest(exec.address(), CHAIN),
        &s.signature,
    );
    assert_error(
        w.as_(gov).execute(&s.request()).motsu_res(),
        InvalidSigner {
            signer,
            from: alice.address,
        },
    );
    assert_eq!(target.sender(gov).calls(), U256::ZERO);
}

#[motsu::test]
fn deadline_is_inclusive(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    let late = Req {
        deadline: NOW - 1,
        ..Req::new(alice.address, target.address(), ping_data(1))
    }
    .signed(&alice, exec.address());
    assert!(!w.as_(gov).verify(&late.request()));
    assert_error(
        w.as_(gov).execute(&late.request()).motsu_res(),
        ExpiredRequest {
            deadline: alloy_primitives::Uint::from(NOW - 1),
        },
    );
    let on_time = Req {
        deadline: NOW,
        ..Req::new(alice.address, target.address(), ping_data(1))
    }
    .signed(&alice, exec.address());
    w.as_(gov).execute(&on_time.request()).motsu_unwrap();
}

#[motsu::test]
fn request_with_value_is_refused(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    let s = Req {
        value: U256::from(1),
        ..Req::new(alice.address, target.address(), ping_data(1))
    }
    .signed(&alice, exec.address());
    assert!(!w.as_(gov).verify(&s.request()));
    assert_error(
        w.as_(gov).execute(&s.request()).motsu_res(),
        ValueNotSupported {},
    );
}

#[motsu::test]
fn every_tampered_field_breaks_the_signature(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    other: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    w.as_(gov)
        .set_target_allowed(other.address(), true)
        .motsu_unwrap();
    w.as_(gov)
        .set_selector_allowed(other.address(), pingCall::SELECTOR, true)
        .motsu_unwrap();
    let alice = Key::new(1);
    let bob = Key::new(2);
    let s = w.ping(&alice, 5);
    let tampered: [Tamper<'_>; 5] = [
        Box::new(|r| r.from = bob.address),
        Box::new(|r| r.to = other.address()),
        Box::new(|r| r.gas += U256::from(1)),
        Box::new(|r| r.deadline += 1),
        Box::new(|r| r.data = ping_data(6)),
    ];
    for change in &tampered {
        let mut t = s.clone();
        change(&mut t.req);
        let signer = recovered(t.req.digest(exec.address(), CHAIN), &t.signature);
        assert!(!w.as_(gov).verify(&t.request()));
        assert_error(
            w.as_(gov).execute(&t.request()).motsu_res(),
            InvalidSigner {
                signer,
                from: t.req.from,
            },
        );
    }
    assert_eq!(target.sender(gov).calls(), U256::ZERO);
    assert_eq!(other.sender(gov).calls(), U256::ZERO);
    // Untampered, it still runs.
    w.as_(gov).execute(&s.request()).motsu_unwrap();
}

#[motsu::test]
fn signature_for_another_chain_is_refused(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    let r = Req::new(alice.address, target.address(), ping_data(1));
    let sig = alice.sign(r.digest(exec.address(), 1));
    let s = Signed {
        req: r.clone(),
        signature: sig.clone(),
        digest: B256::ZERO,
    };
    assert_error(
        w.as_(gov).execute(&s.request()).motsu_res(),
        InvalidSigner {
            signer: recovered(r.digest(exec.address(), CHAIN), &sig),
            from: alice.address,
        },
    );
    // On that chain it is valid.
    VM::context().set_chain_id(1);
    w.as_(gov).execute(&s.request()).motsu_unwrap();
    VM::context().set_chain_id(CHAIN);
}

#[motsu::test]
fn signature_for_another_executor_is_refused(
    exec: Contract<IntegraExecutor>,
    exec2: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let w2 = deploy(&exec2, &target, gov);
    w2.allow_ping();
    let alice = Key::new(1);
    let for_second =
        Req::new(alice.address, target.address(), ping_data(1)).signed(&alice, exec2.address());
    assert_error(
        w.as_(gov).execute(&for_second.request()).motsu_res(),
        InvalidSigner {
            signer: recovered(
                for_second.req.digest(exec.address(), CHAIN),
                &for_second.signature,
            ),
            from: alice.address,
        },
    );
    w2.as_(gov).execute(&for_second.request()).motsu_unwrap();
    assert_eq!(w.as_(gov).nonces(alice.address), U256::ZERO);
    assert_eq!(w2.as_(gov).nonces(alice.address), U256::from(1));
}

#[motsu::test]
fn malformed_signatures_recover_nobody(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    let s = w.ping(&alice, 1);
    // The malleable twin (n − s, v flipped) of a valid signature recovers alice on a raw
    // ecrecover; it is refused here.
    let n = HALF_ORDER * U256::from(2) + U256::from(1);
    let mut twin = s.clone();
    let high_s = n - U256::from_be_slice(&s.signature[32..64]);
    twin.signature[32..64].copy_from_slice(&high_s.to_be_bytes::<32>());
    twin.signature[64] = if s.signature[64] == 27 { 28 } else { 27 };
    let mut short = s.clone();
    short.signature.pop();
    let mut bad_v = s.clone();
    bad_v.signature[64] = s.signature[64] - 27;
    let mut zero = s.clone();
    zero.signature = vec![0; 65];
    zero.signature[64] = 27;
    for bad in [twin, short, bad_v, zero] {
        assert!(!w.as_(gov).verify(&bad.request()));
        assert_error(
            w.as_(gov).execute(&bad.request()).motsu_res(),
            InvalidSigner {
                signer: Address::ZERO,
                from: alice.address,
            },
        );
    }
    assert_eq!(w.as_(gov).recover(s.digest, &s.signature), alice.address);
    w.as_(gov).execute(&s.request()).motsu_unwrap();
}

#[motsu::test]
fn zero_from_with_an_unrecoverable_signature_is_refused(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let r = Req::new(Address::ZERO, target.address(), ping_data(1));
    let s = Signed {
        req: r,
        signature: vec![0; 65],
        digest: B256::ZERO,
    };
    assert_error(
        w.as_(gov).execute(&s.request()).motsu_res(),
        InvalidSigner {
            signer: Address::ZERO,
            from: Address::ZERO,
        },
    );
}

#[motsu::test]
fn request_to_a_target_or_selector_not_allowed_is_refused(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    let alice = Key::new(1);
    let s = w.ping(&alice, 1);
    assert!(!w.as_(gov).verify(&s.request()));
    assert_error(
        w.as_(gov).execute(&s.request()).motsu_res(),
        TargetNotAllowed {
            target: target.address(),
        },
    );
    w.as_(gov)
        .set_target_allowed(target.address(), true)
        .motsu_unwrap();
    assert_error(
        w.as_(gov).execute(&s.request()).motsu_res(),
        SelectorNotAllowed {
            selector: ping_selector(),
        },
    );
    // Three bytes of data: no selector.
    let short =
        Req::new(alice.address, target.address(), vec![1, 2, 3]).signed(&alice, exec.address());
    assert_error(
        w.as_(gov).execute(&short.request()).motsu_res(),
        InvalidCalldata {},
    );
    w.as_(gov)
        .set_selector_allowed(target.address(), pingCall::SELECTOR, true)
        .motsu_unwrap();
    assert!(w.as_(gov).verify(&s.request()));
    // Exactly a selector is enough.
    let bare = Req::new(alice.address, target.address(), pingCall::SELECTOR.to_vec())
        .signed(&alice, exec.address());
    w.as_(gov).execute(&bare.request()).motsu_unwrap();
    let mut expected = pingCall::SELECTOR.to_vec();
    expected.extend_from_slice(alice.address.as_slice());
    assert_eq!(target.sender(gov).last_calldata(), expected);
    assert_eq!(w.as_(gov).nonces(alice.address), U256::from(1));
}

#[motsu::test]
fn only_relayers_execute(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
    mallory: Address,
    relayer: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    let s = w.ping(&alice, 1);
    assert_error(
        w.as_(mallory).execute(&s.request()).motsu_res(),
        missing(mallory, RELAYER_ROLE),
    );
    // The executor role is mode A's, not a relayer's.
    w.as_(gov).grant_role(EXECUTOR_ROLE, relayer).motsu_unwrap();
    assert_error(
        w.as_(relayer).execute(&s.request()).motsu_res(),
        missing(relayer, RELAYER_ROLE),
    );
    w.as_(gov).grant_role(RELAYER_ROLE, relayer).motsu_unwrap();
    w.as_(relayer).execute(&s.request()).motsu_unwrap();
    // The relayer's identity does not reach the target.
    assert_eq!(target.sender(gov).last_sender(), exec.address());
}

#[motsu::test]
fn failed_target_reverts_with_its_data_and_keeps_the_nonce(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    target
        .sender(gov)
        .configure(mode::REVERT, Address::ZERO, Bytes::from(Vec::new()));
    let alice = Key::new(1);
    let s = w.ping(&alice, 1);
    assert_error(
        w.as_(gov).execute(&s.request()).motsu_res(),
        ExecutionFailed {
            target: target.address(),
            data: BOOM.to_vec().into(),
        },
    );
    assert_eq!(w.as_(gov).nonces(alice.address), U256::ZERO);
    assert_eq!(count::<OperationExecuted>(&exec), 0);
    // The same signed request runs once the target works.
    target
        .sender(gov)
        .configure(mode::OK, Address::ZERO, Bytes::from(Vec::new()));
    w.as_(gov).execute(&s.request()).motsu_unwrap();
    assert_eq!(w.as_(gov).nonces(alice.address), U256::from(1));
}

#[motsu::test]
fn gas_check_is_at_the_boundary(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    // motsu reports u64::MAX / 10,000 gas left; the largest gas with
    // gas + gas/63 + 10,000 ≤ left passes, one more does not.
    let left = u64::MAX / 10_000;
    let mut g = (left - GAS_MARGIN) / 64 * 63;
    while g + 1 + (g + 1) / 63 + GAS_MARGIN <= left {
        g += 1;
    }
    assert!(g + g / 63 + GAS_MARGIN <= left);
    let with_gas = |gas: U256| {
        let mut r = Req::new(alice.address, target.address(), ping_data(1));
        r.gas = gas;
        r.nonce = w.as_(gov).nonces(alice.address);
        r.signed(&alice, exec.address())
    };
    for gas in [U256::from(g + 1), U256::from(u64::MAX), U256::MAX] {
        let s = with_gas(gas);
        // `verify` does not judge the relayer's gas.
        assert!(w.as_(gov).verify(&s.request()));
        assert_error(
            w.as_(gov).execute(&s.request()).motsu_res(),
            InsufficientGas {},
        );
    }
    w.as_(gov)
        .execute(&with_gas(U256::from(g)).request())
        .motsu_unwrap();
}

#[motsu::test]
fn reentry_from_the_target_is_refused(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    let bob = Key::new(2);
    // The target relays bob's request back into the executor (the target holds the role).
    w.as_(gov)
        .grant_role(RELAYER_ROLE, target.address())
        .motsu_unwrap();
    let inner = w.ping(&bob, 9);
    let again = executeCall { req: inner.abi() }.abi_encode();
    target
        .sender(gov)
        .configure(mode::REENTER, exec.address(), again.into());
    let s = w.ping(&alice, 1);
    assert_error(
        w.as_(gov).execute(&s.request()).motsu_res(),
        ExecutionFailed {
            target: target.address(),
            data: ReentrancyGuardReentrantCall {}.abi_encode().into(),
        },
    );
    assert_eq!(w.as_(gov).nonces(bob.address), U256::ZERO);
    // Mode A re-entered the same way.
    w.as_(gov)
        .grant_role(EXECUTOR_ROLE, target.address())
        .motsu_unwrap();
    let again = executeOperationCall {
        target: target.address(),
        data: ping_data(2).into(),
    }
    .abi_encode();
    target
        .sender(gov)
        .configure(mode::REENTER, exec.address(), again.into());
    assert_error(
        w.as_(gov)
            .execute_operation(target.address(), &ping_data(1))
            .motsu_res(),
        ExecutionFailed {
            target: target.address(),
            data: ReentrancyGuardReentrantCall {}.abi_encode().into(),
        },
    );
}

#[motsu::test]
fn paused_executor_relays_nothing(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    let s = w.ping(&alice, 1);
    w.as_(gov).pause().motsu_unwrap();
    assert_error(
        w.as_(gov).execute(&s.request()).motsu_res(),
        EnforcedPause {},
    );
    assert_error(
        w.as_(gov)
            .execute_operation(target.address(), &ping_data(1))
            .motsu_res(),
        EnforcedPause {},
    );
    // Signatures stay valid through a pause.
    assert!(w.as_(gov).verify(&s.request()));
    w.as_(gov).unpause().motsu_unwrap();
    w.as_(gov).execute(&s.request()).motsu_unwrap();
}

#[motsu::test]
fn verify_consumes_nothing(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    let s = w.ping(&alice, 1);
    for _ in 0..3 {
        assert!(w.as_(gov).verify(&s.request()));
    }
    assert_eq!(w.as_(gov).nonces(alice.address), U256::ZERO);
    assert_eq!(target.sender(gov).calls(), U256::ZERO);
}

// ------------------------------------------------------------------ mode A: executeOperation

#[motsu::test]
fn operation_reaches_the_target_as_the_executor(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
    operator: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    w.as_(gov)
        .grant_role(EXECUTOR_ROLE, operator)
        .motsu_unwrap();
    let out = w
        .as_(operator)
        .execute_operation(target.address(), &ping_data(3))
        .motsu_unwrap();
    assert_eq!(out, RESULT);
    // The data as sent with the executor's own address as suffix: the target sees the executor.
    let mut expected = ping_data(3);
    expected.extend_from_slice(exec.address().as_slice());
    assert_eq!(target.sender(gov).last_calldata(), expected);
    assert_eq!(target.sender(gov).last_sender(), exec.address());
    assert_eq!(target.sender(gov).last_value(), U256::ZERO);
    exec.assert_emitted(&OperationExecuted {
        user: operator,
        target: target.address(),
        selector: ping_selector(),
        success: true,
        nonce: U256::ZERO,
        timestamp: now(),
    });
    w.as_(operator)
        .execute_operation(target.address(), &ping_data(4))
        .motsu_unwrap();
    exec.assert_emitted(&OperationExecuted {
        user: operator,
        target: target.address(),
        selector: ping_selector(),
        success: true,
        nonce: U256::from(1),
        timestamp: now(),
    });
    // The nonce counts per relayer.
    assert_eq!(w.as_(gov).nonces(operator), U256::from(2));
    assert_eq!(w.as_(gov).nonces(gov), U256::ZERO);
}

#[motsu::test]
fn only_executors_operate(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
    relayer: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    w.as_(gov).grant_role(RELAYER_ROLE, relayer).motsu_unwrap();
    assert_error(
        w.as_(relayer)
            .execute_operation(target.address(), &ping_data(1))
            .motsu_res(),
        missing(relayer, EXECUTOR_ROLE),
    );
    assert_eq!(target.sender(gov).calls(), U256::ZERO);
}

#[motsu::test]
fn operation_checks_target_calldata_and_selector_in_order(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    assert_error(
        w.as_(gov)
            .execute_operation(target.address(), &[1, 2, 3])
            .motsu_res(),
        TargetNotAllowed {
            target: target.address(),
        },
    );
    w.as_(gov)
        .set_target_allowed(target.address(), true)
        .motsu_unwrap();
    assert_error(
        w.as_(gov)
            .execute_operation(target.address(), &[1, 2, 3])
            .motsu_res(),
        InvalidCalldata {},
    );
    assert_error(
        w.as_(gov)
            .execute_operation(target.address(), &ping_data(1))
            .motsu_res(),
        SelectorNotAllowed {
            selector: ping_selector(),
        },
    );
    w.as_(gov)
        .set_selector_allowed(target.address(), pingCall::SELECTOR, true)
        .motsu_unwrap();
    // Another selector on an allowed target stays refused.
    assert_error(
        w.as_(gov)
            .execute_operation(target.address(), &otherCall { n: U256::ZERO }.abi_encode())
            .motsu_res(),
        SelectorNotAllowed {
            selector: B32::from(otherCall::SELECTOR),
        },
    );
    w.as_(gov)
        .execute_operation(target.address(), &pingCall::SELECTOR)
        .motsu_unwrap();
    assert_eq!(target.sender(gov).calls(), U256::from(1));
}

#[motsu::test]
fn failed_operation_reverts_with_its_data_and_keeps_the_nonce(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    target
        .sender(gov)
        .configure(mode::REVERT, Address::ZERO, Bytes::from(Vec::new()));
    assert_error(
        w.as_(gov)
            .execute_operation(target.address(), &ping_data(1))
            .motsu_res(),
        ExecutionFailed {
            target: target.address(),
            data: BOOM.to_vec().into(),
        },
    );
    assert_eq!(w.as_(gov).nonces(gov), U256::ZERO);
    assert_eq!(count::<OperationExecuted>(&exec), 0);
}

#[motsu::test]
fn disallowing_a_target_stops_both_modes(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    w.allow_ping();
    let alice = Key::new(1);
    let s = w.ping(&alice, 1);
    w.as_(gov)
        .set_target_allowed(target.address(), false)
        .motsu_unwrap();
    let refused = TargetNotAllowed {
        target: target.address(),
    };
    assert_error(
        w.as_(gov).execute(&s.request()).motsu_res(),
        refused.clone(),
    );
    assert_error(
        w.as_(gov)
            .execute_operation(target.address(), &ping_data(1))
            .motsu_res(),
        refused,
    );
    // The pair stays allowed and takes effect again with the target.
    assert!(w
        .as_(gov)
        .allowed_selectors(target.address(), pingCall::SELECTOR));
    w.as_(gov)
        .set_target_allowed(target.address(), true)
        .motsu_unwrap();
    w.as_(gov).execute(&s.request()).motsu_unwrap();
}
