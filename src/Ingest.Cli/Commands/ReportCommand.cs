using System.CommandLine;
using System.Globalization;
using Ingest.Core.Dates;
using Ingest.Core.Records;
using Ingest.Index.Store;
using Ingest.Reports.Drafts;
using Ingest.Reports.Export;
using Ingest.Reports.Renewals;
using Ingest.Core.Diagnostics;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest report renewals [--index DIR] [--as-of YYYY-MM-DD] [--fiscal-year N] [--type 外部結合|委任|委託]
/// [--format table|csv|xlsx|md|html|json] [--out FILE]</c>: which arrangements need renewal, continue, ended or were
/// replaced, from the records in the index. The only place that glues the record store to the report library.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var asOf = new Option<string?>("--as-of") { Description = "Report date YYYY-MM-DD (default: today)." };
        var fiscalYear = new Option<int?>("--fiscal-year") { Description = "Fiscal year to renew for, e.g. 2026 (default: the fiscal year of the report date)." };
        var type = new Option<string?>("--type") { Description = "Only 外部結合, 委任 or 委託 (委託 includes 再委託)." };
        var format = new Option<string>("--format") { Description = $"Output format: {string.Join(", ", ReportWriters.Formats)}.", DefaultValueFactory = _ => "table" };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of the terminal (required for xlsx unless output is redirected)." };
        var remind = new Option<int?>("--remind-weeks") { Description = $"With --format ics: the reminder this many weeks before each due date (default {IcsReportWriter.DefaultReminder.Days / 7}; 0 for none before)." };
        var drafts = new Option<string?>("--drafts") { Description = "Instead of the report, write next term's Word submission for every arrangement that needs renewal into this folder." };

        var renewals = new Command("renewals", "Arrangements (外部結合, 委任, 委託) that need renewal for a fiscal year, with the phrase that decided each.")
        {
            index, asOf, fiscalYear, type, format, output, drafts, remind,
        };
        renewals.SetAction(parse =>
        {
            var request = new Request(parse.GetValue(index), parse.GetValue(asOf), parse.GetValue(fiscalYear),
                parse.GetValue(type), parse.GetValue(format) ?? "table", parse.GetValue(output), parse.GetValue(drafts))
            {
                RemindWeeks = parse.GetValue(remind),
            };
            return RunFromIndex(request, TimeProvider.System, Console.Error);
        });

        return new Command("report", "Reports over the indexed records.") { renewals };
    }

    /// <summary>Longest reminder a calendar event may give, in weeks (a year).</summary>
    internal const int MaxRemindWeeks = 52;

    /// <summary>The command's arguments, unvalidated.</summary>
    internal sealed record Request(string? Index, string? AsOf, int? FiscalYear, string? Type, string Format, string? Out, string? Drafts = null)
    {
        /// <summary>The terminal's width the table is fitted to; null for no limit.</summary>
        public int? TerminalWidth { get; init; }

        /// <summary>Weeks before a due date a calendar event reminds (ics only); null for the default.</summary>
        public int? RemindWeeks { get; init; }
    }

    /// <summary>
    /// The width a table on standard output is fitted to: <c>$COLUMNS</c> when it is set (shells set it but do not export
    /// it, so a user who exports it asks for that width, also into a pipe), else the terminal's own width, else none.
    /// </summary>
    private static int? TerminalWidth()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0)
            return columns;
        if (Console.IsOutputRedirected)
            return null;
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>0 when reported; 1 when the folder holds no index (as search and show); 2 when there is no folder or an argument is wrong.</summary>
    internal static int RunFromIndex(Request request, TimeProvider clock, TextWriter errors)
    {
        var directory = request.Index ?? IndexStore.DefaultDirectory;
        // A missing folder is a mistyped --index or no import yet: say so, rather than report nothing.
        if (IndexFolder.Refuse(directory, errors) is { } refused)
            return refused;
        try
        {
            using var store = IndexStore.Open(directory);
            StartupTrace.Mark("store opened");
            // Drafts need whole records (read only then); a report needs the linked arrangements, kept beside the index per
            // commit, so a report whose kept basis is current opens no reader over the index at all.
            return Run(request with { TerminalWidth = TerminalWidth() }, store.AllRecords(), clock, Console.OpenStandardOutput, Console.IsOutputRedirected, errors,
                () => RenewalBasisFile.Load(store));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.WriteLine(ConsoleText.Line($"{directory}: cannot read the index: {e.Message}"));
            return 1;
        }
    }

    /// <summary>
    /// Validates the request, builds the report and writes it; 0 on success, 2 on a usage error, 1 when the output cannot be
    /// written. <paramref name="linked"/> gives the records' linked history when it is kept (else it is linked from them).
    /// </summary>
    internal static int Run(Request request, IEnumerable<SubmissionRecord> records, TimeProvider clock,
        Func<Stream> standardOutput, bool outputRedirected, TextWriter errors, Func<ArrangementHistory>? linked = null)
    {
        var writer = ReportWriters.For(request.Format);
        if (writer is null)
            return Usage(errors, $"--format '{request.Format}': expected one of {string.Join(", ", ReportWriters.Formats)}");

        var query = RenewalQuery.Today(clock);
        if (request.AsOf is not null)
        {
            if (!DateOnly.TryParseExact(request.AsOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Usage(errors, $"--as-of '{request.AsOf}': expected a date YYYY-MM-DD");
            query = query with { AsOf = date };
        }
        if (request.FiscalYear is { } year)
        {
            if (year is < FiscalYear.MinYear or > FiscalYear.MaxYear)
                return Usage(errors, $"--fiscal-year {year}: expected a year {FiscalYear.MinYear}–{FiscalYear.MaxYear}");
            query = query with { FiscalYear = new FiscalYear(year) };
        }
        if (request.Type is not null)
        {
            if (!ArrangementKinds.Filterable.Contains(request.Type.Trim()))
                return Usage(errors, $"--type '{request.Type}': expected one of {string.Join(", ", ArrangementKinds.Filterable)}");
            query = query with { SheetType = request.Type.Trim() };
        }
        if (request.RemindWeeks is { } weeks)
        {
            if (writer is not IcsReportWriter)
                return Usage(errors, "--remind-weeks is for --format ics");
            if (weeks is < 0 or > MaxRemindWeeks)
                return Usage(errors, $"--remind-weeks {weeks}: expected 0–{MaxRemindWeeks}");
            writer = new IcsReportWriter(TimeSpan.FromDays(7 * weeks));
        }
        if (writer.IsBinary && request.Out is null && !outputRedirected)
            return Usage(errors, $"--format {writer.Format} writes a binary file: give --out FILE{writer.Extension}");

        if (request.Drafts is not null)
            return WriteDrafts(request.Drafts, records, query, standardOutput, errors);

        // A table for the terminal fits its width; a table into a file keeps every column whole.
        if (writer is TableReportWriter && request.Out is null && request.TerminalWidth is { } width)
            writer = new TableReportWriter(width);
        var report = linked is null ? RenewalReportBuilder.Build(records, query) : RenewalReportBuilder.Build(linked(), query);
        StartupTrace.Mark("report built");
        try
        {
            if (request.Out is null)
            {
                using var stdout = standardOutput();
                writer.Write(report, stdout);
                StartupTrace.Mark("report written");
            }
            else
            {
                using var file = File.Create(request.Out);
                writer.Write(report, file);
                errors.WriteLine(ConsoleText.Line($"{request.Out}: {report.Rows.Count} arrangements, {report.NeedingRenewal.Count()} need renewal for FY{report.FiscalYear.Year}"));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine(ConsoleText.Line($"{request.Out ?? "standard output"}: cannot write: {e.Message}"));
            return 1;
        }
        return 0;
    }

    /// <summary>Next term's drafts into a folder; each file on a line of its own (with the record it was made from).</summary>
    private static int WriteDrafts(string directory, IEnumerable<SubmissionRecord> records, RenewalQuery query, Func<Stream> standardOutput, TextWriter errors)
    {
        var drafts = RenewalDrafts.Plan(records, query);
        try
        {
            var written = RenewalDraftWriter.WriteAll(drafts, directory);
            using var stdout = new StreamWriter(standardOutput(), new System.Text.UTF8Encoding(false));
            for (var i = 0; i < drafts.Count; i++)
                stdout.WriteLine(ConsoleText.Line($"{written[i]}  ← {drafts[i].Original.Source.Path}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine(ConsoleText.Line($"{directory}: cannot write drafts: {e.Message}"));
            return 1;
        }
        errors.WriteLine(ConsoleText.Line($"{directory}: {drafts.Count} drafts for {drafts.Sum(d => d.Renewed.Count)} arrangements due by {query.TargetYear.End:yyyy-MM-dd} (FY{query.TargetYear.Year}); fill in the highlighted 【要記入：…】 parts"));
        return 0;
    }

    private static int Usage(TextWriter errors, string message)
    {
        errors.WriteLine(ConsoleText.Escape(message));
        return 2;
    }
}
