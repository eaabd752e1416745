using Ingest.Pipeline.Archives;
using Ingest.Pipeline.FileSystem;

namespace Ingest.Import;

/// <summary>Finds and caches the <c>manifest.csv</c> of each folder on a file's way up. Used by the walking stage alone.</summary>
internal sealed class ManifestCache
{
    private readonly Dictionary<string, Manifest> _byFolder = new(StringComparer.Ordinal);

    /// <summary>Manifests that could not be read, to report once each; their folder imports without them.</summary>
    public Queue<(string Path, string Reason)> Errors { get; } = new();

    public ArchiveMetadata For(string path)
    {
        var file = ArchivePaths.FileOnDisk(path);
        var result = ArchiveMetadata.None;
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(file)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (!_byFolder.TryGetValue(folder, out var manifest))
                _byFolder[folder] = manifest = Load(folder);
            result = result.Or(manifest.For(path));
        }
        return result;
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
