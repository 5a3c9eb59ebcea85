#!/usr/bin/env bash
# The stock polkadot-sdk solochain template's node, built as its README says, so that
# scripts/bench.sh --template can measure it side by side with govchain on this machine
# (docs/performance.md).
#
#   scripts/template-node.sh build [SOURCE]   clone the template (SOURCE: a git URL or a
#                                             local clone; default its GitHub repository),
#                                             check out the pinned release and build it
#   scripts/template-node.sh path             print the node binary's path
#
# The template pins its own polkadot-sdk release (stable2503) in its own lock file, so it is
# a separate build (a second polkadot-sdk, and RocksDB and binaryen from C++), in its own
# target directory ($GOVCHAIN_TEMPLATE_DIR, default ~/.cache/govchain/template): nothing of
# govchain's build is touched or reused. Run it when no other cargo build runs.
set -euo pipefail

scripts="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${GOVCHAIN_TEMPLATE_DIR:-$HOME/.cache/govchain/template}"
# The template's release measured in docs/performance.md ("Update the solochain template to
# stable2503").
commit=2610f22b838f65bfeec9791ede17827b74e1ac50
binary="$dir/target/release/solochain-template-node"

case "${1:-}" in
path)
	echo "$binary"
	;;
build)
	source="${2:-https://github.com/paritytech/polkadot-sdk-solochain-template.git}"
	if [ ! -d "$dir/src/.git" ]; then
		rm -rf "$dir/src"
		git clone --quiet "$source" "$dir/src"
	fi
	git -C "$dir/src" checkout --quiet "$commit" || {
		echo "template-node.sh: $source has no commit $commit" >&2
		exit 1
	}
	# The toolchain that builds wasm here (rustup's target, or Debian's rustc-web).
	source "$scripts/env.sh"
	cd "$dir/src"
	CARGO_TARGET_DIR="$dir/target" cargo build --release --locked -p solochain-template-node
	echo "$binary"
	;;
*)
	sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
	exit 2
	;;
esac
