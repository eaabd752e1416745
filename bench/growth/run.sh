#!/usr/bin/env bash
# Growth curve on one machine: for each COUNT, generates COUNT submissions (text, DOCX and PDF rotated file by file, the
# generator's fixed seed), imports them cold into an empty index (--jobs 2, parsers isolated: the product's defaults) under
# GNU time, then runs the search benchmark's query set warm against that index. Appends one row per COUNT to RESULTS
# (tab-separated, with the load average before and after each step, since the machine may be shared) and redraws the plot.
# Usage: bench/growth/run.sh [COUNTS] [RESULTS]   (defaults: "1000 10000 100000" bench/growth/results.tsv)
# Everything runs under `nice -n 10` so that a shared machine's interactive work comes first; set GROWTH_NICE=0 to not.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
counts="${1:-1000 10000 100000}"
results="${2:-$root/bench/growth/results.tsv}"
work="${BENCH_WORK:-$(mktemp -d)}"
rounds="${GROWTH_ROUNDS:-5}"
nice=(nice -n "${GROWTH_NICE:-10}")
command -v /usr/bin/time >/dev/null || { echo "GNU time missing: apt-get install time" >&2; exit 1; }

dotnet build "$root/src/Ingest.Cli" -c Release -v quiet -nologo -m:1 >/dev/null
dotnet build "$root/bench/search" -c Release -v quiet -nologo -m:1 >/dev/null
ingest=(dotnet "$root/src/Ingest.Cli/bin/Release/net10.0/ingest.dll")
search=(dotnet "$root/bench/search/bin/Release/net10.0/SearchBench.dll")
load() { cut -d' ' -f1 /proc/loadavg; }

if [ ! -f "$results" ]; then
  printf 'submissions\tfiles\tcorpus_mb\timport_s\tcpu_s\tfiles_per_s\tpeak_rss_mb\tpeak_rss_all_mb\tindex_mb\tsearch_p50_ms\tsearch_p99_ms\tload_import_before\tload_import_after\tload_search_after\tdate\n' >"$results"
fi

tree_peak_rss() { # PID: the largest sum of resident KB over PID and its descendants, sampled until PID ends
  local top="$1" peak=0 total
  while kill -0 "$top" 2>/dev/null; do
    total=$(ps -e -o pid=,ppid=,rss= | awk -v r="$top" '{up[$1] = $2; rss[$1] = $3}
      END {for (p in up) {q = p; while (q > 1 && q != r) q = up[q]; if (q == r) sum += rss[p]} print sum + 0}')
    if [ "$total" -gt "$peak" ]; then peak=$total; fi
    sleep 1
  done
  echo "$peak"
}

for count in $counts; do
  corpus="$work/corpus-$count"
  index="$work/index-$count"
  if [ ! -d "$corpus" ]; then
    "${nice[@]}" "${ingest[@]}" generate --out "$corpus" --count "$count" --seed 2026 --formats text,docx,pdf >/dev/null
  fi
  files=$(find "$corpus" -type f ! -name '*.expected.json' | wc -l)
  bytes=$(find "$corpus" -type f ! -name '*.expected.json' -printf '%s\n' | awk '{s+=$1} END {print s}')
  rm -rf "$index"
  before=$(load)
  stats="$work/time-$count.txt"
  code=0
  "${nice[@]}" /usr/bin/time -f '%e %M %U %S' -o "$stats" "${ingest[@]}" import "$corpus" --index "$index" --jobs 2 >/dev/null 2>&1 &
  pid=$!
  peak=$(tree_peak_rss "$pid")
  wait "$pid" || code=$?
  # Exit 3 (some files failed, the rest imported) still measures the import; anything else would time a failure.
  if [ "$code" -ne 0 ] && [ "$code" -ne 3 ]; then
    echo "import of $count failed (exit $code): see $index/import-log.jsonl" >&2
    exit 1
  fi
  after=$(load)
  read -r wall rss user system < <(tail -n 1 "$stats")
  size=$(du -sk --exclude=import-log.jsonl "$index" | cut -f1)
  out="$work/search-$count.txt"
  "${nice[@]}" "${search[@]}" "$count" "$rounds" "$index" >"$out"
  searched=$(load)
  read -r p50 p99 < <(awk '/^latency warm/ {for (i = 1; i <= NF; i++) {if ($i == "p50") a = $(i+1); if ($i == "p99") b = $(i+1)} print a, b}' "$out")
  awk -v n="$count" -v f="$files" -v b="$bytes" -v w="$wall" -v u="$user" -v y="$system" -v r="$rss" -v t="$peak" -v s="$size" \
      -v p="$p50" -v q="$p99" -v l1="$before" -v l2="$after" -v l3="$searched" -v d="$(date -u +%Y-%m-%dT%H:%MZ)" \
    'BEGIN {printf "%d\t%d\t%.1f\t%.1f\t%.1f\t%.0f\t%.0f\t%.0f\t%.1f\t%s\t%s\t%s\t%s\t%s\t%s\n", n, f, b/1048576, w, u+y, f/w, r/1024, t/1024, s/1024, p, q, l1, l2, l3, d}' \
    | tee -a "$results"
  grep -E '^(matches per query|latency)' "$out" | sed "s/^/  $count: /"
done

if command -v gnuplot >/dev/null; then
  gnuplot -e "results='$results'; output='$root/bench/growth/growth.png'" "$root/bench/growth/plot.gnuplot"
fi
