using System.Reflection;

namespace Ingest.Extraction.Labels;

/// <summary>
/// The words form labels are made of (<c>Data/label-vocabulary.tsv</c>, with the public sources it was built from): head
/// nouns and what they mean, the parties a label can speak of, the words that name an arrangement, data and obligations.
/// Immutable and thread-safe.
/// </summary>
public sealed class LabelVocabulary
{
    private const string DefaultResource = "Ingest.Extraction.Data.label-vocabulary.tsv";

    private static readonly Lazy<LabelVocabulary> _default = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"embedded resource {DefaultResource} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "label-vocabulary.tsv (embedded)");
    });

    /// <summary>The product's vocabulary, embedded from <c>Data/label-vocabulary.tsv</c>.</summary>
    public static LabelVocabulary Default => _default.Value;

    private LabelVocabulary(
        IReadOnlyList<(string Word, string Meaning)> heads,
        IReadOnlyList<(string Word, string Side)> parties,
        IReadOnlyList<(string Word, string Kind)> kinds,
        IReadOnlyList<string> data, IReadOnlyList<string> obligations, IReadOnlyList<string> causatives)
    {
        Heads = heads.OrderByDescending(h => h.Word.Length).ToArray();
        Parties = parties.OrderByDescending(p => p.Word.Length).ToArray();
        Kinds = kinds.OrderByDescending(k => k.Word.Length).ToArray();
        Data = data;
        Obligations = obligations;
        Causatives = causatives;
    }

    /// <summary>Head nouns, longest first, with their meaning word (<c>period</c>, <c>partner</c>, … or <c>name</c>, <c>scope</c>, …).</summary>
    public IReadOnlyList<(string Word, string Meaning)> Heads { get; }

    /// <summary>Party words, longest first: <c>partner</c> (the other side) or <c>ward</c> (the municipality).</summary>
    public IReadOnlyList<(string Word, string Side)> Parties { get; }

    /// <summary>Words naming an arrangement, longest first, with the sheet kind they name.</summary>
    public IReadOnlyList<(string Word, string Kind)> Kinds { get; }

    /// <summary>Words naming personal data (情報, 項目 …).</summary>
    public IReadOnlyList<string> Data { get; }

    /// <summary>Words of an obligation or measure (遵守, 講じる).</summary>
    public IReadOnlyList<string> Obligations { get; }

    /// <summary>Words putting the measures on the other side (させる, 義務付ける).</summary>
    public IReadOnlyList<string> Causatives { get; }

    /// <summary>Reads a vocabulary table: class TAB word TAB meaning, # comments. A malformed line raises <see cref="FormatException"/> naming it.</summary>
    public static LabelVocabulary Parse(string content, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var heads = new List<(string, string)>();
        var parties = new List<(string, string)>();
        var kinds = new List<(string, string)>();
        var data = new List<string>();
        var obligations = new List<string>();
        var causatives = new List<string>();
        var lineNumber = 0;
        foreach (var raw in content.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var cells = line.Split('\t');
            if (cells.Length < 2 || cells[1].Length == 0)
                throw new FormatException($"{sourceName}:{lineNumber}: expected class TAB word TAB meaning");
            var meaning = cells.Length > 2 ? cells[2].Trim() : string.Empty;
            switch (cells[0])
            {
                case "head": heads.Add((cells[1], meaning)); break;
                case "party": parties.Add((cells[1], meaning)); break;
                case "kind": kinds.Add((cells[1], meaning)); break;
                case "data": data.Add(cells[1]); break;
                case "oblige": obligations.Add(cells[1]); break;
                case "causative": causatives.Add(cells[1]); break;
                default: throw new FormatException($"{sourceName}:{lineNumber}: unknown class '{cells[0]}'");
            }
        }
        return new LabelVocabulary(heads, parties, kinds, data, obligations, causatives);
    }
}
