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
typecheck_pid=
cleanup() {
  if [ -n "$typecheck_pid" ]; then kill "$typecheck_pid" 2>/dev/null || true; fi
  if [ -n "$started_mongo" ]; then bash .ci/mongo.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

export REQUIRE_MONGODB=1 REQUIRE_BROWSER=1
# restify 11 reads process.binding('http_parser'): Node warns once per process (16 times a run).
export NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=DEP0111"
# The type check (tsc --noEmit, one core for about 25 s of CPU) runs beside jest rather than before it;
# its output follows jest's, and either failing fails the run.
typecheck_log="$(mktemp)"
npm run --silent typecheck >"$typecheck_log" 2>&1 &
typecheck_pid=$!
# dist/, which the suites that start the compiled bot need (they run `build.mjs --if-stale` too): built
# here, beside the type check, when stale (always, on a clean clone), rather than inside the first such
# test file's beforeAll while another test file runs beside it.
node scripts/build.mjs --if-stale
jest_status=0
# The recognizers' very long regular expressions are compiled once, not again by the optimizing tier (as `npm start` runs the bot): seconds per test file.
node --no-regexp-tier-up node_modules/jest/bin/jest.js "$@" || jest_status=$?
typecheck_status=0
wait "$typecheck_pid" || typecheck_status=$?
typecheck_pid=
cat "$typecheck_log"
rm -f "$typecheck_log"
if [ "$typecheck_status" != 0 ]; then echo "typecheck: failed (npm run typecheck)" >&2; else echo "typecheck: passed"; fi
if [ "$jest_status" != 0 ]; then exit "$jest_status"; fi
exit "$typecheck_status"
