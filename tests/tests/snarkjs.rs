//! A proof produced by snarkjs for the circom version of the processHash circuit
//! (`scripts/snarkjs-fixture.sh`, committed in `circuits/fixtures/snarkjs/`) verifies in the
//! deployed `Groth16Verifier` WASM — built with that ceremony's verifying key — through the
//! real BN254 precompiles. So circom/snarkjs users can post messages.

use alloy_primitives::{address, keccak256, Address};
use alloy_sol_types::sol;
use integra_circuits::evm::{self, EvmProof};
use integra_tests::{artifact_built_with, World};

sol! {
    function verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[2] input) external view returns (bool);
    function verifyingKeyHash() external view returns (bytes32);
}

const DEPLOYER: Address = address!("00000000000000000000000000000000000060e0");

fn fixture(file: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../circuits/fixtures/snarkjs");
    std::fs::read_to_string(format!("{dir}/{file}")).expect("fixture present")
}

/// The verifier built with the fixture ceremony's key, deployed; returns it and the key bytes.
fn deploy_fixture_verifier(world: &mut World) -> (Address, Vec<u8>) {
    let vk = evm::vk_from_snarkjs_json(&fixture("verification_key.json")).expect("snarkjs vk");
    // A stable path, so repeated runs do not rebuild the verifier.
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("snarkjs-fixture-vk.bin");
    if std::fs::read(&path).ok().as_deref() != Some(vk.as_slice()) {
        std::fs::write(&path, &vk).expect("writing the key");
    }
    let wasm = artifact_built_with("groth16-verifier", &[("INTEGRA_VERIFIER_VK", &path)])
        .expect("verifier builds with the fixture key");
    let verifier = world.vm.deploy(DEPLOYER, &wasm).expect("deploys");
    (verifier, vk)
}

fn call(proof: &EvmProof, input: [alloy_primitives::U256; 2]) -> verifyProofCall {
    verifyProofCall {
        a: proof.a,
        b: proof.b,
        c: proof.c,
        input,
    }
}

#[test]
fn snarkjs_proof_of_the_circom_circuit_verifies_in_the_deployed_verifier() {
    let mut world = World::new();
    let (verifier, vk) = deploy_fixture_verifier(&mut world);
    assert_eq!(
        world.view(verifier, &verifyingKeyHashCall {})._0,
        keccak256(&vk),
        "the deployment verifies the ceremony's key"
    );

    let proof = EvmProof::from_snarkjs_json(&fixture("proof.json")).expect("snarkjs proof");
    let signals = evm::public_signals_from_snarkjs_json(&fixture("public.json")).expect("signals");
    let input = [signals[0], signals[1]];
    let message = evm::message_from_json(&fixture("message.json")).expect("message");
    assert_eq!(
        input[1],
        evm::fr_to_u256(message.hash()),
        "signal 1 is the messageHash"
    );

    assert!(world.view(verifier, &call(&proof, input))._0);
}

#[test]
fn the_snarkjs_proof_does_not_verify_for_another_sender_or_process() {
    let mut world = World::new();
    let (verifier, _) = deploy_fixture_verifier(&mut world);
    let proof = EvmProof::from_snarkjs_json(&fixture("proof.json")).expect("snarkjs proof");
    let signals = evm::public_signals_from_snarkjs_json(&fixture("public.json")).expect("signals");
    let message = evm::message_from_json(&fixture("message.json")).expect("message");

    let other_sender = evm::fr_to_u256(
        integra_circuits::Message {
            sender: Address::repeat_byte(0xee),
            ..message
        }
        .hash(),
    );
    assert!(
        !world
            .view(verifier, &call(&proof, [signals[0], other_sender]))
            ._0
    );

    let other_process = evm::fr_to_u256(integra_circuits::process_hash(ark_bn254::Fr::from(2u8)));
    assert!(
        !world
            .view(verifier, &call(&proof, [other_process, signals[1]]))
            ._0
    );
}
