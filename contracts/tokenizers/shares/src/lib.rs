//! `SharesTokenizer` (spec 11 §4, §4.1): fractional ownership of **one** record as a standard
//! ERC-20. The record's owner or executor reserves share amounts for named recipients; each
//! recipient claims exactly its reservation with an attestation; the record is complete when no
//! reservation is open and shares exist. Transfers are unrestricted and never paused.
//!
//! Composition: [`TokenizerBase`] + openzeppelin-stylus [`Erc20`] and [`Erc20Metadata`] (name,
//! symbol) + the reservation ledger.
//!
//! # One record per instance (D2, spec 10 §3)
//! The reference pooled every record's shares inside one ERC-20, so shares of different records
//! were interchangeable. An instance here binds to the first record it reserves for
//! (`boundIntegraHash`); any other record reverts `DocumentMismatch(bound, given)`. Deploy one
//! instance per record (each approved in the document registry, spec 02 `approvedTokenizers`),
//! with its own `name`, `symbol` and `decimals`.
//!
//! # Amounts are the reservation's
//! `claimToken` takes `tokenId = 0` only (`InvalidTokenId` otherwise) and mints exactly the
//! claimant's reservation: the reference's Shares minted a caller-chosen amount taken from the
//! `tokenId` argument for pooled reservations.
//!
//! # Storage and gas
//! `totalShares` is the ERC-20 total supply (shares are minted only by claims and never burned),
//! not a second counter. The instance's counters share one slot (the ledger: `reservedShares`,
//! recipients with an open or claimed reservation, claimed reservations, the shareholder list's
//! length and the `DocumentComplete` flag — one record per instance, so the flag is not the
//! base's per-record map); each account's open reservation, claimed flag and position in the
//! shareholder list share another. The first reservation writes 3 fresh slots (bound record,
//! ledger, the recipient's account), later ones 1; a claim writes the ERC-20 supply (first
//! claim) and balance and the shareholder list entry fresh, and updates the ledger and the
//! account in place; the claim skips D4's registry call for the bound record
//! (`TokenizerBase::begin_claim`). Measured (`cargo run -p integra-tests --example
//! tokenizer_trace shares`), tx gas uncached / cached, no budget: `reserveToken` 252,858 /
//! 196,946 → 174,340 / 117,872; `claimToken` 462,793 / 343,354 → 325,995 / 205,980 (the gate's
//! one registry call, 2 fresh slots less per first reservation, 6 less per claim, no D4 call,
//! two provider reads less).
//!
//! # Size: an `ArbOS` 60 root contract
//! 116,418 B raw, 35,727 B compressed: over the 24,576 B of a classic contract, so it deploys as
//! a root contract joining 2 fragments (`[package.metadata.integra] arbos-version = 60`). The
//! base and the attestation component alone are ≈ 38 KB of the module; OpenZeppelin ERC-20 and
//! metadata ≈ 10 KB; the trust-credential hook ≈ 3 KB.
//!
//! # Departures
//! - `initialize` is the constructor; `decimals_` comes after the [TD] parameters, before the
//!   forwarder (spec 11 §4).
//! - `cancelReservation` reverts `NotSupported()`; `cancelReservationFor(h, recipient, p)`
//!   cancels a recipient's open reservation.
//! - ERC-20 `transfer`, `transferFrom` and `approve` act for the ERC-2771 sender (D7: the last
//!   20 bytes of a call from the non-zero trusted forwarder, else `msg.sender`), with
//!   OpenZeppelin's checks, order, errors and events. Balances and supply are OpenZeppelin's
//!   (`Erc20::_update`); **allowances are this contract's own map** (`allowance`, `approve` and
//!   the spending in `transferFrom` mirror OpenZeppelin's `_approve` / `_spend_allowance`, an
//!   unlimited `type(uint256).max` allowance included): openzeppelin-stylus 0.3 writes its
//!   allowances only through its private `_approve`, which cannot act for a relayed owner.
//! - No votes or checkpoints in v1 (spec 11 OQ-C8).
//! - Open reservations total at most `2^128 − 1` base units (the ledger's width; ≈ 3.4·10^20
//!   whole shares at 18 decimals): a reservation beyond it reverts `InvalidAmount(amount)`, as
//!   an overflowing one did at `2^256`.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

use alloc::{string::String, vec, vec::Vec};

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolError, SolEvent};
use integra_primitives::{
    abi::{encode_error, returns, Args, Token},
    compact_errors, reentrant_entrypoint,
};
pub use integra_tokenizer_base as base;
use integra_tokenizer_base::{
    arg, interface_arg, ret, run, token_type, Config, Error as BaseError, TokenizerBase,
    COMMON_INTERFACE_IDS, MAX_TOKENS,
};
use openzeppelin_stylus::token::erc20::{
    self,
    extensions::{Erc20Metadata, IErc20Metadata},
    Erc20, IErc20,
};
use stylus_sdk::{
    prelude::*,
    storage::{
        StorageAddress, StorageB256, StorageBool, StorageMap, StorageU128, StorageU16, StorageU256,
        StorageU32, StorageU8,
    },
    ArbResult,
};

pub use iface::ISharesTokenizer::*;
pub use integra_tokenizer_base::ITokenizerBase;

mod iface {
    integra_primitives::contract_interface! {
        /// The ERC-20 family's functions, events and errors (spec 11 §1, §4), next to the base's
        /// `ITokenizerBase` and `IAttestationAccessControl`.
        interface ISharesTokenizer {
            #[derive(Debug, PartialEq, Eq)]
            event Transfer(address indexed from, address indexed to, uint256 value);
            #[derive(Debug, PartialEq, Eq)]
            event Approval(address indexed owner, address indexed spender, uint256 value);

            #[derive(Debug, PartialEq, Eq)]
            error AlreadyClaimed(address recipient);
            #[derive(Debug, PartialEq, Eq)]
            error AlreadyReserved(bytes32 integraHash, address recipient);
            #[derive(Debug, PartialEq, Eq)]
            error ReservationLimitReached(uint256 limit);
            #[derive(Debug, PartialEq, Eq)]
            error NoReservation(bytes32 integraHash, address recipient);
            #[derive(Debug, PartialEq, Eq)]
            error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);
            #[derive(Debug, PartialEq, Eq)]
            error ERC20InvalidSender(address sender);
            #[derive(Debug, PartialEq, Eq)]
            error ERC20InvalidReceiver(address receiver);
            #[derive(Debug, PartialEq, Eq)]
            error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
            #[derive(Debug, PartialEq, Eq)]
            error ERC20InvalidSpender(address spender);
            #[derive(Debug, PartialEq, Eq)]
            error ERC20InvalidApprover(address approver);

            function name() external view returns (string memory);
            function symbol() external view returns (string memory);
            function decimals() external view returns (uint8);
            function totalSupply() external view returns (uint256);
            function balanceOf(address account) external view returns (uint256);
            function transfer(address to, uint256 value) external returns (bool);
            function transferFrom(address from, address to, uint256 value) external returns (bool);
            function approve(address spender, uint256 value) external returns (bool);
            function allowance(address owner, address spender) external view returns (uint256);
            function boundIntegraHash() external view returns (bytes32);
            function getReservation(bytes32 integraHash, address recipient) external view returns (uint256 amount, bool claimed);
            /// Owner or executor; an open reservation required.
            function cancelReservationFor(bytes32 integraHash, address recipient, bytes32 processHash) external;
        }
    }
}

/// The contract's whole JSON ABI: the family's, the base's and the attestation component's.
#[cfg(feature = "export-abi")]
#[must_use]
pub fn abi() -> alloy_json_abi::JsonAbi {
    let [b, a] = integra_tokenizer_base::base_abis();
    integra_tokenizer_base::merge_abis([iface::abi(), b, a])
}

/// `IERC20` (`0x36372b07`).
pub const ERC20_INTERFACE_ID: [u8; 4] = [0x36, 0x37, 0x2b, 0x07];

compact_errors! {
    /// Every way a call fails: the family's errors; the base's and ERC-20 errors as they are.
    pub enum Error {
        /// The recipient claimed already.
        AlreadyClaimed(AlreadyClaimed { recipient }),
        /// The recipient has an open reservation.
        AlreadyReserved(AlreadyReserved { integraHash, recipient }),
        /// 100 recipients reserved.
        ReservationLimitReached(ReservationLimitReached { limit }),
        /// No open reservation for the recipient.
        NoReservation(NoReservation { integraHash, recipient }),
        ;
        /// The base's errors, ERC-20 errors, the provider's revert data.
        Raw(bytes)
    }
}

impl From<BaseError> for Error {
    fn from(e: BaseError) -> Self {
        Error::Raw(e.into())
    }
}

/// OpenZeppelin's ERC-20 errors through the compact encoder.
impl From<erc20::Error> for Error {
    fn from(e: erc20::Error) -> Self {
        use erc20::Error as E;
        Error::Raw(match e {
            E::InsufficientBalance(e) => encode_error(
                ERC20InsufficientBalance::SELECTOR,
                &[e.sender.into(), e.balance.into(), e.needed.into()],
            ),
            E::InvalidSender(e) => encode_error(ERC20InvalidSender::SELECTOR, &[e.sender.into()]),
            E::InvalidReceiver(e) => {
                encode_error(ERC20InvalidReceiver::SELECTOR, &[e.receiver.into()])
            }
            E::InsufficientAllowance(e) => encode_error(
                ERC20InsufficientAllowance::SELECTOR,
                &[e.spender.into(), e.allowance.into(), e.needed.into()],
            ),
            E::InvalidSpender(e) => {
                encode_error(ERC20InvalidSpender::SELECTOR, &[e.spender.into()])
            }
            E::InvalidApprover(e) => {
                encode_error(ERC20InvalidApprover::SELECTOR, &[e.approver.into()])
            }
        })
    }
}

/// Result of a tokenizer method.
pub type Res<T> = Result<T, Error>;

fn base_err(e: impl Into<BaseError>) -> Error {
    Error::from(e.into())
}

/// The tokenizer's storage.
#[storage]
pub struct SharesTokenizer {
    /// The shared tokenizer base.
    pub base: TokenizerBase,
    /// OpenZeppelin ERC-20 ledgers.
    pub erc20: Erc20,
    /// OpenZeppelin ERC-20 name and symbol.
    pub metadata: Erc20Metadata,
    decimals: StorageU8,
    bound: StorageB256,
    ledger: Ledger,
    accounts: StorageMap<Address, Account>,
    /// The shareholder list: position → holder (the length is in the ledger).
    holders: StorageMap<U256, StorageAddress>,
    /// ERC-20 allowances, owner → spender → value: OpenZeppelin's are written only by its
    /// private `_approve`, which cannot act for an ERC-2771 sender (see Departures).
    allowances: StorageMap<Address, StorageMap<Address, StorageU256>>,
}

/// The instance's counters, in one slot (16 + 2 + 2 + 4 + 1 bytes): every reservation, claim
/// and cancel reads and writes it, so only the first reservation writes it fresh.
#[storage]
pub struct Ledger {
    /// `reservedShares`: the sum of open reservations.
    reserved: StorageU128,
    /// Recipients with an open or claimed reservation (≤ 100).
    recipients: StorageU16,
    /// Claimed reservations (`DocumentComplete`'s `partyCount`).
    claimed: StorageU16,
    /// Length of the shareholder list.
    holders: StorageU32,
    /// `DocumentComplete` was emitted (the instance's one record).
    complete: StorageBool,
}

/// One account's reservation and shareholder position, in one slot (16 + 1 + 4 bytes).
#[storage]
pub struct Account {
    /// The open reservation, 0 for none.
    reserved: StorageU128,
    /// The reservation was claimed.
    claimed: StorageBool,
    /// Index + 1 in the shareholder list, 0 when not listed.
    holder_pos: StorageU32,
}

type U128 = alloy_primitives::Uint<128, 2>;

fn wide(v: U128) -> U256 {
    let l = v.as_limbs();
    U256::from_limbs([l[0], l[1], 0, 0])
}

fn narrow(v: U256) -> Option<U128> {
    let l = v.as_limbs();
    (l[2] | l[3] == 0).then(|| U128::from_limbs([l[0], l[1]]))
}

fn small<const B: usize>(v: alloy_primitives::Uint<B, 1>) -> u64 {
    v.as_limbs()[0]
}

/// A count ≤ 100 (masked: no panic path).
fn w16(v: u64) -> alloy_primitives::Uint<16, 1> {
    alloy_primitives::Uint::from_limbs([v & 0xffff])
}

/// A list length or position (masked: no panic path).
fn w32(v: u64) -> alloy_primitives::Uint<32, 1> {
    alloy_primitives::Uint::from_limbs([v & 0xffff_ffff])
}

reentrant_entrypoint!(SharesTokenizer);

impl SharesTokenizer {
    /// Deploys the tokenizer (spec 11 §4 `initialize`).
    ///
    /// # Errors
    /// As [`TokenizerBase::initialize`].
    pub fn constructor(
        &mut self,
        name: String,
        symbol: String,
        decimals: u8,
        config: &Config,
    ) -> Res<()> {
        self.base.initialize(config)?;
        self.metadata.constructor(name, symbol);
        self.decimals
            .set(alloy_primitives::Uint::from_limbs([u64::from(decimals)]));
        Ok(())
    }

    /// The bound record (0 before the first reservation).
    #[must_use]
    pub fn bound(&self) -> B256 {
        self.bound.get()
    }

    /// `(open reservation, claimed)` of `recipient`.
    #[must_use]
    pub fn reservation(&self, recipient: Address) -> (U256, bool) {
        let acc = self.accounts.getter(recipient);
        (wide(acc.reserved.get()), acc.claimed.get())
    }

    /// `(totalShares, reservedShares)`: `totalShares` is the ERC-20 total supply (shares are
    /// only minted by claims and never burned).
    #[must_use]
    pub fn shares(&self) -> (U256, U256) {
        (self.erc20.total_supply(), wide(self.ledger.reserved.get()))
    }

    /// True once `DocumentComplete` was emitted for `h` (the bound record).
    #[must_use]
    pub fn is_complete(&self, h: B256) -> bool {
        let bound = self.bound.get();
        !bound.is_zero() && h == bound && self.ledger.complete.get()
    }

    /// The shareholders, in list order.
    #[must_use]
    pub fn shareholders(&self) -> Vec<Address> {
        (0..small(self.ledger.holders.get()))
            .map(|i| self.holders.get(U256::from(i)))
            .collect()
    }

    fn check_bound(&self, h: B256) -> Res<()> {
        let bound = self.bound.get();
        if !bound.is_zero() && bound != h {
            return Err(base_err(base::DocumentMismatch { bound, given: h }));
        }
        Ok(())
    }

    /// `reserveToken(h, 0, recipient, amount, p)`.
    ///
    /// # Errors
    /// The base's reservation checks, then `InvalidTokenId(tokenId)` unless 0,
    /// `DocumentMismatch(bound, h)`, `AlreadyClaimed(recipient)`, `AlreadyReserved(h,
    /// recipient)`, `ReservationLimitReached(100)`.
    ///
    /// # Events
    /// `TokenReserved(h, 0, recipient, amount, …)`.
    pub fn reserve(
        &mut self,
        sender: Address,
        h: B256,
        token_id: U256,
        recipient: Address,
        amount: U256,
        process_hash: B256,
    ) -> Res<()> {
        self.base.validate_reservation(
            sender,
            h,
            amount,
            false,
            process_hash,
            0,
            Some(recipient),
        )?;
        if !token_id.is_zero() {
            return Err(base_err(base::InvalidTokenId { tokenId: token_id }));
        }
        self.check_bound(h)?;
        let acc = self.accounts.getter(recipient);
        if acc.claimed.get() {
            return Err(AlreadyClaimed { recipient }.into());
        }
        if !acc.reserved.get().is_zero() {
            return Err(AlreadyReserved {
                integraHash: h,
                recipient,
            }
            .into());
        }
        let recipients = small(self.ledger.recipients.get());
        if recipients >= MAX_TOKENS as u64 {
            return Err(ReservationLimitReached {
                limit: U256::from(MAX_TOKENS),
            }
            .into());
        }
        // Open reservations total at most 2^128 - 1 (see the crate docs).
        let (reserved, narrow_amount) = narrow(amount)
            .and_then(|a| Some((self.ledger.reserved.get().checked_add(a)?, a)))
            .ok_or_else(|| base_err(base::InvalidAmount { amount }))?;
        if self.bound.get().is_zero() {
            self.bound.set(h);
        }
        self.ledger.reserved.set(reserved);
        self.ledger.recipients.set(w16(recipients + 1));
        self.accounts.setter(recipient).reserved.set(narrow_amount);
        self.base
            .emit_reserved(h, U256::ZERO, Some(recipient), amount, &[], process_hash);
        Ok(())
    }

    /// `claimToken(h, 0, uid, p)`: mints exactly the claimant's reservation.
    ///
    /// # Errors
    /// The base's claim gate, then `InvalidTokenId(tokenId)` unless 0, `DocumentMismatch`,
    /// `AlreadyClaimed(sender)`, `NoReservation(h, sender)`,
    /// `AttestationTokenMismatch(attested, 0)`.
    ///
    /// # Events
    /// `CapabilityVerified`, `Transfer(0, claimant, amount)`, `TokenClaimed(h, 0, …)`, then
    /// `DocumentComplete` and trust credentials when no reservation is left open.
    pub fn claim(
        &mut self,
        sender: Address,
        h: B256,
        token_id: U256,
        uid: B256,
        process_hash: B256,
    ) -> Res<U256> {
        // The bound record passed the gate at its first reservation (D4 holds for it).
        let bound = self.bound.get();
        let reserved = !bound.is_zero() && bound == h;
        let attested = self
            .base
            .begin_claim(sender, h, uid, process_hash, reserved)?;
        let r = self.claim_inner(sender, h, token_id, attested, uid, process_hash);
        self.base.exit();
        r
    }

    /// The claim after the capability check.
    ///
    /// # Errors
    /// As [`Self::claim`] after the gate.
    pub fn claim_inner(
        &mut self,
        sender: Address,
        h: B256,
        token_id: U256,
        attested: U256,
        uid: B256,
        process_hash: B256,
    ) -> Res<U256> {
        if !token_id.is_zero() {
            return Err(base_err(base::InvalidTokenId { tokenId: token_id }));
        }
        self.check_bound(h)?;
        let acc = self.accounts.getter(sender);
        if acc.claimed.get() {
            return Err(AlreadyClaimed { recipient: sender }.into());
        }
        let amount = acc.reserved.get();
        if amount.is_zero() || self.bound.get().is_zero() {
            return Err(NoReservation {
                integraHash: h,
                recipient: sender,
            }
            .into());
        }
        TokenizerBase::check_attested_token(attested, U256::ZERO)?;
        // reserved ≥ amount: every reservation was added to it.
        let reserved = self.ledger.reserved.get().saturating_sub(amount);
        let count = small(self.ledger.claimed.get()).saturating_add(1);
        self.ledger.reserved.set(reserved);
        self.ledger.claimed.set(w16(count));
        let mut acc = self.accounts.setter(sender);
        acc.reserved.set(U128::ZERO);
        acc.claimed.set(true);
        let amount = wide(amount);
        self.erc20._mint(sender, amount)?;
        self.sync(sender);
        self.base
            .emit_claimed(h, U256::ZERO, sender, uid, process_hash);
        let fired = self.complete(h, reserved.is_zero(), count, process_hash);
        self.base.trust_hook(h, Some(sender), fired);
        Ok(amount)
    }

    /// Step 1 of the completion hook (spec 10 §8) with the instance's flag (one record per
    /// instance: the flag sits in the ledger's slot instead of the base's per-record map).
    fn complete(&mut self, h: B256, complete: bool, count: u64, process_hash: B256) -> bool {
        if !complete || self.ledger.complete.get() {
            return false;
        }
        self.ledger.complete.set(true);
        self.base.emit_complete(h, U256::from(count), process_hash);
        true
    }

    /// `cancelReservationFor(h, recipient, p)`.
    ///
    /// # Errors
    /// The base's cancel gate, `DocumentMismatch`, `NoReservation(h, recipient)`.
    ///
    /// # Events
    /// `ReservationCancelled(h, 0, amount, …)`; `DocumentComplete` (and credentials) when it
    /// closes the last open reservation of a record with shares.
    pub fn cancel_for(
        &mut self,
        sender: Address,
        h: B256,
        recipient: Address,
        process_hash: B256,
    ) -> Res<()> {
        self.base.validate_cancel(sender, h, process_hash)?;
        self.check_bound(h)?;
        let amount = self.accounts.getter(recipient).reserved.get();
        if amount.is_zero() {
            return Err(NoReservation {
                integraHash: h,
                recipient,
            }
            .into());
        }
        let reserved = self.ledger.reserved.get().saturating_sub(amount);
        self.ledger.reserved.set(reserved);
        let recipients = small(self.ledger.recipients.get()).saturating_sub(1);
        self.ledger.recipients.set(w16(recipients));
        self.accounts.setter(recipient).reserved.set(U128::ZERO);
        self.base
            .emit_cancelled(h, U256::ZERO, wide(amount), process_hash);
        self.base.enter()?;
        let total = self.erc20.total_supply();
        let count = small(self.ledger.claimed.get());
        let fired = self.complete(
            h,
            reserved.is_zero() && !total.is_zero(),
            count,
            process_hash,
        );
        self.base.trust_hook(h, None, fired);
        self.base.exit();
        Ok(())
    }

    /// Keeps the shareholder list in step with `a`'s balance.
    fn sync(&mut self, a: Address) {
        if a.is_zero() {
            return;
        }
        let pos = small(self.accounts.getter(a).holder_pos.get());
        let len = small(self.ledger.holders.get());
        if self.erc20.balance_of(a).is_zero() {
            // Remove: move the last holder into `a`'s place.
            let Some(index) = pos.checked_sub(1) else {
                return;
            };
            let last = len.saturating_sub(1);
            if index != last {
                let moved = self.holders.get(U256::from(last));
                self.holders.setter(U256::from(index)).set(moved);
                self.accounts.setter(moved).holder_pos.set(w32(pos));
            }
            self.holders.delete(U256::from(last));
            self.accounts.setter(a).holder_pos.set(w32(0));
            self.ledger.holders.set(w32(last));
        } else if pos == 0 {
            self.holders.setter(U256::from(len)).set(a);
            self.accounts.setter(a).holder_pos.set(w32(len + 1));
            self.ledger.holders.set(w32(len + 1));
        }
    }

    /// ERC-20 `transfer` (`from = None`) / `transferFrom` for `sender` (the ERC-2771 sender),
    /// keeping the shareholder list: OpenZeppelin's functions with `sender` in place of
    /// `msg.sender` (same checks, order, errors and events).
    ///
    /// # Errors
    /// `ERC20InsufficientAllowance`, `ERC20InvalidSpender(0)` / `ERC20InvalidApprover(0)` (a
    /// zero spender or owner), `ERC20InvalidSender(0)`, `ERC20InvalidReceiver(0)`,
    /// `ERC20InsufficientBalance`.
    ///
    /// # Events
    /// `Transfer(from, to, value)`.
    pub fn transfer(
        &mut self,
        sender: Address,
        from: Option<Address>,
        to: Address,
        value: U256,
    ) -> Res<()> {
        let from = if let Some(from) = from {
            // OpenZeppelin's `_spend_allowance`.
            let allowance = self.allowance(from, sender);
            if allowance != U256::MAX {
                if allowance < value {
                    return Err(erc20::Error::InsufficientAllowance(
                        erc20::ERC20InsufficientAllowance {
                            spender: sender,
                            allowance,
                            needed: value,
                        },
                    )
                    .into());
                }
                self.approve(from, sender, allowance - value, false)?;
            }
            from
        } else {
            sender
        };
        // OpenZeppelin's `_transfer`.
        if from.is_zero() {
            return Err(
                erc20::Error::InvalidSender(erc20::ERC20InvalidSender { sender: from }).into(),
            );
        }
        if to.is_zero() {
            return Err(erc20::Error::InvalidReceiver(erc20::ERC20InvalidReceiver {
                receiver: to,
            })
            .into());
        }
        self.erc20._update(from, to, value)?;
        self.sync(from);
        self.sync(to);
        Ok(())
    }

    /// ERC-20 `allowance(owner, spender)`.
    #[must_use]
    pub fn allowance(&self, owner: Address, spender: Address) -> U256 {
        self.allowances.getter(owner).get(spender)
    }

    /// ERC-20 `approve` for `owner` (the ERC-2771 sender): OpenZeppelin's `_approve`.
    ///
    /// # Errors
    /// `ERC20InvalidApprover(0)`, `ERC20InvalidSpender(0)`.
    ///
    /// # Events
    /// `Approval(owner, spender, value)` when `emit_event`.
    pub fn approve(
        &mut self,
        owner: Address,
        spender: Address,
        value: U256,
        emit_event: bool,
    ) -> Res<()> {
        if owner.is_zero() {
            return Err(erc20::Error::InvalidApprover(erc20::ERC20InvalidApprover {
                approver: owner,
            })
            .into());
        }
        if spender.is_zero() {
            return Err(
                erc20::Error::InvalidSpender(erc20::ERC20InvalidSpender { spender }).into(),
            );
        }
        self.allowances.setter(owner).setter(spender).set(value);
        if emit_event {
            // Direct `raw_log`: `abi::emit`'s `&dyn Host` would link the host vtable (~600 B of
            // data, paid in every call's cached-init gas).
            let _ = self.vm().raw_log(
                &[
                    Approval::SIGNATURE_HASH,
                    owner.into_word(),
                    spender.into_word(),
                ],
                &value.to_be_bytes::<32>(),
            );
        }
        Ok(())
    }

    /// The record's balance of `a`: the ERC-20 balance when `h` is the bound record.
    #[must_use]
    pub fn balance_of_record(&self, a: Address, h: B256) -> U256 {
        if h.is_zero() || h != self.bound.get() {
            return U256::ZERO;
        }
        self.erc20.balance_of(a)
    }

    /// ERC-165.
    #[must_use]
    pub fn supports_interface(id: [u8; 4]) -> bool {
        COMMON_INTERFACE_IDS.contains(&id) || id == ERC20_INTERFACE_ID
    }
}

integra_primitives::compact_router!(SharesTokenizer, dispatch, constructor(s, a) {
    let addr = |i| a.address(i).ok_or_else(Vec::new);
    let word = |i| a.word(i).ok_or_else(Vec::new);
    let config = Config {
        governor: addr(2)?,
        document_registry: addr(3)?,
        namespace: addr(4)?,
        provider_registry: addr(5)?,
        default_provider_id: word(6)?,
        credential_schema: word(7)?,
        trust_registry: addr(8)?,
        eas: addr(9)?,
        trusted_forwarder: addr(11)?,
        base_uri: String::new(),
    };
    let name = a.string(0).ok_or_else(Vec::new)?.into();
    let symbol = a.string(1).ok_or_else(Vec::new)?.into();
    let decimals = a.u8(10).ok_or_else(Vec::new)?;
    s.constructor(name, symbol, decimals, &config).map_err(Vec::from)
});

integra_tokenizer_base::tokenizer_dispatch!(SharesTokenizer, dispatch_view, dispatch_write);

#[allow(clippy::too_many_lines, clippy::many_single_char_names)] // one arm per external view
fn dispatch_view(s: &SharesTokenizer, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
    use ITokenizerBase as B;
    let bound = s.bound.get();
    let out = match selector {
        B::balanceOf_0Call::SELECTOR => ret(&[s.erc20.balance_of(arg!(a.address(0))).into()]),
        B::balanceOf_1Call::SELECTOR => ret(&[s
            .balance_of_record(arg!(a.address(0)), arg!(a.word(1)))
            .into()]),
        B::balanceOfDocumentTokenCall::SELECTOR => {
            let (acc, h, t) = (arg!(a.address(0)), arg!(a.word(1)), arg!(a.u256(2)));
            let b = if t.is_zero() {
                s.balance_of_record(acc, h)
            } else {
                U256::ZERO
            };
            ret(&[b.into()])
        }
        B::getTokenInfoCall::SELECTOR => {
            let h = arg!(a.word(0));
            let mine = !bound.is_zero() && h == bound;
            let (total, reserved) = if mine {
                s.shares()
            } else {
                (U256::ZERO, U256::ZERO)
            };
            let holders: Vec<B256> = if mine {
                s.shareholders().iter().map(Address::into_word).collect()
            } else {
                vec![]
            };
            let fields = [
                (if mine { bound } else { B256::ZERO }).into(),
                U256::ZERO.into(),
                total.into(),
                reserved.into(),
                Token::Words(&holders),
                Token::Bytes(&[]),
                Address::ZERO.into(),
                (!total.is_zero()).into(),
                Address::ZERO.into(),
            ];
            ret(&[Token::Tuple(&fields)])
        }
        B::getEncryptedLabelCall::SELECTOR => ret(&[Token::Bytes(&[])]),
        B::getAllEncryptedLabelsCall::SELECTOR => ret(&[Token::Words(&[]), Token::Array(&[])]),
        B::getReservedTokensCall::SELECTOR => {
            let (h, r) = (arg!(a.word(0)), arg!(a.address(1)));
            let open = !bound.is_zero() && h == bound && !s.reservation(r).0.is_zero();
            let ids = if open { vec![B256::ZERO] } else { vec![] };
            ret(&[Token::Words(&ids)])
        }
        B::getClaimStatusCall::SELECTOR => {
            let h = arg!(a.word(0));
            let claimed = !bound.is_zero() && h == bound && !s.erc20.total_supply().is_zero();
            ret(&[claimed.into(), Address::ZERO.into()])
        }
        B::tokenTypeCall::SELECTOR => ret(&[token_type::ERC20.into()]),
        B::tokensOfCall::SELECTOR | B::tokensOfPagedCall::SELECTOR => {
            let account = arg!(a.address(0));
            let balance = s.erc20.balance_of(account);
            let has = !balance.is_zero();
            let shown = if selector == B::tokensOfPagedCall::SELECTOR {
                let (offset, limit) = (arg!(a.u256(1)), arg!(a.u256(2)));
                has && integra_primitives::limits::page_bounds(1, offset, limit).len() == 1
            } else {
                has
            };
            let ids: Vec<U256> = if shown { vec![U256::ZERO] } else { vec![] };
            Ok(base::encode_tokens_of(&ids, |_| {
                (bound, U256::ZERO, balance)
            }))
        }
        B::getDocumentHashCall::SELECTOR => ret(&[bound.into()]),
        B::isDocumentCompleteCall::SELECTOR => ret(&[s.is_complete(arg!(a.word(0))).into()]),
        B::supportsInterfaceCall::SELECTOR => {
            ret(&[SharesTokenizer::supports_interface(arg!(interface_arg(a))).into()])
        }
        nameCall::SELECTOR => ret(&[s.metadata.name().as_str().into()]),
        symbolCall::SELECTOR => ret(&[s.metadata.symbol().as_str().into()]),
        decimalsCall::SELECTOR => ret(&[u8::try_from(s.decimals.get().as_limbs()[0])
            .unwrap_or_default()
            .into()]),
        totalSupplyCall::SELECTOR => ret(&[s.erc20.total_supply().into()]),
        balanceOfCall::SELECTOR => ret(&[s.erc20.balance_of(arg!(a.address(0))).into()]),
        allowanceCall::SELECTOR => {
            ret(&[s.allowance(arg!(a.address(0)), arg!(a.address(1))).into()])
        }
        boundIntegraHashCall::SELECTOR => ret(&[bound.into()]),
        getReservationCall::SELECTOR => {
            let (h, r) = (arg!(a.word(0)), arg!(a.address(1)));
            let (amount, claimed) = if !bound.is_zero() && h == bound {
                s.reservation(r)
            } else {
                (U256::ZERO, false)
            };
            ret(&[amount.into(), claimed.into()])
        }
        _ => return None,
    };
    Some(out)
}

fn dispatch_write(
    s: &mut SharesTokenizer,
    selector: [u8; 4],
    a: Args<'_>,
    sender: Address,
) -> Option<ArbResult> {
    use ITokenizerBase as B;
    let ok_true = |r: Res<()>| r.map(|()| returns(&[true.into()])).map_err(Vec::from);
    let out = match selector {
        B::reserveTokenCall::SELECTOR => run(s.reserve(
            sender,
            arg!(a.word(0)),
            arg!(a.u256(1)),
            arg!(a.address(2)),
            arg!(a.u256(3)),
            arg!(a.word(4)),
        )),
        B::reserveTokenAnonymousCall::SELECTOR => {
            Err(Error::from(BaseError::from(base::AnonymousReservationNotSupported {})).into())
        }
        B::claimTokenCall::SELECTOR => run(s.claim(
            sender,
            arg!(a.word(0)),
            arg!(a.u256(1)),
            arg!(a.word(2)),
            arg!(a.word(3)),
        )),
        B::cancelReservationCall::SELECTOR => {
            Err(Error::from(BaseError::from(base::NotSupported {})).into())
        }
        cancelReservationForCall::SELECTOR => {
            run(s.cancel_for(sender, arg!(a.word(0)), arg!(a.address(1)), arg!(a.word(2))))
        }
        transferCall::SELECTOR => {
            ok_true(s.transfer(sender, None, arg!(a.address(0)), arg!(a.u256(1))))
        }
        transferFromCall::SELECTOR => ok_true(s.transfer(
            sender,
            Some(arg!(a.address(0))),
            arg!(a.address(1)),
            arg!(a.u256(2)),
        )),
        approveCall::SELECTOR => {
            ok_true(s.approve(sender, arg!(a.address(0)), arg!(a.u256(1)), true))
        }
        _ => return None,
    };
    Some(out)
}

#[cfg(test)]
mod tests;
