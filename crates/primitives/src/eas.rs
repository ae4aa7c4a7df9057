//! The parts of the Ethereum Attestation Service (EAS 1.x, `Common.sol`, `IEAS.sol`,
//! `ISchemaResolver.sol`) that Integra contracts call or are called through: the `Attestation`
//! struct and its ABI, `IEAS.getAttestation`, and the schema-resolver callbacks.
//!
//! [`read_attestation`] and [`attestation_tokens`] decode and encode an `Attestation` with the
//! compact codec of [`crate::abi`]; tests compare both with alloy's encoding.
#![allow(missing_docs)] // the sol! items carry the Solidity signatures as their documentation

use alloy_primitives::{keccak256, Address, Bytes, B256};
use alloy_sol_types::sol;

use crate::abi::{Args, Token};

sol! {
    /// EAS's attestation record (`Common.sol`), field for field.
    #[derive(Debug, Default, PartialEq, Eq)]
    struct Attestation {
        bytes32 uid;
        bytes32 schema;
        uint64 time;
        uint64 expirationTime;
        uint64 revocationTime;
        bytes32 refUID;
        address recipient;
        address attester;
        bool revocable;
        bytes data;
    }

    /// The EAS views Integra reads.
    interface IEAS {
        function getAttestation(bytes32 uid) external view returns (Attestation memory);
        function isAttestationValid(bytes32 uid) external view returns (bool);
    }

    /// EAS's `ISchemaResolver` (the calls EAS makes to a schema's resolver).
    interface ISchemaResolver {
        function isPayable() external pure returns (bool);
        function attest(Attestation calldata attestation) external payable returns (bool);
        function multiAttest(Attestation[] calldata attestations, uint256[] calldata values) external payable returns (bool);
        function revoke(Attestation calldata attestation) external payable returns (bool);
        function multiRevoke(Attestation[] calldata attestations, uint256[] calldata values) external payable returns (bool);
    }
}

/// Reads an `Attestation` from a reader positioned at the tuple (see [`Args::tuple`]). `None`
/// for malformed input, as Solidity's decoder would revert: out-of-range offsets, a `uint64`
/// above `2^64 - 1`, dirty `address` or `bool` words.
#[must_use]
pub fn read_attestation(a: Args<'_>) -> Option<Attestation> {
    Some(Attestation {
        uid: a.word(0)?,
        schema: a.word(1)?,
        time: a.u64(2)?,
        expirationTime: a.u64(3)?,
        revocationTime: a.u64(4)?,
        refUID: a.word(5)?,
        recipient: a.address(6)?,
        attester: a.address(7)?,
        revocable: a.bool(8)?,
        data: Bytes::copy_from_slice(a.bytes(9)?),
    })
}

/// Decodes the return of `IEAS.getAttestation`: `abi.encode(attestation)`.
#[must_use]
pub fn decode_attestation_return(data: &[u8]) -> Option<Attestation> {
    read_attestation(Args(data).tuple(0)?)
}

/// The ten members of `att`, for [`Token::Tuple`].
#[must_use]
pub fn attestation_tokens(att: &Attestation) -> [Token<'_>; 10] {
    [
        att.uid.into(),
        att.schema.into(),
        att.time.into(),
        att.expirationTime.into(),
        att.revocationTime.into(),
        att.refUID.into(),
        att.recipient.into(),
        att.attester.into(),
        att.revocable.into(),
        Token::Bytes(&att.data),
    ]
}

/// EAS's attestation UID (`EAS._getUID`): `keccak256(abi.encodePacked(schema, recipient,
/// attester, time, expirationTime, revocable, refUID, data, bump))` with `uint64` times, a
/// one-byte `bool` and a `uint32` bump.
#[must_use]
pub fn attestation_uid(att: &Attestation, bump: u32) -> B256 {
    let mut packed =
        alloc::vec::Vec::with_capacity(32 + 20 + 20 + 8 + 8 + 1 + 32 + att.data.len() + 4);
    packed.extend_from_slice(att.schema.as_slice());
    packed.extend_from_slice(att.recipient.as_slice());
    packed.extend_from_slice(att.attester.as_slice());
    packed.extend_from_slice(&att.time.to_be_bytes());
    packed.extend_from_slice(&att.expirationTime.to_be_bytes());
    packed.push(u8::from(att.revocable));
    packed.extend_from_slice(att.refUID.as_slice());
    packed.extend_from_slice(&att.data);
    packed.extend_from_slice(&bump.to_be_bytes());
    keccak256(packed)
}

/// The schema UID of EAS's `SchemaRegistry._getUID`: `keccak256(abi.encodePacked(schema,
/// resolver, revocable))`.
#[must_use]
pub fn schema_uid(schema: &str, resolver: Address, revocable: bool) -> B256 {
    let mut packed = alloc::vec::Vec::with_capacity(schema.len() + 21);
    packed.extend_from_slice(schema.as_bytes());
    packed.extend_from_slice(resolver.as_slice());
    packed.push(u8::from(revocable));
    keccak256(packed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::U256;
    use alloy_sol_types::{SolCall, SolValue};

    fn sample() -> Attestation {
        Attestation {
            uid: B256::repeat_byte(1),
            schema: B256::repeat_byte(2),
            time: 1_735_689_600,
            expirationTime: u64::MAX,
            revocationTime: 0,
            refUID: B256::ZERO,
            recipient: Address::repeat_byte(3),
            attester: Address::repeat_byte(4),
            revocable: true,
            data: Bytes::from(alloc::vec![7u8; 96]),
        }
    }

    #[test]
    fn attestation_round_trips_through_alloy() {
        let att = sample();
        let ours = crate::abi::returns(&[Token::Tuple(&attestation_tokens(&att))]);
        assert_eq!(ours, (att.clone(),).abi_encode_params());
        assert_eq!(decode_attestation_return(&ours), Some(att.clone()));
        let call = ISchemaResolver::attestCall {
            attestation: att.clone(),
        }
        .abi_encode();
        assert_eq!(
            read_attestation(Args(&call[4..]).tuple(0).unwrap()),
            Some(att)
        );
    }

    #[test]
    fn attestation_arrays_decode_element_by_element() {
        let mut b = sample();
        b.data = Bytes::from_static(b"short");
        let call = ISchemaResolver::multiAttestCall {
            attestations: alloc::vec![sample(), b.clone()],
            values: alloc::vec![U256::ZERO, U256::from(5)],
        }
        .abi_encode();
        let a = Args(&call[4..]);
        let (n, items) = a.array(0).unwrap();
        assert_eq!(n, 2);
        assert_eq!(read_attestation(items.tuple(1).unwrap()), Some(b));
        let (m, values) = a.array(1).unwrap();
        assert_eq!((m, values.u256(1)), (2, Some(U256::from(5))));
    }

    #[test]
    fn oversized_time_and_dirty_bool_are_malformed() {
        let mut data = (sample(),).abi_encode_params();
        data[32 + 2 * 32 + 23] = 1; // time above 2^64 - 1
        assert_eq!(decode_attestation_return(&data), None);
        let mut data = (sample(),).abi_encode_params();
        data[32 + 8 * 32 + 31] = 2; // revocable = 2
        assert_eq!(decode_attestation_return(&data), None);
    }

    #[test]
    fn uids_follow_the_packed_layouts() {
        let att = sample();
        let packed = (
            att.schema,
            att.recipient,
            att.attester,
            att.time,
            att.expirationTime,
            att.revocable,
            att.refUID,
            att.data.clone(),
            7u32,
        )
            .abi_encode_packed();
        assert_eq!(attestation_uid(&att, 7), keccak256(packed));
        let s = "bytes32 integraHash,uint256 tokenId,uint256 claimCapability";
        let r = Address::repeat_byte(9);
        assert_eq!(
            schema_uid(s, r, true),
            keccak256((s.to_string(), r, true).abi_encode_packed())
        );
    }
}
