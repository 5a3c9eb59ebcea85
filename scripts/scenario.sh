#!/usr/bin/env bash
# Runs the Beijing scenario (scripts/scenario/beijing.js) on a running govchain node:
#   scripts/scenario.sh [--url ws://127.0.0.1:9944]
# Installs its pinned packages on first use (npm ci). Start a chain first, e.g.
# scripts/run-dev-chain.sh --tmp in another terminal, or scripts/network.sh start.
set -euo pipefail
cd "$(dirname "$0")/scenario"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
	npm ci --no-audit --no-fund --loglevel=error >&2
fi
exec node beijing.js "$@"
