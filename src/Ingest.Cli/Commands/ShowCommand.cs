using System.CommandLine;
using Ingest.Core.Diagnostics;
using Ingest.Core.Records;
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
        var command = new Command("show", "Print one stored record.") { key, index, json };
        command.SetAction(parse => Run(parse.GetValue(key) ?? string.Empty, parse.GetValue(index), parse.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Prints the record; 0 when found, 1 when not, 2 when there is no index.</summary>
    internal static int Run(string key, string? indexDirectory, bool json, TextWriter output, TextWriter errors)
    {
        var directory = indexDirectory ?? IndexStore.DefaultDirectory;
        if (!Directory.Exists(directory))
        {
            errors.WriteLine(ConsoleText.Line($"{directory}: no index here; run `ingest import` first"));
            return 2;
        }
        try
        {
            using var store = IndexStore.Open(directory);
            var record = store.Find(key);
            if (record is null)
            {
                errors.WriteLine(ConsoleText.Line($"{key}: no such record in {store.DirectoryPath}"));
                return 1;
            }
            if (json)
                output.WriteLine(RecordJson.Serialize(record));
            else
            {
                output.WriteLine(ConsoleText.Line($"id: {record.Source.Sha256}#{record.Ordinal}"));
                RecordSummary.Write([record], output);
            }
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.WriteLine(ConsoleText.Line($"{directory}: cannot read the index: {e.Message}"));
            return 2;
        }
    }
}
