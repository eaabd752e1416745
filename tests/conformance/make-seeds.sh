#!/usr/bin/env bash
# Rebuilds corpus/seeds.txt from the five seed submissions (seeds/*.txt): every non-empty line as it is,
# carriage returns and a byte-order mark removed (the harness reads lines the same way on both sides),
# lines longer than MAX_CHARS code points cut so one line stays a reasonable test case.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
max="${MAX_CHARS:-3500}"
python3 - "$max" "$repo"/seeds/*.txt > "$here/corpus/seeds.txt" <<'PY'
import sys
limit = int(sys.argv[1])
for path in sys.argv[2:]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read().replace("\r\n", "\n").replace("\r", "\n")
    for line in text.split("\n"):
        if line:
            sys.stdout.write(line[:limit] + "\n")
PY
echo "corpus/seeds.txt: $(wc -l < "$here/corpus/seeds.txt") lines"
