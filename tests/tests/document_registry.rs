//! `IntegraDocumentRegistry`'s WASM artifact in the executor, with the real `IntegraRegistry` and
//! `SimpleContactResolver`: registration (with the primary hook), transfer, batch registration,
//! the 180-day emergency window (time is settable here, unlike motsu), and gas.
//!
//! The registry is 30.9 KB compressed: over the 24,576-byte single-contract limit, it deploys
//! as a root contract with fragments, which needs ArbOS 60. These tests therefore judge its
//! artifact with ArbOS 60 rules; execution (and gas) is the same either way.

use alloy_primitives::{address, keccak256, Address, B256, U256};
use alloy_sol_types::{sol, SolValue};
use integra_pipeline::Rules;
use integra_tests::{assert_reverted_with, events, World};
use stylus_vm::{Receipt, Status};

sol! {
    function registerResolver(bytes32 resolverId, address resolver, string resolverType, string description);
    function initialize(address documentRegistry, address governor);
    function registerDocument(bytes32 integraHash, bytes32 documentHash, bytes32 identityExtension, bytes32 referenceHash, uint256[2] referenceProofA, uint256[2][2] referenceProofB, uint256[2] referenceProofC, address tokenizer, bytes32 primaryResolverId, address authorizedExecutor, bytes32 processHash) external payable returns (bytes32);
    function registerDocumentBatch(bytes32[] integraHashes, bytes32[] documentHashes, bytes32[] identityExtensions, address[] tokenizers, bytes32[] primaryResolverIds, address executor, bytes32[] processHashes, bool callResolverHooks) external payable returns (bytes32[] memory);
    function transferDocumentOwnership(bytes32 integraHash, address newOwner, string reason);
    function setPrimaryResolver(bytes32 integraHash, bytes32 resolverId);
    function setTokenizerApproval(address tokenizer, bool approved);
    function lockResolvers(bytes32 integraHash);
    function emergencyUnlockResolvers(bytes32 integraHash, string justification);
    function emergencyDisableFees(string justification);
    function getDocumentOwner(bytes32 integraHash) external view returns (address);
    function setContactURL(bytes32 integraHash, string encryptedURL);
    function getContactEndpoint(bytes32 integraHash, address caller, string method) external view returns (string memory);
    #[derive(Debug, PartialEq, Eq)]
    event PrimaryResolverCalled(bytes32 indexed integraHash, bytes32 indexed resolverId, bytes4 selector);
    #[derive(Debug, PartialEq, Eq)]
    event DocumentOwnershipTransferred(bytes32 indexed integraHash, address indexed oldOwner, address indexed newOwner, string reason, uint256 timestamp);
    error EmergencyPowersExpired();
    error Unauthorized(address caller, bytes32 integraHash);
}

const GOVERNOR: Address = address!("00000000000000000000000000000000000060e0");
const EMERGENCY: Address = address!("00000000000000000000000000000000000e3e30");
const FEES: Address = address!("000000000000000000000000000000000000fee5");
const ALICE: Address = address!("000000000000000000000000000000000000a11c");
const BOB: Address = address!("0000000000000000000000000000000000000b0b");
const TOKENIZER: Address = address!("0000000000000000000000000000000000070c0e");

fn arbos60() -> Rules {
    Rules {
        arbos_version: 60,
        ..Rules::default()
    }
}

struct Deployed {
    world: World,
    registry: Address,
    contact: Address,
}

fn contact_id() -> B256 {
    keccak256("SimpleContactResolver")
}

/// Component registry, document registry (fee 0, default gas ceiling, no forwarder) and a
/// `SimpleContactResolver` registered as a resolver; one approved tokenizer.
fn setup() -> Deployed {
    let mut world = World::new();
    let (components, _) = world
        .deploy("integra-registry", GOVERNOR, &GOVERNOR.abi_encode())
        .expect("component registry deploys");
    let args = (
        GOVERNOR,
        components,
        components,
        EMERGENCY,
        FEES,
        U256::ZERO,
        U256::ZERO,
        Address::ZERO,
    )
        .abi_encode_params();
    let (registry, _) = world
        .deploy_with("integra-document-registry", GOVERNOR, &args, &arbos60())
        .expect("document registry deploys");
    let (contact, _) = world
        .deploy(
            "integra-simple-contact-resolver",
            GOVERNOR,
            &Address::ZERO.abi_encode(),
        )
        .expect("resolver deploys");
    ok(world.send(
        GOVERNOR,
        contact,
        &initializeCall {
            documentRegistry: registry,
            governor: GOVERNOR,
        },
    ));
    ok(world.send(
        GOVERNOR,
        components,
        &registerResolverCall {
            resolverId: contact_id(),
            resolver: contact,
            resolverType: "Communication".into(),
            description: "encrypted contact URL".into(),
        },
    ));
    world
        .vm
        .state_mut()
        .set_code(TOKENIZER, vec![0x60, 0x00, 0x60, 0x00, 0xf3].into());
    ok(world.send(
        GOVERNOR,
        registry,
        &setTokenizerApprovalCall {
            tokenizer: TOKENIZER,
            approved: true,
        },
    ));
    Deployed {
        world,
        registry,
        contact,
    }
}

#[track_caller]
fn ok(r: Receipt) -> Receipt {
    assert_eq!(
        r.status,
        Status::Success,
        "reverted: {:?} {:?}",
        r.output,
        r.trap
    );
    r
}

/// The ANCHORS.md shape in the V7 API: fresh ids, tokenizer, one primary resolver (called),
/// processHash, no reference.
fn register_call(n: u8) -> registerDocumentCall {
    registerDocumentCall {
        integraHash: B256::repeat_byte(n),
        documentHash: keccak256([n]),
        identityExtension: B256::ZERO,
        referenceHash: B256::ZERO,
        referenceProofA: [U256::ZERO; 2],
        referenceProofB: [[U256::ZERO; 2]; 2],
        referenceProofC: [U256::ZERO; 2],
        tokenizer: TOKENIZER,
        primaryResolverId: contact_id(),
        authorizedExecutor: Address::ZERO,
        processHash: B256::repeat_byte(0x9c),
    }
}

#[test]
fn registration_calls_the_contact_resolver_and_transfer_moves_the_record() {
    let Deployed {
        mut world,
        registry,
        contact,
    } = setup();
    let r = ok(world.send(ALICE, registry, &register_call(1)));
    assert_eq!(events::<PrimaryResolverCalled>(&r.logs).len(), 1);
    println!(
        "registerDocument: {} gas (budget 120,000; Solidity V6 177,313): intrinsic {}, entry {}, WASM {}",
        r.gas_used,
        r.intrinsic_gas,
        r.entry_gas,
        r.ink_used / 10_000
    );
    let h = B256::repeat_byte(1);
    assert_eq!(
        world
            .view(registry, &getDocumentOwnerCall { integraHash: h })
            ._0,
        ALICE
    );
    // The resolver reads the owner from the registry.
    ok(world.send(
        ALICE,
        contact,
        &setContactURLCall {
            integraHash: h,
            encryptedURL: "0xc1pher".into(),
        },
    ));
    let t = ok(world.send(
        ALICE,
        registry,
        &transferDocumentOwnershipCall {
            integraHash: h,
            newOwner: BOB,
            reason: "Transfer ownership".into(),
        },
    ));
    println!(
        "transferDocumentOwnership: {} gas (Solidity V6 40,748)",
        t.gas_used
    );
    assert_eq!(events::<DocumentOwnershipTransferred>(&t.logs).len(), 1);
    assert_eq!(
        world
            .view(registry, &getDocumentOwnerCall { integraHash: h })
            ._0,
        BOB
    );
    let ep = getContactEndpointCall {
        integraHash: h,
        caller: BOB,
        method: "url".into(),
    };
    assert_eq!(world.view(contact, &ep)._0, "0xc1pher");
    let again = world.send(
        ALICE,
        registry,
        &transferDocumentOwnershipCall {
            integraHash: h,
            newOwner: ALICE,
            reason: String::new(),
        },
    );
    assert_reverted_with(
        &again,
        &Unauthorized {
            caller: ALICE,
            integraHash: h,
        },
    );
    let s = ok(world.send(
        BOB,
        registry,
        &setPrimaryResolverCall {
            integraHash: h,
            resolverId: B256::ZERO,
        },
    ));
    println!(
        "setPrimaryResolver (clear): {} gas (Solidity V6 setResolver 45,504)",
        s.gas_used
    );
}

#[test]
fn batch_registers_fifty_records() {
    let Deployed {
        mut world,
        registry,
        ..
    } = setup();
    let n = 50u8;
    let ids: Vec<B256> = (1..=n).map(B256::repeat_byte).collect();
    let call = registerDocumentBatchCall {
        integraHashes: ids.clone(),
        documentHashes: (1..=n).map(|i| keccak256([i])).collect(),
        identityExtensions: vec![B256::ZERO; 50],
        tokenizers: vec![TOKENIZER; 50],
        primaryResolverIds: vec![contact_id(); 50],
        executor: Address::ZERO,
        processHashes: vec![B256::repeat_byte(0x9c); 50],
        callResolverHooks: true,
    };
    let r = ok(world.send(ALICE, registry, &call));
    println!(
        "registerDocumentBatch(50, hooks): {} gas, {} per record",
        r.gas_used,
        r.gas_used / 50
    );
    assert_eq!(events::<PrimaryResolverCalled>(&r.logs).len(), 50);
    for id in ids {
        assert_eq!(
            world
                .view(registry, &getDocumentOwnerCall { integraHash: id })
                ._0,
            ALICE
        );
    }
}

#[test]
fn emergency_powers_expire_after_180_days() {
    let Deployed {
        mut world,
        registry,
        ..
    } = setup();
    ok(world.send(ALICE, registry, &register_call(1)));
    let h = B256::repeat_byte(1);
    ok(world.send(ALICE, registry, &lockResolversCall { integraHash: h }));
    let deployed_at = world.vm.block().timestamp;
    // One second before expiry the emergency address still may act.
    world.vm.block_mut().timestamp = deployed_at + 180 * 86_400 - 1;
    ok(world.send(
        EMERGENCY,
        registry,
        &emergencyUnlockResolversCall {
            integraHash: h,
            justification: "court order".into(),
        },
    ));
    ok(world.send(ALICE, registry, &lockResolversCall { integraHash: h }));
    // At expiry it may not; the governor still may.
    world.vm.block_mut().timestamp = deployed_at + 181 * 86_400;
    let late = world.send(
        EMERGENCY,
        registry,
        &emergencyUnlockResolversCall {
            integraHash: h,
            justification: "late".into(),
        },
    );
    assert_reverted_with(&late, &EmergencyPowersExpired {});
    let fees = world.send(
        EMERGENCY,
        registry,
        &emergencyDisableFeesCall {
            justification: "late".into(),
        },
    );
    assert_reverted_with(&fees, &EmergencyPowersExpired {});
    ok(world.send(
        GOVERNOR,
        registry,
        &emergencyUnlockResolversCall {
            integraHash: h,
            justification: "governance".into(),
        },
    ));
}
