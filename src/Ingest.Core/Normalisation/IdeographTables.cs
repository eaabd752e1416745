using System.Globalization;
using System.Reflection;

namespace Ingest.Core.Normalisation;

/// <summary>
/// The embedded character tables: radicals → unified ideographs (Unicode's EquivalentUnifiedIdeograph.txt), the few
/// radicals Japanese fonts draw as another ideograph (radical-japanese-forms.txt, for PDF text) and old/variant forms →
/// modern forms (a curated list). Loaded once, read-only.
/// </summary>
internal static class IdeographTables
{
    private const string ResourcePrefix = "Ingest.Core.Normalisation.Data.";

    private static readonly Lazy<IReadOnlyDictionary<int, int>> _equivalents =
        new(() => Load("equivalent-ideographs.txt", ParseHexPair));

    private static readonly Lazy<IReadOnlyDictionary<int, int>> _japaneseRadicalForms =
        new(() => Load("radical-japanese-forms.txt", ParseHexPair));

    private static readonly Lazy<IReadOnlyDictionary<int, int>> _variants =
        new(() => Load("variant-forms.txt", ParseCharPair));

    /// <summary>Radical code point → unified ideograph code point.</summary>
    public static IReadOnlyDictionary<int, int> Equivalents => _equivalents.Value;

    /// <summary>Radical code point → the unified ideograph Japanese fonts draw for it, where that is not <see cref="Equivalents"/>' answer.</summary>
    public static IReadOnlyDictionary<int, int> JapaneseRadicalForms => _japaneseRadicalForms.Value;

    /// <summary>Variant ideograph code point → modern form code point.</summary>
    public static IReadOnlyDictionary<int, int> Variants => _variants.Value;

    private static Dictionary<int, int> Load(string name, Func<string, (int From, int To)?> parse)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"embedded resource {ResourcePrefix + name} is missing from Ingest.Core");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<int, int>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var content = line.Split('#', 2)[0].Trim();
            if (content.Length == 0)
                continue;
            var pair = parse(content)
                ?? throw new InvalidDataException($"{name} line {lineNumber}: cannot read '{line}'");
            map.TryAdd(pair.From, pair.To);
        }
        return map;
    }

    private static (int, int)? ParseHexPair(string content)
    {
        var parts = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var from)
            || !int.TryParse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var to))
            return null;
        return (from, to);
    }

    private static (int, int)? ParseCharPair(string content)
    {
        var parts = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
            return null;
        var from = SingleCodePoint(parts[0]);
        var to = SingleCodePoint(parts[1]);
        return from is null || to is null ? null : (from.Value, to.Value);
    }

    private static int? SingleCodePoint(string s) =>
        s.Length == 1 && !char.IsSurrogate(s[0]) ? s[0]
        : s.Length == 2 && char.IsSurrogatePair(s[0], s[1]) ? char.ConvertToUtf32(s[0], s[1])
        : null;
}
