#!/usr/bin/env bash
# Runs studies and copies their outputs to results/studies/NAME, so that every number the README
# quotes comes from a run kept in the repository, with the command that made it.
#
#   results/studies/publish.sh experiments/configs/quickstart.yaml experiments/configs/regression-study.yaml ...
#
# Each study runs with the default options into runs/publish-NAME (its cells and curves stay there,
# out of the repository). Only when all of them have finished are report.md, results.csv, forecasts.csv (for a study with forecast: true), candidates.csv (when cells had several candidates),
# config.yaml, provenance.csv and plots/ copied to results/studies/NAME, with command.txt saying what
# ran, how long it took, at which commit and under which load: every study of one call is made at one
# commit, from a tree without uncommitted changes, so each report's provenance names that commit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
[ $# -ge 1 ] || { echo "usage: results/studies/publish.sh CONFIG..." >&2; exit 2; }
if [ -n "$(git status --porcelain)" ]; then
  echo "publish.sh: the work tree has uncommitted changes; commit them first so the reports name their commit" >&2
  exit 2
fi
names=()
for config in "$@"; do
  [ -f "$config" ] || { echo "publish.sh: no config '$config'" >&2; exit 2; }
  name="$(sed -n 's/^name: *\([A-Za-z0-9._-]*\).*/\1/p' "$config" | head -n 1)"
  [ -n "$name" ] || { echo "publish.sh: '$config' has no 'name:' line" >&2; exit 2; }
  names+=("$name")
done
commit="$(git rev-parse HEAD)"
declare -A notes
for i in "${!names[@]}"; do
  config="${@:$((i + 1)):1}"
  run="runs/publish-${names[$i]}"
  rm -rf "$run"
  start=$(date +%s)
  ./transferlab run "$config" --out "$run"
  seconds=$(( $(date +%s) - start ))
  notes[$i]="./transferlab run $config --out $run
wall time: ${seconds} s; finished $(date -u +%Y-%m-%dT%H:%M:%SZ); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)
commit: $commit; machine: $(nproc) cores, $(uname -sr)"
done
for i in "${!names[@]}"; do
  run="runs/publish-${names[$i]}"
  out="results/studies/${names[$i]}"
  rm -rf "$out"
  mkdir -p "$out"
  cp "$run/report.md" "$run/results.csv" "$run/config.yaml" "$run/provenance.csv" "$out/"
  cp -r "$run/plots" "$out/plots"
  if [ -f "$run/forecasts.csv" ]; then cp "$run/forecasts.csv" "$out/"; fi
  if [ -f "$run/candidates.csv" ]; then cp "$run/candidates.csv" "$out/"; fi
  printf '%s\n' "${notes[$i]}" > "$out/command.txt"
  echo "published $out"
done
