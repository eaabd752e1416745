#!/usr/bin/env bash
# Goldens for the OpenSearch export: does Kuromoji, given the user dictionary exactly as `ingest export opensearch`
# writes it into the index settings, segment our corpus as our tokenizer does with the domain dictionary?
#  1. builds the CLI, imports the seed submissions into a scratch index and exports it (`--out`), keeping the index
#     body as opensearch/ingest.index.json (the settings do not depend on the records; the bulk body is not kept);
#  2. takes the kuromoji_tokenizer's user_dictionary_rules out of that file (python3, one rule a line, unchanged);
#  3. runs the reference harness (Lucene 4.10 Kuromoji, SEARCH mode, that dictionary) over every corpus file:
#     goldens/<corpus>.exported-search.tsv, and .exported-search-discard.tsv without compound tokens.
# Needs the .NET SDK, python3, Java 17+ and the Lucene 4.10 jars (Debian: apt-get install liblucene4.10-java).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jars="${LUCENE_JARS:-/usr/share/java}"
ver="${LUCENE_VERSION:-4.10.4}"
cp="$jars/lucene-core-$ver.jar:$jars/lucene-analyzers-common-$ver.jar:$jars/lucene-analyzers-kuromoji-$ver.jar"
for jar in ${cp//:/ }; do
  [[ -f "$jar" ]] || { echo "missing $jar (apt-get install liblucene4.10-java, or set LUCENE_JARS)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/Ingest.Cli" -v quiet -nologo -m:1 >/dev/null
ingest=(dotnet "$root/src/Ingest.Cli/bin/Debug/net10.0/ingest.dll")
"${ingest[@]}" import "$root/seeds" --index "$work/index" >/dev/null
mkdir -p "$here/opensearch"
"${ingest[@]}" export opensearch --index "$work/index" --out "$work/export" --name ingest >/dev/null
cp "$work/export/ingest.index.json" "$here/opensearch/ingest.index.json"
echo "opensearch/ingest.index.json"

python3 - "$here/opensearch/ingest.index.json" "$work/rules.csv" <<'PY'
import json, sys
settings = json.load(open(sys.argv[1], encoding="utf-8"))["settings"]["analysis"]["tokenizer"]
rules = [t["user_dictionary_rules"] for t in settings.values() if t.get("type") == "kuromoji_tokenizer"]
assert len(rules) == 1, "expected one kuromoji_tokenizer in the export"
with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as out:
    out.write("\n".join(rules[0]) + "\n")
PY

javac -encoding UTF-8 -d "$work/classes" -cp "$cp" "$here/java/TokenDump.java"
for corpus in "$here"/corpus/*.txt; do
  name="$(basename "$corpus" .txt)"
  for mode in exported-search exported-search-discard; do
    java -cp "$work/classes:$cp" TokenDump "$mode" "$corpus" "$here/goldens/$name.$mode.tsv" "$work/rules.csv"
    echo "goldens/$name.$mode.tsv"
  done
done
