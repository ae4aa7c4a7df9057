//! The views that run in the lens (`contracts/tokenizers/multi-party-lens`), not in the
//! tokenizer's module: the record and array views, on the tokenizer's storage.
//!
//! The tokenizer keeps every one of [`SELECTORS`] on its ABI and answers it through
//! [`forward_to_lens`](crate::forward_to_lens) (a static call to itself) and
//! [`enter_lens`](crate::enter_lens) (a delegate call to the lens): the lens's code reads the
//! tokenizer's storage in a static frame. Nothing here is reachable from the tokenizer's own
//! code, so its build does not link it; the lens's router is [`dispatch`].
use alloc::{vec, vec::Vec};

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::SolCall;
use integra_primitives::{
    abi::{returns, Args, Token},
    erc165::concat_selectors,
};
use integra_tokenizer_base::{arg, ret, ITokenizerBase as B, MAX_TOKENS, VIEW_SELECTORS};
use openzeppelin_stylus::token::erc1155::IErc1155;
use stylus_sdk::ArbResult;

use crate::{
    bit, existsCall, globalIdOfCall, lensCall, tokenRefOfCall, totalSupplyCall, MultiPartyTokenizer,
};

/// The family's views the lens serves, in [`dispatch`]'s order.
pub const FAMILY_SELECTORS: [[u8; 4]; 15] = [
    B::balanceOf_1Call::SELECTOR,
    B::balanceOfDocumentTokenCall::SELECTOR,
    B::getTokenInfoCall::SELECTOR,
    B::getEncryptedLabelCall::SELECTOR,
    B::getAllEncryptedLabelsCall::SELECTOR,
    B::getReservedTokensCall::SELECTOR,
    B::getClaimStatusCall::SELECTOR,
    B::tokensOfCall::SELECTOR,
    B::tokensOfPagedCall::SELECTOR,
    B::getDocumentHashCall::SELECTOR,
    totalSupplyCall::SELECTOR,
    existsCall::SELECTOR,
    tokenRefOfCall::SELECTOR,
    globalIdOfCall::SELECTOR,
    lensCall::SELECTOR,
];

/// Every selector the lens serves (and the tokenizer forwards to it): the family's views, then
/// the base's and the attestation component's ([`integra_tokenizer_base::VIEW_SELECTORS`]).
pub const SELECTORS: [[u8; 4]; FAMILY_SELECTORS.len() + VIEW_SELECTORS.len()] =
    concat_selectors(&FAMILY_SELECTORS, &VIEW_SELECTORS);

impl MultiPartyTokenizer {
    fn label_of(&self, h: B256, s: U256) -> Vec<u8> {
        let slot = self.slots.getter(h);
        let slot = slot.getter(s);
        let len = crate::u16_of(slot.label_len.get());
        let gid = U256::from(slot.global_id.get().as_limbs()[0]);
        let words = self.labels.getter(gid);
        let mut out = Vec::with_capacity(len.div_ceil(32) * 32);
        for i in 0..len.div_ceil(32) {
            out.extend_from_slice(words.get(U256::from(i)).as_slice());
        }
        out.truncate(len);
        out
    }

    /// Slots whose bit is set in `bits`, ascending.
    fn slots_of(bits: U256) -> Vec<U256> {
        (1..=MAX_TOKENS)
            .map(U256::from)
            .filter(|s| !(bits & bit(*s)).is_zero())
            .collect()
    }

    /// `balanceOf(a, h)`: Σ balances over the record's reserved or claimed slots.
    #[must_use]
    pub fn balance_of_record(&self, a: Address, h: B256) -> U256 {
        let (reserved, claimed) = self.bitmaps(h);
        Self::slots_of(reserved | claimed)
            .into_iter()
            .fold(U256::ZERO, |acc, s| {
                acc.saturating_add(self.erc1155.balance_of(a, self.slot(h, s).global_id))
            })
    }

    /// `balanceOfDocumentToken(a, h, s)`: the balance of the slot's global id (0 if unassigned
    /// or out of range).
    #[must_use]
    pub fn balance_of_document_token(&self, a: Address, h: B256, s: U256) -> U256 {
        if !Self::in_range(s) {
            return U256::ZERO;
        }
        let gid = self.slot(h, s).global_id;
        if gid.is_zero() {
            return U256::ZERO;
        }
        self.erc1155.balance_of(a, gid)
    }

    /// `getTokenInfo(h, s)`, encoded.
    ///
    /// # Errors
    /// None: always `Ok`.
    pub fn token_info(&self, h: B256, s: U256) -> ArbResult {
        let st = self.slot(h, s);
        let holders: Vec<B256> = if st.global_id.is_zero() {
            vec![]
        } else {
            self.holders
                .getter(st.global_id)
                .to_vec()
                .iter()
                .map(Address::into_word)
                .collect()
        };
        let label = self.label_of(h, s);
        let unclaimed = st.reserved && !st.claimed;
        let fields = [
            (if st.global_id.is_zero() {
                B256::ZERO
            } else {
                h
            })
            .into(),
            s.into(),
            (if st.claimed { st.amount } else { U256::ZERO }).into(),
            (if unclaimed { st.amount } else { U256::ZERO }).into(),
            Token::Words(&holders),
            Token::Bytes(&label),
            (if unclaimed { st.party } else { Address::ZERO }).into(),
            st.claimed.into(),
            (if st.claimed { st.party } else { Address::ZERO }).into(),
        ];
        Ok(returns(&[Token::Tuple(&fields)]))
    }
}

/// The lens's router: the views of [`SELECTORS`] on `s` (the tokenizer's storage when the lens
/// runs under the tokenizer's delegate call), the base's last. `None` for any other selector.
#[allow(clippy::too_many_lines)] // one arm per view
#[must_use]
pub fn dispatch(s: &MultiPartyTokenizer, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
    let out = match selector {
        B::balanceOf_1Call::SELECTOR => ret(&[s
            .balance_of_record(arg!(a.address(0)), arg!(a.word(1)))
            .into()]),
        B::balanceOfDocumentTokenCall::SELECTOR => ret(&[s
            .balance_of_document_token(arg!(a.address(0)), arg!(a.word(1)), arg!(a.u256(2)))
            .into()]),
        B::getTokenInfoCall::SELECTOR => s.token_info(arg!(a.word(0)), arg!(a.u256(1))),
        B::getEncryptedLabelCall::SELECTOR => {
            let (h, slot) = (arg!(a.word(0)), arg!(a.u256(1)));
            let label = if MultiPartyTokenizer::in_range(slot) {
                s.label_of(h, slot)
            } else {
                Vec::new()
            };
            ret(&[Token::Bytes(&label)])
        }
        B::getAllEncryptedLabelsCall::SELECTOR => {
            let h = arg!(a.word(0));
            let slots = MultiPartyTokenizer::slots_of(s.bitmaps(h).0);
            let labels: Vec<Vec<u8>> = slots.iter().map(|slot| s.label_of(h, *slot)).collect();
            let ids: Vec<B256> = slots.iter().map(|x| B256::from(*x)).collect();
            let items: Vec<Token<'_>> = labels.iter().map(|l| Token::Bytes(l)).collect();
            ret(&[Token::Words(&ids), Token::Array(&items)])
        }
        B::getReservedTokensCall::SELECTOR => {
            let (h, r) = (arg!(a.word(0)), arg!(a.address(1)));
            let (reserved, claimed) = s.bitmaps(h);
            let ids: Vec<B256> = MultiPartyTokenizer::slots_of(reserved & !claimed)
                .into_iter()
                .filter(|slot| s.slot(h, *slot).party == r)
                .map(B256::from)
                .collect();
            ret(&[Token::Words(&ids)])
        }
        B::getClaimStatusCall::SELECTOR => {
            let st = s.slot(arg!(a.word(0)), arg!(a.u256(1)));
            if st.claimed {
                ret(&[true.into(), st.party.into()])
            } else {
                ret(&[false.into(), Address::ZERO.into()])
            }
        }
        B::tokensOfCall::SELECTOR | B::tokensOfPagedCall::SELECTOR => {
            let account = arg!(a.address(0));
            let page = if selector == B::tokensOfPagedCall::SELECTOR {
                Some((arg!(a.u256(1)), arg!(a.u256(2))))
            } else {
                None
            };
            Ok(s.base.tokens_of(account, page, |gid| {
                let (h, slot) = s.token_ref(gid);
                (h, slot, s.erc1155.balance_of(account, gid))
            }))
        }
        B::getDocumentHashCall::SELECTOR => ret(&[s.token_ref(arg!(a.u256(0))).0.into()]),
        totalSupplyCall::SELECTOR | existsCall::SELECTOR => {
            let (h, slot) = s.token_ref(arg!(a.u256(0)));
            let st = s.slot(h, slot);
            let supply = if st.claimed { st.amount } else { U256::ZERO };
            if selector == existsCall::SELECTOR {
                ret(&[(!supply.is_zero()).into()])
            } else {
                ret(&[supply.into()])
            }
        }
        tokenRefOfCall::SELECTOR => {
            let (h, slot) = s.token_ref(arg!(a.u256(0)));
            ret(&[h.into(), slot.into()])
        }
        globalIdOfCall::SELECTOR => {
            let (h, slot) = (arg!(a.word(0)), arg!(a.u256(1)));
            let gid = if MultiPartyTokenizer::in_range(slot) {
                s.slot(h, slot).global_id
            } else {
                U256::ZERO
            };
            ret(&[gid.into()])
        }
        lensCall::SELECTOR => ret(&[s.lens().into()]),
        _ => return s.base.dispatch_view(selector, a),
    };
    Some(out)
}
