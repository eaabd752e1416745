using System.CommandLine;
using System.Text;
using Ingest.Cli.Commands;
using Ingest.Core.Diagnostics;

namespace Ingest.Cli;

/// <summary>The <c>ingest</c> command line: parses arguments and hands each command to its class in <c>Commands/</c>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        StartupTrace.Mark("main");
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Console.InputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var root = BuildRoot(args.Length > 0 ? args[0] : null);
        StartupTrace.Mark("commands built");
        var parsed = root.Parse(args);
        StartupTrace.Mark("arguments parsed");
        var code = parsed.Invoke();
        StartupTrace.Mark("done");
        return code;
    }

    /// <summary>Every command by its name, registered once here; each is created only when asked for.</summary>
    internal static readonly (string Name, Func<Command> Create)[] CommandTable =
    [
        ("extract", ExtractCommand.Create),
        ("import", ImportCommand.Create),
        ("remove", RemoveCommand.Create),
        ("reindex", ReindexCommand.Create),
        ("labels", LabelsCommand.Create),
        ("search", SearchCommand.Create),
        ("show", ShowCommand.Create),
        ("similar", SimilarCommand.Create),
        ("history", HistoryCommand.Create),
        ("generate", GenerateCommand.Create),
        ("tokenize", TokenizeCommand.Create),
        ("report", ReportCommand.Create),
        ("export", ExportCommand.Create),
        ("serve", ServeCommand.Create),
        ("worker", WorkerCommand.Create),
    ];

    /// <summary>Every command (help, tests).</summary>
    public static RootCommand BuildRoot() => BuildRoot(invoked: null);

    /// <summary>
    /// The command line for one run: when <paramref name="invoked"/> names a command, only that one is created, since
    /// creating a command loads its assemblies and runs its static initialisers (the web server's, the importer's), which
    /// cost a search or a report tens of milliseconds at every start; otherwise (help, a mistyped name) all of them.
    /// </summary>
    public static RootCommand BuildRoot(string? invoked)
    {
        var root = new RootCommand("Ingest: privacy-council submissions to structured, searchable, reportable records.");
        var only = CommandTable.Where(command => command.Name == invoked).ToArray();
        foreach (var (_, create) in only.Length > 0 ? only : CommandTable)
            root.Subcommands.Add(create());
        return root;
    }
}
