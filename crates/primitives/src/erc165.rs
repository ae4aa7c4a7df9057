//! ERC-165 interface ids every contract reports.

/// `keccak256(signature)[..4]`, at compile time.
const fn selector(signature: &str) -> [u8; 4] {
    let h = stylus_sdk::keccak_const::Keccak256::new()
        .update(signature.as_bytes())
        .finalize();
    [h[0], h[1], h[2], h[3]]
}

/// ERC-165 id of an interface: the XOR of its function selectors.
#[must_use]
pub const fn interface_id(selectors: &[[u8; 4]]) -> [u8; 4] {
    let mut id = [0u8; 4];
    let mut i = 0;
    while i < selectors.len() {
        let mut j = 0;
        while j < 4 {
            id[j] ^= selectors[i][j];
            j += 1;
        }
        i += 1;
    }
    id
}

/// `a ‖ b` as one array of `N = a.len() + b.len()` selectors, at compile time (a router's
/// selector lists built from its components' lists).
///
/// # Panics
/// At compile time, when `N` is not `a.len() + b.len()`.
#[must_use]
pub const fn concat_selectors<const N: usize>(a: &[[u8; 4]], b: &[[u8; 4]]) -> [[u8; 4]; N] {
    assert!(a.len() + b.len() == N, "N must be a.len() + b.len()");
    let mut out = [[0u8; 4]; N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < b.len() {
        out[i + j] = b[j];
        j += 1;
    }
    out
}

/// OpenZeppelin's `IAccessControl` (`0x7965db0b`).
pub const ACCESS_CONTROL_INTERFACE_ID: [u8; 4] = interface_id(&[
    selector("hasRole(bytes32,address)"),
    selector("getRoleAdmin(bytes32)"),
    selector("grantRole(bytes32,address)"),
    selector("revokeRole(bytes32,address)"),
    selector("renounceRole(bytes32,address)"),
]);

/// ERC-165 itself: `supportsInterface(bytes4)` (`0x01ffc9a7`).
pub const ERC165_INTERFACE_ID: [u8; 4] = selector("supportsInterface(bytes4)");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_published_ones() {
        assert_eq!(ACCESS_CONTROL_INTERFACE_ID, [0x79, 0x65, 0xdb, 0x0b]);
        assert_eq!(ERC165_INTERFACE_ID, [0x01, 0xff, 0xc9, 0xa7]);
    }

    #[test]
    fn id_of_one_selector_is_the_selector_and_xor_cancels() {
        let s = [1, 2, 3, 4];
        assert_eq!(interface_id(&[s]), s);
        assert_eq!(interface_id(&[s, s]), [0; 4]);
        assert_eq!(interface_id(&[]), [0; 4]);
    }

    #[test]
    fn concat_keeps_both_lists_in_order() {
        let out: [[u8; 4]; 3] = concat_selectors(&[[1; 4]], &[[2; 4], [3; 4]]);
        assert_eq!(out, [[1; 4], [2; 4], [3; 4]]);
    }
}
