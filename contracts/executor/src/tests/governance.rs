//! Constructor, allow-lists, pause, roles and the constant views.
use super::*;

#[motsu::test]
fn constructor_grants_the_governor_four_roles(
    exec: Contract<IntegraExecutor>,
    gov: Address,
    deployer: Address,
) {
    exec.sender(deployer).constructor(gov).motsu_unwrap();
    for role in [
        DEFAULT_ADMIN_ROLE,
        GOVERNOR_ROLE,
        EXECUTOR_ROLE,
        RELAYER_ROLE,
    ] {
        assert!(exec.sender(gov).has_role(role, gov));
        assert!(!exec.sender(gov).has_role(role, deployer));
        exec.assert_emitted(&RoleGranted {
            role,
            account: gov,
            sender: deployer,
        });
    }
    assert_eq!(count::<RoleGranted>(&exec), 4);
    assert!(!exec.sender(gov).paused());
    assert_eq!(
        exec.sender(gov).get_role_admin(RELAYER_ROLE),
        DEFAULT_ADMIN_ROLE
    );
}

#[motsu::test]
fn constructor_refuses_a_zero_governor(exec: Contract<IntegraExecutor>, deployer: Address) {
    assert_error(
        exec.sender(deployer).constructor(Address::ZERO).motsu_res(),
        ZeroAddress {},
    );
}

#[motsu::test]
fn governor_allows_and_disallows_targets(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    let t = target.address();
    assert!(!w.as_(gov).allowed_targets(t));
    w.as_(gov).set_target_allowed(t, true).motsu_unwrap();
    assert!(w.as_(gov).allowed_targets(t));
    exec.assert_emitted(&TargetAllowed {
        target: t,
        allowed: true,
        timestamp: now(),
    });
    w.as_(gov).set_target_allowed(t, false).motsu_unwrap();
    assert!(!w.as_(gov).allowed_targets(t));
    exec.assert_emitted(&TargetAllowed {
        target: t,
        allowed: false,
        timestamp: now(),
    });
}

#[motsu::test]
fn target_allow_list_refuses_zero_self_and_strangers(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
    mallory: Address,
) {
    let w = deploy(&exec, &target, gov);
    assert_error(
        w.as_(mallory)
            .set_target_allowed(target.address(), true)
            .motsu_res(),
        missing(mallory, GOVERNOR_ROLE),
    );
    assert_error(
        w.as_(gov)
            .set_target_allowed(Address::ZERO, true)
            .motsu_res(),
        ZeroAddress {},
    );
    assert_error(
        w.as_(gov)
            .set_target_allowed(exec.address(), true)
            .motsu_res(),
        TargetNotAllowed {
            target: exec.address(),
        },
    );
    // Disallowing itself is harmless and allowed.
    w.as_(gov)
        .set_target_allowed(exec.address(), false)
        .motsu_unwrap();
    assert!(!w.as_(gov).allowed_targets(exec.address()));
    assert_eq!(count::<TargetAllowed>(&exec), 1);
}

#[motsu::test]
fn selectors_are_allowed_per_target(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    other: Contract<Recorder>,
    gov: Address,
    mallory: Address,
) {
    let w = deploy(&exec, &target, gov);
    let sel = pingCall::SELECTOR;
    w.as_(gov)
        .set_selector_allowed(target.address(), sel, true)
        .motsu_unwrap();
    exec.assert_emitted(&SelectorAllowed {
        target: target.address(),
        selector: ping_selector(),
        allowed: true,
        timestamp: now(),
    });
    assert!(w.as_(gov).allowed_selectors(target.address(), sel));
    assert!(!w.as_(gov).allowed_selectors(other.address(), sel));
    assert!(!w
        .as_(gov)
        .allowed_selectors(target.address(), otherCall::SELECTOR));
    // With both targets allowed, `ping` on the other one is still refused.
    for t in [target.address(), other.address()] {
        w.as_(gov).set_target_allowed(t, true).motsu_unwrap();
    }
    assert_error(
        w.as_(gov)
            .execute_operation(other.address(), &ping_data(1))
            .motsu_res(),
        SelectorNotAllowed {
            selector: ping_selector(),
        },
    );
    w.as_(gov)
        .set_selector_allowed(target.address(), sel, false)
        .motsu_unwrap();
    exec.assert_emitted(&SelectorAllowed {
        target: target.address(),
        selector: ping_selector(),
        allowed: false,
        timestamp: now(),
    });
    assert!(!w.as_(gov).allowed_selectors(target.address(), sel));
    assert_error(
        w.as_(mallory)
            .set_selector_allowed(target.address(), sel, true)
            .motsu_res(),
        missing(mallory, GOVERNOR_ROLE),
    );
    assert_error(
        w.as_(gov)
            .set_selector_allowed(Address::ZERO, sel, true)
            .motsu_res(),
        ZeroAddress {},
    );
}

#[motsu::test]
fn governor_pauses_and_unpauses(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
    mallory: Address,
) {
    let w = deploy(&exec, &target, gov);
    assert_error(
        w.as_(mallory).pause().motsu_res(),
        missing(mallory, GOVERNOR_ROLE),
    );
    assert_error(w.as_(gov).unpause().motsu_res(), ExpectedPause {});
    w.as_(gov).pause().motsu_unwrap();
    assert!(w.as_(gov).paused());
    exec.assert_emitted(&Paused { account: gov });
    assert_error(w.as_(gov).pause().motsu_res(), EnforcedPause {});
    assert_error(
        w.as_(mallory).unpause().motsu_res(),
        missing(mallory, GOVERNOR_ROLE),
    );
    w.as_(gov).unpause().motsu_unwrap();
    assert!(!w.as_(gov).paused());
    exec.assert_emitted(&Unpaused { account: gov });
}

#[motsu::test]
fn roles_are_granted_revoked_and_renounced_by_openzeppelin_rules(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
    relayer: Address,
    mallory: Address,
) {
    let w = deploy(&exec, &target, gov);
    assert_error(
        w.as_(mallory).grant_role(RELAYER_ROLE, mallory).motsu_res(),
        missing(mallory, DEFAULT_ADMIN_ROLE),
    );
    w.as_(gov).grant_role(RELAYER_ROLE, relayer).motsu_unwrap();
    exec.assert_emitted(&RoleGranted {
        role: RELAYER_ROLE,
        account: relayer,
        sender: gov,
    });
    assert!(w.as_(gov).has_role(RELAYER_ROLE, relayer));
    assert_error(
        w.as_(mallory)
            .revoke_role(RELAYER_ROLE, relayer)
            .motsu_res(),
        missing(mallory, DEFAULT_ADMIN_ROLE),
    );
    assert_error(
        w.as_(relayer).renounce_role(RELAYER_ROLE, gov).motsu_res(),
        AccessControlBadConfirmation {},
    );
    w.as_(gov).revoke_role(RELAYER_ROLE, relayer).motsu_unwrap();
    exec.assert_emitted(&RoleRevoked {
        role: RELAYER_ROLE,
        account: relayer,
        sender: gov,
    });
    w.as_(gov).renounce_role(EXECUTOR_ROLE, gov).motsu_unwrap();
    assert!(!w.as_(gov).has_role(EXECUTOR_ROLE, gov));
    assert!(!w.as_(gov).has_role(RELAYER_ROLE, relayer));
}

#[motsu::test]
fn supports_its_interfaces(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    gov: Address,
) {
    let w = deploy(&exec, &target, gov);
    for id in [
        EXECUTOR_INTERFACE_ID,
        ACCESS_CONTROL_INTERFACE_ID,
        ERC165_INTERFACE_ID,
    ] {
        assert!(w.as_(gov).supports_interface(B32::from(id)));
    }
    assert!(!w.as_(gov).supports_interface(B32::from([0xff; 4])));
}
