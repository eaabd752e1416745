using System.IO.Compression;

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
public sealed record ArchiveIssue(string Path, string Reason, bool Failed) : ArchiveItem(Path);

/// <summary>
/// Walks files, folders and zip files (nested too) and yields every file of a supported format. Zip entries are read
/// into memory one at a time and never written to disk, so path-traversal names cannot escape anywhere; they are still
/// refused, because such an archive was not made by an office. Named pipes, sockets, devices and broken or looping links
/// are refused without being opened (<see cref="FileProbe"/>). Lazy: memory holds one entry at a time.
/// </summary>
public sealed class ArchiveWalker(ArchiveLimits? limits = null)
{
    private readonly ArchiveLimits _limits = limits ?? new ArchiveLimits();

    /// <summary>Files and issues in a stable order (folders sorted by name), so runs are repeatable.</summary>
    public IEnumerable<ArchiveItem> Walk(IEnumerable<string> paths) =>
        Files(paths).SelectMany(item => item is FoundFile file ? WalkFile(file.Path) : [item]);

    /// <summary>
    /// How many files <see cref="Walk"/> will yield or refuse, found by the same walk without reading any content, for
    /// progress and ETA: a zip counts the entries of its central directory that the walk would read, but a zip inside it
    /// counts as one (opening it would mean decompressing); skipped files are not counted.
    /// </summary>
    public static int Count(IEnumerable<string> paths) => Files(paths).Sum(item => item switch
    {
        FoundFile file => CountFile(file.Path),
        ArchiveIssue issue => issue.Failed ? 1 : 0,
        _ => 0,
    });

    /// <summary>A file found by <see cref="Files"/>, not yet looked at.</summary>
    private sealed record FoundFile(string Path) : ArchiveItem(Path);

    /// <summary>The files named or found under the folders named, and the issues of folders on the way; no file is looked at.</summary>
    private static IEnumerable<ArchiveItem> Files(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var item in WalkDirectory(path))
                    yield return item;
            }
            else if (File.Exists(path))
            {
                yield return new FoundFile(path);
            }
            else
            {
                yield return new ArchiveIssue(path, "not found", Failed: true);
            }
        }
    }

    private static IEnumerable<ArchiveItem> WalkDirectory(string directory)
    {
        string[] files, folders;
        try
        {
            files = Directory.GetFiles(directory);
            folders = Directory.GetDirectories(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new ArchiveIssue(directory, $"cannot list folder: {e.Message}", Failed: true)];
        }
        Array.Sort(files, StringComparer.Ordinal);
        Array.Sort(folders, StringComparer.Ordinal);
        return files.Select(file => (ArchiveItem)new FoundFile(file)).Concat(folders.SelectMany(WalkSubfolder));
    }

    /// <summary>
    /// A symbolic link to a folder found inside a walked folder is not followed, as <c>find</c> and <c>tar</c> do not by
    /// default: a link back up (a → b → a) would otherwise recurse until the path is too long, and a link out of the tree
    /// (to <c>/</c>, say) would import whatever it reaches. A folder named on the command line is followed even when it is a
    /// link, and links to files are read (a file link that loops or leads nowhere is refused by <see cref="FileProbe"/>). The
    /// folder link is noted, so the log says what was left out.
    /// </summary>
    private static IEnumerable<ArchiveItem> WalkSubfolder(string folder)
    {
        string? target;
        try
        {
            target = new DirectoryInfo(folder).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new ArchiveIssue(folder, $"cannot list folder: {e.Message}", Failed: true)];
        }
        return target is null
            ? WalkDirectory(folder)
            : [new ArchiveIssue(folder, $"skipped: symbolic link to a folder ({target}) is not followed; import its target directly", Failed: false)];
    }

    private IEnumerable<ArchiveItem> WalkFile(string path)
    {
        if (SkipReason(path) is { } skip)
            return [new ArchiveIssue(path, skip, Failed: false)];
        // Checked before anything opens the file: reading a named pipe blocks until a writer comes, a device may never end.
        if (FileProbe.Of(path).Refusal is { } refusal)
            return [new ArchiveIssue(path, refusal, Failed: true)];
        if (IsZip(path))
        {
            byte[] bytes;
            string? error = null;
            try
            {
                var info = new FileInfo(path);
                bytes = info.Length > _limits.MaxArchiveExpandedBytes ? [] : File.ReadAllBytes(path);
                if (info.Length > _limits.MaxArchiveExpandedBytes)
                    error = $"zip too large ({info.Length:N0} bytes)";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                bytes = [];
                error = $"cannot read file: {e.Message}";
            }
            if (error is not null)
                return [new ArchiveIssue(path, error, Failed: true)];
            return WalkZip(path, bytes, depth: 1, new Budget(_limits.MaxArchiveExpandedBytes));
        }
        // Refused by its size on disk, before a byte is read: a multi-gigabyte file must not be pulled into memory first.
        var length = SafeLength(path);
        if (length > _limits.MaxEntryBytes)
            return [new ArchiveIssue(path, $"refused: file too large ({length:N0} bytes; the limit is {_limits.MaxEntryBytes:N0})", Failed: true)];
        return [new ArchiveEntry(path, length, () => File.ReadAllBytes(path))];
    }

    /// <summary>One file for <see cref="Count"/>: as <see cref="WalkFile"/> decides, but a zip's entries are counted from its directory.</summary>
    private static int CountFile(string path)
    {
        if (SkipReason(path) is not null)
            return 0;
        if (!IsZip(path))
            return 1;
        // A named pipe called *.zip would block the open below; the walk refuses it as one failure.
        if (FileProbe.Of(path).Refusal is not null)
            return 1;
        try
        {
            using var zip = ZipFile.OpenRead(path);
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
            yield return new ArchiveIssue(zipPath, $"refused: zips nested deeper than {_limits.MaxNestingDepth}", Failed: true);
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
            yield return new ArchiveIssue(zipPath, openError, Failed: true);
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
                    yield return new ArchiveIssue(zipPath, $"refused: more than {_limits.MaxEntriesPerArchive:N0} entries", Failed: true);
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
                    yield return new ArchiveIssue(entryPath, read, Failed: true);
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

    private static long SafeLength(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static string Describe(string extension) => extension.Length == 0 ? "a file without extension" : extension;
}
