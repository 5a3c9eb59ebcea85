#!/usr/bin/env bash
# Builds govchain and starts a single-validator development chain (Alice) with RPC on
# ws://127.0.0.1:9944. The chain is kept under the user's data directory between runs;
# pass --tmp for a throw-away chain. Any other arguments go to govchain-node.
set -euo pipefail
source "$(dirname "$0")/env.sh"

cd "$GOVCHAIN_ROOT"
cargo build "${GOVCHAIN_CARGO_FLAGS[@]}"

base_path=(--base-path "${XDG_DATA_HOME:-$HOME/.local/share}/govchain/dev")
for arg in "$@"; do
	case "$arg" in --tmp | --base-path | --base-path=* | -d) base_path=() ;; esac
done

echo "govchain dev chain: open https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:9944" >&2
exec "$GOVCHAIN_NODE" --dev "${base_path[@]}" "$@"
