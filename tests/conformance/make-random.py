#!/usr/bin/env python3
"""Builds corpus/random.txt: lines stitched from random slices of the other corpus files plus random characters
from the scripts the tokenizer treats differently (kana, half-width kana, kanji, digits, Latin, symbols, spaces),
so the lattice meets boundaries no hand-written line has. Deterministic for a given seed.

usage: make-random.py [LINES=400] [SEED=5201]
"""
import pathlib
import random
import sys

NOISE = (
    "あいうえおかがきぎくぐけげこごさしすせそただちっつてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろわをんゝゞ"
    "アイウエオカガキギクグケゲコゴサシスセソタダチッツテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロワヲンヴヵヶー"
    "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｯｰﾞﾟ"
    "日本国人大年月日時分秒円区市町村県都道府個情報保護会議外部結合委託提供目的期間令和平成昭和第条項号々〆"
    "0123456789０１２３４５６７８９一二三四五六七八九十百千万億"
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZａｂｃＡＢＣ"
    "、。，．・：；？！「」『』（）［］【】〈〉《》～〜ー―‐－/／\\＼|｜-_＿+＋=＝*＊&＆%％#＃@＠$＄¥￥\"'…‥※〒→○●◎◇◆□■△▲"
    " 　\t"
)

def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 5201
    here = pathlib.Path(__file__).resolve().parent / "corpus"
    sources = [line for path in sorted(here.glob("*.txt")) if path.name not in ("random.txt", "edge.txt")
               for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 6)):
            if rng.random() < 0.7:
                line = rng.choice(sources)
                start = rng.randrange(len(line))
                parts.append(line[start:start + rng.randint(1, 40)])
            else:
                parts.append("".join(rng.choice(NOISE) for _ in range(rng.randint(1, 12))))
        text = "".join(parts)
        if text.strip():
            out.append(text)
    (here / "random.txt").write_text("".join(line + "\n" for line in out), encoding="utf-8", newline="\n")
    print(f"corpus/random.txt: {len(out)} lines")

if __name__ == "__main__":
    main()
