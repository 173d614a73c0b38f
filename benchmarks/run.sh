#!/usr/bin/env bash
# Runs every Gatehouse benchmark and writes benchmarks/RESULTS.md (see docs/benchmarks.md); the load harness's section
# (benchmarks/load.sh, run separately) is kept.
#
#   bash benchmarks/run.sh                        # the real run: about 15 minutes, on a quiet machine please
#   BENCH_ITERATIONS=2 BENCH_TIME=1s BENCH_WARMUP_ITERATIONS=1 BENCH_FORKS=1 bash benchmarks/run.sh   # a smoke run
#
# Settings (environment; defaults in brackets):
#   BENCH_WARMUP_ITERATIONS, BENCH_WARMUP_TIME, BENCH_ITERATIONS, BENCH_TIME, BENCH_FORKS
#                                  override JMH's -wi -w -i -r -f for every benchmark. Unset, each benchmark keeps its
#                                  annotations: 5 measured iterations of 1 s, 2 forks, and a warm-up sized to what it
#                                  needs (3 x 2 s; 5 x 2 s for the engine callbacks; 3 x 1 s for the raw floor, group sync and
#                                  the callback's parts, which run in 1 fork)
#   BENCH_INCLUDE   [io.gatehouse.sso.benchmarks]  regex of the JMH benchmarks to run
#   BENCH_PROFILERS [gc]           comma list of JMH profilers ("" for none); gc adds the "alloc B/op" column
#   BENCH_JWKS_LOGINS [10000]      Gatehouse logins per phase of the JWKS fetch count
#   BENCH_SPRING_JWKS_LOGINS [1000] Spring logins per phase (each one downloads the JWKS, so fewer)
#   BENCH_HEAP_PENDING [100000]    begun logins for the heap-per-pending-login probe
#   BENCH_HEAP_COMPLETED [20000]   completed callbacks for the heap-per-completed-login probe
#   BENCH_CPU_ROUNDS [9]           measured rounds of the CPU-time cross-check (6 warm-up rounds before them)
#   BENCH_TLS_LOGINS [1000]        logins back to back per client for the TLS connection count
#   BENCH_TLS_SPACED_LOGINS [5]    logins BENCH_TLS_SPACING_SECONDS [6] apart per client (0: skip that phase)
#   BENCH_SPRING_BOOT_SECONDS [30] measured seconds of the Spring Boot login load per application (0 skips it)
#   BENCH_SPRING_BOOT_WARMUP [15]  its warm-up seconds per application
#   BENCH_SPRING_BOOT_THREADS [4]  its concurrent browsers
#   BENCH_SMOKE [auto]             true/false: label RESULTS.md as a smoke run (auto: fewer than 10 measured
#                                  iterations in all forks, or fewer than 3 warm-up iterations)
#   BENCH_NOTE                     a sentence to put at the top of RESULTS.md
#   BENCH_MVN_FLAGS                extra Maven flags, e.g. -o to build offline
#   BENCH_OUT [benchmarks/RESULTS.md]
set -euo pipefail
cd "$(dirname "$0")/.."

# what the annotations use when nothing is set; only for deciding whether this is a smoke run
WARMUP_ITERATIONS=${BENCH_WARMUP_ITERATIONS:-3}
ITERATIONS=${BENCH_ITERATIONS:-5}
FORKS=${BENCH_FORKS:-2}
INCLUDE=${BENCH_INCLUDE:-io.gatehouse.sso.benchmarks}
PROFILERS=${BENCH_PROFILERS-gc}
JWKS_LOGINS=${BENCH_JWKS_LOGINS:-10000}
SPRING_JWKS_LOGINS=${BENCH_SPRING_JWKS_LOGINS:-1000}
HEAP_PENDING=${BENCH_HEAP_PENDING:-100000}
HEAP_COMPLETED=${BENCH_HEAP_COMPLETED:-20000}
CPU_ROUNDS=${BENCH_CPU_ROUNDS:-9}
TLS_LOGINS=${BENCH_TLS_LOGINS:-1000}
TLS_SPACED_LOGINS=${BENCH_TLS_SPACED_LOGINS:-5}
TLS_SPACING_SECONDS=${BENCH_TLS_SPACING_SECONDS:-6}
SPRING_BOOT_SECONDS=${BENCH_SPRING_BOOT_SECONDS:-30}
SPRING_BOOT_WARMUP=${BENCH_SPRING_BOOT_WARMUP:-15}
SPRING_BOOT_THREADS=${BENCH_SPRING_BOOT_THREADS:-4}
OUT=${BENCH_OUT:-benchmarks/RESULTS.md}

# the command as it was typed, with the settings that differ from the defaults
command="bash benchmarks/run.sh"
for name in $(env | grep -o '^BENCH_[A-Z_]*' | sort); do
  command="$name=${!name} $command"
done

if [[ -n "${BENCH_SMOKE:-}" ]]; then
  smoke=$BENCH_SMOKE
elif (( FORKS * ITERATIONS < 10 || WARMUP_ITERATIONS < 3 )); then
  smoke=true
else
  smoke=false
fi

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== building the benchmarks jar (load average $load_start)"
# shellcheck disable=SC2086
mvn -B -q ${BENCH_MVN_FLAGS:-} -Pbenchmarks-jar -pl benchmarks -am -DskipTests package
jar=benchmarks/target/benchmarks.jar
work=benchmarks/target/results
mkdir -p "$work"

profiler_args=()
IFS=',' read -r -a profilers <<< "$PROFILERS"
for p in "${profilers[@]}"; do
  [[ -n "$p" ]] && profiler_args+=(-prof "$p")
done

jmh_args=()
[[ -n "${BENCH_WARMUP_ITERATIONS:-}" ]] && jmh_args+=(-wi "$BENCH_WARMUP_ITERATIONS")
[[ -n "${BENCH_WARMUP_TIME:-}" ]] && jmh_args+=(-w "$BENCH_WARMUP_TIME")
[[ -n "${BENCH_ITERATIONS:-}" ]] && jmh_args+=(-i "$BENCH_ITERATIONS")
[[ -n "${BENCH_TIME:-}" ]] && jmh_args+=(-r "$BENCH_TIME")
[[ -n "${BENCH_FORKS:-}" ]] && jmh_args+=(-f "$BENCH_FORKS")
jmh_args+=("${profiler_args[@]}" -rf json -rff "$work/jmh.json" "$INCLUDE")
echo "== JMH: java -jar $jar ${jmh_args[*]}"
java -jar "$jar" "${jmh_args[@]}"

echo "== JWKS fetch count"
java -cp "$jar" io.gatehouse.sso.benchmarks.JwksFetchCount --logins "$JWKS_LOGINS" \
  --spring-logins "$SPRING_JWKS_LOGINS" --threads 2 --out "$work/jwks.json"

echo "== heap per login"
# Serial GC: System.gc() is then a full, compacting collection, so live heap readings are exact
java -XX:+UseSerialGC -Xmx1g -cp "$jar" io.gatehouse.sso.benchmarks.PendingLoginHeap \
  --pending "$HEAP_PENDING" --completed "$HEAP_COMPLETED" --out "$work/heap.json"

echo "== CPU-time cross-check"
java -cp "$jar" io.gatehouse.sso.benchmarks.CpuTimeCheck --rounds "$CPU_ROUNDS" --out "$work/cpu.json"

echo "== TLS connections per client"
java -cp "$jar" io.gatehouse.sso.benchmarks.TlsConnectionCount --logins "$TLS_LOGINS" --threads 2 \
  --spaced-logins "$TLS_SPACED_LOGINS" --spacing-seconds "$TLS_SPACING_SECONDS" --out "$work/tls.json"

rm -f "$work/springboot.json"
if (( SPRING_BOOT_SECONDS > 0 )); then
  echo "== Spring Boot login load: the Gatehouse starter against plain oauth2Login"
  # shellcheck disable=SC2086
  mvn -B -q ${BENCH_MVN_FLAGS:-} -Pboot-jar -pl examples/spring-boot-app,benchmarks/spring-oauth2-login-app -am -DskipTests package
  java -cp "$jar" io.gatehouse.sso.benchmarks.SpringBootLoginLoad \
    --gatehouse-jar "$(ls examples/spring-boot-app/target/gatehouse-spring-boot-example-*.jar | grep -v original | head -1)" \
    --spring-jar "$(ls benchmarks/spring-oauth2-login-app/target/gatehouse-benchmark-oauth2-login-app-*.jar | grep -v original | head -1)" \
    --threads "$SPRING_BOOT_THREADS" --warmup-seconds "$SPRING_BOOT_WARMUP" --seconds "$SPRING_BOOT_SECONDS" \
    --logs "$work" --out "$work/springboot.json"
fi

java -cp "$jar" io.gatehouse.sso.benchmarks.ResultsTable --jmh "$work/jmh.json" --jwks "$work/jwks.json" \
  --heap "$work/heap.json" --cpu "$work/cpu.json" --springboot "$work/springboot.json" --tls "$work/tls.json" --command "$command" --jmh-command "java -jar $jar ${jmh_args[*]}" \
  --load-start "$load_start" --smoke "$smoke" --note "${BENCH_NOTE:-}" --load "$work/load.json" --out "$OUT"
