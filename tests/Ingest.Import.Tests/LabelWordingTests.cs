using Ingest.Extraction.Labels;
using Ingest.Generator;
using Ingest.Generator.Forms;
using Ingest.Pipeline;

namespace Ingest.Import.Tests;

/// <summary>
/// The honesty check of label recognition by meaning: the generator's label wordings (Data/label-wordings.tsv) come in a
/// fixed split, the inference was built from one half, and the held-back half must map at least as well — label by label,
/// and in generated documents of every layout, field by field per sheet kind. None of the wordings is in the catalogue, so
/// every one of them is recognised by the inference.
/// </summary>
public sealed class LabelWordingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-wordings-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly string[] Kinds = ["外部結合", "委託", "委任"];

    [Fact]
    public void No_wording_of_either_half_is_in_the_catalogue()
    {
        foreach (var wording in LabelWordings.Shipped.All)
        {
            LabelCatalog.Sheets.Canonicalise(wording.Wording, out var known);
            Assert.False(known, $"{wording.Wording} is in the catalogue: it would be recognised without the inference");
        }
    }

    [Fact]
    public void The_split_is_fixed_even_and_wide()
    {
        var all = LabelWordings.Shipped.All;
        Assert.Equal(all.Count, all.Select(w => (w.Kind, w.Wording)).Distinct().Count());
        foreach (var field in all.GroupBy(w => (w.Kind, w.Field)))
        {
            // Taken in turn as written: build, held, build, …
            Assert.Equal(field.Select((_, i) => i % 2 == 0 ? WordingHalf.Build : WordingHalf.Held), field.Select(w => w.Half));
            Assert.True(field.Count() >= 2, $"{field.Key}: fewer than two wordings");
        }
        // Every field of the three arrangement kinds has wordings (保有課 and 登録業務の名称 for every kind).
        foreach (var kind in Kinds)
        {
            foreach (var field in SheetFields.FieldsOf(kind).Where(f => f != "情報保護対策" || kind == "外部結合"))
                Assert.NotEmpty(LabelWordings.Shipped.For(WordingHalf.Held, kind, field));
        }
        Assert.True(all.Count >= 200);
    }

    [Fact]
    public void The_held_back_half_maps_at_least_as_well_as_the_build_half_label_by_label()
    {
        var build = LabelAccuracy(WordingHalf.Build);
        var held = LabelAccuracy(WordingHalf.Held);
        foreach (var (field, (right, all)) in held)
        {
            var (buildRight, buildAll) = build[field];
            Assert.True((double)right / all >= (double)buildRight / buildAll, $"{field}: held {right}/{all} < build {buildRight}/{buildAll}");
        }
        Assert.True(held.Values.Sum(v => v.Right) * 1.0 / held.Values.Sum(v => v.All) >= build.Values.Sum(v => v.Right) * 1.0 / build.Values.Sum(v => v.All));
    }

    [Fact]
    public void The_held_back_half_maps_at_least_as_well_in_generated_documents_of_every_layout()
    {
        var build = DocumentAccuracy(WordingHalf.Build);
        var held = DocumentAccuracy(WordingHalf.Held);
        Assert.True(held.Values.Sum(v => v.All) > 500, "too few fields checked");
        foreach (var (field, (right, all)) in held)
        {
            if (!build.TryGetValue(field, out var b))
                continue;
            Assert.True((double)right / all >= (double)b.Right / b.All, $"{field}: held {right}/{all} < build {b.Right}/{b.All}");
        }
        double Share(Dictionary<string, (int Right, int All)> a) => a.Values.Sum(v => v.Right) * 1.0 / a.Values.Sum(v => v.All);
        Assert.True(Share(held) >= Share(build), $"held {Share(held):P2} < build {Share(build):P2}");
    }

    /// <summary>Each wording read alone (no value to confirm it), on each kind it is written for: right / all per kind and field.</summary>
    private static Dictionary<string, (int Right, int All)> LabelAccuracy(WordingHalf half)
    {
        var result = new Dictionary<string, (int Right, int All)>();
        foreach (var wording in LabelWordings.Shipped.Half(half))
        {
            foreach (var kind in wording.Kind == LabelWordings.AnyKind ? Kinds : [wording.Kind])
            {
                var resolution = LabelInference.Default.Resolve(LabelKey.Fold(wording.Wording), kind, string.Empty);
                var key = $"{kind} {wording.Field}";
                var (right, all) = result.GetValueOrDefault(key);
                result[key] = (right + (resolution.Field == wording.Field ? 1 : 0), all + 1);
            }
        }
        return result;
    }

    /// <summary>Generated submissions with one half's wordings, in every text layout, as Word forms and PDFs: right / all sheet fields per kind and field.</summary>
    private Dictionary<string, (int Right, int All)> DocumentAccuracy(WordingHalf half)
    {
        var generator = new SubmissionGenerator(seed: 2126, half);
        var layouts = Enum.GetValues<TextLayout>();
        var result = new Dictionary<string, (int Right, int All)>();
        for (var i = 0; i < 60; i++)
        {
            var generated = generator.Next();
            var path = Path.Combine(_root, $"{half}-{i}" + (i % 5) switch { 3 => ".docx", 4 => ".pdf", _ => ".txt" });
            switch (i % 5)
            {
                case 3: DocxFixtureWriter.Write(path, FixtureLayout.Blocks(generated)); break;
                case 4: PdfFixtureWriter.Write(path, FixtureLayout.Blocks(generated)); break;
                default: File.WriteAllText(path, SubmissionWriter.Write(generated, layouts[i % 5])); break;
            }
            var found = IngestPipeline.Default.ExtractFile(path).Submissions;
            var kind = generated.Expected.Sheets[0].Type;
            foreach (var check in RecordComparer.Compare(generated.Expected, found).Where(c => c.Field.StartsWith("sheet.", StringComparison.Ordinal)))
            {
                var key = $"{kind} {check.Field}";
                var (right, all) = result.GetValueOrDefault(key);
                result[key] = (right + (check.Correct ? 1 : 0), all + 1);
            }
        }
        return result;
    }
}
