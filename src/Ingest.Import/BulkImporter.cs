using System.Diagnostics;
using System.Threading.Channels;
using Ingest.Core.Records;
using Ingest.Index.Store;
using Ingest.Pipeline;
using Ingest.Pipeline.Archives;

namespace Ingest.Import;

/// <summary>
/// Imports folders and zip archives in bulk: a walker streams files (<see cref="WalkStage"/>), <see cref="BulkImportOptions.Jobs"/>
/// workers extract and analyse them in parallel, and one writer applies the results to the index in batches
/// (<see cref="WriterStage"/>). A file's identity is its content hash, so unchanged files are never extracted again and
/// re-running an interrupted import finishes it without duplicates: Lucene commits are atomic, and whatever was not
/// committed is simply done again. Once every file is written, files gone from the roots are removed
/// (<see cref="Reconciliation"/>). The whole run holds the index's writer lock. Extraction is whatever
/// <see cref="IFileExtractor"/> it is given: the pipeline in this process, or isolated parser processes that turn a
/// crash, a hang or runaway memory into one failed file.
/// </summary>
public sealed class BulkImporter(IndexStore store, IFileExtractor extractor, BulkImportOptions? options = null)
{
    private readonly BulkImportOptions _options = options ?? new BulkImportOptions();

    /// <summary>Counts the files an import of <paramref name="paths"/> will look at, for progress and ETA (reads no content).</summary>
    public static int CountFiles(IEnumerable<string> paths, LinkPolicy links = LinkPolicy.StayInside) => ArchiveWalker.Count(paths, links);

    /// <summary>As <see cref="Import(IReadOnlyList{string}, ImportObserver?, IndexWriterLock?, CancellationToken)"/>, hearing each outcome once it is durable.</summary>
    public BulkImportSummary Import(IReadOnlyList<string> paths, Action<FileOutcome>? outcomes, CancellationToken cancellation = default) =>
        Import(paths, new ImportObserver { Durable = outcomes }, null, cancellation);

    /// <summary>
    /// Runs the import under <paramref name="writerLock"/>, or under the index's writer lock taken at once
    /// (<see cref="IndexBusyException"/> when another process writes). Relative paths are taken from the current folder;
    /// records and outcomes carry absolute paths.
    /// </summary>
    public BulkImportSummary Import(IReadOnlyList<string> paths, ImportObserver? observer = null, IndexWriterLock? writerLock = null, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var roots = Roots(paths);
        using var ownedLock = writerLock is null ? IndexWriterLock.Acquire(store.DirectoryPath) : null;
        writerLock ??= ownedLock!;
        // Before anything is added: new documents and old ones must share one layout, or filters on new fields miss the old.
        var upgraded = IndexMaintenance.Upgrade(store, writerLock);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        cancellation = stop.Token;
        using var updater = store.OpenUpdater(writerLock);
        var writer = new WriterStage(updater, _options, observer ?? new ImportObserver());
        var read = Channel.CreateBounded<Work>(_options.QueueCapacity);
        var written = Channel.CreateBounded<Done>(_options.QueueCapacity);
        long bytes = 0;

        // Stage 1: walk and read, one file at a time; issues go straight to the writer's queue.
        var walk = new WalkStage(new ArchiveWalker(_options.Limits, _options.Links), roots);
        var walker = Task.Run(() => walk.Run(read.Writer, written.Writer, cancellation), cancellation);

        // Stage 2: extraction workers; a path the index already holds with this content (as its own or as a second path of it)
        // is not extracted again. The updater belongs to the writer's thread, so the workers read what it held at the start,
        // path → SHA-256; what the writer adds during the run it checks itself.
        var heldAtStart = updater.AtStart.Owners.Values.ToDictionary(file => file.Path, file => file.Sha256, StringComparer.Ordinal);
        foreach (var (path, sha) in updater.AtStart.Aliases)
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
                    ? new FileOutcome(work.Path, ImportOutcome.Added, extraction.Submissions.Count, null, work.Sha256) { UnknownLabels = RecordLabels.CountUnknown(extraction.Submissions) }
                    : new FileOutcome(work.Path, ImportOutcome.Failed, 0, extraction.Error, work.Sha256);
                // Analysis is the larger part of indexing: done here, in parallel, the writer only adds ready documents.
                var records = extraction.Submissions.Select(work.Metadata.ApplyTo).ToArray();
                await written.Writer.WriteAsync(new Done(outcome, IndexUpdater.Prepare(store.Analysis, records)), cancellation);
            }
        }, cancellation)).ToArray();
        var closer = Task.WhenAll(workers.Append(walker)).ContinueWith(_ => written.Writer.Complete(), TaskScheduler.Default);

        // Stage 3: the one writer, on this thread. If it fails, the other stages are cancelled rather than left waiting.
        try
        {
            foreach (var done in written.Reader.ReadAllAsync(cancellation).ToBlockingEnumerable(cancellation))
                writer.Apply(done);
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        closer.GetAwaiter().GetResult();
        foreach (var task in workers.Append(walker))
            task.GetAwaiter().GetResult(); // surfaces a worker's unexpected exception instead of hiding it

        // Only now is the walk complete: a file it did not meet is gone, unless its folder could not be walked.
        var plan = Reconciliation.Plan(roots, walk.Ledger, updater.KnownPaths());
        if (!_options.KeepMissing)
            writer.Remove(plan.Remove);
        writer.Commit();
        return new BulkImportSummary(writer.Imported, writer.Unchanged, writer.Replaced, writer.Failed, writer.Skipped, bytes, stopwatch.Elapsed)
        {
            Upgraded = upgraded,
            Removed = writer.Removed,
            KeptUnverified = plan.Keep.Count + (_options.KeepMissing ? plan.Remove.Count : 0),
        };
    }

    /// <summary>
    /// What an import of <paramref name="paths"/> would remove, found by walking them (reading zips' directories, not files)
    /// against the index's current commit; changes nothing and needs no lock.
    /// </summary>
    public ReconciliationPlan PreviewRemovals(IReadOnlyList<string> paths)
    {
        var roots = Roots(paths);
        var ledger = new WalkLedger();
        var walker = new ArchiveWalker(_options.Limits, _options.Links);
        foreach (var root in roots)
        {
            ledger.Began(root);
            foreach (var item in walker.Walk([root], roots))
                ledger.Saw(root, item);
        }
        var indexed = IndexedPaths.Read(store);
        return Reconciliation.Plan(roots, ledger, indexed.Owners.Keys.Concat(indexed.Aliases.Keys));
    }

    /// <summary>
    /// A path is a file's identity in the index: as typed (seeds/a.txt) it would depend on where the import ran, so an
    /// import from another folder would add the file again beside its stale records, and the web page could not serve it.
    /// </summary>
    private static string[] Roots(IEnumerable<string> paths) => paths.Select(Absolute).ToArray();

    /// <summary>The absolute form of a path given to <see cref="Import(IReadOnlyList{string}, ImportObserver?, IndexWriterLock?, CancellationToken)"/>; one that has none (empty, say) is left for the walker to report.</summary>
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
}
