//! motsu tests of the component inside a minimal host (`Gated`), against the real
//! `IntegraRegistry` as provider registry.
//!
//! The provider side of the check (what `verifyCapabilities…` answers for an attestation) is
//! tested with the real `EASAttestationProvider` and EAS test contract in `provider_flows`.
#![allow(clippy::needless_pass_by_value)]

use alloc::vec::Vec;
use core::fmt::Debug;

use alloy_primitives::{keccak256, Address, B256, U256};
use alloy_sol_types::{SolCall, SolError, SolValue};
use integra_primitives::{
    access::{AccessControl, IAccessControl},
    capabilities::CORE_CLAIM,
    roles::{DEFAULT_ADMIN_ROLE, GOVERNOR_ROLE},
};
use integra_registry::IntegraRegistry;
use motsu::prelude::*;

use super::*;

mod provider_flows;

/// A gated host: OZ access control + the component, one gated function.
#[storage]
pub struct Gated {
    access: AccessControl,
    attestation: AttestationAccessControl,
}

unsafe impl TopLevelStorage for Gated {}

impl Gated {
    fn constructor(
        &mut self,
        namespace: Address,
        registry: Address,
        default_id: B256,
        governor: Address,
    ) -> Result<(), Vec<u8>> {
        self.attestation
            .initialize(&mut self.access, namespace, registry, default_id, governor)
    }

    /// What a gated function does: the check, then its effect.
    fn gated(
        &mut self,
        user: Address,
        h: B256,
        required: U256,
        uid: B256,
    ) -> Result<Grant, Vec<u8>> {
        self.attestation.require_capability(user, h, required, uid)
    }

    /// One external call of the component, as the host's router makes it.
    fn call(&mut self, sender: Address, calldata: Vec<u8>) -> ArbResult {
        let selector = calldata[..4].try_into().unwrap();
        self.attestation
            .dispatch(&mut self.access, sender, selector, Args(&calldata[4..]))
            .expect("component selector")
    }
}

fn dispatch(s: &mut Gated, selector: [u8; 4], a: Args<'_>) -> Option<ArbResult> {
    let sender = s.vm().msg_sender();
    s.attestation.dispatch(&mut s.access, sender, selector, a)
}

integra_primitives::compact_router!(Gated, dispatch);

const NAMESPACE: Address = Address::repeat_byte(0x5a);

fn pid(name: &str) -> B256 {
    keccak256(name.as_bytes())
}

#[track_caller]
fn assert_revert<T: Debug>(result: Result<T, Vec<u8>>, expected: impl SolError + Debug) {
    match result {
        Ok(v) => panic!("expected {expected:?}, got Ok({v:?})"),
        Err(data) => assert_eq!(data, expected.abi_encode(), "expected {expected:?}"),
    }
}

fn not_governor(account: Address) -> AccessControlUnauthorizedAccount {
    AccessControlUnauthorizedAccount {
        account,
        neededRole: GOVERNOR_ROLE,
    }
}

struct World<'a> {
    host: &'a Contract<Gated>,
    comp: &'a Contract<IntegraRegistry>,
    gov: Address,
}

impl World<'_> {
    fn call(&self, sender: Address, data: Vec<u8>) -> ArbResult {
        self.host.sender(sender).call(sender, data)
    }

    /// Registers `provider` under `id` in the component registry.
    fn add_provider(&self, id: B256, provider: Address) {
        self.comp
            .sender(self.gov)
            .register_provider(id, provider, "EAS", "test provider")
            .unwrap();
    }
}

fn deploy<'a>(
    host: &'a Contract<Gated>,
    comp: &'a Contract<IntegraRegistry>,
    gov: Address,
) -> World<'a> {
    comp.sender(gov).constructor(gov).unwrap();
    host.sender(gov)
        .constructor(NAMESPACE, comp.address(), pid("eas"), gov)
        .unwrap();
    World { host, comp, gov }
}

// ---------------------------------------------------------------- initialize

#[motsu::test]
fn initialize_sets_state_and_grants_the_bootstrap_governor(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
) {
    let w = deploy(&host, &comp, gov);
    let info = w.call(gov, getGovernanceInfoCall {}.abi_encode()).unwrap();
    assert_eq!(info, (U256::from(0), gov, false).abi_encode());
    assert!(host.sender(gov).access.has_role(GOVERNOR_ROLE, gov));
    assert!(host.sender(gov).access.has_role(DEFAULT_ADMIN_ROLE, gov));
    assert_eq!(
        w.call(gov, defaultProviderIdCall {}.abi_encode()).unwrap(),
        pid("eas").abi_encode()
    );
    assert_eq!(
        w.call(gov, providerRegistryCall {}.abi_encode()).unwrap(),
        comp.address().abi_encode()
    );
    assert_eq!(
        w.call(gov, capabilityNamespaceCall {}.abi_encode())
            .unwrap(),
        NAMESPACE.abi_encode()
    );
    assert_eq!(
        w.call(gov, canUpgradeCall {}.abi_encode()).unwrap(),
        false.abi_encode()
    );
}

#[motsu::test]
fn initialize_rejects_zero_arguments(host: Contract<Gated>, gov: Address) {
    let reg = Address::repeat_byte(1);
    let id = pid("eas");
    for (ns, r, i, g) in [
        (Address::ZERO, reg, id, gov),
        (NAMESPACE, Address::ZERO, id, gov),
        (NAMESPACE, reg, id, Address::ZERO),
    ] {
        assert_revert(host.sender(gov).constructor(ns, r, i, g), ZeroAddress {});
    }
    assert_revert(
        host.sender(gov)
            .constructor(NAMESPACE, reg, B256::ZERO, gov),
        InvalidProviderId {},
    );
}

// ---------------------------------------------------------------- providers

#[motsu::test]
fn set_default_provider_requires_a_resolvable_id_and_the_governor(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    stranger: Address,
) {
    let w = deploy(&host, &comp, gov);
    let id = pid("other");
    let call = setDefaultProviderCall { providerId: id }.abi_encode();
    assert_revert(w.call(stranger, call.clone()), not_governor(stranger));
    assert_revert(
        w.call(
            gov,
            setDefaultProviderCall {
                providerId: B256::ZERO,
            }
            .abi_encode(),
        ),
        InvalidProviderId {},
    );
    assert_revert(
        w.call(gov, call.clone()),
        ProviderNotFound { providerId: id },
    );

    // Any contract resolves once registered; the host stands in as the registered address.
    w.add_provider(id, host.address());
    assert_eq!(w.call(gov, call).unwrap(), Vec::<u8>::new());
    host.assert_emitted(&DefaultProviderSet {
        providerId: id,
        providerAddress: host.address(),
        setBy: gov,
        timestamp: U256::from(host.sender(gov).vm().block_timestamp()),
    });
    assert_eq!(
        w.call(
            gov,
            getCurrentProviderCall {
                documentHash: B256::repeat_byte(9)
            }
            .abi_encode()
        )
        .unwrap(),
        id.abi_encode()
    );
}

#[motsu::test]
fn set_document_provider_overrides_and_clears(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    stranger: Address,
) {
    let w = deploy(&host, &comp, gov);
    let (h, id) = (B256::repeat_byte(7), pid("zk"));
    let set = |id: B256| {
        setDocumentProviderCall {
            documentHash: h,
            providerId: id,
        }
        .abi_encode()
    };
    let current = || {
        w.call(gov, getCurrentProviderCall { documentHash: h }.abi_encode())
            .unwrap()
    };
    // OQ-01-4: GOVERNOR only; an executor-like stranger is refused.
    assert_revert(w.call(stranger, set(id)), not_governor(stranger));
    assert_revert(w.call(gov, set(id)), ProviderNotFound { providerId: id });
    w.add_provider(id, host.address());
    w.call(gov, set(id)).unwrap();
    host.assert_emitted(&DocumentProviderSet {
        documentHash: h,
        providerId: id,
        setBy: gov,
        timestamp: U256::from(host.sender(gov).vm().block_timestamp()),
    });
    assert_eq!(current(), id.abi_encode());
    // Another record keeps the default.
    assert_eq!(
        w.call(
            gov,
            getCurrentProviderCall {
                documentHash: B256::repeat_byte(8)
            }
            .abi_encode()
        )
        .unwrap(),
        pid("eas").abi_encode()
    );
    // 0 clears the override, even when the old id no longer resolves.
    w.call(gov, set(B256::ZERO)).unwrap();
    assert_eq!(current(), pid("eas").abi_encode());
}

// ---------------------------------------------------------------- the check

#[motsu::test]
fn a_zero_capability_is_refused_before_any_lookup(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    user: Address,
) {
    let _w = deploy(&host, &comp, gov);
    assert_revert(
        host.sender(user)
            .gated(user, B256::repeat_byte(1), U256::ZERO, B256::repeat_byte(2)),
        InvalidCapability {
            capability: U256::ZERO,
        },
    );
}

#[motsu::test]
fn an_unregistered_provider_is_provider_not_found(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    user: Address,
) {
    let _w = deploy(&host, &comp, gov);
    assert_revert(
        host.sender(user)
            .gated(user, B256::repeat_byte(1), CORE_CLAIM, B256::repeat_byte(2)),
        ProviderNotFound {
            providerId: pid("eas"),
        },
    );
    // checkCapability never reverts.
    let out = host
        .sender(user)
        .call(
            user,
            checkCapabilityCall {
                user,
                documentHash: B256::repeat_byte(1),
                requiredCapability: CORE_CLAIM,
                proof: B256::repeat_byte(2).to_vec().into(),
            }
            .abi_encode(),
        )
        .unwrap();
    assert_eq!(out, (false, U256::ZERO).abi_encode());
}

#[motsu::test]
fn a_deactivated_provider_is_provider_not_found(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    user: Address,
) {
    let w = deploy(&host, &comp, gov);
    w.add_provider(pid("eas"), host.address());
    comp.sender(gov)
        .deactivate_component(pid("eas"), "test")
        .unwrap();
    assert_revert(
        host.sender(user)
            .gated(user, B256::repeat_byte(1), CORE_CLAIM, B256::repeat_byte(2)),
        ProviderNotFound {
            providerId: pid("eas"),
        },
    );
}

#[motsu::test]
fn check_capability_with_a_malformed_proof_is_false(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    user: Address,
) {
    let w = deploy(&host, &comp, gov);
    for proof in [Vec::new(), vec![1u8; 31], vec![1u8; 33]] {
        let out = w
            .call(
                user,
                checkCapabilityCall {
                    user,
                    documentHash: B256::repeat_byte(1),
                    requiredCapability: CORE_CLAIM,
                    proof: proof.into(),
                }
                .abi_encode(),
            )
            .unwrap();
        assert_eq!(out, (false, U256::ZERO).abi_encode());
    }
}

// ---------------------------------------------------------------- governance stages

#[motsu::test]
fn stages_move_in_order_by_their_actors_and_move_the_roles(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    multisig: Address,
    dao: Address,
    stranger: Address,
) {
    let w = deploy(&host, &comp, gov);
    let to_multisig = |a: Address| transitionToMultisigCall { multisig: a }.abi_encode();
    let to_dao = |a: Address| transitionToDAOCall { dao: a }.abi_encode();
    let ossify = ossifyCall {}.abi_encode();
    let ts = U256::from(host.sender(gov).vm().block_timestamp());
    let roles = |who: Address| {
        let c = host.sender(who);
        (
            c.access.has_role(GOVERNOR_ROLE, who),
            c.access.has_role(DEFAULT_ADMIN_ROLE, who),
        )
    };

    // BOOTSTRAP: only the bootstrap governor moves, only to MULTISIG, never to zero.
    assert_revert(
        w.call(stranger, to_multisig(multisig)),
        OnlyBootstrapGovernor {},
    );
    assert_revert(w.call(gov, to_dao(dao)), OnlyGuardianMultisig {});
    assert_revert(w.call(gov, ossify.clone()), OnlyDAOGovernor {});
    assert_revert(w.call(gov, to_multisig(Address::ZERO)), ZeroAddress {});
    w.call(gov, to_multisig(multisig)).unwrap();
    host.assert_emitted(&GovernanceStageTransitioned {
        fromStage: stage::BOOTSTRAP,
        toStage: stage::MULTISIG,
        initiator: gov,
        timestamp: ts,
    });
    assert_eq!(roles(gov), (false, false));
    assert_eq!(roles(multisig), (true, true));
    assert_eq!(
        w.call(gov, getGovernanceInfoCall {}.abi_encode()).unwrap(),
        (U256::from(1), multisig, false).abi_encode()
    );
    // The old actor cannot move again; the stage is past BOOTSTRAP.
    assert_revert(
        w.call(gov, to_multisig(stranger)),
        InvalidStageTransition {
            fromStage: stage::MULTISIG,
            toStage: stage::MULTISIG,
        },
    );
    // The old governor lost GOVERNOR_ROLE.
    assert_revert(
        w.call(
            gov,
            setDefaultProviderCall {
                providerId: pid("x"),
            }
            .abi_encode(),
        ),
        not_governor(gov),
    );

    // MULTISIG → DAO by the guardian.
    assert_revert(w.call(stranger, to_dao(dao)), OnlyGuardianMultisig {});
    assert_revert(w.call(multisig, ossify.clone()), OnlyDAOGovernor {});
    assert_revert(w.call(multisig, to_dao(Address::ZERO)), ZeroAddress {});
    w.call(multisig, to_dao(dao)).unwrap();
    host.assert_emitted(&GovernanceStageTransitioned {
        fromStage: stage::MULTISIG,
        toStage: stage::DAO,
        initiator: multisig,
        timestamp: ts,
    });
    assert_eq!(roles(multisig), (false, false));
    assert_eq!(roles(dao), (true, true));
    assert_revert(
        w.call(multisig, to_dao(stranger)),
        InvalidStageTransition {
            fromStage: stage::DAO,
            toStage: stage::DAO,
        },
    );

    // DAO → OSSIFIED by the DAO governor.
    assert_revert(w.call(stranger, ossify.clone()), OnlyDAOGovernor {});
    w.call(dao, ossify.clone()).unwrap();
    host.assert_emitted(&GovernanceStageTransitioned {
        fromStage: stage::DAO,
        toStage: stage::OSSIFIED,
        initiator: dao,
        timestamp: ts,
    });
    host.assert_emitted(&ContractOssified {
        initiator: dao,
        timestamp: ts,
    });
    assert_revert(w.call(dao, ossify), CannotOssifyBeforeDAO {});
    assert_eq!(
        w.call(dao, getGovernanceInfoCall {}.abi_encode()).unwrap(),
        (U256::from(3), dao, false).abi_encode()
    );
    // No former governor holds a governance role.
    for former in [gov, multisig] {
        assert_eq!(roles(former), (false, false));
    }
}

#[motsu::test]
fn ossify_before_dao_is_refused(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    multisig: Address,
) {
    let w = deploy(&host, &comp, gov);
    // The DAO governor is unset before the DAO stage: nobody passes the actor check.
    assert_revert(w.call(gov, ossifyCall {}.abi_encode()), OnlyDAOGovernor {});
    w.call(gov, transitionToMultisigCall { multisig }.abi_encode())
        .unwrap();
    assert_revert(
        w.call(multisig, ossifyCall {}.abi_encode()),
        OnlyDAOGovernor {},
    );
}

// ---------------------------------------------------------------- emergency withdraw

/// Accepts ETH, or refuses it once `set_reject(true)`.
#[storage]
pub struct Sink {
    reject: stylus_sdk::storage::StorageBool,
}

unsafe impl TopLevelStorage for Sink {}

#[public]
impl Sink {
    #[receive]
    fn receive(&mut self) -> Result<(), Vec<u8>> {
        if self.reject.get() {
            // Non-empty: motsu 0.10 panics decoding a selector from a failed empty call.
            return Err(vec![0xff]);
        }
        Ok(())
    }

    fn set_reject(&mut self, reject: bool) {
        self.reject.set(reject);
    }
}

#[motsu::test]
fn emergency_withdraw_is_governor_only_and_checks_its_target(
    host: Contract<Gated>,
    comp: Contract<IntegraRegistry>,
    sink: Contract<Sink>,
    gov: Address,
    stranger: Address,
) {
    let w = deploy(&host, &comp, gov);
    let call = |token: Address, to: Address, amount: u64| {
        emergencyWithdrawCall {
            token,
            to,
            amount: U256::from(amount),
        }
        .abi_encode()
    };
    assert_revert(
        w.call(stranger, call(Address::ZERO, sink.address(), 0)),
        not_governor(stranger),
    );
    assert_revert(
        w.call(gov, call(Address::ZERO, Address::ZERO, 0)),
        ZeroAddress {},
    );
    w.call(gov, call(Address::ZERO, sink.address(), 0)).unwrap();
    host.assert_emitted(&EmergencyWithdrawal {
        token: Address::ZERO,
        to: sink.address(),
        amount: U256::ZERO,
        by: gov,
    });
    host.fund(U256::from(10));
    w.call(gov, call(Address::ZERO, sink.address(), 7)).unwrap();
    assert_eq!(sink.balance(), U256::from(7));
    assert_eq!(host.balance(), U256::from(3));
    // A recipient that refuses the value: the withdrawal fails and nothing moves.
    sink.sender(gov).set_reject(true);
    assert_revert(
        w.call(gov, call(Address::ZERO, sink.address(), 3)),
        EmergencyWithdrawFailed {
            token: Address::ZERO,
        },
    );
    assert_eq!(host.balance(), U256::from(3));
}

#[test]
fn selectors_and_signatures_match_the_spec() {
    use alloy_sol_types::SolEvent;
    assert_eq!(
        CapabilityVerified::SIGNATURE,
        "CapabilityVerified(address,bytes32,uint256,bytes32,bytes)"
    );
    assert_eq!(
        GovernanceStageTransitioned::SIGNATURE,
        "GovernanceStageTransitioned(uint8,uint8,address,uint256)"
    );
    assert_eq!(
        checkCapabilityCall::SIGNATURE,
        "checkCapability(address,bytes32,uint256,bytes)"
    );
    assert_eq!(
        IAttestationProvider::verifyCapabilitiesWithTokenCall::SIGNATURE,
        "verifyCapabilitiesWithToken(bytes,address,bytes32,uint256)"
    );
}
