//! Capability bits and role templates (spec 01 §1). Each capability is `1 << bit`:
//! bits 0–7 core, 8–15 document, 16–23 financial, 24–31 governance, 32–127 reserved (covered by
//! [`ROLE_ADMIN`]), 128–255 protocol extensions. [`CORE_ADMIN`] (bit 7) implies every capability.
//!
//! The deployed `CapabilityNamespace` contract exposes exactly these functions; contracts call
//! this module in-process, so the two agree bit for bit.
use alloy_primitives::U256;

const fn bit(n: usize) -> U256 {
    U256::from_limbs(if n < 64 {
        [1 << n, 0, 0, 0]
    } else if n < 128 {
        [0, 1 << (n - 64), 0, 0]
    } else if n < 192 {
        [0, 0, 1 << (n - 128), 0]
    } else {
        [0, 0, 0, 1 << (n - 192)]
    })
}

/// Bit 0: read access.
pub const CORE_VIEW: U256 = bit(0);
/// Bit 1: claim a reserved token (the claim attestation's capability).
pub const CORE_CLAIM: U256 = bit(1);
/// Bit 2: transfer.
pub const CORE_TRANSFER: U256 = bit(2);
/// Bit 3: update.
pub const CORE_UPDATE: U256 = bit(3);
/// Bit 4: delegate.
pub const CORE_DELEGATE: U256 = bit(4);
/// Bit 5: revoke.
pub const CORE_REVOKE: U256 = bit(5);
/// Bit 6: reserved.
pub const CORE_RESERVED_1: U256 = bit(6);
/// Bit 7: administrator; implies every capability.
pub const CORE_ADMIN: U256 = bit(7);
/// Bit 8: sign a document.
pub const DOC_SIGN: U256 = bit(8);
/// Bit 9: witness.
pub const DOC_WITNESS: U256 = bit(9);
/// Bit 10: notarize.
pub const DOC_NOTARIZE: U256 = bit(10);
/// Bit 11: verify.
pub const DOC_VERIFY: U256 = bit(11);
/// Bit 12: amend.
pub const DOC_AMEND: U256 = bit(12);
/// Bit 13: archive.
pub const DOC_ARCHIVE: U256 = bit(13);
/// Bit 14: reserved.
pub const DOC_RESERVED_1: U256 = bit(14);
/// Bit 15: reserved.
pub const DOC_RESERVED_2: U256 = bit(15);
/// Bit 16: request a payment.
pub const FIN_REQUEST_PAYMENT: U256 = bit(16);
/// Bit 17: approve a payment.
pub const FIN_APPROVE_PAYMENT: U256 = bit(17);
/// Bit 18: execute a payment.
pub const FIN_EXECUTE_PAYMENT: U256 = bit(18);
/// Bit 19: cancel a payment.
pub const FIN_CANCEL_PAYMENT: U256 = bit(19);
/// Bit 20: withdraw.
pub const FIN_WITHDRAW: U256 = bit(20);
/// Bit 21: deposit.
pub const FIN_DEPOSIT: U256 = bit(21);
/// Bit 22: reserved.
pub const FIN_RESERVED_1: U256 = bit(22);
/// Bit 23: reserved.
pub const FIN_RESERVED_2: U256 = bit(23);
/// Bit 24: propose.
pub const GOV_PROPOSE: U256 = bit(24);
/// Bit 25: vote.
pub const GOV_VOTE: U256 = bit(25);
/// Bit 26: execute a proposal.
pub const GOV_EXECUTE: U256 = bit(26);
/// Bit 27: veto.
pub const GOV_VETO: U256 = bit(27);
/// Bit 28: delegate a vote.
pub const GOV_DELEGATE_VOTE: U256 = bit(28);
/// Bit 29: reserved.
pub const GOV_RESERVED_1: U256 = bit(29);
/// Bit 30: reserved.
pub const GOV_RESERVED_2: U256 = bit(30);
/// Bit 31: reserved.
pub const GOV_RESERVED_3: U256 = bit(31);

/// `CORE_VIEW` = `0x1`.
pub const ROLE_VIEWER: U256 = CORE_VIEW;
/// `VIEW | CLAIM | TRANSFER | FIN_REQUEST_PAYMENT` = `0x10007`.
pub const ROLE_PARTICIPANT: U256 = U256::from_limbs([0x10007, 0, 0, 0]);
/// `PARTICIPANT | UPDATE | FIN_APPROVE_PAYMENT | DOC_SIGN | DOC_WITNESS` = `0x3030F`.
pub const ROLE_MANAGER: U256 = U256::from_limbs([0x3030F, 0, 0, 0]);
/// `(1 << 128) - 1`: every core, document, financial, governance and reserved bit.
pub const ROLE_ADMIN: U256 = U256::from_limbs([u64::MAX, u64::MAX, 0, 0]);

/// True when `granted` has [`CORE_ADMIN`] or every bit of `required`.
#[must_use]
pub fn has_capability(granted: U256, required: U256) -> bool {
    granted & CORE_ADMIN != U256::ZERO || granted & required == required
}

/// Bitwise OR of every element; `[]` gives 0.
#[must_use]
pub fn compose_capabilities(capabilities: &[U256]) -> U256 {
    capabilities.iter().fold(U256::ZERO, |acc, c| acc | *c)
}

/// `current | to_add`.
#[must_use]
pub fn add_capability(current: U256, to_add: U256) -> U256 {
    current | to_add
}

/// `current & !to_remove`.
#[must_use]
pub fn remove_capability(current: U256, to_remove: U256) -> U256 {
    current & !to_remove
}

/// True when any bit is set.
#[must_use]
pub fn has_any_capability(capabilities: U256) -> bool {
    capabilities != U256::ZERO
}

/// True when [`CORE_ADMIN`] (bit 7) is set.
#[must_use]
pub fn is_admin(capabilities: U256) -> bool {
    capabilities & CORE_ADMIN != U256::ZERO
}

/// True for exactly one bit at index ≤ 31.
#[must_use]
pub fn is_standard_capability(capability: U256) -> bool {
    capability.count_ones() == 1 && capability.trailing_zeros() <= 31
}

/// True for a value with two or more bits set.
#[must_use]
pub fn is_composite_capability(capability: U256) -> bool {
    capability.count_ones() >= 2
}

/// The eight capabilities of the group starting at bit `first`, ascending.
fn group(first: usize) -> [U256; 8] {
    core::array::from_fn(|i| bit(first + i))
}

/// Bits 0..7, ascending.
#[must_use]
pub fn core_capabilities() -> [U256; 8] {
    group(0)
}

/// Bits 8..15, ascending.
#[must_use]
pub fn document_capabilities() -> [U256; 8] {
    group(8)
}

/// Bits 16..23, ascending.
#[must_use]
pub fn financial_capabilities() -> [U256; 8] {
    group(16)
}

/// Bits 24..31, ascending.
#[must_use]
pub fn governance_capabilities() -> [U256; 8] {
    group(24)
}

/// `getRoleTemplates()`: `(viewer, participant, manager, admin)`.
#[must_use]
pub fn role_templates() -> [U256; 4] {
    [ROLE_VIEWER, ROLE_PARTICIPANT, ROLE_MANAGER, ROLE_ADMIN]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn any_u256() -> impl Strategy<Value = U256> {
        any::<[u64; 4]>().prop_map(U256::from_limbs)
    }

    #[test]
    fn role_templates_equal_their_definitions() {
        assert_eq!(ROLE_VIEWER, U256::from(1));
        assert_eq!(
            ROLE_PARTICIPANT,
            CORE_VIEW | CORE_CLAIM | CORE_TRANSFER | FIN_REQUEST_PAYMENT
        );
        assert_eq!(
            ROLE_MANAGER,
            ROLE_PARTICIPANT | CORE_UPDATE | FIN_APPROVE_PAYMENT | DOC_SIGN | DOC_WITNESS
        );
        assert_eq!(ROLE_ADMIN, (U256::from(1) << 128) - U256::from(1));
        assert_eq!(
            role_templates(),
            [
                U256::from(1),
                U256::from(0x10007),
                U256::from(0x3030F),
                ROLE_ADMIN
            ]
        );
    }

    #[test]
    fn named_bits_sit_at_their_spec_positions() {
        assert_eq!(CORE_CLAIM, U256::from(2));
        assert_eq!(CORE_ADMIN, U256::from(0x80));
        assert_eq!(DOC_SIGN, U256::from(0x100));
        assert_eq!(FIN_REQUEST_PAYMENT, U256::from(0x1_0000));
        assert_eq!(GOV_PROPOSE, U256::from(0x100_0000));
        assert_eq!(GOV_RESERVED_3, U256::from(1u64 << 31));
        assert_eq!(bit(200), U256::from(1) << 200);
        assert_eq!(bit(100), U256::from(1) << 100);
    }

    #[test]
    fn groups_list_eight_ascending_bits() {
        assert_eq!(core_capabilities()[1], CORE_CLAIM);
        assert_eq!(core_capabilities()[7], CORE_ADMIN);
        assert_eq!(document_capabilities()[0], DOC_SIGN);
        assert_eq!(financial_capabilities()[5], FIN_DEPOSIT);
        assert_eq!(governance_capabilities()[4], GOV_DELEGATE_VOTE);
        assert_eq!(
            compose_capabilities(&core_capabilities())
                | compose_capabilities(&document_capabilities())
                | compose_capabilities(&financial_capabilities())
                | compose_capabilities(&governance_capabilities()),
            U256::from(u32::MAX)
        );
    }

    #[test]
    fn standard_capability_is_one_bit_at_most_index_31() {
        assert!(is_standard_capability(U256::from(1u64 << 31)));
        assert!(is_standard_capability(CORE_VIEW));
        assert!(!is_standard_capability(U256::from(1u64 << 32)));
        assert!(!is_standard_capability(U256::ZERO));
        assert!(!is_standard_capability(U256::from(3)));
    }

    #[test]
    fn composite_capability_needs_two_bits() {
        assert!(!is_composite_capability(U256::ZERO));
        assert!(!is_composite_capability(CORE_ADMIN));
        assert!(is_composite_capability(ROLE_PARTICIPANT));
    }

    #[test]
    fn missing_bit_is_not_granted() {
        assert!(!has_capability(ROLE_PARTICIPANT, DOC_SIGN));
        assert!(has_capability(ROLE_MANAGER, DOC_SIGN | CORE_CLAIM));
        assert!(!has_capability(CORE_VIEW, CORE_VIEW | CORE_CLAIM));
        assert_eq!(compose_capabilities(&[]), U256::ZERO);
        assert!(!has_any_capability(U256::ZERO));
        assert!(is_admin(ROLE_ADMIN));
        assert!(!is_admin(ROLE_MANAGER));
    }

    proptest! {
        #[test]
        fn zero_requirement_is_always_met(g in any_u256()) {
            prop_assert!(has_capability(g, U256::ZERO));
        }

        #[test]
        fn core_admin_passes_any_requirement(g in any_u256(), r in any_u256()) {
            prop_assert!(has_capability(g | CORE_ADMIN, r));
        }

        #[test]
        fn without_admin_granted_must_cover_required(g in any_u256(), r in any_u256()) {
            let g = g & !CORE_ADMIN;
            prop_assert_eq!(has_capability(g, r), g & r == r);
        }

        #[test]
        fn add_then_remove_clears_exactly_those_bits(c in any_u256(), x in any_u256()) {
            let added = add_capability(c, x);
            prop_assert!(has_capability(added, x));
            prop_assert_eq!(remove_capability(added, x) & x, U256::ZERO);
            prop_assert_eq!(remove_capability(added, x), c & !x);
        }

        #[test]
        fn composite_means_more_than_one_bit(c in any_u256()) {
            let expected = c != U256::ZERO && (c & (c - U256::from(1))) != U256::ZERO;
            prop_assert_eq!(is_composite_capability(c), expected);
        }
    }
}
