using System.CommandLine;
using Ingest.Core.Diagnostics;
using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;
using Ingest.Index.Store;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest show PATH-or-ID [--index DIR] [--json]</c>: prints one stored record without reading its source file.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var key = new Argument<string>("path-or-id") { Description = "Source path, file name, record id (sha256#n) or a SHA-256 prefix (8+ hex digits)." };
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var json = new Option<bool>("--json") { Description = "Print the stored record as JSON (the FIELDS.md contract)." };
        var command = new Command("show", "Print the stored records of a file (every submission in it) or of an id, with the files that carry the same submission.") { key, index, json };
        command.SetAction(parse => Run(parse.GetValue(key) ?? string.Empty, parse.GetValue(index), parse.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Prints every record the key names; 0 when found, 1 when not or when the folder holds no index, 2 when there is no folder.</summary>
    internal static int Run(string key, string? indexDirectory, bool json, TextWriter output, TextWriter errors)
    {
        var directory = indexDirectory ?? IndexStore.DefaultDirectory;
        if (IndexFolder.Refuse(directory, errors) is { } refused)
            return refused;
        try
        {
            using var store = IndexStore.Open(directory);
            var records = RecordLookup.FindAll(store, key);
            if (records.Count == 0)
            {
                errors.WriteLine(ConsoleText.Line($"{key}: no such record in {store.DirectoryPath}"));
                return 1;
            }
            if (json)
                output.WriteLine(records.Count == 1 ? RecordJson.Serialize(records[0]) : RecordJson.Serialize(records));
            else
            {
                if (records.Count > 1)
                    output.WriteLine(ConsoleText.Line($"{records.Count} submissions in {records[0].Source.Path}"));
                foreach (var record in records)
                    WriteSubmission(store, record, output);
            }
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.WriteLine(ConsoleText.Line($"{directory}: cannot read the index: {e.Message}"));
            return 2;
        }
    }

    /// <summary>
    /// One submission: its id, then, when other files carry it too, each file with its format and which one the fields are
    /// read from (the most faithful), the fields taken from another rendition, and the fields on which the files disagree.
    /// </summary>
    private static void WriteSubmission(IndexStore store, SubmissionRecord record, TextWriter output)
    {
        output.WriteLine(ConsoleText.Line($"id: {record.Source.Sha256}#{record.Ordinal}"));
        var group = RecordLookup.RenditionsOf(store, record);
        if (group.Renditions.Count == 1)
        {
            RecordSummary.Write([record], output);
            return;
        }
        output.WriteLine(ConsoleText.Line($"renditions: {group.Renditions.Count} files carry this submission; fields are read from the first"));
        foreach (var rendition in group.Renditions)
            output.WriteLine(ConsoleText.Line($"  [{rendition.Source.Format}] {rendition.Source.Path}{(rendition.Ordinal > 0 ? $" #{rendition.Ordinal}" : string.Empty)}{(rendition == record ? "  (asked for)" : string.Empty)}"));
        RecordSummary.Write([group.Preferred], output);
        var fields = FieldProvenance.Of(group);
        foreach (var field in fields.Where(field => field.From != group.Preferred))
            output.WriteLine(ConsoleText.Line($"  from [{field.From.Source.Format}] {field.From.Source.Path}: {field.Scope} › {field.Label}"));
        foreach (var field in fields.Where(field => field.Disagreeing.Count > 0))
        {
            output.WriteLine(ConsoleText.Line($"  renditions disagree on {field.Scope} › {field.Label}: [{field.From.Source.Format}] {Shorten(field.Value)}"));
            foreach (var other in field.Disagreeing)
                output.WriteLine(ConsoleText.Line($"    [{other.Rendition.Source.Format}] {other.Rendition.Source.Path}: {(other.Value is null ? "(none)" : Shorten(other.Value))}"));
        }
        output.WriteLine();
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..58] + "…";
}
