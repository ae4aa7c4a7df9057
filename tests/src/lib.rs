//! End-to-end harness: builds (or finds) a contract's WASM artifact, deploys it into the
//! [`stylus_vm::Vm`] executor and drives it with ABI calldata.
//!
//! Artifacts: if `INTEGRA_ARTIFACTS` names a directory (the pipeline's output, e.g.
//! `target/stylus`), `<dir>/<crate-name>.wasm` is used as is; otherwise the contract is built
//! on first use with `cargo build --lib --release --target wasm32-unknown-unknown -p <crate>`
//! (one crate per build, so no workspace feature unification) and put through the pipeline
//! (`integra_pipeline::process`: re-encode, strip, every activation rule, size gate). Either way
//! the tests deploy exactly the module we ship, and a module that fails the pipeline fails here.
//!
//! A target directory shared by several worktrees holds one uplifted
//! `wasm32-unknown-unknown/release/<crate>.wasm`: the last build from any worktree wins. Use a
//! private `CARGO_TARGET_DIR` or `INTEGRA_ARTIFACTS` when that matters (CI's fresh clone is
//! unaffected).

pub mod attestation;
pub mod docreg;
pub mod executor;
pub mod gas;
pub mod message;
pub mod reference;
pub mod tokenizers;

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;
use std::sync::{Mutex, OnceLock};

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolError, SolEvent};
use stylus_vm::{Log, Receipt, Status, Vm};

/// Why an artifact could not be had.
#[derive(Debug)]
pub struct ArtifactError(pub String);

impl std::fmt::Display for ArtifactError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ArtifactError {}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from(".."), PathBuf::from)
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace_root().join("target"), PathBuf::from)
}

/// The WASM of contract crate `name` (e.g. `"integra-registry"`), built once per process.
///
/// # Errors
/// When `INTEGRA_ARTIFACTS` is set but lacks the file, or the build fails.
pub fn artifact(name: &str) -> Result<Vec<u8>, ArtifactError> {
    artifact_built_with(name, &[])
}

/// As [`artifact`], with build-time environment variables for the contract's build script (e.g.
/// `INTEGRA_VERIFIER_VK` for a verifier of another key). A variant is always built (never taken
/// from `INTEGRA_ARTIFACTS`) and cached per name and variables; building it and then the plain
/// artifact again only recompiles the contract crate itself.
///
/// # Errors
/// When the build fails or its module fails the pipeline.
pub fn artifact_built_with(
    name: &str,
    envs: &[(&str, &std::path::Path)],
) -> Result<Vec<u8>, ArtifactError> {
    artifact_variant(name, &[], envs, &integra_pipeline::Rules::default())
}

/// [`artifact`] judged by `rules` (e.g. a later `ArbOS` version that joins fragments).
///
/// # Errors
/// As [`artifact`].
pub fn artifact_with(
    name: &str,
    rules: &integra_pipeline::Rules,
) -> Result<Vec<u8>, ArtifactError> {
    artifact_variant(name, &[], &[], rules)
}

/// As [`artifact_built_with`], with cargo features and the pipeline rules the module must pass
/// (e.g. `Rules::for_arbos(60)` for a module that only fits as a root contract).
///
/// # Errors
/// When the build fails or its module fails the pipeline under `rules`.
pub fn artifact_variant(
    name: &str,
    features: &[&str],
    envs: &[(&str, &std::path::Path)],
    rules: &integra_pipeline::Rules,
) -> Result<Vec<u8>, ArtifactError> {
    static CACHE: OnceLock<Mutex<HashMap<String, Vec<u8>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut cache = cache
        .lock()
        .map_err(|_| ArtifactError("artifact cache poisoned".into()))?;
    let key = format!("{name}{features:?}{envs:?}{rules:?}");
    if let Some(wasm) = cache.get(&key) {
        return Ok(wasm.clone());
    }
    let plain = features.is_empty() && envs.is_empty();
    let prebuilt = std::env::var_os("INTEGRA_ARTIFACTS").filter(|_| plain);
    let path = if let Some(dir) = prebuilt {
        PathBuf::from(dir).join(format!("{name}.wasm"))
    } else {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .current_dir(workspace_root())
            .envs(envs.iter().copied())
            .args([
                "build",
                "--lib",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                name,
            ])
            .args(if features.is_empty() {
                Vec::new()
            } else {
                vec!["--features".to_owned(), features.join(",")]
            })
            .status()
            .map_err(|e| ArtifactError(format!("cannot run cargo: {e}")))?;
        if !status.success() {
            return Err(ArtifactError(format!("building {name} failed: {status}")));
        }
        target_dir()
            .join("wasm32-unknown-unknown/release")
            .join(format!("{}.wasm", name.replace('-', "_")))
    };
    let built =
        std::fs::read(&path).map_err(|e| ArtifactError(format!("{}: {e}", path.display())))?;
    // Deploy exactly what the pipeline ships: the re-encoded, stripped module, and only if it
    // passes every activation rule and the size gate.
    let processed = integra_pipeline::process(&built, rules)
        .map_err(|e| ArtifactError(format!("{name}: pipeline: {e}")))?;
    if !processed.passed() {
        return Err(ArtifactError(format!(
            "{name}: fails the pipeline: {:?} / {:?}",
            processed.check.err(),
            processed.size.verdict
        )));
    }
    let wasm = processed.wasm;
    cache.insert(key, wasm.clone());
    Ok(wasm)
}

/// `function_selector!("stylus_constructor")` of stylus-sdk 0.9: the selector the SDK router
/// sends to the contract's constructor.
#[must_use]
pub fn constructor_selector() -> [u8; 4] {
    let hash = alloy_primitives::keccak256("stylus_constructor()");
    [hash[0], hash[1], hash[2], hash[3]]
}

/// A world with funded actors and helpers to call contracts with typed calldata.
#[derive(Debug)]
pub struct World {
    /// The executor.
    pub vm: Vm,
}

impl Default for World {
    fn default() -> Self {
        Self::new()
    }
}

impl World {
    /// A fresh executor.
    #[must_use]
    pub fn new() -> Self {
        Self { vm: Vm::new() }
    }

    /// Deploys contract crate `name` from `deployer` and runs its SDK constructor with
    /// `args` (ABI-encoded parameters), as `StylusDeployer` would; returns the address and the
    /// constructor's receipt.
    ///
    /// # Errors
    /// If the artifact is missing, activation fails or the constructor reverts.
    pub fn deploy(
        &mut self,
        name: &str,
        deployer: Address,
        args: &[u8],
    ) -> Result<(Address, Receipt), ArtifactError> {
        self.deploy_with(name, deployer, args, &integra_pipeline::Rules::default())
    }

    /// [`World::deploy`] with the artifact judged by `rules`.
    ///
    /// # Errors
    /// As [`World::deploy`].
    pub fn deploy_with(
        &mut self,
        name: &str,
        deployer: Address,
        args: &[u8],
        rules: &integra_pipeline::Rules,
    ) -> Result<(Address, Receipt), ArtifactError> {
        let wasm = artifact_with(name, rules)?;
        let address = self
            .vm
            .deploy(deployer, &wasm)
            .map_err(|e| ArtifactError(e.to_string()))?;
        let mut data = constructor_selector().to_vec();
        data.extend_from_slice(args);
        let r = self.raw(deployer, address, &data, U256::ZERO);
        if r.status != Status::Success {
            return Err(ArtifactError(format!(
                "constructor of {name} failed: {:?} {:?}",
                r.status, r.trap
            )));
        }
        Ok((address, r))
    }

    /// Sends raw calldata.
    ///
    /// # Panics
    /// If the executor rejects the transaction itself (gas limit, funds): a harness misuse.
    pub fn raw(&mut self, from: Address, to: Address, data: &[u8], value: U256) -> Receipt {
        self.vm
            .call(from, to, data, value)
            .expect("transaction accepted by the executor")
    }

    /// Sends a typed call.
    pub fn send<C: SolCall>(&mut self, from: Address, to: Address, call: &C) -> Receipt {
        self.raw(from, to, &call.abi_encode(), U256::ZERO)
    }

    /// Reads through a static call and decodes the return.
    ///
    /// # Panics
    /// If the call fails or returns undecodable data.
    pub fn view<C: SolCall>(&mut self, to: Address, call: &C) -> C::Return {
        let r = self
            .vm
            .static_call(Address::ZERO, to, &call.abi_encode())
            .expect("static call accepted");
        assert_eq!(r.status, Status::Success, "view reverted: {:?}", r.output);
        C::abi_decode_returns(&r.output, true).expect("decodable return")
    }
}

/// Asserts the receipt reverted with exactly `error`.
///
/// # Panics
/// If it did not.
pub fn assert_reverted_with<E: SolError>(receipt: &Receipt, error: &E) {
    assert_eq!(receipt.status, Status::Revert, "expected a revert");
    assert_eq!(
        receipt.output.as_ref(),
        error.abi_encode().as_slice(),
        "revert data differs"
    );
}

/// Decodes every log of type `E` in `logs`, in order.
#[must_use]
pub fn events<E: SolEvent>(logs: &[Log]) -> Vec<E> {
    logs.iter()
        .filter(|l| l.topics.first() == Some(&E::SIGNATURE_HASH))
        .filter_map(|l| E::decode_raw_log(l.topics.iter().copied(), &l.data, true).ok())
        .collect()
}

/// `keccak256(name)`, the OpenZeppelin role id.
#[must_use]
pub fn role(name: &str) -> B256 {
    alloy_primitives::keccak256(name)
}
