#!/usr/bin/env bash
# One DL4J epoch (Fashion-MNIST 0-4, 30,000 images) under several settings that leave the results
# unchanged, interleaved round by round with a PyTorch epoch for reference, so that each round's
# numbers share the machine's load. Prints each run and a median per variant.
#
# usage: benchmarks/peer/levers.sh [--runs N] [--network mlp|cnn] [--batch B]
# Variants are lines "NAME|JVM OPTIONS|MAIN CLASS" in $LEVERS (default: see below).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=3 net=mlp batch=64
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --network) net="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    *) echo "levers.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
launcher="-Xmx3g -Dorg.bytedeco.javacpp.maxbytes=2G -Dorg.bytedeco.javacpp.maxphysicalbytes=8G"
default_levers="launcher-before|$launcher|Dl4jEpoch
no-physical-check|-Xmx3g -Dorg.bytedeco.javacpp.maxbytes=2G -Dorg.bytedeco.javacpp.maxphysicalbytes=0|Dl4jEpoch
no-physical-check+parallel-gc|-Xmx3g -Dorg.bytedeco.javacpp.maxbytes=2G -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -XX:+UseParallelGC|Dl4jEpoch"
levers="${LEVERS:-$default_levers}"
cp="$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/classpath.txt")"
data_dir=/usr/share/datasets/fashion-mnist
export OMP_NUM_THREADS=1
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $net, batch $batch, 1 thread, $runs rounds"
for run in $(seq 1 "$runs"); do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  s="$(/usr/bin/python3 "$root/benchmarks/peer/epoch_pytorch.py" "$net" "$batch" 1 1 "$data_dir" | awk '$3 == "epoch" {print $6}')"
  echo "round $run pytorch seconds $s load1 $load"; echo "pytorch $s" >> "$log"
  while IFS='|' read -r name opts main; do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    out="$(java $opts -cp "$cp" "org.transferlab.benchmarks.peer.$main" "$net" "$batch" 1 1 /usr/share/datasets 2>/dev/null)"
    s="$(echo "$out" | awk '$3 == "epoch" {print $6}')"
    echo "round $run $name seconds $s load1 $load | $(echo "$out" | grep ' params ')"
    echo "$name $s" >> "$log"
  done <<< "$levers"
done
echo
echo "| variant | median s | range |"
echo "|---|---:|---:|"
for name in pytorch $(echo "$levers" | cut -d'|' -f1); do
  grep "^$name " "$log" | awk '{print $2}' | sort -g | awk -v n="$name" '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "| %s | %.2f | %.2f-%.2f |\n", n, m, a[1], a[NR]}'
done
