#!/usr/bin/env bash
# Regenerates the weights of govchain's pallets by running their benchmarks on the
# development runtime, and writes each pallet's src/weights.rs.
#   scripts/benchmark/run.sh [pallet-dir ...]    (default: every pallet with benchmarks)
set -euo pipefail
source "$(dirname "$0")/../env.sh"
cd "$GOVCHAIN_ROOT"
# Benchmarks need the feature; the artifacts live beside the normal build's in the same
# target directory, so switching back and forth does not recompile.
cargo build "${GOVCHAIN_CARGO_FLAGS[@]}" --features runtime-benchmarks

pallets=("$@")
[ ${#pallets[@]} -gt 0 ] || mapfile -t pallets < <(ls -d pallets/*/src/benchmarking.rs | xargs -n1 dirname | xargs -n1 dirname)
for dir in "${pallets[@]}"; do
	name="pallet_$(basename "$dir" | tr '-' '_')"
	echo "benchmarking $name" >&2
	"$GOVCHAIN_NODE" benchmark pallet \
		--chain dev --pallet "$name" --extrinsic '*' \
		--steps "${STEPS:-50}" --repeat "${REPEAT:-20}" \
		--wasm-execution compiled --heap-pages 4096 \
		--template scripts/benchmark/weight-template.hbs \
		--output "$dir/src/weights.rs"
done
