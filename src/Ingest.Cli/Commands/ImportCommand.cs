using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ingest.Core.Diagnostics;
using Ingest.Import;
using Ingest.Index.Store;
using Ingest.Pipeline;
using Ingest.Pipeline.Archives;
using Ingest.Pipeline.Labels;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest import PATH... [--index DIR] [--jobs N] [--log FILE] [--commit-every N] [--synonyms FILE] [--keep-missing] [--dry-run] [--wait] [--follow-links] [--labels FILE]
/// [--file-timeout T] [--file-memory M] [--in-process]</c>: imports files, folders and zips, parsing them in isolated worker
/// processes (one per job) unless <c>--in-process</c>, and removes the records of files gone from them. Exit codes: 0 all
/// went well; 3 some files failed (each named on stderr and in the log); 1 the import could not run; 75 another process is
/// writing the index.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Some files could not be imported; the rest were.</summary>
    public const int SomeFilesFailed = 3;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders and .zip archives to import.", Arity = ArgumentArity.OneOrMore };
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var jobs = new Option<int>("--jobs") { Description = "Parallel extraction workers (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var log = new Option<string?>("--log") { Description = "JSON Lines log of every file and its outcome (default: import-log.jsonl in the index folder)." };
        var commitEvery = new Option<int>("--commit-every") { Description = "Commit after this many changed files.", DefaultValueFactory = _ => 1000 };
        var synonyms = new Option<string?>("--synonyms") { Description = "Install this synonym file (Solr format) in the index and re-index the stored records with it." };
        var keepMissing = new Option<bool>("--keep-missing") { Description = "Keep the records of files gone from the folders imported (by default they are removed)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only list the indexed files that are gone from the folders and would be removed; change nothing." };
        var wait = new Option<bool>("--wait") { Description = IndexWriting.WaitDescription };
        var followLinks = new Option<bool>("--follow-links") { Description = "Read files and walk folders that symbolic links lead to outside the paths imported (by default such links are refused)." };
        var labels = new Option<string?>("--labels") { Description = "Install this label map (labels.csv: label, sheet kind, field) in the index; labels are mapped with it from now on." };
        var parsing = new ParsingOptions();
        var command = new Command("import", "Import submissions from files, folders and zip archives into the search index.") { paths, index, jobs, log, commitEvery, synonyms, keepMissing, dryRun, wait, followLinks, labels };
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
            new ImportSafety { KeepMissing = parse.GetValue(keepMissing), DryRun = parse.GetValue(dryRun), Wait = parse.GetValue(wait), FollowLinks = parse.GetValue(followLinks) },
            parse.GetValue(labels),
            parsing.Read(parse)));
        return command;
    }

    /// <summary>How an import treats files gone from its folders and another process writing the index.</summary>
    internal sealed record ImportSafety
    {
        /// <summary><c>--keep-missing</c>: keep the records of files gone from the roots.</summary>
        public bool KeepMissing { get; init; }

        /// <summary><c>--dry-run</c>: list what would be removed, change nothing.</summary>
        public bool DryRun { get; init; }

        /// <summary><c>--wait</c>: wait for another writer instead of leaving with <see cref="IndexWriting.IndexBusy"/>.</summary>
        public bool Wait { get; init; }

        /// <summary><c>--follow-links</c>: follow symbolic links that lead out of the paths imported.</summary>
        public bool FollowLinks { get; init; }

        /// <summary>The walk's link policy.</summary>
        public LinkPolicy Links => FollowLinks ? LinkPolicy.FollowOutside : LinkPolicy.StayInside;
    }

    internal static int Run(IReadOnlyList<string> paths, string indexDirectory, int jobs, string? logPath, int commitEvery, string? synonymFile, TextWriter output, TextWriter errors, ImportSafety? safety = null, string? labelFile = null, ParsingSettings? parsing = null)
    {
        safety ??= new ImportSafety();
        if (jobs < 1 || commitEvery < 1)
        {
            errors.WriteLine("--jobs and --commit-every must be at least 1");
            return 1;
        }
        if (safety.DryRun)
            return PreviewRemovals(paths, indexDirectory, safety.Links, output, errors);
        IndexWriterLock? writerLock;
        try
        {
            writerLock = IndexWriting.Take(indexDirectory, safety.Wait, errors);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine(ConsoleText.Line($"{indexDirectory}: cannot open the index: {e.Message}"));
            return 1;
        }
        if (writerLock is null)
            return IndexWriting.IndexBusy;
        using (writerLock)
            return Run(paths, indexDirectory, jobs, logPath, commitEvery, synonymFile, output, errors, safety, labelFile, parsing ?? ParsingSettings.InThisProcess, writerLock);
    }

    private static int Run(IReadOnlyList<string> paths, string indexDirectory, int jobs, string? logPath, int commitEvery, string? synonymFile, TextWriter output, TextWriter errors, ImportSafety safety, string? labelFile, ParsingSettings parsing, IndexWriterLock writerLock)
    {
        // The index's label map (installed first when given): every parser, in this process or a worker, maps with it.
        IFileExtractor extractor;
        try
        {
            if (labelFile is not null)
            {
                var installed = LabelMapFile.Install(labelFile, indexDirectory);
                output.WriteLine(ConsoleText.Line($"labels: {labelFile} installed in {Path.GetFullPath(indexDirectory)} ({installed.Count} mapping(s)); `ingest reindex` applies it to submissions already stored"));
            }
            extractor = parsing.CreateExtractor(workers: jobs, LabelMapFile.PathForIndex(indexDirectory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or CsvHelper.CsvHelperException)
        {
            errors.WriteLine(ConsoleText.Escape(e.Message)); // names the label map and the line
            return 1;
        }
        using var parsers = extractor as IDisposable;
        IndexStore store;
        try
        {
            store = IndexStore.Open(indexDirectory);
            if (synonymFile is not null)
            {
                store = IndexMaintenance.InstallSynonyms(store, synonymFile, writerLock);
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
            var total = BulkImporter.CountFiles(paths, safety.Links);
            var importer = new BulkImporter(store, extractor, new BulkImportOptions { Jobs = jobs, CommitEveryFiles = commitEvery, KeepMissing = safety.KeepMissing, Links = safety.Links });
            var live = output == Console.Out && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            // Failure lines on a live progress bar go above it, whole; elsewhere as they come.
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
                            return importer.Import(paths, new ImportObserver
                            {
                                Decided = outcome =>
                                {
                                    progress.Record(outcome);
                                    task.MaxValue = Math.Max(task.MaxValue, progress.Done);
                                    task.Value = progress.Done;
                                    task.Description = $"{progress.Done:N0}/{Math.Max(total, progress.Done):N0} files";
                                },
                                Durable = outcome => progress.Log(outcome, log),
                            }, writerLock);
                        });
                }
                else
                {
                    summary = importer.Import(paths, new ImportObserver
                    {
                        Decided = outcome =>
                        {
                            progress.Record(outcome);
                            progress.MaybePrintLine();
                        },
                        Durable = outcome => progress.Log(outcome, log),
                    }, writerLock);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Lucene.Net.Store.LockObtainFailedException)
            {
                errors.WriteLine(ConsoleText.Line($"{indexDirectory}: import stopped: {e.Message}"));
                return 1;
            }

            // The renewal report's linked arrangements of this commit, made now so the next report reads them at once.
            try
            {
                RenewalBasisFile.Refresh(store);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.WriteLine(ConsoleText.Line($"{indexDirectory}: the renewal report's kept arrangements were not updated ({e.Message}); the next report links them itself"));
            }

            progress.PrintSkipped(logPath);
            progress.PrintRemoved();
            if (summary.KeptUnverified > 0)
                errors.WriteLine(safety.KeepMissing
                    ? $"kept {summary.KeptUnverified:N0} indexed file(s) gone from the folders imported (--keep-missing); `ingest import --dry-run` lists them"
                    : $"kept {summary.KeptUnverified:N0} indexed file(s) this import did not find, because their folder or zip could not be walked (named above); `ingest remove PATH` removes them");
            if (summary.Upgraded > 0)
                output.WriteLine($"index upgraded to schema {IndexStore.SchemaVersion}: {summary.Upgraded} stored submission(s) re-indexed from their stored records");
            var seconds = Math.Max(0.001, summary.Elapsed.TotalSeconds);
            output.WriteLine(ConsoleText.Line(
                $"imported {summary.Imported}, unchanged {summary.Unchanged}, replaced {summary.Replaced}, removed {summary.Removed}, failed {summary.Failed}, skipped {summary.Skipped} in {summary.Elapsed.TotalSeconds:F1} s ({summary.Files / seconds:F1} files/s, {summary.Bytes / 1048576.0 / seconds:F2} MB/s); log: {logPath}"));
            output.WriteLine($"unknown labels: {progress.UnknownLabels} in the files extracted" + (progress.UnknownLabels > 0 ? " (`ingest labels --unknown` lists them)" : string.Empty));
            return summary.Failed > 0 ? SomeFilesFailed : 0;
        }
    }

    /// <summary><c>--dry-run</c>: walks the paths and lists what the import would remove; reads the index, changes nothing.</summary>
    private static int PreviewRemovals(IReadOnlyList<string> paths, string indexDirectory, LinkPolicy links, TextWriter output, TextWriter errors)
    {
        try
        {
            using var store = IndexStore.Open(indexDirectory);
            var plan = new BulkImporter(store, IngestPipeline.Default, new BulkImportOptions { Links = links }).PreviewRemovals(paths);
            foreach (var missing in plan.Remove)
                output.WriteLine(ConsoleText.Line($"would remove {missing.Path} ({missing.Reason})"));
            foreach (var kept in plan.Keep)
                errors.WriteLine(ConsoleText.Line($"would keep {kept.Path} ({kept.Reason})"));
            output.WriteLine($"dry run: {plan.Remove.Count:N0} indexed file(s) gone from the folders would be removed, {plan.Keep.Count:N0} kept; nothing was changed");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.WriteLine(ConsoleText.Line($"{indexDirectory}: cannot read the index: {e.Message}"));
            return 1;
        }
    }

    /// <summary>Counts, rate and ETA for plain output, the failure lines, and the JSON Lines log.</summary>
    private sealed class ImportProgress(int total, TextWriter output, TextWriter errors)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastLine = TimeSpan.Zero;
        private int _doneAtLastLine;
        private readonly Dictionary<string, int> _skippedByReason = new(StringComparer.Ordinal);
        private readonly List<FileOutcome> _removed = [];

        public int Done { get; private set; }

        /// <summary>Labels no field was recognised for, in the files extracted and written (not those unchanged or skipped).</summary>
        public int UnknownLabels { get; private set; }

        /// <summary>Counts a decided outcome and names a failure at once.</summary>
        public void Record(FileOutcome outcome)
        {
            if (!outcome.Skipped && outcome.Outcome != ImportOutcome.Removed)
                Done++;
            if (outcome.Outcome is ImportOutcome.Added or ImportOutcome.Replaced)
                UnknownLabels += outcome.UnknownLabels;
            if (outcome.Outcome == ImportOutcome.Failed && !outcome.Skipped)
                errors.WriteLine(ConsoleText.Line($"FAILED {outcome.Path}: {outcome.Message}"));
            else if (outcome.Skipped)
                _skippedByReason[SkipReason(outcome)] = _skippedByReason.GetValueOrDefault(SkipReason(outcome)) + 1;
        }

        /// <summary>Writes a durable outcome to the JSON Lines log, and names a removal once it is committed.</summary>
        public void Log(FileOutcome outcome, TextWriter log)
        {
            log.WriteLine(JsonSerializer.Serialize(new
            {
                path = outcome.Path,
                outcome = outcome.Skipped ? "skipped" : outcome.Outcome.ToString().ToLowerInvariant(),
                submissions = outcome.Submissions,
                sha256 = outcome.Sha256,
                unknownLabels = outcome.UnknownLabels,
                message = outcome.Message,
            }));
            if (outcome.Outcome == ImportOutcome.Removed)
                _removed.Add(outcome);
        }

        /// <summary>Names each removed file once the import is over (lines written while the progress bar is drawn would break it).</summary>
        public void PrintRemoved()
        {
            foreach (var outcome in _removed)
                output.WriteLine(ConsoleText.Line($"removed {outcome.Path} ({outcome.Message})"));
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
