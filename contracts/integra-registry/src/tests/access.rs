//! Constructor, role management, constants and ERC-165.
use alloy_primitives::{fixed_bytes, keccak256};
use stylus_sdk::alloy_primitives::aliases::B32;

use super::*;

#[motsu::test]
fn constructor_rejects_zero_governor(contract: Contract<IntegraRegistry>, alice: Address) {
    assert_error(
        contract.sender(alice).constructor(Address::ZERO),
        ZeroAddress {},
    );
    assert!(!contract
        .sender(alice)
        .has_role(GOVERNOR_ROLE, Address::ZERO));
    assert!(!contract.sender(alice).has_role(GOVERNOR_ROLE, alice));
    assert_eq!(log_count(&contract), 0);
}

#[motsu::test]
fn constructor_grants_admin_and_governor_roles_to_governor_only(
    contract: Contract<IntegraRegistry>,
    alice: Address,
    gov: Address,
) {
    contract.sender(alice).constructor(gov).unwrap();
    assert!(contract.sender(alice).has_role(DEFAULT_ADMIN_ROLE, gov));
    assert!(contract.sender(alice).has_role(GOVERNOR_ROLE, gov));
    assert!(!contract.sender(alice).has_role(DEFAULT_ADMIN_ROLE, alice));
    assert!(!contract.sender(alice).has_role(GOVERNOR_ROLE, alice));
    contract.assert_emitted(&RoleGranted {
        role: DEFAULT_ADMIN_ROLE,
        account: gov,
        sender: alice,
    });
    contract.assert_emitted(&RoleGranted {
        role: GOVERNOR_ROLE,
        account: gov,
        sender: alice,
    });
    assert_eq!(log_count(&contract), 2);
}

#[motsu::test]
fn every_role_is_administered_by_default_admin(contract: Contract<IntegraRegistry>, gov: Address) {
    deploy(&contract, gov);
    assert_eq!(
        contract.sender(gov).get_role_admin(GOVERNOR_ROLE),
        DEFAULT_ADMIN_ROLE
    );
    assert_eq!(
        contract.sender(gov).get_role_admin(DEFAULT_ADMIN_ROLE),
        DEFAULT_ADMIN_ROLE
    );
}

#[motsu::test]
fn constant_getters_return_pinned_values(contract: Contract<IntegraRegistry>, alice: Address) {
    assert_eq!(contract.sender(alice).version(), "7.0.0");
    assert_eq!(
        contract.sender(alice).governor_role(),
        keccak256("GOVERNOR_ROLE")
    );
    assert_eq!(contract.sender(alice).default_admin_role(), B256::ZERO);
}

#[motsu::test]
fn admin_grants_governor_role_and_grantee_can_register(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
    bob: Address,
) {
    deploy(&contract, gov);
    contract.sender(gov).grant_role(GOVERNOR_ROLE, bob).unwrap();
    contract.assert_emitted(&RoleGranted {
        role: GOVERNOR_ROLE,
        account: bob,
        sender: gov,
    });
    assert!(contract.sender(gov).has_role(GOVERNOR_ROLE, bob));
    contract
        .sender(bob)
        .register_provider(id("P"), c1.address(), "EAS", "d")
        .unwrap();
    assert_eq!(contract.sender(bob).get_provider(id("P")), c1.address());
}

#[motsu::test]
fn granting_a_held_role_emits_nothing(contract: Contract<IntegraRegistry>, gov: Address) {
    deploy(&contract, gov);
    let before = log_count(&contract);
    contract.sender(gov).grant_role(GOVERNOR_ROLE, gov).unwrap();
    assert_eq!(log_count(&contract), before);
}

#[motsu::test]
fn admin_revokes_governor_role_and_revokee_cannot_register(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
    bob: Address,
) {
    deploy(&contract, gov);
    contract.sender(gov).grant_role(GOVERNOR_ROLE, bob).unwrap();
    contract
        .sender(gov)
        .revoke_role(GOVERNOR_ROLE, bob)
        .unwrap();
    contract.assert_emitted(&RoleRevoked {
        role: GOVERNOR_ROLE,
        account: bob,
        sender: gov,
    });
    assert!(!contract.sender(gov).has_role(GOVERNOR_ROLE, bob));
    assert_error(
        contract
            .sender(bob)
            .register_provider(id("P"), c1.address(), "EAS", "d"),
        not_governor(bob),
    );
}

#[motsu::test]
fn governor_without_admin_role_cannot_grant_or_revoke(
    contract: Contract<IntegraRegistry>,
    gov: Address,
    bob: Address,
    carol: Address,
) {
    deploy(&contract, gov);
    contract.sender(gov).grant_role(GOVERNOR_ROLE, bob).unwrap();
    let needs_admin = AccessControlUnauthorizedAccount {
        account: bob,
        neededRole: DEFAULT_ADMIN_ROLE,
    };
    assert_error(
        contract.sender(bob).grant_role(GOVERNOR_ROLE, carol),
        needs_admin.clone(),
    );
    assert_error(
        contract.sender(bob).revoke_role(GOVERNOR_ROLE, gov),
        needs_admin,
    );
    assert!(!contract.sender(gov).has_role(GOVERNOR_ROLE, carol));
    assert!(contract.sender(gov).has_role(GOVERNOR_ROLE, gov));
}

#[motsu::test]
fn outsider_cannot_grant_itself_admin(
    contract: Contract<IntegraRegistry>,
    gov: Address,
    mallory: Address,
) {
    deploy(&contract, gov);
    assert_error(
        contract
            .sender(mallory)
            .grant_role(DEFAULT_ADMIN_ROLE, mallory),
        AccessControlUnauthorizedAccount {
            account: mallory,
            neededRole: DEFAULT_ADMIN_ROLE,
        },
    );
}

#[motsu::test]
fn renounce_with_another_accounts_confirmation_is_refused(
    contract: Contract<IntegraRegistry>,
    gov: Address,
    bob: Address,
) {
    deploy(&contract, gov);
    assert_error(
        contract.sender(gov).renounce_role(GOVERNOR_ROLE, bob),
        AccessControlBadConfirmation {},
    );
    assert!(contract.sender(gov).has_role(GOVERNOR_ROLE, gov));
}

#[motsu::test]
fn governor_renouncing_its_role_can_no_longer_register(
    contract: Contract<IntegraRegistry>,
    c1: Contract<IntegraRegistry>,
    gov: Address,
) {
    deploy(&contract, gov);
    contract
        .sender(gov)
        .renounce_role(GOVERNOR_ROLE, gov)
        .unwrap();
    contract.assert_emitted(&RoleRevoked {
        role: GOVERNOR_ROLE,
        account: gov,
        sender: gov,
    });
    assert_error(
        contract
            .sender(gov)
            .register_provider(id("P"), c1.address(), "EAS", "d"),
        not_governor(gov),
    );
    // The admin role is separate: the governor may grant itself the role back.
    contract.sender(gov).grant_role(GOVERNOR_ROLE, gov).unwrap();
    assert!(contract.sender(gov).has_role(GOVERNOR_ROLE, gov));
}

/// The twelve generic functions of spec 03 §1, as Solidity signatures.
const GENERIC_SIGNATURES: [&str; 12] = [
    "registerComponent(bytes32,address,uint8,string,string)",
    "deactivateComponent(bytes32,string)",
    "reactivateComponent(bytes32)",
    "updateComponentMetadata(bytes32,string,string)",
    "getComponent(bytes32)",
    "getComponentInfo(bytes32)",
    "isComponentApproved(address)",
    "getComponentCount()",
    "getComponentCountByType(uint8)",
    "getComponentIdsByType(uint8)",
    "getComponentIdsPaginated(uint256,uint256)",
    "getComponentIdsByTypePaginated(uint8,uint256,uint256)",
];

/// The registry's ERC-165 id, pinned: changing the generic ABI must change this test.
const PINNED_REGISTRY_ID: B32 = fixed_bytes!("0xd351d19d");

#[test]
fn registry_interface_id_is_the_xor_of_the_generic_selectors() {
    let from_signatures = GENERIC_SIGNATURES.iter().fold([0u8; 4], |mut acc, sig| {
        let hash = keccak256(sig.as_bytes());
        for (a, h) in acc.iter_mut().zip(&hash[..4]) {
            *a ^= h;
        }
        acc
    });
    let from_alloy = [
        registerComponentCall::SELECTOR,
        deactivateComponentCall::SELECTOR,
        reactivateComponentCall::SELECTOR,
        updateComponentMetadataCall::SELECTOR,
        getComponentCall::SELECTOR,
        getComponentInfoCall::SELECTOR,
        isComponentApprovedCall::SELECTOR,
        getComponentCountCall::SELECTOR,
        getComponentCountByTypeCall::SELECTOR,
        getComponentIdsByTypeCall::SELECTOR,
        getComponentIdsPaginatedCall::SELECTOR,
        getComponentIdsByTypePaginatedCall::SELECTOR,
    ]
    .iter()
    .fold([0u8; 4], |acc, sel| {
        core::array::from_fn(|i| acc[i] ^ sel[i])
    });
    assert_eq!(from_signatures, from_alloy);
    assert_eq!(B32::from(from_signatures), PINNED_REGISTRY_ID);
    assert_eq!(B32::from(REGISTRY_INTERFACE_ID), PINNED_REGISTRY_ID);
}

#[test]
fn access_control_and_erc165_ids_match_the_standard() {
    assert_eq!(ACCESS_CONTROL_INTERFACE_ID, [0x79, 0x65, 0xdb, 0x0b]);
    assert_eq!(ERC165_INTERFACE_ID, [0x01, 0xff, 0xc9, 0xa7]);
}

#[motsu::test]
fn supports_registry_access_control_and_erc165(
    contract: Contract<IntegraRegistry>,
    alice: Address,
) {
    let c = contract.sender(alice);
    assert!(c.supports_interface(PINNED_REGISTRY_ID));
    assert!(c.supports_interface(fixed_bytes!("0x7965db0b")));
    assert!(c.supports_interface(fixed_bytes!("0x01ffc9a7")));
}

#[motsu::test]
fn does_not_support_invalid_or_unknown_interfaces(
    contract: Contract<IntegraRegistry>,
    alice: Address,
) {
    let c = contract.sender(alice);
    assert!(!c.supports_interface(fixed_bytes!("0xffffffff")));
    assert!(!c.supports_interface(fixed_bytes!("0x12345678")));
    assert!(!c.supports_interface(B32::ZERO));
    // IERC721, a real interface the registry does not implement.
    assert!(!c.supports_interface(fixed_bytes!("0x80ac58cd")));
}
