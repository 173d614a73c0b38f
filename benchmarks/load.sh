#!/usr/bin/env bash
# The load harness (see docs/benchmarks.md): two Gatehouse nodes on Jetty sharing one PostgreSQL schema, a loopback
# IdP, and virtual users signing in without pause; it stops by itself and puts its figures into benchmarks/RESULTS.md.
#
#   bash benchmarks/load.sh                                  # 200 users, 20 s warm-up, 60 s measured: about 2 minutes
#   LOAD_USERS=20 LOAD_DURATION=10 bash benchmarks/load.sh   # a quick check that it runs
#
# Settings (environment; defaults in brackets):
#   LOAD_USERS [200]       concurrent virtual users
#   LOAD_WARMUP [20]       seconds of warm-up (JIT, pools, caches) before the measurement
#   LOAD_DURATION [60]     seconds measured
#   LOAD_POOL [8]          HikariCP connections per node
#   LOAD_NODE_JVM [-Xms256m -Xmx768m]   options of each node's JVM
#   BENCH_MVN_FLAGS        extra Maven flags, e.g. -o to build offline
#   BENCH_OUT [benchmarks/RESULTS.md]
# PostgreSQL: GATEHOUSE_PG_URL, GATEHOUSE_PG_USER and GATEHOUSE_PG_PASSWORD; unset, .ci/postgres.sh provides them
# (starting the throw-away server it manages when none runs). The harness works in a schema of its own and drops it.
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${LOAD_USERS:-200}
WARMUP=${LOAD_WARMUP:-20}
DURATION=${LOAD_DURATION:-60}
POOL=${LOAD_POOL:-8}
NODE_JVM=${LOAD_NODE_JVM:--Xms256m -Xmx768m}
OUT=${BENCH_OUT:-benchmarks/RESULTS.md}

command="bash benchmarks/load.sh"
for name in $(env | grep -o '^LOAD_[A-Z_]*' | sort); do
  command="$name=${!name} $command"
done

if [[ -z "${GATEHOUSE_PG_URL:-}" ]]; then
  eval "$(bash .ci/postgres.sh)"
fi

echo "== building the benchmarks jar (load average $(cut -d' ' -f1-3 /proc/loadavg))"
# shellcheck disable=SC2086
mvn -B -q ${BENCH_MVN_FLAGS:-} -Pbenchmarks-jar -pl benchmarks -am -DskipTests package
jar=benchmarks/target/benchmarks.jar
work=benchmarks/target/results
mkdir -p "$work"

if [[ ! -f "$work/cpu.json" && ! -f "$work/jmh.json" ]]; then
  echo "== CPU-time cross-check of the engine's callback (the figure the load's CPU per sign-in is compared with)"
  java -cp "$jar" io.gatehouse.sso.benchmarks.CpuTimeCheck --rounds 5 --out "$work/cpu.json" > /dev/null
fi

echo "== load: $USERS users, ${WARMUP} s warm-up, ${DURATION} s measured, two nodes, pool $POOL each"
java -cp "$jar" io.gatehouse.sso.benchmarks.cluster.LoadHarness --users "$USERS" --warmup "$WARMUP" --duration "$DURATION" \
  --pool "$POOL" --node-jvm "$NODE_JVM" --command "$command" --out "$work/load.json" > "$work/load.log"

java -cp "$jar" io.gatehouse.sso.benchmarks.cluster.LoadReport --load "$work/load.json" --jmh "$work/jmh.json" \
  --cpu "$work/cpu.json" --results "$OUT"
