//! motsu tests: every external function's happy path, each revert with its exact error and
//! fields, unauthorized callers, limits at and just past the boundary, events with exact fields.
//! A property test runs random signed requests once and refuses any changed one.
//! Requests are signed with k256 keys and hashed by alloy's EIP-712 implementation (not ours),
//! and recovered through motsu's `ecrecover` precompile at 0x01, as on chain. Relays go to a
//! recording target and to the real `IntegraDocumentRegistry` that trusts the executor as its
//! ERC-2771 forwarder.
//!
//! Not coverable in motsu (gas unmetered, empty revert data replaced with a message, time
//! fixed): the target's gas under `execute`, an empty revert, a value-carrying transaction and
//! a later timestamp. `tests/tests/executor.rs` runs those against the WASM artifact.
#![allow(clippy::needless_pass_by_value)] // motsu fixtures

mod governance;
mod modes;
mod properties;
mod registry;
mod router;

use core::fmt::Debug;

use alloy_primitives::{keccak256, Address, B256, U256};
use alloy_sol_types::{sol, SolCall, SolError, SolStruct};
use k256::ecdsa::{RecoveryId, Signature, SigningKey, VerifyingKey};
use motsu::prelude::*;
use stylus_sdk::{
    call::RawCall,
    storage::{StorageAddress, StorageBytes, StorageU256, StorageU8},
};

use super::*;

/// motsu's `block_timestamp`.
const NOW: u64 = 1_735_689_600;
/// motsu's default chain id.
const CHAIN: u64 = 42_161;

sol! {
    /// The signed type, as clients declare it to `eth_signTypedData_v4`.
    struct ForwardRequest {
        address from;
        address to;
        uint256 value;
        uint256 gas;
        uint256 nonce;
        uint48 deadline;
        bytes data;
    }
    /// The recording target's functions (only the selector matters to its fallback).
    function ping(uint256 n) external returns (bytes);
    function other(uint256 n) external returns (bytes);
}

fn now() -> U256 {
    U256::from(NOW)
}

/// Asserts `result` failed with exactly `expected` (selector and every field).
#[track_caller]
fn assert_error<T: Debug>(result: Result<T, Error>, expected: impl SolError + Debug) {
    match result {
        Ok(v) => panic!("expected {expected:?}, got Ok({v:?})"),
        Err(err) => assert_eq!(
            Vec::<u8>::from(err),
            expected.abi_encode(),
            "expected {expected:?}"
        ),
    }
}

fn missing(account: Address, role: B256) -> AccessControlUnauthorizedAccount {
    AccessControlUnauthorizedAccount {
        account,
        neededRole: role,
    }
}

/// A k256 key and the address it signs for.
struct Key {
    key: SigningKey,
    address: Address,
}

impl Key {
    fn new(seed: u8) -> Self {
        let key = SigningKey::from_bytes(&[seed; 32].into()).expect("valid scalar");
        let address = address_of(key.verifying_key());
        Self { key, address }
    }

    /// `r ‖ s ‖ v` over `digest` (k256 produces low-s).
    fn sign(&self, digest: B256) -> Vec<u8> {
        let (sig, recid) = self
            .key
            .sign_prehash_recoverable(digest.as_slice())
            .expect("signs");
        let mut out = sig.to_bytes().to_vec();
        out.push(27 + recid.to_byte());
        out
    }
}

fn address_of(key: &VerifyingKey) -> Address {
    let point = key.to_encoded_point(false);
    Address::from_slice(&keccak256(&point.as_bytes()[1..])[12..])
}

/// What k256 recovers from `sig` over `digest` (the signer an executor would see).
fn recovered(digest: B256, sig: &[u8]) -> Address {
    let signature = Signature::from_slice(&sig[..64]).expect("r, s");
    let id = RecoveryId::from_byte(sig[64] - 27).expect("v");
    address_of(
        &VerifyingKey::recover_from_prehash(digest.as_slice(), &signature, id).expect("recovers"),
    )
}

/// A request before signing.
#[derive(Clone, Debug)]
struct Req {
    from: Address,
    to: Address,
    value: U256,
    gas: U256,
    nonce: U256,
    deadline: u64,
    data: Vec<u8>,
}

impl Req {
    fn new(from: Address, to: Address, data: Vec<u8>) -> Self {
        Self {
            from,
            to,
            value: U256::ZERO,
            gas: U256::from(300_000),
            nonce: U256::ZERO,
            deadline: NOW + 3600,
            data,
        }
    }

    /// alloy's EIP-712 signing hash for executor `exec` on `chain`.
    fn digest(&self, exec: Address, chain: u64) -> B256 {
        let domain = alloy_sol_types::eip712_domain! {
            name: "IntegraExecutor",
            version: "1",
            chain_id: chain,
            verifying_contract: exec,
        };
        ForwardRequest {
            from: self.from,
            to: self.to,
            value: self.value,
            gas: self.gas,
            nonce: self.nonce,
            deadline: alloy_primitives::Uint::from(self.deadline),
            data: self.data.clone().into(),
        }
        .eip712_signing_hash(&domain)
    }

    /// Signed by `key` for `exec` on motsu's chain.
    fn signed(&self, key: &Key, exec: Address) -> Signed {
        let digest = self.digest(exec, CHAIN);
        Signed {
            req: self.clone(),
            signature: key.sign(digest),
            digest,
        }
    }
}

/// A request with its signature.
#[derive(Clone, Debug)]
struct Signed {
    req: Req,
    signature: Vec<u8>,
    /// What was signed.
    digest: B256,
}

impl Signed {
    fn request(&self) -> Request<'_> {
        Request {
            from: self.req.from,
            to: self.req.to,
            value: self.req.value,
            gas: self.req.gas,
            deadline: self.req.deadline,
            data: &self.req.data,
            signature: &self.signature,
        }
    }

    /// The ABI struct `execute` and `verify` take.
    fn abi(&self) -> ForwardRequestData {
        ForwardRequestData {
            from: self.req.from,
            to: self.req.to,
            value: self.req.value,
            gas: self.req.gas,
            deadline: alloy_primitives::Uint::from(self.req.deadline),
            data: self.req.data.clone().into(),
            signature: self.signature.clone().into(),
        }
    }
}

fn ping_data(n: u64) -> Vec<u8> {
    pingCall { n: U256::from(n) }.abi_encode()
}

fn ping_selector() -> B32 {
    B32::from(pingCall::SELECTOR)
}

/// Recording target modes.
mod mode {
    /// Return `RESULT`.
    pub(crate) const OK: u8 = 0;
    /// Revert with `BOOM`.
    pub(crate) const REVERT: u8 = 1;
    /// Call the executor with the stored calldata and re-throw its failure.
    pub(crate) const REENTER: u8 = 2;
}

/// What the recording target returns.
const RESULT: &[u8] = b"a result longer than one thirty-two byte word, returned whole";
/// What it reverts with.
const BOOM: &[u8] = b"\xde\xad\xbe\xef custom revert data";

/// A target that records its last call (sender, value, the whole calldata).
#[storage]
pub struct Recorder {
    mode: StorageU8,
    calls: StorageU256,
    sender: StorageAddress,
    value: StorageU256,
    calldata: StorageBytes,
    reenter_to: StorageAddress,
    reenter_data: StorageBytes,
}

unsafe impl TopLevelStorage for Recorder {}

#[public]
impl Recorder {
    fn configure(&mut self, mode: u8, reenter_to: Address, reenter_data: Bytes) {
        self.mode.set(alloy_primitives::Uint::from(mode));
        self.reenter_to.set(reenter_to);
        self.reenter_data.set_bytes(reenter_data);
    }
    fn calls(&self) -> U256 {
        self.calls.get()
    }
    fn last_sender(&self) -> Address {
        self.sender.get()
    }
    fn last_value(&self) -> U256 {
        self.value.get()
    }
    fn last_calldata(&self) -> Vec<u8> {
        self.calldata.get_bytes()
    }
    #[fallback]
    fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        self.calls.set(self.calls.get() + U256::from(1));
        self.sender.set(self.vm().msg_sender());
        self.value.set(self.vm().msg_value());
        self.calldata.set_bytes(calldata);
        match self.mode.get().to::<u8>() {
            mode::REVERT => Err(BOOM.to_vec()),
            mode::REENTER => {
                let data = self.reenter_data.get_bytes();
                unsafe { RawCall::new().call(self.reenter_to.get(), &data) }
            }
            _ => Ok(RESULT.to_vec()),
        }
    }
}

use stylus_sdk::abi::Bytes;

/// The deployed world of a test.
struct World<'a> {
    exec: &'a Contract<IntegraExecutor>,
    target: &'a Contract<Recorder>,
    gov: Address,
}

impl World<'_> {
    fn as_(&self, who: Address) -> ContractCall<'_, IntegraExecutor> {
        self.exec.sender(who)
    }

    /// Allows `ping` on the recording target.
    fn allow_ping(&self) {
        self.as_(self.gov)
            .set_target_allowed(self.target.address(), true)
            .motsu_unwrap();
        self.as_(self.gov)
            .set_selector_allowed(self.target.address(), pingCall::SELECTOR, true)
            .motsu_unwrap();
    }

    fn ping(&self, from: &Key, n: u64) -> Signed {
        let mut r = Req::new(from.address, self.target.address(), ping_data(n));
        r.nonce = self.as_(self.gov).nonces(from.address);
        r.signed(from, self.exec.address())
    }
}

fn deploy<'a>(
    exec: &'a Contract<IntegraExecutor>,
    target: &'a Contract<Recorder>,
    gov: Address,
) -> World<'a> {
    exec.sender(gov).constructor(gov).motsu_unwrap();
    World { exec, target, gov }
}

/// Number of logs of event `E`.
fn count<E: SolEvent>(contract: &Contract<IntegraExecutor>) -> usize {
    contract
        .all_events()
        .iter()
        .filter(|log| log.topics().first() == Some(&E::SIGNATURE_HASH))
        .count()
}

#[test]
fn our_eip712_hashing_matches_alloys() {
    let from = Key::new(7);
    let exec = Address::repeat_byte(0xee);
    let r = Req {
        value: U256::from(3),
        nonce: U256::from(9),
        ..Req::new(from.address, Address::repeat_byte(0x77), ping_data(5))
    };
    let req = Request {
        from: r.from,
        to: r.to,
        value: r.value,
        gas: r.gas,
        deadline: r.deadline,
        data: &r.data,
        signature: &[],
    };
    let k = |b: &[u8]| keccak256(b);
    for chain in [1u64, CHAIN] {
        let ours = typed_digest(
            k,
            domain_separator(k, chain, exec),
            struct_hash(k, &req, r.nonce),
        );
        assert_eq!(ours, r.digest(exec, chain));
    }
    assert_eq!(
        FORWARD_REQUEST_TYPEHASH,
        ForwardRequest::eip712_type_hash(&ForwardRequest {
            from: r.from,
            to: r.to,
            value: r.value,
            gas: r.gas,
            nonce: r.nonce,
            deadline: alloy_primitives::Uint::from(r.deadline),
            data: r.data.clone().into(),
        })
    );
}

#[test]
fn ecrecover_input_refuses_malformed_signatures() {
    let d = B256::repeat_byte(1);
    let mut sig = vec![0x11u8; 64];
    sig.push(27);
    assert!(ecrecover_input(d, &sig).is_some());
    assert!(ecrecover_input(d, &sig[..64]).is_none());
    let mut long = sig.clone();
    long.push(0);
    assert!(ecrecover_input(d, &long).is_none());
    for v in [0u8, 1, 26, 29] {
        sig[64] = v;
        assert!(ecrecover_input(d, &sig).is_none(), "v = {v}");
    }
    sig[64] = 28;
    // s = n/2 is the largest accepted, n/2 + 1 is refused.
    sig[32..64].copy_from_slice(&HALF_ORDER.to_be_bytes::<32>());
    assert!(ecrecover_input(d, &sig).is_some());
    sig[32..64].copy_from_slice(&(HALF_ORDER + U256::from(1)).to_be_bytes::<32>());
    assert!(ecrecover_input(d, &sig).is_none());
    let input = {
        sig[32..64].copy_from_slice(&[0x22; 32]);
        ecrecover_input(d, &sig).unwrap()
    };
    assert_eq!(&input[..32], d.as_slice());
    assert_eq!(U256::from_be_slice(&input[32..64]), U256::from(28));
    assert_eq!(&input[64..], &sig[..64]);
}

#[test]
fn half_order_is_half_the_secp256k1_order() {
    let n = U256::from_str_radix(
        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
        16,
    )
    .unwrap();
    assert_eq!(HALF_ORDER, n / U256::from(2));
}

#[test]
fn executor_interface_id_is_the_xor_of_its_two_selectors() {
    let a = keccak256("getExecutorInfo()");
    let b = keccak256("isLegitimateExecutor()");
    let id: Vec<u8> = (0..4).map(|i| a[i] ^ b[i]).collect();
    assert_eq!(EXECUTOR_INTERFACE_ID.to_vec(), id);
}
