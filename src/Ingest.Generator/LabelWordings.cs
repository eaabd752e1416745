using System.Reflection;

namespace Ingest.Generator;

/// <summary>Which of the label wordings a generated corpus writes (see <c>Data/label-wordings.tsv</c>).</summary>
public enum WordingHalf
{
    /// <summary>The half the label inference was built from.</summary>
    Build,
    /// <summary>The held-back half: the honest test of the inference.</summary>
    Held,
}

/// <summary>One wording: the sheet kind it is written on (<c>*</c> for every kind), the canonical field it means, its half.</summary>
public sealed record LabelWording(string Kind, string Field, WordingHalf Half, string Wording);

/// <summary>
/// Label wordings as other sections and eras write the 別紙 labels (<c>Data/label-wordings.tsv</c>), in a fixed split:
/// the build half the inference was written from and the held-back half that tests it. Immutable and thread-safe.
/// </summary>
public sealed class LabelWordings
{
    private const string Resource = "Ingest.Generator.Data.label-wordings.tsv";

    /// <summary>The kind column's word for a field every sheet kind has (保有課, 登録業務の名称).</summary>
    public const string AnyKind = "*";

    private static readonly Lazy<LabelWordings> _all = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded resource {Resource} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    private LabelWordings(IReadOnlyList<LabelWording> all) => All = all;

    /// <summary>Every wording of the shipped table, both halves.</summary>
    public static LabelWordings Shipped => _all.Value;

    public IReadOnlyList<LabelWording> All { get; }

    /// <summary>The wordings of one half.</summary>
    public IReadOnlyList<LabelWording> Half(WordingHalf half) => All.Where(w => w.Half == half).ToArray();

    /// <summary>The wordings of <paramref name="half"/> for a field on a sheet of <paramref name="kind"/> (its own and the every-kind ones).</summary>
    public IReadOnlyList<string> For(WordingHalf half, string kind, string field) =>
        All.Where(w => w.Half == half && w.Field == field && (w.Kind == kind || w.Kind == AnyKind)).Select(w => w.Wording).ToArray();

    /// <summary>Reads the table: kind TAB field TAB half TAB wording, # comments.</summary>
    public static LabelWordings Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var all = new List<LabelWording>();
        var number = 0;
        foreach (var raw in content.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var cells = line.Split('\t');
            if (cells.Length != 4 || !Enum.TryParse<WordingHalf>(cells[2], ignoreCase: true, out var half))
                throw new FormatException($"label-wordings.tsv:{number}: expected kind TAB field TAB build|held TAB wording");
            all.Add(new LabelWording(cells[0], cells[1], half, cells[3]));
        }
        return new LabelWordings(all);
    }
}
