using System.CommandLine;
using Ingest.Core.Diagnostics;
using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;
using Ingest.Index.Store;
using Ingest.Reports.History;
using Ingest.Reports.Renewals;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest history PATH-or-ID [--index DIR]</c>: for each arrangement of one stored submission, its terms across years
/// (oldest first) and what changed between consecutive terms — partners replaced, fields changed, as a word-level
/// difference ([-removed-]{+added+}), with whether the form marked the change.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var key = new Argument<string>("path-or-id") { Description = "Source path, file name, record id (sha256#n) or a SHA-256 prefix (8+ hex digits)." };
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var command = new Command("history", "Each term of a submission's arrangements across years, and what changed between them.") { key, index };
        command.SetAction(parse => Run(parse.GetValue(key) ?? string.Empty, parse.GetValue(index) ?? IndexStore.DefaultDirectory, Console.Out, Console.Error));
        return command;
    }

    /// <summary>
    /// Prints the history of the submission <paramref name="name"/> names; 0, 1 when nothing is found (or the folder holds no
    /// index), 2 when there is no folder or the index cannot be read.
    /// </summary>
    internal static int Run(string name, string directory, TextWriter output, TextWriter errors)
    {
        if (IndexFolder.Refuse(directory, errors) is { } refused)
            return refused;
        try
        {
            using var store = IndexStore.Open(directory);
            var record = store.Find(name);
            if (record is null)
            {
                errors.WriteLine(ConsoleText.Line($"{name}: no such record in {store.DirectoryPath}"));
                return 1;
            }
            return Run(record, store.AllRecords(), output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.WriteLine(ConsoleText.Line($"{directory}: cannot read the index: {e.Message}"));
            return 2;
        }
    }

    /// <summary>Prints the history of every arrangement of <paramref name="record"/>; 0, or 1 when it holds no arrangement.</summary>
    internal static int Run(SubmissionRecord record, IEnumerable<SubmissionRecord> all, TextWriter output)
    {
        var history = HistoryLinker.Link(ArrangementKinds.From(all));
        // Each submission is in the history once, from its most faithful file: match by rendition key, so the PDF or text
        // dump of a Word original answers as the original does.
        var key = RenditionRule.KeyOf(record);
        var mine = history.Arrangements.Where(a => RenditionRule.KeyOf(a.Submission) == key).ToList();
        if (mine.Count == 0)
        {
            output.WriteLine(ConsoleText.Line($"{record.Source.Path}: no 外部結合, 委任 or 委託 sheet, so no arrangement to follow"));
            return 1;
        }
        foreach (var arrangement in mine)
            Write(TermHistories.Of(history, arrangement), arrangement, output);
        return 0;
    }

    private static void Write(TermHistory history, Arrangement arrangement, TextWriter output)
    {
        output.WriteLine(ConsoleText.Line($"{arrangement.SheetType} {arrangement.OwningSection} 「{arrangement.Title}」: {history.Terms.Count} term(s)"));
        foreach (var term in history.Terms)
        {
            var year = term.FiscalYear is { } y ? $"{y}年度" : "年度不明";
            var mark = term.Id == arrangement.Id ? " *" : string.Empty;
            output.WriteLine(ConsoleText.Line($"  {year}  {term.Path}{mark}"));
            output.WriteLine(ConsoleText.Line($"      相手方: {string.Join("、", term.Partners)}"));
            output.WriteLine(ConsoleText.Line($"      期間: {term.Period?.Text}"));
        }
        foreach (var change in history.Changes)
        {
            output.WriteLine();
            output.WriteLine(ConsoleText.Line($"  {Year(change.Earlier)} → {Year(change.Later)}: {Describe(change)}"));
            if (change.PartnersRemoved.Count > 0 || change.PartnersAdded.Count > 0)
                output.WriteLine(ConsoleText.Line($"    相手方: [-{string.Join("、", change.PartnersRemoved)}-]{{+{string.Join("、", change.PartnersAdded)}+}}"));
            foreach (var field in change.Fields)
            {
                var how = field.Source switch
                {
                    ChangeSource.MarkedAndText => "変更箇所として明示",
                    ChangeSource.MarkedOnly => "変更箇所として明示、文言は同じ",
                    _ => "本文の差分",
                };
                output.WriteLine(ConsoleText.Line($"    {field.Label}（{how}）:"));
                output.WriteLine(ConsoleText.Line($"      {WordDiff.Plain(field.Diff)}"));
            }
        }
        output.WriteLine();
    }

    private static string Year(Arrangement a) => a.FiscalYear is { } y ? $"{y}年度" : System.IO.Path.GetFileName(a.Path);

    private static string Describe(TermChange change) => change.Fields.Count == 0 && change.PartnersAdded.Count == 0 && change.PartnersRemoved.Count == 0
        ? "変更なし"
        : $"{change.Fields.Count} 項目が変更";
}
