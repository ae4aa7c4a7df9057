//! ERC-2771 sender resolution (spec 03 §5).
//!
//! A trusted forwarder appends the original sender's 20-byte address to the calldata it
//! forwards. Only calls whose `msg.sender` is the one trusted forwarder are read this way, and
//! only when the calldata has room for a selector plus the suffix (≥ 24 bytes).
//!
//! Stylus detail: the SDK decodes arguments strictly (`alloy` re-encodes the decoded values and
//! rejects any difference), so a forwarded call with its suffix still attached is rejected before
//! any method runs. Recipients therefore strip the suffix **before** dispatch: [`resolve`] returns
//! the payload to route together with the resolved sender. The tests below prove both halves
//! against the SDK's own decoder.
use alloy_primitives::Address;

/// Length of the appended sender.
pub const SUFFIX_LEN: usize = 20;
/// Shortest calldata that is read as forwarded: a 4-byte selector plus the suffix.
pub const MIN_FORWARDED_LEN: usize = 4 + SUFFIX_LEN;

/// Returns `(sender, payload)`: for a call from `trusted_forwarder` (non-zero) with calldata of
/// at least [`MIN_FORWARDED_LEN`] bytes, the last 20 bytes are the sender and the rest is the
/// payload; otherwise the sender is `msg_sender` and the payload is the whole calldata.
#[must_use]
pub fn resolve(
    msg_sender: Address,
    trusted_forwarder: Address,
    calldata: &[u8],
) -> (Address, &[u8]) {
    if trusted_forwarder.is_zero()
        || msg_sender != trusted_forwarder
        || calldata.len() < MIN_FORWARDED_LEN
    {
        return (msg_sender, calldata);
    }
    let (payload, suffix) = calldata.split_at(calldata.len() - SUFFIX_LEN);
    (Address::from_slice(suffix), payload)
}

/// The ERC-2771 sender of a call routed by a hand-written router, from the arguments after the
/// selector: for a call from `trusted_forwarder` (non-zero) whose arguments hold at least the
/// 20-byte suffix (calldata ≥ [`MIN_FORWARDED_LEN`]), the last 20 bytes; otherwise `msg_sender`.
///
/// The compact reader ([`crate::abi::Args`]) ignores trailing bytes, as Solidity's decoder does,
/// so such routers decode the forwarded arguments as they are and need no stripped payload.
#[must_use]
pub fn sender_from_args(msg_sender: Address, trusted_forwarder: Address, args: &[u8]) -> Address {
    if trusted_forwarder.is_zero() || msg_sender != trusted_forwarder || args.len() < SUFFIX_LEN {
        return msg_sender;
    }
    Address::from_slice(&args[args.len() - SUFFIX_LEN..])
}

/// True when `forwarder` is the configured non-zero trusted forwarder.
#[must_use]
pub fn is_trusted_forwarder(configured: Address, forwarder: Address) -> bool {
    !configured.is_zero() && configured == forwarder
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::{address, B256};
    use alloy_sol_types::{sol, SolCall};

    sol! {
        function transferDocumentOwnership(bytes32 integraHash, address newOwner, string reason);
    }

    const FORWARDER: Address = address!("00000000000000000000000000000000000f0f0f");
    const USER: Address = address!("000000000000000000000000000000000000a11c");
    const OTHER: Address = address!("0000000000000000000000000000000000000b0b");

    fn call() -> (Vec<u8>, transferDocumentOwnershipCall) {
        let c = transferDocumentOwnershipCall {
            integraHash: B256::repeat_byte(7),
            newOwner: OTHER,
            reason: "Transfer ownership".into(),
        };
        (c.abi_encode(), c)
    }

    type Args = (B256, Address, alloc::string::String);

    fn sdk_decode(payload: &[u8]) -> bool {
        // What the SDK router does with the bytes after the selector.
        stylus_sdk::abi::decode_params::<Args>(&payload[4..]).is_ok()
    }

    #[test]
    fn sdk_decoder_rejects_calldata_that_still_carries_the_suffix() {
        let (mut data, _) = call();
        assert!(sdk_decode(&data));
        data.extend_from_slice(USER.as_slice());
        assert!(!sdk_decode(&data));
    }

    #[test]
    fn forwarded_call_yields_the_appended_sender_and_a_decodable_payload() {
        let (plain, expected) = call();
        let mut data = plain.clone();
        data.extend_from_slice(USER.as_slice());
        let (sender, payload) = resolve(FORWARDER, FORWARDER, &data);
        assert_eq!(sender, USER);
        assert_eq!(payload, plain.as_slice());
        let decoded = stylus_sdk::abi::decode_params::<Args>(&payload[4..]).unwrap();
        assert_eq!(
            decoded,
            (expected.integraHash, expected.newOwner, expected.reason)
        );
    }

    #[test]
    fn suffix_from_an_untrusted_caller_is_ignored() {
        let (mut data, _) = call();
        data.extend_from_slice(USER.as_slice());
        let (sender, payload) = resolve(OTHER, FORWARDER, &data);
        assert_eq!(sender, OTHER);
        assert_eq!(payload, data.as_slice());
        // The forged suffix never reaches a method: strict decoding refuses the payload.
        assert!(!sdk_decode(payload));
    }

    #[test]
    fn zero_forwarder_means_no_forwarding() {
        let data = [0u8; 64];
        assert_eq!(
            resolve(Address::ZERO, Address::ZERO, &data),
            (Address::ZERO, &data[..])
        );
        assert!(!is_trusted_forwarder(Address::ZERO, Address::ZERO));
        assert!(is_trusted_forwarder(FORWARDER, FORWARDER));
        assert!(!is_trusted_forwarder(FORWARDER, OTHER));
    }

    #[test]
    fn args_form_agrees_with_the_calldata_form() {
        let (plain, expected) = call();
        let mut data = plain.clone();
        data.extend_from_slice(USER.as_slice());
        assert_eq!(sender_from_args(FORWARDER, FORWARDER, &data[4..]), USER);
        // The compact reader decodes the forwarded arguments with the suffix still attached.
        let a = crate::abi::Args(&data[4..]);
        assert_eq!(
            (a.word(0), a.address(1), a.string(2)),
            (
                Some(expected.integraHash),
                Some(expected.newOwner),
                Some(expected.reason.as_str())
            )
        );
        for len in 0..=data.len() {
            let calldata = &data[..len];
            let args = calldata.get(4..).unwrap_or(&[]);
            if len >= 4 {
                assert_eq!(
                    sender_from_args(FORWARDER, FORWARDER, args),
                    resolve(FORWARDER, FORWARDER, calldata).0
                );
            }
        }
    }

    #[test]
    fn args_form_ignores_a_suffix_from_anyone_but_the_forwarder() {
        let (mut data, _) = call();
        data.extend_from_slice(USER.as_slice());
        assert_eq!(sender_from_args(OTHER, FORWARDER, &data[4..]), OTHER);
        assert_eq!(sender_from_args(OTHER, Address::ZERO, &data[4..]), OTHER);
        assert_eq!(
            sender_from_args(Address::ZERO, Address::ZERO, &data[4..]),
            Address::ZERO
        );
        assert_eq!(
            sender_from_args(FORWARDER, FORWARDER, &[0xab; 19]),
            FORWARDER
        );
        assert_eq!(
            sender_from_args(FORWARDER, FORWARDER, &[0xab; 20]),
            Address::repeat_byte(0xab)
        );
    }

    #[test]
    fn forwarded_calldata_shorter_than_24_bytes_is_not_split() {
        let short = [0xabu8; 23];
        assert_eq!(
            resolve(FORWARDER, FORWARDER, &short),
            (FORWARDER, &short[..])
        );
        let exact = [0xcdu8; 24];
        let (sender, payload) = resolve(FORWARDER, FORWARDER, &exact);
        assert_eq!(sender, Address::repeat_byte(0xcd));
        assert_eq!(payload, &exact[..4]);
    }
}
