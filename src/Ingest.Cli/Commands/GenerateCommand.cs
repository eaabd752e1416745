using System.CommandLine;
using System.Globalization;
using System.Text;
using Ingest.Core.Records;
using Ingest.Generator;
using Ingest.Generator.Forms;
using Ingest.Pipeline;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest generate --out DIR [--count N] [--seed S] [--docx] [--check]</c>: writes realistic submissions in every text
/// layout (and, with <c>--docx</c>, every fourth one as a Word form with real tables) with the expected record beside each
/// (<c>NAME.expected.json</c>); <c>--check</c> extracts them and reports field accuracy. PDF versions come from the DOCX
/// through LibreOffice (tools/fixtures/make-fixtures.sh shows the conversion).
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write into.", Required = true };
        var count = new Option<int>("--count") { Description = "How many submissions.", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same corpus.", DefaultValueFactory = _ => 1 };
        var check = new Option<bool>("--check") { Description = "Extract every written file and report field-by-field accuracy against its expected record." };
        var docx = new Option<bool>("--docx") { Description = "Write every fourth submission as a Word document with real tables instead of text." };
        var command = new Command("generate", "Write a generated corpus of submissions with expected records.") { output, count, seed, check, docx };
        command.SetAction(parse => Run(parse.GetValue(output)!, parse.GetValue(count), parse.GetValue(seed), parse.GetValue(check), Console.Out, parse.GetValue(docx)));
        return command;
    }

    internal static int Run(string folder, int count, int seed, bool check, TextWriter console, bool docx = false)
    {
        Directory.CreateDirectory(folder);
        var generator = new SubmissionGenerator(seed);
        var layouts = Enum.GetValues<TextLayout>();
        var written = new List<(string Path, SubmissionRecord Expected)>();
        for (var i = 0; i < count; i++)
        {
            var generated = generator.Next();
            string name, path;
            if (docx && i % 4 == 3)
            {
                name = $"gen{seed:D3}-{i:D6}-docx";
                path = Path.Combine(folder, name + ".docx");
                DocxFixtureWriter.Write(path, FixtureLayout.Blocks([generated.Expected]));
            }
            else
            {
                var layout = layouts[i % layouts.Length];
                name = $"gen{seed:D3}-{i:D6}-{layout.ToString().ToLowerInvariant()}";
                path = Path.Combine(folder, name + (layout == TextLayout.Markdown ? ".md" : ".txt"));
                File.WriteAllText(path, SubmissionWriter.Write(generated, layout), new UTF8Encoding(false));
            }
            File.WriteAllText(Path.Combine(folder, name + ".expected.json"), RecordJson.Serialize(generated.Expected));
            written.Add((path, generated.Expected));
        }
        console.WriteLine($"wrote {count} submissions to {folder}");
        if (!check)
            return 0;

        var totals = new SortedDictionary<string, (int Right, int All)>(StringComparer.Ordinal);
        var files = 0;
        var filesAllRight = 0;
        var shown = 0;
        foreach (var (path, expected) in written)
        {
            var extraction = IngestPipeline.Default.ExtractFile(path);
            var checks = RecordComparer.Compare(expected, extraction.Submissions.FirstOrDefault());
            files++;
            if (checks.All(c => c.Correct))
                filesAllRight++;
            foreach (var c in checks)
            {
                if (!c.Correct && shown++ < 5)
                    console.WriteLine($"  mismatch {Path.GetFileName(path)} {c.Field}: expected «{c.Expected}» got «{c.Actual}»");
                var key = c.Field.StartsWith("sheet.fields.", StringComparison.Ordinal) ? "sheet.fields" : c.Field.StartsWith("overview.", StringComparison.Ordinal) ? "overview" : c.Field;
                var (right, all) = totals.GetValueOrDefault(key);
                totals[key] = (right + (c.Correct ? 1 : 0), all + 1);
            }
        }
        var fieldsRight = totals.Values.Sum(t => t.Right);
        var fieldsAll = totals.Values.Sum(t => t.All);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accuracy: {fieldsRight}/{fieldsAll} fields ({100.0 * fieldsRight / Math.Max(1, fieldsAll):F2}%), {filesAllRight}/{files} files entirely right"));
        foreach (var (field, (right, all)) in totals)
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {field,-28} {right,6}/{all,-6} {100.0 * right / all,7:F2}%"));
        return 0;
    }
}
