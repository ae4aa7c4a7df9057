#!/usr/bin/env bash
# Installs what the project needs, idempotently: the pinned toolchain (rust-toolchain.toml) with
# rustfmt, clippy and the wasm32-unknown-unknown target. Nothing else is required to build,
# check and test; cargo fetches crates from crates.io.
set -euo pipefail
cd "$(dirname "$0")/.."

channel=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
if ! command -v rustup >/dev/null 2>&1; then
    echo "setup: rustup is required (https://rustup.rs)" >&2
    exit 1
fi
if ! rustup toolchain list | grep -q "^${channel}"; then
    rustup toolchain install "$channel" --profile minimal
fi
installed_components=$(rustup component list --installed --toolchain "$channel")
for c in rustfmt clippy; do
    grep -q "^${c}" <<<"$installed_components" || rustup component add "$c" --toolchain "$channel"
done
if ! rustup target list --installed --toolchain "$channel" | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown --toolchain "$channel"
fi
