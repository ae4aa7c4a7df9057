//! The Ownership tokenizer's WASM artifact in the executor with the real `IntegraRegistry`,
//! `IntegraDocumentRegistry`, EAS reproduction, `TokenClaimResolver` and
//! `EASAttestationProvider`: register, reserve (named by the executor; anonymous with a 64-byte
//! label), attest, claim, transfer, complete; the gate read from the registry; and the
//! reference's defects refused at the WASM level. The Shares tokenizer's ERC-20 flow likewise.

use alloy_primitives::{address, Address, B256, U256};
use alloy_sol_types::SolCall;
use integra_tests::tokenizers::shares::{
    self, balanceOfCall, boundIntegraHashCall, getReservationCall, totalSupplyCall, transferCall,
    AlreadyClaimed, DocumentMismatch, InvalidTokenId,
};
use integra_tests::tokenizers::{
    cancelReservationCall, getDocumentHashCall, getEncryptedLabelCall, integraHashToTokenIdCall,
    reserve_anonymous_call, reserve_call, setup, setup_forwarded, setup_shares,
    setup_shares_forwarded, supportsInterfaceCall, Deployed, ReservationCancelled, TokenNotFound,
    TokenReserved, TokenReservedAnonymous, Unauthorized, BOB, EXECUTOR, OWNER,
};
use integra_tests::tokenizers::{
    claim_call, isDocumentCompleteCall, ownerOfCall, tokensOfCall, transferFromCall, AlreadyMinted,
    AttestationTokenMismatch, DocumentComplete, RecipientMismatch, TokenClaimed, Transfer,
    WrongDocument, CAROL,
};
use integra_tests::tokenizers::{
    multi_party as mp, multi_party_args, setup_multi_party, setup_multi_party_with_lens,
};
use integra_tests::{assert_reverted_with, docreg::ok, events};

fn world() -> Deployed {
    setup("integra-ownership-tokenizer").expect("tokenizer world deploys")
}

#[test]
fn executor_and_owner_reserve_named_and_anonymous_tokens() {
    let mut d = world();
    d.register(1).unwrap();
    d.register(2).unwrap();
    let r = ok(
        d.world.send(EXECUTOR, d.tokenizer, &reserve_call(1, BOB)),
        "reserve",
    )
    .unwrap();
    let e = events::<TokenReserved>(&r.logs);
    assert_eq!(
        (e.len(), e[0].tokenId, e[0].recipient),
        (1, U256::from(1), BOB)
    );
    let r = ok(
        d.world.send(OWNER, d.tokenizer, &reserve_anonymous_call(2)),
        "reserveAnonymous",
    )
    .unwrap();
    let e = events::<TokenReservedAnonymous>(&r.logs);
    assert_eq!(
        (e[0].tokenId, e[0].encryptedLabel.len()),
        (U256::from(2), 64)
    );
    let h2 = B256::repeat_byte(2);
    assert_eq!(
        d.world
            .view(d.tokenizer, &integraHashToTokenIdCall { integraHash: h2 })
            ._0,
        U256::from(2)
    );
    assert_eq!(
        d.world
            .view(d.tokenizer, &getDocumentHashCall { id: U256::from(2) })
            ._0,
        B256::ZERO,
        "an unminted reservation's id maps to no record until the claim"
    );
    assert_eq!(
        d.world
            .view(
                d.tokenizer,
                &getEncryptedLabelCall {
                    integraHash: h2,
                    tokenId: U256::ZERO
                }
            )
            ._0
            .len(),
        64
    );
    assert!(
        d.world
            .view(
                d.tokenizer,
                &supportsInterfaceCall {
                    interfaceId: [0x80, 0xac, 0x58, 0xcd].into()
                }
            )
            ._0
    );
}

#[test]
fn strangers_cannot_reserve_and_owners_cannot_cancel_other_records_tokens() {
    let mut d = world();
    d.register(1).unwrap();
    d.register(2).unwrap();
    let r = d.world.send(BOB, d.tokenizer, &reserve_call(1, BOB));
    assert_reverted_with(
        &r,
        &Unauthorized {
            caller: BOB,
            integraHash: B256::repeat_byte(1),
        },
    );
    ok(
        d.world.send(OWNER, d.tokenizer, &reserve_call(1, BOB)),
        "reserve",
    )
    .unwrap();
    ok(
        d.world.send(OWNER, d.tokenizer, &reserve_call(2, BOB)),
        "reserve",
    )
    .unwrap();
    // Token 1 belongs to record 1: cancelling it through record 2 fails.
    let cancel = cancelReservationCall {
        integraHash: B256::repeat_byte(2),
        tokenId: U256::from(1),
        processHash: B256::repeat_byte(0x9d),
    };
    assert_reverted_with(
        &d.world.send(OWNER, d.tokenizer, &cancel),
        &TokenNotFound {
            integraHash: B256::repeat_byte(2),
            tokenId: U256::from(1),
        },
    );
    let cancel = cancelReservationCall {
        tokenId: U256::ZERO,
        ..cancel
    };
    let r = ok(d.world.send(EXECUTOR, d.tokenizer, &cancel), "cancel").unwrap();
    assert_eq!(
        events::<ReservationCancelled>(&r.logs)[0].tokenId,
        U256::from(2)
    );
}

#[test]
fn register_reserve_attest_claim_transfer_complete() {
    let mut d = world();
    let core_claim = U256::from(2);
    d.register(1).unwrap();
    d.register(2).unwrap();
    ok(
        d.world.send(EXECUTOR, d.tokenizer, &reserve_call(1, BOB)),
        "reserve",
    )
    .unwrap();
    ok(
        d.world
            .send(EXECUTOR, d.tokenizer, &reserve_anonymous_call(2)),
        "reserveAnonymous",
    )
    .unwrap();
    // The owner grants Bob token 1 of record 1; the executor grants Carol "any" token of record 2.
    let uid1 = d.attest_claim(OWNER, BOB, 1, 1, core_claim).unwrap();
    let uid2 = d.attest_claim(EXECUTOR, CAROL, 2, 0, core_claim).unwrap();
    let r = ok(
        d.world.send(BOB, d.tokenizer, &claim_call(1, 0, uid1)),
        "claim 1",
    )
    .unwrap();
    let claimed = events::<TokenClaimed>(&r.logs);
    assert_eq!(
        (claimed[0].tokenId, claimed[0].claimant),
        (U256::from(1), BOB)
    );
    assert_eq!(events::<DocumentComplete>(&r.logs).len(), 1);
    assert_eq!(
        events::<Transfer>(&r.logs)[0],
        Transfer {
            from: alloy_primitives::Address::ZERO,
            to: BOB,
            tokenId: U256::from(1)
        }
    );
    let r = ok(
        d.world.send(CAROL, d.tokenizer, &claim_call(2, 2, uid2)),
        "claim 2",
    )
    .unwrap();
    assert_eq!(events::<TokenClaimed>(&r.logs)[0].claimant, CAROL);
    assert!(
        d.world
            .view(
                d.tokenizer,
                &isDocumentCompleteCall {
                    integraHash: B256::repeat_byte(2)
                }
            )
            ._0
    );
    // A claimed token moves as any ERC-721; tokensOf follows it.
    let t = transferFromCall {
        from: BOB,
        to: CAROL,
        tokenId: U256::from(1),
    };
    ok(d.world.send(BOB, d.tokenizer, &t), "transferFrom").unwrap();
    assert_eq!(
        d.world
            .view(
                d.tokenizer,
                &ownerOfCall {
                    tokenId: U256::from(1)
                }
            )
            ._0,
        CAROL
    );
    let held = d.world.view(d.tokenizer, &tokensOfCall { account: CAROL });
    assert_eq!(held.tokenIds, vec![U256::from(2), U256::from(1)]);
    assert!(d
        .world
        .view(d.tokenizer, &tokensOfCall { account: BOB })
        .tokenIds
        .is_empty());
}

#[test]
fn claims_with_mismatched_attestations_or_twice_fail() {
    let mut d = world();
    let core_claim = U256::from(2);
    d.register(1).unwrap();
    d.register(2).unwrap();
    ok(
        d.world
            .send(EXECUTOR, d.tokenizer, &reserve_anonymous_call(1)),
        "reserve",
    )
    .unwrap();
    ok(
        d.world.send(EXECUTOR, d.tokenizer, &reserve_call(2, BOB)),
        "reserve",
    )
    .unwrap();
    // Record: a grant for record 2 used on record 1.
    let other = d.attest_claim(OWNER, BOB, 2, 0, core_claim).unwrap();
    assert_reverted_with(
        &d.world.send(BOB, d.tokenizer, &claim_call(1, 0, other)),
        &WrongDocument {
            attested: B256::repeat_byte(2),
            documentHash: B256::repeat_byte(1),
        },
    );
    // Recipient: Bob's grant replayed by Carol.
    let bobs = d.attest_claim(OWNER, BOB, 1, 0, core_claim).unwrap();
    assert_reverted_with(
        &d.world.send(CAROL, d.tokenizer, &claim_call(1, 0, bobs)),
        &RecipientMismatch {
            attested: BOB,
            expected: CAROL,
        },
    );
    // Token id: a grant for token 2 used on record 1's token 1.
    let wrong_token = d.attest_claim(OWNER, CAROL, 1, 2, core_claim).unwrap();
    assert_reverted_with(
        &d.world
            .send(CAROL, d.tokenizer, &claim_call(1, 0, wrong_token)),
        &AttestationTokenMismatch {
            attested: U256::from(2),
            claimed: U256::from(1),
        },
    );
    ok(
        d.world.send(BOB, d.tokenizer, &claim_call(1, 0, bobs)),
        "claim",
    )
    .unwrap();
    assert_reverted_with(
        &d.world.send(BOB, d.tokenizer, &claim_call(1, 0, bobs)),
        &AlreadyMinted {
            tokenId: U256::from(1),
        },
    );
}

/// The Shares world: records 1 and 2 registered with the Shares instance as their tokenizer;
/// the executor reserves 600 shares of record 1 for Bob (binding the instance to record 1), the
/// owner 400 for Carol; the owner grants both a CLAIM in EAS. Returns the world and the grants.
fn shares_world() -> (Deployed, B256, B256) {
    let mut d = setup_shares().expect("shares world deploys");
    let core_claim = U256::from(2);
    d.register(1).unwrap();
    d.register(2).unwrap();
    let r = ok(
        d.world
            .send(EXECUTOR, d.tokenizer, &shares::reserve_call(1, BOB, 600)),
        "reserve Bob",
    )
    .unwrap();
    let e = events::<TokenReserved>(&r.logs);
    assert_eq!(
        (
            e.len(),
            e[0].integraHash,
            e[0].tokenId,
            e[0].recipient,
            e[0].amount
        ),
        (1, B256::repeat_byte(1), U256::ZERO, BOB, U256::from(600))
    );
    ok(
        d.world
            .send(OWNER, d.tokenizer, &shares::reserve_call(1, CAROL, 400)),
        "reserve Carol",
    )
    .unwrap();
    let uid_bob = d.attest_claim(OWNER, BOB, 1, 0, core_claim).unwrap();
    let uid_carol = d.attest_claim(OWNER, CAROL, 1, 0, core_claim).unwrap();
    (d, uid_bob, uid_carol)
}

/// `SharesTokenizer` (spec 11 §4.1) as shipped WASM: one record per instance; `claimToken`
/// takes no amount, and the reference's caller-chosen amount (its `tokenId`) is refused.
#[test]
fn shares_bind_one_record_and_mint_only_the_reservation() {
    let (mut d, uid_bob, _) = shares_world();
    let (h1, h2) = (B256::repeat_byte(1), B256::repeat_byte(2));
    assert_eq!(d.world.view(d.tokenizer, &boundIntegraHashCall {})._0, h1);
    // A second record (registered with this instance as its tokenizer) is refused, on reserve
    // and on claim.
    let mismatch = DocumentMismatch {
        bound: h1,
        given: h2,
    };
    assert_reverted_with(
        &d.world
            .send(OWNER, d.tokenizer, &shares::reserve_call(2, BOB, 5)),
        &mismatch,
    );
    let other = d.attest_claim(OWNER, BOB, 2, 0, U256::from(2)).unwrap();
    assert_reverted_with(
        &d.world.send(BOB, d.tokenizer, &claim_call(2, 0, other)),
        &mismatch,
    );
    // A non-zero tokenId (the reference minted that many shares) is refused; nothing minted.
    assert_reverted_with(
        &d.world
            .send(BOB, d.tokenizer, &claim_call(1, 1_000_000, uid_bob)),
        &InvalidTokenId {
            tokenId: U256::from(1_000_000),
        },
    );
    assert_eq!(
        d.world.view(d.tokenizer, &totalSupplyCall {})._0,
        U256::ZERO
    );
    // The claim mints exactly the reservation; a replay is refused.
    ok(
        d.world.send(BOB, d.tokenizer, &claim_call(1, 0, uid_bob)),
        "claim Bob",
    )
    .unwrap();
    let res = d.world.view(
        d.tokenizer,
        &getReservationCall {
            integraHash: h1,
            recipient: BOB,
        },
    );
    assert_eq!((res.amount, res.claimed), (U256::ZERO, true));
    assert_reverted_with(
        &d.world.send(BOB, d.tokenizer, &claim_call(1, 0, uid_bob)),
        &AlreadyClaimed { recipient: BOB },
    );
    assert_eq!(
        d.world.view(d.tokenizer, &totalSupplyCall {})._0,
        U256::from(600)
    );
}

/// Both holders claim (ERC-20 mints of the reserved amounts), the record completes once after
/// the last claim, and shares move as a standard ERC-20.
#[test]
fn shares_claim_complete_and_transfer() {
    let (mut d, uid_bob, uid_carol) = shares_world();
    let h1 = B256::repeat_byte(1);
    // Bob claims his 600; Carol's reservation is still open, so no DocumentComplete.
    let r = ok(
        d.world.send(BOB, d.tokenizer, &claim_call(1, 0, uid_bob)),
        "claim Bob",
    )
    .unwrap();
    assert_eq!(
        events::<shares::Transfer>(&r.logs),
        vec![shares::Transfer {
            from: Address::ZERO,
            to: BOB,
            value: U256::from(600)
        }]
    );
    let claimed = events::<TokenClaimed>(&r.logs);
    assert_eq!(
        (
            claimed.len(),
            claimed[0].integraHash,
            claimed[0].tokenId,
            claimed[0].claimant,
            claimed[0].capabilityAttestation
        ),
        (1, h1, U256::ZERO, BOB, uid_bob)
    );
    assert!(events::<DocumentComplete>(&r.logs).is_empty());
    assert!(
        !d.world
            .view(d.tokenizer, &isDocumentCompleteCall { integraHash: h1 })
            ._0
    );
    // Carol claims her 400: the last open reservation, so the record completes, once.
    let r = ok(
        d.world
            .send(CAROL, d.tokenizer, &claim_call(1, 0, uid_carol)),
        "claim Carol",
    )
    .unwrap();
    assert_eq!(
        events::<shares::Transfer>(&r.logs),
        vec![shares::Transfer {
            from: Address::ZERO,
            to: CAROL,
            value: U256::from(400)
        }]
    );
    let done = events::<DocumentComplete>(&r.logs);
    assert_eq!(
        (done.len(), done[0].integraHash, done[0].partyCount),
        (1, h1, U256::from(2))
    );
    assert!(
        d.world
            .view(d.tokenizer, &isDocumentCompleteCall { integraHash: h1 })
            ._0
    );
    let supply_and_balances = |d: &mut Deployed| {
        let t = d.tokenizer;
        (
            d.world.view(t, &totalSupplyCall {})._0,
            d.world.view(t, &balanceOfCall { account: BOB })._0,
            d.world.view(t, &balanceOfCall { account: CAROL })._0,
        )
    };
    assert_eq!(
        supply_and_balances(&mut d),
        (U256::from(1000), U256::from(600), U256::from(400))
    );
    // Shares move as a standard ERC-20; no second DocumentComplete.
    let t = transferCall {
        to: CAROL,
        value: U256::from(150),
    };
    let r = ok(d.world.send(BOB, d.tokenizer, &t), "transfer").unwrap();
    assert_eq!(
        events::<shares::Transfer>(&r.logs),
        vec![shares::Transfer {
            from: BOB,
            to: CAROL,
            value: U256::from(150)
        }]
    );
    assert!(events::<DocumentComplete>(&r.logs).is_empty());
    assert_eq!(
        supply_and_balances(&mut d),
        (U256::from(1000), U256::from(450), U256::from(550))
    );
    let held = d.world.view(d.tokenizer, &tokensOfCall { account: CAROL });
    assert_eq!(
        (held.integraHashes, held.tokenIds, held.balances),
        (vec![h1], vec![U256::ZERO], vec![U256::from(550)])
    );
}

// ---------------------------------------------------------------- MultiParty (ERC-1155)

const CORE_CLAIM: u64 = 2;

fn h(n: u8) -> B256 {
    B256::repeat_byte(n)
}

/// A `MultiPartyTokenizer` with its lens; record 1 registered (owner `OWNER`, executor
/// `EXECUTOR`); slot 1 reserved by the executor for Bob, slot 2 reserved anonymously by the
/// owner (64-byte label); claim attestations for Bob (slot 1, by the owner) and Carol (slot 2,
/// by the executor). Returns the world and the two UIDs.
fn multi_party_world() -> (Deployed, B256, B256) {
    let mut d = setup_multi_party().expect("multi-party world deploys");
    d.register(1).unwrap();
    let r = ok(
        d.world
            .send(EXECUTOR, d.tokenizer, &mp::reserve_call(1, 1, BOB)),
        "reserve slot 1",
    )
    .unwrap();
    let e = events::<TokenReserved>(&r.logs);
    assert_eq!(e.len(), 1);
    assert_eq!(
        e[0],
        TokenReserved {
            integraHash: h(1),
            tokenId: U256::from(1),
            recipient: BOB,
            amount: U256::from(1),
            processHash: B256::repeat_byte(0x9d),
            timestamp: e[0].timestamp,
        }
    );
    assert!(!e[0].timestamp.is_zero());
    let r = ok(
        d.world
            .send(OWNER, d.tokenizer, &mp::reserve_anonymous_call(1, 2)),
        "reserve slot 2",
    )
    .unwrap();
    let e = events::<TokenReservedAnonymous>(&r.logs);
    assert_eq!(
        e,
        vec![TokenReservedAnonymous {
            integraHash: h(1),
            tokenId: U256::from(2),
            amount: U256::from(1),
            encryptedLabel: vec![0xe7; 64].into(),
            processHash: B256::repeat_byte(0x9d),
            timestamp: e[0].timestamp,
        }]
    );
    let uid_bob = d
        .attest_claim(OWNER, BOB, 1, 1, U256::from(CORE_CLAIM))
        .unwrap();
    let uid_carol = d
        .attest_claim(EXECUTOR, CAROL, 1, 2, U256::from(CORE_CLAIM))
        .unwrap();
    (d, uid_bob, uid_carol)
}

/// Issue 7 point 6 for the ERC-1155 family: register, reserve (named and anonymous), attest,
/// claim both parties, `DocumentComplete`, transfer — and every view answered through the
/// tokenizer, its record and array views by the lens.
#[test]
#[allow(clippy::too_many_lines)] // one flow
fn multi_party_register_reserve_attest_claim_complete_transfer() {
    let (mut d, uid_bob, uid_carol) = multi_party_world();
    let t = d.tokenizer;
    // Reservations as the views (through the lens) report them.
    assert_eq!(
        d.world
            .view(
                t,
                &mp::getReservedTokensCall {
                    integraHash: h(1),
                    recipient: BOB
                }
            )
            ._0,
        vec![U256::from(1)]
    );
    let labels = d
        .world
        .view(t, &mp::getAllEncryptedLabelsCall { integraHash: h(1) });
    assert_eq!(labels.tokenIds, vec![U256::from(1), U256::from(2)]);
    assert_eq!(labels.labels[0].len(), 0);
    assert_eq!(labels.labels[1].as_ref(), &[0xe7; 64][..]);
    let info = d.world.view(
        t,
        &mp::getTokenInfoCall {
            integraHash: h(1),
            tokenId: U256::from(2),
        },
    );
    assert_eq!(
        info._0,
        mp::TokenInfo {
            integraHash: h(1),
            tokenId: U256::from(2),
            totalSupply: U256::ZERO,
            reserved: U256::from(1),
            holders: vec![],
            encryptedLabel: vec![0xe7; 64].into(),
            reservedFor: Address::ZERO,
            claimed: false,
            claimedBy: Address::ZERO,
        }
    );
    for slot in [1u64, 2] {
        assert_eq!(
            d.world
                .view(
                    t,
                    &mp::globalIdOfCall {
                        integraHash: h(1),
                        slot: U256::from(slot)
                    }
                )
                ._0,
            U256::from(slot)
        );
        let r = d.world.view(
            t,
            &mp::tokenRefOfCall {
                id: U256::from(slot),
            },
        );
        assert_eq!((r.integraHash, r.slot), (h(1), U256::from(slot)));
    }
    // Carol cannot take Bob's named slot.
    let r = d.world.send(CAROL, t, &claim_call(1, 1, uid_carol));
    assert_reverted_with(
        &r,
        &mp::NotReservedForYou {
            caller: CAROL,
            reservedFor: BOB,
        },
    );
    // Bob claims slot 1: party 1 of 2, no completion.
    let r = ok(
        d.world.send(BOB, t, &claim_call(1, 1, uid_bob)),
        "claim slot 1",
    )
    .unwrap();
    assert_eq!(
        events::<mp::TransferSingle>(&r.logs),
        vec![mp::TransferSingle {
            operator: BOB,
            from: Address::ZERO,
            to: BOB,
            id: U256::from(1),
            value: U256::from(1),
        }]
    );
    let claimed = events::<TokenClaimed>(&r.logs);
    assert_eq!(
        claimed,
        vec![TokenClaimed {
            integraHash: h(1),
            tokenId: U256::from(1),
            claimant: BOB,
            capabilityAttestation: uid_bob,
            processHash: B256::repeat_byte(0x9d),
            timestamp: claimed[0].timestamp,
        }]
    );
    assert!(events::<DocumentComplete>(&r.logs).is_empty());
    assert!(
        !d.world
            .view(t, &isDocumentCompleteCall { integraHash: h(1) })
            ._0
    );
    // A second claim of the same slot fails.
    let again = d.world.send(BOB, t, &claim_call(1, 1, uid_bob));
    assert_reverted_with(
        &again,
        &mp::TokenAlreadyClaimed {
            integraHash: h(1),
            tokenId: U256::from(1),
        },
    );
    // Carol claims the anonymous slot 2: the record completes.
    let r = ok(
        d.world.send(CAROL, t, &claim_call(1, 2, uid_carol)),
        "claim slot 2",
    )
    .unwrap();
    assert_eq!(
        events::<mp::TransferSingle>(&r.logs),
        vec![mp::TransferSingle {
            operator: CAROL,
            from: Address::ZERO,
            to: CAROL,
            id: U256::from(2),
            value: U256::from(1),
        }]
    );
    let done = events::<DocumentComplete>(&r.logs);
    assert_eq!(
        done,
        vec![DocumentComplete {
            integraHash: h(1),
            partyCount: U256::from(2),
            processHash: B256::repeat_byte(0x9d),
            timestamp: claimed[0].timestamp,
        }]
    );
    assert!(
        d.world
            .view(t, &isDocumentCompleteCall { integraHash: h(1) })
            ._0
    );
    // The claimed state through the lens.
    let status = d.world.view(
        t,
        &mp::getClaimStatusCall {
            integraHash: h(1),
            tokenId: U256::from(1),
        },
    );
    assert_eq!((status.claimed, status.claimedBy), (true, BOB));
    assert_eq!(
        d.world
            .view(
                t,
                &mp::getTokenInfoCall {
                    integraHash: h(1),
                    tokenId: U256::from(1)
                }
            )
            ._0,
        mp::TokenInfo {
            integraHash: h(1),
            tokenId: U256::from(1),
            totalSupply: U256::from(1),
            reserved: U256::ZERO,
            holders: vec![BOB],
            encryptedLabel: alloy_primitives::Bytes::new(),
            reservedFor: Address::ZERO,
            claimed: true,
            claimedBy: BOB,
        }
    );
    assert_eq!(
        d.world
            .view(
                t,
                &mp::balanceOf_1Call {
                    account: BOB,
                    integraHash: h(1)
                }
            )
            ._0,
        U256::from(1)
    );
    assert_eq!(
        d.world
            .view(
                t,
                &mp::balanceOfDocumentTokenCall {
                    account: CAROL,
                    integraHash: h(1),
                    tokenId: U256::from(2)
                }
            )
            ._0,
        U256::from(1)
    );
    assert_eq!(
        d.world
            .view(t, &mp::totalSupplyCall { id: U256::from(2) })
            ._0,
        U256::from(1)
    );
    assert!(d.world.view(t, &mp::existsCall { id: U256::from(1) })._0);
    assert!(!d.world.view(t, &mp::existsCall { id: U256::from(3) })._0);
    // A standard ERC-1155 transfer; the holder index follows it.
    let transfer = mp::safeTransferFromCall {
        from: BOB,
        to: CAROL,
        id: U256::from(1),
        value: U256::from(1),
        data: alloy_primitives::Bytes::new(),
    };
    let r = ok(d.world.send(BOB, t, &transfer), "safeTransferFrom").unwrap();
    assert_eq!(
        events::<mp::TransferSingle>(&r.logs),
        vec![mp::TransferSingle {
            operator: BOB,
            from: BOB,
            to: CAROL,
            id: U256::from(1),
            value: U256::from(1),
        }]
    );
    assert_eq!(
        d.world
            .view(
                t,
                &mp::balanceOfBatchCall {
                    accounts: vec![BOB, CAROL, CAROL],
                    ids: vec![U256::from(1), U256::from(1), U256::from(2)]
                }
            )
            ._0,
        vec![U256::ZERO, U256::from(1), U256::from(1)]
    );
    assert_eq!(
        d.world
            .view(
                t,
                &mp::balanceOf_0Call {
                    account: CAROL,
                    id: U256::from(1)
                }
            )
            ._0,
        U256::from(1)
    );
    let held = d.world.view(t, &tokensOfCall { account: CAROL });
    assert_eq!(
        (held.integraHashes, held.tokenIds, held.balances),
        (
            vec![h(1), h(1)],
            vec![U256::from(2), U256::from(1)],
            vec![U256::from(1), U256::from(1)]
        )
    );
    let page = d.world.view(
        t,
        &mp::tokensOfPagedCall {
            account: CAROL,
            offset: U256::from(1),
            limit: U256::from(5),
        },
    );
    assert_eq!(
        (page.integraHashes, page.tokenIds),
        (vec![h(1)], vec![U256::from(1)])
    );
    assert!(d
        .world
        .view(t, &tokensOfCall { account: BOB })
        .tokenIds
        .is_empty());
    assert_eq!(
        d.world
            .view(
                t,
                &mp::getTokenInfoCall {
                    integraHash: h(1),
                    tokenId: U256::from(1)
                }
            )
            ._0
            .holders,
        vec![CAROL]
    );
    // The token standard's face stays on the tokenizer.
    assert_eq!(
        d.world.view(t, &mp::uriCall { id: U256::from(1) })._0,
        "ipfs://roles/"
    );
    assert_eq!(d.world.view(t, &mp::tokenTypeCall {})._0, 2);
    for id in [
        [0xd9, 0xb6, 0x7a, 0x26],
        [0x0e, 0x32, 0x2a, 0xfb],
        [0x5d, 0x2a, 0xef, 0x7c],
    ] {
        assert!(
            d.world
                .view(
                    t,
                    &supportsInterfaceCall {
                        interfaceId: id.into()
                    }
                )
                ._0
        );
    }
}

/// The lens at the WASM level: the tokenizer's views reach it by a static call to the
/// tokenizer's private entry and a delegate call; the entry and the lens refuse every other
/// caller; a lens that writes fails (static frame) and leaves the tokenizer's storage as it was.
#[test]
fn multi_party_lens_runs_static_and_only_inside_the_tokenizer() {
    let (mut d, _, _) = multi_party_world();
    let t = d.tokenizer;
    assert_eq!(d.world.view(t, &mp::lensCall {})._0, d.lens);
    assert_eq!(d.world.view(t, &mp::documentRegistryCall {})._0, d.registry);
    assert!(
        d.world
            .view(
                t,
                &mp::hasRoleCall {
                    role: B256::ZERO,
                    account: integra_tests::docreg::GOVERNOR
                }
            )
            ._0
    );
    assert_eq!(
        d.world
            .view(t, &mp::getCurrentProviderCall { documentHash: h(1) })
            ._0,
        integra_tests::tokenizers::provider_id()
    );
    let view = mp::getClaimStatusCall {
        integraHash: h(1),
        tokenId: U256::from(1),
    };
    // The private entry, called from outside: refused.
    let mut entry = mp::lens_entry().to_vec();
    entry.extend_from_slice(&alloy_sol_types::SolCall::abi_encode(&view));
    let r = d.world.raw(BOB, t, &entry, U256::ZERO);
    assert_reverted_with(&r, &mp::LensEntryForbidden { caller: BOB });
    // The lens called directly: refused (it would read its own, empty storage).
    let r = d.world.send(BOB, d.lens, &view);
    assert_reverted_with(&r, &mp::LensEntryForbidden { caller: BOB });
    let r = d.world.send(t, d.lens, &view);
    assert_reverted_with(&r, &mp::LensEntryForbidden { caller: t });

    // A lens that writes: the test resolver's `getTokenInfo` counts its calls.
    let mut h2 = setup_multi_party_with_lens("integra-test-resolver").expect("world");
    h2.register(1).unwrap();
    let hostile = h2.lens;
    let info = mp::getTokenInfoCall {
        integraHash: h(1),
        tokenId: U256::from(1),
    };
    // Called directly, it writes (the count is in its slot 1).
    let r = ok(h2.world.send(BOB, hostile, &info), "direct write").unwrap();
    assert_eq!(U256::from_be_slice(&r.output), U256::from(1));
    let slot1 = B256::with_last_byte(1);
    let before: Vec<B256> = (0u8..8)
        .map(|i| {
            h2.world
                .vm
                .state()
                .storage(&h2.tokenizer, &B256::with_last_byte(i))
        })
        .collect();
    assert_eq!(
        h2.world.vm.state().storage(&hostile, &slot1),
        B256::with_last_byte(1)
    );
    // Through the tokenizer, in a transaction: the write runs on the tokenizer's storage inside
    // the static frame, and fails.
    let r = h2.world.send(BOB, h2.tokenizer, &info);
    assert_eq!(r.status, stylus_vm::Status::Revert);
    assert!(r.output.is_empty());
    assert_eq!(r.trap.as_deref(), Some("write protection"), "{:?}", r.trap);
    let after: Vec<B256> = (0u8..8)
        .map(|i| {
            h2.world
                .vm
                .state()
                .storage(&h2.tokenizer, &B256::with_last_byte(i))
        })
        .collect();
    assert_eq!(before, after, "the tokenizer's storage is untouched");
    // The tokenizer's own functions are unaffected.
    ok(
        h2.world
            .send(EXECUTOR, h2.tokenizer, &mp::reserve_call(1, 1, BOB)),
        "reserve",
    )
    .unwrap();
}

/// The constructor's lens: 0 or an account without code is refused with `InvalidLens`.
#[test]
fn multi_party_constructor_refuses_a_zero_or_codeless_lens() {
    let mut d = setup_multi_party().expect("world");
    let wasm = integra_tests::artifact_with(
        "integra-multi-party-tokenizer",
        &integra_tests::docreg::rules(),
    )
    .unwrap();
    let gov = integra_tests::docreg::GOVERNOR;
    for lens in [Address::ZERO, BOB, d.lens] {
        let t = d.world.vm.deploy(gov, &wasm).unwrap();
        let mut data = integra_tests::constructor_selector().to_vec();
        data.extend_from_slice(&multi_party_args(d.registry, d.components, lens));
        let r = d.world.raw(gov, t, &data, U256::ZERO);
        if lens == d.lens {
            assert!(r.is_success());
            assert_eq!(d.world.view(t, &mp::lensCall {})._0, lens);
        } else {
            assert_reverted_with(&r, &mp::InvalidLens { lens });
        }
    }
}

/// The tokenizers' trusted forwarder in the relayed-call tests.
const FORWARDER: Address = address!("00000000000000000000000000000000000f0f0f");

alloy_sol_types::sol! {
    function approve(address to, uint256 tokenId);
    #[derive(Debug, PartialEq, Eq)]
    event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);
    #[derive(Debug, PartialEq, Eq)]
    error ERC721InsufficientApproval(address operator, uint256 tokenId);
    #[derive(Debug, PartialEq, Eq)]
    error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);
}

/// `call ‖ sender`: what an ERC-2771 forwarder sends.
fn relayed(call: &impl SolCall, sender: Address) -> Vec<u8> {
    let mut data = call.abi_encode();
    data.extend_from_slice(sender.as_slice());
    data
}

/// D7 through the shipped Ownership router: ERC-721 `approve` / `transferFrom` from the trusted
/// forwarder act for the appended sender (arguments decoded from the front, the 20-byte suffix
/// after them); the same suffix from anyone else is ignored.
#[test]
fn relayed_erc721_calls_act_for_the_appended_sender() {
    let mut d = setup_forwarded("integra-ownership-tokenizer", FORWARDER).unwrap();
    d.register(1).unwrap();
    ok(
        d.world.send(EXECUTOR, d.tokenizer, &reserve_call(1, BOB)),
        "reserve",
    )
    .unwrap();
    let uid = d.attest_claim(OWNER, BOB, 1, 0, U256::from(2)).unwrap();
    ok(
        d.world.send(BOB, d.tokenizer, &claim_call(1, 0, uid)),
        "claim",
    )
    .unwrap();
    let id = U256::from(1);
    let approve = approveCall {
        to: CAROL,
        tokenId: id,
    };
    let r = d
        .world
        .raw(FORWARDER, d.tokenizer, &relayed(&approve, BOB), U256::ZERO);
    let r = ok(r, "relayed approve").unwrap();
    assert_eq!(
        events::<Approval>(&r.logs),
        vec![Approval {
            owner: BOB,
            approved: CAROL,
            tokenId: id
        }]
    );
    let move_to = |to: Address| transferFromCall {
        from: BOB,
        to,
        tokenId: id,
    };
    // Owner appending Bob's address acts for itself.
    let r = d.world.raw(
        OWNER,
        d.tokenizer,
        &relayed(&move_to(OWNER), BOB),
        U256::ZERO,
    );
    assert_reverted_with(
        &r,
        &ERC721InsufficientApproval {
            operator: OWNER,
            tokenId: id,
        },
    );
    // Carol, approved by Bob's relayed call, moves the token through the forwarder.
    let r = d.world.raw(
        FORWARDER,
        d.tokenizer,
        &relayed(&move_to(CAROL), CAROL),
        U256::ZERO,
    );
    let r = ok(r, "relayed transferFrom").unwrap();
    assert_eq!(
        events::<Transfer>(&r.logs),
        vec![Transfer {
            from: BOB,
            to: CAROL,
            tokenId: id
        }]
    );
    assert_eq!(
        d.world.view(d.tokenizer, &ownerOfCall { tokenId: id })._0,
        CAROL
    );
}

/// D7 through the shipped Shares router: ERC-20 `transfer` from the trusted forwarder acts for
/// the appended sender; the same suffix from anyone else is ignored.
#[test]
fn relayed_erc20_transfer_acts_for_the_appended_sender() {
    let mut d = setup_shares_forwarded(FORWARDER).unwrap();
    d.register(1).unwrap();
    ok(
        d.world
            .send(EXECUTOR, d.tokenizer, &shares::reserve_call(1, BOB, 600)),
        "reserve",
    )
    .unwrap();
    let uid = d.attest_claim(OWNER, BOB, 1, 0, U256::from(2)).unwrap();
    ok(
        d.world.send(BOB, d.tokenizer, &claim_call(1, 0, uid)),
        "claim",
    )
    .unwrap();
    let send = transferCall {
        to: CAROL,
        value: U256::from(150),
    };
    let r = d
        .world
        .raw(OWNER, d.tokenizer, &relayed(&send, BOB), U256::ZERO);
    assert_reverted_with(
        &r,
        &ERC20InsufficientBalance {
            sender: OWNER,
            balance: U256::ZERO,
            needed: U256::from(150),
        },
    );
    let r = d
        .world
        .raw(FORWARDER, d.tokenizer, &relayed(&send, BOB), U256::ZERO);
    let r = ok(r, "relayed transfer").unwrap();
    assert_eq!(
        events::<shares::Transfer>(&r.logs),
        vec![shares::Transfer {
            from: BOB,
            to: CAROL,
            value: U256::from(150)
        }]
    );
    assert_eq!(
        d.world
            .view(d.tokenizer, &balanceOfCall { account: CAROL })
            ._0,
        U256::from(150)
    );
}

#[test]
#[ignore = "prints the gas rows; the report is docs/gas.md"]
fn print_gas_rows() {
    for r in integra_tests::gas::tokenizer_rows().unwrap() {
        println!(
            "{}: {} (intrinsic {}, entry {})",
            r.operation, r.gas, r.intrinsic, r.entry
        );
    }
}
