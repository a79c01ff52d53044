#!/usr/bin/env bash
# Runs every Dossier test: native core tests, component tests in headless Chromium, the release
# build under a sub-path with its size budget, and Playwright end-to-end tests against that build.
# Installs whatever is missing first (scripts/setup.sh). Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "native tests (core, CLI, dev-set scores)"
cargo test --release --locked

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build under /dossier/"
rm -rf dist
(source scripts/page-env.sh && trunk build --release --offline --public-url /dossier/) 2>&1 | tail -n 5

step "first-load size (budget 300 KB gzip)"
python3 scripts/sizes.py dist --budget-kb 300 --lazy worker.js dossier-tools.js dossier-tools_bg.wasm

step "end-to-end tests (Playwright + Chromium) against dist/ served under /dossier/"
node --test --test-concurrency=1 e2e/*.spec.mjs
