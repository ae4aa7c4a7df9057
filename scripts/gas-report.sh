#!/usr/bin/env bash
# Regenerates docs/gas.md: every contract operation measured in the stylus-vm executor.
# Set INTEGRA_ARTIFACTS=target/stylus to measure the pipeline's artifacts instead of raw builds.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --quiet -p integra-tests --bin gas-report -- docs/gas.md
