using System.Security.Cryptography;
using System.Threading.Channels;
using Ingest.Pipeline.Archives;

namespace Ingest.Import;

/// <summary>
/// The first stage of an import: walks the roots one after another, reads and hashes each file, finds its layout metadata
/// (folder names, manifests), and sends it to the workers; issues (refused, unreadable, skipped) go straight to the writer.
/// Everything it meets goes into <see cref="Ledger"/>, the evidence for reconciliation. Runs on one thread.
/// </summary>
internal sealed class WalkStage(ArchiveWalker walker, IReadOnlyList<string> roots)
{
    private readonly ManifestCache _manifests = new();

    /// <summary>What the walk met; complete once <see cref="Run"/> has finished.</summary>
    public WalkLedger Ledger { get; } = new();

    public async Task Run(ChannelWriter<Work> toWorkers, ChannelWriter<Done> toWriter, CancellationToken cancellation)
    {
        try
        {
            foreach (var root in roots)
            {
                Ledger.Began(root);
                foreach (var item in walker.Walk([root], roots))
                {
                    cancellation.ThrowIfCancellationRequested();
                    Ledger.Saw(root, item);
                    switch (item)
                    {
                        case ArchiveIssue issue:
                            await toWriter.WriteAsync(Done.Only(new FileOutcome(issue.Path, ImportOutcome.Failed, 0, issue.Reason, null) { Skipped = !issue.Failed }), cancellation);
                            break;
                        case ArchiveEntry entry:
                            var (work, error) = Read(entry);
                            while (_manifests.Errors.TryDequeue(out var manifestError))
                                await toWriter.WriteAsync(Done.Only(new FileOutcome(manifestError.Path, ImportOutcome.Failed, 0, manifestError.Reason, null)), cancellation);
                            if (work is not null)
                                await toWorkers.WriteAsync(work, cancellation);
                            else
                                await toWriter.WriteAsync(Done.Only(new FileOutcome(entry.Path, ImportOutcome.Failed, 0, error, null)), cancellation);
                            break;
                    }
                }
            }
        }
        finally
        {
            toWorkers.Complete();
        }
    }

    /// <summary>The file's content, hash and metadata, or why it cannot be read.</summary>
    private (Work? Work, string? Error) Read(ArchiveEntry entry)
    {
        ReadOnlyMemory<byte> content;
        try
        {
            content = entry.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read file: {e.Message}");
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        return (new Work(entry.Path, content, sha, _manifests.For(entry.Path)), null);
    }
}
