//! `OwnershipTokenizer` (spec 11 §2.1): exclusive ownership — deeds, titles, exclusive licences.
//! One ERC-721 token per record, reserved by the record's owner or executor (named or anonymous),
//! claimed by the attested recipient, then freely transferable.
//!
//! Composition: [`TokenizerBase`] (gates, claim checks, completion, holder index, administration,
//! attestation access control) + openzeppelin-stylus [`Erc721`] (the token standard: balances,
//! owners, approvals, events, `onERC721Received` checks) + this family's records. The router is
//! hand-written (no `#[public]`), as in every Integra contract. ERC-721 Metadata (`name`,
//! `symbol`, `tokenURI`) is served from the base's word storage rather than OpenZeppelin's
//! `Erc721Metadata`: its `StorageString` links 256-bit division and formatting code (≈ 7 KB),
//! which the module cannot afford (see Size); the interface and answers are the same.
//!
//! # Identity (spec 10 §3)
//! NFT ids are sequential from 1 (one counter in the base's configuration slot). `reserveToken`
//! ignores its `tokenId` argument; claim, cancel and views take 0 ("the record's token") or the
//! assigned id, and **any id not bound to the given record is `TokenNotFound(h, tokenId)`**: the
//! reference let the owner of record A claim or cancel record B's token by passing B's id.
//!
//! # Storage per record (gas)
//! A reservation writes one fresh slot: `records[h]` = token id (4 bytes), party (20), minted
//! (1), label length (2) and position in the holder's `tokensOf` list (4), where party is
//! `reservedFor` until the claim and `claimedBy` after it; the id counter shares the base's
//! configuration slot. An anonymous label adds only its words (the length lives in the record).
//! The claim writes `tokenHash[id]` (id → record, for `getDocumentHash`, `tokensOf` and the
//! transfer hook) next to the ERC-721 owner and balance and the holder's `tokensOf` entry: the
//! map only exists for minted tokens, and claim and cancel by id compare the id with
//! `records[h]`'s. The `tokensOf` index costs one slot per held token: its length is the ERC-721
//! balance and each token's position sits in its record. `DocumentComplete` needs no flag: a
//! record mints once.
//!
//! # Gas (issue 7 point 6), measured by the gas report
//! Traced with `cargo run -p integra-tests --example tokenizer_trace ownership [cached]`. Tx gas,
//! uncached / tokenizer and registries in Nitro's program cache:
//!
//! | operation | budget | before | now |
//! |---|---:|---:|---:|
//! | `reserveToken` (named) | 80,000 | 166,185 / 108,607 | 134,189 / 76,477 |
//! | `reserveTokenAnonymous` (64 B label) | 110,000 | 212,660 / 155,082 | 180,664 / 122,952 |
//! | `claimToken` | 120,000 | 334,081 / 212,976 | 340,643 / 219,384 |
//!
//! What changed: the gate's one registry view instead of three calls (reservations −9,900);
//! `tokenHash` written at the claim instead of the reservation (reservations −22,100, claim
//! +22,100 − 2,105 for the id check's read; a cancelled reservation saves it); the claim skips
//! D4's registry call and the registry address's read when the record has a reservation here
//! (−9,300, see `TokenizerBase::begin_claim`); the provider reads two slots fewer (−4,350). A reservation
//! and its claim together: uncached 500,266 → 474,832, cached 321,583 → 295,861.
//! - **Named reserve, cached** meets its budget. Its floor: intrinsic 22,508, entries 9,655
//!   (tokenizer 5,610, registry 4,045), the registry's cold account 2,600 and its 3 record
//!   `SLOAD`s 6,315, the tokenizer's 2 cold `SLOAD`s 4,210, the record's fresh slot 22,100, the
//!   id counter 2,900, `TokenReserved` 2,643: 72,931, ink ~3,500.
//! - **Uncached**, the two programs' entries alone (67,367) and the intrinsic gas exceed
//!   80,000: no uncached reservation can meet the budgets.
//! - **Anonymous, cached** (122,952 > 110,000): the named floor plus two fresh label words
//!   (44,200), 1,152 more calldata and the larger event (+649): 118,932 before any ink.
//! - **Claim, cached** (219,384 > 120,000): intrinsic 22,728; five programs' entries 23,794
//!   (tokenizer 5,610, component registry 4,781, provider 3,232, EAS 5,126, document registry
//!   5,045); 4 cold accounts 10,400; 24 cold `SLOAD`s 50,400 (tokenizer 5 + its attestation
//!   component 3, component registry 2, provider 6, EAS 10 for the attestation, document
//!   registry 1 for the owner); 4 fresh slots 88,400 (ERC-721 owner and balance, `tokensOf`
//!   entry, `tokenHash`); record and guard 3,100; four events 9,191 (`CapabilityVerified`,
//!   `Transfer`, `TokenClaimed`, `DocumentComplete`): 207,413 before ink (~12,000). Intrinsic
//!   gas, the fresh slots and the cold accounts alone are 121,528. Uncached, the entries are
//!   145,053.

//! # Size: an `ArbOS` 60 root contract
//! 116,555 B raw, 34,796 B compressed (`scripts/build-contracts.sh -p integra-ownership-tokenizer`):
//! over the 24,576 B of a classic contract, so it deploys as a root contract joining 2 fragments
//! (`[package.metadata.integra] arbos-version = 60`). Measured shares of the module: this crate
//! ≈ 23 KB (router and views ≈ 9 KB), the base ≈ 23 KB, the attestation component ≈ 15 KB (its
//! governance functions ≈ 7 KB), OpenZeppelin ERC-721 with its receiver call, events and errors
//! ≈ 9 KB plus ≈ 6 KB of alloy encoders and ≈ 5 KB of formatting code its receiver error pulls
//! in, the SDK's host vtable ≈ 5 KB. A classic contract would need a split (array views to a
//! lens, the attestation component's governance to its own contract).
//!
//! # Departures
//! - `initialize` is the constructor (run once by the deployer); `AlreadyInitialized` guards a
//!   second run of the base.
//! - None for D7 (ERC-2771): every write, the ERC-721 `transferFrom`, both `safeTransferFrom`s,
//!   `approve` and `setApprovalForAll` included, acts for the ERC-2771 sender (the last 20 bytes
//!   of a call from the non-zero trusted forwarder, else `msg.sender`). The ERC-721 functions are
//!   OpenZeppelin's public ones rebuilt from its internals with that sender as `auth` / owner /
//!   operator (`_update`, `_approve`, `_set_approval_for_all`, `_check_on_erc721_received`):
//!   same checks, order, errors and events; a receiver's `onERC721Received` sees the relayed
//!   sender as `operator`. One addition: a zero relayed sender (a forwarder appending address 0)
//!   is refused as an unauthorized operator (`ERC721InsufficientApproval(0, id)`,
//!   `ERC721InvalidApprover(0)`), where OpenZeppelin's internals would skip the check for a zero
//!   `auth`.
//! - `setBaseURI` emits ERC-4906 `BatchMetadataUpdate(0, type(uint256).max)` (all tokens).
//! - No trust graph (spec 11 OQ-C10): `DocumentComplete` only.
//! - `getDocumentHash(id)` of a reserved, unminted id is 0, not its record (spec 10 §6 reads
//!   `tokenData[id].integraHash`, set at reservation in [TD]): the id → record map is written at
//!   the claim (see Storage). A minted token's record is as the spec says, and
//!   `integraHashToTokenId(h)` gives an unminted reservation's id.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

use alloc::{string::String, vec, vec::Vec};

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolError, SolEvent};
use integra_primitives::{
    abi::{emit, returns, Args, Token},
    compact_errors, reentrant_entrypoint,
};
pub use integra_tokenizer_base as base;
use integra_tokenizer_base::WordBytes;
use integra_tokenizer_base::{
    arg, interface_arg, ret, run, token_type, Config, Error as BaseError, TokenizerBase,
    COMMON_INTERFACE_IDS,
};
use openzeppelin_stylus::token::erc721::{self, Erc721, IErc721};
use stylus_sdk::{
    abi::Bytes,
    prelude::*,
    storage::{
        StorageAddress, StorageB256, StorageBool, StorageMap, StorageU16, StorageU256, StorageU32,
    },
    ArbResult,
};

pub use iface::IOwnershipTokenizer::*;
pub use integra_tokenizer_base::ITokenizerBase;

mod iface {
    integra_primitives::contract_interface! {
        /// The ERC-721 family's functions, events and errors (spec 11 §1, §2.1), next to the
        /// base's `ITokenizerBase` and `IAttestationAccessControl`.
        interface IOwnershipTokenizer {
            #[derive(Debug, PartialEq, Eq)]
            event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
            #[derive(Debug, PartialEq, Eq)]
            event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);
            #[derive(Debug, PartialEq, Eq)]
            event ApprovalForAll(address indexed owner, address indexed operator, bool approved);
            #[derive(Debug, PartialEq, Eq)]
            event BatchMetadataUpdate(uint256 _fromTokenId, uint256 _toTokenId);

            #[derive(Debug, PartialEq, Eq)]
            error AlreadyMinted(uint256 tokenId);
            #[derive(Debug, PartialEq, Eq)]
            error AlreadyReserved(bytes32 integraHash);
            #[derive(Debug, PartialEq, Eq)]
            error TokenNotFound(bytes32 integraHash, uint256 tokenId);
            #[derive(Debug, PartialEq, Eq)]
            error ERC721InvalidOwner(address owner);
            #[derive(Debug, PartialEq, Eq)]
            error ERC721NonexistentToken(uint256 tokenId);
            #[derive(Debug, PartialEq, Eq)]
            error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner);
            #[derive(Debug, PartialEq, Eq)]
            error ERC721InvalidSender(address sender);
            #[derive(Debug, PartialEq, Eq)]
            error ERC721InvalidReceiver(address receiver);
            #[derive(Debug, PartialEq, Eq)]
            error ERC721InsufficientApproval(address operator, uint256 tokenId);
            #[derive(Debug, PartialEq, Eq)]
            error ERC721InvalidApprover(address approver);
            #[derive(Debug, PartialEq, Eq)]
            error ERC721InvalidOperator(address operator);
            #[derive(Debug, PartialEq, Eq)]
            error InvalidReceiverWithReason(string reason);

            function balanceOf(address owner) external view returns (uint256);
            function ownerOf(uint256 tokenId) external view returns (address);
            function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) external;
            function safeTransferFrom(address from, address to, uint256 tokenId) external;
            function transferFrom(address from, address to, uint256 tokenId) external;
            function approve(address to, uint256 tokenId) external;
            function setApprovalForAll(address operator, bool approved) external;
            function getApproved(uint256 tokenId) external view returns (address);
            function isApprovedForAll(address owner, address operator) external view returns (bool);
            function name() external view returns (string memory);
            function symbol() external view returns (string memory);
            function tokenURI(uint256 tokenId) external view returns (string memory);
            function baseURI() external view returns (string memory);
            /// GOVERNOR. Emits `BatchMetadataUpdate(0, type(uint256).max)`.
            function setBaseURI(string baseURI_) external;
            function integraHashToTokenId(bytes32 integraHash) external view returns (uint256);
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

/// ERC-721 (`0x80ac58cd`).
pub const ERC721_INTERFACE_ID: [u8; 4] = [0x80, 0xac, 0x58, 0xcd];
/// ERC-721 Metadata (`0x5b5e139f`).
pub const ERC721_METADATA_INTERFACE_ID: [u8; 4] = [0x5b, 0x5e, 0x13, 0x9f];
/// ERC-4906 (`0x49064906`).
pub const ERC4906_INTERFACE_ID: [u8; 4] = [0x49, 0x06, 0x49, 0x06];

compact_errors! {
    /// Every way a call fails: the family's errors, and the base's and the token standard's
    /// encoded as they are.
    pub enum Error {
        /// The record's token is minted.
        AlreadyMinted(AlreadyMinted { tokenId }),
        /// The record already has a reservation.
        AlreadyReserved(AlreadyReserved { integraHash }),
        /// No token of this record under this id.
        TokenNotFound(TokenNotFound { integraHash, tokenId }),
        ;
        /// The base's errors, ERC-721 errors, a receiver's or the provider's revert data.
        Raw(bytes)
    }
}

impl From<BaseError> for Error {
    fn from(e: BaseError) -> Self {
        Error::Raw(e.into())
    }
}

/// OpenZeppelin's ERC-721 errors through the compact encoder (alloy's per-error encoders would
/// cost ~4 KB of WASM). The tests compare every variant with alloy's encoding.
impl From<erc721::Error> for Error {
    fn from(e: erc721::Error) -> Self {
        use erc721::Error as E;
        use integra_primitives::abi::encode_error;
        Error::Raw(match e {
            E::InvalidOwner(e) => encode_error(ERC721InvalidOwner::SELECTOR, &[e.owner.into()]),
            E::NonexistentToken(e) => {
                encode_error(ERC721NonexistentToken::SELECTOR, &[e.token_id.into()])
            }
            E::IncorrectOwner(e) => encode_error(
                ERC721IncorrectOwner::SELECTOR,
                &[e.sender.into(), e.token_id.into(), e.owner.into()],
            ),
            E::InvalidSender(e) => encode_error(ERC721InvalidSender::SELECTOR, &[e.sender.into()]),
            E::InvalidReceiver(e) => {
                encode_error(ERC721InvalidReceiver::SELECTOR, &[e.receiver.into()])
            }
            E::InvalidReceiverWithReason(e) => encode_error(
                InvalidReceiverWithReason::SELECTOR,
                &[e.reason.as_str().into()],
            ),
            E::InsufficientApproval(e) => encode_error(
                ERC721InsufficientApproval::SELECTOR,
                &[e.operator.into(), e.token_id.into()],
            ),
            E::InvalidApprover(e) => {
                encode_error(ERC721InvalidApprover::SELECTOR, &[e.approver.into()])
            }
            E::InvalidOperator(e) => {
                encode_error(ERC721InvalidOperator::SELECTOR, &[e.operator.into()])
            }
        })
    }
}

/// Result of a tokenizer method.
pub type Res<T> = Result<T, Error>;

/// One record's reservation (one slot: 4 + 20 + 1 + 2 + 4 bytes).
#[storage]
pub struct Record {
    token_id: StorageU32,
    /// `reservedFor` before the claim (0 = anonymous), `claimedBy` after.
    party: StorageAddress,
    minted: StorageBool,
    label_len: StorageU16,
    /// Index + 1 of the token in its holder's `held` list.
    held_pos: StorageU32,
}

/// The tokenizer's storage.
#[storage]
pub struct OwnershipTokenizer {
    /// The shared tokenizer base.
    pub base: TokenizerBase,
    /// OpenZeppelin ERC-721 ledgers.
    pub erc721: Erc721,
    name: WordBytes,
    symbol: WordBytes,
    records: StorageMap<B256, Record>,
    token_hash: StorageMap<U256, StorageB256>,
    /// Label words by token id.
    labels: StorageMap<U256, StorageMap<U256, StorageB256>>,
    /// `tokensOf` index: holder → position → token id; the length is the ERC-721 balance.
    held: StorageMap<Address, StorageMap<U256, StorageU256>>,
}

reentrant_entrypoint!(OwnershipTokenizer);

/// `getTokenInfo`'s answer (spec 10 §6) with plain Rust types (alloy's `Bytes` would link the
/// `bytes` crate into the contract).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Info {
    /// The record, 0 when `tokenId` is not its token.
    pub integra_hash: B256,
    /// The NFT id.
    pub token_id: U256,
    /// 1 once minted.
    pub total_supply: U256,
    /// 1 while reserved and unminted.
    pub reserved: U256,
    /// `[ownerOf]` once minted.
    pub holders: Vec<Address>,
    /// The anonymous reservation's label.
    pub encrypted_label: Vec<u8>,
    /// Named recipient while unminted.
    pub reserved_for: Address,
    /// Minted.
    pub claimed: bool,
    /// The claimant once minted.
    pub claimed_by: Address,
}

/// A reservation's state as the views report it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reservation {
    /// NFT id, 0 when the record has none.
    pub token_id: U256,
    /// `reservedFor` (unminted) or `claimedBy` (minted).
    pub party: Address,
    /// Claimed and minted.
    pub minted: bool,
}

fn id_word(id: u64) -> U256 {
    U256::from(id)
}

#[allow(clippy::cast_possible_truncation)] // a Uint<32, 1> holds at most 32 bits
fn u32_of(v: alloy_primitives::Uint<32, 1>) -> u32 {
    v.as_limbs()[0] as u32
}

#[allow(clippy::cast_possible_truncation)] // a Uint<16, 1> holds at most 16 bits
fn u16_of(v: alloy_primitives::Uint<16, 1>) -> u16 {
    v.as_limbs()[0] as u16
}

fn w32(v: u32) -> alloy_primitives::Uint<32, 1> {
    alloy_primitives::Uint::from_limbs([u64::from(v)])
}

fn w16(v: u16) -> alloy_primitives::Uint<16, 1> {
    alloy_primitives::Uint::from_limbs([u64::from(v)])
}

/// Index of a list position (positions fit in 32 bits).
fn pos_word(i: u32) -> U256 {
    U256::from(i)
}

/// Decimal digits of `v` (no `core::fmt`).
fn decimal(mut v: u64) -> String {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    digits[i..].iter().map(|d| char::from(*d)).collect()
}

impl OwnershipTokenizer {
    /// Deploys the tokenizer (spec 11 §2 `initialize`).
    ///
    /// # Errors
    /// `ZeroAddress` for a zero governor, registry, namespace or provider registry;
    /// `InvalidProviderId` for a zero default provider id.
    ///
    /// # Events
    /// `RoleGranted` for the admin, governor and operator roles.
    pub fn constructor(&mut self, name: &str, symbol: &str, config: &Config) -> Res<()> {
        self.base.initialize(config)?;
        self.name.set(name.as_bytes());
        self.symbol.set(symbol.as_bytes());
        Ok(())
    }

    fn reservation_of(&self, h: B256) -> Reservation {
        let r = self.records.getter(h);
        Reservation {
            token_id: id_word(u64::from(u32_of(r.token_id.get()))),
            party: r.party.get(),
            minted: r.minted.get(),
        }
    }

    /// The record's reservation.
    #[must_use]
    pub fn reservation(&self, h: B256) -> Reservation {
        self.reservation_of(h)
    }

    /// `tokenId` 0 = the record's token; any other id must be bound to `h`.
    fn resolve(&self, h: B256, token_id: U256) -> Res<Reservation> {
        let r = self.reservation_of(h);
        let id = if token_id.is_zero() {
            r.token_id
        } else {
            token_id
        };
        // The record's own id (`tokenHash` is written at mint, so it cannot tell an unminted
        // reservation's id).
        if id.is_zero() || id != r.token_id {
            return Err(TokenNotFound {
                integraHash: h,
                tokenId: token_id,
            }
            .into());
        }
        Ok(r)
    }

    /// `reserveToken` (`recipient` set) and `reserveTokenAnonymous` (`label` set). The `tokenId`
    /// argument is ignored: the NFT id is assigned.
    ///
    /// # Errors
    /// The base's reservation checks (spec 10 §7), then `InvalidAmount(amount)` unless 1,
    /// `AlreadyMinted(id)`, `AlreadyReserved(h)` for any existing reservation.
    ///
    /// # Events
    /// `TokenReserved(h, id, recipient, 1, …)` or `TokenReservedAnonymous(h, id, 1, label, …)`.
    pub fn reserve(
        &mut self,
        sender: Address,
        h: B256,
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
        if amount != U256::from(1) {
            return Err(BaseError::from(base::InvalidAmount { amount }).into());
        }
        let r = self.reservation_of(h);
        if r.minted {
            return Err(AlreadyMinted {
                tokenId: r.token_id,
            }
            .into());
        }
        if !r.token_id.is_zero() {
            return Err(AlreadyReserved { integraHash: h }.into());
        }
        let id = self.base.next_id()?;
        let Ok(small) = u32::try_from(id) else {
            return Err(BaseError::from(base::NotSupported {}).into());
        };
        let mut rec = self.records.setter(h);
        rec.token_id.set(w32(small));
        rec.party.set(recipient.unwrap_or_default());
        // ≤ 500 bytes (checked above).
        rec.label_len
            .set(w16(u16::try_from(label.len()).unwrap_or(u16::MAX)));
        let mut words = self.labels.setter(id);
        for (i, chunk) in label.chunks(32).enumerate() {
            words
                .setter(U256::from(i))
                .set(B256::right_padding_from(chunk));
        }
        self.base
            .emit_reserved(h, id, recipient, amount, label, process_hash);
        Ok(id)
    }

    /// `claimToken`: the attested claimant mints the record's NFT (safe mint).
    ///
    /// # Errors
    /// The base's claim gate (pause, guard, capability, binding, `processHash`), then
    /// `TokenNotFound(h, tokenId)`, `AlreadyMinted(id)`, `NotReservedForYou`,
    /// `AttestationTokenMismatch(attested, id)`, ERC-721 receiver errors.
    ///
    /// # Events
    /// `CapabilityVerified`, `Transfer(0, claimant, id)`, `TokenClaimed`, `DocumentComplete`.
    pub fn claim(
        &mut self,
        sender: Address,
        h: B256,
        token_id: U256,
        uid: B256,
        process_hash: B256,
    ) -> Res<U256> {
        // A reservation of `h` here means the registry bound `h` to this contract (D4 holds).
        let reserved = !self.reservation_of(h).token_id.is_zero();
        let attested = self
            .base
            .begin_claim(sender, h, uid, process_hash, reserved)?;
        let r = self.claim_inner(sender, h, token_id, attested, uid, process_hash);
        self.base.exit();
        r
    }

    /// The claim after the capability check: `attested` is the attestation's token id.
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
        let r = self.resolve(h, token_id)?;
        let id = r.token_id;
        if r.minted {
            return Err(AlreadyMinted { tokenId: id }.into());
        }
        TokenizerBase::check_claimant(sender, r.party)?;
        TokenizerBase::check_attested_token(attested, id)?;
        let mut rec = self.records.setter(h);
        rec.minted.set(true);
        rec.party.set(sender);
        self.token_hash.setter(id).set(h);
        self.erc721._mint(sender, id)?;
        self.index_add(sender, id, h);
        let operator = self.vm().msg_sender();
        self.erc721._check_on_erc721_received(
            operator,
            Address::ZERO,
            sender,
            id,
            &Bytes::from(Vec::new()),
        )?;
        self.base.emit_claimed(h, id, sender, uid, process_hash);
        self.base.emit_complete(h, U256::from(1), process_hash);
        Ok(id)
    }

    /// `cancelReservation`: deletes an unminted reservation (the record can be reserved again;
    /// the id is never reused).
    ///
    /// # Errors
    /// The base's cancel gate, `TokenNotFound(h, tokenId)`, `AlreadyMinted(id)`.
    ///
    /// # Events
    /// `ReservationCancelled(h, id, 1, …)`.
    pub fn cancel(
        &mut self,
        sender: Address,
        h: B256,
        token_id: U256,
        process_hash: B256,
    ) -> Res<()> {
        self.base.validate_cancel(sender, h, process_hash)?;
        let r = self.resolve(h, token_id)?;
        if r.minted {
            return Err(AlreadyMinted {
                tokenId: r.token_id,
            }
            .into());
        }
        let words = u32::from(u16_of(self.records.getter(h).label_len.get())).div_ceil(32);
        let mut rec = self.records.setter(h);
        rec.token_id.set(w32(0));
        rec.party.set(Address::ZERO);
        rec.label_len.set(w16(0));
        let mut label = self.labels.setter(r.token_id);
        for i in 0..words {
            label.delete(pos_word(i));
        }
        self.base
            .emit_cancelled(h, r.token_id, U256::from(1), process_hash);
        Ok(())
    }

    // ------------------------------------------------------------ views

    /// `balanceOf(address, bytes32)`: 1 if `a` owns the record's minted NFT.
    #[must_use]
    pub fn balance_of_record(&self, a: Address, h: B256) -> U256 {
        let r = self.reservation_of(h);
        U256::from(u8::from(
            r.minted && !a.is_zero() && self.erc721._owner_of(r.token_id) == a,
        ))
    }

    /// `balanceOf(address, uint256)`: `t = 0` the ERC-721 count, else 1 if `a` owns `t`.
    #[must_use]
    pub fn balance_of_id(&self, a: Address, t: U256) -> U256 {
        if a.is_zero() {
            return U256::ZERO;
        }
        if t.is_zero() {
            return self.erc721.balance_of(a).unwrap_or_default();
        }
        U256::from(u8::from(self.erc721._owner_of(t) == a))
    }

    /// `balanceOfDocumentToken`: `t ∈ {0, the record's id}` as `balanceOf(a, h)`, else 0.
    #[must_use]
    pub fn balance_of_document_token(&self, a: Address, h: B256, t: U256) -> U256 {
        let r = self.reservation_of(h);
        if t.is_zero() || t == r.token_id {
            self.balance_of_record(a, h)
        } else {
            U256::ZERO
        }
    }

    /// `getDocumentHash(id)`: the record of a minted token; 0 for an id that is not minted
    /// (including a reserved, unminted one: see the crate docs).
    #[must_use]
    pub fn document_hash(&self, id: U256) -> B256 {
        self.token_hash.get(id)
    }

    /// `getTokenInfo(h, t)`; zero-valued when `t` is not the record's token.
    #[must_use]
    pub fn token_info(&self, h: B256, t: U256) -> Info {
        let Ok(r) = self.resolve(h, t) else {
            return Info::default();
        };
        Info {
            integra_hash: h,
            token_id: r.token_id,
            total_supply: U256::from(u8::from(r.minted)),
            reserved: U256::from(u8::from(!r.minted)),
            holders: if r.minted {
                vec![self.erc721._owner_of(r.token_id)]
            } else {
                vec![]
            },
            encrypted_label: self.label_of(h, r.token_id),
            reserved_for: if r.minted { Address::ZERO } else { r.party },
            claimed: r.minted,
            claimed_by: if r.minted { r.party } else { Address::ZERO },
        }
    }

    /// `getEncryptedLabel(h, t)`: the anonymous reservation's label, else empty.
    #[must_use]
    pub fn encrypted_label(&self, h: B256, t: U256) -> Vec<u8> {
        self.resolve(h, t)
            .map(|r| self.label_of(h, r.token_id))
            .unwrap_or_default()
    }

    fn label_of(&self, h: B256, id: U256) -> Vec<u8> {
        let len = usize::from(u16_of(self.records.getter(h).label_len.get()));
        let words = self.labels.getter(id);
        let mut out = Vec::with_capacity(len.div_ceil(32) * 32);
        for i in 0..len.div_ceil(32) {
            out.extend_from_slice(words.get(U256::from(i)).as_slice());
        }
        out.truncate(len);
        out
    }

    /// Appends `id` (record `h`) to `to`'s list; `to`'s ERC-721 balance already counts it.
    fn index_add(&mut self, to: Address, id: U256, h: B256) {
        let n = self.erc721.balance_of(to).unwrap_or_default();
        let Ok(n) = u32::try_from(n) else { return };
        let Some(last) = n.checked_sub(1) else { return };
        self.held.setter(to).setter(pos_word(last)).set(id);
        self.records.setter(h).held_pos.set(w32(n));
    }

    /// Removes `id` (record `h`) from `from`'s list by moving the last entry into its place;
    /// `from`'s ERC-721 balance no longer counts it.
    fn index_remove(&mut self, from: Address, h: B256) {
        let last = self.erc721.balance_of(from).unwrap_or_default();
        let Ok(last) = u32::try_from(last) else {
            return;
        };
        let pos = u32_of(self.records.getter(h).held_pos.get());
        let Some(index) = pos.checked_sub(1) else {
            return;
        };
        if index != last {
            let moved = self.held.getter(from).get(pos_word(last));
            self.held.setter(from).setter(pos_word(index)).set(moved);
            let moved_h = self.token_hash.get(moved);
            self.records.setter(moved_h).held_pos.set(w32(pos));
        }
        self.held.setter(from).delete(pos_word(last));
    }

    /// The token ids `a` holds, in index order (`page` = offset, limit).
    #[must_use]
    pub fn held_ids(&self, a: Address, page: Option<(U256, U256)>) -> Vec<U256> {
        let n = if a.is_zero() {
            0
        } else {
            usize::try_from(self.erc721.balance_of(a).unwrap_or_default()).unwrap_or(0)
        };
        let range = match page {
            None => 0..n,
            Some((offset, limit)) => integra_primitives::limits::page_bounds(n, offset, limit),
        };
        let list = self.held.getter(a);
        range.map(|i| list.get(U256::from(i))).collect()
    }

    /// `getReservedTokens(h, r)`: `[id]` iff the unminted reservation is for `r`.
    #[must_use]
    pub fn reserved_tokens(&self, h: B256, recipient: Address) -> Vec<B256> {
        let r = self.reservation_of(h);
        if !r.token_id.is_zero() && !r.minted && r.party == recipient {
            vec![r.token_id.into()]
        } else {
            vec![]
        }
    }

    /// `tokenURI(id)`: baseURI ‖ decimal id, "" without a base URI.
    ///
    /// # Errors
    /// `ERC721NonexistentToken` for an unminted id.
    pub fn token_uri(&self, id: U256) -> Res<String> {
        self.erc721._require_owned(id)?;
        let base = self.base.base_uri();
        if base.is_empty() {
            return Ok(base);
        }
        // Minted ids come from a u64 counter.
        Ok(base + &decimal(id.as_limbs()[0]))
    }

    /// `setBaseURI` (GOVERNOR).
    ///
    /// # Errors
    /// `AccessControlUnauthorizedAccount`.
    ///
    /// # Events
    /// `BatchMetadataUpdate(0, type(uint256).max)`.
    pub fn set_base_uri(&mut self, sender: Address, uri: &str) -> Res<()> {
        self.base.set_base_uri(sender, uri)?;
        emit(
            self.vm(),
            &[BatchMetadataUpdate::SIGNATURE_HASH],
            &[U256::ZERO.into(), U256::MAX.into()],
        );
        Ok(())
    }

    /// ERC-721 `transferFrom` / `safeTransferFrom` for `sender` (the ERC-2771 sender), keeping
    /// `tokensOf` in step: OpenZeppelin's `transferFrom` with `sender` in place of
    /// `msg.sender` (same checks, order and errors), then the receiver check with `sender` as
    /// the operator.
    ///
    /// # Errors
    /// OpenZeppelin's ERC-721 errors; a receiver's rejection for safe transfers.
    ///
    /// # Events
    /// `Transfer(from, to, id)`.
    pub fn transfer(
        &mut self,
        sender: Address,
        from: Address,
        to: Address,
        id: U256,
        safe: Option<&[u8]>,
    ) -> Res<()> {
        if to.is_zero() {
            return Err(
                erc721::Error::InvalidReceiver(erc721::ERC721InvalidReceiver { receiver: to })
                    .into(),
            );
        }
        if sender.is_zero() {
            // OpenZeppelin skips authorization for a zero `auth`; a forwarder's zero sender is
            // refused as `_update` refuses an unauthorized operator.
            self.erc721
                ._check_authorized(self.erc721._owner_of(id), sender, id)?;
        }
        let owner = self.erc721._update(to, id, sender)?;
        if owner != from {
            return Err(erc721::Error::IncorrectOwner(erc721::ERC721IncorrectOwner {
                sender: from,
                token_id: id,
                owner,
            })
            .into());
        }
        if from != to {
            let h = self.token_hash.get(id);
            self.index_remove(from, h);
            self.index_add(to, id, h);
        }
        if let Some(data) = safe {
            self.erc721._check_on_erc721_received(
                sender,
                from,
                to,
                id,
                &Bytes::from(data.to_vec()),
            )?;
        }
        Ok(())
    }

    /// ERC-721 `approve` for `sender` (the ERC-2771 sender): OpenZeppelin's `approve` with
    /// `sender` in place of `msg.sender`.
    ///
    /// # Errors
    /// `ERC721NonexistentToken`; `ERC721InvalidApprover(sender)` unless `sender` owns the token
    /// or operates for its owner (also for a zero `sender`, which OpenZeppelin's internal
    /// function would not check).
    ///
    /// # Events
    /// `Approval(owner, to, id)`.
    pub fn approve(&mut self, sender: Address, to: Address, id: U256) -> Res<()> {
        if sender.is_zero() {
            self.erc721._require_owned(id)?;
            return Err(
                erc721::Error::InvalidApprover(erc721::ERC721InvalidApprover { approver: sender })
                    .into(),
            );
        }
        Ok(self.erc721._approve(to, id, sender, true)?)
    }

    /// ERC-165.
    #[must_use]
    pub fn supports_interface(id: [u8; 4]) -> bool {
        COMMON_INTERFACE_IDS.contains(&id)
            || [
                ERC721_INTERFACE_ID,
                ERC721_METADATA_INTERFACE_ID,
                ERC4906_INTERFACE_ID,
            ]
            .contains(&id)
    }
}

integra_primitives::compact_router!(OwnershipTokenizer, dispatch, constructor(s, a) {
    let addr = |i| a.address(i).ok_or_else(Vec::new);
    let config = Config {
        governor: addr(3)?,
        document_registry: addr(4)?,
        namespace: addr(5)?,
        provider_registry: addr(6)?,
        default_provider_id: a.word(7).ok_or_else(Vec::new)?,
        eas: addr(8)?,
        trusted_forwarder: addr(9)?,
        trust_registry: Address::ZERO,
        credential_schema: B256::ZERO,
        base_uri: a.string(2).ok_or_else(Vec::new)?.into(),
    };
    let name = a.string(0).ok_or_else(Vec::new)?;
    let symbol = a.string(1).ok_or_else(Vec::new)?;
    s.constructor(name, symbol, &config).map_err(Vec::from)
});

fn info_tokens(i: &Info) -> ArbResult {
    let holders: Vec<B256> = i.holders.iter().map(Address::into_word).collect();
    let fields = [
        i.integra_hash.into(),
        i.token_id.into(),
        i.total_supply.into(),
        i.reserved.into(),
        Token::Words(&holders),
        Token::Bytes(&i.encrypted_label),
        i.reserved_for.into(),
        i.claimed.into(),
        i.claimed_by.into(),
    ];
    ret(&[Token::Tuple(&fields)])
}

integra_tokenizer_base::tokenizer_dispatch!(OwnershipTokenizer, dispatch_view, dispatch_write);

#[allow(clippy::too_many_lines)] // one arm per external view
fn dispatch_view(s: &OwnershipTokenizer, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
    use ITokenizerBase as B;
    let out = match selector {
        B::balanceOf_0Call::SELECTOR => {
            ret(&[s.balance_of_id(arg!(a.address(0)), arg!(a.u256(1))).into()])
        }
        B::balanceOf_1Call::SELECTOR => ret(&[s
            .balance_of_record(arg!(a.address(0)), arg!(a.word(1)))
            .into()]),
        B::balanceOfDocumentTokenCall::SELECTOR => ret(&[s
            .balance_of_document_token(arg!(a.address(0)), arg!(a.word(1)), arg!(a.u256(2)))
            .into()]),
        B::getTokenInfoCall::SELECTOR => {
            info_tokens(&s.token_info(arg!(a.word(0)), arg!(a.u256(1))))
        }
        B::getEncryptedLabelCall::SELECTOR => ret(&[Token::Bytes(
            &s.encrypted_label(arg!(a.word(0)), arg!(a.u256(1))),
        )]),
        B::getAllEncryptedLabelsCall::SELECTOR => {
            let h = arg!(a.word(0));
            let r = s.reservation_of(h);
            let label = s.label_of(h, r.token_id);
            if r.token_id.is_zero() || label.is_empty() {
                ret(&[Token::Words(&[]), Token::Array(&[])])
            } else {
                ret(&[
                    Token::Words(&[r.token_id.into()]),
                    Token::Array(&[Token::Bytes(&label)]),
                ])
            }
        }
        B::getReservedTokensCall::SELECTOR => ret(&[Token::Words(
            &s.reserved_tokens(arg!(a.word(0)), arg!(a.address(1))),
        )]),
        B::getClaimStatusCall::SELECTOR => match s.resolve(arg!(a.word(0)), arg!(a.u256(1))) {
            Ok(r) if r.minted => ret(&[true.into(), r.party.into()]),
            _ => ret(&[false.into(), Address::ZERO.into()]),
        },
        B::tokenTypeCall::SELECTOR => ret(&[token_type::ERC721.into()]),
        B::tokensOfCall::SELECTOR | B::tokensOfPagedCall::SELECTOR => {
            let account = arg!(a.address(0));
            let page = if selector == B::tokensOfPagedCall::SELECTOR {
                Some((arg!(a.u256(1)), arg!(a.u256(2))))
            } else {
                None
            };
            Ok(base::encode_tokens_of(&s.held_ids(account, page), |id| {
                (s.token_hash.get(id), id, U256::from(1))
            }))
        }
        B::getDocumentHashCall::SELECTOR => ret(&[s.document_hash(arg!(a.u256(0))).into()]),
        B::isDocumentCompleteCall::SELECTOR => {
            ret(&[s.reservation_of(arg!(a.word(0))).minted.into()])
        }
        B::supportsInterfaceCall::SELECTOR => {
            ret(&[OwnershipTokenizer::supports_interface(arg!(interface_arg(a))).into()])
        }
        balanceOfCall::SELECTOR => s
            .erc721
            .balance_of(arg!(a.address(0)))
            .map(|b| returns(&[b.into()]))
            .map_err(|e| Error::from(e).into()),
        ownerOfCall::SELECTOR => s
            .erc721
            .owner_of(arg!(a.u256(0)))
            .map(|o| returns(&[o.into()]))
            .map_err(|e| Error::from(e).into()),
        getApprovedCall::SELECTOR => s
            .erc721
            .get_approved(arg!(a.u256(0)))
            .map(|o| returns(&[o.into()]))
            .map_err(|e| Error::from(e).into()),
        isApprovedForAllCall::SELECTOR => ret(&[s
            .erc721
            .is_approved_for_all(arg!(a.address(0)), arg!(a.address(1)))
            .into()]),
        nameCall::SELECTOR => ret(&[Token::Bytes(&s.name.get())]),
        symbolCall::SELECTOR => ret(&[Token::Bytes(&s.symbol.get())]),
        baseURICall::SELECTOR => ret(&[s.base.base_uri().as_str().into()]),
        tokenURICall::SELECTOR => s
            .token_uri(arg!(a.u256(0)))
            .map(|u| returns(&[u.as_str().into()]))
            .map_err(Vec::from),
        integraHashToTokenIdCall::SELECTOR => {
            ret(&[s.reservation_of(arg!(a.word(0))).token_id.into()])
        }
        _ => return None,
    };
    Some(out)
}

fn dispatch_write(
    s: &mut OwnershipTokenizer,
    selector: [u8; 4],
    a: Args<'_>,
    sender: Address,
) -> Option<ArbResult> {
    use ITokenizerBase as B;
    let out = match selector {
        B::reserveTokenCall::SELECTOR => run(s.reserve(
            sender,
            arg!(a.word(0)),
            Some(arg!(a.address(2))),
            arg!(a.u256(3)),
            &[],
            arg!(a.word(4)),
        )),
        B::reserveTokenAnonymousCall::SELECTOR => run(s.reserve(
            sender,
            arg!(a.word(0)),
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
        transferFromCall::SELECTOR => run(s.transfer(
            sender,
            arg!(a.address(0)),
            arg!(a.address(1)),
            arg!(a.u256(2)),
            None,
        )),
        safeTransferFrom_0Call::SELECTOR => run(s.transfer(
            sender,
            arg!(a.address(0)),
            arg!(a.address(1)),
            arg!(a.u256(2)),
            Some(arg!(a.bytes(3))),
        )),
        safeTransferFrom_1Call::SELECTOR => run(s.transfer(
            sender,
            arg!(a.address(0)),
            arg!(a.address(1)),
            arg!(a.u256(2)),
            Some(&[]),
        )),
        approveCall::SELECTOR => run(s.approve(sender, arg!(a.address(0)), arg!(a.u256(1)))),
        setApprovalForAllCall::SELECTOR => run(s
            .erc721
            ._set_approval_for_all(sender, arg!(a.address(0)), arg!(a.bool(1)))
            .map_err(Error::from)),
        setBaseURICall::SELECTOR => run(s.set_base_uri(sender, arg!(a.string(0)))),
        _ => return None,
    };
    Some(out)
}

#[cfg(test)]
mod tests;
