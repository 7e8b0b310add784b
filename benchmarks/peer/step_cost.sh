#!/usr/bin/env bash
# Where a DL4J training step's time goes (peer/StepCost): microseconds per call of an Adam update (native op
# and ElementwiseAdam), a fit of the MLP and of a head alone, a matrix product, and one tiny ND4J op, with the
# launcher's JVM options and one ND4J thread. Prints a markdown table.
#
# usage: benchmarks/peer/step_cost.sh      needs: a build (mvn -B -q -DskipTests package)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
classpath_file="$root/benchmarks/target/classpath.txt"
[ -f "$classpath_file" ] || { echo "step_cost.sh: build first: mvn -B -q -DskipTests package" >&2; exit 2; }
launcher_opts="$(sed -n 's/^java_opts="\${TRANSFERLAB_JAVA_OPTS:-\(.*\)}"$/\1/p' "$root/transferlab")"
export OMP_NUM_THREADS=1
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(getconf _NPROCESSORS_ONLN) cores, load1 $(cut -d' ' -f1 /proc/loadavg), $(git -C "$root" rev-parse --short HEAD)"
echo "| call | µs |"
echo "|---|---:|"
java $launcher_opts -cp "$root/benchmarks/target/classes:$(cat "$classpath_file")" org.transferlab.benchmarks.peer.StepCost 2>/dev/null
