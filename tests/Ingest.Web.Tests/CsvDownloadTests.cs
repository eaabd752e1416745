using System.Text;
using Ingest.Core.Records;
using Ingest.Index.Store;

namespace Ingest.Web.Tests;

/// <summary>The page's CSV download goes through the same formula guard as `ingest report --format csv`.</summary>
public sealed class CsvDownloadTests : IDisposable
{
    private readonly string _index = Directory.CreateTempSubdirectory("ingest-web-csv-").FullName;

    public void Dispose() => Directory.Delete(_index, recursive: true);

    [Fact]
    public async Task A_department_written_as_a_formula_downloads_as_text()
    {
        var record = new SubmissionRecord
        {
            Source = new SourceInfo { Path = "/archive/formula.txt", Sha256 = new string('b', 64), Format = "text" },
            Title = "委託について",
            FiscalYear = 2025,
            Sheets =
            [
                new SheetRecord
                {
                    Type = "委託",
                    Fields = new Dictionary<string, string> { ["保有課"] = "=HYPERLINK(\"http://example.invalid\",\"開く\")", ["委託先"] = "株式会社試験" },
                    Partners = ["株式会社試験"],
                    Period = new Period { Text = "令和7年4月1日から令和8年3月31日まで", Start = new DateOnly(2025, 4, 1), End = new DateOnly(2026, 3, 31), Recurrence = Recurrence.Annual },
                },
            ],
        };
        using (var store = IndexStore.Open(_index))
        using (var updater = store.OpenUpdater())
        {
            updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
            updater.Commit();
        }
        await using var host = await WebHost.StartAsync(_index);

        var csv = Encoding.UTF8.GetString(await host.Client.GetByteArrayAsync("/renewals.csv?asof=2025-06-01"));

        Assert.Contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"開く\"\")\"", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
    }
}
