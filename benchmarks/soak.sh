#!/usr/bin/env bash
# Soak test: runs a long study of small cells and samples the process's memory while it runs, to show
# whether memory stays flat over hundreds of cells. Resident memory (heap and native: ND4J's buffers
# live outside the Java heap) comes from /proc/PID/status, the Java heap from jstat and the GC log.
# At the end it prints the drift of each over the second half of the cells and whether that is flat.
#
# Usage (from anywhere): benchmarks/soak.sh [CONFIG] [WORK_DIR]
#   CONFIG    default benchmarks/configs/synthetic-600-cells.yaml (600 cells, 20 source models)
#   WORK_DIR  where the run directory, run.log, gc.log and samples.csv go (default: a new /tmp dir)
# Environment: SOAK_INTERVAL (seconds between samples, default 5), TRANSFERLAB_JAVA_OPTS (default: the
# launcher's, read from ./transferlab). Needs the built jar (./transferlab builds it), jstat, python3.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
config="${1:-$root/benchmarks/configs/synthetic-600-cells.yaml}"
work="${2:-$(mktemp -d /tmp/transferlab-soak.XXXXXX)}"
interval="${SOAK_INTERVAL:-5}"
jar="$root/experiments/target/transferlab.jar"
[ -f "$jar" ] || { echo "soak: $jar is missing; build it with ./transferlab list (or mvn -B -DskipTests package)" >&2; exit 2; }
command -v jstat >/dev/null || { echo "soak: jstat (from the JDK) is needed" >&2; exit 2; }
mkdir -p "$work"
run="$work/run"
samples="$work/samples.csv"
gclog="$work/gc.log"

export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
# The launcher's default JVM options, read from it so that a soak run measures what users get.
launcher_opts="$(sed -n 's/^java_opts="\${TRANSFERLAB_JAVA_OPTS:-\(.*\)}"$/\1/p' "$root/transferlab")"
java_opts="${TRANSFERLAB_JAVA_OPTS:-$launcher_opts}"
# shellcheck disable=SC2086 # java_opts is a list of options
java $java_opts "-Xlog:gc:file=$gclog:uptime" -jar "$jar" run "$config" --out "$run" --no-cache >"$work/run.log" 2>&1 &
pid=$!
echo "soak: pid $pid, sampling every ${interval}s into $samples" >&2

echo "seconds,cells,rss_mib,heap_used_mib" >"$samples"
start=$(date +%s)
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status" 2>/dev/null || true)
  # jstat -gc columns (JDK 17): S0C S1C S0U S1U EC EU OC OU ...; used = S0U + S1U + EU + OU (KiB)
  heap=$(jstat -gc "$pid" 2>/dev/null | awk 'NR == 2 {printf "%d", ($3 + $4 + $6 + $8) / 1024}' || true)
  cells=$( (find "$run/cells" -name '*.done' 2>/dev/null || true) | wc -l)
  [ -n "$rss" ] && echo "$(($(date +%s) - start)),$cells,$rss,${heap:-}" >>"$samples"
  sleep "$interval"
done
status=0
wait "$pid" || status=$?
echo "soak: run exited with $status after $(($(date +%s) - start)) s; log: $work/run.log" >&2

/usr/bin/env python3 - "$samples" "$gclog" <<'EOF'
import csv, re, sys

samples = [r for r in csv.DictReader(open(sys.argv[1])) if r["rss_mib"]]
total = max(int(r["cells"]) for r in samples)
half = [r for r in samples if int(r["cells"]) >= total / 2]

def slope(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0.0

def cells_at(t):
    # the committed-cell count at time t, interpolated between samples
    for a, b in zip(samples, samples[1:]):
        ta, tb = int(a["seconds"]), int(b["seconds"])
        if ta <= t <= tb:
            ca, cb = int(a["cells"]), int(b["cells"])
            return ca + (cb - ca) * (t - ta) / max(1, tb - ta)
    return int(samples[-1]["cells"]) if t > int(samples[-1]["seconds"]) else 0

def at(cells):
    return min(samples, key=lambda r: abs(int(r["cells"]) - cells))

cells = [int(r["cells"]) for r in half]
rss = [int(r["rss_mib"]) for r in half]
span = max(cells) - min(cells)
rss_slope = slope(cells, rss) * 100
rss_mean = sum(rss) / len(rss)
rss_drift = rss_slope * span / 100

# Heap after each collection: what survives, the number that grows if something leaks.
after_gc = []
for line in open(sys.argv[2]):
    m = re.search(r"\[(\d+\.\d+)s\].*Pause.*->(\d+)M\(", line)
    if m:
        after_gc.append((cells_at(float(m.group(1))), int(m.group(2))))
heap_half = [(c, h) for c, h in after_gc if c >= total / 2]

print(f"cells committed: {total}; samples: {len(samples)} ({len(half)} in the second half)")
print("RSS at 10% / 50% / 100% of the cells: "
      + " / ".join(f"{at(total * f)['rss_mib']} MiB" for f in (0.1, 0.5, 1.0))
      + f"; peak {max(int(r['rss_mib']) for r in samples)} MiB")
print(f"RSS over the second half: mean {rss_mean:.0f} MiB, slope {rss_slope:+.1f} MiB per 100 cells, "
      f"drift {rss_drift:+.1f} MiB over {span} cells ({100 * rss_drift / rss_mean:+.1f}% of the mean)")
flat = abs(rss_drift) < 0.05 * rss_mean
if len(heap_half) >= 3:
    hc, hh = zip(*heap_half)
    heap_mean = sum(hh) / len(hh)
    heap_slope = slope(hc, hh) * 100
    heap_drift = heap_slope * (max(hc) - min(hc)) / 100
    print(f"heap after GC over the second half: {len(hh)} collections, mean {heap_mean:.0f} MiB, "
          f"slope {heap_slope:+.2f} MiB per 100 cells, drift {heap_drift:+.1f} MiB")
    flat = flat and abs(heap_drift) < max(32, 0.10 * heap_mean)
else:
    print("heap after GC: fewer than 3 collections in the second half; not judged")
print("verdict: " + ("FLAT (drift under 5% of RSS and under max(32 MiB, 10%) of the heap after GC)"
                     if flat else "NOT FLAT: memory grows over the second half"))
EOF
exit "$status"
