//! `IntegraExecutor`'s WASM artifact relaying to the document registry's artifact, which trusts
//! it as its ERC-2771 forwarder (see `integra_tests::executor`): signed registrations and
//! transfers act for the signer, a replay and an expired request are refused, the gas the user
//! signed for is enforced, the executor's ETH cannot be spent, and an empty revert becomes
//! `ExecutionFailed(target, "")`.

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::SolCall;
use integra_tests::docreg::{
    getDocumentOwnerCall, register_call, transferDocumentOwnershipCall,
    DocumentOwnershipTransferred, PrimaryResolverCalled, GOVERNOR,
};
use integra_tests::executor::{
    executeCall, executeOperationCall, recovered, setSelectorAllowedCall, setTargetAllowedCall,
    setup, ExecutionFailed, ExpiredRequest, InsufficientGas, InvalidSigner, Key, OperationExecuted,
    Relayed, RELAYER,
};
use integra_tests::{assert_reverted_with, events};
use stylus_vm::{Status, Tx};

alloy_sol_types::sol! {
    function authorizeDocumentExecutor(bytes32 integraHash, address executor);
}

const GAS: u64 = 400_000;

fn world() -> Relayed {
    setup().expect("executor world deploys")
}

fn owner(r: &mut Relayed, n: u8) -> Address {
    let registry = r.docs.registry;
    r.docs
        .world
        .view(
            registry,
            &getDocumentOwnerCall {
                integraHash: B256::repeat_byte(n),
            },
        )
        ._0
}

#[test]
fn signed_registration_and_transfer_are_the_signers_and_a_replay_is_refused() {
    let mut r = world();
    let (registry, executor) = (r.docs.registry, r.executor);
    let alice = Key::new(1);
    let bob = Key::new(2);
    let req = r.signed(&alice, register_call(1).abi_encode(), GAS);
    let call = executeCall { req: req.clone() };
    let receipt = r.docs.world.send(RELAYER, executor, &call);
    assert_eq!(receipt.status, Status::Success, "{:?}", receipt.trap);
    let out = executeCall::abi_decode_returns(&receipt.output, true).unwrap();
    assert_eq!(out.result.to_vec(), B256::repeat_byte(1).to_vec());
    assert_eq!(owner(&mut r, 1), alice.address);
    // The contact resolver's hook ran inside the relayed call.
    assert_eq!(events::<PrimaryResolverCalled>(&receipt.logs).len(), 1);
    let ran = events::<OperationExecuted>(&receipt.logs);
    assert_eq!(
        ran,
        vec![OperationExecuted {
            user: alice.address,
            target: registry,
            selector: integra_tests::docreg::registerDocumentCall::SELECTOR.into(),
            success: true,
            nonce: U256::ZERO,
            timestamp: U256::from(r.docs.world.vm.block().timestamp),
        }]
    );
    // The same request again: nonce 1 now, so it recovers someone else.
    let replay = r.docs.world.send(RELAYER, executor, &call);
    assert_reverted_with(
        &replay,
        &InvalidSigner {
            signer: recovered(r.digest_at(&req, 1), &req.signature),
            from: alice.address,
        },
    );
    let transfer = transferDocumentOwnershipCall {
        integraHash: B256::repeat_byte(1),
        newOwner: bob.address,
        reason: "Transfer ownership".into(),
    };
    let req = r.signed(&alice, transfer.abi_encode(), GAS);
    let t = r
        .docs
        .world
        .send(RELAYER, executor, &executeCall { req: req.clone() });
    assert_eq!(t.status, Status::Success, "{:?}", t.trap);
    assert_eq!(owner(&mut r, 1), bob.address);
    let moved = events::<DocumentOwnershipTransferred>(&t.logs);
    assert_eq!(
        (moved[0].oldOwner, moved[0].newOwner),
        (alice.address, bob.address)
    );
    // Replaying the transfer after bob owns the record is refused by the executor, not the
    // registry.
    let again = r
        .docs
        .world
        .send(RELAYER, executor, &executeCall { req: req.clone() });
    assert_reverted_with(
        &again,
        &InvalidSigner {
            signer: recovered(r.digest_at(&req, 2), &req.signature),
            from: alice.address,
        },
    );
}

#[test]
fn expired_request_is_refused_once_time_passes_the_deadline() {
    let mut r = world();
    let executor = r.executor;
    let alice = Key::new(1);
    let req = r.signed(&alice, register_call(1).abi_encode(), GAS);
    let deadline = req.deadline;
    r.docs.world.vm.block_mut().timestamp = deadline.to::<u64>() + 1;
    assert_reverted_with(
        &r.docs
            .world
            .send(RELAYER, executor, &executeCall { req: req.clone() }),
        &ExpiredRequest { deadline },
    );
    // At the deadline itself it still runs.
    r.docs.world.vm.block_mut().timestamp = deadline.to::<u64>();
    let ok = r.docs.world.send(RELAYER, executor, &executeCall { req });
    assert_eq!(ok.status, Status::Success, "{:?}", ok.trap);
}

#[test]
fn relayer_must_supply_the_gas_the_user_signed_for() {
    let mut r = world();
    let executor = r.executor;
    let alice = Key::new(1);
    let req = r.signed(&alice, register_call(1).abi_encode(), 1_000_000);
    let data = executeCall { req: req.clone() }.abi_encode();
    let starved = r
        .docs
        .world
        .vm
        .transact(&Tx {
            from: RELAYER,
            to: executor,
            data: data.clone(),
            gas_limit: 700_000,
            ..Tx::default()
        })
        .unwrap();
    assert_reverted_with(&starved, &InsufficientGas {});
    let fed = r
        .docs
        .world
        .vm
        .transact(&Tx {
            from: RELAYER,
            to: executor,
            data,
            gas_limit: 2_000_000,
            ..Tx::default()
        })
        .unwrap();
    assert_eq!(fed.status, Status::Success, "{:?}", fed.trap);
    // A user who signs too little gas gets a failed call, not a partial registration.
    let req = r.signed(&alice, register_call(2).abi_encode(), 20_000);
    let short = r.docs.world.send(RELAYER, executor, &executeCall { req });
    assert_eq!(short.status, Status::Revert);
    assert_eq!(
        &short.output[..4],
        &<ExecutionFailed as alloy_sol_types::SolError>::SELECTOR
    );
    assert_eq!(owner(&mut r, 2), Address::ZERO);
}

#[test]
fn executor_eth_cannot_be_moved() {
    let mut r = world();
    let (registry, executor) = (r.docs.registry, r.executor);
    let balance = U256::from(5_000_000_000_000_000_000u128);
    r.docs.world.vm.state_mut().set_balance(executor, balance);
    r.docs.world.vm.state_mut().set_balance(RELAYER, balance);
    // No receive, no fallback, no payable function.
    let plain = r.docs.world.raw(RELAYER, executor, &[], U256::from(1));
    assert_eq!((plain.status, plain.output.len()), (Status::Revert, 0));
    let alice = Key::new(1);
    let req = r.signed(&alice, register_call(1).abi_encode(), GAS);
    let with_value = r.docs.world.raw(
        RELAYER,
        executor,
        &executeCall { req: req.clone() }.abi_encode(),
        U256::from(1),
    );
    assert_eq!(
        (with_value.status, with_value.output.len()),
        (Status::Revert, 0)
    );
    // Mode A into the payable registerDocument: the registry receives nothing.
    let op = executeOperationCall {
        target: registry,
        data: register_call(2).abi_encode().into(),
    };
    let done = r.docs.world.send(GOVERNOR, executor, &op);
    assert_eq!(done.status, Status::Success, "{:?}", done.trap);
    assert_eq!(owner(&mut r, 2), executor);
    let ok = r.docs.world.send(RELAYER, executor, &executeCall { req });
    assert_eq!(ok.status, Status::Success, "{:?}", ok.trap);
    assert_eq!(r.docs.world.vm.state().balance(&executor), balance);
    assert_eq!(r.docs.world.vm.state().balance(&registry), U256::ZERO);
}

#[test]
fn target_failing_without_data_is_execution_failed_with_empty_data() {
    let mut r = world();
    let executor = r.executor;
    // An account with EVM bytecode: the executor cannot run it, the call fails without data.
    let evm = Address::repeat_byte(0xe7);
    r.docs
        .world
        .vm
        .state_mut()
        .set_code(evm, vec![0x60, 0x00, 0x60, 0x00, 0xfd].into());
    for c in [
        setTargetAllowedCall {
            target: evm,
            allowed: true,
        }
        .abi_encode(),
        setSelectorAllowedCall {
            target: evm,
            selector: [1, 2, 3, 4].into(),
            allowed: true,
        }
        .abi_encode(),
    ] {
        let ok = r.docs.world.raw(GOVERNOR, executor, &c, U256::ZERO);
        assert_eq!(ok.status, Status::Success);
    }
    let op = executeOperationCall {
        target: evm,
        data: vec![1, 2, 3, 4].into(),
    };
    assert_reverted_with(
        &r.docs.world.send(GOVERNOR, executor, &op),
        &ExecutionFailed {
            target: evm,
            data: Vec::new().into(),
        },
    );
}

#[test]
fn per_document_executor_mode_a_transfers_for_the_owner() {
    let mut r = world();
    let (registry, executor) = (r.docs.registry, r.executor);
    let alice = integra_tests::docreg::ALICE;
    let bob = integra_tests::docreg::BOB;
    let reg = r.docs.world.send(alice, registry, &register_call(1));
    assert_eq!(reg.status, Status::Success, "{:?}", reg.trap);
    // Not in `approvedExecutors`: the registry asks `isLegitimateExecutor()` with 30,000 gas,
    // which the executor's uncached entry must fit in.
    let authorize = authorizeDocumentExecutorCall {
        integraHash: B256::repeat_byte(1),
        executor,
    };
    let a = r.docs.world.send(alice, registry, &authorize);
    assert_eq!(a.status, Status::Success, "{:?} {:?}", a.output, a.trap);
    // Mode A: the registry sees the executor (its own address as suffix), the record's
    // authorized executor, and lets it transfer.
    let op = executeOperationCall {
        target: registry,
        data: transferDocumentOwnershipCall {
            integraHash: B256::repeat_byte(1),
            newOwner: bob,
            reason: "by executor".into(),
        }
        .abi_encode()
        .into(),
    };
    let t = r.docs.world.send(GOVERNOR, executor, &op);
    assert_eq!(t.status, Status::Success, "{:?} {:?}", t.output, t.trap);
    assert_eq!(owner(&mut r, 1), bob);
    let ran = events::<OperationExecuted>(&t.logs);
    assert_eq!((ran[0].user, ran[0].nonce), (GOVERNOR, U256::ZERO));
}
