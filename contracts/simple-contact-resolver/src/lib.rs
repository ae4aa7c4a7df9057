//! `SimpleContactResolver` (spec 03 §3): one client-encrypted contact URL per document record,
//! a "Communication" resolver.
//!
//! # What is stored
//! Per record: the ciphertext the record owner submitted (1–2000 bytes, stored and returned
//! byte for byte, never interpreted) and the time it was last set. Nothing else: no key, no key
//! material, no plaintext, no hash of either. Anyone can read the ciphertext (`getContactEndpoint`
//! with method `"url"`); only the record's current owner in the document registry can set or
//! clear it. The URL survives ownership transfers; the new owner may overwrite it.
//!
//! # The key (OQ-03-2)
//! The reference client encrypted with `keccak256(documentHash)`, and `documentHash` is public in
//! the registry, so anyone could decrypt. This contract stays agnostic of the encryption: the key
//! **must** come from an off-chain shared secret between the owner and the parties meant to read
//! the endpoint (e.g. an ECDH agreement or a key delivered with the document), never from
//! on-chain data. The suggested envelope stays AES-256-GCM, `0x‖hex(iv12‖tag16‖ct)`.
//!
//! # Deployment
//! The spec asks for UUPS. This first version deploys **without a proxy**: the constructor fixes
//! the ERC-2771 trusted forwarder, and `initialize(documentRegistry, governor)` runs exactly
//! once (OZ `InvalidInitialization()` afterwards) and must be called in the deployment
//! transaction or checked right after it. The storage layout is append-only so that an ERC-1967
//! proxy can be put in front later; until then "upgrades by GOVERNOR" means a new deployment
//! registered under the resolver id.
//!
//! # ERC-2771
//! `setContactURL` and `clearContactURL` authenticate the resolved sender: the last 20 bytes of
//! the calldata when `msg.sender` is the trusted forwarder, else `msg.sender`. Hooks check the
//! plain `msg.sender` against the registry.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#![cfg_attr(target_arch = "wasm32", allow(missing_docs))]
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

use alloc::{format, string::String, vec, vec::Vec};

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolEvent};
use integra_primitives::erc165::interface_id;
pub use integra_primitives::erc165::{ACCESS_CONTROL_INTERFACE_ID, ERC165_INTERFACE_ID};
use integra_primitives::{
    abi::{emit, returns, Args, Token},
    access::{grant_governance, AccessControl, IAccessControl},
    calls::{self, Kind},
    compact_errors, erc2771,
    interfaces::IDocumentOwnerLookup,
    limits::MAX_ENCRYPTED_URL_LENGTH,
    roles::{DEFAULT_ADMIN_ROLE, GOVERNOR_ROLE},
    VERSION,
};
use stylus_sdk::{
    alloy_primitives::aliases::B32,
    prelude::*,
    storage::{StorageAddress, StorageBool, StorageMap, StorageString, StorageU64},
    ArbResult,
};

pub use ISimpleContactResolver::*;

// The whole external interface, in one `sol!` declaration.
integra_primitives::contract_interface! {
    /// `SimpleContactResolver` (spec 03 §3).
    interface ISimpleContactResolver {
        #[derive(Debug, PartialEq, Eq)]
        event ContactURLSet(bytes32 indexed integraHash, address indexed owner, uint256 encryptedLength, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ContactURLCleared(bytes32 indexed integraHash, address indexed owner, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event Initialized(uint64 version);
        #[derive(Debug, PartialEq, Eq)]
        event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender);
        #[derive(Debug, PartialEq, Eq)]
        event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender);
        #[derive(Debug, PartialEq, Eq)]
        event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole);
        #[derive(Debug, PartialEq, Eq)]
        error ZeroAddress();
        #[derive(Debug, PartialEq, Eq)]
        error OnlyDocumentOwner(address caller, address owner);
        #[derive(Debug, PartialEq, Eq)]
        error OnlyDocumentRegistry(address caller);
        #[derive(Debug, PartialEq, Eq)]
        error DocumentNotRegistered(bytes32 integraHash);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidEncryptedURLLength(uint256 length, uint256 max);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidInitialization();
        #[derive(Debug, PartialEq, Eq)]
        error NotInitialized();
        #[derive(Debug, PartialEq, Eq)]
        error AccessControlUnauthorizedAccount(address account, bytes32 neededRole);
        #[derive(Debug, PartialEq, Eq)]
        error AccessControlBadConfirmation();

        function initialize(address documentRegistry, address governor) external;
        function setContactURL(bytes32 integraHash, string encryptedURL) external;
        function clearContactURL(bytes32 integraHash) external;
        // ---- IDocumentResolver (spec 03 §2) ----
        function onDocumentRegistered(bytes32 integraHash, bytes32 documentHash, address owner, bytes data) external;
        function onDocumentTransferred(bytes32 integraHash, address from, address to) external;
        function onTokenizerAssociated(bytes32 integraHash, address tokenizer) external;
        function canOwnDocument(bytes32 integraHash, address newOwner) external view returns (bool allowed, string memory reason);
        function isDocumentExpired(bytes32 integraHash) external view returns (bool expired, uint256 expiryTime);
        function getDocumentMetadata(bytes32 integraHash) external view returns (string memory metadata);
        function getContactEndpoint(bytes32 integraHash, address caller, string method) external view returns (string memory endpoint);
        function executeDocumentAction(bytes32 integraHash, string action, bytes data) external returns (bool success, bytes memory result);
        function resolverType() external view returns (string memory);
        function isLegitimateResolver() external view returns (bool);
        // ---- storage getters, constants ----
        function documentRegistry() external view returns (address);
        function encryptedContactURLs(bytes32 integraHash) external view returns (string memory);
        function contactURLUpdatedAt(bytes32 integraHash) external view returns (uint256);
        function trustedForwarder() external view returns (address);
        function isTrustedForwarder(address forwarder) external view returns (bool);
        function RESOLVER_TYPE() external view returns (string memory);
        function MAX_ENCRYPTED_URL_LENGTH() external view returns (uint256);
        function VERSION() external view returns (string memory);
        function GOVERNOR_ROLE() external view returns (bytes32);
        function DEFAULT_ADMIN_ROLE() external view returns (bytes32);
        // ---- access control (OpenZeppelin v5), ERC-165 ----
        function hasRole(bytes32 role, address account) external view returns (bool);
        function getRoleAdmin(bytes32 role) external view returns (bytes32);
        function grantRole(bytes32 role, address account) external;
        function revokeRole(bytes32 role, address account) external;
        function renounceRole(bytes32 role, address callerConfirmation) external;
        function supportsInterface(bytes4 interfaceId) external view returns (bool);
    }
}

/// `resolverType()`.
pub const RESOLVER_TYPE: &str = "Communication";

compact_errors! {
    /// Every way a call to the resolver can fail.
    pub enum Error {
    /// A zero address where one is required.
    ZeroAddress(ZeroAddress {}),
    /// The sender is not the record's owner.
    OnlyDocumentOwner(OnlyDocumentOwner { caller, owner }),
    /// A hook not called by the document registry.
    OnlyDocumentRegistry(OnlyDocumentRegistry { caller }),
    /// The record does not exist.
    DocumentNotRegistered(DocumentNotRegistered { integraHash }),
    /// Empty or longer than 2000 bytes.
    InvalidEncryptedURLLength(InvalidEncryptedURLLength { length, max }),
    /// `initialize` ran already.
    InvalidInitialization(InvalidInitialization {}),
    /// A write before `initialize`.
    NotInitialized(NotInitialized {}),
    /// Missing role.
    UnauthorizedAccount(AccessControlUnauthorizedAccount { account, neededRole }),
    /// `renounceRole` confirmation is not the caller.
    BadConfirmation(AccessControlBadConfirmation {}),
    }
}

integra_primitives::access_control_errors!(Error);

/// The resolver's storage (append-only; see the crate docs).
#[entrypoint]
#[storage]
pub struct SimpleContactResolver {
    document_registry: StorageAddress,
    initialized: StorageBool,
    trusted_forwarder: StorageAddress,
    access: AccessControl,
    urls: StorageMap<B256, StorageString>,
    updated_at: StorageMap<B256, StorageU64>,
}

impl SimpleContactResolver {
    /// Fixes the ERC-2771 trusted forwarder (0 = none).
    pub fn constructor(&mut self, trusted_forwarder: Address) {
        self.trusted_forwarder.set(trusted_forwarder);
    }

    /// Binds the document registry and the governor, once.
    ///
    /// # Errors
    /// `InvalidInitialization` on a second call, `ZeroAddress` for either argument.
    ///
    /// # Events
    /// `RoleGranted` (admin and governor), `Initialized(1)`.
    pub fn initialize(
        &mut self,
        document_registry: Address,
        governor: Address,
    ) -> Result<(), Error> {
        if self.initialized.get() {
            return Err(InvalidInitialization {}.into());
        }
        if document_registry.is_zero() || governor.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        self.initialized.set(true);
        self.document_registry.set(document_registry);
        grant_governance(&mut self.access, governor);
        emit(self.vm(), &[Initialized::SIGNATURE_HASH], &[1u64.into()]);
        Ok(())
    }

    /// The ERC-2771 sender of a call whose arguments are `args`.
    #[must_use]
    pub fn sender_of(&self, args: &[u8]) -> Address {
        erc2771::sender_from_args(self.vm().msg_sender(), self.trusted_forwarder.get(), args)
    }

    /// Stores the record's encrypted contact URL (record owner only).
    ///
    /// # Errors
    /// `NotInitialized`, `DocumentNotRegistered`, `OnlyDocumentOwner`,
    /// `InvalidEncryptedURLLength(len, 2000)` for an empty or longer value.
    ///
    /// # Events
    /// `ContactURLSet`.
    pub fn set_contact_url(
        &mut self,
        sender: Address,
        h: B256,
        encrypted_url: &str,
    ) -> Result<(), Error> {
        let owner = self.owner_check(sender, h)?;
        let len = encrypted_url.len();
        if len == 0 || len > MAX_ENCRYPTED_URL_LENGTH {
            return Err(InvalidEncryptedURLLength {
                length: U256::from(len),
                max: U256::from(MAX_ENCRYPTED_URL_LENGTH),
            }
            .into());
        }
        let now = self.vm().block_timestamp();
        self.urls.setter(h).set_str(encrypted_url);
        self.updated_at
            .setter(h)
            .set(alloy_primitives::Uint::from(now));
        emit(
            self.vm(),
            &[ContactURLSet::SIGNATURE_HASH, h, owner.into_word()],
            &[U256::from(len).into(), now.into()],
        );
        Ok(())
    }

    /// Deletes the record's contact URL (record owner only).
    ///
    /// # Errors
    /// `NotInitialized`, `DocumentNotRegistered`, `OnlyDocumentOwner`.
    ///
    /// # Events
    /// `ContactURLCleared`.
    pub fn clear_contact_url(&mut self, sender: Address, h: B256) -> Result<(), Error> {
        let owner = self.owner_check(sender, h)?;
        self.urls.setter(h).erase();
        self.updated_at.setter(h).set(alloy_primitives::Uint::ZERO);
        let now = self.vm().block_timestamp();
        emit(
            self.vm(),
            &[ContactURLCleared::SIGNATURE_HASH, h, owner.into_word()],
            &[now.into()],
        );
        Ok(())
    }

    /// The ciphertext for method `"url"` (exact bytes), else `""`.
    #[must_use]
    pub fn get_contact_endpoint(&self, h: B256, method: &str) -> String {
        if method == "url" {
            self.urls.getter(h).get_string()
        } else {
            String::new()
        }
    }

    /// `""` when unset, else `{"contactURL":{"encrypted":true,"length":N,"updatedAt":T}}`.
    #[must_use]
    pub fn get_document_metadata(&self, h: B256) -> String {
        let len = self.urls.getter(h).len();
        if len == 0 {
            return String::new();
        }
        let at = self.updated_at.get(h);
        format!("{{\"contactURL\":{{\"encrypted\":true,\"length\":{len},\"updatedAt\":{at}}}}}")
    }

    /// Hooks accept only the document registry and do nothing.
    ///
    /// # Errors
    /// `OnlyDocumentRegistry(msg.sender)`.
    pub fn hook(&self) -> Result<(), Error> {
        let caller = self.vm().msg_sender();
        if caller != self.document_registry.get() || caller.is_zero() {
            return Err(OnlyDocumentRegistry { caller }.into());
        }
        Ok(())
    }

    fn owner_check(&self, sender: Address, h: B256) -> Result<Address, Error> {
        let registry = self.document_registry.get();
        if registry.is_zero() {
            return Err(NotInitialized {}.into());
        }
        let data = calls::calldata(
            IDocumentOwnerLookup::getDocumentOwnerCall::SELECTOR,
            &[h.into()],
        );
        let owner = calls::call(self.vm(), Kind::Static, registry, &data, u64::MAX)
            .ok()
            .and_then(|d| calls::one_word(&d, |a| a.address(0)))
            .unwrap_or_default();
        if owner.is_zero() {
            return Err(DocumentNotRegistered { integraHash: h }.into());
        }
        if owner != sender {
            return Err(OnlyDocumentOwner {
                caller: sender,
                owner,
            }
            .into());
        }
        Ok(owner)
    }

    /// True when `account` holds `role`.
    #[must_use]
    pub fn has_role(&self, role: B256, account: Address) -> bool {
        self.access.has_role(role, account)
    }

    /// ERC-165: `IDocumentResolver`, `IAccessControl`, ERC-165.
    #[must_use]
    pub fn supports_interface(&self, id: B32) -> bool {
        [
            RESOLVER_INTERFACE_ID,
            ACCESS_CONTROL_INTERFACE_ID,
            supportsInterfaceCall::SELECTOR,
        ]
        .contains(&id.0)
    }
}

/// ERC-165 id of `IDocumentResolver` (spec 03 §2).
pub const RESOLVER_INTERFACE_ID: [u8; 4] = interface_id(&[
    onDocumentRegisteredCall::SELECTOR,
    onDocumentTransferredCall::SELECTOR,
    onTokenizerAssociatedCall::SELECTOR,
    canOwnDocumentCall::SELECTOR,
    isDocumentExpiredCall::SELECTOR,
    getDocumentMetadataCall::SELECTOR,
    getContactEndpointCall::SELECTOR,
    executeDocumentActionCall::SELECTOR,
    resolverTypeCall::SELECTOR,
    isLegitimateResolverCall::SELECTOR,
]);

integra_primitives::compact_router!(SimpleContactResolver, dispatch, constructor(s, a) {
    s.constructor(a.address(0).ok_or_else(Vec::new)?);
    Ok(())
});

fn ret(tokens: &[Token<'_>]) -> Vec<u8> {
    returns(tokens)
}

#[allow(clippy::too_many_lines)] // one arm per external function
fn dispatch(s: &mut SimpleContactResolver, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
    macro_rules! arg {
        ($e:expr) => {
            match $e {
                Some(v) => v,
                None => return Some(Err(Vec::new())),
            }
        };
    }
    if !s.vm().msg_value().is_zero() {
        return Some(Err(Vec::new()));
    }
    let run = |r: Result<(), Error>| r.map(|()| Vec::new()).map_err(Vec::from);
    let out = match selector {
        initializeCall::SELECTOR => run(s.initialize(arg!(a.address(0)), arg!(a.address(1)))),
        setContactURLCall::SELECTOR => {
            run(s.set_contact_url(s.sender_of(a.0), arg!(a.word(0)), arg!(a.string(1))))
        }
        clearContactURLCall::SELECTOR => {
            run(s.clear_contact_url(s.sender_of(a.0), arg!(a.word(0))))
        }
        onDocumentRegisteredCall::SELECTOR => {
            let _ = (
                arg!(a.word(0)),
                arg!(a.word(1)),
                arg!(a.address(2)),
                arg!(a.bytes(3)),
            );
            run(s.hook())
        }
        onDocumentTransferredCall::SELECTOR => {
            let _ = (arg!(a.word(0)), arg!(a.address(1)), arg!(a.address(2)));
            run(s.hook())
        }
        onTokenizerAssociatedCall::SELECTOR => {
            let _ = (arg!(a.word(0)), arg!(a.address(1)));
            run(s.hook())
        }
        canOwnDocumentCall::SELECTOR => {
            let _ = (arg!(a.word(0)), arg!(a.address(1)));
            Ok(ret(&[true.into(), "".into()]))
        }
        isDocumentExpiredCall::SELECTOR => {
            let _ = arg!(a.word(0));
            Ok(ret(&[false.into(), U256::ZERO.into()]))
        }
        getDocumentMetadataCall::SELECTOR => Ok(ret(&[s
            .get_document_metadata(arg!(a.word(0)))
            .as_str()
            .into()])),
        getContactEndpointCall::SELECTOR => {
            let (h, _caller, method) = (arg!(a.word(0)), arg!(a.address(1)), arg!(a.string(2)));
            Ok(ret(&[s.get_contact_endpoint(h, method).as_str().into()]))
        }
        executeDocumentActionCall::SELECTOR => {
            let _ = (arg!(a.word(0)), arg!(a.string(1)), arg!(a.bytes(2)));
            Ok(ret(&[false.into(), Token::Bytes(&[])]))
        }
        resolverTypeCall::SELECTOR | RESOLVER_TYPECall::SELECTOR => {
            Ok(ret(&[RESOLVER_TYPE.into()]))
        }
        isLegitimateResolverCall::SELECTOR => Ok(ret(&[true.into()])),
        documentRegistryCall::SELECTOR => Ok(ret(&[s.document_registry.get().into()])),
        encryptedContactURLsCall::SELECTOR => Ok(ret(&[s
            .urls
            .getter(arg!(a.word(0)))
            .get_string()
            .as_str()
            .into()])),
        contactURLUpdatedAtCall::SELECTOR => {
            Ok(ret(&[U256::from(s.updated_at.get(arg!(a.word(0)))).into()]))
        }
        trustedForwarderCall::SELECTOR => Ok(ret(&[s.trusted_forwarder.get().into()])),
        isTrustedForwarderCall::SELECTOR => Ok(ret(&[erc2771::is_trusted_forwarder(
            s.trusted_forwarder.get(),
            arg!(a.address(0)),
        )
        .into()])),
        MAX_ENCRYPTED_URL_LENGTHCall::SELECTOR => {
            Ok(ret(&[U256::from(MAX_ENCRYPTED_URL_LENGTH).into()]))
        }
        VERSIONCall::SELECTOR => Ok(ret(&[VERSION.into()])),
        GOVERNOR_ROLECall::SELECTOR => Ok(ret(&[GOVERNOR_ROLE.into()])),
        DEFAULT_ADMIN_ROLECall::SELECTOR => Ok(ret(&[DEFAULT_ADMIN_ROLE.into()])),
        hasRoleCall::SELECTOR => Ok(ret(&[s
            .has_role(arg!(a.word(0)), arg!(a.address(1)))
            .into()])),
        getRoleAdminCall::SELECTOR => Ok(ret(&[s.access.get_role_admin(arg!(a.word(0))).into()])),
        grantRoleCall::SELECTOR | revokeRoleCall::SELECTOR => {
            let (role, account) = (arg!(a.word(0)), arg!(a.address(1)));
            let sender = s.sender_of(a.0);
            run((|| {
                s.access
                    ._check_role(s.access.get_role_admin(role), sender)?;
                if selector == grantRoleCall::SELECTOR {
                    s.access._grant_role(role, account);
                } else {
                    s.access._revoke_role(role, account);
                }
                Ok(())
            })())
        }
        renounceRoleCall::SELECTOR => {
            let (role, confirmation) = (arg!(a.word(0)), arg!(a.address(1)));
            let sender = s.sender_of(a.0);
            run(if confirmation == sender {
                s.access._revoke_role(role, sender);
                Ok(())
            } else {
                Err(AccessControlBadConfirmation {}.into())
            })
        }
        supportsInterfaceCall::SELECTOR => {
            let id = arg!(a.word(0));
            if id[4..].iter().any(|b| *b != 0) {
                return Some(Err(Vec::new()));
            }
            Ok(ret(&[s
                .supports_interface(B32::from_slice(&id[..4]))
                .into()]))
        }
        _ => return None,
    };
    Some(out)
}

#[cfg(test)]
mod tests;
