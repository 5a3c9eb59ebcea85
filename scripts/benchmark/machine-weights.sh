#!/usr/bin/env bash
# Measures, on this machine, the costs every transaction's weight is built on, and writes
# them into the runtime (runtime/src/weights/):
#   paritydb_weights.rs          one database read and write (`benchmark storage`) on a
#                                register of about 100,000 companies, ParityDB as the node runs it
#   block_weights.rs,            an empty block and one signed remark's fixed cost
#   extrinsic_weights.rs         (`benchmark overhead`; runtime/src/configs/system.rs takes
#                                the extensions' weights out of it, which charge them again)
#   pallet_balances.rs,          the transfer calls, the transaction extensions every
#   frame_system_extensions.rs,  signed transaction passes and its fee payment
#   pallet_transaction_payment.rs  (`benchmark pallet`)
# Run it on the hardware the validators run, then rebuild; docs/performance.md says why.
#   scripts/benchmark/machine-weights.sh      (about 13 minutes)
set -euo pipefail
source "$(dirname "$0")/../env.sh"
cd "$GOVCHAIN_ROOT"
cargo build "${GOVCHAIN_CARGO_FLAGS[@]}" --features runtime-benchmarks
loadgen="$CARGO_TARGET_DIR/release/govchain-loadgen"
out="$GOVCHAIN_ROOT/runtime/src/weights"
work="$(mktemp -d "${TMPDIR:-/tmp}/govchain-weights-XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The benchmark CLI writes crate paths for runtimes that depend on FRAME's crates directly;
# this runtime reaches them through the polkadot-sdk umbrella (sp_weights via frame_support).
through_umbrella() {
	sed -i -E -e 's/\buse sp_weights::/use polkadot_sdk::frame_support::weights::/' \
		-e 's/\buse (frame_support|sp_core)::/use polkadot_sdk::\1::/' "$@"
}

echo "machine-weights: building a register of about 100,000 companies" >&2
"$GOVCHAIN_NODE" build-spec --chain dev >"$work/plain.json" 2>/dev/null
"$loadgen" spec --chain-spec "$work/plain.json" --accounts 62 --officers 62 --out "$work/bench.json"
"$GOVCHAIN_NODE" build-spec --chain "$work/bench.json" --raw >"$work/raw.json" 2>/dev/null
# 225 blocks of 470 registrations and 25 session changes: about 105,000 companies.
"$loadgen" blocks --chain-spec "$work/raw.json" --blocks 250 --transactions 470 --out "$work/blocks.bin"
"$GOVCHAIN_NODE" import-blocks --chain "$work/raw.json" --base-path "$work/db" --database paritydb \
	--binary "$work/blocks.bin" 2>/dev/null

echo "machine-weights: database reads and writes" >&2
# Cold reads (no trie cache) at the 95th percentile; writes in batches of 1,000 keys, about
# what a full block commits.
"$GOVCHAIN_NODE" benchmark storage --chain "$work/raw.json" --base-path "$work/db" \
	--database paritydb --state-version 1 --metric p95 --batch-size 1000 --weight-path "$out"

echo "machine-weights: block and extrinsic overhead" >&2
"$GOVCHAIN_NODE" benchmark overhead --chain dev --weight-path "$out"
through_umbrella "$out/paritydb_weights.rs" "$out/block_weights.rs" "$out/extrinsic_weights.rs"
rustfmt --edition 2021 "$out/paritydb_weights.rs" "$out/block_weights.rs" "$out/extrinsic_weights.rs"

for pallet in pallet_balances frame_system_extensions pallet_transaction_payment; do
	echo "machine-weights: $pallet" >&2
	"$GOVCHAIN_NODE" benchmark pallet \
		--chain dev --pallet "$pallet" --extrinsic '*' \
		--steps "${STEPS:-50}" --repeat "${REPEAT:-20}" \
		--wasm-execution compiled --heap-pages 4096 \
		--template scripts/benchmark/runtime-weight-template.hbs \
		--output "$out/$pallet.rs"
done
