#!/usr/bin/env bash
# The whole test suite with its real services: type-check, then jest with a MongoDB wire-protocol
# server (mongo-java-server, unless MONGODB_URI already points at one) and Debian's Chromium.
# Suites that need either service fail, rather than skip, when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "The browser tests need Chromium: installing Debian's chromium package with apt-get (once)…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation) >/dev/null
  else
    echo "The browser tests need Chromium, and there is none at $chromium_path." >&2
    echo "Install Debian's 'chromium' package (sudo apt-get install --no-install-recommends chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
    exit 1
  fi
fi

started_mongo=
if [ -z "${MONGODB_URI:-}" ]; then
  line=$(bash .ci/mongo.sh start | grep '^MONGODB_URI=')
  export MONGODB_URI="${line#MONGODB_URI=}"
  started_mongo=1
fi
cleanup() { if [ -n "$started_mongo" ]; then bash .ci/mongo.sh stop >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT

export REQUIRE_MONGODB=1 REQUIRE_BROWSER=1
# restify 11 reads process.binding('http_parser'): Node warns once per process (16 times a run).
export NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=DEP0111"
npm run --silent typecheck
# The recognizers' very long regular expressions are compiled once, not again by the optimizing tier (as `npm start` runs the bot): seconds per test file.
node --no-regexp-tier-up node_modules/jest/bin/jest.js "$@"
