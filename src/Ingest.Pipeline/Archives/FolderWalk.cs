using Ingest.Pipeline.FileSystem;

namespace Ingest.Pipeline.Archives;

/// <summary>What a walk does with a symbolic link that leads out of the folders it was given.</summary>
public enum LinkPolicy
{
    /// <summary>Refuse it, naming where it leads: a link out of the archive (to <c>/etc/passwd</c>, to another office's folder) is not the archive.</summary>
    StayInside,

    /// <summary>Read the file or walk the folder it leads to (<c>--follow-links</c>); a folder is walked once, and never through a loop.</summary>
    FollowOutside,
}

/// <summary>A file found by <see cref="FolderWalk"/>, not yet looked at.</summary>
internal sealed record FoundFile(DiskPath Disk) : ArchiveItem(Disk.Text);

/// <summary>
/// Finds the files under the paths given, by their bytes on disk (<see cref="DiskFiles"/>), so a name that is not UTF-8 is
/// found, shown decoded and opened like any other. Files of a folder come before its subfolders, each in ordinal order of
/// their shown names, so runs are repeatable. Symbolic links inside the folders given (<paramref name="boundary"/>, compared
/// by canonical path) work as <c>find</c> and <c>tar</c> have them by default: a link to a file is read, a link to a folder
/// is noted and not followed (its target is walked under its own path, and a link back up would loop). A link that leads
/// out of them is refused by default (<see cref="LinkPolicy"/>). A path given that is itself a link is walked where it leads.
/// </summary>
internal sealed class FolderWalk(IEnumerable<string> boundary, LinkPolicy links)
{
    private readonly Lazy<List<string>> _inside = new(() => boundary
        .Select(root => DiskFiles.Canonical(DiskPath.Resolve(root))?.Text)
        .OfType<string>()
        .ToList());

    // Canonical paths of the folders outside the boundary walked through links, so each is walked once.
    private readonly HashSet<string> _followed = new(StringComparer.Ordinal);

    /// <summary>The files named or found under the folders named, and the issues met on the way; no file is opened.</summary>
    public IEnumerable<ArchiveItem> Files(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var disk = DiskPath.Resolve(path);
            var items = FileProbe.Of(disk).Kind == FileKind.Directory ? WalkFolder(disk)
                : DiskFiles.Exists(disk) ? [new FoundFile(disk)]
                : [new ArchiveIssue(path, "not found", Failed: true) { Unwalked = path }];
            foreach (var item in items)
                yield return item;
        }
    }

    private IEnumerable<ArchiveItem> WalkFolder(DiskPath folder)
    {
        IReadOnlyList<FolderEntry> entries;
        try
        {
            entries = DiskFiles.List(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new ArchiveIssue(folder.Text, $"cannot list folder: {e.Message}", Failed: true) { Unwalked = folder.Text }];
        }
        var sorted = entries.Select(entry => (Entry: entry, IsFolder: IsFolder(entry))).OrderBy(pair => pair.Entry.Path.Text, StringComparer.Ordinal).ToList();
        var files = sorted.Where(pair => !pair.IsFolder).SelectMany(pair => File(pair.Entry));
        var folders = sorted.Where(pair => pair.IsFolder).SelectMany(pair => Subfolder(pair.Entry));
        return files.Concat(folders);
    }

    private static bool IsFolder(FolderEntry entry) =>
        entry.Kind == EntryKind.Folder || (entry.Kind == EntryKind.Link && FileProbe.Of(entry.Path).Kind == FileKind.Directory);

    private IEnumerable<ArchiveItem> File(FolderEntry entry)
    {
        // A broken or looping link has no target: the probe names it when the file is looked at.
        if (entry.Kind != EntryKind.Link || DiskFiles.Canonical(entry.Path) is not { } target || IsInside(target) || links == LinkPolicy.FollowOutside)
            return [new FoundFile(entry.Path)];
        return [new ArchiveIssue(entry.Path.Text, $"refused: symbolic link to {target.Text}, outside the folders imported; pass --follow-links to read it", Failed: true)];
    }

    private IEnumerable<ArchiveItem> Subfolder(FolderEntry entry)
    {
        if (entry.Kind != EntryKind.Link)
            return WalkFolder(entry.Path);
        var target = DiskFiles.Canonical(entry.Path);
        var written = DiskFiles.LinkText(entry.Path) ?? target?.Text;
        if (target is null || IsInside(target))
            return [new ArchiveIssue(entry.Path.Text, $"skipped: symbolic link to a folder ({written}) is not followed; import its target directly", Failed: false) { Unwalked = entry.Path.Text }];
        if (links == LinkPolicy.StayInside)
            return [new ArchiveIssue(entry.Path.Text, $"refused: symbolic link to the folder {target.Text}, outside the folders imported; pass --follow-links to walk it", Failed: true) { Unwalked = entry.Path.Text }];
        // Followed once: a second link to the same folder, or one back into a folder being walked, would walk it again or forever.
        if (!_followed.Add(target.Text))
            return [new ArchiveIssue(entry.Path.Text, $"skipped: symbolic link to a folder ({written}) already walked through another link", Failed: false) { Unwalked = entry.Path.Text }];
        return WalkFolder(entry.Path);
    }

    private bool IsInside(DiskPath canonical) => _inside.Value.Any(root => ArchivePaths.IsWithin(canonical.Text, root));
}
