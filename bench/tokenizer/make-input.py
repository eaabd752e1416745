#!/usr/bin/env python3
"""Builds the tokenizer benchmark input: the conformance corpus lines, shuffled with a fixed seed and
repeated until the file reaches the target size. Generated at run time, never committed.

usage: make-input.py OUTPUT [TARGET_MB=6] [SEED=20241017]
"""
import pathlib
import random
import sys

def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    output = pathlib.Path(sys.argv[1])
    target = int(float(sys.argv[2] if len(sys.argv) > 2 else 6) * 1_000_000)
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20241017
    corpus = pathlib.Path(__file__).resolve().parent.parent.parent / "tests" / "conformance" / "corpus"
    lines = [line for path in sorted(corpus.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    if not lines:
        sys.exit(f"no corpus lines under {corpus}")
    rng = random.Random(seed)
    size = 0
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="\n") as out:
        while size < target:
            rng.shuffle(lines)
            for line in lines:
                data = line + "\n"
                out.write(data)
                size += len(data.encode("utf-8"))
                if size >= target:
                    break
    print(f"{output}: {size} bytes from {len(lines)} corpus lines")

if __name__ == "__main__":
    main()
