#!/usr/bin/env bash
# The main job: builds the contracts if needed, deploys them into the in-process Stylus chain
# (crates/stylus-vm, Nitro's pricing) and runs the Integra workflow end to end, printing each step,
# its gas and the resulting state. It grows as contracts land.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec cargo run --quiet --locked -p integra-tests --bin demo
