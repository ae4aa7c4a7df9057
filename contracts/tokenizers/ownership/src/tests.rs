//! motsu tests of the Ownership tokenizer against the real parts: `IntegraRegistry` (provider
//! registry), `IntegraDocumentRegistry` (owner, executor and tokenizer binding),
//! `EASAttestationProvider` over the EAS reproduction with `TokenClaimResolver` (the base's
//! `testing::deploy_registries`). Claim attestations are made through EAS by the record owner.
//!
//! Every external function: happy path, each revert with its exact error and fields,
//! unauthorized callers, limits at and past the boundary, events with exact fields; the
//! reference's defects (spec 11 §2.1, DESIGN §5) each have a test that fails on its behaviour;
//! property tests for spec 10 §11.
#![allow(
    clippy::needless_pass_by_value,
    clippy::too_many_arguments,
    clippy::cast_possible_truncation,
    clippy::bool_assert_comparison,
    clippy::single_match,
    clippy::unnecessary_wraps
)] // motsu fixtures; small test indices

mod properties;
mod relay;

use alloc::string::String;
use core::fmt::Debug;

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolError, SolEvent};
use integra_document_registry::IntegraDocumentRegistry;
use integra_eas_attestation_provider::{
    AttestationNotFound, EASAttestationProvider, RecipientMismatch, WrongDocument,
};
use integra_primitives::{
    capabilities::{CORE_CLAIM, CORE_VIEW},
    roles::{GOVERNOR_ROLE, OPERATOR_ROLE},
};
use integra_registry::IntegraRegistry;
use integra_tokenizer_base::testing::{
    assert_error, claim_resolver, deploy_registries, h, now, p, provider_id, register, Chain,
};
use integra_tokenizer_base::{
    AccessControlUnauthorizedAccount, AttestationTokenMismatch, EncryptedLabelTooLarge,
    EnforcedPause, InvalidAmount, InvalidProcessHash, NotReservedForYou,
    ReentrancyGuardReentrantCall, TokenizerNotSet, Unauthorized, WrongTokenizer, ZeroAddress,
};
use motsu::prelude::*;
use stylus_sdk::{
    call::RawCall,
    storage::{StorageAddress, StorageBytes, StorageU8},
};

use super::*;
use integra_tokenizer_base::ITokenizerBase as B;

/// motsu's `block_timestamp`.
const NAMESPACE: Address = Address::repeat_byte(0x5a);
const FORWARDER: Address = Address::repeat_byte(0xf0);

fn pid() -> B256 {
    provider_id()
}

fn one() -> U256 {
    U256::from(1)
}

/// What a [`Receiver`] does in `onERC721Received`.
mod mode {
    #[allow(dead_code)] // the default mode
    pub(super) const ACCEPT: u8 = 0;
    pub(super) const REJECT: u8 = 1;
    /// Calls `reserveToken` on the tokenizer (a write during the claim) and accepts.
    pub(super) const REENTER: u8 = 2;
}

/// An ERC-721 receiver contract.
#[storage]
pub struct Receiver {
    mode: StorageU8,
    reentry_error: StorageBytes,
    /// The last `onERC721Received`'s operator and from.
    operator: StorageAddress,
    from: StorageAddress,
}

unsafe impl TopLevelStorage for Receiver {}

#[public]
impl Receiver {
    fn set_mode(&mut self, m: u8) {
        self.mode.set(alloy_primitives::Uint::from(m));
    }
    fn reentry_error(&self) -> Vec<u8> {
        self.reentry_error.get_bytes()
    }
    fn last_operator_and_from(&self) -> (Address, Address) {
        (self.operator.get(), self.from.get())
    }
    #[selector(name = "onERC721Received")]
    fn on_erc721_received(
        &mut self,
        operator: Address,
        from: Address,
        _token_id: U256,
        _data: stylus_sdk::abi::Bytes,
    ) -> Result<alloy_primitives::FixedBytes<4>, Vec<u8>> {
        self.operator.set(operator);
        self.from.set(from);
        match self.mode.get().to::<u8>() {
            mode::REJECT => Ok(alloy_primitives::FixedBytes([0; 4])),
            mode::REENTER => {
                let tokenizer = self.vm().msg_sender();
                let call = B::reserveTokenCall {
                    integraHash: h(9),
                    tokenId: U256::ZERO,
                    recipient: Address::repeat_byte(1),
                    amount: one(),
                    processHash: p(1),
                };
                let err =
                    unsafe { RawCall::new().call(tokenizer, &call.abi_encode()) }.unwrap_err();
                self.reentry_error.set_bytes(err);
                Ok(alloy_primitives::FixedBytes([0x15, 0x0b, 0x7a, 0x02]))
            }
            _ => Ok(alloy_primitives::FixedBytes([0x15, 0x0b, 0x7a, 0x02])),
        }
    }
}

/// The deployed world of a test.
struct World<'a> {
    tok: &'a Contract<OwnershipTokenizer>,
    reg: &'a Contract<IntegraDocumentRegistry>,
    chain: Chain,
}

fn config(gov: Address, reg: Address, comp: Address) -> Config {
    Config {
        governor: gov,
        document_registry: reg,
        namespace: NAMESPACE,
        provider_registry: comp,
        default_provider_id: pid(),
        eas: Address::repeat_byte(0xea),
        trusted_forwarder: FORWARDER,
        trust_registry: Address::ZERO,
        credential_schema: B256::ZERO,
        base_uri: String::new(),
    }
}

/// Deploys the component registry, the document registry, the provider and the tokenizer.
fn deploy<'a>(
    tok: &'a Contract<OwnershipTokenizer>,
    reg: &'a Contract<IntegraDocumentRegistry>,
    comp: &'a Contract<IntegraRegistry>,
    prov: &'a Contract<EASAttestationProvider>,
    gov: Address,
) -> World<'a> {
    let chain = deploy_registries(reg, comp, prov, gov, tok.address());
    tok.sender(gov)
        .constructor("Deeds", "DEED", &config(gov, reg.address(), comp.address()))
        .unwrap();
    World { tok, reg, chain }
}

impl World<'_> {
    /// Registers record `n` owned by `owner`, bound to `tokenizer`, with `executor`.
    fn register_with(&self, owner: Address, n: u8, tokenizer: Address, executor: Address) {
        register(self.reg, owner, n, tokenizer, executor);
    }

    /// Registers record `n` owned by `owner`, bound to this tokenizer.
    fn register(&self, owner: Address, n: u8) {
        self.register_with(owner, n, self.tok.address(), Address::ZERO);
    }

    fn reserve(&self, who: Address, n: u8, recipient: Address) -> Res<U256> {
        self.tok
            .sender(who)
            .reserve(who, h(n), Some(recipient), one(), &[], p(n))
            .motsu_res()
    }

    fn reserve_anon(&self, who: Address, n: u8, label: &[u8]) -> Res<U256> {
        self.tok
            .sender(who)
            .reserve(who, h(n), None, one(), label, p(n))
            .motsu_res()
    }

    /// Attests through EAS, by record `n`'s owner, that `recipient` holds `capability` on it
    /// for `token` (CLAIM schema for `CORE_CLAIM`, else FULL bound to this tokenizer).
    fn attest(&self, recipient: Address, n: u8, capability: U256, token: U256) -> B256 {
        self.chain.attest(
            self.reg,
            self.tok.address(),
            recipient,
            h(n),
            capability,
            token,
        )
    }

    fn claim(&self, who: Address, n: u8, token: U256, id: B256) -> Res<U256> {
        self.tok
            .sender(who)
            .claim(who, h(n), token, id, p(n))
            .motsu_res()
    }

    fn cancel(&self, who: Address, n: u8, token: U256) -> Res<()> {
        self.tok
            .sender(who)
            .cancel(who, h(n), token, p(n))
            .motsu_res()
    }

    /// Routes encoded calldata from `sender` through the contract's router.
    fn call(&self, sender: Address, calldata: &[u8]) -> ArbResult {
        let selector: [u8; 4] = calldata[..4].try_into().unwrap();
        dispatch(&mut self.tok.sender(sender), selector, Args(&calldata[4..])).expect("routed")
    }

    fn view<C: SolCall>(&self, c: &C) -> C::Return {
        let out = self
            .call(Address::ZERO, &c.abi_encode())
            .expect("view succeeds");
        C::abi_decode_returns(&out, true).expect("alloy decodes the return")
    }
}

macro_rules! world {
    ($tok:ident, $reg:ident, $comp:ident, $prov:ident, $gov:ident) => {
        deploy(&$tok, &$reg, &$comp, &$prov, $gov)
    };
}

// ------------------------------------------------------------------ construction

#[motsu::test]
fn constructor_grants_roles_and_stores_configuration(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    for role in [B256::ZERO, GOVERNOR_ROLE, OPERATOR_ROLE] {
        assert!(w.view(&B::hasRoleCall { role, account: gov })._0);
    }
    assert_eq!(w.view(&B::documentRegistryCall {})._0, reg.address());
    assert_eq!(w.view(&B::easCall {})._0, Address::repeat_byte(0xea));
    assert!(
        w.view(&B::isTrustedForwarderCall {
            forwarder: FORWARDER
        })
        ._0
    );
    assert!(!w.view(&B::isTrustedForwarderCall { forwarder: gov })._0);
    assert_eq!(w.view(&B::VERSIONCall {})._0, "7.0.0");
    assert_eq!(w.view(&B::getVersionCall {})._0, "7.0.0");
    assert_eq!(w.view(&B::tokenTypeCall {})._0, 1);
    assert_eq!(w.view(&nameCall {})._0, "Deeds");
    assert_eq!(w.view(&symbolCall {})._0, "DEED");
    assert_eq!(
        w.view(&B::MAX_ENCRYPTED_LABEL_LENGTHCall {})._0,
        U256::from(500)
    );
    assert_eq!(w.view(&B::CAPABILITY_CLAIM_TOKENCall {})._0, U256::from(2));
    assert_eq!(w.view(&B::trustRegistryCall {})._0, Address::ZERO);
}

#[motsu::test]
fn constructor_rejects_zero_governor_and_registry(
    tok: Contract<OwnershipTokenizer>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
) {
    let mut c = config(Address::ZERO, Address::repeat_byte(1), comp.address());
    assert_error(
        tok.sender(gov).constructor("a", "b", &c).motsu_res(),
        ZeroAddress {},
    );
    c.governor = gov;
    c.document_registry = Address::ZERO;
    assert_error(
        tok.sender(gov).constructor("a", "b", &c).motsu_res(),
        ZeroAddress {},
    );
}

#[motsu::test]
fn base_refuses_a_second_initialization(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
) {
    let _w = world!(tok, reg, comp, prov, gov);
    let c = config(gov, reg.address(), comp.address());
    assert_error(
        tok.sender(gov).constructor("a", "b", &c).motsu_res(),
        integra_tokenizer_base::AlreadyInitialized {},
    );
}

// ------------------------------------------------------------------ reserve

#[motsu::test]
fn owner_reserves_a_named_token_with_the_next_id(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.register(owner, 2);
    assert_eq!(w.reserve(owner, 1, bob).unwrap(), one());
    tok.assert_emitted(&B::TokenReserved {
        integraHash: h(1),
        tokenId: one(),
        recipient: bob,
        amount: one(),
        processHash: p(1),
        timestamp: now(),
    });
    assert_eq!(w.reserve(owner, 2, bob).unwrap(), U256::from(2));
    assert_eq!(
        w.view(&integraHashToTokenIdCall { integraHash: h(2) })._0,
        U256::from(2)
    );
    assert_eq!(
        w.view(&B::getDocumentHashCall { id: U256::from(2) })._0,
        B256::ZERO,
        "tokenHash is written at mint: a reserved, unminted id maps to no record"
    );
    assert_eq!(
        w.view(&B::getReservedTokensCall {
            integraHash: h(1),
            recipient: bob
        })
        ._0,
        vec![one()]
    );
    let info = w
        .view(&B::getTokenInfoCall {
            integraHash: h(1),
            tokenId: U256::ZERO,
        })
        ._0;
    assert_eq!(
        (
            info.integraHash,
            info.tokenId,
            info.totalSupply,
            info.reserved,
            info.reservedFor,
            info.claimed
        ),
        (h(1), one(), U256::ZERO, one(), bob, false)
    );
    assert!(info.holders.is_empty());
}

#[motsu::test]
fn executor_reserves_and_the_governor_and_strangers_cannot(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    executor: Address,
    stranger: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register_with(owner, 1, tok.address(), executor);
    assert_error(
        w.reserve(stranger, 1, stranger),
        Unauthorized {
            caller: stranger,
            integraHash: h(1),
        },
    );
    assert_error(
        w.reserve(gov, 1, gov),
        Unauthorized {
            caller: gov,
            integraHash: h(1),
        },
    );
    assert_eq!(w.reserve(executor, 1, stranger).unwrap(), one());
}

#[motsu::test]
fn reserve_requires_the_record_bound_to_this_tokenizer(
    tok: Contract<OwnershipTokenizer>,
    other: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    reg.sender(gov)
        .set_tokenizer_approval(gov, other.address(), true)
        .unwrap();
    w.register_with(owner, 1, Address::ZERO, Address::ZERO);
    w.register_with(owner, 2, other.address(), Address::ZERO);
    assert_error(
        w.reserve(owner, 1, owner),
        TokenizerNotSet { integraHash: h(1) },
    );
    assert_error(
        w.reserve(owner, 2, owner),
        WrongTokenizer {
            integraHash: h(2),
            documentTokenizer: other.address(),
            calledTokenizer: tok.address(),
        },
    );
    // Unregistered record: no tokenizer.
    assert_error(
        w.reserve(owner, 3, owner),
        TokenizerNotSet { integraHash: h(3) },
    );
}

#[motsu::test]
fn reserve_validates_amount_process_hash_recipient_in_order(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    let r = |amount: U256, process: B256, recipient: Option<Address>| {
        tok.sender(owner)
            .reserve(owner, h(1), recipient, amount, &[], process)
            .motsu_res()
    };
    assert_error(
        r(U256::ZERO, B256::ZERO, Some(Address::ZERO)),
        InvalidAmount { amount: U256::ZERO },
    );
    assert_error(
        r(one(), B256::ZERO, Some(Address::ZERO)),
        InvalidProcessHash {},
    );
    assert_error(r(one(), p(1), Some(Address::ZERO)), ZeroAddress {});
    assert_error(
        r(U256::from(2), p(1), Some(owner)),
        InvalidAmount {
            amount: U256::from(2),
        },
    );
    assert!(r(one(), p(1), Some(owner)).is_ok());
}

#[motsu::test]
fn anonymous_label_of_500_bytes_passes_and_501_fails(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    assert_error(
        w.reserve_anon(owner, 1, &[7; 501]),
        EncryptedLabelTooLarge {
            length: U256::from(501),
            maximum: U256::from(500),
        },
    );
    let label = vec![7u8; 500];
    assert_eq!(w.reserve_anon(owner, 1, &label).unwrap(), one());
    tok.assert_emitted(&B::TokenReservedAnonymous {
        integraHash: h(1),
        tokenId: one(),
        amount: one(),
        encryptedLabel: label.clone().into(),
        processHash: p(1),
        timestamp: now(),
    });
    assert_eq!(
        w.view(&B::getEncryptedLabelCall {
            integraHash: h(1),
            tokenId: U256::ZERO
        })
        ._0,
        label
    );
    let all = w.view(&B::getAllEncryptedLabelsCall { integraHash: h(1) });
    assert_eq!(all.tokenIds, vec![one()]);
    assert_eq!(all.labels, vec![alloy_primitives::Bytes::from(label)]);
}

#[motsu::test]
fn second_reservation_of_a_record_fails_whatever_its_kind(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.reserve_anon(owner, 1, b"label").unwrap();
    // The reference let a named reserve pass over an anonymous one: two tokens for one record.
    assert_error(
        w.reserve(owner, 1, bob),
        AlreadyReserved { integraHash: h(1) },
    );
    assert_error(
        w.reserve_anon(owner, 1, b"x"),
        AlreadyReserved { integraHash: h(1) },
    );
    let a1 = w.attest(bob, 1, CORE_CLAIM, U256::ZERO);
    w.claim(bob, 1, U256::ZERO, a1).unwrap();
    assert_error(w.reserve(owner, 1, bob), AlreadyMinted { tokenId: one() });
}

#[motsu::test]
fn paused_tokenizer_refuses_lifecycle_calls_but_serves_views(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.register(owner, 2);
    w.reserve(owner, 2, bob).unwrap();
    let a2 = w.attest(bob, 2, CORE_CLAIM, U256::ZERO);
    assert_eq!(
        w.call(bob, &B::pauseCall {}.abi_encode()),
        Err(AccessControlUnauthorizedAccount {
            account: bob,
            neededRole: GOVERNOR_ROLE
        }
        .abi_encode())
    );
    w.call(gov, &B::pauseCall {}.abi_encode()).unwrap();
    tok.assert_emitted(&B::Paused { account: gov });
    assert!(w.view(&B::pausedCall {})._0);
    assert_error(w.reserve(owner, 1, bob), EnforcedPause {});
    assert_error(w.reserve_anon(owner, 1, b"l"), EnforcedPause {});
    assert_error(w.claim(bob, 2, U256::ZERO, a2), EnforcedPause {});
    assert_error(w.cancel(owner, 2, U256::ZERO), EnforcedPause {});
    assert_eq!(
        w.call(gov, &B::pauseCall {}.abi_encode()),
        Err(EnforcedPause {}.abi_encode())
    );
    assert_eq!(w.view(&B::getDocumentHashCall { id: one() })._0, B256::ZERO);
    w.call(gov, &B::unpauseCall {}.abi_encode()).unwrap();
    tok.assert_emitted(&B::Unpaused { account: gov });
    assert_eq!(
        w.call(gov, &B::unpauseCall {}.abi_encode()),
        Err(integra_tokenizer_base::ExpectedPause {}.abi_encode())
    );
    w.claim(bob, 2, U256::ZERO, a2).unwrap();
}

// ------------------------------------------------------------------ claim

#[motsu::test]
fn attested_recipient_claims_mints_and_completes_the_record_once(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.reserve(owner, 1, bob).unwrap();
    let a1 = w.attest(bob, 1, CORE_CLAIM | CORE_VIEW, one());
    assert_eq!(w.claim(bob, 1, U256::ZERO, a1).unwrap(), one());
    tok.assert_emitted(&Transfer {
        from: Address::ZERO,
        to: bob,
        tokenId: one(),
    });
    tok.assert_emitted(&B::TokenClaimed {
        integraHash: h(1),
        tokenId: one(),
        claimant: bob,
        capabilityAttestation: a1,
        processHash: p(1),
        timestamp: now(),
    });
    tok.assert_emitted(&B::DocumentComplete {
        integraHash: h(1),
        partyCount: one(),
        processHash: p(1),
        timestamp: now(),
    });
    assert_eq!(w.view(&ownerOfCall { tokenId: one() })._0, bob);
    assert_eq!(w.view(&balanceOfCall { owner: bob })._0, one());
    assert_eq!(
        w.view(&B::balanceOf_1Call {
            account: bob,
            integraHash: h(1)
        })
        ._0,
        one()
    );
    assert_eq!(
        w.view(&B::balanceOf_0Call {
            account: bob,
            tokenId: one()
        })
        ._0,
        one()
    );
    assert_eq!(
        w.view(&B::balanceOf_0Call {
            account: bob,
            tokenId: U256::ZERO
        })
        ._0,
        one()
    );
    assert_eq!(
        w.view(&B::balanceOfDocumentTokenCall {
            account: bob,
            integraHash: h(1),
            tokenId: one()
        })
        ._0,
        one()
    );
    assert_eq!(
        w.view(&B::balanceOfDocumentTokenCall {
            account: bob,
            integraHash: h(1),
            tokenId: U256::from(5)
        })
        ._0,
        U256::ZERO
    );
    let status = w.view(&B::getClaimStatusCall {
        integraHash: h(1),
        tokenId: one(),
    });
    assert_eq!((status.claimed, status.claimedBy), (true, bob));
    assert!(w.view(&B::isDocumentCompleteCall { integraHash: h(1) })._0);
    let info = w
        .view(&B::getTokenInfoCall {
            integraHash: h(1),
            tokenId: one(),
        })
        ._0;
    assert_eq!(
        (
            info.totalSupply,
            info.reserved,
            info.holders,
            info.claimed,
            info.claimedBy,
            info.reservedFor
        ),
        (one(), U256::ZERO, vec![bob], true, bob, Address::ZERO)
    );
    let t = w.view(&B::tokensOfCall { account: bob });
    assert_eq!(
        (t.integraHashes, t.tokenIds, t.balances),
        (vec![h(1)], vec![one()], vec![one()])
    );
    assert!(w
        .view(&B::getReservedTokensCall {
            integraHash: h(1),
            recipient: bob
        })
        ._0
        .is_empty());
}

#[motsu::test]
fn claiming_twice_fails(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.reserve_anon(owner, 1, b"role").unwrap();
    let a1 = w.attest(bob, 1, CORE_CLAIM, U256::ZERO);
    w.claim(bob, 1, U256::ZERO, a1).unwrap();
    assert_error(
        w.claim(bob, 1, U256::ZERO, a1),
        AlreadyMinted { tokenId: one() },
    );
    assert_error(w.claim(bob, 1, one(), a1), AlreadyMinted { tokenId: one() });
    assert_eq!(
        tok.all_events()
            .iter()
            .filter(|l| l.topics()[0] == B::DocumentComplete::SIGNATURE_HASH)
            .count(),
        1
    );
}

#[motsu::test]
fn named_reservation_is_claimable_only_by_its_recipient(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
    eve: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.reserve(owner, 1, bob).unwrap();
    // Eve holds her own valid CLAIM attestation for the record.
    let a2 = w.attest(eve, 1, CORE_CLAIM, U256::ZERO);
    assert_error(
        w.claim(eve, 1, U256::ZERO, a2),
        NotReservedForYou {
            caller: eve,
            reservedFor: bob,
        },
    );
    // Bob's attestation replayed by Eve (mempool): the provider refuses a foreign recipient.
    let a1 = w.attest(bob, 1, CORE_CLAIM, U256::ZERO);
    assert_error(
        w.claim(eve, 1, U256::ZERO, a1),
        RecipientMismatch {
            attested: bob,
            expected: eve,
        },
    );
    w.claim(bob, 1, U256::ZERO, a1).unwrap();
}

#[motsu::test]
fn anonymous_reservation_goes_to_the_first_attested_claimant(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
    carol: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.reserve_anon(owner, 1, b"buyer").unwrap();
    let a1 = w.attest(carol, 1, CORE_CLAIM, U256::ZERO);
    let a2 = w.attest(bob, 1, CORE_CLAIM, U256::ZERO);
    w.claim(carol, 1, U256::ZERO, a1).unwrap();
    assert_error(
        w.claim(bob, 1, U256::ZERO, a2),
        AlreadyMinted { tokenId: one() },
    );
    assert_eq!(w.view(&ownerOfCall { tokenId: one() })._0, carol);
}

#[motsu::test]
fn claim_attestation_must_match_record_token_and_capability(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.register(owner, 2);
    w.reserve(owner, 1, bob).unwrap();
    w.reserve(owner, 2, bob).unwrap();
    // integraHash: an attestation for record 2 used on record 1.
    let a1 = w.attest(bob, 2, CORE_CLAIM, U256::ZERO);
    assert_error(
        w.claim(bob, 1, U256::ZERO, a1),
        WrongDocument {
            attested: h(2),
            expected: h(1),
        },
    );
    // capability: the claim resolver refuses a CLAIM attestation for anything but CORE_CLAIM,
    // so it never exists in EAS ...
    assert_error(
        w.chain.try_claim(owner, bob, h(1), U256::ZERO, CORE_VIEW),
        claim_resolver::InvalidCapability {
            capability: CORE_VIEW,
        },
    );
    // A claim attestation by someone other than the record's owner or executor is refused too.
    assert_error(
        w.chain.try_claim(bob, bob, h(1), U256::ZERO, CORE_CLAIM),
        claim_resolver::UnauthorizedAttester {
            attester: bob,
            integraHash: h(1),
        },
    );
    // An unknown UID.
    assert_error(
        w.claim(bob, 1, U256::ZERO, B256::repeat_byte(0x77)),
        AttestationNotFound {
            uid: B256::repeat_byte(0x77),
        },
    );
    // ... and a FULL attestation granting VIEW only does not grant CLAIM.
    let a2 = w.attest(bob, 1, CORE_VIEW, U256::ZERO);
    assert_eq!(
        Vec::from(w.claim(bob, 1, U256::ZERO, a2).unwrap_err()),
        integra_tokenizer_base::attestation::NoCapability {
            user: bob,
            documentHash: h(1),
            requiredCapability: CORE_CLAIM
        }
        .abi_encode()
    );
    // tokenId: an attestation for token 2 used on token 1 (D6).
    let a3 = w.attest(bob, 1, CORE_CLAIM, U256::from(2));
    assert_error(
        w.claim(bob, 1, U256::ZERO, a3),
        AttestationTokenMismatch {
            attested: U256::from(2),
            claimed: one(),
        },
    );
    // Exact token id and "any" (0) both pass.
    let a4 = w.attest(bob, 1, CORE_CLAIM, one());
    w.claim(bob, 1, one(), a4).unwrap();
    let a5 = w.attest(bob, 2, CORE_CLAIM, U256::ZERO);
    w.claim(bob, 2, U256::ZERO, a5).unwrap();
}

#[motsu::test]
fn claiming_another_records_token_fails(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    alice: Address,
    mallory: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    // Record 1 (Alice's) has an anonymous token 1; Mallory owns record 2 and attests herself.
    w.register(alice, 1);
    w.register(mallory, 2);
    w.reserve_anon(alice, 1, b"heir").unwrap();
    w.reserve(mallory, 2, mallory).unwrap();
    let a1 = w.attest(mallory, 2, CORE_CLAIM, U256::ZERO);
    // The reference resolved token 1 without checking its record and minted it to Mallory.
    assert_error(
        tok.sender(mallory)
            .claim(mallory, h(2), one(), a1, p(2))
            .motsu_res(),
        TokenNotFound {
            integraHash: h(2),
            tokenId: one(),
        },
    );
    assert_error(
        w.claim(mallory, 2, U256::from(99), a1),
        TokenNotFound {
            integraHash: h(2),
            tokenId: U256::from(99),
        },
    );
    assert_eq!(w.view(&B::getDocumentHashCall { id: one() })._0, B256::ZERO);
    assert_eq!(
        w.view(&integraHashToTokenIdCall { integraHash: h(1) })._0,
        one()
    );
    assert_eq!(w.view(&balanceOfCall { owner: mallory })._0, U256::ZERO);
}

#[motsu::test]
fn claim_requires_process_hash_and_binding(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.register_with(owner, 3, Address::ZERO, Address::ZERO);
    w.reserve(owner, 1, bob).unwrap();
    let a1 = w.attest(bob, 1, CORE_CLAIM, U256::ZERO);
    assert_error(
        tok.sender(bob)
            .claim(bob, h(1), U256::ZERO, a1, B256::ZERO)
            .motsu_res(),
        InvalidProcessHash {},
    );
    let a3 = w.attest(bob, 3, CORE_CLAIM, U256::ZERO);
    assert_error(
        w.claim(bob, 3, U256::ZERO, a3),
        TokenizerNotSet { integraHash: h(3) },
    );
    // The guard is released on every failure path: the valid claim still goes through.
    w.claim(bob, 1, U256::ZERO, a1).unwrap();
}

#[motsu::test]
fn claiming_a_cancelled_reservation_fails(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.reserve(owner, 1, bob).unwrap();
    let a1 = w.attest(bob, 1, CORE_CLAIM, U256::ZERO);
    w.cancel(owner, 1, U256::ZERO).unwrap();
    assert_error(
        w.claim(bob, 1, U256::ZERO, a1),
        TokenNotFound {
            integraHash: h(1),
            tokenId: U256::ZERO,
        },
    );
    assert_error(
        w.claim(bob, 1, one(), a1),
        TokenNotFound {
            integraHash: h(1),
            tokenId: one(),
        },
    );
}

#[motsu::test]
fn claim_to_a_contract_checks_erc721_acceptance(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    wallet: Contract<Receiver>,
    gov: Address,
    owner: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    let r = wallet.address();
    w.reserve(owner, 1, r).unwrap();
    let a1 = w.attest(r, 1, CORE_CLAIM, U256::ZERO);
    wallet.sender(owner).set_mode(mode::REJECT);
    assert_eq!(
        Vec::from(w.claim(r, 1, U256::ZERO, a1).unwrap_err()),
        ERC721InvalidReceiver { receiver: r }.abi_encode()
    );
    // The failed claim changed nothing.
    assert_eq!(
        w.view(&B::getClaimStatusCall {
            integraHash: h(1),
            tokenId: one()
        })
        .claimed,
        false
    );
    wallet.sender(owner).set_mode(mode::REENTER);
    w.claim(r, 1, U256::ZERO, a1).unwrap();
    assert_eq!(
        wallet.sender(owner).reentry_error(),
        ReentrancyGuardReentrantCall {}.abi_encode()
    );
    assert_eq!(w.view(&ownerOfCall { tokenId: one() })._0, r);
}

#[motsu::test]
fn forwarder_claims_for_the_appended_sender(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    let mut reserve = B::reserveTokenCall {
        integraHash: h(1),
        tokenId: U256::ZERO,
        recipient: bob,
        amount: one(),
        processHash: p(1),
    }
    .abi_encode();
    reserve.extend_from_slice(owner.as_slice());
    w.call(FORWARDER, &reserve).unwrap();
    let a1 = w.attest(bob, 1, CORE_CLAIM, U256::ZERO);
    let mut claim = B::claimTokenCall {
        integraHash: h(1),
        tokenId: U256::ZERO,
        capabilityAttestationUID: a1,
        processHash: p(1),
    }
    .abi_encode();
    claim.extend_from_slice(bob.as_slice());
    // A suffix from anyone but the forwarder is ignored: the caller itself claims.
    assert!(w.call(owner, &claim).is_err());
    w.call(FORWARDER, &claim).unwrap();
    assert_eq!(w.view(&ownerOfCall { tokenId: one() })._0, bob);
}

// ------------------------------------------------------------------ cancel

#[motsu::test]
fn owner_cancels_and_reserves_again_with_a_new_id(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
    stranger: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.reserve_anon(owner, 1, b"label").unwrap();
    assert_error(
        w.cancel(stranger, 1, U256::ZERO),
        Unauthorized {
            caller: stranger,
            integraHash: h(1),
        },
    );
    assert_error(
        w.cancel(gov, 1, U256::ZERO),
        Unauthorized {
            caller: gov,
            integraHash: h(1),
        },
    );
    assert_error(
        tok.sender(owner)
            .cancel(owner, h(1), U256::ZERO, B256::ZERO)
            .motsu_res(),
        InvalidProcessHash {},
    );
    w.cancel(owner, 1, one()).unwrap();
    tok.assert_emitted(&B::ReservationCancelled {
        integraHash: h(1),
        tokenId: one(),
        amount: one(),
        processHash: p(1),
        timestamp: now(),
    });
    assert_eq!(
        w.view(&integraHashToTokenIdCall { integraHash: h(1) })._0,
        U256::ZERO
    );
    assert_eq!(w.view(&B::getDocumentHashCall { id: one() })._0, B256::ZERO);
    assert!(w
        .view(&B::getEncryptedLabelCall {
            integraHash: h(1),
            tokenId: one()
        })
        ._0
        .is_empty());
    assert_error(
        w.cancel(owner, 1, U256::ZERO),
        TokenNotFound {
            integraHash: h(1),
            tokenId: U256::ZERO,
        },
    );
    assert_eq!(w.reserve(owner, 1, bob).unwrap(), U256::from(2));
}

#[motsu::test]
fn cancelling_another_records_token_or_a_minted_one_fails(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    alice: Address,
    mallory: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(alice, 1);
    w.register(mallory, 2);
    w.reserve(alice, 1, alice).unwrap();
    w.reserve(mallory, 2, mallory).unwrap();
    // The reference let the owner of record 2 delete record 1's reservation by its id.
    assert_error(
        tok.sender(mallory)
            .cancel(mallory, h(2), one(), p(2))
            .motsu_res(),
        TokenNotFound {
            integraHash: h(2),
            tokenId: one(),
        },
    );
    assert_eq!(
        w.view(&integraHashToTokenIdCall { integraHash: h(1) })._0,
        one()
    );
    let a1 = w.attest(alice, 1, CORE_CLAIM, U256::ZERO);
    w.claim(alice, 1, U256::ZERO, a1).unwrap();
    assert_eq!(w.view(&B::getDocumentHashCall { id: one() })._0, h(1));
    assert_error(
        w.cancel(alice, 1, U256::ZERO),
        AlreadyMinted { tokenId: one() },
    );
}

// ------------------------------------------------------------------ ERC-721

#[motsu::test]
fn transfers_follow_erc721_and_keep_tokens_of_in_step(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
    carol: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    for n in 1..=2 {
        w.register(owner, n);
        w.reserve(owner, n, bob).unwrap();
        let a = w.attest(bob, n, CORE_CLAIM, U256::ZERO);
        w.claim(bob, n, U256::ZERO, a).unwrap();
    }
    let transfer = |from: Address, to: Address, id: u8| {
        transferFromCall {
            from,
            to,
            tokenId: U256::from(id),
        }
        .abi_encode()
    };
    assert_eq!(
        w.call(carol, &transfer(bob, carol, 1)),
        Err(ERC721InsufficientApproval {
            operator: carol,
            tokenId: one()
        }
        .abi_encode())
    );
    w.call(bob, &transfer(bob, carol, 1)).unwrap();
    tok.assert_emitted(&Transfer {
        from: bob,
        to: carol,
        tokenId: one(),
    });
    assert_eq!(
        w.view(&B::balanceOf_1Call {
            account: carol,
            integraHash: h(1)
        })
        ._0,
        one()
    );
    assert_eq!(
        w.view(&B::balanceOf_1Call {
            account: bob,
            integraHash: h(1)
        })
        ._0,
        U256::ZERO
    );
    let t = w.view(&B::tokensOfCall { account: bob });
    assert_eq!(
        (t.integraHashes, t.tokenIds),
        (vec![h(2)], vec![U256::from(2)])
    );
    // Self-transfer keeps the index as it is.
    w.call(carol, &transfer(carol, carol, 1)).unwrap();
    let t = w.view(&B::tokensOfCall { account: carol });
    assert_eq!(t.tokenIds, vec![one()]);
    // Approval, then a safe transfer by the approved operator.
    w.call(
        bob,
        &approveCall {
            to: carol,
            tokenId: U256::from(2),
        }
        .abi_encode(),
    )
    .unwrap();
    tok.assert_emitted(&Approval {
        owner: bob,
        approved: carol,
        tokenId: U256::from(2),
    });
    assert_eq!(
        w.view(&getApprovedCall {
            tokenId: U256::from(2)
        })
        ._0,
        carol
    );
    w.call(
        carol,
        &safeTransferFrom_1Call {
            from: bob,
            to: carol,
            tokenId: U256::from(2),
        }
        .abi_encode(),
    )
    .unwrap();
    let t = w.view(&B::tokensOfCall { account: carol });
    assert_eq!(t.tokenIds, vec![one(), U256::from(2)]);
    let paged = w.view(&B::tokensOfPagedCall {
        account: carol,
        offset: one(),
        limit: U256::from(5),
    });
    assert_eq!(
        (paged.integraHashes, paged.tokenIds),
        (vec![h(2)], vec![U256::from(2)])
    );
    assert!(w
        .view(&B::tokensOfCall { account: bob })
        .tokenIds
        .is_empty());
    w.call(
        carol,
        &setApprovalForAllCall {
            operator: bob,
            approved: true,
        }
        .abi_encode(),
    )
    .unwrap();
    tok.assert_emitted(&ApprovalForAll {
        owner: carol,
        operator: bob,
        approved: true,
    });
    assert!(
        w.view(&isApprovedForAllCall {
            owner: carol,
            operator: bob
        })
        ._0
    );
    assert_eq!(
        w.call(
            bob,
            &balanceOfCall {
                owner: Address::ZERO
            }
            .abi_encode()
        ),
        Err(ERC721InvalidOwner {
            owner: Address::ZERO
        }
        .abi_encode())
    );
    assert_eq!(
        w.call(
            bob,
            &ownerOfCall {
                tokenId: U256::from(7)
            }
            .abi_encode()
        ),
        Err(ERC721NonexistentToken {
            tokenId: U256::from(7)
        }
        .abi_encode())
    );
}

#[motsu::test]
fn token_uri_is_base_uri_and_decimal_id(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.reserve(owner, 1, bob).unwrap();
    assert_eq!(
        w.call(bob, &tokenURICall { tokenId: one() }.abi_encode()),
        Err(ERC721NonexistentToken { tokenId: one() }.abi_encode())
    );
    let a1 = w.attest(bob, 1, CORE_CLAIM, U256::ZERO);
    w.claim(bob, 1, U256::ZERO, a1).unwrap();
    assert_eq!(w.view(&tokenURICall { tokenId: one() })._0, "");
    let set = setBaseURICall {
        baseURI_: "ipfs://deeds/".into(),
    }
    .abi_encode();
    assert_eq!(
        w.call(bob, &set),
        Err(AccessControlUnauthorizedAccount {
            account: bob,
            neededRole: GOVERNOR_ROLE
        }
        .abi_encode())
    );
    w.call(gov, &set).unwrap();
    tok.assert_emitted(&BatchMetadataUpdate {
        _fromTokenId: U256::ZERO,
        _toTokenId: U256::MAX,
    });
    assert_eq!(
        w.view(&tokenURICall { tokenId: one() })._0,
        "ipfs://deeds/1"
    );
    assert_eq!(w.view(&baseURICall {})._0, "ipfs://deeds/");
    assert_eq!(decimal(0), "0");
    assert_eq!(decimal(1_234_567_890), "1234567890");
    assert_eq!(decimal(u64::MAX), "18446744073709551615");
}

#[motsu::test]
fn supports_exactly_the_published_interfaces(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    for id in [
        [0x01, 0xff, 0xc9, 0xa7],
        [0x0e, 0x32, 0x2a, 0xfb],
        [0x5d, 0x2a, 0xef, 0x7c],
        [0x79, 0x65, 0xdb, 0x0b],
        [0x80, 0xac, 0x58, 0xcd],
        [0x5b, 0x5e, 0x13, 0x9f],
        [0x49, 0x06, 0x49, 0x06],
    ] {
        assert!(
            w.view(&B::supportsInterfaceCall {
                interfaceId: id.into()
            })
            ._0,
            "{id:02x?}"
        );
    }
    assert!(
        !w.view(&B::supportsInterfaceCall {
            interfaceId: [0xff; 4].into()
        })
        ._0
    );
    // The ERC-721 ids are the XOR of the standard's selectors.
    let erc721 = integra_primitives::erc165::interface_id(&[
        balanceOfCall::SELECTOR,
        ownerOfCall::SELECTOR,
        safeTransferFrom_0Call::SELECTOR,
        safeTransferFrom_1Call::SELECTOR,
        transferFromCall::SELECTOR,
        approveCall::SELECTOR,
        setApprovalForAllCall::SELECTOR,
        getApprovedCall::SELECTOR,
        isApprovedForAllCall::SELECTOR,
    ]);
    assert_eq!(erc721, ERC721_INTERFACE_ID);
    let metadata = integra_primitives::erc165::interface_id(&[
        nameCall::SELECTOR,
        symbolCall::SELECTOR,
        tokenURICall::SELECTOR,
    ]);
    assert_eq!(metadata, ERC721_METADATA_INTERFACE_ID);
}

#[motsu::test]
fn role_administration_uses_the_resolved_sender(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    let grant = B::grantRoleCall {
        role: GOVERNOR_ROLE,
        account: bob,
    }
    .abi_encode();
    assert_eq!(
        w.call(bob, &grant),
        Err(AccessControlUnauthorizedAccount {
            account: bob,
            neededRole: B256::ZERO
        }
        .abi_encode())
    );
    w.call(gov, &grant).unwrap();
    assert!(
        w.view(&B::hasRoleCall {
            role: GOVERNOR_ROLE,
            account: bob
        })
        ._0
    );
    assert_eq!(
        w.call(
            bob,
            &B::renounceRoleCall {
                role: GOVERNOR_ROLE,
                callerConfirmation: gov
            }
            .abi_encode()
        ),
        Err(integra_tokenizer_base::AccessControlBadConfirmation {}.abi_encode())
    );
    w.call(
        bob,
        &B::renounceRoleCall {
            role: GOVERNOR_ROLE,
            callerConfirmation: bob,
        }
        .abi_encode(),
    )
    .unwrap();
    assert!(
        !w.view(&B::hasRoleCall {
            role: GOVERNOR_ROLE,
            account: bob
        })
        ._0
    );
    // The attestation component's functions are routed too.
    assert_eq!(
        w.view(&integra_tokenizer_base::attestation::getCurrentProviderCall { documentHash: h(1) })
            ._0,
        pid()
    );
}

#[motsu::test]
fn malformed_calldata_and_value_revert_without_data(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    let mut data = B::getDocumentHashCall { id: one() }.abi_encode();
    data.truncate(20);
    assert_eq!(w.call(gov, &data), Err(Vec::new()));
    assert!(dispatch(&mut tok.sender(gov), [0xde, 0xad, 0xbe, 0xef], Args(&[])).is_none());
}

#[test]
fn erc721_errors_encode_as_alloy() {
    use openzeppelin_stylus::token::erc721 as oz;
    let a = Address::repeat_byte(3);
    let cases: Vec<(oz::Error, Vec<u8>)> = vec![
        (
            oz::Error::InvalidOwner(oz::ERC721InvalidOwner { owner: a }),
            ERC721InvalidOwner { owner: a }.abi_encode(),
        ),
        (
            oz::Error::NonexistentToken(oz::ERC721NonexistentToken { token_id: one() }),
            ERC721NonexistentToken { tokenId: one() }.abi_encode(),
        ),
        (
            oz::Error::IncorrectOwner(oz::ERC721IncorrectOwner {
                sender: a,
                token_id: one(),
                owner: a,
            }),
            ERC721IncorrectOwner {
                sender: a,
                tokenId: one(),
                owner: a,
            }
            .abi_encode(),
        ),
        (
            oz::Error::InvalidSender(oz::ERC721InvalidSender { sender: a }),
            ERC721InvalidSender { sender: a }.abi_encode(),
        ),
        (
            oz::Error::InvalidReceiver(oz::ERC721InvalidReceiver { receiver: a }),
            ERC721InvalidReceiver { receiver: a }.abi_encode(),
        ),
        (
            oz::Error::InvalidReceiverWithReason(oz::InvalidReceiverWithReason {
                reason: "no".into(),
            }),
            InvalidReceiverWithReason {
                reason: "no".into(),
            }
            .abi_encode(),
        ),
        (
            oz::Error::InsufficientApproval(oz::ERC721InsufficientApproval {
                operator: a,
                token_id: one(),
            }),
            ERC721InsufficientApproval {
                operator: a,
                tokenId: one(),
            }
            .abi_encode(),
        ),
        (
            oz::Error::InvalidApprover(oz::ERC721InvalidApprover { approver: a }),
            ERC721InvalidApprover { approver: a }.abi_encode(),
        ),
        (
            oz::Error::InvalidOperator(oz::ERC721InvalidOperator { operator: a }),
            ERC721InvalidOperator { operator: a }.abi_encode(),
        ),
    ];
    for (e, expected) in cases {
        let theirs: Vec<u8> = {
            // OpenZeppelin's own encoding agrees too.
            let e2 = match &e {
                oz::Error::InvalidOwner(x) => {
                    oz::Error::InvalidOwner(oz::ERC721InvalidOwner { owner: x.owner })
                }
                _ => oz::Error::InvalidOwner(oz::ERC721InvalidOwner { owner: a }),
            };
            e2.into()
        };
        assert_eq!(theirs[..4], ERC721InvalidOwner::SELECTOR);
        assert_eq!(Vec::from(Error::from(e)), expected);
    }
}

/// D4 at the claim: a record without a reservation here gets the binding errors first (before
/// `processHash` and `TokenNotFound`); a record with one has passed the gate, so the binding
/// (one-way in the registry) is not read again and the claim goes on.
#[motsu::test]
fn claim_binding_errors_come_before_the_reservation_checks(
    tok: Contract<OwnershipTokenizer>,
    other: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    reg.sender(gov)
        .set_tokenizer_approval(gov, other.address(), true)
        .unwrap();
    w.register(owner, 1);
    w.register_with(owner, 2, other.address(), Address::ZERO);
    w.register_with(owner, 3, Address::ZERO, Address::ZERO);
    let a2 = w.attest(bob, 2, CORE_CLAIM, U256::ZERO);
    let wrong = WrongTokenizer {
        integraHash: h(2),
        documentTokenizer: other.address(),
        calledTokenizer: tok.address(),
    };
    assert_error(w.claim(bob, 2, U256::ZERO, a2), wrong.clone());
    assert_error(
        tok.sender(bob)
            .claim(bob, h(2), U256::ZERO, a2, B256::ZERO)
            .motsu_res(),
        wrong,
    );
    let a3 = w.attest(bob, 3, CORE_CLAIM, U256::ZERO);
    assert_error(
        tok.sender(bob)
            .claim(bob, h(3), one(), a3, B256::ZERO)
            .motsu_res(),
        TokenizerNotSet { integraHash: h(3) },
    );
    // Bound here but never reserved: the binding passes, then the reservation check.
    let a1 = w.attest(bob, 1, CORE_CLAIM, U256::ZERO);
    assert_error(
        w.claim(bob, 1, U256::ZERO, a1),
        TokenNotFound {
            integraHash: h(1),
            tokenId: U256::ZERO,
        },
    );
    // Reserved, then cancelled: the binding is read again and passes.
    w.reserve(owner, 1, bob).unwrap();
    w.cancel(owner, 1, one()).unwrap();
    assert_error(
        w.claim(bob, 1, one(), a1),
        TokenNotFound {
            integraHash: h(1),
            tokenId: one(),
        },
    );
    w.reserve(owner, 1, bob).unwrap();
    assert_eq!(w.claim(bob, 1, U256::ZERO, a1).unwrap(), U256::from(2));
}
