#!/usr/bin/env bash
# Start-up of the commands people type most: `ingest search`, `ingest show`, `ingest report renewals` (and `--version`, the
# floor of any .NET start), each run RUNS times as a fresh process under GNU time -v, printing the median wall time, CPU
# time and peak resident memory per command, with the 1-minute load average read before every run (the machine may be
# shared, and wall time on a loaded machine says more about the neighbours than about ingest).
#
#   bench/startup/run.sh [--before DIR-or-COMMIT] [--index DIR | --generate N] [--runs 5] [--query J-LIS] [--as-of 2026-11-22]
#
# The current tree is built the way users install it (tools/install.sh: a self-contained ReadyToRun build). --before
# builds an older checkout beside it for a side-by-side table: a folder (e.g. a git worktree at the old commit) or a
# commit of this repository (exported to a temporary folder); a checkout without tools/install.sh is built as it was run
# before there was one, `dotnet publish -c Release` (framework-dependent, compiled by the JIT at start).
# The index is copied to a temporary folder first, so the one given is only read. Without --index: --generate 10000
# (generated text submissions, imported in-process: the size the start-up goal is set for).
# Each build gets one unmeasured run per command first, so the files are in the page cache for both alike: "cold" means
# a new process (nothing compiled or loaded yet), not an empty disk cache (dropping that needs root).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
before="" index="" generate="" runs=5 query="J-LIS" as_of="2026-11-22"
while [ $# -gt 0 ]; do
    case "$1" in
        --before) before="${2:?--before needs a folder or a commit}"; shift 2 ;;
        --index) index="${2:?--index needs a folder}"; shift 2 ;;
        --generate) generate="${2:?--generate needs a count}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --query) query="${2:?--query needs words}"; shift 2 ;;
        --as-of) as_of="${2:?--as-of needs a date}"; shift 2 ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[ -x /usr/bin/time ] || { echo "run.sh: GNU time missing (apt-get install time)" >&2; exit 1; }
work="${BENCH_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/ingest-startup.XXXXXX")}"
mkdir -p "$work"
echo "work folder: $work" >&2

# build NAME SOURCE-TREE: prints the path of the built `ingest`.
build() {
    local name="$1" tree="$2"
    if [ -f "$tree/tools/install.sh" ]; then
        bash "$tree/tools/install.sh" --prefix "$work/$name" >&2
        echo "$work/$name/bin/ingest"
    else
        dotnet publish "$tree/src/Ingest.Cli/Ingest.Cli.csproj" -c Release -o "$work/$name/publish" -nologo -v:quiet -m:1 >&2
        echo "$work/$name/publish/ingest"
    fi
}

after_bin="$(build after "$root")"
before_bin=""
if [ -n "$before" ]; then
    tree="$before"
    if [ ! -d "$before" ]; then
        tree="$work/before-src"
        mkdir -p "$tree"
        git -C "$root" archive "$before" | tar -x -C "$tree"
    fi
    before_bin="$(build before "$(cd "$tree" && pwd)")"
fi

if [ -n "$index" ]; then
    cp -r "$index" "$work/index"
else
    "$after_bin" generate --out "$work/corpus" --count "${generate:-10000}" --seed 2026 --formats text >&2
    "$after_bin" import "$work/corpus" --index "$work/index" --in-process >&2 || [ $? -eq 3 ]
fi
# `show` asks for the first submission a filter-only search lists, by its id.
show_id="$("$after_bin" search "" --index "$work/index" --limit 1 --json | grep -o '"id": "[0-9a-f]*#[0-9]*"' | head -1 | cut -d'"' -f4)"
[ -n "$show_id" ] || { echo "run.sh: the index lists no submission" >&2; exit 1; }

commands=(
    "--version"
    "search $query --index $work/index"
    "show $show_id --index $work/index"
    "report renewals --index $work/index --as-of $as_of"
)

median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# measure BINARY COMMAND: prints "median-wall-s median-cpu-s median-peak-MB median-load min-load max-load". CPU time (user
# plus system) suffers far less than wall time from a loaded machine, so it is the figure to compare there.
measure() {
    local bin="$1" command="$2" i walls="" cpus="" rss="" loads="" log="$work/time.log"
    # shellcheck disable=SC2086 # the command is words on purpose
    "$bin" $command >/dev/null 2>&1 || true
    for ((i = 0; i < runs; i++)); do
        loads+="$(cut -d' ' -f1 /proc/loadavg)"$'\n'
        # shellcheck disable=SC2086
        /usr/bin/time -v -o "$log" "$bin" $command >/dev/null 2>&1 || true
        walls+="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (j = 1; j <= n; j++) s = s * 60 + t[j]; print s}' "$log")"$'\n'
        cpus+="$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f\n", s}' "$log")"$'\n'
        rss+="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f\n", $2 / 1024}' "$log")"$'\n'
    done
    printf '%s %s %s %s %s %s\n' "$(printf '%s' "$walls" | median)" "$(printf '%s' "$cpus" | median)" "$(printf '%s' "$rss" | median)" \
        "$(printf '%s' "$loads" | median)" "$(printf '%s' "$loads" | sort -g | head -1)" "$(printf '%s' "$loads" | sort -g | tail -1)"
}

label() { sed -e "s#$work/index#INDEX#g" -e 's#\(show [0-9a-f]\{8\}\)[0-9a-f]*#\1…#'; }

echo
echo "median of $runs cold runs; index: ${index:-generated ${generate:-10000} submissions}; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
if [ -n "$before_bin" ]; then
    echo "| command | before: wall s | cpu s | peak MB | load (median, min–max) | after: wall s | cpu s | peak MB | load (median, min–max) |"
    echo "|---|---:|---:|---:|---|---:|---:|---:|---|"
else
    echo "| command | wall s | cpu s | peak MB | load (median, min–max) |"
    echo "|---|---:|---:|---:|---|"
fi
for command in "${commands[@]}"; do
    name="ingest $(printf '%s' "$command" | label)"
    read -r a_wall a_cpu a_rss a_load a_min a_max <<<"$(measure "$after_bin" "$command")"
    if [ -n "$before_bin" ]; then
        read -r b_wall b_cpu b_rss b_load b_min b_max <<<"$(measure "$before_bin" "$command")"
        echo "| \`$name\` | $b_wall | $b_cpu | $b_rss | $b_load ($b_min–$b_max) | $a_wall | $a_cpu | $a_rss | $a_load ($a_min–$a_max) |"
    else
        echo "| \`$name\` | $a_wall | $a_cpu | $a_rss | $a_load ($a_min–$a_max) |"
    fi
done
