#!/usr/bin/env bash
# Every check CI runs: formatting, clippy (warnings are errors), all tests, the Stylus pipeline
# over every contract (activation rules + size gate), and the ABI drift check.
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
