//! The README's main job: deploy the shipped contracts into the in-process Stylus chain and walk
//! the Integra workflow as far as the contracts exist, printing each step, its gas, its decoded
//! events or typed error, and the resulting state.
//! Run with `scripts/demo.sh` (or `cargo run -p integra-tests --bin demo`).
//!
//! Today: the component registry (deploy-order step 2 of spec 00 §1). Components that are not
//! contracts of this repository yet are stand-in contract accounts, and say so.

use std::process::ExitCode;

use alloy_primitives::{address, keccak256, Address, U256};
use alloy_sol_types::{sol, SolCall, SolError, SolEvent, SolValue};
use integra_tests::{gas::thousands, World};
use stylus_vm::{Log, Receipt, Status};

sol! {
    #[derive(Debug)]
    struct ProviderInfo {
        address providerAddress;
        bytes32 codeHash;
        bool active;
        uint256 registeredAt;
        string description;
        string providerType;
    }
    function registerProvider(bytes32 providerId, address provider, string providerType, string description);
    function deactivateProvider(bytes32 providerId, string reason);
    function reactivateProvider(bytes32 providerId);
    function getProvider(bytes32 providerId) external view returns (address);
    function getProviderInfo(bytes32 providerId) external view returns (ProviderInfo memory);
    function getComponentCount() external view returns (uint256);
    function isComponentApproved(address component) external view returns (bool);

    #[derive(Debug)]
    event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender);
    #[derive(Debug)]
    event ComponentRegistered(bytes32 indexed componentId, address indexed component, uint8 indexed registryType, bytes32 codeHash, string componentType, string description, uint256 timestamp);
    #[derive(Debug)]
    event ProviderRegistered(bytes32 indexed providerId, address indexed provider, bytes32 codeHash, string providerType, string description, uint256 timestamp);
    #[derive(Debug)]
    event ComponentDeactivated(bytes32 indexed componentId, address indexed component, string reason, uint256 timestamp);
    #[derive(Debug)]
    event ProviderDeactivated(bytes32 indexed providerId, address indexed provider, uint256 timestamp);
    #[derive(Debug)]
    event ProviderDeactivationReason(bytes32 indexed providerId, string reason, uint256 timestamp);
    #[derive(Debug)]
    event ComponentReactivated(bytes32 indexed componentId, address indexed component, uint256 timestamp);
    #[derive(Debug)]
    event ProviderReactivated(bytes32 indexed providerId, address indexed provider, uint256 timestamp);

    error AccessControlUnauthorizedAccount(address account, bytes32 neededRole);
    error ProviderInactive(bytes32 providerId);
}

const GOVERNOR: Address = address!("00000000000000000000000000000000000060e0");
const OUTSIDER: Address = address!("000000000000000000000000000000000000bad0");
const EAS_STAND_IN: Address = address!("00000000000000000000000000000000000ea500");

/// One line per log, with the event's name and its decoded fields.
fn describe_log(log: &Log) -> String {
    macro_rules! try_events {
        ($($ev:ident),*) => {
            $(
                if log.topics.first() == Some(&$ev::SIGNATURE_HASH) {
                    if let Ok(decoded) = $ev::decode_raw_log(log.topics.iter().copied(), &log.data, true) {
                        return format!("{decoded:?}");
                    }
                }
            )*
        };
    }
    try_events!(
        RoleGranted,
        ComponentRegistered,
        ProviderRegistered,
        ComponentDeactivated,
        ProviderDeactivated,
        ProviderDeactivationReason,
        ComponentReactivated,
        ProviderReactivated
    );
    format!("unknown event {:?}", log.topics.first())
}

fn describe_revert(output: &[u8]) -> String {
    if let Ok(e) = AccessControlUnauthorizedAccount::abi_decode(output, true) {
        return format!(
            "AccessControlUnauthorizedAccount(account: {}, neededRole: {})",
            e.account, e.neededRole
        );
    }
    if let Ok(e) = ProviderInactive::abi_decode(output, true) {
        return format!("ProviderInactive({})", e.providerId);
    }
    format!("0x{}", alloy_primitives::hex::encode(output))
}

fn step(n: &mut u32, what: &str, r: &Receipt) {
    *n += 1;
    println!(
        "\n{n}. {what}\n   {:?}: {} gas (intrinsic {}, program entry {})",
        r.status,
        thousands(r.gas_used),
        thousands(r.intrinsic_gas),
        thousands(r.entry_gas)
    );
    if r.status == Status::Success {
        for log in &r.logs {
            println!("   event {}", describe_log(log));
        }
    } else {
        println!("   reverted with {}", describe_revert(&r.output));
    }
}

fn main() -> ExitCode {
    let mut world = World::new();
    let mut n = 0;
    let (registry, ctor) = match world.deploy("integra-registry", GOVERNOR, &GOVERNOR.abi_encode())
    {
        Ok(deployed) => deployed,
        Err(e) => {
            eprintln!("demo: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("Integra on Stylus — in-process chain (stylus-vm, Nitro pricing, ArbOS 60 rules)");
    step(
        &mut n,
        &format!("deploy IntegraRegistry at {registry} (governor {GOVERNOR})"),
        &ctor,
    );

    // The EAS attestation provider is not a contract of this repository yet: a stand-in account
    // with code takes its place so the registry's code-hash pinning has something to pin.
    world
        .vm
        .state_mut()
        .set_code(EAS_STAND_IN, vec![0x60, 0x00, 0x60, 0x00, 0xf3].into());
    let eas_id = keccak256("EAS_V1");
    let register = registerProviderCall {
        providerId: eas_id,
        provider: EAS_STAND_IN,
        providerType: "EAS".into(),
        description: "Ethereum Attestation Service provider (stand-in account)".into(),
    };
    let r = world.send(GOVERNOR, registry, &register);
    step(
        &mut n,
        "governor registers provider keccak256(\"EAS_V1\")",
        &r,
    );

    let mut by_outsider = register.clone();
    by_outsider.providerId = keccak256("EAS_V2");
    let r = world.raw(OUTSIDER, registry, &by_outsider.abi_encode(), U256::ZERO);
    step(&mut n, "an outsider tries to register a provider", &r);

    let r = world.send(
        GOVERNOR,
        registry,
        &deactivateProviderCall {
            providerId: eas_id,
            reason: "key rotation".into(),
        },
    );
    step(
        &mut n,
        "governor deactivates the provider (reason \"key rotation\")",
        &r,
    );
    let resolved = world
        .view(registry, &getProviderCall { providerId: eas_id })
        ._0;
    println!("   getProvider(EAS_V1) now resolves to {resolved} (consumers see no provider)");

    let r = world.send(
        GOVERNOR,
        registry,
        &deactivateProviderCall {
            providerId: eas_id,
            reason: String::new(),
        },
    );
    step(&mut n, "deactivating it again", &r);

    let r = world.send(
        GOVERNOR,
        registry,
        &reactivateProviderCall { providerId: eas_id },
    );
    step(&mut n, "governor reactivates it (code hash unchanged)", &r);

    let info = world
        .view(registry, &getProviderInfoCall { providerId: eas_id })
        ._0;
    let count = world.view(registry, &getComponentCountCall {})._0;
    let approved = world
        .view(
            registry,
            &isComponentApprovedCall {
                component: EAS_STAND_IN,
            },
        )
        ._0;
    println!("\nstate:");
    println!("   components registered: {count}");
    println!(
        "   EAS_V1 → {} active={} type={:?} registeredAt={} codeHash={}",
        info.providerAddress, info.active, info.providerType, info.registeredAt, info.codeHash
    );
    println!("   isComponentApproved({EAS_STAND_IN}) = {approved}");
    ExitCode::SUCCESS
}
