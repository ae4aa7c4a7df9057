//! `IntegraDocumentRegistry`'s WASM artifact in the executor, with the real `IntegraRegistry` and
//! `SimpleContactResolver` (see `integra_tests::docreg`): registration with the primary hook,
//! transfer, a 50-record batch, and the 180-day emergency window (time is settable here, unlike
//! in motsu).

use alloy_primitives::B256;
use integra_tests::docreg::{
    batch_call, ok, register_call, setup, Deployed, DocumentOwnershipTransferred,
    EmergencyPowersExpired, PrimaryResolverCalled, Unauthorized, ALICE, BOB, EMERGENCY, GOVERNOR,
};
use integra_tests::docreg::{
    emergencyDisableFeesCall, emergencyUnlockResolversCall, getContactEndpointCall,
    getDocumentOwnerCall, lockResolversCall, setContactURLCall, transferDocumentOwnershipCall,
};
use integra_tests::{assert_reverted_with, events};

fn world() -> Deployed {
    setup().expect("document registry world deploys")
}

#[test]
fn registration_calls_the_contact_resolver_and_transfer_moves_the_record() {
    let Deployed {
        mut world,
        registry,
        contact,
    } = world();
    let r = ok(world.send(ALICE, registry, &register_call(1)), "register").unwrap();
    assert_eq!(events::<PrimaryResolverCalled>(&r.logs).len(), 1);
    let h = B256::repeat_byte(1);
    assert_eq!(
        world
            .view(registry, &getDocumentOwnerCall { integraHash: h })
            ._0,
        ALICE
    );
    // The resolver reads the owner from the registry.
    let set = setContactURLCall {
        integraHash: h,
        encryptedURL: "0xc1pher".into(),
    };
    ok(world.send(ALICE, contact, &set), "setContactURL").unwrap();
    let transfer = transferDocumentOwnershipCall {
        integraHash: h,
        newOwner: BOB,
        reason: "Transfer ownership".into(),
    };
    let t = ok(world.send(ALICE, registry, &transfer), "transfer").unwrap();
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
    let back = transferDocumentOwnershipCall {
        integraHash: h,
        newOwner: ALICE,
        reason: String::new(),
    };
    assert_reverted_with(
        &world.send(ALICE, registry, &back),
        &Unauthorized {
            caller: ALICE,
            integraHash: h,
        },
    );
}

#[test]
fn batch_registers_fifty_records_with_hooks() {
    let Deployed {
        mut world,
        registry,
        ..
    } = world();
    let r = ok(world.send(ALICE, registry, &batch_call(50)), "batch").unwrap();
    assert_eq!(events::<PrimaryResolverCalled>(&r.logs).len(), 50);
    for n in 1..=50 {
        let owner = world
            .view(
                registry,
                &getDocumentOwnerCall {
                    integraHash: B256::repeat_byte(n),
                },
            )
            ._0;
        assert_eq!(owner, ALICE);
    }
}

#[test]
fn emergency_powers_expire_after_180_days() {
    let Deployed {
        mut world,
        registry,
        ..
    } = world();
    ok(world.send(ALICE, registry, &register_call(1)), "register").unwrap();
    let h = B256::repeat_byte(1);
    ok(
        world.send(ALICE, registry, &lockResolversCall { integraHash: h }),
        "lock",
    )
    .unwrap();
    let deployed_at = world.vm.block().timestamp;
    let unlock = |j: &str| emergencyUnlockResolversCall {
        integraHash: h,
        justification: j.into(),
    };
    // One second before expiry the emergency address may still act.
    world.vm.block_mut().timestamp = deployed_at + 180 * 86_400 - 1;
    ok(
        world.send(EMERGENCY, registry, &unlock("court order")),
        "unlock",
    )
    .unwrap();
    ok(
        world.send(ALICE, registry, &lockResolversCall { integraHash: h }),
        "lock",
    )
    .unwrap();
    // From expiry on it may not; the governor still may.
    world.vm.block_mut().timestamp = deployed_at + 180 * 86_400;
    assert_reverted_with(
        &world.send(EMERGENCY, registry, &unlock("late")),
        &EmergencyPowersExpired {},
    );
    let fees = emergencyDisableFeesCall {
        justification: "late".into(),
    };
    assert_reverted_with(
        &world.send(EMERGENCY, registry, &fees),
        &EmergencyPowersExpired {},
    );
    ok(
        world.send(GOVERNOR, registry, &unlock("governance")),
        "governor unlock",
    )
    .unwrap();
}
