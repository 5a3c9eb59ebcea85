#!/usr/bin/env bash
# Serves the public verification page (web/) on http://127.0.0.1:PORT (default 8080).
# Open it with ?node=http://HOST:9944 to ask another node; the node's default --rpc-cors
# accepts pages from localhost and 127.0.0.1 (docs/rpc.md, "From a web page").
set -euo pipefail
port="${1:-8080}"
[[ "$port" =~ ^[0-9]+$ ]] || { echo "verify-page.sh: PORT must be a number, not '$port'" >&2; exit 2; }
echo "govchain verification page: http://127.0.0.1:$port/?node=http://127.0.0.1:9944" >&2
exec python3 -m http.server --bind 127.0.0.1 --directory "$(dirname "$0")/../web" "$port"
