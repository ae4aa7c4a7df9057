//! motsu tests: initialization, owner-only writes against a document registry's owner lookup,
//! the 2000-byte limit at and past the boundary, events, the resolver interface through the
//! router, ERC-2771, and ERC-165.
#![allow(clippy::needless_pass_by_value)] // motsu fixtures are passed by value

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolError};
use motsu::prelude::*;
use stylus_sdk::storage::StorageMap;

use super::*;

const NOW: u64 = 1_735_689_600;

/// Stands in for the document registry's `getDocumentOwner` (the registry's own tests run this
/// resolver against the real registry).
#[storage]
pub struct Owners {
    owners: StorageMap<B256, StorageAddress>,
}

unsafe impl TopLevelStorage for Owners {}

#[public]
impl Owners {
    fn set_owner(&mut self, h: B256, owner: Address) {
        self.owners.insert(h, owner);
    }
    fn get_document_owner(&self, h: B256) -> Address {
        self.owners.get(h)
    }
}

fn h(n: u8) -> B256 {
    B256::repeat_byte(n)
}

#[track_caller]
fn assert_error<T: core::fmt::Debug>(
    result: Result<T, Error>,
    expected: impl SolError + core::fmt::Debug,
) {
    match result {
        Ok(v) => panic!("expected {expected:?}, got Ok({v:?})"),
        Err(err) => assert_eq!(Vec::<u8>::from(err), expected.abi_encode()),
    }
}

const FORWARDER: Address = Address::repeat_byte(0xf0);

fn setup(
    resolver: &Contract<SimpleContactResolver>,
    owners: &Contract<Owners>,
    gov: Address,
    alice: Address,
) {
    resolver.sender(gov).constructor(FORWARDER);
    resolver
        .sender(gov)
        .initialize(owners.address(), gov)
        .unwrap();
    owners.sender(gov).set_owner(h(1), alice);
}

fn call(c: &Contract<SimpleContactResolver>, sender: Address, data: &[u8]) -> Option<ArbResult> {
    let selector: [u8; 4] = data[..4].try_into().unwrap();
    dispatch(&mut c.sender(sender), selector, Args(&data[4..]))
}

#[motsu::test]
fn initialize_runs_once_with_non_zero_addresses(
    resolver: Contract<SimpleContactResolver>,
    owners: Contract<Owners>,
    gov: Address,
    alice: Address,
) {
    assert_error(
        resolver
            .sender(alice)
            .set_contact_url(alice, h(1), "x")
            .motsu_res(),
        NotInitialized {},
    );
    assert_error(
        resolver
            .sender(gov)
            .initialize(Address::ZERO, gov)
            .motsu_res(),
        ZeroAddress {},
    );
    assert_error(
        resolver
            .sender(gov)
            .initialize(owners.address(), Address::ZERO)
            .motsu_res(),
        ZeroAddress {},
    );
    resolver
        .sender(gov)
        .initialize(owners.address(), gov)
        .unwrap();
    resolver.assert_emitted(&Initialized { version: 1 });
    assert!(resolver.sender(gov).has_role(GOVERNOR_ROLE, gov));
    assert_error(
        resolver
            .sender(alice)
            .initialize(owners.address(), alice)
            .motsu_res(),
        InvalidInitialization {},
    );
}

#[motsu::test]
fn owner_sets_reads_and_clears_the_ciphertext(
    resolver: Contract<SimpleContactResolver>,
    owners: Contract<Owners>,
    gov: Address,
    alice: Address,
) {
    setup(&resolver, &owners, gov, alice);
    let url = "0x00112233aabbccdd";
    resolver
        .sender(alice)
        .set_contact_url(alice, h(1), url)
        .motsu_unwrap();
    resolver.assert_emitted(&ContactURLSet {
        integraHash: h(1),
        owner: alice,
        encryptedLength: U256::from(url.len()),
        timestamp: U256::from(NOW),
    });
    let r = resolver.sender(gov);
    assert_eq!(r.get_contact_endpoint(h(1), "url"), url);
    assert_eq!(r.get_contact_endpoint(h(1), "URL"), "");
    assert_eq!(r.get_contact_endpoint(h(1), "email"), "");
    assert_eq!(
        r.get_document_metadata(h(1)),
        format!(
            "{{\"contactURL\":{{\"encrypted\":true,\"length\":{},\"updatedAt\":{NOW}}}}}",
            url.len()
        )
    );
    resolver
        .sender(alice)
        .clear_contact_url(alice, h(1))
        .motsu_unwrap();
    resolver.assert_emitted(&ContactURLCleared {
        integraHash: h(1),
        owner: alice,
        timestamp: U256::from(NOW),
    });
    assert_eq!(resolver.sender(gov).get_contact_endpoint(h(1), "url"), "");
    assert_eq!(resolver.sender(gov).get_document_metadata(h(1)), "");
}

#[motsu::test]
fn only_the_record_owner_writes(
    resolver: Contract<SimpleContactResolver>,
    owners: Contract<Owners>,
    gov: Address,
    alice: Address,
    bob: Address,
) {
    setup(&resolver, &owners, gov, alice);
    assert_error(
        resolver
            .sender(bob)
            .set_contact_url(bob, h(1), "x")
            .motsu_res(),
        OnlyDocumentOwner {
            caller: bob,
            owner: alice,
        },
    );
    assert_error(
        resolver
            .sender(bob)
            .clear_contact_url(bob, h(1))
            .motsu_res(),
        OnlyDocumentOwner {
            caller: bob,
            owner: alice,
        },
    );
    assert_error(
        resolver
            .sender(gov)
            .set_contact_url(gov, h(1), "x")
            .motsu_res(),
        OnlyDocumentOwner {
            caller: gov,
            owner: alice,
        },
    );
    assert_error(
        resolver
            .sender(alice)
            .set_contact_url(alice, h(2), "x")
            .motsu_res(),
        DocumentNotRegistered { integraHash: h(2) },
    );
    // After a transfer the new owner writes and the old one cannot.
    resolver
        .sender(alice)
        .set_contact_url(alice, h(1), "old")
        .motsu_unwrap();
    owners.sender(gov).set_owner(h(1), bob);
    assert_eq!(
        resolver.sender(bob).get_contact_endpoint(h(1), "url"),
        "old"
    );
    resolver
        .sender(bob)
        .set_contact_url(bob, h(1), "new")
        .motsu_unwrap();
    assert!(resolver
        .sender(alice)
        .set_contact_url(alice, h(1), "x")
        .motsu_res()
        .is_err());
}

#[motsu::test]
fn length_is_one_to_two_thousand_bytes(
    resolver: Contract<SimpleContactResolver>,
    owners: Contract<Owners>,
    gov: Address,
    alice: Address,
) {
    setup(&resolver, &owners, gov, alice);
    let bad = |len: usize| InvalidEncryptedURLLength {
        length: U256::from(len),
        max: U256::from(2000),
    };
    assert_error(
        resolver
            .sender(alice)
            .set_contact_url(alice, h(1), "")
            .motsu_res(),
        bad(0),
    );
    let long = "a".repeat(2001);
    assert_error(
        resolver
            .sender(alice)
            .set_contact_url(alice, h(1), &long)
            .motsu_res(),
        bad(2001),
    );
    resolver
        .sender(alice)
        .set_contact_url(alice, h(1), &long[..2000])
        .motsu_unwrap();
    assert_eq!(
        resolver.sender(gov).get_contact_endpoint(h(1), "url").len(),
        2000
    );
}

#[motsu::test]
fn hooks_accept_only_the_registry_and_views_answer_the_interface(
    resolver: Contract<SimpleContactResolver>,
    owners: Contract<Owners>,
    gov: Address,
    alice: Address,
) {
    setup(&resolver, &owners, gov, alice);
    let hook = onDocumentTransferredCall {
        integraHash: h(1),
        from: alice,
        to: gov,
    }
    .abi_encode();
    assert_eq!(
        call(&resolver, alice, &hook),
        Some(Err(OnlyDocumentRegistry { caller: alice }.abi_encode()))
    );
    assert_eq!(
        call(&resolver, owners.address(), &hook),
        Some(Ok(Vec::new()))
    );
    let reg = onDocumentRegisteredCall {
        integraHash: h(1),
        documentHash: h(2),
        owner: alice,
        data: vec![1, 2].into(),
    };
    assert_eq!(
        call(&resolver, owners.address(), &reg.abi_encode()),
        Some(Ok(Vec::new()))
    );
    let tok = onTokenizerAssociatedCall {
        integraHash: h(1),
        tokenizer: gov,
    };
    assert_eq!(
        call(&resolver, gov, &tok.abi_encode()),
        Some(Err(OnlyDocumentRegistry { caller: gov }.abi_encode()))
    );
    let view = |data: Vec<u8>| call(&resolver, gov, &data).unwrap().unwrap();
    let can = view(
        canOwnDocumentCall {
            integraHash: h(1),
            newOwner: gov,
        }
        .abi_encode(),
    );
    let can = canOwnDocumentCall::abi_decode_returns(&can, true).unwrap();
    assert_eq!((can.allowed, can.reason.as_str()), (true, ""));
    let exp = isDocumentExpiredCall::abi_decode_returns(
        &view(isDocumentExpiredCall { integraHash: h(1) }.abi_encode()),
        true,
    )
    .unwrap();
    assert_eq!((exp.expired, exp.expiryTime), (false, U256::ZERO));
    let act = executeDocumentActionCall {
        integraHash: h(1),
        action: "x".into(),
        data: vec![].into(),
    };
    let act = executeDocumentActionCall::abi_decode_returns(&view(act.abi_encode()), true).unwrap();
    assert!(!act.success && act.result.is_empty());
    assert_eq!(
        resolverTypeCall::abi_decode_returns(&view(resolverTypeCall {}.abi_encode()), true)
            .unwrap()
            ._0,
        "Communication"
    );
    assert!(
        isLegitimateResolverCall::abi_decode_returns(
            &view(isLegitimateResolverCall {}.abi_encode()),
            true
        )
        .unwrap()
        ._0
    );
    let ep = getContactEndpointCall {
        integraHash: h(1),
        caller: gov,
        method: "url".into(),
    };
    assert_eq!(
        getContactEndpointCall::abi_decode_returns(&view(ep.abi_encode()), true)
            .unwrap()
            .endpoint,
        ""
    );
    let iface = |id: [u8; 4]| {
        supportsInterfaceCall::abi_decode_returns(
            &view(
                supportsInterfaceCall {
                    interfaceId: id.into(),
                }
                .abi_encode(),
            ),
            true,
        )
        .unwrap()
        ._0
    };
    assert!(
        iface(RESOLVER_INTERFACE_ID)
            && iface(ACCESS_CONTROL_INTERFACE_ID)
            && iface([0x01, 0xff, 0xc9, 0xa7])
    );
    assert!(!iface([0xff; 4]));
    assert_eq!(
        MAX_ENCRYPTED_URL_LENGTHCall::abi_decode_returns(
            &view(MAX_ENCRYPTED_URL_LENGTHCall {}.abi_encode()),
            true
        )
        .unwrap()
        ._0,
        U256::from(2000)
    );
}

#[motsu::test]
fn forwarder_writes_for_the_appended_owner_and_forged_suffixes_are_ignored(
    resolver: Contract<SimpleContactResolver>,
    owners: Contract<Owners>,
    gov: Address,
    alice: Address,
    mallory: Address,
) {
    setup(&resolver, &owners, gov, alice);
    let mut data = setContactURLCall {
        integraHash: h(1),
        encryptedURL: "0xabc".into(),
    }
    .abi_encode();
    data.extend_from_slice(alice.as_slice());
    assert_eq!(
        call(&resolver, mallory, &data).unwrap().motsu_res(),
        Err(OnlyDocumentOwner {
            caller: mallory,
            owner: alice
        }
        .abi_encode())
    );
    assert_eq!(call(&resolver, FORWARDER, &data), Some(Ok(Vec::new())));
    assert_eq!(
        resolver.sender(gov).get_contact_endpoint(h(1), "url"),
        "0xabc"
    );
    assert!(resolver
        .sender(gov)
        .supports_interface(RESOLVER_INTERFACE_ID.into()));
}

#[test]
fn resolver_interface_id_matches_the_shared_interface() {
    use integra_primitives::interfaces::IDocumentResolver as I;
    let shared = interface_id(&[
        I::onDocumentRegisteredCall::SELECTOR,
        I::onDocumentTransferredCall::SELECTOR,
        I::onTokenizerAssociatedCall::SELECTOR,
        I::canOwnDocumentCall::SELECTOR,
        I::isDocumentExpiredCall::SELECTOR,
        I::getDocumentMetadataCall::SELECTOR,
        I::getContactEndpointCall::SELECTOR,
        I::executeDocumentActionCall::SELECTOR,
        I::resolverTypeCall::SELECTOR,
        I::isLegitimateResolverCall::SELECTOR,
    ]);
    assert_eq!(RESOLVER_INTERFACE_ID, shared);
}
