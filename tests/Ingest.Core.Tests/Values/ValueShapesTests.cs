using Ingest.Core.Records;
using Ingest.Core.Values;

namespace Ingest.Core.Tests.Values;

/// <summary>The shapes form values have, which confirm what a label seems to mean.</summary>
public sealed class ValueShapesTests
{
    [Theory]
    [InlineData("令和8年6月14日から令和9年3月31日まで", true)]
    [InlineData("H27.1.30 委任開始", true)]
    [InlineData("令和6年度から", true)]
    [InlineData("契約締結の日から業務完了の日まで", true)]
    [InlineData("区民からの申請を受け付けるため。", false)]
    [InlineData("株式会社みどり印刷", false)]
    public void Periods(string value, bool expected) => Assert.Equal(expected, ValueShapes.IsPeriod(value));

    [Theory]
    [InlineData("地方公共団体情報システム機構(J-LIS)", true)]
    [InlineData("出入国在留管理庁及び地方公共団体情報システム機構", true)]
    [InlineData("東京都後期高齢者医療広域連合", true)]
    [InlineData("社会福祉法人新宿さくら会", true)]
    [InlineData("Amazon Web Services, Inc.", true)]
    [InlineData("(株)さくらデータ", true)]
    [InlineData("LGWAN回線により通信を行う。", false)]
    [InlineData("令和7年4月1日から", false)]
    [InlineData("別紙のとおり", false)]
    public void Names_of_bodies(string value, bool expected) => Assert.Equal(expected, ValueShapes.IsOrganisation(value));

    [Fact]
    public void Sections_businesses_measures_items_media_reasons_connections()
    {
        Assert.True(ValueShapes.IsSection("戸籍住民課"));
        Assert.False(ValueShapes.IsSection("住民基本台帳に記録されている者"));
        Assert.True(ValueShapes.IsBusinessName("住民基本台帳事務"));
        Assert.True(ValueShapes.IsMeasures("1 専用回線を利用する。 2 暗号化する。"));
        Assert.True(ValueShapes.IsMeasures("別紙チェックリストのとおり"));
        Assert.False(ValueShapes.IsMeasures("株式会社みどり印刷"));
        Assert.True(ValueShapes.IsItemList("氏名、住所、生年月日"));
        Assert.True(ValueShapes.IsMedium("電磁的記録媒体(CD-R)"));
        Assert.True(ValueShapes.IsReason("事務を効率的に行うため。"));
        Assert.True(ValueShapes.IsConnection("LGWAN回線により通信を行う。"));
        Assert.False(ValueShapes.IsConnection("氏名、住所"));
    }

    [Fact]
    public void Labels_travel_in_the_record_json_and_records_stored_before_them_read_as_none()
    {
        var sheet = new SheetRecord
        {
            Type = "委託",
            Fields = new Dictionary<string, string> { ["委託先"] = "株式会社A" },
            Labels = new Dictionary<string, LabelMapping>
            {
                ["受託者"] = new() { Field = "委託先", How = LabelHow.Inferred, Confidence = 0.85, Rule = "head 受託者 = partner" },
            },
        };
        var json = RecordJson.Serialize(sheet, indented: false);
        Assert.Contains("\"labels\":{\"受託者\":{\"field\":\"委託先\",\"how\":\"inferred\",\"confidence\":0.85,\"rule\":\"head 受託者 = partner\"}}", json);
        Assert.Equal(sheet.Labels["受託者"], RecordJson.Deserialize<SheetRecord>(json)!.Labels["受託者"]);
        Assert.Empty(RecordJson.Deserialize<SheetRecord>("{\"type\":\"委託\",\"fields\":{}}")!.Labels);
        Assert.Equal(1, RecordLabels.CountUnknown([new SubmissionRecord
        {
            Source = new SourceInfo { Path = "a", Sha256 = "b", Format = "text" },
            Sheets = [sheet with { Labels = new Dictionary<string, LabelMapping> { ["x"] = new() { Field = "x" } } }],
        }]));
    }
}
