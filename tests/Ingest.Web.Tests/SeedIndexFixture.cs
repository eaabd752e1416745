using Ingest.Core.Records;
using Ingest.Import;
using Ingest.Index.Store;
using Ingest.Pipeline;

namespace Ingest.Web.Tests;

/// <summary>
/// A temporary index holding the five seeds (imported through the real pipeline), one record whose text carries markup,
/// and a run of numbered records for paging. Built once, shared by the handler and browser tests; deleted on dispose.
/// </summary>
public sealed class SeedIndexFixture : IDisposable
{
    /// <summary>A word only the numbered paging records contain.</summary>
    public const string PagingWord = "連番検証資料";

    /// <summary>How many numbered paging records there are (more than one page).</summary>
    public const int PagingRecords = 27;

    /// <summary>The markup the hostile record carries in its title and fields.</summary>
    public const string HostileMarkup = "<script>alert('x')</script>";

    public SeedIndexFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "ingest-web-tests-" + Guid.NewGuid().ToString("N"));
        SeedFolder = Path.Combine(AppContext.BaseDirectory, "seeds");
        using var store = IndexStore.Open(Directory);
        var imported = new List<FileOutcome>();
        new BulkImporter(store, IngestPipeline.Default).Import([SeedFolder], imported.Add);
        if (imported.Any(file => file.Outcome == ImportOutcome.Failed))
            throw new InvalidOperationException("seed import failed: " + string.Join("; ", imported.Where(f => f.Message is not null).Select(f => $"{f.Path}: {f.Message}")));
        Seeds = store.AllRecords().ToList();

        // The hostile record points at a real seed file with another hash: the page must neither run its markup nor serve that file.
        Hostile = new SubmissionRecord
        {
            Source = new SourceInfo { Path = Seeds[0].Source.Path, Sha256 = new string('a', 64), Format = "text", Encoding = "utf-8" },
            Title = $"{HostileMarkup}危険な件名",
            Department = "試験部<b>試験課</b>",
            FiscalYear = 2021,
            Sheets =
            [
                new SheetRecord
                {
                    Type = "外部結合",
                    Title = "試験用の外部結合",
                    Fields = new Dictionary<string, string> { ["保有課"] = "試験課", ["結合の相手方"] = $"試験機構{HostileMarkup}" },
                    Partners = ["試験機構"],
                },
            ],
        };
        using (var updater = store.OpenUpdater())
        {
            updater.Replace("/nonexistent/hostile.txt", Hostile.Source.Sha256, [Hostile]);
            for (var i = 0; i < PagingRecords; i++)
            {
                var sha = i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
                var record = new SubmissionRecord
                {
                    Source = new SourceInfo { Path = $"/nonexistent/paging-{i:00}.txt", Sha256 = sha, Format = "text" },
                    Title = $"{PagingWord}その{i + 1}",
                    Department = "総務部総務課",
                    FiscalYear = 2010 + i % 3,
                    Sheets = [new SheetRecord { Type = "電算処理", Fields = new Dictionary<string, string> { ["保有課"] = "総務課", ["記録される情報項目"] = $"{PagingWord}の項目" } }],
                };
                updater.Replace(record.Source.Path, sha, [record]);
            }
            foreach (var record in HistoryPair)
                updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
            updater.Commit();
        }
    }

    /// <summary>
    /// Two submissions of one arrangement a year apart (same section, business, subject and partner; the later one cites
    /// the earlier approval), so record pages show a history.
    /// </summary>
    public static IReadOnlyList<SubmissionRecord> HistoryPair { get; } =
    [
        HistoryRecord(2019, "b1", []),
        HistoryRecord(2020, "b2", [new PriorApproval { FiscalYear = 2019, Session = 3, Text = "令和元年度第3回本審議会承認事項" }]),
    ];

    private static SubmissionRecord HistoryRecord(int year, string hashDigits, IReadOnlyList<PriorApproval> approvals) => new()
    {
        Source = new SourceInfo { Path = $"/nonexistent/history-{year}.txt", Sha256 = hashDigits.PadLeft(64, '0'), Format = "text" },
        Title = "試験台帳システムに係る外部結合について",
        Department = "経緯部経緯課",
        FiscalYear = year,
        PriorApprovals = approvals,
        Sheets =
        [
            new SheetRecord
            {
                Type = "外部結合",
                Title = "試験台帳システムに係る外部結合について",
                Fields = new Dictionary<string, string> { ["保有課"] = "経緯課", ["登録業務の名称"] = "試験台帳事務", ["結合の相手方"] = "経緯相手機関" },
                Partners = ["経緯相手機関"],
                Period = new Period { Text = $"{year}年4月1日から(次年度以降も同様の外部結合を行う。)", Start = new DateOnly(year, 4, 1), Recurrence = Recurrence.Annual },
            },
        ],
    };

    /// <summary>The index folder.</summary>
    public string Directory { get; }

    /// <summary>The seeds as copied beside the test assembly.</summary>
    public string SeedFolder { get; }

    /// <summary>The five seed records as imported.</summary>
    public IReadOnlyList<SubmissionRecord> Seeds { get; }

    public SubmissionRecord Hostile { get; }

    /// <summary>The imported record of the seed whose file name starts with <paramref name="prefix"/> (e.g. <c>003</c>).</summary>
    public SubmissionRecord Seed(string prefix) =>
        Seeds.Single(record => Path.GetFileName(record.Source.Path).StartsWith(prefix + "_", StringComparison.Ordinal));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>Shares one seed index among the web tests.</summary>
[CollectionDefinition(Name)]
public sealed class SeedIndexCollection : ICollectionFixture<SeedIndexFixture>
{
    public const string Name = "seed index";
}

/// <summary>A clock fixed at one instant in UTC, so "today" is known to the tests.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
