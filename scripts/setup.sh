#!/usr/bin/env bash
# Installs whatever Dossier's build and tests need and is missing; skips what is already there at
# the right version. Safe to run again. Usage: bash scripts/setup.sh [--no-browser]
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first (https://rustup.rs)"; exit 1; }
command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 or newer first"; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "adding the rust-src component (the page's wasm rebuilds the standard library for size)"
  rustup component add rust-src
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (several minutes, once)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen version Cargo.lock pins.
[ -f Cargo.lock ] || cargo generate-lockfile
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, "", $0); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (a few minutes, once)"
  # Not --locked: one of its locked dependency versions is no longer on the registry.
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# wasm-opt from npm binaryen (Debian's is too old and breaks the page), Playwright, axe.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ package.json -nt node_modules/.stamp ]; then
  say "installing npm packages (binaryen@$BINARYEN_VERSION, playwright-core, axe)"
  npm ci --no-audit --no-fund
  touch node_modules/.stamp
fi
if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "$BINARYEN_VERSION" ]; then
  echo "wasm-opt on PATH is not binaryen $BINARYEN_VERSION: $(command -v wasm-opt) $(wasm-opt --version 2>&1)"; exit 1
fi

if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Chromium and ChromeDriver from Debian"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Every dependency's source, so `trunk --offline` never needs the network.
cargo fetch --locked >/dev/null 2>&1 || cargo fetch
# ... and the standard library's own dependencies, for the page's size-tuned build (page-env.sh).
(source scripts/page-env.sh && cargo fetch --locked --target wasm32-unknown-unknown >/dev/null)
say "setup complete"
