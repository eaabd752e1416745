using System.CommandLine;
using Ingest.Core.Diagnostics;
using Ingest.Core.Records;
using Ingest.Pipeline;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest extract FILE... [--json] [--file-timeout T] [--file-memory M] [--in-process]</c>: prints the record contract
/// for each file; one line per file that could not be read, parsed within its budgets, or that crashed its parser.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Submission files (text, PDF, DOCX).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the JSON record contract (FIELDS.md): an array with one object per submission." };
        var parsing = new ParsingOptions();
        var command = new Command("extract", "Extract structured records from submission files.") { files, json };
        parsing.AddTo(command);
        command.SetAction(parse =>
        {
            // One parser process: files are extracted in the order given, and a file that kills it costs only itself.
            var extractor = parsing.Read(parse).CreateExtractor(workers: 1);
            using (extractor as IDisposable)
                return Run(parse.GetValue(files) ?? [], parse.GetValue(json), Console.Out, Console.Error, extractor);
        });
        return command;
    }

    /// <summary>
    /// Extracts each file (in this process unless <paramref name="extractor"/> says otherwise); returns 0 when all were
    /// read, 1 when any failed (the others are still printed).
    /// </summary>
    internal static int Run(IReadOnlyList<string> paths, bool json, TextWriter output, TextWriter errors, IFileExtractor? extractor = null)
    {
        extractor ??= IngestPipeline.Default;
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
