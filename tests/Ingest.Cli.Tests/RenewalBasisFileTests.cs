using System.Text;
using Ingest.Cli.Commands;
using Ingest.Index.Store;
using Ingest.Reports.Export;
using Ingest.Reports.Renewals;

namespace Ingest.Cli.Tests;

/// <summary>
/// The renewal basis kept beside the index: made by <c>import</c>, read by <c>report renewals</c> while it is the current
/// commit's, made again when the index changed or the file is damaged, and the report is the records' report every time.
/// </summary>
public sealed class RenewalBasisFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-cli-basis-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Index => Path.Combine(_root, "index");

    private string BasisPath => Path.Combine(Index, RenewalBasisFile.FileName);

    private string Archive()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "archive")).FullName;
        foreach (var source in new[] { "seeds", Path.Combine("corpus", "renewals") })
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, source), "*.txt"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        return folder;
    }

    private void Import(string folder) =>
        Assert.Equal(0, ImportCommand.Run([folder], Index, 1, logPath: null, commitEvery: 1000, synonymFile: null, new StringWriter(), new StringWriter()));

    private string Reported()
    {
        var file = Path.Combine(_root, $"report-{Guid.NewGuid():N}.json");
        var errors = new StringWriter();
        Assert.Equal(0, ReportCommand.RunFromIndex(new ReportCommand.Request(Index, "2026-11-22", null, null, "json", file), TimeProvider.System, errors));
        return File.ReadAllText(file);
    }

    private string ReportedFromTheRecords()
    {
        using var store = IndexStore.Open(Index);
        var report = RenewalReportBuilder.Build(store.AllRecords().ToList(), new RenewalQuery { AsOf = new DateOnly(2026, 11, 22) });
        using var stream = new MemoryStream();
        new JsonReportWriter().Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Import_keeps_the_basis_reports_read_it_and_a_changed_index_or_a_damaged_file_makes_it_again()
    {
        var folder = Archive();
        Import(folder);
        Assert.True(File.Exists(BasisPath), "import keeps the basis of its commit");
        var first = File.ReadAllText(BasisPath);
        var marked = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(BasisPath, marked);
        var expected = ReportedFromTheRecords();
        Assert.Contains("\"status\"", expected);
        Assert.Equal(expected, Reported());
        Assert.Equal(marked, File.GetLastWriteTimeUtc(BasisPath)); // read, not made again
        Import(folder); // nothing changed: no commit, so the kept basis stays as it is
        Assert.Equal(marked, File.GetLastWriteTimeUtc(BasisPath));

        // A file gone from the archive: the next import commits, and its basis is of the new commit.
        var gone = Directory.GetFiles(folder).Order(StringComparer.Ordinal).First(file => File.ReadAllText(file).Contains("外部結合", StringComparison.Ordinal));
        File.Delete(gone);
        Import(folder);
        var second = File.ReadAllText(BasisPath);
        Assert.NotEqual(first.Split('\n')[0], second.Split('\n')[0]);
        Assert.DoesNotContain(Path.GetFileName(gone), second);
        var afterRemoval = ReportedFromTheRecords();
        Assert.NotEqual(expected, afterRemoval);
        Assert.Equal(afterRemoval, Reported());

        // A damaged or foreign file is never trusted: the report links the records and keeps a good basis again.
        File.WriteAllText(BasisPath, second[..(second.Length / 2)]);
        Assert.Equal(afterRemoval, Reported());
        Assert.Equal(second, File.ReadAllText(BasisPath));
    }

    [Fact]
    public void A_report_whose_basis_is_current_reads_only_the_commits_name_from_the_index()
    {
        Import(Archive());
        var expected = ReportedFromTheRecords();
        // Without the segments' data no reader over the index could open: the report needs only the segments file.
        foreach (var data in Directory.GetFiles(Index, "*.cfs"))
            File.Delete(data);
        Assert.Equal(expected, Reported());

        // Without a current basis it does need the records, and says it cannot read them.
        File.Delete(BasisPath);
        var errors = new StringWriter();
        Assert.Equal(1, ReportCommand.RunFromIndex(new ReportCommand.Request(Index, "2026-11-22", null, null, "json", Path.Combine(_root, "r.json")), TimeProvider.System, errors));
        Assert.Contains("cannot read the index", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_on_an_index_without_a_basis_makes_one()
    {
        Import(Archive());
        File.Delete(BasisPath);
        Assert.Equal(ReportedFromTheRecords(), Reported());
        Assert.StartsWith("ingest-renewal-basis\t", File.ReadAllText(BasisPath), StringComparison.Ordinal);
    }
}
