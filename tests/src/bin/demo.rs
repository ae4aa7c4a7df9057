//! A short tour: deploy `IntegraRegistry`'s WASM into the in-process Stylus executor, register a
//! provider as the governor, read it back, and watch an outsider get the typed error.
//! Run with `cargo run -p integra-tests --bin demo`.

use std::process::ExitCode;

use alloy_primitives::{address, hex, Address, B256};
use alloy_sol_types::{sol, SolCall, SolValue};
use integra_tests::{gas::thousands, World};

sol! {
    function registerProvider(bytes32 providerId, address provider, string providerType, string description);
    function getProvider(bytes32 providerId) external view returns (address);
}

const GOVERNOR: Address = address!("00000000000000000000000000000000000060e0");
const OUTSIDER: Address = address!("000000000000000000000000000000000000bad0");
const PROVIDER: Address = address!("00000000000000000000000000000000000ea500");

fn main() -> ExitCode {
    let mut world = World::new();
    let (registry, ctor) = match world.deploy("integra-registry", GOVERNOR, &GOVERNOR.abi_encode())
    {
        Ok(deployed) => deployed,
        Err(e) => {
            eprintln!("demo: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "IntegraRegistry deployed at {registry}; constructor: {} gas ({} of it program entry)",
        thousands(ctor.gas_used),
        thousands(ctor.entry_gas)
    );
    world
        .vm
        .state_mut()
        .set_code(PROVIDER, vec![0x60, 0x00, 0x60, 0x00, 0xf3].into());
    let call = registerProviderCall {
        providerId: B256::with_last_byte(1),
        provider: PROVIDER,
        providerType: "EAS".into(),
        description: "Ethereum Attestation Service".into(),
    };
    let r = world.send(GOVERNOR, registry, &call);
    println!(
        "registerProvider by the governor: {:?}, {} gas, {} logs",
        r.status,
        thousands(r.gas_used),
        r.logs.len()
    );
    for log in &r.logs {
        println!(
            "  log topic0 {}",
            log.topics.first().copied().unwrap_or_default()
        );
    }
    let got = world.view(
        registry,
        &getProviderCall {
            providerId: B256::with_last_byte(1),
        },
    );
    println!("getProvider(1) = {}", got._0);
    let mut call = call;
    call.providerId = B256::with_last_byte(2);
    let r = world.raw(
        OUTSIDER,
        registry,
        &call.abi_encode(),
        alloy_primitives::U256::ZERO,
    );
    println!(
        "registerProvider by an outsider: {:?}, revert data 0x{}",
        r.status,
        hex::encode(&r.output)
    );
    ExitCode::SUCCESS
}
