#!/usr/bin/env bash
# Proves a renewal workbook is a valid file, not just written: LibreOffice (headless) opens it and converts every
# sheet to CSV; with a CSV from `ingest report renewals --format csv` of the same report, the 全件 sheet must equal it.
# Installs nothing: needs `soffice` on PATH (Debian: apt-get install libreoffice-calc-nogui).
#
#   ingest report renewals --as-of 2026-11-22 --format xlsx --out r.xlsx
#   ingest report renewals --as-of 2026-11-22 --format csv  --out r.csv
#   tests/Ingest.Reports.Tests/check-xlsx.sh r.xlsx r.csv
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 REPORT.xlsx [REPORT.csv]" >&2
  exit 2
fi
xlsx=$1
csv=${2:-}
[[ -f $xlsx ]] || { echo "$xlsx: no such file" >&2; exit 2; }
[[ -z $csv || -f $csv ]] || { echo "$csv: no such file" >&2; exit 2; }
command -v soffice >/dev/null || { echo "soffice (LibreOffice) is not on PATH; nothing checked" >&2; exit 3; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# CSV filter tokens: comma (44), double quote (34), UTF-8 (76), from line 1, …, token 9 = cells as shown (dates as
# yyyy-mm-dd), token 12 = -1: every sheet to <name>-<sheet>.csv (LibreOffice 7.2 and later).
soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
  --outdir "$work/out" "$xlsx" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; echo "LibreOffice failed to convert $xlsx" >&2; exit 1; }

base=$(basename "${xlsx%.*}")
status=0
for sheet in 要更新 全件; do
  out="$work/out/$base-$sheet.csv"
  if [[ ! -f $out ]]; then
    echo "FAIL: LibreOffice found no sheet $sheet in $xlsx" >&2
    status=1
    continue
  fi
  if command -v python3 >/dev/null; then
    rows=$(( $(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8"))))' "$out") - 1 ))
    echo "sheet $sheet: $rows rows; header: $(head -1 "$out")"
  else
    echo "sheet $sheet: header: $(head -1 "$out")"
  fi
done

if [[ -n $csv && $status -eq 0 ]]; then
  # Our CSV has a BOM and CRLF line ends; LibreOffice writes neither. Everything else must match byte for byte.
  if diff <(sed '1s/^\xEF\xBB\xBF//' "$csv" | tr -d '\r') <(tr -d '\r' < "$work/out/$base-全件.csv") >"$work/diff"; then
    echo "OK: sheet 全件 equals $csv"
  else
    echo "FAIL: sheet 全件 differs from $csv:" >&2
    head -20 "$work/diff" >&2
    status=1
  fi
fi
[[ $status -eq 0 ]] && echo "OK: LibreOffice opened $xlsx"
exit $status
