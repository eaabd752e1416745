#!/usr/bin/env bash
# Import at scale: generates COUNT submissions (FORMATS rotated file by file), then imports them cold (empty index) with
# --jobs 1 and --jobs 2, each with parsers in this process (--in-process) and isolated in worker processes (the default)
# back to back, and once more unchanged. Prints one table row per run: wall time, CPU time (user + system, workers
# included), files/s, MB/s, peak RSS of the largest process (GNU time), peak RSS of all its processes together (sampled
# every 0.5 s; file pages shared between them are counted in each) and index size.
# Usage: bench/import/run.sh [COUNT] [FORMATS]   (defaults: 10000 text,docx,pdf)
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
echo "| run | --jobs | parsing | wall | CPU | files/s | MB/s | peak RSS, largest process | peak RSS, all processes | index size |"
echo "|---|---|---|---|---|---|---|---|---|---|"

tree_peak_rss() { # PID: the largest sum of resident KB over PID and its descendants, sampled until PID ends
  local root="$1" peak=0 total
  while kill -0 "$root" 2>/dev/null; do
    total=$(ps -e -o pid=,ppid=,rss= | awk -v r="$root" '{up[$1] = $2; rss[$1] = $3}
      END {for (p in up) {q = p; while (q > 1 && q != r) q = up[q]; if (q == r) sum += rss[p]} print sum + 0}')
    if [ "$total" -gt "$peak" ]; then peak=$total; fi
    sleep 0.5
  done
  echo "$peak"
}

run() { # name jobs parsing index
  local name="$1" jobs="$2" parsing="$3" index="$4" stats code=0 flag=() peak pid
  stats="$work/time-$name-$jobs-$parsing.txt"
  if [ "$parsing" = in-process ]; then flag=(--in-process); fi
  /usr/bin/time -f '%e %M %U %S' -o "$stats" "${ingest[@]}" import "$corpus" --index "$index" --jobs "$jobs" "${flag[@]}" >/dev/null 2>&1 &
  pid=$!
  peak=$(tree_peak_rss "$pid")
  wait "$pid" || code=$?
  # Exit 3 (some files failed, the rest imported) still measures the import; anything else would time a failure.
  if [ "$code" -ne 0 ] && [ "$code" -ne 3 ]; then
    echo "import $name --jobs $jobs ($parsing) failed (exit $code): see $index/import-log.jsonl" >&2
    exit 1
  fi
  # GNU time puts "Command exited with non-zero status 3" before its figures.
  read -r wall rss user system < <(tail -n 1 "$stats")
  local size
  size=$(du -sm --exclude=import-log.jsonl "$index" | cut -f1)
  awk -v n="$name" -v j="$jobs" -v p="$parsing" -v w="$wall" -v u="$user" -v y="$system" -v r="$rss" -v t="$peak" -v c="$count" -v b="$bytes" -v s="$size" \
    'BEGIN {printf "| %s | %d | %s | %.1f s | %.1f s | %.0f | %.2f | %.0f MB | %.0f MB | %d MB |\n", n, j, p, w, u+y, c/w, b/1048576/w, r/1024, t/1024, s}'
}

# In-process and isolated back to back for each --jobs, so that both see the same load on a shared machine.
for jobs in 1 2; do
  for parsing in in-process isolated; do
    rm -rf "$work/index-$jobs-$parsing"
    run cold "$jobs" "$parsing" "$work/index-$jobs-$parsing"
  done
done
run unchanged 2 isolated "$work/index-2-isolated"
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
