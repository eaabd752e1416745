using System.CommandLine;
using Ingest.Core.Diagnostics;
using Ingest.Core.Records;
using Ingest.Pipeline;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest extract FILE... [--json] [--labels FILE] [--file-timeout T] [--file-memory M] [--in-process]</c>: prints the
/// record contract for each file; one line per file that could not be read, parsed within its budgets, or that crashed
/// its parser. <c>--labels</c> maps labels with a staff label map (labels.csv) as well.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Submission files (text, PDF, DOCX).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the JSON record contract (FIELDS.md): an array with one object per submission." };
        var labels = new Option<string?>("--labels") { Description = "Map labels with this label map too (labels.csv: label, sheet kind, field)." };
        var parsing = new ParsingOptions();
        var command = new Command("extract", "Extract structured records from submission files.") { files, json, labels };
        parsing.AddTo(command);
        command.SetAction(parse => Run(parse.GetValue(files) ?? [], parse.GetValue(json), Console.Out, Console.Error, parse.GetValue(labels), parsing.Read(parse)));
        return command;
    }

    /// <summary>
    /// Extracts each file, in this process unless <paramref name="parsing"/> says otherwise (the command line's default is
    /// one isolated parser process: files are extracted in the order given, and a file that kills it costs only itself);
    /// returns 0 when all were read, 1 when any failed (the others are still printed) or the label map is bad.
    /// </summary>
    internal static int Run(IReadOnlyList<string> paths, bool json, TextWriter output, TextWriter errors, string? labelFile = null, ParsingSettings? parsing = null)
    {
        IFileExtractor extractor;
        try
        {
            extractor = (parsing ?? ParsingSettings.InThisProcess).CreateExtractor(workers: 1, labelFile);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or CsvHelper.CsvHelperException)
        {
            errors.WriteLine(ConsoleText.Escape(e.Message)); // names the label map and the line
            return 1;
        }
        using var parsers = extractor as IDisposable;
        var records = new List<SubmissionRecord>();
        var failed = 0;
        foreach (var path in paths)
        {
            var result = extractor.ExtractFile(path);
            if (!result.Succeeded)
            {
                errors.WriteLine(ConsoleText.Line($"{path}: {result.Error}"));
                failed++;
                continue;
            }
            foreach (var diagnostic in result.Diagnostics)
                errors.WriteLine(ConsoleText.Escape(diagnostic.ToString()));
            records.AddRange(result.Submissions);
        }

        if (json)
            output.WriteLine(RecordJson.Serialize(records));
        else
            RecordSummary.Write(records, output);
        return failed == 0 ? 0 : 1;
    }
}
