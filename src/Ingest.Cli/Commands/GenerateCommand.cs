using System.CommandLine;
using System.Globalization;
using System.Text;
using Ingest.Core.Records;
using Ingest.Generator;
using Ingest.Generator.Forms;
using Ingest.Pipeline;
using Ingest.Core.Diagnostics;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest generate --out DIR [--count N] [--seed S] [--formats LIST] [--wordings build|held] [--check]</c>: writes realistic
/// submissions with the expected record beside each (<c>NAME.expected.json</c>). <c>--wordings</c> writes sheet labels as
/// other sections and eras word them, from one half of <see cref="LabelWordings"/>. <c>--formats</c> lists <c>text</c>, <c>docx</c>, <c>pdf</c> and <c>xlsx</c>
/// (default <c>text</c>); submission i is written in format i mod n of the list — text files rotate over the text layouts,
/// Word forms and PDFs carry real ruled tables (the PDF is written by <see cref="PdfFixtureWriter"/>, no office suite
/// needed). <c>--check</c> extracts every file and reports field accuracy.
/// </summary>
internal static class GenerateCommand
{
    /// <summary>The formats <c>--formats</c> accepts.</summary>
    internal static readonly IReadOnlyList<string> Formats = ["text", "docx", "pdf", "xlsx"];

    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write into.", Required = true };
        var count = new Option<int>("--count") { Description = "How many submissions.", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same corpus.", DefaultValueFactory = _ => 1 };
        var check = new Option<bool>("--check") { Description = "Extract every written file and report field-by-field accuracy against its expected record." };
        var formats = new Option<string>("--formats")
        {
            Description = "Comma-separated formats to rotate over: text (the text layouts in turn), docx, pdf, xlsx (Excel grid paper, the cover and each 別紙 on worksheets of their own). Submission i gets format i mod n.",
            DefaultValueFactory = _ => "text",
        };
        var wordings = new Option<string?>("--wordings")
        {
            Description = "Write sheet labels as other sections word them, from one half of the label wordings: build (what the label inference was built from) or held (held back to test it).",
        };
        var command = new Command("generate", "Write a generated corpus of submissions (text, Word, PDF) with expected records.") { output, count, seed, formats, wordings, check };
        command.SetAction(parse => Run(parse.GetValue(output)!, parse.GetValue(count), parse.GetValue(seed), parse.GetValue(check), Console.Out, parse.GetValue(formats)!, wordings: parse.GetValue(wordings)));
        return command;
    }

    /// <summary>
    /// Writes the corpus (and checks it with <paramref name="check"/>); returns 0, or 1 when <paramref name="formats"/> names
    /// no known format or <paramref name="wordings"/> no half.
    /// </summary>
    internal static int Run(string folder, int count, int seed, bool check, TextWriter console, string formats = "text", TextWriter? errors = null, string? wordings = null)
    {
        WordingHalf? half = wordings?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "build" => WordingHalf.Build,
            "held" => WordingHalf.Held,
            _ => (WordingHalf)(-1),
        };
        if (half is { } given && !Enum.IsDefined(given))
        {
            (errors ?? Console.Error).WriteLine($"--wordings: unknown half '{wordings}'; use build or held");
            return 1;
        }
        var list = formats.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()).ToArray();
        var unknown = list.Where(f => !Formats.Contains(f)).ToArray();
        if (list.Length == 0 || unknown.Length > 0)
        {
            (errors ?? Console.Error).WriteLine($"--formats: {(list.Length == 0 ? "no format given" : "unknown " + string.Join(", ", unknown))}; use a comma-separated list of {string.Join(", ", Formats)}");
            return 1;
        }
        Directory.CreateDirectory(folder);
        var generator = new SubmissionGenerator(seed, half);
        var layouts = Enum.GetValues<TextLayout>();
        var written = new List<(string Path, string Format, SubmissionRecord Expected)>();
        var texts = 0;
        for (var i = 0; i < count; i++)
        {
            var generated = generator.Next();
            var format = list[i % list.Length];
            string name, path;
            switch (format)
            {
                case "docx":
                    name = $"gen{seed:D3}-{i:D6}-docx";
                    path = Path.Combine(folder, name + ".docx");
                    DocxFixtureWriter.Write(path, FixtureLayout.Blocks(generated));
                    break;
                case "xlsx":
                    name = $"gen{seed:D3}-{i:D6}-xlsx";
                    path = Path.Combine(folder, name + ".xlsx");
                    XlsxFixtureWriter.Write(path, FixtureLayout.Blocks(generated, landscapeSheets: true));
                    break;
                case "pdf":
                    name = $"gen{seed:D3}-{i:D6}-pdf";
                    path = Path.Combine(folder, name + ".pdf");
                    PdfFixtureWriter.Write(path, FixtureLayout.Blocks(generated));
                    break;
                default:
                    // Text files take the layouts in turn among themselves, so every layout is used whatever the mix.
                    var layout = layouts[texts++ % layouts.Length];
                    name = $"gen{seed:D3}-{i:D6}-{layout.ToString().ToLowerInvariant()}";
                    path = Path.Combine(folder, name + (layout == TextLayout.Markdown ? ".md" : ".txt"));
                    File.WriteAllText(path, SubmissionWriter.Write(generated, layout), new UTF8Encoding(false));
                    break;
            }
            File.WriteAllText(Path.Combine(folder, name + ".expected.json"), RecordJson.Serialize(generated.Expected));
            written.Add((path, format, generated.Expected));
        }
        var labelNote = half is { } h ? $", sheet labels from the {h.ToString().ToLowerInvariant()} half of the label wordings" : string.Empty;
        console.WriteLine(ConsoleText.Line($"wrote {count} submissions to {folder}{labelNote}"));
        if (!check)
            return 0;

        var totals = new SortedDictionary<string, (int Right, int All)>(StringComparer.Ordinal);
        // Sheet fields, partners and periods by sheet kind: how well each field's label was recognised where it is written.
        var byKind = new SortedDictionary<string, (int Right, int All)>(StringComparer.Ordinal);
        var byFormat = list.Distinct().ToDictionary(f => f, _ => (Right: 0, All: 0, Files: 0, FilesRight: 0));
        var files = 0;
        var filesAllRight = 0;
        var shown = 0;
        foreach (var (path, format, expected) in written)
        {
            var extraction = IngestPipeline.Default.ExtractFile(path);
            var checks = RecordComparer.Compare(expected, extraction.Submissions);
            var allRight = checks.All(c => c.Correct);
            files++;
            if (allRight)
                filesAllRight++;
            var f = byFormat[format];
            byFormat[format] = (f.Right + checks.Count(c => c.Correct), f.All + checks.Count, f.Files + 1, f.FilesRight + (allRight ? 1 : 0));
            var kind = expected.Sheets.Count > 0 ? expected.Sheets[0].Type : "-";
            foreach (var c in checks)
            {
                if (c.Field.StartsWith("sheet.fields.", StringComparison.Ordinal) || c.Field is "sheet.partners" or "sheet.period.start")
                {
                    var name = $"{kind} {(c.Field.StartsWith("sheet.fields.", StringComparison.Ordinal) ? c.Field["sheet.fields.".Length..] : c.Field)}";
                    var (kindRight, kindAll) = byKind.GetValueOrDefault(name);
                    byKind[name] = (kindRight + (c.Correct ? 1 : 0), kindAll + 1);
                }
                if (!c.Correct && shown++ < 5)
                    console.WriteLine(ConsoleText.Line($"  mismatch {Path.GetFileName(path)} {c.Field}: expected «{c.Expected}» got «{c.Actual}»"));
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
        console.WriteLine("  by sheet kind and field:");
        var widest = byKind.Keys.Select(Ingest.Reports.Export.ReportColumns.DisplayWidth).DefaultIfEmpty(0).Max();
        foreach (var (field, (right, all)) in byKind)
        {
            var pad = new string(' ', widest - Ingest.Reports.Export.ReportColumns.DisplayWidth(field));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {field}{pad} {right,6}/{all,-6} {100.0 * right / all,7:F2}%"));
        }
        if (byFormat.Count > 1)
        {
            foreach (var (format, f) in byFormat.Where(p => p.Value.Files > 0))
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  format {format,-21} {f.Right,6}/{f.All,-6} {100.0 * f.Right / Math.Max(1, f.All),7:F2}%  ({f.FilesRight}/{f.Files} files entirely right)"));
        }
        return 0;
    }
}
