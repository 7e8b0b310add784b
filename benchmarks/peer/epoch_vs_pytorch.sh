#!/usr/bin/env bash
# One epoch of TransferLab's default MLP and CNN in DL4J and in PyTorch, interleaved in one run, on
# Fashion-MNIST classes 0-4 (30,000 images), same batch size and thread count. Prints each run's times,
# the parameter counts of both sides, and the DL4J/PyTorch ratio (median and range over the runs).
#
# usage: benchmarks/peer/epoch_vs_pytorch.sh [--runs N] [--batch B] [--threads T] [--networks "mlp cnn"] [--epochs E]
# env:   PEER_JAVA_OPTS  JVM options of the DL4J side (default: the launcher's, read from ./transferlab)
#        DATA_DIR        Fashion-MNIST directory (default /usr/share/datasets/fashion-mnist)
# needs: a build (mvn -B -q -DskipTests package) and the Debian package python3-torch.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=3 batch=64 threads=1 networks="mlp cnn" epochs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --networks) networks="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    *) echo "epoch_vs_pytorch.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
data_dir="${DATA_DIR:-/usr/share/datasets/fashion-mnist}"
classpath_file="$root/benchmarks/target/classpath.txt"
[ -f "$classpath_file" ] || { echo "epoch_vs_pytorch.sh: build first: mvn -B -q -DskipTests package" >&2; exit 2; }
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "epoch_vs_pytorch.sh: needs PyTorch: apt-get install -y python3-torch" >&2; exit 2; }
# The launcher's JVM options, unless PEER_JAVA_OPTS says otherwise.
launcher_opts="$(sed -n 's/^java_opts="\${TRANSFERLAB_JAVA_OPTS:-\(.*\)}"$/\1/p' "$root/transferlab")"
java_opts="${PEER_JAVA_OPTS:-$launcher_opts}"
cp="$root/benchmarks/target/classes:$(cat "$classpath_file")"
export OMP_NUM_THREADS="$threads"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(getconf _NPROCESSORS_ONLN) cores, batch $batch, threads $threads, epochs $epochs, runs $runs"
echo "# java ${java_opts}; $(java -version 2>&1 | head -1); torch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)')"
for run in $(seq 1 "$runs"); do
  for net in $networks; do
    # Alternate which side goes first, so neither always runs on a warmer or cooler machine.
    if [ $((run % 2)) -eq 1 ]; then sides="dl4j pytorch"; else sides="pytorch dl4j"; fi
    for side in $sides; do
      load="$(cut -d' ' -f1 /proc/loadavg)"
      if [ "$side" = dl4j ]; then
        out="$(java $java_opts -cp "$cp" org.transferlab.benchmarks.peer.Dl4jEpoch "$net" "$batch" "$threads" "$epochs" "$(dirname "$data_dir")" 2>/dev/null | grep '^dl4j')"
      else
        out="$(/usr/bin/python3 "$root/benchmarks/peer/epoch_pytorch.py" "$net" "$batch" "$threads" "$epochs" "$data_dir")"
      fi
      seconds="$(echo "$out" | awk '$3 == "epoch" { s = $6 } END { print s }')"
      info="$(echo "$out" | grep ' params ')"
      echo "run $run $net $side seconds $seconds load1 $load | $info"
      echo "$run $net $side $seconds" >> "$log"
    done
  done
done

echo
echo "| network | DL4J s (median, range) | PyTorch s (median, range) | DL4J / PyTorch (median, range of per-run ratios) |"
echo "|---|---:|---:|---:|"
for net in $networks; do
  awk -v net="$net" '
    function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                       return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    $2 == net { t[$3, $1] = $4; runs[$1] = 1 }
    END {
      n = 0; for (r in runs) { n++; d[n] = t["dl4j", r]; p[n] = t["pytorch", r]; q[n] = t["dl4j", r] / t["pytorch", r] }
      for (i = 1; i <= n; i++) { d2[i] = d[i]; p2[i] = p[i]; q2[i] = q[i] }
      md = median(d, n); mp = median(p, n); mq = median(q, n)
      printf "| %s | %.2f (%.2f-%.2f) | %.2f (%.2f-%.2f) | %.1fx (%.1f-%.1f) |\n", net, md, d[1], d[n], mp, p[1], p[n], mq, q[1], q[n]
    }' "$log"
done
