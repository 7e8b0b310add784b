#!/usr/bin/env bash
# Wall time and peak RSS of ./transferlab run against the number of cells, with the source model
# cached: 1 synthetic pair, 1 seed, 10 budgets and N/10 variants of a Tribuo logistic-regression head
# (tribuo-head@v1, @v2, ...), so every cell costs one cheap head and all of them share one source model.
# A first run fills the source-model cache; the measured runs load it. With caching the time should
# grow with cells x head cost, not with source trainings.
#
# usage: benchmarks/scaling.sh [CELLS...]   (default: 10 100 1000)
# env:   WORKERS (default 1)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10 100 1000)
workers="${WORKERS:-1}"

config() { # config CELLS FILE
  local variants=$(( $1 / 10 ))
  {
    echo "name: scaling-$1"
    echo "seeds: 1"
    echo "domains:"
    echo "  source: {loader: synthetic, classes: 4, features: 32, train-size: 2000, test-size: 400}"
    echo "  target: {loader: synthetic, classes: 4, features: 32, train-size: 2000, test-size: 400, shift: 0.5, sample-seed: 7}"
    echo "network: {type: mlp, hidden: [64, 32], epochs: 3, batch-size: 32, learning-rate: 0.01}"
    echo "pairs:"
    echo "  - {source: source, target: target}"
    echo "strategies:"
    for v in $(seq 1 "$variants"); do echo "  tribuo-head@v$v: {}"; done
    echo "budgets:"
    echo "  per-class: [5, 10, 15, 20, 25, 30, 35, 40, 45, 50]"
  } > "$2"
}

cd "$root"
config 10 "$work/warm.yaml"
./transferlab run "$work/warm.yaml" --out "$work/warm" --cache-dir "$work/cache" --workers "$workers" > /dev/null 2>&1
echo "| cells | wall s | wall s per cell | peak RSS MiB | load1 before | outcome |"
echo "|---:|---:|---:|---:|---:|---|"
for n in "${counts[@]}"; do
  config "$n" "$work/c$n.yaml"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  start="$(date +%s.%N)"
  /usr/bin/time -f '%M' -o "$work/rss" ./transferlab run "$work/c$n.yaml" --out "$work/run$n" --cache-dir "$work/cache" \
    --workers "$workers" > "$work/out$n" 2> "$work/err$n"
  wall="$(echo "$(date +%s.%N) - $start" | bc)"
  outcome="$(grep 'cells run' "$work/out$n" | sed 's/ results.*//')"
  printf '| %d | %.1f | %.3f | %d | %s | %s |\n' "$n" "$wall" "$(echo "$wall / $n" | bc -l)" $(( $(cat "$work/rss") / 1024 )) "$load" "$outcome"
done
