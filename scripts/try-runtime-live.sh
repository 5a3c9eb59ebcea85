#!/usr/bin/env bash
# Runs a runtime upgrade's try-runtime checks against a live node's state:
#   scripts/try-runtime-live.sh <endpoint ws://...> <try-runtime runtime wasm> [chopsticks options...]
# Chopsticks (tools/try-runtime) forks the node's latest block over RPC, puts the given wasm
# in `:code` and calls its `TryRuntime_on_runtime_upgrade` with the chosen checks: every
# migration's pre_upgrade, on_runtime_upgrade and post_upgrade, then (with `All`) the
# decoding of the entire state and every pallet's try_state. Nothing is written to the node.
#
# The wasm must be built with the `try-runtime` feature (the compressed or the plain
# govchain_runtime wasm both work) and have a higher spec_version than the node's runtime.
# Environment: TRY_RUNTIME_CHECKS (All | PreAndPost | TryState | None; default All),
# TRY_RUNTIME_LOG_LEVEL (runtime logs shown, 0-5; default 3 = info),
# TRY_RUNTIME_TIMEOUT (seconds; default 900). Further options go to `chopsticks try-runtime`,
# e.g. `--block <number or hash>` (default: latest), `--import-storage <file.yml>`,
# `--disable-spec-check`.
#
# Exits 0 when the checks pass and the migrations' weight fits in a block, 1 when they fail
# (a panicking check, an exceeded weight, a spec_name/spec_version mismatch, a timeout),
# 2 for usage errors and an unreachable endpoint. Takes about 10 s on the dev chain (the first
# run also installs chopsticks: about 1 min); a big live state takes longer, since every
# storage key a migration reads is fetched over RPC.
set -euo pipefail

usage() { echo "usage: $0 <endpoint ws://...> <try-runtime runtime wasm> [chopsticks try-runtime options...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
endpoint="$1"
wasm="$(realpath -m "$2")"
shift 2
case "$endpoint" in ws://* | wss://*) ;; *) echo "the endpoint must be a ws:// or wss:// URL: $endpoint" >&2; usage ;; esac
[ -f "$wasm" ] || { echo "no such wasm file: $wasm" >&2; exit 2; }
for arg in "$@"; do
	case "$arg" in
	--output-path | --output-path=*)
		# chopsticks skips its weight check and prints no report when writing JSON.
		echo "--output-path is not supported here: run tools/try-runtime's chopsticks directly for the JSON" >&2
		exit 2
		;;
	--checks | --checks=* | --runtime-log-level | --runtime-log-level=* | --runtime | --runtime=* | -e | --endpoint | --endpoint=*)
		echo "$arg: set it through the arguments or TRY_RUNTIME_* variables (see the header of $0)" >&2
		exit 2
		;;
	esac
done
checks="${TRY_RUNTIME_CHECKS:-All}"
case "$checks" in All | PreAndPost | TryState | None) ;; *) echo "TRY_RUNTIME_CHECKS must be All, PreAndPost, TryState or None" >&2; exit 2 ;; esac

GOVCHAIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool_dir="$GOVCHAIN_ROOT/tools/try-runtime"
chopsticks="$tool_dir/node_modules/.bin/chopsticks"

# Install the pinned chopsticks when missing or when the lock file changed. --ignore-scripts
# skips building sqlite3 from source (about 2 min): it is only used by chopsticks' --db cache
# (to use --db, run `npm rebuild sqlite3` in tools/try-runtime once).
if [ ! -x "$chopsticks" ] || [ "$tool_dir/package-lock.json" -nt "$tool_dir/node_modules/.package-lock.json" ]; then
	echo "installing chopsticks in $tool_dir" >&2
	(cd "$tool_dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
fi

# The runtime imports a host function chopsticks does not provide (pallet-node-authorization's
# offchain worker sets the node's authorized peers; try-runtime never calls it). chopsticks
# can run such a runtime (`allow-unresolved-imports`), but its try-runtime command does not
# take the option: teach the pinned version's command the option, once per install.
plugin="$tool_dir/node_modules/@acala-network/chopsticks/dist/cjs/plugins/try-runtime/index.js"
if ! grep -q "'allow-unresolved-imports'" "$plugin"; then
	sed -i "s|^    'runtime-log-level': _index.configSchema.shape\['runtime-log-level'\].default(5),\$|&\n    'allow-unresolved-imports': _index.configSchema.shape['allow-unresolved-imports'],|" "$plugin"
	grep -q "'allow-unresolved-imports'" "$plugin" || {
		echo "try-runtime: could not give chopsticks' try-runtime --allow-unresolved-imports ($plugin changed?)" >&2
		exit 1
	}
fi

# Chopsticks retries an unreachable endpoint forever: check it first, and show what runs there.
if ! current="$(cd "$tool_dir" && ENDPOINT="$endpoint" timeout 30 node -e '
	const WebSocket = require("ws");
	const ws = new WebSocket(process.env.ENDPOINT);
	const fail = (why) => { console.error(why); process.exit(1); };
	setTimeout(() => fail("no answer within 15 s"), 15000).unref();
	ws.on("error", (error) => fail(error.message));
	ws.on("open", () => ws.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "state_getRuntimeVersion", params: [] })));
	ws.on("message", (data) => {
		const { result, error } = JSON.parse(data);
		if (!result) fail(JSON.stringify(error));
		console.log(`${result.specName} spec_version ${result.specVersion}`);
		process.exit(0);
	});
')"; then
	echo "cannot reach $endpoint" >&2
	exit 2
fi
echo "try-runtime: $endpoint runs $current; checking $wasm with checks $checks" >&2

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
timeout "${TRY_RUNTIME_TIMEOUT:-900}" "$chopsticks" try-runtime \
	--endpoint "$endpoint" \
	--runtime "$wasm" \
	--checks "$checks" \
	--runtime-log-level "${TRY_RUNTIME_LOG_LEVEL:-3}" \
	--allow-unresolved-imports \
	"$@" 2>&1 | tee "$log" || status="${PIPESTATUS[0]}"

if [ "$status" -eq 124 ]; then
	echo "try-runtime: FAILED: timed out after ${TRY_RUNTIME_TIMEOUT:-900} s" >&2
	exit 1
fi
# Chopsticks exits 1 on a failed check (the runtime panics: "wasm `unreachable` instruction
# executed"), an exceeded weight or a version mismatch; a wasm without the try-runtime API
# fails with "Function to start was not found". Success prints the consumed weight.
if [ "$status" -ne 0 ]; then
	if grep -q 'Function to start was not found' "$log"; then
		echo "try-runtime: the wasm has no TryRuntime_on_runtime_upgrade: build it with --features try-runtime" >&2
	fi
	echo "try-runtime: FAILED (chopsticks exited with $status)" >&2
	exit 1
fi
if ! grep -q '^Consumed weight: ' "$log"; then
	echo "try-runtime: FAILED: chopsticks exited 0 without a weight report" >&2
	exit 1
fi
echo "try-runtime: PASSED" >&2
