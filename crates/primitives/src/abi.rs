//! A compact ABI codec: calldata reader, return/event/error encoder, and the error-enum macro.
//!
//! Why not the SDK's `#[public]` router and alloy's `sol!` codecs? They monomorphise one decoder
//! (plus a re-encoder, for validation) per argument list and one encoder per event, error and
//! return type. For a contract with fifty functions that is ~85 KB of WASM, and the contract no
//! longer fits Stylus's 24 KiB compressed limit; it also re-encodes every call's arguments, which
//! costs gas. Every Integra ABI value is a static word, a `string`/`bytes`, a `bytes32[]` or a
//! flat tuple of those, so one small reader and one encoder serve every contract.
//!
//! Contracts keep the `sol!` definitions as the single source of the ABI (selectors, signature
//! hashes, exported interface); their tests compare every encoding with alloy's.
//!
//! Decoding follows Solidity's calldata decoder: offsets and lengths are bounds-checked, a word
//! read as `address`/`bool`/`uint8` must have clean high bits, and trailing bytes are ignored
//! (which also lets an ERC-2771 suffix through). Malformed calldata reverts with empty data, as
//! in Solidity.
use alloc::vec::Vec;

use alloy_primitives::{Address, B256, U256};
use stylus_sdk::prelude::Host;

/// One top-level ABI value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// A static 32-byte word (`bytes32`, `uint*`, `address`, `bool`).
    Word(B256),
    /// A dynamic `string` or `bytes`.
    Bytes(&'a [u8]),
    /// A dynamic array of static words (`bytes32[]`, `uint256[]`, `address[]`).
    Words(&'a [B256]),
    /// A tuple (a struct); dynamic when any member is.
    Tuple(&'a [Token<'a>]),
    /// A dynamic array of any tokens (`T[]` of structs or strings): length, then the elements
    /// encoded as one tuple.
    Array(&'a [Token<'a>]),
}

impl Token<'_> {
    fn is_dynamic(&self) -> bool {
        match self {
            Token::Word(_) => false,
            Token::Bytes(_) | Token::Words(_) | Token::Array(_) => true,
            Token::Tuple(t) => t.iter().any(Token::is_dynamic),
        }
    }

    /// Bytes this token takes in the head of its enclosing tuple.
    fn head_len(&self) -> usize {
        match self {
            Token::Tuple(t) if !self.is_dynamic() => t.len() * 32,
            _ => 32,
        }
    }

    /// Bytes of its tail (the whole encoding for a dynamic token, 0 for a static one).
    fn tail_len(&self) -> usize {
        match self {
            Token::Word(_) => 0,
            Token::Bytes(b) => 32 + padded_len(b.len()),
            Token::Words(w) => 32 + 32 * w.len(),
            Token::Array(t) => 32 + t.iter().map(|x| x.head_len() + x.tail_len()).sum::<usize>(),
            Token::Tuple(t) => {
                if self.is_dynamic() {
                    t.iter().map(|x| x.head_len() + x.tail_len()).sum()
                } else {
                    0
                }
            }
        }
    }
}

impl From<B256> for Token<'_> {
    fn from(w: B256) -> Self {
        Token::Word(w)
    }
}

impl From<U256> for Token<'_> {
    fn from(v: U256) -> Self {
        Token::Word(B256::from(v))
    }
}

impl From<Address> for Token<'_> {
    fn from(a: Address) -> Self {
        // Not `into_word()`: its `copy_from_slice` links a formatting panic path into every
        // contract that reports an address.
        let mut w = [0u8; 32];
        for (d, s) in w[12..].iter_mut().zip(a.0 .0) {
            *d = s;
        }
        Token::Word(B256::new(w))
    }
}

impl From<bool> for Token<'_> {
    fn from(b: bool) -> Self {
        Token::Word(B256::with_last_byte(u8::from(b)))
    }
}

impl From<u8> for Token<'_> {
    fn from(v: u8) -> Self {
        Token::Word(B256::with_last_byte(v))
    }
}

impl From<u64> for Token<'_> {
    fn from(v: u64) -> Self {
        Token::Word(B256::from(U256::from(v)))
    }
}

impl<'a> From<&'a str> for Token<'a> {
    fn from(s: &'a str) -> Self {
        Token::Bytes(s.as_bytes())
    }
}

/// Borrows a value as a [`Token`] (used by [`compact_errors!`] for fields of any type).
pub trait ToToken {
    /// The value's token.
    fn token(&self) -> Token<'_>;
}

macro_rules! to_token_by_copy {
    ($($t:ty),*) => {$(
        impl ToToken for $t {
            fn token(&self) -> Token<'_> {
                Token::from(*self)
            }
        }
    )*};
}
to_token_by_copy!(B256, U256, Address, bool, u8, u64);

impl ToToken for alloc::string::String {
    fn token(&self) -> Token<'_> {
        Token::Bytes(self.as_bytes())
    }
}

impl ToToken for alloy_primitives::Bytes {
    fn token(&self) -> Token<'_> {
        Token::Bytes(self)
    }
}

impl ToToken for alloy_primitives::aliases::U48 {
    fn token(&self) -> Token<'_> {
        Token::from(self.as_limbs()[0])
    }
}

impl ToToken for alloy_primitives::aliases::B32 {
    fn token(&self) -> Token<'_> {
        Token::Word(B256::right_padding_from(self.as_slice()))
    }
}

fn padded_len(n: usize) -> usize {
    n.div_ceil(32) * 32
}

fn word_of(n: usize) -> B256 {
    B256::from(U256::from(n))
}

/// Appends the ABI encoding of the tuple `tokens` (as `abi.encode(t0, t1, …)`) to `out`.
pub fn encode_into(out: &mut Vec<u8>, tokens: &[Token<'_>]) {
    let head_len: usize = tokens.iter().map(Token::head_len).sum();
    out.reserve(head_len + tokens.iter().map(Token::tail_len).sum::<usize>());
    let mut offset = head_len;
    for t in tokens {
        match t {
            Token::Word(w) => out.extend_from_slice(w.as_slice()),
            Token::Tuple(members) if !t.is_dynamic() => encode_into(out, members),
            _ => {
                out.extend_from_slice(word_of(offset).as_slice());
                offset += t.tail_len();
            }
        }
    }
    for t in tokens {
        match t {
            Token::Bytes(b) => {
                out.extend_from_slice(word_of(b.len()).as_slice());
                out.extend_from_slice(b);
                out.resize(out.len() + padded_len(b.len()) - b.len(), 0);
            }
            Token::Words(w) => {
                out.extend_from_slice(word_of(w.len()).as_slice());
                for x in *w {
                    out.extend_from_slice(x.as_slice());
                }
            }
            Token::Tuple(members) if t.is_dynamic() => encode_into(out, members),
            Token::Array(items) => {
                out.extend_from_slice(word_of(items.len()).as_slice());
                encode_into(out, items);
            }
            _ => {}
        }
    }
}

/// `abi.encode(tokens…)`.
#[must_use]
pub fn encode(tokens: &[Token<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    encode_into(&mut out, tokens);
    out
}

/// Revert data of a custom error: `selector ‖ abi.encode(tokens…)`.
#[must_use]
pub fn encode_error(selector: [u8; 4], tokens: &[Token<'_>]) -> Vec<u8> {
    let mut out = Vec::from(selector);
    encode_into(&mut out, tokens);
    out
}

/// Calldata arguments (after the selector), read by position.
#[derive(Clone, Copy, Debug)]
pub struct Args<'a>(pub &'a [u8]);

impl<'a> Args<'a> {
    fn word_at(self, offset: usize) -> Option<&'a [u8; 32]> {
        self.0.get(offset..offset.checked_add(32)?)?.try_into().ok()
    }

    /// The `i`-th head word.
    #[must_use]
    pub fn word(self, i: usize) -> Option<B256> {
        self.word_at(i.checked_mul(32)?).map(|w| B256::new(*w))
    }

    /// The `i`-th argument as `uint256`.
    #[must_use]
    pub fn u256(self, i: usize) -> Option<U256> {
        self.word_at(i.checked_mul(32)?)
            .map(|w| U256::from_be_bytes(*w))
    }

    /// The `i`-th argument as `address`; dirty high bytes are malformed.
    #[must_use]
    pub fn address(self, i: usize) -> Option<Address> {
        let w = self.word(i)?;
        w[..12]
            .iter()
            .all(|b| *b == 0)
            .then(|| Address::from_slice(&w[12..]))
    }

    /// The `i`-th argument as `uint8`.
    #[must_use]
    pub fn u8(self, i: usize) -> Option<u8> {
        let w = self.word(i)?;
        w[..31].iter().all(|b| *b == 0).then_some(w[31])
    }

    /// The `i`-th argument as `bool`.
    #[must_use]
    pub fn bool(self, i: usize) -> Option<bool> {
        match self.u8(i)? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    /// The `i`-th argument as `uint64`; a value above `2^64 - 1` is malformed.
    #[must_use]
    pub fn u64(self, i: usize) -> Option<u64> {
        u64::try_from(self.u256(i)?).ok()
    }

    /// The `i`-th argument as a dynamic tuple (a struct with a dynamic member, e.g. EAS's
    /// `Attestation`): a reader positioned at the tuple, whose members are read by position
    /// (offsets of its dynamic members are relative to it, as in the ABI). Also reads element
    /// `j` of an array of such tuples from the reader [`Args::array`] returns.
    #[must_use]
    pub fn tuple(self, i: usize) -> Option<Args<'a>> {
        let offset = usize::try_from(self.u256(i)?).ok()?;
        self.0.get(offset..).map(Args)
    }

    /// The `i`-th argument as `bytes`.
    #[must_use]
    pub fn bytes(self, i: usize) -> Option<&'a [u8]> {
        let offset = usize::try_from(self.u256(i)?).ok()?;
        let len = usize::try_from(U256::from_be_bytes(*self.word_at(offset)?)).ok()?;
        let start = offset.checked_add(32)?;
        self.0.get(start..start.checked_add(len)?)
    }

    /// The `i`-th argument as a dynamic array (`bytes32[]`, `address[]`, `bool[]`, `string[]`):
    /// its length and a reader positioned at its first element, so element `j` is read with
    /// `.word(j)`, `.address(j)`, `.bool(j)` or `.string(j)` (offsets of dynamic elements are
    /// relative to that position, as in the ABI). Lengths whose static part does not fit in the
    /// calldata are malformed.
    #[must_use]
    pub fn array(self, i: usize) -> Option<(usize, Args<'a>)> {
        let offset = usize::try_from(self.u256(i)?).ok()?;
        let len = usize::try_from(U256::from_be_bytes(*self.word_at(offset)?)).ok()?;
        let body = self.0.get(offset.checked_add(32)?..)?;
        (len.checked_mul(32)? <= body.len()).then_some((len, Args(body)))
    }

    /// The `i`-th argument as `string`; invalid UTF-8 is malformed.
    #[must_use]
    pub fn string(self, i: usize) -> Option<&'a str> {
        core::str::from_utf8(self.bytes(i)?).ok()
    }
}

/// Return data of a function: `abi.encode(tokens…)`.
#[must_use]
pub fn returns(tokens: &[Token<'_>]) -> Vec<u8> {
    encode(tokens)
}

/// Emits a log: `topics[0]` is the event's signature hash, the rest its indexed arguments;
/// `data` the non-indexed ones in order.
pub fn emit(vm: &dyn Host, topics: &[B256], data: &[Token<'_>]) {
    // raw_log only fails for more than four topics, which no caller passes.
    let _ = vm.raw_log(topics, &encode(data));
}

/// Declares a contract's error enum: one variant per `sol!` error, `From<SolErrorType>` for each
/// (so `?` and `.into()` work as with `#[derive(SolidityError)]`), and the revert encoding
/// through [`encode_error`]. List each variant's fields in declaration order. An optional last
/// `; Name(bytes)` variant carries revert data passed through unchanged (a callee's error that
/// the contract re-throws).
///
/// ```ignore
/// compact_errors! {
///     /// Every way a call can fail.
///     pub enum Error {
///         /// The id is taken.
///         AlreadyRegistered(ComponentAlreadyRegistered { componentId, existing }),
///         /// No governor role.
///         Unauthorized(AccessControlUnauthorizedAccount { account, needed_role }),
///     }
/// }
/// ```
#[macro_export]
macro_rules! compact_errors {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident($ty:ident { $($field:ident),* $(,)? }) ),* $(,)?
            $( ; $(#[$rmeta:meta])* $raw:ident(bytes) $(,)? )?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant($ty), )*
            $( $(#[$rmeta])* $raw($crate::__private::Vec<u8>), )?
        }
        $(
            impl From<$ty> for $name {
                fn from(e: $ty) -> Self {
                    $name::$variant(e)
                }
            }
        )*
        impl From<$name> for $crate::__private::Vec<u8> {
            #[allow(unused_variables)]
            fn from(err: $name) -> Self {
                match err {
                    $( $name::$variant(e) => $crate::abi::encode_error(
                        <$ty as $crate::__private::SolError>::SELECTOR,
                        &[$($crate::abi::ToToken::token(&e.$field)),*],
                    ), )*
                    $( $name::$raw(data) => data, )?
                }
            }
        }
    };
}

/// Implements the SDK's `Router` for a contract that dispatches calls itself with
/// `fn dispatch(&mut T, [u8; 4], Args<'_>) -> Option<ArbResult>` (`None` for an unknown
/// selector): no receive, no fallback, and — when a constructor body is given — a non-payable
/// constructor that runs once (the SDK's constructor slot) and decodes its arguments from
/// `$args`, evaluating to `Result<(), Vec<u8>>`. Also provides the `__stylus_assert_overrides`
/// that `#[entrypoint]` expects from `#[public]`.
///
/// ```ignore
/// compact_router!(IntegraRegistry, dispatch, constructor(s, args) {
///     s.constructor(args.address(0).ok_or_else(Vec::new)?).map_err(Vec::from)
/// });
/// ```
#[macro_export]
macro_rules! compact_router {
    ($ty:ident, $dispatch:path) => {
        $crate::compact_router!(@router $ty, $dispatch, fn constructor(_: &mut Self, _: &[u8])
            -> Option<stylus_sdk::ArbResult> { None });
    };
    ($ty:ident, $dispatch:path, constructor($s:ident, $args:ident) $body:block) => {
        $crate::compact_router!(@router $ty, $dispatch,
            fn constructor($s: &mut Self, input: &[u8]) -> Option<stylus_sdk::ArbResult> {
                use stylus_sdk::prelude::*;
                Some((|| {
                    if !$s.vm().msg_value().is_zero() {
                        return Err($crate::__private::Vec::new());
                    }
                    $s.check_constructor_slot()?;
                    let $args = $crate::abi::Args(input);
                    let body: Result<(), $crate::__private::Vec<u8>> = $body;
                    body?;
                    Ok($crate::__private::Vec::new())
                })())
            });
    };
    (@router $ty:ident, $dispatch:path, $ctor:item) => {
        impl stylus_sdk::abi::Router<$ty> for $ty {
            type Storage = $ty;

            fn route(
                s: &mut Self,
                selector: u32,
                input: &[u8],
            ) -> Option<stylus_sdk::ArbResult> {
                $dispatch(s, selector.to_be_bytes(), $crate::abi::Args(input))
            }

            fn receive(_: &mut Self) -> Option<Result<(), $crate::__private::Vec<u8>>> {
                None
            }

            fn fallback(_: &mut Self, _: &[u8]) -> Option<stylus_sdk::ArbResult> {
                None
            }

            $ctor
        }

        impl $ty {
            /// Required by `#[entrypoint]`, which `#[public]` would otherwise generate.
            #[doc(hidden)]
            pub const fn __stylus_assert_overrides() {}
        }
    };
}

/// Declares a contract's whole external interface once, in `sol!` syntax: functions, events,
/// errors and structs. The router takes its selectors from it, events and errors their
/// signatures; with the contract's `export-abi` feature the same block also yields its JSON ABI
/// (`pub fn abi()`), from which `integra-abi` writes `deployments/abi/`.
///
/// ```ignore
/// contract_interface! {
///     /// `IntegraRegistry` (spec 03 §1).
///     interface IIntegraRegistry {
///         function getProvider(bytes32 providerId) external view returns (address);
///     }
/// }
/// ```
#[macro_export]
macro_rules! contract_interface {
    ($(#[$meta:meta])* interface $name:ident { $($body:tt)* }) => {
        #[cfg(not(feature = "export-abi"))]
        alloy_sol_types::sol! {
            #[allow(missing_docs)]
            $(#[$meta])*
            interface $name { $($body)* }
        }
        #[cfg(feature = "export-abi")]
        alloy_sol_types::sol! {
            #[sol(abi)]
            #[allow(missing_docs)]
            $(#[$meta])*
            interface $name { $($body)* }
        }

        /// The JSON ABI of the contract (host builds with `export-abi` only).
        #[cfg(feature = "export-abi")]
        #[must_use]
        pub fn abi() -> alloy_json_abi::JsonAbi {
            $name::abi::contract()
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_sol_types::{sol, SolCall, SolError, SolEvent, SolValue};
    use proptest::prelude::*;

    sol! {
        struct Info { address a; uint8 t; bool active; uint256 at; string description; string kind; bytes32 h; }
        struct Fixed { address a; bytes32 h; }
        function f(bytes32 id, address who, uint8 t, string kind, bytes blob, bool flag);
        error Shape(bytes32 id, address who, uint256 n, bool flag);
        event Mixed(bytes32 indexed id, bytes32 codeHash, string kind, string description, uint256 timestamp);
        event Quiet(bytes32 indexed id, uint256 timestamp);
    }

    #[test]
    fn error_matches_alloy() {
        let e = Shape {
            id: B256::repeat_byte(1),
            who: Address::repeat_byte(2),
            n: U256::from(77),
            flag: true,
        };
        let ours = encode_error(
            Shape::SELECTOR,
            &[e.id.into(), e.who.into(), e.n.into(), e.flag.into()],
        );
        assert_eq!(ours, e.abi_encode());
    }

    #[test]
    fn event_without_dynamic_data_matches_alloy() {
        let ev = Quiet {
            id: B256::ZERO,
            timestamp: U256::from(9),
        };
        assert_eq!(encode(&[ev.timestamp.into()]), ev.encode_data());
        assert!(encode(&[]).is_empty());
    }

    #[test]
    fn dynamic_struct_return_matches_alloy() {
        let info = Info {
            a: Address::repeat_byte(3),
            t: 2,
            active: true,
            at: U256::from(1_735_689_600u64),
            description: "EAS attestation provider".into(),
            kind: "EAS".into(),
            h: B256::repeat_byte(9),
        };
        let fields = [
            info.a.into(),
            info.t.into(),
            info.active.into(),
            info.at.into(),
            info.description.as_str().into(),
            info.kind.as_str().into(),
            info.h.into(),
        ];
        assert_eq!(
            returns(&[Token::Tuple(&fields)]),
            (info.clone(),).abi_encode_params()
        );
        assert_eq!(returns(&[Token::Tuple(&fields)]), info.abi_encode());
    }

    #[test]
    fn static_struct_and_word_array_match_alloy() {
        let fixed = Fixed {
            a: Address::repeat_byte(1),
            h: B256::repeat_byte(2),
        };
        let ids = vec![B256::repeat_byte(4), B256::repeat_byte(5)];
        let ours = returns(&[
            Token::Tuple(&[fixed.a.into(), fixed.h.into()]),
            Token::Words(&ids),
        ]);
        assert_eq!(ours, (fixed, ids.clone()).abi_encode_params());
        assert_eq!(
            returns(&[Token::Words(&[])]),
            (Vec::<B256>::new(),).abi_encode_params()
        );
    }

    fn sample_call() -> fCall {
        fCall {
            id: B256::repeat_byte(0x11),
            who: Address::repeat_byte(0x22),
            t: 3,
            kind: "Communication".into(),
            blob: vec![1, 2, 3, 4, 5].into(),
            flag: true,
        }
    }

    #[test]
    fn reader_decodes_what_alloy_encodes() {
        let c = sample_call();
        let data = c.abi_encode();
        let a = Args(&data[4..]);
        assert_eq!(a.word(0), Some(c.id));
        assert_eq!(a.address(1), Some(c.who));
        assert_eq!(a.u8(2), Some(3));
        assert_eq!(a.string(3), Some("Communication"));
        assert_eq!(a.bytes(4), Some(&[1u8, 2, 3, 4, 5][..]));
        assert_eq!(a.bool(5), Some(true));
        assert_eq!(a.word(data.len() / 32), None);
    }

    #[test]
    fn reader_rejects_dirty_words_and_out_of_range_offsets() {
        let data = sample_call().abi_encode();
        let mut args = data[4..].to_vec();
        args[32] = 1; // dirty high byte of the address
        args[64 + 30] = 1; // uint8 with a bit above 255
        args[5 * 32 + 31] = 2; // bool that is neither 0 nor 1
        let a = Args(&args);
        assert_eq!(a.address(1), None);
        assert_eq!(a.u8(2), None);
        assert_eq!(a.bool(5), None);
        let mut bad_offset = data[4..].to_vec();
        bad_offset[3 * 32 + 30] = 0xff; // string offset past the end
        assert_eq!(Args(&bad_offset).string(3), None);
        let truncated = &data[4..data.len() - 40];
        assert_eq!(Args(truncated).bytes(4), None);
        assert_eq!(Args(&[0u8; 31]).word(0), None);
    }

    sol! {
        struct Pair { address a; string s; }
        function g(bytes32[] ids, address[] who, bool[] flags, string[] names, uint256 tail);
    }

    #[test]
    fn arrays_of_every_kind_decode_as_alloy_encodes() {
        let c = gCall {
            ids: vec![B256::repeat_byte(1), B256::repeat_byte(2)],
            who: vec![Address::repeat_byte(3)],
            flags: vec![true, false, true],
            names: vec!["one".into(), String::new(), "three".into()],
            tail: U256::from(5),
        };
        let data = c.abi_encode();
        let a = Args(&data[4..]);
        let (n, ids) = a.array(0).unwrap();
        assert_eq!(
            (n, ids.word(0), ids.word(1)),
            (2, Some(c.ids[0]), Some(c.ids[1]))
        );
        let (n, who) = a.array(1).unwrap();
        assert_eq!((n, who.address(0)), (1, Some(c.who[0])));
        let (n, flags) = a.array(2).unwrap();
        assert_eq!(n, 3);
        assert_eq!(
            (flags.bool(0), flags.bool(1), flags.bool(2)),
            (Some(true), Some(false), Some(true))
        );
        let (n, names) = a.array(3).unwrap();
        assert_eq!(n, 3);
        assert_eq!(
            (names.string(0), names.string(1), names.string(2)),
            (Some("one"), Some(""), Some("three"))
        );
        assert_eq!(a.u256(4), Some(U256::from(5)));
    }

    #[test]
    fn array_longer_than_the_calldata_is_malformed() {
        let c = gCall {
            ids: vec![B256::ZERO; 2],
            who: vec![],
            flags: vec![],
            names: vec![],
            tail: U256::ZERO,
        };
        let mut data = c.abi_encode();
        let off = usize::try_from(U256::from_be_slice(&data[4..36])).unwrap();
        data[4 + off + 31] = 0xff; // claims 255 elements
        assert!(Args(&data[4..]).array(0).is_none());
        assert!(Args(&data[4..]).array(9).is_none());
    }

    #[test]
    fn array_of_dynamic_structs_matches_alloy() {
        let items = vec![
            Pair {
                a: Address::repeat_byte(1),
                s: "x".into(),
            },
            Pair {
                a: Address::repeat_byte(2),
                s: "a longer string than thirty-two bytes, for padding".into(),
            },
        ];
        let t0 = [items[0].a.into(), items[0].s.as_str().into()];
        let t1 = [items[1].a.into(), items[1].s.as_str().into()];
        let tuples = [Token::Tuple(&t0), Token::Tuple(&t1)];
        assert_eq!(
            returns(&[Token::Array(&tuples)]),
            (items.clone(),).abi_encode_params()
        );
        assert_eq!(
            returns(&[Token::Array(&[])]),
            (Vec::<Pair>::new(),).abi_encode_params()
        );
        let strings = [Token::from("a"), Token::from("bc")];
        assert_eq!(
            returns(&[U256::from(1).into(), Token::Array(&strings)]),
            (U256::from(1), vec![String::from("a"), String::from("bc")]).abi_encode_params()
        );
    }

    #[test]
    fn reader_ignores_trailing_bytes() {
        let mut data = sample_call().abi_encode();
        data.extend_from_slice(&[0xaa; 20]);
        assert_eq!(Args(&data[4..]).string(3), Some("Communication"));
    }

    #[test]
    fn reader_rejects_invalid_utf8_strings() {
        let c = fCall {
            kind: String::new(),
            ..sample_call()
        };
        let mut data = c.abi_encode();
        // Overwrite the empty string's length with 1 and give it a lone continuation byte.
        let off = usize::try_from(U256::from_be_slice(&data[4 + 96..4 + 128])).unwrap();
        data[4 + off + 31] = 1;
        data[4 + off + 32] = 0x80;
        assert_eq!(Args(&data[4..]).bytes(3), Some(&[0x80u8][..]));
        assert_eq!(Args(&data[4..]).string(3), None);
    }

    proptest! {
        #[test]
        fn event_with_strings_matches_alloy(
            kind in ".{0,80}", description in ".{0,200}", ts in any::<u64>(), h in any::<[u8; 32]>()
        ) {
            let ev = Mixed {
                id: B256::ZERO,
                codeHash: B256::new(h),
                kind: kind.clone(),
                description: description.clone(),
                timestamp: U256::from(ts),
            };
            let ours = encode(&[
                ev.codeHash.into(),
                kind.as_str().into(),
                description.as_str().into(),
                ts.into(),
            ]);
            prop_assert_eq!(ours, ev.encode_data());
        }
    }
}
