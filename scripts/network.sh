#!/usr/bin/env bash
# A network of N agency validators on this machine, from one command.
#
#   scripts/network.sh start [N]   write the network (N validators, default 4) if it does not
#                                  exist, start every node that is not running, and print
#                                  each node's polkadot.js apps URL
#   scripts/network.sh status      height, finalized height and peers of every node
#   scripts/network.sh stop        stop every node cleanly (SIGINT, as Ctrl-C)
#   scripts/network.sh purge       stop, then delete the network (chain data and keys)
#
# The chain spec, keys and each node's command line come from scripts/network-spec.py, as
# in docker/compose.yaml. Nodes listen on loopback only. Everything lives in
# $GOVCHAIN_NETWORK_DIR (default ~/.local/share/govchain/network): node-N/node.log is a
# node's log. Ports: p2p 30350+i, RPC 9950+i, Prometheus 9650+i for validator i; change the
# bases with GOVCHAIN_NETWORK_{P2P,RPC,PROMETHEUS}_BASE before the first start.
# GOVCHAIN_NETWORK_LOAD_ACCOUNTS=L endows govchain-loadgen's load accounts at genesis
# (scripts/bench.sh --validators sets it). GOVCHAIN_NETWORK_CODE=FILE starts a new network
# on that runtime wasm instead of the node's own (to rehearse an upgrade from a release).
# Safe to re-run: a running node is left alone, an existing network is reused.
set -euo pipefail

scripts="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
network="${GOVCHAIN_NETWORK_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/govchain/network}"

usage() {
	sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
	exit 2
}

# The node binary: $GOVCHAIN_NODE when it is set (the tests set it), otherwise a fresh build.
node_binary() {
	if [ -z "${GOVCHAIN_NODE:-}" ] || [ ! -x "$GOVCHAIN_NODE" ]; then
		source "$scripts/env.sh"
		(cd "$GOVCHAIN_ROOT" && cargo build "${GOVCHAIN_CARGO_FLAGS[@]}")
	fi
	export GOVCHAIN_NODE
}

# The node names and RPC ports of the network, one "name port" per line.
nodes() {
	python3 -c 'import json, sys
for node in json.load(open(sys.argv[1]))["nodes"]:
    print(node["name"], node["rpc"])' "$network/network.json"
}

running() { # $1: node name
	local pid_file="$network/$1/pid"
	[ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

# A JSON-RPC call to the node on port $1: method $2, params $3 (JSON); prints the result.
rpc() {
	curl -sf --max-time 5 -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":${3:-[]}}" "http://127.0.0.1:$1" |
		python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin)["result"]))'
}

block_number() { # $1: port, $2: block hash as JSON (null: best)
	rpc "$1" chain_getHeader "[$2]" | python3 -c 'import json, sys; print(int(json.load(sys.stdin)["number"], 16))'
}

start() {
	local count="${1:-4}"
	[[ "$count" =~ ^[0-9]+$ ]] || { echo "network.sh: N must be a number, not '$count'" >&2; exit 2; }
	node_binary
	python3 "$scripts/network-spec.py" "$network" "$count" \
		--p2p-base "${GOVCHAIN_NETWORK_P2P_BASE:-30350}" \
		--rpc-base "${GOVCHAIN_NETWORK_RPC_BASE:-9950}" \
		--prometheus-base "${GOVCHAIN_NETWORK_PROMETHEUS_BASE:-9650}" \
		--load-accounts "${GOVCHAIN_NETWORK_LOAD_ACCOUNTS:-0}" \
		${GOVCHAIN_NETWORK_CODE:+--code "$GOVCHAIN_NETWORK_CODE"}
	local name port args
	while read -r name port; do
		if running "$name"; then
			echo "$name: already running (pid $(cat "$network/$name/pid"))"
			continue
		fi
		mapfile -t args < "$network/$name/args"
		(cd "$network" && exec nohup "$GOVCHAIN_NODE" "${args[@]}" >> "$name/node.log" 2>&1 < /dev/null) &
		echo $! > "$network/$name/pid"
	done < <(nodes)
	while read -r name port; do
		local deadline=$((SECONDS + 60))
		until rpc "$port" system_health > /dev/null 2>&1; do
			if ! running "$name" || [ $SECONDS -ge $deadline ]; then
				echo "network.sh: $name did not start; the end of $network/$name/node.log:" >&2
				tail -n 20 "$network/$name/node.log" >&2
				exit 1
			fi
			sleep 0.5
		done
		echo "$name: https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:$port"
	done < <(nodes)
}

status() {
	[ -f "$network/network.json" ] || { echo "no network in $network (scripts/network.sh start)"; return 0; }
	printf '%-14s %-8s %8s %10s %6s\n' node state best finalized peers
	local name port
	while read -r name port; do
		if ! running "$name"; then
			printf '%-14s %-8s\n' "$name" stopped
		elif ! health=$(rpc "$port" system_health 2>/dev/null); then
			printf '%-14s %-8s\n' "$name" starting
		else
			local peers best finalized
			peers=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["peers"])' "$health")
			best=$(block_number "$port" null)
			finalized=$(block_number "$port" "$(rpc "$port" chain_getFinalizedHead)")
			printf '%-14s %-8s %8s %10s %6s\n' "$name" running "$best" "$finalized" "$peers"
		fi
	done < <(nodes)
}

stop() {
	[ -f "$network/network.json" ] || return 0
	local name port pid
	while read -r name port; do
		running "$name" || { rm -f "$network/$name/pid"; continue; }
		pid=$(cat "$network/$name/pid")
		kill -INT "$pid"
		for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
		if kill -0 "$pid" 2>/dev/null; then
			echo "$name: still running after 30 s; killed" >&2
			kill -KILL "$pid"
		fi
		rm -f "$network/$name/pid"
		echo "$name: stopped"
	done < <(nodes)
}

case "${1:-}" in
	start) [ $# -le 2 ] || usage; start "${2:-4}" ;;
	status) [ $# -eq 1 ] || usage; status ;;
	stop) [ $# -eq 1 ] || usage; stop ;;
	purge) [ $# -eq 1 ] || usage; stop; rm -rf "$network"; echo "removed $network" ;;
	*) usage ;;
esac
