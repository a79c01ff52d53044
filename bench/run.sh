#!/usr/bin/env bash
# Builds the Dossier core as a Node wasm module (bench/node-api, release profile: opt-level 3, LTO)
# and runs bench/run.mjs against compromise and wink-nlp. A benchmark, not a test: run it on a quiet machine.
# Usage: bench/run.sh [run.mjs options, e.g. --iters 9]   Env: SKIP_BUILD=1 to reuse bench/pkg.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  (cd "$here/node-api" && cargo build --release --target wasm32-unknown-unknown)
  want="$(grep -A1 '^name = "wasm-bindgen"$' "$here/node-api/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')"
  have="$(wasm-bindgen --version | awk '{print $2}')"
  [[ "$want" == "$have" ]] || { echo "wasm-bindgen CLI $have != crate $want" >&2; exit 1; }
  wasm-bindgen --target nodejs --out-dir "$here/pkg" \
    "$here/node-api/target/wasm32-unknown-unknown/release/dossier_node_api.wasm"
  # wasm-bindgen's nodejs output is CommonJS; bench/package.json says "type": "module".
  echo '{ "type": "commonjs" }' > "$here/pkg/package.json"
fi
if [[ ! -d "$here/node_modules/wink-nlp" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi
cd "$here" && node run.mjs "$@"
