using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Ingest.Core.Records;
using Ingest.Index.Store;
using Ingest.Pipeline;
using Ingest.Pipeline.Archives;

namespace Ingest.Import;

/// <summary>Options of a bulk import.</summary>
public sealed record BulkImportOptions
{
    /// <summary>Extraction workers; the default is one per core.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Commit after this many changed files: a crash loses at most this much work, and searchers see progress.</summary>
    public int CommitEveryFiles { get; init; } = 1000;

    /// <summary>Commit at least this often while changes are pending.</summary>
    public TimeSpan CommitEvery { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Files read but not yet written, per stage: bounds memory whatever the archive's size.</summary>
    public int QueueCapacity { get; init; } = 32;

    public ArchiveLimits Limits { get; init; } = new();
}

/// <summary>How one file fared: the import summary and the JSON Lines log are made of these.</summary>
public sealed record FileOutcome(string Path, ImportOutcome Outcome, int Submissions, string? Message, string? Sha256)
{
    /// <summary>Files skipped as unsupported are noted but are not failures.</summary>
    public bool Skipped { get; init; }
}

/// <summary>Counts of a finished import.</summary>
public sealed record BulkImportSummary(int Imported, int Unchanged, int Replaced, int Failed, int Skipped, long Bytes, TimeSpan Elapsed)
{
    /// <summary>Stored submissions re-indexed first because the index was written by an earlier build (see <see cref="IndexStore.Upgrade"/>).</summary>
    public int Upgraded { get; init; }

    public int Files => Imported + Unchanged + Replaced + Failed;
}

/// <summary>
/// Imports folders and zip archives in bulk: a walker streams files, <see cref="BulkImportOptions.Jobs"/> workers hash
/// and extract them in parallel, and one writer applies the results to the index in batches. A file's identity is its
/// content hash, so unchanged files are never extracted again and re-running an interrupted import finishes it without
/// duplicates: Lucene commits are atomic, and whatever was not committed is simply done again. Extraction is whatever
/// <see cref="IFileExtractor"/> it is given: the pipeline in this process, or isolated parser processes that turn a
/// crash, a hang or runaway memory into one failed file.
/// </summary>
public sealed class BulkImporter(IndexStore store, IFileExtractor extractor, BulkImportOptions? options = null)
{
    private readonly BulkImportOptions _options = options ?? new BulkImportOptions();

    private sealed record Work(string Path, ReadOnlyMemory<byte> Content, string Sha256, ArchiveMetadata Metadata);

    private sealed record Done(FileOutcome Outcome, PreparedDocuments Documents);

    /// <summary>Counts the files an import of <paramref name="paths"/> will look at, for progress and ETA (reads no content).</summary>
    public static int CountFiles(IEnumerable<string> paths) => ArchiveWalker.Count(paths);

    /// <summary>
    /// Runs the import; every file's outcome goes to <paramref name="progress"/> as it is decided. Relative paths are taken
    /// from the current folder; records and outcomes carry absolute paths.
    /// </summary>
    public BulkImportSummary Import(IReadOnlyList<string> paths, Action<FileOutcome>? progress = null, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        // A path is a file's identity in the index: as typed (seeds/a.txt) it would depend on where the import ran, so an
        // import from another folder would add the file again beside its stale records, and the web page could not serve it.
        var roots = paths.Select(Absolute).ToArray();
        // Before anything is added: new documents and old ones must share one layout, or filters on new fields miss the old.
        var upgraded = store.Upgrade();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        cancellation = stop.Token;
        using var updater = store.OpenUpdater();
        var manifests = new ManifestCache();
        var read = Channel.CreateBounded<Work>(_options.QueueCapacity);
        var written = Channel.CreateBounded<Done>(_options.QueueCapacity);
        int imported = 0, unchanged = 0, replaced = 0, failed = 0, skipped = 0;
        long bytes = 0;

        void Report(FileOutcome outcome)
        {
            switch (outcome)
            {
                case { Skipped: true }: skipped++; break;
                case { Outcome: ImportOutcome.Added }: imported++; break;
                case { Outcome: ImportOutcome.Replaced }: replaced++; break;
                case { Outcome: ImportOutcome.Unchanged }: unchanged++; break;
                default: failed++; break;
            }
            progress?.Invoke(outcome);
        }

        // Stage 1: walk and read, one file at a time; issues go straight to the writer's queue.
        var walker = Task.Run(async () =>
        {
            try
            {
                foreach (var item in new ArchiveWalker(_options.Limits).Walk(roots))
                {
                    cancellation.ThrowIfCancellationRequested();
                    switch (item)
                    {
                        case ArchiveIssue issue:
                            await written.Writer.WriteAsync(new Done(new FileOutcome(issue.Path, ImportOutcome.Failed, 0, issue.Reason, null) { Skipped = !issue.Failed }, PreparedDocuments.None), cancellation);
                            break;
                        case ArchiveEntry entry:
                            ReadOnlyMemory<byte> content;
                            try
                            {
                                content = entry.Read();
                            }
                            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                            {
                                await written.Writer.WriteAsync(new Done(new FileOutcome(entry.Path, ImportOutcome.Failed, 0, $"cannot read file: {e.Message}", null), PreparedDocuments.None), cancellation);
                                continue;
                            }
                            var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
                            var metadata = manifests.For(entry.Path).Or(PathMetadata.FromPath(entry.Path));
                            while (manifests.Errors.TryDequeue(out var manifestError))
                                await written.Writer.WriteAsync(new Done(new FileOutcome(manifestError.Path, ImportOutcome.Failed, 0, manifestError.Reason, null), PreparedDocuments.None), cancellation);
                            await read.Writer.WriteAsync(new Work(entry.Path, content, sha, metadata), cancellation);
                            break;
                    }
                }
            }
            finally
            {
                read.Writer.Complete();
            }
        }, cancellation);

        // Stage 2: extraction workers; a path the index already holds with this content (as its own or as a second path of it)
        // is not extracted again. The updater belongs to the writer's thread, so the workers read a copy of what it held at the
        // start, path → SHA-256; what the writer adds during the run it checks itself.
        var heldAtStart = new Dictionary<string, string>(updater.AliasPaths(), StringComparer.Ordinal);
        foreach (var (sha, path) in updater.IndexedFiles())
            heldAtStart[path] = sha;
        var workers = Enumerable.Range(0, Math.Max(1, _options.Jobs)).Select(_ => Task.Run(async () =>
        {
            await foreach (var work in read.Reader.ReadAllAsync(cancellation))
            {
                Interlocked.Add(ref bytes, work.Content.Length);
                if (heldAtStart.TryGetValue(work.Path, out var held) && held == work.Sha256)
                {
                    await written.Writer.WriteAsync(new Done(new FileOutcome(work.Path, ImportOutcome.Unchanged, 0, null, work.Sha256), PreparedDocuments.None), cancellation);
                    continue;
                }
                var extraction = extractor.Extract(work.Content, work.Path);
                var outcome = extraction.Succeeded
                    ? new FileOutcome(work.Path, ImportOutcome.Added, extraction.Submissions.Count, null, work.Sha256)
                    : new FileOutcome(work.Path, ImportOutcome.Failed, 0, extraction.Error, work.Sha256);
                // Analysis is the larger part of indexing: done here, in parallel, the writer only adds ready documents.
                var records = extraction.Submissions.Select(r => Apply(r, work.Metadata)).ToArray();
                await written.Writer.WriteAsync(new Done(outcome, IndexUpdater.Prepare(store.Analysis, records)), cancellation);
            }
        }, cancellation)).ToArray();
        var closer = Task.WhenAll(workers.Append(walker)).ContinueWith(_ => written.Writer.Complete(), TaskScheduler.Default);

        // Stage 3: the one writer, on this thread. If it fails, the other stages are cancelled rather than left waiting.
        var pending = 0;
        var lastCommit = Stopwatch.StartNew();
        try
        {
            foreach (var done in written.Reader.ReadAllAsync(cancellation).ToBlockingEnumerable(cancellation))
            {
                var outcome = done.Outcome;
                if (outcome.Outcome == ImportOutcome.Added && outcome.Sha256 is { } sha)
                {
                    if (updater.IndexedSha256(outcome.Path) == sha)
                    {
                        // Indexed earlier in this run: the path was met twice (overlapping roots, or a folder and a file in it).
                        outcome = outcome with { Outcome = ImportOutcome.Unchanged };
                    }
                    else if (updater.IndexedPath(sha) is { } other && other != outcome.Path)
                    {
                        // The same content under a second path: one submission, known by both paths. What the path held before is stale.
                        if (updater.IndexedSha256(outcome.Path) is not null)
                            updater.Remove(outcome.Path);
                        updater.AddPath(sha, outcome.Path);
                        outcome = outcome with { Outcome = ImportOutcome.Unchanged, Message = $"same content as {other}" };
                        pending++;
                    }
                    else
                    {
                        try
                        {
                            if (updater.Replace(outcome.Path, sha, done.Documents))
                                outcome = outcome with { Outcome = ImportOutcome.Replaced };
                        }
                        catch (ArgumentException e)
                        {
                            // Lucene refuses a document it cannot index (a term over its size limit): the file fails, the batch goes on.
                            Report(outcome with { Outcome = ImportOutcome.Failed, Submissions = 0, Message = $"cannot index: {e.Message}" });
                            continue;
                        }
                        pending++;
                    }
                }
                Report(outcome);
                if (pending >= _options.CommitEveryFiles || (pending > 0 && lastCommit.Elapsed >= _options.CommitEvery))
                {
                    updater.Commit();
                    pending = 0;
                    lastCommit.Restart();
                }
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        closer.GetAwaiter().GetResult();
        foreach (var task in workers.Append(walker))
            task.GetAwaiter().GetResult(); // surfaces a worker's unexpected exception instead of hiding it
        updater.Commit();
        return new BulkImportSummary(imported, unchanged, replaced, failed, skipped, bytes, stopwatch.Elapsed) { Upgraded = upgraded };
    }

    /// <summary>The absolute form of a path given to <see cref="Import"/>; one that has none (empty, say) is left for the walker to report.</summary>
    private static string Absolute(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    /// <summary>The archive's layout and manifest override what extraction inferred (issue: metadata from folder names).</summary>
    private static SubmissionRecord Apply(SubmissionRecord record, ArchiveMetadata metadata) => metadata.IsEmpty
        ? record
        : record with
        {
            FiscalYear = metadata.FiscalYear ?? record.FiscalYear,
            DocumentNumber = metadata.DocumentNumber ?? record.DocumentNumber,
            Meeting = metadata.Session ?? record.Meeting,
        };

    /// <summary>Finds and caches the <c>manifest.csv</c> of each folder on a file's way up. Used by the walking stage alone.</summary>
    private sealed class ManifestCache
    {
        private readonly Dictionary<string, Manifest> _byFolder = new(StringComparer.Ordinal);

        /// <summary>Manifests that could not be read, to report once each; their folder imports without them.</summary>
        public Queue<(string Path, string Reason)> Errors { get; } = new();

        public ArchiveMetadata For(string path)
        {
            var file = path.Contains("!/", StringComparison.Ordinal) ? path[..path.IndexOf("!/", StringComparison.Ordinal)] : path;
            var result = ArchiveMetadata.None;
            for (var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file)); folder is not null; folder = System.IO.Path.GetDirectoryName(folder))
            {
                if (!_byFolder.TryGetValue(folder, out var manifest))
                    _byFolder[folder] = manifest = Load(folder);
                result = result.Or(manifest.For(path));
            }
            return result;
        }

        private Manifest Load(string folder)
        {
            var candidate = System.IO.Path.Combine(folder, Manifest.FileName);
            if (!File.Exists(candidate))
                return Manifest.Empty;
            try
            {
                return Manifest.Load(candidate);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or CsvHelper.CsvHelperException)
            {
                Errors.Enqueue((candidate, $"manifest ignored: {e.Message}"));
                return Manifest.Empty;
            }
        }
    }
}
