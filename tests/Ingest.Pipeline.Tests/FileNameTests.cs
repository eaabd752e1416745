using System.Text;
using Ingest.Pipeline.Archives;
using Ingest.Pipeline.FileSystem;
using Ingest.Tests.Shared;

namespace Ingest.Pipeline.Tests;

/// <summary>
/// Names that are not UTF-8 on disk: decoded as CP932 when that is exact, escaped losslessly otherwise, found by a walk,
/// opened by their bytes, and resolved back from the text shown.
/// </summary>
public sealed class FileNameTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-names-").FullName;

    public void Dispose() => RawNames.DeleteTree(_root);

    private static readonly byte[] _badBytes = [.. "bad-"u8, 0xFF, 0xFE, .. "\\x41.txt"u8];

    [Fact]
    public void Names_read_as_utf8_then_exact_cp932_then_a_lossless_escape()
    {
        Assert.Equal("資料.txt", FileNames.Decode("資料.txt"u8, out var utf8));
        Assert.Equal(FileNames.Reading.Utf8, utf8);
        Assert.Equal("資料40.txt", FileNames.Decode(RawNames.Cp932("資料40.txt"), out var cp932));
        Assert.Equal(FileNames.Reading.Cp932, cp932);
        // Not CP932 (0xFF is no character there), and a literal backslash escaped so the escape cannot be mistaken for it.
        Assert.Equal("bad-\\xFF\\xFE\\x5Cx41.txt", FileNames.Decode(_badBytes, out var escaped));
        Assert.Equal(FileNames.Reading.Escaped, escaped);
        // 0x879A is NEC's "∵", which CP932 writes back as 0x81E6: no exact reading, so escaped.
        Assert.Equal("\\x87\\x9A", FileNames.Decode([0x87, 0x9A]));

        foreach (var name in new[] { "資料.txt"u8.ToArray(), RawNames.Cp932("資料40.txt"), _badBytes, [0x87, 0x9A] })
            Assert.Contains(FileNames.Candidates(FileNames.Decode(name)), candidate => candidate.SequenceEqual(name));
    }

    [Fact]
    public void A_walk_finds_opens_and_shows_decoded_names_that_resolve_back_to_the_file()
    {
        var cp932Folder = RawNames.Cp932("令和6年度");
        RawNames.CreateFolder(_root, cp932Folder);
        RawNames.CreateFile(_root, [.. cp932Folder, .. "/"u8, .. RawNames.Cp932("資料40.txt")], "第一"u8.ToArray());
        RawNames.CreateFile(_root, _badBytes, "第二"u8.ToArray());
        // The folder's name cannot be written by .NET: the path above reached it only because RawNames went through the shell.
        Assert.False(Directory.Exists(Path.Combine(_root, "令和6年度")));

        var items = new ArchiveWalker().Walk([_root]).ToArray();

        var shown = new[] { Path.Combine(_root, "bad-\\xFF\\xFE\\x5Cx41.txt"), Path.Combine(_root, "令和6年度", "資料40.txt") };
        Assert.Equal(shown, items.OfType<ArchiveEntry>().Select(e => e.Path));
        Assert.Empty(items.OfType<ArchiveIssue>());
        Assert.Equal(["第二", "第一"], items.OfType<ArchiveEntry>().Select(e => Encoding.UTF8.GetString(e.Read().Span)));
        foreach (var path in shown)
        {
            Assert.Equal(FileKind.Regular, FileProbe.Of(path).Kind);
            Assert.Equal(path, DiskPath.Resolve(path).Text);
            using var stream = DiskFiles.OpenRead(DiskPath.Resolve(path));
            Assert.True(stream.Length > 0);
        }
        Assert.Equal([.. Encoding.UTF8.GetBytes(_root + "/"), .. cp932Folder, .. "/"u8, .. RawNames.Cp932("資料40.txt")], DiskPath.Resolve(shown[1]).Bytes);
        // Layout metadata reads the decoded folder name.
        Assert.Equal(2024, PathMetadata.FromPath(shown[1]).FiscalYear);
    }

    [Fact]
    public void A_cp932_name_beside_its_utf8_twin_is_shown_escaped_so_no_two_files_read_alike()
    {
        File.WriteAllBytes(Path.Combine(_root, "資料.txt"), "UTF-8"u8.ToArray());
        RawNames.CreateFile(_root, RawNames.Cp932("資料.txt"), "CP932"u8.ToArray());

        var entries = new ArchiveWalker().Walk([_root]).OfType<ArchiveEntry>().ToArray();

        Assert.Equal([Path.Combine(_root, "\\x8E\\x91\\x97\\xBF.txt"), Path.Combine(_root, "資料.txt")], entries.Select(e => e.Path));
        Assert.Equal(["CP932", "UTF-8"], entries.Select(e => Encoding.UTF8.GetString(e.Read().Span)));
        Assert.Equal("UTF-8", Encoding.UTF8.GetString(DiskFiles.ReadAllBytes(DiskPath.Resolve(entries[1].Path))));
        Assert.Equal("CP932", Encoding.UTF8.GetString(DiskFiles.ReadAllBytes(DiskPath.Resolve(entries[0].Path))));
    }
}
