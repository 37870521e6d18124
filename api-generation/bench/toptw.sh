#!/usr/bin/env bash
# Solves every TOPTW instance of a folder with the api-generation search engine, one core, no Spring.
#
#   api-generation/bench/toptw.sh INSTANCE_DIR OUT_CSV [--tours M] [--time-limit-ms T] [--seed S] [--warmup-ms W]
#
# Writes OUT_CSV with the header instance,m,score,time_ms,routes (routes: tours separated by '|', node ids by spaces,
# depot left out). Without --tours each instance is solved for m = 1, 2, 3 and 4. The default time limit is 1000 ms
# per instance and m. The runner never reads best-known values; every solution is replayed by an independent verifier
# before it is written, and the script exits non-zero if any replay fails.
#
# The JVM is pinned to one CPU (taskset, when available; TOPTW_CPU picks which, default 0), runs the serial collector
# and believes it has one processor, so the solver, the JIT and the GC share that core. Before the first timed run the
# solver warms up on the first instance for --warmup-ms (default 500) so that the JIT has compiled it.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
module="$(dirname "$here")"
root="$(dirname "$module")"
# The runner is a test source (src/bench/java): it needs the test classes and the engine's classes, nothing else.
classes="$module/target/test-classes:$module/target/classes"

if [[ ! -f "$module/target/test-classes/io/itinera/generation/benchmark/ToptwBenchmark.class" ]]; then
  echo "compiling api-generation (the runner's classes are missing)..." >&2
  (cd "$root" && mvn -B -q -o -pl api-generation -am test-compile) \
    || (cd "$root" && mvn -B -q -pl api-generation -am test-compile)
fi

pin=()
if command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c "${TOPTW_CPU:-0}")
fi

exec "${pin[@]}" java -XX:+UseSerialGC -XX:ActiveProcessorCount=1 -Xms256m -Xmx1g \
  -cp "$classes" io.itinera.generation.benchmark.ToptwBenchmark "$@"
