#!/usr/bin/env bash
# Regenerates circuits/fixtures/snarkjs/: compiles circuits/circom/process_hash.circom with
# circom2, runs a (local, single-party, test-only) Groth16 setup and proves secret = 1 for the
# message in circuits/fixtures/snarkjs/message.json with snarkjs. The Rust tests verify the
# committed proof with the verifier contract's code (groth16-verifier: snarkjs_fixture_is_verified).
#
# Needs node + npm; installs the pinned npm packages once into $INTEGRA_JS_TOOLS
# (default: <target dir>/js-tools). The setup's entropy is fixed, so the keys are insecure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
tools=${INTEGRA_JS_TOOLS:-$target/js-tools}
out=$root/circuits/fixtures/snarkjs
work=$target/snarkjs-fixture

mkdir -p "$tools" "$work"
if [ ! -x "$tools/node_modules/.bin/snarkjs" ] || [ ! -x "$tools/node_modules/.bin/circom2" ] \
    || [ ! -f "$tools/node_modules/circomlib/circuits/poseidon.circom" ]; then
  echo "== installing snarkjs 0.7.6, circom2 0.2.23, circomlib 2.0.5 into $tools"
  [ -f "$tools/package.json" ] || echo '{"private": true}' > "$tools/package.json"
  (cd "$tools" && npm install --no-audit --no-fund --save-exact \
      snarkjs@0.7.6 circom2@0.2.23 circomlib@2.0.5)
fi
bin=$tools/node_modules/.bin

echo "== circom2"
# circom2 runs under WASI: give it the include path relative to its working directory.
(cd "$tools" && "$bin/circom2" "$root/circuits/circom/process_hash.circom" --r1cs --wasm \
    -l node_modules -o "$work")

echo "== Groth16 setup (test entropy)"
cd "$work"
"$bin/snarkjs" powersoftau new bn128 9 pot_0.ptau
"$bin/snarkjs" powersoftau contribute pot_0.ptau pot_1.ptau --name=integra-test -e="integra test fixture"
"$bin/snarkjs" powersoftau prepare phase2 pot_1.ptau pot_final.ptau
"$bin/snarkjs" groth16 setup process_hash.r1cs pot_final.ptau key_0.zkey
"$bin/snarkjs" zkey contribute key_0.zkey key.zkey --name=integra-test -e="integra test fixture 2"
"$bin/snarkjs" zkey export verificationkey key.zkey verification_key.json

echo "== proving with snarkjs"
cargo build --quiet --profile tool -p integra-cli --manifest-path "$root/Cargo.toml"
integra=$target/tool/integra
process_hash=$(INTEGRA_SECRET=1 "$integra" process-hash)
message_hash=$("$integra" message-hash --message-file "$out/message.json")
printf '{"processHash": "%s", "messageHash": "%s", "secret": "1"}\n' \
  "$(node -e "console.log(BigInt('$process_hash').toString())")" \
  "$(node -e "console.log(BigInt('$message_hash').toString())")" > input.json
"$bin/snarkjs" groth16 fullprove input.json process_hash_js/process_hash.wasm key.zkey proof.json public.json
"$bin/snarkjs" groth16 verify verification_key.json public.json proof.json

cp verification_key.json proof.json public.json "$out/"
"$integra" snarkjs-calldata --proof proof.json --public public.json \
  --message-file "$out/message.json" --out "$out/calldata.json"
echo "fixture written to $out"
