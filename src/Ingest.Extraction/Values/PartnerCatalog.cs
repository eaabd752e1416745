using System.Text;
using System.Text.RegularExpressions;
using Ingest.Core.Normalisation;

namespace Ingest.Extraction.Values;

/// <summary>
/// Canonical names of partner bodies and the other ways documents write them (J-LIS, Ｊ－ＬＩＳ → 地方公共団体情報システム機構),
/// read from an editable table (<c>Data/partner-aliases.tsv</c>: canonical TAB alias, # comments). Immutable and thread-safe.
/// </summary>
public sealed partial class PartnerCatalog
{
    /// <summary>Largest alias file read.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    private const string DefaultResource = "Ingest.Extraction.Data.partner-aliases.tsv";

    private static readonly Lazy<PartnerCatalog> _default = new(LoadDefault);

    // Match key (see MatchKey) → canonical name.
    private readonly Dictionary<string, string> _byKey;

    private PartnerCatalog(Dictionary<string, string> byKey, IReadOnlyList<string> canonicalNames)
    {
        _byKey = byKey;
        CanonicalNames = canonicalNames;
    }

    /// <summary>The product's table, embedded from <c>Data/partner-aliases.tsv</c>.</summary>
    public static PartnerCatalog Default => _default.Value;

    /// <summary>A catalogue that knows no names: every name stays as written (cleaned).</summary>
    public static PartnerCatalog Empty { get; } = new(new Dictionary<string, string>(), []);

    /// <summary>The canonical names, in file order.</summary>
    public IReadOnlyList<string> CanonicalNames { get; }

    /// <summary>Reads an alias table from a file; a malformed line raises <see cref="InvalidDataException"/> naming the file and line.</summary>
    public static PartnerCatalog Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new FileNotFoundException($"{path}: partner alias table not found", path);
        if (info.Length > MaxFileBytes)
            throw new InvalidDataException($"{path}: partner alias table is larger than {MaxFileBytes} bytes");
        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Reads an alias table from its text; <paramref name="sourceName"/> names it in errors.</summary>
    public static PartnerCatalog Parse(string content, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        var canonical = new List<string>();
        var lineNumber = 0;
        foreach (var rawLine in content.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            var hash = line.IndexOf('#');
            if (hash >= 0)
                line = line[..hash];
            if (line.Trim().Length == 0)
                continue;
            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
                throw new InvalidDataException($"{sourceName} line {lineNumber}: expected 'canonical<TAB>alias', got '{rawLine.TrimEnd('\r')}'");
            var name = DefinedTerms.Key(parts[0]);
            var alias = parts[1];
            if (!canonical.Contains(name))
            {
                canonical.Add(name);
                byKey.TryAdd(MatchKey(name), name);
            }
            var aliasKey = MatchKey(alias);
            if (byKey.TryGetValue(aliasKey, out var existing) && existing != name)
                throw new InvalidDataException($"{sourceName} line {lineNumber}: alias '{alias.Trim()}' already means '{existing}'");
            byKey[aliasKey] = name;
        }
        return new PartnerCatalog(byKey, canonical.AsReadOnly());
    }

    /// <summary>
    /// The canonical form of one partner name: cleaned, parentheticals and the spaces PDF layout puts inside names removed
    /// (株式会社DNP データテクノ → 株式会社DNPデータテクノ; a space between Latin words stays: Amazon Web Services, Inc.), then looked up in the
    /// table; failing that, a term the document defined (機構 → 地方公共団体情報システム機構) is resolved and looked up
    /// again. Unknown names come back cleaned, as written.
    /// </summary>
    public string Canonicalise(string name, DefinedTerms terms)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(terms);
        var cleaned = Tidy(name);
        if (cleaned.Length == 0)
            return cleaned;
        if (Lookup(cleaned) is { } known)
            return known;
        if (terms.Resolve(cleaned) is { } meaning)
        {
            var tidyMeaning = Tidy(meaning);
            return Lookup(tidyMeaning) ?? tidyMeaning;
        }
        return cleaned;
    }

    /// <summary>Whether the name (after tidying) is a canonical name or an alias in this catalogue.</summary>
    public bool IsKnown(string name) => Lookup(Tidy(name ?? "")) is not null;

    private string? Lookup(string tidy) => _byKey.TryGetValue(MatchKey(tidy), out var canonical) ? canonical : null;

    /// <summary>Clean, drop parentheticals, drop spaces inside the name except between two ASCII characters (Latin words).</summary>
    internal static string Tidy(string name)
    {
        var cleaned = TextNormaliser.Clean(name).Replace('\n', ' ');
        var withoutNotes = Parenthetical().Replace(DefinitionNote().Replace(cleaned, " "), " ").Trim();
        if (withoutNotes.Length == 0)
            withoutNotes = cleaned.Trim(); // a name that is all parenthesis: keep what was written
        var builder = new StringBuilder(withoutNotes.Length);
        for (var i = 0; i < withoutNotes.Length; i++)
        {
            var c = withoutNotes[i];
            if (c == ' ')
            {
                var before = builder.Length > 0 ? builder[^1] : ' ';
                var after = i + 1 < withoutNotes.Length ? withoutNotes[i + 1] : ' ';
                if (before is > ' ' and < '\x7F' && after is > ' ' and < '\x7F')
                    builder.Append(' ');
                continue;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>The comparison form: folded key, old forms folded, Latin letters upper-case.</summary>
    private static string MatchKey(string name) =>
        TextNormaliser.FoldVariants(TextNormaliser.FoldKey(name)).ToUpperInvariant();

    private static PartnerCatalog LoadDefault()
    {
        using var stream = typeof(PartnerCatalog).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"embedded resource {DefaultResource} is missing from {typeof(PartnerCatalog).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), "partner-aliases.tsv (embedded)");
    }

    /// <summary>A definition note, also the broken (以下「J-LIS)という。) form whose quote was lost.</summary>
    [GeneratedRegex(@"\(\s*以下.*?という[。.]?\s*\)?", RegexOptions.NonBacktracking)]
    internal static partial Regex DefinitionNote();

    // Innermost-first is not needed: names hold at most one level, and an unclosed bracket runs to the end of the name.
    [GeneratedRegex(@"\([^()]*\)?|（[^（）]*）?", RegexOptions.NonBacktracking)]
    private static partial Regex Parenthetical();
}
