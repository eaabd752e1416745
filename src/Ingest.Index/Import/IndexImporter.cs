using System.Security.Cryptography;
using Ingest.Core.Records;
using Ingest.Index.Store;

namespace Ingest.Index.Import;

/// <summary>What extraction made of one file: its records, or why it yielded none.</summary>
public sealed record ExtractedFile
{
    public required string Path { get; init; }
    public required string Sha256 { get; init; }
    public IReadOnlyList<SubmissionRecord> Submissions { get; init; } = [];
    /// <summary>Why the file yielded nothing; null on success.</summary>
    public string? Error { get; init; }
}

/// <summary>How one file fared in an import.</summary>
public enum ImportOutcome
{
    /// <summary>New content, records added.</summary>
    Added,
    /// <summary>The path held other content; its old records were replaced.</summary>
    Replaced,
    /// <summary>The same content is already indexed; nothing changed.</summary>
    Unchanged,
    /// <summary>The file could not be read or yielded no submission; the index keeps what it had.</summary>
    Failed,
}

/// <summary>One file's line in the import summary.</summary>
public sealed record ImportedFile(string Path, ImportOutcome Outcome, int Submissions, string? Message);

/// <summary>Options of an import run.</summary>
public sealed record ImportOptions
{
    /// <summary>Extensions picked up when walking a folder (files named explicitly are always tried).</summary>
    public required IReadOnlySet<string> Extensions { get; init; }

    /// <summary>Commit after this many changed files, so a long import shows progress to searchers and loses little on a crash.</summary>
    public int CommitEvery { get; init; } = 100;
}

/// <summary>
/// Imports files and folders into an index: hashes each file, skips content already indexed, extracts the rest
/// through an injected extractor and replaces the file's old records. The seam for parallel and archive imports:
/// walking (<see cref="ExpandPaths"/>), extraction (the delegate) and writing (<see cref="IndexUpdater"/>) are separate.
/// </summary>
public sealed class IndexImporter(IndexStore store, Func<string, ExtractedFile> extract, ImportOptions options)
{
    /// <summary>Imports <paramref name="paths"/> (files or folders, recursively); reports each file to <paramref name="progress"/>.</summary>
    public IReadOnlyList<ImportedFile> Import(IEnumerable<string> paths, IProgress<ImportedFile>? progress = null)
    {
        var results = new List<ImportedFile>();
        using var updater = store.OpenUpdater();
        var pending = 0;
        foreach (var file in ExpandPaths(paths, options.Extensions, results))
        {
            var result = ImportFile(updater, file);
            results.Add(result);
            progress?.Report(result);
            if (result.Outcome is ImportOutcome.Added or ImportOutcome.Replaced && ++pending >= options.CommitEvery)
            {
                updater.Commit();
                pending = 0;
            }
        }
        updater.Commit();
        return results;
    }

    private ImportedFile ImportFile(IndexUpdater updater, string path)
    {
        string sha256;
        try
        {
            using var stream = File.OpenRead(path);
            sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ImportedFile(path, ImportOutcome.Failed, 0, $"cannot read file: {e.Message}");
        }
        if (updater.IndexedPath(sha256) is { } indexedAs)
        {
            if (indexedAs == path)
                return new ImportedFile(path, ImportOutcome.Unchanged, 0, null);
            // The file now holds content indexed under another path: its own older records are stale.
            if (updater.IndexedSha256(path) is not null)
                updater.Remove(path);
            return new ImportedFile(path, ImportOutcome.Unchanged, 0, $"same content already indexed as {indexedAs}");
        }

        var extracted = extract(path);
        if (extracted.Error is not null || extracted.Submissions.Count == 0)
            return new ImportedFile(path, ImportOutcome.Failed, 0, extracted.Error ?? "no submission found");
        // Records carry the absolute path, so a later import from another folder finds and replaces them.
        var records = extracted.Submissions
            .Select(record => record with { Source = record.Source with { Path = path, Sha256 = extracted.Sha256 } })
            .ToList();
        try
        {
            var replaced = updater.Replace(path, extracted.Sha256, records);
            return new ImportedFile(path, replaced ? ImportOutcome.Replaced : ImportOutcome.Added, records.Count, null);
        }
        catch (ArgumentException e)
        {
            // Lucene refuses a document it cannot index (e.g. an immense term); the file fails, the batch goes on.
            return new ImportedFile(path, ImportOutcome.Failed, 0, $"cannot index: {e.Message}");
        }
    }

    /// <summary>
    /// Absolute paths of the files to import: named files as they are, folders walked recursively for
    /// <paramref name="extensions"/> in ordinal order; a missing path is reported as failed.
    /// </summary>
    public static IEnumerable<string> ExpandPaths(IEnumerable<string> paths, IReadOnlySet<string> extensions, List<ImportedFile>? failures = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var given in paths)
        {
            var full = Path.GetFullPath(given);
            if (File.Exists(full))
            {
                if (seen.Add(full))
                    yield return full;
                continue;
            }
            if (!Directory.Exists(full))
            {
                failures?.Add(new ImportedFile(full, ImportOutcome.Failed, 0, "no such file or folder"));
                continue;
            }
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
            var files = Directory.EnumerateFiles(full, "*", options)
                .Where(file => extensions.Contains(Path.GetExtension(file)))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
                if (seen.Add(file))
                    yield return file;
        }
    }
}
