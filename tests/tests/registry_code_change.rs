//! R2/R5 against code replacement: a component whose code changes after registration is no
//! longer returned or approved, and cannot be reactivated. motsu gives every contract the same
//! code hash, so this runs here, where an account's code (and so its EXTCODEHASH) can change.

use alloy_primitives::{address, keccak256, Address, B256};
use alloy_sol_types::{sol, SolValue};
use integra_tests::{assert_reverted_with, World};
use stylus_vm::Status;

sol! {
    function registerProvider(bytes32 providerId, address provider, string providerType, string description);
    function registerVerifier(bytes32 verifierId, address verifier, string verifierType, string description);
    function registerResolver(bytes32 resolverId, address resolver, string resolverType, string description);
    function registerTokenizer(bytes32 tokenizerId, address tokenizer, string tokenizerType, string description);
    function getProvider(bytes32 providerId) external view returns (address);
    function getComponent(bytes32 id) external view returns (address);
    function getTokenizerComponent(bytes32 tokenizerId) external view returns (address);
    function isComponentApproved(address component) external view returns (bool);
    function deactivateProvider(bytes32 providerId, string reason);
    function deactivateVerifier(bytes32 verifierId);
    function deactivateResolver(bytes32 resolverId);
    function deactivateComponent(bytes32 id, string reason);
    function reactivateProvider(bytes32 providerId);
    function reactivateVerifier(bytes32 verifierId);
    function reactivateResolver(bytes32 resolverId);
    function reactivateComponent(bytes32 id);
    error ProviderCodeChanged(bytes32 providerId, bytes32 expectedHash, bytes32 currentHash);
    error VerifierCodeChanged(bytes32 verifierId, bytes32 expectedHash, bytes32 currentHash);
    error ResolverCodeChanged(bytes32 resolverId, bytes32 expectedHash, bytes32 currentHash);
    error ComponentCodeChanged(bytes32 componentId, bytes32 expectedHash, bytes32 currentHash);
}

const GOVERNOR: Address = address!("00000000000000000000000000000000000060e0");
const COMPONENT: Address = address!("00000000000000000000000000000000000c0de0");
const ORIGINAL: [u8; 5] = [0x60, 0x00, 0x60, 0x00, 0xf3];
const REPLACED: [u8; 5] = [0x60, 0x01, 0x60, 0x00, 0xf3];

fn setup() -> (World, Address) {
    let mut world = World::new();
    let (registry, _) = world
        .deploy("integra-registry", GOVERNOR, &GOVERNOR.abi_encode())
        .expect("deploys");
    world
        .vm
        .state_mut()
        .set_code(COMPONENT, ORIGINAL.to_vec().into());
    (world, registry)
}

fn replace_code(world: &mut World) {
    world
        .vm
        .state_mut()
        .set_code(COMPONENT, REPLACED.to_vec().into());
}

fn ok(world: &mut World, registry: Address, call: &impl alloy_sol_types::SolCall) {
    let r = world.send(GOVERNOR, registry, call);
    assert_eq!(r.status, Status::Success, "{r:?}");
}

fn id(n: u8) -> B256 {
    B256::with_last_byte(n)
}

#[test]
fn replaced_code_hides_the_component_and_revokes_its_approval() {
    let (mut world, registry) = setup();
    let register = registerProviderCall {
        providerId: id(1),
        provider: COMPONENT,
        providerType: "EAS".into(),
        description: "provider".into(),
    };
    ok(&mut world, registry, &register);
    assert_eq!(
        world
            .view(registry, &getProviderCall { providerId: id(1) })
            ._0,
        COMPONENT
    );
    assert!(
        world
            .view(
                registry,
                &isComponentApprovedCall {
                    component: COMPONENT
                }
            )
            ._0
    );

    replace_code(&mut world);
    assert_eq!(
        world
            .view(registry, &getProviderCall { providerId: id(1) })
            ._0,
        Address::ZERO
    );
    assert_eq!(
        world.view(registry, &getComponentCall { id: id(1) })._0,
        Address::ZERO
    );
    assert!(
        !world
            .view(
                registry,
                &isComponentApprovedCall {
                    component: COMPONENT
                }
            )
            ._0
    );

    // Putting the registered code back makes the entry resolvable again: the pin is the hash.
    world
        .vm
        .state_mut()
        .set_code(COMPONENT, ORIGINAL.to_vec().into());
    assert_eq!(
        world
            .view(registry, &getProviderCall { providerId: id(1) })
            ._0,
        COMPONENT
    );
}

#[test]
fn replaced_tokenizer_code_hides_it_from_the_typed_getter() {
    let (mut world, registry) = setup();
    let register = registerTokenizerCall {
        tokenizerId: id(4),
        tokenizer: COMPONENT,
        tokenizerType: "ERC-721".into(),
        description: "ownership".into(),
    };
    ok(&mut world, registry, &register);
    replace_code(&mut world);
    assert_eq!(
        world
            .view(registry, &getTokenizerComponentCall { tokenizerId: id(4) })
            ._0,
        Address::ZERO
    );
}

/// Registers `COMPONENT`, deactivates it, replaces its code; returns the world to reactivate in.
fn deactivated_then_replaced(
    register: &impl alloy_sol_types::SolCall,
    deactivate: &impl alloy_sol_types::SolCall,
) -> (World, Address) {
    let (mut world, registry) = setup();
    ok(&mut world, registry, register);
    ok(&mut world, registry, deactivate);
    replace_code(&mut world);
    (world, registry)
}

fn hashes() -> (B256, B256) {
    (keccak256(ORIGINAL), keccak256(REPLACED))
}

#[test]
fn provider_reactivation_after_a_code_change_names_both_hashes() {
    let (expected, current) = hashes();
    let (mut world, registry) = deactivated_then_replaced(
        &registerProviderCall {
            providerId: id(1),
            provider: COMPONENT,
            providerType: "EAS".into(),
            description: "provider".into(),
        },
        &deactivateProviderCall {
            providerId: id(1),
            reason: String::new(),
        },
    );
    let r = world.send(
        GOVERNOR,
        registry,
        &reactivateProviderCall { providerId: id(1) },
    );
    assert_reverted_with(
        &r,
        &ProviderCodeChanged {
            providerId: id(1),
            expectedHash: expected,
            currentHash: current,
        },
    );
    let r = world.send(GOVERNOR, registry, &reactivateComponentCall { id: id(1) });
    assert_reverted_with(
        &r,
        &ComponentCodeChanged {
            componentId: id(1),
            expectedHash: expected,
            currentHash: current,
        },
    );
}

#[test]
fn verifier_reactivation_after_a_code_change_names_both_hashes() {
    let (expected, current) = hashes();
    let (mut world, registry) = deactivated_then_replaced(
        &registerVerifierCall {
            verifierId: id(2),
            verifier: COMPONENT,
            verifierType: "Groth16".into(),
            description: "verifier".into(),
        },
        &deactivateVerifierCall { verifierId: id(2) },
    );
    let r = world.send(
        GOVERNOR,
        registry,
        &reactivateVerifierCall { verifierId: id(2) },
    );
    assert_reverted_with(
        &r,
        &VerifierCodeChanged {
            verifierId: id(2),
            expectedHash: expected,
            currentHash: current,
        },
    );
}

#[test]
fn resolver_reactivation_after_a_code_change_names_both_hashes() {
    let (expected, current) = hashes();
    let (mut world, registry) = deactivated_then_replaced(
        &registerResolverCall {
            resolverId: id(3),
            resolver: COMPONENT,
            resolverType: "Communication".into(),
            description: "resolver".into(),
        },
        &deactivateResolverCall { resolverId: id(3) },
    );
    let r = world.send(
        GOVERNOR,
        registry,
        &reactivateResolverCall { resolverId: id(3) },
    );
    assert_reverted_with(
        &r,
        &ResolverCodeChanged {
            resolverId: id(3),
            expectedHash: expected,
            currentHash: current,
        },
    );
}

#[test]
fn reactivation_with_unchanged_code_succeeds() {
    let (mut world, registry) = setup();
    ok(
        &mut world,
        registry,
        &registerProviderCall {
            providerId: id(1),
            provider: COMPONENT,
            providerType: "EAS".into(),
            description: "provider".into(),
        },
    );
    ok(
        &mut world,
        registry,
        &deactivateComponentCall {
            id: id(1),
            reason: "audit".into(),
        },
    );
    assert_eq!(
        world
            .view(registry, &getProviderCall { providerId: id(1) })
            ._0,
        Address::ZERO
    );
    ok(&mut world, registry, &reactivateComponentCall { id: id(1) });
    assert_eq!(
        world
            .view(registry, &getProviderCall { providerId: id(1) })
            ._0,
        COMPONENT
    );
}
