#!/usr/bin/env bash
# Every check CI runs: formatting, clippy (warnings are errors), all tests, the Stylus pipeline
# over every contract (activation rules + size gate), ABI drift, the exported Solidity
# interfaces compiled by solc, and the committed gas report against a fresh run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== tests"
cargo test --workspace --locked
echo "== groth16-verifier, pure-arkworks backend (the same vectors through the router under motsu)"
cargo test --locked -p groth16-verifier --features arkworks-backend
echo "== Stylus pipeline (build, activation rules, size gate)"
scripts/build-contracts.sh
echo "== ABI drift"
cargo run --quiet --locked -p integra-abi -- check
echo "== Solidity interfaces compile to the same ABI (solc)"
scripts/check-solidity.sh
echo "== gas report matches a fresh run"
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
cargo run --quiet --locked -p integra-tests --bin gas-report -- "$fresh"
if ! diff -u docs/gas.md "$fresh"; then
    echo "docs/gas.md is stale: run scripts/gas-report.sh and commit it" >&2
    exit 1
fi
