using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Ingest.Fuzz;

/// <summary>
/// A plain in-process fuzzer for machines or CI runs without AFL: a fixed-seed random generator mutates the seed inputs
/// (bit flips, byte runs, deletions, a slice repeated many times, splices, tokens of the formats) and, for zip-based
/// inputs, the inflated content of one entry before re-zipping, so mutations reach the XML instead of breaking the
/// deflate stream. No coverage feedback: it finds what blind mutation finds, repeatably. Every input runs on its own
/// thread with the default stack (as an import's workers have, so a deep recursion overflows here as it would there, ending
/// the run, with the input left in FINDINGS/last-input) and a time budget; an exception is saved as a crash, a timeout as a hang (which ends the run, since a hung
/// thread cannot be stopped).
/// </summary>
public sealed class MutationFuzzer(string target, Action<byte[]> run, IReadOnlyList<byte[]> seeds, int randomSeed, TimeSpan perInput, string findings)
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "<<", ">>", " obj ", "endobj", "stream\n", "\nendstream", "/FlateDecode", "/Filter", " Do ", "/XObject", "/Form", "beginbfrange",
            "<00000000> <FFFFFFFF>", " R ", "[", "]", "/Resources", "/Contents", "xref", "trailer", "startxref",
            "<w:tbl>", "<w:tr>", "<w:tc>", "<w:p>", "<w:r>", "<w:t>", "</w:t>", "<!DOCTYPE", "&amp;", "&#", "&", "<b>", "**", "|", "---", "\t",
            "\n", "\r\n", "資料", "件名", "令和", "第5回", "から", "年度", "※", "（", "）",
        }.Select(Encoding.UTF8.GetBytes),
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0x00, 0xD8], [0xFF], [0x00],
    ];

    private readonly Random _random = new(randomSeed);

    public sealed record Summary(long Executions, int Crashes, int Hangs, TimeSpan Elapsed, TimeSpan Slowest);

    /// <summary>Runs until <paramref name="budget"/> has passed or <paramref name="maxExecutions"/> inputs have run.</summary>
    public Summary Run(TimeSpan budget, long maxExecutions)
    {
        Directory.CreateDirectory(findings);
        var watch = Stopwatch.StartNew();
        long executions = 0;
        int crashes = 0, hangs = 0;
        var slowest = TimeSpan.Zero;
        var seen = new HashSet<string>();
        while (watch.Elapsed < budget && executions < maxExecutions)
        {
            var input = Mutate(seeds[_random.Next(seeds.Count)]);
            executions++;
            // Kept until the next input: a stack overflow ends the process before anything can be saved.
            File.WriteAllBytes(Path.Combine(findings, "last-input"), input);
            var (error, took) = Execute(input);
            slowest = took > slowest ? took : slowest;
            if (error is null)
                continue;
            var hang = error is TimeoutException;
            // One report per kind of failure: the exception type and the frame it was thrown from.
            if (!seen.Add(hang ? "hang" : $"{error.GetType().FullName} {error.StackTrace?.Split('\n')[0].Trim()}"))
            {
                crashes++;
                continue;
            }
            var name = $"{(hang ? "hang" : "crash")}-{Convert.ToHexStringLower(SHA256.HashData(input))[..16]}";
            File.WriteAllBytes(Path.Combine(findings, name), input);
            Console.WriteLine($"{target}: {(hang ? "hang" : "crash")} after {executions:N0} inputs, saved as {name}: {error.GetType().Name}: {OneLine(error.Message)}");
            Console.WriteLine($"    {OneLine(error.StackTrace ?? string.Empty)[..Math.Min(400, (error.StackTrace ?? string.Empty).Length)]}");
            if (hang)
            {
                hangs++;
                break;
            }
            crashes++;
        }
        return new Summary(executions, crashes, hangs, watch.Elapsed, slowest);
    }

    private (Exception? Error, TimeSpan Took) Execute(byte[] input)
    {
        Exception? error = null;
        var watch = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                run(input);
            }
            catch (Exception e)
            {
                error = e;
            }
        }) { IsBackground = true };
        thread.Start();
        if (!thread.Join(perInput))
            return (new TimeoutException($"still running after {perInput.TotalSeconds:N0} s"), watch.Elapsed);
        return (error, watch.Elapsed);
    }

    private byte[] Mutate(byte[] seed)
    {
        if (IsZip(seed) && _random.Next(2) == 0 && MutateZipEntry(seed) is { } rezipped)
            return rezipped;
        return MutateBytes(seed, 1 + _random.Next(4));
    }

    private byte[] MutateBytes(byte[] seed, int rounds)
    {
        var data = new List<byte>(seed);
        for (var round = 0; round < rounds; round++)
        {
            var at = data.Count == 0 ? 0 : _random.Next(data.Count);
            switch (_random.Next(8))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[at] = (byte)_random.Next(256);
                    break;
                case 2:
                    data.InsertRange(at, Enumerable.Range(0, 1 + _random.Next(16)).Select(_ => (byte)_random.Next(256)));
                    break;
                case 3 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(64)));
                    break;
                case 4 when data.Count > 0:
                    // A slice repeated many times: the shape of every quadratic and exponential case found by hand.
                    var slice = data.GetRange(at, Math.Min(data.Count - at, 1 + _random.Next(8)));
                    var times = _random.Next(4) == 0 ? 1 + _random.Next(20_000) : 1 + _random.Next(64);
                    data.InsertRange(at, Enumerable.Repeat(slice, times).SelectMany(s => s));
                    break;
                case 5:
                    var other = seeds[_random.Next(seeds.Count)];
                    var from = _random.Next(other.Length);
                    data.InsertRange(at, other.Skip(from).Take(1 + _random.Next(256)));
                    break;
                default:
                    data.InsertRange(at, Tokens[_random.Next(Tokens.Length)]);
                    break;
            }
        }
        return data.ToArray();
    }

    /// <summary>Mutates the inflated bytes of one entry and zips the package again; null when the seed is not a readable zip.</summary>
    private byte[]? MutateZipEntry(byte[] seed)
    {
        try
        {
            var entries = new List<(string Name, byte[] Content)>();
            using (var zip = new ZipArchive(new MemoryStream(seed), ZipArchiveMode.Read))
            {
                foreach (var entry in zip.Entries)
                {
                    using var stream = entry.Open();
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    entries.Add((entry.FullName, copy.ToArray()));
                }
            }
            if (entries.Count == 0)
                return null;
            var pick = _random.Next(entries.Count);
            entries[pick] = (entries[pick].Name, MutateBytes(entries[pick].Content, 1 + _random.Next(3)));
            using var output = new MemoryStream();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, content) in entries)
                {
                    using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                    stream.Write(content);
                }
            }
            return output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    private static bool IsZip(byte[] data) => data.Length > 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
