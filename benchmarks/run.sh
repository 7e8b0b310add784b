#!/usr/bin/env bash
# Builds TransferLab and runs the JMH benchmarks, writing JMH's JSON results.
#
# usage: benchmarks/run.sh [JMH arguments...]
#   benchmarks/run.sh                          every benchmark, results in benchmarks/results/jmh-DATE.json
#   benchmarks/run.sh EpochBenchmark -p network=mlp   one benchmark, one parameter value
#   benchmarks/run.sh -h                       JMH's options
# Each benchmark class sets its defaults (1 fork, 1 warm-up iteration of 1 s, 3 of 2 s); JMH options override them.
# env: BENCH_JAVA_OPTS (default: the launcher's JVM options), inherited by JMH's forks; OMP_NUM_THREADS (default 1).
# Next to the JSON file, a .txt file records the machine, the date and the load average before and after.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
# Rebuild when the class path file is missing or any pom or main source is newer than it.
if [ ! -f benchmarks/target/classpath.txt ] || [ -n "$(find . -path ./.git -prune -o \( -name pom.xml -o -path '*/src/main/*' \) \
      -newer benchmarks/target/classpath.txt -type f -print -quit)" ]; then
  mvn -B -q -DskipTests package >&2
fi
mkdir -p benchmarks/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
json="benchmarks/results/jmh-$stamp.json"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(getconf _NPROCESSORS_ONLN) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "command: benchmarks/run.sh $*"
  echo "jvm: ${BENCH_JAVA_OPTS:-launcher defaults}"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "${json%.json}.txt"
# shellcheck disable=SC2086
launcher_opts="$(sed -n 's/^java_opts="\${TRANSFERLAB_JAVA_OPTS:-\(.*\)}"$/\1/p' transferlab)"
java ${BENCH_JAVA_OPTS:-$launcher_opts} -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main \
  -rf json -rff "$json" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "${json%.json}.txt"
echo "results: $json" >&2
