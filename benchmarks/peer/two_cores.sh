#!/usr/bin/env bash
# How much a second core adds on this machine for the work a training step does: one single-threaded
# float matrix-multiply loop (the MLP's first layer at batch 32, through NumPy's OpenBLAS) alone, then two
# of them at once, then the same for a loop of plain integer work. Prints each time and the speed-up of two
# at once over one (2.0 would be two full cores). Two workers of a study can get no more than this.
#
# usage: benchmarks/peer/two_cores.sh [--rounds N]
set -euo pipefail
rounds=3
[ "${1:-}" = --rounds ] && rounds="$2"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
work="$(mktemp)"
trap 'rm -f "$work"' EXIT
cat > "$work" <<'PY'
import sys, time
import numpy as np
kind = sys.argv[1]
t = time.time()
if kind == "gemm":
    a = np.random.rand(32, 784).astype(np.float32); w = np.random.rand(784, 256).astype(np.float32)
    for _ in range(20000): np.maximum(a @ w, 0)
else:
    s = 0
    for i in range(4_000_000): s += i * i % 7
print(f"{time.time() - t:.3f}")
PY
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(getconf _NPROCESSORS_ONLN) cores, load1 $(cut -d' ' -f1 /proc/loadavg), numpy $(/usr/bin/python3 -c 'import numpy; print(numpy.__version__)')"
echo "| work | round | one alone s | two at once s (each) | speed-up of two over one |"
echo "|---|---:|---:|---:|---:|"
for kind in gemm integer; do
  for round in $(seq 1 "$rounds"); do
    alone="$(/usr/bin/python3 "$work" "$kind")"
    /usr/bin/python3 "$work" "$kind" > "$work.a" & other=$!
    both="$(/usr/bin/python3 "$work" "$kind")"
    wait "$other"
    second="$(cat "$work.a")"
    slowest="$(echo "$both $second" | awk '{ print ($1 > $2) ? $1 : $2 }')"
    printf '| %s | %d | %.2f | %.2f, %.2f | %.2f |\n' "$kind" "$round" "$alone" "$both" "$second" "$(echo "2 * $alone / $slowest" | bc -l)"
  done
done
rm -f "$work.a"
