//! Executor management (spec 02 §2.4, §4).
use super::*;

#[motsu::test]
fn owner_authorizes_revokes_and_replaces(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
    e1: Address,
    e2: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.register(alice, 1);
    let r = || w.reg_as(alice);
    assert_error(
        r().revoke_document_executor(alice, h(1)).motsu_res(),
        NoExecutorAuthorized { integraHash: h(1) },
    );
    assert_error(
        r().replace_document_executor(alice, h(1), e2).motsu_res(),
        NoExecutorAuthorized { integraHash: h(1) },
    );
    assert_error(
        r().authorize_document_executor(alice, h(1), Address::ZERO)
            .motsu_res(),
        ZeroAddress {},
    );
    assert_error(
        r().authorize_document_executor(alice, h(1), alice)
            .motsu_res(),
        CannotAuthorizeSelf { account: alice },
    );
    r().authorize_document_executor(alice, h(1), e1)
        .motsu_unwrap();
    reg.assert_emitted(&DocumentExecutorAuthorized {
        integraHash: h(1),
        executor: e1,
        owner: alice,
        isContract: false,
        timestamp: now(),
    });
    assert!(r().is_authorized_document_executor(h(1), e1));
    assert!(!r().is_authorized_document_executor(h(1), Address::ZERO));
    assert!(!r().is_authorized_document_executor(h(2), Address::ZERO));
    assert_error(
        r().authorize_document_executor(alice, h(1), e2).motsu_res(),
        ExecutorAlreadyAuthorized {
            integraHash: h(1),
            executor: e1,
        },
    );
    assert_error(
        r().replace_document_executor(alice, h(1), e1).motsu_res(),
        ExecutorAlreadyAuthorized {
            integraHash: h(1),
            executor: e1,
        },
    );
    r().replace_document_executor(alice, h(1), e2)
        .motsu_unwrap();
    reg.assert_emitted(&DocumentExecutorRevoked {
        integraHash: h(1),
        executor: e1,
        owner: alice,
        timestamp: now(),
    });
    assert_eq!(r().get_document_executor(h(1)), e2);
    r().revoke_document_executor(alice, h(1)).motsu_unwrap();
    reg.assert_emitted(&DocumentExecutorRevoked {
        integraHash: h(1),
        executor: e2,
        owner: alice,
        timestamp: now(),
    });
    assert_eq!(r().get_document_executor(h(1)), Address::ZERO);
    assert_eq!(r().executor_authorized_at(h(1)), 0);
}

#[motsu::test]
fn executor_management_is_owner_only(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    alice: Address,
    e1: Address,
    e2: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    w.reg_as(alice)
        .register_document(
            alice,
            &Registration {
                executor: e1,
                ..plain(1)
            },
        )
        .motsu_unwrap();
    let unauthorized = Unauthorized {
        caller: e1,
        integraHash: h(1),
    };
    assert_error(
        w.reg_as(e1).revoke_document_executor(e1, h(1)).motsu_res(),
        unauthorized.clone(),
    );
    assert_error(
        w.reg_as(e1)
            .replace_document_executor(e1, h(1), e2)
            .motsu_res(),
        unauthorized.clone(),
    );
    assert_error(
        w.reg_as(e1)
            .revoke_document_executor_batch(e1, &[h(1)])
            .motsu_res(),
        unauthorized,
    );
    assert_error(
        w.reg_as(gov)
            .authorize_document_executor(gov, h(2), e2)
            .motsu_res(),
        DocumentNotRegistered { integraHash: h(2) },
    );
}

#[motsu::test]
fn executor_batches_cover_fifty_records(
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    liar: Contract<TestResolver>,
    gov: Address,
    alice: Address,
    e1: Address,
) {
    let w = deploy(&reg, &comp, &sink, gov);
    for n in 1..52 {
        w.register(alice, n);
    }
    let hs: Vec<B256> = (1..51).map(h).collect();
    let r = || w.reg_as(alice);
    assert_error(
        r().authorize_document_executor_batch(alice, &[], e1)
            .motsu_res(),
        EmptyBatch {},
    );
    assert_error(
        r().authorize_document_executor_batch(alice, &(1..52).map(h).collect::<Vec<_>>(), e1)
            .motsu_res(),
        BatchTooLarge {
            size: U256::from(51),
            max: U256::from(50),
        },
    );
    liar.sender(gov).configure(mode::SAY_NO, Address::ZERO);
    assert_error(
        r().authorize_document_executor_batch(alice, &hs, liar.address())
            .motsu_res(),
        InvalidExecutorContract {
            executor: liar.address(),
            reason: s("Not legitimate"),
        },
    );
    // One item already set: the whole batch reverts.
    r().authorize_document_executor(alice, h(50), e1)
        .motsu_unwrap();
    assert_error(
        r().authorize_document_executor_batch(alice, &hs, e1)
            .motsu_res(),
        ExecutorAlreadyAuthorized {
            integraHash: h(50),
            executor: e1,
        },
    );
    assert_eq!(r().get_document_executor(h(1)), Address::ZERO);
    r().revoke_document_executor(alice, h(50)).motsu_unwrap();
    r().authorize_document_executor_batch(alice, &hs, e1)
        .motsu_unwrap();
    assert!(hs.iter().all(|x| r().get_document_executor(*x) == e1));
    // Revocation skips records without an executor.
    let mut mixed = hs[..49].to_vec();
    mixed.push(h(51));
    r().revoke_document_executor_batch(alice, &mixed)
        .motsu_unwrap();
    assert_eq!(r().get_document_executor(h(50)), e1);
    assert_eq!(r().get_document_executor(h(1)), Address::ZERO);
    assert_error(
        r().revoke_document_executor_batch(alice, &[]).motsu_res(),
        EmptyBatch {},
    );
}
