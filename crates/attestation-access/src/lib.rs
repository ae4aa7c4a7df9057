//! `AttestationAccessControl` (spec 01 §6): the component a gated contract (tokenizer,
//! `IntegraSignal`) embeds to answer one question — *may `user` exercise capability `X` on record
//! `h` with attestation `uid`?* — through the attestation provider that the component registry
//! (`IntegraRegistry`, spec 03 §1) lists under the record's provider id.
//!
//! How a host uses it:
//! - a field `attestation: AttestationAccessControl` in its storage, next to its OZ
//!   `AccessControl`;
//! - [`AttestationAccessControl::initialize`] once, from its constructor;
//! - [`AttestationAccessControl::require_capability`] in each gated function, after its own
//!   pause check and before any effect;
//! - [`AttestationAccessControl::dispatch`] first in its router, which serves the component's
//!   external functions ([`IAttestationAccessControl`]); the host merges [`abi`] into its own
//!   exported ABI.
//!
//! The check (spec 01 §6, steps 1–5; the host's pause is step 0):
//! 1. `required ≠ 0`, else `InvalidCapability(0)` (with 0 any valid attestation would pass);
//! 2. provider id = the record's override, else the default; its address from the registry's
//!    `getProvider` (0 for unknown, inactive or code-changed entries) — 0 ⇒ `ProviderNotFound(id)`;
//! 3. a static call `verifyCapabilitiesWithToken(abi.encode(uid), user, h, required)`; provider
//!    reverts bubble up unchanged; `false` ⇒ `ProviderVerificationFailed(id, "Provider
//!    verification failed")`;
//! 4. `granted ⊉ required` ⇒ `NoCapability(user, h, required)`;
//! 5. `CapabilityVerified(user, h, granted, id, proof)`.
//!
//! **Departures, each argued:**
//! - The attested token id comes from `verifyCapabilitiesWithToken` (spec 01 §5 (+)). Instead of
//!   asking `supportsMethod` first (one more cross-contract call on every claim), the component
//!   calls `verifyCapabilitiesWithToken` and falls back to `verifyCapabilities` (token id 0) only
//!   when the provider does not implement it: an empty revert (Solidity's and our routers' answer
//!   to an unknown selector) or a return too short to be `(bool, uint256, uint256)`. A provider
//!   that fails for any other reason has its revert data bubbled, as the spec requires.
//! - `setDocumentProvider` is `GOVERNOR_ROLE` only (OQ-01-4 proposal), not `EXECUTOR_ROLE`.
//! - The contracts of this suite deploy without a proxy (DESIGN.md), so nothing can upgrade them:
//!   `canUpgrade()` is always false. The governance stages still move `GOVERNOR_ROLE` and
//!   `DEFAULT_ADMIN_ROLE` from one actor to the next, and `ossify` still ends the sequence.
//! - `pause`/`unpause` belong to the host (it owns the pause flag that also stops its other
//!   functions); `emergencyWithdraw` is served here.
//! - (+) `ZeroAddress()` for a zero provider registry or namespace at `initialize`,
//!   `InvalidProviderId()` for a zero default provider id; `EmergencyWithdrawFailed(address)`
//!   when the native transfer or the token's `transfer` fails.
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
extern crate alloc;

use alloc::{vec, vec::Vec};

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolEvent};
use integra_primitives::{
    abi::{emit, returns, Args, Token},
    access::AccessControl,
    calls::{self, Kind},
    capabilities::has_capability,
    compact_errors,
    roles::{DEFAULT_ADMIN_ROLE, GOVERNOR_ROLE},
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageB256, StorageMap, StorageU64, StorageU8},
    ArbResult,
};

pub use IAttestationAccessControl::*;

integra_primitives::contract_interface! {
    /// `AttestationAccessControl` (spec 01 §6): the external functions, events and errors that
    /// every capability-gated contract exposes.
    interface IAttestationAccessControl {
        #[derive(Debug, PartialEq, Eq)]
        event CapabilityVerified(address indexed user, bytes32 indexed documentHash, uint256 capabilities, bytes32 providerId, bytes proof);
        #[derive(Debug, PartialEq, Eq)]
        event DefaultProviderSet(bytes32 indexed providerId, address indexed providerAddress, address indexed setBy, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event DocumentProviderSet(bytes32 indexed documentHash, bytes32 indexed providerId, address indexed setBy, uint256 timestamp);
        /// Stages: 0 BOOTSTRAP, 1 MULTISIG, 2 DAO, 3 OSSIFIED.
        #[derive(Debug, PartialEq, Eq)]
        event GovernanceStageTransitioned(uint8 indexed fromStage, uint8 indexed toStage, address indexed initiator, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event ContractOssified(address indexed initiator, uint256 timestamp);
        #[derive(Debug, PartialEq, Eq)]
        event EmergencyWithdrawal(address indexed token, address indexed to, uint256 amount, address indexed by);

        #[derive(Debug, PartialEq, Eq)]
        error ProviderNotFound(bytes32 providerId);
        #[derive(Debug, PartialEq, Eq)]
        error ProviderVerificationFailed(bytes32 providerId, string reason);
        #[derive(Debug, PartialEq, Eq)]
        error NoCapability(address user, bytes32 documentHash, uint256 requiredCapability);
        #[derive(Debug, PartialEq, Eq)]
        error InvalidProviderId();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidCapability(uint256 capability);
        #[derive(Debug, PartialEq, Eq)]
        error OnlyBootstrapGovernor();
        #[derive(Debug, PartialEq, Eq)]
        error OnlyGuardianMultisig();
        #[derive(Debug, PartialEq, Eq)]
        error OnlyDAOGovernor();
        #[derive(Debug, PartialEq, Eq)]
        error InvalidStageTransition(uint8 fromStage, uint8 toStage);
        #[derive(Debug, PartialEq, Eq)]
        error CannotOssifyBeforeDAO();
        #[derive(Debug, PartialEq, Eq)]
        error ContractIsOssified();
        #[derive(Debug, PartialEq, Eq)]
        error ZeroAddress();
        #[derive(Debug, PartialEq, Eq)]
        error EmergencyWithdrawFailed(address token);
        #[derive(Debug, PartialEq, Eq)]
        error AccessControlUnauthorizedAccount(address account, bytes32 neededRole);
        #[derive(Debug, PartialEq, Eq)]
        error AccessControlBadConfirmation();

        /// GOVERNOR. `providerId ≠ 0` and resolvable in the provider registry.
        function setDefaultProvider(bytes32 providerId) external;
        /// GOVERNOR (OQ-01-4). `providerId = 0` clears the override; otherwise resolvable.
        function setDocumentProvider(bytes32 documentHash, bytes32 providerId) external;
        /// The record's override, else the default provider id.
        function getCurrentProvider(bytes32 documentHash) external view returns (bytes32);
        function defaultProviderId() external view returns (bytes32);
        function providerRegistry() external view returns (address);
        function capabilityNamespace() external view returns (address);
        /// Never reverts: `(false, 0)` whenever `require_capability` would revert. Emits nothing.
        function checkCapability(address user, bytes32 documentHash, uint256 requiredCapability, bytes calldata proof) external view returns (bool hasCapability, uint256 grantedCapabilities);
        function transitionToMultisig(address multisig) external;
        function transitionToDAO(address dao) external;
        function ossify() external;
        /// Always false: the suite's contracts deploy without a proxy.
        function canUpgrade() external view returns (bool);
        function getGovernanceInfo() external view returns (uint8 stage, address governor, bool canBeUpgraded);
        /// GOVERNOR. `token = 0` sends native value.
        function emergencyWithdraw(address token, address to, uint256 amount) external;
    }
}

/// The provider interface the component calls (spec 01 §5).
mod provider {
    alloy_sol_types::sol! {
        interface IAttestationProvider {
            function verifyCapabilities(bytes proof, address recipient, bytes32 documentHash, uint256 requiredCapability) external view returns (bool verified, uint256 grantedCapabilities);
            function verifyCapabilitiesWithToken(bytes proof, address recipient, bytes32 documentHash, uint256 requiredCapability) external view returns (bool verified, uint256 grantedCapabilities, uint256 attestedTokenId);
        }
        interface IProviderLookup {
            function getProvider(bytes32 providerId) external view returns (address);
        }
        interface IERC20Transfer {
            function transfer(address to, uint256 amount) external returns (bool);
        }
    }
}
pub use provider::IAttestationProvider;
use provider::{IERC20Transfer, IProviderLookup};

/// Governance stages (spec 01 §6), as stored and emitted.
pub mod stage {
    /// Initial: the bootstrap governor holds the governance roles.
    pub const BOOTSTRAP: u8 = 0;
    /// The guardian multisig holds them.
    pub const MULTISIG: u8 = 1;
    /// The DAO governor holds them.
    pub const DAO: u8 = 2;
    /// Final.
    pub const OSSIFIED: u8 = 3;
}

/// The selectors [`AttestationAccessControl::dispatch_view`] serves.
pub const VIEW_SELECTORS: [[u8; 4]; 7] = [
    getCurrentProviderCall::SELECTOR,
    defaultProviderIdCall::SELECTOR,
    providerRegistryCall::SELECTOR,
    capabilityNamespaceCall::SELECTOR,
    checkCapabilityCall::SELECTOR,
    canUpgradeCall::SELECTOR,
    getGovernanceInfoCall::SELECTOR,
];

/// The reason string of `ProviderVerificationFailed` (spec 01 §6 step 3).
pub const VERIFICATION_FAILED: &str = "Provider verification failed";

compact_errors! {
    /// Every way the component's functions fail.
    pub enum Error {
        /// No provider for the id.
        ProviderNotFound(ProviderNotFound { providerId }),
        /// The provider answered `false`.
        ProviderVerificationFailed(ProviderVerificationFailed { providerId, reason }),
        /// The granted bits do not cover the required ones.
        NoCapability(NoCapability { user, documentHash, requiredCapability }),
        /// Provider id 0 where one is required.
        InvalidProviderId(InvalidProviderId {}),
        /// Required capability 0.
        InvalidCapability(InvalidCapability { capability }),
        /// Not the bootstrap governor.
        OnlyBootstrapGovernor(OnlyBootstrapGovernor {}),
        /// Not the guardian multisig.
        OnlyGuardianMultisig(OnlyGuardianMultisig {}),
        /// Not the DAO governor.
        OnlyDAOGovernor(OnlyDAOGovernor {}),
        /// Transition from the wrong stage.
        InvalidStageTransition(InvalidStageTransition { fromStage, toStage }),
        /// `ossify` before the DAO stage.
        CannotOssifyBeforeDAO(CannotOssifyBeforeDAO {}),
        /// After `ossify` (reserved for hosts with upgrade paths).
        ContractIsOssified(ContractIsOssified {}),
        /// A zero address where one is required.
        ZeroAddress(ZeroAddress {}),
        /// The withdrawal's transfer failed.
        EmergencyWithdrawFailed(EmergencyWithdrawFailed { token }),
        /// Missing role.
        Unauthorized(AccessControlUnauthorizedAccount { account, neededRole }),
        /// OZ's renounce confirmation (never raised here; required by the OZ error mapping).
        BadConfirmation(AccessControlBadConfirmation {}),
        ;
        /// A provider's revert data, unchanged.
        Provider(bytes)
    }
}
integra_primitives::access_control_errors!(Error);

/// Result with [`Error`].
pub type Res<T> = Result<T, Error>;

/// What a successful check grants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grant {
    /// The provider's granted capability bits.
    pub granted: U256,
    /// The provider id that answered.
    pub provider_id: B256,
    /// The attestation's token id (0 = any, or a provider without `verifyCapabilitiesWithToken`).
    pub attested_token_id: U256,
}

/// Component state (spec 01 §6). Lives inside the host's storage.
#[storage]
pub struct AttestationAccessControl {
    namespace: StorageAddress,
    provider_registry: StorageAddress,
    default_provider_id: StorageB256,
    document_provider: StorageMap<B256, StorageB256>,
    stage: StorageU8,
    bootstrap_governor: StorageAddress,
    guardian_multisig: StorageAddress,
    dao_governor: StorageAddress,
    ossification_timestamp: StorageU64,
}

impl AttestationAccessControl {
    /// Sets the component up (once, from the host's constructor): all arguments non-zero, stage
    /// BOOTSTRAP, `DEFAULT_ADMIN_ROLE` and `GOVERNOR_ROLE` to `bootstrap_governor`.
    ///
    /// # Errors
    /// `ZeroAddress()` for a zero address, `InvalidProviderId()` for a zero provider id.
    pub fn initialize(
        &mut self,
        access: &mut AccessControl,
        namespace: Address,
        provider_registry: Address,
        default_provider_id: B256,
        bootstrap_governor: Address,
    ) -> Result<(), Vec<u8>> {
        if namespace.is_zero() || provider_registry.is_zero() || bootstrap_governor.is_zero() {
            return Err(Error::from(ZeroAddress {}).into());
        }
        if default_provider_id.is_zero() {
            return Err(Error::from(InvalidProviderId {}).into());
        }
        self.namespace.set(namespace);
        self.provider_registry.set(provider_registry);
        self.default_provider_id.set(default_provider_id);
        self.bootstrap_governor.set(bootstrap_governor);
        self.stage
            .set(alloy_primitives::Uint::from(stage::BOOTSTRAP));
        integra_primitives::access::grant_governance(access, bootstrap_governor);
        Ok(())
    }

    /// Spec 01 §6 steps 1–5 (the host checks its own pause first). Emits `CapabilityVerified`.
    ///
    /// # Errors
    /// ABI-encoded revert data to return as is: the component's typed errors, or the provider's
    /// own revert data unchanged.
    pub fn require_capability(
        &mut self,
        user: Address,
        document_hash: B256,
        required: U256,
        uid: B256,
    ) -> Result<Grant, Vec<u8>> {
        let grant = self
            .verify(user, document_hash, required, uid)
            .map_err(Vec::from)?;
        let proof = uid.0;
        emit(
            self.vm(),
            &[
                CapabilityVerified::SIGNATURE_HASH,
                user.into_word(),
                document_hash,
            ],
            &[
                grant.granted.into(),
                grant.provider_id.into(),
                Token::Bytes(&proof),
            ],
        );
        Ok(grant)
    }

    /// The record's provider id: its override, else the default.
    #[must_use]
    pub fn current_provider(&self, document_hash: B256) -> B256 {
        let id = self.document_provider.get(document_hash);
        if id.is_zero() {
            self.default_provider_id.get()
        } else {
            id
        }
    }

    /// The stage's governor (bootstrap, guardian or DAO).
    #[must_use]
    pub fn governor(&self) -> Address {
        match self.stage_now() {
            stage::BOOTSTRAP => self.bootstrap_governor.get(),
            stage::MULTISIG => self.guardian_multisig.get(),
            _ => self.dao_governor.get(),
        }
    }

    /// The current governance stage ([`stage`]).
    #[must_use]
    #[allow(clippy::cast_possible_truncation)] // a `Uint<8, 1>` holds at most 8 bits
    pub fn stage_now(&self) -> u8 {
        // Not `to::<u8>()`: its `expect` keeps ruint's `Debug` formatting in every host module.
        self.stage.get().as_limbs()[0] as u8
    }

    /// The component's external functions; `None` for a selector it does not serve. Calls to it
    /// must carry no value (the host's router rejects value before dispatching). The union of
    /// [`Self::dispatch_admin`] and [`Self::dispatch_view`].
    pub fn dispatch(
        &mut self,
        access: &mut AccessControl,
        sender: Address,
        selector: [u8; 4],
        a: Args<'_>,
    ) -> Option<ArbResult> {
        if let Some(out) = self.dispatch_admin(access, sender, selector, a) {
            return Some(out);
        }
        self.dispatch_view(selector, a)
    }

    /// The component's writes (provider settings and governance); `None` for any other
    /// selector.
    pub fn dispatch_admin(
        &mut self,
        access: &mut AccessControl,
        sender: Address,
        selector: [u8; 4],
        a: Args<'_>,
    ) -> Option<ArbResult> {
        macro_rules! arg {
            ($e:expr) => {
                match $e {
                    Some(v) => v,
                    None => return Some(Err(Vec::new())),
                }
            };
        }
        let run = |r: Res<()>| r.map(|()| Vec::new()).map_err(Vec::from);
        let out = match selector {
            setDefaultProviderCall::SELECTOR => {
                run(self.set_default_provider(access, sender, arg!(a.word(0))))
            }
            setDocumentProviderCall::SELECTOR => {
                run(self.set_document_provider(access, sender, arg!(a.word(0)), arg!(a.word(1))))
            }
            transitionToMultisigCall::SELECTOR => {
                run(self.transition(access, sender, stage::MULTISIG, arg!(a.address(0))))
            }
            transitionToDAOCall::SELECTOR => {
                run(self.transition(access, sender, stage::DAO, arg!(a.address(0))))
            }
            ossifyCall::SELECTOR => run(self.ossify(sender)),
            emergencyWithdrawCall::SELECTOR => run(self.emergency_withdraw(
                access,
                sender,
                arg!(a.address(0)),
                arg!(a.address(1)),
                arg!(a.u256(2)),
            )),
            _ => return None,
        };
        Some(out)
    }

    /// The component's views ([`VIEW_SELECTORS`]); `None` for any other selector.
    #[must_use]
    pub fn dispatch_view(&self, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
        macro_rules! arg {
            ($e:expr) => {
                match $e {
                    Some(v) => v,
                    None => return Some(Err(Vec::new())),
                }
            };
        }
        let out = match selector {
            getCurrentProviderCall::SELECTOR => {
                Ok(returns(&[self.current_provider(arg!(a.word(0))).into()]))
            }
            defaultProviderIdCall::SELECTOR => {
                Ok(returns(&[self.default_provider_id.get().into()]))
            }
            providerRegistryCall::SELECTOR => Ok(returns(&[self.provider_registry.get().into()])),
            capabilityNamespaceCall::SELECTOR => Ok(returns(&[self.namespace.get().into()])),
            checkCapabilityCall::SELECTOR => {
                let (user, h, required, proof) = (
                    arg!(a.address(0)),
                    arg!(a.word(1)),
                    arg!(a.u256(2)),
                    arg!(a.bytes(3)),
                );
                let grant = match <[u8; 32]>::try_from(proof) {
                    Ok(uid) => self.verify(user, h, required, B256::from(uid)).ok(),
                    Err(_) => None,
                };
                let (ok, granted) = grant.map_or((false, U256::ZERO), |g| (true, g.granted));
                Ok(returns(&[ok.into(), granted.into()]))
            }
            canUpgradeCall::SELECTOR => Ok(returns(&[false.into()])),
            getGovernanceInfoCall::SELECTOR => Ok(returns(&[
                U256::from(self.stage_now()).into(),
                self.governor().into(),
                false.into(),
            ])),
            _ => return None,
        };
        Some(out)
    }

    /// Steps 1–4, without the event.
    fn verify(&self, user: Address, h: B256, required: U256, uid: B256) -> Res<Grant> {
        if required.is_zero() {
            return Err(InvalidCapability {
                capability: U256::ZERO,
            }
            .into());
        }
        let provider_id = self.current_provider(h);
        let provider = self.provider_address(provider_id);
        if provider.is_zero() {
            return Err(ProviderNotFound {
                providerId: provider_id,
            }
            .into());
        }
        let proof = uid.0;
        let args = [Token::Bytes(&proof), user.into(), h.into(), required.into()];
        let with_token = calls::call(
            self.vm(),
            Kind::Static,
            provider,
            &calls::calldata(
                IAttestationProvider::verifyCapabilitiesWithTokenCall::SELECTOR,
                &args,
            ),
            u64::MAX,
        );
        let (verified, granted, attested_token_id) = match with_token {
            Ok(out) if out.len() >= 96 => decode_answer(&out, true),
            Err(e) if !e.is_empty() => return Err(Error::Provider(e)),
            // Not implemented by this provider: the plain method, token id 0.
            _ => {
                let out = calls::call(
                    self.vm(),
                    Kind::Static,
                    provider,
                    &calls::calldata(
                        IAttestationProvider::verifyCapabilitiesCall::SELECTOR,
                        &args,
                    ),
                    u64::MAX,
                )
                .map_err(Error::Provider)?;
                decode_answer(&out, false)
            }
        };
        if !verified {
            return Err(ProviderVerificationFailed {
                providerId: provider_id,
                reason: VERIFICATION_FAILED.into(),
            }
            .into());
        }
        if !has_capability(granted, required) {
            return Err(NoCapability {
                user,
                documentHash: h,
                requiredCapability: required,
            }
            .into());
        }
        Ok(Grant {
            granted,
            provider_id,
            attested_token_id,
        })
    }

    /// `getProvider(id)` on the provider registry; 0 when unknown or when the lookup fails.
    fn provider_address(&self, id: B256) -> Address {
        calls::call(
            self.vm(),
            Kind::Static,
            self.provider_registry.get(),
            &calls::calldata(IProviderLookup::getProviderCall::SELECTOR, &[id.into()]),
            u64::MAX,
        )
        .ok()
        .and_then(|d| calls::one_word(&d, |a| a.address(0)))
        .unwrap_or_default()
    }

    fn resolvable(&self, id: B256) -> Res<Address> {
        let provider = self.provider_address(id);
        if provider.is_zero() {
            return Err(ProviderNotFound { providerId: id }.into());
        }
        Ok(provider)
    }

    fn set_default_provider(
        &mut self,
        access: &AccessControl,
        sender: Address,
        id: B256,
    ) -> Res<()> {
        access._check_role(GOVERNOR_ROLE, sender)?;
        if id.is_zero() {
            return Err(InvalidProviderId {}.into());
        }
        let provider = self.resolvable(id)?;
        self.default_provider_id.set(id);
        emit(
            self.vm(),
            &[
                DefaultProviderSet::SIGNATURE_HASH,
                id,
                provider.into_word(),
                sender.into_word(),
            ],
            &[U256::from(self.vm().block_timestamp()).into()],
        );
        Ok(())
    }

    fn set_document_provider(
        &mut self,
        access: &AccessControl,
        sender: Address,
        h: B256,
        id: B256,
    ) -> Res<()> {
        access._check_role(GOVERNOR_ROLE, sender)?;
        if !id.is_zero() {
            self.resolvable(id)?;
        }
        self.document_provider.setter(h).set(id);
        emit(
            self.vm(),
            &[
                DocumentProviderSet::SIGNATURE_HASH,
                h,
                id,
                sender.into_word(),
            ],
            &[U256::from(self.vm().block_timestamp()).into()],
        );
        Ok(())
    }

    /// BOOTSTRAP → MULTISIG (by the bootstrap governor) or MULTISIG → DAO (by the guardian).
    fn transition(
        &mut self,
        access: &mut AccessControl,
        sender: Address,
        to: u8,
        new_governor: Address,
    ) -> Res<()> {
        let from = to - 1;
        let actor = if to == stage::MULTISIG {
            self.bootstrap_governor.get()
        } else {
            self.guardian_multisig.get()
        };
        if sender != actor || actor.is_zero() {
            return Err(if to == stage::MULTISIG {
                OnlyBootstrapGovernor {}.into()
            } else {
                OnlyGuardianMultisig {}.into()
            });
        }
        let current = self.stage_now();
        if current != from {
            return Err(InvalidStageTransition {
                fromStage: current,
                toStage: to,
            }
            .into());
        }
        if new_governor.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        if to == stage::MULTISIG {
            self.guardian_multisig.set(new_governor);
        } else {
            self.dao_governor.set(new_governor);
        }
        self.stage.set(alloy_primitives::Uint::from(to));
        for role in [GOVERNOR_ROLE, DEFAULT_ADMIN_ROLE] {
            access._grant_role(role, new_governor);
            if new_governor != actor {
                access._revoke_role(role, actor);
            }
        }
        self.emit_transition(from, to, sender);
        Ok(())
    }

    fn ossify(&mut self, sender: Address) -> Res<()> {
        let dao = self.dao_governor.get();
        if sender != dao || dao.is_zero() {
            return Err(OnlyDAOGovernor {}.into());
        }
        if self.stage_now() != stage::DAO {
            return Err(CannotOssifyBeforeDAO {}.into());
        }
        let now = self.vm().block_timestamp();
        self.ossification_timestamp
            .set(alloy_primitives::Uint::from(now));
        self.stage
            .set(alloy_primitives::Uint::from(stage::OSSIFIED));
        self.emit_transition(stage::DAO, stage::OSSIFIED, sender);
        emit(
            self.vm(),
            &[ContractOssified::SIGNATURE_HASH, sender.into_word()],
            &[U256::from(now).into()],
        );
        Ok(())
    }

    fn emit_transition(&self, from: u8, to: u8, initiator: Address) {
        emit(
            self.vm(),
            &[
                GovernanceStageTransitioned::SIGNATURE_HASH,
                B256::from(U256::from(from)),
                B256::from(U256::from(to)),
                initiator.into_word(),
            ],
            &[U256::from(self.vm().block_timestamp()).into()],
        );
    }

    fn emergency_withdraw(
        &mut self,
        access: &AccessControl,
        sender: Address,
        token: Address,
        to: Address,
        amount: U256,
    ) -> Res<()> {
        access._check_role(GOVERNOR_ROLE, sender)?;
        if to.is_zero() {
            return Err(ZeroAddress {}.into());
        }
        let ok = if token.is_zero() {
            calls::send_value(self.vm(), to, amount).is_ok()
        } else {
            let data = calls::calldata(
                IERC20Transfer::transferCall::SELECTOR,
                &[to.into(), amount.into()],
            );
            // SafeERC20: success with no return data, or a `true` word.
            match calls::call(self.vm(), Kind::Call(U256::ZERO), token, &data, u64::MAX) {
                Ok(out) => out.is_empty() || calls::one_word(&out, |a| a.bool(0)) == Some(true),
                Err(_) => false,
            }
        };
        if !ok {
            return Err(EmergencyWithdrawFailed { token }.into());
        }
        emit(
            self.vm(),
            &[
                EmergencyWithdrawal::SIGNATURE_HASH,
                token.into_word(),
                to.into_word(),
                sender.into_word(),
            ],
            &[amount.into()],
        );
        Ok(())
    }
}

/// `(bool, uint256[, uint256])` from a provider's return data.
fn decode_answer(out: &[u8], with_token: bool) -> (bool, U256, U256) {
    let a = Args(out);
    let parsed = (|| {
        Some((
            a.bool(0)?,
            a.u256(1)?,
            if with_token { a.u256(2)? } else { U256::ZERO },
        ))
    })();
    // A malformed answer counts as a failed verification.
    parsed.unwrap_or((false, U256::ZERO, U256::ZERO))
}

#[cfg(test)]
mod tests;
