#!/usr/bin/env bash
# Runs the whole test suite: unit, runtime and CLI tests (cargo), then the end-to-end
# tests that start real govchain-node processes and drive them with @polkadot/api.
set -euo pipefail
source "$(dirname "$0")/env.sh"

cd "$GOVCHAIN_ROOT"
cargo test "${GOVCHAIN_CARGO_FLAGS[@]}"
# The pallets' benchmarks, run once each as tests against their mock runtimes.
cargo test --release --locked --features runtime-benchmarks \
	-p pallet-agencies -p pallet-governance -p pallet-company-registry -p pallet-customs -p pallet-validators -p pallet-disclosures -p pallet-certification benchmarking
# The node binary comes from the same build; this only links it if the tests did not.
cargo build "${GOVCHAIN_CARGO_FLAGS[@]}"

cd tests/e2e
npm ci --no-audit --no-fund --loglevel=error
node --test
