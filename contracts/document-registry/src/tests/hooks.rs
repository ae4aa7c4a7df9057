//! Resolver hooks (spec 03 §2): blocking primaries, non-blocking additional resolvers and batch
//! primaries, unavailable resolvers, re-entry, and the real `SimpleContactResolver`.
use super::*;

fn error_string(reason: &str) -> Vec<u8> {
    integra_primitives::calls::calldata(
        integra_primitives::calls::ERROR_STRING_SELECTOR,
        &[reason.into()],
    )
}

#[motsu::test]
fn failing_primary_hook_reverts_registration_with_its_data(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    resolver: Contract<TestResolver>,
    gov: Address,
    alice: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.add_resolver(rid("R"), resolver.address());
    let r = Registration {
        primary_resolver_id: rid("R"),
        ..plain(1)
    };
    resolver
        .sender(gov)
        .configure(mode::REVERT_REASON, Address::ZERO);
    let err = w
        .reg_as(alice)
        .register_document(alice, &r)
        .motsu_res()
        .unwrap_err();
    assert_eq!(Vec::<u8>::from(err), error_string("nope"));
    assert!(!w.reg_as(alice).exists(h(1)));
    // (A revert without data becomes `PrimaryResolverCallFailed`; motsu 0.10 replaces empty
    // revert data with a message, so that branch is left to the WASM-level suite.)
    resolver.sender(gov).configure(mode::OK, Address::ZERO);
    w.reg_as(alice).register_document(alice, &r).motsu_unwrap();
}

#[motsu::test]
fn deactivated_primary_is_skipped_with_an_event(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    resolver: Contract<TestResolver>,
    gov: Address,
    alice: Address,
    bob: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.add_resolver(rid("R"), resolver.address());
    w.reg_as(alice)
        .register_document(
            alice,
            &Registration {
                primary_resolver_id: rid("R"),
                ..plain(1)
            },
        )
        .motsu_unwrap();
    comp.sender(gov).deactivate_resolver(rid("R")).unwrap();
    resolver.sender(gov).configure(mode::SAY_NO, Address::ZERO);
    // Fail-open: no veto, no hook.
    w.reg_as(alice)
        .transfer_document_ownership(alice, h(1), bob, "")
        .motsu_unwrap();
    reg.assert_emitted(&PrimaryResolverUnavailable {
        integraHash: h(1),
        resolverId: rid("R"),
    });
    assert_eq!(count::<PrimaryResolverUnavailable>(&reg), 1);
    assert_eq!(resolver.sender(gov).calls(), 1);
}

#[motsu::test]
fn additional_hook_failures_never_revert(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    good: Contract<TestResolver>,
    reverting: Contract<TestResolver>,
    silent: Contract<TestResolver>,
    gone: Contract<TestResolver>,
    gov: Address,
    alice: Address,
    bob: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    for (name, c) in [
        ("good", &good),
        ("reverting", &reverting),
        ("silent", &silent),
        ("gone", &gone),
    ] {
        w.add_resolver(rid(name), c.address());
    }
    reverting
        .sender(gov)
        .configure(mode::REVERT_REASON, Address::ZERO);
    silent
        .sender(gov)
        .configure(mode::REVERT_EMPTY, Address::ZERO);
    w.register(alice, 1);
    for name in ["reverting", "good", "silent", "gone"] {
        w.reg_as(alice)
            .add_additional_resolver(alice, h(1), rid(name))
            .motsu_unwrap();
    }
    comp.sender(gov).deactivate_resolver(rid("gone")).unwrap();
    w.reg_as(alice)
        .transfer_document_ownership(alice, h(1), bob, "sale")
        .motsu_unwrap();
    assert_eq!(w.reg_as(alice).get_document_owner(h(1)), bob);
    let sel: B32 = IDocumentResolver::onDocumentTransferredCall::SELECTOR.into();
    reg.assert_emitted(&AdditionalResolverFailed {
        integraHash: h(1),
        resolverId: rid("reverting"),
        reason: s("nope"),
    });
    reg.assert_emitted(&AdditionalResolverFailed {
        integraHash: h(1),
        resolverId: rid("silent"),
        reason: s("Unknown error"),
    });
    reg.assert_emitted(&AdditionalResolverCalled {
        integraHash: h(1),
        resolverId: rid("good"),
        selector: sel,
    });
    assert_eq!(count::<AdditionalResolverCalled>(&reg), 1);
    assert_eq!(count::<AdditionalResolverFailed>(&reg), 2);
    assert_eq!(gone.sender(gov).calls(), 0);
    // Primaries come first and block: the tokenizer association hooks.
    let t = Address::repeat_byte(0x70);
    w.approve_tokenizer(t);
    w.reg_as(bob)
        .associate_tokenizer(bob, h(1), t, h(0x9c))
        .motsu_unwrap();
    assert_eq!(good.sender(gov).calls(), 2);
}

#[motsu::test]
fn batch_primary_hooks_are_non_blocking(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    good: Contract<TestResolver>,
    bad: Contract<TestResolver>,
    gov: Address,
    alice: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.add_resolver(rid("good"), good.address());
    w.add_resolver(rid("bad"), bad.address());
    bad.sender(gov)
        .configure(mode::REVERT_REASON, Address::ZERO);
    let mut batch: Vec<BatchItem> = (1..4)
        .map(|n| BatchItem {
            integra_hash: h(n),
            document_hash: doc(n),
            primary_resolver_id: rid("good"),
            ..BatchItem::default()
        })
        .collect();
    batch[1].primary_resolver_id = rid("bad");
    w.reg_as(alice)
        .register_document_batch(alice, &batch, Address::ZERO, true)
        .motsu_unwrap();
    assert!(w.reg_as(alice).exists(h(2)));
    reg.assert_emitted(&PrimaryResolverFailed {
        integraHash: h(2),
        resolverId: rid("bad"),
        reason: s("nope"),
    });
    assert_eq!(count::<PrimaryResolverCalled>(&reg), 2);
    assert_eq!(good.sender(gov).calls(), 2);
    // The failed hook's own writes are undone.
    assert_eq!(bad.sender(gov).calls(), 0);
    bad.sender(gov).configure(mode::OK, Address::ZERO);
    // Without hooks nothing is called.
    let quiet: Vec<BatchItem> = (4..6)
        .map(|n| BatchItem {
            integra_hash: h(n),
            document_hash: doc(n),
            primary_resolver_id: rid("bad"),
            ..BatchItem::default()
        })
        .collect();
    w.reg_as(alice)
        .register_document_batch(alice, &quiet, Address::ZERO, false)
        .motsu_unwrap();
    assert_eq!(bad.sender(gov).calls(), 0);
    assert_eq!(count::<PrimaryResolverCalled>(&reg), 2);
}

#[motsu::test]
fn hooks_can_read_but_not_write_the_registry(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    resolver: Contract<TestResolver>,
    gov: Address,
    alice: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.add_resolver(rid("R"), resolver.address());
    resolver.sender(gov).configure(mode::REENTER, reg.address());
    w.reg_as(alice)
        .register_document(
            alice,
            &Registration {
                primary_resolver_id: rid("R"),
                ..plain(1)
            },
        )
        .motsu_unwrap();
    // The view saw the record written before the hook; the write was refused.
    assert_eq!(resolver.sender(gov).seen_owner(), alice);
    assert_eq!(
        resolver.sender(gov).reentry_error(),
        ReentrancyGuardReentrantCall {}.abi_encode()
    );
    assert_eq!(
        w.reg_as(alice).get_document(h(1)).identityExtension,
        B256::ZERO
    );
    // The guard is released afterwards.
    w.reg_as(alice)
        .set_identity_extension(alice, h(1), h(2))
        .motsu_unwrap();
}

#[motsu::test]
fn simple_contact_resolver_works_as_a_primary(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    contact: Contract<SimpleContactResolver>,
    gov: Address,
    alice: Address,
    bob: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    contact.sender(gov).constructor(Address::ZERO);
    contact.sender(gov).initialize(reg.address(), gov).unwrap();
    w.add_resolver(rid("SimpleContactResolver"), contact.address());
    w.reg_as(alice)
        .register_document(
            alice,
            &Registration {
                primary_resolver_id: rid("SimpleContactResolver"),
                ..plain(1)
            },
        )
        .motsu_unwrap();
    contact
        .sender(alice)
        .set_contact_url(alice, h(1), "0xciphertext")
        .motsu_unwrap();
    w.reg_as(alice)
        .transfer_document_ownership(alice, h(1), bob, "")
        .motsu_unwrap();
    assert_eq!(
        contact.sender(bob).get_contact_endpoint(h(1), "url"),
        "0xciphertext"
    );
    assert_eq!(count::<PrimaryResolverCalled>(&reg), 2);
    // The new owner may overwrite; the old one may not.
    assert!(contact
        .sender(alice)
        .set_contact_url(alice, h(1), "0xold")
        .motsu_res()
        .is_err());
    contact
        .sender(bob)
        .set_contact_url(bob, h(1), "0xnew")
        .motsu_unwrap();
}
