//! motsu tests of the `MultiParty` tokenizer against the real parts (the base's
//! `testing::deploy_registries`): `IntegraRegistry`, `IntegraDocumentRegistry`,
//! `EASAttestationProvider` over the EAS reproduction with `TokenClaimResolver` (claim
//! attestations made through EAS by the record owner); trust credentials are attested in the
//! same EAS on a registered credential schema.
#![allow(
    clippy::needless_pass_by_value,
    clippy::too_many_arguments,
    clippy::cast_possible_truncation,
    clippy::bool_assert_comparison,
    clippy::single_match
)] // motsu fixtures; small test indices

mod properties;

use core::fmt::Debug;

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolError, SolEvent};
use integra_document_registry::IntegraDocumentRegistry;
use integra_eas_attestation_provider::{
    AttestationNotFound, EASAttestationProvider, RecipientMismatch, WrongDocument,
};
use integra_primitives::capabilities::{CORE_CLAIM, CORE_VIEW};
use integra_registry::IntegraRegistry;
use integra_test_eas::InvalidSchema;
use integra_tokenizer_base::testing::{
    assert_error, claim_resolver, deploy_registries, h, now, p, provider_id, register, u, Chain,
};
use integra_tokenizer_base::{
    AttestationTokenMismatch, InvalidTokenId, NotReservedForYou, TokenAlreadyClaimed,
    TokenAlreadyReserved, TokenNotReserved, Unauthorized,
};
use motsu::prelude::*;

use super::*;
use integra_tokenizer_base::ITokenizerBase as B;

const NAMESPACE: Address = Address::repeat_byte(0x5a);
const TRUST_REGISTRY: Address = Address::repeat_byte(0x7e);
/// A credential schema never registered in EAS: EAS refuses every credential on it.
const UNREGISTERED_SCHEMA: B256 = B256::repeat_byte(0x5c);

struct World<'a> {
    tok: &'a Contract<MultiPartyTokenizer>,
    reg: &'a Contract<IntegraDocumentRegistry>,
    chain: Chain,
}

fn config(gov: Address, reg: Address, comp: Address, eas: Address, schema: B256) -> Config {
    Config {
        governor: gov,
        document_registry: reg,
        namespace: NAMESPACE,
        provider_registry: comp,
        default_provider_id: provider_id(),
        eas,
        trusted_forwarder: Address::ZERO,
        trust_registry: TRUST_REGISTRY,
        credential_schema: schema,
        base_uri: "https://roles.example/{id}.json".into(),
    }
}

fn deploy<'a>(
    tok: &'a Contract<MultiPartyTokenizer>,
    reg: &'a Contract<IntegraDocumentRegistry>,
    comp: &'a Contract<IntegraRegistry>,
    prov: &'a Contract<EASAttestationProvider>,
    gov: Address,
) -> World<'a> {
    deploy_with_schema(tok, reg, comp, prov, gov, None)
}

/// [`deploy`], with the credential schema `schema` instead of the registered one.
fn deploy_with_schema<'a>(
    tok: &'a Contract<MultiPartyTokenizer>,
    reg: &'a Contract<IntegraDocumentRegistry>,
    comp: &'a Contract<IntegraRegistry>,
    prov: &'a Contract<EASAttestationProvider>,
    gov: Address,
    schema: Option<B256>,
) -> World<'a> {
    let chain = deploy_registries(reg, comp, prov, gov, tok.address());
    let schema = schema.unwrap_or(chain.credential);
    tok.sender(gov)
        .constructor(
            &config(
                gov,
                reg.address(),
                comp.address(),
                chain.eas.address(),
                schema,
            ),
            lens_stand_in(reg),
        )
        .unwrap();
    World { tok, reg, chain }
}

impl World<'_> {
    fn register(&self, owner: Address, n: u8) {
        register(self.reg, owner, n, self.tok.address(), Address::ZERO);
    }

    fn reserve(&self, who: Address, n: u8, slot: u64, to: Address, amount: u64) -> Res<U256> {
        self.tok
            .sender(who)
            .reserve(who, h(n), u(slot), Some(to), u(amount), &[], p(n))
            .motsu_res()
    }

    fn reserve_anon(&self, who: Address, n: u8, slot: u64, label: &[u8]) -> Res<U256> {
        self.tok
            .sender(who)
            .reserve(who, h(n), u(slot), None, u(1), label, p(n))
            .motsu_res()
    }

    /// A CLAIM attestation through EAS by record `n`'s owner for `to`, token `token`.
    fn attest(&self, to: Address, n: u8, token: u64) -> B256 {
        self.chain
            .attest(self.reg, self.tok.address(), to, h(n), CORE_CLAIM, u(token))
    }

    fn claim(&self, who: Address, n: u8, slot: u64, id: B256) -> Res<U256> {
        self.tok
            .sender(who)
            .claim(who, h(n), u(slot), id, p(n))
            .motsu_res()
    }

    fn cancel(&self, who: Address, n: u8, slot: u64) -> Res<()> {
        self.tok
            .sender(who)
            .cancel(who, h(n), u(slot), p(n))
            .motsu_res()
    }

    /// The call as the deployed pair answers it: the lens's views ([`views::SELECTORS`]) through
    /// the lens's router on the tokenizer's storage (what the tokenizer's static self-call and
    /// delegate call run; motsu's delegate call would not run on the tokenizer's storage, and
    /// the routing itself is proven at WASM level), the rest through the tokenizer's router.
    fn call(&self, sender: Address, calldata: &[u8]) -> ArbResult {
        let selector: [u8; 4] = calldata[..4].try_into().unwrap();
        let a = Args(&calldata[4..]);
        if views::SELECTORS.contains(&selector) {
            return views::dispatch(&self.tok.sender(sender), selector, a).expect("lens view");
        }
        dispatch(&mut self.tok.sender(sender), selector, a).expect("routed")
    }

    fn view<C: SolCall>(&self, c: &C) -> C::Return {
        let out = self
            .call(Address::ZERO, &c.abi_encode())
            .expect("view succeeds");
        C::abi_decode_returns(&out, true).expect("alloy decodes the return")
    }

    fn count<E: SolEvent>(&self) -> usize {
        self.tok
            .all_events()
            .iter()
            .filter(|l| l.topics()[0] == E::SIGNATURE_HASH)
            .count()
    }
}

/// The constructor's `lens` in motsu: a contract with code. The lens's code is
/// [`views::dispatch`], which [`World::call`] runs directly on the tokenizer's storage.
fn lens_stand_in(reg: &Contract<IntegraDocumentRegistry>) -> Address {
    reg.address()
}

macro_rules! world {
    ($tok:ident, $reg:ident, $comp:ident, $prov:ident, $gov:ident) => {
        deploy(&$tok, &$reg, &$comp, &$prov, $gov)
    };
}

/// Issue 7 point 4 on the real provider: a claim attestation must name the claimant, the record
/// and `CORE_CLAIM`, and be made by the record's owner or executor.
#[motsu::test]
fn claim_attestation_must_name_the_claimant_the_record_and_claim(
    tok: Contract<MultiPartyTokenizer>,
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
    w.register(owner, 2);
    w.reserve(owner, 1, 1, bob, 3).unwrap();
    // integraHash: record 2's attestation used on record 1.
    let other = w.attest(bob, 2, 0);
    assert_error(
        w.claim(bob, 1, 1, other),
        WrongDocument {
            attested: h(2),
            expected: h(1),
        },
    );
    // Bob's attestation replayed by Eve.
    let a1 = w.attest(bob, 1, 0);
    assert_error(
        w.claim(eve, 1, 1, a1),
        RecipientMismatch {
            attested: bob,
            expected: eve,
        },
    );
    // An unknown UID.
    let unknown = B256::repeat_byte(0x77);
    assert_error(
        w.claim(bob, 1, 1, unknown),
        AttestationNotFound { uid: unknown },
    );
    // capability: the claim resolver refuses anything but CORE_CLAIM, and an attester other
    // than the record's owner or executor, so such claim attestations never exist.
    assert_error(
        w.chain.try_claim(owner, bob, h(1), U256::ZERO, CORE_VIEW),
        claim_resolver::InvalidCapability {
            capability: CORE_VIEW,
        },
    );
    assert_error(
        w.chain.try_claim(eve, eve, h(1), U256::ZERO, CORE_CLAIM),
        claim_resolver::UnauthorizedAttester {
            attester: eve,
            integraHash: h(1),
        },
    );
    assert_eq!(w.claim(bob, 1, 1, a1).unwrap(), u(1));
}

#[motsu::test]
fn slots_of_two_records_get_distinct_global_ids(
    tok: Contract<MultiPartyTokenizer>,
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
    assert_eq!(w.reserve(owner, 1, 1, bob, 1).unwrap(), u(1));
    tok.assert_emitted(&B::TokenReserved {
        integraHash: h(1),
        tokenId: u(1),
        recipient: bob,
        amount: u(1),
        processHash: p(1),
        timestamp: now(),
    });
    // The same role in another record is another ERC-1155 id (D1).
    assert_eq!(w.reserve(owner, 2, 1, bob, 1).unwrap(), u(2));
    assert_eq!(
        w.view(&globalIdOfCall {
            integraHash: h(2),
            slot: u(1)
        })
        ._0,
        u(2)
    );
    let r = w.view(&tokenRefOfCall { id: u(2) });
    assert_eq!((r.integraHash, r.slot), (h(2), u(1)));
    assert_eq!(w.view(&B::getDocumentHashCall { id: u(1) })._0, h(1));
    for n in 1..=2 {
        let a = w.attest(bob, n, 0);
        w.claim(bob, n, 1, a).unwrap();
    }
    assert_eq!(
        w.view(&B::balanceOf_1Call {
            account: bob,
            integraHash: h(1)
        })
        ._0,
        u(1)
    );
    assert_eq!(
        w.view(&B::balanceOf_0Call {
            account: bob,
            tokenId: u(1)
        })
        ._0,
        u(1)
    );
    assert_eq!(
        w.view(&B::balanceOfDocumentTokenCall {
            account: bob,
            integraHash: h(2),
            tokenId: u(1)
        })
        ._0,
        u(1)
    );
    // Transferring record 1's role leaves record 2's balance alone.
    w.call(
        bob,
        &safeTransferFromCall {
            from: bob,
            to: owner,
            id: u(1),
            value: u(1),
            data: vec![].into(),
        }
        .abi_encode(),
    )
    .unwrap();
    assert_eq!(
        w.view(&B::balanceOf_1Call {
            account: bob,
            integraHash: h(1)
        })
        ._0,
        U256::ZERO
    );
    assert_eq!(
        w.view(&B::balanceOf_1Call {
            account: bob,
            integraHash: h(2)
        })
        ._0,
        u(1)
    );
    let t = w.view(&B::tokensOfCall { account: bob });
    assert_eq!(
        (t.integraHashes, t.tokenIds, t.balances),
        (vec![h(2)], vec![u(1)], vec![u(1)])
    );
    let t = w.view(&B::tokensOfCall { account: owner });
    assert_eq!((t.integraHashes, t.tokenIds), (vec![h(1)], vec![u(1)]));
}

#[motsu::test]
fn slots_outside_1_to_100_are_rejected(
    tok: Contract<MultiPartyTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    assert_error(
        w.reserve(owner, 1, 0, bob, 1),
        InvalidTokenId { tokenId: u(0) },
    );
    assert_error(
        w.reserve(owner, 1, 101, bob, 1),
        InvalidTokenId { tokenId: u(101) },
    );
    assert_error(
        w.reserve_anon(owner, 1, 256, b"x"),
        InvalidTokenId { tokenId: u(256) },
    );
    w.reserve(owner, 1, 100, bob, 1).unwrap();
    w.reserve(owner, 1, 1, bob, 1).unwrap();
    assert_eq!(
        w.tok.sender(gov).bitmaps(h(1)).0,
        (U256::from(1) << 100) | (U256::from(1) << 1)
    );
}

#[motsu::test]
fn reservation_states_follow_the_lifecycle(
    tok: Contract<MultiPartyTokenizer>,
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
    assert_error(
        w.reserve(stranger, 1, 1, bob, 1),
        Unauthorized {
            caller: stranger,
            integraHash: h(1),
        },
    );
    w.reserve_anon(owner, 1, 3, b"encrypted: seller").unwrap();
    tok.assert_emitted(&B::TokenReservedAnonymous {
        integraHash: h(1),
        tokenId: u(3),
        amount: u(1),
        encryptedLabel: b"encrypted: seller".to_vec().into(),
        processHash: p(1),
        timestamp: now(),
    });
    assert_error(
        w.reserve(owner, 1, 3, bob, 1),
        TokenAlreadyReserved {
            integraHash: h(1),
            tokenId: u(3),
        },
    );
    let a9 = w.attest(bob, 1, 0);
    assert_error(
        w.claim(bob, 1, 4, a9),
        TokenNotReserved {
            integraHash: h(1),
            tokenId: u(4),
        },
    );
    assert_error(
        w.cancel(owner, 1, 4),
        TokenNotReserved {
            integraHash: h(1),
            tokenId: u(4),
        },
    );
    assert_error(
        w.cancel(stranger, 1, 3),
        Unauthorized {
            caller: stranger,
            integraHash: h(1),
        },
    );
    let labels = w.view(&B::getAllEncryptedLabelsCall { integraHash: h(1) });
    assert_eq!(labels.tokenIds, vec![u(3)]);
    assert_eq!(labels.labels[0].to_vec(), b"encrypted: seller".to_vec());
    // Cancel keeps the global id; a new reservation of the slot reuses it.
    w.cancel(owner, 1, 3).unwrap();
    tok.assert_emitted(&B::ReservationCancelled {
        integraHash: h(1),
        tokenId: u(3),
        amount: u(1),
        processHash: p(1),
        timestamp: now(),
    });
    assert!(w
        .view(&B::getEncryptedLabelCall {
            integraHash: h(1),
            tokenId: u(3)
        })
        ._0
        .is_empty());
    assert_eq!(w.reserve(owner, 1, 3, bob, 1).unwrap(), u(1));
    let a1 = w.attest(bob, 1, 0);
    w.claim(bob, 1, 3, a1).unwrap();
    assert_error(
        w.reserve(owner, 1, 3, bob, 1),
        TokenAlreadyClaimed {
            integraHash: h(1),
            tokenId: u(3),
        },
    );
    assert_error(
        w.cancel(owner, 1, 3),
        TokenAlreadyClaimed {
            integraHash: h(1),
            tokenId: u(3),
        },
    );
    assert_error(
        w.claim(bob, 1, 3, a1),
        TokenAlreadyClaimed {
            integraHash: h(1),
            tokenId: u(3),
        },
    );
}

#[motsu::test]
fn claim_mints_exactly_the_reserved_amount_to_the_named_party(
    tok: Contract<MultiPartyTokenizer>,
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
    w.reserve(owner, 1, 2, bob, 5).unwrap();
    w.reserve(owner, 1, 1, eve, 1).unwrap();
    let a1 = w.attest(eve, 1, 0);
    assert_error(
        w.claim(eve, 1, 2, a1),
        NotReservedForYou {
            caller: eve,
            reservedFor: bob,
        },
    );
    // An attestation naming role 1 cannot claim role 2 (D6).
    let a2 = w.attest(bob, 1, 1);
    assert_error(
        w.claim(bob, 1, 2, a2),
        AttestationTokenMismatch {
            attested: u(1),
            claimed: u(2),
        },
    );
    let a3 = w.attest(bob, 1, 2);
    w.claim(bob, 1, 2, a3).unwrap();
    tok.assert_emitted(&TransferSingle {
        operator: bob,
        from: Address::ZERO,
        to: bob,
        id: u(1),
        value: u(5),
    });
    tok.assert_emitted(&B::TokenClaimed {
        integraHash: h(1),
        tokenId: u(2),
        claimant: bob,
        capabilityAttestation: a3,
        processHash: p(1),
        timestamp: now(),
    });
    assert_eq!(w.view(&totalSupplyCall { id: u(1) })._0, u(5));
    assert!(w.view(&existsCall { id: u(1) })._0);
    assert!(!w.view(&existsCall { id: u(2) })._0);
    let st = w.view(&B::getClaimStatusCall {
        integraHash: h(1),
        tokenId: u(2),
    });
    assert_eq!((st.claimed, st.claimedBy), (true, bob));
    let info = w
        .view(&B::getTokenInfoCall {
            integraHash: h(1),
            tokenId: u(2),
        })
        ._0;
    assert_eq!(
        (
            info.totalSupply,
            info.reserved,
            info.holders,
            info.claimedBy
        ),
        (u(5), U256::ZERO, vec![bob], bob)
    );
    let open = w
        .view(&B::getReservedTokensCall {
            integraHash: h(1),
            recipient: eve,
        })
        ._0;
    assert_eq!(open, vec![u(1)]);
    assert!(!w.view(&B::isDocumentCompleteCall { integraHash: h(1) })._0);
}

#[motsu::test]
fn last_claim_completes_once_and_issues_credentials_to_every_party(
    tok: Contract<MultiPartyTokenizer>,
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
    w.reserve(owner, 1, 1, bob, 1).unwrap();
    w.reserve_anon(owner, 1, 2, b"witness").unwrap();
    let a1 = w.attest(bob, 1, 0);
    let a2 = w.attest(carol, 1, 2);
    w.claim(bob, 1, 1, a1).unwrap();
    assert_eq!(w.count::<B::DocumentComplete>(), 0);
    assert_eq!(w.chain.credentials(), 0);
    w.claim(carol, 1, 2, a2).unwrap();
    tok.assert_emitted(&B::DocumentComplete {
        integraHash: h(1),
        partyCount: u(2),
        processHash: p(1),
        timestamp: now(),
    });
    assert_eq!(w.count::<B::TrustCredentialIssued>(), 2);
    for party in [bob, carol] {
        let uid = w.chain.credential_uid(tok.address(), h(1), party);
        tok.assert_emitted(&B::TrustCredentialIssued {
            integraHash: h(1),
            party,
            attestationUID: uid,
            timestamp: now(),
        });
        let att = w.chain.eas.sender(gov).get_attestation(uid);
        assert_eq!(
            (att.recipient, att.attester, att.schema),
            (party, tok.address(), w.chain.credential)
        );
    }
    tok.assert_emitted(&B::TrustCredentialsIssued {
        integraHash: h(1),
        partyCount: u(2),
        timestamp: now(),
    });
    assert_eq!(w.chain.credentials(), 2);
    assert!(w.view(&B::isDocumentCompleteCall { integraHash: h(1) })._0);
    assert_eq!(w.tok.sender(gov).base.parties_of(h(1)), vec![bob, carol]);
    // A late reservation and claim: no second DocumentComplete, no credentials (OQ-T5).
    w.reserve(owner, 1, 3, bob, 1).unwrap();
    let a3 = w.attest(bob, 1, 3);
    w.claim(bob, 1, 3, a3).unwrap();
    assert_eq!(w.count::<B::DocumentComplete>(), 1);
    assert_eq!(w.chain.credentials(), 2);
}

#[motsu::test]
fn failing_eas_never_blocks_the_completing_claim(
    tok: Contract<MultiPartyTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    let w = deploy_with_schema(&tok, &reg, &comp, &prov, gov, Some(UNREGISTERED_SCHEMA));
    w.register(owner, 1);
    w.reserve(owner, 1, 1, bob, 1).unwrap();
    let a1 = w.attest(bob, 1, 0);
    w.claim(bob, 1, 1, a1).unwrap();
    // EAS refuses the credential: its schema is not registered.
    let reason = InvalidSchema {}.abi_encode();
    tok.assert_emitted(&B::TrustCredentialFailed {
        integraHash: h(1),
        party: bob,
        reason: reason.into(),
        timestamp: now(),
    });
    tok.assert_emitted(&B::TrustCredentialsIssued {
        integraHash: h(1),
        partyCount: u(1),
        timestamp: now(),
    });
    assert_eq!(
        w.view(&B::balanceOf_0Call {
            account: bob,
            tokenId: u(1)
        })
        ._0,
        u(1)
    );
}

#[motsu::test]
fn cancelling_the_last_open_slot_completes_the_record(
    tok: Contract<MultiPartyTokenizer>,
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
    w.reserve(owner, 1, 1, bob, 1).unwrap();
    w.reserve(owner, 1, 2, carol, 1).unwrap();
    let a1 = w.attest(bob, 1, 0);
    w.claim(bob, 1, 1, a1).unwrap();
    w.cancel(owner, 1, 2).unwrap();
    tok.assert_emitted(&B::DocumentComplete {
        integraHash: h(1),
        partyCount: u(1),
        processHash: p(1),
        timestamp: now(),
    });
    assert_eq!(w.count::<B::TrustCredentialIssued>(), 1);
}

#[motsu::test]
fn transfers_keep_holders_and_tokens_of_in_step(
    tok: Contract<MultiPartyTokenizer>,
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
    w.reserve(owner, 1, 1, bob, 4).unwrap();
    w.reserve(owner, 1, 2, bob, 1).unwrap();
    let a1 = w.attest(bob, 1, 0);
    w.claim(bob, 1, 1, a1).unwrap();
    w.claim(bob, 1, 2, a1).unwrap();
    let partial = safeTransferFromCall {
        from: bob,
        to: carol,
        id: u(1),
        value: u(3),
        data: vec![].into(),
    };
    assert_eq!(
        w.call(carol, &partial.abi_encode()),
        Err(ERC1155MissingApprovalForAll {
            operator: carol,
            owner: bob
        }
        .abi_encode())
    );
    w.call(bob, &partial.abi_encode()).unwrap();
    let info = w
        .view(&B::getTokenInfoCall {
            integraHash: h(1),
            tokenId: u(1),
        })
        ._0;
    assert_eq!(info.holders, vec![bob, carol]);
    let batch = safeBatchTransferFromCall {
        from: bob,
        to: carol,
        ids: vec![u(1), u(2)],
        values: vec![u(1), u(1)],
        data: vec![].into(),
    };
    w.call(bob, &batch.abi_encode()).unwrap();
    assert!(w
        .view(&B::tokensOfCall { account: bob })
        .tokenIds
        .is_empty());
    let t = w.view(&B::tokensOfCall { account: carol });
    assert_eq!(
        (t.tokenIds, t.balances),
        (vec![u(1), u(2)], vec![u(4), u(1)])
    );
    let info = w
        .view(&B::getTokenInfoCall {
            integraHash: h(1),
            tokenId: u(1),
        })
        ._0;
    assert_eq!(info.holders, vec![carol]);
    assert_eq!(
        w.call(
            carol,
            &safeTransferFromCall {
                from: carol,
                to: bob,
                id: u(2),
                value: u(2),
                data: vec![].into()
            }
            .abi_encode()
        ),
        Err(ERC1155InsufficientBalance {
            sender: carol,
            balance: u(1),
            needed: u(2),
            tokenId: u(2)
        }
        .abi_encode())
    );
    let b = w
        .view(&balanceOfBatchCall {
            accounts: vec![carol, bob],
            ids: vec![u(1), u(1)],
        })
        ._0;
    assert_eq!(b, vec![u(4), U256::ZERO]);
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
        account: carol,
        operator: bob,
        approved: true,
    });
    assert!(
        w.view(&isApprovedForAllCall {
            account: carol,
            operator: bob
        })
        ._0
    );
}

#[motsu::test]
fn uri_and_interfaces(
    tok: Contract<MultiPartyTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    assert_eq!(
        w.view(&uriCall { id: u(7) })._0,
        "https://roles.example/{id}.json"
    );
    let set = setURICall {
        newuri: "ipfs://r/{id}".into(),
    }
    .abi_encode();
    assert!(w.call(bob, &set).is_err());
    w.call(gov, &set).unwrap();
    tok.assert_emitted(&URI {
        value: "ipfs://r/{id}".into(),
        id: U256::ZERO,
    });
    assert_eq!(w.view(&B::tokenTypeCall {})._0, 2);
    for id in [
        [0x01, 0xff, 0xc9, 0xa7],
        [0x0e, 0x32, 0x2a, 0xfb],
        [0x5d, 0x2a, 0xef, 0x7c],
        [0x79, 0x65, 0xdb, 0x0b],
        [0xd9, 0xb6, 0x7a, 0x26],
        [0x0e, 0x89, 0x34, 0x1c],
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
    let erc1155 = integra_primitives::erc165::interface_id(&[
        B::balanceOf_0Call::SELECTOR,
        balanceOfBatchCall::SELECTOR,
        setApprovalForAllCall::SELECTOR,
        isApprovedForAllCall::SELECTOR,
        safeTransferFromCall::SELECTOR,
        safeBatchTransferFromCall::SELECTOR,
    ]);
    assert_eq!(erc1155, ERC1155_INTERFACE_ID);
    assert_eq!(uriCall::SELECTOR, ERC1155_METADATA_URI_INTERFACE_ID);
}

/// The constructor's new argument: a lens that is 0 or has no code is refused before anything
/// is set; a lens with code is kept and reported by `lens()`.
#[motsu::test]
fn constructor_refuses_a_zero_or_codeless_lens(
    tok: Contract<MultiPartyTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
) {
    let chain = deploy_registries(&reg, &comp, &prov, gov, tok.address());
    let c = config(
        gov,
        reg.address(),
        comp.address(),
        chain.eas.address(),
        chain.credential,
    );
    let codeless = Address::repeat_byte(0x44);
    for lens in [Address::ZERO, codeless] {
        assert_error(tok.sender(gov).constructor(&c, lens), InvalidLens { lens });
        assert_eq!(tok.sender(gov).lens(), Address::ZERO);
        let has_role = B::hasRoleCall {
            role: integra_primitives::roles::GOVERNOR_ROLE,
            account: gov,
        }
        .abi_encode();
        let out = views::dispatch(
            &tok.sender(gov),
            B::hasRoleCall::SELECTOR,
            Args(&has_role[4..]),
        )
        .unwrap()
        .unwrap();
        assert_eq!(out, B256::ZERO.to_vec(), "no role granted");
    }
    tok.sender(gov).constructor(&c, reg.address()).unwrap();
    assert_eq!(tok.sender(gov).lens(), reg.address());
}

/// The private lens entry serves the tokenizer itself only: any other caller gets
/// `LensEntryForbidden(caller)`, whatever the wrapped call.
#[motsu::test]
fn lens_entry_refuses_every_caller_but_the_tokenizer(
    tok: Contract<MultiPartyTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    bob: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    for inner in [
        B::getTokenInfoCall {
            integraHash: h(1),
            tokenId: u(1),
        }
        .abi_encode(),
        B::pauseCall {}.abi_encode(),
        Vec::new(),
    ] {
        let mut data = LENS_ENTRY.to_vec();
        data.extend_from_slice(&inner);
        for caller in [bob, gov, reg.address(), Address::ZERO] {
            assert_error(w.call(caller, &data), LensEntryForbidden { caller });
        }
    }
    assert!(!w.tok.sender(gov).base.paused());
}

/// Every function of the ABI is served by exactly one side: the lens ([`views::SELECTORS`],
/// which the tokenizer forwards) or the tokenizer's own code ([`dispatch_local`]); the private
/// entry collides with none of them.
#[motsu::test]
fn every_selector_is_served_by_exactly_one_side(
    tok: Contract<MultiPartyTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    bob: Address,
) {
    use integra_tokenizer_base::attestation::IAttestationAccessControl::IAttestationAccessControlCalls;
    let w = world!(tok, reg, comp, prov, gov);
    let args = [0u8; 256];
    let all: Vec<[u8; 4]> = B::ITokenizerBaseCalls::SELECTORS
        .iter()
        .chain(IMultiPartyTokenizerCalls::SELECTORS)
        .chain(IAttestationAccessControlCalls::SELECTORS)
        .copied()
        .collect();
    for selector in &all {
        let lens = views::dispatch(&w.tok.sender(bob), *selector, Args(&args)).is_some();
        let local = dispatch_local(&mut w.tok.sender(bob), *selector, Args(&args)).is_some();
        assert!(
            lens != local,
            "{} lens {lens} tokenizer {local}",
            alloy_primitives::hex::encode(selector)
        );
        assert_eq!(lens, views::SELECTORS.contains(selector));
        assert_ne!(*selector, LENS_ENTRY);
    }
    for selector in views::SELECTORS {
        assert!(all.contains(&selector), "{selector:02x?} not in the ABI");
    }
    // The token standard's views and completion stay in the tokenizer.
    for kept in [
        B::balanceOf_0Call::SELECTOR,
        balanceOfBatchCall::SELECTOR,
        isApprovedForAllCall::SELECTOR,
        uriCall::SELECTOR,
        B::supportsInterfaceCall::SELECTOR,
        B::tokenTypeCall::SELECTOR,
        B::isDocumentCompleteCall::SELECTOR,
        B::pausedCall::SELECTOR,
    ] {
        assert!(!views::SELECTORS.contains(&kept));
    }
}

/// The base's and the attestation component's views answer from the lens with the
/// tokenizer's configuration.
#[motsu::test]
fn configuration_views_answer_from_the_lens(
    tok: Contract<MultiPartyTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
) {
    use integra_tokenizer_base::attestation as A;
    let w = world!(tok, reg, comp, prov, gov);
    assert_eq!(w.view(&lensCall {})._0, reg.address());
    assert_eq!(w.view(&B::documentRegistryCall {})._0, reg.address());
    assert_eq!(w.view(&B::easCall {})._0, w.chain.eas.address());
    assert_eq!(w.view(&B::trustRegistryCall {})._0, TRUST_REGISTRY);
    assert_eq!(w.view(&B::credentialSchemaCall {})._0, w.chain.credential);
    assert_eq!(w.view(&B::VERSIONCall {})._0, integra_primitives::VERSION);
    assert_eq!(w.view(&B::MAX_TOKENS_PER_DOCUMENTCall {})._0, u(100));
    assert!(
        w.view(&B::hasRoleCall {
            role: integra_primitives::roles::GOVERNOR_ROLE,
            account: gov
        })
        ._0
    );
    assert_eq!(
        w.view(&A::getCurrentProviderCall { documentHash: h(1) })._0,
        provider_id()
    );
    assert_eq!(w.view(&A::providerRegistryCall {})._0, comp.address());
    assert_eq!(w.view(&A::capabilityNamespaceCall {})._0, NAMESPACE);
    let info = w.view(&A::getGovernanceInfoCall {});
    assert_eq!((info.stage, info.governor), (0, gov));
}

/// D4 stays in the claim gate for a record without a reservation here (the gate skips its
/// registry call only when a slot of the record is reserved: that reservation passed the gate).
#[motsu::test]
fn claim_binding_is_checked_without_a_reservation(
    tok: Contract<MultiPartyTokenizer>,
    other: Contract<MultiPartyTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
) {
    use integra_tokenizer_base::{TokenizerNotSet, WrongTokenizer};
    let w = world!(tok, reg, comp, prov, gov);
    reg.sender(gov)
        .set_tokenizer_approval(gov, other.address(), true)
        .unwrap();
    w.register(owner, 1);
    register(&reg, owner, 2, other.address(), Address::ZERO);
    register(&reg, owner, 3, Address::ZERO, Address::ZERO);
    let a2 = w.attest(bob, 2, 1);
    assert_error(
        w.claim(bob, 2, 1, a2),
        WrongTokenizer {
            integraHash: h(2),
            documentTokenizer: other.address(),
            calledTokenizer: tok.address(),
        },
    );
    let a3 = w.attest(bob, 3, 1);
    assert_error(
        w.claim(bob, 3, 1, a3),
        TokenizerNotSet { integraHash: h(3) },
    );
    // Bound here, never reserved: the binding passes, then the reservation check.
    let a1 = w.attest(bob, 1, 1);
    assert_error(
        w.claim(bob, 1, 1, a1),
        TokenNotReserved {
            integraHash: h(1),
            tokenId: u(1),
        },
    );
    // Reserved: the claim goes through without D4's registry call.
    w.reserve(owner, 1, 1, bob, 1).unwrap();
    w.claim(bob, 1, 1, a1).unwrap();
}
