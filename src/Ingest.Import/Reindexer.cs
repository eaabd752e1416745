using System.Diagnostics;
using System.Security.Cryptography;
using Ingest.Core.Records;
using Ingest.Index.Store;
using Ingest.Pipeline;
using Ingest.Pipeline.Archives;

namespace Ingest.Import;

/// <summary>How one stored file was reindexed.</summary>
public enum ReindexOutcome
{
    /// <summary>Extracted again from its source file, which still holds the content imported.</summary>
    Reextracted,
    /// <summary>Its source is gone, changed or unreadable: the stored records' labels were mapped again instead.</summary>
    Remapped,
    /// <summary>The index refused the new records; the old ones stay.</summary>
    Failed,
}

/// <summary>One reindexed file: its path, how, and why when not re-extracted.</summary>
public sealed record ReindexedFile(string Path, ReindexOutcome Outcome, int Submissions, string? Message);

/// <summary>Counts of a finished reindex, with the unknown labels before and after.</summary>
public sealed record ReindexSummary(int Reextracted, int Remapped, int Failed, int Submissions, int UnknownBefore, int UnknownAfter, TimeSpan Elapsed)
{
    public int Files => Reextracted + Remapped + Failed;
}

/// <summary>
/// Re-extracts every stored submission so a new label map (or a better extractor) takes effect without a fresh import:
/// each file is read again from its source (a file, or an entry of a zip) when it still holds the content imported, else
/// its stored records' labels are mapped again (<see cref="IngestPipeline.Remap"/>); the archive's layout and manifests
/// apply as at import. Files are read in parallel, one container (file or zip) per worker; one writer applies them
/// through the index's updater. Uses the index's public API only. Files are parsed by <paramref name="extractor"/> when given
/// (isolated parser processes, as an import parses them), else by <paramref name="pipeline"/> in this process; stored
/// records are re-mapped by <paramref name="pipeline"/>, which parses nothing.
/// </summary>
public sealed class Reindexer(IndexStore store, IngestPipeline pipeline, int jobs = 0, IFileExtractor? extractor = null)
{
    private readonly IFileExtractor _extractor = extractor ?? pipeline;

    private sealed record StoredFile(string Path, string Sha256, IReadOnlyList<SubmissionRecord> Records);

    /// <summary>
    /// Runs the reindex under <paramref name="writerLock"/>, or under the index's writer lock taken at once (the stored
    /// records are read under it, so no import can change them in between); every file's outcome goes to
    /// <paramref name="progress"/> as it is written.
    /// </summary>
    public ReindexSummary Run(Action<ReindexedFile>? progress = null, IndexWriterLock? writerLock = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        using var ownedLock = writerLock is null ? IndexWriterLock.Acquire(store.DirectoryPath) : null;
        writerLock ??= ownedLock!;
        var stored = store.AllRecords().ToList();
        var unknownBefore = RecordLabels.CountUnknown(stored);
        var files = stored.GroupBy(record => (record.Source.Path, record.Source.Sha256))
            .Select(group => new StoredFile(group.Key.Path, group.Key.Sha256, group.OrderBy(record => record.Ordinal).ToList()))
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToList();
        var manifests = new ManifestCache();
        var gate = new object();
        int reextracted = 0, remapped = 0, failed = 0, submissions = 0, unknownAfter = 0;
        using (var updater = store.OpenUpdater(writerLock))
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = jobs > 0 ? jobs : Environment.ProcessorCount, CancellationToken = cancellation };
            Parallel.ForEach(files.GroupBy(file => ContainerOf(file.Path)), options, container =>
            {
                var sources = ReadSources(container.Key, container.Select(file => file.Path).ToHashSet(StringComparer.Ordinal));
                foreach (var file in container)
                {
                    var (records, outcome, message) = Redo(file, sources.GetValueOrDefault(file.Path));
                    ArchiveMetadata metadata;
                    lock (gate)
                        metadata = manifests.For(file.Path);
                    records = records.Select(metadata.ApplyTo).ToList();
                    var prepared = IndexUpdater.Prepare(store.Analysis, records);
                    lock (gate)
                    {
                        try
                        {
                            updater.Replace(file.Path, file.Sha256, prepared);
                        }
                        catch (ArgumentException e)
                        {
                            (outcome, message, records) = (ReindexOutcome.Failed, $"cannot index: {e.Message}", file.Records);
                        }
                        switch (outcome)
                        {
                            case ReindexOutcome.Reextracted: reextracted++; break;
                            case ReindexOutcome.Remapped: remapped++; break;
                            default: failed++; break;
                        }
                        submissions += records.Count;
                        unknownAfter += RecordLabels.CountUnknown(records);
                        progress?.Invoke(new ReindexedFile(file.Path, outcome, records.Count, message));
                    }
                }
            });
            updater.Commit();
        }
        return new ReindexSummary(reextracted, remapped, failed, submissions, unknownBefore, unknownAfter, clock.Elapsed);
    }

    /// <summary>A file's new records: extracted again when its source still holds the content imported, else re-mapped.</summary>
    private (IReadOnlyList<SubmissionRecord> Records, ReindexOutcome Outcome, string? Message) Redo(StoredFile file, (ReadOnlyMemory<byte>? Content, string? Error) source)
    {
        string reason;
        if (source.Content is not { } content)
            reason = source.Error ?? "source file not found";
        else if (Convert.ToHexStringLower(SHA256.HashData(content.Span)) != file.Sha256)
            reason = "source file changed since it was imported";
        else
        {
            var extraction = _extractor.Extract(content, file.Path);
            if (extraction.Succeeded)
                return (extraction.Submissions, ReindexOutcome.Reextracted, null);
            reason = $"extraction failed: {extraction.Error}";
        }
        return (file.Records.Select(pipeline.Remap).ToList(), ReindexOutcome.Remapped, reason + "; stored labels mapped again");
    }

    /// <summary>The wanted files of one container (a file, or a zip and the entries in it), as content or the reason they could not be read.</summary>
    private static Dictionary<string, (ReadOnlyMemory<byte>? Content, string? Error)> ReadSources(string container, HashSet<string> wanted)
    {
        var sources = new Dictionary<string, (ReadOnlyMemory<byte>?, string?)>(StringComparer.Ordinal);
        if (!File.Exists(container))
            return sources;
        foreach (var item in new ArchiveWalker().Walk([container]))
        {
            if (item is not ArchiveEntry entry || !wanted.Contains(entry.Path))
                continue;
            try
            {
                sources[entry.Path] = (entry.Read(), null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                sources[entry.Path] = (null, $"cannot read source file: {e.Message}");
            }
        }
        return sources;
    }

    /// <summary>The file on disk that holds a stored path: the path itself, or the outermost zip of an entry (a.zip!/b.txt).</summary>
    private static string ContainerOf(string path)
    {
        var entry = path.IndexOf("!/", StringComparison.Ordinal);
        return entry < 0 ? path : path[..entry];
    }
}
