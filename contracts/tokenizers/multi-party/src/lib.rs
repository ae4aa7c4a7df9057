//! `MultiPartyTokenizer` (spec 11 §3.2): one ERC-1155 role token per party of a record (buyer,
//! seller, witness…). The issuer reserves slots 1..100 of a record (named or anonymous); each
//! party claims its slot with an attestation; `DocumentComplete` fires when every reserved slot
//! of the record is claimed — the integration point a court system watches ([S]) — and, with a
//! trust registry configured, each party receives an EAS trust credential.
//!
//! Composition: [`TokenizerBase`] + openzeppelin-stylus [`Erc1155`] (balances, approvals,
//! `TransferSingle`/`TransferBatch`, `onERC1155Received` checks) + the slot records.
//!
//! # Identity (spec 10 §3, D1, D3)
//! The API `tokenId` is the **slot** (role) 1..100, chosen by the issuer; slots outside it revert
//! `InvalidTokenId` (the reference set `1 << slot` with no bound, so a slot ≥ 256 set no bit and a
//! record could look complete with a reservation open). Minting uses a **global id**, sequential
//! from 1, assigned at the first reservation of `(record, slot)` and never reused: role 1 of
//! record A and role 1 of record B are different ERC-1155 ids (the reference minted `id = slot`,
//! merging balances and holder lists across records).
//!
//! # Storage
//! Per `(record, slot)`: one slot (global id 8 bytes + reserved + claimed + party 20 + label
//! length 2) and the amount; per record one word holding both bitmaps (reserved in the low 128
//! bits, claimed in the high 128); per global id its `(record, slot)` back-reference and holder
//! list.
//!
//! # View lens (spec 10 §12 step 3)
//! The record and array views ([`views::SELECTORS`]: `getTokenInfo`, `getAllEncryptedLabels`,
//! `getReservedTokens`, `tokensOf*`, `balanceOf(address,bytes32)`, `balanceOfDocumentToken`,
//! `getEncryptedLabel`, `getClaimStatus`, `getDocumentHash`, `totalSupply`, `exists`,
//! `tokenRefOf`, `globalIdOf`, `lens`, and the base's and attestation component's configuration
//! and role views) run in a separate contract, `contracts/tokenizers/multi-party-lens`, whose
//! address is fixed at construction (`InvalidLens(lens)` for 0 or an account without code).
//! The tokenizer keeps all of them on its ABI, so its ERC-165 ids stay truthful: for one of them
//! [`dispatch`] makes a `STATICCALL` to the tokenizer itself with the private [`LENS_ENTRY`]
//! selector and the original calldata; that entry accepts only the tokenizer as caller
//! (`LensEntryForbidden(caller)` otherwise) and `DELEGATECALL`s the lens, whose code then reads
//! this contract's storage (the same [`MultiPartyTokenizer`] struct at slot 0) inside the static
//! frame, where no write can succeed; output and revert data come back unchanged. The view code
//! lives in [`views`] and is linked only by the lens (the tokenizer's code never reaches it);
//! the lens links this crate without its `contract` feature (no entrypoint or router here).
//! Kept in the tokenizer: what the token standard and on-chain callers need cheaply —
//! ERC-1155 `balanceOf`, `balanceOfBatch`, `isApprovedForAll`, `uri`, `supportsInterface`,
//! `tokenType`, `paused`, `isDocumentComplete` (the completion a court contract reads). A lens
//! view costs two more frames: `getClaimStatus` sent as a transaction is 98,973 gas uncached,
//! 48,291 with the programs cached (`docs/gas.md`).
//!
//! # Size: an `ArbOS` 60 root contract
//! 123,030 B raw, 36,069 B compressed (`scripts/build-contracts.sh -p
//! integra-multi-party-tokenizer`): over the 24,576 B of a classic contract, so it deploys as a
//! root contract joining 2 fragments (`[package.metadata.integra] arbos-version = 60`), 8,042 B
//! (6.1 %) under the 131,072 B decompressed limit every Stylus program must meet. Built whole it
//! was 142,389 B, over that limit; the lens took the views (−12.7 KB with the base's and the
//! attestation component's configuration views), and the attestation component's `stage_now`
//! no longer calls ruint's `to::<u8>()`, whose `expect` kept `Debug` formatting code in the
//! module (−3.1 KB, in every tokenizer). What remains cannot be classic; measured function
//! bodies by crate (≈ 123 KB in all): this crate 23.9 KB (reservations, claims, transfers,
//! router, storage layout), the base 21.3 KB (trust-credential hook 2.7 KB, storage layout
//! 3.3 KB), the SDK 19.6 KB (host vtables, storage, the logs of OpenZeppelin's events), the
//! attestation component 13.3 KB (governance writes ≈ 7 KB), alloy encoders 11.1 KB and
//! OpenZeppelin 9.5 KB (ERC-1155 with its receiver calls), `integra-primitives` 5.8 KB,
//! formatting and UTF-8 code 5.0 KB, keccak 2.1 KB, allocation and iterators 11.5 KB. The next
//! steps of spec 10 §12 (a shared `TrustCredentialIssuer`, the governance writes elsewhere)
//! would free more. The lens (`integra-multi-party-lens`) is a classic contract: 59,464 B raw, 17,868 B
//! compressed.
//!
//! # Gas (`docs/gas.md`; `cargo run -p integra-tests --example multi_party_claim_trace`)
//! Tx gas uncached / programs cached, against issue 7's budgets: `reserveToken` 208,777 /
//! 150,585 (budget 80,000); `claimToken`, party 1 of 2, 418,335 / 296,588 (budget 150,000;
//! Solidity V6 341,289). Neither budget is reachable with this storage: the reservation writes
//! five slots (the amount, the slot record, the global id's `(record, slot)` back-reference in
//! two, the bitmaps and the id counter rewritten: 87,900 gas) and the claim seven fresh ones (the
//! ERC-1155 balance, the id's holder list and the claimant's `tokensOf` index at three each:
//! 144,200 gas, plus 5,900 for the slot record and the bitmaps), so intrinsic gas and storage
//! writes alone come to 110,420 and 172,840 before any read, call or program entry. The rest of
//! the claim is the capability check (component registry, provider, EAS and the document
//! registry: 163,775 gas uncached, 73,007 cached); D4's registry call is skipped because the
//! record holds a reservation here.
//!
//! # Departures
//! - `initialize` is the constructor.
//! - The views of [`views::SELECTORS`] answer through the lens (above): same results, more gas.
//! - ERC-1155 transfers and approvals act for `msg.sender` (OpenZeppelin's code); the holder
//!   index is updated after OpenZeppelin's transfer returns, so a receiver's `onERC1155Received`
//!   sees balances already moved but `tokensOf` not yet.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

use alloc::{vec, vec::Vec};

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolError, SolEvent};
#[cfg(feature = "contract")]
use integra_primitives::reentrant_entrypoint;
use integra_primitives::{
    abi::{emit, encode_error, Args, Token},
    calls::{self, Kind},
    compact_errors,
};
pub use integra_tokenizer_base as base;
use integra_tokenizer_base::{
    arg, interface_arg, ret, run, token_type, AddressSet, Config, Error as BaseError,
    TokenizerBase, COMMON_INTERFACE_IDS, MAX_TOKENS,
};
use openzeppelin_stylus::token::erc1155::{self, Erc1155, IErc1155};
use stylus_sdk::{
    abi::Bytes,
    prelude::*,
    storage::{
        StorageAddress, StorageB256, StorageBool, StorageMap, StorageU16, StorageU256, StorageU64,
        StorageU8,
    },
    ArbResult,
};

pub use iface::IMultiPartyTokenizer::*;
pub use integra_tokenizer_base::ITokenizerBase;

mod iface {
    integra_primitives::contract_interface! {
        /// The ERC-1155 family's functions, events and errors (spec 11 §1, §3), next to the
        /// base's `ITokenizerBase` and `IAttestationAccessControl`.
        interface IMultiPartyTokenizer {
            #[derive(Debug, PartialEq, Eq)]
            event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value);
            #[derive(Debug, PartialEq, Eq)]
            event TransferBatch(address indexed operator, address indexed from, address indexed to, uint256[] ids, uint256[] values);
            #[derive(Debug, PartialEq, Eq)]
            event ApprovalForAll(address indexed account, address indexed operator, bool approved);
            #[derive(Debug, PartialEq, Eq)]
            event URI(string value, uint256 indexed id);

            #[derive(Debug, PartialEq, Eq)]
            error ERC1155InsufficientBalance(address sender, uint256 balance, uint256 needed, uint256 tokenId);
            #[derive(Debug, PartialEq, Eq)]
            error ERC1155InvalidSender(address sender);
            #[derive(Debug, PartialEq, Eq)]
            error ERC1155InvalidReceiver(address receiver);
            #[derive(Debug, PartialEq, Eq)]
            error ERC1155MissingApprovalForAll(address operator, address owner);
            #[derive(Debug, PartialEq, Eq)]
            error ERC1155InvalidApprover(address approver);
            #[derive(Debug, PartialEq, Eq)]
            error ERC1155InvalidOperator(address operator);
            #[derive(Debug, PartialEq, Eq)]
            error ERC1155InvalidArrayLength(uint256 idsLength, uint256 valuesLength);
            #[derive(Debug, PartialEq, Eq)]
            error InvalidReceiverWithReason(string reason);
            /// The constructor's `lens` is 0 or has no code.
            #[derive(Debug, PartialEq, Eq)]
            error InvalidLens(address lens);
            /// The lens entry was called by `caller`, not by the tokenizer itself.
            #[derive(Debug, PartialEq, Eq)]
            error LensEntryForbidden(address caller);

            function balanceOfBatch(address[] accounts, uint256[] ids) external view returns (uint256[] memory);
            function setApprovalForAll(address operator, bool approved) external;
            function isApprovedForAll(address account, address operator) external view returns (bool);
            function safeTransferFrom(address from, address to, uint256 id, uint256 value, bytes data) external;
            function safeBatchTransferFrom(address from, address to, uint256[] ids, uint256[] values, bytes data) external;
            function uri(uint256 id) external view returns (string memory);
            /// GOVERNOR. Emits `URI(value, 0)`.
            function setURI(string newuri) external;
            function totalSupply(uint256 id) external view returns (uint256);
            function exists(uint256 id) external view returns (bool);
            function tokenRefOf(uint256 id) external view returns (bytes32 integraHash, uint256 slot);
            function globalIdOf(bytes32 integraHash, uint256 slot) external view returns (uint256);
            /// The view lens this tokenizer's views run in (fixed at construction).
            function lens() external view returns (address);
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

/// ERC-1155 (`0xd9b67a26`).
pub const ERC1155_INTERFACE_ID: [u8; 4] = [0xd9, 0xb6, 0x7a, 0x26];
/// ERC-1155 Metadata URI (`0x0e89341c`).
pub const ERC1155_METADATA_URI_INTERFACE_ID: [u8; 4] = [0x0e, 0x89, 0x34, 0x1c];

compact_errors! {
    /// Every way a call fails; the base's and ERC-1155 errors are encoded as they are.
    pub enum Error {
        ;
        /// The base's errors, ERC-1155 errors, a receiver's or the provider's revert data.
        Raw(bytes)
    }
}

impl From<BaseError> for Error {
    fn from(e: BaseError) -> Self {
        Error::Raw(e.into())
    }
}

/// OpenZeppelin's ERC-1155 errors through the compact encoder.
impl From<erc1155::Error> for Error {
    fn from(e: erc1155::Error) -> Self {
        use erc1155::Error as E;
        Error::Raw(match e {
            E::InsufficientBalance(e) => encode_error(
                ERC1155InsufficientBalance::SELECTOR,
                &[
                    e.sender.into(),
                    e.balance.into(),
                    e.needed.into(),
                    e.token_id.into(),
                ],
            ),
            E::InvalidSender(e) => encode_error(ERC1155InvalidSender::SELECTOR, &[e.sender.into()]),
            E::InvalidReceiver(e) => {
                encode_error(ERC1155InvalidReceiver::SELECTOR, &[e.receiver.into()])
            }
            E::InvalidReceiverWithReason(e) => encode_error(
                InvalidReceiverWithReason::SELECTOR,
                &[e.reason.as_str().into()],
            ),
            E::MissingApprovalForAll(e) => encode_error(
                ERC1155MissingApprovalForAll::SELECTOR,
                &[e.operator.into(), e.owner.into()],
            ),
            E::InvalidApprover(e) => {
                encode_error(ERC1155InvalidApprover::SELECTOR, &[e.approver.into()])
            }
            E::InvalidOperator(e) => {
                encode_error(ERC1155InvalidOperator::SELECTOR, &[e.operator.into()])
            }
            E::InvalidArrayLength(e) => encode_error(
                ERC1155InvalidArrayLength::SELECTOR,
                &[e.ids_length.into(), e.values_length.into()],
            ),
        })
    }
}

/// Result of a tokenizer method.
pub type Res<T> = Result<T, Error>;

fn base_err(e: impl Into<BaseError>) -> Error {
    Error::from(e.into())
}

/// One `(record, slot)` (one storage slot: 8 + 1 + 1 + 20 + 2 bytes).
#[storage]
pub struct Slot {
    global_id: StorageU64,
    reserved: StorageBool,
    claimed: StorageBool,
    /// `reservedFor` before the claim (0 = anonymous), `claimedBy` after.
    party: StorageAddress,
    label_len: StorageU16,
}

/// A global id's `(record, slot)`.
#[storage]
pub struct TokenRef {
    integra_hash: StorageB256,
    slot: StorageU8,
}

/// The tokenizer's storage.
#[storage]
pub struct MultiPartyTokenizer {
    /// The shared tokenizer base.
    pub base: TokenizerBase,
    /// OpenZeppelin ERC-1155 ledgers.
    pub erc1155: Erc1155,
    slots: StorageMap<B256, StorageMap<U256, Slot>>,
    /// Reserved amount until the claim, minted supply after it.
    amounts: StorageMap<B256, StorageMap<U256, StorageU256>>,
    /// Bit `s` (low half): slot `s` reserved; bit `128 + s`: claimed.
    bitmaps: StorageMap<B256, StorageU256>,
    refs: StorageMap<U256, TokenRef>,
    labels: StorageMap<U256, StorageMap<U256, StorageB256>>,
    holders: StorageMap<U256, AddressSet>,
    /// The view lens (see [`lens`]); fixed at construction.
    lens: StorageAddress,
}

// SAFETY: the contract's (and the lens's) top-level storage, at slot 0.
unsafe impl TopLevelStorage for MultiPartyTokenizer {}

// The tokenizer's entrypoint; the lens links this crate without it.
#[cfg(feature = "contract")]
reentrant_entrypoint!(@entry MultiPartyTokenizer, MultiPartyTokenizer);

/// A slot as the views report it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SlotState {
    /// Global ERC-1155 id, 0 before the first reservation.
    pub global_id: U256,
    /// Reserved (and, once claimed, still set).
    pub reserved: bool,
    /// Claimed.
    pub claimed: bool,
    /// `reservedFor` (unclaimed) or `claimedBy` (claimed).
    pub party: Address,
    /// Reserved amount (unclaimed) or minted supply (claimed).
    pub amount: U256,
}

const LOW: u32 = 128;

fn bit(s: U256) -> U256 {
    U256::from(1) << s
}

fn w16(v: u16) -> alloy_primitives::Uint<16, 1> {
    alloy_primitives::Uint::from_limbs([u64::from(v)])
}

#[allow(clippy::cast_possible_truncation)] // a Uint<16, 1> holds at most 16 bits
fn u16_of(v: alloy_primitives::Uint<16, 1>) -> usize {
    v.as_limbs()[0] as usize
}

impl MultiPartyTokenizer {
    /// Deploys the tokenizer (spec 11 §3 `initialize`) with its view lens.
    ///
    /// # Errors
    /// `InvalidLens(lens)` when `lens` is 0 or has no code; then as
    /// [`TokenizerBase::initialize`].
    pub fn constructor(&mut self, config: &Config, lens: Address) -> Res<()> {
        if lens.is_zero() || !calls::has_code(self.vm(), lens) {
            return Err(Error::Raw(encode_error(
                InvalidLens::SELECTOR,
                &[lens.into()],
            )));
        }
        self.lens.set(lens);
        Ok(self.base.initialize(config)?)
    }

    /// The view lens.
    #[must_use]
    pub fn lens(&self) -> Address {
        self.lens.get()
    }

    /// The state of `(h, s)`.
    #[must_use]
    pub fn slot(&self, h: B256, s: U256) -> SlotState {
        let r = self.slots.getter(h);
        let slot = r.getter(s);
        SlotState {
            global_id: U256::from(slot.global_id.get().as_limbs()[0]),
            reserved: slot.reserved.get(),
            claimed: slot.claimed.get(),
            party: slot.party.get(),
            amount: self.amounts.getter(h).get(s),
        }
    }

    /// `(reserved, claimed)` bitmaps of `h` (bit `s` = slot `s`).
    #[must_use]
    pub fn bitmaps(&self, h: B256) -> (U256, U256) {
        let w = self.bitmaps.get(h);
        let mask = (U256::from(1) << LOW) - U256::from(1);
        (w & mask, w >> LOW)
    }

    fn in_range(s: U256) -> bool {
        s >= U256::from(1) && s <= U256::from(MAX_TOKENS)
    }

    /// `reserveToken` / `reserveTokenAnonymous` of slot `s`.
    ///
    /// # Errors
    /// The base's reservation checks, then `InvalidTokenId(s)` outside 1..100,
    /// `TokenAlreadyClaimed(h, s)`, `TokenAlreadyReserved(h, s)`.
    ///
    /// # Events
    /// `TokenReserved(h, s, recipient, amount, …)` or `TokenReservedAnonymous(h, s, amount,
    /// label, …)`.
    #[allow(clippy::too_many_arguments)] // the call's arguments
    pub fn reserve(
        &mut self,
        sender: Address,
        h: B256,
        s: U256,
        recipient: Option<Address>,
        amount: U256,
        label: &[u8],
        process_hash: B256,
    ) -> Res<U256> {
        self.base.validate_reservation(
            sender,
            h,
            amount,
            false,
            process_hash,
            label.len(),
            recipient,
        )?;
        if !Self::in_range(s) {
            return Err(base_err(base::InvalidTokenId { tokenId: s }));
        }
        let state = self.slot(h, s);
        if state.claimed {
            return Err(base_err(base::TokenAlreadyClaimed {
                integraHash: h,
                tokenId: s,
            }));
        }
        if state.reserved {
            return Err(base_err(base::TokenAlreadyReserved {
                integraHash: h,
                tokenId: s,
            }));
        }
        let mut gid = state.global_id;
        if gid.is_zero() {
            gid = self.base.next_id()?;
            let mut r = self.refs.setter(gid);
            r.integra_hash.set(h);
            // s ≤ 100.
            r.slot
                .set(alloy_primitives::Uint::from_limbs([s.as_limbs()[0]]));
        }
        {
            let mut record = self.slots.setter(h);
            let mut slot = record.setter(s);
            slot.global_id
                .set(alloy_primitives::Uint::from_limbs([gid.as_limbs()[0]]));
            slot.reserved.set(true);
            slot.party.set(recipient.unwrap_or_default());
            // ≤ 500 bytes (checked above).
            slot.label_len
                .set(w16(u16::try_from(label.len()).unwrap_or(u16::MAX)));
        }
        self.amounts.setter(h).setter(s).set(amount);
        let mut words = self.labels.setter(gid);
        for (i, chunk) in label.chunks(32).enumerate() {
            words
                .setter(U256::from(i))
                .set(B256::right_padding_from(chunk));
        }
        let w = self.bitmaps.get(h);
        self.bitmaps.setter(h).set(w | bit(s));
        self.base
            .emit_reserved(h, s, recipient, amount, label, process_hash);
        Ok(gid)
    }

    /// `claimToken` of slot `s`: mints the reserved amount of the slot's global id.
    ///
    /// # Errors
    /// The base's claim gate ([`TokenizerBase::begin_claim`]: D4's registry call skipped
    /// when a slot of `h` is reserved here), then `TokenNotReserved(h, s)`,
    /// `TokenAlreadyClaimed(h, s)`, `NotReservedForYou`, `AttestationTokenMismatch(attested, s)`,
    /// ERC-1155 receiver errors.
    ///
    /// # Events
    /// `CapabilityVerified`, `TransferSingle(sender, 0, claimant, gid, amount)`, `TokenClaimed`,
    /// then `DocumentComplete` and trust credentials when this claim completes the record.
    pub fn claim(
        &mut self,
        sender: Address,
        h: B256,
        s: U256,
        uid: B256,
        process_hash: B256,
    ) -> Res<U256> {
        // A reserved (or claimed) slot of `h` means a reservation passed the gate: the registry
        // bound `h` to this contract then, one-way, so the claim gate skips D4's registry call.
        let reserved = !self.bitmaps(h).0.is_zero();
        let attested = self
            .base
            .begin_claim(sender, h, uid, process_hash, reserved)?;
        let r = self.claim_inner(sender, h, s, attested, uid, process_hash);
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
        s: U256,
        attested: U256,
        uid: B256,
        process_hash: B256,
    ) -> Res<U256> {
        let state = self.slot(h, s);
        if !state.reserved {
            return Err(base_err(base::TokenNotReserved {
                integraHash: h,
                tokenId: s,
            }));
        }
        if state.claimed {
            return Err(base_err(base::TokenAlreadyClaimed {
                integraHash: h,
                tokenId: s,
            }));
        }
        TokenizerBase::check_claimant(sender, state.party)?;
        TokenizerBase::check_attested_token(attested, s)?;
        {
            let mut record = self.slots.setter(h);
            let mut slot = record.setter(s);
            slot.claimed.set(true);
            slot.party.set(sender);
        }
        let w = self.bitmaps.get(h);
        let w = w | (bit(s) << LOW);
        self.bitmaps.setter(h).set(w);
        let gid = state.global_id;
        self.erc1155
            ._mint(sender, gid, state.amount, &Bytes::from(Vec::new()))?;
        self.sync(sender, gid);
        self.base.emit_claimed(h, s, sender, uid, process_hash);
        let (reserved, claimed) = self.bitmaps(h);
        let fired = self.base.complete(
            h,
            reserved == claimed,
            U256::from(claimed.count_ones()),
            process_hash,
        );
        self.base.trust_hook(h, Some(sender), fired);
        Ok(gid)
    }

    /// `cancelReservation` of slot `s`: clears it (the global id is kept for a re-reservation).
    ///
    /// # Errors
    /// The base's cancel gate, `TokenNotReserved(h, s)`, `TokenAlreadyClaimed(h, s)`.
    ///
    /// # Events
    /// `ReservationCancelled(h, s, amount, …)`; `DocumentComplete` (and credentials) when the
    /// cancelled slot was the last open one.
    pub fn cancel(&mut self, sender: Address, h: B256, s: U256, process_hash: B256) -> Res<()> {
        self.base.validate_cancel(sender, h, process_hash)?;
        let state = self.slot(h, s);
        if !state.reserved {
            return Err(base_err(base::TokenNotReserved {
                integraHash: h,
                tokenId: s,
            }));
        }
        if state.claimed {
            return Err(base_err(base::TokenAlreadyClaimed {
                integraHash: h,
                tokenId: s,
            }));
        }
        let words = {
            let mut record = self.slots.setter(h);
            let mut slot = record.setter(s);
            let words = u16_of(slot.label_len.get()).div_ceil(32);
            slot.reserved.set(false);
            slot.party.set(Address::ZERO);
            slot.label_len.set(w16(0));
            words
        };
        self.amounts.setter(h).delete(s);
        let mut label = self.labels.setter(state.global_id);
        for i in 0..words {
            label.delete(U256::from(i));
        }
        let w = self.bitmaps.get(h);
        self.bitmaps.setter(h).set(w & !bit(s));
        self.base.emit_cancelled(h, s, state.amount, process_hash);
        self.base.enter()?;
        let (reserved, claimed) = self.bitmaps(h);
        let fired = self.base.complete(
            h,
            !reserved.is_zero() && reserved == claimed,
            U256::from(claimed.count_ones()),
            process_hash,
        );
        self.base.trust_hook(h, None, fired);
        self.base.exit();
        Ok(())
    }

    /// Keeps `tokensOf(a)` and the holders of `gid` in step with `a`'s balance.
    fn sync(&mut self, a: Address, gid: U256) {
        if a.is_zero() {
            return;
        }
        let balance = self.erc1155.balance_of(a, gid);
        self.base.sync_held(a, gid, balance);
        let mut holders = self.holders.setter(gid);
        if balance.is_zero() {
            holders.remove(a);
        } else {
            holders.insert(a);
        }
    }

    /// `tokenRefOf(gid)`: the `(record, slot)` of a global id.
    #[must_use]
    pub fn token_ref(&self, gid: U256) -> (B256, U256) {
        let r = self.refs.getter(gid);
        (r.integra_hash.get(), U256::from(r.slot.get().as_limbs()[0]))
    }

    /// ERC-1155 `safeTransferFrom` / `safeBatchTransferFrom` for `msg.sender`, keeping the
    /// holder index in step.
    ///
    /// # Errors
    /// OpenZeppelin's ERC-1155 errors; a receiver's rejection.
    pub fn transfer(
        &mut self,
        from: Address,
        to: Address,
        ids: Vec<U256>,
        values: Vec<U256>,
        data: &[u8],
        batch: bool,
    ) -> Res<()> {
        let data = Bytes::from(data.to_vec());
        if batch {
            self.erc1155
                .safe_batch_transfer_from(from, to, ids.clone(), values, data)?;
        } else {
            self.erc1155.safe_transfer_from(
                from,
                to,
                ids.first().copied().unwrap_or_default(),
                values.first().copied().unwrap_or_default(),
                data,
            )?;
        }
        for id in ids {
            self.sync(from, id);
            self.sync(to, id);
        }
        Ok(())
    }

    /// `setURI` (GOVERNOR).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `URI(newuri, 0)`.
    pub fn set_uri(&mut self, sender: Address, uri: &str) -> Res<()> {
        self.base.set_base_uri(sender, uri)?;
        emit(self.vm(), &[URI::SIGNATURE_HASH, B256::ZERO], &[uri.into()]);
        Ok(())
    }

    /// ERC-165.
    #[must_use]
    pub fn supports_interface(id: [u8; 4]) -> bool {
        COMMON_INTERFACE_IDS.contains(&id)
            || [ERC1155_INTERFACE_ID, ERC1155_METADATA_URI_INTERFACE_ID].contains(&id)
    }
}

// The tokenizer's router; the lens routes through its own.
#[cfg(feature = "contract")]
integra_primitives::compact_router!(MultiPartyTokenizer, dispatch, constructor(s, a) {
    let addr = |i| a.address(i).ok_or_else(Vec::new);
    let word = |i| a.word(i).ok_or_else(Vec::new);
    let config = Config {
        base_uri: a.string(0).ok_or_else(Vec::new)?.into(),
        governor: addr(1)?,
        document_registry: addr(2)?,
        namespace: addr(3)?,
        provider_registry: addr(4)?,
        default_provider_id: word(5)?,
        credential_schema: word(6)?,
        trust_registry: addr(7)?,
        eas: addr(8)?,
        trusted_forwarder: addr(9)?,
    };
    s.constructor(&config, addr(10)?).map_err(Vec::from)
});

/// Reads a `uint256[]` / `address[]` argument as words.
fn words(a: Args<'_>, i: usize) -> Option<Vec<B256>> {
    let (n, body) = a.array(i)?;
    (0..n).map(|j| body.word(j)).collect()
}

/// Selector of the private lens entry: `LENS_ENTRY ‖ original calldata`. Only the tokenizer
/// itself may call it (from [`forward_to_lens`], in a static call); not in the ABI.
pub const LENS_ENTRY: [u8; 4] = {
    let h = stylus_sdk::keccak_const::Keccak256::new()
        .update(b"MultiPartyTokenizer.lensEntry")
        .finalize();
    [h[0], h[1], h[2], h[3]]
};

/// A view of [`views::SELECTORS`]: `STATICCALL` to this contract's [`LENS_ENTRY`] with the
/// original calldata; its return or revert data come back unchanged.
///
/// # Errors
/// The view's revert data.
pub fn forward_to_lens(s: &MultiPartyTokenizer, selector: [u8; 4], input: &[u8]) -> ArbResult {
    let mut data = Vec::with_capacity(8 + input.len());
    data.extend_from_slice(&LENS_ENTRY);
    data.extend_from_slice(&selector);
    data.extend_from_slice(input);
    let vm = s.vm();
    calls::call_limited(
        vm,
        Kind::Static,
        vm.contract_address(),
        &data,
        u64::MAX,
        usize::MAX,
    )
}

/// [`LENS_ENTRY`]: for the tokenizer itself only, `DELEGATECALL`s the lens with `calldata` (the
/// original call), so the lens's views read this contract's storage — inside the static frame
/// [`forward_to_lens`] opened, where no write can succeed.
///
/// # Errors
/// `LensEntryForbidden(caller)` for any other caller; the view's revert data.
pub fn enter_lens(s: &MultiPartyTokenizer, calldata: &[u8]) -> ArbResult {
    let vm = s.vm();
    let caller = vm.msg_sender();
    if caller != vm.contract_address() {
        return Err(encode_error(LensEntryForbidden::SELECTOR, &[caller.into()]));
    }
    calls::call_limited(
        vm,
        Kind::Delegate,
        s.lens.get(),
        calldata,
        u64::MAX,
        usize::MAX,
    )
}

/// The router: no value; the views of [`views::SELECTORS`] through the lens; the lens entry;
/// then the tokenizer's own functions ([`dispatch_local`]).
pub fn dispatch(s: &mut MultiPartyTokenizer, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
    if !s.vm().msg_value().is_zero() {
        return Some(Err(Vec::new()));
    }
    if views::SELECTORS.contains(&selector) {
        return Some(forward_to_lens(s, selector, a.0));
    }
    if selector == LENS_ENTRY {
        return Some(enter_lens(s, a.0));
    }
    dispatch_local(s, selector, a)
}

/// The functions whose code is in the tokenizer: the token standard's views, the writes and the
/// base's functions. `None` for the lens's views and unknown selectors.
pub fn dispatch_local(
    s: &mut MultiPartyTokenizer,
    selector: [u8; 4],
    a: Args<'_>,
) -> Option<ArbResult> {
    if let Some(out) = dispatch_view(s, selector, a) {
        return Some(out);
    }
    let sender = s.base.sender_of(a.0);
    if let Some(out) = dispatch_write(s, selector, a, sender) {
        return Some(out);
    }
    s.base.dispatch_admin(sender, selector, a)
}

fn dispatch_view(s: &MultiPartyTokenizer, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
    use ITokenizerBase as B;
    let out = match selector {
        B::balanceOf_0Call::SELECTOR => ret(&[s
            .erc1155
            .balance_of(arg!(a.address(0)), arg!(a.u256(1)))
            .into()]),
        B::tokenTypeCall::SELECTOR => ret(&[token_type::ERC1155.into()]),
        B::supportsInterfaceCall::SELECTOR => {
            ret(&[MultiPartyTokenizer::supports_interface(arg!(interface_arg(a))).into()])
        }
        balanceOfBatchCall::SELECTOR => {
            let accounts = arg!(words(a, 0));
            let ids = arg!(words(a, 1));
            if accounts.len() != ids.len() {
                return Some(Err(Error::from(erc1155::Error::InvalidArrayLength(
                    erc1155::ERC1155InvalidArrayLength {
                        ids_length: U256::from(ids.len()),
                        values_length: U256::from(accounts.len()),
                    },
                ))
                .into()));
            }
            let mut out = Vec::with_capacity(ids.len());
            for (acc, id) in accounts.iter().zip(&ids) {
                if acc[..12].iter().any(|b| *b != 0) {
                    return Some(Err(Vec::new()));
                }
                let bal = s
                    .erc1155
                    .balance_of(Address::from_slice(&acc[12..]), U256::from_be_bytes(id.0));
                out.push(B256::from(bal));
            }
            ret(&[Token::Words(&out)])
        }
        isApprovedForAllCall::SELECTOR => ret(&[s
            .erc1155
            .is_approved_for_all(arg!(a.address(0)), arg!(a.address(1)))
            .into()]),
        uriCall::SELECTOR => ret(&[s.base.base_uri().as_str().into()]),
        _ => return None,
    };
    Some(out)
}

fn dispatch_write(
    s: &mut MultiPartyTokenizer,
    selector: [u8; 4],
    a: Args<'_>,
    sender: Address,
) -> Option<ArbResult> {
    use ITokenizerBase as B;
    let out = match selector {
        B::reserveTokenCall::SELECTOR => run(s.reserve(
            sender,
            arg!(a.word(0)),
            arg!(a.u256(1)),
            Some(arg!(a.address(2))),
            arg!(a.u256(3)),
            &[],
            arg!(a.word(4)),
        )),
        B::reserveTokenAnonymousCall::SELECTOR => run(s.reserve(
            sender,
            arg!(a.word(0)),
            arg!(a.u256(1)),
            None,
            arg!(a.u256(2)),
            arg!(a.bytes(3)),
            arg!(a.word(4)),
        )),
        B::claimTokenCall::SELECTOR => run(s.claim(
            sender,
            arg!(a.word(0)),
            arg!(a.u256(1)),
            arg!(a.word(2)),
            arg!(a.word(3)),
        )),
        B::cancelReservationCall::SELECTOR => {
            run(s.cancel(sender, arg!(a.word(0)), arg!(a.u256(1)), arg!(a.word(2))))
        }
        safeTransferFromCall::SELECTOR => run(s.transfer(
            arg!(a.address(0)),
            arg!(a.address(1)),
            vec![arg!(a.u256(2))],
            vec![arg!(a.u256(3))],
            arg!(a.bytes(4)),
            false,
        )),
        safeBatchTransferFromCall::SELECTOR => {
            let ids = arg!(words(a, 2))
                .iter()
                .map(|w| U256::from_be_bytes(w.0))
                .collect();
            let values = arg!(words(a, 3))
                .iter()
                .map(|w| U256::from_be_bytes(w.0))
                .collect();
            run(s.transfer(
                arg!(a.address(0)),
                arg!(a.address(1)),
                ids,
                values,
                arg!(a.bytes(4)),
                true,
            ))
        }
        setApprovalForAllCall::SELECTOR => run(s
            .erc1155
            .set_approval_for_all(arg!(a.address(0)), arg!(a.bool(1)))
            .map_err(Error::from)),
        setURICall::SELECTOR => run(s.set_uri(sender, arg!(a.string(0)))),
        _ => return None,
    };
    Some(out)
}

pub mod views;

#[cfg(test)]
mod tests;
