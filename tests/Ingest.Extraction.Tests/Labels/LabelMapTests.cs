using Ingest.Core.Records;
using Ingest.Extraction.Labels;

namespace Ingest.Extraction.Tests.Labels;

/// <summary>The staff label map: validated line by line; certain, and first.</summary>
public sealed class LabelMapTests
{
    private static LabelMap Map(params (int Line, string[] Cells)[] rows) =>
        LabelMap.FromRows(rows.Select(r => (r.Line, (IReadOnlyList<string>)r.Cells)), "labels.csv");

    [Theory]
    [InlineData("委託の開始時期", "委託", "labels.csv:7: unknown canonical field '委託の開始時期' (did you mean 委託の開始時期及び期限?)")]
    [InlineData("期間", "委託", "labels.csv:7: unknown canonical field '期間' (the fields are listed")]
    [InlineData("委託先", "委託契約", "labels.csv:7: unknown sheet kind '委託契約'")]
    [InlineData("結合の相手方", "委託", "labels.csv:7: '結合の相手方' is not a field of 委託 sheets")]
    public void A_bad_line_is_refused_with_its_number_and_reason(string field, string kind, string message)
    {
        var error = Assert.Throws<FormatException>(() => Map((2, ["受託者", "委託", "委託先"]), (7, ["契約期間", kind, field])));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_label_mapped_two_ways_on_one_kind_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => Map((2, ["実施予定", "委託", "委託の開始時期及び期限"]), (3, ["実施予定", "委託", "委託の内容"])));
        Assert.Equal("labels.csv:3: '実施予定' is mapped to 委託の開始時期及び期限 on line 2 already", error.Message);
        Assert.Throws<FormatException>(() => Map((4, ["実施予定", "委託"])));
    }

    [Fact]
    public void A_kinds_own_entry_comes_before_the_any_kind_entry_and_labels_compare_folded()
    {
        var map = Map((2, ["協力団体", "*", "委託先"]), (3, ["協力団体", "委任", "委任先"]), (4, ["実施予定", "", "登録業務の名称"]));
        Assert.Equal("委任先", map.Find("協力団体", "委任")!.Field);
        Assert.Equal("委託先", map.Find("協力団体", "委託")!.Field);
        Assert.Equal("委託先", map.Find("協力団体", "再委託")!.Field);
        Assert.Equal("登録業務の名称", map.Find(LabelKey.Fold("実施 予定（概要）"), "外部結合")!.Field);
        Assert.Equal("委託先", map.Find("協力団体", null)!.Field); // kind not known: the any-kind entry
        Assert.Null(map.Find("配布協力団体", "委託"));
        Assert.True(map.Knows("協力団体"));
    }

    [Fact]
    public void The_map_comes_before_the_catalogue_and_the_inference()
    {
        var resolver = new LabelResolver(Map((2, ["委託理由", "委託", "委託の内容"])), LabelInference.Default);
        var sheet = resolver.MapSheet(
            [new LabelledValue("委託理由", "委託理由", Known: true, "作業を行う。", Marked: false),
             new LabelledValue("受託者", "受託者", Known: false, "株式会社A", Marked: true)],
            "委託");
        Assert.Equal(["委託の内容", "委託先"], sheet.Fields.Keys);
        Assert.Equal(LabelHow.Exact, sheet.Labels["委託理由"].How);
        Assert.Equal("labels.csv line 2", sheet.Labels["委託理由"].Rule);
        Assert.Equal(LabelHow.Inferred, sheet.Labels["受託者"].How);
        Assert.Equal(["委託先"], sheet.ChangedFields);
    }
}
