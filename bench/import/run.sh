#!/usr/bin/env bash
# Import at scale: generates COUNT submissions (FORMATS rotated file by file), then imports them cold (empty index) with
# --jobs 1 and --jobs 2 side by side, and once more unchanged. Prints one table row per run: wall time, CPU time (user +
# system), files/s, MB/s, peak RSS (GNU time) and index size. Usage: bench/import/run.sh [COUNT] [FORMATS]   (defaults: 10000 text,docx,pdf)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
count="${1:-10000}"
formats="${2:-text,docx,pdf}"
work="${BENCH_WORK:-$(mktemp -d)}"
command -v /usr/bin/time >/dev/null || { echo "GNU time missing: apt-get install time" >&2; exit 1; }

dotnet build "$root/src/Ingest.Cli" -c Release -v quiet -nologo >/dev/null
ingest=(dotnet "$root/src/Ingest.Cli/bin/Release/net10.0/ingest.dll")

# One corpus per COUNT and FORMATS, so a BENCH_WORK kept between runs never measures another run's files under this label.
corpus="$work/corpus-$count-${formats//,/-}"
if [ ! -d "$corpus" ]; then
  "${ingest[@]}" generate --out "$corpus" --count "$count" --seed 2026 --formats "$formats" >/dev/null
fi
bytes=$(find "$corpus" -type f ! -name '*.expected.json' -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "corpus: $count submissions ($formats), $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1048576}') MB, in $corpus"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | --jobs | wall | CPU | files/s | MB/s | peak RSS | index size |"
echo "|---|---|---|---|---|---|---|---|"

run() { # name jobs index
  local name="$1" jobs="$2" index="$3" stats code=0
  stats="$work/time-$name-$jobs.txt"
  /usr/bin/time -f '%e %M %U %S' -o "$stats" "${ingest[@]}" import "$corpus" --index "$index" --jobs "$jobs" >/dev/null 2>&1 || code=$?
  # Exit 3 (some files failed, the rest imported) still measures the import; anything else would time a failure.
  if [ "$code" -ne 0 ] && [ "$code" -ne 3 ]; then
    echo "import $name --jobs $jobs failed (exit $code): see $index/import-log.jsonl" >&2
    exit 1
  fi
  # GNU time puts "Command exited with non-zero status 3" before its figures.
  read -r wall rss user system < <(tail -n 1 "$stats")
  local size
  size=$(du -sm --exclude=import-log.jsonl "$index" | cut -f1)
  awk -v n="$name" -v j="$jobs" -v w="$wall" -v u="$user" -v y="$system" -v r="$rss" -v c="$count" -v b="$bytes" -v s="$size" \
    'BEGIN {printf "| %s | %d | %.1f s | %.1f s | %.0f | %.2f | %.0f MB | %d MB |\n", n, j, w, u+y, c/w, b/1048576/w, r/1024, s}'
}

for jobs in 1 2; do
  rm -rf "$work/index-$jobs"
  run cold "$jobs" "$work/index-$jobs"
done
run unchanged 2 "$work/index-2"
