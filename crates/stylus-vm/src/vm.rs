//! Transactions and call frames: the part of geth + `arbos/programs` the executor models.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use alloy_primitives::{keccak256, Address, Bytes, B256, U256};
use wasmi::{Config, Engine, Linker, Module, Store, Val};

use crate::host::{self, Escape, Frame, Handles, HostData};
use crate::instrument::{
    self, Activated, ActivationError, ENTRYPOINT, INK_LEFT, INK_STATUS, STACK_LEFT,
};
use crate::pricing::{evm_memory_cost, gas, EntryParams, MemoryModel, INK_PRICE, MAX_STACK_DEPTH};
use crate::state::{Log, State};

/// EVM call depth limit.
const MAX_CALL_DEPTH: usize = 1024;

/// Block context the hostios report; tests set it freely.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockEnv {
    /// `block_number` (on Arbitrum this is the L1 block number).
    pub number: u64,
    /// `block_timestamp`.
    pub timestamp: u64,
    /// `chainid`.
    pub chain_id: u64,
    /// `block_basefee`.
    pub basefee: U256,
    /// `block_coinbase`.
    pub coinbase: Address,
    /// `block_gas_limit`.
    pub gas_limit: u64,
}

impl Default for BlockEnv {
    fn default() -> Self {
        Self {
            number: 1,
            timestamp: 1_735_689_600,
            chain_id: 412_346,
            basefee: U256::ZERO,
            coinbase: Address::ZERO,
            gas_limit: 32_000_000,
        }
    }
}

/// Transaction-level context.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct TxEnv {
    pub(crate) origin: Address,
    pub(crate) gas_price: U256,
}

/// How a frame was entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CallKind {
    Call,
    Static,
    Delegate,
}

/// A call frame's message.
#[derive(Clone, Debug)]
pub(crate) struct Message {
    /// `msg.sender`.
    pub(crate) caller: Address,
    /// Storage / `contract_address` context.
    pub(crate) address: Address,
    /// Whose code runs.
    pub(crate) code_address: Address,
    /// `msg.value` (for delegate calls, the parent's).
    pub(crate) value: U256,
    /// Calldata.
    pub(crate) input: Vec<u8>,
    /// Static context.
    pub(crate) is_static: bool,
}

/// An activated program ready to instantiate.
#[derive(Debug)]
pub(crate) struct Program {
    module: Module,
    info: Activated,
}

/// Nitro's initial `StylusParams.BlockCacheSize`: programs remembered per block by the
/// recent-program cache.
pub(crate) const BLOCK_CACHE_SIZE: usize = 32;

/// Everything a call needs; moved into each program's store and lent to nested calls.
#[derive(Debug)]
pub(crate) struct Env {
    pub(crate) state: State,
    pub(crate) block: BlockEnv,
    pub(crate) tx: TxEnv,
    pub(crate) memory: MemoryModel,
    entry: EntryParams,
    engine: Engine,
    linker: Arc<Linker<HostData>>,
    programs: HashMap<B256, Arc<Program>>,
    cached: HashSet<B256>,
    /// `ArbOS` 60's recent-program cache (`RecentWasms`), most recent last. Every transaction is
    /// its own block here, so it starts empty with each transaction.
    recent: Vec<B256>,
    active: Vec<Address>,
    depth: usize,
    ink_used: u64,
    entry_gas: u64,
    last_trap: Option<String>,
    arbos_version: u64,
}

/// The result of one call frame.
#[derive(Debug)]
pub(crate) struct FrameResult {
    pub(crate) status: Status,
    pub(crate) data: Vec<u8>,
    pub(crate) gas_left: u64,
}

/// How a call or transaction ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Returned normally.
    Success,
    /// Reverted (explicit revert, or a program trap / hostio failure, which Nitro reports as a
    /// revert with empty data and the remaining gas returned).
    Revert,
    /// Ran out of gas or ink: all gas of the frame is consumed.
    OutOfGas,
    /// Exceeded the program's stack budget (Nitro's `ErrDepth`): all gas consumed.
    OutOfStack,
    /// Any other consuming failure (call depth, a failed precompile, code this executor
    /// cannot run), with the reason.
    Halt(String),
}

impl Status {
    fn consumes_all(&self) -> bool {
        !matches!(self, Self::Success | Self::Revert)
    }
}

/// What a program's hostio gets back from a nested call.
pub(crate) struct CallOutcome {
    pub(crate) success: bool,
    pub(crate) data: Vec<u8>,
    pub(crate) cost: u64,
}

/// An exceptional halt: all gas of the frame is consumed.
fn halt(reason: &str) -> FrameResult {
    FrameResult {
        status: Status::Halt(reason.to_owned()),
        data: Vec::new(),
        gas_left: 0,
    }
}

impl Env {
    fn program(&self, address: &Address) -> Option<Arc<Program>> {
        let code = self.state.code(address);
        if code.is_empty() {
            return None;
        }
        self.programs.get(&keccak256(&code)).cloned()
    }

    /// Per-transaction setup after `begin_tx`: context, counters, and the EIP-2929 / EIP-3651
    /// warm set (sender, recipient, coinbase, precompiles).
    fn start(&mut self, from: Address, to: Address, gas_price: U256) {
        self.tx = TxEnv {
            origin: from,
            gas_price,
        };
        self.ink_used = 0;
        self.entry_gas = 0;
        self.last_trap = None;
        self.state.warm_account(from);
        self.state.warm_account(to);
        self.state.warm_account(self.block.coinbase);
        for p in crate::precompiles::ADDRESSES {
            self.state.warm_account(p);
        }
    }

    /// The receipt of the transaction that just ran; clears the per-transaction substate.
    fn finish(
        &mut self,
        result: FrameResult,
        gas_used: u64,
        gas_refunded: u64,
        intrinsic_gas: u64,
        logs: Vec<Log>,
    ) -> Receipt {
        let receipt = Receipt {
            status: result.status,
            output: Bytes::from(result.data),
            gas_used,
            gas_refunded,
            intrinsic_gas,
            ink_used: self.ink_used,
            entry_gas: self.entry_gas,
            trap: self.last_trap.take(),
            logs,
        };
        self.state.begin_tx();
        self.recent.clear();
        receipt
    }

    /// `RecentWasms.Insert(codeHash, BlockCacheSize)`: true when `hash` ran before in this block
    /// (then it becomes the most recent), else it is recorded, evicting the least recent beyond
    /// `BLOCK_CACHE_SIZE`.
    fn recent_insert(&mut self, hash: B256) -> bool {
        if let Some(i) = self.recent.iter().position(|h| *h == hash) {
            let h = self.recent.remove(i);
            self.recent.push(h);
            return true;
        }
        self.recent.push(hash);
        if self.recent.len() > BLOCK_CACHE_SIZE {
            self.recent.remove(0);
        }
        false
    }

    /// Activates `wasm` (cached per code hash).
    fn activate(&mut self, wasm: &[u8]) -> Result<B256, VmError> {
        let hash = keccak256(wasm);
        if self.programs.contains_key(&hash) {
            return Ok(hash);
        }
        let info = instrument::activate_for(wasm, self.arbos_version)?;
        let module = Module::new(&self.engine, &info.wasm)
            .map_err(|e| VmError::Activation(ActivationError(e.to_string())))?;
        self.programs
            .insert(hash, Arc::new(Program { module, info }));
        Ok(hash)
    }
}

/// Runs one message: value transfer, then a precompile, a program, or nothing.
fn call(mut env: Box<Env>, msg: Message, gas: u64, transfer: bool) -> (Box<Env>, FrameResult) {
    if env.depth > MAX_CALL_DEPTH {
        // geth returns the gas in this case.
        return (
            env,
            FrameResult {
                status: Status::Revert,
                data: Vec::new(),
                gas_left: gas,
            },
        );
    }
    if transfer && !msg.value.is_zero() && env.state.balance(&msg.caller) < msg.value {
        return (
            env,
            FrameResult {
                status: Status::Revert,
                data: Vec::new(),
                gas_left: gas,
            },
        );
    }
    let cp = env.state.checkpoint();
    if transfer && !msg.value.is_zero() {
        env.state.transfer(msg.caller, msg.address, msg.value);
    }
    env.depth += 1;
    let (mut env, result) = if let Some(p) = crate::precompiles::get(&msg.code_address) {
        let r = crate::precompiles::run(&p, &msg.input, gas);
        (env, r)
    } else if let Some(program) = env.program(&msg.code_address) {
        run_program(env, msg, gas, &program)
    } else if env.state.code(&msg.code_address).is_empty() {
        (
            env,
            FrameResult {
                status: Status::Success,
                data: Vec::new(),
                gas_left: gas,
            },
        )
    } else {
        (
            env,
            halt("code is not an activated Stylus program (EVM bytecode is not supported)"),
        )
    };
    env.depth -= 1;
    if result.status != Status::Success {
        env.state.revert_to(cp);
    }
    (env, result)
}

/// Nitro's `CallProgram` + `callProgram`: entry costs, then the instrumented module.
fn run_program(
    mut env: Box<Env>,
    msg: Message,
    gas: u64,
    program: &Program,
) -> (Box<Env>, FrameResult) {
    let starting_gas = gas;
    let info = &program.info;
    let (open, ever) = env.state.pages;
    let mut cost = env.memory.gas_cost(info.footprint, open, ever);
    let hash = keccak256(env.state.code(&msg.code_address));
    // `cached := program.cached || RecentWasms.Insert(…)`, the latter from `ArbOS` 60 on.
    let cached = env.cached.contains(&hash) || (env.arbos_version >= 60 && env.recent_insert(hash));
    // Stylus version 2: the cached cost is always paid; uncached programs add the init cost.
    cost = cost.saturating_add(env.entry.cached_gas(info.cached_cost));
    if !cached {
        cost = cost.saturating_add(env.entry.init_gas(info.init_cost));
    }
    let Some(gas) = gas.checked_sub(cost) else {
        return (
            env,
            FrameResult {
                status: Status::OutOfGas,
                data: Vec::new(),
                gas_left: 0,
            },
        );
    };
    env.entry_gas = env.entry_gas.saturating_add(cost);
    crate::host::tr(format_args!(
        "ENTER {} entry {cost} (cached {cached}) gas {starting_gas}",
        msg.address
    ));
    let trace_addr = msg.address;
    let new_open = open.saturating_add(info.footprint);
    env.state.pages = (new_open, ever.max(new_open));

    let reentrant = env.active.contains(&msg.address);
    env.active.push(msg.address);
    let ink = gas.saturating_mul(INK_PRICE);
    let engine = env.engine.clone();
    let linker = env.linker.clone();
    let args_len = u32::try_from(msg.input.len()).unwrap_or(u32::MAX);
    let mut store = Store::new(
        &engine,
        HostData {
            env: Some(env),
            frame: Frame::new(msg, reentrant),
        },
    );
    let outcome = execute(&mut store, &linker, &program.module, ink, args_len);
    let data = store.into_data();
    let Some(mut env) = data.env else {
        // Unreachable: every hostio that lends the environment puts it back before returning.
        unreachable!("environment not returned by a nested call");
    };
    env.active.pop();
    env.state.pages.0 = open;

    let (status, ink_left) = outcome;
    crate::host::tr(format_args!(
        "EXIT {trace_addr} ink {} gas-equiv {} frame gas used {}",
        ink.saturating_sub(ink_left),
        ink.saturating_sub(ink_left) / INK_PRICE,
        starting_gas - ink_left / INK_PRICE
    ));
    env.ink_used = env.ink_used.saturating_add(ink.saturating_sub(ink_left));
    let mut gas_left = ink_left / INK_PRICE;
    let outs = data.frame.outs;
    let (status, data) = match status {
        Outcome::Success => (Status::Success, outs),
        Outcome::Revert => (Status::Revert, outs),
        Outcome::Failure(reason) => {
            env.last_trap = Some(reason);
            (Status::Revert, Vec::new())
        }
        Outcome::OutOfInk => (Status::OutOfGas, Vec::new()),
        Outcome::OutOfStack => (Status::OutOfStack, Vec::new()),
        Outcome::NativeStackOverflow => (Status::Halt("native stack overflow".into()), Vec::new()),
    };
    if status.consumes_all() {
        gas_left = 0;
    }
    // Returned data costs at least what the EVM would charge for the memory (ArbOS 32+).
    if !data.is_empty() {
        let floor = evm_memory_cost(data.len() as u64);
        if starting_gas < floor {
            return (
                env,
                FrameResult {
                    status: Status::OutOfGas,
                    data: Vec::new(),
                    gas_left: 0,
                },
            );
        }
        gas_left = gas_left.min(starting_gas - floor);
    }
    (
        env,
        FrameResult {
            status,
            data,
            gas_left,
        },
    )
}

enum Outcome {
    Success,
    Revert,
    Failure(String),
    OutOfInk,
    OutOfStack,
    NativeStackOverflow,
}

#[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)]
fn execute(
    store: &mut Store<HostData>,
    linker: &Linker<HostData>,
    module: &Module,
    ink: u64,
    args_len: u32,
) -> (Outcome, u64) {
    let instance = match linker.instantiate_and_start(&mut *store, module) {
        Ok(i) => i,
        Err(e) => return (Outcome::Failure(format!("instantiation: {e}")), ink),
    };
    let (Some(memory), Some(ink_g), Some(status_g), Some(stack_g)) = (
        instance.get_memory(&*store, "memory"),
        instance.get_global(&*store, INK_LEFT),
        instance.get_global(&*store, INK_STATUS),
        instance.get_global(&*store, STACK_LEFT),
    ) else {
        return (Outcome::Failure("instrumentation missing".into()), ink);
    };
    let set = |store: &mut Store<HostData>| -> Result<(), wasmi::errors::GlobalError> {
        ink_g.set(&mut *store, Val::I64(ink as i64))?;
        status_g.set(&mut *store, Val::I32(0))?;
        stack_g.set(&mut *store, Val::I32(MAX_STACK_DEPTH as i32))
    };
    if let Err(e) = set(store) {
        return (Outcome::Failure(e.to_string()), ink);
    }
    store.data_mut().frame.handles = Some(Handles {
        memory,
        ink: ink_g,
        status: status_g,
    });
    let Ok(entry) = instance.get_typed_func::<i32, i32>(&*store, ENTRYPOINT) else {
        return (Outcome::Failure("missing entrypoint".into()), ink);
    };
    let result = entry.call(&mut *store, args_len as i32);
    let ink_left = match (ink_g.get(&*store), status_g.get(&*store)) {
        (Val::I64(i), Val::I32(0)) => i as u64,
        _ => 0,
    };
    let outcome = match result {
        Ok(0) => Outcome::Success,
        Ok(_) => Outcome::Revert,
        Err(err) => {
            let stack_left = matches!(stack_g.get(&*store), Val::I32(0));
            let exhausted = !matches!(status_g.get(&*store), Val::I32(0));
            if stack_left {
                Outcome::OutOfStack
            } else if exhausted {
                Outcome::OutOfInk
            } else if let Some(escape) = err.downcast_ref::<Escape>() {
                match escape {
                    Escape::OutOfInk => Outcome::OutOfInk,
                    Escape::Exit(0) => Outcome::Success,
                    Escape::Exit(_) => Outcome::Revert,
                    Escape::Failure(m) => Outcome::Failure(m.clone()),
                }
            } else if matches!(err.as_trap_code(), Some(wasmi::TrapCode::StackOverflow)) {
                // wasmi's own limit (set above Nitro's budget): Nitro's native stack overflow.
                Outcome::NativeStackOverflow
            } else {
                Outcome::Failure(err.to_string())
            }
        }
    };
    let ink_left = match outcome {
        Outcome::OutOfInk | Outcome::OutOfStack | Outcome::NativeStackOverflow => 0,
        _ => ink_left,
    };
    (outcome, ink_left)
}

/// `doCall` of `api.go`, for the call hostios.
#[allow(clippy::too_many_arguments)]
pub(crate) fn program_call(
    mut env: Box<Env>,
    parent: &Message,
    kind: CallKind,
    contract: Address,
    input: Vec<u8>,
    value: U256,
    gas_left: u64,
    gas_req: u64,
) -> (Box<Env>, CallOutcome) {
    if parent.is_static && !value.is_zero() {
        return (
            env,
            CallOutcome {
                success: false,
                data: Vec::new(),
                cost: 0,
            },
        );
    }
    // WasmCallCost: warm 100, cold +2,500, value +9,000, new account +25,000.
    let mut base = gas::WARM_READ;
    let mut oog = base > gas_left;
    if !oog && env.state.warm_account(contract) {
        base += gas::COLD_ACCOUNT - gas::WARM_READ;
        oog = base > gas_left;
    }
    let transfers = !value.is_zero();
    if !oog && transfers && env.state.is_empty(&contract) {
        base += gas::CALL_NEW_ACCOUNT;
        oog = base > gas_left;
    }
    if !oog && transfers {
        base += gas::CALL_VALUE;
        oog = base > gas_left;
    }
    if oog {
        return (
            env,
            CallOutcome {
                success: false,
                data: Vec::new(),
                cost: gas_left,
            },
        );
    }
    // Nitro computes `(gasLeft - base) * 63 / 64`, not geth's `gas - gas / 64`.
    let start_gas = u64::try_from(u128::from(gas_left - base) * 63 / 64).unwrap_or(u64::MAX);
    let mut gas = start_gas.min(gas_req);
    if transfers {
        gas = gas.saturating_add(gas::CALL_STIPEND);
    }
    let msg = match kind {
        CallKind::Call => Message {
            caller: parent.address,
            address: contract,
            code_address: contract,
            value,
            input,
            is_static: parent.is_static,
        },
        CallKind::Static => Message {
            caller: parent.address,
            address: contract,
            code_address: contract,
            value: U256::ZERO,
            input,
            is_static: true,
        },
        CallKind::Delegate => Message {
            caller: parent.caller,
            address: parent.address,
            code_address: contract,
            value: parent.value,
            input,
            is_static: parent.is_static,
        },
    };
    let transfer = kind == CallKind::Call;
    let (env2, result) = call(env, msg, gas, transfer);
    env = env2;
    let cost = base.saturating_add(gas.saturating_sub(result.gas_left));
    (
        env,
        CallOutcome {
            success: result.status == Status::Success,
            data: result.data,
            cost,
        },
    )
}

/// A created address, its return data and the gas it cost — or why the hostio fails.
pub(crate) type CreateResult = Result<(Address, Vec<u8>, u64), String>;

/// `create` of `api.go`, for `create1` / `create2`. The init code must be a WASM module (the
/// executor has no EVM interpreter): it is deployed as is, with no constructor run.
pub(crate) fn program_create(
    mut env: Box<Env>,
    parent: &Message,
    code: Vec<u8>,
    endowment: U256,
    salt: Option<B256>,
    gas: u64,
) -> (Box<Env>, CreateResult) {
    if parent.is_static {
        return (env, Err("write protection".into()));
    }
    let mut base = gas::CREATE;
    if salt.is_some() {
        base = base.saturating_add(gas::KECCAK_WORD * (code.len() as u64).div_ceil(32));
    }
    if gas < base {
        return (env, Err("out of gas".into()));
    }
    let start_gas = gas;
    let mut gas = gas - base;
    let one_64th = gas / 64;
    gas -= one_64th;
    let creator = parent.address;
    let nonce = env.state.nonce(&creator);
    let address = match salt {
        Some(salt) => creator.create2(salt, keccak256(&code)),
        None => creator.create(nonce),
    };
    let (env2, result) = deploy_frame(env, creator, address, code, endowment, gas);
    env = env2;
    let (address, return_gas) = match result {
        Ok(left) => (address, left),
        Err(left) => (Address::ZERO, left),
    };
    let cost = start_gas.saturating_sub(return_gas.saturating_add(one_64th));
    (env, Ok((address, Vec::new(), cost)))
}

/// Creates a program account: nonce bump, collision check, value, code deposit. Returns the gas
/// left, as `Err` on failure (state rolled back).
fn deploy_frame(
    mut env: Box<Env>,
    creator: Address,
    address: Address,
    code: Vec<u8>,
    endowment: U256,
    gas: u64,
) -> (Box<Env>, Result<u64, u64>) {
    let nonce = env.state.nonce(&creator);
    if env.depth > MAX_CALL_DEPTH || env.state.balance(&creator) < endowment {
        return (env, Err(gas));
    }
    let Some(next) = nonce.checked_add(1) else {
        return (env, Err(gas));
    };
    env.state.put_nonce(creator, next);
    env.state.warm_account(address);
    if env.state.nonce(&address) != 0 || !env.state.code(&address).is_empty() {
        return (env, Err(0));
    }
    let cp = env.state.checkpoint();
    env.state.put_nonce(address, 1);
    env.state.transfer(creator, address, endowment);
    let deposit = gas::CODE_DEPOSIT_BYTE.saturating_mul(code.len() as u64);
    if code.len() > 128 * 1024 || deposit > gas || env.activate(&code).is_err() {
        env.state.revert_to(cp);
        return (env, Err(0));
    }
    env.state.put_code(address, Arc::from(code));
    (env, Ok(gas - deposit))
}

/// Errors from the executor's own API (never from contract behaviour).
#[derive(Debug)]
pub enum VmError {
    /// The module failed activation.
    Activation(ActivationError),
    /// A transaction is invalid (nonce, balance, gas limit below intrinsic gas).
    InvalidTransaction(String),
}

impl std::fmt::Display for VmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Activation(e) => write!(f, "{e}"),
            Self::InvalidTransaction(m) => write!(f, "invalid transaction: {m}"),
        }
    }
}

impl std::error::Error for VmError {}

impl From<ActivationError> for VmError {
    fn from(e: ActivationError) -> Self {
        Self::Activation(e)
    }
}

/// A transaction to execute.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tx {
    /// Sender (an externally owned account; no signature is checked).
    pub from: Address,
    /// Callee.
    pub to: Address,
    /// Calldata.
    pub data: Vec<u8>,
    /// Value in wei.
    pub value: U256,
    /// Gas limit (0 means 30,000,000).
    pub gas_limit: u64,
    /// Gas price in wei (charged to the sender, refunded for unused gas).
    pub gas_price: U256,
}

/// The outcome of a transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// How the top call ended.
    pub status: Status,
    /// Returned or revert data.
    pub output: Bytes,
    /// Gas used, after refunds (what a receipt's `gasUsed` shows).
    pub gas_used: u64,
    /// Refund applied (capped at a fifth of the gas used, EIP-3529).
    pub gas_refunded: u64,
    /// Intrinsic gas (21,000 + calldata).
    pub intrinsic_gas: u64,
    /// Ink the programs of this transaction consumed, entry costs excluded.
    pub ink_used: u64,
    /// Gas the programs of this transaction paid to start (memory footprint, cached and init
    /// gas), summed over every program call that got that far.
    pub entry_gas: u64,
    /// Logs, in emission order (empty unless the transaction succeeded).
    pub logs: Vec<Log>,
    /// Diagnostic: the last trap or hostio failure in this transaction (Nitro reports these only
    /// as an empty revert).
    pub trap: Option<String>,
}

impl Receipt {
    /// Whether the transaction succeeded.
    #[must_use]
    pub fn is_success(&self) -> bool {
        self.status == Status::Success
    }
}

/// Calldata gas: 4 per zero byte, 16 per other byte.
#[must_use]
pub fn calldata_gas(data: &[u8]) -> u64 {
    data.iter()
        .map(|b| {
            if *b == 0 {
                gas::TX_DATA_ZERO
            } else {
                gas::TX_DATA_NONZERO
            }
        })
        .sum()
}

/// The executor: a world of accounts plus activated programs.
#[derive(Debug)]
pub struct Vm {
    env: Option<Box<Env>>,
}

impl Default for Vm {
    fn default() -> Self {
        Self::new()
    }
}

impl Vm {
    /// A fresh world with a default block context.
    ///
    /// # Panics
    /// Never in practice: registering the fixed hostio table cannot collide.
    #[must_use]
    pub fn new() -> Self {
        let mut config = Config::default();
        config
            .wasm_multi_value(true)
            .wasm_bulk_memory(true)
            .wasm_sign_extension(true)
            .wasm_saturating_float_to_int(true)
            .wasm_mutable_global(true)
            .wasm_reference_types(true)
            .wasm_tail_call(false)
            .wasm_extended_const(false)
            .wasm_multi_memory(false)
            .wasm_wide_arithmetic(false)
            .wasm_custom_page_sizes(false)
            .set_max_recursion_depth(80_000)
            .set_max_stack_height(256 * 1024 * 1024);
        let engine = Engine::new(&config);
        let mut linker = Linker::new(&engine);
        // The hostio table has unique names, so this cannot fail.
        host::link(&mut linker).expect("hostio names are unique");
        Self {
            env: Some(Box::new(Env {
                state: State::default(),
                block: BlockEnv::default(),
                tx: TxEnv::default(),
                memory: MemoryModel::default(),
                entry: EntryParams::default(),
                engine,
                linker: Arc::new(linker),
                programs: HashMap::new(),
                cached: HashSet::new(),
                recent: Vec::new(),
                active: Vec::new(),
                depth: 0,
                ink_used: 0,
                entry_gas: 0,
                last_trap: None,
                arbos_version: instrument::DEFAULT_ARBOS_VERSION,
            })),
        }
    }

    fn env(&self) -> &Env {
        // `env` is only taken inside `transact`, which always puts it back.
        self.env.as_deref().expect("environment present")
    }

    fn env_mut(&mut self) -> &mut Env {
        self.env.as_deref_mut().expect("environment present")
    }

    /// The world state (balances, storage, code).
    #[must_use]
    pub fn state(&self) -> &State {
        &self.env().state
    }

    /// Mutable world state, for test setup between transactions.
    pub fn state_mut(&mut self) -> &mut State {
        &mut self.env_mut().state
    }

    /// The block context.
    #[must_use]
    pub fn block(&self) -> &BlockEnv {
        &self.env().block
    }

    /// Mutable block context (number, timestamp, chain id, ...).
    pub fn block_mut(&mut self) -> &mut BlockEnv {
        &mut self.env_mut().block
    }

    /// Sets the `ArbOS` version whose activation rules apply to programs activated from now on
    /// (default [`instrument::DEFAULT_ARBOS_VERSION`]; below 60, multi-value is allowed).
    pub fn set_arbos_version(&mut self, version: u64) {
        self.env_mut().arbos_version = version;
    }

    /// Validates and instruments `wasm` without deploying it.
    ///
    /// # Errors
    /// [`VmError::Activation`] if Nitro's activation would reject the module.
    pub fn activate(&mut self, wasm: &[u8]) -> Result<Activated, VmError> {
        let env = self.env_mut();
        let hash = env.activate(wasm)?;
        env.programs
            .get(&hash)
            .map(|p| p.info.clone())
            .ok_or_else(|| VmError::Activation(ActivationError("program cache miss".into())))
    }

    /// Activates `wasm` and installs it at `address` (no constructor runs; the module is
    /// considered activated, as after `ArbWasm.activateProgram`).
    ///
    /// # Errors
    /// [`VmError::Activation`] if Nitro's activation would reject the module.
    pub fn install(&mut self, address: Address, wasm: &[u8]) -> Result<(), VmError> {
        let env = self.env_mut();
        env.activate(wasm)?;
        env.state.set_code(address, Arc::from(wasm));
        // EIP-161: contract accounts start at nonce 1.
        if env.state.nonce(&address) == 0 {
            env.state.set_nonce(address, 1);
        }
        Ok(())
    }

    /// Deploys `wasm` at the CREATE address of `deployer` (bumping its nonce) and activates it.
    ///
    /// # Errors
    /// [`VmError::Activation`] if Nitro's activation would reject the module.
    pub fn deploy(&mut self, deployer: Address, wasm: &[u8]) -> Result<Address, VmError> {
        let env = self.env_mut();
        env.activate(wasm)?;
        let nonce = env.state.nonce(&deployer);
        let address = deployer.create(nonce);
        env.state.set_nonce(deployer, nonce.saturating_add(1));
        env.state.set_nonce(address, 1);
        env.state.set_code(address, Arc::from(wasm));
        Ok(address)
    }

    /// Marks the program at `address` as cached (`ArbWasmCache`): its calls skip the init cost.
    pub fn set_cached(&mut self, address: Address, cached: bool) {
        let env = self.env_mut();
        let hash = keccak256(env.state.code(&address));
        if cached {
            env.cached.insert(hash);
        } else {
            env.cached.remove(&hash);
        }
    }

    /// Executes a transaction: intrinsic gas, nonce, gas purchase, value, the call, refunds.
    /// State changes of a failed call are rolled back; its gas is still paid.
    ///
    /// # Errors
    /// [`VmError::InvalidTransaction`] if the gas limit is below the intrinsic gas or the sender
    /// cannot pay for the gas (nothing is executed then).
    pub fn transact(&mut self, tx: &Tx) -> Result<Receipt, VmError> {
        let gas_limit = if tx.gas_limit == 0 {
            30_000_000
        } else {
            tx.gas_limit
        };
        let intrinsic = gas::TX.saturating_add(calldata_gas(&tx.data));
        if gas_limit < intrinsic {
            return Err(VmError::InvalidTransaction(format!(
                "gas limit {gas_limit} below intrinsic gas {intrinsic}"
            )));
        }
        let Some(mut env) = self.env.take() else {
            return Err(VmError::InvalidTransaction("re-entered transact".into()));
        };
        env.state.begin_tx();
        env.recent.clear();
        let fee = U256::from(gas_limit).saturating_mul(tx.gas_price);
        if env.state.balance(&tx.from) < fee.saturating_add(tx.value) {
            self.env = Some(env);
            return Err(VmError::InvalidTransaction(
                "sender cannot pay for gas and value".into(),
            ));
        }
        env.state.debit(tx.from, fee);
        let nonce = env.state.nonce(&tx.from);
        env.state.put_nonce(tx.from, nonce.saturating_add(1));
        env.start(tx.from, tx.to, tx.gas_price);
        let msg = Message {
            caller: tx.from,
            address: tx.to,
            code_address: tx.to,
            value: tx.value,
            input: tx.data.clone(),
            is_static: false,
        };
        let (mut env, result) = call(env, msg, gas_limit - intrinsic, true);
        let used = gas_limit - result.gas_left;
        let refund = if result.status == Status::Success {
            env.state.refund().min(used / 5)
        } else {
            0
        };
        let gas_used = used - refund;
        let unused = U256::from(gas_limit - gas_used).saturating_mul(tx.gas_price);
        env.state.credit(tx.from, unused);
        let logs = env.state.take_logs();
        let receipt = env.finish(result, gas_used, refund, intrinsic, logs);
        self.env = Some(env);
        Ok(receipt)
    }

    /// Runs a read-only call (like `eth_call`): a static frame with 30,000,000 gas whose state
    /// changes, nonce and fees are all discarded. Writes fail as they do in a static context.
    ///
    /// # Errors
    /// Never today; the signature leaves room for the checks of [`Vm::transact`].
    pub fn static_call(
        &mut self,
        from: Address,
        to: Address,
        data: &[u8],
    ) -> Result<Receipt, VmError> {
        let Some(mut env) = self.env.take() else {
            return Err(VmError::InvalidTransaction("re-entered transact".into()));
        };
        env.state.begin_tx();
        env.recent.clear();
        let cp = env.state.checkpoint();
        env.start(from, to, U256::ZERO);
        let gas = 30_000_000;
        let intrinsic = gas::TX.saturating_add(calldata_gas(data));
        let msg = Message {
            caller: from,
            address: to,
            code_address: to,
            value: U256::ZERO,
            input: data.to_vec(),
            is_static: true,
        };
        let (mut env, result) = call(env, msg, gas, false);
        env.state.revert_to(cp);
        let gas_used = intrinsic.saturating_add(gas - result.gas_left);
        let receipt = env.finish(result, gas_used, 0, intrinsic, Vec::new());
        self.env = Some(env);
        Ok(receipt)
    }

    /// Shorthand: a transaction with default gas limit and price.
    ///
    /// # Errors
    /// As [`Vm::transact`].
    pub fn call(
        &mut self,
        from: Address,
        to: Address,
        data: &[u8],
        value: U256,
    ) -> Result<Receipt, VmError> {
        self.transact(&Tx {
            from,
            to,
            data: data.to_vec(),
            value,
            ..Tx::default()
        })
    }
}
