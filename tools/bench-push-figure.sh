#!/usr/bin/env bash
# The push-latency figure of docs/performance.md: runs tools/bench-push.sh once per
# number of idle subscribers in IDLE_LIST (each run has its own server and its own
# reference run with no idle subscribers, so every ratio is taken within one
# invocation), collects one line per run, and draws push latency p50/p99 and the
# server's memory against the idle subscribers the instance holds, with gnuplot.
#
# Usage: tools/bench-push-figure.sh [OUT.png]   (default docs/images/push-latency.png)
# The measurements are kept beside the figure (OUT with .tsv for .png); REPLOT=1 draws
# the figure again from that file without measuring.
# Environment: IDLE_LIST="0 1000 2000 4000 8000", and whatever tools/bench-push.sh
# takes (MINITWITTER_BUILD_DIR, SUBSCRIBERS, POSTERS, RATE, WARMUP, DURATION).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly OUT=${1:-docs/images/push-latency.png}
readonly IDLE_LIST=${IDLE_LIST:-0 1000 2000 4000 8000}
command -v gnuplot >/dev/null || {
  echo "bench-push-figure: gnuplot not found (bash tools/setup.sh installs it)" >&2
  exit 1
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/minitwitter-push-figure.XXXXXX")
trap 'rm -rf "${WORK}"' EXIT
readonly TSV=${OUT%.png}.tsv

if [[ ${REPLOT:-0} != 1 ]]; then
  : >"${TSV}"
  run_list=${IDLE_LIST}
else
  [[ -s ${TSV} ]] || {
    echo "bench-push-figure: REPLOT=1 but ${TSV} holds no measurements" >&2
    exit 2
  }
  run_list=""
fi
for idle in ${run_list}; do
  [[ ${idle} =~ ^[0-9]+$ ]] || {
    echo "bench-push-figure: IDLE_LIST holds '${idle}', not a whole number" >&2
    exit 2
  }
  echo "bench-push-figure: ${idle} idle subscribers" >&2
  IDLE=${idle} SUMMARY_TSV=${TSV} bash tools/bench-push.sh >"${WORK}/run-${idle}.md"
done

printf '| idle subscribers held | gauge | reference p50 | reference p99 | p50 | p99 | max | p50 ratio | p99 ratio | RSS with them |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
awk -F'\t' '{ printf "| %d | %d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f× | %.2f× | %.1f MiB |\n",
  $1, $9, $2, $3, $4, $5, $6, $4 / $2, $5 / $3, $8 / 1024 }' "${TSV}"

gnuplot <<GNUPLOT
set terminal pngcairo size 900,480 font "DejaVu Sans,11"
set output "${OUT}"
set datafile separator "\t"
set multiplot layout 1,2
set title "Push latency with idle subscribers held"
set xlabel "idle subscribers held by the instance"
set ylabel "post to delivery (ms)"
set yrange [0:*]
set key below horizontal maxcols 2
set grid
plot "${TSV}" using 1:4 with linespoints lw 2 pt 7 dt 1 title "p50", \
     "${TSV}" using 1:5 with linespoints lw 2 pt 5 dt 2 title "p99", \
     "${TSV}" using 1:2 with linespoints lw 1 pt 6 dt 3 title "p50, reference (no idle)", \
     "${TSV}" using 1:3 with linespoints lw 1 pt 4 dt 4 title "p99, reference (no idle)"
set title "Server memory"
set ylabel "RSS (MiB)"
set key off
plot "${TSV}" using 1:(\$8/1024) with linespoints lw 2 pt 7 title "RSS"
unset multiplot
GNUPLOT
echo "bench-push-figure: wrote ${OUT}" >&2
