//! The gas report (`docs/gas.md`): each operation is its own transaction on a fresh world state
//! for that contract, with cold storage and an uncached program, as in `ANCHORS.md`.

use std::fmt::Write as _;

use alloy_primitives::{address, Address, B256};
use alloy_sol_types::{sol, SolCall, SolValue};
use stylus_vm::{Receipt, Status};

use crate::{ArtifactError, World};

sol! {
    function registerProvider(bytes32 providerId, address provider, string providerType, string description);
    function registerVerifier(bytes32 verifierId, address verifier, string verifierType, string description);
    function deactivateProvider(bytes32 providerId, string reason);
    function reactivateProvider(bytes32 providerId);
    function grantRole(bytes32 role, address account);
    function getProviderInfo(bytes32 providerId) external view returns (bytes);
}

const GOVERNOR: Address = address!("00000000000000000000000000000000000060e0");
const COMPONENT: Address = address!("00000000000000000000000000000000000ea500");
const OTHER: Address = address!("0000000000000000000000000000000000000be1");

/// One measured operation.
#[derive(Clone, Debug)]
pub struct Row {
    /// Contract and function.
    pub operation: String,
    /// The inputs' shape.
    pub shape: String,
    /// Receipt gas (after refunds).
    pub gas: u64,
    /// 21,000 + calldata.
    pub intrinsic: u64,
    /// Program entry (memory footprint, cached and init gas).
    pub entry: u64,
    /// The Solidity V6 reference from `ANCHORS.md`, when there is a like-for-like row.
    pub reference: Option<u64>,
}

fn row(operation: &str, shape: &str, r: &Receipt, reference: Option<u64>) -> Row {
    Row {
        operation: operation.into(),
        shape: shape.into(),
        gas: r.gas_used,
        intrinsic: r.intrinsic_gas,
        entry: r.entry_gas,
        reference,
    }
}

fn ok(r: Receipt, what: &str) -> Result<Receipt, ArtifactError> {
    if r.status == Status::Success {
        Ok(r)
    } else {
        Err(ArtifactError(format!(
            "{what} failed: {:?} {:?}",
            r.status, r.trap
        )))
    }
}

/// Activation facts of one contract: what its entry cost is made of.
#[derive(Clone, Debug)]
pub struct ModuleFacts {
    /// Crate name.
    pub name: String,
    /// Module bytes (uncompressed).
    pub wasm_len: usize,
    /// Initial memory, in pages.
    pub footprint: u16,
    /// Nitro's `init_cost` (uncached calls pay 8,832 + this).
    pub init_cost: u16,
    /// Nitro's `cached_cost` (every call pays 352 + this).
    pub cached_cost: u16,
}

/// Activates contract crate `name` and reports its entry-cost inputs.
///
/// # Errors
/// If the artifact cannot be had or does not activate.
pub fn module_facts(name: &str) -> Result<ModuleFacts, ArtifactError> {
    module_facts_with(name, &integra_pipeline::Rules::default())
}

/// [`module_facts`] of an artifact judged by `rules`.
///
/// # Errors
/// As [`module_facts`].
pub fn module_facts_with(
    name: &str,
    rules: &integra_pipeline::Rules,
) -> Result<ModuleFacts, ArtifactError> {
    let wasm = crate::artifact_with(name, rules)?;
    let info = stylus_vm::Vm::new()
        .activate(&wasm)
        .map_err(|e| ArtifactError(e.to_string()))?;
    Ok(ModuleFacts {
        name: name.into(),
        wasm_len: wasm.len(),
        footprint: info.footprint,
        init_cost: info.init_cost,
        cached_cost: info.cached_cost,
    })
}

/// Measures the registry's operations.
///
/// # Errors
/// If the artifact cannot be had or a scenario does not succeed.
#[allow(clippy::too_many_lines)] // one scenario after another, in report order
pub fn registry_rows() -> Result<Vec<Row>, ArtifactError> {
    let mut rows = Vec::new();
    let fresh = || -> Result<(World, Address, Receipt), ArtifactError> {
        let mut world = World::new();
        let (registry, ctor) =
            world.deploy("integra-registry", GOVERNOR, &GOVERNOR.abi_encode())?;
        world
            .vm
            .state_mut()
            .set_code(COMPONENT, vec![0x60, 0x00, 0x60, 0x00, 0xf3].into());
        Ok((world, registry, ctor))
    };
    let id = B256::with_last_byte(1);
    let register = registerProviderCall {
        providerId: id,
        provider: COMPONENT,
        providerType: "EAS".into(),
        description: "Ethereum Attestation Service".into(),
    };

    let (_, _, ctor) = fresh()?;
    rows.push(row(
        "IntegraRegistry constructor",
        "governor gets admin + governor roles (2 role grants)",
        &ctor,
        None,
    ));

    let (mut world, registry, _) = fresh()?;
    let r = ok(
        world.send(GOVERNOR, registry, &register),
        "registerProvider",
    )?;
    rows.push(row(
        "IntegraRegistry registerProvider",
        "first entry; type \"EAS\" (3 B), 28 B description",
        &r,
        None,
    ));
    world
        .vm
        .state_mut()
        .set_code(OTHER, vec![0x60, 0x00, 0xf3].into());
    let r = ok(
        world.send(
            GOVERNOR,
            registry,
            &registerVerifierCall {
                verifierId: B256::with_last_byte(2),
                verifier: OTHER,
                verifierType: "Groth16".into(),
                description: "processHash verifier".into(),
            },
        ),
        "registerVerifier",
    )?;
    rows.push(row(
        "IntegraRegistry registerVerifier",
        "second entry; type \"Groth16\", 20 B description",
        &r,
        None,
    ));
    let r = ok(
        world.send(
            GOVERNOR,
            registry,
            &deactivateProviderCall {
                providerId: id,
                reason: "compromised".into(),
            },
        ),
        "deactivateProvider",
    )?;
    rows.push(row(
        "IntegraRegistry deactivateProvider",
        "reason \"compromised\" (11 B)",
        &r,
        None,
    ));
    let r = ok(
        world.send(
            GOVERNOR,
            registry,
            &reactivateProviderCall { providerId: id },
        ),
        "reactivateProvider",
    )?;
    rows.push(row("IntegraRegistry reactivateProvider", "—", &r, None));
    let r = ok(
        world.send(
            GOVERNOR,
            registry,
            &grantRoleCall {
                role: alloy_primitives::keccak256("GOVERNOR_ROLE"),
                account: OTHER,
            },
        ),
        "grantRole",
    )?;
    rows.push(row(
        "IntegraRegistry grantRole",
        "GOVERNOR_ROLE to a new account",
        &r,
        None,
    ));
    let read = world
        .vm
        .static_call(
            Address::ZERO,
            registry,
            &getProviderInfoCall { providerId: id }.abi_encode(),
        )
        .map_err(|e| ArtifactError(e.to_string()))?;
    let read = ok(read, "getProviderInfo")?;
    rows.push(row(
        "IntegraRegistry getProviderInfo (eth_call)",
        "the entry above",
        &read,
        None,
    ));
    Ok(rows)
}

/// Measures the Groth16 verifier and `IntegraMessageV1` with real proofs from
/// `integra-circuits`: each operation on a fresh deployment (cold storage, uncached programs),
/// then the single registration again with all three programs cached (Nitro's cache manager),
/// which removes their init gas.
///
/// # Errors
/// If an artifact cannot be had or a scenario does not succeed.
pub fn message_rows() -> Result<Vec<Row>, ArtifactError> {
    use crate::message::{
        batch, deploy, prove, registerMessageBatchCall, register_call, verifyProofCall, ALICE,
        EVENT_REF, MESSAGE,
    };
    let mut rows = Vec::new();

    let mut d = deploy()?;
    let m = d.message(ALICE, 7, EVENT_REF, MESSAGE);
    let proof = prove(&m, 1);
    let verify = verifyProofCall {
        a: proof.a,
        b: proof.b,
        c: proof.c,
        input: [
            alloy_primitives::U256::from_be_bytes(crate::message::process_hash().0),
            integra_circuits::evm::fr_to_u256(m.hash()),
        ],
    };
    let r = ok(
        d.world.raw(
            ALICE,
            d.verifier,
            &verify.abi_encode(),
            alloy_primitives::U256::ZERO,
        ),
        "verifyProof",
    )?;
    rows.push(row(
        "Groth16Verifier verifyProof (tx)",
        "N = 2 public inputs, valid proof; precompiles 193,300 of it",
        &r,
        Some(SNARKJS_VERIFY_TX),
    ));
    let r = ok(
        d.world.send(ALICE, d.message, &register_call(&m, &proof)),
        "registerMessage",
    )?;
    rows.push(row(
        "IntegraMessageV1 registerMessage",
        "eventRef \"PAYMENT_APPROVED\" (16 B), 66 B message, real proof (N = 2)",
        &r,
        Some(SOL_REGISTER_MESSAGE),
    ));

    let mut d = deploy()?;
    for (addr, cached) in [(d.registry, true), (d.verifier, true), (d.message, true)] {
        d.world.vm.set_cached(addr, cached);
    }
    let m = d.message(ALICE, 7, EVENT_REF, MESSAGE);
    let proof = prove(&m, 1);
    let r = ok(
        d.world.send(ALICE, d.message, &register_call(&m, &proof)),
        "registerMessage (cached)",
    )?;
    rows.push(row(
        "IntegraMessageV1 registerMessage, programs cached",
        "as above; registry, verifier and message contract in Nitro's program cache",
        &r,
        Some(SOL_REGISTER_MESSAGE),
    ));

    for k in [1usize, 4, 8, 16] {
        let mut d = deploy()?;
        let messages = batch(&d, ALICE, k);
        let r = ok(
            d.world
                .send(ALICE, d.message, &registerMessageBatchCall { messages }),
            "registerMessageBatch",
        )?;
        let per = Receipt {
            gas_used: r.gas_used / k as u64,
            intrinsic_gas: r.intrinsic_gas / k as u64,
            entry_gas: r.entry_gas / k as u64,
            ..r.clone()
        };
        rows.push(row(
            &format!("IntegraMessageV1 registerMessageBatch, k = {k}, per message"),
            &format!(
                "tx {} gas / {k}; each message as above (16 B eventRef, 66 B message)",
                thousands(r.gas_used)
            ),
            &per,
            Some(SOL_REGISTER_MESSAGE),
        ));
    }
    Ok(rows)
}

/// `registerMessage` of the Solidity V6 reference with a real (1-input) Groth16 proof.
pub const SOL_REGISTER_MESSAGE: u64 = 248_530;
/// A snarkjs-exported Solidity verifier, 2 public inputs, as a transaction.
pub const SNARKJS_VERIFY_TX: u64 = 221_111;

/// `registerDocument` as in [`document_registry_rows`], with the document registry, the
/// component registry and the contact resolver in Nitro's program cache.
fn register_document_cached() -> Result<Row, ArtifactError> {
    use crate::docreg::{ok, register_call, setup, Deployed, ALICE};
    let Deployed {
        world: mut cached,
        registry: cached_registry,
        contact,
    } = setup()?;
    let components = cached
        .view(cached_registry, &crate::docreg::resolverRegistryCall {})
        ._0;
    for program in [cached_registry, components, contact] {
        cached.vm.set_cached(program, true);
    }
    let r = ok(
        cached.send(ALICE, cached_registry, &register_call(1)),
        "registerDocument (cached)",
    )?;
    Ok(row(
        "IntegraDocumentRegistry registerDocument, programs cached",
        "as above; document registry, component registry and contact resolver in Nitro's program cache",
        &r,
        Some(177_313),
    ))
}

/// `registerDocument` referencing a parent with a real one-input reference proof, checked by
/// the reference verifier through the component registry.
fn register_document_with_reference() -> Result<Row, ArtifactError> {
    use crate::reference::{child_call, prove, setup, SECRET};
    let (mut d, parent) = setup()?;
    let r = ok(
        d.world.send(
            crate::docreg::BOB,
            d.registry,
            &child_call(2, parent, &prove(SECRET, 1)),
        ),
        "registerDocument with reference",
    )?;
    Ok(row(
        "IntegraDocumentRegistry registerDocument with reference proof",
        "as registerDocument + a real Groth16 proof (1 public input, BasicAccessV1Poseidon) checked by the verifier found in the component registry",
        &r,
        Some(409_457),
    ))
}

/// Measures the document registry's operations in the `ANCHORS.md` shapes (V7 API).
///
/// # Errors
/// If an artifact cannot be had or a scenario does not succeed.
pub fn document_registry_rows() -> Result<Vec<Row>, ArtifactError> {
    use crate::docreg::{
        batch_call, ok, register_call, setPrimaryResolverCall, setup,
        transferDocumentOwnershipCall, Deployed, ALICE, BOB, GOVERNOR,
    };
    let mut rows = Vec::new();
    let Deployed {
        mut world,
        registry,
        ..
    } = setup()?;
    let r = ok(
        world.send(ALICE, registry, &register_call(1)),
        "registerDocument",
    )?;
    rows.push(row(
        "IntegraDocumentRegistry registerDocument",
        "fresh ids, tokenizer, primary resolver (SimpleContactResolver, hook called), processHash, no reference; V6 stored 22 B of contact data instead",
        &r,
        Some(177_313),
    ));
    rows.push(register_document_cached()?);
    rows.push(register_document_with_reference()?);
    let h = B256::repeat_byte(1);
    let transfer = transferDocumentOwnershipCall {
        integraHash: h,
        newOwner: BOB,
        reason: "Transfer ownership".into(),
    };
    let r = ok(
        world.send(ALICE, registry, &transfer),
        "transferDocumentOwnership",
    )?;
    rows.push(row(
        "IntegraDocumentRegistry transferDocumentOwnership",
        "reason \"Transfer ownership\" (18 B); primary resolver: canOwnDocument + onDocumentTransferred",
        &r,
        Some(40_748),
    ));
    // Replace the primary with a second resolver deployment.
    let (second, _) = world.deploy(
        "integra-simple-contact-resolver",
        GOVERNOR,
        &Address::ZERO.abi_encode(),
    )?;
    let components = world
        .view(registry, &crate::docreg::resolverRegistryCall {})
        ._0;
    let id = alloy_primitives::keccak256("SecondResolver");
    let register = crate::docreg::registerResolverCall {
        resolverId: id,
        resolver: second,
        resolverType: "Communication".into(),
        description: "second".into(),
    };
    ok(
        world.send(GOVERNOR, components, &register),
        "registerResolver",
    )?;
    let set = setPrimaryResolverCall {
        integraHash: h,
        resolverId: id,
    };
    let r = ok(world.send(BOB, registry, &set), "setPrimaryResolver")?;
    rows.push(row(
        "IntegraDocumentRegistry setPrimaryResolver",
        "replace the primary resolver (a registry lookup of the new id)",
        &r,
        Some(45_504),
    ));
    let Deployed {
        mut world,
        registry,
        ..
    } = setup()?;
    let r = ok(
        world.send(ALICE, registry, &batch_call(50)),
        "registerDocumentBatch",
    )?;
    let mut per = row(
        "IntegraDocumentRegistry registerDocumentBatch, per record",
        "50 records as registerDocument, hooks on; tx gas / 50",
        &r,
        None,
    );
    per.gas /= 50;
    per.intrinsic /= 50;
    per.entry /= 50;
    rows.push(per);
    Ok(rows)
}

/// Measures `IntegraExecutor` relaying a user-signed `registerDocument` (mode B, ERC-2771) to
/// the document registry, in the `registerDocument` row's shape, and the same call sent
/// directly for comparison on the same world.
///
/// # Errors
/// If an artifact cannot be had or a scenario does not succeed.
pub fn executor_rows() -> Result<Vec<Row>, ArtifactError> {
    use crate::docreg::{ok, register_call, ALICE};
    use crate::executor::{executeCall, setup, Key, RELAYER};
    let mut r = setup()?;
    let alice = Key::new(1);
    let req = r.signed(&alice, register_call(1).abi_encode(), 400_000);
    let executor = r.executor;
    let relayed = ok(
        r.docs.world.send(RELAYER, executor, &executeCall { req }),
        "execute(registerDocument)",
    )?;
    let req = r.signed(&alice, register_call(3).abi_encode(), 400_000);
    let again = ok(
        r.docs.world.send(RELAYER, executor, &executeCall { req }),
        "execute(registerDocument), second request",
    )?;
    let registry = r.docs.registry;
    let direct = ok(
        r.docs.world.send(ALICE, registry, &register_call(2)),
        "registerDocument",
    )?;
    Ok(vec![
        row(
            "IntegraExecutor execute → registerDocument (relayed)",
            "a signed EIP-712 request (ecrecover, first nonce of the signer) relaying registerDocument in the shape of the IntegraDocumentRegistry registerDocument row; the registry reads the signer from the ERC-2771 suffix",
            &relayed,
            None,
        ),
        row(
            "IntegraExecutor execute → registerDocument, the signer's second request",
            "as above with nonce 1 (the nonce slot is written non-zero → non-zero)",
            &again,
            None,
        ),
        row(
            "IntegraDocumentRegistry registerDocument, same world, direct",
            "as above without the executor (a registry that trusts a forwarder), for the relay's overhead",
            &direct,
            Some(177_313),
        ),
    ])
}

/// Measures the Ownership tokenizer's reservations (`ANCHORS.md` shapes; each on a record
/// registered beforehand, the tokenizer's program uncached).
///
/// # Errors
/// If an artifact cannot be had or a scenario does not succeed.
pub fn tokenizer_rows() -> Result<Vec<Row>, ArtifactError> {
    use crate::tokenizers::{
        claim_call, reserve_anonymous_call, reserve_call, setup, BOB, EXECUTOR, OWNER,
    };
    let mut rows = Vec::new();
    let mut d = setup("integra-ownership-tokenizer")?;
    d.register(1)?;
    d.register(2)?;
    let r = ok(
        d.world.send(EXECUTOR, d.tokenizer, &reserve_call(1, BOB)),
        "reserveToken",
    )?;
    rows.push(row(
        "OwnershipTokenizer reserveToken",
        "named, amount 1, by the record's executor (one registry call: getTokenizerOwnerExecutor)",
        &r,
        Some(114_402),
    ));
    let r = ok(
        d.world
            .send(EXECUTOR, d.tokenizer, &reserve_anonymous_call(2)),
        "reserveTokenAnonymous",
    )?;
    rows.push(row(
        "OwnershipTokenizer reserveTokenAnonymous",
        "64 B encrypted label, amount 1, by the record's executor",
        &r,
        Some(161_598),
    ));
    // The same two with the tokenizer and the registry in Nitro's program cache (uncached, the
    // registry's one call per reservation pays its init gas).
    let mut d = setup("integra-ownership-tokenizer")?;
    d.register(1)?;
    d.register(2)?;
    d.world.vm.set_cached(d.tokenizer, true);
    d.world.vm.set_cached(d.registry, true);
    let r = ok(
        d.world.send(EXECUTOR, d.tokenizer, &reserve_call(1, BOB)),
        "reserveToken",
    )?;
    rows.push(row(
        "OwnershipTokenizer reserveToken, programs cached",
        "as above; tokenizer and document registry in Nitro's program cache",
        &r,
        Some(114_402),
    ));
    let r = ok(
        d.world
            .send(EXECUTOR, d.tokenizer, &reserve_anonymous_call(2)),
        "reserveTokenAnonymous",
    )?;
    rows.push(row(
        "OwnershipTokenizer reserveTokenAnonymous, programs cached",
        "as above; tokenizer and document registry in Nitro's program cache",
        &r,
        Some(161_598),
    ));
    // claimToken with an EAS CLAIM attestation (owner-made), minting token 1 to a new holder.
    for cached in [false, true] {
        let mut d = setup("integra-ownership-tokenizer")?;
        d.register(1)?;
        ok(
            d.world.send(EXECUTOR, d.tokenizer, &reserve_call(1, BOB)),
            "reserveToken",
        )?;
        let uid = d.attest_claim(OWNER, BOB, 1, 1, alloy_primitives::U256::from(2))?;
        if cached {
            for a in [d.tokenizer, d.registry, d.provider, d.eas, d.components] {
                d.world.vm.set_cached(a, true);
            }
        }
        let r = ok(
            d.world.send(BOB, d.tokenizer, &claim_call(1, 0, uid)),
            "claimToken",
        )?;
        rows.push(row(
            if cached {
                "OwnershipTokenizer claimToken, programs cached"
            } else {
                "OwnershipTokenizer claimToken"
            },
            if cached {
                "as above; tokenizer, registries, provider and EAS in Nitro's program cache"
            } else {
                "EAS CLAIM attestation (tokenId 1) through EASAttestationProvider (EAS.getAttestation, registry owner) and the component registry; binding check; mint to a new holder; DocumentComplete"
            },
            &r,
            Some(185_260),
        ));
    }
    rows.extend(shares_rows()?);
    rows.extend(multi_party_rows()?);
    Ok(rows)
}

/// The `MultiParty` tokenizer (ERC-1155, one role per party): the executor reserves slot 1 of a
/// two-party record for Bob (slot 2 reserved for Carol beforehand), then Bob claims it — party 1
/// of 2, as `ANCHORS.md`'s multi-party claim (no completion) — uncached and with the programs
/// in Nitro's cache; and one view answered by the lens (static self-call, delegate call).
fn multi_party_rows() -> Result<Vec<Row>, ArtifactError> {
    use crate::tokenizers::{
        claim_call, multi_party::reserve_call, setup_multi_party, BOB, CAROL, EXECUTOR, OWNER,
    };
    let (mut reserves, mut claims) = (Vec::new(), Vec::new());
    let mut views = Vec::new();
    for cached in [false, true] {
        let mut d = setup_multi_party()?;
        d.register(1)?;
        ok(
            d.world
                .send(EXECUTOR, d.tokenizer, &reserve_call(1, 2, CAROL)),
            "reserveToken slot 2",
        )?;
        if cached {
            d.world.vm.set_cached(d.tokenizer, true);
            d.world.vm.set_cached(d.registry, true);
        }
        let r = ok(
            d.world
                .send(EXECUTOR, d.tokenizer, &reserve_call(1, 1, BOB)),
            "reserveToken",
        )?;
        reserves.push(row(
            if cached {
                "MultiPartyTokenizer reserveToken, programs cached"
            } else {
                "MultiPartyTokenizer reserveToken"
            },
            if cached {
                "as above; tokenizer and document registry in Nitro's program cache"
            } else {
                "slot 1 for a named party, amount 1, by the record's executor; the record's second reservation (new global id)"
            },
            &r,
            None,
        ));
        let uid = d.attest_claim(OWNER, BOB, 1, 1, alloy_primitives::U256::from(2))?;
        if cached {
            for a in [d.provider, d.eas, d.components] {
                d.world.vm.set_cached(a, true);
            }
        }
        let r = ok(
            d.world.send(BOB, d.tokenizer, &claim_call(1, 1, uid)),
            "claimToken",
        )?;
        claims.push(row(
            if cached {
                "MultiPartyTokenizer claimToken, programs cached"
            } else {
                "MultiPartyTokenizer claimToken"
            },
            if cached {
                "as above; tokenizer, registries, provider and EAS in Nitro's program cache"
            } else {
                "party 1 of 2: EAS CLAIM attestation (tokenId 1) through EASAttestationProvider; binding known from the record's reservation (no registry call); ERC-1155 mint to a new holder (holder and tokensOf indexes); no completion"
            },
            &r,
            Some(341_289),
        ));
        if cached {
            d.world.vm.set_cached(d.lens, true);
        }
        let status = crate::tokenizers::multi_party::getClaimStatusCall {
            integraHash: B256::repeat_byte(1),
            tokenId: alloy_primitives::U256::from(1),
        };
        let r = ok(d.world.send(BOB, d.tokenizer, &status), "getClaimStatus")?;
        views.push(row(
            if cached {
                "MultiPartyTokenizer getClaimStatus (lens), programs cached"
            } else {
                "MultiPartyTokenizer getClaimStatus (lens)"
            },
            if cached {
                "as above; tokenizer and lens in Nitro's program cache"
            } else {
                "a view served by the lens, sent as a transaction: tokenizer, static self-call to its entry, delegate call to the lens"
            },
            &r,
            None,
        ));
    }
    reserves.append(&mut claims);
    reserves.append(&mut views);
    Ok(reserves)
}

/// The Shares tokenizer (ERC-20, one record per instance): the record's first reservation
/// (binds the instance) and its claim (mints the reservation, closes the last open one, so
/// `DocumentComplete`), uncached and with the programs in Nitro's cache. No Solidity anchor
/// (`ANCHORS.md` gives only the reference's `SharesResolver` size).
fn shares_rows() -> Result<Vec<Row>, ArtifactError> {
    use crate::tokenizers::{claim_call, setup_shares, shares::reserve_call, BOB, EXECUTOR, OWNER};
    let (mut reserves, mut claims) = (Vec::new(), Vec::new());
    for cached in [false, true] {
        let mut d = setup_shares()?;
        d.register(1)?;
        if cached {
            d.world.vm.set_cached(d.tokenizer, true);
            d.world.vm.set_cached(d.registry, true);
        }
        let r = ok(
            d.world
                .send(EXECUTOR, d.tokenizer, &reserve_call(1, BOB, 600)),
            "reserveToken",
        )?;
        reserves.push(row(
            if cached {
                "SharesTokenizer reserveToken, programs cached"
            } else {
                "SharesTokenizer reserveToken"
            },
            if cached {
                "as above; tokenizer and document registry in Nitro's program cache"
            } else {
                "600 shares for a named holder by the record's executor; first reservation, binds the instance to the record"
            },
            &r,
            None,
        ));
        let uid = d.attest_claim(OWNER, BOB, 1, 0, alloy_primitives::U256::from(2))?;
        if cached {
            for a in [d.provider, d.eas, d.components] {
                d.world.vm.set_cached(a, true);
            }
        }
        let r = ok(
            d.world.send(BOB, d.tokenizer, &claim_call(1, 0, uid)),
            "claimToken",
        )?;
        claims.push(row(
            if cached {
                "SharesTokenizer claimToken, programs cached"
            } else {
                "SharesTokenizer claimToken"
            },
            if cached {
                "as above; tokenizer, registries, provider and EAS in Nitro's program cache"
            } else {
                "EAS CLAIM attestation (tokenId 0) through EASAttestationProvider; ERC-20 mint of the 600 reserved to a new holder; last open reservation, so DocumentComplete"
            },
            &r,
            None,
        ));
    }
    reserves.append(&mut claims);
    Ok(reserves)
}

/// Renders `rows` as the Markdown report.
#[must_use]
pub fn render(rows: &[Row], modules: &[ModuleFacts], source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Gas report\n\n\
         Generated by `scripts/gas-report.sh` (`cargo run -p integra-tests --bin gas-report`); do \
         not edit by hand.\n\n\
         Measured in `stylus-vm`, the in-process executor: Nitro's ink pricing (v1), \
         `ArbOS` 60 activation rules, Stylus version 2 entry costs, no L1 data gas. Each \
         operation is its own transaction with cold storage and an uncached program, as the \
         Solidity V6 reference in `ANCHORS.md` was measured. \"Entry\" is what the program pays \
         to start (memory footprint, cached and init gas); \"execution\" is the rest (ink, \
         hostio EVM gas such as SSTORE and logs, minus refunds). Where the executor differs \
         from Nitro is listed in the `stylus-vm` crate docs.\n\n\
         Artifacts: {source}.\n"
    );
    let _ = writeln!(
        out,
        "| contract | WASM bytes | footprint (pages) | init cost | cached cost |\n\
         |---|---:|---:|---:|---:|"
    );
    for m in modules {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            m.name,
            thousands(m.wasm_len as u64),
            m.footprint,
            thousands(u64::from(m.init_cost)),
            thousands(u64::from(m.cached_cost)),
        );
    }
    let _ = writeln!(
        out,
        "\nAn uncached call pays 8,832 + init cost + 352 + cached cost, plus 1,000 gas per page \
         of footprint beyond the 2 free pages of the transaction (and the exponential ramp).\n"
    );
    let _ = writeln!(
        out,
        "| operation | shape | tx gas | intrinsic | entry | execution | Sol V6 | ratio |\n\
         |---|---|---:|---:|---:|---:|---:|---:|"
    );
    for r in rows {
        let execution = r.gas.saturating_sub(r.intrinsic).saturating_sub(r.entry);
        let (reference, ratio) = match r.reference {
            Some(v) => {
                #[allow(clippy::cast_precision_loss)]
                let ratio = r.gas as f64 / v as f64;
                (thousands(v), format!("{ratio:.2}"))
            }
            None => ("—".into(), "—".into()),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            r.operation,
            r.shape,
            thousands(r.gas),
            thousands(r.intrinsic),
            thousands(r.entry),
            thousands(execution),
            reference,
            ratio
        );
    }
    out
}

/// `1234567` → `1,234,567`.
#[must_use]
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `verifyProof` on the pure-arkworks backend (`--features arkworks-backend`: the pairing in
/// WASM, no precompiles), checked by the pipeline's default rules (a classic contract: it fits,
/// 24,381 B compressed), deployed alone, and called directly with the same proof.
///
/// # Errors
/// If the variant does not build or pass the pipeline, or the proof is refused.
pub fn arkworks_verifier_rows() -> Result<Vec<Row>, ArtifactError> {
    use crate::message::{deploy, prove, verifyProofCall, ALICE, EVENT_REF, MESSAGE};
    // The message fields (and so messageHash) come from a normal deployment; the proof does not
    // depend on which verifier checks it.
    let d = deploy()?;
    let m = d.message(ALICE, 7, EVENT_REF, MESSAGE);
    let proof = prove(&m, 1);
    let verify = verifyProofCall {
        a: proof.a,
        b: proof.b,
        c: proof.c,
        input: [
            alloy_primitives::U256::from_be_bytes(crate::message::process_hash().0),
            integra_circuits::evm::fr_to_u256(m.hash()),
        ],
    };
    let wasm = crate::artifact_variant(
        "groth16-verifier",
        &["arkworks-backend"],
        &[],
        &integra_pipeline::Rules::default(),
    )?;
    let mut world = World::new();
    let verifier = world
        .vm
        .deploy(ALICE, &wasm)
        .map_err(|e| ArtifactError(e.to_string()))?;
    let r = ok(
        world.raw(
            ALICE,
            verifier,
            &verify.abi_encode(),
            alloy_primitives::U256::ZERO,
        ),
        "verifyProof (arkworks backend)",
    )?;
    if r.output.last() != Some(&1) {
        return Err(ArtifactError(
            "arkworks backend refused a valid proof".into(),
        ));
    }
    Ok(vec![row(
        "Groth16Verifier verifyProof, pure-arkworks backend (tx)",
        "as above, pairing in WASM (no precompiles); a classic contract (24,381 B compressed)",
        &r,
        Some(SNARKJS_VERIFY_TX),
    )])
}

/// The attestation layer: EAS attest through `TokenClaimResolver` (EAS is the Stylus
/// reproduction in `tests/eas`, not EAS's EVM bytecode, which the executor cannot run) and
/// `EASAttestationProvider.verifyCapabilities` for both schemas, each its own transaction.
///
/// # Errors
/// If an artifact cannot be had or a scenario does not succeed.
pub fn attestation_rows() -> Result<Vec<Row>, ArtifactError> {
    use crate::attestation::{claim_data, full_data, request, setup, CLAIMANT};
    use crate::docreg::ALICE;
    let core_claim = alloy_primitives::U256::from(2);
    let h = B256::repeat_byte(1);
    let mut rows = Vec::new();

    let mut d = setup()?;
    let claim = d.claim;
    let r = ok(
        d.attest(
            ALICE,
            claim,
            request(CLAIMANT, 0, claim_data(h, 7, core_claim)),
        ),
        "attest (claim)",
    )?;
    rows.push(row(
        "TestEAS attest + TokenClaimResolver.attest",
        "CLAIM schema, 96 B data, by the record owner; the resolver reads exists/owner from the document registry. EAS here is the Stylus reproduction (real EAS 1.x, V6 9-field schema: 575,358)",
        &r,
        None,
    ));
    let uid = B256::from_slice(&r.output[..32]);
    let v = ok(d.verify(uid, CLAIMANT, h), "verifyCapabilities (claim)")?;
    rows.push(row(
        "EASAttestationProvider verifyCapabilities, CLAIM (tx)",
        "owner-made claim grant: EAS.getAttestation + registry getDocumentOwner; sent by the consumer as a transaction",
        &v,
        None,
    ));
    for addr in [d.provider, d.eas, d.registry] {
        d.world.vm.set_cached(addr, true);
    }
    let v = ok(
        d.verify(uid, CLAIMANT, h),
        "verifyCapabilities (claim, cached)",
    )?;
    rows.push(row(
        "EASAttestationProvider verifyCapabilities, CLAIM, programs cached",
        "as above; provider, EAS and document registry in Nitro's program cache",
        &v,
        None,
    ));

    let mut d = setup()?;
    let (full, now) = (d.full, d.world.vm.block().timestamp);
    let data = full_data(&d, h, alloy_primitives::U256::from(0x10007), now);
    let r = ok(
        d.attest(ALICE, full, request(CLAIMANT, 0, data)),
        "attest (full)",
    )?;
    rows.push(row(
        "TestEAS attest, FULL schema (no resolver)",
        "14 fields (736 B data, short strings), by the record owner; EAS reproduction",
        &r,
        None,
    ));
    let uid = B256::from_slice(&r.output[..32]);
    let v = ok(d.verify(uid, CLAIMANT, h), "verifyCapabilities (full)")?;
    rows.push(row(
        "EASAttestationProvider verifyCapabilities, FULL (tx)",
        "owner-made ROLE_PARTICIPANT attestation, no issuer set: EAS.getAttestation (736 B data) + registry getDocumentOwner; chain, EAS, consumer and version bound",
        &v,
        None,
    ));
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(177_313), "177,313");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn rendering_computes_execution_and_ratio() {
        let rows = [Row {
            operation: "op".into(),
            shape: "s".into(),
            gas: 50_000,
            intrinsic: 21_100,
            entry: 13_900,
            reference: Some(100_000),
        }];
        let md = render(&rows, &[], "test");
        assert!(md.contains("| op | s | 50,000 | 21,100 | 13,900 | 15,000 | 100,000 | 0.50 |"));
    }
}
