//! D7 (spec 10 §5): ERC-20 `transfer`, `transferFrom` and `approve` act for the ERC-2771 sender
//! of a call from the trusted forwarder, with OpenZeppelin's checks, errors and events; a
//! suffix from anyone else, or under a zero forwarder, is ignored.
use super::*;

const FORWARDER: Address = Address::repeat_byte(0xf0);

/// `calldata ‖ sender`: what the forwarder sends.
fn relayed(call: &impl SolCall, sender: Address) -> Vec<u8> {
    let mut data = call.abi_encode();
    data.extend_from_slice(sender.as_slice());
    data
}

/// The contract's last event is exactly `event`.
fn assert_last<E: SolEvent + Debug>(tok: &Contract<SharesTokenizer>, event: &E) {
    assert_eq!(
        tok.all_events().last(),
        Some(&event.encode_log_data()),
        "last event {event:?}"
    );
}

fn send_to(to: Address, value: u64) -> transferCall {
    transferCall {
        to,
        value: u(value),
    }
}

fn from_to(from: Address, to: Address, value: u64) -> transferFromCall {
    transferFromCall {
        from,
        to,
        value: u(value),
    }
}

fn approve(spender: Address, value: U256) -> approveCall {
    approveCall { spender, value }
}

impl World<'_> {
    /// Routes `data` from `from` and reverts the contract's state when it fails; a success
    /// returns ABI `true`.
    fn send(&self, from: Address, data: Vec<u8>) -> ArbResult {
        let out = self.call(from, &data).motsu_res()?;
        assert_eq!(out, u(1).to_be_bytes::<32>());
        Ok(out)
    }

    /// Record 1 reserved for and claimed by `holder`: `amount` shares.
    fn shares_to(&self, owner: Address, holder: Address, amount: u64) {
        self.register(owner, 1);
        self.reserve(owner, 1, holder, amount).unwrap();
        let a = self.attest(holder, 1, 0);
        self.claim(holder, 1, 0, a).unwrap();
    }

    fn balance(&self, a: Address) -> U256 {
        self.view(&balanceOfCall { account: a })._0
    }

    fn allowance(&self, owner: Address, spender: Address) -> U256 {
        self.view(&allowanceCall { owner, spender })._0
    }

    fn holders(&self) -> Vec<Address> {
        self.view(&B::getTokenInfoCall {
            integraHash: h(1),
            tokenId: U256::ZERO,
        })
        ._0
        .holders
    }
}

#[motsu::test]
fn forwarder_relays_transfer_for_the_appended_sender(
    tok: Contract<SharesTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
    carol: Address,
) {
    let w = deploy_with(&tok, &reg, &comp, &prov, gov, FORWARDER);
    w.shares_to(owner, bob, 10);
    w.send(FORWARDER, relayed(&send_to(carol, 4), bob)).unwrap();
    assert_last(
        &tok,
        &Transfer {
            from: bob,
            to: carol,
            value: u(4),
        },
    );
    assert_eq!((w.balance(bob), w.balance(carol)), (u(6), u(4)));
    assert_eq!(w.balance(FORWARDER), U256::ZERO);
    assert_eq!(w.holders(), vec![bob, carol]);
    // OpenZeppelin's errors for the relayed sender.
    assert_error(
        w.send(FORWARDER, relayed(&send_to(bob, 5), carol)),
        ERC20InsufficientBalance {
            sender: carol,
            balance: u(4),
            needed: u(5),
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&send_to(Address::ZERO, 1), carol)),
        ERC20InvalidReceiver {
            receiver: Address::ZERO,
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&send_to(bob, 0), Address::ZERO)),
        ERC20InvalidSender {
            sender: Address::ZERO,
        },
    );
    // All of Carol's shares back to Bob: she leaves the shareholder list.
    w.send(FORWARDER, relayed(&send_to(bob, 4), carol)).unwrap();
    assert_last(
        &tok,
        &Transfer {
            from: carol,
            to: bob,
            value: u(4),
        },
    );
    assert_eq!(w.holders(), vec![bob]);
    assert_eq!(w.balance(bob), u(10));
}

#[motsu::test]
fn forwarder_relays_approve_and_transfer_from_for_the_appended_sender(
    tok: Contract<SharesTokenizer>,
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
    let w = deploy_with(&tok, &reg, &comp, &prov, gov, FORWARDER);
    w.shares_to(owner, bob, 10);
    // approve for the relayed owner.
    w.send(FORWARDER, relayed(&approve(dave, u(5)), bob))
        .unwrap();
    assert_last(
        &tok,
        &Approval {
            owner: bob,
            spender: dave,
            value: u(5),
        },
    );
    assert_eq!(w.allowance(bob, dave), u(5));
    assert_eq!(w.allowance(FORWARDER, dave), U256::ZERO);
    assert_error(
        w.send(FORWARDER, relayed(&approve(Address::ZERO, u(1)), bob)),
        ERC20InvalidSpender {
            spender: Address::ZERO,
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&approve(dave, u(1)), Address::ZERO)),
        ERC20InvalidApprover {
            approver: Address::ZERO,
        },
    );
    // transferFrom by the relayed spender: the allowance is spent without an Approval event.
    let approvals = w.count::<Approval>();
    w.send(FORWARDER, relayed(&from_to(bob, carol, 3), dave))
        .unwrap();
    assert_last(
        &tok,
        &Transfer {
            from: bob,
            to: carol,
            value: u(3),
        },
    );
    assert_eq!(w.count::<Approval>(), approvals);
    assert_eq!(w.allowance(bob, dave), u(2));
    assert_eq!((w.balance(bob), w.balance(carol)), (u(7), u(3)));
    assert_eq!(w.holders(), vec![bob, carol]);
    // Unauthorized relayed spenders: OpenZeppelin's error names the relayed sender.
    assert_error(
        w.send(FORWARDER, relayed(&from_to(bob, eve, 3), eve)),
        ERC20InsufficientAllowance {
            spender: eve,
            allowance: U256::ZERO,
            needed: u(3),
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&from_to(bob, eve, 3), dave)),
        ERC20InsufficientAllowance {
            spender: dave,
            allowance: u(2),
            needed: u(3),
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&from_to(bob, eve, 0), Address::ZERO)),
        ERC20InvalidSpender {
            spender: Address::ZERO,
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&from_to(bob, Address::ZERO, 1), dave)),
        ERC20InvalidReceiver {
            receiver: Address::ZERO,
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&from_to(Address::ZERO, eve, 0), dave)),
        ERC20InvalidApprover {
            approver: Address::ZERO,
        },
    );
    // The failed calls changed nothing.
    assert_eq!(w.allowance(bob, dave), u(2));
    // An unlimited allowance is not spent.
    w.send(FORWARDER, relayed(&approve(eve, U256::MAX), bob))
        .unwrap();
    w.send(FORWARDER, relayed(&from_to(bob, eve, 7), eve))
        .unwrap();
    assert_last(
        &tok,
        &Transfer {
            from: bob,
            to: eve,
            value: u(7),
        },
    );
    assert_eq!(w.allowance(bob, eve), U256::MAX);
    assert_error(
        w.send(FORWARDER, relayed(&from_to(bob, eve, 1), eve)),
        ERC20InsufficientBalance {
            sender: bob,
            balance: U256::ZERO,
            needed: u(1),
        },
    );
    assert_eq!(w.holders(), vec![carol, eve]);
}

#[motsu::test]
fn suffix_from_anyone_but_the_forwarder_is_ignored(
    tok: Contract<SharesTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
    carol: Address,
    eve: Address,
) {
    let w = deploy_with(&tok, &reg, &comp, &prov, gov, FORWARDER);
    w.shares_to(owner, bob, 10);
    // Eve appends Bob's address: she acts for herself.
    assert_error(
        w.send(eve, relayed(&send_to(eve, 1), bob)),
        ERC20InsufficientBalance {
            sender: eve,
            balance: U256::ZERO,
            needed: u(1),
        },
    );
    w.send(eve, relayed(&approve(eve, u(9)), bob)).unwrap();
    assert_last(
        &tok,
        &Approval {
            owner: eve,
            spender: eve,
            value: u(9),
        },
    );
    assert_eq!(w.allowance(bob, eve), U256::ZERO);
    assert_error(
        w.send(eve, relayed(&from_to(bob, eve, 1), bob)),
        ERC20InsufficientAllowance {
            spender: eve,
            allowance: U256::ZERO,
            needed: u(1),
        },
    );
    // Bob appending Carol's address still sends as Bob.
    w.send(bob, relayed(&send_to(carol, 2), carol)).unwrap();
    assert_last(
        &tok,
        &Transfer {
            from: bob,
            to: carol,
            value: u(2),
        },
    );
    assert_eq!((w.balance(bob), w.balance(carol)), (u(8), u(2)));
}

#[motsu::test]
fn zero_forwarder_relays_nothing(
    tok: Contract<SharesTokenizer>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    prov: Contract<EASAttestationProvider>,
    gov: Address,
    owner: Address,
    bob: Address,
    carol: Address,
) {
    let w = deploy(&tok, &reg, &comp, &prov, gov);
    assert_eq!(w.view(&B::trustedForwarderCall {})._0, Address::ZERO);
    w.shares_to(owner, bob, 10);
    // Even a call "from" the zero address is not read as forwarded.
    assert_error(
        w.send(Address::ZERO, relayed(&send_to(carol, 1), bob)),
        ERC20InvalidSender {
            sender: Address::ZERO,
        },
    );
    assert_error(
        w.send(Address::ZERO, relayed(&approve(carol, u(1)), bob)),
        ERC20InvalidApprover {
            approver: Address::ZERO,
        },
    );
    assert_error(
        w.send(FORWARDER, relayed(&send_to(carol, 1), bob)),
        ERC20InsufficientBalance {
            sender: FORWARDER,
            balance: U256::ZERO,
            needed: u(1),
        },
    );
    w.send(bob, relayed(&send_to(carol, 1), carol)).unwrap();
    assert_last(
        &tok,
        &Transfer {
            from: bob,
            to: carol,
            value: u(1),
        },
    );
}
