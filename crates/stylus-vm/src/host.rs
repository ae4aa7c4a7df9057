//! The `vm_hooks` hostios, with Nitro's semantics and ink charges
//! (`user-host-trait/lib.rs`, `arbutil/src/evm/req.rs`, `arbos/programs/api.go`).

use std::collections::HashMap;
use std::fmt;

use alloy_primitives::{keccak256, Address, B256, U256};
use wasmi::{errors::HostError, Caller, Error, Global, Linker, Memory, Val};

use crate::pricing::{
    gas, keccak_price, pow_price, read_price, write_price, ADD_MOD_INK, DIV_INK, EVM_API_INK,
    HOSTIO_INK, INK_PRICE, MUL_MOD_INK, PTR_INK,
};
use crate::state::Log;
use crate::vm::{CallKind, Env, Message};

/// Why a program stopped early.
#[derive(Debug)]
pub(crate) enum Escape {
    /// Ran out of ink in a hostio.
    OutOfInk,
    /// `exit_early(status)`.
    Exit(u32),
    /// Any other hostio failure (bad memory access, write in a static context, ...).
    Failure(String),
}

impl fmt::Display for Escape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OutOfInk => write!(f, "out of ink"),
            Self::Exit(s) => write!(f, "exit early with status {s}"),
            Self::Failure(m) => write!(f, "hostio failure: {m}"),
        }
    }
}

impl HostError for Escape {}

fn fail(msg: impl Into<String>) -> Error {
    Error::host(Escape::Failure(msg.into()))
}

#[derive(Debug)]
struct Slot {
    value: B256,
    known: Option<B256>,
}

/// Handles of the running instance.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Handles {
    pub(crate) memory: Memory,
    pub(crate) ink: Global,
    pub(crate) status: Global,
}

/// Per-call data a program's hostios see.
#[derive(Debug)]
pub(crate) struct Frame {
    pub(crate) msg: Message,
    pub(crate) reentrant: bool,
    pub(crate) outs: Vec<u8>,
    pub(crate) return_data: Vec<u8>,
    cache: HashMap<B256, Slot>,
    reads: usize,
    writes: usize,
    last_code: Option<(Address, std::sync::Arc<[u8]>)>,
    pub(crate) handles: Option<Handles>,
}

impl Frame {
    pub(crate) fn new(msg: Message, reentrant: bool) -> Self {
        Self {
            msg,
            reentrant,
            outs: Vec::new(),
            return_data: Vec::new(),
            cache: HashMap::new(),
            reads: 0,
            writes: 0,
            last_code: None,
            handles: None,
        }
    }
}

/// What a program's store holds: the executor's environment (moved in for the duration of the
/// call, lent to nested calls) and the frame.
#[derive(Debug)]
pub(crate) struct HostData {
    pub(crate) env: Option<Box<Env>>,
    pub(crate) frame: Frame,
}

type Ctx<'a> = Caller<'a, HostData>;

fn handles(c: &Ctx<'_>) -> Result<Handles, Error> {
    c.data()
        .frame
        .handles
        .ok_or_else(|| fail("instance not initialised"))
}

fn env<'a>(c: &'a mut Ctx<'_>) -> Result<&'a mut Env, Error> {
    c.data_mut()
        .env
        .as_deref_mut()
        .ok_or_else(|| fail("environment lent out"))
}

fn out_of_ink(c: &mut Ctx<'_>) -> Error {
    if let Ok(h) = handles(c) {
        let _ = h.ink.set(&mut *c, Val::I64(0));
        let _ = h.status.set(&mut *c, Val::I32(1));
    }
    Error::host(Escape::OutOfInk)
}

#[allow(clippy::cast_sign_loss)]
fn ink_ready(c: &mut Ctx<'_>) -> Result<u64, Error> {
    let h = handles(c)?;
    let status = matches!(h.status.get(&*c), Val::I32(s) if s != 0);
    if status {
        return Err(out_of_ink(c));
    }
    match h.ink.get(&*c) {
        Val::I64(ink) => Ok(ink as u64),
        _ => Err(fail("ink global has the wrong type")),
    }
}

static TRACE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Turns the gas trace on or off (process-wide): while on, every program entry and exit, cold or
/// warm `SLOAD`, `SSTORE` at flush, call, account access and log is printed to stderr with its
/// gas, for breaking a transaction's cost down.
pub fn set_trace(on: bool) {
    TRACE.store(on, std::sync::atomic::Ordering::Relaxed);
}

pub(crate) fn tr(msg: std::fmt::Arguments<'_>) {
    if TRACE.load(std::sync::atomic::Ordering::Relaxed) {
        #[allow(clippy::print_stderr)] // the trace's purpose
        {
            eprintln!("{msg}");
        }
    }
}

#[allow(clippy::cast_possible_wrap)]
fn buy_ink(c: &mut Ctx<'_>, ink: u64) -> Result<(), Error> {
    let left = ink_ready(c)?;
    if left < ink {
        return Err(out_of_ink(c));
    }
    let h = handles(c)?;
    h.ink
        .set(&mut *c, Val::I64((left - ink) as i64))
        .map_err(|e| fail(e.to_string()))
}

fn require_ink(c: &mut Ctx<'_>, ink: u64) -> Result<(), Error> {
    if ink_ready(c)? < ink {
        return Err(out_of_ink(c));
    }
    Ok(())
}

fn gas_left(c: &mut Ctx<'_>) -> Result<u64, Error> {
    Ok(ink_ready(c)? / INK_PRICE)
}

fn buy_gas(c: &mut Ctx<'_>, gas: u64) -> Result<(), Error> {
    buy_ink(c, gas.saturating_mul(INK_PRICE))
}

fn require_gas(c: &mut Ctx<'_>, gas: u64) -> Result<(), Error> {
    require_ink(c, gas.saturating_mul(INK_PRICE))
}

fn read(c: &Ctx<'_>, ptr: u32, len: u32) -> Result<Vec<u8>, Error> {
    let h = handles(c)?;
    let mem = h.memory.data(c);
    let start = ptr as usize;
    let end = start
        .checked_add(len as usize)
        .ok_or_else(|| fail("memory access out of bounds"))?;
    mem.get(start..end)
        .map(<[u8]>::to_vec)
        .ok_or_else(|| fail("memory access out of bounds"))
}

fn read_fixed<const N: usize>(c: &Ctx<'_>, ptr: u32) -> Result<[u8; N], Error> {
    let v = read(c, ptr, u32::try_from(N).unwrap_or(u32::MAX))?;
    v.try_into()
        .map_err(|_| fail("memory access out of bounds"))
}

fn read_b256(c: &Ctx<'_>, ptr: u32) -> Result<B256, Error> {
    read_fixed::<32>(c, ptr).map(B256::from)
}

fn read_address(c: &Ctx<'_>, ptr: u32) -> Result<Address, Error> {
    read_fixed::<20>(c, ptr).map(Address::from)
}

fn write(c: &mut Ctx<'_>, ptr: u32, src: &[u8]) -> Result<(), Error> {
    let h = handles(c)?;
    let mem = h.memory.data_mut(&mut *c);
    let start = ptr as usize;
    let end = start
        .checked_add(src.len())
        .ok_or_else(|| fail("memory access out of bounds"))?;
    mem.get_mut(start..end)
        .ok_or_else(|| fail("memory access out of bounds"))?
        .copy_from_slice(src);
    Ok(())
}

fn len32(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

fn slice_with_runoff(data: &[u8], offset: u32, size: u32) -> &[u8] {
    let start = (offset as usize).min(data.len());
    let end = (offset.saturating_add(size) as usize).min(data.len());
    data.get(start..end).unwrap_or_default()
}

/// EIP-2929 account touch (`WasmAccountTouchCost`).
fn touch_cost(env: &mut Env, address: Address, with_code: bool) -> u64 {
    let base = if with_code { gas::EXTCODE_EXTRA } else { 0 };
    let cost = if env.state.warm_account(address) {
        base + gas::COLD_ACCOUNT
    } else {
        base + gas::WARM_READ
    };
    tr(format_args!("  ACCOUNT {address} cost {cost}"));
    cost
}

fn storage_load_bytes32(mut c: Ctx<'_>, key: u32, dest: u32) -> Result<(), Error> {
    buy_ink(&mut c, HOSTIO_INK + 2 * PTR_INK)?;
    let evm_api_gas = EVM_API_INK / INK_PRICE;
    require_gas(
        &mut c,
        gas::COLD_SLOAD + gas::CACHE_REQUIRED_ACCESS + evm_api_gas,
    )?;
    let key = read_b256(&c, key)?;
    let frame = &mut c.data_mut().frame;
    frame.reads += 1;
    let mut cost = match frame.reads {
        0..=32 => 0,
        33..=128 => 2,
        _ => 10,
    };
    let cached = frame.cache.get(&key).map(|s| s.value);
    let value = if let Some(v) = cached {
        v
    } else {
        let address = c.data().frame.msg.address;
        let env = env(&mut c)?;
        let sload = if env.state.warm_slot(address, key) {
            gas::COLD_SLOAD
        } else {
            gas::WARM_READ
        };
        let v = env.state.storage(&address, &key);
        cost += sload + evm_api_gas;
        tr(format_args!(
            "  SLOAD {key} -> {v} cost {}",
            sload + evm_api_gas
        ));
        c.data_mut().frame.cache.insert(
            key,
            Slot {
                value: v,
                known: Some(v),
            },
        );
        v
    };
    buy_gas(&mut c, cost)?;
    write(&mut c, dest, value.as_slice())
}

fn storage_cache_bytes32(mut c: Ctx<'_>, key: u32, value: u32) -> Result<(), Error> {
    buy_ink(&mut c, HOSTIO_INK + 2 * PTR_INK)?;
    require_gas(&mut c, gas::SSTORE_SENTRY + gas::CACHE_REQUIRED_ACCESS)?;
    let key = read_b256(&c, key)?;
    let value = read_b256(&c, value)?;
    let frame = &mut c.data_mut().frame;
    frame.writes += 1;
    let cost = match frame.writes {
        0..=8 => 0,
        9..=64 => 7,
        _ => 10,
    };
    frame
        .cache
        .entry(key)
        .and_modify(|s| s.value = value)
        .or_insert(Slot { value, known: None });
    buy_gas(&mut c, cost)
}

fn storage_flush_cache(mut c: Ctx<'_>, clear: u32) -> Result<(), Error> {
    buy_ink(&mut c, HOSTIO_INK + EVM_API_INK)?;
    require_gas(&mut c, gas::SSTORE_SENTRY)?;
    let budget = gas_left(&mut c)?.saturating_add(1);
    let frame = &mut c.data_mut().frame;
    let mut dirty = Vec::new();
    for (key, slot) in &mut frame.cache {
        if Some(slot.value) != slot.known {
            dirty.push((*key, slot.value));
            slot.known = Some(slot.value);
        }
    }
    if clear != 0 {
        frame.cache.clear();
    }
    if dirty.is_empty() {
        return Ok(());
    }
    let address = frame.msg.address;
    let is_static = frame.msg.is_static;
    let env = env(&mut c)?;
    let mut left = budget;
    let mut protected = false;
    let mut out_of_gas = false;
    for (key, value) in dirty {
        if is_static {
            protected = true;
            break;
        }
        let cost = env.state.sstore(address, key, value);
        tr(format_args!("  SSTORE {key} = {value} cost {cost}"));
        if cost > left {
            left = 0;
            out_of_gas = true;
            break;
        }
        left -= cost;
    }
    if !protected && left == 0 {
        out_of_gas = true;
    }
    buy_gas(&mut c, budget - left)?;
    if protected {
        return Err(fail("write protection"));
    }
    if out_of_gas {
        return Err(fail("storage flush out of gas"));
    }
    Ok(())
}

fn transient_load_bytes32(mut c: Ctx<'_>, key: u32, dest: u32) -> Result<(), Error> {
    buy_ink(&mut c, HOSTIO_INK + 2 * PTR_INK + EVM_API_INK)?;
    buy_gas(&mut c, gas::WARM_READ)?;
    let key = read_b256(&c, key)?;
    let address = c.data().frame.msg.address;
    let value = env(&mut c)?.state.transient(&address, &key);
    write(&mut c, dest, value.as_slice())
}

fn transient_store_bytes32(mut c: Ctx<'_>, key: u32, value: u32) -> Result<(), Error> {
    buy_ink(&mut c, HOSTIO_INK + 2 * PTR_INK + EVM_API_INK)?;
    buy_gas(&mut c, gas::WARM_READ)?;
    let key = read_b256(&c, key)?;
    let value = read_b256(&c, value)?;
    if c.data().frame.msg.is_static {
        return Err(fail("write protection"));
    }
    let address = c.data().frame.msg.address;
    env(&mut c)?.state.put_transient(address, key, value);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn do_call(
    c: &mut Ctx<'_>,
    kind: CallKind,
    contract: u32,
    data: u32,
    data_len: u32,
    value: Option<u32>,
    gas: u64,
    ret_len: u32,
) -> Result<u32, Error> {
    buy_ink(c, HOSTIO_INK + 3 * PTR_INK + EVM_API_INK)?;
    buy_ink(c, read_price(data_len))?;
    buy_ink(c, read_price(data_len))?;
    let gas_left = gas_left(c)?;
    let gas_req = gas.min(gas_left);
    let contract = read_address(c, contract)?;
    let input = read(c, data, data_len)?;
    let value = match value {
        Some(ptr) => U256::from_be_bytes(read_fixed::<32>(c, ptr)?),
        None => U256::ZERO,
    };
    let parent = c.data().frame.msg.clone();
    let Some(env) = c.data_mut().env.take() else {
        return Err(fail("environment lent out"));
    };
    let (env, outcome) = crate::vm::program_call(
        env, &parent, kind, contract, input, value, gas_left, gas_req,
    );
    c.data_mut().env = Some(env);
    buy_gas(c, outcome.cost)?;
    tr(format_args!(
        "  CALL {contract} total cost {} (incl. callee)",
        outcome.cost
    ));
    let outs_len = len32(outcome.data.len());
    c.data_mut().frame.return_data = outcome.data;
    write(c, ret_len, &outs_len.to_le_bytes())?;
    Ok(if outcome.success { 0 } else { 2 })
}

fn create(
    c: &mut Ctx<'_>,
    code: u32,
    code_len: u32,
    endowment: u32,
    salt: Option<u32>,
    contract: u32,
    revert_len: u32,
) -> Result<(), Error> {
    let ptrs = if salt.is_some() { 4 } else { 3 };
    buy_ink(c, HOSTIO_INK + ptrs * PTR_INK + EVM_API_INK)?;
    buy_ink(c, read_price(code_len))?;
    buy_ink(c, read_price(code_len))?;
    let code = read(c, code, code_len)?;
    let endowment = U256::from_be_bytes(read_fixed::<32>(c, endowment)?);
    let salt = match salt {
        Some(ptr) => Some(read_b256(c, ptr)?),
        None => None,
    };
    let gas = gas_left(c)?;
    let parent = c.data().frame.msg.clone();
    let Some(env) = c.data_mut().env.take() else {
        return Err(fail("environment lent out"));
    };
    let (env, result) = crate::vm::program_create(env, &parent, code, endowment, salt, gas);
    c.data_mut().env = Some(env);
    let (address, data, cost) = result.map_err(fail)?;
    buy_gas(c, cost)?;
    let len = len32(data.len());
    c.data_mut().frame.return_data = data;
    write(c, revert_len, &len.to_le_bytes())?;
    write(c, contract, address.as_slice())
}

fn read_return_data(mut c: Ctx<'_>, dest: u32, offset: u32, size: u32) -> Result<u32, Error> {
    buy_ink(&mut c, HOSTIO_INK + EVM_API_INK)?;
    let len = len32(c.data().frame.return_data.len());
    let max = len.saturating_sub(offset);
    buy_ink(&mut c, write_price(size.min(max)))?;
    let out = slice_with_runoff(&c.data().frame.return_data, offset, size).to_vec();
    if !out.is_empty() {
        write(&mut c, dest, &out)?;
    }
    Ok(len32(out.len()))
}

fn emit_log(mut c: Ctx<'_>, data: u32, len: u32, topics: u32) -> Result<(), Error> {
    buy_ink(&mut c, HOSTIO_INK + EVM_API_INK)?;
    if topics > 4 || len < topics * 32 {
        return Err(fail("bad topic data"));
    }
    buy_ink(&mut c, read_price(len))?;
    let data_bytes = u64::from(len - topics * 32);
    tr(format_args!(
        "  LOG{topics} {data_bytes} B cost {}",
        (1 + u64::from(topics)) * gas::LOG_TOPIC + data_bytes * gas::LOG_DATA
    ));
    buy_gas(
        &mut c,
        (1 + u64::from(topics)) * gas::LOG_TOPIC + data_bytes * gas::LOG_DATA,
    )?;
    let bytes = read(&c, data, len)?;
    if c.data().frame.msg.is_static {
        return Err(fail("write protection"));
    }
    // `len >= topics * 32` was checked above and `bytes` has exactly `len` bytes.
    let split = topics as usize * 32;
    let log = Log {
        address: c.data().frame.msg.address,
        topics: bytes[..split].chunks(32).map(B256::from_slice).collect(),
        data: bytes[split..].to_vec(),
    };
    env(&mut c)?.state.push_log(log);
    Ok(())
}

fn account_code_common(c: &mut Ctx<'_>, address: u32) -> Result<std::sync::Arc<[u8]>, Error> {
    buy_ink(c, HOSTIO_INK + EVM_API_INK)?;
    require_gas(c, gas::COLD_ACCOUNT)?;
    let address = read_address(c, address)?;
    let gas = gas_left(c)?;
    if let Some((last, code)) = &c.data().frame.last_code {
        if *last == address {
            return Ok(code.clone());
        }
    }
    let env = env(c)?;
    let cost = touch_cost(env, address, true);
    let code = if gas < cost {
        std::sync::Arc::from(&[][..])
    } else {
        env.state.code(&address)
    };
    if !code.is_empty() {
        c.data_mut().frame.last_code = Some((address, code.clone()));
    }
    buy_gas(c, cost)?;
    Ok(code)
}

fn account_code(
    mut c: Ctx<'_>,
    address: u32,
    offset: u32,
    size: u32,
    dest: u32,
) -> Result<u32, Error> {
    let code = account_code_common(&mut c, address)?;
    buy_ink(&mut c, write_price(len32(code.len())))?;
    let out = slice_with_runoff(&code, offset, size);
    write(&mut c, dest, out)?;
    Ok(len32(out.len()))
}

#[allow(clippy::many_single_char_names)]
fn math2(
    c: &mut Ctx<'_>,
    ink: u64,
    a: u32,
    b: u32,
    f: impl Fn(U256, U256) -> U256,
) -> Result<(), Error> {
    buy_ink(c, ink)?;
    let x = U256::from_be_bytes(read_fixed::<32>(c, a)?);
    let y = U256::from_be_bytes(read_fixed::<32>(c, b)?);
    write(c, a, &f(x, y).to_be_bytes::<32>())
}

#[allow(clippy::many_single_char_names)]
fn math3(
    c: &mut Ctx<'_>,
    ink: u64,
    ptrs: [u32; 3],
    f: impl Fn(U256, U256, U256) -> U256,
) -> Result<(), Error> {
    buy_ink(c, ink)?;
    let x = U256::from_be_bytes(read_fixed::<32>(c, ptrs[0])?);
    let y = U256::from_be_bytes(read_fixed::<32>(c, ptrs[1])?);
    let z = U256::from_be_bytes(read_fixed::<32>(c, ptrs[2])?);
    write(c, ptrs[0], &f(x, y, z).to_be_bytes::<32>())
}

fn write_env<const N: usize>(
    c: &mut Ctx<'_>,
    ptr: u32,
    get: impl Fn(&HostData) -> Result<[u8; N], Error>,
) -> Result<(), Error> {
    buy_ink(c, HOSTIO_INK + PTR_INK)?;
    let bytes = get(c.data())?;
    write(c, ptr, &bytes)
}

fn block<T>(d: &HostData, f: impl Fn(&Env) -> T) -> Result<T, Error> {
    d.env
        .as_deref()
        .map(f)
        .ok_or_else(|| fail("environment lent out"))
}

/// Registers every hostio on `linker`.
///
/// # Errors
/// Only if a name is registered twice (a bug here).
#[allow(clippy::too_many_lines)]
pub(crate) fn link(linker: &mut Linker<HostData>) -> Result<(), Error> {
    const M: &str = "vm_hooks";
    linker.func_wrap(M, "read_args", |mut c: Ctx<'_>, ptr: u32| {
        buy_ink(&mut c, HOSTIO_INK)?;
        let args = c.data().frame.msg.input.clone();
        buy_ink(&mut c, write_price(len32(args.len())))?;
        write(&mut c, ptr, &args)
    })?;
    linker.func_wrap(M, "write_result", |mut c: Ctx<'_>, ptr: u32, len: u32| {
        buy_ink(&mut c, HOSTIO_INK)?;
        buy_ink(&mut c, read_price(len))?;
        buy_ink(&mut c, read_price(len))?;
        let outs = read(&c, ptr, len)?;
        c.data_mut().frame.outs = outs;
        Ok(())
    })?;
    linker.func_wrap(
        M,
        "exit_early",
        |_: Ctx<'_>, status: u32| -> Result<(), Error> { Err(Error::host(Escape::Exit(status))) },
    )?;
    linker.func_wrap(M, "storage_load_bytes32", storage_load_bytes32)?;
    linker.func_wrap(M, "storage_cache_bytes32", storage_cache_bytes32)?;
    linker.func_wrap(M, "storage_flush_cache", storage_flush_cache)?;
    linker.func_wrap(M, "transient_load_bytes32", transient_load_bytes32)?;
    linker.func_wrap(M, "transient_store_bytes32", transient_store_bytes32)?;
    linker.func_wrap(
        M,
        "call_contract",
        |mut c: Ctx<'_>, to: u32, data: u32, len: u32, value: u32, gas: u64, ret: u32| {
            do_call(&mut c, CallKind::Call, to, data, len, Some(value), gas, ret)
        },
    )?;
    linker.func_wrap(
        M,
        "delegate_call_contract",
        |mut c: Ctx<'_>, to: u32, data: u32, len: u32, gas: u64, ret: u32| {
            do_call(&mut c, CallKind::Delegate, to, data, len, None, gas, ret)
        },
    )?;
    linker.func_wrap(
        M,
        "static_call_contract",
        |mut c: Ctx<'_>, to: u32, data: u32, len: u32, gas: u64, ret: u32| {
            do_call(&mut c, CallKind::Static, to, data, len, None, gas, ret)
        },
    )?;
    linker.func_wrap(
        M,
        "create1",
        |mut c: Ctx<'_>, code: u32, len: u32, endowment: u32, contract: u32, rlen: u32| {
            create(&mut c, code, len, endowment, None, contract, rlen)
        },
    )?;
    linker.func_wrap(
        M,
        "create2",
        |mut c: Ctx<'_>, code: u32, len: u32, endow: u32, salt: u32, contract: u32, rlen: u32| {
            create(&mut c, code, len, endow, Some(salt), contract, rlen)
        },
    )?;
    linker.func_wrap(M, "read_return_data", read_return_data)?;
    linker.func_wrap(M, "return_data_size", |mut c: Ctx<'_>| {
        buy_ink(&mut c, HOSTIO_INK)?;
        Ok(len32(c.data().frame.return_data.len()))
    })?;
    linker.func_wrap(M, "emit_log", emit_log)?;
    linker.func_wrap(
        M,
        "account_balance",
        |mut c: Ctx<'_>, addr: u32, dest: u32| {
            buy_ink(&mut c, HOSTIO_INK + 2 * PTR_INK + EVM_API_INK)?;
            require_gas(&mut c, gas::COLD_ACCOUNT)?;
            let address = read_address(&c, addr)?;
            let env = env(&mut c)?;
            let cost = touch_cost(env, address, false);
            let balance = env.state.balance(&address);
            buy_gas(&mut c, cost)?;
            write(&mut c, dest, &balance.to_be_bytes::<32>())
        },
    )?;
    linker.func_wrap(M, "account_code", account_code)?;
    linker.func_wrap(M, "account_code_size", |mut c: Ctx<'_>, addr: u32| {
        let code = account_code_common(&mut c, addr)?;
        Ok(len32(code.len()))
    })?;
    linker.func_wrap(
        M,
        "account_codehash",
        |mut c: Ctx<'_>, addr: u32, dest: u32| {
            buy_ink(&mut c, HOSTIO_INK + 2 * PTR_INK + EVM_API_INK)?;
            require_gas(&mut c, gas::COLD_ACCOUNT)?;
            let address = read_address(&c, addr)?;
            let env = env(&mut c)?;
            let cost = touch_cost(env, address, false);
            // StateDB.GetCodeHash: zero for a missing account, keccak(code) otherwise.
            let hash = env
                .state
                .account(&address)
                .map_or(B256::ZERO, |a| keccak256(&a.code));
            buy_gas(&mut c, cost)?;
            write(&mut c, dest, hash.as_slice())
        },
    )?;
    linker.func_wrap(M, "evm_gas_left", |mut c: Ctx<'_>| {
        buy_ink(&mut c, HOSTIO_INK)?;
        gas_left(&mut c)
    })?;
    linker.func_wrap(M, "evm_ink_left", |mut c: Ctx<'_>| {
        buy_ink(&mut c, HOSTIO_INK)?;
        ink_ready(&mut c)
    })?;
    linker.func_wrap(M, "block_basefee", |mut c: Ctx<'_>, ptr: u32| {
        write_env(&mut c, ptr, |d| {
            block(d, |e| e.block.basefee.to_be_bytes::<32>())
        })
    })?;
    linker.func_wrap(M, "block_coinbase", |mut c: Ctx<'_>, ptr: u32| {
        write_env(&mut c, ptr, |d| block(d, |e| e.block.coinbase.into_array()))
    })?;
    linker.func_wrap(M, "block_gas_limit", |mut c: Ctx<'_>| {
        buy_ink(&mut c, HOSTIO_INK)?;
        block(c.data(), |e| e.block.gas_limit)
    })?;
    linker.func_wrap(M, "block_number", |mut c: Ctx<'_>| {
        buy_ink(&mut c, HOSTIO_INK)?;
        block(c.data(), |e| e.block.number)
    })?;
    linker.func_wrap(M, "block_timestamp", |mut c: Ctx<'_>| {
        buy_ink(&mut c, HOSTIO_INK)?;
        block(c.data(), |e| e.block.timestamp)
    })?;
    linker.func_wrap(M, "chainid", |mut c: Ctx<'_>| {
        buy_ink(&mut c, HOSTIO_INK)?;
        block(c.data(), |e| e.block.chain_id)
    })?;
    linker.func_wrap(M, "contract_address", |mut c: Ctx<'_>, ptr: u32| {
        write_env(&mut c, ptr, |d| Ok(d.frame.msg.address.into_array()))
    })?;
    linker.func_wrap(M, "math_div", |mut c: Ctx<'_>, a: u32, b: u32| {
        math2(&mut c, HOSTIO_INK + 3 * PTR_INK + DIV_INK, a, b, |x, y| {
            x.checked_div(y).unwrap_or_default()
        })
    })?;
    linker.func_wrap(M, "math_mod", |mut c: Ctx<'_>, a: u32, b: u32| {
        math2(&mut c, HOSTIO_INK + 3 * PTR_INK + DIV_INK, a, b, |x, y| {
            x.checked_rem(y).unwrap_or_default()
        })
    })?;
    linker.func_wrap(M, "math_pow", |mut c: Ctx<'_>, a: u32, b: u32| {
        buy_ink(&mut c, HOSTIO_INK + 3 * PTR_INK)?;
        let x = U256::from_be_bytes(read_fixed::<32>(&c, a)?);
        let e = read_fixed::<32>(&c, b)?;
        buy_ink(&mut c, pow_price(&e))?;
        let r = x.wrapping_pow(U256::from_be_bytes(e));
        write(&mut c, a, &r.to_be_bytes::<32>())
    })?;
    linker.func_wrap(
        M,
        "math_add_mod",
        |mut c: Ctx<'_>, a: u32, b: u32, m: u32| {
            math3(
                &mut c,
                HOSTIO_INK + 4 * PTR_INK + ADD_MOD_INK,
                [a, b, m],
                U256::add_mod,
            )
        },
    )?;
    linker.func_wrap(
        M,
        "math_mul_mod",
        |mut c: Ctx<'_>, a: u32, b: u32, m: u32| {
            math3(
                &mut c,
                HOSTIO_INK + 4 * PTR_INK + MUL_MOD_INK,
                [a, b, m],
                U256::mul_mod,
            )
        },
    )?;
    linker.func_wrap(M, "msg_reentrant", |mut c: Ctx<'_>| {
        buy_ink(&mut c, HOSTIO_INK)?;
        Ok(u32::from(c.data().frame.reentrant))
    })?;
    linker.func_wrap(M, "msg_sender", |mut c: Ctx<'_>, ptr: u32| {
        write_env(&mut c, ptr, |d| Ok(d.frame.msg.caller.into_array()))
    })?;
    linker.func_wrap(M, "msg_value", |mut c: Ctx<'_>, ptr: u32| {
        write_env(&mut c, ptr, |d| Ok(d.frame.msg.value.to_be_bytes::<32>()))
    })?;
    linker.func_wrap(M, "tx_gas_price", |mut c: Ctx<'_>, ptr: u32| {
        write_env(&mut c, ptr, |d| {
            block(d, |e| e.tx.gas_price.to_be_bytes::<32>())
        })
    })?;
    linker.func_wrap(M, "tx_ink_price", |mut c: Ctx<'_>| {
        buy_ink(&mut c, HOSTIO_INK)?;
        Ok(u32::try_from(INK_PRICE).unwrap_or(u32::MAX))
    })?;
    linker.func_wrap(M, "tx_origin", |mut c: Ctx<'_>, ptr: u32| {
        write_env(&mut c, ptr, |d| block(d, |e| e.tx.origin.into_array()))
    })?;
    linker.func_wrap(M, "pay_for_memory_grow", |mut c: Ctx<'_>, pages: u32| {
        // The hostio takes a u16; wasmer truncates the i32 the same way.
        #[allow(clippy::cast_possible_truncation)]
        let pages = pages as u16;
        if pages == 0 {
            buy_ink(&mut c, HOSTIO_INK)?;
        }
        let env = env(&mut c)?;
        let (open, ever) = env.state.pages;
        let cost = env.memory.gas_cost(pages, open, ever);
        let new_open = open.saturating_add(pages);
        env.state.pages = (new_open, ever.max(new_open));
        buy_gas(&mut c, cost)
    })?;
    linker.func_wrap(
        M,
        "native_keccak256",
        |mut c: Ctx<'_>, input: u32, len: u32, out: u32| {
            buy_ink(&mut c, keccak_price(len))?;
            let data = read(&c, input, len)?;
            write(&mut c, out, keccak256(data).as_slice())
        },
    )?;
    Ok(())
}
