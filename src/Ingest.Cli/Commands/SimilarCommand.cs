using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingest.Core.Diagnostics;
using Ingest.Core.Records;
using Ingest.Index.Documents;
using Ingest.Index.Search;
using Ingest.Index.Store;
using Ingest.Pipeline;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest similar PATH-or-ID | --file DRAFT | --text - [--index DIR] [--limit N] [--json]</c>: the past submissions most
/// like a stored one or a draft (<see cref="SimilarSubmissions"/>), so a clerk drafting a new linkage finds the precedent
/// wording of its 情報保護対策.
/// </summary>
internal static class SimilarCommand
{
    public static Command Create()
    {
        var key = new Argument<string?>("path-or-id") { Description = "A stored submission: source path, file name, record id (sha256#n) or hash prefix.", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "A draft file (text, Word or PDF), read as import reads it." };
        var text = new Option<string?>("--text") { Description = "Draft text; - reads it from standard input." };
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var limit = new Option<int>("--limit") { Description = "Submissions to show (default 10).", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print JSON: [ { path, id, title, fiscalYear, score, sharedTerms } ]." };
        var command = new Command("similar", "Find past submissions like a stored one or a draft.") { key, file, text, index, limit, json };
        command.SetAction(parse => Run(parse.GetValue(key), parse.GetValue(file), parse.GetValue(text), parse.GetValue(index), parse.GetValue(limit),
            parse.GetValue(json), Console.In, Console.Out, Console.Error));
        return command;
    }

    /// <summary>0 with results, 1 with none (or no index in the folder, or nothing found for the key), 2 on bad arguments or an unreadable draft.</summary>
    internal static int Run(string? key, string? file, string? text, string? indexDirectory, int limit, bool json, TextReader input, TextWriter output, TextWriter errors)
    {
        if (new[] { key, file, text }.Count(value => !string.IsNullOrEmpty(value)) != 1)
        {
            errors.WriteLine("give one of: a stored submission (PATH-or-ID), --file DRAFT, or --text - (standard input)");
            return 2;
        }
        var directory = indexDirectory ?? IndexStore.DefaultDirectory;
        if (IndexFolder.Refuse(directory, errors) is { } refused)
            return refused;
        string? draft = null;
        if (file is not null)
        {
            var extracted = IngestPipeline.Default.ExtractFile(file);
            if (!extracted.Succeeded)
            {
                errors.WriteLine(ConsoleText.Line($"{file}: {extracted.Error}"));
                return 2;
            }
            draft = string.Join("\n", extracted.Submissions.SelectMany(RecordTexts.All).Select(entry => entry.Text));
        }
        else if (text is not null)
            draft = text == "-" ? input.ReadToEnd() : text;

        using var store = IndexStore.Open(directory);
        using var lease = store.AcquireSearcher();
        if (lease is null)
            return 1;
        var similar = new SimilarSubmissions(lease.Searcher, store.Analysis);
        IReadOnlyList<SimilarSubmission> found;
        if (draft is not null)
            found = similar.LikeText(draft, limit);
        else if (store.Find(key!) is { } record)
            found = similar.LikeRecord(record, limit);
        else
        {
            errors.WriteLine(ConsoleText.Line($"{key}: no such record in {store.DirectoryPath}"));
            return 1;
        }
        if (json)
            output.WriteLine(ToJson(found).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        else
            WriteText(found, output);
        return found.Count > 0 ? 0 : 1;
    }

    private static JsonArray ToJson(IReadOnlyList<SimilarSubmission> found) =>
        new([.. found.Select(item => (JsonNode?)new JsonObject
        {
            ["path"] = item.Record.Source.Path,
            ["id"] = $"{item.Record.Source.Sha256}#{item.Record.Ordinal}",
            ["title"] = item.Record.Title,
            ["fiscalYear"] = item.Record.FiscalYear,
            ["score"] = Math.Round(item.Score, 4),
            ["sharedTerms"] = new JsonArray([.. item.SharedTerms.Select(term => (JsonNode?)JsonValue.Create(term))]),
        })]);

    private static void WriteText(IReadOnlyList<SimilarSubmission> found, TextWriter output)
    {
        if (found.Count == 0)
            output.WriteLine("no similar submissions");
        var rank = 0;
        foreach (var item in found)
        {
            var record = item.Record;
            output.WriteLine(ConsoleText.Line($"{++rank,3}. {record.Title ?? "(件名なし)"}  [{record.FiscalYear?.ToString(CultureInfo.InvariantCulture) ?? "年度不明"}]  score {item.Score:0.00}"));
            output.WriteLine(ConsoleText.Line($"     {record.Source.Path}{(record.Ordinal > 0 ? $" #{record.Ordinal}" : string.Empty)}"));
            output.WriteLine(ConsoleText.Line($"     shared: {string.Join(" ", item.SharedTerms)}"));
        }
    }
}
