#!/usr/bin/env bash
# The throughput suite: starts a govchain node on a benchmark chain spec and measures each
# workload with govchain-loadgen, then writes a summary and charts.
#
#   scripts/bench.sh [options]
#
#   --out DIR           where results go (default ~/.local/share/govchain/bench/<time>)
#   --workloads "W …"   workloads to run, in order (default: transfer remark register amend
#                       lodge file issue issue-batch mix domain)
#   --count N           transactions per workload (default 60000; the single domain calls a
#                       third, batches of certificates a hundredth)
#   --accounts N        load accounts endowed and used (default 2000)
#   --backlog N         closed loop: transactions outstanding at most (default: about two
#                       full blocks of each workload, at most 6,000 with --validators)
#   --node-args "…"     extra flags for the node (e.g. "--pool-type single-state")
#   --validators N      run on a network of N validators (scripts/network.sh, N >= 3) and
#                       load validator 1; its figures and log are the ones reported
#   --template          start the stock polkadot-sdk solochain template's node instead
#                       (scripts/template-node.sh build; transfer and remark only)
#   --external URL      measure a node that is already running instead (transfer and remark
#                       only on other chains); no node is started
#   --label TEXT        name of this configuration in the summary
#   --latency           after the transfer workload, open-loop transfer runs of 60 s at 50 %
#                       and 80 % of the ceiling it measured (latency at a given load)
#   --loads "P …"       the latency runs' shares of the ceiling, in percent (default "50 80")
#   --soak SECONDS      then an open-loop transfer run at 80 % of the ceiling for SECONDS
#                       (memory trend; e.g. 600)
#   --smoke             a few seconds per workload, for the test suite: the two mixes only
#   --no-charts         skip the PNG charts
#
# Minutes per workload; on demand, not in CI (tests/e2e/loadgen.test.js runs --smoke).
# docs/performance.md explains the method and the figures.
set -euo pipefail

scripts="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() {
	sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
	exit 2
}

out="${XDG_DATA_HOME:-$HOME/.local/share}/govchain/bench/$(date -u +%Y%m%d-%H%M%S)"
workloads="transfer remark register amend lodge file issue issue-batch mix domain"
count=60000
accounts=2000
backlog_given=""
node_args=""
external=""
label=""
smoke=0
charts=1
latency=0
loads="50 80"
soak=0
validators=1
template=0
while [ $# -gt 0 ]; do
	case "$1" in
	--out) out="${2:?--out needs a directory}"; shift 2 ;;
	--workloads) workloads="${2:?--workloads needs a list}"; shift 2 ;;
	--count) count="${2:?--count needs a number}"; shift 2 ;;
	--accounts) accounts="${2:?--accounts needs a number}"; shift 2 ;;
	--backlog) backlog_given="${2:?--backlog needs a number}"; shift 2 ;;
	--node-args) node_args="${2?--node-args needs flags}"; shift 2 ;;
	--external) external="${2:?--external needs a ws:// address}"; shift 2 ;;
	--validators) validators="${2:?--validators needs a number}"; shift 2 ;;
	--label) label="${2:?--label needs a text}"; shift 2 ;;
	--smoke) smoke=1; shift ;;
	--template) template=1; shift ;;
	--latency) latency=1; shift ;;
	--loads) loads="${2:?--loads needs percentages}"; shift 2 ;;
	--soak) soak="${2:?--soak needs seconds}"; shift 2 ;;
	--no-charts) charts=0; shift ;;
	-h | --help) usage ;;
	*) echo "bench.sh: unknown option $1" >&2; usage ;;
	esac
done
case "$count$accounts$soak$validators$backlog_given" in *[!0-9]*)
	echo "bench.sh: --count, --accounts, --backlog, --soak and --validators take numbers" >&2; exit 2 ;;
esac
for share in $loads; do
	case "$share" in [1-9] | [1-9][0-9] | 100) ;; *)
		echo "bench.sh: --loads takes percentages from 1 to 100, not $share" >&2; exit 2 ;;
	esac
done
if [ "$validators" != 1 ] && [ "$validators" -lt 3 ]; then
	echo "bench.sh: a network has at least 3 validators (or leave --validators out for one node)" >&2
	exit 2
fi
for workload in $workloads; do
	case "$workload" in transfer | remark | register | amend | lodge | file | issue | issue-batch | mix | domain) ;; *)
		echo "bench.sh: unknown workload $workload (transfer, remark, register, amend, lodge, file, issue, issue-batch, mix, domain)" >&2
		exit 2 ;;
	esac
done
if [ "$template" = 1 ]; then
	for workload in $workloads; do
		case "$workload" in transfer | remark) ;; *)
			echo "bench.sh: the template runs transfer and remark only, not $workload" >&2; exit 2 ;;
		esac
	done
	if [ "$validators" != 1 ] || [ -n "$external" ]; then
		echo "bench.sh: --template starts one template node; not with --validators or --external" >&2
		exit 2
	fi
fi
if [ "$smoke" = 1 ]; then
	workloads="mix domain"
	latency=0
	soak=0
	count=400
	accounts=200
	charts=0
fi

# The binaries: $GOVCHAIN_NODE and $GOVCHAIN_LOADGEN when set (the tests set them),
# otherwise a build with the workspace's one profile and feature set.
if [ -z "${GOVCHAIN_NODE:-}" ] || [ -z "${GOVCHAIN_LOADGEN:-}" ]; then
	source "$scripts/env.sh"
	(cd "$GOVCHAIN_ROOT" && cargo build "${GOVCHAIN_CARGO_FLAGS[@]}")
	GOVCHAIN_LOADGEN="$CARGO_TARGET_DIR/release/govchain-loadgen"
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
echo "bench.sh: results in $out" >&2

node_pid=""
stop_node() {
	if [ "$validators" -gt 1 ]; then
		GOVCHAIN_NETWORK_DIR="$out/network" bash "$scripts/network.sh" stop >&2 || true
		return
	fi
	if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then
		kill -INT "$node_pid"
		for _ in $(seq 60); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.5; done
		kill -KILL "$node_pid" 2>/dev/null || true
	fi
	node_pid=""
}
trap stop_node EXIT

# A free loopback port, from the kernel.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

loadgen_flags=()
if [ -n "$external" ]; then
	url="$external"
	[ -n "$label" ] || label="$external"
elif [ "$validators" -gt 1 ]; then
	# Ports away from network.sh's defaults, so that a network already running is no matter.
	export GOVCHAIN_NETWORK_DIR="$out/network" GOVCHAIN_NETWORK_LOAD_ACCOUNTS="$accounts" \
		GOVCHAIN_NETWORK_P2P_BASE=31350 GOVCHAIN_NETWORK_RPC_BASE=10950 GOVCHAIN_NETWORK_PROMETHEUS_BASE=10650
	export GOVCHAIN_NODE GOVCHAIN_LOADGEN
	bash "$scripts/network.sh" start "$validators" >&2
	url="ws://127.0.0.1:$((GOVCHAIN_NETWORK_RPC_BASE + 1))"
	[ -n "$label" ] || label="govchain, $validators validators${node_args:+ $node_args}"
	[ -z "$node_args" ] || echo "bench.sh: --node-args is not passed to a network's nodes" >&2
	loadgen_flags=(--node-pid "$(cat "$out/network/validator-1/pid")" --node-log "$out/network/validator-1/node.log")
else
	# govchain's benchmark spec rotates sessions hourly, as the Beijing chain and the
	# --validators network do, not every tenth block as the development spec.
	node_binary="$GOVCHAIN_NODE" spec_flags=(--officers 32 --session-blocks 600)
	if [ "$template" = 1 ]; then
		node_binary="$(bash "$scripts/template-node.sh" path)" spec_flags=(--officers 0)
		[ -x "$node_binary" ] || { echo "bench.sh: no template node at $node_binary: run scripts/template-node.sh build" >&2; exit 1; }
		[ -n "$label" ] || label="stock solochain template${node_args:+ $node_args}"
	fi
	"$node_binary" build-spec --chain dev >"$out/plain.json" 2>/dev/null
	"$GOVCHAIN_LOADGEN" spec --chain-spec "$out/plain.json" --accounts "$accounts" "${spec_flags[@]}" \
		--out "$out/bench-plain.json"
	if [ "$template" = 1 ]; then
		mv "$out/bench-plain.json" "$out/bench.json"
	else
		"$node_binary" build-spec --chain "$out/bench-plain.json" --raw >"$out/bench-raw.json" 2>/dev/null
		# The companies, scheme and bodies the domain workloads act on, in the genesis.
		"$GOVCHAIN_LOADGEN" prepare --chain-spec "$out/bench-raw.json" --out "$out/bench.json"
	fi
	rpc_port="$(free_port)"
	url="ws://127.0.0.1:$rpc_port"
	rm -rf "$out/db"
	# shellcheck disable=SC2086 # node_args is a list of flags
	"$node_binary" --chain "$out/bench.json" --alice --validator --force-authoring \
		--base-path "$out/db" --rpc-port "$rpc_port" --port "$(free_port)" \
		--prometheus-port "$(free_port)" --no-telemetry --no-mdns \
		--node-key 0000000000000000000000000000000000000000000000000000000000000001 \
		$node_args >"$out/node.log" 2>&1 &
	node_pid=$!
	for _ in $(seq 120); do
		if curl -sf --max-time 2 -H 'Content-Type: application/json' \
			-d '{"id":1,"jsonrpc":"2.0","method":"system_health","params":[]}' \
			"http://127.0.0.1:$rpc_port" >/dev/null; then
			break
		fi
		kill -0 "$node_pid" 2>/dev/null || { echo "bench.sh: the node stopped; see $out/node.log" >&2; exit 1; }
		sleep 0.5
	done
	[ -n "$label" ] || label="govchain --dev (bench spec)${node_args:+ $node_args}"
	loadgen_flags=(--node-pid "$node_pid" --node-log "$out/node.log")
fi

for workload in $workloads; do
	n="$count"
	backlog=12000
	# Enough transactions for a steady window of several full blocks at each workload's
	# ceiling, and a backlog of at least two blocks (with the weights of runtime spec 106
	# a block takes 4,478 transfers, 2,425 calls of the domain mix, 2,168 registrations
	# and about 250 classes of 50 certificates).
	case "$workload" in
	register) n=$((count / 3)); backlog=6000 ;;
	amend | lodge | file | issue) n=$((count / 3)) ;;
	issue-batch) n=$((count / 100)); backlog=500 ;;
	esac
	# The template's blocks take 1,974 transfers and its pool (sc-cli's defaults) 8,192
	# transactions: a larger backlog only overflows the pool.
	if [ "$template" = 1 ]; then backlog=4000; fi
	# On a network sharing this machine's cores, a burst of 12,000 gossiped transactions
	# clogged the peers' channels and they dropped their connections; 6,000 kept blocks full
	# (docs/performance.md, "Three validators").
	if [ "$validators" != 1 ] && [ "$backlog" -gt 6000 ]; then backlog=6000; fi
	if [ -n "$backlog_given" ]; then backlog="$backlog_given"; fi
	if [ "$smoke" = 1 ]; then n="$count" backlog=400; fi
	"$GOVCHAIN_LOADGEN" run --node "$url" --workload "$workload" --count "$n" \
		--accounts "$accounts" --backlog "$backlog" --label "$label" \
		"${loadgen_flags[@]}" --json "$out/$workload.json" | tee "$out/$workload.txt"
done
# Open-loop runs at a share of the transfer ceiling just measured.
ceiling() {
	python3 -c 'import json, sys; print(int(json.load(open(sys.argv[1]))["ceiling"]["tps"]))' "$out/transfer.json"
}
open_loop() { # $1: name, $2: percent of the ceiling, $3: seconds
	local rate=$(($(ceiling) * $2 / 100))
	"$GOVCHAIN_LOADGEN" run --node "$url" --workload transfer --rate "$rate" --count $((rate * $3)) \
		--accounts "$accounts" --label "$label, $2 % of ceiling" \
		"${loadgen_flags[@]}" --json "$out/$1.json" | tee "$out/$1.txt"
}
if [ "$latency" = 1 ] || [ "$soak" -gt 0 ]; then
	[ -f "$out/transfer.json" ] || { echo "bench.sh: --latency and --soak need the transfer workload first" >&2; exit 2; }
fi
if [ "$latency" = 1 ]; then
	for share in $loads; do open_loop "transfer-at-$share" "$share" 60; done
fi
if [ "$soak" -gt 0 ]; then
	open_loop soak 80 "$soak"
fi
stop_node

python3 "$scripts/bench-report.py" summary "$out" | tee "$out/summary.md"
if [ "$charts" = 1 ]; then
	python3 "$scripts/bench-report.py" charts "$out"
fi
