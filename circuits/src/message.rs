//! `messageHash`: what binds a proof to exactly one message from one sender on one deployment.
//!
//! ```text
//! messageHash = uint256(keccak256(abi.encode(
//!     bytes32 integraHash, uint256 tokenId, string eventRef, string message,
//!     address sender, uint256 chainId, address messageContract))) mod r
//! ```
//! `sender` is the registrant the message contract records (its ERC-2771 `_msgSender()`),
//! `chainId` is `block.chainid`, `messageContract` is the message contract's own address, and
//! r is the BN254 scalar modulus. The message contract recomputes it from `registerMessage`'s
//! arguments, so a proof replayed with another message, tokenId, sender, chain or deployment
//! fails verification.
use alloy_primitives::{keccak256, Address, B256, U256};
use alloy_sol_types::SolValue;
use ark_bn254::Fr;
use ark_ff::PrimeField;
use serde::{Deserialize, Serialize};

/// The fields of one workflow message that its proof commits to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    /// The record.
    pub integra_hash: B256,
    /// The sender's token id (correlation only; may be 0).
    pub token_id: U256,
    /// Event name, 1–100 bytes.
    pub event_ref: String,
    /// Payload, 1–1000 bytes.
    pub message: String,
    /// The account that will be recorded as registrant.
    pub sender: Address,
    /// The chain of the message contract.
    pub chain_id: u64,
    /// The `IntegraMessageV1` deployment.
    pub message_contract: Address,
}

impl Message {
    /// `abi.encode(integraHash, tokenId, eventRef, message, sender, chainId, messageContract)`.
    #[must_use]
    pub fn abi_encoded(&self) -> Vec<u8> {
        (
            self.integra_hash,
            self.token_id,
            self.event_ref.clone(),
            self.message.clone(),
            self.sender,
            U256::from(self.chain_id),
            self.message_contract,
        )
            .abi_encode_params()
    }

    /// `keccak256` of [`Self::abi_encoded`], before reduction.
    #[must_use]
    pub fn digest(&self) -> B256 {
        keccak256(self.abi_encoded())
    }

    /// The public input: [`Self::digest`] reduced mod r.
    #[must_use]
    pub fn hash(&self) -> Fr {
        Fr::from_be_bytes_mod_order(self.digest().as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evm::fr_to_u256;

    fn sample() -> Message {
        Message {
            integra_hash: B256::repeat_byte(0x11),
            token_id: U256::from(3),
            event_ref: "PAYMENT_APPROVED".into(),
            message: "invoice INV-2025-0001 approved".into(),
            sender: Address::repeat_byte(0x22),
            chain_id: 42161,
            message_contract: Address::repeat_byte(0x33),
        }
    }

    #[test]
    fn message_hash_is_the_keccak_of_the_abi_encoding_reduced_mod_r() {
        let m = sample();
        let r = U256::from_str_radix(
            "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001",
            16,
        )
        .unwrap();
        let want = U256::from_be_bytes(m.digest().0) % r;
        assert_eq!(fr_to_u256(m.hash()), want);
        // Head of 7 words, then the two strings (length word + one padded word each).
        assert_eq!(m.abi_encoded().len(), 32 * (7 + 2 + 2));
    }

    #[test]
    fn every_field_changes_the_message_hash() {
        let base = sample().hash();
        let variants = [
            Message {
                integra_hash: B256::repeat_byte(0x12),
                ..sample()
            },
            Message {
                token_id: U256::from(4),
                ..sample()
            },
            Message {
                event_ref: "PAYMENT_REJECTED".into(),
                ..sample()
            },
            Message {
                message: "other".into(),
                ..sample()
            },
            Message {
                sender: Address::repeat_byte(0x23),
                ..sample()
            },
            Message {
                chain_id: 1,
                ..sample()
            },
            Message {
                message_contract: Address::repeat_byte(0x34),
                ..sample()
            },
        ];
        for v in variants {
            assert_ne!(v.hash(), base, "{v:?}");
        }
    }
}
