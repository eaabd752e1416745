namespace Ingest.Readers.Conversion;

/// <summary>
/// Converted files by the content hash of their originals, in one folder, kept under a size: once the folder holds more
/// than <see cref="MaxBytes"/>, the files read or written longest ago are deleted until it holds at most that. A file
/// read is touched, so what an archive keeps coming back to stays; what a writer killed mid-write left behind (a hidden
/// temporary file) is deleted once it is an hour old. Every step may fail without harm: a file missing from the cache is
/// converted again.
/// </summary>
public sealed class ConversionCache(string folder, long maxBytes)
{
    /// <summary>How old a temporary file must be before it is taken for one a killed writer left (a write takes milliseconds).</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    /// <summary>The folder the files are in.</summary>
    public string Folder { get; } = folder;

    /// <summary>The most bytes of converted files kept.</summary>
    public long MaxBytes { get; } = maxBytes;

    /// <summary>The converted file kept under <paramref name="key"/>, or null.</summary>
    public byte[]? TryRead(string key)
    {
        var path = Path.Combine(Folder, key);
        try
        {
            if (!File.Exists(path))
                return null;
            var bytes = File.ReadAllBytes(path);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow); // used now: kept longest
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps <paramref name="bytes"/> under <paramref name="key"/> (written under a temporary name and renamed, so a reader never sees half a file), then prunes.</summary>
    public void Write(string key, byte[] bytes)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            var temporary = Path.Combine(Folder, $".{key}.{Environment.ProcessId}.{Guid.NewGuid():N}");
            File.WriteAllBytes(temporary, bytes);
            var path = Path.Combine(Folder, key);
            File.Move(temporary, path, overwrite: true);
            // Stamped by the same clock as a read's touch: the file system's own stamp may lag it by a clock tick.
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // without a cache the next read converts again; nothing else is lost
        }
        Prune(DateTime.UtcNow);
    }

    /// <summary>Deletes abandoned temporary files and, over <see cref="MaxBytes"/>, the files used longest ago before <paramref name="now"/>.</summary>
    public void Prune(DateTime now)
    {
        try
        {
            // Length and time read once from the listing: a deleted file's FileInfo no longer has them.
            var kept = new List<(FileInfo File, long Length, DateTime Used)>();
            foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
            {
                if (!file.Name.StartsWith('.'))
                    kept.Add((file, file.Length, file.LastWriteTimeUtc));
                else if (now - file.LastWriteTimeUtc > AbandonedAfter)
                    Delete(file);
            }
            var total = kept.Sum(entry => entry.Length);
            foreach (var (file, length, _) in kept.OrderBy(entry => entry.Used).ThenBy(entry => entry.File.Name, StringComparer.Ordinal))
            {
                if (total <= MaxBytes)
                    break;
                Delete(file);
                total -= length;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Pruned on the next write instead.
        }
    }

    private static void Delete(FileInfo file)
    {
        try
        {
            file.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process deleted or holds it: tried again on the next prune.
        }
    }
}
