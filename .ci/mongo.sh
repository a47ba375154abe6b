#!/usr/bin/env bash
# Builds and runs the test MongoDB server (mongo-java-server 1.47.0, in memory, 127.0.0.1).
#   bash .ci/mongo.sh start   → builds if needed, starts in the background (or reuses the one
#                               already started), prints MONGODB_URI=…
#   bash .ci/mongo.sh stop    → stops the server started by 'start'
# Needs Java 17+ and Maven (dependencies come from Maven Central).
set -euo pipefail
here="$(cd "$(dirname "$0")/mongo" && pwd)"
pid_file="$here/target/server.pid"
log_file="$here/target/server.log"

build() {
  if [ ! -f "$here/target/test-mongo-server-1.0.0.jar" ] || [ ! -d "$here/target/lib" ] \
     || [ "$here/pom.xml" -nt "$here/target/test-mongo-server-1.0.0.jar" ] \
     || [ -n "$(find "$here/src" -newer "$here/target/test-mongo-server-1.0.0.jar" -type f)" ]; then
    if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
      echo "The MongoDB tests need Java 17+ and Maven to build their test server (Debian: apt-get install --no-install-recommends default-jdk-headless maven)," >&2
      echo "or MONGODB_URI set to a MongoDB you already run (its database is used and dropped by the tests)." >&2
      return 1
    fi
    echo "Building the test MongoDB server with Maven (once; its dependencies come from Maven Central)…" >&2
    mvn -q -B -f "$here/pom.xml" package >&2
  fi
}

start() {
  # Already running (started by an earlier 'start'): reuse it.
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null \
     && line=$(grep -m1 '^MONGODB_URI=' "$log_file" 2>/dev/null); then
    echo "$line"
    return 0
  fi
  build
  stop_quietly
  : >"$log_file"
  java -cp "$here/target/test-mongo-server-1.0.0.jar:$here/target/lib/*" guichet.TestMongoServer "${MONGO_PORT:-0}" \
    >"$log_file" 2>&1 &
  echo $! >"$pid_file"
  for _ in $(seq 1 300); do
    if line=$(grep -m1 '^MONGODB_URI=' "$log_file"); then
      echo "$line"
      return 0
    fi
    if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "The test MongoDB server did not start. Its output:" >&2
  cat "$log_file" >&2
  stop_quietly
  return 1
}

stop_quietly() {
  if [ -f "$pid_file" ]; then
    kill "$(cat "$pid_file")" 2>/dev/null || true
    rm -f "$pid_file"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop_quietly ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
