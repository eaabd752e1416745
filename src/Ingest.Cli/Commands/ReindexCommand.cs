using System.CommandLine;
using System.Globalization;
using Ingest.Import;
using Ingest.Index.Store;
using Ingest.Pipeline;
using Ingest.Pipeline.Labels;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest reindex [--index DIR] [--labels FILE] [--jobs N] [--wait] [--file-timeout T] [--file-memory M] [--in-process]</c>: re-extracts every stored submission from its source
/// file (or, when the source is gone or changed, maps its stored labels again) with the index's label map, so a new
/// mapping takes effect without a fresh import. <c>--labels</c> installs a label map first. Exit codes as for import:
/// 0 all went well, 3 some files failed (their old records stay), 1 the reindex could not run.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var labels = new Option<string?>("--labels") { Description = "Install this label map (labels.csv: label, sheet kind, field) in the index first." };
        var jobs = new Option<int>("--jobs") { Description = "Parallel extraction workers (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var wait = new Option<bool>("--wait") { Description = IndexWriting.WaitDescription };
        var parsing = new ParsingOptions();
        var command = new Command("reindex", "Extract every stored submission again (from its source file, else its stored labels) with the index's label map.") { index, labels, jobs, wait };
        parsing.AddTo(command);
        command.SetAction(parse => Run(parse.GetValue(index) ?? IndexStore.DefaultDirectory, parse.GetValue(labels), parse.GetValue(jobs), Console.Out, Console.Error, parse.GetValue(wait), parsing.Read(parse)));
        return command;
    }

    internal static int Run(string indexDirectory, string? labelFile, int jobs, TextWriter output, TextWriter errors, bool wait = false, ParsingSettings? parsing = null)
    {
        if (jobs < 1)
        {
            errors.WriteLine("--jobs must be at least 1");
            return 1;
        }
        if (IndexFolder.Refuse(indexDirectory, errors) is { } refused)
            return refused;
        // The label map is installed under the writer lock too: an import running now reads it.
        IndexWriterLock? writerLock;
        try
        {
            writerLock = IndexWriting.Take(indexDirectory, wait, errors);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"{indexDirectory}: cannot open the index: {e.Message}");
            return 1;
        }
        if (writerLock is null)
            return IndexWriting.IndexBusy;
        using (writerLock)
            return Run(indexDirectory, labelFile, jobs, output, errors, parsing ?? ParsingSettings.InThisProcess, writerLock);
    }

    private static int Run(string indexDirectory, string? labelFile, int jobs, TextWriter output, TextWriter errors, ParsingSettings parsing, IndexWriterLock writerLock)
    {
        Extraction.Labels.LabelMap map;
        try
        {
            if (labelFile is not null)
            {
                map = LabelMapFile.Install(labelFile, indexDirectory);
                output.WriteLine($"labels: {labelFile} installed in {Path.GetFullPath(indexDirectory)} ({map.Count} mapping(s))");
            }
            else
            {
                map = LabelMapFile.ForIndex(indexDirectory);
            }
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or CsvHelper.CsvHelperException)
        {
            errors.WriteLine(e.Message);
            return 1;
        }
        try
        {
            using var store = IndexStore.Open(indexDirectory);
            var extractor = parsing.CreateExtractor(workers: jobs, LabelMapFile.PathForIndex(indexDirectory));
            using var parsers = extractor as IDisposable;
            var reindexer = new Reindexer(store, IngestPipeline.Default.WithLabels(map), jobs, extractor);
            var summary = reindexer.Run(file =>
            {
                if (file.Outcome == ReindexOutcome.Failed)
                    errors.WriteLine($"FAILED {file.Path}: {file.Message}");
                else if (file.Outcome == ReindexOutcome.Remapped)
                    output.WriteLine($"re-mapped {file.Path}: {file.Message}");
            }, writerLock);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reindexed {summary.Files} file(s), {summary.Submissions} submission(s): {summary.Reextracted} re-extracted from their source files, " +
                $"{summary.Remapped} re-mapped from their stored records, {summary.Failed} failed, in {summary.Elapsed.TotalSeconds:F1} s"));
            output.WriteLine($"unknown labels: {summary.UnknownBefore} before, {summary.UnknownAfter} after (`ingest labels --unknown` lists them)");
            return summary.Failed > 0 ? ImportCommand.SomeFilesFailed : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Lucene.Net.Store.LockObtainFailedException)
        {
            errors.WriteLine($"{indexDirectory}: reindex stopped: {e.Message}");
            return 1;
        }
    }
}
