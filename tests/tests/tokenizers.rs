//! The Ownership tokenizer's WASM artifact in the executor with the real `IntegraRegistry` and
//! `IntegraDocumentRegistry`: reserve (named, by the executor; anonymous with a 64-byte label),
//! the owner-or-executor gate read from the registry, cancel, and a token id of another record.

use alloy_primitives::{B256, U256};
use integra_tests::tokenizers::{
    cancelReservationCall, getDocumentHashCall, getEncryptedLabelCall, integraHashToTokenIdCall,
    reserve_anonymous_call, reserve_call, setup, supportsInterfaceCall, Deployed,
    ReservationCancelled, TokenNotFound, TokenReserved, TokenReservedAnonymous, Unauthorized, BOB,
    EXECUTOR, OWNER,
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
