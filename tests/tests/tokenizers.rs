//! The Ownership tokenizer's WASM artifact in the executor with the real `IntegraRegistry`,
//! `IntegraDocumentRegistry`, EAS reproduction, `TokenClaimResolver` and
//! `EASAttestationProvider`: register, reserve (named by the executor; anonymous with a 64-byte
//! label), attest, claim, transfer, complete; the gate read from the registry; and the
//! reference's defects refused at the WASM level.

use alloy_primitives::{B256, U256};
use integra_tests::tokenizers::{
    cancelReservationCall, getDocumentHashCall, getEncryptedLabelCall, integraHashToTokenIdCall,
    reserve_anonymous_call, reserve_call, setup, supportsInterfaceCall, Deployed,
    ReservationCancelled, TokenNotFound, TokenReserved, TokenReservedAnonymous, Unauthorized, BOB,
    EXECUTOR, OWNER,
};
use integra_tests::tokenizers::{
    claim_call, isDocumentCompleteCall, ownerOfCall, tokensOfCall, transferFromCall, AlreadyMinted,
    AttestationTokenMismatch, DocumentComplete, RecipientMismatch, TokenClaimed, Transfer,
    WrongDocument, CAROL,
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
        h2
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
