using System.Reflection;

namespace Ingest.Index.Analysis;

/// <summary>One group of names that mean the same; <see cref="Canonical"/> is the name reports use.</summary>
public sealed record SynonymGroup(string Canonical, IReadOnlyList<string> Names);

/// <summary>
/// The domain synonyms, read from a file in Solr synonym format: <c>a, b, c</c> (all equivalent, the first canonical)
/// or <c>a, b =&gt; c</c> (a and b are written forms of c). Lines starting with '#' are comments; <c>\,</c> escapes a comma.
/// </summary>
public sealed class SynonymCatalogue
{
    /// <summary>Longest synonym file accepted (chars); the shipped one is a few hundred.</summary>
    public const int MaxFileChars = 1024 * 1024;

    /// <summary>Longest single name accepted (chars).</summary>
    public const int MaxNameChars = 200;

    private const string ResourceName = "Ingest.Index.Analysis.synonyms.txt";

    private SynonymCatalogue(IReadOnlyList<SynonymGroup> groups) => Groups = groups;

    public IReadOnlyList<SynonymGroup> Groups { get; }

    /// <summary>The synonyms that ship with the product (embedded <c>Analysis/synonyms.txt</c>).</summary>
    public static SynonymCatalogue Default { get; } = LoadDefault();

    /// <summary>Reads a synonym file; a malformed line raises <see cref="FormatException"/> naming the file and line.</summary>
    public static SynonymCatalogue Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new FileNotFoundException($"{path}: synonym file not found", path);
        if (info.Length > MaxFileChars * 4L)
            throw new FormatException($"{path}: synonym file too large ({info.Length:N0} bytes)");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses synonym text; <paramref name="sourceName"/> names the source in error messages.</summary>
    public static SynonymCatalogue Parse(string text, string sourceName)
    {
        if (text.Length > MaxFileChars)
            throw new FormatException($"{sourceName}: synonym file too large ({text.Length:N0} chars)");
        var groups = new List<SynonymGroup>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var names = arrow < 0
                ? SplitNames(line)
                : [.. SplitNames(line[(arrow + 2)..]), .. SplitNames(line[..arrow])];
            if (names.Count < 2 || (arrow >= 0 && SplitNames(line[(arrow + 2)..]).Count == 0))
                throw new FormatException($"{sourceName}:{lineNumber}: a synonym line needs at least two names, got \"{line}\"");
            if (names.Any(name => name.Length > MaxNameChars))
                throw new FormatException($"{sourceName}:{lineNumber}: a name is longer than {MaxNameChars} chars");
            groups.Add(new SynonymGroup(names[0], names.Distinct(StringComparer.Ordinal).ToArray()));
        }
        return new SynonymCatalogue(groups);
    }

    private static List<string> SplitNames(string part)
    {
        var names = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '\\' && i + 1 < part.Length)
            {
                current.Append(part[++i]);
                continue;
            }
            if (part[i] == ',')
            {
                AddName(names, current);
                continue;
            }
            current.Append(part[i]);
        }
        AddName(names, current);
        return names;
    }

    private static void AddName(List<string> names, System.Text.StringBuilder current)
    {
        var name = current.ToString().Trim();
        if (name.Length > 0)
            names.Add(name);
        current.Clear();
    }

    private static SynonymCatalogue LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "synonyms.txt (embedded)");
    }
}
