//! Compression into deployable contract code, and the size verdicts.
//!
//! A classic Stylus contract is `EF F0 00` (Stylus EOF discriminant, version 0), one dictionary
//! byte (`0x00` = no dictionary, `0x01` = Nitro's built-in Stylus dictionary), then the brotli
//! stream (go-ethereum `core/state/statedb_arbitrum.go`, Nitro `getStylusCompressionDict`).
//! We compress as cargo-stylus does: brotli quality 11, window 22, no dictionary.
//!
//! From `ArbOS` 60 a module too big for one contract can be deployed as fragments
//! (`EF F0 01` + a slice of the brotli stream, each a contract of its own) joined by a root
//! contract `EF F0 02`, dictionary byte, big-endian u32 decompressed length, then the fragments'
//! 20-byte addresses; at most `MaxFragmentCount` = 2 fragments, and the decompressed module
//! still ≤ `MaxWasmSize` (Nitro `getWasmFromRootStylus`).

use std::fmt;
use std::io::{Read, Write};

use crate::rules::{Rules, ARBOS_CONTRACT_LIMIT};
use crate::Error;

/// Stylus EOF discriminant of a classic contract (`StylusDiscriminant`).
pub const CLASSIC_DISCRIMINANT: [u8; 3] = [0xEF, 0xF0, 0x00];
/// Stylus EOF discriminant of a fragment (`StylusFragmentsDiscriminant`).
pub const FRAGMENT_DISCRIMINANT: [u8; 3] = [0xEF, 0xF0, 0x01];
/// Stylus EOF discriminant of a root contract (`StylusRootDiscriminant`).
pub const ROOT_DISCRIMINANT: [u8; 3] = [0xEF, 0xF0, 0x02];
/// Dictionary byte for "no dictionary" (Nitro `arbcompress.EmptyDictionary`).
pub const DICTIONARY_NONE: u8 = 0x00;
/// Bytes before the brotli stream in a classic contract.
pub const CLASSIC_PREFIX_LEN: usize = CLASSIC_DISCRIMINANT.len() + 1;
/// brotli quality used by cargo-stylus (`BROTLI_COMPRESSION_LEVEL`).
pub const BROTLI_QUALITY: u32 = 11;
/// brotli window (log2) used by cargo-stylus (the brotli default, 22).
pub const BROTLI_WINDOW: u32 = 22;

/// Compresses `wasm` into deployable classic contract code: `EF F0 00 00` + brotli(wasm).
#[must_use]
pub fn compress(wasm: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(wasm.len() / 2 + CLASSIC_PREFIX_LEN);
    out.extend_from_slice(&CLASSIC_DISCRIMINANT);
    out.push(DICTIONARY_NONE);
    {
        let mut writer =
            brotli::CompressorWriter::new(&mut out, 4096, BROTLI_QUALITY, BROTLI_WINDOW);
        // Writing into a Vec cannot fail.
        let _ = writer.write_all(wasm);
        let _ = writer.flush();
    }
    out
}

/// Undoes [`compress`]: checks the classic prefix and decompresses, refusing output larger than
/// `max_len` (as Nitro's `DecompressWithDictionary` does with `MaxWasmSize`).
///
/// # Errors
/// [`Error::Decompress`] on a wrong prefix, an unsupported dictionary byte, a broken brotli
/// stream, or output longer than `max_len`.
pub fn decompress(code: &[u8], max_len: usize) -> Result<Vec<u8>, Error> {
    let Some(stream) = code.strip_prefix(&CLASSIC_DISCRIMINANT) else {
        return Err(Error::Decompress(
            "not a classic Stylus contract (EF F0 00)".to_owned(),
        ));
    };
    match stream.split_first() {
        Some((&DICTIONARY_NONE, stream)) => {
            let mut out = Vec::new();
            let limit = u64::try_from(max_len).unwrap_or(u64::MAX).saturating_add(1);
            brotli::Decompressor::new(stream, 4096)
                .take(limit)
                .read_to_end(&mut out)
                .map_err(|e| Error::Decompress(e.to_string()))?;
            if out.len() > max_len {
                return Err(Error::Decompress(format!(
                    "decompresses to more than {max_len} bytes"
                )));
            }
            Ok(out)
        }
        Some((dict, _)) => Err(Error::Decompress(format!(
            "dictionary byte {dict:#04x} is not supported here"
        ))),
        None => Err(Error::Decompress("no dictionary byte".to_owned())),
    }
}

/// Whether and how a module can be deployed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Fits one classic contract.
    Ok,
    /// Too big for one contract, deployable as a root contract joining this many fragments.
    OkAsRootContract {
        /// Fragments needed.
        fragments: usize,
    },
    /// Cannot be deployed; says why, with the numbers.
    Fail(String),
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Ok => f.write_str("OK"),
            Self::OkAsRootContract { fragments } => {
                write!(f, "OK-as-root-contract({fragments} fragments)")
            }
            Self::Fail(why) => write!(f, "FAIL: {why}"),
        }
    }
}

/// The size numbers of a module and its deployable code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SizeReport {
    /// Bytes of the (re-encoded) module.
    pub raw: usize,
    /// Bytes of the classic contract code, prefix included.
    pub compressed: usize,
    /// Does the classic contract fit `max_code_size`?
    pub classic_fits: bool,
    /// Does the module fit `max_wasm_size` once decompressed?
    pub decompressed_fits: bool,
    /// Fragments a root contract would need when the classic contract does not fit.
    pub fragments_needed: Option<usize>,
    /// The verdict.
    pub verdict: Verdict,
}

/// Judges a module of `raw` bytes whose classic contract code is `compressed` bytes (prefix
/// included) against `rules`.
#[must_use]
pub fn size_verdict(raw: usize, compressed: usize, rules: &Rules) -> SizeReport {
    let classic_fits = compressed <= rules.max_code_size;
    let decompressed_fits = raw <= rules.max_wasm_size;
    // Fragments carry the brotli stream alone, each behind its 3-byte discriminant.
    let stream = compressed.saturating_sub(CLASSIC_PREFIX_LEN);
    let chunk = rules
        .max_code_size
        .saturating_sub(FRAGMENT_DISCRIMINANT.len())
        .max(1);
    let fragments_needed = (!classic_fits).then(|| stream.div_ceil(chunk));
    let verdict = if !decompressed_fits {
        Verdict::Fail(format!(
            "module is {raw} bytes, more than the {} decompressed limit",
            rules.max_wasm_size
        ))
    } else if classic_fits {
        Verdict::Ok
    } else {
        let n = fragments_needed.unwrap_or(0);
        let over = format!(
            "compressed {compressed} bytes > {} contract limit",
            rules.max_code_size
        );
        if n > rules.max_fragments {
            Verdict::Fail(format!(
                "{over}; would need {n} fragments, at most {} allowed",
                rules.max_fragments
            ))
        } else if rules.arbos_version < ARBOS_CONTRACT_LIMIT {
            Verdict::Fail(format!(
                "{over}; would need {n} fragments, but root contracts need ArbOS {ARBOS_CONTRACT_LIMIT} (target is {})",
                rules.arbos_version
            ))
        } else {
            Verdict::OkAsRootContract { fragments: n }
        }
    };
    SizeReport {
        raw,
        compressed,
        classic_fits,
        decompressed_fits,
        fragments_needed,
        verdict,
    }
}
