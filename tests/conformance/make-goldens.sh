#!/usr/bin/env bash
# Regenerates the Kuromoji conformance goldens from the reference implementation
# (Lucene 4.10 JapaneseTokenizer / JapaneseAnalyzer, IPADIC, no user dictionary).
# Needs Java 17+ and the Lucene 4.10 jars (Debian: apt-get install liblucene4.10-java).
#   tests/conformance/make-goldens.sh            # every corpus file, modes normal search analyzer extended search-document
#   MODES="normal extended" tests/conformance/make-goldens.sh
# Modes: normal, search, extended, analyzer (each line on its own) and <mode>-document (the whole file as one input).
#   tests/conformance/make-goldens.sh --seeds    # also rebuild corpus/seeds.txt from seeds/*.txt first
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jars="${LUCENE_JARS:-/usr/share/java}"
ver="${LUCENE_VERSION:-4.10.4}"
modes="${MODES:-normal search analyzer extended search-document}"
cp="$jars/lucene-core-$ver.jar:$jars/lucene-analyzers-common-$ver.jar:$jars/lucene-analyzers-kuromoji-$ver.jar"

for jar in ${cp//:/ }; do
  [[ -f "$jar" ]] || { echo "missing $jar (apt-get install liblucene4.10-java, or set LUCENE_JARS)" >&2; exit 1; }
done

if [[ "${1:-}" == "--seeds" ]]; then
  "$here/make-seeds.sh"
fi

build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
javac -encoding UTF-8 -d "$build" -cp "$cp" "$here/java/TokenDump.java"

mkdir -p "$here/goldens"
for corpus in "$here"/corpus/*.txt; do
  name="$(basename "$corpus" .txt)"
  for mode in $modes; do
    java -cp "$build:$cp" TokenDump "$mode" "$corpus" "$here/goldens/$name.$mode.tsv"
    echo "goldens/$name.$mode.tsv"
  done
done
