using System.IO.Compression;
using System.Text;
using Ingest.Generator;

namespace Ingest.Import.Tests;

/// <summary>Writes generated submissions for import tests.</summary>
internal static class Corpus
{
    public static IReadOnlyList<string> WriteText(string folder, int count, int seed)
    {
        Directory.CreateDirectory(folder);
        var generator = new SubmissionGenerator(seed);
        var layouts = Enum.GetValues<TextLayout>();
        var paths = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"s{seed}-{i:D5}.txt");
            File.WriteAllText(path, SubmissionWriter.Write(generator.Next(), layouts[i % layouts.Length]), new UTF8Encoding(false));
            paths.Add(path);
        }
        return paths;
    }

    public static void Zip(string zipPath, IEnumerable<(string Name, byte[] Content)> entries, Encoding? names = null)
    {
        using var zip = new ZipArchive(File.Create(zipPath), ZipArchiveMode.Create, leaveOpen: false, names);
        foreach (var (name, content) in entries)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(content);
        }
    }
}
