//! `integra-pipeline`: build, check and compress the Stylus contracts.
//!
//! ```text
//! integra-pipeline build [-p NAME]... [--arbos-version N]
//! integra-pipeline check FILE.wasm [--arbos-version N]
//! ```
//!
//! `build` finds every workspace package under `contracts/` with a `cdylib` target, builds each
//! one on its own (`cargo build --lib --release --target wasm32-unknown-unknown -p NAME`, so no
//! other package's features leak into it), then re-encodes, validates and compresses it. It
//! writes to `<target dir>/stylus/` (the target dir `cargo metadata` reports, so
//! `CARGO_TARGET_DIR` is respected):
//! - `<name>.wasm`: the re-encoded module, custom sections stripped;
//! - `<name>.wasm.br`: the deployable contract code, `EF F0 00 00` + brotli;
//! - `report.json`: sizes, verdicts and violations of every contract.
//!
//! `check` runs the same steps on one module and writes nothing.
//!
//! Exit status: 0 when every module passes, 1 when a rule or size verdict fails, 2 on a usage,
//! build or I/O error.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use integra_pipeline::{process, Processed, Rules, Verdict};
use serde_json::{json, Value};

const TARGET: &str = "wasm32-unknown-unknown";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("integra-pipeline: {message}");
            ExitCode::from(2)
        }
    }
}

const USAGE: &str = "usage:
  integra-pipeline build [-p NAME]... [--arbos-version N]
  integra-pipeline check FILE.wasm [--arbos-version N]";

/// Parsed command line.
struct Options {
    packages: Vec<String>,
    files: Vec<PathBuf>,
    rules: Rules,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        packages: Vec::new(),
        files: Vec::new(),
        rules: Rules::default(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-p" | "--package" => {
                let name = args.next().ok_or("-p needs a package name")?;
                options.packages.push(name.clone());
            }
            "--arbos-version" => {
                let version = args.next().ok_or("--arbos-version needs a number")?;
                options.rules.arbos_version = version
                    .parse()
                    .map_err(|_| format!("not an ArbOS version: {version}"))?;
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}\n{USAGE}")),
            file => options.files.push(PathBuf::from(file)),
        }
    }
    Ok(options)
}

/// Runs a subcommand; `Ok(false)` means a module failed a check.
fn run(args: &[String]) -> Result<bool, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(USAGE.to_owned());
    };
    let options = parse_options(rest)?;
    match command.as_str() {
        "build" => {
            if !options.files.is_empty() {
                return Err(format!("build takes no files\n{USAGE}"));
            }
            build(&options)
        }
        "check" => {
            let [file] = options.files.as_slice() else {
                return Err(format!("check takes one FILE.wasm\n{USAGE}"));
            };
            check(file, &options.rules)
        }
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(true)
        }
        other => Err(format!("unknown command {other}\n{USAGE}")),
    }
}

fn check(file: &Path, rules: &Rules) -> Result<bool, String> {
    let built = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let name = file
        .file_stem()
        .map_or_else(|| "module".to_owned(), |s| s.to_string_lossy().into_owned());
    let processed = process(&built, rules).map_err(|e| format!("{}: {e}", file.display()))?;
    let results = vec![(name, processed, rules.arbos_version)];
    print!("{}", table(&results, rules));
    Ok(results.iter().all(|(_, p, _)| p.passed()))
}

/// A contract crate found in the workspace.
struct Contract {
    /// Package name (`-p`).
    package: String,
    /// Library target name: the built file is `<lib>.wasm`.
    lib: String,
    /// `[package.metadata.integra] arbos-version`: the ArbOS version a contract declares it
    /// needs (e.g. 60 for a root contract joining fragments). Its verdict uses the later of this
    /// and the command line's version; every other contract keeps the command line's.
    arbos: Option<u64>,
}

/// Workspace facts from `cargo metadata`.
struct Workspace {
    contracts: Vec<Contract>,
    target_dir: PathBuf,
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

fn workspace() -> Result<Workspace, String> {
    let output = Command::new(cargo())
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let metadata: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("cannot parse cargo metadata: {e}"))?;
    let root = metadata["workspace_root"]
        .as_str()
        .ok_or("cargo metadata has no workspace_root")?;
    let target_dir = metadata["target_directory"]
        .as_str()
        .ok_or("cargo metadata has no target_directory")?;
    let contracts_dir = Path::new(root).join("contracts");
    let mut contracts = Vec::new();
    for package in metadata["packages"].as_array().into_iter().flatten() {
        let in_contracts = package["manifest_path"]
            .as_str()
            .is_some_and(|path| Path::new(path).starts_with(&contracts_dir));
        let cdylib = package["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|target| {
                target["crate_types"]
                    .as_array()
                    .is_some_and(|types| types.iter().any(|t| t == "cdylib"))
            });
        if let (true, Some(target), Some(name)) = (in_contracts, cdylib, package["name"].as_str()) {
            let lib = target["name"].as_str().unwrap_or(name).replace('-', "_");
            contracts.push(Contract {
                package: name.to_owned(),
                lib,
                arbos: package["metadata"]["integra"]["arbos-version"].as_u64(),
            });
        }
    }
    contracts.sort_by(|a, b| a.package.cmp(&b.package));
    Ok(Workspace {
        contracts,
        target_dir: PathBuf::from(target_dir),
    })
}

fn build(options: &Options) -> Result<bool, String> {
    let workspace = workspace()?;
    for wanted in &options.packages {
        if !workspace.contracts.iter().any(|c| &c.package == wanted) {
            return Err(format!("{wanted} is not a contract crate under contracts/"));
        }
    }
    let selected: Vec<&Contract> = workspace
        .contracts
        .iter()
        .filter(|c| options.packages.is_empty() || options.packages.contains(&c.package))
        .collect();
    if selected.is_empty() {
        return Err("no contract crates (cdylib packages under contracts/) to build".to_owned());
    }
    let out_dir = workspace.target_dir.join("stylus");
    std::fs::create_dir_all(&out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;

    let mut results = Vec::new();
    for contract in selected {
        // One invocation per contract: a workspace-wide build unifies features across packages
        // and can build a contract without its entrypoint.
        eprintln!("building {}", contract.package);
        let status = Command::new(cargo())
            .args(["build", "--lib", "--release", "--target", TARGET, "-p"])
            .arg(&contract.package)
            .status()
            .map_err(|e| format!("cannot run cargo build: {e}"))?;
        if !status.success() {
            return Err(format!("cargo build of {} failed", contract.package));
        }
        let built_path = workspace
            .target_dir
            .join(TARGET)
            .join("release")
            .join(format!("{}.wasm", contract.lib));
        let built = std::fs::read(&built_path)
            .map_err(|e| format!("cannot read {}: {e}", built_path.display()))?;
        let rules = match contract.arbos {
            Some(v) if v > options.rules.arbos_version => Rules::for_arbos(v),
            _ => options.rules.clone(),
        };
        let processed =
            process(&built, &rules).map_err(|e| format!("{}: {e}", contract.package))?;
        write(
            &out_dir.join(format!("{}.wasm", contract.package)),
            &processed.wasm,
        )?;
        write(
            &out_dir.join(format!("{}.wasm.br", contract.package)),
            &processed.code,
        )?;
        results.push((contract.package.clone(), processed, rules.arbos_version));
    }

    let report = json!({
        "arbos_version": options.rules.arbos_version,
        "contracts": results
            .iter()
            .map(|(name, p, arbos)| {
                let mut c = contract_json(name, p);
                c["arbos_version"] = json!(arbos);
                c
            })
            .collect::<Vec<_>>(),
    });
    let text = serde_json::to_string_pretty(&report)
        .map_err(|e| format!("cannot write report.json: {e}"))?;
    write(&out_dir.join("report.json"), text.as_bytes())?;

    print!("{}", table(&results, &options.rules));
    println!("artifacts: {}", out_dir.display());
    Ok(results.iter().all(|(_, p, _)| p.passed()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn contract_json(name: &str, p: &Processed) -> Value {
    let violations: Vec<Value> = p
        .check
        .as_ref()
        .err()
        .into_iter()
        .flatten()
        .map(|v| {
            json!({
                "rule": v.rule.id(),
                "function_index": v.function.as_ref().map(|f| f.index),
                "function_name": v.function.as_ref().and_then(|f| f.name.clone()),
                "detail": v.detail,
            })
        })
        .collect();
    let module = p.check.as_ref().ok().map(|m| {
        json!({
            "functions": m.functions,
            "imports": m.imports,
            "exports": m.exports,
            "globals": m.globals,
            "data_segments": m.data_segments,
            "initial_pages": m.initial_pages,
            "max_pages": m.max_pages,
            "worst_frame_words": m.worst_frame.as_ref().map(|(_, w)| w),
            "most_instrumented_ops": m.most_ops.as_ref().map(|(_, n)| n),
        })
    });
    json!({
        "name": name,
        "wasm": format!("{name}.wasm"),
        "code": format!("{name}.wasm.br"),
        "raw_bytes": p.size.raw,
        "compressed_bytes": p.size.compressed,
        "classic_fits": p.size.classic_fits,
        "decompressed_fits": p.size.decompressed_fits,
        "fragments_needed": p.size.fragments_needed,
        "verdict": verdict_word(p),
        "size_verdict": p.size.verdict.to_string(),
        "passed": p.passed(),
        "module": module,
        "violations": violations,
    })
}

fn verdict_word(p: &Processed) -> String {
    match (&p.check, &p.size.verdict) {
        (Err(v), _) => format!("FAIL ({} violation(s))", v.len()),
        (Ok(_), verdict) => verdict.to_string(),
    }
}

/// The per-contract table, followed by each failure in full.
fn table(results: &[(String, Processed, u64)], rules: &Rules) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<32} {:>9} {:>11} {:>8} {:>9} {:>6}  verdict (limit {} B)",
        "contract", "raw B", "compressed", "classic", "fragments", "ArbOS", rules.max_code_size
    );
    for (name, p, arbos) in results {
        let fragments = p
            .size
            .fragments_needed
            .map_or_else(|| "-".to_owned(), |n| n.to_string());
        let _ = writeln!(
            out,
            "{:<32} {:>9} {:>11} {:>8} {:>9} {:>6}  {}",
            name,
            p.size.raw,
            p.size.compressed,
            if p.size.classic_fits { "yes" } else { "no" },
            fragments,
            arbos,
            verdict_word(p)
        );
    }
    for (name, p, _) in results {
        if let Err(violations) = &p.check {
            for v in violations {
                let _ = writeln!(out, "{name}: {v}");
            }
        }
        if let Verdict::Fail(why) = &p.size.verdict {
            let _ = writeln!(out, "{name}: [size] {why}");
        }
    }
    out
}
