#!/usr/bin/env bash
# Builds every contract crate under contracts/ to checked, compressed Stylus code.
# Artifacts: <target dir>/stylus/<name>.wasm, <name>.wasm.br, report.json.
# Arguments go to `integra-pipeline build` (e.g. -p integra-registry, --arbos-version 60).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
fi

exec cargo run --release -p integra-pipeline -- build "$@"
