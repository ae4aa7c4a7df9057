//! The document registry's hook rules (spec 03 §2, §6.1) with a misbehaving resolver's WASM
//! (`tests/test-resolver`), where motsu cannot show them: a resolver that burns all its gas in a
//! best-effort hook does not block the operation and costs at most its limit;
//! `InsufficientGasForResolvers` when the transaction leaves too little gas for a best-effort
//! hook; a primary that reverts with empty data (or burns its gas) blocks with
//! `PrimaryResolverCallFailed`; a hook re-entering a guarded write is refused by the reentrancy
//! guard while a view still reads current state.

use alloy_primitives::{keccak256, Address, B256, U256};
use alloy_sol_types::{sol, SolCall, SolError};
use integra_tests::docreg::{
    batch_call, ok, registerResolverCall, register_call, resolverRegistryCall, setup, Deployed,
    ALICE, BOB, GOVERNOR,
};
use integra_tests::docreg::{getDocumentOwnerCall, transferDocumentOwnershipCall};
use integra_tests::{assert_reverted_with, events};
use stylus_vm::{Status, Tx};

sol! {
    function configure(uint8 mode, address registry) external;
    function calls() external view returns (uint256);
    function reentryError() external view returns (bytes);
    function seenOwner() external view returns (address);
    function addAdditionalResolver(bytes32 integraHash, bytes32 resolverId) external;
    #[derive(Debug, PartialEq, Eq)]
    event AdditionalResolverFailed(bytes32 indexed integraHash, bytes32 indexed resolverId, string reason);
    #[derive(Debug, PartialEq, Eq)]
    event AdditionalResolverCalled(bytes32 indexed integraHash, bytes32 indexed resolverId, bytes4 selector);
    #[derive(Debug, PartialEq, Eq)]
    event PrimaryResolverFailed(bytes32 indexed integraHash, bytes32 indexed resolverId, string reason);
    #[derive(Debug, PartialEq, Eq)]
    error PrimaryResolverCallFailed(bytes32 integraHash, bytes32 resolverId);
    #[derive(Debug, PartialEq, Eq)]
    error InsufficientGasForResolvers();
    #[derive(Debug, PartialEq, Eq)]
    error ReentrancyGuardReentrantCall();
}

const OK: u8 = 0;
const BURN: u8 = 1;
const REVERT_EMPTY: u8 = 2;
const REENTER: u8 = 3;
/// The registry's default gas for an additional resolver's hook.
const ADDITIONAL_GAS: u64 = 100_000;

/// The document registry's world plus a test resolver registered as `TestResolver`.
struct Hooks {
    d: Deployed,
    resolver: Address,
    id: B256,
}

fn world() -> Hooks {
    let mut d = setup().expect("document registry world deploys");
    // No constructor: installed as is.
    let wasm = integra_tests::artifact("integra-test-resolver").expect("test resolver builds");
    let resolver = d
        .world
        .vm
        .deploy(GOVERNOR, &wasm)
        .expect("test resolver activates");
    let components = d.world.view(d.registry, &resolverRegistryCall {})._0;
    let id = keccak256("TestResolver");
    let register = registerResolverCall {
        resolverId: id,
        resolver,
        resolverType: "Test".into(),
        description: "misbehaves on request".into(),
    };
    ok(
        d.world.send(GOVERNOR, components, &register),
        "registerResolver",
    )
    .unwrap();
    Hooks { d, resolver, id }
}

impl Hooks {
    fn configure(&mut self, mode: u8) {
        let c = configureCall {
            mode,
            registry: self.d.registry,
        };
        ok(self.d.world.send(GOVERNOR, self.resolver, &c), "configure").unwrap();
    }

    /// Registers record `n` (contact resolver as primary) and attaches the test resolver as
    /// an additional resolver.
    fn with_additional(&mut self, n: u8) {
        let registry = self.d.registry;
        ok(
            self.d.world.send(ALICE, registry, &register_call(n)),
            "register",
        )
        .unwrap();
        let add = addAdditionalResolverCall {
            integraHash: B256::repeat_byte(n),
            resolverId: self.id,
        };
        ok(
            self.d.world.send(ALICE, registry, &add),
            "addAdditionalResolver",
        )
        .unwrap();
    }

    fn transfer(n: u8) -> transferDocumentOwnershipCall {
        transferDocumentOwnershipCall {
            integraHash: B256::repeat_byte(n),
            newOwner: BOB,
            reason: "Transfer ownership".into(),
        }
    }

    fn owner(&mut self, n: u8) -> Address {
        let registry = self.d.registry;
        self.d
            .world
            .view(
                registry,
                &getDocumentOwnerCall {
                    integraHash: B256::repeat_byte(n),
                },
            )
            ._0
    }
}

#[test]
fn gas_burning_additional_resolver_does_not_block_a_transfer() {
    let mut w = world();
    let registry = w.d.registry;
    w.with_additional(1);
    w.with_additional(2);
    let polite = ok(
        w.d.world.send(ALICE, registry, &Hooks::transfer(1)),
        "transfer",
    )
    .unwrap();
    assert_eq!(events::<AdditionalResolverCalled>(&polite.logs).len(), 1);
    w.configure(BURN);
    let burnt = ok(
        w.d.world.send(ALICE, registry, &Hooks::transfer(2)),
        "transfer",
    )
    .unwrap();
    assert_eq!(w.owner(2), BOB);
    assert_eq!(
        events::<AdditionalResolverFailed>(&burnt.logs),
        vec![AdditionalResolverFailed {
            integraHash: B256::repeat_byte(2),
            resolverId: w.id,
            reason: "Unknown error".into(),
        }]
    );
    // The burner takes its limit and no more.
    let extra = burnt.gas_used - polite.gas_used;
    assert!(
        extra <= ADDITIONAL_GAS && extra > ADDITIONAL_GAS / 2,
        "burn cost {extra} gas over a polite hook"
    );
}

#[test]
fn gas_burning_primary_in_a_batch_does_not_block_it() {
    let mut w = world();
    let registry = w.d.registry;
    w.configure(BURN);
    let mut batch = batch_call(2);
    batch.primaryResolverIds = vec![w.id; 2];
    let r = ok(w.d.world.send(ALICE, registry, &batch), "batch").unwrap();
    let failed = events::<PrimaryResolverFailed>(&r.logs);
    assert_eq!(failed.len(), 2);
    assert!(failed
        .iter()
        .all(|e| e.resolverId == w.id && e.reason == "Unknown error"));
    assert_eq!((w.owner(1), w.owner(2)), (ALICE, ALICE));
}

#[test]
fn too_little_gas_for_a_best_effort_hook_reverts_the_transfer() {
    let mut w = world();
    let registry = w.d.registry;
    w.with_additional(1);
    let data = Hooks::transfer(1).abi_encode();
    let send = |w: &mut Hooks, limit: u64| {
        w.d.world
            .vm
            .transact(&Tx {
                from: ALICE,
                to: registry,
                data: data.clone(),
                gas_limit: limit,
                ..Tx::default()
            })
            .unwrap()
    };
    // The smallest gas limit that succeeds (success is monotonic in the limit); each success is
    // undone for the next attempt.
    let (mut lo, mut hi) = (50_000u64, 1_000_000u64);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if send(&mut w, mid).status == Status::Success {
            hi = mid;
            let back = transferDocumentOwnershipCall {
                integraHash: B256::repeat_byte(1),
                newOwner: ALICE,
                reason: String::new(),
            };
            ok(w.d.world.send(BOB, registry, &back), "transfer back").unwrap();
        } else {
            lo = mid;
        }
    }
    // One gas less: the primary's hooks still ran, but the additional resolver cannot be given
    // its 100,000 gas (+ 1/63 + 10,000), so the transfer reverts rather than skip it.
    assert_reverted_with(&send(&mut w, hi - 1), &InsufficientGasForResolvers {});
    assert_eq!(w.owner(1), ALICE);
    assert_eq!(send(&mut w, hi).status, Status::Success);
    assert_eq!(w.owner(1), BOB);
}

#[test]
fn primary_reverting_without_data_or_burning_blocks_registration() {
    let mut w = world();
    let registry = w.d.registry;
    for mode in [REVERT_EMPTY, BURN] {
        w.configure(mode);
        let mut c = register_call(1);
        c.primaryResolverId = w.id;
        assert_reverted_with(
            &w.d.world.send(ALICE, registry, &c),
            &PrimaryResolverCallFailed {
                integraHash: B256::repeat_byte(1),
                resolverId: w.id,
            },
        );
        assert_eq!(w.owner(1), Address::ZERO);
    }
    w.configure(OK);
    let mut c = register_call(1);
    c.primaryResolverId = w.id;
    ok(w.d.world.send(ALICE, registry, &c), "register").unwrap();
    let resolver = w.resolver;
    assert_eq!(w.d.world.view(resolver, &callsCall {})._0, U256::from(1));
}

#[test]
fn hook_reentering_a_guarded_write_is_refused_but_views_read_current_state() {
    let mut w = world();
    let registry = w.d.registry;
    w.configure(REENTER);
    let mut c = register_call(1);
    c.primaryResolverId = w.id;
    ok(w.d.world.send(ALICE, registry, &c), "register").unwrap();
    let resolver = w.resolver;
    assert_eq!(
        w.d.world.view(resolver, &reentryErrorCall {})._0.to_vec(),
        ReentrancyGuardReentrantCall {}.abi_encode()
    );
    // Mid-registration the view already sees the new owner.
    assert_eq!(w.d.world.view(resolver, &seenOwnerCall {})._0, ALICE);
    // The refused write changed nothing.
    assert_eq!(w.owner(1), ALICE);
}
