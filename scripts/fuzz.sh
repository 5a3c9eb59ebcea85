#!/usr/bin/env bash
# The long call-sequence fuzzing campaign (on demand; the test suite runs a short one).
#
#   scripts/fuzz.sh [--minutes M] [--jobs J] [--seed S] [--out DIR]
#
# Runs J govchain-fuzz processes (default: one per core) for M minutes each (default 30),
# with seeds S, S+1, ... (default 1), so J x M minutes of CPU. Each writes its table and
# JSON to DIR (default ~/.local/share/govchain/fuzz/<time>); a failing sequence is shrunk
# and saved in tools/fuzz/regressions/, where the test suite replays it. Exits 1 if any
# process found a failure. Uses $GOVCHAIN_FUZZ (the binary) if set, otherwise builds.
set -euo pipefail

scripts="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
minutes=30
jobs="$(nproc)"
seed=1
out="${XDG_DATA_HOME:-$HOME/.local/share}/govchain/fuzz/$(date -u +%Y%m%dT%H%M%SZ)"

usage() {
	sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
	exit 2
}

number() { # $1: flag, $2: value
	[[ "$2" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: $1 needs a whole number, not '$2'" >&2; exit 2; }
}

while [ $# -gt 0 ]; do
	case "$1" in
	--minutes) number "$1" "${2:-}"; minutes="$2"; shift 2 ;;
	--jobs) number "$1" "${2:-}"; jobs="$2"; shift 2 ;;
	--seed) number "$1" "${2:-}"; seed="$2"; shift 2 ;;
	--out) [ -n "${2:-}" ] || usage; out="$2"; shift 2 ;;
	*) usage ;;
	esac
done
[ "$jobs" -ge 1 ] || { echo "fuzz.sh: --jobs must be at least 1" >&2; exit 2; }

if [ -z "${GOVCHAIN_FUZZ:-}" ] || [ ! -x "$GOVCHAIN_FUZZ" ]; then
	source "$scripts/env.sh"
	(cd "$GOVCHAIN_ROOT" && cargo build "${GOVCHAIN_CARGO_FLAGS[@]}")
	GOVCHAIN_FUZZ="$CARGO_TARGET_DIR/release/govchain-fuzz"
fi

mkdir -p "$out"
echo "fuzz.sh: $jobs job(s) x $minutes min, seeds $seed..$((seed + jobs - 1)), results in $out"
pids=()
for job in $(seq 0 $((jobs - 1))); do
	s=$((seed + job))
	"$GOVCHAIN_FUZZ" --seconds $((minutes * 60)) --seed "$s" --json "$out/seed-$s.json" \
		> "$out/seed-$s.txt" 2> "$out/seed-$s.log" &
	pids+=("$!")
done
status=0
for job in "${!pids[@]}"; do
	s=$((seed + job))
	if wait "${pids[$job]}"; then
		head -n 2 "$out/seed-$s.txt"
	else
		status=1
		echo "seed $s FAILED:" >&2
		grep -m 5 -E "FAILED|saved|aborted" "$out/seed-$s.log" >&2 || tail -n 5 "$out/seed-$s.log" >&2
	fi
done
python3 - "$out" <<'EOF'
import json, pathlib, sys
runs = [json.loads(p.read_text()) for p in sorted(pathlib.Path(sys.argv[1]).glob("seed-*.json"))]
if runs:
    cpu = sum(run["cpu_seconds"] for run in runs)
    calls = {}
    for run in runs:
        for name, call in run["calls"].items():
            calls[name] = calls.get(name, 0) + call["succeeded"]
    print(f"total: {cpu / 3600:.2f} CPU-hours, {sum(r['sequences'] for r in runs)} sequences, "
          f"{sum(r['steps'] for r in runs)} steps, {sum(r['blocks'] for r in runs)} blocks; "
          f"{sum(1 for n in calls.values() if n)} of {len(calls)} calls succeeded at least once")
EOF
exit "$status"
