//! Access-control role ids (spec 00 §4). Each is `keccak256("<NAME>")`, computed at compile time;
//! the tests pin the published prefixes.
use alloy_primitives::B256;

const fn role(name: &str) -> B256 {
    B256::new(
        stylus_sdk::keccak_const::Keccak256::new()
            .update(name.as_bytes())
            .finalize(),
    )
}

/// OpenZeppelin's default admin role: `0x00…00`. Admin of every other role.
pub const DEFAULT_ADMIN_ROLE: B256 = B256::ZERO;
/// Governance: registries, fees, gas limits, approvals, pause, upgrades.
pub const GOVERNOR_ROLE: B256 = role("GOVERNOR_ROLE");
/// Reserved; carries no power in this suite.
pub const OPERATOR_ROLE: B256 = role("OPERATOR_ROLE");
/// `IntegraExecutor` relayers that act as the executor contract (mode A, spec 03 §4).
pub const EXECUTOR_ROLE: B256 = role("EXECUTOR_ROLE");
/// `IntegraExecutor` relayers that forward user-signed requests (mode B, spec 03 §4).
pub const RELAYER_ROLE: B256 = role("RELAYER_ROLE");

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::keccak256;

    #[test]
    fn role_ids_are_the_keccak_of_their_names() {
        for (id, name) in [
            (GOVERNOR_ROLE, "GOVERNOR_ROLE"),
            (OPERATOR_ROLE, "OPERATOR_ROLE"),
            (EXECUTOR_ROLE, "EXECUTOR_ROLE"),
            (RELAYER_ROLE, "RELAYER_ROLE"),
        ] {
            assert_eq!(id, keccak256(name.as_bytes()), "{name}");
        }
    }

    #[test]
    fn role_ids_match_the_published_prefixes_and_suffixes() {
        let check = |id: B256, head: &str, tail: &str| {
            let hex = alloc::format!("{id:x}");
            assert!(hex.starts_with(head) && hex.ends_with(tail), "{hex}");
        };
        check(GOVERNOR_ROLE, "7935bd0a", "4f55");
        check(OPERATOR_ROLE, "97667070", "b929");
        check(EXECUTOR_ROLE, "d8aa0f31", "9e63");
        check(RELAYER_ROLE, "e2b7fb3b", "0dc4");
        assert_eq!(DEFAULT_ADMIN_ROLE, B256::ZERO);
    }
}
