#!/usr/bin/env bash
# The fault campaign on four validators (on demand; the test suite runs its short part).
#
#   scripts/chaos.sh [ROUNDS]
#
# Runs tests/e2e/faults.test.js ROUNDS times (default 1) with GOVCHAIN_CHAOS=1: validators
# killed with SIGKILL (one: finality goes on; two: it stalls, blocks continue), restarted
# from their base paths (finality resumes, every finalized block agrees), then a 2+2
# partition healed (one chain finalized everywhere, none reverted). Each round prints the
# figures docs/reliability.md quotes; a failing round keeps its network and logs and stops
# the campaign. Uses $GOVCHAIN_NODE if set, otherwise builds the node.
set -euo pipefail

rounds="${1:-1}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "chaos.sh: ROUNDS must be a positive number, not '$rounds'" >&2; exit 2; }
scripts="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -z "${GOVCHAIN_NODE:-}" ] || [ ! -x "$GOVCHAIN_NODE" ]; then
	source "$scripts/env.sh"
	(cd "$GOVCHAIN_ROOT" && cargo build "${GOVCHAIN_CARGO_FLAGS[@]}")
fi
export GOVCHAIN_NODE
cd "$scripts/../tests/e2e"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
for round in $(seq "$rounds"); do
	echo "chaos.sh: round $round of $rounds"
	GOVCHAIN_CHAOS=1 node --test faults.test.js
done
