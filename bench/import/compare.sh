#!/usr/bin/env bash
# Before/after import comparison: imports each corpus cold (empty index, parsers isolated in worker processes, the
# default) with two builds of ingest in turn — before, after, after, before, … so that both see the same load on a shared
# machine — and prints one table row per run: wall time, CPU time (user + system, workers included), files/s, CPU
# milliseconds per file and the load average just before the run. CPU per file is the steadier figure when the machine is
# shared; wall time depends on what else runs.
#
# Usage: bench/import/compare.sh BEFORE_DIR AFTER_DIR CORPUS...
#   BEFORE_DIR, AFTER_DIR: folders holding a built ingest.dll (e.g. `dotnet build src/Ingest.Cli -c Release -o DIR` of
#   each commit); CORPUS: folders made by `ingest generate` (their .expected.json files are not counted as files).
# Environment: ROUNDS (default 2) pairs of runs per corpus; JOBS (default 2) the import's --jobs;
#   BENCH_WORK (default a new temporary folder) where the indexes go.
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
before="$(cd "$1" && pwd)"
after="$(cd "$2" && pwd)"
shift 2
rounds="${ROUNDS:-2}"
jobs="${JOBS:-2}"
work="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$work"
command -v /usr/bin/time >/dev/null || { echo "GNU time missing: apt-get install time" >&2; exit 1; }
for build in "$before" "$after"; do
  [ -f "$build/ingest.dll" ] || { echo "no ingest.dll in $build" >&2; exit 2; }
done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); --jobs $jobs, parsers isolated; $rounds rounds"
echo "before: $before"
echo "after:  $after"
echo
echo "| corpus | build | round | wall | CPU | files/s | CPU ms/file | load before |"
echo "|---|---|---|---|---|---|---|---|"

run() { # corpus label build round
  local corpus="$1" label="$2" build="$3" round="$4" index stats load code=0 files
  index="$work/index-$label-$round"
  stats="$work/time-$(basename "$corpus")-$label-$round.txt"
  rm -rf "$index"
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %U %S' -o "$stats" dotnet "$build/ingest.dll" import "$corpus" --index "$index" --jobs "$jobs" >/dev/null 2>&1 || code=$?
  # Exit 3 (some files failed, the rest imported) still measures the import; anything else would time a failure.
  if [ "$code" -ne 0 ] && [ "$code" -ne 3 ]; then
    echo "import of $corpus by $label failed (exit $code): see $index/import-log.jsonl" >&2
    exit 1
  fi
  files=$(find "$corpus" -type f ! -name '*.expected.json' | wc -l)
  # GNU time puts "Command exited with non-zero status 3" before its figures.
  read -r wall user system < <(tail -n 1 "$stats")
  awk -v c="$(basename "$corpus")" -v l="$label" -v r="$round" -v w="$wall" -v u="$user" -v y="$system" -v n="$files" -v a="$load" \
    'BEGIN {printf "| %s | %s | %d | %.1f s | %.1f s | %.0f | %.1f | %s |\n", c, l, r, w, u+y, n/w, 1000*(u+y)/n, a}'
  rm -rf "$index"
}

for corpus in "$@"; do
  for round in $(seq 1 "$rounds"); do
    # Alternate which build goes first, so neither always follows the other's page cache or load.
    if [ $((round % 2)) -eq 1 ]; then
      run "$corpus" before "$before" "$round"; run "$corpus" after "$after" "$round"
    else
      run "$corpus" after "$after" "$round"; run "$corpus" before "$before" "$round"
    fi
  done
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
