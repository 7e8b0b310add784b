#!/usr/bin/env bash
# The quickstart end to end in TransferLab and in the hand-written PyTorch peer
# (../shared/peers/quickstart_equiv_torch.py: the same 54 cells, 6 source models, same schedule), run back to
# back, alternating which goes first. Every TransferLab run starts with an empty source-model cache
# (--no-cache), so both sides train their 6 source models. Prints per run: wall time, peak RSS and the load
# average, then the medians and the ratios TransferLab/PyTorch (1 worker vs 1 thread) and 1 worker / 2 workers.
# Each TransferLab run's results.csv is kept (without its timing columns) and compared with the first one's:
# the script says if the results differ between runs.
#
# With --before DIR (a checkout of another commit, built), each round also runs DIR's ./transferlab with one
# worker ("before"), so a change is measured against its parent in the same run.
#
# usage: benchmarks/peer/quickstart_vs_pytorch.sh [--runs N] [--workers "1 2"] [--peer PATH] [--config FILE] [--before DIR]
# needs: a build (mvn -B -q -DskipTests package), python3-torch AND libopenblas0-pthread (without OpenBLAS,
#        Debian's PyTorch uses the reference BLAS and runs ~10x slower, which would flatter TransferLab).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=3 workers="1 2" before="" peer="$root/../shared/peers/quickstart_equiv_torch.py"
config="$root/experiments/configs/quickstart.yaml"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --peer) peer="$2"; shift 2 ;;
    --config) config="$2"; shift 2 ;;
    --before) before="$(cd "$2" && pwd)"; shift 2 ;;
    *) echo "quickstart_vs_pytorch.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
[ -f "$peer" ] || { echo "quickstart_vs_pytorch.sh: no peer script at $peer (--peer PATH)" >&2; exit 2; }
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "quickstart_vs_pytorch.sh: needs apt-get install -y python3-torch libopenblas0-pthread" >&2; exit 2; }
blas="$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || true)"
case "$blas" in
  *openblas*) ;;
  *) echo "quickstart_vs_pytorch.sh: libblas.so.3 is $blas, not OpenBLAS: apt-get install -y libopenblas0-pthread" >&2; exit 2 ;;
esac
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TRANSFERLAB_NO_BUILD=1 OMP_NUM_THREADS=1

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(getconf _NPROCESSORS_ONLN) cores, $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo '+changes'), runs $runs, workers $workers"
echo "# $(java -version 2>&1 | head -1); torch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)'); blas $blas"
# results.csv without the columns that hold timings or say whether a source model was trained or loaded
strip() { /usr/bin/python3 - "$1" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
drop = {"source_trained", "source_train_s", "fit_s", "eval_s"}
for r in sorted(rows, key=lambda r: r["cell_id"]):
    print(",".join(f"{k}={v}" for k, v in r.items() if k not in drop))
PY
}
tl() { # tl RUN WORKERS [ROOT NAME]
  local home="${3:-$root}" name="${4:-transferlab}" side="${4:-tl}"
  local out="$work/$side-$1-$2" load start wall
  load="$(cut -d' ' -f1 /proc/loadavg)"
  start="$(date +%s.%N)"
  /usr/bin/time -f '%M' -o "$out.rss" "$home/transferlab" run "$config" --out "$out" --no-cache --workers "$2" > "$out.log" 2>&1 \
    || { echo "transferlab run failed:"; tail -20 "$out.log"; exit 1; }
  wall="$(echo "$(date +%s.%N) - $start" | bc)"
  strip "$out/results.csv" > "$out.results"
  local same="first"
  if [ "$side" != tl ]; then
    printf 'run %d %s workers %d wall_s %.1f peak_rss_mib %d load1 %s\n' "$1" "$name" "$2" "$wall" $(( $(tail -1 "$out.rss") / 1024 )) "$load"
    printf '%d %s%d %.2f %d\n' "$1" "$side" "$2" "$wall" $(( $(tail -1 "$out.rss") / 1024 )) >> "$work/log"
    return
  fi
  if [ -f "$work/reference.results" ]; then
    if cmp -s "$work/reference.results" "$out.results"; then same="identical to run 1"; else same="DIFFERENT from run 1"; fi
  else cp "$out.results" "$work/reference.results"; fi
  printf 'run %d transferlab workers %d wall_s %.1f peak_rss_mib %d load1 %s results %s\n' "$1" "$2" "$wall" $(( $(tail -1 "$out.rss") / 1024 )) "$load" "$same"
  printf '%d tl%d %.2f %d\n' "$1" "$2" "$wall" $(( $(tail -1 "$out.rss") / 1024 )) >> "$work/log"
}
torch() { # torch RUN
  local load start wall
  load="$(cut -d' ' -f1 /proc/loadavg)"
  start="$(date +%s.%N)"
  /usr/bin/time -f '%M' -o "$work/torch.rss" /usr/bin/python3 "$peer" --threads 1 > "$work/torch-$1.log" 2>&1 \
    || { echo "peer failed:"; tail -20 "$work/torch-$1.log"; exit 1; }
  wall="$(echo "$(date +%s.%N) - $start" | bc)"
  printf 'run %d pytorch threads 1 wall_s %.1f peak_rss_mib %d load1 %s | %s\n' "$1" "$wall" $(( $(tail -1 "$work/torch.rss") / 1024 )) "$load" "$(grep '^TIME' "$work/torch-$1.log")"
  printf '%d torch %.2f %d\n' "$1" "$wall" $(( $(tail -1 "$work/torch.rss") / 1024 )) >> "$work/log"
}
for run in $(seq 1 "$runs"); do
  if [ $((run % 2)) -eq 1 ]; then
    [ -z "$before" ] || tl "$run" 1 "$before" before
    for w in $workers; do tl "$run" "$w"; done; torch "$run"
  else
    torch "$run"; for w in $workers; do tl "$run" "$w"; done
    [ -z "$before" ] || tl "$run" 1 "$before" before
  fi
done
echo
awk '
  function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                     return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { wall[$2, $1] = $3; rss[$2, $1] = $4; sides[$2] = 1; runs[$1] = 1 }
  END {
    print "| side | wall s (median) | peak RSS MiB (median) |"; print "|---|---:|---:|"
    for (s in sides) { n = 0; for (r in runs) { n++; w[n] = wall[s, r]; m[n] = rss[s, r] } mw[s] = median(w, n); mm[s] = median(m, n)
                       printf "| %s | %.1f | %d |\n", s, mw[s], mm[s] }
    if (("tl1" in mw) && ("torch" in mw)) printf "\nTransferLab (1 worker) / PyTorch (1 thread): %.2fx wall, %.2fx peak RSS\n", mw["tl1"] / mw["torch"], mm["tl1"] / mm["torch"]
    if (("tl1" in mw) && ("tl2" in mw)) printf "2 workers are %.2fx faster than 1\n", mw["tl1"] / mw["tl2"]
    if (("before1" in mw) && ("torch" in mw)) printf "before (1 worker) / PyTorch: %.2fx wall, %.2fx peak RSS; after / before: %.2fx wall\n", mw["before1"] / mw["torch"], mm["before1"] / mm["torch"], mw["tl1"] / mw["before1"]
  }' "$work/log"
