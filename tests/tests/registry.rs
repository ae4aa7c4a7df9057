//! `IntegraRegistry`'s WASM artifact, deployed into the executor: constructor, governance,
//! registration through a typed facade, events, typed errors, reads.

use alloy_primitives::{address, keccak256, Address, B256, U256};
use alloy_sol_types::{sol, SolValue};
use integra_tests::{assert_reverted_with, events, role, World};
use stylus_vm::Status;

sol! {
    #[derive(Debug, PartialEq, Eq)]
    struct ProviderInfo {
        address providerAddress;
        bytes32 codeHash;
        bool active;
        uint256 registeredAt;
        string description;
        string providerType;
    }
    function registerProvider(bytes32 providerId, address provider, string providerType, string description);
    function getProvider(bytes32 providerId) external view returns (address);
    function getProviderInfo(bytes32 providerId) external view returns (ProviderInfo memory);
    function getVerifier(bytes32 verifierId) external view returns (address);
    function getProviderCount() external view returns (uint256);
    function hasRole(bytes32 role, address account) external view returns (bool);
    function VERSION() external view returns (string memory);
    #[derive(Debug, PartialEq, Eq)]
    event ComponentRegistered(bytes32 indexed componentId, address indexed component, uint8 indexed registryType, bytes32 codeHash, string componentType, string description, uint256 timestamp);
    #[derive(Debug, PartialEq, Eq)]
    event ProviderRegistered(bytes32 indexed providerId, address indexed provider, bytes32 codeHash, string providerType, string description, uint256 timestamp);
    #[derive(Debug, PartialEq, Eq)]
    event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender);
    error AccessControlUnauthorizedAccount(address account, bytes32 neededRole);
    error NotAContract(address account);
    error ZeroComponentId();
}

const GOVERNOR: Address = address!("00000000000000000000000000000000000060e0");
const MALLORY: Address = address!("000000000000000000000000000000000000bad0");
const PROVIDER: Address = address!("00000000000000000000000000000000000ea500");

fn governor_role() -> B256 {
    role("GOVERNOR_ROLE")
}

/// A registry governed by `GOVERNOR`, and an EVM-style contract account to register.
fn setup() -> (World, Address) {
    let mut world = World::new();
    let (registry, receipt) = world
        .deploy("integra-registry", GOVERNOR, &GOVERNOR.abi_encode())
        .expect("registry deploys");
    let granted = events::<RoleGranted>(&receipt.logs);
    assert_eq!(granted.len(), 2, "admin and governor roles");
    world
        .vm
        .state_mut()
        .set_code(PROVIDER, vec![0x60, 0x00, 0x60, 0x00, 0xf3].into());
    (world, registry)
}

fn register(id: B256) -> registerProviderCall {
    registerProviderCall {
        providerId: id,
        provider: PROVIDER,
        providerType: "EAS".into(),
        description: "attestation provider".into(),
    }
}

#[test]
fn the_constructor_grants_admin_and_governor_roles_once() {
    let (mut world, registry) = setup();
    assert!(
        world
            .view(
                registry,
                &hasRoleCall {
                    role: governor_role(),
                    account: GOVERNOR
                }
            )
            ._0
    );
    assert!(
        world
            .view(
                registry,
                &hasRoleCall {
                    role: B256::ZERO,
                    account: GOVERNOR
                }
            )
            ._0
    );
    assert!(
        !world
            .view(
                registry,
                &hasRoleCall {
                    role: governor_role(),
                    account: MALLORY
                }
            )
            ._0
    );
    // A second constructor call is refused by the SDK's constructor slot.
    let mut again = integra_tests::constructor_selector().to_vec();
    again.extend_from_slice(&MALLORY.abi_encode());
    let r = world.raw(MALLORY, registry, &again, U256::ZERO);
    assert_eq!(r.status, Status::Revert);
    assert!(
        !world
            .view(
                registry,
                &hasRoleCall {
                    role: governor_role(),
                    account: MALLORY
                }
            )
            ._0
    );
}

#[test]
fn the_governor_registers_a_provider_with_its_code_hash_and_both_events() {
    let (mut world, registry) = setup();
    world.vm.block_mut().timestamp = 1_750_000_000;
    let id = B256::with_last_byte(7);
    let r = world.send(GOVERNOR, registry, &register(id));
    assert_eq!(r.status, Status::Success, "{:?}", r.trap);
    let code_hash = keccak256([0x60, 0x00, 0x60, 0x00, 0xf3]);

    let generic = events::<ComponentRegistered>(&r.logs);
    assert_eq!(
        generic,
        vec![ComponentRegistered {
            componentId: id,
            component: PROVIDER,
            registryType: 0,
            codeHash: code_hash,
            componentType: "EAS".into(),
            description: "attestation provider".into(),
            timestamp: U256::from(1_750_000_000u64),
        }]
    );
    let typed = events::<ProviderRegistered>(&r.logs);
    assert_eq!(typed.len(), 1);
    assert_eq!(typed[0].codeHash, code_hash);

    assert_eq!(
        world.view(registry, &getProviderCall { providerId: id })._0,
        PROVIDER
    );
    // A typed getter of another type sees nothing.
    assert_eq!(
        world.view(registry, &getVerifierCall { verifierId: id })._0,
        Address::ZERO
    );
    let info = world
        .view(registry, &getProviderInfoCall { providerId: id })
        ._0;
    assert_eq!(
        info,
        ProviderInfo {
            providerAddress: PROVIDER,
            codeHash: code_hash,
            active: true,
            registeredAt: U256::from(1_750_000_000u64),
            description: "attestation provider".into(),
            providerType: "EAS".into(),
        }
    );
    assert_eq!(
        world.view(registry, &getProviderCountCall {})._0,
        U256::from(1)
    );
}

#[test]
fn an_account_without_the_governor_role_cannot_register() {
    let (mut world, registry) = setup();
    let r = world.send(MALLORY, registry, &register(B256::with_last_byte(1)));
    assert_reverted_with(
        &r,
        &AccessControlUnauthorizedAccount {
            account: MALLORY,
            neededRole: governor_role(),
        },
    );
    assert!(r.logs.is_empty());
    assert_eq!(
        world.view(registry, &getProviderCountCall {})._0,
        U256::ZERO
    );
}

#[test]
fn an_address_without_code_or_a_zero_id_is_refused() {
    let (mut world, registry) = setup();
    let mut call = register(B256::with_last_byte(1));
    call.provider = MALLORY;
    assert_reverted_with(
        &world.send(GOVERNOR, registry, &call),
        &NotAContract { account: MALLORY },
    );
    assert_reverted_with(
        &world.send(GOVERNOR, registry, &register(B256::ZERO)),
        &ZeroComponentId {},
    );
}

#[test]
fn value_sent_to_the_registry_reverts_with_empty_data() {
    let (mut world, registry) = setup();
    world.vm.state_mut().set_balance(GOVERNOR, U256::from(10));
    let r = world.raw(
        GOVERNOR,
        registry,
        &alloy_sol_types::SolCall::abi_encode(&VERSIONCall {}),
        U256::from(1),
    );
    assert_eq!(r.status, Status::Revert);
    assert!(r.output.is_empty());
    assert_eq!(world.vm.state().balance(&GOVERNOR), U256::from(10));
}

#[test]
fn reports_version_7() {
    let (mut world, registry) = setup();
    assert_eq!(world.view(registry, &VERSIONCall {})._0, "7.0.0");
}
