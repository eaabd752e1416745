using System.Text;

namespace Ingest.Pipeline.FileSystem;

/// <summary>
/// A path on disk as the system knows it (<see cref="Bytes"/>) and as it is shown, logged and stored (<see cref="Text"/>,
/// each name decoded by <see cref="FileNames"/>). Files are found, probed and opened by the bytes, so a name that is not
/// UTF-8 works like any other; the text goes back to the bytes through <see cref="Resolve"/>.
/// </summary>
public sealed class DiskPath
{
    private DiskPath(string text, byte[] bytes)
    {
        Text = text;
        Bytes = bytes;
    }

    /// <summary>The path as shown: every name decoded.</summary>
    public string Text { get; }

    /// <summary>The path as the system knows it (no terminating NUL).</summary>
    public byte[] Bytes { get; }

    /// <summary>The file or folder named <paramref name="name"/> (its bytes) in this folder, shown as <paramref name="shown"/>.</summary>
    public DiskPath Child(byte[] name, string shown)
    {
        ArgumentNullException.ThrowIfNull(name);
        var separator = Text.EndsWith('/') ? string.Empty : "/";
        var bytes = new byte[Bytes.Length + separator.Length + name.Length];
        Bytes.CopyTo(bytes, 0);
        if (separator.Length > 0)
            bytes[Bytes.Length] = (byte)'/';
        name.CopyTo(bytes, Bytes.Length + separator.Length);
        return new DiskPath(Text + separator + shown, bytes);
    }

    /// <summary>A path from the system (a link's target, a canonical path): its bytes, shown decoded.</summary>
    public static DiskPath FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new DiskPath(FileNames.Decode(bytes), bytes);
    }

    /// <summary>
    /// The path on disk that <paramref name="text"/> names: its UTF-8 when that exists (the usual case, one system call),
    /// else, name by name, the first of <see cref="FileNames.Candidates"/> that exists in the folder found so far. A path
    /// that does not exist keeps its UTF-8, so opening it fails as it should. Relative text is taken from the current folder.
    /// </summary>
    public static DiskPath Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var utf8 = Encoding.UTF8.GetBytes(text);
        if (!Posix.Available || text.Length == 0 || Stat.Exists(utf8))
            return new DiskPath(text, utf8);
        var full = Path.GetFullPath(text);
        var bytes = new List<byte>(utf8.Length);
        foreach (var name in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)'/');
            var found = FileNames.Candidates(name).FirstOrDefault(candidate => Stat.Exists([.. bytes, .. candidate]));
            bytes.AddRange(found ?? Encoding.UTF8.GetBytes(name));
        }
        return new DiskPath(text, bytes.Count == 0 ? [(byte)'/'] : [.. bytes]);
    }

    public override string ToString() => Text;
}
