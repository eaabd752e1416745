using System.Text;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ingest.Japanese.Tests;

/// <summary>Long input is streamed with bounded memory; random input never throws and keeps offsets sane.</summary>
public sealed class StreamingAndRobustnessTests
{
    /// <summary>Generates text on the fly, so the test itself never holds the whole input.</summary>
    private sealed class GeneratedReader(int totalChars, int seed, string[] pieces) : TextReader
    {
        private readonly Random _random = new(seed);
        private string _current = string.Empty;
        private int _currentIndex;

        public int Produced { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            var written = 0;
            while (written < count && Produced < totalChars)
            {
                if (_currentIndex == _current.Length)
                {
                    _current = pieces[_random.Next(pieces.Length)];
                    _currentIndex = 0;
                }

                buffer[index + written++] = _current[_currentIndex++];
                Produced++;
            }

            return written;
        }

        public override int Read() => throw new NotSupportedException();
    }

    private static readonly string[] s_sentences =
    [
        "区は、特定個人情報の外部結合について審議会に諮問した。",
        "マイナンバーカードと在留カード等の一体化に係る改正法が施行される。",
        "ＬＧＷＡＮ回線を利用して地方公共団体情報システム機構へ接続する。",
        "令和６年１０月１７日（木）午後２時から開催します。\n",
        "The system logs every access (ID, password) for 5 years. ",
        "シングルサインオンとファイアウォールのセキュリティパッチを適用した。",
        "出入国在留管理庁長官が定める基準に従い、",
    ];

    [Theory]
    [InlineData(JapaneseTokenizerMode.Normal)]
    [InlineData(JapaneseTokenizerMode.Search)]
    public void SeveralMegabytesAreStreamedWithBoundedMemory(JapaneseTokenizerMode mode)
    {
        const int total = 4 * 1024 * 1024;
        var reader = new GeneratedReader(total, 42, s_sentences);
        using var tokenizer = new JapaneseTokenizer(reader, mode: mode);
        var offset = tokenizer.AddAttribute<IOffsetAttribute>();
        tokenizer.Reset();
        var tokens = 0;
        var lastStart = 0;
        var maxCapacity = 0;
        while (tokenizer.IncrementToken())
        {
            tokens++;
            Assert.True(offset.StartOffset >= lastStart, "start offsets never go back");
            lastStart = offset.StartOffset;
            if ((tokens & 1023) == 0)
            {
                maxCapacity = Math.Max(maxCapacity, tokenizer.InputCapacity);
            }
        }

        tokenizer.End();
        Assert.Equal(total, reader.Produced);
        Assert.Equal(total, offset.EndOffset);
        Assert.True(tokens > total / 4, $"only {tokens} tokens");
        // The window holds a few thousand characters, not the input.
        Assert.True(maxCapacity <= 64 * 1024, $"input window grew to {maxCapacity} characters");
    }

    [Fact]
    public void LongLineWithoutCommitPointIsStillTokenizedCompletely()
    {
        // 5,000 katakana-hiragana alternations: the lattice rarely narrows, so the 1,024-character safety commit applies.
        var text = string.Concat(Enumerable.Repeat("アイあい", 1250));
        using var tokenizer = new JapaneseTokenizer(new StringReader(text), mode: JapaneseTokenizerMode.Normal);
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        var offset = tokenizer.AddAttribute<IOffsetAttribute>();
        tokenizer.Reset();
        var covered = new StringBuilder();
        var lastEnd = 0;
        while (tokenizer.IncrementToken())
        {
            Assert.Equal(lastEnd, offset.StartOffset);
            Assert.Equal(text[offset.StartOffset..offset.EndOffset], term.ToString());
            covered.Append(term);
            lastEnd = offset.EndOffset;
        }

        tokenizer.End();
        Assert.Equal(text, covered.ToString());
    }

    [Theory]
    [InlineData(JapaneseTokenizerMode.Normal, 1)]
    [InlineData(JapaneseTokenizerMode.Search, 2)]
    [InlineData(JapaneseTokenizerMode.Extended, 3)]
    public void RandomInputNeverThrowsAndOffsetsStayInBounds(JapaneseTokenizerMode mode, int seed)
    {
        var random = new Random(seed);
        string[] pools =
        [
            "あいうえおかきくけこーッャ", "アイウエオカキクケコーヴ", "一二三四五六七八九十百千万億〇", "漢字東京都特定個人情報々",
            "ＡＢＣａｂｃ０１２３", "abcXYZ019 .,-", "、。・「」（）！？〜－—", "𠮷😀\u3099\u309a\u200d", "\t \u3000\r\n",
            "\uD800\uDC00\uDFFF\uD800", "ﾀﾌﾞﾚｯﾄﾊﾟｿｺﾝ",
        ];
        for (var i = 0; i < 300; i++)
        {
            var length = random.Next(0, 200);
            var builder = new StringBuilder(length);
            for (var j = 0; j < length; j++)
            {
                var pool = pools[random.Next(pools.Length)];
                builder.Append(pool[random.Next(pool.Length)]);
            }

            var text = builder.ToString();
            using var tokenizer = new JapaneseTokenizer(new StringReader(text), discardPunctuation: random.Next(2) == 0, mode: mode);
            var term = tokenizer.AddAttribute<ICharTermAttribute>();
            var offset = tokenizer.AddAttribute<IOffsetAttribute>();
            var increment = tokenizer.AddAttribute<IPositionIncrementAttribute>();
            var positionLength = tokenizer.AddAttribute<IPositionLengthAttribute>();
            tokenizer.Reset();
            var lastStart = 0;
            var first = true;
            while (tokenizer.IncrementToken())
            {
                Assert.InRange(offset.StartOffset, lastStart, text.Length);
                Assert.InRange(offset.EndOffset, offset.StartOffset + 1, text.Length);
                Assert.Equal(text[offset.StartOffset..offset.EndOffset], term.ToString());
                Assert.True(first ? increment.PositionIncrement == 1 : increment.PositionIncrement is 0 or 1);
                Assert.True(positionLength.PositionLength >= 1);
                lastStart = offset.StartOffset;
                first = false;
            }

            tokenizer.End();
            Assert.Equal(text.Length, offset.EndOffset);
        }
    }

    [Fact]
    public void ParallelTokenizersShareTheDictionarySafely()
    {
        var expected = s_sentences.Select(s => TokenRendering.Tokenize(s, JapaneseTokenizerMode.Search)).ToArray();
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = TokenRendering.Tokenize(s_sentences[i % s_sentences.Length], JapaneseTokenizerMode.Search));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % s_sentences.Length], results[i]);
        }
    }

    [Fact]
    public void TextWithoutJapaneseIsTokenized() =>
        Assert.Equal("The quick brown fox 42 x y", TokenRendering.Terms("The quick brown fox, 42 x-y!", JapaneseTokenizerMode.Search));

    [Fact]
    public void DictionaryIsCompleteAfterLoad()
    {
        JapaneseTokenizer.Preload();
        var dictionary = Dictionary.DictionaryResources.System;
        Assert.Equal(392126, dictionary.KnownWordCount);
        Assert.Equal(1316, dictionary.LeftSize);
        Assert.True(dictionary.CategoryIndex("KATAKANA") >= 0);
        // Decompressing megabytes of tables is never instantaneous: 0 would mean the load was not timed.
        Assert.True(JapaneseTokenizer.DictionaryLoadMilliseconds > 0, "the dictionary load time is recorded");
    }
}
