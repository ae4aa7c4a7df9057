//! `integra`: the command line of the Integra ZK tooling (issue 4).
//!
//! ```text
//! integra process-hash   [--secret-file F]                 processHash = Poseidon([secret])
//! integra message-hash   <message>                         messageHash of a message
//! integra keygen         --out-dir D [--test-seed]         proving key + verifier key bytes
//! integra prove-message  --proving-key F [--secret-file F] <message> [--out F]
//! integra snarkjs-calldata --proof F --public F [<message>] [--out F]
//! integra vk             --snarkjs verification_key.json --out F
//! ```
//! The secret is read from `--secret-file` or the `INTEGRA_SECRET` environment variable, never
//! from the command line (argv is visible to every user of the machine). It is a decimal or
//! `0x`-hex integer below the BN254 scalar modulus r.
//!
//! `<message>` is `--message-file F` (JSON, the fields of `integra_circuits::Message` in
//! camelCase) or the flags `--integra-hash --token-id --event-ref --message --sender --chain-id
//! --message-contract`.
//!
//! `prove-message` and `snarkjs-calldata` print one JSON object: `processHash`, `messageHash`,
//! `proof` (`a`, `b`, `c` as 0x words, B in EVM `(c1, c0)` order), `publicInputs`,
//! `verifyProofCalldata` (the verifier's `verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[2])`)
//! and `registerMessageCalldata` (`IntegraMessageV1`'s `registerMessage`, selector `0xe7fa0dbf`,
//! to be sent by `sender` to `messageContract` on `chainId`).
use std::{fs, path::PathBuf, process::ExitCode, str::FromStr};

use alloy_primitives::{hex, Address, B256, U256};
use ark_bn254::{Bn254, Fr};
use ark_groth16::ProvingKey;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use clap::{Args, Parser, Subcommand};
use integra_circuits::{
    evm::{self, fr_to_u256, u256_to_fr, EvmProof},
    Message,
};
use rand_core::OsRng;
use serde::Serialize;

#[derive(Parser)]
#[command(
    name = "integra",
    version,
    about = "Integra ZK tooling: processHash, keys, message proofs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the processHash (Poseidon([secret])) of the workflow secret.
    ProcessHash(SecretArgs),
    /// Print the messageHash of a message.
    MessageHash(MessageArgs),
    /// Generate keys: `proving_key.bin` (arkworks, compressed) and `verifying_key.bin` (the
    /// verifier contract's encoding; build it with `INTEGRA_VERIFIER_VK=<that file>`).
    Keygen {
        /// Output directory.
        #[arg(long)]
        out_dir: PathBuf,
        /// Use the public test seed instead of the OS RNG (tests and fixtures only: anyone can
        /// forge proofs for such a key).
        #[arg(long)]
        test_seed: bool,
    },
    /// Prove a message and print the proof and the calldata.
    ProveMessage {
        /// Proving key from `integra keygen`.
        #[arg(long)]
        proving_key: PathBuf,
        #[command(flatten)]
        secret: SecretArgs,
        #[command(flatten)]
        message: MessageArgs,
        /// Write the JSON here instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Turn a snarkjs proof of the circom circuit into the same output as `prove-message`.
    SnarkjsCalldata {
        /// snarkjs `proof.json`.
        #[arg(long)]
        proof: PathBuf,
        /// snarkjs `public.json` (processHash, messageHash).
        #[arg(long)]
        public: PathBuf,
        /// When given, messageHash must be this message's and `registerMessageCalldata` is set.
        #[command(flatten)]
        message: OptionalMessageArgs,
        /// Write the JSON here instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Convert a snarkjs `verification_key.json` into the verifier contract's encoding.
    Vk {
        /// snarkjs `verification_key.json`.
        #[arg(long)]
        snarkjs: PathBuf,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Args)]
struct SecretArgs {
    /// File holding the secret; otherwise the `INTEGRA_SECRET` environment variable.
    #[arg(long)]
    secret_file: Option<PathBuf>,
}

#[derive(Args)]
struct MessageArgs {
    #[command(flatten)]
    inner: OptionalMessageArgs,
}

#[derive(Args, Default)]
struct OptionalMessageArgs {
    /// JSON file with integraHash, tokenId, eventRef, message, sender, chainId, messageContract.
    #[arg(long, conflicts_with_all = ["integra_hash", "token_id", "event_ref", "message", "sender", "chain_id", "message_contract"])]
    message_file: Option<PathBuf>,
    /// bytes32 record hash.
    #[arg(long)]
    integra_hash: Option<B256>,
    /// uint256 token id (decimal or 0x).
    #[arg(long)]
    token_id: Option<U256>,
    /// Event name.
    #[arg(long)]
    event_ref: Option<String>,
    /// Message text.
    #[arg(long)]
    message: Option<String>,
    /// The registrant (the message contract's `_msgSender()`).
    #[arg(long)]
    sender: Option<Address>,
    /// Chain id.
    #[arg(long)]
    chain_id: Option<u64>,
    /// The `IntegraMessageV1` deployment.
    #[arg(long)]
    message_contract: Option<Address>,
}

type Res<T> = Result<T, String>;

impl OptionalMessageArgs {
    fn is_empty(&self) -> bool {
        self.message_file.is_none()
            && self.integra_hash.is_none()
            && self.token_id.is_none()
            && self.event_ref.is_none()
            && self.message.is_none()
            && self.sender.is_none()
            && self.chain_id.is_none()
            && self.message_contract.is_none()
    }

    fn load(&self) -> Res<Message> {
        if let Some(f) = &self.message_file {
            return serde_json::from_str(&read(f)?).map_err(|e| format!("{}: {e}", f.display()));
        }
        let missing = |name: &str| format!("missing --{name} (or --message-file)");
        Ok(Message {
            integra_hash: self.integra_hash.ok_or_else(|| missing("integra-hash"))?,
            token_id: self.token_id.ok_or_else(|| missing("token-id"))?,
            event_ref: self.event_ref.clone().ok_or_else(|| missing("event-ref"))?,
            message: self.message.clone().ok_or_else(|| missing("message"))?,
            sender: self.sender.ok_or_else(|| missing("sender"))?,
            chain_id: self.chain_id.ok_or_else(|| missing("chain-id"))?,
            message_contract: self
                .message_contract
                .ok_or_else(|| missing("message-contract"))?,
        })
    }
}

fn read(path: &PathBuf) -> Res<String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &PathBuf, bytes: &[u8]) -> Res<()> {
    fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Parses a secret: a decimal or `0x`-hex integer below r.
fn parse_secret(text: &str) -> Res<Fr> {
    let v = U256::from_str(text.trim())
        .map_err(|_| "the secret is not a decimal or 0x-hex integer".to_string())?;
    u256_to_fr(v).ok_or_else(|| "the secret is not below the BN254 scalar modulus r".into())
}

impl SecretArgs {
    fn load(&self) -> Res<Fr> {
        let text = match &self.secret_file {
            Some(f) => read(f)?,
            None => std::env::var("INTEGRA_SECRET")
                .map_err(|_| "no secret: pass --secret-file or set INTEGRA_SECRET".to_string())?,
        };
        parse_secret(&text)
    }
}

fn word(x: U256) -> String {
    format!("{x:#066x}")
}

fn fr_word(x: Fr) -> String {
    word(fr_to_u256(x))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProofJson {
    a: [String; 2],
    b: [[String; 2]; 2],
    c: [String; 2],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Output {
    process_hash: String,
    message_hash: String,
    proof: ProofJson,
    public_inputs: [String; 2],
    verify_proof_calldata: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    register_message_calldata: Option<String>,
}

fn output(proof: &EvmProof, inputs: [U256; 2], message: Option<&Message>) -> Res<Output> {
    let process_hash = u256_to_fr(inputs[0]).ok_or("processHash not below r")?;
    Ok(Output {
        process_hash: word(inputs[0]),
        message_hash: word(inputs[1]),
        proof: ProofJson {
            a: proof.a.map(word),
            b: proof.b.map(|c| c.map(word)),
            c: proof.c.map(word),
        },
        public_inputs: inputs.map(word),
        verify_proof_calldata: hex::encode_prefixed(evm::verify_proof_calldata(proof, inputs)),
        register_message_calldata: message
            .map(|m| hex::encode_prefixed(evm::register_message_calldata(m, process_hash, proof))),
    })
}

fn emit(out: &Output, path: Option<&PathBuf>) -> Res<()> {
    let json = serde_json::to_string_pretty(out).map_err(|e| e.to_string())? + "\n";
    if let Some(p) = path {
        write(p, json.as_bytes())
    } else {
        print!("{json}");
        Ok(())
    }
}

fn run(cli: Cli) -> Res<()> {
    match cli.command {
        Command::ProcessHash(secret) => {
            println!(
                "{}",
                fr_word(integra_circuits::process_hash(secret.load()?))
            );
        }
        Command::MessageHash(m) => println!("{}", fr_word(m.inner.load()?.hash())),
        Command::Keygen { out_dir, test_seed } => {
            let pk = if test_seed {
                integra_circuits::setup_from_seed(integra_circuits::TEST_SEED)
            } else {
                integra_circuits::setup(&mut OsRng)
            }
            .map_err(|e| e.to_string())?;
            fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
            let mut pk_bytes = Vec::new();
            pk.serialize_compressed(&mut pk_bytes)
                .map_err(|e| e.to_string())?;
            write(&out_dir.join("proving_key.bin"), &pk_bytes)?;
            write(&out_dir.join("verifying_key.bin"), &evm::vk_bytes(&pk.vk))?;
            eprintln!(
                "wrote {0}/proving_key.bin and {0}/verifying_key.bin",
                out_dir.display()
            );
        }
        Command::ProveMessage {
            proving_key,
            secret,
            message,
            out,
        } => {
            let bytes =
                fs::read(&proving_key).map_err(|e| format!("{}: {e}", proving_key.display()))?;
            let pk = ProvingKey::<Bn254>::deserialize_compressed(bytes.as_slice())
                .map_err(|e| format!("{}: {e}", proving_key.display()))?;
            let secret = secret.load()?;
            let message = message.inner.load()?;
            let mh = message.hash();
            let proof =
                integra_circuits::prove(&pk, secret, mh, &mut OsRng).map_err(|e| e.to_string())?;
            let ph = integra_circuits::process_hash(secret);
            if !integra_circuits::verify(&pk.vk, &proof, [ph, mh]) {
                return Err("the proof does not verify against the key's own verifying key".into());
            }
            let inputs = [fr_to_u256(ph), fr_to_u256(mh)];
            emit(
                &output(&EvmProof::from_ark(&proof), inputs, Some(&message))?,
                out.as_ref(),
            )?;
        }
        Command::SnarkjsCalldata {
            proof,
            public,
            message,
            out,
        } => {
            let p = EvmProof::from_snarkjs_json(&read(&proof)?).map_err(|e| e.to_string())?;
            let signals = evm::public_signals_from_snarkjs_json(&read(&public)?)
                .map_err(|e| e.to_string())?;
            let inputs: [U256; 2] = signals
                .try_into()
                .map_err(|v: Vec<U256>| format!("{} public signals, expected 2", v.len()))?;
            let message = if message.is_empty() {
                None
            } else {
                Some(message.load()?)
            };
            if let Some(m) = &message {
                if fr_to_u256(m.hash()) != inputs[1] {
                    return Err("public signal 1 is not this message's messageHash".into());
                }
            }
            emit(&output(&p, inputs, message.as_ref())?, out.as_ref())?;
        }
        Command::Vk { snarkjs, out } => {
            let bytes = evm::vk_from_snarkjs_json(&read(&snarkjs)?).map_err(|e| e.to_string())?;
            write(&out, &bytes)?;
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("integra: {e}");
            ExitCode::FAILURE
        }
    }
}
