# Shared by the entry scripts: prepares the machine and the build settings. Source it.
#
# After sourcing: CARGO_TARGET_DIR is set (default: a cache outside the work tree, so that
# clones and CI reuse one build), WASM_BUILD_TOOLCHAIN names the toolchain for the runtime,
# and GOVCHAIN_CARGO_FLAGS holds the one profile and feature set every build and test uses,
# so dependencies compile once.

GOVCHAIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/govchain/target}"
export PATH="$HOME/.cargo/bin:$PATH"

# setup.sh prints the toolchain that can build wasm as its last line.
wasm_toolchain="$(bash "$GOVCHAIN_ROOT/scripts/setup.sh" | tail -n 1)"
if [ "$wasm_toolchain" != "$(rustup show active-toolchain | cut -d' ' -f1)" ]; then
	export WASM_BUILD_TOOLCHAIN="$wasm_toolchain"
fi
unset wasm_toolchain

# Release everywhere, tests too, with one feature set so dependencies compile once.
# `runtime-benchmarks` is deliberately not in it: it turns off frame-system's runtime-upgrade
# version checks, so it is only for the benchmark builds of scripts/benchmark/run.sh.
GOVCHAIN_CARGO_FLAGS=(--release --workspace --locked)
GOVCHAIN_NODE="$CARGO_TARGET_DIR/release/govchain-node"
export GOVCHAIN_NODE
