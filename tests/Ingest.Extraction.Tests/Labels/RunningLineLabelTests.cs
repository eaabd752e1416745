using System.Text;
using Ingest.Core.Records;
using Ingest.Extraction.Labels;
using Ingest.Pipeline;

namespace Ingest.Extraction.Tests.Labels;

/// <summary>
/// PDF text dumps have no cells: an uncatalogued label is found at a line's start, wrapped over short lines of its own,
/// and a value line that merely starts with label words stays a value.
/// </summary>
public sealed class RunningLineLabelTests
{
    private static SheetRecord Sheet(string body)
    {
        var text = "個人情報保護管理運営会議 付議事項\n\n件名 区民健診の結果通知業務の委託について\n\n" + body;
        var result = IngestPipeline.Default.Extract(Encoding.UTF8.GetBytes(text), "dump.txt");
        Assert.True(result.Succeeded, result.Error);
        return Assert.Single(Assert.Single(result.Submissions).Sheets);
    }

    [Fact]
    public void A_label_wrapped_over_lines_is_joined_and_its_value_follows()
    {
        var sheet = Sheet("""
            件名 区民健診の結果通知業務の委託について
            保有課（担当課） 健康づくり課
            受託事業者の名
            称
            株式会社けんしんサービス
            結果通知の委託
            期間
            令和7年5月1日から令和8年3月31日まで
            受託者に講じさせ
            る安全管理措置
            １ 作業場所を限定させる。
            """);
        Assert.Equal("委託", sheet.Type);
        Assert.Equal("株式会社けんしんサービス", sheet.Fields["委託先"]);
        Assert.Equal("令和7年5月1日から令和8年3月31日まで", sheet.Fields["委託の開始時期及び期限"]);
        Assert.Equal("1 作業場所を限定させる。", sheet.Fields["受託事業者に行わせる情報保護対策"]);
        Assert.Equal(["保有課(担当課)", "受託事業者の名称", "結果通知の委託期間", "受託者に講じさせる安全管理措置"], sheet.Labels.Keys);
        Assert.Equal(["株式会社けんしんサービス"], sheet.Partners);
    }

    [Fact]
    public void A_value_line_that_starts_with_label_words_stays_a_value()
    {
        var sheet = Sheet("""
            件名 区民健診の結果通知業務の委託について
            保有課（担当課） 健康づくり課
            委託する個人情報の項目 １ 対象者 区民健診の受診者
            情報項目 氏名、住所、健診結果
            受託者 株式会社けんしんサービス
            """);
        // 情報項目 restates the items being read: no new label.
        Assert.Equal("1 対象者 区民健診の受診者 情報項目 氏名、住所、健診結果", sheet.Fields["委託に伴い事業者処理させる情報項目"]);
        Assert.Equal(["保有課", "委託に伴い事業者処理させる情報項目", "委託先"], sheet.Fields.Keys);
    }

    [Fact]
    public void A_label_alone_on_its_line_takes_the_next_line_as_its_value_even_if_it_reads_like_a_label()
    {
        var sheet = Sheet("""
            件名 区民健診の結果通知業務の委託について
            所管課
            健康づくり課
            対象事務
            区民健診事務
            受託者 株式会社けんしんサービス
            """);
        Assert.Equal("健康づくり課", sheet.Fields["保有課"]);
        Assert.Equal("区民健診事務", sheet.Fields["登録業務の名称"]);
        Assert.Equal(["所管課", "対象事務", "受託者"], sheet.Labels.Keys);
    }
}
