using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ingest.Core.Diagnostics;
using Ingest.Import;
using Ingest.Index.Store;
using Ingest.Pipeline;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest import PATH... [--index DIR] [--jobs N] [--log FILE] [--commit-every N] [--synonyms FILE] [--file-timeout T]
/// [--file-memory M] [--in-process]</c>: imports files, folders and zips, parsing them in isolated worker processes
/// (one per job) unless <c>--in-process</c>. Exit codes: 0 all went well; 3 some files failed (each named on stderr and in
/// the log); 1 the import could not run.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Some files could not be imported; the rest were.</summary>
    public const int SomeFilesFailed = 3;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders and .zip archives to import.", Arity = ArgumentArity.OneOrMore };
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var jobs = new Option<int>("--jobs") { Description = "Parallel extraction workers, each with its own parser process (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var log = new Option<string?>("--log") { Description = "JSON Lines log of every file and its outcome (default: import-log.jsonl in the index folder)." };
        var commitEvery = new Option<int>("--commit-every") { Description = "Commit after this many changed files.", DefaultValueFactory = _ => 1000 };
        var synonyms = new Option<string?>("--synonyms") { Description = "Install this synonym file (Solr format) in the index and re-index the stored records with it." };
        var parsing = new ParsingOptions();
        var command = new Command("import", "Import submissions from files, folders and zip archives into the search index.") { paths, index, jobs, log, commitEvery, synonyms };
        parsing.AddTo(command);
        command.SetAction(parse => Run(
            parse.GetValue(paths) ?? [],
            parse.GetValue(index) ?? IndexStore.DefaultDirectory,
            parse.GetValue(jobs),
            parse.GetValue(log),
            parse.GetValue(commitEvery),
            parse.GetValue(synonyms),
            Console.Out,
            Console.Error,
            parsing.Read(parse)));
        return command;
    }

    /// <summary>Runs the import; <paramref name="parsing"/> defaults to in-process parsing (the command line's default is isolated).</summary>
    internal static int Run(IReadOnlyList<string> paths, string indexDirectory, int jobs, string? logPath, int commitEvery, string? synonymFile,
        TextWriter output, TextWriter errors, ParsingSettings? parsing = null)
    {
        if (jobs < 1 || commitEvery < 1)
        {
            errors.WriteLine("--jobs and --commit-every must be at least 1");
            return 1;
        }
        IndexStore store;
        try
        {
            store = IndexStore.Open(indexDirectory);
            if (synonymFile is not null)
            {
                store = store.InstallSynonyms(synonymFile);
                output.WriteLine(ConsoleText.Line($"synonyms: {synonymFile} installed in {store.DirectoryPath}; stored records re-indexed"));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.WriteLine(ConsoleText.Line($"{indexDirectory}: cannot open the index: {e.Message}"));
            return 1;
        }
        using (store)
        {
            logPath ??= Path.Combine(indexDirectory, "import-log.jsonl");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
            using var log = new StreamWriter(logPath, append: true, new UTF8Encoding(false)) { AutoFlush = true };
            var total = BulkImporter.CountFiles(paths);
            var extractor = (parsing ?? ParsingSettings.InThisProcess).CreateExtractor(workers: jobs);
            using var parsers = extractor as IDisposable;
            var importer = new BulkImporter(store, extractor, new BulkImportOptions { Jobs = jobs, CommitEveryFiles = commitEvery });
            var live = output == Console.Out && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            var failures = live && errors == Console.Error && !Console.IsErrorRedirected ? new AboveProgressWriter(AnsiConsole.Console) : errors;
            var progress = new ImportProgress(total, output, failures);

            BulkImportSummary summary;
            try
            {
                if (live)
                {
                    summary = AnsiConsole.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                        .Start(context =>
                        {
                            var task = context.AddTask("importing", maxValue: Math.Max(1, total));
                            return importer.Import(paths, outcome =>
                            {
                                progress.Record(outcome, log);
                                task.MaxValue = Math.Max(task.MaxValue, progress.Done);
                                task.Value = progress.Done;
                                task.Description = $"{progress.Done:N0}/{Math.Max(total, progress.Done):N0} files";
                            });
                        });
                }
                else
                {
                    summary = importer.Import(paths, outcome =>
                    {
                        progress.Record(outcome, log);
                        progress.MaybePrintLine();
                    });
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Lucene.Net.Store.LockObtainFailedException)
            {
                errors.WriteLine(ConsoleText.Line($"{indexDirectory}: import stopped: {e.Message}"));
                return 1;
            }

            progress.PrintSkipped(logPath);
            if (summary.Upgraded > 0)
                output.WriteLine($"index upgraded to schema {IndexStore.SchemaVersion}: {summary.Upgraded} stored submission(s) re-indexed from their stored records");
            var seconds = Math.Max(0.001, summary.Elapsed.TotalSeconds);
            output.WriteLine(ConsoleText.Line(
                $"imported {summary.Imported}, unchanged {summary.Unchanged}, replaced {summary.Replaced}, failed {summary.Failed}, skipped {summary.Skipped} in {summary.Elapsed.TotalSeconds:F1} s ({summary.Files / seconds:F1} files/s, {summary.Bytes / 1048576.0 / seconds:F2} MB/s); log: {logPath}"));
            return summary.Failed > 0 ? SomeFilesFailed : 0;
        }
    }

    /// <summary>Counts, rate and ETA for plain output, the failure lines, and the JSON Lines log.</summary>
    private sealed class ImportProgress(int total, TextWriter output, TextWriter errors)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastLine = TimeSpan.Zero;
        private int _doneAtLastLine;
        private readonly Dictionary<string, int> _skippedByReason = new(StringComparer.Ordinal);

        public int Done { get; private set; }

        public void Record(FileOutcome outcome, TextWriter log)
        {
            if (!outcome.Skipped)
                Done++;
            log.WriteLine(JsonSerializer.Serialize(new
            {
                path = outcome.Path,
                outcome = outcome.Skipped ? "skipped" : outcome.Outcome.ToString().ToLowerInvariant(),
                submissions = outcome.Submissions,
                sha256 = outcome.Sha256,
                message = outcome.Message,
            }));
            if (outcome.Outcome == ImportOutcome.Failed && !outcome.Skipped)
                errors.WriteLine(ConsoleText.Line($"FAILED {outcome.Path}: {outcome.Message}"));
            else if (outcome.Skipped)
                _skippedByReason[SkipReason(outcome)] = _skippedByReason.GetValueOrDefault(SkipReason(outcome)) + 1;
        }

        /// <summary>
        /// Skipped files are noted once per reason at the end, not one line each: an archive holds thousands of
        /// spreadsheets and images, and a line per file would bury the failures. The log names every one.
        /// </summary>
        public void PrintSkipped(string logPath)
        {
            foreach (var (reason, count) in _skippedByReason.OrderByDescending(pair => pair.Value))
                errors.WriteLine(ConsoleText.Line($"skipped {count:N0} file(s): {reason} (each is named in {logPath})"));
        }

        private static string SkipReason(FileOutcome outcome) =>
            outcome.Message is { } message && message.StartsWith("skipped: ", StringComparison.Ordinal) ? message["skipped: ".Length..] : outcome.Message ?? "skipped";

        public void MaybePrintLine()
        {
            // A skipped file does not move the count, so it has nothing new to say: once the count reached the total, every
            // skip after it repeated the last line.
            if (Done == _doneAtLastLine || (_clock.Elapsed - _lastLine < TimeSpan.FromSeconds(2) && Done != total))
                return;
            _lastLine = _clock.Elapsed;
            _doneAtLastLine = Done;
            var rate = Done / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
            var eta = rate > 0 && total > Done ? TimeSpan.FromSeconds((total - Done) / rate) : TimeSpan.Zero;
            // A nested zip is counted as one file before it is opened, so the count can grow past the estimate.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Done:N0}/{Math.Max(total, Done):N0} files, {rate:F1} files/s, ETA {eta:hh\\:mm\\:ss}"));
        }
    }
}
