using System.IO.Compression;
using System.Text;
using Ingest.Pipeline.Archives;

namespace Ingest.Pipeline.Tests;

/// <summary>Walking folders and zips: formats, CP932 names, nesting, and hostile archives.</summary>
public sealed class ArchiveWalkerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-walk-").FullName;

    static ArchiveWalkerTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static byte[] Zip(Encoding? names, params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, names))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private string Write(string relative, byte[] content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void Folders_are_walked_in_order_and_unsupported_files_are_noted()
    {
        Write("b/2.txt", "二"u8.ToArray());
        Write("a.txt", "一"u8.ToArray());
        Write("c.xls", [1, 2, 3]);
        var items = new ArchiveWalker().Walk([_root]).ToArray();
        Assert.Equal(["a.txt", "2.txt"], items.OfType<ArchiveEntry>().Select(e => Path.GetFileName(e.Path)));
        var skipped = Assert.Single(items.OfType<ArchiveIssue>());
        Assert.False(skipped.Failed);
        Assert.Contains(".xls", skipped.Reason);
    }

    [Fact]
    public void Cp932_entry_names_come_out_right_and_nested_zips_are_opened()
    {
        var inner = Zip(Encoding.GetEncoding(932), ("資料40.txt", "中身"u8.ToArray()));
        var outer = Write("packet.zip", Zip(Encoding.GetEncoding(932), ("令和6年度/第5回/資料41.txt", "本文"u8.ToArray()), ("内側.zip", inner)));
        var entries = new ArchiveWalker().Walk([outer]).OfType<ArchiveEntry>().ToArray();
        Assert.Equal(
            new[] { $"{outer}!/令和6年度/第5回/資料41.txt", $"{outer}!/内側.zip!/資料40.txt" }.Order(StringComparer.Ordinal),
            entries.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Equal("本文", Encoding.UTF8.GetString(entries.Single(e => e.Path.EndsWith("資料41.txt", StringComparison.Ordinal)).Read().Span));
    }

    [Fact]
    public void Utf8_names_without_the_flag_are_read_as_utf8()
    {
        var zip = Write("utf8.zip", Zip(null, ("新宿区/外部結合.txt", "x"u8.ToArray())));
        Assert.EndsWith("!/新宿区/外部結合.txt", new ArchiveWalker().Walk([zip]).OfType<ArchiveEntry>().Single().Path);
    }

    [Fact]
    public void Zip_bombs_are_refused_by_ratio_and_by_size_and_the_rest_is_read()
    {
        var zeros = new byte[20 * 1024 * 1024];
        var zip = Write("bomb.zip", Zip(null, ("bomb.txt", zeros), ("ok.txt", "正常"u8.ToArray())));
        var items = new ArchiveWalker().Walk([zip]).ToArray();
        var refused = Assert.Single(items.OfType<ArchiveIssue>());
        Assert.True(refused.Failed);
        Assert.Contains("compression ratio", refused.Reason);
        Assert.EndsWith("ok.txt", Assert.Single(items.OfType<ArchiveEntry>()).Path);

        var small = new ArchiveWalker(new ArchiveLimits { MaxEntryBytes = 1024, MaxCompressionRatio = double.MaxValue });
        Assert.Contains("expands beyond", small.Walk([zip]).OfType<ArchiveIssue>().First().Reason);
    }

    [Fact]
    public void Path_traversal_names_are_refused()
    {
        var zip = Write("evil.zip", Zip(null, ("../../etc/passwd.txt", "x"u8.ToArray()), ("/abs.txt", "x"u8.ToArray()), ("fine.txt", "x"u8.ToArray())));
        var items = new ArchiveWalker().Walk([zip]).ToArray();
        Assert.Equal(2, items.OfType<ArchiveIssue>().Count(i => i.Failed && i.Reason.Contains("escapes", StringComparison.Ordinal)));
        Assert.Single(items.OfType<ArchiveEntry>());
    }

    [Fact]
    public void Deeply_nested_zips_stop_at_the_limit()
    {
        var content = Zip(null, ("deep.txt", "x"u8.ToArray()));
        for (var i = 0; i < 6; i++)
            content = Zip(null, ($"level{i}.zip", content));
        var zip = Write("nest.zip", content);
        var items = new ArchiveWalker().Walk([zip]).ToArray();
        Assert.Empty(items.OfType<ArchiveEntry>());
        Assert.Contains(items.OfType<ArchiveIssue>(), i => i.Reason.Contains("nested deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void Corrupt_zips_and_missing_paths_are_reported_not_thrown()
    {
        var zip = Write("broken.zip", "PK\u0003\u0004 not really a zip"u8.ToArray());
        var items = new ArchiveWalker().Walk([zip, Path.Combine(_root, "missing")]).ToArray();
        Assert.Equal(2, items.OfType<ArchiveIssue>().Count(i => i.Failed));
        Assert.Contains(items.OfType<ArchiveIssue>(), i => i.Reason.StartsWith("corrupt zip", StringComparison.Ordinal));
    }
}
