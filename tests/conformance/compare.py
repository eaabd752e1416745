#!/usr/bin/env python3
"""Summarises actual token rows (written by the .NET conformance tests when KUROMOJI_CONFORMANCE_DUMP is set)
against the goldens: identical lines per corpus file and mode, totals per mode, and the first differences.

usage: compare.py ACTUAL_DIR [SHOW=3]
"""
import collections
import pathlib
import sys

def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    actual_dir = pathlib.Path(sys.argv[1])
    show = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    here = pathlib.Path(__file__).resolve().parent
    corpus_dir, golden_dir = here / "corpus", here / "goldens"
    totals = collections.defaultdict(lambda: [0, 0])
    examples = []
    print(f"{'golden':28} {'identical':>9} / {'lines':<6}")
    for golden in sorted(golden_dir.glob("*.tsv")):
        actual = actual_dir / golden.name
        if not actual.exists():
            print(f"{golden.name:28} {'missing':>9}")
            continue
        corpus_name, mode = golden.stem.rsplit(".", 1)
        expected_rows = golden.read_text(encoding="utf-8").split("\n")
        actual_rows = actual.read_text(encoding="utf-8").split("\n")
        # Document goldens number tokens, not lines: there is no corpus line to show.
        lines = (corpus_dir / f"{corpus_name}.txt").read_text(encoding="utf-8").split("\n")
        if mode.endswith("-document"):
            lines = [""] * (len(expected_rows) + len(actual_rows) + 1)
        same = sum(1 for e, a in zip(expected_rows, actual_rows) if e == a and e)
        count = sum(1 for e in expected_rows if e)
        totals[mode][0] += same
        totals[mode][1] += count
        print(f"{golden.name:28} {same:>9} / {count:<6}")
        for number, (e, a) in enumerate(zip(expected_rows, actual_rows), start=1):
            if e != a and len([x for x in examples if x[0] == golden.name]) < show:
                examples.append((golden.name, number, lines[number - 1], e, a))
    print()
    for mode, (same, count) in sorted(totals.items()):
        print(f"{mode:10} {same}/{count} lines identical ({100.0 * same / max(count, 1):.1f} %)")
    print()
    for name, number, line, e, a in examples:
        exp, act = e.split("\t")[1:], a.split("\t")[1:]
        first = next((i for i, (x, y) in enumerate(zip(exp, act)) if x != y), min(len(exp), len(act)))
        print(f"{name}:{number} 「{line[:60]}」")
        print(f"   expected: {'  '.join(exp[max(0, first - 1):first + 4])}")
        print(f"   actual:   {'  '.join(act[max(0, first - 1):first + 4])}")

if __name__ == "__main__":
    main()
