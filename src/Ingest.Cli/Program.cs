using System.CommandLine;
using System.Text;
using Ingest.Cli.Commands;

namespace Ingest.Cli;

/// <summary>The <c>ingest</c> command line: parses arguments and hands each command to its class in <c>Commands/</c>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Console.InputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return BuildRoot().Parse(args).Invoke();
    }

    /// <summary>Every command, registered once here.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Ingest: privacy-council submissions to structured, searchable, reportable records.");
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(RemoveCommand.Create());
        root.Subcommands.Add(ReindexCommand.Create());
        root.Subcommands.Add(LabelsCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(SimilarCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(TokenizeCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        return root;
    }
}
