using Ingest.Core.Records;
using Ingest.Index.Import;
using Ingest.Index.Search;
using Ingest.Index.Store;

namespace Ingest.Index.Tests;

public sealed class ImportTests : IDisposable
{
    private static readonly ImportOptions _options = new() { Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt" }, CommitEvery = 2 };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ingest-import-tests-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _extracted = [];

    public ImportTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "archive", "2019"));
    }

    /// <summary>A stand-in extractor: the first line is the title, the rest the 情報保護対策 of one 外部結合 sheet; a file starting with "!" is unreadable.</summary>
    private ExtractedFile Extract(string path)
    {
        _extracted.Add(path);
        var bytes = File.ReadAllBytes(path);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        if (text.StartsWith('!'))
            return new ExtractedFile { Path = path, Sha256 = sha, Error = "unreadable test file" };
        var lines = text.Split('\n', 2);
        var record = new SubmissionRecord
        {
            Source = new SourceInfo { Path = path, Sha256 = sha, Format = "text" },
            Title = lines[0],
            FiscalYear = 2019,
            Sheets = [new SheetRecord { Type = "外部結合", Fields = new Dictionary<string, string> { ["情報保護対策"] = lines.Length > 1 ? lines[1] : string.Empty } }],
        };
        return new ExtractedFile { Path = path, Sha256 = sha, Submissions = [record] };
    }

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_root, "archive", relative);
        File.WriteAllText(path, content);
        return path;
    }

    private IReadOnlyList<ImportedFile> Import(IndexStore store) =>
        new IndexImporter(store, Extract, _options).Import([Path.Combine(_root, "archive")]);

    [Fact]
    public void ReimportingUnchangedFilesChangesNothingAndChangedFilesReplaceTheirRecords()
    {
        var first = Write("a.txt", "外部結合について\n通信は暗号化する。");
        Write("2019/b.txt", "委任について\nLGWANを利用する。");
        Write("2019/notes.md", "not picked up by the extension filter");
        using var store = IndexStore.Open(Path.Combine(_root, "index"));

        var initial = Import(store);
        Assert.All(initial, file => Assert.Equal(ImportOutcome.Added, file.Outcome));
        Assert.Equal(2, initial.Count);
        Assert.Equal(2, store.AllRecords().Count());

        _extracted.Clear();
        var again = Import(store);
        Assert.All(again, file => Assert.Equal(ImportOutcome.Unchanged, file.Outcome));
        Assert.Empty(_extracted);
        Assert.Equal(2, store.AllRecords().Count());

        File.WriteAllText(first, "外部結合について(変更)\n専用回線を利用する。");
        var changed = Import(store);
        Assert.Equal(ImportOutcome.Replaced, changed.Single(file => file.Path == first).Outcome);
        Assert.Equal(ImportOutcome.Unchanged, changed.Single(file => file.Path != first).Outcome);
        Assert.Equal(2, store.AllRecords().Count());
        Assert.Empty(store.Search(new SearchRequest { Query = "暗号化" }).Submissions);
        Assert.Equal("外部結合について(変更)", store.Find(first)?.Title);
    }

    [Fact]
    public void HugeTokensAreDroppedNotFatal()
    {
        Write("g.txt", "外部結合について\n" + new string('A', 100_000) + " 暗号化する。");
        using var store = IndexStore.Open(Path.Combine(_root, "index"));
        var result = Assert.Single(Import(store));
        Assert.Equal(ImportOutcome.Added, result.Outcome);
        Assert.Single(store.Search(new SearchRequest { Query = "暗号化" }).Submissions);
    }

    [Fact]
    public void AFileThatNowHoldsAnotherFilesContentLosesItsStaleRecords()
    {
        var a = Write("a.txt", "外部結合について\n暗号化する。");
        Write("b.txt", "委任について\nLGWANを利用する。");
        using var store = IndexStore.Open(Path.Combine(_root, "index"));
        Import(store);
        File.Copy(Path.Combine(_root, "archive", "b.txt"), a, overwrite: true);
        Import(store);
        Assert.Empty(store.Search(new SearchRequest { Query = "暗号化" }).Submissions);
        Assert.Single(store.AllRecords());
    }

    [Fact]
    public void RecordsKeepTheAbsolutePathAndSurviveReopening()
    {
        var path = Write("c.txt", "電算処理について\n顔写真を記録する。");
        var indexDir = Path.Combine(_root, "index");
        using (var store = IndexStore.Open(indexDir))
            Import(store);
        using var reopened = IndexStore.Open(indexDir);
        var record = Assert.Single(reopened.AllRecords());
        Assert.Equal(Path.GetFullPath(path), record.Source.Path);
        Assert.Equal("顔写真を記録する。", record.Sheets[0].Fields["情報保護対策"]);
        Assert.Single(reopened.Search(new SearchRequest { Query = "顔写真" }).Submissions);
    }

    [Fact]
    public void UnreadableAndMissingFilesAreReportedAndKeepOldRecords()
    {
        var path = Write("d.txt", "委託について\n暗号化する。");
        using var store = IndexStore.Open(Path.Combine(_root, "index"));
        Import(store);
        File.WriteAllText(path, "!broken");
        var results = new IndexImporter(store, Extract, _options).Import([Path.Combine(_root, "archive"), Path.Combine(_root, "missing")]);
        Assert.Contains(results, file => file.Outcome == ImportOutcome.Failed && file.Message == "unreadable test file");
        Assert.Contains(results, file => file.Outcome == ImportOutcome.Failed && file.Message == "no such file or folder");
        Assert.Single(store.Search(new SearchRequest { Query = "暗号化" }).Submissions);
    }

    [Fact]
    public void SearchDuringImportSeesTheLastCommit()
    {
        Write("e.txt", "外部結合について\n暗号化する。");
        using var store = IndexStore.Open(Path.Combine(_root, "index"));
        Import(store);
        using var updater = store.OpenUpdater();
        var record = TestRecords.Alpha;
        updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
        // Not committed yet: a reader still sees one submission.
        Assert.Single(store.Search(new SearchRequest { Query = "暗号化" }).Submissions);
        updater.Commit();
        Assert.Equal(2, store.Search(new SearchRequest { Query = "暗号化" }).Submissions.Count);
    }

    [Fact]
    public void InstalledSynonymsReindexTheStoredRecordsAndApplyToQueries()
    {
        Write("f.txt", "電算処理について\n本人の写真データを記録する。");
        var indexDir = Path.Combine(_root, "index");
        var store = IndexStore.Open(indexDir);
        try
        {
            Import(store);
            Assert.Empty(store.Search(new SearchRequest { Query = "顔写真" }).Submissions);
            var synonyms = Path.Combine(_root, "my-synonyms.txt");
            File.WriteAllText(synonyms, "顔写真, 写真データ\nJ-LIS, 地方公共団体情報システム機構\n");
            store = store.InstallSynonyms(synonyms);
            Assert.Single(store.Search(new SearchRequest { Query = "顔写真" }).Submissions);
        }
        finally
        {
            store.Dispose();
        }
        // The index keeps its synonyms: a plain Open uses them.
        using var reopened = IndexStore.Open(indexDir);
        Assert.Single(reopened.Search(new SearchRequest { Query = "顔写真" }).Submissions);
    }

    [Fact]
    public void MalformedSynonymFileIsRefusedWithFileAndLine()
    {
        var bad = Path.Combine(_root, "bad.txt");
        File.WriteAllText(bad, "# ok\nlonely\n");
        using var store = IndexStore.Open(Path.Combine(_root, "index"));
        var error = Assert.Throws<FormatException>(() => store.InstallSynonyms(bad));
        Assert.Contains("bad.txt:2", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
