#!/usr/bin/env bash
# Side-by-side tokenizer throughput: Lucene Kuromoji (Java reference) vs Ingest.Japanese, SEARCH mode, and MeCab
# (the C++ tokenizer over the same IPADIC), same generated input. Prints MB/s, peak RSS, dictionary load time, the
# ratio ours/Java, and a three-way whole-process table (median of RUNS runs, interleaved so load hits all three alike).
# Usage: bench/tokenizer/run.sh            (env: SIZE_MB=6 ITERATIONS=5 WARMUPS=2 RUNS=5 BENCH_DIR=/tmp/ingest-tokenizer-bench
#                                                 SKIP_JAVA=1 SKIP_DOTNET=1 SKIP_BDN=1 SKIP_CLI=1 SKIP_MECAB=1
#                                                 LUCENE_JARS=/usr/share/java MECAB=/usr/bin/mecab
#                                                 BASELINE_CLI=/path/to/an/older/build/ingest.dll)
# BASELINE_CLI adds an older build of ingest to every whole-process round (a before/after comparison from one run).
# SKIP_JAVA=1 keeps the Java figures and input of the previous run in BENCH_DIR (to rerun only the .NET side).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dir="${BENCH_DIR:-/tmp/ingest-tokenizer-bench}"
size_mb="${SIZE_MB:-6}"
iterations="${ITERATIONS:-5}"
runs="${RUNS:-5}"
mecab="${MECAB:-/usr/bin/mecab}"
warmups="${WARMUPS:-2}"
jars="${LUCENE_JARS:-/usr/share/java}"
ver="${LUCENE_VERSION:-4.10.4}"
cp="$jars/lucene-core-$ver.jar:$jars/lucene-analyzers-common-$ver.jar:$jars/lucene-analyzers-kuromoji-$ver.jar"
timev=/usr/bin/time

for tool in java javac python3 "$timev"; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
for jar in ${cp//:/ }; do
  [[ -f "$jar" ]] || { echo "missing $jar (apt-get install liblucene4.10-java, or set LUCENE_JARS)" >&2; exit 1; }
done

mkdir -p "$dir"
input="$dir/big.txt"
if [[ -n "${SKIP_JAVA:-}" && -f "$dir/java-steady.out" && -f "$input" ]]; then
  echo "== Java: reusing the figures of the previous run in $dir"
else
python3 "$here/make-input.py" "$input" "$size_mb"

echo "== Java: Lucene $ver Kuromoji (steady state: $warmups warm-up + $iterations timed passes)"
mkdir -p "$dir/java"
javac -encoding UTF-8 -d "$dir/java" -cp "$cp" "$here/java/KuromojiBench.java"
"$timev" -v -o "$dir/java-steady.time" java -cp "$dir/java:$cp" KuromojiBench "$input" "$iterations" "$warmups" 2> "$dir/java-steady.out"
cat "$dir/java-steady.out"

fi

rm -f "$dir"/bdn-results.json "$dir"/cli.terms
if [[ -z "${SKIP_DOTNET:-}" && -z "${SKIP_BDN:-}" ]]; then
  echo "== .NET: BenchmarkDotNet (TokenizerBenchmarks, TokenizerDictionaryLoadBenchmarks)"
  rm -rf "$dir/bdn"
  INGEST_TOKENIZER_BENCH_INPUT="$input" dotnet run -c Release --project "$repo/bench/Ingest.Benchmarks" -- \
    --filter '*TokenizerBenchmarks*' '*TokenizerDictionaryLoadBenchmarks*' \
    --exporters json --artifacts "$dir/bdn" | tee "$dir/bdn.log" | grep -E '^\|' || true
  python3 - "$dir/bdn" "$dir/bdn-results.json" <<'PY'
import json, pathlib, sys
results = {}
for path in pathlib.Path(sys.argv[1]).glob("results/*.json"):
    for b in json.loads(path.read_text(encoding="utf-8")).get("Benchmarks", []):
        stats = b.get("Statistics") or {}
        memory = b.get("Memory") or {}
        results[b["Method"]] = {"mean_ns": stats.get("Mean"), "min_ns": stats.get("Min"),
                                "allocated": memory.get("BytesAllocatedPerOperation")}
pathlib.Path(sys.argv[2]).write_text(json.dumps(results), encoding="utf-8")
if not results:
    print(f"   BenchmarkDotNet produced no results: see {pathlib.Path(sys.argv[1]).parent / 'bdn.log'}")
PY
fi

# Whole process, one pass each, RUNS rounds; each round runs Java, ours and MeCab back to back so that the load of a
# shared machine weighs on the three alike. Java: a tokenizer per line, terms printed (KuromojiBench --lines --print);
# ours: ingest tokenize --mode search; MeCab: -Owakati (surfaces separated by spaces, one output line per input line:
# the output closest to ours; MeCab has no search-mode decompounding and keeps punctuation). -b raises MeCab's
# 8 KiB line buffer, which would otherwise split the longest lines.
ours_ready=""
if [[ -z "${SKIP_DOTNET:-}" && -z "${SKIP_CLI:-}" ]]; then
  echo "== .NET: building ingest (Release) for the whole-process runs"
  if dotnet build "$repo/src/Ingest.Cli" -c Release -o "$dir/cli" -v q -nologo > "$dir/cli-build.log" 2>&1 \
     && dotnet "$dir/cli/ingest.dll" tokenize --help > /dev/null 2>&1; then
    dotnet "$dir/cli/ingest.dll" tokenize --mode search < <(echo "東京都に住む") > /dev/null
    ours_ready=1
  else
    echo "   skipped: src/Ingest.Cli does not build or has no tokenize command (see $dir/cli-build.log)"
  fi
fi
mecab_ready=""
if [[ -z "${SKIP_MECAB:-}" ]]; then
  if [[ -x "$mecab" ]] && echo "東京都に住む" | "$mecab" -Owakati > /dev/null 2>&1; then
    mecab_ready=1
    "$mecab" -v 2>/dev/null | head -1 > "$dir/mecab-version.txt" || true
  else
    echo "   MeCab skipped: $mecab missing or without a dictionary (apt-get install mecab mecab-ipadic-utf8)"
  fi
fi
[[ -n "${SKIP_JAVA:-}" ]] || rm -f "$dir"/java-once.*.time
rm -f "$dir"/cli.*.time "$dir"/mecab.*.time "$dir"/baseline.*.time
uptime > "$dir/load-before.txt"
echo "== whole process, $runs rounds (Java per-line, ingest tokenize, MeCab wakati); $(cat "$dir/load-before.txt")"
for ((round = 1; round <= runs; round++)); do
  if [[ -z "${SKIP_JAVA:-}" ]]; then
    "$timev" -v -o "$dir/java-once.$round.time" java -cp "$dir/java:$cp" KuromojiBench "$input" 1 0 --lines --print > "$dir/java-once.terms" 2> "$dir/java-once.out"
  fi
  if [[ -n "$ours_ready" ]]; then
    "$timev" -v -o "$dir/cli.$round.time" dotnet "$dir/cli/ingest.dll" tokenize --mode search < "$input" > "$dir/cli.terms"
  fi
  if [[ -n "${BASELINE_CLI:-}" ]]; then
    "$timev" -v -o "$dir/baseline.$round.time" dotnet "$BASELINE_CLI" tokenize --mode search < "$input" > "$dir/baseline.terms"
  fi
  if [[ -n "$mecab_ready" ]]; then
    "$timev" -v -o "$dir/mecab.$round.time" "$mecab" -Owakati -b 1048576 < "$input" > "$dir/mecab.terms"
  fi
done
uptime > "$dir/load-after.txt"
if [[ -n "${BASELINE_CLI:-}" && -n "$ours_ready" ]]; then
  cmp -s "$dir/baseline.terms" "$dir/cli.terms" && echo "   terms identical to the baseline build's" \
    || echo "   terms differ from the baseline build's (cmp $dir/baseline.terms $dir/cli.terms)"
fi
if [[ -n "$ours_ready" && -f "$dir/java-once.terms" ]]; then
  if cmp -s "$dir/java-once.terms" "$dir/cli.terms"; then
    echo "   terms identical to Kuromoji's for all $(wc -l < "$input") lines"
  else
    echo "   terms differ from Kuromoji's on $(diff "$dir/java-once.terms" "$dir/cli.terms" | grep -c '^<' || true) lines (diff $dir/java-once.terms $dir/cli.terms)"
  fi
fi

python3 - "$dir" "$input" <<'PY'
import json, pathlib, re, sys
d, input_path = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
mb = input_path.stat().st_size / 1e6

def keyvalues(name):
    p = d / name
    return dict(l.split("=", 1) for l in p.read_text().splitlines() if re.match(r"^\w+=", l)) if p.exists() else {}

def parse_timev(p):
    text = p.read_text()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    return rss, seconds, cpu

def median(values):
    values = sorted(values)
    n = len(values)
    return None if n == 0 else (values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2)

def runs(prefix):
    """Median peak RSS (MiB), wall seconds and CPU seconds over the runs PREFIX.N.time, and how many there were."""
    measured = [parse_timev(p) for p in sorted(d.glob(prefix + ".*.time"))]
    return tuple(median([m[i] for m in measured]) for i in range(3)) + (len(measured),)

def timev(name):
    p = d / name
    return parse_timev(p)[:2] if p.exists() else (None, None)

java = keyvalues("java-steady.out")
java_steady_rss, _ = timev("java-steady.time")
java_once_rss, java_once_wall, java_once_cpu, java_runs = runs("java-once")
cli_rss, cli_wall, cli_cpu, cli_runs = runs("cli")
mecab_rss, mecab_wall, mecab_cpu, mecab_runs = runs("mecab")
baseline_rss, baseline_wall, baseline_cpu, baseline_runs = runs("baseline")
bdn = json.loads((d / "bdn-results.json").read_text()) if (d / "bdn-results.json").exists() else {}
ours_mbps = mb / (bdn["TokenizeSearch"]["mean_ns"] / 1e9) if bdn.get("TokenizeSearch", {}).get("mean_ns") else None
ours_alloc = bdn.get("TokenizeSearch", {}).get("allocated")
ours_load = bdn["FirstTokenizer"]["mean_ns"] / 1e6 if bdn.get("FirstTokenizer", {}).get("mean_ns") else None

def fmt(v, spec):
    return "n/a" if v is None else format(v, spec)

def ratio(ours, theirs):
    return "n/a" if ours is None or theirs is None or theirs == 0 else f"{ours / theirs:.2f}"

rows = [
    ("steady throughput, MB/s (in-process mean)", float(java.get("mb_per_s_mean", 0)) or None, ours_mbps, ".2f"),
    ("dictionary load + first tokens, ms", float(java.get("dict_load_ms", 0)) or None, ours_load, ".0f"),
    ("one pass, whole process, MB/s (median)", mb / java_once_wall if java_once_wall else None,
     mb / cli_wall if cli_wall else None, ".2f"),
    ("one pass, whole process, peak RSS MiB (median)", java_once_rss, cli_rss, ".0f"),
    ("steady run, peak RSS MB (Java process)", java_steady_rss, None, ".0f"),
    ("steady run, peak heap MB (Java)", float(java.get("peak_heap_mb", 0)) or None, None, ".0f"),
    ("allocated per pass MB (.NET MemoryDiagnoser)", None, ours_alloc / 1e6 if ours_alloc else None, ".0f"),
]
print()
print(f"input: {input_path} ({mb:.2f} MB UTF-8), SEARCH mode, tokens per pass (Java): {java.get('tokens', 'n/a')}")
print(f"| {'metric':46} | {'Java Kuromoji':>13} | {'Ingest.Japanese':>15} | {'ours/Java':>9} |")
print(f"|{'-' * 48}|{'-' * 15}|{'-' * 17}|{'-' * 11}|")
for name, theirs, ours, spec in rows:
    print(f"| {name:46} | {fmt(theirs, spec):>13} | {fmt(ours, spec):>15} | {ratio(ours, theirs):>9} |")

# The three-way whole-process table: throughput ratios are ours over theirs (above 1: we are faster).
def mbps(wall):
    return mb / wall if wall else None

load_before = (d / "load-before.txt").read_text().strip() if (d / "load-before.txt").exists() else "n/a"
load_after = (d / "load-after.txt").read_text().strip() if (d / "load-after.txt").exists() else "n/a"
mecab_version = (d / "mecab-version.txt").read_text().strip() if (d / "mecab-version.txt").exists() else "mecab"
print()
print(f"whole process, one pass over {input_path.name} ({mb:.2f} MB), median of {max(java_runs, cli_runs, mecab_runs)} interleaved rounds")
print(f"load before: {load_before}")
print(f"load after:  {load_after}")
print(f"| {'tokenizer':48} | {'MB/s':>6} | {'wall s':>6} | {'CPU s':>6} | {'peak RSS MiB':>12} | {'ours/it (MB/s)':>14} | {'ours/it (CPU)':>13} |")
print(f"|{'-' * 50}|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 14}|{'-' * 16}|{'-' * 15}|")
for name, wall, cpu, rss in [
    ("Ingest.Japanese: ingest tokenize --mode search", cli_wall, cli_cpu, cli_rss),
    ("Lucene 4.10 Kuromoji (Java), search, per line", java_once_wall, java_once_cpu, java_once_rss),
    (f"{mecab_version} -Owakati", mecab_wall, mecab_cpu, mecab_rss),
] + ([("ingest tokenize, baseline build (BASELINE_CLI)", baseline_wall, baseline_cpu, baseline_rss)] if baseline_runs else []):
    speed = ratio(mbps(cli_wall), mbps(wall))
    cpu_ratio = ratio(cpu, cli_cpu)
    print(f"| {name:48} | {fmt(mbps(wall), '.2f'):>6} | {fmt(wall, '.2f'):>6} | {fmt(cpu, '.2f'):>6} | {fmt(rss, '.0f'):>12} | {speed:>14} | {cpu_ratio:>13} |")
PY
