//! motsu tests of the Shares tokenizer against the real parts (the base's
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
mod relay;

use core::fmt::Debug;

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolError, SolEvent};
use integra_document_registry::IntegraDocumentRegistry;
use integra_eas_attestation_provider::{
    AttestationNotFound, EASAttestationProvider, RecipientMismatch, WrongDocument,
};
use integra_primitives::capabilities::{CORE_CLAIM, CORE_VIEW};
use integra_registry::IntegraRegistry;
use integra_tokenizer_base::testing::{
    assert_error, claim_resolver, deploy_registries, h, now, p, provider_id, register, u, Chain,
};
use integra_tokenizer_base::{
    AnonymousReservationNotSupported, AttestationTokenMismatch, DocumentMismatch, InvalidAmount,
    InvalidTokenId, NotSupported, Unauthorized, ZeroAddress,
};
use motsu::prelude::*;

use super::*;
use integra_tokenizer_base::ITokenizerBase as B;

struct World<'a> {
    tok: &'a Contract<SharesTokenizer>,
    reg: &'a Contract<IntegraDocumentRegistry>,
    chain: Chain,
}

fn deploy<'a>(
    tok: &'a Contract<SharesTokenizer>,
    reg: &'a Contract<IntegraDocumentRegistry>,
    comp: &'a Contract<IntegraRegistry>,
    prov: &'a Contract<EASAttestationProvider>,
    gov: Address,
) -> World<'a> {
    deploy_with(tok, reg, comp, prov, gov, Address::ZERO)
}

fn deploy_with<'a>(
    tok: &'a Contract<SharesTokenizer>,
    reg: &'a Contract<IntegraDocumentRegistry>,
    comp: &'a Contract<IntegraRegistry>,
    prov: &'a Contract<EASAttestationProvider>,
    gov: Address,
    forwarder: Address,
) -> World<'a> {
    let chain = deploy_registries(reg, comp, prov, gov, tok.address());
    let config = Config {
        governor: gov,
        document_registry: reg.address(),
        namespace: Address::repeat_byte(0x5a),
        provider_registry: comp.address(),
        default_provider_id: provider_id(),
        eas: chain.eas.address(),
        trusted_forwarder: forwarder,
        trust_registry: Address::repeat_byte(0x7e),
        credential_schema: chain.credential,
        base_uri: String::new(),
    };
    tok.sender(gov)
        .constructor("Deed 42 shares".into(), "D42".into(), 0, &config)
        .unwrap();
    World { tok, reg, chain }
}

impl World<'_> {
    fn register(&self, owner: Address, n: u8) {
        register(self.reg, owner, n, self.tok.address(), Address::ZERO);
    }

    fn reserve(&self, who: Address, n: u8, to: Address, amount: u64) -> Res<()> {
        self.tok
            .sender(who)
            .reserve(who, h(n), U256::ZERO, to, u(amount), p(n))
            .motsu_res()
    }

    /// A CLAIM attestation through EAS by record `n`'s owner for `to`, token `token`.
    fn attest(&self, to: Address, n: u8, token: u64) -> B256 {
        self.chain
            .attest(self.reg, self.tok.address(), to, h(n), CORE_CLAIM, u(token))
    }

    fn claim(&self, who: Address, n: u8, token: u64, id: B256) -> Res<U256> {
        self.tok
            .sender(who)
            .claim(who, h(n), u(token), id, p(n))
            .motsu_res()
    }

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

    fn count<E: SolEvent>(&self) -> usize {
        self.tok
            .all_events()
            .iter()
            .filter(|l| l.topics()[0] == E::SIGNATURE_HASH)
            .count()
    }
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
    tok: Contract<SharesTokenizer>,
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
    w.reserve(owner, 1, bob, 10).unwrap();
    // integraHash: record 2's attestation used on record 1.
    let other = w.attest(bob, 2, 0);
    assert_error(
        w.claim(bob, 1, 0, other),
        WrongDocument {
            attested: h(2),
            expected: h(1),
        },
    );
    // Bob's attestation replayed by Eve.
    let a1 = w.attest(bob, 1, 0);
    assert_error(
        w.claim(eve, 1, 0, a1),
        RecipientMismatch {
            attested: bob,
            expected: eve,
        },
    );
    // An unknown UID.
    let unknown = B256::repeat_byte(0x77);
    assert_error(
        w.claim(bob, 1, 0, unknown),
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
    assert_eq!(w.claim(bob, 1, 0, a1).unwrap(), u(10));
}

#[motsu::test]
fn first_reservation_binds_the_instance_to_its_record(
    tok: Contract<SharesTokenizer>,
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
    assert_eq!(w.view(&boundIntegraHashCall {})._0, B256::ZERO);
    w.reserve(owner, 1, bob, 600).unwrap();
    tok.assert_emitted(&B::TokenReserved {
        integraHash: h(1),
        tokenId: U256::ZERO,
        recipient: bob,
        amount: u(600),
        processHash: p(1),
        timestamp: now(),
    });
    assert_eq!(w.view(&boundIntegraHashCall {})._0, h(1));
    assert_eq!(w.view(&B::getDocumentHashCall { id: U256::ZERO })._0, h(1));
    // Shares of record 2 can never mix with record 1's in this instance (D2).
    assert_error(
        w.reserve(owner, 2, bob, 1),
        DocumentMismatch {
            bound: h(1),
            given: h(2),
        },
    );
    let a2 = w.attest(bob, 2, 0);
    assert_error(
        w.claim(bob, 2, 0, a2),
        DocumentMismatch {
            bound: h(1),
            given: h(2),
        },
    );
    assert_eq!(w.view(&nameCall {})._0, "Deed 42 shares");
    assert_eq!(w.view(&symbolCall {})._0, "D42");
    assert_eq!(w.view(&decimalsCall {})._0, 0);
    assert_eq!(w.view(&B::tokenTypeCall {})._0, 0);
}

#[motsu::test]
fn reservation_checks_in_order(
    tok: Contract<SharesTokenizer>,
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
        w.reserve(stranger, 1, bob, 1),
        Unauthorized {
            caller: stranger,
            integraHash: h(1),
        },
    );
    assert_error(
        w.reserve(owner, 1, bob, 0),
        InvalidAmount { amount: U256::ZERO },
    );
    assert_error(w.reserve(owner, 1, Address::ZERO, 1), ZeroAddress {});
    assert_error(
        tok.sender(owner)
            .reserve(owner, h(1), u(3), bob, u(1), p(1))
            .motsu_res(),
        InvalidTokenId { tokenId: u(3) },
    );
    w.reserve(owner, 1, bob, 10).unwrap();
    assert_error(
        w.reserve(owner, 1, bob, 10),
        AlreadyReserved {
            integraHash: h(1),
            recipient: bob,
        },
    );
    assert_eq!(
        w.call(
            owner,
            &B::reserveTokenAnonymousCall {
                integraHash: h(1),
                tokenId: U256::ZERO,
                amount: u(1),
                encryptedLabel: vec![1].into(),
                processHash: p(1),
            }
            .abi_encode()
        ),
        Err(AnonymousReservationNotSupported {}.abi_encode())
    );
    assert_eq!(
        w.call(
            owner,
            &B::cancelReservationCall {
                integraHash: h(1),
                tokenId: U256::ZERO,
                processHash: p(1)
            }
            .abi_encode()
        ),
        Err(NotSupported {}.abi_encode())
    );
}

#[motsu::test]
fn hundred_recipients_fit_and_the_hundred_and_first_does_not(
    tok: Contract<SharesTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    for i in 0..100u16 {
        let r = Address::left_padding_from(&(i + 1).to_be_bytes());
        w.reserve(owner, 1, r, 1).unwrap();
    }
    assert_error(
        w.reserve(owner, 1, Address::repeat_byte(0xee), 1),
        ReservationLimitReached { limit: u(100) },
    );
    // Cancelling one frees a place.
    tok.sender(owner)
        .cancel_for(owner, h(1), Address::left_padding_from(&[1]), p(1))
        .motsu_unwrap();
    w.reserve(owner, 1, Address::repeat_byte(0xee), 1).unwrap();
}

#[motsu::test]
fn claimant_receives_exactly_its_reservation_once(
    tok: Contract<SharesTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
    carol: Address,
    eve: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.reserve(owner, 1, bob, 600).unwrap();
    w.reserve(owner, 1, carol, 400).unwrap();
    let a1 = w.attest(bob, 1, 0);
    // The reference took the amount from the tokenId argument: here it must be 0.
    assert_error(
        w.claim(bob, 1, 1_000_000, a1),
        InvalidTokenId {
            tokenId: u(1_000_000),
        },
    );
    let a5 = w.attest(eve, 1, 0);
    assert_error(
        w.claim(eve, 1, 0, a5),
        NoReservation {
            integraHash: h(1),
            recipient: eve,
        },
    );
    let a6 = w.attest(bob, 1, 7);
    assert_error(
        w.claim(bob, 1, 0, a6),
        AttestationTokenMismatch {
            attested: u(7),
            claimed: U256::ZERO,
        },
    );
    assert_eq!(w.claim(bob, 1, 0, a1).unwrap(), u(600));
    tok.assert_emitted(&Transfer {
        from: Address::ZERO,
        to: bob,
        value: u(600),
    });
    tok.assert_emitted(&B::TokenClaimed {
        integraHash: h(1),
        tokenId: U256::ZERO,
        claimant: bob,
        capabilityAttestation: a1,
        processHash: p(1),
        timestamp: now(),
    });
    assert_error(w.claim(bob, 1, 0, a1), AlreadyClaimed { recipient: bob });
    assert_error(
        w.reserve(owner, 1, bob, 5),
        AlreadyClaimed { recipient: bob },
    );
    assert_eq!(w.view(&balanceOfCall { account: bob })._0, u(600));
    assert_eq!(
        w.view(&B::balanceOf_1Call {
            account: bob,
            integraHash: h(1)
        })
        ._0,
        u(600)
    );
    assert_eq!(
        w.view(&B::balanceOf_1Call {
            account: bob,
            integraHash: h(2)
        })
        ._0,
        U256::ZERO
    );
    let r = w.view(&getReservationCall {
        integraHash: h(1),
        recipient: bob,
    });
    assert_eq!((r.amount, r.claimed), (U256::ZERO, true));
    assert_eq!(w.count::<B::DocumentComplete>(), 0);
    let complete = |n: u8| w.view(&B::isDocumentCompleteCall { integraHash: h(n) })._0;
    assert!(!complete(1));
    // The last open reservation completes the record and credentials go to both parties.
    let a2 = w.attest(carol, 1, 0);
    w.claim(carol, 1, 0, a2).unwrap();
    assert!(complete(1));
    assert!(!complete(2));
    tok.assert_emitted(&B::DocumentComplete {
        integraHash: h(1),
        partyCount: u(2),
        processHash: p(1),
        timestamp: now(),
    });
    assert_eq!(w.count::<B::TrustCredentialIssued>(), 2);
    assert_eq!(w.view(&totalSupplyCall {})._0, u(1000));
    let info = w
        .view(&B::getTokenInfoCall {
            integraHash: h(1),
            tokenId: U256::ZERO,
        })
        ._0;
    assert_eq!(
        (info.totalSupply, info.reserved, info.holders, info.claimed),
        (u(1000), U256::ZERO, vec![bob, carol], true)
    );
}

#[motsu::test]
fn cancelled_reservation_cannot_be_claimed(
    tok: Contract<SharesTokenizer>,
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
    w.reserve(owner, 1, bob, 50).unwrap();
    assert_error(
        tok.sender(stranger)
            .cancel_for(stranger, h(1), bob, p(1))
            .motsu_res(),
        Unauthorized {
            caller: stranger,
            integraHash: h(1),
        },
    );
    tok.sender(owner)
        .cancel_for(owner, h(1), bob, p(1))
        .motsu_unwrap();
    tok.assert_emitted(&B::ReservationCancelled {
        integraHash: h(1),
        tokenId: U256::ZERO,
        amount: u(50),
        processHash: p(1),
        timestamp: now(),
    });
    assert_error(
        tok.sender(owner)
            .cancel_for(owner, h(1), bob, p(1))
            .motsu_res(),
        NoReservation {
            integraHash: h(1),
            recipient: bob,
        },
    );
    let a1 = w.attest(bob, 1, 0);
    assert_error(
        w.claim(bob, 1, 0, a1),
        NoReservation {
            integraHash: h(1),
            recipient: bob,
        },
    );
    assert_eq!(w.tok.sender(gov).shares(), (U256::ZERO, U256::ZERO));
}

#[motsu::test]
fn transfers_are_free_and_keep_the_shareholder_list(
    tok: Contract<SharesTokenizer>,
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
    w.reserve(owner, 1, bob, 10).unwrap();
    let a1 = w.attest(bob, 1, 0);
    w.claim(bob, 1, 0, a1).unwrap();
    w.call(gov, &B::pauseCall {}.abi_encode()).unwrap();
    // Paused: transfers still work (spec 10 §7).
    w.call(
        bob,
        &transferCall {
            to: carol,
            value: u(4),
        }
        .abi_encode(),
    )
    .unwrap();
    tok.assert_emitted(&Transfer {
        from: bob,
        to: carol,
        value: u(4),
    });
    let t = w.view(&B::tokensOfCall { account: carol });
    assert_eq!(
        (t.integraHashes, t.tokenIds, t.balances),
        (vec![h(1)], vec![U256::ZERO], vec![u(4)])
    );
    assert_eq!(
        w.call(
            carol,
            &transferFromCall {
                from: bob,
                to: carol,
                value: u(6)
            }
            .abi_encode()
        ),
        Err(ERC20InsufficientAllowance {
            spender: carol,
            allowance: U256::ZERO,
            needed: u(6)
        }
        .abi_encode())
    );
    w.call(
        bob,
        &approveCall {
            spender: carol,
            value: u(6),
        }
        .abi_encode(),
    )
    .unwrap();
    tok.assert_emitted(&Approval {
        owner: bob,
        spender: carol,
        value: u(6),
    });
    w.call(
        carol,
        &transferFromCall {
            from: bob,
            to: carol,
            value: u(6),
        }
        .abi_encode(),
    )
    .unwrap();
    let info = w
        .view(&B::getTokenInfoCall {
            integraHash: h(1),
            tokenId: U256::ZERO,
        })
        ._0;
    assert_eq!(info.holders, vec![carol]);
    assert!(w
        .view(&B::tokensOfCall { account: bob })
        .tokenIds
        .is_empty());
    assert_eq!(
        w.call(
            carol,
            &transferCall {
                to: bob,
                value: u(11)
            }
            .abi_encode()
        ),
        Err(ERC20InsufficientBalance {
            sender: carol,
            balance: u(10),
            needed: u(11)
        }
        .abi_encode())
    );
    assert!(
        w.view(&B::supportsInterfaceCall {
            interfaceId: ERC20_INTERFACE_ID.into()
        })
        ._0
    );
    assert!(
        w.view(&B::supportsInterfaceCall {
            interfaceId: [0x0e, 0x32, 0x2a, 0xfb].into()
        })
        ._0
    );
    let erc20 = integra_primitives::erc165::interface_id(&[
        totalSupplyCall::SELECTOR,
        balanceOfCall::SELECTOR,
        transferCall::SELECTOR,
        allowanceCall::SELECTOR,
        approveCall::SELECTOR,
        transferFromCall::SELECTOR,
    ]);
    assert_eq!(erc20, ERC20_INTERFACE_ID);
}

/// Open reservations total at most 2^128 − 1 (the ledger's width): a reservation at the limit
/// works, one unit more (alone or in the sum) is `InvalidAmount(amount)`.
#[motsu::test]
fn reserved_total_is_limited_to_128_bits(
    tok: Contract<SharesTokenizer>,
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
    let max = U256::from(u128::MAX);
    let reserve = |to: Address, amount: U256| {
        tok.sender(owner)
            .reserve(owner, h(1), U256::ZERO, to, amount, p(1))
            .motsu_res()
    };
    assert_error(
        reserve(bob, max + u(1)),
        InvalidAmount { amount: max + u(1) },
    );
    assert_error(reserve(bob, U256::MAX), InvalidAmount { amount: U256::MAX });
    reserve(bob, max - u(1)).unwrap();
    assert_error(reserve(carol, u(2)), InvalidAmount { amount: u(2) });
    reserve(carol, u(1)).unwrap();
    assert_eq!(tok.sender(owner).shares(), (U256::ZERO, max));
    assert_eq!(tok.sender(owner).reservation(carol), (u(1), false));
    // Claimed in full: the ERC-20 supply is the total.
    let a1 = w.attest(bob, 1, 0);
    assert_eq!(w.claim(bob, 1, 0, a1).unwrap(), max - u(1));
    assert_eq!(tok.sender(owner).shares(), (max - u(1), u(1)));
    assert_eq!(tok.sender(owner).reservation(bob), (U256::ZERO, true));
}

/// The shareholder list under swap-and-pop: a holder leaving from the front moves the last one
/// into its place; a holder coming back is appended; `getTokenInfo` lists them in order.
#[motsu::test]
fn shareholder_list_moves_the_last_holder_into_a_leavers_place(
    tok: Contract<SharesTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
    carol: Address,
    dave: Address,
) {
    let w = world!(tok, reg, comp, prov, gov);
    w.register(owner, 1);
    w.reserve(owner, 1, bob, 10).unwrap();
    w.reserve(owner, 1, carol, 5).unwrap();
    let a1 = w.attest(bob, 1, 0);
    w.claim(bob, 1, 0, a1).unwrap();
    let a2 = w.attest(carol, 1, 0);
    w.claim(carol, 1, 0, a2).unwrap();
    let holders = || {
        w.view(&B::getTokenInfoCall {
            integraHash: h(1),
            tokenId: U256::ZERO,
        })
        ._0
        .holders
    };
    assert_eq!(holders(), vec![bob, carol]);
    let send = |from: Address, to: Address, value: u64| {
        w.call(
            from,
            &transferCall {
                to,
                value: u(value),
            }
            .abi_encode(),
        )
        .unwrap();
    };
    send(bob, dave, 10);
    assert_eq!(holders(), vec![carol, dave]);
    assert_eq!(tok.sender(owner).shareholders(), vec![carol, dave]);
    // A partial transfer to an existing holder and a self-transfer change nothing.
    send(carol, dave, 1);
    send(dave, dave, 3);
    assert_eq!(holders(), vec![carol, dave]);
    send(dave, bob, 11);
    assert_eq!(holders(), vec![carol, bob]);
    send(carol, bob, 4);
    assert_eq!(holders(), vec![bob]);
    assert_eq!(w.view(&balanceOfCall { account: bob })._0, u(15));
}
