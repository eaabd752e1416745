using Ingest.Core.Records;
using Ingest.Index.Store;

namespace Ingest.Index.Tests;

/// <summary>
/// A commit's name, read from the segments file alone, is the name of the commit a reader holds, and every commit has
/// its own: what is kept beside the index (the renewal basis) relies on both.
/// </summary>
public sealed class CommitNameTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ingest-commit-name-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private static SubmissionRecord Record(int n) => new()
    {
        Source = new SourceInfo { Path = $"/archive/commit-{n}.txt", Sha256 = TestRecords.Sha("commit" + n), Format = "text" },
        Title = $"コミット名の確認{n}",
        Sheets = [TestRecords.Sheet("電算処理", [], ("記録される情報項目", $"項目{n}"))],
    };

    [Fact]
    public void The_latest_commit_read_from_its_segments_file_is_named_as_a_reader_of_it_names_it()
    {
        using var store = IndexStore.Open(_directory);
        Assert.Null(CommitName.Latest(store)); // no folder yet
        var names = new List<string>();
        using (var updater = store.OpenUpdater())
        {
            for (var n = 0; n < 3; n++)
            {
                updater.Replace(Record(n).Source.Path, Record(n).Source.Sha256, [Record(n)]);
                updater.Commit();
                using var lease = store.AcquireSearcher();
                Assert.NotNull(lease);
                var latest = CommitName.Latest(store);
                Assert.Equal(CommitName.Of(lease), latest);
                Assert.Matches(@"^segments_[0-9a-z]+@[0-9]+$", latest);
                names.Add(latest!);
            }
        }
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());

        // A second store (another process, in effect) names the same commit alike.
        using var other = IndexStore.Open(_directory);
        Assert.Equal(names[^1], CommitName.Latest(other));
    }

    [Fact]
    public void A_folder_without_an_index_has_no_latest_commit()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "notes.txt"), "not an index");
        using var store = IndexStore.Open(_directory);
        Assert.Null(CommitName.Latest(store));
    }
}
