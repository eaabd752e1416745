using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text.Json;
using Ingest.Index.Store;
using Xunit.Abstractions;

namespace Ingest.Import.Tests;

/// <summary>
/// A folder with every kind of entry that cannot be read goes through the real command line: named pipes, a socket, a
/// broken link, a folder link loop, a file and a folder without permission. Nothing hangs, each is named with its reason in
/// the log, everything else is imported, and the exit code says some files failed.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class HostileFolderTests(ITestOutputHelper output) : IDisposable
{
    private const UnixFileMode Private = 0;
    private const UnixFileMode Readable = (UnixFileMode)0b110_100_100;
    private const UnixFileMode Searchable = (UnixFileMode)0b111_101_101;
    private const UnixFileMode Shared = (UnixFileMode)0b111_111_111;

    private readonly string _root = Directory.CreateTempSubdirectory("ingest-hostile-").FullName;
    private readonly List<string> _locked = [];
    private Socket? _socket;

    public void Dispose()
    {
        _socket?.Dispose();
        foreach (var path in _locked)
            File.SetUnixFileMode(path, Searchable); // so that a test run as a plain user can delete them
        Directory.Delete(_root, recursive: true);
    }

    private static string[] Seeds => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")).Order(StringComparer.Ordinal).ToArray();

    /// <summary>A folder the unprivileged user can enter, or a copy of a seed it can read: the umask is not trusted.</summary>
    private static string Folder(params string[] parts)
    {
        var path = Path.Combine(parts);
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, Searchable);
        return path;
    }

    private static string Seed(string seed, params string[] parts)
    {
        var path = Path.Combine(parts);
        File.Copy(seed, path);
        File.SetUnixFileMode(path, Readable);
        return path;
    }

    [PermissionFact]
    public void Pipes_links_and_unreadable_entries_are_named_and_the_rest_is_imported()
    {
        File.SetUnixFileMode(_root, Searchable);
        var seeds = Seeds;
        var council = Folder(_root, "council");

        // What must be imported, a link to a file inside the folder among them.
        var real = Seed(seeds[4], Folder(council, "real"), "004.txt");
        var insideLink = Path.Combine(council, "inside-link.txt");
        File.CreateSymbolicLink(insideLink, real);
        var good = new[]
        {
            Seed(seeds[0], council, "000.txt"),
            Seed(seeds[1], council, "001.txt"),
            Seed(seeds[2], Folder(council, "sub"), "002.txt"),
            Seed(seeds[3], Folder(council, "loop", "a"), "003.txt"),
        };

        // A link to a file outside the folder is refused, naming where it leads.
        var outside = Folder(_root, "outside");
        var linked = Seed(seeds[4], outside, "linked.txt");
        var link = Path.Combine(council, "link.txt");
        File.CreateSymbolicLink(link, linked);

        // What must be refused.
        var pipe = Path.Combine(council, "pipe.txt");
        SpecialFiles.MakeFifo(pipe);
        var pipeZip = Path.Combine(council, "bundle.zip");
        SpecialFiles.MakeFifo(pipeZip); // the progress count must not open it either
        var socket = Path.Combine(council, "socket.pdf");
        _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(socket)); // the file lives as long as the socket
        var broken = Path.Combine(council, "broken.txt");
        File.CreateSymbolicLink(broken, Path.Combine(outside, "gone.txt"));
        Folder(council, "loop", "b");
        var aToB = Path.Combine(council, "loop", "a", "to-b");
        var bToA = Path.Combine(council, "loop", "b", "to-a");
        Directory.CreateSymbolicLink(aToB, "../b");
        Directory.CreateSymbolicLink(bToA, "../a");
        var secret = Seed(seeds[0], council, "secret.txt");
        File.SetUnixFileMode(secret, Private);
        _locked.Add(secret);
        var locked = Folder(council, "locked");
        Seed(seeds[1], locked, "inside.txt");
        File.SetUnixFileMode(locked, Private);
        _locked.Add(locked);

        var results = Folder(_root, "results");
        File.SetUnixFileMode(results, Shared); // the unprivileged user writes the index and the log here
        var index = Path.Combine(results, "index");
        var logPath = Path.Combine(results, "import.jsonl");
        var start = UnprivilegedUser.Start("dotnet", [UnprivilegedUser.Cli, "import", council, "--index", index, "--log", logPath, "--jobs", "2"], results);
        output.WriteLine(UnprivilegedUser.SwitchesUser
            ? $"running as root: the import runs as uid {UnprivilegedUser.Id} through setpriv"
            : $"running as {Environment.UserName}: the import runs as this user");

        var limit = TimeSpan.FromMinutes(3);
        var stopwatch = Stopwatch.StartNew();
        var (exitCode, stdout, stderr) = UnprivilegedUser.Run(start, limit);
        output.WriteLine($"exit {exitCode} after {stopwatch.Elapsed.TotalSeconds:F1} s\n{stdout}\n{stderr}");
        Assert.True(exitCode is not null, $"the import did not finish within {limit.TotalMinutes} minutes: something blocked it");
        Assert.Equal(3, exitCode);

        var log = File.ReadAllLines(logPath).Select(line => JsonDocument.Parse(line).RootElement).ToDictionary(
            line => line.GetProperty("path").GetString()!,
            line => (Outcome: line.GetProperty("outcome").GetString(), Message: line.GetProperty("message").GetString()));
        foreach (var path in good)
            Assert.Equal(("added", null), log[path]);
        var failed = new Dictionary<string, string>
        {
            [pipe] = "not a regular file: named pipe",
            [pipeZip] = "not a regular file: named pipe",
            [socket] = "not a regular file: socket",
            [broken] = $"broken symbolic link: {Path.Combine(outside, "gone.txt")} does not exist",
            [secret] = $"cannot read file: Access to the path '{secret}' is denied.",
            [locked] = $"cannot list folder: Access to the path '{locked}' is denied.",
            [link] = $"refused: symbolic link to {linked}, outside the folders imported; pass --follow-links to read it",
        };
        foreach (var (path, reason) in failed)
        {
            Assert.Equal(("failed", reason), log[path]);
            Assert.Contains($"FAILED {path}: {reason}", stderr, StringComparison.Ordinal);
        }
        foreach (var (path, target) in new[] { (aToB, "../b"), (bToA, "../a") })
            Assert.Equal(("skipped", $"skipped: symbolic link to a folder ({target}) is not followed; import its target directly"), log[path]);
        // The link inside and its target hold one content: added under whichever was written first, known by both.
        var pair = new[] { insideLink, real };
        var owner = Assert.Single(pair, path => log[path] == ("added", null));
        Assert.Equal(("unchanged", $"same content as {owner}"), log[pair.Single(path => path != owner)]);
        Assert.Equal(good.Length + pair.Length + failed.Count + 2, log.Count); // nothing else, and nothing from inside the locked folder

        using var store = IndexStore.Open(index);
        Assert.Equal(good.Append(owner).Order(StringComparer.Ordinal), store.AllRecords().Select(r => r.Source.Path).Distinct().Order(StringComparer.Ordinal));
    }

    [PermissionFact]
    public void A_folder_that_can_no_longer_be_read_keeps_its_records_while_a_deleted_file_goes()
    {
        File.SetUnixFileMode(_root, Searchable);
        var seeds = Seeds;
        var council = Folder(_root, "council");
        var kept = Seed(seeds[0], Folder(council, "share"), "000.txt");
        var deleted = Seed(seeds[1], council, "001.txt");
        Seed(seeds[2], council, "002.txt");
        var results = Folder(_root, "results");
        File.SetUnixFileMode(results, Shared);
        var index = Path.Combine(results, "index");
        (int? Code, string Output, string Errors) Import() =>
            UnprivilegedUser.Run(UnprivilegedUser.Start("dotnet", [UnprivilegedUser.Cli, "import", council, "--index", index, "--jobs", "1"], results), TimeSpan.FromMinutes(3));
        Assert.Equal(0, Import().Code);

        File.SetUnixFileMode(Path.Combine(council, "share"), Private); // as if the share were unmounted or its rights withdrawn
        _locked.Add(Path.Combine(council, "share"));
        File.Delete(deleted);
        var (code, stdout, stderr) = Import();
        output.WriteLine($"exit {code}\n{stdout}\n{stderr}");

        Assert.Equal(3, code); // the folder that could not be listed is a failure, named
        Assert.Contains($"FAILED {Path.Combine(council, "share")}: cannot list folder: ", stderr, StringComparison.Ordinal);
        Assert.Contains($"removed {deleted} (gone from disk)", stdout, StringComparison.Ordinal);
        Assert.Contains("kept 1 indexed file(s) this import did not find, because their folder or zip could not be walked", stderr, StringComparison.Ordinal);
        using var store = IndexStore.Open(index);
        var paths = store.AllRecords().Select(r => r.Source.Path).ToList();
        Assert.Contains(kept, paths);
        Assert.DoesNotContain(deleted, paths);
    }
}

/// <summary>Makes the special files of the hostile-input tests.</summary>
internal static class SpecialFiles
{
    /// <summary>A named pipe (FIFO): opening it for reading blocks until a writer opens it.</summary>
    public static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
