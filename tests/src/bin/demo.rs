//! The README's main job: deploy the shipped contracts into the in-process Stylus chain and walk
//! the Integra workflow as far as the contracts exist, printing each step, its gas, its decoded
//! events or typed error, and the resulting state.
//! Run with `scripts/demo.sh` (or `cargo run -p integra-tests --bin demo`).
//!
//! Today: the component registry (deploy-order step 2 of spec 00 §1), then a workflow message
//! proved with the processHash circuit (spec 00 §2 step 7) — and the same proof replayed by
//! someone else, which fails — then the headline flow, reserve → attest → claim, on the real
//! component registry, document registry, EAS reproduction, `TokenClaimResolver`,
//! `EASAttestationProvider` and `OwnershipTokenizer` ([`integra_tests::tokenizers`]): a deed
//! registered, its token reserved for a named buyer (and a second deed's anonymously), a CLAIM
//! grant attested in EAS, the buyer's claim, a stranger's replay refused, an ERC-721 transfer.
//! Components that are not contracts of this repository yet are stand-in contract accounts, and
//! say so.

use std::process::ExitCode;

use alloy_primitives::B256;
use alloy_primitives::{address, keccak256, Address, U256};
use alloy_sol_types::{sol, SolCall, SolError, SolEvent, SolValue};
use integra_tests::attestation::Attested;
use integra_tests::tokenizers::{
    self, claim_call, getEncryptedLabelCall, isDocumentCompleteCall, ownerOfCall,
    reserve_anonymous_call, reserve_call, transferFromCall, CapabilityVerified, DocumentComplete,
    RecipientMismatch, TokenClaimed, TokenReserved, TokenReservedAnonymous, Transfer,
};
use integra_tests::{gas::thousands, message, World};
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
    event VerifierRegistered(bytes32 indexed verifierId, address indexed verifier, bytes32 codeHash, string verifierType, string description, uint256 timestamp);
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

    #[derive(Debug)]
    event MessageRegistered(bytes32 indexed integraHash, bytes32 indexed processHash, uint256 indexed tokenId, string eventRef, string message, uint256 timestamp, address registrant);

    #[derive(Debug)]
    event DocumentRegistered(bytes32 indexed integraHash, bytes32 indexed documentHash, bytes32 indexed referenceHash, address owner, address tokenizer, address authorizedExecutor, bytes32 processHash, bytes32 identityExtension, uint256 timestamp);
    #[derive(Debug)]
    event DocumentExecutorAuthorized(bytes32 indexed integraHash, address indexed executor, address indexed owner, bool isContract, uint256 timestamp);
    #[derive(Debug)]
    event TokenizerAssociated(bytes32 indexed integraHash, address indexed tokenizer, address indexed by, bytes32 processHash, uint256 timestamp);
    #[derive(Debug)]
    event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);

    error AccessControlUnauthorizedAccount(address account, bytes32 neededRole);
    error ProviderInactive(bytes32 providerId);
    error InvalidProof();
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
        VerifierRegistered,
        ComponentDeactivated,
        ProviderDeactivated,
        ProviderDeactivationReason,
        ComponentReactivated,
        ProviderReactivated,
        MessageRegistered,
        DocumentRegistered,
        DocumentExecutorAuthorized,
        TokenizerAssociated,
        TokenReserved,
        TokenReservedAnonymous,
        Attested,
        CapabilityVerified,
        Transfer,
        Approval,
        TokenClaimed,
        DocumentComplete
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
    if InvalidProof::abi_decode(output, true).is_ok() {
        return "InvalidProof()".into();
    }
    if let Ok(e) = RecipientMismatch::abi_decode(output, true) {
        return format!(
            "RecipientMismatch(attested: {}, expected: {})",
            e.attested, e.expected
        );
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

    match workflow_message(&mut n).and_then(|()| reserve_attest_claim(&mut n)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("demo: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Registry + Groth16 verifier (test key) + `IntegraMessageV1` on a fresh chain; Alice proves she
/// knows the workflow's secret and posts a message; Bob replays her proof and is refused.
fn workflow_message(n: &mut u32) -> Result<(), integra_tests::ArtifactError> {
    println!("\n--- a workflow message gated by a Groth16 proof (fresh chain) ---");
    let mut d = message::deploy()?;
    step(n, "deploy IntegraRegistry", &d.receipts[0]);
    println!(
        "   Groth16Verifier deployed at {} (TEST verifying key: demo only)",
        d.verifier
    );
    step(
        n,
        "governor registers the verifier (BasicAccessV1Poseidon v1)",
        &d.receipts[1],
    );
    step(
        n,
        &format!("deploy IntegraMessageV1 at {}", d.message),
        &d.receipts[2],
    );

    let m = d.message(message::ALICE, 1, message::EVENT_REF, message::MESSAGE);
    println!(
        "\n   processHash = Poseidon(secret) = {}; messageHash binds record, token, eventRef,\n   message, sender (Alice), chain id and this contract: {}",
        message::process_hash(),
        integra_circuits::evm::fr_to_u256(m.hash())
    );
    let proof = message::prove(&m, 7);
    let call = message::register_call(&m, &proof);
    let r = d.world.send(message::ALICE, d.message, &call);
    step(n, "Alice registers \"PAYMENT_APPROVED\" with her proof", &r);

    let r = d.world.send(message::BOB, d.message, &call);
    step(
        n,
        "Bob replays Alice's exact calldata (the proof binds Alice as sender)",
        &r,
    );
    Ok(())
}

/// The deed's parties: the title company owns the record, the executor runs its workflow, the
/// buyer is granted the ownership token, a stranger tries to take it, the next owner buys it.
const TITLE_COMPANY: Address = tokenizers::OWNER;
const EXECUTOR: Address = tokenizers::EXECUTOR;
const BUYER: Address = tokenizers::BOB;
const STRANGER: Address = tokenizers::CAROL;
const NEXT_OWNER: Address = address!("0000000000000000000000000000000000000e10");
/// `CORE_CLAIM` (bit 1 of the capability word, integra-primitives `capabilities`).
const CORE_CLAIM: U256 = U256::from_limbs([2, 0, 0, 0]);

/// The headline flow on a fresh chain: register → reserve → attest → claim → transfer, with the
/// real registries, EAS reproduction, claim resolver, attestation provider and Ownership tokenizer.
fn reserve_attest_claim(n: &mut u32) -> Result<(), integra_tests::ArtifactError> {
    println!("\n--- reserve → attest → claim: a property deed as an ERC-721 (fresh chain) ---");
    let mut d = tokenizers::setup("integra-ownership-tokenizer")?;
    print_parties(&d);

    let deed = 1u8;
    let r = d.register_receipt(deed)?;
    step(
        n,
        &format!(
            "the title company registers deed {} bound to the Ownership tokenizer, executor {EXECUTOR}",
            B256::repeat_byte(deed)
        ),
        &r,
    );

    let r = d
        .world
        .send(EXECUTOR, d.tokenizer, &reserve_call(deed, BUYER));
    step_ok(
        n,
        "the executor reserves the deed's ownership token for the buyer (named)",
        &r,
    )?;

    // The Ownership tokenizer holds one token per record: the anonymous reservation is a second deed's.
    let second = 2u8;
    let r = d.register_receipt(second)?;
    step(n, "the title company registers a second deed", &r);
    let r = d
        .world
        .send(EXECUTOR, d.tokenizer, &reserve_anonymous_call(second));
    step_ok(
        n,
        "the executor reserves its token anonymously (recipient unknown, 64-byte encrypted label)",
        &r,
    )?;
    let label = d
        .world
        .view(
            d.tokenizer,
            &getEncryptedLabelCall {
                integraHash: B256::repeat_byte(second),
                tokenId: U256::ZERO,
            },
        )
        ._0;
    println!(
        "   getEncryptedLabel(deed 2) = {} bytes (encrypted off-chain for the intended claimant)",
        label.len()
    );

    let (uid, r) = d.attest_claim_receipt(TITLE_COMPANY, BUYER, deed, 1, CORE_CLAIM)?;
    step(
        n,
        "the title company attests a CLAIM grant for the buyer in EAS (token 1; TokenClaimResolver checks the attester is the deed's owner or executor)",
        &r,
    );
    println!("   attestation UID {uid}");

    let claim = claim_call(deed, 0, uid);
    let r = d.world.send(BUYER, d.tokenizer, &claim);
    step_ok(n, "the buyer claims the token with the attestation UID", &r)?;

    let r = d.world.send(STRANGER, d.tokenizer, &claim);
    step(
        n,
        "a stranger replays the buyer's UID (the provider checks the attested recipient)",
        &r,
    );
    let refused = RecipientMismatch {
        attested: BUYER,
        expected: STRANGER,
    };
    if r.status == Status::Success || r.output != refused.abi_encode() {
        return Err(integra_tests::ArtifactError(format!(
            "step {n} should have been refused with {refused:?}"
        )));
    }

    let r = d.world.send(
        BUYER,
        d.tokenizer,
        &transferFromCall {
            from: BUYER,
            to: NEXT_OWNER,
            tokenId: U256::from(1),
        },
    );
    step_ok(
        n,
        &format!("the buyer sells the deed: a standard ERC-721 transferFrom to {NEXT_OWNER}"),
        &r,
    )?;

    print_deed_state(&mut d, deed);
    Ok(())
}

/// [`step`], then an error unless the transaction succeeded (the headline flow must go through).
fn step_ok(n: &mut u32, what: &str, r: &Receipt) -> Result<(), integra_tests::ArtifactError> {
    step(n, what, r);
    if r.status == Status::Success {
        Ok(())
    } else {
        Err(integra_tests::ArtifactError(format!(
            "step {n} should have succeeded"
        )))
    }
}

/// The tokenizers' world's addresses and the deed's parties.
fn print_parties(d: &tokenizers::Deployed) {
    println!("   IntegraRegistry (components)  {}", d.components);
    println!("   IntegraDocumentRegistry       {}", d.registry);
    println!(
        "   OwnershipTokenizer \"DEED\"     {} (approved in the registry)",
        d.tokenizer
    );
    println!("   EAS (reproduction)            {}", d.eas);
    println!(
        "   EASAttestationProvider        {} (registered as keccak256(\"EASAttestationProvider\"))",
        d.provider
    );
    println!(
        "   CLAIM schema {} (resolver: TokenClaimResolver)",
        d.claim_schema
    );
    println!(
        "   parties: title company {TITLE_COMPANY}, executor {EXECUTOR}, buyer {BUYER}, stranger {STRANGER}"
    );
}

/// The deed's token owner and completion after the flow.
fn print_deed_state(d: &mut tokenizers::Deployed, deed: u8) {
    let owner = d
        .world
        .view(
            d.tokenizer,
            &ownerOfCall {
                tokenId: U256::from(1),
            },
        )
        ._0;
    let complete = d
        .world
        .view(
            d.tokenizer,
            &isDocumentCompleteCall {
                integraHash: B256::repeat_byte(deed),
            },
        )
        ._0;
    println!("\nstate:");
    println!("   ownerOf(1) = {owner}");
    println!("   isDocumentComplete(deed 1) = {complete}");
}
