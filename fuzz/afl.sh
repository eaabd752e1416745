#!/usr/bin/env bash
# Runs one fuzz target under afl-fuzz with SharpFuzz instrumentation.
#   bash fuzz/afl.sh TARGET [SECONDS] [OUT]     TARGET: text, pdf, docx or zip; SECONDS: stop after (default 3600)
# Builds the harness into OUT/build (default fuzz/out/TARGET), instruments our assemblies and the parser libraries
# with `dotnet sharpfuzz`, then starts afl-fuzz on fuzz/seeds/TARGET. Findings land in OUT/findings.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: afl.sh TARGET [SECONDS] [OUT]}
seconds=${2:-3600}
out=${3:-out/$target}
mkdir -p "$out"
build=$(realpath "$out")/build

dotnet tool restore >/dev/null
if [ ! -f "$build/.instrumented" ]; then
  dotnet publish Ingest.Fuzz -c Release -o "$build" >/dev/null
  # Our readers and extraction, and the library each target parses with (PdfPig, OpenXml, the zip reader is the
  # framework's and stays uninstrumented). AFL sees coverage only in instrumented assemblies.
  for dll in "$build"/Ingest.Core.dll "$build"/Ingest.Readers.dll "$build"/Ingest.Extraction.dll "$build"/Ingest.Pipeline.dll \
             "$build"/UglyToad.PdfPig*.dll "$build"/DocumentFormat.OpenXml.dll "$build"/DocumentFormat.OpenXml.Framework.dll; do
    [ -f "$dll" ] && dotnet sharpfuzz "$dll" >/dev/null
  done
  touch "$build/.instrumented"
fi

# dotnet itself is not instrumented (the check would refuse it); one core each; no CPU-frequency or core-dump checks
# (they need root-only system settings that a shared machine should not change).
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
exec afl-fuzz -V "$seconds" -i "seeds/$target" -o "$out/findings" -t 20000 -m none -x "dictionaries/$target.dict" -- dotnet "$build/Ingest.Fuzz.dll" "$target"
