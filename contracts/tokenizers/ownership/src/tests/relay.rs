//! D7 (spec 10 §5): the ERC-721 transfer and approval functions act for the ERC-2771 sender of
//! a call from the trusted forwarder, with OpenZeppelin's checks and errors; a suffix from
//! anyone else, or under a zero forwarder, is ignored.
use super::*;

/// `calldata ‖ sender`: what the forwarder sends.
fn relayed(call: &impl SolCall, sender: Address) -> Vec<u8> {
    let mut data = call.abi_encode();
    data.extend_from_slice(sender.as_slice());
    data
}

/// The contract's last event is exactly `event`.
fn assert_last<E: SolEvent + Debug>(tok: &Contract<OwnershipTokenizer>, event: &E) {
    assert_eq!(
        tok.all_events().last(),
        Some(&event.encode_log_data()),
        "last event {event:?}"
    );
}

fn from_to(from: Address, to: Address, id: u8) -> transferFromCall {
    transferFromCall {
        from,
        to,
        tokenId: U256::from(id),
    }
}

impl World<'_> {
    /// Routes `data` from `from` and reverts the contract's state when it fails.
    fn send(&self, from: Address, data: Vec<u8>) -> ArbResult {
        self.call(from, &data).motsu_res()
    }

    /// Registers, reserves and claims records `1..=n` for `holder`; token ids are `1..=n`.
    fn mint_to(&self, owner: Address, holder: Address, n: u8) {
        for i in 1..=n {
            self.register(owner, i);
            self.reserve(owner, i, holder).unwrap();
            let a = self.attest(holder, i, CORE_CLAIM, U256::ZERO);
            self.claim(holder, i, U256::ZERO, a).unwrap();
        }
    }

    fn owner_of(&self, id: u8) -> Address {
        self.view(&ownerOfCall {
            tokenId: U256::from(id),
        })
        ._0
    }

    fn held(&self, a: Address) -> Vec<U256> {
        self.view(&B::tokensOfCall { account: a }).tokenIds
    }
}

#[motsu::test]
fn forwarder_relays_transfer_from_for_the_appended_sender(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
    carol: Address,
    eve: Address,
) {
    let w = deploy(&tok, &reg, &comp, &prov, gov);
    w.mint_to(owner, bob, 2);
    // An unauthorized relayed sender: OpenZeppelin's error for the sender, not the forwarder.
    assert_error(
        w.send(FORWARDER, relayed(&from_to(bob, eve, 1), eve)),
        ERC721InsufficientApproval {
            operator: eve,
            tokenId: one(),
        },
    );
    // The owner's relayed transfer.
    w.send(FORWARDER, relayed(&from_to(bob, carol, 1), bob))
        .unwrap();
    assert_last(
        &tok,
        &Transfer {
            from: bob,
            to: carol,
            tokenId: one(),
        },
    );
    assert_eq!(w.owner_of(1), carol);
    assert_eq!(w.held(carol), vec![one()]);
    assert_eq!(w.held(bob), vec![U256::from(2)]);
    // The rest of OpenZeppelin's checks, in its order.
    assert_error(
        w.send(FORWARDER, relayed(&from_to(carol, Address::ZERO, 1), carol)),
        ERC721InvalidReceiver {
            receiver: Address::ZERO,
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&from_to(bob, eve, 1), carol)),
        ERC721IncorrectOwner {
            sender: bob,
            tokenId: one(),
            owner: carol,
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&from_to(bob, eve, 9), bob)),
        ERC721NonexistentToken {
            tokenId: U256::from(9),
        },
    );
    // A zero relayed sender is refused like any unauthorized operator (OpenZeppelin's internal
    // `_update` would skip the check for a zero `auth`).
    assert_error(
        w.send(FORWARDER, relayed(&from_to(carol, eve, 1), Address::ZERO)),
        ERC721InsufficientApproval {
            operator: Address::ZERO,
            tokenId: one(),
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&from_to(bob, eve, 9), Address::ZERO)),
        ERC721NonexistentToken {
            tokenId: U256::from(9),
        },
    );
    assert_eq!(w.owner_of(1), carol);
}

#[motsu::test]
fn forwarder_relays_approvals_for_the_appended_sender(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
    carol: Address,
    dave: Address,
    eve: Address,
) {
    let w = deploy(&tok, &reg, &comp, &prov, gov);
    w.mint_to(owner, bob, 2);
    let approve = |to: Address, id: u8| approveCall {
        to,
        tokenId: U256::from(id),
    };
    // approve: the relayed sender must own the token or operate for its owner.
    assert_error(
        w.send(FORWARDER, relayed(&approve(eve, 1), eve)),
        ERC721InvalidApprover { approver: eve },
    );
    assert_error(
        w.send(FORWARDER, relayed(&approve(eve, 1), Address::ZERO)),
        ERC721InvalidApprover {
            approver: Address::ZERO,
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&approve(eve, 9), Address::ZERO)),
        ERC721NonexistentToken {
            tokenId: U256::from(9),
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&approve(eve, 9), bob)),
        ERC721NonexistentToken {
            tokenId: U256::from(9),
        },
    );
    w.send(FORWARDER, relayed(&approve(carol, 1), bob)).unwrap();
    assert_last(
        &tok,
        &Approval {
            owner: bob,
            approved: carol,
            tokenId: one(),
        },
    );
    assert_eq!(w.view(&getApprovedCall { tokenId: one() })._0, carol);
    // The approved account transfers through the forwarder; the approval is cleared.
    w.send(FORWARDER, relayed(&from_to(bob, dave, 1), carol))
        .unwrap();
    assert_last(
        &tok,
        &Transfer {
            from: bob,
            to: dave,
            tokenId: one(),
        },
    );
    assert_eq!(
        w.view(&getApprovedCall { tokenId: one() })._0,
        Address::ZERO
    );
    // setApprovalForAll for the relayed owner; the operator then approves and transfers.
    let approve_all =
        |operator: Address, approved: bool| setApprovalForAllCall { operator, approved };
    assert_error(
        w.send(FORWARDER, relayed(&approve_all(Address::ZERO, true), bob)),
        ERC721InvalidOperator {
            operator: Address::ZERO,
        },
    );
    w.send(FORWARDER, relayed(&approve_all(eve, true), bob))
        .unwrap();
    assert_last(
        &tok,
        &ApprovalForAll {
            owner: bob,
            operator: eve,
            approved: true,
        },
    );
    assert!(
        w.view(&isApprovedForAllCall {
            owner: bob,
            operator: eve
        })
        ._0
    );
    assert!(
        !w.view(&isApprovedForAllCall {
            owner: FORWARDER,
            operator: eve
        })
        ._0
    );
    w.send(FORWARDER, relayed(&approve(carol, 2), eve)).unwrap();
    assert_last(
        &tok,
        &Approval {
            owner: bob,
            approved: carol,
            tokenId: U256::from(2),
        },
    );
    w.send(FORWARDER, relayed(&approve_all(eve, false), bob))
        .unwrap();
    assert_last(
        &tok,
        &ApprovalForAll {
            owner: bob,
            operator: eve,
            approved: false,
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&from_to(bob, eve, 2), eve)),
        ERC721InsufficientApproval {
            operator: eve,
            tokenId: U256::from(2),
        },
    );
}

#[motsu::test]
fn forwarder_relays_safe_transfers_with_the_sender_as_operator(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    wallet: Contract<Receiver>,
    gov: Address,
    owner: Address,
    bob: Address,
    eve: Address,
) {
    let w = deploy(&tok, &reg, &comp, &prov, gov);
    w.mint_to(owner, bob, 2);
    let r = wallet.address();
    let safe = |from: Address, to: Address, id: u8| safeTransferFrom_1Call {
        from,
        to,
        tokenId: U256::from(id),
    };
    assert_error(
        w.send(FORWARDER, relayed(&safe(bob, r, 1), eve)),
        ERC721InsufficientApproval {
            operator: eve,
            tokenId: one(),
        },
    );
    // A rejecting receiver reverts the relayed transfer.
    wallet.sender(owner).set_mode(mode::REJECT);
    assert_error(
        w.send(FORWARDER, relayed(&safe(bob, r, 1), bob)),
        ERC721InvalidReceiver { receiver: r },
    );
    wallet.sender(owner).set_mode(mode::ACCEPT);
    w.send(FORWARDER, relayed(&safe(bob, r, 1), bob)).unwrap();
    assert_last(
        &tok,
        &Transfer {
            from: bob,
            to: r,
            tokenId: one(),
        },
    );
    // The receiver sees the relayed sender as the operator, not the forwarder.
    assert_eq!(wallet.sender(owner).last_operator_and_from(), (bob, bob));
    assert_eq!(w.held(r), vec![one()]);
    // With data, by an operator of the owner.
    w.send(
        FORWARDER,
        relayed(
            &setApprovalForAllCall {
                operator: eve,
                approved: true,
            },
            bob,
        ),
    )
    .unwrap();
    let with_data = safeTransferFrom_0Call {
        from: bob,
        to: r,
        tokenId: U256::from(2),
        data: vec![1, 2, 3].into(),
    };
    w.send(FORWARDER, relayed(&with_data, eve)).unwrap();
    assert_last(
        &tok,
        &Transfer {
            from: bob,
            to: r,
            tokenId: U256::from(2),
        },
    );
    assert_eq!(wallet.sender(owner).last_operator_and_from(), (eve, bob));
    assert_eq!(w.owner_of(2), r);
    assert!(w.held(bob).is_empty());
}

#[motsu::test]
fn suffix_from_anyone_but_the_forwarder_is_ignored(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
    carol: Address,
    eve: Address,
) {
    let w = deploy(&tok, &reg, &comp, &prov, gov);
    w.mint_to(owner, bob, 1);
    // Eve appends Bob's address: she acts for herself.
    assert_error(
        w.send(eve, relayed(&from_to(bob, eve, 1), bob)),
        ERC721InsufficientApproval {
            operator: eve,
            tokenId: one(),
        },
    );
    assert_error(
        w.send(
            eve,
            relayed(
                &approveCall {
                    to: eve,
                    tokenId: one(),
                },
                bob,
            ),
        ),
        ERC721InvalidApprover { approver: eve },
    );
    w.send(
        eve,
        relayed(
            &setApprovalForAllCall {
                operator: carol,
                approved: true,
            },
            bob,
        ),
    )
    .unwrap();
    assert_last(
        &tok,
        &ApprovalForAll {
            owner: eve,
            operator: carol,
            approved: true,
        },
    );
    assert!(
        !w.view(&isApprovedForAllCall {
            owner: bob,
            operator: carol
        })
        ._0
    );
    // Bob appending Eve's address still transfers as Bob.
    w.send(bob, relayed(&from_to(bob, carol, 1), eve)).unwrap();
    assert_last(
        &tok,
        &Transfer {
            from: bob,
            to: carol,
            tokenId: one(),
        },
    );
    // The forwarder's own call (no suffix) is read as ERC-2771 too: its last 20 bytes (here
    // the token id's) are the sender, which is not authorized.
    assert_error(
        w.send(FORWARDER, from_to(carol, bob, 1).abi_encode()),
        ERC721InsufficientApproval {
            operator: Address::from_slice(&one().to_be_bytes::<32>()[12..]),
            tokenId: one(),
        },
    );
    assert_eq!(w.owner_of(1), carol);
}

#[motsu::test]
fn zero_forwarder_relays_nothing(
    tok: Contract<OwnershipTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
    carol: Address,
) {
    let chain = deploy_registries(&reg, &comp, &prov, gov, tok.address());
    let config = Config {
        trusted_forwarder: Address::ZERO,
        ..config(gov, reg.address(), comp.address())
    };
    tok.sender(gov)
        .constructor("Deeds", "DEED", &config)
        .unwrap();
    let w = World {
        tok: &tok,
        reg: &reg,
        chain,
    };
    assert_eq!(w.view(&B::trustedForwarderCall {})._0, Address::ZERO);
    w.mint_to(owner, bob, 1);
    // Even a call "from" the zero address is not read as forwarded.
    assert_error(
        w.send(Address::ZERO, relayed(&from_to(bob, carol, 1), bob)),
        ERC721InsufficientApproval {
            operator: Address::ZERO,
            tokenId: one(),
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&from_to(bob, carol, 1), bob)),
        ERC721InsufficientApproval {
            operator: FORWARDER,
            tokenId: one(),
        },
    );
    w.send(bob, relayed(&from_to(bob, carol, 1), carol))
        .unwrap();
    assert_last(
        &tok,
        &Transfer {
            from: bob,
            to: carol,
            tokenId: one(),
        },
    );
}
