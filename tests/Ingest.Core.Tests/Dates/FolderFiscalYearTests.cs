using Ingest.Core.Dates;

namespace Ingest.Core.Tests.Dates;

public sealed class FolderFiscalYearTests
{
    [Theory]
    [InlineData("archive/令和6年度/第5回/資料40.pdf", 2024)]
    [InlineData("archive/R6_第5回/資料40.pdf", 2024)]
    [InlineData("archive/h30/report.txt", 2018)]
    [InlineData("archive/２０２４年度/report.txt", 2024)]
    [InlineData("archive/平成31年度/令和元年度/a.docx", 2019)] // the nearest name wins
    [InlineData("packets.zip!/R5/a.pdf", 2023)] // a zip's inner folders count
    [InlineData(@"C:\archive\令和2年度\a.pdf", 2020)]
    [InlineData("r08_jidou_teate.txt", 2026)] // a file name counts too
    public void The_nearest_name_that_names_a_fiscal_year_gives_it(string path, int year) =>
        Assert.Equal(year, FolderFiscalYear.FromPath(path)?.Year);

    [Theory]
    [InlineData("archive/PR6/a.pdf")] // the R of a word
    [InlineData("archive/HR/a.pdf")]
    [InlineData("archive/R123/a.pdf")] // three digits is no era year
    [InlineData("archive/a.pdf")]
    public void Names_that_give_no_fiscal_year_give_none(string path) =>
        Assert.Null(FolderFiscalYear.FromPath(path));
}
