using System.CommandLine;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest extract FILE... [--json]</c>: prints the record contract for each file.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Submission files (text, PDF, DOCX).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the JSON record contract (FIELDS.md)." };
        var command = new Command("extract", "Extract structured records from submission files.") { files, json };
        command.SetAction(parse => 0);
        return command;
    }
}
