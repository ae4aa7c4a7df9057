//! Role-based access control and pause, from openzeppelin-stylus (OZ v5 names and events).
//!
//! OpenZeppelin's `only_role` checks `msg.sender`; contracts that honour an ERC-2771 forwarder
//! call [`AccessControl::_check_role`] with the resolved sender instead.
use alloy_primitives::Address;
pub use openzeppelin_stylus::access::control::{
    AccessControl, AccessControlBadConfirmation, AccessControlUnauthorizedAccount,
    Error as AccessControlError, IAccessControl, RoleAdminChanged, RoleGranted, RoleRevoked,
};
pub use openzeppelin_stylus::utils::introspection::erc165::IErc165;
pub use openzeppelin_stylus::utils::pausable::{
    EnforcedPause, Error as PausableError, ExpectedPause, IPausable, Pausable, Paused, Unpaused,
};

use crate::roles::{DEFAULT_ADMIN_ROLE, GOVERNOR_ROLE};

/// `impl From<AccessControlError> for $error`, for a contract error enum whose `sol!` interface
/// declares OZ's `AccessControlUnauthorizedAccount(address account, bytes32 neededRole)` and
/// `AccessControlBadConfirmation()` (in scope where the macro is used).
#[macro_export]
macro_rules! access_control_errors {
    ($error:ty) => {
        impl From<$crate::access::AccessControlError> for $error {
            fn from(e: $crate::access::AccessControlError) -> Self {
                match e {
                    $crate::access::AccessControlError::UnauthorizedAccount(e) => {
                        AccessControlUnauthorizedAccount {
                            account: e.account,
                            neededRole: e.needed_role,
                        }
                        .into()
                    }
                    $crate::access::AccessControlError::BadConfirmation(_) => {
                        AccessControlBadConfirmation {}.into()
                    }
                }
            }
        }
    };
}

/// OZ `Pausable`'s rules and events for a contract that keeps its pause flag itself, as a
/// `Result<(), $error>`: moving from `$paused` to `$pause` fails with `EnforcedPause()` when
/// pausing a paused contract and with `ExpectedPause()` when unpausing an unpaused one (the
/// contract's own error types, in scope where the macro is used); otherwise it emits
/// `Paused(account)` / `Unpaused(account)`. The caller checks the role first and stores `$pause`
/// after. A macro rather than a function: a shared function returning OZ's `PausableError`
/// added ~200 bytes to each contract for the conversion.
#[macro_export]
macro_rules! pause_transition {
    ($error:ty, $vm:expr, $paused:expr, $pause:expr, $account:expr) => {{
        let (paused, pause): (bool, bool) = ($paused, $pause);
        if paused == pause {
            let e: $error = if pause {
                EnforcedPause {}.into()
            } else {
                ExpectedPause {}.into()
            };
            Err(e)
        } else {
            let topic = if pause {
                <$crate::access::Paused as $crate::__private::SolEvent>::SIGNATURE_HASH
            } else {
                <$crate::access::Unpaused as $crate::__private::SolEvent>::SIGNATURE_HASH
            };
            $crate::abi::emit($vm, &[topic], &[$crate::abi::Token::from($account)]);
            Ok::<(), $error>(())
        }
    }};
}

/// Grants `DEFAULT_ADMIN_ROLE` and `GOVERNOR_ROLE` to `governor`, as every constructor and
/// initializer of the suite does. Emits `RoleGranted` for each role not yet held.
pub fn grant_governance(access: &mut AccessControl, governor: Address) {
    access._grant_role(DEFAULT_ADMIN_ROLE, governor);
    access._grant_role(GOVERNOR_ROLE, governor);
}

#[cfg(test)]
mod tests {
    use alloy_primitives::B256;
    use motsu::prelude::*;
    use stylus_sdk::prelude::*;

    use super::*;

    #[storage]
    struct Governed {
        access: AccessControl,
    }

    unsafe impl TopLevelStorage for Governed {}

    #[public]
    impl Governed {
        fn init(&mut self, governor: Address) {
            grant_governance(&mut self.access, governor);
        }
        fn has(&self, role: B256, account: Address) -> bool {
            self.access.has_role(role, account)
        }
        fn check(&self, role: B256, account: Address) -> Result<(), Vec<u8>> {
            Ok(self.access._check_role(role, account)?)
        }
    }

    #[motsu::test]
    fn governor_receives_admin_and_governor_roles(
        contract: Contract<Governed>,
        alice: Address,
        bob: Address,
    ) {
        contract.sender(alice).init(bob);
        assert!(contract.sender(alice).has(DEFAULT_ADMIN_ROLE, bob));
        assert!(contract.sender(alice).has(GOVERNOR_ROLE, bob));
        assert!(!contract.sender(alice).has(GOVERNOR_ROLE, alice));
        contract.assert_emitted(&RoleGranted {
            role: GOVERNOR_ROLE,
            account: bob,
            sender: alice,
        });
        contract.assert_emitted(&RoleGranted {
            role: DEFAULT_ADMIN_ROLE,
            account: bob,
            sender: alice,
        });
    }

    #[motsu::test]
    fn role_check_names_the_account_and_the_missing_role(
        contract: Contract<Governed>,
        alice: Address,
        bob: Address,
    ) {
        contract.sender(alice).init(bob);
        assert!(contract.sender(alice).check(GOVERNOR_ROLE, bob).is_ok());
        let err = contract
            .sender(alice)
            .check(GOVERNOR_ROLE, alice)
            .unwrap_err();
        assert_eq!(
            err,
            Vec::<u8>::from(AccessControlError::UnauthorizedAccount(
                AccessControlUnauthorizedAccount {
                    account: alice,
                    needed_role: GOVERNOR_ROLE
                }
            ))
        );
    }
}
