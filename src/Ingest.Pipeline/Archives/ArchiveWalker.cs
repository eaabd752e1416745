using System.IO.Compression;
using Ingest.Pipeline.FileSystem;

namespace Ingest.Pipeline.Archives;

/// <summary>Limits that keep a hostile archive from exhausting memory, disk or time. Each is checked on real bytes, never on header claims alone.</summary>
public sealed record ArchiveLimits
{
    /// <summary>Largest single file or zip entry read (the pipeline's own limit applies too).</summary>
    public long MaxEntryBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Most bytes one zip (with the zips inside it) may expand to.</summary>
    public long MaxArchiveExpandedBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>An entry that expands more than this many times its compressed size is a zip bomb (real documents stay under ~20×).</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Entries smaller than this are not held to the ratio (tiny text compresses well).</summary>
    public long RatioCheckMinimumBytes { get; init; } = 1024 * 1024;

    /// <summary>Zips inside zips deeper than this are refused.</summary>
    public int MaxNestingDepth { get; init; } = 4;

    /// <summary>Most entries read from one zip.</summary>
    public int MaxEntriesPerArchive { get; init; } = 200_000;
}

/// <summary>Something found while walking: a file to read or an issue to report.</summary>
public abstract record ArchiveItem(string Path);

/// <summary>
/// A file found while walking: its display path (zip entries as <c>archive.zip!/folder/file.pdf</c>) and a way to read it.
/// Reading a file on disk may throw <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.
/// </summary>
public sealed record ArchiveEntry(string Path, long Length, Func<ReadOnlyMemory<byte>> Read) : ArchiveItem(Path);

/// <summary>Why a file found while walking was not read: skipped (not a supported format) or failed (refused, unreadable).</summary>
public sealed record ArchiveIssue(string Path, string Reason, bool Failed) : ArchiveItem(Path)
{
    /// <summary>
    /// The folder or zip whose contents this issue left unseen, or null: a folder that could not be listed or a link to one
    /// that was not followed, a root that was not found, a zip that could not be read to its end. Whatever an index holds
    /// under it is not proved gone by this walk.
    /// </summary>
    public string? Unwalked { get; init; }
}

/// <summary>
/// Walks files, folders and zip files (nested too) and yields every file of a supported format. Folders are walked by
/// <see cref="FolderWalk"/> (names that are not UTF-8, links in and out of the folders given). Zip entries are read into
/// memory one at a time and never written to disk, so path-traversal names cannot escape anywhere; they are still refused,
/// because such an archive was not made by an office. Named pipes, sockets, devices and broken or looping links are
/// refused without being opened (<see cref="FileProbe"/>). Lazy: memory holds one entry at a time.
/// </summary>
public sealed class ArchiveWalker(ArchiveLimits? limits = null, LinkPolicy links = LinkPolicy.StayInside)
{
    private readonly ArchiveLimits _limits = limits ?? new ArchiveLimits();

    /// <summary>
    /// Files and issues in a stable order (folders sorted by name), so runs are repeatable. Links that lead out of
    /// <paramref name="boundary"/> (by default the paths walked) are refused unless the policy follows them.
    /// </summary>
    public IEnumerable<ArchiveItem> Walk(IEnumerable<string> paths, IEnumerable<string>? boundary = null)
    {
        var roots = paths.ToList();
        return new FolderWalk(boundary ?? roots, links).Files(roots).SelectMany(item => item is FoundFile file ? WalkFile(file.Disk) : [item]);
    }

    /// <summary>
    /// How many files <see cref="Walk"/> will yield or refuse, found by the same walk without reading any content, for
    /// progress and ETA: a zip counts the entries of its central directory that the walk would read, but a zip inside it
    /// counts as one (opening it would mean decompressing); skipped files are not counted.
    /// </summary>
    public static int Count(IEnumerable<string> paths, LinkPolicy links = LinkPolicy.StayInside)
    {
        var roots = paths.ToList();
        return new FolderWalk(roots, links).Files(roots).Sum(item => item switch
        {
            FoundFile file => CountFile(file.Disk),
            ArchiveIssue issue => issue.Failed ? 1 : 0,
            _ => 0,
        });
    }

    private IEnumerable<ArchiveItem> WalkFile(DiskPath disk)
    {
        var path = disk.Text;
        if (SkipReason(path) is { } skip)
            return [new ArchiveIssue(path, skip, Failed: false)];
        // Checked before anything opens the file: reading a named pipe blocks until a writer comes, a device may never end.
        var (probe, length) = FileProbe.Probe(disk);
        if (probe.Refusal is { } refusal)
            return [new ArchiveIssue(path, refusal, Failed: true) { Unwalked = IsZip(path) ? path : null }];
        if (IsZip(path))
        {
            if (length > _limits.MaxArchiveExpandedBytes)
                return [new ArchiveIssue(path, $"zip too large ({length:N0} bytes)", Failed: true) { Unwalked = path }];
            byte[] bytes;
            try
            {
                bytes = DiskFiles.ReadAllBytes(disk);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return [new ArchiveIssue(path, $"cannot read file: {e.Message}", Failed: true) { Unwalked = path }];
            }
            return WalkZip(path, bytes, depth: 1, new Budget(_limits.MaxArchiveExpandedBytes));
        }
        // Refused by its size on disk, before a byte is read: a multi-gigabyte file must not be pulled into memory first.
        if (length > _limits.MaxEntryBytes)
            return [new ArchiveIssue(path, $"refused: file too large ({length:N0} bytes; the limit is {_limits.MaxEntryBytes:N0})", Failed: true)];
        return [new ArchiveEntry(path, length, () => DiskFiles.ReadAllBytes(disk))];
    }

    /// <summary>One file for <see cref="Count"/>: as <see cref="WalkFile"/> decides, but a zip's entries are counted from its directory.</summary>
    private static int CountFile(DiskPath disk)
    {
        var path = disk.Text;
        if (SkipReason(path) is not null)
            return 0;
        if (!IsZip(path))
            return 1;
        // A named pipe called *.zip would block the open below; the walk refuses it as one failure.
        if (FileProbe.Of(disk).Refusal is not null)
            return 1;
        try
        {
            using var zip = new ZipArchive(DiskFiles.OpenRead(disk), ZipArchiveMode.Read, leaveOpen: false, ZipNameEncoding.Instance);
            return zip.Entries.Count(entry => !entry.FullName.EndsWith('/') && IsRead(entry.Name));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return 1; // refused by the walk as one failure
        }
    }

    /// <summary>Why a file on disk is skipped rather than read, or null: the folder's manifest, or a format no reader takes.</summary>
    private static string? SkipReason(string path)
    {
        // A folder's manifest is read for the metadata of the files beside it (see Manifest); it is not a submission.
        if (System.IO.Path.GetFileName(path) == Manifest.FileName)
            return "skipped: the folder's import manifest (read for metadata, not a submission)";
        return IsRead(path) ? null : $"skipped: {Describe(System.IO.Path.GetExtension(path))} is not a supported format";
    }

    /// <summary>Zips are opened, files of a supported format are read; anything else is skipped.</summary>
    private static bool IsRead(string name) => IsZip(name) || IngestPipeline.SupportedExtensions.Contains(System.IO.Path.GetExtension(name));

    private static bool IsZip(string name) => System.IO.Path.GetExtension(name).Equals(".zip", StringComparison.OrdinalIgnoreCase);

    private sealed class Budget(long bytes)
    {
        public long Left { get; set; } = bytes;
    }

    /// <summary>Walks a zip already in memory (as <see cref="Walk"/> walks one on disk), under the same limits.</summary>
    public IEnumerable<ArchiveItem> WalkZip(string zipPath, byte[] bytes) =>
        WalkZip(zipPath, bytes, depth: 1, new Budget(_limits.MaxArchiveExpandedBytes));

    private IEnumerable<ArchiveItem> WalkZip(string zipPath, byte[] bytes, int depth, Budget budget)
    {
        if (depth > _limits.MaxNestingDepth)
        {
            yield return new ArchiveIssue(zipPath, $"refused: zips nested deeper than {_limits.MaxNestingDepth}", Failed: true) { Unwalked = zipPath };
            yield break;
        }
        ZipArchive archive;
        IReadOnlyList<ZipArchiveEntry> entries = [];
        string? openError = null;
        try
        {
            archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read, leaveOpen: false, ZipNameEncoding.Instance);
            // The central directory is read on first use of Entries, so a damaged one (an entry count that does not match)
            // throws here, not in the constructor.
            entries = archive.Entries;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            archive = null!;
            openError = $"corrupt zip: {e.Message}";
        }
        if (openError is not null)
        {
            yield return new ArchiveIssue(zipPath, openError, Failed: true) { Unwalked = zipPath };
            yield break;
        }

        using (archive)
        {
            var count = 0;
            foreach (var entry in entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                if (entry.FullName.EndsWith('/'))
                    continue; // a folder
                var entryPath = $"{zipPath}!/{entry.FullName}";
                if (++count > _limits.MaxEntriesPerArchive)
                {
                    yield return new ArchiveIssue(zipPath, $"refused: more than {_limits.MaxEntriesPerArchive:N0} entries", Failed: true) { Unwalked = zipPath };
                    yield break;
                }
                if (IsUnsafeName(entry.FullName))
                {
                    yield return new ArchiveIssue(entryPath, "refused: entry name escapes the archive (absolute path or '..')", Failed: true);
                    continue;
                }
                if (!IsRead(entry.Name))
                {
                    yield return new ArchiveIssue(entryPath, $"skipped: {Describe(System.IO.Path.GetExtension(entry.Name))} is not a supported format", Failed: false);
                    continue;
                }
                var read = ReadEntry(entry, budget, out var content);
                if (read is not null)
                {
                    // Once the archive's budget is spent, the rest of it is never read.
                    yield return new ArchiveIssue(entryPath, read, Failed: true) { Unwalked = budget.Left <= 0 ? zipPath : IsZip(entry.Name) ? entryPath : null };
                    if (budget.Left <= 0)
                        yield break;
                    continue;
                }
                if (IsZip(entry.Name))
                {
                    foreach (var item in WalkZip(entryPath, content, depth + 1, budget))
                        yield return item;
                }
                else
                {
                    var captured = content;
                    yield return new ArchiveEntry(entryPath, captured.Length, () => captured);
                }
            }
        }
    }

    /// <summary>Reads an entry through a counting stream: stops at the entry, ratio and archive limits, whatever the header claims.</summary>
    private string? ReadEntry(ZipArchiveEntry entry, Budget budget, out byte[] content)
    {
        content = [];
        var cap = Math.Min(_limits.MaxEntryBytes, budget.Left);
        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            long total = 0;
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                total += read;
                if (total > cap)
                {
                    budget.Left -= total;
                    return total > _limits.MaxEntryBytes
                        ? $"refused: expands beyond {_limits.MaxEntryBytes:N0} bytes"
                        : $"refused: the archive expands beyond {_limits.MaxArchiveExpandedBytes:N0} bytes (zip bomb?)";
                }
                if (total > _limits.RatioCheckMinimumBytes && entry.CompressedLength > 0 && total / (double)entry.CompressedLength > _limits.MaxCompressionRatio)
                {
                    budget.Left -= total;
                    return $"refused: compression ratio above {_limits.MaxCompressionRatio:N0}:1 (zip bomb?)";
                }
                buffer.Write(chunk, 0, read);
            }
            budget.Left -= total;
            content = buffer.ToArray();
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return $"corrupt or unsupported zip entry: {e.Message}";
        }
    }

    private static bool IsUnsafeName(string name)
    {
        var normalised = name.Replace('\\', '/');
        return normalised.StartsWith('/') || (normalised.Length > 1 && normalised[1] == ':')
            || normalised.Split('/').Any(part => part == "..");
    }

    private static string Describe(string extension) => extension.Length == 0 ? "a file without extension" : extension;
}
