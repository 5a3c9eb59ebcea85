#!/usr/bin/env bash
# Builds the runtime wasm of an earlier commit, for the end-to-end upgrade test:
#   scripts/runtime-fixture.sh <commit> <output.wasm>
# The commit is checked out in a temporary worktree and built with the workspace's flags and
# target directory (the whole workspace, so that features unify as always and only
# govchain's own crates compile). Run it when a release's layout
# becomes the one a migration starts from, and commit the output under tests/e2e/fixtures/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ $# -eq 2 ] || { echo "usage: $0 <commit> <output.wasm>" >&2; exit 2; }
commit="$1"
output="$(realpath -m "$2")"
worktree="$(mktemp -d)"
trap 'git -C "$GOVCHAIN_ROOT" worktree remove --force "$worktree"' EXIT
git -C "$GOVCHAIN_ROOT" worktree add --detach "$worktree" "$commit" >&2
cd "$worktree"
cargo build "${GOVCHAIN_CARGO_FLAGS[@]}"
cp "$CARGO_TARGET_DIR/release/wbuild/govchain-runtime/govchain_runtime.compact.compressed.wasm" "$output"
echo "runtime of $commit written to $output" >&2
