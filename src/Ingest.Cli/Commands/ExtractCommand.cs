using System.CommandLine;
using Ingest.Core.Records;
using Ingest.Pipeline;
using Ingest.Pipeline.Labels;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest extract FILE... [--json] [--labels FILE]</c>: prints the record contract for each file; one line per unreadable
/// file. <c>--labels</c> maps labels with a staff label map (labels.csv) as well.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Submission files (text, PDF, DOCX).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the JSON record contract (FIELDS.md): an array with one object per submission." };
        var labels = new Option<string?>("--labels") { Description = "Map labels with this label map too (labels.csv: label, sheet kind, field)." };
        var command = new Command("extract", "Extract structured records from submission files.") { files, json, labels };
        command.SetAction(parse => Run(parse.GetValue(files) ?? [], parse.GetValue(json), Console.Out, Console.Error, parse.GetValue(labels)));
        return command;
    }

    /// <summary>Extracts each file; returns 0 when all were read, 1 when any failed (the others are still printed) or the label map is bad.</summary>
    internal static int Run(IReadOnlyList<string> paths, bool json, TextWriter output, TextWriter errors, string? labelFile = null)
    {
        var pipeline = IngestPipeline.Default;
        if (labelFile is not null)
        {
            try
            {
                pipeline = pipeline.WithLabels(LabelMapFile.Load(labelFile));
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or CsvHelper.CsvHelperException)
            {
                errors.WriteLine(e.Message);
                return 1;
            }
        }
        var records = new List<SubmissionRecord>();
        var failed = 0;
        foreach (var path in paths)
        {
            var result = pipeline.ExtractFile(path);
            if (!result.Succeeded)
            {
                errors.WriteLine($"{path}: {result.Error}");
                failed++;
                continue;
            }
            foreach (var diagnostic in result.Diagnostics)
                errors.WriteLine(diagnostic.ToString());
            records.AddRange(result.Submissions);
        }

        if (json)
            output.WriteLine(RecordJson.Serialize(records));
        else
            RecordSummary.Write(records, output);
        return failed == 0 ? 0 : 1;
    }
}
