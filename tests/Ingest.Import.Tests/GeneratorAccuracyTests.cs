using Ingest.Generator;
using Ingest.Generator.Forms;
using Ingest.Pipeline;

namespace Ingest.Import.Tests;

/// <summary>Generated submissions, as text in every layout and as Word forms, extract to their expected records.</summary>
public sealed class GeneratorAccuracyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-gen-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_layout_and_word_forms_extract_to_the_expected_record()
    {
        var generator = new SubmissionGenerator(seed: 77);
        var layouts = Enum.GetValues<TextLayout>();
        var wrong = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var generated = generator.Next();
            var path = Path.Combine(_root, $"g{i}" + (i % 4 == 3 ? ".docx" : ".txt"));
            if (i % 4 == 3)
                DocxFixtureWriter.Write(path, FixtureLayout.Blocks([generated.Expected]));
            else
                File.WriteAllText(path, SubmissionWriter.Write(generated, layouts[i % layouts.Length]));
            var extraction = IngestPipeline.Default.ExtractFile(path);
            Assert.True(extraction.Succeeded, $"{path}: {extraction.Error}");
            wrong.AddRange(RecordComparer.Compare(generated.Expected, extraction.Submissions.Single())
                .Where(c => !c.Correct).Select(c => $"{Path.GetFileName(path)} {c.Field}: «{c.Expected}» ≠ «{c.Actual}»"));
        }
        Assert.Empty(wrong);
    }
}
