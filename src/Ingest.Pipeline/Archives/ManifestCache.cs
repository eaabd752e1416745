using Ingest.Pipeline.FileSystem;

namespace Ingest.Pipeline.Archives;

/// <summary>
/// What the archive says about a file: the <c>manifest.csv</c> of each folder on the file's way up (the nearest first),
/// then its folder and file names (<see cref="PathMetadata"/>). Manifests are read once per folder. Not thread-safe.
/// </summary>
public sealed class ManifestCache
{
    private readonly Dictionary<string, Manifest> _byFolder = new(StringComparer.Ordinal);

    /// <summary>Manifests that could not be read, to report once each; their folder goes on without them.</summary>
    public Queue<(string Path, string Reason)> Errors { get; } = new();

    /// <summary>The metadata of a file (a path inside a zip counts from the zip's folder).</summary>
    public ArchiveMetadata For(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = ArchivePaths.FileOnDisk(path);
        var result = ArchiveMetadata.None;
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(file)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (!_byFolder.TryGetValue(folder, out var manifest))
                _byFolder[folder] = manifest = Load(folder);
            result = result.Or(manifest.For(path));
        }
        return result.Or(PathMetadata.FromPath(path));
    }

    private Manifest Load(string folder)
    {
        var candidate = Path.Combine(folder, Manifest.FileName);
        if (!DiskFiles.Exists(DiskPath.Resolve(candidate)))
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
