using System.Diagnostics;
using Ingest.Index.Store;

namespace Ingest.Import;

/// <summary>
/// The last stage of an import, and the only one that touches the index: applies each file's result in arrival order,
/// commits in batches (<see cref="BulkImportOptions.CommitEveryFiles"/>, <see cref="BulkImportOptions.CommitEvery"/>),
/// removes what reconciliation proved gone, and counts. An outcome that changed the index is held back from
/// <see cref="ImportObserver.Durable"/> until the commit that holds it has returned. Runs on one thread.
/// </summary>
internal sealed class WriterStage(IndexUpdater updater, BulkImportOptions options, ImportObserver observer)
{
    private readonly List<FileOutcome> _uncommitted = [];
    private readonly Stopwatch _sinceCommit = Stopwatch.StartNew();

    public int Imported { get; private set; }
    public int Unchanged { get; private set; }
    public int Replaced { get; private set; }
    public int Failed { get; private set; }
    public int Skipped { get; private set; }
    public int Removed { get; private set; }

    /// <summary>Applies one file's result and commits when a batch is full or old enough.</summary>
    public void Apply(Done done)
    {
        var (outcome, changed) = Write(done);
        Report(outcome, changed);
        if (_uncommitted.Count >= options.CommitEveryFiles || (_uncommitted.Count > 0 && _sinceCommit.Elapsed >= options.CommitEvery))
            Commit();
    }

    /// <summary>Removes the paths reconciliation proved gone (each reported as <see cref="ImportOutcome.Removed"/>).</summary>
    public void Remove(IReadOnlyList<MissingPath> missing)
    {
        var reasons = missing.ToDictionary(path => path.Path, path => path.Reason, StringComparer.Ordinal);
        foreach (var path in Removal.InRemovalOrder(reasons.Keys, updater.AtStart))
        {
            var submissions = updater.AtStart.Owners.TryGetValue(path, out var file) ? file.Submissions : 0;
            var sha = file?.Sha256 ?? updater.AtStart.Aliases.GetValueOrDefault(path);
            if (updater.Remove(path))
                Report(new FileOutcome(path, ImportOutcome.Removed, submissions, reasons[path], sha), changed: true);
        }
    }

    /// <summary>Makes every change so far durable, then passes the outcomes it held back to <see cref="ImportObserver.Durable"/>.</summary>
    public void Commit()
    {
        updater.Commit();
        _sinceCommit.Restart();
        foreach (var outcome in _uncommitted)
            observer.Durable?.Invoke(outcome);
        _uncommitted.Clear();
    }

    /// <summary>Writes a file's result; returns its final outcome and whether the index changed.</summary>
    private (FileOutcome Outcome, bool Changed) Write(Done done)
    {
        var outcome = done.Outcome;
        if (outcome.Outcome != ImportOutcome.Added || outcome.Sha256 is not { } sha)
            return (outcome, false);
        if (updater.IndexedSha256(outcome.Path) == sha)
        {
            // Indexed earlier in this run: the path was met twice (overlapping roots, or a folder and a file in it).
            return (outcome with { Outcome = ImportOutcome.Unchanged }, false);
        }
        if (updater.IndexedPath(sha) is { } other && other != outcome.Path)
        {
            // The same content under a second path: one submission, known by both paths. What the path held before is stale.
            if (updater.IndexedSha256(outcome.Path) is not null)
                updater.Remove(outcome.Path);
            updater.AddPath(sha, outcome.Path);
            return (outcome with { Outcome = ImportOutcome.Unchanged, Message = $"same content as {other}" }, true);
        }
        try
        {
            return (updater.Replace(outcome.Path, sha, done.Documents) ? outcome with { Outcome = ImportOutcome.Replaced } : outcome, true);
        }
        catch (ArgumentException e)
        {
            // Lucene refuses a document it cannot index (a term over its size limit): the file fails, the batch goes on.
            return (outcome with { Outcome = ImportOutcome.Failed, Submissions = 0, Message = $"cannot index: {e.Message}" }, false);
        }
    }

    private void Report(FileOutcome outcome, bool changed)
    {
        switch (outcome)
        {
            case { Skipped: true }: Skipped++; break;
            case { Outcome: ImportOutcome.Added }: Imported++; break;
            case { Outcome: ImportOutcome.Replaced }: Replaced++; break;
            case { Outcome: ImportOutcome.Unchanged }: Unchanged++; break;
            case { Outcome: ImportOutcome.Removed }: Removed++; break;
            default: Failed++; break;
        }
        observer.Decided?.Invoke(outcome);
        if (changed)
            _uncommitted.Add(outcome);
        else
            observer.Durable?.Invoke(outcome);
    }
}
