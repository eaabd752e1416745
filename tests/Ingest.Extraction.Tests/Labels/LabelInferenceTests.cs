using Ingest.Core.Records;
using Ingest.Extraction.Labels;

namespace Ingest.Extraction.Tests.Labels;

/// <summary>Labels read from their head noun and qualifiers, in the context of the sheet's kind, confirmed by the value's shape.</summary>
public sealed class LabelInferenceTests
{
    private static LabelResolution Resolve(string label, string? kind, string value = "") =>
        LabelInference.Default.Resolve(LabelKey.Fold(label), kind, value);

    [Theory]
    [InlineData("連絡先機関の名称", "外部結合", "結合の相手方")] // name of a party: the partner
    [InlineData("相手方", "委託", "委託先")] // the same meaning names each kind's own field
    [InlineData("相手方", "委任", "委任先")]
    [InlineData("相手方", "外部結合", "結合の相手方")]
    [InlineData("受注者の名称", "委託", "委託先")]
    [InlineData("回線接続の開始日", "外部結合", "結合の開始時期と期間")]
    [InlineData("契約の有効期限", "委託", "委託の開始時期及び期限")]
    [InlineData("取り扱う記録項目", "委任", "委任に伴い事業者処理させる情報項目")]
    [InlineData("委託する情報の範囲", "委託", "委託に伴い事業者処理させる情報項目")] // scope of data: items
    [InlineData("委託する作業の概要", "委託", "委託の内容")] // scope of work: content
    [InlineData("データの受渡し媒体", "委託", "処理させる情報項目の記録媒体")]
    [InlineData("市が講ずる措置", "委託", "委託にあたり区が行う情報保護対策")] // a city's forms: 市 is the municipality
    [InlineData("受注者に守らせる事項", "委託", "受託事業者に行わせる情報保護対策")]
    [InlineData("委任先が講ずる安全対策", "委任", "委任先に行わせる情報保護対策")]
    [InlineData("講ずべき措置", "委託", "情報保護対策")] // nobody named
    [InlineData("回線接続の趣旨", "外部結合", "結合する理由")]
    [InlineData("所管部課名", "委任", "保有課")]
    [InlineData("記録媒体の区分", "委託", "処理させる情報項目の記録媒体")] // a sort noun: read what it sorts
    [InlineData("1 結合の経路", "外部結合", "結合の形態")] // numbering is not part of the label
    public void A_label_is_read_by_its_meaning_in_the_sheet_kind(string label, string kind, string field)
    {
        var resolution = Resolve(label, kind);
        Assert.Equal(field, resolution.Field);
        Assert.Equal(LabelHow.Inferred, resolution.How);
        Assert.StartsWith("head ", resolution.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void The_value_confirms_or_doubts_and_the_confidence_says_so()
    {
        var fits = Resolve("相手先機関", "外部結合", "東京都国民健康保険団体連合会");
        var doesNot = Resolve("相手先機関", "外部結合", "住民の利便性の向上を図るため。");
        var silent = Resolve("相手先機関", "外部結合", "別紙のとおり");
        Assert.True(fits.Confidence > silent.Confidence && silent.Confidence > doesNot.Confidence, $"{fits.Confidence} {silent.Confidence} {doesNot.Confidence}");
        Assert.EndsWith("value fits", fits.Rule, StringComparison.Ordinal);
        Assert.Contains("value does not fit", doesNot.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_naming_another_arrangement_is_doubted()
    {
        var own = Resolve("委任期間", "委任");
        var other = Resolve("委託期間", "委任");
        Assert.Equal("委任の開始時期及び期限", own.Field);
        Assert.True(own.Confidence > other.Confidence);
    }

    [Fact]
    public void Without_a_head_noun_or_a_kind_a_label_stays_unknown_and_says_why()
    {
        var none = Resolve("いつからいつまで", "委託");
        Assert.Equal(LabelHow.Unknown, none.How);
        Assert.Null(none.Field);
        Assert.Contains("no head noun", none.Rule, StringComparison.Ordinal);

        var bare = Resolve("協力団体", "委託"); // 団体 names the partner only with a party or an arrangement
        Assert.Equal(LabelHow.Unknown, bare.How);
        Assert.Contains("団体", bare.Rule, StringComparison.Ordinal);

        // A partner field differs by kind: with no kind known, the partner cannot be placed.
        Assert.Equal(LabelHow.Unknown, Resolve("相手方", null).How);
        // …but the label's own arrangement word can tell it.
        Assert.Equal("委託先", Resolve("受託者", null).Field);
        // Kinds outside the catalogue keep their labels.
        Assert.Equal(LabelHow.Unknown, Resolve("提供する理由", "外部提供").How);
    }

    [Fact]
    public void The_vocabulary_is_data_and_a_bad_line_is_named()
    {
        var vocabulary = LabelVocabulary.Parse("# comment\nhead\t期間\tperiod\nkind\t委託\t委託\n", "test.tsv");
        Assert.Equal("委託の開始時期及び期限", new LabelInference(vocabulary).Resolve("委託期間", "委託", "").Field);
        var error = Assert.Throws<FormatException>(() => LabelVocabulary.Parse("head\t期間\tperiod\nnoun\t期限\tperiod\n", "test.tsv"));
        Assert.StartsWith("test.tsv:2:", error.Message, StringComparison.Ordinal);
    }
}
