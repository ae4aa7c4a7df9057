#!/usr/bin/env bash
# Compiles every exported Solidity interface (deployments/abi/*.sol) with the real Solidity
# compiler (npm `solc`, installed into .tools/ on first use) and checks that the ABI it produces
# is the ABI the code exports: same functions (selectors, outputs, mutability), events, errors.
set -euo pipefail
cd "$(dirname "$0")/.."
SOLC_VERSION=0.8.24
tools=$PWD/.tools/solc-$SOLC_VERSION
if [ ! -x "$tools/node_modules/.bin/solcjs" ]; then
    mkdir -p "$tools"
    npm install --silent --no-audit --no-fund --prefix "$tools" "solc@$SOLC_VERSION" >/dev/null
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for sol in deployments/abi/*.sol; do
    # solcjs names its output after the path it was given: compile from inside the folder.
    (cd deployments/abi && "$tools/node_modules/.bin/solcjs" --abi "$(basename "$sol")" -o "$out" >/dev/null)
done
cargo run --quiet --locked -p integra-abi -- compare-solc "$out"
