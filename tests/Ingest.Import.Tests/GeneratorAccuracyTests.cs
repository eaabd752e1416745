using Ingest.Generator;
using Ingest.Generator.Forms;
using Ingest.Pipeline;

namespace Ingest.Import.Tests;

/// <summary>Generated submissions, as text in every layout, as Word forms and as PDFs, extract to their expected records.</summary>
public sealed class GeneratorAccuracyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-gen-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_layout_word_forms_and_pdfs_extract_to_the_expected_record()
    {
        var generator = new SubmissionGenerator(seed: 77);
        var layouts = Enum.GetValues<TextLayout>();
        var wrong = new List<string>();
        var texts = 0;
        // Per four: text, text, Word, PDF; the text files take the three layouts in turn.
        for (var i = 0; i < 48; i++)
        {
            var generated = generator.Next();
            var path = Path.Combine(_root, $"g{i}" + (i % 4) switch { 2 => ".docx", 3 => ".pdf", _ => ".txt" });
            switch (i % 4)
            {
                case 2:
                    DocxFixtureWriter.Write(path, FixtureLayout.Blocks(generated));
                    break;
                case 3:
                    PdfFixtureWriter.Write(path, FixtureLayout.Blocks(generated));
                    break;
                default:
                    File.WriteAllText(path, SubmissionWriter.Write(generated, layouts[texts++ % layouts.Length]));
                    break;
            }
            var extraction = IngestPipeline.Default.ExtractFile(path);
            Assert.True(extraction.Succeeded, $"{path}: {extraction.Error}");
            wrong.AddRange(RecordComparer.Compare(generated.Expected, extraction.Submissions)
                .Where(c => !c.Correct).Select(c => $"{Path.GetFileName(path)} {c.Field}: «{c.Expected}» ≠ «{c.Actual}»"));
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void An_extra_submission_sheet_or_checklist_is_a_mismatch()
    {
        var expected = new SubmissionGenerator(seed: 78).Next().Expected;
        Assert.NotEmpty(expected.Checklists);
        var found = expected with { Sheets = [.. expected.Sheets, expected.Sheets[0]], Checklists = [.. expected.Checklists, expected.Checklists[0]] };

        var wrong = RecordComparer.Compare(expected, [found, expected]).Where(c => !c.Correct).Select(c => c.Field);

        Assert.Equal(["submissions", "sheets", "checklists"], wrong);
        Assert.All(RecordComparer.Compare(expected, [expected]), c => Assert.True(c.Correct, c.Field));
    }
}
