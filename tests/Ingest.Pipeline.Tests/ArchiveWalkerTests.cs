using System.Diagnostics;
using System.IO.Compression;
using System.Net.Sockets;
using System.Text;
using Ingest.Pipeline.Archives;

namespace Ingest.Pipeline.Tests;

/// <summary>Walking folders and zips: formats, CP932 names, nesting, hostile archives, special files and symbolic links.</summary>
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
    public void A_file_larger_than_the_limit_is_refused_by_its_size_before_it_is_read()
    {
        // Sparse: 3 GiB on paper, nothing on disk. Reading it would fail (or fill memory) long before extraction.
        var huge = Path.Combine(_root, "huge.txt");
        using (var file = File.Create(huge))
            file.SetLength(3L * 1024 * 1024 * 1024);
        var small = Write("small.txt", "一"u8.ToArray());

        var items = new ArchiveWalker().Walk([huge, small]).ToArray();

        var refused = Assert.IsType<ArchiveIssue>(items[0]);
        Assert.True(refused.Failed);
        Assert.StartsWith("refused: file too large (3,221,225,472 bytes", refused.Reason);
        Assert.Equal(small, Assert.IsType<ArchiveEntry>(items[1]).Path);
    }

    [Fact]
    public void Folders_are_walked_in_order_and_unsupported_files_are_noted()
    {
        Write("b/2.txt", "二"u8.ToArray());
        Write("a.txt", "一"u8.ToArray());
        Write("c.pptx", [1, 2, 3]);
        var items = new ArchiveWalker().Walk([_root]).ToArray();
        Assert.Equal(["a.txt", "2.txt"], items.OfType<ArchiveEntry>().Select(e => Path.GetFileName(e.Path)));
        var skipped = Assert.Single(items.OfType<ArchiveIssue>());
        Assert.False(skipped.Failed);
        Assert.Contains(".pptx", skipped.Reason);
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

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>Walks on another thread so that a walk that blocks fails the test instead of hanging the run.</summary>
    private static Task<ArchiveItem[]> WalkWithin(TimeSpan limit, params string[] paths) => WalkWithin(limit, LinkPolicy.StayInside, paths);

    private static async Task<ArchiveItem[]> WalkWithin(TimeSpan limit, LinkPolicy links, params string[] paths)
    {
        var walk = Task.Run(() => new ArchiveWalker(links: links).Walk(paths).ToArray());
        Assert.True(await Task.WhenAny(walk, Task.Delay(limit)) == walk, $"the walk did not finish within {limit.TotalSeconds} s: something was opened that blocks");
        return await walk;
    }

    private static ArchiveIssue IssueFor(ArchiveItem[] items, string path) =>
        Assert.Single(items.OfType<ArchiveIssue>(), i => i.Path == path);

    [Fact]
    public async Task Named_pipes_sockets_and_devices_are_refused_without_being_opened()
    {
        var good = Write("good.txt", "本文"u8.ToArray());
        var pipe = Path.Combine(_root, "pipe.txt");
        MakeFifo(pipe);
        var pipeZip = Path.Combine(_root, "pipe.zip");
        MakeFifo(pipeZip);
        var socket = Path.Combine(_root, "socket.pdf");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socket)); // .NET removes the socket file when the socket is closed
        var device = Path.Combine(_root, "device.docx");
        File.CreateSymbolicLink(device, "/dev/zero"); // followed when links out are: what counts is what it reaches

        var items = await WalkWithin(TimeSpan.FromSeconds(30), LinkPolicy.FollowOutside, _root);

        Assert.Equal([good], items.OfType<ArchiveEntry>().Select(e => e.Path));
        Assert.Equal("not a regular file: named pipe", IssueFor(items, pipe).Reason);
        Assert.Equal("not a regular file: named pipe", IssueFor(items, pipeZip).Reason);
        Assert.Equal("not a regular file: socket", IssueFor(items, socket).Reason);
        Assert.Equal("not a regular file: character device", IssueFor(items, device).Reason);
        Assert.All(items.OfType<ArchiveIssue>(), i => Assert.True(i.Failed));

        // Named on the command line, a pipe is refused the same way.
        Assert.Equal("not a regular file: named pipe", Assert.IsType<ArchiveIssue>(Assert.Single(await WalkWithin(TimeSpan.FromSeconds(30), pipe))).Reason);
    }

    [Fact]
    public async Task Counting_agrees_with_the_walk_and_reads_no_content()
    {
        Write("a.txt", "一"u8.ToArray());
        Write("sub/b.md", "二"u8.ToArray());
        Write("c.pptx", [1, 2, 3]);
        Write("manifest.csv", "path,fiscalYear\n"u8.ToArray());
        Write("packet.zip", Zip(null, ("x.txt", "三"u8.ToArray()), ("y/z.pdf", "%PDF"u8.ToArray()), ("photo.jpg", [1]), ("../up.txt", "四"u8.ToArray())));
        MakeFifo(Path.Combine(_root, "pipe.pdf"));
        File.CreateSymbolicLink(Path.Combine(_root, "broken.txt"), Path.Combine(_root, "gone.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "again"), "."); // a loop: the folder inside itself

        var items = await WalkWithin(TimeSpan.FromSeconds(30), _root);
        var count = Task.Run(() => ArchiveWalker.Count([_root]));
        Assert.True(await Task.WhenAny(count, Task.Delay(TimeSpan.FromSeconds(30))) == count, "counting did not finish: something was opened that blocks");

        // Read: a.txt, b.md, x.txt, z.pdf; refused: ../up.txt, the pipe, the broken link; skipped and not counted: the rest.
        Assert.Equal(7, items.Count(i => i is ArchiveEntry or ArchiveIssue { Failed: true }));
        Assert.Equal(7, await count);
    }

    [Fact]
    public async Task Links_to_files_are_read_and_broken_or_looping_links_are_named()
    {
        var outside = Directory.CreateTempSubdirectory("ingest-walk-target-").FullName;
        try
        {
            var target = Path.Combine(outside, "target.txt");
            File.WriteAllBytes(target, "リンク先"u8.ToArray());
            var folder = Path.Combine(_root, "links");
            Directory.CreateDirectory(folder);
            var link = Path.Combine(folder, "link.txt");
            File.CreateSymbolicLink(link, target);
            var broken = Path.Combine(folder, "broken.txt");
            File.CreateSymbolicLink(broken, Path.Combine(outside, "gone.txt"));
            var loop = Path.Combine(folder, "loop.txt");
            File.CreateSymbolicLink(loop, "loop.txt");

            var inside = Write("links/real/inside.txt", "中のファイル"u8.ToArray());
            var insideLink = Path.Combine(folder, "inside-link.txt");
            File.CreateSymbolicLink(insideLink, "real/inside.txt");

            var items = await WalkWithin(TimeSpan.FromSeconds(30), folder);

            // A link to a file inside the folder walked is read as before; one out of it is refused, naming where it leads.
            var entry = Assert.Single(items.OfType<ArchiveEntry>(), e => e.Path == insideLink);
            Assert.Equal("中のファイル", Encoding.UTF8.GetString(entry.Read().Span));
            Assert.Contains(items.OfType<ArchiveEntry>(), e => e.Path == inside);
            Assert.Equal($"refused: symbolic link to {target}, outside the folders imported; pass --follow-links to read it", IssueFor(items, link).Reason);
            Assert.Equal($"broken symbolic link: {Path.Combine(outside, "gone.txt")} does not exist", IssueFor(items, broken).Reason);
            Assert.StartsWith("symbolic link loop", IssueFor(items, loop).Reason, StringComparison.Ordinal);
            Assert.All(items.OfType<ArchiveIssue>(), i => Assert.True(i.Failed));

            // Allowed, the link out is read, known by the link's path.
            var followed = await WalkWithin(TimeSpan.FromSeconds(30), LinkPolicy.FollowOutside, folder);
            Assert.Equal("リンク先", Encoding.UTF8.GetString(Assert.Single(followed.OfType<ArchiveEntry>(), e => e.Path == link).Read().Span));

            // A link into another folder walked in the same run is inside.
            var both = await WalkWithin(TimeSpan.FromSeconds(30), folder, outside);
            Assert.Contains(both.OfType<ArchiveEntry>(), e => e.Path == link);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task Links_to_folders_are_noted_not_followed_so_a_loop_ends()
    {
        var a = Write("a/1.txt", "一"u8.ToArray());
        var b = Write("b/2.txt", "二"u8.ToArray());
        var aToB = Path.Combine(_root, "a", "to-b");
        var bToA = Path.Combine(_root, "b", "to-a");
        Directory.CreateSymbolicLink(aToB, "../b");
        Directory.CreateSymbolicLink(bToA, "../a");

        var items = await WalkWithin(TimeSpan.FromSeconds(30), _root);

        Assert.Equal([a, b], items.OfType<ArchiveEntry>().Select(e => e.Path)); // each file once, by its real folder
        foreach (var (link, target) in new[] { (aToB, "../b"), (bToA, "../a") })
        {
            var noted = IssueFor(items, link);
            Assert.False(noted.Failed);
            Assert.Equal($"skipped: symbolic link to a folder ({target}) is not followed; import its target directly", noted.Reason);
        }
        Assert.Equal(4, items.Length);

        // A link named on the command line is followed, once: the links inside it are not, and one out of it is refused.
        var named = await WalkWithin(TimeSpan.FromSeconds(30), aToB);
        Assert.Equal([Path.Combine(aToB, "2.txt")], named.OfType<ArchiveEntry>().Select(e => e.Path));
        var outward = IssueFor(named, Path.Combine(aToB, "to-a"));
        Assert.Equal($"refused: symbolic link to the folder {Path.Combine(_root, "a")}, outside the folders imported; pass --follow-links to walk it", outward.Reason);
        Assert.True(outward.Failed);
        Assert.Equal(outward.Path, outward.Unwalked);
    }

    [Fact]
    public async Task Followed_links_out_walk_each_folder_once_so_loops_end()
    {
        var outside = Directory.CreateTempSubdirectory("ingest-walk-outside-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(outside, "x.txt"), "外"u8.ToArray());
            Directory.CreateSymbolicLink(Path.Combine(outside, "back"), outside); // a loop out there
            var archive = Path.Combine(_root, "archive");
            Directory.CreateDirectory(archive);
            Directory.CreateSymbolicLink(Path.Combine(archive, "out"), outside);
            Directory.CreateSymbolicLink(Path.Combine(archive, "again"), outside);

            var refused = await WalkWithin(TimeSpan.FromSeconds(30), archive);
            Assert.Empty(refused.OfType<ArchiveEntry>());
            Assert.All(refused.OfType<ArchiveIssue>(), issue => Assert.StartsWith($"refused: symbolic link to the folder {outside}", issue.Reason, StringComparison.Ordinal));

            var followed = await WalkWithin(TimeSpan.FromSeconds(30), LinkPolicy.FollowOutside, archive);
            Assert.Equal([Path.Combine(archive, "again", "x.txt")], followed.OfType<ArchiveEntry>().Select(e => e.Path));
            Assert.Contains("already walked", IssueFor(followed, Path.Combine(archive, "out")).Reason, StringComparison.Ordinal);
            Assert.Contains("already walked", IssueFor(followed, Path.Combine(archive, "again", "back")).Reason, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
    [Fact]
    public void A_zip_whose_directory_miscounts_its_entries_is_reported_not_thrown()
    {
        // Found by the zip fuzz target: the end-of-directory record claims more entries than the directory holds, which
        // ZipArchive only notices when its entries are first listed.
        var bytes = Zip(null, ("a.txt", "資料1\n"u8.ToArray()), ("b.txt", "資料2\n"u8.ToArray()));
        var end = bytes.AsSpan().LastIndexOf((ReadOnlySpan<byte>)[(byte)'P', (byte)'K', 5, 6]);
        bytes[end + 8] = 3; // entries on this disk
        bytes[end + 10] = 3; // entries in all
        var items = new ArchiveWalker().WalkZip("broken.zip", bytes).ToList();
        var issue = Assert.IsType<ArchiveIssue>(Assert.Single(items));
        Assert.True(issue.Failed);
        Assert.StartsWith("corrupt zip: ", issue.Reason);
    }
}
