#!/usr/bin/env bash
# The search side of the growth curve on an index where the bench's queries match: bench/search builds its own index of
# COUNT generated submissions (RecordGenerator, whose vocabulary queries.txt was written for) and runs the query set warm.
# (run.sh also runs the query set against the imported corpus of `ingest generate`, where two thirds of the queries match
# nothing, which measures the cost of a search that finds little.) Appends one row per COUNT to RESULTS, with the load
# average before and after, and redraws the plot.
# Usage: bench/growth/search.sh [COUNTS] [RESULTS]   (defaults: "1000 10000 100000" bench/growth/search.tsv)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
counts="${1:-1000 10000 100000}"
results="${2:-$root/bench/growth/search.tsv}"
rounds="${GROWTH_ROUNDS:-5}"
nice=(nice -n "${GROWTH_NICE:-10}")
dotnet build "$root/bench/search" -c Release -v quiet -nologo -m:1 >/dev/null
search=(dotnet "$root/bench/search/bin/Release/net10.0/SearchBench.dll")
load() { cut -d' ' -f1 /proc/loadavg; }
if [ ! -f "$results" ]; then
  printf 'submissions\tindexing_s\tindex_mb\tsearch_p50_ms\tsearch_p99_ms\tmedian_matches\tload_before\tload_after\tdate\n' >"$results"
fi
for count in $counts; do
  before=$(load)
  out=$("${nice[@]}" "${search[@]}" "$count" "$rounds")
  after=$(load)
  echo "$out" | grep -E '^(indexing|index size|latency|matches)' | sed "s/^/  $count: /" >&2
  echo "$out" | awk -v n="$count" -v l1="$before" -v l2="$after" -v d="$(date -u +%Y-%m-%dT%H:%MZ)" '
    /^indexing:/ {s = $2}
    /^index size:/ {m = $3}
    /^latency warm/ {for (i = 1; i <= NF; i++) {if ($i == "p50") a = $(i+1); if ($i == "p99") b = $(i+1)}}
    /^matches per query/ {q = $6; sub(",", "", q)}
    END {printf "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", n, s, m, a, b, q, l1, l2, d}' | tee -a "$results"
done
if command -v gnuplot >/dev/null && [ -f "$root/bench/growth/results.tsv" ]; then
  gnuplot -e "results='$root/bench/growth/results.tsv'; search='$results'; output='$root/bench/growth/growth.png'" "$root/bench/growth/plot.gnuplot"
fi
