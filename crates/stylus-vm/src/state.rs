//! The world state: accounts, storage, transient storage, access lists, refunds and logs, with a
//! journal so that any call frame can be rolled back.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use alloy_primitives::{keccak256, Address, B256, U256};

/// One account.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Account {
    /// Transaction / creation count.
    pub nonce: u64,
    /// Balance in wei.
    pub balance: U256,
    /// Code (for a Stylus program: the uncompressed WASM it was deployed with).
    pub code: Arc<[u8]>,
    /// Storage.
    pub storage: HashMap<B256, B256>,
}

impl Account {
    /// EIP-161 emptiness.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nonce == 0 && self.balance.is_zero() && self.code.is_empty()
    }

    /// Keccak of the code (the empty-code hash when there is none).
    #[must_use]
    pub fn code_hash(&self) -> B256 {
        keccak256(&self.code)
    }
}

/// An emitted log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Log {
    /// The emitting contract.
    pub address: Address,
    /// Indexed topics (0–4).
    pub topics: Vec<B256>,
    /// Unindexed data.
    pub data: Vec<u8>,
}

#[derive(Debug)]
enum Entry {
    Storage(Address, B256, Option<B256>),
    Transient(Address, B256, Option<B256>),
    Balance(Address, U256),
    Nonce(Address, u64),
    Code(Address, Arc<[u8]>),
    Created(Address),
    WarmAccount(Address),
    WarmSlot(Address, B256),
    Refund(u64),
}

/// A point to roll back to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Checkpoint {
    journal: usize,
    logs: usize,
}

/// Accounts plus the per-transaction substate.
#[derive(Debug, Default)]
pub struct State {
    accounts: HashMap<Address, Account>,
    original: HashMap<(Address, B256), B256>,
    transient: HashMap<(Address, B256), B256>,
    warm_accounts: HashSet<Address>,
    warm_slots: HashSet<(Address, B256)>,
    refund: u64,
    logs: Vec<Log>,
    journal: Vec<Entry>,
    /// Stylus pages open now / ever opened in this transaction.
    pub(crate) pages: (u16, u16),
}

impl State {
    /// The account at `address`, if it exists.
    #[must_use]
    pub fn account(&self, address: &Address) -> Option<&Account> {
        self.accounts.get(address)
    }

    /// Balance of `address`.
    #[must_use]
    pub fn balance(&self, address: &Address) -> U256 {
        self.accounts.get(address).map_or(U256::ZERO, |a| a.balance)
    }

    /// Nonce of `address`.
    #[must_use]
    pub fn nonce(&self, address: &Address) -> u64 {
        self.accounts.get(address).map_or(0, |a| a.nonce)
    }

    /// Code of `address`.
    #[must_use]
    pub fn code(&self, address: &Address) -> Arc<[u8]> {
        self.accounts
            .get(address)
            .map_or_else(|| Arc::from(&[][..]), |a| a.code.clone())
    }

    /// `EXTCODEHASH` semantics: zero for a non-existent or empty account.
    #[must_use]
    pub fn code_hash(&self, address: &Address) -> B256 {
        match self.accounts.get(address) {
            Some(a) if !a.is_empty() => a.code_hash(),
            _ => B256::ZERO,
        }
    }

    /// Storage word at `key` of `address` (zero if never written).
    #[must_use]
    pub fn storage(&self, address: &Address, key: &B256) -> B256 {
        self.accounts
            .get(address)
            .and_then(|a| a.storage.get(key))
            .copied()
            .unwrap_or_default()
    }

    /// Whether `address` is EIP-161 empty (or missing).
    #[must_use]
    pub fn is_empty(&self, address: &Address) -> bool {
        self.accounts.get(address).is_none_or(Account::is_empty)
    }

    /// Logs emitted so far in the current transaction.
    #[must_use]
    pub fn logs(&self) -> &[Log] {
        &self.logs
    }

    pub(crate) fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            journal: self.journal.len(),
            logs: self.logs.len(),
        }
    }

    pub(crate) fn revert_to(&mut self, cp: Checkpoint) {
        while self.journal.len() > cp.journal {
            let Some(entry) = self.journal.pop() else {
                break;
            };
            match entry {
                Entry::Storage(a, k, prev) => {
                    if let Some(acc) = self.accounts.get_mut(&a) {
                        match prev {
                            Some(v) => drop(acc.storage.insert(k, v)),
                            None => drop(acc.storage.remove(&k)),
                        }
                    }
                }
                Entry::Transient(a, k, prev) => match prev {
                    Some(v) => drop(self.transient.insert((a, k), v)),
                    None => drop(self.transient.remove(&(a, k))),
                },
                Entry::Balance(a, prev) => self.entry(a).balance = prev,
                Entry::Nonce(a, prev) => self.entry(a).nonce = prev,
                Entry::Code(a, prev) => self.entry(a).code = prev,
                Entry::Created(a) => drop(self.accounts.remove(&a)),
                Entry::WarmAccount(a) => drop(self.warm_accounts.remove(&a)),
                Entry::WarmSlot(a, k) => drop(self.warm_slots.remove(&(a, k))),
                Entry::Refund(prev) => self.refund = prev,
            }
        }
        self.logs.truncate(cp.logs);
    }

    /// Starts a transaction: clears the substate (access lists, transient storage, refunds, logs).
    pub(crate) fn begin_tx(&mut self) {
        self.original.clear();
        self.transient.clear();
        self.warm_accounts.clear();
        self.warm_slots.clear();
        self.refund = 0;
        self.logs.clear();
        self.journal.clear();
        self.pages = (0, 0);
    }

    pub(crate) fn take_logs(&mut self) -> Vec<Log> {
        std::mem::take(&mut self.logs)
    }

    pub(crate) fn refund(&self) -> u64 {
        self.refund
    }

    fn entry(&mut self, address: Address) -> &mut Account {
        self.accounts.entry(address).or_default()
    }

    fn touch(&mut self, address: Address) {
        if let std::collections::hash_map::Entry::Vacant(slot) = self.accounts.entry(address) {
            slot.insert(Account::default());
            self.journal.push(Entry::Created(address));
        }
    }

    /// Sets a balance outside any transaction (test setup).
    pub fn set_balance(&mut self, address: Address, balance: U256) {
        self.entry(address).balance = balance;
    }

    /// Sets a nonce outside any transaction (test setup).
    pub fn set_nonce(&mut self, address: Address, nonce: u64) {
        self.entry(address).nonce = nonce;
    }

    /// Sets code outside any transaction (test setup).
    pub fn set_code(&mut self, address: Address, code: Arc<[u8]>) {
        self.entry(address).code = code;
    }

    /// Sets a storage word outside any transaction (test setup).
    pub fn set_storage(&mut self, address: Address, key: B256, value: B256) {
        self.entry(address).storage.insert(key, value);
    }

    pub(crate) fn put_code(&mut self, address: Address, code: Arc<[u8]>) {
        self.touch(address);
        let acc = self.entry(address);
        let prev = std::mem::replace(&mut acc.code, code);
        self.journal.push(Entry::Code(address, prev));
    }

    pub(crate) fn put_nonce(&mut self, address: Address, nonce: u64) {
        self.touch(address);
        let acc = self.entry(address);
        let prev = std::mem::replace(&mut acc.nonce, nonce);
        self.journal.push(Entry::Nonce(address, prev));
    }

    fn put_balance(&mut self, address: Address, balance: U256) {
        self.touch(address);
        let acc = self.entry(address);
        let prev = std::mem::replace(&mut acc.balance, balance);
        self.journal.push(Entry::Balance(address, prev));
    }

    /// Moves `value` from `from` to `to`; false (and no change) if `from` cannot afford it.
    pub(crate) fn transfer(&mut self, from: Address, to: Address, value: U256) -> bool {
        let Some(rest) = self.balance(&from).checked_sub(value) else {
            return false;
        };
        self.put_balance(from, rest);
        let credited = self.balance(&to).saturating_add(value);
        self.put_balance(to, credited);
        true
    }

    /// Takes `amount` from `address` outside the journal's concerns (gas purchase).
    pub(crate) fn debit(&mut self, address: Address, amount: U256) -> bool {
        match self.balance(&address).checked_sub(amount) {
            Some(rest) => {
                self.put_balance(address, rest);
                true
            }
            None => false,
        }
    }

    pub(crate) fn credit(&mut self, address: Address, amount: U256) {
        let b = self.balance(&address).saturating_add(amount);
        self.put_balance(address, b);
    }

    /// Marks `address` warm; returns whether it was cold.
    pub(crate) fn warm_account(&mut self, address: Address) -> bool {
        let cold = self.warm_accounts.insert(address);
        if cold {
            self.journal.push(Entry::WarmAccount(address));
        }
        cold
    }

    /// Marks a slot warm; returns whether it was cold.
    pub(crate) fn warm_slot(&mut self, address: Address, key: B256) -> bool {
        let cold = self.warm_slots.insert((address, key));
        if cold {
            self.journal.push(Entry::WarmSlot(address, key));
        }
        cold
    }

    /// Value of the slot at the start of the transaction.
    pub(crate) fn committed(&self, address: &Address, key: &B256) -> B256 {
        self.original
            .get(&(*address, *key))
            .copied()
            .unwrap_or_else(|| self.storage(address, key))
    }

    pub(crate) fn put_storage(&mut self, address: Address, key: B256, value: B256) {
        let current = self.storage(&address, &key);
        self.original.entry((address, key)).or_insert(current);
        self.touch(address);
        let acc = self.entry(address);
        let prev = acc.storage.insert(key, value);
        self.journal.push(Entry::Storage(address, key, prev));
    }

    pub(crate) fn transient(&self, address: &Address, key: &B256) -> B256 {
        self.transient
            .get(&(*address, *key))
            .copied()
            .unwrap_or_default()
    }

    pub(crate) fn put_transient(&mut self, address: Address, key: B256, value: B256) {
        let prev = self.transient.insert((address, key), value);
        self.journal.push(Entry::Transient(address, key, prev));
    }

    pub(crate) fn add_refund(&mut self, gas: u64) {
        self.journal.push(Entry::Refund(self.refund));
        self.refund = self.refund.saturating_add(gas);
    }

    pub(crate) fn sub_refund(&mut self, gas: u64) {
        self.journal.push(Entry::Refund(self.refund));
        self.refund = self.refund.saturating_sub(gas);
    }

    pub(crate) fn push_log(&mut self, log: Log) {
        self.logs.push(log);
    }

    /// EIP-2929 + EIP-2200 + EIP-3529 cost of storing `value` (Nitro's `WasmStateStoreCost`);
    /// records refunds and performs the write.
    pub(crate) fn sstore(&mut self, address: Address, key: B256, value: B256) -> u64 {
        use crate::pricing::gas::{
            COLD_SLOAD, SSTORE_CLEARS_REFUND, SSTORE_RESET, SSTORE_SET, WARM_READ,
        };
        let current = self.storage(&address, &key);
        let mut cost = 0;
        if self.warm_slot(address, key) {
            cost = COLD_SLOAD;
        }
        if current == value {
            return cost + WARM_READ;
        }
        let original = self.committed(&address, &key);
        self.put_storage(address, key, value);
        if original == current {
            if original.is_zero() {
                return cost + SSTORE_SET;
            }
            if value.is_zero() {
                self.add_refund(SSTORE_CLEARS_REFUND);
            }
            return cost + (SSTORE_RESET - COLD_SLOAD);
        }
        if !original.is_zero() {
            if current.is_zero() {
                self.sub_refund(SSTORE_CLEARS_REFUND);
            } else if value.is_zero() {
                self.add_refund(SSTORE_CLEARS_REFUND);
            }
        }
        if original == value {
            if original.is_zero() {
                self.add_refund(SSTORE_SET - WARM_READ);
            } else {
                self.add_refund((SSTORE_RESET - COLD_SLOAD) - WARM_READ);
            }
        }
        cost + WARM_READ
    }
}
