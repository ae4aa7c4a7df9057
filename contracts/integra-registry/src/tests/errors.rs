//! The hand-written error encoder (`compact_errors!`) against alloy's `SolError::abi_encode`,
//! variant by variant, with non-trivial field values.
use alloy_primitives::address;

use super::*;

/// The variant's position in the enum. No wildcard arm: a new variant fails to compile here
/// until it is added to [`every_variant`].
fn variant_index(e: &Error) -> usize {
    match e {
        Error::UnauthorizedAccount(_) => 0,
        Error::BadConfirmation(_) => 1,
        Error::ZeroAddress(_) => 2,
        Error::ZeroComponentId(_) => 3,
        Error::InvalidRegistryType(_) => 4,
        Error::NotAContract(_) => 5,
        Error::ComponentAddressAlreadyRegistered(_) => 6,
        Error::EmptyDescription(_) => 7,
        Error::TypeTooLong(_) => 8,
        Error::IndexOutOfBounds(_) => 9,
        Error::ComponentAlreadyRegistered(_) => 10,
        Error::ComponentNotFound(_) => 11,
        Error::ComponentInactive(_) => 12,
        Error::ComponentAlreadyActive(_) => 13,
        Error::ComponentCodeChanged(_) => 14,
        Error::EmptyComponentType(_) => 15,
        Error::ProviderAlreadyRegistered(_) => 16,
        Error::ProviderNotFound(_) => 17,
        Error::ProviderInactive(_) => 18,
        Error::ProviderCodeChanged(_) => 19,
        Error::EmptyProviderType(_) => 20,
        Error::VerifierAlreadyRegistered(_) => 21,
        Error::VerifierNotFound(_) => 22,
        Error::VerifierInactive(_) => 23,
        Error::VerifierCodeChanged(_) => 24,
        Error::EmptyVerifierType(_) => 25,
        Error::ResolverAlreadyRegistered(_) => 26,
        Error::ResolverNotFound(_) => 27,
        Error::ResolverInactive(_) => 28,
        Error::ResolverCodeChanged(_) => 29,
        Error::EmptyResolverType(_) => 30,
        Error::TokenizerAlreadyRegistered(_) => 31,
        Error::EmptyTokenizerType(_) => 32,
    }
}
const VARIANTS: usize = 33;

/// Every variant with the bytes alloy encodes for it.
#[allow(clippy::too_many_lines)] // one entry per variant
fn every_variant() -> Vec<(Error, Vec<u8>)> {
    let a = address!("0xdeadbeef00112233445566778899aabbccddeeff");
    let i = id("component");
    let (h1, h2) = (B256::repeat_byte(0xa5), B256::repeat_byte(0x5a));
    let big = U256::MAX - U256::from(7);
    macro_rules! pair {
        ($($variant:ident($e:expr)),* $(,)?) => {
            vec![$({
                let e = $e;
                (Error::$variant(e.clone()), e.abi_encode())
            }),*]
        };
    }
    pair![
        UnauthorizedAccount(AccessControlUnauthorizedAccount {
            account: a,
            neededRole: GOVERNOR_ROLE
        }),
        BadConfirmation(AccessControlBadConfirmation {}),
        ZeroAddress(ZeroAddress {}),
        ZeroComponentId(ZeroComponentId {}),
        InvalidRegistryType(InvalidRegistryType { registryType: 0xfe }),
        NotAContract(NotAContract { account: a }),
        ComponentAddressAlreadyRegistered(ComponentAddressAlreadyRegistered {
            component: a,
            existingId: i
        }),
        EmptyDescription(EmptyDescription {}),
        TypeTooLong(TypeTooLong {
            length: big,
            max: U256::from(100)
        }),
        IndexOutOfBounds(IndexOutOfBounds {
            index: U256::MAX,
            length: U256::from(0x0102_0304_u32)
        }),
        ComponentAlreadyRegistered(ComponentAlreadyRegistered {
            componentId: i,
            existing: a
        }),
        ComponentNotFound(ComponentNotFound { componentId: i }),
        ComponentInactive(ComponentInactive { componentId: h1 }),
        ComponentAlreadyActive(ComponentAlreadyActive { componentId: h2 }),
        ComponentCodeChanged(ComponentCodeChanged {
            componentId: i,
            expectedHash: h1,
            currentHash: h2
        }),
        EmptyComponentType(EmptyComponentType {}),
        ProviderAlreadyRegistered(ProviderAlreadyRegistered {
            providerId: i,
            existing: a
        }),
        ProviderNotFound(ProviderNotFound { providerId: i }),
        ProviderInactive(ProviderInactive { providerId: h1 }),
        ProviderCodeChanged(ProviderCodeChanged {
            providerId: i,
            expectedHash: h1,
            currentHash: h2
        }),
        EmptyProviderType(EmptyProviderType {}),
        VerifierAlreadyRegistered(VerifierAlreadyRegistered {
            verifierId: i,
            existing: a
        }),
        VerifierNotFound(VerifierNotFound { verifierId: i }),
        VerifierInactive(VerifierInactive { verifierId: h2 }),
        VerifierCodeChanged(VerifierCodeChanged {
            verifierId: i,
            expectedHash: h2,
            currentHash: h1
        }),
        EmptyVerifierType(EmptyVerifierType {}),
        ResolverAlreadyRegistered(ResolverAlreadyRegistered {
            resolverId: i,
            existing: a
        }),
        ResolverNotFound(ResolverNotFound { resolverId: i }),
        ResolverInactive(ResolverInactive { resolverId: h1 }),
        ResolverCodeChanged(ResolverCodeChanged {
            resolverId: h1,
            expectedHash: i,
            currentHash: h2
        }),
        EmptyResolverType(EmptyResolverType {}),
        TokenizerAlreadyRegistered(TokenizerAlreadyRegistered {
            tokenizerId: i,
            existing: a
        }),
        EmptyTokenizerType(EmptyTokenizerType {}),
    ]
}

#[test]
fn every_error_variant_encodes_as_alloy_does() {
    let cases = every_variant();
    let mut seen = [false; VARIANTS];
    for (err, expected) in cases {
        let index = variant_index(&err);
        assert!(!seen[index], "variant {index} listed twice");
        seen[index] = true;
        let debug = format!("{err:?}");
        assert_eq!(Vec::<u8>::from(err), expected, "{debug}");
    }
    assert!(seen.iter().all(|s| *s), "every variant is listed: {seen:?}");
}

#[test]
fn every_error_selector_is_distinct() {
    let mut selectors: Vec<[u8; 4]> = every_variant()
        .into_iter()
        .map(|(_, bytes)| bytes[..4].try_into().unwrap())
        .collect();
    selectors.sort_unstable();
    selectors.dedup();
    assert_eq!(selectors.len(), VARIANTS);
}

#[test]
fn access_control_errors_convert_to_the_oz_v5_errors() {
    use integra_primitives::access::AccessControlError;
    let a = address!("0x00000000000000000000000000000000000000aa");
    let from_oz = Error::from(AccessControlError::UnauthorizedAccount(
        openzeppelin_stylus::access::control::AccessControlUnauthorizedAccount {
            account: a,
            needed_role: GOVERNOR_ROLE,
        },
    ));
    assert_eq!(
        Vec::<u8>::from(from_oz),
        AccessControlUnauthorizedAccount {
            account: a,
            neededRole: GOVERNOR_ROLE
        }
        .abi_encode()
    );
    let bad = Error::from(AccessControlError::BadConfirmation(
        openzeppelin_stylus::access::control::AccessControlBadConfirmation {},
    ));
    assert_eq!(
        Vec::<u8>::from(bad),
        AccessControlBadConfirmation {}.abi_encode()
    );
}
