#!/usr/bin/env bash
# Sets up what is missing, then builds the page (release) and serves it on http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
source scripts/page-env.sh
exec trunk serve --release --offline --address 127.0.0.1 --port 8080
