#!/usr/bin/env bash
# The main job (for now): build every contract under contracts/ for Stylus, re-encode, check every
# activation rule offline, compress, and print the size table.
# Artifacts: <target dir>/stylus/<name>.wasm, <name>.wasm.br (deployable), report.json.
# Arguments go to `integra-pipeline build` (e.g. -p integra-registry, --arbos-version 60).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec cargo run --quiet --profile tool -p integra-pipeline -- build "$@"
