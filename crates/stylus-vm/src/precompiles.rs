//! Ethereum precompiles 0x01–0x09 at Cancun prices, from `revm-precompile` (pure-Rust backends:
//! k256, sha2, ripemd, substrate-bn, aurora-engine-modexp). Arbitrum's own precompiles (0x64+)
//! are not modelled.

use alloy_primitives::{Address, Bytes};
use revm_precompile::{Precompile, PrecompileErrors, Precompiles};

use crate::vm::{FrameResult, Status};

/// Addresses of the precompiles this executor runs (warm from the start of every transaction).
pub(crate) const ADDRESSES: [Address; 9] = {
    let mut out = [Address::ZERO; 9];
    let mut i = 0;
    while i < 9 {
        let mut bytes = [0u8; 20];
        #[allow(clippy::cast_possible_truncation)]
        {
            bytes[19] = (i + 1) as u8;
        }
        out[i] = Address::new(bytes);
        i += 1;
    }
    out
};

pub(crate) fn get(address: &Address) -> Option<Precompile> {
    if !ADDRESSES.contains(address) {
        return None;
    }
    Precompiles::cancun().get(address).cloned()
}

/// Runs a precompile with `gas`; a failure (bad input, too little gas) consumes all of it.
pub(crate) fn run(p: &Precompile, input: &[u8], gas: u64) -> FrameResult {
    let input = Bytes::copy_from_slice(input);
    let result = match p {
        Precompile::Standard(f) => f(&input, gas),
        _ => Err(PrecompileErrors::Fatal {
            msg: "unsupported precompile kind".into(),
        }),
    };
    match result {
        Ok(out) => FrameResult {
            status: Status::Success,
            data: out.bytes.to_vec(),
            gas_left: gas.saturating_sub(out.gas_used),
        },
        Err(e) => FrameResult {
            status: Status::Halt(format!("precompile failed: {e:?}")),
            data: Vec::new(),
            gas_left: 0,
        },
    }
}
