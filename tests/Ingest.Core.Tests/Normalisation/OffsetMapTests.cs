using Ingest.Core.Normalisation;

namespace Ingest.Core.Tests.Normalisation;

/// <summary>The map from normalised indices back to the source: exact for one-to-many, many-to-one and dropped characters.</summary>
public sealed class OffsetMapTests
{
    [Fact]
    public void One_source_character_becoming_several_maps_every_piece_back_to_it()
    {
        var n = TextNormaliser.Normalise("㍻31年");
        Assert.Equal("平成31年", n.Text);
        Assert.Equal([0, 0, 1, 2, 3, 4], Enumerable.Range(0, n.Text.Length + 1).Select(n.ToSourceOffset));
        Assert.Equal((0, 1), n.ToSourceRange(0, 2));
        Assert.Equal((0, 1), n.ToSourceRange(1, 2));
        Assert.Equal("㍻", n.SourceSlice(0, 1));
    }

    [Fact]
    public void Several_source_characters_becoming_one_map_to_their_whole_span()
    {
        var n = TextNormaliser.Normalise("ｶﾞｲﾄﾞ");
        Assert.Equal("ガイド", n.Text);
        Assert.Equal(0, n.ToSourceOffset(0));
        Assert.Equal(2, n.ToSourceOffset(1));
        Assert.Equal(3, n.ToSourceOffset(2));
        Assert.Equal(5, n.ToSourceOffset(3));
        Assert.Equal((0, 2), n.ToSourceRange(0, 1));
        Assert.Equal((3, 5), n.ToSourceRange(2, 3));
    }

    [Fact]
    public void Crlf_and_whitespace_runs_map_to_their_span()
    {
        var n = TextNormaliser.Normalise("a\r\nb\u3000 \tc  \r\n");
        Assert.Equal("a\nb c\n", n.Text);
        Assert.Equal((1, 3), n.ToSourceRange(1, 2));   // \n ← \r\n
        Assert.Equal((4, 7), n.ToSourceRange(3, 4));   // ' ' ← U+3000, space, tab
        Assert.Equal(7, n.ToSourceOffset(4));           // c
        Assert.Equal(n.Source.Length, n.ToSourceOffset(n.Text.Length));
    }

    [Fact]
    public void Dropped_characters_are_skipped_and_surrogate_pairs_stay_together()
    {
        var n = TextNormaliser.Normalise("\u200BA\uFEFF𠮟B");
        Assert.Equal("A𠮟B", n.Text);
        Assert.Equal(1, n.ToSourceOffset(0));
        Assert.Equal((3, 5), n.ToSourceRange(1, 3));
        Assert.Equal(5, n.ToSourceOffset(3));
    }

    [Fact]
    public void Empty_ranges_and_bounds()
    {
        var n = TextNormaliser.Normalise("ab");
        Assert.Equal((2, 2), n.ToSourceRange(2, 2));
        Assert.Equal((1, 1), n.ToSourceRange(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => n.ToSourceOffset(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => n.ToSourceOffset(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => n.ToSourceRange(2, 1));
        var empty = TextNormaliser.Normalise("   ");
        Assert.Equal("", empty.Text);
        Assert.Equal(3, empty.ToSourceOffset(0));
    }

    [Theory]
    [InlineData("結合の相手方\tＪ－ＬＩＳ及び出入国在留管理庁\r\n期間　令和６年１２月２日から", "J-LIS", "Ｊ－ＬＩＳ")]
    [InlineData("結合の相手方\tＪ－ＬＩＳ及び出入国在留管理庁\r\n期間　令和６年１２月２日から", "令和6年12月2日", "令和６年１２月２日")]
    [InlineData("申請補助端末（ﾀﾌﾞﾚｯﾄﾊﾟｿｺﾝ）を使う", "(タブレットパソコン)", "（ﾀﾌﾞﾚｯﾄﾊﾟｿｺﾝ）")]
    [InlineData("㍻31年4月1日から ※H27.1.30 委任開始", "平成31年", "㍻31年")]
    [InlineData("資料４０ー１のとおり", "40-1", "４０ー１")]
    [InlineData("区の窓口を  經由して", "窓口を 經由", "窓口を  經由")]
    public void A_match_in_the_normalised_text_maps_back_to_its_source_words(string source, string found, string expectedSource)
    {
        var n = TextNormaliser.Normalise(source);
        var at = n.Text.IndexOf(found, StringComparison.Ordinal);
        Assert.True(at >= 0, n.Text);
        Assert.Equal(expectedSource, n.SourceSlice(at, at + found.Length));
        // and the round trip: normalising the source slice gives the match again
        Assert.Equal(found, TextNormaliser.Clean(n.SourceSlice(at, at + found.Length)));
    }

    // Every case the rules single out, plus broken UTF-16 and marks with no base.
    private static readonly string[] _hostilePool =
    [
        "a", "Z", "1", "１", "Ａ", " ", "\t", "\u3000", "\u00A0", "\r", "\n", "\r\n", "\u2028", "\f", "\0", "\u0007",
        "ー", "ｰ", "－", "―", "‐", "−", "–", "—", "-", "カ", "ｶ", "ﾞ", "ﾟ", "\u3099", "\u309B", "あ", "ア", "日",
        "〇", "○", "◯", "二", "年", "㍻", "㋿", "⽇", "⺠", "\uFA19", "經", "𠮟", "😀", "\u200D", "\uFE0F", "\U000E0100",
        "\u200B", "\uFEFF", "\uD800", "\uDC00", "\u0301", "（", "）", "【", "】", "※", "\u1100", "\u1161", "\u11A8",
    ];

    // The same without combining marks that have no base of their own: text whose normal form is reached in one pass.
    private static readonly string[] _wellFormedPool =
    [
        "a", "Z", "1", "１", "Ａ", " ", "\t", "\u3000", "\u00A0", "\r", "\n", "\r\n", "\u2028", "\f", "\0", "\u0007",
        "ー", "ｰ", "－", "―", "‐", "−", "–", "—", "-", "カ", "ｶﾞ", "ﾟ", "カ\u3099", "a\u0301", "\u309B", "あ", "ア", "日",
        "〇", "○", "◯", "二", "年", "㍻", "㋿", "⽇", "⺠", "\uFA19", "經", "𠮟", "😀", "\u200B", "\uFEFF", "\uD800",
        "\uDC00", "（", "）", "【", "】", "※", "\u1100", "\u1161", "\u11A8",
    ];

    [Fact]
    public void Random_input_never_throws_and_keeps_offsets_monotonic()
    {
        foreach (var (source, options, _) in RandomInputs(_hostilePool, seed: 20240401))
            AssertWellMapped(source, TextNormaliser.Normalise(source, options));
    }

    [Fact]
    public void Random_well_formed_input_is_normal_after_one_pass()
    {
        foreach (var (source, options, round) in RandomInputs(_wellFormedPool, seed: 31))
        {
            var once = TextNormaliser.Normalise(source, options);
            AssertWellMapped(source, once);
            Assert.True(once.Text == TextNormaliser.Normalise(once.Text, options).Text, $"round {round}: not idempotent on {Escape(source)}");
        }
    }

    private static IEnumerable<(string Source, NormaliseOptions Options, int Round)> RandomInputs(string[] pool, int seed)
    {
        // Seeded, so a failure reproduces.
        var random = new Random(seed);
        for (var round = 0; round < 2000; round++)
        {
            var length = random.Next(0, 40);
            var source = string.Concat(Enumerable.Range(0, length).Select(_ => pool[random.Next(pool.Length)]));
            yield return (source, NormaliseOptions.Default, round);
            yield return (source, new NormaliseOptions { KeepLineBreaks = false, FoldVariants = true }, round);
        }
    }

    private static void AssertWellMapped(string source, NormalisedText n)
    {
        var previousStart = 0;
        var previousEnd = 0;
        for (var i = 0; i < n.Text.Length; i++)
        {
            var (start, end) = n.ToSourceRange(i, i + 1);
            Assert.True(start >= previousStart && end >= previousEnd, $"offsets go back at {i} in {Escape(source)}");
            Assert.True(start < end && end <= source.Length, $"bad range at {i} in {Escape(source)}");
            previousStart = start;
            previousEnd = end;
        }
        Assert.Equal(source.Length, n.ToSourceOffset(n.Text.Length));
        Assert.DoesNotContain('\r', n.Text);
        Assert.False(n.Text.Contains("  ", StringComparison.Ordinal), Escape(n.Text));
        Assert.False(n.Text.StartsWith(' ') || n.Text.EndsWith(' '), Escape(n.Text));
    }

    [Fact]
    public void A_hostile_run_of_combining_marks_is_handled_in_linear_pieces()
    {
        var source = "a" + new string('\u0301', 100_000);
        var n = TextNormaliser.Normalise(source);
        Assert.Equal(source.Length, n.ToSourceOffset(n.Text.Length));
        Assert.Equal('\u00E1', n.Text[0]);
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < 0x7F && c >= 0x20 ? c.ToString() : $"\\u{(int)c:X4}"));
}
