#!/usr/bin/env bash
# PDF extraction speed and memory: Ingest's PdfDocumentReader (text, tables, styles, furniture) beside poppler's
# pdftotext (text only) on the same files, corpus/fixtures/*.pdf by default.
# Prints pages/s and peak RSS for both, and the ratio. Usage: bench/pdf/run.sh [folder]
# Env: ITERATIONS=20 WARMUPS=2.  Needs: pdftotext (poppler-utils), /usr/bin/time (time), dotnet.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
folder="${1:-$repo/corpus/fixtures}"
iterations="${ITERATIONS:-20}"
warmups="${WARMUPS:-2}"
for tool in pdftotext pdfinfo /usr/bin/time dotnet; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install poppler-utils time)" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(ls "$folder"/*.pdf | sort)
pages=0
for f in "${files[@]}"; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
echo "input: ${#files[@]} PDF files, $pages pages, in $folder; $iterations timed passes"

echo "== pdftotext (one process per file, as a batch converter runs it)"
for ((i = 0; i < warmups; i++)); do for f in "${files[@]}"; do pdftotext "$f" - >/dev/null; done; done
start=$(date +%s.%N)
for ((i = 0; i < iterations; i++)); do
  for f in "${files[@]}"; do /usr/bin/time -f "%M" -a -o "$work/rss" pdftotext "$f" - >/dev/null; done
done
end=$(date +%s.%N)
p2t_pps=$(echo "$pages * $iterations / ($end - $start)" | bc -l)
p2t_rss=$(sort -n "$work/rss" | tail -1)
printf "pdftotext: %.1f pages/s, peak RSS %.1f MB\n" "$p2t_pps" "$(echo "$p2t_rss / 1024" | bc -l)"

echo "== Ingest PdfDocumentReader (one process, all files, steady state after $warmups warm-up passes)"
dotnet build -c Release "$here/PdfBench" -v q -nologo >/dev/null
/usr/bin/time -f "%M" -o "$work/ours-rss" dotnet "$here/PdfBench/bin/Release/net10.0/PdfBench.dll" "$folder" "$iterations" "$warmups" | tee "$work/ours"
ours_pps=$(awk -F= '/^steady_pages_per_s=/ {print $2}' "$work/ours")
ours_rss=$(cat "$work/ours-rss")
printf "ingest: %.1f pages/s, peak RSS %.1f MB (whole process, runtime included)\n" "$ours_pps" "$(echo "$ours_rss / 1024" | bc -l)"
printf "ratio pdftotext/ingest speed: %.2fx (goal: within 3x)\n" "$(echo "$p2t_pps / $ours_pps" | bc -l)"

echo "== one long file: every input united ${UNITE:-10} times (pdfunite), read once by each tool (no per-file process cost)"
if command -v pdfunite >/dev/null; then
  mkdir -p "$work/big"
  list=()
  for ((i = 0; i < ${UNITE:-10}; i++)); do list+=("${files[@]}"); done
  pdfunite "${list[@]}" "$work/big/packet.pdf"
  big_pages=$(pdfinfo "$work/big/packet.pdf" | awk '/^Pages:/ {print $2}')
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/p2t-big-rss" pdftotext "$work/big/packet.pdf" - >/dev/null
  end=$(date +%s.%N)
  big_p2t=$(echo "$big_pages / ($end - $start)" | bc -l)
  printf "pdftotext: %d pages in %.2f s = %.1f pages/s, peak RSS %.1f MB\n" "$big_pages" "$(echo "$end - $start" | bc -l)" "$big_p2t" "$(echo "$(cat "$work/p2t-big-rss") / 1024" | bc -l)"
  /usr/bin/time -f "%M" -o "$work/ours-big-rss" dotnet "$here/PdfBench/bin/Release/net10.0/PdfBench.dll" "$work/big" 3 1 | tee "$work/ours-big"
  big_ours=$(awk -F= '/^steady_pages_per_s=/ {print $2}' "$work/ours-big")
  printf "ingest: %.1f pages/s, peak RSS %.1f MB\n" "$big_ours" "$(echo "$(cat "$work/ours-big-rss") / 1024" | bc -l)"
  printf "ratio pdftotext/ingest speed on one long file: %.2fx\n" "$(echo "$big_p2t / $big_ours" | bc -l)"
fi
