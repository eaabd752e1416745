using System.CommandLine;
using Ingest.Import;
using Ingest.Index.Store;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest remove PATH-or-ID... [--index DIR] [--dry-run] [--wait]</c>: removes records from the index explicitly (a file's
/// path, a folder or zip and everything indexed under it, or a record id). Exit codes: 0 every argument named something
/// and it was removed; 3 some arguments named nothing (each said, the rest removed); 1 the index could not be written;
/// 75 another process is writing the index.
/// </summary>
internal static class RemoveCommand
{
    public static Command Create()
    {
        var keys = new Argument<string[]>("path-or-id")
        {
            Description = "A file's path, a folder or zip (everything indexed under it), or a record id (sha256#n or a SHA-256 prefix of 8+ hex digits).",
            Arity = ArgumentArity.OneOrMore,
        };
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only list what would be removed; change nothing." };
        var wait = new Option<bool>("--wait") { Description = IndexWriting.WaitDescription };
        var command = new Command("remove", "Remove files' records from the index.") { keys, index, dryRun, wait };
        command.SetAction(parse => Run(parse.GetValue(keys) ?? [], parse.GetValue(index) ?? IndexStore.DefaultDirectory, parse.GetValue(dryRun), parse.GetValue(wait), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(IReadOnlyList<string> keys, string indexDirectory, bool dryRun, bool wait, TextWriter output, TextWriter errors)
    {
        if (IndexFolder.Refuse(indexDirectory, errors) is { } refused)
            return refused;
        try
        {
            return dryRun ? Preview(keys, indexDirectory, output, errors) : Remove(keys, indexDirectory, wait, output, errors);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.WriteLine($"{indexDirectory}: cannot write the index: {e.Message}");
            return 1;
        }
    }

    private static int Preview(IReadOnlyList<string> keys, string indexDirectory, TextWriter output, TextWriter errors)
    {
        using var store = IndexStore.Open(indexDirectory);
        var indexed = IndexedPaths.Read(store);
        var targets = Removal.Resolve(store, indexed, keys);
        var paths = Removal.InRemovalOrder(targets.SelectMany(target => target.Paths), indexed).ToList();
        foreach (var path in paths)
            output.WriteLine($"would remove {Describe(path, indexed)}");
        output.WriteLine($"dry run: {paths.Count:N0} indexed path(s) would be removed; nothing was changed");
        return ReportUnknown(targets, errors);
    }

    private static int Remove(IReadOnlyList<string> keys, string indexDirectory, bool wait, TextWriter output, TextWriter errors)
    {
        using var writerLock = IndexWriting.Take(indexDirectory, wait, errors);
        if (writerLock is null)
            return IndexWriting.IndexBusy;
        using var store = IndexStore.Open(indexDirectory);
        using var updater = store.OpenUpdater(writerLock);
        var targets = Removal.Resolve(store, updater.AtStart, keys);
        var removed = new List<string>();
        foreach (var path in Removal.InRemovalOrder(targets.SelectMany(target => target.Paths), updater.AtStart))
        {
            if (updater.Remove(path))
                removed.Add(path);
        }
        updater.Commit();
        foreach (var path in removed)
            output.WriteLine($"removed {Describe(path, updater.AtStart)}");
        output.WriteLine($"removed {removed.Count:N0} indexed path(s) from {store.DirectoryPath}");
        return ReportUnknown(targets, errors);
    }

    private static string Describe(string path, IndexedPaths indexed) =>
        indexed.Owners.TryGetValue(path, out var file) ? $"{path} ({file.Submissions} submission(s))" : $"{path} (a second path of the same content)";

    private static int ReportUnknown(IReadOnlyList<RemovalTarget> targets, TextWriter errors)
    {
        var unknown = targets.Where(target => target.Problem is not null).ToList();
        foreach (var target in unknown)
            errors.WriteLine($"{target.Key}: {target.Problem}");
        return unknown.Count > 0 ? ImportCommand.SomeFilesFailed : 0;
    }
}
