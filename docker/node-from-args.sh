#!/usr/bin/env bash
# Runs govchain-node with the arguments in the file $1, one per line: a node's `args` as
# scripts/network-spec.py writes them (paths relative to the network directory, the working
# directory here). scripts/network.sh starts its nodes the same way, so the flags live in
# the generator alone.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: node-from-args ARGS_FILE" >&2; exit 2; }
mapfile -t args < "$1"
exec "$GOVCHAIN_NODE" "${args[@]}"
