//! Test support for the tokenizers' motsu tests (feature `testing`): ids, an exact-error
//! assertion and the attestation world built on the real parts — the EAS reproduction
//! (`integra-test-eas`), `TokenClaimResolver` as the CLAIM schema's resolver,
//! `EASAttestationProvider` registered in `IntegraRegistry` under [`provider_id`], and the
//! document registry. Claim attestations are made through EAS by the record's owner (the
//! resolver refuses anyone else); other capabilities use the FULL schema bound to the consumer.
#![allow(missing_docs, clippy::needless_pass_by_value)]

use alloc::{string::String, vec::Vec};
use core::fmt::Debug;

use alloy_primitives::{keccak256, Address, Bytes, B256, U256};
use alloy_sol_types::{SolError, SolEvent, SolValue};
use integra_document_registry::{IntegraDocumentRegistry, Registration};
use integra_eas_attestation_provider::{
    EASAttestationProvider, CLAIM_SCHEMA, FULL_SCHEMA, SCHEMA_VERSION,
};
use integra_primitives::{capabilities::CORE_CLAIM, eas::attestation_uid};
use integra_registry::IntegraRegistry;
use integra_test_eas::{Attestation, Attested, Request, TestEAS};
use integra_token_claim_resolver::TokenClaimResolver;
use motsu::prelude::{Contract, ResultExt};

use crate::CREDENTIAL_VALIDITY;

/// The claim resolver crate (its errors for the tests of refused claim attestations).
pub use integra_token_claim_resolver as claim_resolver;

/// motsu's `block_timestamp`.
pub const NOW: u64 = 1_735_689_600;

/// [`NOW`] as a word.
#[must_use]
pub fn now() -> U256 {
    U256::from(NOW)
}

/// Record id `n`.
#[must_use]
pub fn h(n: u8) -> B256 {
    B256::repeat_byte(n)
}

/// The processHash used with record `n`.
#[must_use]
pub fn p(n: u8) -> B256 {
    B256::repeat_byte(0x70 ^ n)
}

/// Attestation uid `n`.
#[must_use]
pub fn uid(n: u8) -> B256 {
    keccak256([0xa7, n])
}

/// `U256::from(n)`.
#[must_use]
pub fn u(n: u64) -> U256 {
    U256::from(n)
}

/// Asserts `result` failed with exactly `expected` (selector and every field).
///
/// # Panics
/// When it did not.
#[track_caller]
pub fn assert_error<T: Debug, E: Into<Vec<u8>>>(
    result: Result<T, E>,
    expected: impl SolError + Debug,
) {
    match result {
        Ok(v) => panic!("expected {expected:?}, got Ok({v:?})"),
        Err(err) => assert_eq!(err.into(), expected.abi_encode(), "expected {expected:?}"),
    }
}

/// motsu's `block.chainid`.
pub const CHAIN_ID: u64 = 42_161;

/// The trust-credential schema registered in EAS (spec 10 §8: `abi.encode(credentialHash)`).
pub const CREDENTIAL_SCHEMA: &str = "bytes32 credentialHash";

/// The real attestation parts of a test world: EAS with the FULL, CLAIM and credential schemas
/// and the claim resolver. The provider is the test's own `Contract`, initialized by
/// [`deploy_registries`].
pub struct Chain {
    pub eas: Contract<TestEAS>,
    pub resolver: Contract<TokenClaimResolver>,
    /// The FULL capability schema's UID.
    pub full: B256,
    /// The CLAIM schema's UID (resolver: [`Chain::resolver`]).
    pub claim: B256,
    /// The credential schema's UID (no resolver).
    pub credential: B256,
}

/// Deploys the component registry and the document registry (fee 0, no forwarder), EAS with
/// its schemas, the claim resolver and the provider (registered under [`provider_id`]), and
/// approves `tokenizer`.
///
/// # Panics
/// When a deployment step fails.
#[must_use]
pub fn deploy_registries(
    reg: &Contract<IntegraDocumentRegistry>,
    comp: &Contract<IntegraRegistry>,
    prov: &Contract<EASAttestationProvider>,
    gov: Address,
    tokenizer: Address,
) -> Chain {
    let eas = Contract::<TestEAS>::new();
    let resolver = Contract::<TokenClaimResolver>::new();
    comp.sender(gov).constructor(gov).unwrap();
    comp.sender(gov)
        .register_provider(
            provider_id(),
            prov.address(),
            "EAS",
            "EAS attestation provider",
        )
        .unwrap();
    reg.sender(gov)
        .constructor(
            gov,
            comp.address(),
            comp.address(),
            Address::repeat_byte(0xe0),
            Address::repeat_byte(0xe1),
            U256::ZERO,
            U256::ZERO,
            Address::ZERO,
        )
        .unwrap();
    reg.sender(gov)
        .set_tokenizer_approval(gov, tokenizer, true)
        .unwrap();
    resolver
        .sender(gov)
        .constructor(eas.address(), reg.address())
        .unwrap();
    let full = eas
        .sender(gov)
        .register(FULL_SCHEMA, Address::ZERO, true)
        .unwrap();
    let claim = eas
        .sender(gov)
        .register(CLAIM_SCHEMA, resolver.address(), true)
        .unwrap();
    let credential = eas
        .sender(gov)
        .register(CREDENTIAL_SCHEMA, Address::ZERO, true)
        .unwrap();
    prov.sender(gov)
        .initialize(
            eas.address(),
            full,
            claim,
            Address::repeat_byte(0x5a),
            reg.address(),
            gov,
        )
        .unwrap();
    Chain {
        eas,
        resolver,
        full,
        claim,
        credential,
    }
}

impl Chain {
    /// `attest` on `schema` by `attester` for `recipient`.
    ///
    /// # Errors
    /// EAS's (or the resolver's) revert data.
    pub fn attest_raw(
        &self,
        attester: Address,
        schema: B256,
        recipient: Address,
        data: Bytes,
    ) -> Result<B256, Vec<u8>> {
        self.eas
            .sender(attester)
            .attest(
                schema,
                Request {
                    recipient,
                    revocable: true,
                    data,
                    ..Request::default()
                },
            )
            .motsu_res()
            .map_err(Vec::from)
    }

    /// A CLAIM attestation by `attester` (the record's owner or executor) for `recipient`:
    /// `abi.encode(h, token, capability)`.
    ///
    /// # Errors
    /// EAS's or the resolver's revert data.
    pub fn try_claim(
        &self,
        attester: Address,
        recipient: Address,
        h: B256,
        token: U256,
        capability: U256,
    ) -> Result<B256, Vec<u8>> {
        let data = (h, token, capability).abi_encode_params().into();
        self.attest_raw(attester, self.claim, recipient, data)
    }

    /// A FULL capability attestation by `attester` for `recipient` on `h`, bound to `consumer`,
    /// this chain, this EAS and the current schema version.
    ///
    /// # Panics
    /// When EAS refuses it.
    #[must_use]
    pub fn full(
        &self,
        attester: Address,
        recipient: Address,
        h: B256,
        capabilities: U256,
        token: U256,
        consumer: Address,
    ) -> B256 {
        let data = (
            h,
            token,
            capabilities,
            String::from("did:example:party"),
            String::from("KYC"),
            now(),
            String::from("Party"),
            String::from("Individual"),
            String::new(),
            U256::from(CHAIN_ID),
            self.eas.address(),
            consumer,
            NOW,
            SCHEMA_VERSION,
        )
            .abi_encode_params()
            .into();
        self.attest_raw(attester, self.full, recipient, data)
            .expect("EAS accepts a FULL attestation")
    }

    /// Attests `capability` on `h` for `recipient` by the record's owner in `reg`: a CLAIM
    /// attestation when `capability == CORE_CLAIM`, else a FULL one bound to `consumer`.
    ///
    /// # Panics
    /// When EAS or the resolver refuses it.
    #[must_use]
    pub fn attest(
        &self,
        reg: &Contract<IntegraDocumentRegistry>,
        consumer: Address,
        recipient: Address,
        h: B256,
        capability: U256,
        token: U256,
    ) -> B256 {
        let owner = reg.sender(Address::ZERO).get_document_owner(h);
        if capability == CORE_CLAIM {
            self.try_claim(owner, recipient, h, token, capability)
                .expect("the resolver accepts the owner's claim attestation")
        } else {
            self.full(owner, recipient, h, capability, token, consumer)
        }
    }

    /// How many credential attestations EAS made (its `Attested` events on the credential
    /// schema).
    #[must_use]
    pub fn credentials(&self) -> usize {
        self.eas
            .all_events()
            .iter()
            .filter(|l| {
                l.topics()[0] == Attested::SIGNATURE_HASH && l.topics()[3] == self.credential
            })
            .count()
    }

    /// The UID EAS gives the credential `tokenizer` issues to `party` for `h` now (the first
    /// one with these fields), as spec 10 §8 builds it.
    #[must_use]
    pub fn credential_uid(&self, tokenizer: Address, h: B256, party: Address) -> B256 {
        let credential = keccak256((h, party, now(), U256::from(CHAIN_ID)).abi_encode());
        let att = Attestation {
            uid: B256::ZERO,
            schema: self.credential,
            time: NOW,
            expirationTime: NOW + CREDENTIAL_VALIDITY,
            revocationTime: 0,
            refUID: B256::ZERO,
            recipient: party,
            attester: tokenizer,
            revocable: true,
            data: credential.abi_encode().into(),
        };
        attestation_uid(&att, 0)
    }
}

/// Registers record `n` owned by `owner`, bound to `tokenizer`, with `executor` (0 for none).
///
/// # Panics
/// When the registration fails.
pub fn register(
    reg: &Contract<IntegraDocumentRegistry>,
    owner: Address,
    n: u8,
    tokenizer: Address,
    executor: Address,
) {
    reg.sender(owner)
        .register_document(
            owner,
            &Registration {
                integra_hash: h(n),
                document_hash: keccak256([n]),
                tokenizer,
                executor,
                ..Registration::default()
            },
        )
        .motsu_unwrap();
}

/// The provider id the provider is registered under (the tokenizers' default).
#[must_use]
pub fn provider_id() -> B256 {
    keccak256("eas-provider")
}
