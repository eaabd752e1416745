using Ingest.Core.Dates;
using Ingest.Core.Records;
using Ingest.Reports.Drafts;

namespace Ingest.Reports.Tests.Drafts;

/// <summary>The period rolled to the next term in the calendar and digits the original writes, its phrase kept.</summary>
public sealed class NextTermTests
{
    private static readonly NextTerm FY2027 = NextTerm.After(new DateOnly(2027, 3, 31));

    private static string Roll(string text) => FY2027.Roll(new Period { Text = text, Recurrence = Recurrence.Annual });

    [Fact]
    public void TermAfterADueDateIsTheNextFiscalYear()
    {
        Assert.Equal(new DateOnly(2027, 4, 1), FY2027.Start);
        Assert.Equal(new DateOnly(2028, 3, 31), FY2027.End);
        Assert.Equal(new FiscalYear(2020), NextTerm.After(new DateOnly(2020, 3, 31)).Year);
    }

    [Theory]
    [InlineData("令和6年4月1日から令和7年3月31日まで(次年度以降も同様の外部結合を行う。)", "令和9年4月1日から令和10年3月31日まで(次年度以降も同様の外部結合を行う。)")]
    [InlineData("令和6年10月1日から(次年度以降も同様に行う。)", "令和9年4月1日から令和10年3月31日まで(次年度以降も同様に行う。)")]
    [InlineData("令和６年４月１日から令和７年３月３１日まで（毎年度更新）", "令和９年４月１日から令和１０年３月３１日まで（毎年度更新）")]
    [InlineData("2024年4月1日から2025年3月31日まで。以後毎年度同様とする。", "2027年4月1日から2028年3月31日まで。以後毎年度同様とする。")]
    [InlineData("平成30年4月1日 から 平成31年3月31日 まで（以降、毎年度更新）", "令和9年4月1日 から 令和10年3月31日 まで（以降、毎年度更新）")]
    [InlineData("契約締結日から令和7年3月31日まで（年度ごとに更新）", "契約締結日から令和10年3月31日まで（年度ごとに更新）")]
    public void DatesAreReplacedAndEverythingElseKept(string original, string rolled) => Assert.Equal(rolled, Roll(original));

    [Fact]
    public void EachDateIsWrittenInTheEraOfItsOwnDay()
    {
        // FY2019 began on 平成31年4月1日 and ended on 令和2年3月31日.
        var term = new NextTerm(new FiscalYear(2019));
        Assert.Equal("平成31年4月1日から令和2年3月31日まで", term.Roll(new Period { Text = "平成30年4月1日から平成31年3月31日まで" }));
    }

    [Fact]
    public void TextWithoutAKnownDateGetsTheTermInFrontAndKeepsItsWords()
    {
        var rolled = Roll("毎年度の契約期間中(次年度以降も同様)");
        Assert.StartsWith("令和9年4月1日から令和10年3月31日まで", rolled);
        Assert.Contains("毎年度の契約期間中(次年度以降も同様)", rolled);
    }
}
