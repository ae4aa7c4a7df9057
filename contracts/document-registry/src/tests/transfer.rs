//! Ownership transfer, tokenizer association and identity extension (spec 02 §2.3).
use super::*;

#[motsu::test]
fn owner_transfers_and_the_executor_is_cleared(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
    bob: Address,
    executor: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.reg_as(alice)
        .register_document(
            alice,
            &Registration {
                executor,
                ..plain(1)
            },
        )
        .motsu_unwrap();
    w.reg_as(alice)
        .transfer_document_ownership(alice, h(1), bob, "sale")
        .motsu_unwrap();
    let r = w.reg_as(bob);
    assert_eq!(r.get_document_owner(h(1)), bob);
    assert_eq!(r.get_document_executor(h(1)), Address::ZERO);
    assert_eq!(r.executor_authorized_at(h(1)), 0);
    reg.assert_emitted(&DocumentExecutorRevoked {
        integraHash: h(1),
        executor,
        owner: alice,
        timestamp: now(),
    });
    reg.assert_emitted(&DocumentOwnershipTransferred {
        integraHash: h(1),
        oldOwner: alice,
        newOwner: bob,
        reason: s("sale"),
        timestamp: now(),
    });
    // Record fields other than the owner do not move.
    assert_eq!(r.get_document(h(1)).documentHash, doc(1));
    assert_eq!(r.get_document(h(1)).registeredAt, NOW);
}

#[motsu::test]
fn executor_may_transfer_and_associate_but_strangers_may_not(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
    bob: Address,
    executor: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.reg_as(alice)
        .register_document(
            alice,
            &Registration {
                executor,
                ..plain(1)
            },
        )
        .motsu_unwrap();
    let t = Address::repeat_byte(0x70);
    w.approve_tokenizer(t);
    assert_error(
        w.reg_as(bob)
            .transfer_document_ownership(bob, h(1), bob, "")
            .motsu_res(),
        Unauthorized {
            caller: bob,
            integraHash: h(1),
        },
    );
    assert_error(
        w.reg_as(bob)
            .associate_tokenizer(bob, h(1), t, B256::ZERO)
            .motsu_res(),
        Unauthorized {
            caller: bob,
            integraHash: h(1),
        },
    );
    // The executor's powers stop at the two delegated functions.
    assert_error(
        w.reg_as(executor)
            .set_identity_extension(executor, h(1), h(3))
            .motsu_res(),
        Unauthorized {
            caller: executor,
            integraHash: h(1),
        },
    );
    w.reg_as(executor)
        .associate_tokenizer(executor, h(1), t, h(0x9c))
        .motsu_unwrap();
    reg.assert_emitted(&TokenizerAssociated {
        integraHash: h(1),
        tokenizer: t,
        by: executor,
        processHash: h(0x9c),
        timestamp: now(),
    });
    w.reg_as(executor)
        .transfer_document_ownership(executor, h(1), bob, "escrow")
        .motsu_unwrap();
    assert_eq!(w.reg_as(bob).get_document_owner(h(1)), bob);
    // Cleared on transfer: the executor cannot act again.
    assert_error(
        w.reg_as(executor)
            .transfer_document_ownership(executor, h(1), alice, "")
            .motsu_res(),
        Unauthorized {
            caller: executor,
            integraHash: h(1),
        },
    );
}

#[motsu::test]
fn transfer_reverts_leave_state_unchanged(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    vetoer: Contract<TestResolver>,
    gov: Address,
    alice: Address,
    bob: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    assert_error(
        w.reg_as(alice)
            .transfer_document_ownership(alice, h(9), bob, "")
            .motsu_res(),
        DocumentNotRegistered { integraHash: h(9) },
    );
    w.add_resolver(rid("V"), vetoer.address());
    w.reg_as(alice)
        .register_document(
            alice,
            &Registration {
                primary_resolver_id: rid("V"),
                ..plain(1)
            },
        )
        .motsu_unwrap();
    let t = |to: Address| {
        w.reg_as(alice)
            .transfer_document_ownership(alice, h(1), to, "")
            .motsu_res()
    };
    assert_error(t(Address::ZERO), ZeroAddress {});
    assert_error(
        t(alice),
        AlreadyOwner {
            account: alice,
            integraHash: h(1),
        },
    );
    vetoer.sender(gov).configure(mode::SAY_NO, Address::ZERO);
    assert_error(
        t(bob),
        OwnershipRejectedByResolver {
            integraHash: h(1),
            resolverId: rid("V"),
            reason: s("blocked"),
        },
    );
    vetoer
        .sender(gov)
        .configure(mode::REVERT_REASON, Address::ZERO);
    assert_error(
        t(bob),
        PrimaryResolverCallFailed {
            integraHash: h(1),
            resolverId: rid("V"),
        },
    );
    assert_eq!(w.reg_as(alice).get_document_owner(h(1)), alice);
    vetoer.sender(gov).configure(mode::OK, Address::ZERO);
    t(bob).unwrap();
}

#[motsu::test]
fn malformed_can_own_answer_is_a_call_failure(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    malformed: Contract<Malformed>,
    gov: Address,
    alice: Address,
    bob: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.add_resolver(rid("M"), malformed.address());
    w.register(alice, 1);
    w.reg_as(alice)
        .set_primary_resolver(alice, h(1), rid("M"))
        .motsu_unwrap();
    assert_error(
        w.reg_as(alice)
            .transfer_document_ownership(alice, h(1), bob, "")
            .motsu_res(),
        PrimaryResolverCallFailed {
            integraHash: h(1),
            resolverId: rid("M"),
        },
    );
}

#[motsu::test]
fn tokenizer_is_set_once_and_must_be_approved(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.register(alice, 1);
    let (t1, t2) = (Address::repeat_byte(0x71), Address::repeat_byte(0x72));
    let a = |t: Address| {
        w.reg_as(alice)
            .associate_tokenizer(alice, h(1), t, B256::ZERO)
            .motsu_res()
    };
    assert_error(a(Address::ZERO), ZeroAddress {});
    assert_error(a(t1), TokenizerNotApproved { tokenizer: t1 });
    w.approve_tokenizer(t1);
    w.approve_tokenizer(t2);
    a(t1).unwrap();
    assert_eq!(w.reg_as(alice).get_tokenizer(h(1)), t1);
    assert_error(
        a(t2),
        TokenizerAlreadySet {
            integraHash: h(1),
            tokenizer: t1,
        },
    );
    // Revoking the approval does not unbind it.
    w.reg_as(gov)
        .set_tokenizer_approval(gov, t1, false)
        .unwrap();
    assert_eq!(w.reg_as(alice).get_tokenizer(h(1)), t1);
}

#[motsu::test]
fn identity_extension_is_owner_mutable(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
    bob: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.register(alice, 1);
    w.reg_as(alice)
        .set_identity_extension(alice, h(1), h(5))
        .motsu_unwrap();
    reg.assert_emitted(&IdentityExtensionUpdated {
        integraHash: h(1),
        oldExtension: B256::ZERO,
        newExtension: h(5),
        timestamp: now(),
    });
    assert_eq!(w.reg_as(alice).get_document(h(1)).identityExtension, h(5));
    assert_error(
        w.reg_as(bob)
            .set_identity_extension(bob, h(1), h(6))
            .motsu_res(),
        Unauthorized {
            caller: bob,
            integraHash: h(1),
        },
    );
    assert_error(
        w.reg_as(gov)
            .set_identity_extension(gov, h(1), h(6))
            .motsu_res(),
        Unauthorized {
            caller: gov,
            integraHash: h(1),
        },
    );
    assert_error(
        w.reg_as(alice)
            .set_identity_extension(alice, h(2), h(6))
            .motsu_res(),
        DocumentNotRegistered { integraHash: h(2) },
    );
}
